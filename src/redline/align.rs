//! Line alignment: the cheap first pass over a large draft.
//!
//! Most of a long draft survives a round of negotiation untouched. Lines
//! (paragraphs, in most drafts) that are byte-for-byte equal on both sides
//! are matched by a line diff first, as `git diff` does before its word
//! diff; only the changed lines between them are tokenized and diffed word
//! by word. Blank lines between paragraphs anchor the alignment even when
//! every paragraph has changed (the spans join changes that end up apart by
//! a blank line only, see `group`).

use std::ops::Range;

use similar::algorithms::myers;

use super::diff::{Collect, Run};
use super::intern::{FastMap, unit_ids};

/// A stretch of the two texts: equal lines, or changed lines to diff by word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Region {
    /// The same bytes on both sides (given as a range of the old text).
    Same(Range<usize>),
    /// Byte ranges of old and new whose lines differ (either may be empty).
    Changed {
        old: Range<usize>,
        new: Range<usize>,
    },
}

/// The regions of `old` → `new`, in order, covering both texts.
pub(crate) fn line_regions(old_text: &str, new_text: &str) -> Vec<Region> {
    let old_starts = line_starts(old_text);
    let new_starts = line_starts(new_text);
    let mut map = FastMap::default();
    map.reserve(old_starts.len() + new_starts.len());
    let old_keys = unit_ids(lines(old_text, &old_starts), &mut map);
    let new_keys = unit_ids(lines(new_text, &new_starts), &mut map);
    drop(map);
    let mut runs = Vec::new();
    let Ok(()) = myers::diff(
        &mut Collect(&mut runs),
        &old_keys,
        0..old_keys.len(),
        &new_keys,
        0..new_keys.len(),
    );
    let end = Run {
        old: old_keys.len(),
        new: new_keys.len(),
        len: 0,
    };
    let mut regions = Vec::new();
    let (mut o, mut n) = (0, 0);
    for run in runs.into_iter().chain([end]) {
        if o < run.old || n < run.new {
            regions.push(Region::Changed {
                old: old_starts[o]..old_starts[run.old],
                new: new_starts[n]..new_starts[run.new],
            });
        }
        (o, n) = (run.old + run.len, run.new + run.len);
        if run.len > 0 {
            regions.push(Region::Same(old_starts[run.old]..old_starts[o]));
        }
    }
    regions
}

/// Lengths of the common prefix and suffix of `old` and `new` that can be
/// set aside as equal before tokenizing: the prefix ends just after ASCII
/// whitespace, the suffix starts at ASCII whitespace, so no token is cut
/// and the tokens in between are the ones the whole texts would have.
/// Saves tokenizing the unchanged bulk of a paragraph with one change.
pub(crate) fn shared_ends(old: &str, new: &str) -> (usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let whole = prefix == a.len() && prefix == b.len();
    while !whole && prefix > 0 && !(cut_after_space(a, prefix) && cut_after_space(b, prefix)) {
        prefix -= 1;
    }
    let room = a.len().min(b.len()) - prefix;
    let mut suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    while suffix > 0 && !is_ascii_space(a[a.len() - suffix]) {
        suffix -= 1;
    }
    (prefix, suffix)
}

fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether a token boundary surely lies at `at`: after ASCII whitespace and
/// before an ASCII character (a combining mark there would join the space).
fn cut_after_space(text: &[u8], at: usize) -> bool {
    is_ascii_space(text[at - 1]) && text.get(at).is_none_or(u8::is_ascii)
}

/// Byte offsets where each line starts, then the text's length.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    // `match_indices` with a `char` pattern searches with memchr.
    starts.extend(
        text.match_indices('\n')
            .map(|(i, _)| i + 1)
            .filter(|&i| i < text.len()),
    );
    if !text.is_empty() {
        starts.push(text.len());
    }
    starts
}

/// The lines of `text`, each with its line feed.
fn lines<'a>(text: &'a str, starts: &'a [usize]) -> impl Iterator<Item = &'a str> {
    starts.windows(2).map(move |w| &text[w[0]..w[1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_cover_the_text() {
        assert_eq!(line_starts(""), [0]);
        assert_eq!(line_starts("a"), [0, 1]);
        assert_eq!(line_starts("a\n"), [0, 2]);
        assert_eq!(line_starts("a\n\nb"), [0, 2, 3, 4]);
    }

    #[test]
    fn shared_ends_cut_at_whitespace() {
        assert_eq!(shared_ends("the quick brown", "the quick brawn"), (10, 0));
        assert_eq!(shared_ends("a b c d", "a x c d"), (2, 4));
        assert_eq!(shared_ends("same", "same"), (4, 0));
        assert_eq!(shared_ends("same", "samex"), (0, 0));
        assert_eq!(shared_ends("a b", "a b c"), (2, 0));
        assert_eq!(shared_ends("x a b", "x b"), (2, 0));
        assert_eq!(shared_ends("a \u{301}b", "a \u{301}c"), (0, 0));
        assert_eq!(shared_ends("", " "), (0, 0));
    }

    #[test]
    fn equal_lines_anchor_changed_ones() {
        let old = "one\n\ntwo three\n\nfour\n";
        let new = "one\n\ntwo 3\n\nfour\nfive\n";
        assert_eq!(
            line_regions(old, new),
            [
                Region::Same(0..5),
                Region::Changed {
                    old: 5..15,
                    new: 5..11
                },
                Region::Same(15..21),
                Region::Changed {
                    old: 21..21,
                    new: 17..22
                },
            ]
        );
    }
}
