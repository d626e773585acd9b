//! Whether the draft differs from what was last saved.
//!
//! "Modified" means the text differs, not that keys were pressed: typing a
//! word and deleting it again, or undoing back to the saved text, leaves the
//! draft unmodified. The saved text is kept as a rope clone (which shares
//! its nodes with the live rope, so it costs little memory), and the answer
//! is cached per edit, so the drawing layer can ask on every frame.

use std::cell::Cell;

use ropey::Rope;

#[derive(Clone, Debug)]
pub(super) struct Saved {
    text: Rope,
    /// Counts edits; `saved_at` is its value when `text` was taken.
    version: u64,
    saved_at: u64,
    /// The last answer of [`Saved::differs`] and the version it was for.
    answer: Cell<Option<(u64, bool)>>,
}

impl Saved {
    pub(super) fn new(text: &Rope) -> Saved {
        Saved {
            text: text.clone(),
            version: 0,
            saved_at: 0,
            answer: Cell::new(None),
        }
    }

    /// Notes that the text was edited.
    pub(super) fn edited(&mut self) {
        self.version += 1;
    }

    /// Takes `text` as the saved text.
    pub(super) fn mark(&mut self, text: &Rope) {
        self.text = text.clone();
        self.saved_at = self.version;
    }

    /// Whether `text` differs from the saved text: free when nothing was
    /// edited since, one comparison per edit otherwise.
    pub(super) fn differs(&self, text: &Rope) -> bool {
        if self.version == self.saved_at {
            return false;
        }
        if let Some((version, answer)) = self.answer.get()
            && version == self.version
        {
            return answer;
        }
        let answer = text.len_chars() != self.text.len_chars() || *text != self.text;
        self.answer.set(Some((self.version, answer)));
        answer
    }
}
