//! The terminal UI as a user meets it: the real binary in a pseudo-terminal.

mod common;
mod pty;

use std::fs;

use pty::{Tui, keys};

/// The whole story of the issue: France fixes the missing "of", files it
/// with a rationale, quits; the file holds the proposal and `plenary diff`
/// shows exactly one inserted word.
#[test]
fn france_proposes_the_missing_of() {
    let (_tmp, drafts) = common::scratch_drafts();
    let mut tui = Tui::start(&drafts, &["--as", "France"], 120, 40, &[]);
    open_entities_of_concern(&mut tui);
    tui.send(keys::CTRL_F);
    tui.wait_text("Find:");
    tui.send("entities of concern");
    tui.send(keys::ENTER);
    tui.wait_text("Found");
    tui.send("of ");
    tui.wait_for("the live redline to count one added word", |s| {
        s.contents().contains("0 word(s) struck, 1 added")
    });
    assert!(tui.text().contains("the list of entities of concern"));

    tui.send(keys::CTRL_S);
    tui.wait_text("Why this change?");
    // The rationale arrives as a bracketed paste, as from the clipboard.
    tui.send("\x1b[200~Restore the missing \"of\".\x1b[201~");
    tui.wait_text("> Restore the missing \"of\".");
    tui.send(keys::ENTER);
    tui.wait_text("Filed france-1");
    tui.send(keys::CTRL_Q);
    assert!(tui.wait_exit(), "plenary exits cleanly");

    let file = fs::read_to_string(drafts.join("entities-of-concern.yaml")).unwrap();
    assert!(file.contains("id: france-1"), "{file}");
    assert!(file.contains("partner: France"));
    assert!(
        file.contains("rationale: Restore the missing \"of\"."),
        "{file}"
    );

    let changes: Vec<(String, String)> =
        common::diff_spans(&drafts, "entities-of-concern", "france-1")
            .into_iter()
            .filter(|(op, _)| op != "equal")
            .map(|(op, text)| (op, text.trim().to_string()))
            .collect();
    assert_eq!(changes, [("insert".to_string(), "of".to_string())]);
}

/// The Chair's story on the real binary: France and Germany fix the same
/// words differently (filed from the shell); the Chair marks both, reads
/// the merge with its bracketed alternative, files it, adopts it; agreement
/// is then refused because the brackets remain, and the history shows it.
/// Tabling from the editor: `n`, a title, the text pasted, ^S, y; the new
/// draft is saved, added to the agenda and selected.
#[test]
fn france_tables_a_new_draft_by_pasting_its_text() {
    let (_tmp, drafts) = common::scratch_drafts();
    let mut tui = Tui::start(&drafts, &["--as", "France"], 120, 40, &[]);
    tui.wait_text("You are: France");
    tui.send("n");
    tui.wait_text("Title of the new draft you table as France:");
    tui.send("French Proposal on Brokering Controls");
    tui.send(keys::ENTER);
    tui.wait_text("brokering-controls · France: tabling a new draft");
    let text = "Partners agree to exchange information on brokering.";
    tui.send(&format!("\x1b[200~{text}\x1b[201~"));
    tui.wait_text(text);
    tui.send(keys::CTRL_S);
    tui.wait_text("Table \"French Proposal on Brokering Controls\" as France?");
    tui.send("y");
    tui.wait_text("Tabled brokering-controls");
    tui.wait_text("brokering-controls · current text (v1)");
    tui.send(keys::CTRL_Q);
    assert!(tui.wait_exit(), "plenary exits cleanly");

    let show = common::plenary(&drafts, &["show", "brokering-controls"]);
    assert_eq!(common::stdout(&show), text);
    let session = fs::read_to_string(drafts.join("plenary.yaml")).unwrap();
    assert!(
        session.ends_with("  - outreach-to-china\n  - brokering-controls\n"),
        "{session}"
    );
}

#[test]
fn the_chair_merges_adopts_and_is_told_why_agreement_waits() {
    let (_tmp, drafts) = common::scratch_drafts();
    let draft = "entities-of-concern";
    let text = common::stdout(&common::plenary(&drafts, &["show", draft]));
    for (who, fix) in [
        ("France", "list of entities"),
        ("Germany", "list of the entities"),
    ] {
        let proposal = text.replace("list entities", fix);
        let out = common::plenary(
            &drafts,
            &["propose", draft, "--as", who, "--text", &proposal],
        );
        assert!(out.status.success(), "{}", common::stderr(&out));
    }
    let mut tui = Tui::start(&drafts, &["--as", "Brazil"], 120, 40, &[]);
    tui.wait_text("You are: Brazil");
    tui.send(keys::DOWN);
    tui.send(keys::DOWN);
    tui.wait_text("v1 · ready · 2 open");
    tui.send(keys::TAB);
    tui.send(keys::DOWN);
    tui.send(" ");
    tui.send(keys::DOWN);
    tui.send(" ");
    tui.wait_text("✓ germany-1");
    tui.send("m");
    tui.wait_text("File the merge as your proposal brazil-1?");
    tui.wait_text("[France: of / Germany: of the]");
    tui.send("y");
    tui.wait_text("Filed brazil-1");
    tui.send("a");
    tui.wait_text("Adopt brazil-1 as v2?");
    tui.send("y");
    tui.wait_text("Adopted brazil-1 as v2");
    tui.wait_text("v2 · 1 bracket");
    tui.send("g");
    tui.wait_text("Cannot declare it agreed");
    tui.wait_text("line 1, column 52: [France: of / Germany: of the]");
    tui.send(keys::ESC);
    // Wait for the dialog to close: Esc and a key at once read as Alt+key.
    tui.wait_for("the dialog to close", |s| {
        !s.contents().contains("┏ Cannot declare")
    });
    tui.send("h");
    tui.wait_text("Brazil adopted v2 from brazil-1");
    tui.send(keys::CTRL_Q);
    assert!(tui.wait_exit(), "plenary exits cleanly");

    let file = fs::read_to_string(drafts.join(format!("{draft}.yaml"))).unwrap();
    assert!(file.contains("adopted_from: brazil-1"), "{file}");
    assert!(file.contains("status: open"), "{file}");
    let log = common::stdout(&common::plenary(&drafts, &["log", draft]));
    assert!(log.contains("Brazil adopted v2 from brazil-1"), "{log}");
}

/// Another delegation's save shows on a running screen with no key
/// pressed, and the text being typed here is still there.
#[test]
fn another_sessions_proposal_appears_live_and_the_edit_survives() {
    let (_tmp, drafts) = common::scratch_drafts();
    let draft = "entities-of-concern";
    let mut tui = Tui::start(&drafts, &["--as", "France"], 120, 40, &[]);
    type_into_entities_of_concern(&mut tui, "Draft words ");

    let text = common::stdout(&common::plenary(&drafts, &["show", draft]));
    let germany = text.replace("2010 RPOC", "2011 RPOC");
    let out = common::plenary(
        &drafts,
        &["propose", draft, "--as", "Germany", "--text", &germany],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let out = common::plenary(
        &drafts,
        &["position", draft, "germany-1", "object", "--as", "Japan"],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let saved = std::time::Instant::now();

    // No key is pressed: the watch alone brings the news.
    tui.wait_text("Japan objects to germany-1");
    eprintln!("the save showed after {:?}", saved.elapsed());
    assert!(
        tui.text().contains("Draft words"),
        "the edit survives the reload"
    );
    tui.send(keys::CTRL_Q);
    tui.wait_text("Quit and lose the text you have not filed?");
    tui.send("y");
    assert!(tui.wait_exit(), "plenary exits cleanly");
}

/// As France, selects the third draft, entities of concern, and opens the
/// editor on its current text.
fn open_entities_of_concern(tui: &mut Tui) {
    tui.wait_text("You are: France");
    tui.send(keys::DOWN);
    tui.send(keys::DOWN);
    tui.wait_text("entities-of-concern · current text (v1)");
    tui.send(keys::ENTER);
    tui.wait_text("new proposal against v1");
}

/// Opens entities of concern in the editor as France and types `words`
/// at the start of the text.
fn type_into_entities_of_concern(tui: &mut Tui, words: &str) {
    open_entities_of_concern(tui);
    tui.send(words);
    tui.wait_text(words);
}

/// The next start offers the text back; `y` opens it in the editor.
fn offered_back(drafts: &std::path::Path, words: &str) {
    let mut tui = Tui::start(drafts, &["--as", "France"], 120, 40, &[]);
    tui.wait_text("Unfiled text for entities-of-concern, kept when plenary last closed");
    tui.wait_text(words.trim());
    tui.send("y");
    tui.wait_text("Recovered the text you had not filed");
    assert!(tui.text().contains(words.trim()));
    tui.send(keys::CTRL_Q);
    tui.wait_text("Quit and lose the text you have not filed?");
    tui.send("y");
    assert!(tui.wait_exit());
}

/// A dropped connection mid-sentence: the typing is kept by the hang-up
/// handler and offered back at the next start.
#[test]
fn typing_survives_a_dropped_connection() {
    let (_tmp, drafts) = common::scratch_drafts();
    let mut tui = Tui::start(&drafts, &["--as", "France"], 120, 40, &[]);
    type_into_entities_of_concern(&mut tui, "Typed as the line dropped ");
    tui.hang_up();
    offered_back(&drafts, "Typed as the line dropped ");
}

/// Killed outright (no handler runs): what was kept after the last pause
/// in typing is offered back.
#[test]
fn typing_survives_a_kill() {
    let (_tmp, drafts) = common::scratch_drafts();
    let mut tui = Tui::start(&drafts, &["--as", "France"], 120, 40, &[]);
    type_into_entities_of_concern(&mut tui, "Typed before the kill ");
    let kept = drafts.join(".plenary-unsaved/entities-of-concern.France.txt");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !fs::read_to_string(&kept).is_ok_and(|t| t.contains("Typed before the kill")) {
        assert!(
            std::time::Instant::now() < deadline,
            "the pause never kept the text"
        );
        std::thread::yield_now();
    }
    tui.signal(9);
    drop(tui);
    offered_back(&drafts, "Typed before the kill ");
}

/// The room's screen follows a proposal filed elsewhere, with no key.
#[test]
fn the_presenter_follows_the_room() {
    let (_tmp, drafts) = common::scratch_drafts();
    let draft = "entities-of-concern";
    let mut tui = Tui::start(&drafts, &["present", draft], 120, 40, &[]);
    tui.wait_text("3. U.S. Proposal on Entities of Concern");
    tui.wait_text("No proposals yet.");
    let text = common::stdout(&common::plenary(&drafts, &["show", draft]));
    let france = text.replace("list entities", "list of entities");
    let out = common::plenary(
        &drafts,
        &[
            "propose",
            draft,
            "--as",
            "France",
            "--text",
            &france,
            "--rationale",
            "Restore of.",
        ],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    tui.wait_text("Newest proposal: france-1 by France — Restore of.");
    tui.wait_text("France proposed france-1");
    tui.send("q");
    assert!(tui.wait_exit(), "the presenter exits cleanly");
    let out = common::plenary(&drafts, &["present"]);
    assert_eq!(out.status.code(), Some(2), "no terminal, no presenter");
    assert!(common::stderr(&out).contains("run it in a terminal"));
}

#[test]
fn without_as_a_picker_asks_who_you_are() {
    let (_tmp, drafts) = common::scratch_drafts();
    let mut tui = Tui::start(&drafts, &[], 100, 30, &[]);
    tui.wait_text("Which Partner do you speak for?");
    tui.send("germ");
    tui.wait_for("the filter to leave Germany", |s| {
        let text = s.contents();
        text.contains("Germany") && !text.contains("Argentina")
    });
    tui.send(keys::ENTER);
    tui.wait_text("You are: Germany");
    tui.send(keys::CTRL_Q);
    assert!(tui.wait_exit());
}

#[test]
fn escape_sequences_in_a_draft_never_reach_the_terminal() {
    let (_tmp, drafts) = common::scratch_drafts();
    let path = drafts.join("round-table.yaml");
    // A title and a text carrying a window-title OSC, a clipboard write, a
    // screen clear and a right-to-left override, as YAML escapes.
    let hostile = r#"schema: 1
id: round-table
title: "\e]0;pwned\a\e]52;c;ZXZpbA==\a"
status: open
versions:
  - version: 1
    author: United States
    at: 2009-10-06T13:27:00Z
    text: "\e[2J\u202Eevil \e[31m"
"#;
    fs::write(&path, hostile).unwrap();
    let ok = common::plenary(&drafts, &["validate"]);
    assert!(
        ok.status.success(),
        "fixture must load: {}",
        common::stderr(&ok)
    );

    let mut tui = Tui::start(&drafts, &["--as", "France"], 120, 40, &[]);
    tui.wait_text("You are: France");
    tui.send(keys::DOWN);
    tui.wait_text("<U+202E>evil");
    let screen = tui.text();
    assert!(screen.contains("␛]0;pwned␇"), "{screen}");
    let raw = tui.raw();
    for needle in [
        &b"\x1b]0;pwned"[..],
        b"\x1b]52;",
        b"\xe2\x80\xae",
        b"\x1b[2J\xe2",
    ] {
        assert!(
            !raw.windows(needle.len()).any(|w| w == needle),
            "{needle:?} reached the terminal raw"
        );
    }
    tui.send(keys::CTRL_Q);
    assert!(tui.wait_exit());
}

#[test]
fn sighup_and_sigterm_restore_the_terminal() {
    // SIGHUP is what an ssh connection dropping sends.
    for signal in [1, 15] {
        let (_tmp, drafts) = common::scratch_drafts();
        let tui = Tui::start(&drafts, &["--as", "France"], 100, 30, &[]);
        tui.wait_text("You are: France");
        tui.signal(signal);
        tui.wait_for("the normal screen to come back", |s| !s.alternate_screen());
        let raw = tui.raw();
        let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).into_owned();
        assert!(
            tail.contains("\x1b[?1049l"),
            "signal {signal}: left the alternate screen: {tail:?}"
        );
        assert!(
            tail.contains("\x1b[?1000l"),
            "signal {signal}: mouse capture off: {tail:?}"
        );
        tui.wait_exit();
    }
}

/// The terminal going away (a closed window, a dropped ssh connection)
/// ends plenary instead of leaving it spinning on a dead terminal.
#[test]
fn plenary_ends_when_its_terminal_goes_away() {
    let (_tmp, drafts) = common::scratch_drafts();
    let tui = Tui::start(&drafts, &["--as", "France"], 100, 30, &[]);
    tui.wait_text("You are: France");
    let status = tui.hang_up().expect("plenary ended");
    assert_eq!(
        (status.exit_code(), status.signal()),
        (129, None),
        "exits with 128 + SIGHUP after restoring the terminal: {status:?}"
    );
}

#[test]
fn a_tiny_window_shows_a_note_and_growing_it_recovers() {
    let (_tmp, drafts) = common::scratch_drafts();
    let mut tui = Tui::start(&drafts, &["--as", "France"], 30, 8, &[]);
    tui.wait_text("Window too small");
    tui.send(keys::CTRL_Q);
    assert!(tui.wait_exit());
}

#[test]
fn a_broken_draft_shows_as_an_error_and_the_rest_works() {
    let (_tmp, drafts) = common::scratch_drafts();
    fs::write(
        drafts.join("round-table.yaml"),
        "schema: 1\nid: [unclosed\n",
    )
    .unwrap();
    let mut tui = Tui::start(&drafts, &["--as", "France"], 120, 40, &[]);
    tui.wait_text("could not be loaded");
    tui.send(keys::DOWN);
    tui.wait_text("round-table.yaml:3:1: while parsing a flow sequence");
    tui.send(keys::DOWN);
    tui.wait_text("entities-of-concern · current text (v1)");
    tui.send(keys::CTRL_Q);
    assert!(tui.wait_exit());
}
