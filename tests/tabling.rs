//! Tabling drafts from the shell: `plenary import` on the seed cable (and
//! messier copies of it) and `plenary new`, on scratch folders.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{file_names, plenary, stderr, stdout};
use plenary::model::Draft;
use plenary::store::{self, Folder};

/// The seed cable, beside the checkout in `../shared` (CI lays it there).
fn seed() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seed/STATE-103767-MTCR-Rio-plenary-proposals.txt");
    fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: the tabling tests import the seed cable from ../shared beside the checkout",
            path.display()
        )
    })
}

/// A scratch drafts folder with the bundled session and no draft at all.
fn empty_session() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    fs::create_dir(&drafts).unwrap();
    let session = fs::read_to_string(common::bundled().join("plenary.yaml")).unwrap();
    let at = session.find("drafts:\n").unwrap();
    fs::write(
        drafts.join("plenary.yaml"),
        format!("{}drafts: []\n", &session[..at]),
    )
    .unwrap();
    (tmp, drafts)
}

/// Writes `text` beside the drafts folder as `name` and returns its path.
fn cable(tmp: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = tmp.path().join(name);
    fs::write(&path, text).unwrap();
    path
}

fn import(drafts: &Path, cable: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["import", cable.to_str().unwrap()];
    args.extend(extra);
    plenary(drafts, &args)
}

fn load(dir: &Path) -> Folder {
    store::load_folder(dir).unwrap()
}

fn drafts_of(folder: &Folder) -> Vec<Draft> {
    folder.drafts().cloned().collect()
}

/// Every file of a drafts folder and its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    file_names(dir)
        .into_iter()
        .filter(|n| !n.starts_with('.'))
        .map(|n| {
            let bytes = fs::read(dir.join(&n)).unwrap();
            (n, bytes)
        })
        .collect()
}

/// The imported folder holds exactly the bundled drafts: every field of
/// every draft (titles, sources, markings, version 1's author, time, note
/// and text), in the bundled order, and the same bytes on disk.
fn assert_bundled(drafts: &Path) {
    let bundled = load(&common::bundled());
    let imported = load(drafts);
    assert_eq!(imported.all_diagnostics(), Vec::<&store::Diagnostic>::new());
    assert_eq!(drafts_of(&imported), drafts_of(&bundled));
    assert_eq!(imported.session, bundled.session);
    assert_eq!(snapshot(drafts), snapshot(&common::bundled()));
}

#[test]
fn importing_the_seed_cable_tables_exactly_the_four_bundled_originals() {
    let (tmp, drafts) = empty_session();
    let seed = cable(&tmp, "STATE-103767.txt", &seed());
    let out = import(&drafts, &seed, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "tabled ie-tem-working-group: U.S. Proposal on IE-TEM Working Group to Follow Up on \
         Papers/Proposals on Emerging Technologies (STATE 103767 para 3)\n\
         tabled round-table: U.S. Proposal on Round Table (RT) for Outreach to Non-Members \
         (STATE 103767 para 4)\n\
         tabled entities-of-concern: U.S. Proposal on Entities of Concern (STATE 103767 para 5)\n\
         tabled outreach-to-china: U.S. Proposal on Outreach to China (STATE 103767 para 6)\n"
    );
    assert_eq!(stderr(&out), "");
    assert_bundled(&drafts);
}

#[test]
fn importing_twice_does_not_duplicate() {
    let (tmp, drafts) = empty_session();
    let seed = cable(&tmp, "cable.txt", &seed());
    assert_eq!(import(&drafts, &seed, &[]).status.code(), Some(0));
    let before = snapshot(&drafts);
    let again = import(&drafts, &seed, &[]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(
        stdout(&again),
        "already tabled para 3: ie-tem-working-group\n\
         already tabled para 4: round-table\n\
         already tabled para 5: entities-of-concern\n\
         already tabled para 6: outreach-to-china\n"
    );
    assert_eq!(snapshot(&drafts), before);
    // The bundled folder has them already, too.
    let (_tmp, bundled) = common::scratch_drafts();
    let before = snapshot(&bundled);
    let out = import(&bundled, &seed, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).matches("already tabled").count(), 4);
    assert_eq!(snapshot(&bundled), before);
}

#[test]
fn crlf_blank_lines_stray_spaces_and_page_breaks_change_no_word() {
    let seed = seed();
    let page_break = seed.replacen(
        "Partners further agree that this list is not a \"black list\"\n",
        "Partners further agree that this list is not a \"black list\"\n\u{c}\n\
         CONFIDENTIAL\n\nC O N F I D E N T I A L SECTION 02 OF 02 STATE 103767\n\
         PAGE 03 STATE 103767 061346Z\n\n",
        1,
    );
    assert_ne!(page_break, seed);
    let variants = [
        ("crlf", seed.replace('\n', "\r\n")),
        ("blank lines", seed.replace('\n', "\n\n")),
        ("more blank lines", seed.replace("\n\n", "\n\n\n\n   \n")),
        (
            "stray spaces",
            seed.lines()
                .map(|l| format!("\t{l}  "))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("page break", page_break),
    ];
    for (name, text) in variants {
        let (tmp, drafts) = empty_session();
        let path = cable(&tmp, "cable.txt", &text);
        let out = import(&drafts, &path, &[]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_bundled(&drafts);
    }
}

/// The line of paragraph `n`'s "Proposed consensus language:" in `text`.
fn marker_line(text: &str, n: u32) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with(&format!("{n}. (C)")))
        .unwrap();
    start
        + 1
        + lines[start..]
            .iter()
            .position(|l| l.starts_with("Proposed consensus language:"))
            .unwrap()
}

#[test]
fn a_missing_closing_quote_is_reported_with_its_line_and_the_others_are_tabled() {
    let (tmp, drafts) = empty_session();
    let text = seed().replacen("if\npossible.\"", "if\npossible.", 1);
    let path = cable(&tmp, "cable.txt", &text);
    let out = import(&drafts, &path, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let line = marker_line(&text, 5);
    assert_eq!(
        stderr(&out),
        format!(
            "{}:{line}: para 5 not tabled: \"Proposed consensus language:\" has no closing \
             quotation mark\n",
            path.display()
        )
    );
    let ids: Vec<String> = load(&drafts).drafts().map(|d| d.id.clone()).collect();
    assert_eq!(
        ids,
        ["ie-tem-working-group", "round-table", "outreach-to-china"]
    );
    // Fixed, the cable imports the rest.
    let fixed = cable(&tmp, "cable.txt", &seed());
    let out = import(&drafts, &fixed, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("tabled entities-of-concern"));
    assert_eq!(load(&drafts).drafts().count(), 4);
}

#[test]
fn a_cable_with_no_proposals_tables_nothing_and_says_so() {
    let (tmp, drafts) = empty_session();
    let before = snapshot(&drafts);
    for (name, text) in [
        ("empty.txt", String::new()),
        (
            "background.txt",
            "UNCLASSIFIED\nR 091200Z NOV 09\n\n1. (U) Thank you.\n\n2. (U) POINT OF CONTACT: none.\n"
                .to_string(),
        ),
    ] {
        let path = cable(&tmp, name, &text);
        let out = import(&drafts, &path, &[]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_eq!(stdout(&out), "");
        assert!(
            stderr(&out).contains("no \"Proposed consensus language:\" found: nothing to table"),
            "{}",
            stderr(&out)
        );
    }
    // A proposal paragraph without consensus language is a note, not a problem.
    let path = cable(
        &tmp,
        "note.txt",
        "1. (C) U.S. PROPOSAL ON NOTHING YET:\n\nWe will circulate text.\n\n\
         2. (C) U.S. PROPOSAL ON X:\n\nProposed consensus language:\n\"Partners agree.\"\n",
    );
    let out = import(&drafts, &path, &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with(
        "skipped para 1: no \"Proposed consensus language:\": nothing to table\n\
         would table x: U.S. Proposal on X (note.txt para 2)\n    schema: 1\n"
    ));
    assert!(stderr(&out).contains("note.txt: note: the cable has no date-time group"));
    assert_eq!(snapshot(&drafts), before, "a dry run writes nothing");
}

#[test]
fn a_taken_id_with_another_text_is_refused_not_overwritten() {
    let (tmp, drafts) = common::scratch_drafts();
    let path = drafts.join("round-table.yaml");
    let changed = fs::read_to_string(&path)
        .unwrap()
        .replace("licensing.", "licensing matters.");
    fs::write(&path, &changed).unwrap();
    let seed = cable(&tmp, "cable.txt", &seed());
    let out = import(&drafts, &seed, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).matches("already tabled").count(), 3);
    assert!(
        stderr(&out).contains(
            "para 4 not tabled: a draft 'round-table' already exists with another original \
             text: not overwritten (`plenary new --id round-table-for-outreach-to-non-members` \
             tables it under another id)"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), changed);
}

#[test]
fn who_tables_the_cable_command_line_over_cable_over_environment() {
    let (tmp, drafts) = empty_session();
    let seed = cable(&tmp, "cable.txt", &seed());
    let run = |env: Option<&str>, args: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_plenary"));
        command
            .arg("--drafts")
            .arg(&drafts)
            .args(args)
            .arg("import")
            .arg(&seed)
            .arg("--dry-run")
            .env_remove("PLENARY_AS")
            .env("NO_COLOR", "1");
        if let Some(who) = env {
            command.env("PLENARY_AS", who);
        }
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let from_env = run(Some("France"), &[]);
    assert_eq!(from_env.matches("author: United States").count(), 4);
    assert_eq!(from_env.matches("note: Original U.S. wording").count(), 4);
    let given = run(Some("Germany"), &["--as", "france"]);
    assert_eq!(given.matches("author: France").count(), 4);
    assert_eq!(given.matches("note: Original France wording").count(), 4);
}

#[test]
fn a_crash_between_the_two_writes_is_finished_by_the_next_import() {
    let (tmp, drafts) = empty_session();
    let seed = cable(&tmp, "cable.txt", &seed());
    // What a crash after writing the draft, before the session, leaves.
    fs::copy(
        common::bundled().join("round-table.yaml"),
        drafts.join("round-table.yaml"),
    )
    .unwrap();
    let out = plenary(&drafts, &["validate"]);
    assert!(
        stdout(&out).contains("warning: draft 'round-table' is not in the session's draft order"),
        "{}",
        stdout(&out)
    );
    let out = import(&drafts, &seed, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out)
            .contains("already tabled para 4: round-table, now added to the session's order\n"),
        "{}",
        stdout(&out)
    );
    let order = load(&drafts).session.drafts;
    assert_eq!(order, load(&common::bundled()).session.drafts);
}

#[test]
fn a_cable_that_is_not_utf8_is_trouble_with_its_place() {
    let (tmp, drafts) = empty_session();
    let path = tmp.path().join("latin1.txt");
    fs::write(&path, b"1. (C) U.S. PROPOSAL ON X:\n\"Caf\xe9\"\n").unwrap();
    let out = import(&drafts, &path, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("latin1.txt:2:5: the file is not UTF-8 text"),
        "{}",
        stderr(&out)
    );
}

// ---- plenary new ------------------------------------------------------

#[test]
fn new_tables_a_text_as_your_partner_at_the_end_of_the_order() {
    let (_tmp, drafts) = common::scratch_drafts();
    let text = "Partners agree to exchange information on brokering.\n\nSecond paragraph.";
    let mut child = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("--drafts")
        .arg(&drafts)
        .args([
            "new",
            "--as",
            "france",
            "--title",
            "French Proposal on Brokering Controls for Missile Items",
            "--text-file",
            "-",
            "--source",
            "PARIS 1234 para 2",
        ])
        .env_remove("PLENARY_AS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{text}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "brokering-controls\n");
    let folder = load(&drafts);
    assert_eq!(folder.all_diagnostics(), Vec::<&store::Diagnostic>::new());
    assert_eq!(folder.session.drafts.last().unwrap(), "brokering-controls");
    let draft = folder.entry("brokering-controls").unwrap().draft().unwrap();
    let v1 = draft.original().unwrap();
    assert_eq!(
        (v1.author.as_str(), v1.text.as_str(), v1.note.as_deref()),
        ("France", text, Some("Original France wording"))
    );
    assert_eq!(draft.source.as_deref(), Some("PARIS 1234 para 2"));
    let shown = plenary(&drafts, &["show", "brokering-controls"]);
    assert_eq!(stdout(&shown), text);
}

#[test]
fn new_never_overwrites_a_draft() {
    let (_tmp, drafts) = common::scratch_drafts();
    let before = snapshot(&drafts);
    let out = plenary(
        &drafts,
        &[
            "new",
            "--as",
            "France",
            "--title",
            "T",
            "--text",
            "x",
            "--id",
            "round-table",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "plenary: a draft 'round-table' already exists: plenary never overwrites a draft; \
         give this one another id, e.g. --id round-table-2\n"
    );
    let out = plenary(
        &drafts,
        &[
            "new",
            "--as",
            "France",
            "--title",
            "Entities of concern",
            "--text",
            "x",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("a draft 'entities-of-concern' already exists"));
    assert_eq!(snapshot(&drafts), before);
    // A file the order does not name is not overwritten either.
    fs::write(drafts.join("stray.yaml"), "not even yaml: [").unwrap();
    let out = plenary(
        &drafts,
        &["new", "--as", "France", "--title", "Stray", "--text", "x"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("a draft 'stray' already exists"));
    assert_eq!(
        fs::read_to_string(drafts.join("stray.yaml")).unwrap(),
        "not even yaml: ["
    );
}

#[test]
fn new_refuses_a_hostile_id_and_writes_nothing_anywhere() {
    let (tmp, drafts) = common::scratch_drafts();
    let everything = || {
        let mut all = Vec::new();
        let mut stack = vec![tmp.path().to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path.clone());
                }
                all.push(path);
            }
        }
        all.sort();
        all
    };
    let before = everything();
    for id in ["../../etc/x", "../x", "/tmp/x", "a/b", ".hidden", "X", ""] {
        let out = plenary(
            &drafts,
            &[
                "new", "--as", "France", "--title", "T", "--text", "x", "--id", id,
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{id}");
        assert!(
            stderr(&out).contains("is not a safe id"),
            "{id}: {}",
            stderr(&out)
        );
    }
    assert_eq!(everything(), before);
    assert!(!tmp.path().join("etc").exists());
    // A hostile title only makes a safe id.
    let out = plenary(
        &drafts,
        &[
            "new",
            "--as",
            "France",
            "--title",
            "../../etc/x",
            "--text",
            "x",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "etc-x\n");
    assert!(drafts.join("etc-x.yaml").is_file());
}

#[test]
fn new_needs_a_partner_a_title_and_a_text() {
    let (_tmp, drafts) = common::scratch_drafts();
    let before = snapshot(&drafts);
    for (args, message) in [
        (
            vec!["new", "--title", "T", "--text", "x"],
            "say which Partner you speak for",
        ),
        (
            vec!["new", "--as", "Atlantis", "--title", "T", "--text", "x"],
            "'Atlantis' is not a Partner",
        ),
        (
            vec!["new", "--as", "France", "--title", " ", "--text", "x"],
            "needs a title",
        ),
        (
            vec!["new", "--as", "France", "--title", "T", "--text", "  "],
            "the text is empty",
        ),
        (vec!["new", "--as", "France", "--title", "T"], "--text"),
    ] {
        let out = plenary(&drafts, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(snapshot(&drafts), before);
}
