//! Old and new text in two columns, change by change.
//!
//! Negotiators read a proposal against the original line by line. The
//! layout keeps the two columns in step: every change (a deletion and the
//! insertion replacing it) starts on a fresh row in *both* columns, at the
//! same row index, so a change and its replacement sit side by side; the
//! unchanged text after a change flows on in each column up to its next
//! line break, and the shorter column is padded with empty rows before the
//! next change or line of unchanged text, so paragraphs line up again.
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
    let mut mid_line = false;
    for chunk in chunks(&r.spans) {
        let left = Column::layout(chunk.iter().filter(|p| p.0 != Op::Insert), width, mid_line);
        let right = Column::layout(chunk.iter().filter(|p| p.0 != Op::Delete), width, mid_line);
        // Chunks end with unchanged text, the same in both columns.
        mid_line = chunk.last().is_some_and(|p| !p.1.ends_with('\n'));
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

/// A span, or the part of one that falls in a chunk.
type Piece<'a> = (Op, &'a str);

/// Splits spans into chunks, each laid out from a fresh row in both
/// columns: a chunk starts at each change and after each line break of
/// unchanged text (so that paragraphs line up again after a change).
fn chunks(spans: &[Span]) -> Vec<Vec<Piece<'_>>> {
    let mut chunks: Vec<Vec<Piece>> = Vec::new();
    let mut previous = None;
    for span in spans {
        let starts_change = match span.op {
            Op::Delete => true,
            Op::Insert => previous != Some(Op::Delete),
            Op::Equal => false,
        };
        if starts_change || chunks.is_empty() {
            chunks.push(Vec::new());
        }
        for (i, line) in span.text.split_inclusive('\n').enumerate() {
            if i > 0 && span.op == Op::Equal {
                chunks.push(Vec::new());
            }
            if let Some(chunk) = chunks.last_mut() {
                chunk.push((span.op, line));
            }
        }
        previous = Some(span.op);
    }
    chunks
}

/// One column of one chunk being wrapped into rows.
struct Column {
    width: usize,
    rows: Vec<Vec<Span>>,
    /// Display width of the last row, if it is still open for more text.
    open: Option<usize>,
    /// Whether a line break now would end the line before the chunk, which
    /// the fresh row of the chunk already did: then it makes no row.
    ends_previous_line: bool,
}

impl Column {
    /// Wraps one column of a chunk; `mid_line` if the chunk before ended
    /// in the middle of a line.
    fn layout<'a>(
        pieces: impl Iterator<Item = &'a Piece<'a>>,
        width: usize,
        mid_line: bool,
    ) -> Vec<Vec<Span>> {
        let mut column = Column {
            width,
            rows: Vec::new(),
            open: None,
            ends_previous_line: mid_line,
        };
        for &(op, text) in pieces {
            column.piece(op, text);
        }
        column.rows
    }

    fn piece(&mut self, op: Op, text: &str) {
        let mut lines = text.split('\n').peekable();
        while let Some(line) = lines.next() {
            let ends_in_break = lines.peek().is_some();
            let line = match ends_in_break {
                true => line.strip_suffix('\r').unwrap_or(line),
                false => line,
            };
            for atom in atoms(line) {
                self.atom(op, atom);
            }
            if ends_in_break {
                if !self.ends_previous_line {
                    self.row_for(0);
                }
                self.open = None;
            }
            self.ends_previous_line = false;
        }
    }

    /// Places a word (with its trailing whitespace) or a leading whitespace
    /// run: whole on this row if it fits, else a word whole on a new row,
    /// else broken across rows between grapheme clusters.
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

/// The units a line wraps by: a word with the whitespace after it (so a
/// wrapped row does not start with the space that ended the row before),
/// or whitespace that starts the line.
fn atoms(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        rest.chars().next()?;
        let word = run_end(rest, false);
        let end = word + run_end(&rest[word..], true);
        let (atom, tail) = rest.split_at(end);
        rest = tail;
        Some(atom)
    })
}

/// Length of the run of whitespace (or of other text) that starts `text`.
fn run_end(text: &str, space: bool) -> usize {
    text.char_indices()
        .find(|&(_, c)| c.is_whitespace() != space)
        .map_or(text.len(), |(i, _)| i)
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
