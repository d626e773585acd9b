//! Counting what a redline changes.

use super::token::count_words;
use super::{Op, Span};

/// How many words a redline deletes, inserts and keeps.
///
/// A "word" is every non-whitespace token of [`crate::redline::tokenize`]:
/// words and punctuation marks alike, so a changed comma counts as one
/// deleted and one inserted word. Whitespace never counts, so a
/// whitespace-only change leaves the stat at zero changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stat {
    pub deleted_words: usize,
    pub inserted_words: usize,
    pub unchanged_words: usize,
}

pub(crate) fn stat(spans: &[Span]) -> Stat {
    let mut stat = Stat::default();
    for span in spans {
        let words = count_words(&span.text);
        match span.op {
            Op::Equal => stat.unchanged_words += words,
            Op::Delete => stat.deleted_words += words,
            Op::Insert => stat.inserted_words += words,
        }
    }
    stat
}
