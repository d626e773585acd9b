//! Each view drawn into a `TestBackend`, read back as a user would see it.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use crate::model::Stance;
use crate::tui::action::{Action, Move};
use crate::tui::app::App;
use crate::tui::testing::app_as;

fn render(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| super::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn screen(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        for x in 0..area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The cells of the first occurrence of `needle` on the screen.
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let width = needle.chars().count() as u16;
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width.saturating_sub(width) {
            let cells: String = (0..width).map(|i| buffer[(x + i, y)].symbol()).collect();
            if cells == needle {
                return Some((x, y));
            }
        }
    }
    None
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

/// France's proposal on entities of concern, filed, and selected.
fn with_frances_proposal() -> (tempfile::TempDir, App) {
    let (tmp, mut app) = app_as("France");
    for a in [
        Action::Move(Move::Down),
        Action::Move(Move::Down),
        Action::OpenEditor,
        Action::Find,
    ] {
        app.update(a);
    }
    type_text(&mut app, "entities of concern");
    app.update(Action::Submit);
    type_text(&mut app, "of ");
    app.update(Action::Save);
    type_text(&mut app, "Restore the missing of");
    app.update(Action::Submit);
    (tmp, app)
}

#[test]
fn browse_shows_drafts_text_proposals_status_and_hints() {
    let (_tmp, app) = app_as("France");
    let text = screen(&render(&app));
    for needle in [
        "Drafts (4)",
        " 1. U.S. Proposal on IE-TEM",
        "v1 · ready to agree",
        "ie-tem-working-group · current text (v1) against the original (v1)",
        "Proposals (0 open)",
        "current text (v1)",
        "You are: France",
        "MTCR Plenary",
        "Enter Edit",
        "^Q Quit",
        "s Support",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from\n{text}");
    }
}

#[test]
fn the_redline_strikes_and_underlines() {
    let (_tmp, app) = with_frances_proposal();
    let buffer = render(&app);
    let text = screen(&buffer);
    assert!(
        text.contains("france-1 by France against the original"),
        "{text}"
    );
    assert!(text.contains("france-1"), "the proposal is listed");
    let (x, y) = find(&buffer, "list of entities").expect("the new wording is shown");
    let of = &buffer[(x + 5, y)];
    assert_eq!(of.symbol(), "o");
    assert!(
        of.modifier.contains(Modifier::UNDERLINED),
        "inserted 'of' is underlined"
    );
    let list = &buffer[(x, y)];
    assert!(
        !list.modifier.contains(Modifier::UNDERLINED),
        "unchanged words are plain"
    );
}

#[test]
fn side_by_side_puts_the_original_left_and_the_proposal_right() {
    let (_tmp, mut app) = with_frances_proposal();
    app.update(Action::CycleView);
    let buffer = render(&app);
    let text = screen(&buffer);
    assert!(
        text.contains("entities-of-concern · the original (v1) | france-1 by France"),
        "{text}"
    );
    let (left_x, left_y) =
        find(&buffer, "entities of concern --").expect("the original on the left");
    let (right_x, right_y) =
        find(&buffer, "of entities of concern").expect("the proposal on the right");
    assert!(right_x > left_x + 20, "columns: {left_x} vs {right_x}");
    assert_eq!(left_y, right_y, "the change is aligned on one row");
}

#[test]
fn positions_show_in_the_list() {
    let (_tmp, mut app) = with_frances_proposal();
    app.me = Some("Japan".into());
    app.update(Action::Position(Stance::Object));
    app.me = Some("Germany".into());
    app.update(Action::Position(Stance::Support));
    let text = screen(&render(&app));
    assert!(text.contains("1 support, 1 object"), "{text}");
    assert!(text.contains("v1 · 1 objection · 1 open"), "{text}");
}

#[test]
fn the_editor_shows_the_live_redline_and_a_cursor() {
    let (_tmp, mut app) = app_as("France");
    for a in [
        Action::Move(Move::Down),
        Action::Move(Move::Down),
        Action::OpenEditor,
    ] {
        app.update(a);
    }
    type_text(&mut app, "Today, ");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| super::draw(f, &app)).unwrap();
    let text = screen(terminal.backend().buffer());
    assert!(
        text.contains("France: new proposal against v1 · modified"),
        "{text}"
    );
    assert!(
        text.contains("Live redline against the original · 0 word(s) struck, 2 added"),
        "{text}"
    );
    assert!(text.contains("^S File"), "{text}");
    let cursor = terminal.get_cursor_position().unwrap();
    assert_eq!((cursor.x, cursor.y), (1 + 7, 1), "after the typed words");
}

#[test]
fn help_lists_every_key_of_every_context() {
    let (_tmp, mut app) = app_as("France");
    app.update(Action::Resize(120, 200));
    app.update(Action::Help);
    let text = screen(&render(&app));
    for context in crate::tui::keymap::Context::ALL {
        for binding in crate::tui::keymap::bindings(context) {
            assert!(
                text.contains(binding.what),
                "{:?} missing from help",
                binding.what
            );
        }
    }
}

#[test]
fn a_tiny_window_shows_a_note() {
    let (_tmp, mut app) = app_as("France");
    for (w, h) in [(20, 5), (39, 30), (120, 11)] {
        app.update(Action::Resize(w, h));
        let text = screen(&render(&app)).replace('\n', "");
        assert!(text.contains("Window too small"), "{w}x{h}: {text}");
    }
    app.update(Action::Resize(1, 1));
    assert_eq!(
        screen(&render(&app)),
        "W\n",
        "one cell: the note's first letter, no panic"
    );
}

#[test]
fn escape_sequences_in_titles_and_texts_are_drawn_as_placeholders() {
    let (_tmp, mut app) = app_as("France");
    let entry = &mut app.folder.entries[0];
    if let crate::store::EntryState::Loaded(draft) = &mut entry.state {
        draft.title = "\u{1b}]0;pwned\u{7}Title".into();
        draft.versions[0].text = "A \u{1b}[2J\u{202e}B\tC\r\nD".into();
    }
    app.update(Action::Resize(120, 40));
    let buffer = render(&app);
    let text = screen(&buffer);
    assert!(text.contains("␛]0;pwned␇Title"), "{text}");
    assert!(text.contains("A ␛[2J<U+202E>B C"), "{text}");
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "{:?} drawn raw",
            cell.symbol()
        );
    }
}

#[test]
fn a_long_answer_scrolls_and_keeps_the_cursor_in_the_box() {
    let (_tmp, mut app) = app_as("France");
    app.update(Action::OpenEditor);
    type_text(&mut app, "New ");
    app.update(Action::Save);
    type_text(&mut app, &format!("{}END", "x".repeat(200)));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| super::draw(f, &app)).unwrap();
    let text = screen(terminal.backend().buffer());
    assert!(
        text.contains("Why this change? One line for the other Partners:"),
        "{text}"
    );
    let (x, y) = find(terminal.backend().buffer(), "xxEND").expect("the end of the answer shows");
    let cursor = terminal.get_cursor_position().unwrap();
    assert_eq!(
        (cursor.x, cursor.y),
        (x + 5, y),
        "the cursor just after END"
    );
}

#[test]
fn without_colour_the_redline_still_strikes_and_underlines() {
    let (_tmp, mut app) = with_frances_proposal();
    app.color = false;
    app.update(Action::Resize(120, 40));
    let buffer = render(&app);
    let (x, y) = find(&buffer, "list of entities").expect("the new wording is shown");
    let of = &buffer[(x + 5, y)];
    assert!(of.modifier.contains(Modifier::UNDERLINED));
    assert_eq!(of.fg, ratatui::style::Color::Reset, "no colour");
    let coloured = buffer
        .content()
        .iter()
        .filter(|c| c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset)
        .count();
    assert_eq!(
        coloured, 0,
        "NO_COLOR: no cell has a colour, borders included"
    );
    let selected = find(&buffer, "france-1   ").expect("the selected proposal row");
    assert!(
        buffer[selected].modifier.contains(Modifier::REVERSED),
        "the selection shows in reverse video"
    );
}

#[test]
fn the_chairs_merge_review_shows_the_bracketed_alternative_in_bold() {
    let (_tmp, mut app) = app_as("Brazil");
    for (partner, fix) in [
        ("France", "list of entities"),
        ("Germany", "list of the entities"),
    ] {
        app.folder
            .update("entities-of-concern", |d, s| {
                let text = d.current().unwrap().text.replace("list entities", fix);
                crate::negotiation::propose(
                    d,
                    s,
                    partner,
                    &text,
                    None,
                    crate::model::Timestamp::now(),
                )
            })
            .unwrap();
    }
    for a in [
        Action::Move(Move::Down),
        Action::Move(Move::Down),
        Action::Merge,
    ] {
        app.update(a);
    }
    let buffer = render(&app);
    let text = screen(&buffer);
    assert!(
        text.contains("File the merge as your proposal brazil-1?"),
        "{text}"
    );
    assert!(text.contains("y yes   n no   Esc close"), "{text}");
    let needle = "[France: of / Germany: of the]";
    let (x, y) = find(&buffer, needle).expect("the alternative is on screen");
    for i in 0..needle.len() as u16 {
        let cell = &buffer[(x + i, y)];
        assert!(cell.modifier.contains(Modifier::BOLD), "{needle} at {i}");
        assert!(
            cell.modifier.contains(Modifier::UNDERLINED),
            "it is inserted text"
        );
    }
    let (x, y) = find(&buffer, "list").unwrap();
    assert!(!buffer[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn a_new_draft_shows_what_tabling_it_will_do() {
    let (_tmp, mut app) = app_as("France");
    app.update(Action::NewDraft);
    let text = screen(&render(&app));
    assert!(
        text.contains("Title of the new draft you table as France:"),
        "{text}"
    );
    type_text(&mut app, "Brokering \u{1b}[2J controls");
    app.update(Action::Submit);
    app.update(Action::Paste("Partners agree\nto broker.".into()));
    let text = screen(&render(&app));
    for needle in [
        "brokering-2j-controls · France: tabling a new draft · modified",
        "Partners agree",
        "to broker.",
        "Title:     Brokering ␛[2J controls",
        "Tabled by: France, as version 1 (the original)",
        "brokering-2j-controls.yaml, last on the agenda",
        "^S File",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from\n{text}");
    }
}

#[test]
fn a_partner_sees_every_position_key_in_the_hint_bar_at_120_columns() {
    let (_tmp, app) = app_as("France");
    let text = screen(&render(&app));
    let hints = text.lines().last().unwrap();
    for hint in [
        "s Support",
        "o Object",
        "r Reserve",
        "h History",
        "x Export",
    ] {
        assert!(hints.contains(hint), "{hint} missing from {hints:?}");
    }
    assert!(
        !hints.contains("Adopt"),
        "the Chair's keys are the Chair's: {hints:?}"
    );
}
