//! Soft wrap of one paragraph into visual rows, kept up to date edit by edit
//! and computed only as far as someone looks.
//!
//! # The rule
//!
//! Rows are filled greedily, cluster by cluster, in a width of `W` cells.
//! When a cluster does not fit, the row breaks after its last breaking space
//! (see [`is_break_space`]); if it has none, the long word is broken before
//! the cluster. A wide cluster therefore never straddles the right edge. A
//! cluster wider than the whole row (a CJK character at `W = 1`, an
//! eight-cell `<U+202E>` placeholder at `W < 8`) gets a row of its own and is
//! the only way a row can be wider than `W`.
//!
//! The end of the paragraph takes one cell too, as a pilcrow would: the
//! cursor must be drawable there. So the last row is at most `W - 1` wide; a
//! last word that would fill it exactly moves down, and a last row with no
//! space to break at leaves an empty row for the end. In the same way, a
//! space that does not fit takes its word down with it. A row therefore
//! never ends on its last cell unless a long word had to be broken.
//!
//! # Keeping it cheap
//!
//! Each paragraph keeps its row starts in a [`GapList`], together with each
//! row's *reach*: the furthest char the decision to end that row looked at
//! (the end of the cluster that did not fit, whose following char decided
//! where that cluster ends). A row whose reach is before an edit cannot
//! change. After an edit at char `x`, rewrapping starts at the first row
//! whose reach is at or after `x` ([`first_affected_row`]; no more than
//! `W + 1` rows back, since every row holds at least one cell) and stops as
//! soon as a new row starts where an old row, untouched by the edit, started
//! (shifted by the edit): from a cluster boundary on, everything depends only
//! on the text that follows. In ordinary prose that happens within a row or
//! two, and the gap list makes the shift of all later rows free.
//!
//! It need not happen at all: in a long run of equal words every later row
//! may move by a word. So rewrapping also stops [`RESYNC_ROWS`] rows past the
//! edit and leaves the paragraph *open*: its last known row start is exact,
//! the rows after it are only a guess (counted, for row numbers and the
//! scrollbar, but not stored). [`extend`] wraps on from there when the
//! editor needs those rows: to show them, or to move the cursor into them.
//! Paragraphs also start open, so loading a draft or resizing the terminal
//! wraps only what is shown. A keystroke thus costs a few rows of wrapping
//! whatever the paragraph's length; only jumping far into an open paragraph
//! (to its end, say) pays for wrapping the way there, once.

use ropey::RopeSlice;

use super::gap::GapList;
use super::graphemes::{Graphemes, cells, is_break_space};

/// Rows wrapped past an edit while looking for the old rows again.
const RESYNC_ROWS: usize = 4;

/// Row starts of one paragraph; see the module docs.
#[derive(Clone, Debug)]
pub(super) struct Rows {
    /// Row starts (chars, relative to the paragraph), each with its reach as
    /// an offset from its start; the span is the paragraph's length.
    list: GapList<usize, usize>,
    /// Whether the last row in `list` is open: its start is exact, but the
    /// text from there on has not been wrapped.
    open: bool,
    /// Guessed number of rows after the open row.
    more: usize,
}

/// The rows after an edit's end, taken from the last paragraph it touched,
/// to reuse in the paragraph the edit leaves there.
#[derive(Debug, Default)]
pub(super) struct Tail {
    rows: Vec<(usize, usize)>,
    open: bool,
    more: usize,
    /// Chars after the edit's end in that paragraph.
    pub kept: usize,
}

impl Rows {
    /// A paragraph of `len` chars not wrapped yet: one open row at its start.
    pub(super) fn unwrapped(len: usize, width: usize) -> Rows {
        let mut list = GapList::new(len);
        list.push(0, 0);
        Rows {
            list,
            open: true,
            more: guess_more(len, width),
        }
    }

    /// Rows before the first row an edit at `x` may change, with that row's
    /// start, for [`Rows::assemble`]. The row holding `x` must be known.
    pub(super) fn take_head(&mut self, x: usize, width: usize) -> (Vec<(usize, usize)>, usize) {
        let k = first_affected_row(&self.list, x, width);
        self.list.move_gap(k);
        let resume = self.list.peek_after().unwrap_or(0);
        (self.list.take_front(), resume)
    }

    /// Rows after an edit ending at `y`, measured from the paragraph's end.
    /// When the edit started in this paragraph too, [`Rows::take_head`] went
    /// first and rows starting before `y` are dropped later, as stale.
    pub(super) fn take_tail(&mut self, y: usize, same_paragraph: bool) -> Tail {
        if !same_paragraph {
            let first_kept = self.list.partition_point(|start| start < y);
            self.list.move_gap(first_kept);
        }
        Tail {
            rows: self.list.take_back(),
            open: self.open,
            more: self.more,
            kept: self.list.span() - y,
        }
    }

    /// The rows of a paragraph of `len` chars, made of `head` (from
    /// [`Rows::take_head`]) and `tail`, to finish with [`rewrap`].
    pub(super) fn assemble(head: Vec<(usize, usize)>, tail: Tail, len: usize) -> Rows {
        Rows {
            list: GapList::from_parts(head, tail.rows, len),
            open: tail.open,
            more: tail.more,
        }
    }

    /// Rows counted for numbering: known ones plus the guess.
    pub(super) fn len(&self) -> usize {
        self.list.len() + self.more
    }

    /// Rows whose extent is known.
    pub(super) fn known(&self) -> usize {
        self.list.len() - usize::from(self.open)
    }

    pub(super) fn is_known(&self, row: usize) -> bool {
        row < self.known()
    }

    /// Whether row `row` (known) is the paragraph's last.
    pub(super) fn is_last(&self, row: usize) -> bool {
        !self.open && row + 1 == self.list.len()
    }

    /// Rows stored: the known ones and the open one.
    pub(super) fn stored(&self) -> usize {
        self.list.len()
    }

    /// The paragraph's length in chars.
    pub(super) fn chars(&self) -> usize {
        self.list.span()
    }

    /// Where stored row `row` starts.
    pub(super) fn start(&self, row: usize) -> usize {
        self.list.pos(row)
    }

    /// Where known row `row` ends.
    pub(super) fn end(&self, row: usize) -> usize {
        if row + 1 < self.list.len() {
            self.list.pos(row + 1)
        } else {
            self.list.span()
        }
    }

    /// The stored row holding char `x`: the last one starting at or before.
    pub(super) fn row_at(&self, x: usize) -> usize {
        self.list
            .partition_point(|start| start <= x)
            .saturating_sub(1)
    }

    /// Ends the list at the paragraph's end.
    fn close(&mut self) {
        self.list.clear_after();
        self.open = false;
        self.more = 0;
    }

    /// Ends the list with an open row at `start`, guessing the rows after
    /// it from the average length of the rows before.
    fn leave_open(&mut self, start: usize) {
        self.list.clear_after();
        let per_row = (start / self.list.len().max(1)).max(1);
        let rest = self.list.span() - start;
        self.list.push(start, 0);
        self.open = true;
        self.more = rest.div_ceil(per_row).saturating_sub(1);
    }

    /// Drops old rows after the gap that start before `next` or in the
    /// edited text (before `valid_from`), and the open row once reached.
    fn drop_passed(&mut self, next: usize, valid_from: usize) {
        while let Some(old) = self.list.peek_after() {
            let is_open_row = self.open && self.list.len() == self.list.len_before_gap() + 1;
            if old < valid_from || old < next || (is_open_row && old == next) {
                self.list.pop_after();
            } else {
                break;
            }
        }
    }

    /// Whether an old, valid row starts at `next`, so that the rows from
    /// there on are still right.
    fn resumes_at(&self, next: usize) -> bool {
        self.list.peek_after() == Some(next)
    }

    #[cfg(test)]
    pub(super) fn is_open(&self) -> bool {
        self.open
    }
}

/// A guess at the rows after the first of a stretch of `chars` chars.
fn guess_more(chars: usize, width: usize) -> usize {
    chars.div_ceil(width.max(1)).saturating_sub(1)
}

/// How a row ends: where the next row starts (`None` for the last row), and
/// the reach (see the module docs) as an absolute char index.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct RowEnd {
    pub next: Option<usize>,
    pub reach: usize,
}

/// Ends the row that starts at char `start` of `par`; see the module docs.
pub(super) fn break_row(par: RopeSlice, start: usize, width: usize) -> RowEnd {
    let width = width.max(1);
    let mut col = 0;
    let mut last_break = None;
    for g in Graphemes::new(par, start) {
        let w = cells(&g.text, col, width);
        if col > 0 && col + w > width {
            return RowEnd {
                next: Some(last_break.unwrap_or(g.start)),
                reach: g.end,
            };
        }
        col += w;
        if is_break_space(&g.text) {
            last_break = Some(g.end);
        }
    }
    let len = par.len_chars();
    RowEnd {
        next: (col >= width).then(|| last_break.unwrap_or(len)),
        reach: len,
    }
}

/// Continues wrapping `par` from the row starting at `start`, after an edit.
///
/// `rows` holds, before its gap, the rows before `start` (still valid) and,
/// after it, old rows measured from the paragraph's end: those starting at or
/// after `valid_from` follow text the edit did not touch, the others are
/// stale. New rows replace old ones until a new row starts exactly where a
/// valid old row does; from there on the old rows are kept as they are. If
/// that does not happen within [`RESYNC_ROWS`] rows past the edit, the
/// paragraph is left open there.
pub(super) fn rewrap(
    rows: &mut Rows,
    par: RopeSlice,
    width: usize,
    mut start: usize,
    valid_from: usize,
) {
    let mut past_edit = 0;
    loop {
        let end = break_row(par, start, width);
        rows.list.push(start, end.reach - start);
        let Some(next) = end.next else {
            rows.close();
            return;
        };
        rows.drop_passed(next, valid_from);
        if next >= valid_from && rows.resumes_at(next) {
            return;
        }
        if start >= valid_from {
            past_edit += 1;
        }
        if past_edit >= RESYNC_ROWS {
            rows.leave_open(next);
            return;
        }
        start = next;
    }
}

/// Wraps an open paragraph on until the row holding char `until` is known
/// and at least `min_rows` more rows are.
pub(super) fn extend(rows: &mut Rows, par: RopeSlice, width: usize, until: usize, min_rows: usize) {
    if !rows.open {
        return;
    }
    rows.list.move_gap(rows.list.len());
    let Some((mut start, _)) = rows.list.pop_before() else {
        return;
    };
    let mut added = 0;
    loop {
        let end = break_row(par, start, width);
        rows.list.push(start, end.reach - start);
        added += 1;
        let Some(next) = end.next else {
            rows.close();
            return;
        };
        if next > until && added >= min_rows {
            rows.leave_open(next);
            return;
        }
        start = next;
    }
}

/// The first row that an edit at char `x` of the paragraph may change: the
/// first whose reach is at or after `x`.
fn first_affected_row(rows: &GapList<usize, usize>, x: usize, width: usize) -> usize {
    let containing = rows.partition_point(|start| start <= x).saturating_sub(1);
    let earliest = containing.saturating_sub(width.max(1) + 2);
    (earliest..containing)
        .find(|&i| rows.pos(i) + rows.item(i) >= x)
        .unwrap_or(containing)
}

/// Row starts and reaches of `rows`, for tests comparing caches.
#[cfg(test)]
pub(super) fn layout_of(rows: &Rows) -> Vec<(usize, usize)> {
    (0..rows.list.len())
        .map(|i| (rows.list.pos(i), rows.list.pos(i) + rows.list.item(i)))
        .collect()
}
