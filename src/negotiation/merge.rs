//! Three-way word merge: several texts made against one base, combined.
//!
//! Each side's changes to the base are taken from its redline (so a change
//! is a run of whole words, and changes separated only by whitespace are one
//! change, exactly as a negotiator sees them on screen). Changes from
//! different sides that touch different words of the base simply combine.
//! Where they overlap, the sides that want the same wording agree; if they
//! want different wordings, the passage becomes a bracketed alternative in
//! the negotiators' convention:
//!
//! ```text
//! [France: standing committee / Germany: ad hoc working group]
//! ```
//!
//! and is reported as a [`Conflict`], so nothing is ever silently dropped.
//!
//! Two changes overlap when they share a base word, or when one is a pure
//! insertion at the edge of (or at the same place as) the other: the order
//! of the two would be a guess.

use std::ops::Range;

use crate::redline::{Op, redline};

/// One text to merge, with the name it goes by in brackets and messages
/// (a Partner, a proposal id, "version 3").
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub label: &'a str,
    pub text: &'a str,
}

/// The merged text and the passages where sides disagreed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The base with every change applied; each conflict appears in it as
    /// a bracketed alternative.
    pub text: String,
    pub conflicts: Vec<Conflict>,
}

/// A passage of the base that sides changed in different ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The base's wording of the passage.
    pub base: String,
    /// Each distinct wording, with the sides that want it, in side order.
    pub alternatives: Vec<Alternative>,
    /// Where the bracketed passage is in [`Merged::text`] (bytes).
    pub at: Range<usize>,
}

/// One wording of a conflicting passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    pub labels: Vec<String>,
    pub text: String,
}

/// What an alternative that deletes the passage reads as, in brackets.
pub const DELETE: &str = "(delete)";

impl Conflict {
    /// The bracketed passage: `[France: x / Germany, Japan: y]`.
    pub fn bracketed(&self) -> String {
        let alternatives: Vec<String> = self
            .alternatives
            .iter()
            .map(|a| {
                let text = a.text.trim();
                let text = if text.is_empty() { DELETE } else { text };
                format!("{}: {text}", a.labels.join(", "))
            })
            .collect();
        format!("[{}]", alternatives.join(" / "))
    }
}

/// A side's change: base bytes `range` become `with`.
#[derive(Debug, Clone)]
struct Change {
    side: usize,
    range: Range<usize>,
    with: String,
}

/// Merges `sides`, each made against `base`; see the module docs.
pub fn merge(base: &str, sides: &[Side]) -> Merged {
    let mut changes: Vec<Change> = sides
        .iter()
        .enumerate()
        .flat_map(|(side, s)| changes_of(side, base, s.text))
        .collect();
    changes.sort_by_key(|c| (c.range.start, c.range.end, c.side));

    let mut out = Merged {
        text: String::with_capacity(base.len()),
        conflicts: Vec::new(),
    };
    let mut done = 0;
    for cluster in clusters(&changes) {
        let span = cluster_span(cluster);
        out.text.push_str(&base[done..span.start]);
        done = span.end;
        let wordings = wordings(base, &span, cluster, sides);
        if let [only] = wordings.as_slice() {
            out.text.push_str(&only.text);
            continue;
        }
        let mut conflict = Conflict {
            base: base[span].to_string(),
            alternatives: wordings,
            at: 0..0,
        };
        let (lead, trail) = shared_blank_ends(&conflict.alternatives);
        out.text.push_str(&lead);
        let start = out.text.len();
        out.text.push_str(&conflict.bracketed());
        conflict.at = start..out.text.len();
        out.text.push_str(&trail);
        out.conflicts.push(conflict);
    }
    out.text.push_str(&base[done..]);
    out
}

/// The changes `text` makes to `base`, from their redline.
fn changes_of(side: usize, base: &str, text: &str) -> Vec<Change> {
    let mut changes: Vec<Change> = Vec::new();
    let mut at = 0;
    let mut open: Option<Change> = None;
    for span in redline(base, text).spans {
        match span.op {
            Op::Equal => {
                changes.extend(open.take());
                at += span.text.len();
            }
            Op::Delete => {
                let change = open.get_or_insert_with(|| empty_change(side, at));
                at += span.text.len();
                change.range.end = at;
            }
            Op::Insert => {
                let change = open.get_or_insert_with(|| empty_change(side, at));
                change.with.push_str(&span.text);
            }
        }
    }
    changes.extend(open);
    changes
}

fn empty_change(side: usize, at: usize) -> Change {
    Change {
        side,
        range: at..at,
        with: String::new(),
    }
}

/// Whether a change that comes later in base order than `span` overlaps it.
fn overlaps(span: &Range<usize>, next: &Range<usize>) -> bool {
    let insertion = span.is_empty() || next.is_empty();
    next.start < span.end || (insertion && next.start == span.end)
}

/// Splits sorted `changes` into maximal runs of overlapping changes.
fn clusters(changes: &[Change]) -> Vec<&[Change]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut span: Option<Range<usize>> = None;
    for (i, change) in changes.iter().enumerate() {
        match &mut span {
            Some(s) if overlaps(s, &change.range) => s.end = s.end.max(change.range.end),
            _ => {
                if span.is_some() {
                    out.push(&changes[start..i]);
                }
                start = i;
                span = Some(change.range.clone());
            }
        }
    }
    if span.is_some() {
        out.push(&changes[start..]);
    }
    out
}

fn cluster_span(cluster: &[Change]) -> Range<usize> {
    let start = cluster[0].range.start;
    let end = cluster.iter().map(|c| c.range.end).max().unwrap_or(start);
    start..end
}

/// Each side's wording of base `span`, grouped when equal, in side order.
fn wordings(
    base: &str,
    span: &Range<usize>,
    cluster: &[Change],
    sides: &[Side],
) -> Vec<Alternative> {
    let mut involved: Vec<usize> = cluster.iter().map(|c| c.side).collect();
    involved.sort_unstable();
    involved.dedup();
    let mut out: Vec<Alternative> = Vec::new();
    for side in involved {
        let text = apply(base, span, cluster.iter().filter(|c| c.side == side));
        let label = sides[side].label.to_string();
        match out.iter_mut().find(|a| a.text == text) {
            Some(same) => same.labels.push(label),
            None => out.push(Alternative {
                labels: vec![label],
                text,
            }),
        }
    }
    out
}

/// Base `span` with one side's changes in it applied.
fn apply<'c>(base: &str, span: &Range<usize>, changes: impl Iterator<Item = &'c Change>) -> String {
    let mut out = String::new();
    let mut at = span.start;
    for change in changes {
        out.push_str(&base[at..change.range.start]);
        out.push_str(&change.with);
        at = change.range.end;
    }
    out.push_str(&base[at..span.end]);
    out
}

/// Whitespace every wording starts (ends) with: it stays outside the
/// brackets, so `a [x / y] b` keeps its spaces. A wording that deletes the
/// passage has none and does not count.
fn shared_blank_ends(alternatives: &[Alternative]) -> (String, String) {
    let worded = || {
        alternatives
            .iter()
            .map(|a| a.text.as_str())
            .filter(|t| !t.trim().is_empty())
    };
    let lead = worded()
        .map(|t| &t[..t.len() - t.trim_start().len()])
        .min_by_key(|s| s.len())
        .unwrap_or("");
    let trail = worded()
        .map(|t| &t[t.trim_end().len()..])
        .min_by_key(|s| s.len())
        .unwrap_or("");
    (lead.to_string(), trail.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "Partners agree to establish an ad hoc working group of experts.";

    fn sides<'a>(texts: &[(&'a str, &'a str)]) -> Vec<Side<'a>> {
        texts
            .iter()
            .map(|&(label, text)| Side { label, text })
            .collect()
    }

    #[test]
    fn disjoint_edits_combine() {
        let merged = merge(
            BASE,
            &sides(&[
                (
                    "France",
                    "All Partners agree to establish an ad hoc working group of experts.",
                ),
                (
                    "Germany",
                    "Partners agree to establish an ad hoc working group of technical experts.",
                ),
            ]),
        );
        assert_eq!(
            merged.text,
            "All Partners agree to establish an ad hoc working group of technical experts."
        );
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn overlapping_edits_become_bracketed_alternatives() {
        let merged = merge(
            BASE,
            &sides(&[
                (
                    "France",
                    "Partners agree to establish a standing committee of experts.",
                ),
                (
                    "Germany",
                    "Partners agree to establish an intersessional group of experts.",
                ),
            ]),
        );
        assert_eq!(
            merged.text,
            "Partners agree to establish [France: a standing committee / \
             Germany: an intersessional group] of experts."
        );
        let [conflict] = merged.conflicts.as_slice() else {
            panic!("one conflict expected: {merged:?}")
        };
        assert_eq!(conflict.base, "an ad hoc working group");
        assert_eq!(&merged.text[conflict.at.clone()], conflict.bracketed());
    }

    #[test]
    fn the_same_change_from_two_sides_is_taken_once() {
        let same = "Partners agree to establish a working group of experts.";
        let merged = merge(BASE, &sides(&[("France", same), ("Germany", same)]));
        assert_eq!(merged.text, same);
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn equal_wordings_share_an_alternative_and_deletions_say_so() {
        let merged = merge(
            "Partners note the list. Partners agree.",
            &sides(&[
                ("France", "Partners agree."),
                ("Germany", "Partners welcome the list. Partners agree."),
                ("Japan", "Partners agree."),
            ]),
        );
        assert_eq!(merged.conflicts.len(), 1, "{merged:?}");
        let labels: Vec<_> = merged.conflicts[0]
            .alternatives
            .iter()
            .map(|a| a.labels.join("+"))
            .collect();
        assert_eq!(labels, ["France+Japan", "Germany"]);
        assert_eq!(
            merged.text,
            "Partners [France, Japan: (delete) / Germany: welcome the list. Partners] agree."
        );
    }

    #[test]
    fn insertions_at_the_same_place_collide_unless_equal() {
        let merged = merge("a b", &sides(&[("France", "a x b"), ("Germany", "a y b")]));
        assert_eq!(merged.text, "a [France: x / Germany: y] b");
        let merged = merge("a b", &sides(&[("France", "a x b"), ("Germany", "a b c")]));
        assert_eq!(merged.text, "a x b c");
    }

    #[test]
    fn one_side_or_an_unchanged_side_gives_that_text() {
        let text = "Partners agree to establish a standing committee.";
        assert_eq!(merge(BASE, &sides(&[("France", text)])).text, text);
        let merged = merge(BASE, &sides(&[("France", text), ("Germany", BASE)]));
        assert_eq!(merged.text, text);
        assert_eq!(merge(BASE, &[]).text, BASE);
    }
}
