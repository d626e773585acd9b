//! Splitting draft text into words, whitespace runs and marks.
//!
//! A redline is only as good as its tokens: a changed comma must show as a
//! changed comma, not as a changed word, and "non-Partner" must not be three
//! changes when it becomes "non-member". The rules, in order:
//!
//! - **Whitespace runs** (spaces, tabs, line feeds, carriage returns, and the
//!   Unicode spaces such as NBSP) are one token each. They are never diffed as
//!   words, see [`crate::redline`].
//! - **Control and invisible format characters** (NUL, ESC, VT, FF, DEL, C1
//!   controls, bidi overrides, zero-width space, BOM, ...) are a token each,
//!   so a smuggled control shows as a change of its own. Tab, LF and CR are
//!   whitespace instead.
//! - **Words** are runs of letters and digits of any script, with the
//!   combining marks that follow them. A word keeps an inner hyphen or
//!   apostrophe when a letter or digit follows it ("non-Partner",
//!   "Regime's", "2009-11-09"), an apostrophe after a final `s`
//!   ("Partners'"), and a `.` or `,` between two digits ("1.5", "10,000"), so
//!   numbers and dates change as one word.
//! - **Han ideographs and Hiragana** are a word each: Chinese and Japanese
//!   are written without spaces, and a whole sentence as one "word" would
//!   turn a one-character change into a rewritten sentence.
//! - **Everything else** (punctuation, quotes, brackets, symbols, emoji) is
//!   a token per grapheme cluster, so an added `[` shows as exactly that.
//!
//! Tokens are slices of the input: concatenated they give back the input,
//! byte for byte, whatever it holds.

use std::ops::Range;

use unicode_segmentation::GraphemeCursor;

use crate::sanitize::is_invisible_format;

/// What a token is, for the diff and for counting words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits (and their joiners and marks).
    Word,
    /// A run of whitespace: re-attached around the diffed words, never diffed.
    Space,
    /// Punctuation, symbol, control or format character: diffed like a word.
    Mark,
}

/// Splits `text` into tokens that concatenate to `text`.
///
/// ```
/// use plenary::redline::tokenize;
/// assert_eq!(
///     tokenize("the non-Partners' list, [1.5]"),
///     ["the", " ", "non-Partners'", " ", "list", ",", " ", "[", "1.5", "]"],
/// );
/// ```
pub fn tokenize(text: &str) -> Vec<&str> {
    tokens(text).map(|(range, _)| &text[range]).collect()
}

/// The number of words in `text`, as the redline counts them: every word
/// and every punctuation mark (or other non-whitespace token) is one;
/// whitespace never counts. A changed comma is a changed word.
pub fn count_words(text: &str) -> usize {
    let mut tokens = tokens(text);
    std::iter::from_fn(|| tokens.next_word()).count()
}

/// The tokens of `text` with their byte ranges and kinds.
pub(crate) fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// Iterator behind [`tokenize`]; see the module docs for the rules.
pub(crate) struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Tokens<'_> {
    type Item = (Range<usize>, Kind);

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.pos;
        let &byte = self.text.as_bytes().get(start)?;
        // ASCII first: no char decoding for the bulk of most drafts.
        let (end, kind) = match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (self.word_end(start), Kind::Word),
            b' ' | b'\t' | b'\n' | b'\r' => self.space_end(start),
            0..0x80 => (self.extenders_end(start + 1), Kind::Mark),
            _ => self.non_ascii(start),
        };
        self.pos = end;
        Some((start..end, kind))
    }
}

impl Tokens<'_> {
    /// The next token that is not whitespace: the same tokens as
    /// [`Iterator::next`] gives, less the whitespace runs, which it skips
    /// without building them (the diff never looks at them).
    pub(crate) fn next_word(&mut self) -> Option<(Range<usize>, Kind)> {
        let bytes = self.text.as_bytes();
        let from = self.pos;
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.pos) {
            self.pos += 1;
        }
        if self.pos > from && bytes.get(self.pos).is_some_and(|b| !b.is_ascii()) {
            self.pos -= 1; // a space before a combining mark may join it
        }
        loop {
            let (range, kind) = self.next()?;
            if kind != Kind::Space {
                return Some((range, kind));
            }
        }
    }

    /// The token at `start`, which begins with a non-ASCII character.
    fn non_ascii(&self, start: usize) -> (usize, Kind) {
        let Some(first) = self.text[start..].chars().next() else {
            return (start, Kind::Mark);
        };
        match class(first) {
            Class::Space => self.space_end(start),
            Class::Word => (self.word_end(start), Kind::Word),
            Class::Ideograph | Class::Mark => (
                self.extenders_end(start + first.len_utf8()),
                class_kind(first),
            ),
        }
    }
}

/// The class of a token's first character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Ideograph,
    Space,
    Mark,
}

fn class_kind(c: char) -> Kind {
    if class(c) == Class::Ideograph {
        Kind::Word
    } else {
        Kind::Mark
    }
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => Class::Word,
            ' ' | '\t' | '\n' | '\r' => Class::Space,
            _ => Class::Mark,
        };
    }
    if c.is_control() || is_invisible_format(c) {
        Class::Mark
    } else if c.is_whitespace() {
        Class::Space
    } else if is_ideograph(c) {
        Class::Ideograph
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Mark
    }
}

/// Han ideographs, Hiragana and their iteration marks: one word each.
fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3007}' | '\u{3021}'..='\u{3029}' | '\u{3038}'..='\u{303B}'
        | '\u{3040}'..='\u{309F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Letters and digits that continue a word (not ideographs, which stand alone).
fn is_word_char(c: char) -> bool {
    class(c) == Class::Word
}

/// Hyphens and apostrophes that a word keeps when a letter follows.
fn is_inner_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2010}' | '\u{2011}' | '\u{2019}')
}

impl Tokens<'_> {
    /// End of the word starting at `start`.
    fn word_end(&self, start: usize) -> usize {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut at = start;
        loop {
            at = ascii_alphanumeric_end(bytes, at);
            let Some(&byte) = bytes.get(at) else {
                return at;
            };
            if byte.is_ascii() {
                if !matches!(byte, b'-' | b'\'' | b'.' | b',') {
                    return at; // whitespace or a mark that never joins
                }
                if let Some(keep) = ascii_joins(bytes, start, at) {
                    if !keep {
                        return at;
                    }
                    at += 1;
                    continue;
                }
            }
            let Some(c) = text[at..].chars().next() else {
                return at;
            };
            let last = text[start..at].chars().next_back();
            let next = text[at + c.len_utf8()..].chars().next();
            let keep = is_word_char(c)
                || last.is_some_and(|last| joins(last, c, next))
                || (at > start && extends_previous(text, at, c));
            if !keep {
                return at;
            }
            at += c.len_utf8();
        }
    }

    /// End of the whitespace run at `start`. A space followed by a combining
    /// mark belongs with the mark: the pair becomes a mark token of its own,
    /// so no whitespace token ever holds a non-whitespace character.
    fn space_end(&self, start: usize) -> (usize, Kind) {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let (mut at, mut last_start) = (start, start);
        loop {
            while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(at) {
                (last_start, at) = (at, at + 1);
            }
            if bytes.get(at).is_none_or(u8::is_ascii) {
                return (at, Kind::Space);
            }
            let Some(c) = text[at..].chars().next() else {
                return (at, Kind::Space);
            };
            if at > start && extends_previous(text, at, c) {
                if last_start > start {
                    return (last_start, Kind::Space);
                }
                return (self.extenders_end(at), Kind::Mark);
            }
            if class(c) != Class::Space {
                return (at, Kind::Space);
            }
            (last_start, at) = (at, at + c.len_utf8());
        }
    }

    /// End of the combining marks (and other grapheme extenders) from `at`.
    fn extenders_end(&self, at: usize) -> usize {
        let text = self.text;
        if text.as_bytes().get(at).is_none_or(u8::is_ascii) {
            return at; // extenders are never ASCII
        }
        for (offset, c) in text[at..].char_indices() {
            if !extends_previous(text, at + offset, c) {
                return at + offset;
            }
        }
        text.len()
    }
}

/// The end of the run of ASCII letters and digits at `at`: the bulk of a
/// draft's bytes, so it checks eight at a time (a branch per byte that
/// mispredicts at every word's end costs more than the check itself).
fn ascii_alphanumeric_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let stops = !alphanumeric_bytes(u64::from_le_bytes(word)) & splat(0x80);
        if stops != 0 {
            return at + stops.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        at += 1;
    }
    at
}

/// `b` in every byte of a `u64`.
const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// Bit 7 set in each byte of `word` that is an ASCII letter or digit.
/// Each sum stays below 0x100 per byte, so no carry crosses bytes.
fn alphanumeric_bytes(word: u64) -> u64 {
    let ascii = !word & splat(0x80);
    let low = word & splat(0x7f);
    let in_range =
        |x: u64, lo: u8, hi: u8| (x + splat(0x80 - lo)) & !(x + splat(0x7f - hi)) & splat(0x80);
    let digit = in_range(low, b'0', b'9');
    let letter = in_range(low | splat(0x20), b'a', b'z');
    (digit | letter) & ascii
}

/// [`joins`] for an ASCII joiner at `at` between ASCII neighbours, without
/// decoding characters; `None` when a neighbour is not ASCII.
fn ascii_joins(bytes: &[u8], start: usize, at: usize) -> Option<bool> {
    let last = *bytes.get(at.checked_sub(1)?).filter(|_| at > start)?;
    let next = bytes.get(at + 1).copied();
    if !last.is_ascii() || next.is_some_and(|n| !n.is_ascii()) {
        return None;
    }
    let next_is_word = next.is_some_and(|n| n.is_ascii_alphanumeric());
    Some(match bytes[at] {
        b'-' => next_is_word,
        b'\'' => next_is_word || matches!(last, b's' | b'S'),
        _ => last.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
    })
}

/// Whether `c` (joiner candidate after `last`, before `next`) stays in the word.
fn joins(last: char, c: char, next: Option<char>) -> bool {
    let next_is_word = next.is_some_and(is_word_char);
    if is_inner_joiner(c) && next_is_word {
        return true;
    }
    if matches!(c, '\'' | '\u{2019}') && matches!(last, 's' | 'S') && !next_is_word {
        return true; // "Partners'"
    }
    matches!(c, '.' | ',') && last.is_numeric() && next.is_some_and(char::is_numeric)
}

/// Whether the character `c` at byte `at` continues the grapheme cluster
/// before it (a combining mark, a variation selector, a ZWJ sequence).
/// ASCII characters never do, which keeps the common case fast.
fn extends_previous(text: &str, at: usize, c: char) -> bool {
    if c.is_ascii() || at == 0 {
        return false;
    }
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    matches!(cursor.is_boundary(text, 0), Ok(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_of_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("non-Partner", &["non-Partner"]),
            ("the Regime's", &["the", " ", "Regime's"]),
            ("Partners' list", &["Partners'", " ", "list"]),
            ("'quoted'", &["'", "quoted", "'"]),
            ("\"x\",y", &["\"", "x", "\"", ",", "y"]),
            (
                "1.5 and 2009-11-09.",
                &["1.5", " ", "and", " ", "2009-11-09", "."],
            ),
            ("end.Start", &["end", ".", "Start"]),
            ("well -known", &["well", " ", "-", "known"]),
            ("a--b", &["a", "-", "-", "b"]),
            ("café naïve", &["café", " ", "naïve"]),
            ("cafe\u{301} x", &["cafe\u{301}", " ", "x"]),
            ("Договор сторон", &["Договор", " ", "сторон"]),
            ("気候変動", &["気", "候", "変", "動"]),
            ("テスト。", &["テスト", "。"]),
            ("a\u{1b}[31mb", &["a", "\u{1b}", "[", "31mb"]),
            ("a\0\0b", &["a", "\0", "\0", "b"]),
            ("x\u{202E}y", &["x", "\u{202E}", "y"]),
            (" \t\r\n  x", &[" \t\r\n  ", "x"]),
            ("a \u{301}b", &["a", " \u{301}", "b"]),
            ("a  \u{301}b", &["a", " ", " \u{301}", "b"]),
            ("👨\u{200D}👩\u{200D}👧!", &["👨\u{200D}👩\u{200D}👧", "!"]),
            ("[a]", &["[", "a", "]"]),
        ];
        for (input, expected) in cases {
            assert_eq!(tokenize(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn alphanumeric_runs_match_the_byte_by_byte_check() {
        let all: Vec<u8> = (0..=255u8).collect();
        for start in 0..all.len() {
            let slow = start
                + all[start..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
            assert_eq!(ascii_alphanumeric_end(&all, start), slow, "{start}");
        }
        let text = b"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ@";
        assert_eq!(ascii_alphanumeric_end(text, 0), text.len() - 1);
    }

    #[test]
    fn kinds_and_counts() {
        let kinds: Vec<Kind> = tokens("a, b\u{0}").map(|(_, k)| k).collect();
        assert_eq!(
            kinds,
            [Kind::Word, Kind::Mark, Kind::Space, Kind::Word, Kind::Mark]
        );
        assert_eq!(count_words("Partners agree, (a) 1.5 \n"), 7);
        assert_eq!(count_words("  \n\t"), 0);
    }
}
