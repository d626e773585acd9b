//! Word-level diff of two token-id sequences, in bounded time.
//!
//! The result is the list of [`Run`]s of equal tokens; everything between two
//! runs is a change. A shortest edit script (Myers' algorithm, from
//! `similar`) is exact but costs O((n+m)·d): fine for a paragraph, hopeless
//! for a 10 MB draft with 20% of its words changed. So a range gets one
//! only while it is small: a text diffed as a whole ([`Differ::exact`]);
//! in a large draft, a changed paragraph is first cut at its unique words
//! ([`Differ::anchored`]), and a larger range at equal sentences and unique
//! phrases (see `anchor`), each piece between two anchors diffed the same
//! way, down to windows of bounded size as the last resort.
//!
//! No step ever gives up and strikes a whole region: `similar`'s deadline
//! does exactly that when it fires, so none is used.

use std::convert::Infallible;
use std::ops::Range;

use similar::algorithms::{DiffHook, myers};

use super::anchor::{Level, Lis, longest_increasing};
use super::intern::Id;

/// `old[old..old + len] == new[new..new + len]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub(crate) old: usize,
    pub(crate) new: usize,
    pub(crate) len: usize,
}

impl Run {
    pub(crate) fn old_end(self) -> usize {
        self.old + self.len
    }

    pub(crate) fn new_end(self) -> usize {
        self.new + self.len
    }
}

/// A text small enough to be diffed as a whole gets an exact shortest
/// edit script up to this many tokens (both sides together): at most
/// ~150M steps of Myers' loop, a fraction of a second, paid once.
pub(crate) const WHOLE_EXACT_LIMIT: usize = 12_000;

/// In a large text, changed regions up to this many tokens are diffed as
/// one range (cut at unique words, then exact pieces); larger ones are cut
/// at sentences and phrases first.
pub(crate) const REGION_EXACT_LIMIT: usize = 4096;

/// Tokens per side in a window of the last resort. Text that gets there has
/// no equal sentence and no unique phrase left to anchor on (a passage
/// rewritten throughout, or endless repetition): a small window keeps its
/// cost at a few hundred steps per token, at a price only in alignments
/// that such text does not have anyway.
const WINDOW: usize = 256;

/// Appends `run`, merging it into the previous one when they touch.
pub(crate) fn push_run(runs: &mut Vec<Run>, run: Run) {
    if run.len == 0 {
        return;
    }
    if let Some(last) = runs.last_mut()
        && last.old_end() == run.old
        && last.new_end() == run.new
    {
        last.len += run.len;
        return;
    }
    runs.push(run);
}

/// A `similar` hook that keeps the equal runs and ignores the rest.
pub(crate) struct Collect<'a>(pub(crate) &'a mut Vec<Run>);

impl DiffHook for Collect<'_> {
    type Error = Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Infallible> {
        push_run(self.0, Run { old, new, len });
        Ok(())
    }
}

/// Diffs id sequences; keeps scratch buffers across the many regions of a
/// large draft so that each costs no allocation of its own.
pub(crate) struct Differ {
    exact_limit: usize,
    /// Whether ranges diffed "exactly" are first cut at unique tokens.
    anchored: bool,
    /// Per hash of a token id, how often it occurs on each side and where.
    /// Ids that share a slot only look more frequent: a token is never
    /// dropped or anchored because of another one.
    slots: Vec<Slot>,
    reduced: Reduced,
    pairs: Vec<(usize, usize)>,
    lis: Lis,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    old_count: u8,
    new_count: u8,
    old_at: u16,
    new_at: u16,
}

/// The tokens of a range that the other side also has, and where they were.
#[derive(Default)]
struct Reduced {
    old: Vec<Id>,
    new: Vec<Id>,
    old_at: Vec<usize>,
    new_at: Vec<usize>,
    runs: Vec<Run>,
}

/// Ranges above this many tokens are cut at unique tokens first in the
/// anchored mode.
const ANCHORED_MIN: usize = 64;

impl Differ {
    /// Shortest edit scripts up to `exact_limit` tokens: for a text diffed
    /// as a whole.
    pub(crate) fn exact(exact_limit: usize) -> Self {
        Differ::new(exact_limit, false)
    }

    /// For the changed regions of a large text: ranges up to `exact_limit`
    /// tokens are first cut at the tokens that occur once on each side
    /// (patience diff's anchors; they almost always belong to a shortest
    /// script), then each piece gets a shortest edit script. This keeps a
    /// draft with a fifth of its words changed from paying Myers' cost,
    /// which grows with the product of length and changes, per paragraph.
    pub(crate) fn anchored(exact_limit: usize) -> Self {
        Differ::new(exact_limit, true)
    }

    fn new(exact_limit: usize, anchored: bool) -> Self {
        Differ {
            exact_limit: exact_limit.min(usize::from(u16::MAX)),
            anchored,
            slots: vec![Slot::default(); SLOTS],
            reduced: Reduced::default(),
            pairs: Vec::new(),
            lis: Lis::default(),
        }
    }

    /// The equal runs of `old` and `new`, in order, into `runs`.
    pub(crate) fn diff_ids(&mut self, old: &[Id], new: &[Id], runs: &mut Vec<Run>) {
        runs.clear();
        let pair = Pair { old, new };
        self.diff(pair, 0..old.len(), 0..new.len(), Level::Sentences, runs);
    }

    /// Diffs `o` against `n`, appending equal runs to `runs`.
    fn diff(
        &mut self,
        p: Pair,
        o: Range<usize>,
        n: Range<usize>,
        level: Level,
        runs: &mut Vec<Run>,
    ) {
        let (o, n, suffix) = p.trim(o, n, runs);
        if !o.is_empty() && !n.is_empty() {
            if o.len() + n.len() <= self.exact_limit {
                self.small(p, o, n, runs);
            } else if level.is_last() {
                self.windows(p, o, n, runs);
            } else {
                self.cut(p, o, n, level, runs);
            }
        }
        push_run(runs, suffix);
    }

    /// A range of at most the exact limit: see [`Differ::exact`] and
    /// [`Differ::anchored`].
    fn small(&mut self, p: Pair, o: Range<usize>, n: Range<usize>, runs: &mut Vec<Run>) {
        if !self.anchored || o.len() + n.len() <= ANCHORED_MIN {
            return self.shortest(p, o, n, runs);
        }
        self.count(p, o.clone(), n.clone());
        let mut pairs = std::mem::take(&mut self.pairs);
        pairs.clear();
        pairs.resize(o.len(), (0, 0));
        let mut found = 0;
        for i in o.clone() {
            // Written always, kept if unique: no branch to mispredict.
            let slot = self.slots[slot(p.old[i])];
            let j = n.start + usize::from(slot.new_at);
            pairs[found] = (i, j);
            let unique = (slot.old_count == 1) & (slot.new_count == 1) & (p.new[j] == p.old[i]);
            found += usize::from(unique);
        }
        pairs.truncate(found);
        self.uncount(p, o.clone(), n.clone());
        longest_increasing(&mut pairs, &mut self.lis);
        let (mut i, mut j) = (o.start, n.start);
        for &(a, b) in &pairs {
            self.piece(p, i..a, j..b, runs);
            let anchor = Run {
                old: a,
                new: b,
                len: 1,
            };
            push_run(runs, anchor);
            (i, j) = (a + 1, b + 1);
        }
        self.piece(p, i..o.end, j..n.end, runs);
        self.pairs = pairs;
    }

    /// A piece between two anchors: trimmed, then a shortest edit script.
    fn piece(&mut self, p: Pair, o: Range<usize>, n: Range<usize>, runs: &mut Vec<Run>) {
        if o.is_empty() || n.is_empty() {
            return; // nothing can be equal; most pieces between anchors
        }
        let (o, n, suffix) = p.trim(o, n, runs);
        if o.len() == 1 || n.len() == 1 {
            push_run(runs, p.single(o, n)); // most other pieces
        } else if !o.is_empty() && !n.is_empty() {
            self.shortest(p, o, n, runs);
        }
        push_run(runs, suffix);
    }

    /// A shortest edit script. Tokens that only one side has can never be
    /// equal, so they are dropped first: in a reworded sentence they are
    /// most of the changes, and Myers' cost grows with the changes.
    fn shortest(&mut self, p: Pair, o: Range<usize>, n: Range<usize>, runs: &mut Vec<Run>) {
        self.count(p, o.clone(), n.clone());
        let r = &mut self.reduced;
        let slots = &self.slots;
        keep_shared(p.old, o.clone(), &mut r.old, &mut r.old_at, |id| {
            slots[slot(id)].new_count > 0
        });
        keep_shared(p.new, n.clone(), &mut r.new, &mut r.new_at, |id| {
            slots[slot(id)].old_count > 0
        });
        self.uncount(p, o.clone(), n.clone());
        let r = &mut self.reduced;
        if r.old.len() == o.len() && r.new.len() == n.len() {
            let Ok(()) = myers::diff_deadline_raw(&mut Collect(runs), p.old, o, p.new, n, None);
            return;
        }
        r.runs.clear();
        let Ok(()) = myers::diff_deadline_raw(
            &mut Collect(&mut r.runs),
            &r.old,
            0..r.old.len(),
            &r.new,
            0..r.new.len(),
            None,
        );
        for run in &r.runs {
            for k in 0..run.len {
                let (old, new) = (r.old_at[run.old + k], r.new_at[run.new + k]);
                push_run(runs, Run { old, new, len: 1 });
            }
        }
    }

    /// Counts the ids of both ranges into their slots (positions relative
    /// to the range; ranges are below `u16::MAX` by the exact limit).
    fn count(&mut self, p: Pair, o: Range<usize>, n: Range<usize>) {
        for i in o.clone() {
            let slot = &mut self.slots[slot(p.old[i])];
            slot.old_count = slot.old_count.saturating_add(1);
            slot.old_at = u16::try_from(i - o.start).unwrap_or(u16::MAX);
        }
        for j in n.clone() {
            let slot = &mut self.slots[slot(p.new[j])];
            slot.new_count = slot.new_count.saturating_add(1);
            slot.new_at = u16::try_from(j - n.start).unwrap_or(u16::MAX);
        }
    }

    /// Clears the slots that [`Differ::count`] set.
    fn uncount(&mut self, p: Pair, o: Range<usize>, n: Range<usize>) {
        for &id in p.old[o].iter().chain(&p.new[n]) {
            self.slots[slot(id)] = Slot::default();
        }
    }

    /// The last resort for a large range without anchors: diffs a window
    /// of [`WINDOW`] tokens per side, keeps the runs in the window's first
    /// half, and moves the window on from the last kept run. The cost per
    /// token is bounded by the window, not by the range.
    fn windows(&mut self, p: Pair, o: Range<usize>, n: Range<usize>, runs: &mut Vec<Run>) {
        let side = WINDOW;
        let (mut i, mut j) = (o.start, n.start);
        let mut window = Vec::new();
        while i < o.end && j < n.end {
            let (oe, ne) = ((i + side).min(o.end), (j + side).min(n.end));
            if oe == o.end && ne == n.end {
                return self.small(p, i..oe, j..ne, runs);
            }
            window.clear();
            self.small(p, i..oe, j..ne, &mut window);
            let (half_o, half_n) = (i + side / 2, j + side / 2);
            let keep = window
                .iter()
                .take_while(|r| r.old_end() <= half_o && r.new_end() <= half_n)
                .count()
                .max(window.len().min(1));
            for &run in &window[..keep] {
                push_run(runs, run);
            }
            (i, j) = match window[..keep].last() {
                Some(last) => (last.old_end(), last.new_end()),
                None => (half_o.min(oe), half_n.min(ne)),
            };
        }
    }

    /// Cuts a large range at the anchors of `level` (or the next level that
    /// finds any) and diffs the pieces between anchors.
    fn cut(
        &mut self,
        p: Pair,
        o: Range<usize>,
        n: Range<usize>,
        level: Level,
        runs: &mut Vec<Run>,
    ) {
        let anchors = p.anchors(o.clone(), n.clone(), level);
        let (mut i, mut j) = (o.start, n.start);
        for anchor in anchors {
            self.diff(p, i..anchor.old, j..anchor.new, level.next(), runs);
            push_run(runs, anchor);
            (i, j) = (anchor.old_end(), anchor.new_end());
        }
        self.diff(p, i..o.end, j..n.end, level.next(), runs);
    }
}

/// Size of [`Differ::slots`]: a power of two.
const SLOTS: usize = 1 << 13;

/// The slot of `id` in [`Differ::slots`].
fn slot(id: Id) -> usize {
    (id.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The ids of `ids[range]` that `shared` accepts, and their positions.
fn keep_shared(
    ids: &[Id],
    range: Range<usize>,
    kept: &mut Vec<Id>,
    at: &mut Vec<usize>,
    shared: impl Fn(Id) -> bool,
) {
    kept.clear();
    at.clear();
    for i in range {
        if shared(ids[i]) {
            kept.push(ids[i]);
            at.push(i);
        }
    }
}

/// The two id sequences being diffed.
#[derive(Clone, Copy)]
pub(crate) struct Pair<'a> {
    pub(crate) old: &'a [Id],
    pub(crate) new: &'a [Id],
}

impl Pair<'_> {
    /// Emits the common prefix; returns the middle and the common suffix.
    fn trim(
        self,
        o: Range<usize>,
        n: Range<usize>,
        runs: &mut Vec<Run>,
    ) -> (Range<usize>, Range<usize>, Run) {
        let prefix = self.old[o.clone()]
            .iter()
            .zip(&self.new[n.clone()])
            .take_while(|(a, b)| a == b)
            .count();
        push_run(
            runs,
            Run {
                old: o.start,
                new: n.start,
                len: prefix,
            },
        );
        let (o, n) = (o.start + prefix..o.end, n.start + prefix..n.end);
        let suffix = self.old[o.clone()]
            .iter()
            .rev()
            .zip(self.new[n.clone()].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let (o, n) = (o.start..o.end - suffix, n.start..n.end - suffix);
        let tail = Run {
            old: o.end,
            new: n.end,
            len: suffix,
        };
        (o, n, tail)
    }

    /// A shortest edit script when one side is a single token: it is equal
    /// to the first equal token of the other side, if any (a longest common
    /// subsequence has at most one element). Returns an empty run if none.
    fn single(self, o: Range<usize>, n: Range<usize>) -> Run {
        let found = if o.len() == 1 {
            n.clone()
                .find(|&j| self.new[j] == self.old[o.start])
                .map(|j| (o.start, j))
        } else {
            o.clone()
                .find(|&i| self.old[i] == self.new[n.start])
                .map(|i| (i, n.start))
        };
        found.map_or(
            Run {
                old: o.start,
                new: n.start,
                len: 0,
            },
            |(old, new)| Run { old, new, len: 1 },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff_ids(old: &[Id], new: &[Id], exact_limit: usize) -> Vec<Run> {
        let mut runs = Vec::new();
        Differ::anchored(exact_limit).diff_ids(old, new, &mut runs);
        runs
    }

    fn lcs(a: &[Id], b: &[Id]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for x in a {
            let mut diag = 0;
            for (j, y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
                diag = up;
            }
        }
        row[b.len()]
    }

    fn matched(runs: &[Run]) -> usize {
        runs.iter().map(|r| r.len).sum()
    }

    fn check(old: &[Id], new: &[Id], runs: &[Run]) {
        for pair in runs.windows(2) {
            assert!(pair[0].old_end() <= pair[1].old && pair[0].new_end() <= pair[1].new);
        }
        for r in runs {
            assert_eq!(old[r.old..r.old_end()], new[r.new..r.new_end()]);
        }
    }

    #[test]
    fn small_ranges_are_exact() {
        let old = [1, 2, 3, 4, 5, 3, 2, 1];
        let new = [2, 3, 9, 5, 3, 1, 1];
        let runs = diff_ids(&old, &new, REGION_EXACT_LIMIT);
        check(&old, &new, &runs);
        assert_eq!(matched(&runs), lcs(&old, &new));
    }

    /// A pseudo-random text and an edited copy, the way the bench makes them.
    fn edited(len: usize, vocabulary: u64, rate_percent: u64) -> (Vec<Id>, Vec<Id>) {
        let mut state = 0x2009_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let old: Vec<Id> = (0..len).map(|_| 10 + next() % vocabulary).collect();
        let mut new = Vec::new();
        for &id in &old {
            match (next() % 100 < rate_percent, next() % 3) {
                (false, _) => new.push(id),
                (true, 0) => new.push(id + 1),
                (true, 1) => new.extend([id, 10]),
                (true, _) => {}
            }
        }
        (old, new)
    }

    #[test]
    fn large_ranges_stay_near_minimal() {
        let (old, new) = edited(6_000, 2000, 20);
        let runs = diff_ids(&old, &new, REGION_EXACT_LIMIT);
        check(&old, &new, &runs);
        let missed = lcs(&old, &new) - matched(&runs);
        assert!(missed * 100 < old.len(), "missed {missed} matches");
    }

    #[test]
    fn unrelated_ranges_finish() {
        let (old, _) = edited(20_000, 50, 0);
        let (new, _) = edited(20_001, 50, 0);
        let runs = diff_ids(&old, &new[1..], REGION_EXACT_LIMIT);
        check(&old, &new[1..], &runs);
    }
}
