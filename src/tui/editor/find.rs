//! Finding a phrase in the draft, ignoring case.
//!
//! Case is folded char by char with the simple lowercase mapping (the first
//! char of `char::to_lowercase`: "İ" folds to "i"), so a match has exactly the
//! chars of the text it covers and its range can be highlighted as is. A
//! match must start and end on cluster boundaries: "e" does not match the "e"
//! inside "e\u{301}" (é), and the cursor never lands inside a cluster.
//!
//! The search scans the rope once from the cursor to the end and then from
//! the start, with the Knuth–Morris–Pratt automaton: linear in the draft,
//! without copying it.

use std::ops::Range;

use ropey::Rope;

use super::Editor;

/// The last phrase looked for and where it was found.
#[derive(Clone, Debug, Default)]
pub(super) struct Search {
    needle: Option<Needle>,
    found: Option<Range<usize>>,
}

impl Search {
    /// Drops the found range, which an edit makes stale.
    pub(super) fn forget_match(&mut self) {
        self.found = None;
    }
}

impl Editor {
    /// Looks for `needle`, ignoring case, from the cursor on, wrapping around
    /// at the end; on success moves the cursor to the match's start. An empty
    /// needle finds nothing.
    pub fn find(&mut self, needle: &str) -> bool {
        self.search.needle = Needle::new(needle);
        self.find_from(self.cursor)
    }

    /// Looks for the last needle again, after the current match (or from the
    /// cursor, if it has moved away from the match).
    pub fn find_next(&mut self) -> bool {
        let from = match &self.search.found {
            Some(found) if found.start == self.cursor => found.end,
            _ => self.cursor,
        };
        self.find_from(from)
    }

    /// The chars of the last match, to highlight; `None` after an edit or a
    /// failed search.
    pub fn selection_match(&self) -> Option<Range<usize>> {
        self.search.found.clone()
    }

    fn find_from(&mut self, from: usize) -> bool {
        let found = self.search.needle.as_ref().and_then(|needle| {
            let on_boundaries =
                |m: &Range<usize>| self.buf.is_boundary(m.start) && self.buf.is_boundary(m.end);
            needle.find(self.buf.rope(), from, on_boundaries)
        });
        self.search.found = found.clone();
        match found {
            Some(found) => {
                self.set_cursor(found.start);
                true
            }
            None => false,
        }
    }
}

/// A folded phrase ready to be searched for.
#[derive(Clone, Debug)]
pub(super) struct Needle {
    chars: Vec<char>,
    /// KMP failure table: longest proper border of `chars[..=i]`.
    border: Vec<usize>,
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

impl Needle {
    /// `None` for an empty phrase, which matches nothing.
    pub(super) fn new(phrase: &str) -> Option<Needle> {
        let chars: Vec<char> = phrase.chars().map(fold).collect();
        if chars.is_empty() {
            return None;
        }
        let mut border = vec![0; chars.len()];
        let mut k = 0;
        for i in 1..chars.len() {
            while k > 0 && chars[i] != chars[k] {
                k = border[k - 1];
            }
            if chars[i] == chars[k] {
                k += 1;
            }
            border[i] = k;
        }
        Some(Needle { chars, border })
    }

    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }

    /// The first match starting at or after `from` (wrapping around to the
    /// start of the text) that `accept` agrees to.
    pub(super) fn find(
        &self,
        rope: &Rope,
        from: usize,
        accept: impl Fn(&Range<usize>) -> bool,
    ) -> Option<Range<usize>> {
        let from = from.min(rope.len_chars());
        let to_end = rope.chars_at(from);
        // Matches starting before `from` end before `from + len - 1`.
        let wrapped_len = (from + self.len()).saturating_sub(1).min(rope.len_chars());
        let wrapped = rope.chars().take(wrapped_len);
        self.scan(to_end, from, &accept)
            .or_else(|| self.scan(wrapped, 0, &accept).filter(|m| m.start < from))
    }

    /// Runs the automaton over `text`, whose first char is char `offset`.
    fn scan(
        &self,
        text: impl Iterator<Item = char>,
        offset: usize,
        accept: &impl Fn(&Range<usize>) -> bool,
    ) -> Option<Range<usize>> {
        let mut k = 0;
        for (i, c) in text.enumerate() {
            let c = fold(c);
            while k > 0 && c != self.chars[k] {
                k = self.border[k - 1];
            }
            if c == self.chars[k] {
                k += 1;
            }
            if k == self.len() {
                let end = offset + i + 1;
                let found = end - self.len()..end;
                if accept(&found) {
                    return Some(found);
                }
                k = self.border[k - 1];
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, phrase: &str, from: usize) -> Option<Range<usize>> {
        Needle::new(phrase)?.find(&Rope::from_str(text), from, |_| true)
    }

    #[test]
    fn finds_ignoring_case_from_the_cursor() {
        let text = "The Parties agree. the parties AGREE.";
        assert_eq!(find(text, "parties", 0), Some(4..11));
        assert_eq!(find(text, "parties", 5), Some(23..30));
        assert_eq!(find(text, "agree", 32), Some(12..17));
        assert_eq!(find(text, "ÉTATS", 0), None);
        assert_eq!(find("Les États", "états", 0), Some(4..9));
        assert_eq!(find("İstanbul", "istanbul", 0), Some(0..8));
        assert_eq!(find(text, "", 0), None);
    }

    #[test]
    fn wrapping_finds_a_match_just_before_the_cursor() {
        assert_eq!(find("abcabc", "abc", 4), Some(0..3));
        assert_eq!(find("xxabc", "abc", 3), Some(2..5));
        assert_eq!(find("abc", "abc", 3), Some(0..3));
        assert_eq!(find("abc", "abcd", 0), None);
    }

    #[test]
    fn overlapping_and_repeated_patterns() {
        assert_eq!(find("aaab", "aab", 0), Some(1..4));
        assert_eq!(find("abababc", "ababc", 0), Some(2..7));
    }

    #[test]
    fn rejected_matches_are_skipped() {
        let rope = Rope::from_str("ab ab ab");
        let needle = Needle::new("ab").map(|n| n.find(&rope, 0, |m| m.start != 3));
        assert_eq!(needle, Some(Some(0..2)));
        let second = Needle::new("ab").map(|n| n.find(&rope, 1, |m| m.start != 3));
        assert_eq!(second, Some(Some(6..8)));
    }
}
