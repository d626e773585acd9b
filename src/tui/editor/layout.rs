//! Visual rows: where a char is drawn, and which char a cell stands for.
//!
//! Rows are numbered from the top of the draft, across paragraphs. A cursor
//! at the boundary between two rows of one paragraph is drawn at the start of
//! the lower row: the editor keeps no "end of previous row" affinity. So the
//! End key on a wrapped row stops *before* the row's last cluster (usually the
//! space it broke at), the one stop still drawn on that row; on a paragraph's
//! last row it goes to the paragraph's end, which [`super::wrap`] always
//! leaves room for.

use std::ops::Range;

use super::buffer::Buffer;
use super::graphemes::{Graphemes, cells};

/// Visual row `row` of paragraph `par`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct RowRef {
    pub par: usize,
    pub row: usize,
}

/// The chars of a visual row (absolute), and whether it ends its paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RowSpan {
    pub chars: Range<usize>,
    pub last: bool,
}

impl Buffer {
    /// The row numbered `row` from the top (clamped to the last row). It may
    /// be a guessed row of an open paragraph: see [`Buffer::settle_row`].
    pub(super) fn row_ref(&self, row: usize) -> RowRef {
        let row = row.min(self.total_rows().saturating_sub(1));
        let par = self.paragraph_of_row(row);
        RowRef {
            par,
            row: row - self.mark(par).rows,
        }
    }

    pub(super) fn row_number(&self, r: RowRef) -> usize {
        self.mark(r.par).rows + r.row
    }

    /// The row after `r` (known), if any.
    pub(super) fn next_row(&self, r: RowRef) -> Option<RowRef> {
        if r.row + 1 < self.rows(r.par).stored() {
            Some(RowRef {
                par: r.par,
                row: r.row + 1,
            })
        } else if r.par + 1 < self.paragraph_count() {
            Some(RowRef {
                par: r.par + 1,
                row: 0,
            })
        } else {
            None
        }
    }

    /// The chars of row `r`, which must be known.
    pub(super) fn row_span(&self, r: RowRef) -> RowSpan {
        let rows = self.rows(r.par);
        let base = self.mark(r.par).chars;
        RowSpan {
            chars: base + rows.start(r.row)..base + rows.end(r.row),
            last: rows.is_last(r.row),
        }
    }

    /// The row on which a cursor at `at` is drawn.
    pub(super) fn row_of(&self, at: usize) -> RowRef {
        let par = self.paragraph_of(at);
        let rel = at - self.mark(par).chars;
        RowRef {
            par,
            row: self.rows(par).row_at(rel),
        }
    }

    /// The row number and cell at which a cursor at `at` is drawn. The row
    /// must be known ([`Buffer::settle_at`]).
    pub(super) fn cell_of(&self, at: usize) -> (usize, usize) {
        let r = self.row_of(at);
        let span = self.row_span(r);
        let base = self.mark(r.par).chars;
        let width = self.width();
        let mut col = 0;
        for g in Graphemes::new(self.paragraph(r.par), span.chars.start - base) {
            if g.start + base >= at {
                break;
            }
            col += cells(&g.text, col, width);
        }
        (self.row_number(r), col)
    }

    /// The cursor stop in row `r` (known) that shows at cell `col`: before
    /// the cluster covering that cell, or the row's end stop (see the module
    /// docs) when `col` is past the row's text.
    pub(super) fn at_cell(&self, r: RowRef, col: usize) -> usize {
        let span = self.row_span(r);
        let base = self.mark(r.par).chars;
        let width = self.width();
        let mut x = 0;
        let mut last_start = span.chars.start;
        for g in Graphemes::new(self.paragraph(r.par), span.chars.start - base) {
            if g.start + base >= span.chars.end {
                break;
            }
            let w = cells(&g.text, x, width);
            if col < x + w {
                return g.start + base;
            }
            x += w;
            last_start = g.start + base;
        }
        if span.last {
            span.chars.end
        } else {
            last_start
        }
    }
}
