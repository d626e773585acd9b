//! `plenary export` as a user meets it: the real binary on a scratch copy
//! of the bundled drafts after a morning of negotiation (proposals and
//! positions filed with `plenary propose` and `plenary position`).
//!
//! Text formats are compared with golden files in tests/golden/export/;
//! run with `PLENARY_BLESS=1` to rewrite them after an intended change, then
//! review the diff. The .docx checks (a real reader, pandoc, and an XML
//! well-formedness pass over every part) are in `export/docx.rs`.

mod common;
#[path = "export/docx.rs"]
mod docx;
mod pty;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{plenary, stderr, stdout};
use plenary::model::{DraftStatus, ProposalStatus, Timestamp, Version};
use plenary::store::{self, Folder};

const ENTITIES: &str = "entities-of-concern";
const IE_TEM: &str = "ie-tem-working-group";
const ROUND_TABLE: &str = "round-table";
const CHINA: &str = "outreach-to-china";

/// A scratch copy of the bundled drafts as they stand on the third day:
///
/// - ie-tem-working-group: Germany proposes a standing committee; France
///   objects, Italy supports.
/// - round-table: agreed as tabled.
/// - entities-of-concern: France restores the missing "of" (Germany
///   supports, Japan reserves); Japan brackets the RPOC date (the United
///   States objects).
/// - outreach-to-china: the Chair adopted the Russian Federation's
///   correction ("contacts") as version 2, agreed ad referendum.
///
/// Every time a command stamped is then pinned (see [`pin_times`]), so the
/// output is the same on every run.
pub fn negotiated() -> (tempfile::TempDir, PathBuf) {
    let (tmp, drafts) = common::scratch_drafts();
    let entities = current_text(&drafts, ENTITIES);
    let ie_tem = current_text(&drafts, IE_TEM);
    let china = current_text(&drafts, CHINA);
    let france = entities.replace("the list entities", "the list of entities");
    let japan = entities.replace("the 2010 RPOC meeting", "the [2010 RPOC] meeting");
    let germany = ie_tem.replace("an ad hoc working group", "a standing committee");
    let russia = china.replace("bilateral contracts", "bilateral contacts");
    #[rustfmt::skip]
    let steps: &[&[&str]] = &[
        &["propose", ENTITIES, "--as", "France", "--text", &france,
          "--rationale", "Restore the missing \"of\"."],
        &["position", ENTITIES, "france-1", "support", "--as", "Germany"],
        &["position", ENTITIES, "france-1", "reserve", "--as", "Japan",
          "--note", "awaiting instructions"],
        &["propose", ENTITIES, "--as", "Japan", "--text", &japan,
          "--rationale", "The date is not agreed in capital."],
        &["position", ENTITIES, "japan-1", "object", "--as", "United States"],
        &["propose", IE_TEM, "--as", "Germany", "--text", &germany],
        &["position", IE_TEM, "germany-1", "object", "--as", "France",
          "--note", "prefers an ad hoc group"],
        &["position", IE_TEM, "germany-1", "support", "--as", "Italy"],
        &["propose", CHINA, "--as", "Russian Federation", "--text", &russia,
          "--rationale", "Typo: contacts, not contracts."],
    ];
    for args in steps {
        let out = plenary(&drafts, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    chair_adopts(&drafts);
    pin_times(&drafts);
    (tmp, drafts)
}

/// What the Chair did, which no command does yet: version 2 of
/// outreach-to-china from the Russian proposal, and two drafts agreed.
fn chair_adopts(drafts: &Path) {
    let mut folder = load(drafts);
    update(&mut folder, CHINA, |draft| {
        let proposal = &mut draft.proposals[0];
        proposal.status = ProposalStatus::Accepted;
        let text = proposal.text.clone();
        draft.versions.push(Version {
            version: 2,
            author: "Brazil".into(),
            at: Timestamp::parse("2009-11-12T16:30:00Z").unwrap(),
            note: Some("Russian correction adopted".into()),
            adopted_from: None,
            text,
        });
        draft.status = DraftStatus::AdRef;
    });
    update(&mut folder, ROUND_TABLE, |draft| {
        draft.status = DraftStatus::Agreed
    });
}

/// Proposals and positions get fixed times on 10 November 2009, five
/// minutes apart, draft by draft in the session's order.
fn pin_times(drafts: &Path) {
    let mut folder = load(drafts);
    let mut minutes = 0;
    let ids: Vec<String> = folder.entries.iter().map(|e| e.id.clone()).collect();
    for id in ids {
        update(&mut folder, &id, |draft| {
            for proposal in &mut draft.proposals {
                proposal.at = pinned(&mut minutes);
                for position in &mut proposal.positions {
                    position.at = pinned(&mut minutes);
                }
            }
        });
    }
}

fn pinned(minutes: &mut u32) -> Timestamp {
    *minutes += 5;
    let text = format!(
        "2009-11-10T{:02}:{:02}:00Z",
        9 + *minutes / 60,
        *minutes % 60
    );
    Timestamp::parse(&text).unwrap()
}

pub fn load(drafts: &Path) -> Folder {
    store::load_folder(drafts).expect("the drafts folder loads")
}

pub fn update(folder: &mut Folder, id: &str, change: impl FnOnce(&mut plenary::model::Draft)) {
    folder
        .update(id, |draft, _| {
            change(draft);
            Ok::<(), String>(())
        })
        .expect("the draft saves");
}

pub fn current_text(drafts: &Path, id: &str) -> String {
    let folder = load(drafts);
    let draft = folder.entry(id).and_then(|e| e.draft()).expect("draft");
    draft.current().expect("a text").text.clone()
}

/// `plenary export ARGS` on standard output (a pipe), which must succeed.
pub fn export(drafts: &Path, args: &[&str]) -> Vec<u8> {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let out = plenary(drafts, &all);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    out.stdout
}

fn export_text(drafts: &Path, args: &[&str]) -> String {
    String::from_utf8(export(drafts, args)).expect("text formats are UTF-8")
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export")
}

/// Compares (or, with PLENARY_BLESS=1, writes) `name` in the golden folder.
fn check_golden(name: &str, actual: &str, mismatches: &mut Vec<String>) {
    let path = golden_dir().join(name);
    if std::env::var_os("PLENARY_BLESS").is_some_and(|v| v == "1") {
        fs::create_dir_all(golden_dir()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    match fs::read_to_string(&path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => mismatches.push(format!(
            "{}: differs\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        )),
        Err(e) => mismatches.push(format!("{}: {e}", path.display())),
    }
}

#[test]
fn every_view_and_text_format_matches_its_golden_file() {
    let (_tmp, drafts) = negotiated();
    let mut mismatches = Vec::new();
    for view in ["clean", "redline", "compilation"] {
        for format in ["txt", "md", "html"] {
            let text = export_text(&drafts, &["--view", view, "--format", format]);
            check_golden(&format!("{view}.{format}"), &text, &mut mismatches);
        }
    }
    assert!(
        mismatches.is_empty(),
        "{}\n(rerun with PLENARY_BLESS=1 to accept)",
        mismatches.join("\n")
    );
}

#[test]
fn text_is_wrapped_at_72_columns() {
    let (_tmp, drafts) = negotiated();
    for view in ["clean", "redline", "compilation"] {
        let text = export_text(&drafts, &["--view", view]);
        for line in text.lines() {
            assert!(line.chars().count() <= 72, "{view}: {line:?}");
        }
    }
}

#[test]
fn clean_view_is_the_final_text_with_each_status() {
    let (_tmp, drafts) = negotiated();
    let text = export_text(&drafts, &[]);
    assert!(
        text.starts_with("MTCR Plenary, Rio de Janeiro 2009\n"),
        "{text}"
    );
    for (number, status) in [
        ("1. U.S. Proposal on IE-TEM", "Under negotiation"),
        ("2. U.S. Proposal on Round Table", "Agreed ·"),
        ("3. U.S. Proposal on Entities", "Under negotiation"),
        (
            "4. U.S. Proposal on Outreach to China",
            "Agreed ad referendum",
        ),
    ] {
        let at = text
            .find(number)
            .unwrap_or_else(|| panic!("{number}: {text}"));
        assert!(text[at..].contains(status), "{number}");
    }
    assert!(
        text.contains("bilateral contacts"),
        "version 2 is the current text"
    );
    assert!(
        !text.contains("[-") && !text.contains("{+"),
        "no redline in clean"
    );
    let agreed = export_text(&drafts, &["--agreed-only"]);
    assert!(
        agreed.contains("1. U.S. Proposal on Round Table"),
        "{agreed}"
    );
    assert!(agreed.contains("2. U.S. Proposal on Outreach to China"));
    assert!(!agreed.contains("Entities of Concern"));
}

#[test]
fn drafts_only_keeps_the_session_order() {
    let (_tmp, drafts) = negotiated();
    let text = export_text(&drafts, &["--drafts-only", &format!("{CHINA},{IE_TEM}")]);
    let ie = text.find("1. U.S. Proposal on IE-TEM").expect(&text);
    let china = text
        .find("2. U.S. Proposal on Outreach to China")
        .expect(&text);
    assert!(ie < china);
    assert!(!text.contains("Round Table"));
}

#[test]
fn redline_view_marks_the_chairs_changes() {
    let (_tmp, drafts) = negotiated();
    let text = flat(&export_text(&drafts, &["--view", "redline"]));
    assert!(
        text.contains("bilateral [-contracts-]{+contacts+}"),
        "{text}"
    );
    assert!(text.contains(
        "Changes: version 2 against the original, adopted by Brazil, 2009-11-12T16:30:00Z"
    ));
    assert!(text.contains("Changes: none since the original"));
    let against = export_text(
        &drafts,
        &[
            "--view",
            "redline",
            "--against",
            "v2",
            "--drafts-only",
            CHINA,
        ],
    );
    assert!(
        against.contains("Changes: none since version 2"),
        "{against}"
    );
}

#[test]
fn compilation_has_every_open_proposal_with_positions() {
    let (_tmp, drafts) = negotiated();
    let text = flat(&export_text(&drafts, &["--view", "compilation"]));
    for expected in [
        "Proposal france-1 by France, 2009-11-10T09:20:00Z Rationale: Restore the missing \"of\".",
        "the list {+of +}entities",
        "at the {+[+}2010 RPOC{+]+} meeting",
        "Supports: Germany",
        "Reserves: Japan (awaiting instructions)",
        "Proposal japan-1 by Japan",
        "Objects: United States",
        "Objects: France (prefers an ad hoc group)",
        "Supports: Italy",
        "Proposals: none open",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
    assert!(!text.contains("russian-federation-1"), "accepted, not open");
}

#[test]
fn unknown_draft_is_named_with_the_known_ones_and_exits_2() {
    let (_tmp, drafts) = negotiated();
    let out = plenary(
        &drafts,
        &["export", "--drafts-only", "round-table,entities"],
    );
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(message.contains("no draft 'entities'"), "{message}");
    assert!(
        message.contains("did you mean 'entities-of-concern'?"),
        "{message}"
    );
    for id in [ENTITIES, IE_TEM, ROUND_TABLE, CHINA] {
        assert!(message.contains(id), "{message}");
    }
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_options_exit_2_with_a_reason() {
    let (_tmp, drafts) = negotiated();
    for (args, reason) in [
        (
            &["export", "--against", "v2"][..],
            "use it with --view redline",
        ),
        (
            &["export", "--view", "redline", "--against", "france-1"],
            "takes `original` or a version",
        ),
        (
            &["export", "--view", "redline", "--against", "v3"],
            "has no version 3",
        ),
        (&["export", "--format", "pdf"], "invalid value 'pdf'"),
    ] {
        let out = plenary(&drafts, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(reason), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn a_draft_that_failed_to_load_stops_the_export_unless_left_out() {
    let (_tmp, drafts) = negotiated();
    let path = drafts.join(format!("{ROUND_TABLE}.yaml"));
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("status: agreed", "status: shelved")).unwrap();
    let out = plenary(&drafts, &["export"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("draft 'round-table' failed to load"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("unknown word 'shelved'"));
    let text = export_text(&drafts, &["--drafts-only", CHINA]);
    assert!(text.contains("1. U.S. Proposal on Outreach to China"));
}

/// `text` with every run of whitespace (line ends and indents included) as
/// one space, to look for phrases however they were wrapped.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every file of the drafts folder, by name, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    common::file_names(dir)
        .into_iter()
        .map(|name| {
            let bytes = fs::read(dir.join(&name)).unwrap_or_default();
            (name, bytes)
        })
        .collect()
}

#[test]
fn exporting_never_changes_a_draft_file() {
    let (tmp, drafts) = negotiated();
    let before = snapshot(&drafts);
    for view in ["clean", "redline", "compilation"] {
        for format in ["txt", "md", "html", "docx"] {
            export(&drafts, &["--view", view, "--format", format]);
            let file = tmp.path().join(format!("{view}.{format}"));
            let path = file.to_str().unwrap();
            export(&drafts, &["--view", view, "-o", path]);
            assert!(file.is_file(), "{path}");
        }
    }
    assert_eq!(snapshot(&drafts), before);
}

#[test]
fn output_file_is_written_whole_and_never_over_a_draft() {
    let (tmp, drafts) = negotiated();
    let file = tmp.path().join("compilation.docx");
    let out = plenary(
        &drafts,
        &[
            "export",
            "--view",
            "compilation",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("wrote {} (4 drafts)\n", file.display())
    );
    assert!(
        fs::read(&file).unwrap().starts_with(b"PK\x03\x04"),
        "docx from the extension"
    );
    assert_eq!(
        common::file_names(tmp.path()),
        ["compilation.docx", "drafts"],
        "no temp file left"
    );

    let before = snapshot(&drafts);
    let draft = drafts.join(format!("{CHINA}.yaml"));
    let out = plenary(&drafts, &["export", "-o", draft.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("never drafts"), "{}", stderr(&out));
    assert_eq!(snapshot(&drafts), before);
}

/// A draft whose title, text and rationale carry markup, quotes, control
/// characters and a right-to-left override, as a hostile or careless file
/// could.
pub fn hostile() -> (tempfile::TempDir, PathBuf) {
    let (tmp, drafts) = common::scratch_drafts();
    let text = "Partners <script>alert('x')</script> & \"agree\" \u{1b}]0;pwned\u{7} \
                to hold *a* [Round](http://x) {--Table--}\u{0} \u{202E}evil שלום";
    let out = plenary(
        &drafts,
        &[
            "propose",
            ROUND_TABLE,
            "--as",
            "France",
            "--text",
            "Partners agree.",
            "--rationale",
            "<b>bold</b> \u{1b}[2J",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut folder = load(&drafts);
    update(&mut folder, ROUND_TABLE, |draft| {
        draft.title = "Round <Table> & \"Co\" \u{1b}[31m".into();
        draft.versions[0].text = "Partners agree to hold a Round Table.".into();
        draft.proposals[0].text = text.into();
    });
    pin_times(&drafts);
    (tmp, drafts)
}

#[test]
fn hostile_text_is_escaped_in_every_format() {
    let (_tmp, drafts) = hostile();
    let only = ["--view", "compilation", "--drafts-only", ROUND_TABLE];
    let mut mismatches = Vec::new();
    for format in ["txt", "md", "html"] {
        let mut args = only.to_vec();
        args.extend(["--format", format]);
        let text = export_text(&drafts, &args);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{0}') && !text.contains('\u{7}'),
            "{format}"
        );
        let unescaped_markup = match format {
            "html" => text.contains("<script") || text.contains("<b>bold"),
            "md" => text
                .match_indices('<')
                .any(|(at, _)| !text[..at].ends_with('\\')),
            _ => false,
        };
        assert!(!unescaped_markup, "{format}: {text}");
        check_golden(&format!("hostile.{format}"), &text, &mut mismatches);
    }
    assert!(
        mismatches.is_empty(),
        "{}\n(rerun with PLENARY_BLESS=1 to accept)",
        mismatches.join("\n")
    );

    let html = export_text(&drafts, &[&only[..], &["--format", "html"]].concat());
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;"));
    assert!(
        html.contains("␛]0;pwned␇"),
        "controls are shown, not passed"
    );
    assert!(!html.contains("<script"));
    assert!(
        html.contains("&lt;U+202E&gt;evil") && !html.contains('\u{202E}'),
        "overrides shown"
    );
    // Right-to-left text sits inside its own isolate, which ends before anything else.
    for (at, _) in html.match_indices('ש') {
        assert!(
            html[..at]
                .rfind('<')
                .is_some_and(|open| html[open..].starts_with("<bdi>"))
        );
        assert!(
            html[at..]
                .find('<')
                .is_some_and(|close| html[at + close..].starts_with("</bdi>"))
        );
    }
    let md = export_text(&drafts, &[&only[..], &["--format", "md"]].concat());
    assert!(md.contains("\\<script\\>"), "{md}");
    for escaped in [
        "{++\\*++}a",
        "{++\\](http://x) \\{--++}Table",
        "{++--\\}␀ \\<U+202E\\>evil שלום++}",
    ] {
        assert!(md.contains(escaped), "{escaped}: {md}");
    }
}

#[test]
fn a_terminal_gets_no_escape_and_no_docx() {
    let (_tmp, drafts) = hostile();
    let tui = pty::Tui::start(
        &drafts,
        &["export", "--view", "compilation", "--format", "html"],
        100,
        40,
        &[],
    );
    tui.wait_text("</html>");
    let raw = String::from_utf8_lossy(&tui.raw()).into_owned();
    assert!(tui.wait_exit(), "export to a terminal succeeds");
    assert!(raw.contains("&lt;U+202E&gt;evil"), "{raw}");
    assert!(
        !raw.contains('\u{1b}') && !raw.contains('\u{202E}'),
        "{raw}"
    );

    let tui = pty::Tui::start(&drafts, &["export", "--format", "docx"], 100, 40, &[]);
    tui.wait_text("a .docx is binary and this is a terminal");
    assert!(!tui.wait_exit(), "refused");
}

#[test]
fn nothing_agreed_yet_is_a_heading_and_a_note() {
    let out = plenary(&common::bundled(), &["export", "--agreed-only"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("MTCR Plenary, Rio de Janeiro 2009\n"));
    assert!(!stdout(&out).contains("1. "));
    assert!(
        stderr(&out).contains("no draft matches"),
        "{}",
        stderr(&out)
    );
}
