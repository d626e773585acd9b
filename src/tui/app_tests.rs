//! The app without a terminal: actions in, state (and files) out.

use super::*;
use crate::tui::testing::{app_as, folder};

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(a.clone());
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

/// Opens entities-of-concern (the third draft) in the editor and inserts
/// the missing "of".
fn fix_the_missing_of(app: &mut App) {
    run(
        app,
        &[
            Action::Move(Move::Down),
            Action::Move(Move::Down),
            Action::OpenEditor,
        ],
    );
    assert_eq!(app.context(), Context::Editor);
    run(app, &[Action::Find]);
    typed(app, "entities of concern");
    run(app, &[Action::Submit]);
    typed(app, "of ");
}

#[test]
fn without_an_identity_the_picker_comes_first() {
    let (_tmp, folder) = folder();
    let mut app = App::new(folder, None, (120, 40), true);
    assert_eq!(app.context(), Context::Picker);
    run(&mut app, &[Action::OpenEditor]);
    assert!(
        app.editing.is_none(),
        "browse keys do nothing under the picker"
    );
    typed(&mut app, "jap");
    run(&mut app, &[Action::Submit]);
    assert_eq!(app.me.as_deref(), Some("Japan"));
    assert_eq!(app.context(), Context::Browse);
}

#[test]
fn moving_through_drafts_changes_the_text_shown() {
    let (_tmp, mut app) = app_as("France");
    assert!(
        app.shown.title.starts_with("ie-tem-working-group"),
        "{}",
        app.shown.title
    );
    run(
        &mut app,
        &[Action::Move(Move::Down), Action::Move(Move::Down)],
    );
    assert!(
        app.shown
            .title
            .starts_with("entities-of-concern · current text (v1)")
    );
    run(&mut app, &[Action::Move(Move::Bottom)]);
    assert!(app.shown.title.starts_with("outreach-to-china"));
    run(&mut app, &[Action::Move(Move::Down)]);
    assert!(
        app.shown.title.starts_with("outreach-to-china"),
        "stops at the end"
    );
    run(&mut app, &[Action::CycleView]);
    assert_eq!(app.view, View::SideBySide);
    assert!(
        app.shown
            .title
            .contains("the original (v1) | current text (v1)"),
        "{}",
        app.shown.title
    );
}

#[test]
fn filing_a_proposal_saves_it_and_selects_it() {
    let (tmp, mut app) = app_as("France");
    fix_the_missing_of(&mut app);
    let edit = app.editing.as_ref().unwrap();
    assert!(
        edit.editor
            .text()
            .contains("the list of entities of concern")
    );
    assert_eq!(edit.live_counts, (0, 1), "one word added, none struck");
    run(&mut app, &[Action::Save]);
    assert_eq!(app.context(), Context::Prompt);
    typed(&mut app, "Restore the missing \"of\".");
    run(&mut app, &[Action::Submit]);
    assert!(app.editing.is_none());
    assert_eq!(
        app.selected_proposal().map(|p| p.id.as_str()),
        Some("france-1")
    );
    assert!(
        app.shown
            .title
            .contains("france-1 by France against the original")
    );
    let file = std::fs::read_to_string(tmp.path().join("entities-of-concern.yaml")).unwrap();
    assert!(file.contains("id: france-1"));
    assert!(file.contains("rationale: Restore the missing \"of\"."));
}

#[test]
fn opening_the_editor_again_revises_your_open_proposal() {
    let (_tmp, mut app) = app_as("France");
    fix_the_missing_of(&mut app);
    run(&mut app, &[Action::Save]);
    typed(&mut app, "First try");
    run(&mut app, &[Action::Submit, Action::OpenEditor]);
    let edit = app.editing.as_ref().unwrap();
    assert_eq!(edit.revising.as_deref(), Some("france-1"));
    assert!(edit.editor.text().contains("list of entities"));
    typed(&mut app, "X");
    run(&mut app, &[Action::Save]);
    match &app.overlay {
        Some(Overlay::Prompt { input, .. }) => assert_eq!(input.text, "First try"),
        other => panic!("expected the rationale prompt, got {other:?}"),
    }
    run(&mut app, &[Action::Submit]);
    let draft = app.selected_draft().unwrap();
    assert_eq!(
        draft.proposal("france-1").unwrap().status,
        ProposalStatus::Superseded
    );
    assert_eq!(
        draft.proposal("france-2").unwrap().status,
        ProposalStatus::Open
    );
}

#[test]
fn leaving_with_unsaved_changes_asks_first() {
    let (_tmp, mut app) = app_as("France");
    fix_the_missing_of(&mut app);
    run(&mut app, &[Action::Cancel]);
    assert_eq!(app.context(), Context::Confirm);
    run(&mut app, &[Action::No]);
    assert_eq!(app.context(), Context::Editor, "no keeps editing");
    run(&mut app, &[Action::Quit]);
    assert!(!app.quit, "quitting asks too");
    run(&mut app, &[Action::Cancel, Action::Cancel, Action::Yes]);
    assert!(app.editing.is_none());
    assert!(
        app.selected_draft().unwrap().proposals.is_empty(),
        "nothing filed"
    );
}

#[test]
fn an_unchanged_text_is_not_filed() {
    let (_tmp, mut app) = app_as("France");
    run(&mut app, &[Action::OpenEditor, Action::Save]);
    assert_eq!(app.context(), Context::Editor);
    assert_eq!(app.message.as_ref().map(|m| m.level), Some(Level::Error));
    run(&mut app, &[Action::Cancel]);
    assert!(
        app.editing.is_none(),
        "an unmodified editor closes without asking"
    );
}

#[test]
fn undo_takes_back_typing_in_one_step() {
    let (_tmp, mut app) = app_as("France");
    fix_the_missing_of(&mut app);
    run(&mut app, &[Action::Undo]);
    let edit = app.editing.as_ref().unwrap();
    assert!(edit.editor.text().contains("the list entities of concern"));
    assert!(!edit.editor.modified());
    assert_eq!(edit.live_counts, (0, 0));
}

#[test]
fn positions_need_a_selected_proposal_and_are_saved() {
    let (tmp, mut app) = app_as("France");
    fix_the_missing_of(&mut app);
    run(&mut app, &[Action::Save]);
    typed(&mut app, "of");
    run(&mut app, &[Action::Submit]);
    app.me = Some("Japan".into());
    run(&mut app, &[Action::Position(Stance::Object)]);
    assert_eq!(app.selected_proposal().unwrap().count(Stance::Object), 1);
    let file = std::fs::read_to_string(tmp.path().join("entities-of-concern.yaml")).unwrap();
    assert!(file.contains("stance: object"));
    run(
        &mut app,
        &[Action::Move(Move::Top), Action::Position(Stance::Support)],
    );
    assert_eq!(
        app.message.as_ref().unwrap().level,
        Level::Error,
        "the current text is no proposal"
    );
}

#[test]
fn only_the_proposer_may_withdraw() {
    let (_tmp, mut app) = app_as("France");
    fix_the_missing_of(&mut app);
    run(&mut app, &[Action::Save, Action::Submit]);
    app.me = Some("Germany".into());
    run(&mut app, &[Action::Withdraw]);
    assert_eq!(app.context(), Context::Browse);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("only they may withdraw")
    );
    app.me = Some("France".into());
    run(&mut app, &[Action::Withdraw, Action::Yes]);
    assert_eq!(
        app.selected_proposal().unwrap().status,
        ProposalStatus::Withdrawn
    );
}

#[test]
fn compare_cycles_through_the_other_proposals() {
    let (_tmp, mut app) = app_as("France");
    fix_the_missing_of(&mut app);
    run(&mut app, &[Action::Save, Action::Submit]);
    app.me = Some("Germany".into());
    run(&mut app, &[Action::Move(Move::Top), Action::OpenEditor]);
    typed(&mut app, "Germany says: ");
    run(&mut app, &[Action::Save, Action::Submit]);
    assert_eq!(app.selected_proposal().unwrap().id, "germany-1");
    run(&mut app, &[Action::CycleCompare]);
    assert_eq!(app.compare, Compare::Proposal("france-1".into()));
    assert!(
        app.shown
            .title
            .contains("germany-1 by Germany against france-1 by France")
    );
    run(&mut app, &[Action::CycleCompare]);
    assert_eq!(app.compare, Compare::Original);
    run(&mut app, &[Action::FilterPartner]);
    assert_eq!(app.filter.as_deref(), Some("France"));
    assert_eq!(app.listed_proposals().len(), 1);
}

#[test]
fn tiny_and_huge_resizes_never_panic() {
    let (_tmp, mut app) = app_as("France");
    for (w, h) in [(0, 0), (1, 1), (5, 3), (39, 11), (40, 12), (500, 200)] {
        run(
            &mut app,
            &[
                Action::Resize(w, h),
                Action::OpenEditor,
                Action::Move(Move::Down),
            ],
        );
        assert_eq!(app.layout().too_small, w < 40 || h < 12, "{w}x{h}");
        typed(&mut app, "x");
        run(&mut app, &[Action::Click(3, 3), Action::Wheel(3)]);
        let text = app
            .editing
            .as_ref()
            .expect("the editor opened")
            .editor
            .text();
        assert!(text.contains('x'), "typing works at {w}x{h}");
        run(&mut app, &[Action::Cancel, Action::Yes]);
        assert!(app.editing.is_none(), "left the editor at {w}x{h}");
    }
}

#[test]
fn clicks_select_drafts_and_proposals_and_the_wheel_scrolls() {
    let (_tmp, mut app) = app_as("France");
    let drafts = Layout::inner(app.layout().drafts);
    // Each draft takes two lines: the third draft starts on the fifth.
    run(&mut app, &[Action::Click(drafts.x + 2, drafts.y + 4)]);
    assert_eq!(app.draft, 2);
    assert!(app.shown.title.starts_with("entities-of-concern"));
    let below = Layout::inner(app.layout().below);
    run(&mut app, &[Action::Click(below.x + 2, below.y + 1)]);
    assert_eq!((app.focus, app.row), (Focus::Proposals, 0));
    run(&mut app, &[Action::Resize(60, 14), Action::Wheel(3)]);
    assert_eq!(app.scroll, 3, "a narrow pane has lines to scroll");
    let title = app.shown.title.clone();
    run(&mut app, &[Action::Wheel(-1)]);
    assert_eq!((app.scroll, &app.shown.title), (2, &title));
}

#[test]
fn unfiled_text_survives_plenary_ending_and_is_offered_again() {
    let (tmp, mut app) = app_as("France");
    fix_the_missing_of(&mut app);
    run(&mut app, &[Action::Idle]);
    let kept = crate::store::recovery::find(tmp.path(), "entities-of-concern", "France");
    assert!(
        kept.as_deref()
            .is_some_and(|t| t.contains("list of entities")),
        "{kept:?}"
    );

    // plenary ends without filing (a dropped connection): start again.
    drop(app);
    let folder = crate::store::load_folder(tmp.path()).unwrap();
    let mut app = App::new(folder, Some("France".into()), (120, 40), true);
    assert_eq!(app.context(), Context::Review, "the kept text is offered");
    // "Decide later", then open the same draft: the text comes back too.
    run(
        &mut app,
        &[
            Action::Cancel,
            Action::Move(Move::Down),
            Action::Move(Move::Down),
            Action::OpenEditor,
        ],
    );
    let edit = app.editing.as_ref().unwrap();
    assert!(edit.editor.text().contains("list of entities"), "recovered");
    assert!(app.message.as_ref().unwrap().text.contains("Recovered"));
    run(&mut app, &[Action::Cancel]);
    assert_eq!(
        app.context(),
        Context::Confirm,
        "a recovered text counts as unsaved"
    );
    run(&mut app, &[Action::No, Action::Save]);
    typed(&mut app, "Recovered");
    run(&mut app, &[Action::Submit]);
    assert!(app.editing.is_none());
    assert_eq!(
        app.selected_proposal().map(|p| p.id.as_str()),
        Some("france-1")
    );
    assert_eq!(
        crate::store::recovery::find(tmp.path(), "entities-of-concern", "France"),
        None,
        "filed, so the safety copy is gone"
    );
}

#[test]
fn undoing_back_to_the_start_forgets_the_safety_copy() {
    let (tmp, mut app) = app_as("France");
    fix_the_missing_of(&mut app);
    run(&mut app, &[Action::Idle, Action::Undo, Action::Idle]);
    assert_eq!(
        crate::store::recovery::find(tmp.path(), "entities-of-concern", "France"),
        None
    );
}

#[test]
fn a_paste_is_one_edit_and_one_undo_step() {
    let (_tmp, mut app) = app_as("France");
    run(
        &mut app,
        &[
            Action::OpenEditor,
            Action::Paste("Pasted from an e-mail,\r\nin two lines. ".into()),
        ],
    );
    let text = app.editing.as_ref().unwrap().editor.text();
    assert!(
        text.starts_with("Pasted from an e-mail,\nin two lines. The Partners agree"),
        "{text}"
    );
    run(&mut app, &[Action::Undo]);
    assert!(!app.editing.as_ref().unwrap().editor.modified());
    run(
        &mut app,
        &[
            Action::Find,
            Action::Paste("ad hoc\nworking".into()),
            Action::Submit,
        ],
    );
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Found (F3: next)",
        "only the first line is searched"
    );
}
