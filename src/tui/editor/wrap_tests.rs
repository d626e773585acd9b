//! Soft wrap: exact rows, invariants, and the incremental cache.

use super::buffer::Buffer;
use super::*;

fn rows(text: &str, width: u16) -> Vec<String> {
    let mut e = Editor::new(text);
    e.set_viewport(width, u16::MAX);
    e.view().rows.into_iter().map(|r| r.text).collect()
}

/// Asserts that the editor's wrap cache equals a wrap from scratch.
pub(super) fn assert_cache_fresh(e: &Editor) {
    let fresh = Buffer::new(&e.text(), e.buf.width());
    assert_eq!(e.buf.layout(), fresh.layout(), "text {:?}", e.text());
    assert_eq!(e.buf.settled_total_rows(), fresh.settled_total_rows());
}

#[test]
fn words_wrap_after_spaces() {
    assert_eq!(
        rows("The Parties agree to cooperate.", 12),
        ["The Parties ", "agree to ", "cooperate."]
    );
}

#[test]
fn the_paragraph_end_needs_a_cell() {
    // "cooperate." fills its row: the end of the paragraph, where the cursor
    // can go, gets a row of its own.
    assert_eq!(
        rows("The Parties agree to cooperate.", 10),
        ["The ", "Parties ", "agree to ", "cooperate.", ""]
    );
    assert_eq!(rows("ab cd", 5), ["ab ", "cd"]);
}

#[test]
fn long_words_break_anywhere() {
    assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    assert_eq!(rows("abcde fg", 5), ["abcde", " fg"]);
}

#[test]
fn space_runs_and_paragraphs() {
    assert_eq!(rows("a    b", 3), ["a  ", "  ", "b"]);
    assert_eq!(rows("a\n\nb", 3), ["a", "", "b"]);
    assert_eq!(rows("", 3), [""]);
    assert_eq!(rows("a\n", 3), ["a", ""]);
}

#[test]
fn no_break_spaces_hold_words_together() {
    assert_eq!(rows("art.\u{A0}12 of", 8), ["art.\u{A0}12 ", "of"]);
    assert_eq!(rows("art. 12 of", 8), ["art. 12 ", "of"]);
    assert_eq!(rows("xx art.\u{A0}12", 8), ["xx ", "art.\u{A0}12"]);
}

const MIXED: &str = "The Parties\u{1b}[2J, noting 中文 and 👍🏽 with\tcare, agree that \
                     e\u{301}quité 🇫🇷🇩🇪 👨\u{200D}👩\u{200D}👧 matters\u{202E}.\n\n\
                     Second paragraph, shorter.";

#[test]
fn rows_cover_the_text_exactly() {
    for width in 1..30 {
        let mut e = Editor::new(MIXED);
        e.set_viewport(width, u16::MAX);
        let view = e.view();
        let chars: Vec<char> = MIXED.chars().collect();
        let mut rebuilt = String::new();
        for (i, row) in view.rows.iter().enumerate() {
            let end = view
                .rows
                .get(i + 1)
                .map_or(chars.len(), |next| next.start_char);
            rebuilt.extend(&chars[row.start_char..end]);
        }
        assert_eq!(rebuilt, MIXED, "width {width}");
        assert_eq!(view.total_rows, view.rows.len());
    }
}

#[test]
fn rows_of_plain_text_concatenate_to_the_paragraph() {
    let text = "The Parties, recalling their commitments, agree to review progress.";
    for width in 1..40 {
        assert_eq!(rows(text, width).concat(), text, "width {width}");
    }
}

#[test]
fn no_row_is_wider_than_the_viewport() {
    // Eight cells hold any single cluster, placeholders included.
    for width in 8..40u16 {
        let mut e = Editor::new(MIXED);
        e.set_viewport(width, u16::MAX);
        for row in e.view().rows {
            assert!(row.width <= width, "{row:?} at width {width}");
        }
    }
}

#[test]
fn a_cluster_wider_than_the_viewport_gets_its_own_row() {
    assert_eq!(rows("中a", 1), ["中", "a", ""]);
    assert_eq!(rows("x\u{202E}y", 5), ["x", "<U+202E>", "y"]);
}

#[test]
fn typing_keeps_the_cache_fresh() {
    let text = "The Parties agree that e\u{301} 中文 👍🏽\tand so on, to the end. ";
    for width in [1, 3, 7, 10] {
        let mut e = Editor::new("");
        e.set_viewport(width, 5);
        for c in text.chars() {
            e.insert_char(c, 0);
            assert_cache_fresh(&e);
        }
        // And again in the middle of the paragraph.
        e.set_cursor(20);
        for c in text.chars() {
            e.insert_char(c, 0);
            assert_cache_fresh(&e);
        }
        while e.len_chars() > 10 {
            e.set_cursor(e.len_chars() / 3);
            e.delete(0);
            e.backspace(0);
            assert_cache_fresh(&e);
        }
    }
}

#[test]
fn splitting_and_joining_paragraphs_keeps_the_cache_fresh() {
    let long = "word ".repeat(200);
    let mut e = Editor::new(&format!("{long}\n{long}\n{long}"));
    e.set_viewport(17, 5);
    for at in [3, 500, 999, 1001, 1500, 2000, 3002] {
        e.set_cursor(at);
        e.newline(0);
        assert_cache_fresh(&e);
        e.backspace(0);
        assert_cache_fresh(&e);
        e.delete(0);
        assert_cache_fresh(&e);
    }
    e.set_cursor(300);
    e.insert_text("pasted\nthree\nparagraphs ", 0);
    assert_cache_fresh(&e);
    while e.undo() {
        assert_cache_fresh(&e);
    }
    while e.redo() {
        assert_cache_fresh(&e);
    }
}

#[test]
fn tiny_viewports_never_panic() {
    for (width, height) in [(0, 0), (0, 1), (1, 0), (1, 1), (2, 1), (1, 3)] {
        let mut e = Editor::new(MIXED);
        e.set_viewport(width, height);
        for _ in 0..3 {
            e.page_down();
            e.move_down();
            e.row_end();
            e.insert_char('中', 0);
            e.insert_char('\t', 0);
            e.scroll(2);
            e.click(0, 5);
            e.click(3, 0);
            e.backspace(0);
            e.view();
        }
        e.page_up();
        e.move_up();
        e.row_home();
        e.scroll(-5);
        let view = e.view();
        assert!(view.rows.len() <= usize::from(height));
        assert_cache_fresh(&e);
        if width == 0 || height == 0 {
            assert_eq!(view.cursor, None);
        }
    }
}

#[test]
fn an_edit_that_moves_every_later_row_leaves_the_rest_unwrapped() {
    // 4 words of "word " per row at width 20: one letter more pushes a word
    // down on every later row, for the whole paragraph.
    let mut e = Editor::new(&"word ".repeat(2_000));
    e.set_viewport(20, 5);
    e.set_cursor(5_000);
    e.insert_char('s', 0);
    let rows = e.buf.rows(0);
    assert!(rows.is_open(), "the paragraph's end is not wrapped yet");
    // 250 rows lead to the cursor; of the 250 after it, a few are wrapped.
    assert!(
        rows.stored() < 270,
        "only rows up to the cursor's are wrapped"
    );
    // The rows on screen are right all the same.
    let view = e.view();
    assert!(view.rows.iter().all(|r| r.width <= 20));
    assert_cache_fresh(&e);
    // Jumping to the end wraps the way there.
    e.doc_end();
    assert!(!e.buf.rows(0).is_open());
    assert_eq!(e.view().cursor.map(|(_, row)| row), Some(4));
    assert_eq!(e.view().total_rows, e.buf.settled_total_rows());
}

#[test]
fn loading_and_resizing_wrap_only_what_is_shown() {
    let mut e = Editor::new(&"Parties agree. ".repeat(50_000));
    e.set_viewport(30, 10);
    assert!(e.buf.rows(0).stored() < 100);
    e.set_viewport(31, 10);
    assert!(e.buf.rows(0).stored() < 100);
    assert_eq!(e.view().rows.len(), 10);
}
