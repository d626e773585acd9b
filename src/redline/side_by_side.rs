//! Old and new text in two columns, change by change.
//!
//! Negotiators read a proposal against the original line by line. The
//! layout keeps the two columns in step: every change (a deletion and the
//! insertion replacing it) starts on a fresh row in *both* columns, at the
//! same row index, so a change and its replacement sit side by side; the
//! unchanged text after a change flows on in each column, and the shorter
//! column is padded with empty rows before the next change.
//!
//! Each column wraps at its width, at whitespace where it can; a word wider
//! than the column is broken between grapheme clusters. Nothing is dropped:
//! a row's text never holds a line feed, and the left column's row texts
//! concatenated give the old text less its line breaks (`\n`, and a `\r`
//! directly before one), the right column's the new text likewise.
//!
//! Widths are display widths (`unicode-width`) of the text as the terminal
//! gets it, after [`sanitize_inline`]: a control character counts as its
//! one-column placeholder, a bidi override as its eight-column `<U+202E>`,
//! a tab as `␉`. Columns narrower than [`MIN_COL_WIDTH`] are widened to it,
//! since one such placeholder must fit on a row.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::render::{push_styled, sgr};
use super::{Op, Redline, Span};
use crate::sanitize::sanitize_inline;

/// The narrowest column laid out: the widest single character placeholder.
pub const MIN_COL_WIDTH: usize = 8;

/// The column separator of [`side_by_side`], and its display width.
const SEPARATOR: &str = " │ ";
const SEPARATOR_WIDTH: usize = 3;

/// One visual row: the old text's piece on the left (equal and deleted
/// spans), the new text's on the right (equal and inserted spans). A
/// column with nothing on this row has no spans.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub left: Vec<Span>,
    pub right: Vec<Span>,
}

/// Lays `r` out in two columns of `col_width` (at least [`MIN_COL_WIDTH`]).
pub fn side_by_side_rows(r: &Redline, col_width: usize) -> Vec<Row> {
    let width = col_width.max(MIN_COL_WIDTH);
    let mut rows = Vec::new();
    for chunk in chunks(&r.spans) {
        let left = Column::layout(chunk.iter().filter(|s| s.op != Op::Insert), width);
        let right = Column::layout(chunk.iter().filter(|s| s.op != Op::Delete), width);
        let height = left.len().max(right.len());
        let mut left = left.into_iter();
        let mut right = right.into_iter();
        for _ in 0..height {
            rows.push(Row {
                left: left.next().unwrap_or_default(),
                right: right.next().unwrap_or_default(),
            });
        }
    }
    rows
}

/// Text rendering of [`side_by_side_rows`] for a terminal `total_width`
/// wide: two columns joined by ` │ `, each line ending in `\n`. Changes are
/// marked `[-..-]`/`{+..+}` without `color`, struck out and underlined in
/// red and green with it. Text is sanitized ([`sanitize_inline`]).
pub fn side_by_side(r: &Redline, total_width: usize, color: bool) -> String {
    let col_width = total_width.saturating_sub(SEPARATOR_WIDTH) / 2;
    // Without color each row holds at most one marked piece per column
    // (a change always starts a row), which costs four columns of marks.
    let marks = if color { 0 } else { 4 };
    let rows = side_by_side_rows(r, col_width.saturating_sub(marks));
    let col_width = col_width.max(MIN_COL_WIDTH + marks);
    let mut out = String::new();
    for row in &rows {
        let used = render_cell(&mut out, &row.left, color);
        out.extend(std::iter::repeat_n(' ', col_width.saturating_sub(used)));
        out.push_str(SEPARATOR);
        render_cell(&mut out, &row.right, color);
        out.push('\n');
    }
    out
}

/// Appends one column of a row; returns its display width.
fn render_cell(out: &mut String, spans: &[Span], color: bool) -> usize {
    let mut width = 0;
    for span in spans {
        let text = sanitize_inline(&span.text);
        width += text.width();
        if color {
            push_styled(out, &text, sgr(span.op, true));
            continue;
        }
        let (open, close) = match span.op {
            Op::Equal => ("", ""),
            Op::Delete => ("[-", "-]"),
            Op::Insert => ("{+", "+}"),
        };
        width += open.len() + close.len();
        out.push_str(open);
        out.push_str(&text);
        out.push_str(close);
    }
    width
}

/// Splits spans into chunks that each start with a change (except maybe
/// the first, which starts with the unchanged opening text).
fn chunks(spans: &[Span]) -> Vec<&[Span]> {
    let mut chunks = Vec::new();
    let mut start = 0;
    for i in 1..spans.len() {
        let starts_change = match spans[i].op {
            Op::Delete => true,
            Op::Insert => spans[i - 1].op == Op::Equal,
            Op::Equal => false,
        };
        if starts_change {
            chunks.push(&spans[start..i]);
            start = i;
        }
    }
    if start < spans.len() {
        chunks.push(&spans[start..]);
    }
    chunks
}

/// One column of one chunk being wrapped into rows.
struct Column {
    width: usize,
    rows: Vec<Vec<Span>>,
    /// Display width of the last row, if it is still open for more text.
    open: Option<usize>,
}

impl Column {
    fn layout<'a>(spans: impl Iterator<Item = &'a Span>, width: usize) -> Vec<Vec<Span>> {
        let mut column = Column {
            width,
            rows: Vec::new(),
            open: None,
        };
        for span in spans {
            column.span(span);
        }
        column.rows
    }

    fn span(&mut self, span: &Span) {
        let mut lines = span.text.split('\n').peekable();
        while let Some(line) = lines.next() {
            let ends_in_break = lines.peek().is_some();
            let line = match ends_in_break {
                true => line.strip_suffix('\r').unwrap_or(line),
                false => line,
            };
            for atom in atoms(line) {
                self.atom(span.op, atom);
            }
            if ends_in_break {
                self.row_for(0);
                self.open = None;
            }
        }
    }

    /// Places a whitespace run or a word: whole on this row if it fits,
    /// else whole on a new row, else broken across rows.
    fn atom(&mut self, op: Op, atom: &str) {
        let width = display_width(atom);
        let is_space = atom.starts_with(char::is_whitespace);
        if self.open.unwrap_or(0) + width <= self.width {
            return self.push(op, atom, width);
        }
        if !is_space && width <= self.width {
            self.open = None;
            return self.push(op, atom, width);
        }
        for grapheme in atom.graphemes(true) {
            for piece in pieces(grapheme, self.width) {
                let width = display_width(piece);
                if self.open.unwrap_or(0) + width > self.width {
                    self.open = None;
                }
                self.push(op, piece, width);
            }
        }
    }

    /// Appends to the open row (opening one if needed).
    fn push(&mut self, op: Op, text: &str, width: usize) {
        let row = self.row_for(width);
        match row.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => row.push(Span {
                op,
                text: text.to_owned(),
            }),
        }
    }

    /// The open row, opened if there is none, after adding `width` to it.
    fn row_for(&mut self, width: usize) -> &mut Vec<Span> {
        match &mut self.open {
            Some(used) => *used += width,
            None => {
                self.rows.push(Vec::new());
                self.open = Some(width);
            }
        }
        let last = self.rows.len() - 1;
        &mut self.rows[last]
    }
}

/// Whitespace runs and the runs of other text between them.
fn atoms(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = first.is_whitespace();
        let end = rest
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() != space)
            .map_or(rest.len(), |(i, _)| i);
        let (atom, tail) = rest.split_at(end);
        rest = tail;
        Some(atom)
    })
}

/// A grapheme cluster wider than the column (a long combining sequence)
/// split into characters; anything else as it is.
fn pieces(grapheme: &str, width: usize) -> Vec<&str> {
    if display_width(grapheme) <= width {
        return vec![grapheme];
    }
    grapheme
        .char_indices()
        .map(|(i, c)| &grapheme[i..i + c.len_utf8()])
        .collect()
}

fn display_width(text: &str) -> usize {
    sanitize_inline(text).width()
}
