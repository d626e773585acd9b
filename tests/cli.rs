//! The command line as a user meets it: exit codes, messages, output.

mod common;

use std::fs;
use std::process::Command;

use common::{plenary, stderr, stdout};

#[test]
fn help_lists_every_command() {
    let out = plenary(&common::bundled(), &["--help"]);
    assert!(out.status.success());
    for command in ["validate", "list", "show", "--drafts"] {
        assert!(
            stdout(&out).contains(command),
            "{command} missing from --help"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    let out = plenary(&common::bundled(), &["show"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("DRAFT"), "{}", stderr(&out));
    let out = plenary(&common::bundled(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn validate_passes_on_the_bundled_drafts() {
    let out = plenary(&common::bundled(), &["validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "4 drafts and the session file are valid\n");
}

#[test]
fn validate_prints_one_line_per_problem_and_exits_1() {
    let (_tmp, dir) = common::scratch_drafts();
    let path = dir.join("round-table.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("status: open", "status: shelved")
            .replace("author: United States", "author: Untied States"),
    )
    .unwrap();
    let out = plenary(&dir, &["validate"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0].contains("round-table.yaml:6:1: unknown word 'shelved'"),
        "{lines:#?}"
    );
    assert!(lines[1].contains("round-table.yaml:9:5: unknown Partner 'Untied States' as author (did you mean 'United States'?)"), "{lines:#?}");
}

#[test]
fn validate_on_a_missing_folder_is_trouble() {
    let out = plenary(std::path::Path::new("/nonexistent/drafts"), &["validate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/nonexistent/drafts: no such drafts folder"));
}

#[test]
fn list_shows_the_drafts_in_session_order() {
    let out = plenary(&common::bundled(), &["list"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "MTCR Plenary, Rio de Janeiro 2009");
    assert!(lines[3].starts_with(" 3. entities-of-concern"), "{text}");
    assert!(
        lines[3].contains("open    v1   0 open proposals  U.S. Proposal on Entities of Concern"),
        "{text}"
    );
    assert_eq!(lines.len(), 5);
}

#[test]
fn list_as_json() {
    let out = plenary(&common::bundled(), &["list", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[2]["id"], "entities-of-concern");
    assert_eq!(rows[2]["version"], 1);
    assert_eq!(rows[2]["open_proposals"], 0);
    assert_eq!(rows[2]["marking"], "C/REL MTCR");
    assert_eq!(rows[3]["marking"], serde_json::Value::Null);
}

#[test]
fn no_command_lists_too() {
    let out = plenary(&common::bundled(), &[]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("entities-of-concern"));
}

#[test]
fn drafts_folder_from_the_environment() {
    let out = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("list")
        .env("PLENARY_DRAFTS", common::bundled())
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("outreach-to-china"));
}

#[test]
fn show_prints_the_text_exactly_as_stored() {
    let out = plenary(&common::bundled(), &["show", "entities-of-concern"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "Partners agree on the utility of updating the list entities of concern --"
        )
    );
    assert!(
        text.ends_with("at the 2010 RPOC meeting, if possible."),
        "{text:?}"
    );
    assert!(!text.contains('\n'));

    // By path too, and by version.
    let path = common::bundled().join("entities-of-concern.yaml");
    let by_path = plenary(
        &common::bundled(),
        &["show", path.to_str().unwrap(), "--version", "1"],
    );
    assert_eq!(stdout(&by_path), text);
}

#[test]
fn show_refuses_what_does_not_exist() {
    let out = plenary(&common::bundled(), &["show", "entities-of-concen"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no draft 'entities-of-concen'"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("did you mean 'entities-of-concern'?"),
        "{}",
        stderr(&out)
    );

    let out = plenary(
        &common::bundled(),
        &["show", "round-table", "--version", "9"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("has no version 9 (it has versions 1 to 1)"));

    let out = plenary(
        &common::bundled(),
        &["show", "round-table", "--proposal", "france-9"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("has no proposal 'france-9'"));
}

#[test]
fn show_on_a_broken_draft_says_where() {
    let (_tmp, dir) = common::scratch_drafts();
    fs::write(
        dir.join("round-table.yaml"),
        "schema: 1\nid: round-table\ntitle: [\n",
    )
    .unwrap();
    let out = plenary(&dir, &["show", "round-table"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("draft 'round-table' failed to load:"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("round-table.yaml:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn hostile_text_in_messages_is_made_harmless() {
    let (_tmp, dir) = common::scratch_drafts();
    let path = dir.join("round-table.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("author: United States", "author: \"\\e]0;owned\\a\""),
    )
    .unwrap();
    let out = plenary(&dir, &["validate"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out.stdout.contains(&0x1b), "raw ESC reached the output");
    assert!(
        stdout(&out).contains("unknown Partner '␛]0;owned␇'"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn diff_defaults_to_original_against_current_and_exits_0_when_equal() {
    let out = plenary(&common::bundled(), &["diff", "entities-of-concern"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Partners agree on the utility"));
    assert!(!stdout(&out).contains("[-"), "no changes marked");
}

#[test]
fn a_proposal_filed_from_the_command_line_shows_in_diff() {
    let (_tmp, dir) = common::scratch_drafts();
    let original = fs::read_to_string(dir.join("entities-of-concern.yaml")).unwrap();
    let text = "Partners agree on the utility of updating the list of entities of concern.";
    let out = plenary(
        &dir,
        &[
            "propose",
            "entities-of-concern",
            "--as",
            "france",
            "--text",
            text,
            "--rationale",
            "Shorter",
        ],
    );
    assert_eq!(stdout(&out), "france-1\n", "{}", stderr(&out));

    let out = plenary(
        &dir,
        &[
            "diff",
            "entities-of-concern",
            "--to",
            "france-1",
            "--format",
            "plain",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with(
        "Partners agree on the utility of updating the list {+of +}entities of concern[- -- drawn"
    ));

    let out = plenary(
        &dir,
        &["diff", "entities-of-concern", "--to", "france-1", "--stat"],
    );
    assert_eq!(
        stdout(&out),
        "105 word(s) deleted, 1 inserted, 13 unchanged\n"
    );

    let spans = common::diff_spans(&dir, "entities-of-concern", "france-1");
    let joined = |keep: &str| -> String {
        spans
            .iter()
            .filter(|(op, _)| op == "equal" || op == keep)
            .map(|(_, text)| text.as_str())
            .collect()
    };
    assert_eq!(joined("insert"), text);
    assert!(original.contains(&joined("delete")[..60]));

    // Japan objects; Germany may not withdraw France's proposal.
    let out = plenary(
        &dir,
        &[
            "position",
            "entities-of-concern",
            "france-1",
            "object",
            "--as",
            "Japan",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let before = fs::read(dir.join("entities-of-concern.yaml")).unwrap();
    let out = plenary(
        &dir,
        &[
            "withdraw",
            "entities-of-concern",
            "france-1",
            "--as",
            "Germany",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "plenary: proposal 'france-1' is France's: only France may withdraw it\n"
    );
    assert_eq!(
        fs::read(dir.join("entities-of-concern.yaml")).unwrap(),
        before,
        "refusal leaves the file"
    );
}

#[test]
fn diff_names_what_exists_when_a_text_does_not() {
    let out = plenary(&common::bundled(), &["diff", "round-table", "--to", "v7"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "plenary: draft 'round-table' has no text 'v7'; it has: original, current, v1\n"
    );
}

#[test]
fn diff_files_compares_plain_text_files_like_wdiff() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new, same) = (
        tmp.path().join("old.txt"),
        tmp.path().join("new.txt"),
        tmp.path().join("same.txt"),
    );
    fs::write(&old, "the ad hoc working group will report\n").unwrap();
    fs::write(&new, "the standing committee will report\n").unwrap();
    fs::write(&same, "the ad hoc working group will report\n").unwrap();
    let path = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let out = plenary(
        &common::bundled(),
        &["diff", "--files", &path(&old), &path(&new)],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "the [-ad hoc working group-]{+standing committee+} will report\n"
    );
    let out = plenary(
        &common::bundled(),
        &["diff", "--files", &path(&old), &path(&same)],
    );
    assert_eq!(out.status.code(), Some(0));
    let out = plenary(
        &common::bundled(),
        &["diff", "--files", &path(&old), "missing.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.txt: cannot read"));
    let out = plenary(&common::bundled(), &["diff", "--files", &path(&old)]);
    assert_eq!(out.status.code(), Some(2), "usage error");
    let latin1 = tmp.path().join("latin1.txt");
    fs::write(&latin1, b"first line\nthe caf\xe9 text\n").unwrap();
    let out = plenary(
        &common::bundled(),
        &["diff", "--files", &path(&old), &path(&latin1)],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).ends_with("latin1.txt:2:8: not UTF-8 text (save it as UTF-8)\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn diff_html_escapes_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old.txt"), tmp.path().join("new.txt"));
    fs::write(&old, "a <b> & c").unwrap();
    fs::write(&new, "a <script>alert(1)</script> & c").unwrap();
    let args = [
        "diff",
        "--files",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "html",
    ];
    let html = stdout(&plenary(&common::bundled(), &args));
    assert!(
        !html.contains("<script>") && !html.contains("<b>"),
        "{html}"
    );
    let text = ["<del>", "</del>", "<ins>", "</ins>"]
        .iter()
        .fold(html.clone(), |t, tag| t.replace(tag, ""));
    assert!(
        !text.contains(['<', '>']),
        "only del/ins tags are markup: {html}"
    );
    assert!(text.contains("script&gt;alert(1)&lt;/script"), "{html}");
}

#[test]
fn propose_reads_the_text_from_a_file_without_its_final_newline() {
    let (tmp, dir) = common::scratch_drafts();
    let file = tmp.path().join("proposal.txt");
    fs::write(&file, "Partners agree on a shorter text.\n").unwrap();
    let out = plenary(
        &dir,
        &[
            "propose",
            "round-table",
            "--as",
            "Japan",
            "--text-file",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(stdout(&out), "japan-1\n", "{}", stderr(&out));
    let out = plenary(&dir, &["show", "round-table", "--proposal", "japan-1"]);
    assert_eq!(stdout(&out), "Partners agree on a shorter text.");
    let out = plenary(&dir, &["propose", "round-table", "--text", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--as PARTNER"), "{}", stderr(&out));
}
