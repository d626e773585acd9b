//! A sorted list of positions that an edit does not have to rewrite.
//!
//! Typing one letter in the middle of a long paragraph moves every later row
//! start by one character; typing in the first paragraph moves every later
//! paragraph. Rewriting those positions on each keystroke would make typing
//! slower the longer the draft. [`GapList`] instead keeps a movable *gap*:
//! entries before it are stored as offsets from the start of the span, entries
//! after it as offsets from the end of the span (on a stack, nearest entry on
//! top). An edit at the gap changes only the span's length and leaves every
//! stored number valid. Moving the gap costs one step per entry passed, and
//! the editor keeps it where the user is typing, so that cost is paid once
//! per jump, not per keystroke.
//!
//! Each entry carries a payload `T` that does not move with the text (a row's
//! read-ahead, a paragraph's own rows).

/// A position type: plain character counts, or several counts at once.
pub(super) trait Coord: Copy {
    /// `self - other`, or zero (in each count) where `other` is larger: an
    /// entry left in a stretch that an edit deleted has no position any
    /// more, and is about to be dropped.
    fn minus(self, other: Self) -> Self;
}

impl Coord for usize {
    fn minus(self, other: usize) -> usize {
        self.saturating_sub(other)
    }
}

/// Sorted positions inside a span `0..=span`; see the module docs.
#[derive(Clone, Debug)]
pub(super) struct GapList<C, T> {
    /// Entries before the gap, as offsets from the span's start, in order.
    front: Vec<(C, T)>,
    /// Entries after the gap, as offsets back from the span's end; the entry
    /// just after the gap is the last element.
    back: Vec<(C, T)>,
    span: C,
}

impl<C: Coord, T> GapList<C, T> {
    /// An empty list over a span of length `span`.
    pub(super) fn new(span: C) -> Self {
        Self::from_parts(Vec::new(), Vec::new(), span)
    }

    /// Reassembles a list from parts taken with [`take_front`] (positions from
    /// the start) and [`take_back`] (positions from the end) of other lists.
    ///
    /// [`take_front`]: Self::take_front
    /// [`take_back`]: Self::take_back
    pub(super) fn from_parts(front: Vec<(C, T)>, back: Vec<(C, T)>, span: C) -> Self {
        GapList { front, back, span }
    }

    pub(super) fn len(&self) -> usize {
        self.front.len() + self.back.len()
    }

    pub(super) fn span(&self) -> C {
        self.span
    }

    /// Changes the span's length at the gap: entries after the gap move with
    /// the span's end, entries before it stay.
    pub(super) fn set_span(&mut self, span: C) {
        self.span = span;
    }

    /// The position of entry `i`. Panics if `i >= len()`, like slice indexing.
    pub(super) fn pos(&self, i: usize) -> C {
        match self.front.get(i) {
            Some(&(pos, _)) => pos,
            None => self.span.minus(self.back[self.back_index(i)].0),
        }
    }

    /// Number of entries before the gap.
    pub(super) fn len_before_gap(&self) -> usize {
        self.front.len()
    }

    pub(super) fn item_mut(&mut self, i: usize) -> &mut T {
        match self.front.len() {
            n if i < n => &mut self.front[i].1,
            _ => {
                let j = self.back_index(i);
                &mut self.back[j].1
            }
        }
    }

    pub(super) fn item(&self, i: usize) -> &T {
        match self.front.get(i) {
            Some((_, item)) => item,
            None => &self.back[self.back_index(i)].1,
        }
    }

    fn back_index(&self, i: usize) -> usize {
        self.back.len() - 1 - (i - self.front.len())
    }

    /// Moves the gap so that exactly `to` entries precede it.
    pub(super) fn move_gap(&mut self, to: usize) {
        let to = to.min(self.len());
        while self.front.len() > to {
            if let Some((pos, item)) = self.front.pop() {
                self.back.push((self.span.minus(pos), item));
            }
        }
        while self.front.len() < to {
            if let Some((from_end, item)) = self.back.pop() {
                self.front.push((self.span.minus(from_end), item));
            }
        }
    }

    /// Appends an entry just before the gap. The caller keeps the order.
    pub(super) fn push(&mut self, pos: C, item: T) {
        self.front.push((pos, item));
    }

    /// The position of the entry just after the gap, if any.
    pub(super) fn peek_after(&self) -> Option<C> {
        self.back
            .last()
            .map(|&(from_end, _)| self.span.minus(from_end))
    }

    /// Removes the entry just after the gap.
    pub(super) fn pop_after(&mut self) -> Option<(C, T)> {
        let (from_end, item) = self.back.pop()?;
        Some((self.span.minus(from_end), item))
    }

    /// Removes the entry just before the gap.
    pub(super) fn pop_before(&mut self) -> Option<(C, T)> {
        self.front.pop()
    }

    /// Drops every entry after the gap.
    pub(super) fn clear_after(&mut self) {
        self.back.clear();
    }

    /// Takes the entries before the gap, positioned from the span's start.
    pub(super) fn take_front(&mut self) -> Vec<(C, T)> {
        std::mem::take(&mut self.front)
    }

    /// Takes the entries after the gap, positioned from the span's end: they
    /// stay valid in any list whose span ends at the same place in the text.
    pub(super) fn take_back(&mut self) -> Vec<(C, T)> {
        std::mem::take(&mut self.back)
    }

    /// The number of leading entries whose position satisfies `pred`, which
    /// must be true for a prefix of the list (as for `slice::partition_point`).
    pub(super) fn partition_point(&self, pred: impl Fn(C) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.pos(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(list: &GapList<usize, ()>) -> Vec<usize> {
        (0..list.len()).map(|i| list.pos(i)).collect()
    }

    fn list(span: usize, starts: &[usize]) -> GapList<usize, ()> {
        let mut list = GapList::new(span);
        for &s in starts {
            list.push(s, ());
        }
        list
    }

    #[test]
    fn entries_after_the_gap_follow_the_end() {
        let mut l = list(100, &[0, 10, 20, 30]);
        l.move_gap(2);
        l.set_span(105); // five characters typed between 10 and 20
        assert_eq!(positions(&l), [0, 10, 25, 35]);
        l.move_gap(1);
        l.set_span(100); // five characters deleted between 0 and 10
        assert_eq!(positions(&l), [0, 5, 20, 30]);
        l.move_gap(4);
        assert_eq!(positions(&l), [0, 5, 20, 30]);
    }

    #[test]
    fn pop_and_push_at_the_gap() {
        let mut l = list(50, &[0, 10, 20]);
        l.move_gap(1);
        assert_eq!(l.peek_after(), Some(10));
        assert_eq!(l.pop_after().map(|(p, _)| p), Some(10));
        l.push(12, ());
        assert_eq!(positions(&l), [0, 12, 20]);
        l.clear_after();
        assert_eq!(positions(&l), [0, 12]);
        assert_eq!(l.peek_after(), None);
    }

    #[test]
    fn parts_move_between_lists() {
        let mut l = list(40, &[0, 10, 20, 30]);
        l.move_gap(2);
        let back = l.take_back();
        let front = l.take_front();
        assert_eq!(l.len(), 0);
        // The back entries are measured from the end: a list over 25
        // characters ending at the same place sees them at 5 and 15.
        let tail = GapList::from_parts(Vec::new(), back, 25);
        assert_eq!(positions(&tail), [5, 15]);
        let head = GapList::from_parts(front, Vec::new(), 12);
        assert_eq!(positions(&head), [0, 10]);
    }

    #[test]
    fn partition_point_spans_the_gap() {
        let mut l = list(100, &[0, 10, 20, 30]);
        for gap in 0..=4 {
            l.move_gap(gap);
            assert_eq!(l.partition_point(|p| p <= 15), 2);
            assert_eq!(l.partition_point(|p| p <= 30), 4);
            assert_eq!(l.partition_point(|_| false), 0);
        }
    }
}
