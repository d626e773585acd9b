//! Word-level redline: what a Partner's proposal changes in the original wording.
//!
//! [`redline`] compares two versions of a paragraph (or of a whole draft) and
//! returns [`Span`]s of equal, deleted and inserted text, the way a lawyer's
//! redline shows them: `Partners agree on the [-ad hoc working
//! group-]{+standing committee+} of experts`. The renderers ([`plain`],
//! [`ansi`], [`html`], [`json`], [`side_by_side`]) turn spans into text.
//!
//! # What is compared
//!
//! Texts are split into words, punctuation marks and whitespace runs
//! ([`tokenize`]; the module `token` gives the rules). Only words and marks
//! are diffed; whitespace is put back afterwards. Diffing whitespace tokens
//! too would make the shortest token edit a poor word edit: `a c` → `b d`
//! would come out as `[-a-]{+b+} [-c-]{+d+}` because the space "matches".
//!
//! # Guarantees
//!
//! - Equal + deleted spans give the old text, equal + inserted spans the new
//!   text, byte for byte, whatever the input (whitespace-only changes are
//!   spans of their own, see `group`).
//! - No span is empty; no two adjacent spans share an op; a deletion comes
//!   before the insertion that replaces it; two changes separated only by
//!   whitespace are one change, and only whitespace is ever absorbed into a
//!   change.
//! - Texts up to 32 KiB (both together, and at most 12,000 words and marks)
//!   are diffed as a whole: the changed words are a minimal edit (a
//!   shortest edit script over words and marks, by `similar`'s Myers).
//!   Where several minimal edits exist, a deletion or insertion is moved to
//!   start and end at a sentence or line boundary if it can (`slide`).
//! - Larger texts take near-linear time and memory, and stay near-minimal:
//!   equal lines are matched first (`align`); each changed stretch of lines
//!   is cut at the words found once on each side before Myers runs on the
//!   pieces; a stretch too large for that is first cut at equal sentences
//!   and unique four-word phrases (`anchor`, `diff`). Nothing ever gives up
//!   and strikes out a whole passage that has equal words in it.
//!
//! # Rendering
//!
//! [`plain`], [`html`] and [`json`] carry the text as it is (escaped for
//! HTML and JSON); [`ansi`] and [`side_by_side`] are for terminals and show
//! control characters as placeholders (`crate::sanitize`). Send `plain` to a
//! file or pipe, not to a terminal.

mod align;
mod anchor;
mod diff;
mod group;
mod intern;
mod render;
mod side_by_side;
mod slide;
mod stat;
mod token;

use std::ops::Range;

pub use render::{ansi, html, json, plain};
pub use side_by_side::{MIN_COL_WIDTH, Row, side_by_side, side_by_side_rows};
pub use stat::Stat;
pub use token::{count_words, tokenize};

use align::{Region, line_regions, shared_ends};
use diff::{Differ, Run};
use group::{Side, Spans, emit};
use intern::Interner;

/// What a span does to the old text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// In both texts.
    Equal,
    /// Only in the old text (struck out).
    Delete,
    /// Only in the new text (underlined).
    Insert,
}

/// A piece of text and what happened to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub op: Op,
    pub text: String,
}

/// The redline of an old and a new text: spans in reading order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Redline {
    pub spans: Vec<Span>,
}

/// The name of `op` in JSON and in the CLI: `equal`, `delete`, `insert`.
pub fn op_name(op: Op) -> &'static str {
    match op {
        Op::Equal => "equal",
        Op::Delete => "delete",
        Op::Insert => "insert",
    }
}

/// Texts up to this many bytes (both together) are diffed word by word as a
/// whole, for a minimal edit; larger ones are aligned by lines first.
const WHOLE_TEXT_BYTES: usize = 32 * 1024;

/// Redlines `old` → `new`; see the module docs.
///
/// ```
/// use plenary::redline::{plain, redline};
/// let r = redline("a c", "b d");
/// assert_eq!(plain(&r), "[-a c-]{+b d+}");
/// ```
pub fn redline(old: &str, new: &str) -> Redline {
    if old.len() + new.len() <= WHOLE_TEXT_BYTES {
        let mut engine = Engine::new(old, new, Differ::exact(diff::WHOLE_EXACT_LIMIT));
        engine.words(0..old.len(), 0..new.len());
        return engine.finish();
    }
    let mut engine = Engine::new(old, new, Differ::anchored(diff::REGION_EXACT_LIMIT));
    for region in line_regions(old, new) {
        match region {
            Region::Same(range) => engine.spans.push(Op::Equal, range),
            Region::Changed { old, new } => engine.words(old, new),
        }
    }
    engine.finish()
}

/// The state of one redline, kept across the regions of a large draft so
/// that tokens keep their ids and buffers are reused.
struct Engine<'a> {
    interner: Interner<'a>,
    differ: Differ,
    old: Side<'a>,
    new: Side<'a>,
    runs: Vec<Run>,
    scratch: Vec<Run>,
    spans: Spans<'a>,
}

impl<'a> Engine<'a> {
    fn new(old: &'a str, new: &'a str, differ: Differ) -> Self {
        Engine {
            interner: Interner::default(),
            differ,
            old: Side::new(old),
            new: Side::new(new),
            runs: Vec::new(),
            scratch: Vec::new(),
            spans: Spans::new(old, new),
        }
    }

    /// Word-level redline of one region (byte ranges of the two texts),
    /// appended to the spans.
    fn words(&mut self, o: Range<usize>, n: Range<usize>) {
        let (old, new) = (self.spans.old_text(), self.spans.new_text());
        let (prefix, suffix) = shared_ends(&old[o.clone()], &new[n.clone()]);
        self.spans.push(Op::Equal, o.start..o.start + prefix);
        let old_middle = o.start + prefix..o.end - suffix;
        let new_middle = n.start + prefix..n.end - suffix;
        self.old.scan(old_middle, &mut self.interner);
        self.new.scan(new_middle, &mut self.interner);
        self.differ
            .diff_ids(&self.old.ids, &self.new.ids, &mut self.runs);
        slide::slide(&self.old, &self.new, &mut self.runs, &mut self.scratch);
        emit(&self.old, &self.new, &self.runs, &mut self.spans);
        self.spans.push(Op::Equal, o.end - suffix..o.end);
    }

    fn finish(self) -> Redline {
        Redline {
            spans: self.spans.finish(),
        }
    }
}

impl Redline {
    /// Words deleted, inserted and kept; see [`Stat`].
    pub fn stat(&self) -> Stat {
        stat::stat(&self.spans)
    }

    /// Whether the two texts are identical.
    pub fn is_unchanged(&self) -> bool {
        self.spans.iter().all(|s| s.op == Op::Equal)
    }

    /// The old text: equal and deleted spans.
    pub fn old_text(&self) -> String {
        self.text_without(Op::Insert)
    }

    /// The new text: equal and inserted spans.
    pub fn new_text(&self) -> String {
        self.text_without(Op::Delete)
    }

    fn text_without(&self, skip: Op) -> String {
        self.spans
            .iter()
            .filter(|s| s.op != skip)
            .map(|s| s.text.as_str())
            .collect()
    }
}
