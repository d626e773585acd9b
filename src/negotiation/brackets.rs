//! Square brackets: the negotiators' mark for wording not yet agreed.
//!
//! `[...]` passages may nest (`[Partners [agree / note]]`). [`scan`] finds
//! every passage with its depth, and every bracket without a partner, so the
//! Chair can see what is still open and a typing slip cannot hide a passage.

use std::ops::Range;

/// What [`scan`] found in a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brackets {
    /// Every balanced passage, brackets included, in order of its `[`.
    pub passages: Vec<Passage>,
    /// Every bracket without a partner, in text order.
    pub strays: Vec<Stray>,
}

/// One bracketed passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Bytes of the passage, `[` and `]` included.
    pub range: Range<usize>,
    /// 1 for an outermost passage, 2 for one inside it, ...
    pub depth: usize,
}

/// A bracket that opens and never closes, or closes what never opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stray {
    /// Byte offset of the bracket.
    pub at: usize,
    pub kind: StrayKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrayKind {
    /// `[` with no `]` after it.
    Unclosed,
    /// `]` with no `[` before it.
    Unopened,
}

impl Brackets {
    /// Nothing bracketed and nothing stray: the text is clean.
    pub fn is_clean(&self) -> bool {
        self.passages.is_empty() && self.strays.is_empty()
    }

    /// Outermost passages: the count negotiators mean by "brackets left".
    pub fn outermost(&self) -> impl Iterator<Item = &Passage> {
        self.passages.iter().filter(|p| p.depth == 1)
    }
}

impl std::fmt::Display for StrayKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StrayKind::Unclosed => "'[' is never closed",
            StrayKind::Unopened => "']' closes nothing",
        })
    }
}

/// Finds the bracketed passages and stray brackets of `text`.
pub fn scan(text: &str) -> Brackets {
    let mut found = Brackets::default();
    let mut open: Vec<usize> = Vec::new();
    for (at, c) in text.char_indices() {
        match c {
            '[' => open.push(at),
            ']' => match open.pop() {
                Some(start) => found.passages.push(Passage {
                    range: start..at + 1,
                    depth: open.len() + 1,
                }),
                None => found.strays.push(Stray {
                    at,
                    kind: StrayKind::Unopened,
                }),
            },
            _ => {}
        }
    }
    found.strays.extend(open.into_iter().map(|at| Stray {
        at,
        kind: StrayKind::Unclosed,
    }));
    found.strays.sort_by_key(|s| s.at);
    found.passages.sort_by_key(|p| p.range.start);
    found
}

/// 1-based line and column (in characters) of byte `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_passages_have_depths() {
        let text = "Partners [agree [to / on]] and [note].";
        let found = scan(text);
        let passages: Vec<_> = found
            .passages
            .iter()
            .map(|p| (&text[p.range.clone()], p.depth))
            .collect();
        assert_eq!(
            passages,
            [("[agree [to / on]]", 1), ("[to / on]", 2), ("[note]", 1)]
        );
        assert_eq!(found.outermost().count(), 2);
        assert!(found.strays.is_empty());
    }

    #[test]
    fn strays_are_found_in_text_order() {
        let found = scan("a] [b [c]");
        let strays: Vec<_> = found.strays.iter().map(|s| (s.at, s.kind)).collect();
        assert_eq!(strays, [(1, StrayKind::Unopened), (3, StrayKind::Unclosed)]);
        assert_eq!(found.passages.len(), 1);
        assert!(!found.is_clean());
        assert!(scan("no brackets here").is_clean());
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "première ligne\nsé[cond";
        let at = text.find('[').unwrap();
        assert_eq!(line_col(text, at), (2, 3));
        assert_eq!(line_col(text, 0), (1, 1));
    }
}
