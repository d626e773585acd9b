//! From equal runs of words back to spans of text, whitespace included.
//!
//! The diff sees words and marks only. This module puts the whitespace back
//! so that the spans rebuild both texts exactly, and shapes the changes the
//! way a lawyer's redline does:
//!
//! - Everything between two runs of equal words is **one change**: one
//!   deletion, then one insertion, with the whitespace between its words
//!   inside it (`[-ad hoc working group-]{+standing committee+}`), never a
//!   word-by-word interleaving.
//! - Whitespace around a change stays unchanged as far as both texts share
//!   it: leading whitespace first, then trailing, so `a b c` → `a c` reads
//!   `a [-b -]c` and an inserted word reads `list {+of +}entities`. Only
//!   whitespace is ever absorbed into a change, so the changed words are
//!   exactly those the diff found.
//! - Whitespace that differs between two equal words (a double space become
//!   single, a line break become a space) is a change of its own, made of
//!   whitespace only, so that equal + deleted text is the old text and
//!   equal + inserted text the new text, byte for byte.
//! - A large draft is diffed line region by line region; when the changes
//!   of two regions end up apart by a blank line only, [`Spans`] joins them
//!   into one change (the blank line deleted and inserted with them).

use std::ops::Range;

use super::diff::Run;
use super::intern::{Id, Interner, is_terminator};
use super::token::tokens;
use super::{Op, Span};

/// One region of one text as the diff sees it: the ids of its words and
/// marks, and their byte positions in the whole text (whitespace lies
/// between them).
pub(crate) struct Side<'a> {
    text: &'a str,
    region: Range<usize>,
    pub(crate) ids: Vec<Id>,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl<'a> Side<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Side {
            text,
            region: 0..0,
            ids: Vec::new(),
            starts: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// Makes this the side of `text[region]` (reusing the buffers).
    pub(crate) fn scan(&mut self, region: Range<usize>, interner: &mut Interner<'a>) {
        self.ids.clear();
        self.starts.clear();
        self.ends.clear();
        let base = region.start;
        let mut tokens = tokens(&self.text[region.clone()]);
        while let Some((range, _)) = tokens.next_word() {
            let (start, end) = (base + range.start, base + range.end);
            self.ids.push(interner.id_in(self.text, start..end));
            self.starts.push(start);
            self.ends.push(end);
        }
        self.region = region;
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether a change starting at word `i` starts at a sentence or line:
    /// at the region's start, after a sentence-ending mark, or after a
    /// line break.
    pub(crate) fn starts_unit(&self, i: usize) -> bool {
        i == 0 || is_terminator(self.ids[i - 1]) || self.breaks_before(i)
    }

    /// Whether a change ending before word `i` ends a sentence or line.
    pub(crate) fn ends_unit(&self, i: usize) -> bool {
        i == self.len() || is_terminator(self.ids[i - 1]) || self.breaks_before(i)
    }

    /// Whether the whitespace before word `i` holds a line break.
    fn breaks_before(&self, i: usize) -> bool {
        self.text.as_bytes()[self.end_before(i)..self.start(i)].contains(&b'\n')
    }

    /// Byte where word `i` starts (the region's end for `i == len`).
    fn start(&self, i: usize) -> usize {
        self.starts.get(i).copied().unwrap_or(self.region.end)
    }

    /// Byte where the word before word `i` ends (the region's start for 0).
    fn end_before(&self, i: usize) -> usize {
        i.checked_sub(1)
            .map_or(self.region.start, |prev| self.ends[prev])
    }

    /// Bytes of words `first..last` (with the whitespace between them).
    fn words(&self, first: usize, last: usize) -> Range<usize> {
        self.starts[first]..self.ends[last - 1]
    }

    /// The changed words `first..next` with the whitespace around them, up
    /// to the equal words on either side.
    fn gap(&self, first: usize, next: usize) -> Gap<'a> {
        let (from, to) = (self.end_before(first), self.start(next));
        let text = &self.text[from..to];
        if first == next {
            return Gap {
                from,
                text,
                lead: text.len(),
                trail: text.len(),
            };
        }
        Gap {
            from,
            text,
            lead: self.starts[first] - from,
            trail: to - self.ends[next - 1],
        }
    }
}

/// Text between two equal words (starting at byte `from` of its whole
/// text), with the lengths of its whitespace ends.
struct Gap<'a> {
    from: usize,
    text: &'a str,
    lead: usize,
    trail: usize,
}

/// Spans under construction, as byte ranges of the old text (equal and
/// deleted) or the new text (inserted): adjacent ranges of one op merge,
/// empty ones vanish, and each span's text is copied once, at its final
/// size, when the next op begins.
pub(crate) struct Spans<'a> {
    old: &'a str,
    new: &'a str,
    done: Vec<Span>,
    open: Option<(Op, Range<usize>)>,
}

impl<'a> Spans<'a> {
    pub(crate) fn new(old: &'a str, new: &'a str) -> Self {
        Spans {
            old,
            new,
            done: Vec::new(),
            open: None,
        }
    }

    /// Adds the text at `range` of the old text (new text for inserts).
    pub(crate) fn push(&mut self, op: Op, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        if let Some((open_op, open)) = &mut self.open
            && *open_op == op
            && open.end == range.start
        {
            open.end = range.end;
            return;
        }
        self.close();
        self.open = Some((op, range));
    }

    pub(crate) fn old_text(&self) -> &'a str {
        self.old
    }

    pub(crate) fn new_text(&self) -> &'a str {
        self.new
    }

    pub(crate) fn finish(mut self) -> Vec<Span> {
        self.close();
        self.done
    }

    fn close(&mut self) {
        let Some((op, range)) = self.open.take() else {
            return;
        };
        let text = match op {
            Op::Insert => &self.new[range],
            Op::Equal | Op::Delete => &self.old[range],
        };
        if op == Op::Equal {
            return self.append(op, text);
        }
        // Changes in two regions of a large draft can end up apart by a
        // blank line only; like any two changes apart by whitespace, they
        // are one change, the whitespace deleted and inserted with them.
        if let [.., before, gap] = self.done.as_slice()
            && before.op != Op::Equal
            && gap.op == Op::Equal
            && gap.text.chars().all(char::is_whitespace)
            && let Some(gap) = self.done.pop()
        {
            self.append(Op::Delete, &gap.text);
            self.append(Op::Insert, &gap.text);
        }
        self.append(op, text);
    }

    /// Appends `text` to the last span if it has `op` (else as a new span);
    /// a deletion goes to the deletion before a trailing insertion, made if
    /// need be, since a deletion comes first.
    fn append(&mut self, op: Op, text: &str) {
        let n = self.done.len();
        let last_ops = (
            n.checked_sub(2).map(|i| self.done[i].op),
            self.done.last().map(|s| s.op),
        );
        let target = match (op, last_ops) {
            (_, (_, Some(last))) if last == op => Some(n - 1),
            (Op::Delete, (Some(Op::Delete), Some(Op::Insert))) => Some(n - 2),
            (Op::Delete, (_, Some(Op::Insert))) => {
                let span = Span {
                    op,
                    text: String::new(),
                };
                self.done.insert(n - 1, span);
                Some(n - 1)
            }
            _ => None,
        };
        match target.and_then(|i| self.done.get_mut(i)) {
            Some(span) => span.text.push_str(text),
            None => self.done.push(Span {
                op,
                text: text.to_owned(),
            }),
        }
    }
}

/// Appends the spans of `old` → `new` given their equal runs.
pub(crate) fn emit(old: &Side, new: &Side, runs: &[Run], out: &mut Spans) {
    let (mut o, mut n) = (0, 0);
    let end = Run {
        old: old.len(),
        new: new.len(),
        len: 0,
    };
    for run in runs.iter().copied().chain([end]) {
        change(old.gap(o, run.old), new.gap(n, run.new), out);
        if run.len > 0 {
            equal(old, new, run, out);
        }
        (o, n) = (run.old + run.len, run.new + run.len);
    }
}

/// Equal words, and any whitespace that differs between them.
fn equal(old: &Side, new: &Side, run: Run, out: &mut Spans) {
    let (o_end, n_end) = (run.old + run.len, run.new + run.len);
    let old_words = old.words(run.old, o_end);
    if old.text[old_words.clone()] == new.text[new.words(run.new, n_end)] {
        return out.push(Op::Equal, old_words);
    }
    for k in 0..run.len {
        if k > 0 {
            change(
                old.gap(run.old + k, run.old + k),
                new.gap(run.new + k, run.new + k),
                out,
            );
        }
        out.push(Op::Equal, old.words(run.old + k, run.old + k + 1));
    }
}

/// One change: shared leading whitespace, deletion, insertion, shared
/// trailing whitespace.
fn change(old: Gap, new: Gap, out: &mut Spans) {
    let lead = common_prefix(&old.text[..old.lead], &new.text[..new.lead]);
    let (o, n) = (&old.text[lead..], &new.text[lead..]);
    let o_trail = &o[o.len() - old.trail.min(o.len())..];
    let n_trail = &n[n.len() - new.trail.min(n.len())..];
    let trail = common_suffix(o_trail, n_trail);
    let (o_from, n_from) = (old.from + lead, new.from + lead);
    let (o_to, n_to) = (old.from + old.text.len(), new.from + new.text.len());
    out.push(Op::Equal, old.from..o_from);
    out.push(Op::Delete, o_from..o_to - trail);
    out.push(Op::Insert, n_from..n_to - trail);
    out.push(Op::Equal, o_to - trail..o_to);
}

/// Length of the common prefix, on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let mut len = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(len) {
        len -= 1;
    }
    len
}

/// Length of the common suffix, on a character boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    let mut len = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(x, y)| x == y)
        .count();
    while !a.is_char_boundary(a.len() - len) {
        len -= 1;
    }
    len
}
