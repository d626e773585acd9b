//! Property tests: random keystrokes against a plain `String` model.
//!
//! After every operation the editor's text equals the model, the cursor sits
//! on a cluster boundary of the model (found with `&str` segmentation, per
//! paragraph), and the incremental wrap cache equals a wrap from scratch.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::buffer::Buffer;
use super::wrap_tests::assert_cache_fresh;
use super::*;

/// Characters that stress clusters, widths, wrapping and placeholders.
const ALPHABET: &[char] = &[
    'a', 'b', 'x', ' ', ' ', '\t', '\n', 'é', 'e', '\u{301}', '中', '👍', '🏽', '\u{200D}', '👩',
    '🇫', '🇷', '\u{1b}', '\r', '\u{202E}', '\u{A0}', ',',
];

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
        .prop_map(|chars| chars.into_iter().collect())
}

#[derive(Clone, Debug)]
enum Op {
    Type(char),
    Paste(String),
    Newline,
    Backspace,
    Delete,
    DeleteWordLeft,
    Move(u8),
    SetCursor(usize),
    Click(usize, usize),
    Viewport(u16, u16),
    Scroll(isize),
    Undo,
    Redo,
    Seal,
    Find(String),
    FindNext,
    Wait(u64),
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => prop::sample::select(ALPHABET).prop_map(Op::Type),
        1 => text_strategy(12).prop_map(Op::Paste),
        1 => Just(Op::Newline),
        3 => Just(Op::Backspace),
        2 => Just(Op::Delete),
        1 => Just(Op::DeleteWordLeft),
        5 => (0u8..14).prop_map(Op::Move),
        1 => (0usize..80).prop_map(Op::SetCursor),
        1 => (0usize..12, 0usize..12).prop_map(|(r, c)| Op::Click(r, c)),
        1 => (0u16..12, 0u16..6).prop_map(|(w, h)| Op::Viewport(w, h)),
        1 => (-5isize..5).prop_map(Op::Scroll),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
        1 => Just(Op::Seal),
        1 => text_strategy(3).prop_map(Op::Find),
        1 => Just(Op::FindNext),
        1 => (0u64..3000).prop_map(Op::Wait),
    ]
}

/// Cursor stops of `text`: cluster boundaries within each paragraph, and
/// both sides of each line feed.
fn boundaries(text: &str) -> Vec<usize> {
    let mut stops = vec![0];
    let mut at = 0;
    for (i, par) in text.split('\n').enumerate() {
        if i > 0 {
            at += 1;
            stops.push(at);
        }
        for g in par.graphemes(true) {
            at += g.chars().count();
            stops.push(at);
        }
    }
    stops
}

fn byte_at(text: &str, char_idx: usize) -> usize {
    text.char_indices()
        .nth(char_idx)
        .map_or(text.len(), |(b, _)| b)
}

fn replace(text: &mut String, chars: std::ops::Range<usize>, with: &str) {
    let range = byte_at(text, chars.start)..byte_at(text, chars.end);
    text.replace_range(range, with);
}

fn apply_move(e: &mut Editor, which: u8) {
    match which {
        0 => e.move_left(),
        1 => e.move_right(),
        2 => e.move_up(),
        3 => e.move_down(),
        4 => e.word_left(),
        5 => e.word_right(),
        6 => e.row_home(),
        7 => e.row_end(),
        8 => e.doc_start(),
        9 => e.doc_end(),
        10 => e.page_up(),
        11 => e.page_down(),
        12 => e.move_down(),
        _ => e.move_right(),
    }
}

/// Applies `op` to the editor and the model; the model follows the editor
/// where its result is not simple to predict (undo, word deletion).
fn step(e: &mut Editor, model: &mut String, now: &mut u64, op: &Op) {
    let at = e.cursor();
    let stops = boundaries(model);
    *now += 10;
    match op {
        Op::Type(c) => {
            e.insert_char(*c, *now);
            replace(model, at..at, c.encode_utf8(&mut [0; 4]));
        }
        Op::Paste(s) => {
            e.insert_text(s, *now);
            replace(model, at..at, &s.replace("\r\n", "\n"));
        }
        Op::Newline => {
            e.newline(*now);
            replace(model, at..at, "\n");
        }
        Op::Backspace => {
            e.backspace(*now);
            if let Some(&prev) = stops.iter().rev().find(|&&s| s < at) {
                replace(model, prev..at, "");
            }
        }
        Op::Delete => {
            e.delete(*now);
            if let Some(&next) = stops.iter().find(|&&s| s > at) {
                replace(model, at..next, "");
            }
        }
        Op::DeleteWordLeft => {
            e.delete_word_left(*now);
            // Some chars right before the cursor are gone.
            let gone = model.chars().count() - e.len_chars();
            replace(model, at - gone..at, "");
        }
        Op::Move(which) => apply_move(e, *which),
        Op::SetCursor(i) => e.set_cursor(*i),
        Op::Click(r, c) => e.click(*r, *c),
        Op::Viewport(w, h) => e.set_viewport(*w, *h),
        Op::Scroll(d) => e.scroll(*d),
        Op::Undo => {
            e.undo();
            *model = e.text();
        }
        Op::Redo => {
            e.redo();
            *model = e.text();
        }
        Op::Seal => e.seal_undo(),
        Op::Find(needle) => {
            e.find(needle);
        }
        Op::FindNext => {
            e.find_next();
        }
        Op::Wait(ms) => *now += ms,
    }
}

fn check(e: &Editor, model: &str) {
    assert_eq!(e.text(), model);
    assert_eq!(e.len_chars(), model.chars().count());
    assert!(
        boundaries(model).contains(&e.cursor()),
        "cursor {} inside a cluster of {model:?}",
        e.cursor()
    );
    assert_cache_fresh(e);
    let view = e.view();
    assert!(view.rows.len() <= e.screen_height);
    if let Some((col, row)) = view.cursor {
        assert!(usize::from(col) < e.screen_width);
        assert!(usize::from(row) < view.rows.len());
    }
    if e.screen_width > 0 && e.screen_height > 0 {
        assert!(e.cursor_in_view(), "cursor {} out of view", e.cursor());
    }
    if let Some(found) = e.selection_match() {
        assert!(found.end <= e.len_chars());
    }
}

/// Long paragraphs of few distinct words, where an edit moves every later
/// row and the wrap is left open (see `wrap`).
fn long_text_strategy() -> impl Strategy<Value = String> {
    let words =
        prop::sample::select(&["ab ", "cd ", "efg ", "h ", "中 ", "\t", "e\u{301}", "\n"][..]);
    prop::collection::vec(words, 50..400).prop_map(|words| words.concat())
}

/// `cases` cases, unless PROPTEST_CASES asks for another number (for a
/// longer run by hand: `PROPTEST_CASES=5000 cargo test --release`).
fn config(cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn random_keystrokes_match_a_string_model(
        initial in text_strategy(30),
        width in 0u16..12,
        ops in prop::collection::vec(op_strategy(), 0..60),
    ) {
        let mut e = Editor::new(&initial);
        e.set_viewport(width, 4);
        let mut model = initial.clone();
        let mut now = 0;
        for op in &ops {
            step(&mut e, &mut model, &mut now, op);
            check(&e, &model);
        }
        // Undoing everything gives the initial text back, redoing it all
        // the latest text.
        while e.redo() {}
        let last = e.text();
        while e.undo() {
            check(&e, &e.text());
        }
        prop_assert_eq!(e.text(), initial.clone());
        while e.redo() {}
        prop_assert_eq!(e.text(), last);
        prop_assert!(!e.modified() || e.text() != initial);
    }

    #[test]
    fn any_replacement_keeps_the_wrap_cache_fresh(
        initial in text_strategy(60),
        width in 1usize..12,
        edits in prop::collection::vec((0usize..80, 0usize..6, text_strategy(8)), 1..20),
    ) {
        let mut buf = Buffer::new(&initial, width);
        let mut model = initial;
        for (start, len, text) in edits {
            let total = model.chars().count();
            let start = start.min(total);
            let end = (start + len).min(total);
            buf.replace(start..end, &text);
            replace(&mut model, start..end, &text);
            let fresh = Buffer::new(&model, width);
            prop_assert_eq!(buf.rope().to_string(), model.clone());
            prop_assert_eq!(buf.layout(), fresh.layout(), "text {:?}", model);
            prop_assert_eq!(buf.settled_total_rows(), fresh.settled_total_rows());
        }
    }

}

proptest! {
    #![proptest_config(config(40))]

    #[test]
    fn long_paragraphs_wrap_right_wherever_they_are_looked_at(
        initial in long_text_strategy(),
        width in 2usize..20,
        steps in prop::collection::vec(
            (0usize..2000, 0usize..8, text_strategy(6), any::<bool>()),
            1..12,
        ),
    ) {
        let mut buf = Buffer::new(&initial, width);
        let mut model = initial;
        for (at, len, text, look) in steps {
            let total = model.chars().count();
            let start = at % (total + 1);
            if look {
                // Wrap part of the paragraph, as scrolling there would.
                buf.settle_at(start);
                continue;
            }
            let end = (start + len).min(total);
            buf.replace(start..end, &text);
            replace(&mut model, start..end, &text);
            let fresh = Buffer::new(&model, width);
            prop_assert_eq!(buf.layout(), fresh.layout());
            prop_assert_eq!(buf.settled_total_rows(), fresh.settled_total_rows());
        }
    }

    #[test]
    fn keystrokes_in_long_paragraphs_match_a_string_model(
        initial in long_text_strategy(),
        width in 0u16..16,
        ops in prop::collection::vec(op_strategy(), 0..40),
    ) {
        let mut e = Editor::new(&initial);
        e.set_viewport(width, 3);
        let mut model = initial;
        let mut now = 0;
        for op in &ops {
            step(&mut e, &mut model, &mut now, op);
            check(&e, &model);
        }
    }
}
