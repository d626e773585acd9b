//! Loading and saving drafts folders: every validation rule, hostile input,
//! and saves that never lose a word.

mod common;

use std::fs;
use std::path::Path;

use plenary::model::{Position, Proposal, ProposalStatus, Stance, Timestamp};
use plenary::store::{self, EntryState, Folder, SaveError};

const GOOD: &str = "entities-of-concern";

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

fn bundled_text(id: &str) -> String {
    fs::read_to_string(common::bundled().join(format!("{id}.yaml"))).unwrap()
}

/// The diagnostics of the draft file `id` after loading `dir`, as strings.
fn problems_of(dir: &Path, id: &str) -> Vec<String> {
    let folder = store::load_folder(dir).unwrap();
    match &folder.entry(id).unwrap().state {
        EntryState::Failed(diagnostics) => diagnostics.iter().map(ToString::to_string).collect(),
        EntryState::Loaded(_) => Vec::new(),
    }
}

/// Writes `text` as draft `id` into a copy of the bundled folder (with `id`
/// added to the session order) and returns its diagnostics.
fn diagnose(id: &str, text: &str) -> Vec<String> {
    let (_tmp, dir) = common::scratch_drafts();
    write(&dir, &format!("{id}.yaml"), text);
    problems_of(&dir, id)
}

fn with_proposal(extra: &str) -> String {
    format!(
        "{}proposals:\n  - id: france-1\n    partner: France\n    base: 1\n    at: 2009-11-09T10:02:11Z\n    rationale: Restore the missing \"of\".\n    status: open\n    text: Partners agree on the utility of updating the list of entities of concern.\n{extra}",
        bundled_text(GOOD)
    )
}

/// The 1-based number of the last line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .last()
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in the fixture"))
}

/// (what is broken, the draft text, (line needle, column, message))
type Case = (&'static str, String, (&'static str, usize, &'static str));

fn rule_cases() -> Vec<Case> {
    let good = bundled_text(GOOD);
    vec![
        (
            "unknown Partner",
            with_proposal("").replace("partner: France", "partner: Frnace"),
            (
                "partner: Frnace",
                5,
                "unknown Partner 'Frnace' as Partner (did you mean 'France'?)",
            ),
        ),
        (
            "duplicate proposal id",
            with_proposal("")
                + "  - id: france-1\n    partner: France\n    base: 1\n    at: 2009-11-09T10:02:11Z\n    text: Another text.\n",
            ("id: france-1", 5, "duplicate proposal id 'france-1'"),
        ),
        (
            "base version that does not exist",
            with_proposal("").replace("base: 1", "base: 7"),
            (
                "base: 7",
                5,
                "base version 7 does not exist (the draft has versions 1 to 1)",
            ),
        ),
        (
            "versions not numbered 1..n",
            good.replace("  - version: 1", "  - version: 2"),
            (
                "version: 2",
                5,
                "versions must be numbered 1, 2, 3, ... in order: expected 1, found 2",
            ),
        ),
        (
            "empty text",
            with_proposal("").replace(
                "text: Partners agree on the utility of updating the list of entities of concern.",
                "text: \"  \"",
            ),
            ("text: \"  \"", 5, "empty text"),
        ),
        (
            "bad timestamp",
            good.replace("2009-10-06T13:27:00Z", "6 October 2009"),
            (
                "6 October 2009",
                5,
                "'6 October 2009' is not a timestamp like 2009-11-09T10:02:11Z",
            ),
        ),
        (
            "unknown status word",
            good.replace("status: open", "status: pending"),
            (
                "status: pending",
                1,
                "unknown word 'pending': expected one of open, agreed, ad-ref",
            ),
        ),
        (
            "unknown stance word",
            with_proposal(
                "    positions:\n      - partner: Japan\n        stance: against\n        at: 2009-11-09T10:05:00Z\n",
            ),
            (
                "stance: against",
                9,
                "unknown word 'against': expected one of support, object, reserve",
            ),
        ),
        (
            "unknown field",
            good.replace("source:", "colour: red\nsource:"),
            ("colour: red", 1, "unknown field 'colour'"),
        ),
        (
            "unsupported schema",
            good.replace("schema: 1", "schema: 2"),
            (
                "schema: 2",
                1,
                "unsupported schema 2: this version of plenary reads schema 1",
            ),
        ),
        (
            "duplicate key",
            good.replace("status: open", "status: open\ntitle: Another title"),
            (
                "title: Another title",
                1,
                "duplicate key 'title' (first given on line 3)",
            ),
        ),
        (
            "id that is not the file name",
            good.replace("id: entities-of-concern", "id: something-else"),
            (
                "id: something-else",
                1,
                "id 'something-else' does not match the file name",
            ),
        ),
    ]
}

#[test]
fn each_validation_rule_names_file_line_and_problem() {
    for (rule, text, (needle, col, message)) in rule_cases() {
        let problems = diagnose(GOOD, &text);
        assert_eq!(problems.len(), 1, "{rule}: {problems:#?}");
        let expected = format!(
            "entities-of-concern.yaml:{}:{col}: {message}",
            line_of(&text, needle)
        );
        assert!(
            problems[0].contains(&expected),
            "{rule}: expected {expected:?} in {:?}",
            problems[0]
        );
    }
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = with_proposal(
        "    positions:\n      - partner: Narnia\n        stance: maybe\n        at: soon\n",
    )
    .replace("partner: France", "partner: Frnace")
    .replace("base: 1", "base: 3")
    .replace("status: open\nversions", "status: done\nversions")
    .replace("source:", "colour: red\nsource:");
    let problems = diagnose(GOOD, &text);
    let expected = [
        "unknown field 'colour'",
        "unknown word 'done'",
        "unknown word 'maybe'",
        "'soon' is not a timestamp",
        "unknown Partner 'Frnace'",
        "base version 3 does not exist",
        "unknown Partner 'Narnia'",
    ];
    for needle in expected {
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "missing {needle:?} in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
}

#[test]
fn thousands_of_problems_are_capped_and_each_shown_one_is_located() {
    let mut text = bundled_text(GOOD);
    for i in 0..5000 {
        text.push_str(&format!("extra{i}: x\n"));
    }
    let problems = diagnose(GOOD, &text);
    assert_eq!(problems.len(), plenary::store::MAX_PROBLEMS + 1);
    let first_line = bundled_text(GOOD).lines().count() + 1;
    assert!(
        problems[0].ends_with(&format!(":{first_line}:1: unknown field 'extra0'")),
        "{}",
        problems[0]
    );
    assert!(
        problems[99].ends_with(&format!(":{}:1: unknown field 'extra99'", first_line + 99)),
        "{}",
        problems[99]
    );
    assert!(
        problems[100].ends_with("... and 4900 more problems"),
        "{}",
        problems[100]
    );
}

#[test]
fn syntax_errors_give_line_and_column() {
    let problems = diagnose(GOOD, "schema: 1\nid: [unclosed\ntitle: x\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("entities-of-concern.yaml:"),
        "{problems:?}"
    );
    let location: Vec<&str> = problems[0].splitn(4, ':').collect();
    assert!(
        location[1].parse::<usize>().is_ok() && location[2].parse::<usize>().is_ok(),
        "{problems:?}"
    );
}

#[test]
fn a_broken_file_does_not_stop_the_others_from_loading() {
    let (_tmp, dir) = common::scratch_drafts();
    write(
        &dir,
        "round-table.yaml",
        "schema: 1\nid: round-table\n  bad indentation: [\n",
    );
    let folder = store::load_folder(&dir).unwrap();
    let loaded: Vec<&str> = folder.drafts().map(|d| d.id.as_str()).collect();
    assert_eq!(
        loaded,
        [
            "ie-tem-working-group",
            "entities-of-concern",
            "outreach-to-china"
        ]
    );
    let failed = folder.entry("round-table").unwrap();
    assert!(matches!(failed.state, EntryState::Failed(_)));
    assert_eq!(folder.all_diagnostics().len(), 1);
}

#[test]
fn ordered_draft_without_file_is_an_error_and_unordered_file_a_warning() {
    let (_tmp, dir) = common::scratch_drafts();
    fs::remove_file(dir.join("round-table.yaml")).unwrap();
    let extra = bundled_text("outreach-to-china").replace("id: outreach-to-china", "id: extra");
    write(&dir, "extra.yaml", &extra);
    let folder = store::load_folder(&dir).unwrap();
    let messages: Vec<String> = folder
        .all_diagnostics()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(messages.iter().any(|m| m.contains("plenary.yaml:44:5: draft 'round-table' is in the session's order but round-table.yaml does not exist")), "{messages:#?}");
    assert!(
        messages.iter().any(|m| m
            .contains("extra.yaml: warning: draft 'extra' is not in the session's draft order")),
        "{messages:#?}"
    );
    // The unordered draft still loads, after the ordered ones.
    assert_eq!(folder.drafts().last().unwrap().id, "extra");
}

#[test]
fn oversize_file_is_refused_before_reading() {
    let (_tmp, dir) = common::scratch_drafts();
    let big = "#".repeat(store::MAX_FILE_BYTES as usize + 1);
    write(&dir, "round-table.yaml", &big);
    let problems = problems_of(&dir, "round-table");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].contains("round-table.yaml: the file is 4194305 bytes, over the 4 MiB limit"),
        "{problems:?}"
    );
}

#[test]
fn alias_bomb_is_refused() {
    let mut bomb = String::from(
        "schema: 1\nid: round-table\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    let problems = diagnose("round-table", &bomb);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .ends_with("round-table.yaml:3:7: anchors (&name) are not allowed in plenary files"),
        "{problems:?}"
    );
}

#[test]
fn deep_nesting_and_non_utf8_are_refused() {
    let problems = diagnose(
        "round-table",
        &format!("schema: 1\nid: {}\n", "[".repeat(50_000)),
    );
    assert!(
        problems[0].contains("nesting deeper than 16 levels"),
        "{problems:?}"
    );

    let (_tmp, dir) = common::scratch_drafts();
    fs::write(
        dir.join("round-table.yaml"),
        b"schema: 1\nid: round-table\ntitle: caf\xe9\n",
    )
    .unwrap();
    let problems = problems_of(&dir, "round-table");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .ends_with("round-table.yaml:3:11: the file is not UTF-8 text (save it as UTF-8)"),
        "{problems:?}"
    );
}

#[test]
fn millions_of_tiny_values_are_refused_before_parsing() {
    let text = format!(
        "{}junk: [{}1]\n",
        bundled_text(GOOD),
        "1,".repeat(plenary::store::MAX_NODES)
    );
    let problems = diagnose(GOOD, &text);
    let line = bundled_text(GOOD).lines().count() + 1;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains(&format!(".yaml:{line}:"))
            && problems[0].ends_with("more than 100000 values: far more than any draft holds"),
        "{}",
        problems[0]
    );
}

fn proposal(id: &str) -> Proposal {
    Proposal {
        id: id.into(),
        partner: "France".into(),
        base: 1,
        at: Timestamp::parse("2009-11-09T10:02:11Z").unwrap(),
        rationale: Some("Restore the missing \"of\".".into()),
        status: ProposalStatus::Open,
        text: "Partners agree on the utility of updating the list of entities of concern.".into(),
        merges: vec![],
        closed_at: None,
        positions: vec![Position {
            partner: "Germany".into(),
            stance: Stance::Support,
            at: Timestamp::parse("2009-11-09T10:05:00Z").unwrap(),
            note: None,
        }],
    }
}

fn loaded(folder: &Folder, id: &str) -> plenary::model::Draft {
    folder.entry(id).unwrap().draft().unwrap().clone()
}

#[test]
fn save_writes_atomically_reloads_identically_and_leaves_no_temp_file() {
    let (_tmp, dir) = common::scratch_drafts();
    let mut folder = store::load_folder(&dir).unwrap();
    let mut draft = loaded(&folder, GOOD);
    draft.proposals.push(proposal("france-1"));
    folder.save_draft(draft.clone()).unwrap();
    assert_eq!(
        common::file_names(&dir).len(),
        5,
        "{:?}",
        common::file_names(&dir)
    );

    let reloaded = store::load_folder(&dir).unwrap();
    assert_eq!(loaded(&reloaded, GOOD), draft);
    let bytes = fs::read(dir.join("entities-of-concern.yaml")).unwrap();
    assert_eq!(store::draft_yaml(&draft).as_bytes(), bytes);
}

#[test]
fn an_update_keeps_what_another_session_saved_meanwhile() {
    let (_tmp, dir) = common::scratch_drafts();
    let mut mine = store::load_folder(&dir).unwrap();
    let mut theirs = store::load_folder(&dir).unwrap();
    let at = || Timestamp::parse("2009-11-09T10:00:00Z").unwrap();
    let text = "Partners agree.";
    theirs
        .update(GOOD, |d, s| {
            plenary::negotiation::propose(d, s, "Germany", text, None, at())
        })
        .unwrap();
    // My folder was loaded before Germany's save; my proposal must not drop it.
    let id = mine
        .update(GOOD, |d, s| {
            plenary::negotiation::propose(d, s, "France", "Other.", None, at())
        })
        .unwrap();
    assert_eq!(id, "france-1");
    let on_disk = store::load_folder(&dir).unwrap();
    let ids: Vec<String> = loaded(&on_disk, GOOD)
        .proposals
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ids, ["germany-1", "france-1"]);
}

#[test]
fn saving_an_unchanged_draft_does_not_touch_the_file() {
    let (_tmp, dir) = common::scratch_drafts();
    let path = dir.join("entities-of-concern.yaml");
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    let mut folder = store::load_folder(&dir).unwrap();
    folder.save_draft(loaded(&folder, GOOD)).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
}

#[test]
fn invalid_drafts_and_failed_files_are_never_written() {
    let (_tmp, dir) = common::scratch_drafts();
    let mut folder = store::load_folder(&dir).unwrap();
    let mut draft = loaded(&folder, GOOD);
    let mut bad = proposal("france-1");
    bad.partner = "Atlantis".into();
    draft.proposals.push(bad);
    let before = fs::read(dir.join("entities-of-concern.yaml")).unwrap();
    let err = folder.save_draft(draft).unwrap_err();
    assert!(matches!(err, SaveError::Invalid { .. }));
    assert!(
        err.to_string().contains("unknown Partner 'Atlantis'"),
        "{err}"
    );
    assert_eq!(
        fs::read(dir.join("entities-of-concern.yaml")).unwrap(),
        before
    );

    // A file that failed to load is left alone even when a valid draft of
    // the same id is saved.
    let broken = "schema: 1\nid: round-table\ntitle: [\n";
    write(&dir, "round-table.yaml", broken);
    let mut folder = store::load_folder(&dir).unwrap();
    let replacement = loaded(
        &store::load_folder(&common::bundled()).unwrap(),
        "round-table",
    );
    let err = folder.save_draft(replacement).unwrap_err();
    assert!(matches!(err, SaveError::FailedToLoad { .. }), "{err}");
    assert_eq!(
        fs::read_to_string(dir.join("round-table.yaml")).unwrap(),
        broken
    );
}

#[test]
fn hostile_draft_ids_cannot_write_outside_the_folder() {
    let (tmp, dir) = common::scratch_drafts();
    let mut folder = store::load_folder(&dir).unwrap();
    let mut draft = loaded(&folder, GOOD);
    draft.id = "../../escaped".into();
    let err = folder.save_draft(draft).unwrap_err();
    assert!(err.to_string().contains("not a safe id"), "{err}");
    assert!(!tmp.path().join("escaped.yaml").exists());
    assert!(!tmp.path().parent().unwrap().join("escaped.yaml").exists());
}

#[cfg(unix)]
#[test]
fn save_into_a_read_only_folder_fails_visibly_and_keeps_the_original() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, dir) = common::scratch_drafts();
    let mut folder = store::load_folder(&dir).unwrap();
    let before = fs::read(dir.join("entities-of-concern.yaml")).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
    let mut draft = loaded(&folder, GOOD);
    draft.proposals.push(proposal("france-1"));
    let result = folder.save_draft(draft);
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    // Root ignores directory permissions; the test means something only
    // for ordinary users, but the original must be intact either way.
    if let Err(err) = result {
        assert!(matches!(err, SaveError::Io { .. }), "{err}");
        assert_eq!(
            fs::read(dir.join("entities-of-concern.yaml")).unwrap(),
            before
        );
    }
    assert!(
        common::file_names(&dir)
            .iter()
            .all(|n| !store::is_temp_name(n))
    );
}
