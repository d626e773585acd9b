//! The draft's text (a [`Rope`]) and its layout, changed together.
//!
//! Paragraphs are the text between line feeds. The buffer keeps, for each
//! paragraph, its start (in chars and in visual rows) in a [`GapList`] and its
//! wrapped [`Rows`]. [`Buffer::replace`] is the only way to change the text:
//! it edits the rope and rewraps just the paragraphs the edit touched, from
//! the first row that can change (see [`super::wrap`]), reusing the rows of
//! the untouched text before and after the edit. Pressing Enter in the middle
//! of a long paragraph therefore splits its rows rather than rewrapping both
//! halves.
//!
//! Rows are wrapped on demand: paragraphs start unwrapped, and an edit may
//! leave the rest of a paragraph open. The `settle_*` methods wrap what the
//! editor is about to look at (the cursor's row, the rows on screen, the row
//! a key moves to); the row queries of [`super::layout`] then only read.
//! Until everything is wrapped, row numbers after an open paragraph and the
//! total count of rows rest on a guess, good enough for a scrollbar.
//!
//! We do not use ropey's line index: depending on its cargo features (which
//! any other crate in the build can switch on) it also breaks lines at CR,
//! VT, FF, NEL and U+2028, which the editor shows as visible placeholders.

use std::ops::{Add, Range};

use ropey::{Rope, RopeSlice};

use super::gap::{Coord, GapList};
use super::graphemes;
use super::layout::RowRef;
use super::wrap::{self, Rows, Tail};

/// Where a paragraph starts: its first char and its first visual row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Mark {
    pub chars: usize,
    pub rows: usize,
}

impl Add for Mark {
    type Output = Mark;
    fn add(self, other: Mark) -> Mark {
        Mark {
            chars: self.chars + other.chars,
            rows: self.rows + other.rows,
        }
    }
}

impl Coord for Mark {
    fn minus(self, other: Mark) -> Mark {
        Mark {
            chars: self.chars.saturating_sub(other.chars),
            rows: self.rows.saturating_sub(other.rows),
        }
    }
}

/// The text and its soft-wrapped layout; see the module docs.
#[derive(Clone, Debug)]
pub(super) struct Buffer {
    rope: Rope,
    /// One entry per paragraph; the span is (chars in the text, total rows).
    paragraphs: GapList<Mark, Rows>,
    /// Wrap width in cells, at least 1.
    width: usize,
}

impl Buffer {
    pub(super) fn new(text: &str, width: usize) -> Buffer {
        let rope = Rope::from_str(text);
        let width = width.max(1);
        let paragraphs = unwrapped_paragraphs(&rope, width);
        Buffer {
            rope,
            paragraphs,
            width,
        }
    }

    pub(super) fn rope(&self) -> &Rope {
        &self.rope
    }

    pub(super) fn len_chars(&self) -> usize {
        self.rope.len_chars()
    }

    pub(super) fn width(&self) -> usize {
        self.width
    }

    /// Lays the text out again if the width changed (a resize, not a
    /// keystroke); rows are then wrapped as they are looked at.
    pub(super) fn set_width(&mut self, width: usize) {
        let width = width.max(1);
        if width != self.width {
            self.width = width;
            self.paragraphs = unwrapped_paragraphs(&self.rope, width);
        }
    }

    pub(super) fn slice_to_string(&self, range: Range<usize>) -> String {
        self.rope.slice(range).to_string()
    }

    // --- paragraphs -------------------------------------------------------

    pub(super) fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// The paragraph holding char `at` (a line feed belongs to the paragraph
    /// it ends).
    pub(super) fn paragraph_of(&self, at: usize) -> usize {
        self.paragraphs
            .partition_point(|m| m.chars <= at)
            .saturating_sub(1)
    }

    /// The paragraph holding visual row `row`.
    pub(super) fn paragraph_of_row(&self, row: usize) -> usize {
        self.paragraphs
            .partition_point(|m| m.rows <= row)
            .saturating_sub(1)
    }

    pub(super) fn mark(&self, p: usize) -> Mark {
        self.paragraphs.pos(p)
    }

    pub(super) fn rows(&self, p: usize) -> &Rows {
        self.paragraphs.item(p)
    }

    /// Paragraph `p`'s text, without its line feed.
    pub(super) fn paragraph(&self, p: usize) -> RopeSlice<'_> {
        let start = self.mark(p).chars;
        self.rope.slice(start..start + self.rows(p).chars())
    }

    /// Rows in the draft, guessed for open paragraphs (see `wrap`).
    pub(super) fn total_rows(&self) -> usize {
        self.paragraphs.span().rows
    }

    // --- cluster boundaries over the whole text ---------------------------

    /// Whether a cursor at `at` sits between clusters (line feeds included).
    pub(super) fn is_boundary(&self, at: usize) -> bool {
        let p = self.paragraph_of(at);
        graphemes::is_boundary(self.paragraph(p), at - self.mark(p).chars)
    }

    /// The boundary after `at`: the next cluster's end, or past a line feed.
    pub(super) fn next_boundary(&self, at: usize) -> usize {
        let p = self.paragraph_of(at);
        let start = self.mark(p).chars;
        let par = self.paragraph(p);
        if at - start >= par.len_chars() {
            return (at + 1).min(self.len_chars());
        }
        start + graphemes::next_boundary(par, at - start)
    }

    /// The boundary before `at`: the previous cluster's start, or before the
    /// line feed that ends the previous paragraph.
    pub(super) fn prev_boundary(&self, at: usize) -> usize {
        let p = self.paragraph_of(at);
        let start = self.mark(p).chars;
        if at == start {
            return at.saturating_sub(1);
        }
        start + graphemes::prev_boundary(self.paragraph(p), at - start)
    }

    /// `at`, clamped to the text and moved back to a boundary if inside a
    /// cluster.
    pub(super) fn snap_back(&self, at: usize) -> usize {
        let at = at.min(self.len_chars());
        if self.is_boundary(at) {
            at
        } else {
            self.prev_boundary(at)
        }
    }

    /// `at`, clamped to the text and moved on to a boundary if inside a
    /// cluster.
    pub(super) fn snap_forward(&self, at: usize) -> usize {
        let at = at.min(self.len_chars());
        if self.is_boundary(at) {
            at
        } else {
            self.next_boundary(at)
        }
    }

    // --- editing ----------------------------------------------------------

    /// Replaces chars `range` with `text` and updates the layout; see the
    /// module docs. The range is clamped to the text.
    pub(super) fn replace(&mut self, range: Range<usize>, text: &str) {
        let b = range.end.min(self.len_chars());
        let a = range.start.min(b);
        if a == b && text.is_empty() {
            return;
        }
        let cut = self.cut(a, b);
        let old_total = self.total_rows();
        self.rope.remove(a..b);
        self.rope.insert(a, text);
        let old_rows = cut.rows;
        let new_rows = self.rebuild(text, cut);
        self.paragraphs.set_span(Mark {
            chars: self.rope.len_chars(),
            rows: old_total - old_rows + new_rows,
        });
    }

    /// Takes out the paragraphs holding chars `a` to `b`, keeping the rows
    /// the edit of those chars leaves alone.
    fn cut(&mut self, a: usize, b: usize) -> Cut {
        // The rows around both ends must be known to be reused.
        self.settle_at(a);
        self.settle_at(b);
        let (pa, pb) = (self.paragraph_of(a), self.paragraph_of(b));
        self.paragraphs.move_gap(pa);
        let mut old: Vec<(Mark, Rows)> = (pa..=pb)
            .filter_map(|_| self.paragraphs.pop_after())
            .collect();
        let rows = old.iter().map(|(_, rows)| rows.len()).sum();
        let mark = old.first().map_or_else(Mark::default, |(mark, _)| *mark);
        let last_start = old.last().map_or(0, |(mark, _)| mark.chars);
        let single = old.len() == 1;
        let before = a - mark.chars;
        let (head, resume) = match old.first_mut() {
            Some((_, rows)) => rows.take_head(before, self.width),
            None => (Vec::new(), 0),
        };
        let tail = match old.last_mut() {
            Some((_, rows)) => rows.take_tail(b - last_start, single),
            None => Tail::default(),
        };
        Cut {
            mark,
            rows,
            before,
            head,
            resume,
            tail,
        }
    }

    /// Puts back the paragraphs of `cut`, now with `text` in the middle,
    /// and returns how many rows they count.
    fn rebuild(&mut self, text: &str, cut: Cut) -> usize {
        let Cut {
            mut mark,
            before,
            mut head,
            resume,
            mut tail,
            ..
        } = cut;
        let pieces: Vec<&str> = text.split('\n').collect();
        let mut total = 0;
        for (i, piece) in pieces.iter().enumerate() {
            let (is_first, is_last) = (i == 0, i + 1 == pieces.len());
            let before = if is_first { before } else { 0 };
            let after = if is_last { tail.kept } else { 0 };
            let len = before + piece.chars().count() + after;
            let front = if is_first {
                std::mem::take(&mut head)
            } else {
                Vec::new()
            };
            let back = if is_last {
                std::mem::take(&mut tail)
            } else {
                Tail::default()
            };
            let mut rows = Rows::assemble(front, back, len);
            let par = self.rope.slice(mark.chars..mark.chars + len);
            let start = if is_first { resume } else { 0 };
            wrap::rewrap(&mut rows, par, self.width, start, len - after);
            let count = rows.len();
            self.paragraphs.push(mark, rows);
            total += count;
            mark = mark
                + Mark {
                    chars: len + 1,
                    rows: count,
                };
        }
        total
    }

    // --- wrapping on demand (see `wrap`) -----------------------------------

    /// Wraps paragraph `p` on until the row holding its char `until` is known
    /// and at least `min_rows` more rows are.
    fn extend(&mut self, p: usize, until: usize, min_rows: usize) {
        self.paragraphs.move_gap(p + 1);
        let start = self.mark(p).chars;
        let par = self.rope.slice(start..start + self.rows(p).chars());
        let rows = self.paragraphs.item_mut(p);
        let before = rows.len();
        wrap::extend(rows, par, self.width, until, min_rows);
        let after = rows.len();
        let span = self.paragraphs.span();
        self.paragraphs.set_span(Mark {
            chars: span.chars,
            rows: span.rows - before + after,
        });
    }

    /// Makes the row holding char `at` known.
    pub(super) fn settle_at(&mut self, at: usize) {
        let p = self.paragraph_of(at);
        let rel = at - self.mark(p).chars;
        let rows = self.rows(p);
        if !rows.is_known(rows.row_at(rel)) {
            self.extend(p, rel, 1);
        }
    }

    /// Makes row number `row` (clamped to the last row) known, and returns it.
    /// Its number can change on the way, as guessed rows become real ones.
    pub(super) fn settle_row(&mut self, row: usize) -> RowRef {
        loop {
            let r = self.row_ref(row);
            let rows = self.rows(r.par);
            if rows.is_known(r.row) {
                return r;
            }
            let missing = r.row + 1 - rows.known();
            self.extend(r.par, 0, missing.max(EXTEND_ROWS));
        }
    }

    /// Makes known `count` rows from the one holding char `at` on.
    pub(super) fn settle_rows_from(&mut self, at: usize, count: usize) {
        self.settle_at(at);
        let mut r = self.row_of(at);
        for left in (1..=count).rev() {
            if !self.rows(r.par).is_known(r.row) {
                self.extend(r.par, 0, left);
            }
            match self.next_row(r) {
                Some(next) => r = next,
                None => return,
            }
        }
    }

    /// Wraps everything, for tests that compare the cache with a wrap from
    /// scratch.
    #[cfg(test)]
    pub(super) fn settle_all(&mut self) {
        for p in 0..self.paragraph_count() {
            self.extend(p, usize::MAX, 1);
        }
    }

    /// Row starts and reaches of every paragraph, wrapped to the end, for
    /// tests.
    #[cfg(test)]
    pub(super) fn layout(&self) -> Vec<Vec<(usize, usize)>> {
        let mut all = self.clone();
        all.settle_all();
        (0..all.paragraph_count())
            .map(|p| wrap::layout_of(all.rows(p)))
            .collect()
    }

    /// Total rows once everything is wrapped, for tests.
    #[cfg(test)]
    pub(super) fn settled_total_rows(&self) -> usize {
        let mut all = self.clone();
        all.settle_all();
        all.total_rows()
    }
}

/// What [`Buffer::cut`] leaves of the paragraphs an edit touches.
struct Cut {
    /// Where the first of them starts.
    mark: Mark,
    /// How many rows they counted.
    rows: usize,
    /// Chars of the first one before the edit.
    before: usize,
    /// Rows of the first one that the edit leaves alone, and the start of
    /// the first row to rewrap.
    head: Vec<(usize, usize)>,
    resume: usize,
    /// Rows of the last one after the edit.
    tail: Tail,
}

/// Rows wrapped at a time when a key moves into the guessed rows of an open
/// paragraph: a page or so, so that Page Down does not stop at every row.
const EXTEND_ROWS: usize = 32;

/// Lays out every paragraph of `rope` as not wrapped yet (see `wrap`).
fn unwrapped_paragraphs(rope: &Rope, width: usize) -> GapList<Mark, Rows> {
    let mut starts = vec![0];
    starts.extend(
        rope.chars()
            .enumerate()
            .filter(|&(_, c)| c == '\n')
            .map(|(i, _)| i + 1),
    );
    let mut paragraphs = GapList::new(Mark::default());
    let mut total_rows = 0;
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(rope.len_chars(), |next| next - 1);
        let rows = Rows::unwrapped(end - start, width);
        let count = rows.len();
        paragraphs.push(
            Mark {
                chars: start,
                rows: total_rows,
            },
            rows,
        );
        total_rows += count;
    }
    paragraphs.set_span(Mark {
        chars: rope.len_chars(),
        rows: total_rows,
    });
    paragraphs
}
