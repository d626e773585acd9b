//! Side-by-side layout: widths, alignment change by change, nothing lost.

use plenary::redline::{
    MIN_COL_WIDTH, Op, Redline, Row, Span, redline, side_by_side, side_by_side_rows,
};
use plenary::sanitize::sanitize;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Display width of a column's row, measured as the module docs say.
fn width(spans: &[Span]) -> usize {
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    sanitize(&text).width()
}

/// A span's text less its line breaks (`\n`, and `\r` right before one).
fn unbroken(text: &str) -> String {
    text.replace("\r\n", "").replace('\n', "")
}

fn column_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// Where each change starts in the left and right text streams: a change
/// is a deletion, or an insertion that no deletion precedes.
fn change_starts(r: &Redline) -> Vec<(usize, usize)> {
    let (mut left, mut right) = (0, 0);
    let mut starts = Vec::new();
    let mut previous = None;
    for span in &r.spans {
        let starts_change = match span.op {
            Op::Delete => true,
            Op::Insert => previous != Some(Op::Delete),
            Op::Equal => false,
        };
        if starts_change {
            starts.push((left, right));
        }
        let len = unbroken(&span.text).len();
        match span.op {
            Op::Equal => (left, right) = (left + len, right + len),
            Op::Delete => left += len,
            Op::Insert => right += len,
        }
        previous = Some(span.op);
    }
    starts
}

/// Checks every promise of `side_by_side_rows` for `r` at `col_width`.
fn check(r: &Redline, col_width: usize) -> Result<Vec<Row>, TestCaseError> {
    let rows = side_by_side_rows(r, col_width);
    let limit = col_width.max(MIN_COL_WIDTH);
    for (i, row) in rows.iter().enumerate() {
        prop_assert!(
            width(&row.left) <= limit,
            "left row {} too wide: {:?}",
            i,
            row.left
        );
        prop_assert!(
            width(&row.right) <= limit,
            "right row {} too wide: {:?}",
            i,
            row.right
        );
        for span in row.left.iter().chain(&row.right) {
            prop_assert!(!span.text.contains('\n'), "line feed in row {}", i);
            prop_assert!(!span.text.is_empty(), "empty span in row {}", i);
        }
        prop_assert!(row.left.iter().all(|s| s.op != Op::Insert));
        prop_assert!(row.right.iter().all(|s| s.op != Op::Delete));
    }
    // Nothing lost: each column gives its text back, less line breaks.
    let old: String = r
        .spans
        .iter()
        .filter(|s| s.op != Op::Insert)
        .map(|s| unbroken(&s.text))
        .collect();
    let new: String = r
        .spans
        .iter()
        .filter(|s| s.op != Op::Delete)
        .map(|s| unbroken(&s.text))
        .collect();
    let left: String = rows.iter().map(|row| column_text(&row.left)).collect();
    let right: String = rows.iter().map(|row| column_text(&row.right)).collect();
    prop_assert_eq!(left, old);
    prop_assert_eq!(right, new);
    // Aligned: each change starts a row, the same row in both columns.
    let mut offsets = vec![(0, 0)];
    for row in &rows {
        let &(l, r) = offsets.last().unwrap_or(&(0, 0));
        offsets.push((
            l + column_text(&row.left).len(),
            r + column_text(&row.right).len(),
        ));
    }
    let mut from = 0;
    for start in change_starts(r) {
        let found = offsets[from..].iter().position(|&o| o == start);
        prop_assert!(found.is_some(), "change at {:?} starts mid-row", start);
        from += found.unwrap_or(0);
    }
    Ok(rows)
}

#[test]
fn a_change_and_its_replacement_sit_side_by_side() {
    let r = redline(
        "Partners establish an ad hoc working group on export controls.",
        "Partners establish a standing committee on export controls.",
    );
    let rows = check(&r, 20).expect("layout");
    let text = |spans: &[Span]| column_text(spans);
    let change = rows
        .iter()
        .position(|row| row.left.first().is_some_and(|s| s.op == Op::Delete))
        .expect("a row starting the deletion");
    assert_eq!(rows[change].right[0].op, Op::Insert);
    assert_eq!(text(&rows[change - 1].left), "Partners establish ");
    let shown = side_by_side(&r, 40, false);
    for line in shown.lines() {
        let (left, _) = line.split_once(" │ ").expect("two columns");
        assert_eq!(left.width(), (40 - 3) / 2, "{line:?}");
    }
    assert!(shown.contains("[-an ad hoc -]"), "{shown}");
    assert!(shown.contains("{+a standing +}"), "{shown}");
}

#[test]
fn long_words_wide_characters_and_controls_fit() {
    let old = "x supercalifragilisticexpialidocious 気候変動対策気候変動対策 y";
    let new = "x 👨\u{200D}👩\u{200D}👧👨\u{200D}👩\u{200D}👧 \u{1b}]0;title\u{7} \u{202E}evil y";
    let r = redline(old, new);
    for col_width in [1, 8, 9, 10, 13, 40] {
        check(&r, col_width).expect("layout");
    }
}

#[test]
fn crlf_line_breaks_are_breaks() {
    let r = redline("one\r\ntwo\r\n", "one\r\nthree\r\n");
    let rows = check(&r, 20).expect("layout");
    assert!(
        rows.iter()
            .flat_map(|row| row.left.iter().chain(&row.right))
            .all(|s| !s.text.contains('\r'))
    );
}

#[test]
fn colors_replace_marks() {
    let r = redline("keep old", "keep new");
    let shown = side_by_side(&r, 30, true);
    assert!(shown.contains("\u{1b}[9;31mold\u{1b}[0m"), "{shown:?}");
    assert!(shown.contains("\u{1b}[4;32mnew\u{1b}[0m"), "{shown:?}");
    assert!(!shown.contains("[-"));
}

#[test]
fn text_rendering_is_sanitized() {
    let r = redline("a", "a \u{1b}[2J");
    let shown = side_by_side(&r, 30, false);
    assert!(!shown.contains('\u{1b}'));
    assert!(shown.contains('␛'));
}

fn layout_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::char::range('a', 'f'),
        3 => prop::sample::select(vec![' ', ' ', '\n', '\t', '\r']),
        1 => prop::sample::select(vec!['.', ',', '[', '-']),
        1 => prop::sample::select(vec![
            '気', '候', '\u{ff21}', '👨', '\u{200d}', '\u{301}', '\u{1b}', '\u{202e}', '\u{9b}',
            '\u{7f}', '\u{2028}', '\u{fe0f}', '🇫', '🇷',
        ]),
        1 => any::<char>(),
    ]
}

fn layout_text() -> impl Strategy<Value = String> {
    prop::collection::vec(layout_char(), 0..80).prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn rows_fit_lose_nothing_and_align(
        old in layout_text(),
        new in layout_text(),
        col_width in 0usize..30,
    ) {
        check(&redline(&old, &new), col_width)?;
    }

    #[test]
    fn similar_texts_align(
        old in layout_text(),
        insert in layout_text(),
        at in 0usize..80,
        col_width in 8usize..24,
    ) {
        let mut new: Vec<char> = old.chars().collect();
        let at = at.min(new.len());
        new.splice(at..at, insert.chars());
        let new: String = new.into_iter().collect();
        check(&redline(&old, &new), col_width)?;
    }
}
