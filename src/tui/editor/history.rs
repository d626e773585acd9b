//! Undo and redo, one *step* per thing a negotiator would call "one change".
//!
//! A step is one [`Edit`] (replace chars `at..at+removed` with `inserted`)
//! plus the cursor before and after. Undo applies the inverse edit and puts
//! the cursor back where it was; redo replays the edit. Storing edits rather
//! than snapshots keeps memory proportional to what was typed, not to the
//! draft's size; keystrokes of a group are folded into one edit.
//!
//! Grouping, as in word processors: consecutive typed characters form one
//! step, and so do consecutive deletions (Backspace and Delete), until
//! - a pause longer than the editor's pause (1 s by default) between keys,
//! - a switch between typing and deleting,
//! - a cursor movement, a save, an undo, or any [`History::seal`];
//! - an edit that is not next to the previous one.
//!
//! A line break, a paste and a word deletion are steps of their own. Any new
//! step clears the redo list.
//!
//! The clock is the caller's (`now_ms`), so tests can play with time; a
//! clock that goes backwards counts as no pause.

/// One replacement of chars `at..at + removed.chars().count()` by `inserted`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Edit {
    pub at: usize,
    pub removed: String,
    pub inserted: String,
    removed_len: usize,
    inserted_len: usize,
}

impl Edit {
    pub(super) fn new(at: usize, removed: String, inserted: String) -> Edit {
        Edit {
            at,
            removed_len: removed.chars().count(),
            inserted_len: inserted.chars().count(),
            removed,
            inserted,
        }
    }

    /// How many chars the edit puts in.
    pub(super) fn inserted_len(&self) -> usize {
        self.inserted_len
    }

    /// The chars this edit replaces, before it is applied.
    pub(super) fn range(&self) -> std::ops::Range<usize> {
        self.at..self.at + self.removed_len
    }

    /// Where a position before the edit ends up after it: kept up to the
    /// edit's start, moved along when after the replaced chars, moved to
    /// their start when among them.
    pub(super) fn shift(&self, pos: usize) -> usize {
        if pos <= self.at {
            pos
        } else if pos >= self.at + self.removed_len {
            pos - self.removed_len + self.inserted_len
        } else {
            self.at
        }
    }

    /// The edit that takes the text back.
    pub(super) fn inverse(&self) -> Edit {
        Edit::new(self.at, self.inserted.clone(), self.removed.clone())
    }

    /// Folds `next`, applied right after `self`, into `self` when the two
    /// are one contiguous insertion or deletion.
    fn absorb(&mut self, next: &Edit) -> bool {
        let typing = self.removed.is_empty() && next.removed.is_empty();
        let deleting = self.inserted.is_empty() && next.inserted.is_empty();
        if typing && next.at == self.at + self.inserted_len {
            self.inserted.push_str(&next.inserted);
            self.inserted_len += next.inserted_len;
        } else if deleting && next.at == self.at {
            self.removed.push_str(&next.removed);
            self.removed_len += next.removed_len;
        } else if deleting && next.at + next.removed_len == self.at {
            self.removed.insert_str(0, &next.removed);
            self.removed_len += next.removed_len;
            self.at = next.at;
        } else {
            return false;
        }
        true
    }
}

/// What an edit was, for grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A typed character: groups with the typed characters next to it.
    Typing,
    /// Backspace or Delete: groups with the deletions next to it.
    Deleting,
    /// A line break, paste or word deletion: always a step of its own.
    Alone,
}

/// An edit that undoes or redoes as one, and the cursor on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Step {
    pub edit: Edit,
    pub cursor_before: usize,
    pub cursor_after: usize,
}

/// The step still open to more keystrokes.
#[derive(Clone, Copy, Debug)]
struct Open {
    kind: Kind,
    last_ms: u64,
}

/// Undo and redo lists; see the module docs.
#[derive(Clone, Debug)]
pub(super) struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    open: Option<Open>,
    pause_ms: u64,
}

impl History {
    pub(super) fn new(pause_ms: u64) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            open: None,
            pause_ms,
        }
    }

    /// Closes the open step: the next edit starts a new one.
    pub(super) fn seal(&mut self) {
        self.open = None;
    }

    /// Records `edit`, just applied, moving the cursor from `before` to
    /// `after`.
    pub(super) fn record(
        &mut self,
        edit: Edit,
        kind: Kind,
        before: usize,
        after: usize,
        now_ms: u64,
    ) {
        self.redo.clear();
        let open = (kind != Kind::Alone).then_some(Open {
            kind,
            last_ms: now_ms,
        });
        if self.continues(kind, now_ms)
            && let Some(step) = self.undo.last_mut()
            && step.edit.absorb(&edit)
        {
            step.cursor_after = after;
            self.open = open;
            return;
        }
        self.undo.push(Step {
            edit,
            cursor_before: before,
            cursor_after: after,
        });
        self.open = open;
    }

    /// Whether an edit of `kind` at `now_ms` may join the open step.
    fn continues(&self, kind: Kind, now_ms: u64) -> bool {
        kind != Kind::Alone
            && self.open.is_some_and(|open| {
                open.kind == kind && now_ms.saturating_sub(open.last_ms) <= self.pause_ms
            })
    }

    /// Takes the step to undo, moving it to the redo list. The caller applies
    /// the inverse of its edit.
    pub(super) fn undo(&mut self) -> Option<&Step> {
        self.seal();
        let step = self.undo.pop()?;
        self.redo.push(step);
        self.redo.last()
    }

    /// Takes the step to redo, moving it back to the undo list. The caller
    /// applies its edit.
    pub(super) fn redo(&mut self) -> Option<&Step> {
        self.seal();
        let step = self.redo.pop()?;
        self.undo.push(step);
        self.undo.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(at: usize, s: &str) -> Edit {
        Edit::new(at, String::new(), s.to_string())
    }

    fn deleted(at: usize, s: &str) -> Edit {
        Edit::new(at, s.to_string(), String::new())
    }

    #[test]
    fn typing_groups_until_a_pause() {
        let mut h = History::new(1000);
        h.record(typed(0, "a"), Kind::Typing, 0, 1, 0);
        h.record(typed(1, "b"), Kind::Typing, 1, 2, 900);
        h.record(typed(2, "c"), Kind::Typing, 2, 3, 2000);
        assert_eq!(h.undo.len(), 2);
        assert_eq!(h.undo[0].edit, typed(0, "ab"));
        assert_eq!(h.undo[0].cursor_after, 2);
    }

    #[test]
    fn backspace_and_delete_group_together() {
        let mut h = History::new(1000);
        h.record(deleted(4, "d"), Kind::Deleting, 5, 4, 0);
        h.record(deleted(3, "c"), Kind::Deleting, 4, 3, 10);
        h.record(deleted(3, "e"), Kind::Deleting, 3, 3, 20);
        assert_eq!(h.undo.len(), 1);
        assert_eq!(h.undo[0].edit, deleted(3, "cde"));
        assert_eq!(h.undo[0].cursor_before, 5);
    }

    #[test]
    fn kinds_seals_and_alone_steps_split() {
        let mut h = History::new(1000);
        h.record(typed(0, "a"), Kind::Typing, 0, 1, 0);
        h.record(deleted(0, "a"), Kind::Deleting, 1, 0, 1);
        h.record(typed(0, "b"), Kind::Typing, 0, 1, 2);
        h.seal();
        h.record(typed(1, "c"), Kind::Typing, 1, 2, 3);
        h.record(typed(2, "\n"), Kind::Alone, 2, 3, 4);
        h.record(typed(3, "d"), Kind::Typing, 3, 4, 5);
        assert_eq!(h.undo.len(), 6);
    }

    #[test]
    fn edits_apart_from_each_other_are_separate_steps() {
        let mut h = History::new(1000);
        h.record(typed(0, "a"), Kind::Typing, 0, 1, 0);
        h.record(typed(5, "b"), Kind::Typing, 5, 6, 1);
        assert_eq!(h.undo.len(), 2);
    }

    #[test]
    fn undo_moves_steps_to_redo_and_new_edits_clear_it() {
        let mut h = History::new(1000);
        h.record(typed(0, "a"), Kind::Typing, 0, 1, 0);
        assert!(h.undo().is_some());
        assert!(h.undo().is_none());
        assert!(h.redo().is_some());
        assert!(h.undo().is_some());
        h.record(typed(0, "b"), Kind::Typing, 0, 1, 0);
        assert!(h.redo().is_none());
    }

    #[test]
    fn inverse_swaps_the_texts() {
        let e = Edit::new(2, "xy".into(), "z".into());
        assert_eq!(e.range(), 2..4);
        let inv = e.inverse();
        assert_eq!(inv.range(), 2..3);
        assert_eq!(inv.inserted, "xy");
    }
}
