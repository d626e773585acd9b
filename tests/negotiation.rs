//! The negotiation from the command line, as a plenary would run it, on a
//! copy of the bundled drafts: proposals, positions, the Chair's merge,
//! adoption and consensus, with every refusal leaving the file untouched.

mod common;

use std::fs;
use std::path::Path;

use common::{plenary, scratch_drafts, stderr, stdout};

const DRAFT: &str = "entities-of-concern";

/// Runs `plenary ARGS` and returns stdout, checking the exit code.
fn run(drafts: &Path, args: &[&str], code: i32) -> String {
    let out = plenary(drafts, args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "plenary {args:?}\nstdout: {}\nstderr: {}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

/// Runs a command that must be refused (exit 2) without touching the
/// draft file; returns the message.
fn refused(drafts: &Path, args: &[&str]) -> String {
    let file = drafts.join(format!("{DRAFT}.yaml"));
    let before = fs::read(&file).unwrap();
    let out = plenary(drafts, args);
    assert_eq!(
        out.status.code(),
        Some(2),
        "plenary {args:?} was not refused"
    );
    assert_eq!(
        fs::read(&file).unwrap(),
        before,
        "plenary {args:?} changed the file"
    );
    stderr(&out)
}

fn current(drafts: &Path) -> String {
    run(drafts, &["show", DRAFT], 0)
}

#[test]
fn france_and_germany_propose_japan_objects_the_chair_merges_adopts_and_agrees() {
    let (_dir, drafts) = scratch_drafts();
    let d = drafts.as_path();
    let original = current(d);
    assert!(original.contains("the list entities of concern"));

    // Two different fixes of the same words, and a disjoint change.
    let france = original.replace("list entities of concern", "list of entities of concern");
    let germany = original
        .replace(
            "list entities of concern",
            "list of the entities of concern",
        )
        .replace("2010 RPOC meeting", "2010 RPOC meeting in Paris");
    let ids = [
        run(
            d,
            &[
                "propose",
                DRAFT,
                "--as",
                "France",
                "--text",
                &france,
                "--rationale",
                "Restore \"of\".",
            ],
            0,
        ),
        run(
            d,
            &["propose", DRAFT, "--as", "Germany", "--text", &germany],
            0,
        ),
    ];
    assert_eq!(ids.map(|s| s.trim().to_string()), ["france-1", "germany-1"]);
    run(
        d,
        &[
            "position",
            DRAFT,
            "germany-1",
            "object",
            "--as",
            "Japan",
            "--note",
            "Not Paris.",
        ],
        0,
    );
    run(
        d,
        &["position", DRAFT, "france-1", "support", "--as", "Japan"],
        0,
    );

    // Nobody but the Chair adopts, merges into the file or agrees.
    let message = refused(d, &["adopt", DRAFT, "france-1", "--as", "France"]);
    assert!(
        message.contains("only the Chair (Brazil) may adopt a proposal; you are acting as France"),
        "{message}"
    );
    refused(
        d,
        &[
            "merge",
            DRAFT,
            "france-1",
            "germany-1",
            "--out-proposal",
            "--as",
            "Japan",
        ],
    );
    refused(d, &["agree", DRAFT, "--as", "Germany"]);
    // Nor over an objection, nor while one stands.
    let message = refused(d, &["adopt", DRAFT, "germany-1", "--as", "Brazil"]);
    assert!(
        message.contains("Japan objects to 'germany-1'"),
        "{message}"
    );
    let message = refused(d, &["agree", DRAFT, "--as", "Brazil"]);
    assert!(
        message.contains("cannot be agreed yet") && message.contains("Japan objects to germany-1"),
        "{message}"
    );

    // A dry run prints the merge; the overlap is bracketed, and exit 1 says so.
    let out = plenary(d, &["merge", DRAFT, "france-1", "germany-1"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let merged = stdout(&out);
    assert!(
        merged.contains("the list [France: of / Germany: of the] entities of concern"),
        "{merged}"
    );
    assert!(merged.contains("2010 RPOC meeting in Paris"), "{merged}");
    assert!(
        stderr(&out).contains("1 passage left in brackets"),
        "{}",
        stderr(&out)
    );

    // The Chair files it; Japan accepts the compromise text.
    let chair = run(
        d,
        &[
            "merge",
            DRAFT,
            "france-1",
            "germany-1",
            "--out-proposal",
            "--as",
            "Brazil",
        ],
        1,
    );
    assert_eq!(chair.trim(), "brazil-1");
    run(
        d,
        &["position", DRAFT, "brazil-1", "support", "--as", "Japan"],
        0,
    );
    let adopted = run(
        d,
        &[
            "adopt",
            DRAFT,
            "brazil-1",
            "--as",
            "Brazil",
            "--note",
            "As read out.",
        ],
        0,
    );
    assert!(adopted.contains("adopted brazil-1 as v2"), "{adopted}");
    assert!(
        adopted.contains("note: Japan objected to germany-1, which this text merges"),
        "{adopted}"
    );
    assert_eq!(current(d).trim_end(), merged.trim_end());

    // Brackets remain: no consensus yet, and the message says where.
    let brackets = run(d, &["brackets", DRAFT], 1);
    assert!(
        brackets.contains("1:52: [France: of / Germany: of the]"),
        "{brackets}"
    );
    let message = refused(d, &["agree", DRAFT, "--as", "Brazil"]);
    assert!(
        message.contains("brackets remain") && message.contains("line 1, column 52"),
        "{message}"
    );
    let status = run(d, &["status"], 0);
    assert!(
        status.contains("entities-of-concern      open    v2   not ready: 1 bracket"),
        "{status}"
    );

    // The Chair resolves the brackets, adopts, and declares consensus ad ref.
    let clean = current(d)
        .trim_end()
        .replace("[France: of / Germany: of the]", "of");
    run(
        d,
        &[
            "propose",
            DRAFT,
            "--as",
            "Brazil",
            "--text",
            &clean,
            "--rationale",
            "Lift the brackets.",
        ],
        0,
    );
    run(d, &["adopt", DRAFT, "brazil-2", "--as", "Brazil"], 0);
    run(d, &["brackets", DRAFT], 0);
    run(
        d,
        &[
            "agree",
            DRAFT,
            "--as",
            "Brazil",
            "--ad-ref",
            "--note",
            "Pending capitals.",
        ],
        0,
    );
    let status = run(d, &["status"], 0);
    assert!(
        status.contains("entities-of-concern      ad-ref  v3   ad-ref"),
        "{status}"
    );
    let message = refused(
        d,
        &[
            "propose",
            DRAFT,
            "--as",
            "France",
            "--text",
            "Later thoughts.",
        ],
    );
    assert!(
        message.contains("is ad-ref: it takes no more proposals"),
        "{message}"
    );

    // The log tells the story in order; any two entries can be compared.
    let log = run(d, &["log", DRAFT], 0);
    let steps: Vec<&str> = log
        .lines()
        .map(|line| line.split_once("  ").unwrap().1.trim())
        .collect();
    assert_eq!(
        steps,
        [
            "v1         United States tabled v1 (the original): Original U.S. wording",
            "france-1   France proposed france-1 on v1 (accepted): Restore \"of\".",
            "germany-1  Germany proposed germany-1 on v1 (accepted)",
            "Japan objects to germany-1: Not Paris.",
            "Japan supports france-1",
            "brazil-1   Brazil proposed brazil-1 on v1 (accepted), merging france-1, germany-1: Chair's merge of france-1, germany-1",
            "Japan supports brazil-1",
            "v2         Brazil adopted v2 from brazil-1: As read out.",
            "brazil-2   Brazil proposed brazil-2 on v2 (accepted): Lift the brackets.",
            "v3         Brazil adopted v3 from brazil-2",
            "Brazil declared the draft ad-ref: Pending capitals.",
        ]
    );
    let diff = run(d, &["diff", DRAFT, "--from", "v1", "--to", "v3"], 1);
    assert!(
        diff.contains("list {+of +}entities") && diff.contains("meeting{+ in Paris+}"),
        "{diff}"
    );

    // And the file records who did what, and when.
    let file = fs::read_to_string(drafts.join(format!("{DRAFT}.yaml"))).unwrap();
    for expected in [
        "status: ad-ref",
        "agreed:\n  by: Brazil\n",
        "  note: Pending capitals.",
        "    adopted_from: brazil-1",
        "    merges:\n      - france-1\n      - germany-1",
        "    stance: object",
    ] {
        assert!(file.contains(expected), "{expected:?} missing from\n{file}");
    }
    run(d, &["validate"], 0);
}

#[test]
fn only_the_proposer_withdraws_and_the_refusal_names_the_owner() {
    let (_dir, drafts) = scratch_drafts();
    let d = drafts.as_path();
    let text = current(d).replace("list entities", "list of entities");
    run(d, &["propose", DRAFT, "--as", "France", "--text", &text], 0);
    let message = refused(d, &["withdraw", DRAFT, "france-1", "--as", "Germany"]);
    assert!(
        message.contains("proposal 'france-1' is France's: only France may withdraw it"),
        "{message}"
    );
    run(d, &["withdraw", DRAFT, "france-1", "--as", "France"], 0);
    let status = run(d, &["status", "--format", "json"], 0);
    let rows: serde_json::Value = serde_json::from_str(&status).unwrap();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == DRAFT)
        .unwrap();
    assert_eq!(row["open_proposals"], serde_json::json!([]));
    assert_eq!(row["ready"], true);
}

#[test]
fn an_old_proposal_is_carried_onto_the_new_version_or_its_collision_shown() {
    let (_dir, drafts) = scratch_drafts();
    let d = drafts.as_path();
    let original = current(d);
    let france = original.replace("list entities", "list of entities");
    let germany = original.replace("at the 2010 RPOC", "at the 2011 RPOC");
    let japan = original.replace("at the 2010 RPOC", "at the next RPOC");
    for (who, text) in [
        ("France", &france),
        ("Germany", &germany),
        ("Japan", &japan),
    ] {
        run(d, &["propose", DRAFT, "--as", who, "--text", text], 0);
    }
    run(d, &["adopt", DRAFT, "germany-1", "--as", "Brazil"], 0);
    // France's fix, made on v1, lands on v2 with Germany's change kept.
    run(d, &["adopt", DRAFT, "france-1", "--as", "Brazil"], 0);
    let now = current(d);
    assert!(
        now.contains("list of entities") && now.contains("2011 RPOC"),
        "{now}"
    );
    // Japan's collides with Germany's adopted change: stop and show it.
    let message = refused(d, &["adopt", DRAFT, "japan-1", "--as", "Brazil"]);
    for expected in [
        "proposal 'japan-1' was made on version 1 and collides with version 3",
        "the base read \"2010\"",
        "version 3 has \"2011\"",
        "japan-1 has \"next\"",
    ] {
        assert!(
            message.contains(expected),
            "{expected:?} missing from {message}"
        );
    }
}

#[test]
fn brackets_lists_nested_and_unbalanced_ones() {
    let (_dir, drafts) = scratch_drafts();
    let d = drafts.as_path();
    let text = "Partners [agree [to / on]] the list.\nThey [meet] in ]Paris.";
    run(d, &["propose", DRAFT, "--as", "France", "--text", text], 0);
    let out = run(d, &["brackets", DRAFT, "--in", "france-1"], 1);
    assert_eq!(
        out,
        "1:10: [agree [to / on]]\n\
         1:17:   [to / on]\n\
         2:6: [meet]\n\
         2:16: unbalanced: ']' closes nothing\n\
         2 bracketed passages, 1 nested, 1 unbalanced\n"
    );
    run(d, &["brackets", DRAFT], 0);
    let message = refused(d, &["brackets", DRAFT, "--in", "nope-1"]);
    assert!(message.contains("has no text 'nope-1'"), "{message}");
}

#[test]
fn collisions_in_messages_cannot_drive_the_terminal() {
    let (_dir, drafts) = scratch_drafts();
    let d = drafts.as_path();
    let original = current(d);
    let germany = original.replace("2010 RPOC", "2011 RPOC");
    let hostile = original.replace("2010 RPOC", "\u{1b}]0;pwned\u{7}\u{1b}[2J RPOC");
    run(
        d,
        &["propose", DRAFT, "--as", "Germany", "--text", &germany],
        0,
    );
    run(
        d,
        &["propose", DRAFT, "--as", "France", "--text", &hostile],
        0,
    );
    run(d, &["adopt", DRAFT, "germany-1", "--as", "Brazil"], 0);
    let message = refused(d, &["adopt", DRAFT, "france-1", "--as", "Brazil"]);
    assert!(message.contains("collides"), "{message}");
    assert!(
        !message.contains('\u{1b}') && !message.contains('\u{7}'),
        "{message:?}"
    );
}
