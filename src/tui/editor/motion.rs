//! Cursor movement: by character, word, visual row, page, click.
//!
//! Every move lands on a cluster boundary and closes the open undo step.
//! Horizontal moves forget the goal column; vertical ones (Up, Down, Page
//! Up, Page Down, and a scroll that drags the cursor) aim for it. Up on the
//! first row goes to the start of the draft and Down on the last row to its
//! end, as in a word processor.
//!
//! Words move as in a word processor: Ctrl+Right goes to the start of the
//! next word (skipping the rest of this word, or this run of punctuation, and
//! the spaces after it), Ctrl+Left to the start of this or the previous word.
//! A paragraph break is a stop of its own.

use super::Editor;
use super::graphemes::{is_break_space, is_word};

/// What a cluster is, for word-wise movement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    LineFeed,
    Other,
}

fn class_of(cluster: &str) -> Class {
    if cluster == "\n" {
        Class::LineFeed
    } else if is_word(cluster) {
        Class::Word
    } else if is_break_space(cluster) {
        Class::Space
    } else {
        Class::Other
    }
}

impl Editor {
    pub fn move_left(&mut self) {
        self.jump(self.buf.prev_boundary(self.cursor));
    }

    pub fn move_right(&mut self) {
        self.jump(self.buf.next_boundary(self.cursor));
    }

    /// One visual row up, at the goal column.
    pub fn move_up(&mut self) {
        self.move_rows(-1);
    }

    /// One visual row down, at the goal column.
    pub fn move_down(&mut self) {
        self.move_rows(1);
    }

    pub fn word_left(&mut self) {
        self.jump(self.word_left_stop(self.cursor));
    }

    pub fn word_right(&mut self) {
        self.jump(self.word_right_stop(self.cursor));
    }

    /// To the start of the visual row.
    pub fn row_home(&mut self) {
        let row = self.buf.row_of(self.cursor);
        self.jump(self.buf.row_span(row).chars.start);
    }

    /// To the end of the visual row (see the module docs of `layout`).
    pub fn row_end(&mut self) {
        let row = self.buf.row_of(self.cursor);
        self.jump(self.buf.at_cell(row, usize::MAX));
    }

    pub fn doc_start(&mut self) {
        self.jump(0);
    }

    pub fn doc_end(&mut self) {
        self.jump(self.len_chars());
    }

    /// One page up: the view and the cursor move by the viewport's height.
    pub fn page_up(&mut self) {
        let page = self.page() as isize;
        self.scroll_view(-page);
        self.move_rows(-page);
    }

    /// One page down: the view and the cursor move by the viewport's height.
    pub fn page_down(&mut self) {
        let page = self.page() as isize;
        self.scroll_view(page);
        self.move_rows(page);
    }

    /// Puts the cursor at char `char_idx`, clamped to the text and moved
    /// back to the start of the cluster it falls in.
    pub fn set_cursor(&mut self, char_idx: usize) {
        self.jump(self.buf.snap_back(char_idx));
    }

    /// Puts the cursor where the viewport cell (`col`, `row`) shows: before
    /// the character covering that cell, at the row's end when right of its
    /// text, at the draft's end when below it.
    pub fn click(&mut self, row: usize, col: usize) {
        let row = self.top_row().saturating_add(row);
        if row >= self.buf.total_rows() {
            self.doc_end();
        } else {
            let r = self.buf.settle_row(row);
            self.jump(self.buf.at_cell(r, col));
        }
    }

    /// A horizontal move (or a jump): forgets the goal column.
    fn jump(&mut self, to: usize) {
        self.goal_col = None;
        self.go(to);
    }

    /// Moves the cursor, closing the undo step and scrolling to it.
    fn go(&mut self, to: usize) {
        self.cursor = to;
        self.history.seal();
        self.reveal_cursor();
    }

    /// Moves by `delta` visual rows at the goal column.
    fn move_rows(&mut self, delta: isize) {
        let (row, col) = self.buf.cell_of(self.cursor);
        let goal = *self.goal_col.get_or_insert(col);
        let last = self.buf.total_rows().saturating_sub(1);
        let to = match row.checked_add_signed(delta) {
            None => 0,
            Some(target) if target > last => self.len_chars(),
            Some(target) => {
                let r = self.buf.settle_row(target);
                self.buf.at_cell(r, goal)
            }
        };
        self.go(to);
    }

    /// The cluster just after `at`, or `None` at the end.
    fn cluster_after(&self, at: usize) -> Option<(usize, Class)> {
        let end = self.buf.next_boundary(at);
        (end > at).then(|| (end, class_of(&self.buf.slice_to_string(at..end))))
    }

    /// The cluster just before `at`, or `None` at the start.
    fn cluster_before(&self, at: usize) -> Option<(usize, Class)> {
        let start = self.buf.prev_boundary(at);
        (start < at).then(|| (start, class_of(&self.buf.slice_to_string(start..at))))
    }

    /// Where Ctrl+Right goes from `at`; see the module docs.
    fn word_right_stop(&self, mut at: usize) -> usize {
        let Some((end, first)) = self.cluster_after(at) else {
            return at;
        };
        if first == Class::LineFeed {
            return end;
        }
        while let Some((end, class)) = self.cluster_after(at) {
            if class != first || first == Class::Space {
                break;
            }
            at = end;
        }
        while let Some((end, Class::Space)) = self.cluster_after(at) {
            at = end;
        }
        at
    }

    /// Where Ctrl+Left goes from `at`; see the module docs.
    pub(super) fn word_left_stop(&self, from: usize) -> usize {
        let mut at = from;
        while let Some((start, Class::Space)) = self.cluster_before(at) {
            at = start;
        }
        let Some((start, first)) = self.cluster_before(at) else {
            return at;
        };
        if first == Class::LineFeed {
            // Indentation: stop at the paragraph's start first.
            return if at < from { at } else { start };
        }
        while let Some((start, class)) = self.cluster_before(at) {
            if class != first {
                break;
            }
            at = start;
        }
        at
    }
}
