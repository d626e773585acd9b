//! Typing, deleting, pasting, undo and redo.
//!
//! Every change goes through [`Editor::change`], which edits the buffer,
//! records the edit for undo and puts the cursor on a cluster boundary. An
//! edit can merge clusters around it (a combining accent typed after "e", a
//! deleted letter between two regional indicators), so the cursor is snapped:
//! forward past an insertion, backward after a deletion.

use std::ops::Range;

use super::Editor;
use super::history::{Edit, Kind};

impl Editor {
    /// Types `c` at the cursor. A line feed is [`Editor::newline`].
    pub fn insert_char(&mut self, c: char, now_ms: u64) {
        if c == '\n' {
            return self.newline(now_ms);
        }
        let mut bytes = [0; 4];
        let at = self.cursor;
        self.change(at..at, c.encode_utf8(&mut bytes), Kind::Typing, now_ms);
    }

    /// Pastes `s` at the cursor as one undo step. Windows line ends (CRLF)
    /// become line feeds; other characters are kept as they are.
    pub fn insert_text(&mut self, s: &str, now_ms: u64) {
        let text = s.replace("\r\n", "\n");
        if !text.is_empty() {
            let at = self.cursor;
            self.change(at..at, &text, Kind::Alone, now_ms);
        }
    }

    /// Breaks the paragraph at the cursor: an undo step of its own.
    pub fn newline(&mut self, now_ms: u64) {
        let at = self.cursor;
        self.change(at..at, "\n", Kind::Alone, now_ms);
    }

    /// Deletes the character (grapheme cluster) before the cursor, or joins
    /// the paragraph with the previous one.
    pub fn backspace(&mut self, now_ms: u64) {
        if self.cursor > 0 {
            let from = self.buf.prev_boundary(self.cursor);
            self.change(from..self.cursor, "", Kind::Deleting, now_ms);
        }
    }

    /// Deletes the character (grapheme cluster) after the cursor, or joins
    /// the next paragraph to this one.
    pub fn delete(&mut self, now_ms: u64) {
        if self.cursor < self.len_chars() {
            let to = self.buf.next_boundary(self.cursor);
            self.change(self.cursor..to, "", Kind::Deleting, now_ms);
        }
    }

    /// Deletes back to where [`Editor::word_left`] would go (Ctrl+Backspace):
    /// an undo step of its own.
    pub fn delete_word_left(&mut self, now_ms: u64) {
        let from = self.word_left_stop(self.cursor);
        if from < self.cursor {
            self.change(from..self.cursor, "", Kind::Alone, now_ms);
        }
    }

    /// Takes back the last undo step; `false` if there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.history.undo() else {
            return false;
        };
        let (edit, cursor) = (step.edit.inverse(), step.cursor_before);
        self.apply(&edit);
        self.land(cursor);
        true
    }

    /// Does again the last undone step; `false` if there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.history.redo() else {
            return false;
        };
        let (edit, cursor) = (step.edit.clone(), step.cursor_after);
        self.apply(&edit);
        self.land(cursor);
        true
    }

    /// Closes the open undo step, so the next keystroke starts a new one
    /// (for a caller that knows better: a focus change, a timer).
    pub fn seal_undo(&mut self) {
        self.history.seal();
    }

    /// Replaces `range` with `text`, records it and moves the cursor past it.
    fn change(&mut self, range: Range<usize>, text: &str, kind: Kind, now_ms: u64) {
        let before = self.cursor;
        let removed = self.buf.slice_to_string(range.clone());
        let edit = Edit::new(range.start, removed, text.to_string());
        self.apply(&edit);
        let after = if text.is_empty() {
            self.buf.snap_back(edit.at)
        } else {
            self.buf.snap_forward(edit.at + edit.inserted_len())
        };
        self.land(after);
        self.history.record(edit, kind, before, after, now_ms);
    }

    /// Applies `edit` to the text; the caller places the cursor.
    fn apply(&mut self, edit: &Edit) {
        self.buf.replace(edit.range(), &edit.inserted);
        self.top = edit.shift(self.top);
        self.saved.edited();
        self.search.forget_match();
        self.goal_col = None;
    }

    /// Puts the cursor at `at` (snapped to a boundary) and scrolls to it.
    fn land(&mut self, at: usize) {
        self.cursor = self.buf.snap_back(at);
        self.reveal_cursor();
    }
}
