//! Cutting a range too large for an exact diff at anchors.
//!
//! Each level finds pairs of equal stretches that almost surely belong to
//! the best alignment; the pieces between them are diffed again, at the
//! next level or exactly once small enough (see `diff`):
//!
//! 1. **Sentences** equal on both sides (Myers over sentence ids).
//! 2. **Unique 4-grams**: four consecutive tokens that occur once in each
//!    side (patience diff's idea, on short phrases since single words repeat
//!    too much in prose), kept in order by a longest increasing subsequence.
//! 3. **Windows**, the last resort for text with neither (a wholly rewritten
//!    passage, or pathological repetition): the range is diffed a bounded
//!    window at a time, of which only the first half is kept before the
//!    window moves on (see `diff`). Its cost grows with the window, not with
//!    the text.

use std::hash::Hasher;
use std::ops::Range;

use similar::algorithms::myers;

use super::diff::{Collect, Pair, Run};
use super::intern::{FastHasher, FastMap, Id, is_terminator, unit_ids};

/// How a range too large for an exact diff is cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Level {
    Sentences,
    Grams,
    Windows,
}

impl Level {
    pub(crate) fn next(self) -> Level {
        match self {
            Level::Sentences => Level::Grams,
            Level::Grams | Level::Windows => Level::Windows,
        }
    }

    pub(crate) fn is_last(self) -> bool {
        self == Level::Windows
    }
}

/// Phrase length of the 4-gram anchors.
const GRAM: usize = 4;

impl Pair<'_> {
    /// Anchors of `level` in `o` and `n` (none for the last level, which
    /// `diff` handles by windows).
    pub(crate) fn anchors(self, o: Range<usize>, n: Range<usize>, level: Level) -> Vec<Run> {
        match level {
            Level::Sentences => self.sentence_anchors(o, n),
            Level::Grams => self.gram_anchors(o, n),
            Level::Windows => Vec::new(),
        }
    }

    /// Runs of whole sentences equal on both sides.
    fn sentence_anchors(self, o: Range<usize>, n: Range<usize>) -> Vec<Run> {
        let old_units = sentences(self.old, o);
        let new_units = sentences(self.new, n);
        let mut map = FastMap::default();
        let old_keys = unit_ids(old_units.iter().map(|u| &self.old[u.clone()]), &mut map);
        let new_keys = unit_ids(new_units.iter().map(|u| &self.new[u.clone()]), &mut map);
        let mut unit_runs = Vec::new();
        let Ok(()) = myers::diff(
            &mut Collect(&mut unit_runs),
            &old_keys,
            0..old_keys.len(),
            &new_keys,
            0..new_keys.len(),
        );
        unit_runs
            .iter()
            .map(|run| {
                let first = old_units[run.old].start;
                let last = old_units[run.old_end() - 1].end;
                Run {
                    old: first,
                    new: new_units[run.new].start,
                    len: last - first,
                }
            })
            .collect()
    }

    /// Phrases of [`GRAM`] tokens found exactly once on each side, in an
    /// order both sides agree on.
    fn gram_anchors(self, o: Range<usize>, n: Range<usize>) -> Vec<Run> {
        if o.len() < GRAM || n.len() < GRAM {
            return Vec::new();
        }
        let mut seen: FastMap<u64, Seen> = FastMap::default();
        seen.reserve(o.len());
        for i in o.start..=o.end - GRAM {
            let entry = seen.entry(gram_hash(&self.old[i..i + GRAM])).or_default();
            entry.old_count = entry.old_count.saturating_add(1);
            entry.old = i;
        }
        for j in n.start..=n.end - GRAM {
            if let Some(entry) = seen.get_mut(&gram_hash(&self.new[j..j + GRAM])) {
                entry.new_count = entry.new_count.saturating_add(1);
                entry.new = j;
            }
        }
        let mut pairs: Vec<(usize, usize)> = seen
            .values()
            .filter(|s| s.old_count == 1 && s.new_count == 1)
            .filter(|s| self.old[s.old..s.old + GRAM] == self.new[s.new..s.new + GRAM])
            .map(|s| (s.old, s.new))
            .collect();
        drop(seen);
        pairs.sort_unstable();
        longest_increasing(&mut pairs, &mut Lis::default());
        chain_to_runs(&pairs)
    }
}

#[derive(Default)]
struct Seen {
    old: usize,
    new: usize,
    old_count: u8,
    new_count: u8,
}

fn gram_hash(gram: &[Id]) -> u64 {
    let mut hasher = FastHasher::default();
    for &id in gram {
        hasher.write_u64(id);
    }
    hasher.finish()
}

/// Splits `range` after each sentence-ending mark.
fn sentences(ids: &[Id], range: Range<usize>) -> Vec<Range<usize>> {
    let mut units = Vec::new();
    let mut start = range.start;
    for i in range.clone() {
        if is_terminator(ids[i]) {
            units.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < range.end {
        units.push(start..range.end);
    }
    units
}

/// The longest chain of `pairs` (sorted by old position) whose new
/// positions increase too: patience sorting, O(k log k).
pub(crate) fn longest_increasing(pairs: &mut Vec<(usize, usize)>, lis: &mut Lis) {
    if pairs.windows(2).all(|w| w[0].1 < w[1].1) {
        return; // the common case: the unique tokens kept their order
    }
    let (tails, parent) = (&mut lis.tails, &mut lis.parent);
    tails.clear(); // per chain length, the pair ending the best such chain
    parent.clear();
    for (index, &(_, new)) in pairs.iter().enumerate() {
        let len = tails.partition_point(|&t| pairs[t].1 < new);
        parent.push(len.checked_sub(1).map_or(usize::MAX, |l| tails[l]));
        if len == tails.len() {
            tails.push(index);
        } else {
            tails[len] = index;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut cursor = tails.last().copied().unwrap_or(usize::MAX);
    while let Some(&pair) = pairs.get(cursor) {
        chain.push(pair);
        cursor = parent[cursor];
    }
    chain.reverse();
    *pairs = chain;
}

/// Scratch space of [`longest_increasing`].
#[derive(Default)]
pub(crate) struct Lis {
    tails: Vec<usize>,
    parent: Vec<usize>,
}

/// Turns a chain of gram starts into non-overlapping runs; grams on one
/// diagonal that overlap merge into one run.
fn chain_to_runs(chain: &[(usize, usize)]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for &(old, new) in chain {
        if let Some(last) = runs.last_mut() {
            let same_diagonal = old - last.old == new - last.new;
            if same_diagonal && old <= last.old_end() {
                last.len = old + GRAM - last.old;
                continue;
            }
            if old < last.old_end() || new < last.new_end() {
                continue;
            }
        }
        runs.push(Run {
            old,
            new,
            len: GRAM,
        });
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_keeps_order_and_merges_diagonals() {
        let mut chain = vec![(0, 5), (1, 6), (2, 0), (3, 8), (10, 20)];
        longest_increasing(&mut chain, &mut Lis::default());
        assert_eq!(chain, [(0, 5), (1, 6), (3, 8), (10, 20)]);
        let runs = chain_to_runs(&chain);
        assert_eq!(
            runs,
            [
                Run {
                    old: 0,
                    new: 5,
                    len: 7
                },
                Run {
                    old: 10,
                    new: 20,
                    len: 4
                }
            ]
        );
    }
}
