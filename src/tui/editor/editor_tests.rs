//! Unit tests of the public methods, one behaviour each.

use super::*;

/// An editor over `text` with the cursor at char `at` and an open viewport.
fn editor_at(text: &str, at: usize) -> Editor {
    let mut e = Editor::new(text);
    e.set_viewport(40, 10);
    e.set_cursor(at);
    e
}

fn type_str(e: &mut Editor, s: &str, now_ms: u64) {
    for c in s.chars() {
        e.insert_char(c, now_ms);
    }
}

#[test]
fn new_starts_at_the_start_unmodified() {
    let e = Editor::new("Paragraph 1\nParagraph 2");
    assert_eq!(e.cursor(), 0);
    assert_eq!(e.text(), "Paragraph 1\nParagraph 2");
    assert_eq!(e.len_chars(), 23);
    assert!(!e.modified());
}

#[test]
fn insert_char_types_at_the_cursor() {
    let mut e = editor_at("Parties", 0);
    type_str(&mut e, "The ", 0);
    assert_eq!(e.text(), "The Parties");
    assert_eq!(e.cursor(), 4);
}

#[test]
fn insert_char_line_feed_is_a_newline() {
    let mut e = editor_at("ab", 1);
    e.insert_char('\n', 0);
    assert_eq!(e.text(), "a\nb");
    assert_eq!(e.cursor(), 2);
}

#[test]
fn insert_text_pastes_as_one_step() {
    let mut e = editor_at("[]", 1);
    e.insert_text("shall\r\nshould", 0);
    assert_eq!(e.text(), "[shall\nshould]");
    assert_eq!(e.cursor(), 13);
    assert!(e.undo());
    assert_eq!(e.text(), "[]");
    assert_eq!(e.cursor(), 1);
    e.insert_text("", 0);
    assert_eq!(e.text(), "[]");
}

#[test]
fn newline_splits_the_paragraph() {
    let mut e = editor_at("ab", 1);
    e.newline(0);
    assert_eq!(e.text(), "a\nb");
    assert_eq!(e.view().rows.len(), 2);
}

#[test]
fn backspace_deletes_before_and_joins_paragraphs() {
    let mut e = editor_at("a\nb", 2);
    e.backspace(0);
    assert_eq!(e.text(), "ab");
    assert_eq!(e.cursor(), 1);
    e.backspace(0);
    e.backspace(0);
    assert_eq!(e.text(), "b");
    assert_eq!(e.cursor(), 0);
}

#[test]
fn delete_deletes_after_and_joins_paragraphs() {
    let mut e = editor_at("a\nb", 1);
    e.delete(0);
    assert_eq!(e.text(), "ab");
    assert_eq!(e.cursor(), 1);
    e.delete(0);
    e.delete(0);
    assert_eq!(e.text(), "a");
}

#[test]
fn delete_word_left_removes_a_word_and_its_spaces() {
    let mut e = editor_at("shall endeavour  ", 17);
    e.delete_word_left(0);
    assert_eq!(e.text(), "shall ");
    e.delete_word_left(0);
    assert_eq!(e.text(), "");
    e.delete_word_left(0);
    assert_eq!(e.text(), "");
    assert!(e.undo());
    assert_eq!(e.text(), "shall ");
}

#[test]
fn undo_groups_typing_until_a_pause() {
    let mut e = Editor::with_pause("", 500);
    type_str(&mut e, "ab", 0);
    type_str(&mut e, "cd", 400);
    type_str(&mut e, "ef", 1000);
    assert!(e.undo());
    assert_eq!(e.text(), "abcd");
    assert!(e.undo());
    assert_eq!(e.text(), "");
    assert!(!e.undo());
}

#[test]
fn undo_steps_split_at_moves_newlines_and_deletions() {
    let mut e = editor_at("", 0);
    type_str(&mut e, "ab", 0);
    e.move_left();
    e.move_right();
    type_str(&mut e, "c", 1);
    e.newline(2);
    type_str(&mut e, "d", 3);
    e.backspace(4);
    let mut texts = vec![e.text()];
    while e.undo() {
        texts.push(e.text());
    }
    assert_eq!(texts, ["abc\n", "abc\nd", "abc\n", "abc", "ab", ""]);
}

#[test]
fn undo_restores_the_cursor_and_redo_replays() {
    let mut e = editor_at("Parties", 7);
    type_str(&mut e, " agree", 0);
    e.doc_start();
    assert!(e.undo());
    assert_eq!((e.text().as_str(), e.cursor()), ("Parties", 7));
    assert!(e.redo());
    assert_eq!((e.text().as_str(), e.cursor()), ("Parties agree", 13));
    assert!(!e.redo());
}

#[test]
fn new_edits_clear_redo() {
    let mut e = editor_at("", 0);
    type_str(&mut e, "a", 0);
    e.undo();
    type_str(&mut e, "b", 0);
    assert!(!e.redo());
    assert_eq!(e.text(), "b");
}

#[test]
fn seal_undo_starts_a_new_step() {
    let mut e = editor_at("", 0);
    type_str(&mut e, "a", 0);
    e.seal_undo();
    type_str(&mut e, "b", 0);
    e.undo();
    assert_eq!(e.text(), "a");
}

#[test]
fn modified_compares_with_the_saved_text() {
    let mut e = editor_at("draft", 5);
    type_str(&mut e, "s", 0);
    assert!(e.modified());
    e.backspace(0);
    assert!(!e.modified());
    type_str(&mut e, "!", 0);
    e.mark_saved();
    assert!(!e.modified());
    e.undo();
    assert!(e.modified());
    e.redo();
    assert!(!e.modified());
}

#[test]
fn move_left_and_right_stop_at_the_ends() {
    let mut e = editor_at("ab", 0);
    e.move_left();
    assert_eq!(e.cursor(), 0);
    e.move_right();
    e.move_right();
    e.move_right();
    assert_eq!(e.cursor(), 2);
}

#[test]
fn move_up_and_down_keep_the_goal_column() {
    let mut e = editor_at("long paragraph\nab\nanother line", 10);
    e.move_down();
    assert_eq!(e.cursor(), 17, "end of the short paragraph");
    e.move_down();
    assert_eq!(e.cursor(), 28, "back at column 10");
    e.move_up();
    e.move_up();
    assert_eq!(e.cursor(), 10);
    e.move_up();
    assert_eq!(e.cursor(), 0, "up on the first row goes to the start");
    e.doc_end();
    e.move_down();
    assert_eq!(e.cursor(), e.len_chars());
}

#[test]
fn move_down_follows_wrapped_rows() {
    // Width 10: "aaaa bbbb " / "cccc dddd " / "ee"
    let mut e = Editor::new("aaaa bbbb cccc dddd ee");
    e.set_viewport(10, 5);
    e.set_cursor(6);
    e.move_down();
    assert_eq!(e.cursor(), 16);
    e.move_down();
    assert_eq!(e.cursor(), 22, "the last row is shorter: its end");
    e.move_up();
    assert_eq!(e.cursor(), 16);
}

#[test]
fn word_left_and_right_stop_at_word_starts() {
    let text = "The Parties, noting\n  that";
    let mut e = editor_at(text, 0);
    let mut stops = vec![];
    for _ in 0..7 {
        e.word_right();
        stops.push(e.cursor());
    }
    assert_eq!(stops, [4, 11, 13, 19, 20, 22, 26]);
    let mut back = vec![];
    for _ in 0..7 {
        e.word_left();
        back.push(e.cursor());
    }
    assert_eq!(back, [22, 20, 19, 13, 11, 4, 0]);
}

#[test]
fn row_home_and_end_use_the_visual_row() {
    // Width 10: "aaaa bbbb " / "cccc"
    let mut e = Editor::new("aaaa bbbb cccc");
    e.set_viewport(10, 5);
    e.set_cursor(2);
    e.row_end();
    assert_eq!(e.cursor(), 9, "before the space the row broke at");
    e.row_home();
    assert_eq!(e.cursor(), 0);
    e.set_cursor(12);
    e.row_home();
    assert_eq!(e.cursor(), 10);
    e.row_end();
    assert_eq!(e.cursor(), 14);
}

#[test]
fn doc_start_and_end() {
    let mut e = editor_at("a\nb\nc", 2);
    e.doc_end();
    assert_eq!(e.cursor(), 5);
    e.doc_start();
    assert_eq!(e.cursor(), 0);
}

fn numbered_paragraphs(n: usize) -> String {
    (0..n)
        .map(|i| format!("p{i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn page_down_and_up_move_view_and_cursor() {
    let mut e = Editor::new(&numbered_paragraphs(30));
    e.set_viewport(20, 10);
    e.page_down();
    assert_eq!(e.view().top_row, 10);
    assert_eq!(e.cursor(), e.text().find("p10").unwrap_or(0));
    e.page_down();
    e.page_down();
    assert_eq!(e.view().top_row, 20, "the last page stays full");
    assert_eq!(e.view().rows.len(), 10);
    e.page_down();
    assert_eq!(e.cursor(), e.len_chars());
    e.page_up();
    e.page_up();
    e.page_up();
    e.page_up();
    assert_eq!((e.view().top_row, e.cursor()), (0, 0));
}

#[test]
fn set_cursor_clamps_and_snaps() {
    let mut e = editor_at("e\u{301}x", 0);
    e.set_cursor(1);
    assert_eq!(e.cursor(), 0);
    e.set_cursor(99);
    assert_eq!(e.cursor(), 3);
}

#[test]
fn click_maps_cells_to_chars() {
    let mut e = Editor::new("ab中d\nxyz");
    e.set_viewport(20, 5);
    e.click(0, 0);
    assert_eq!(e.cursor(), 0);
    e.click(0, 3);
    assert_eq!(e.cursor(), 2, "the right half of 中 is before it");
    e.click(0, 4);
    assert_eq!(e.cursor(), 3);
    e.click(0, 15);
    assert_eq!(e.cursor(), 4, "right of the text: its end");
    e.click(1, 1);
    assert_eq!(e.cursor(), 6);
    e.click(7, 0);
    assert_eq!(e.cursor(), 8, "below the text: the end");
}

#[test]
fn set_viewport_rewraps_and_keeps_the_cursor_visible() {
    let mut e = Editor::new(&numbered_paragraphs(30));
    e.doc_end();
    e.set_viewport(20, 5);
    let view = e.view();
    assert_eq!(view.top_row, 25);
    assert_eq!(view.cursor, Some((3, 4)));
    e.set_viewport(2, 5);
    let view = e.view();
    // Each paragraph takes two rows of two cells: "p2" + "7", or "p0" and
    // an empty row for its end.
    let texts: Vec<&str> = view.rows.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["7", "p2", "8", "p2", "9"]);
    assert_eq!(view.cursor, Some((1, 4)));
    assert_eq!(e.buf.settled_total_rows(), 60);
}

#[test]
fn scroll_moves_the_view_and_drags_the_cursor() {
    let mut e = Editor::new(&numbered_paragraphs(30));
    e.set_viewport(20, 5);
    e.scroll(3);
    assert_eq!(e.view().top_row, 3);
    assert_eq!(e.cursor(), e.text().find("p3").unwrap_or(0));
    e.scroll(100);
    assert_eq!(e.view().top_row, 25);
    e.scroll(-100);
    assert_eq!(e.view().top_row, 0);
    assert_eq!(e.view().cursor, Some((0, 4)));
}

#[test]
fn view_reports_rows_and_cursor() {
    let mut e = Editor::new("The Parties\n\tagree");
    e.set_viewport(20, 5);
    e.doc_end();
    let view = e.view();
    assert_eq!(view.top_row, 0);
    assert_eq!(view.total_rows, 2);
    assert_eq!(
        view.rows,
        [
            VisualRow {
                start_char: 0,
                text: "The Parties".into(),
                width: 11
            },
            VisualRow {
                start_char: 12,
                text: "    agree".into(),
                width: 9
            },
        ]
    );
    assert_eq!(view.cursor, Some((9, 1)));
}

#[test]
fn find_is_case_insensitive_and_wraps() {
    let mut e = editor_at("The Parties agree. The parties note.", 5);
    assert!(e.find("PARTIES"));
    assert_eq!(e.cursor(), 23);
    assert_eq!(e.selection_match(), Some(23..30));
    assert!(e.find_next());
    assert_eq!(e.cursor(), 4);
    assert!(!e.find("Secretariat"));
    assert_eq!(e.selection_match(), None);
    assert!(!e.find(""));
}

#[test]
fn find_next_repeats_after_the_match_and_edits_forget_it() {
    let mut e = editor_at("ab ab ab", 0);
    assert!(!e.find_next(), "nothing looked for yet");
    assert!(e.find("ab"));
    assert_eq!(e.cursor(), 0);
    assert!(e.find_next());
    assert_eq!(e.cursor(), 3);
    assert!(e.find_next());
    assert_eq!(e.cursor(), 6);
    assert!(e.find_next());
    assert_eq!(e.cursor(), 0);
    e.insert_char('x', 0);
    assert_eq!(e.selection_match(), None);
}

#[test]
fn find_does_not_match_inside_a_cluster() {
    let mut e = editor_at("cafe\u{301} cafe", 0);
    assert!(e.find("cafe"));
    assert_eq!(e.cursor(), 6);
    assert!(e.find("cafe\u{301}"));
    assert_eq!(e.cursor(), 0);
}
