//! What the terminal layer draws: the visual rows in the viewport.
//!
//! Row text is already safe to print: control and invisible characters come
//! out as the placeholders of [`crate::sanitize`], tabs as spaces. The widths
//! and the cursor cell are computed from that same text, so the drawing
//! layer only has to put strings at rows.

use super::buffer::Buffer;
use super::graphemes::{Graphemes, cells, draw};
use super::layout::RowRef;

/// The visible part of the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    /// Number (from 0, counted over the whole draft) of the first row shown.
    pub top_row: usize,
    /// The rows shown, top to bottom: at most the viewport's height.
    pub rows: Vec<VisualRow>,
    /// The cursor as (column, row) within the viewport; `None` when it is
    /// scrolled out of view (or the viewport has no cells).
    pub cursor: Option<(u16, u16)>,
    /// Number of visual rows in the whole draft, for a scrollbar. Parts of
    /// long paragraphs that were never on screen since an edit are not
    /// wrapped yet, and counted by an estimate until they are.
    pub total_rows: usize,
}

/// One visual (soft-wrapped) row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisualRow {
    /// Char index in the draft of the row's first char.
    pub start_char: usize,
    /// Sanitized display text; tabs expanded to spaces.
    pub text: String,
    /// Cells `text` takes.
    pub width: u16,
}

/// Builds `height` rows from the one starting at char `top`, and places the
/// cursor at char `cursor`. The editor has wrapped those rows already.
pub(super) fn build(
    buf: &Buffer,
    top: usize,
    height: usize,
    screen_width: usize,
    cursor: usize,
) -> View {
    let first = buf.row_of(top);
    let top = buf.row_number(first);
    let mut rows = Vec::with_capacity(height.min(64));
    let mut next = Some(first);
    while let Some(r) = next.filter(|_| rows.len() < height) {
        next = paragraph_rows(buf, r, height - rows.len(), &mut rows);
    }
    let total_rows = buf.total_rows();
    let (row, col) = buf.cell_of(cursor);
    let shown = row >= top && row - top < height && col < screen_width;
    let cursor = shown.then(|| (clamp_u16(col), clamp_u16(row - top)));
    View {
        top_row: top,
        rows,
        cursor,
        total_rows,
    }
}

/// Appends up to `count` known rows of one paragraph, from row `r` on, going
/// through its clusters once; returns the row that would come next.
fn paragraph_rows(
    buf: &Buffer,
    mut r: RowRef,
    count: usize,
    out: &mut Vec<VisualRow>,
) -> Option<RowRef> {
    let rows = buf.rows(r.par);
    let base = buf.mark(r.par).chars;
    let width = buf.width();
    let mut clusters = Graphemes::new(buf.paragraph(r.par), rows.start(r.row)).peekable();
    for _ in 0..count {
        if !rows.is_known(r.row) {
            return None;
        }
        let (start, end) = (rows.start(r.row), rows.end(r.row));
        let mut text = String::with_capacity(width + 8);
        let mut col = 0;
        while let Some(g) = clusters.next_if(|g| g.start < end) {
            draw(&g.text, col, width, &mut text);
            col += cells(&g.text, col, width);
        }
        out.push(VisualRow {
            start_char: base + start,
            text,
            width: clamp_u16(col),
        });
        r = buf.next_row(r)?;
        if r.row == 0 {
            return Some(r);
        }
    }
    None
}

fn clamp_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
