//! Grapheme clusters and their cells on screen.
//!
//! A reader sees "é", "👍🏽" or "🇫🇷" as one character, whatever the number
//! of code points behind it, so the cursor steps over, and Backspace removes,
//! whole extended grapheme clusters (UAX #29, via `unicode-segmentation`).
//! Clusters are found inside one paragraph at a time: the line feed ending a
//! paragraph is a cluster of its own, even after a carriage return, so a
//! stray CR is an ordinary (visible) character at the end of its paragraph.
//!
//! The functions here work on a paragraph's [`RopeSlice`] with char indices
//! relative to it, and cost O(log n) plus the cluster's own length: they look
//! at the chunks around the position only.
//!
//! A cluster's width on screen is the width of what is *drawn*: control and
//! invisible characters are drawn as the placeholders of
//! [`crate::sanitize`] (ESC as `␛`, one cell; U+202E as `<U+202E>`, eight), so
//! the cursor arithmetic here and the text in [`super::View`] always agree.
//! A tab reaches the next tab stop (every [`TAB_STOP`] cells, counted from the
//! start of its visual row) but never past the row's last cell.

use std::borrow::Cow;

use ropey::RopeSlice;
use ropey::iter::Chunks;
use unicode_segmentation::{GraphemeCursor, GraphemeIncomplete};
use unicode_width::UnicodeWidthStr;

use crate::sanitize::sanitize_inline;

/// Tab stops every four cells: drafts use tabs for light indentation only.
pub const TAB_STOP: usize = 4;

/// One cluster of a paragraph: its chars `start..end` and its text.
#[derive(Debug)]
pub(super) struct Grapheme<'a> {
    pub start: usize,
    pub end: usize,
    pub text: Cow<'a, str>,
}

/// Clusters of `par` from char `start` (a cluster boundary) to its end.
pub(super) struct Graphemes<'a> {
    par: RopeSlice<'a>,
    chunks: Chunks<'a>,
    chunk: &'a str,
    chunk_start: usize,
    cursor: GraphemeCursor,
    char_pos: usize,
}

impl<'a> Graphemes<'a> {
    pub(super) fn new(par: RopeSlice<'a>, start: usize) -> Self {
        let byte = par.char_to_byte(start);
        let (mut chunks, chunk_start, _, _) = par.chunks_at_byte(byte);
        let chunk = chunks.next().unwrap_or("");
        Graphemes {
            par,
            chunks,
            chunk,
            chunk_start,
            cursor: GraphemeCursor::new(byte, par.len_bytes(), true),
            char_pos: start,
        }
    }

    /// The common case, without the general algorithm: an ASCII char
    /// followed by another (or by the end) is a cluster of its own, as no
    /// ASCII char joins the next except CR before LF (UAX #29: GB3, GB999).
    fn ascii_cluster(&mut self, start: usize) -> Option<Grapheme<'a>> {
        let bytes = self.chunk.as_bytes();
        let at = start.checked_sub(self.chunk_start)?;
        let (&b, rest) = bytes.get(at..)?.split_first()?;
        let alone = match rest.first() {
            Some(&next) => next.is_ascii() && !(b == b'\r' && next == b'\n'),
            None => start + 1 == self.par.len_bytes(),
        };
        if !b.is_ascii() || !alone {
            return None;
        }
        self.cursor.set_cursor(start + 1);
        let start_char = self.char_pos;
        self.char_pos += 1;
        Some(Grapheme {
            start: start_char,
            end: self.char_pos,
            text: Cow::Borrowed(&self.chunk[at..at + 1]),
        })
    }

    /// The byte offset where the cluster starting at the cursor ends.
    ///
    /// `GraphemeCursor` counts a regional indicator twice when it decides a
    /// boundary exactly at the start of a chunk, after asking for context
    /// (unicode-segmentation 1.13), and would split a flag that ropey happened
    /// to store across two chunks. Such decisions are checked again with a
    /// fresh cursor, which also drops the wrong count.
    fn next_end(&mut self) -> Option<usize> {
        loop {
            let end = self.cursor_next_end()?;
            let len = self.par.len_bytes();
            if end != self.chunk_start || end >= len {
                return Some(end);
            }
            self.cursor = GraphemeCursor::new(end, len, true);
            if is_boundary_byte(self.par, end) {
                return Some(end);
            }
        }
    }

    fn cursor_next_end(&mut self) -> Option<usize> {
        loop {
            match self.cursor.next_boundary(self.chunk, self.chunk_start) {
                Ok(end) => return end,
                Err(GraphemeIncomplete::NextChunk) => {
                    self.chunk_start += self.chunk.len();
                    self.chunk = self.chunks.next()?;
                }
                Err(GraphemeIncomplete::PreContext(at)) => {
                    let (ctx, ctx_start, _, _) = self.par.chunk_at_byte(at - 1);
                    self.cursor
                        .provide_context(&ctx[..at - ctx_start], ctx_start);
                }
                Err(_) => return None,
            }
        }
    }
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = Grapheme<'a>;

    fn next(&mut self) -> Option<Grapheme<'a>> {
        let start_byte = self.cursor.cur_cursor();
        if let Some(ascii) = self.ascii_cluster(start_byte) {
            return Some(ascii);
        }
        let end_byte = self.next_end()?;
        let chunk_end = self.chunk_start + self.chunk.len();
        let text = if start_byte >= self.chunk_start && end_byte <= chunk_end {
            Cow::Borrowed(&self.chunk[start_byte - self.chunk_start..end_byte - self.chunk_start])
        } else {
            Cow::Owned(self.par.byte_slice(start_byte..end_byte).to_string())
        };
        let start = self.char_pos;
        self.char_pos += text.chars().count();
        Some(Grapheme {
            start,
            end: self.char_pos,
            text,
        })
    }
}

/// The cluster boundary before char `at` of `par` (0 stays 0).
pub(super) fn prev_boundary(par: RopeSlice, at: usize) -> usize {
    let byte = par.char_to_byte(at);
    let (mut chunk, mut chunk_byte, mut chunk_char, _) = par.chunk_at_byte(byte);
    let mut cursor = GraphemeCursor::new(byte, par.len_bytes(), true);
    loop {
        match cursor.prev_boundary(chunk, chunk_byte) {
            Ok(None) => return 0,
            Ok(Some(b)) => return chunk_char + chars_in(&chunk[..b - chunk_byte]),
            Err(GraphemeIncomplete::PrevChunk) => {
                (chunk, chunk_byte, chunk_char, _) = par.chunk_at_byte(chunk_byte - 1);
            }
            Err(GraphemeIncomplete::PreContext(at)) => {
                let (ctx, ctx_start, _, _) = par.chunk_at_byte(at - 1);
                cursor.provide_context(&ctx[..at - ctx_start], ctx_start);
            }
            Err(_) => return at.saturating_sub(1),
        }
    }
}

/// The cluster boundary after char `at` of `par` (the end stays the end).
pub(super) fn next_boundary(par: RopeSlice, at: usize) -> usize {
    Graphemes::new(par, at)
        .next()
        .map_or(par.len_chars(), |g| g.end)
}

/// Whether a cursor at char `at` of `par` sits between two clusters.
pub(super) fn is_boundary(par: RopeSlice, at: usize) -> bool {
    at == 0 || at >= par.len_chars() || is_boundary_byte(par, par.char_to_byte(at))
}

fn is_boundary_byte(par: RopeSlice, byte: usize) -> bool {
    let (chunk, chunk_byte, _, _) = par.chunk_at_byte(byte);
    let mut cursor = GraphemeCursor::new(byte, par.len_bytes(), true);
    loop {
        match cursor.is_boundary(chunk, chunk_byte) {
            Ok(answer) => return answer,
            Err(GraphemeIncomplete::PreContext(at)) => {
                let (ctx, ctx_start, _, _) = par.chunk_at_byte(at - 1);
                cursor.provide_context(&ctx[..at - ctx_start], ctx_start);
            }
            Err(_) => return true,
        }
    }
}

fn chars_in(s: &str) -> usize {
    s.chars().count()
}

/// Cells taken by `cluster` drawn at cell `col` of a row `width` cells wide.
pub(super) fn cells(cluster: &str, col: usize, width: usize) -> usize {
    match cluster.as_bytes() {
        [b'\t'] => tab_cells(col, width),
        [b] if b.is_ascii_graphic() || *b == b' ' => 1,
        _ => sanitize_inline(cluster).width(),
    }
}

/// A tab fills up to the next tab stop, or to the row's end if that comes
/// first; at or past the end it takes one cell, so that it wraps.
fn tab_cells(col: usize, width: usize) -> usize {
    let to_stop = TAB_STOP - col % TAB_STOP;
    match width.checked_sub(col) {
        Some(left) if left > 0 => to_stop.min(left),
        _ => 1,
    }
}

/// Appends what is drawn for `cluster` at `col`: tabs as spaces, control
/// characters as their placeholders.
pub(super) fn draw(cluster: &str, col: usize, width: usize, out: &mut String) {
    if cluster == "\t" {
        out.extend(std::iter::repeat_n(' ', tab_cells(col, width)));
    } else if cluster.len() == 1 && cluster.as_bytes()[0].is_ascii_graphic() || cluster == " " {
        out.push_str(cluster);
    } else {
        out.push_str(&sanitize_inline(cluster));
    }
}

/// Whether a row may break after `cluster`: breaking spaces and tabs, not
/// no-break spaces nor controls that happen to be whitespace.
pub(super) fn is_break_space(cluster: &str) -> bool {
    cluster.chars().next().is_some_and(|c| {
        c == ' '
            || c == '\t'
            || (c.is_whitespace()
                && !c.is_control()
                && !matches!(
                    c,
                    '\u{A0}' | '\u{2007}' | '\u{202F}' | '\u{2028}' | '\u{2029}'
                ))
    })
}

/// Whether `cluster` is part of a word for word-wise movement and deletion.
pub(super) fn is_word(cluster: &str) -> bool {
    cluster
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use ropey::Rope;

    fn clusters(text: &str, from: usize) -> Vec<String> {
        let rope = Rope::from_str(text);
        Graphemes::new(rope.slice(..), from)
            .map(|g| g.text.into_owned())
            .collect()
    }

    #[test]
    fn clusters_hold_together() {
        let text = "e\u{301}中👍🏽👨\u{200D}👩\u{200D}👧🇫🇷🇩🇪\r";
        assert_eq!(
            clusters(text, 0),
            [
                "e\u{301}",
                "中",
                "👍🏽",
                "👨\u{200D}👩\u{200D}👧",
                "🇫🇷",
                "🇩🇪",
                "\r"
            ]
        );
        // Starting after the first flag needs the context before it.
        assert_eq!(clusters(text, 12), ["🇩🇪", "\r"]);
    }

    #[test]
    fn clusters_across_rope_chunks() {
        // Long enough that ropey splits it into several chunks.
        let text = "ab🇫🇷".repeat(2_000);
        let rope = Rope::from_str(&text);
        let par = rope.slice(..);
        let mut count = 0;
        let mut last_end = 0;
        for g in Graphemes::new(par, 0) {
            assert_eq!(g.start, last_end);
            assert_eq!(par.slice(g.start..g.end).to_string(), g.text);
            last_end = g.end;
            count += 1;
        }
        assert_eq!(count, 6_000);
        assert_eq!(last_end, par.len_chars());
    }

    /// A long text of every kind of cluster, shifted so that rope chunk
    /// boundaries fall everywhere, against `&str` segmentation.
    #[test]
    fn rope_boundaries_agree_with_str_segmentation() {
        use unicode_segmentation::UnicodeSegmentation;
        let unit = "a🇫🇷🇩🇪🇺🇸e\u{301}中👨\u{200D}👩\u{200D}👧👍🏽\u{1b}\r";
        for shift in 0..4 {
            let text = format!("{}{}", "x".repeat(shift), unit.repeat(300));
            let rope = Rope::from_str(&text);
            let par = rope.slice(..);
            let mut expected = vec![0];
            let mut at = 0;
            for g in text.graphemes(true) {
                at += g.chars().count();
                expected.push(at);
            }
            let found: Vec<usize> = std::iter::once(0)
                .chain(Graphemes::new(par, 0).map(|g| g.end))
                .collect();
            assert_eq!(found, expected, "iterator, shift {shift}");
            let stops: Vec<usize> = (0..=par.len_chars())
                .filter(|&i| is_boundary(par, i))
                .collect();
            assert_eq!(stops, expected, "is_boundary, shift {shift}");
            for pair in expected.windows(2) {
                assert_eq!(next_boundary(par, pair[0]), pair[1]);
                assert_eq!(prev_boundary(par, pair[1]), pair[0]);
                assert_eq!(
                    Graphemes::new(par, pair[0]).next().map(|g| g.end),
                    Some(pair[1])
                );
            }
        }
    }

    #[test]
    fn boundaries_step_over_clusters() {
        let rope = Rope::from_str("ae\u{301}🇫🇷x");
        let par = rope.slice(..);
        let stops: Vec<usize> = (0..=6).filter(|&i| is_boundary(par, i)).collect();
        assert_eq!(stops, [0, 1, 3, 5, 6]);
        assert_eq!(next_boundary(par, 1), 3);
        assert_eq!(next_boundary(par, 3), 5);
        assert_eq!(next_boundary(par, 6), 6);
        assert_eq!(prev_boundary(par, 5), 3);
        assert_eq!(prev_boundary(par, 3), 1);
        assert_eq!(prev_boundary(par, 0), 0);
    }

    #[test]
    fn cells_follow_what_is_drawn() {
        let cases = [
            ("a", 1),
            ("é", 1),
            ("e\u{301}", 1),
            ("中", 2),
            ("👍🏽", 2),
            ("👨\u{200D}👩\u{200D}👧", 2),
            ("🇫🇷", 2),
            ("\u{1b}", 1),
            ("\u{202E}", 8),
            ("\u{301}", 0),
        ];
        for (cluster, expected) in cases {
            assert_eq!(cells(cluster, 0, 80), expected, "{cluster:?}");
        }
    }

    #[test]
    fn tabs_reach_the_next_stop_within_the_row() {
        assert_eq!(cells("\t", 0, 80), 4);
        assert_eq!(cells("\t", 1, 80), 3);
        assert_eq!(cells("\t", 4, 80), 4);
        assert_eq!(cells("\t", 6, 8), 2);
        assert_eq!(cells("\t", 0, 3), 3);
        assert_eq!(cells("\t", 3, 3), 1);
        let mut drawn = String::new();
        draw("\t", 1, 80, &mut drawn);
        assert_eq!(drawn, "   ");
    }

    #[test]
    fn break_spaces_and_words() {
        assert!(is_break_space(" "));
        assert!(is_break_space("\t"));
        assert!(is_break_space("\u{3000}"));
        assert!(!is_break_space("\u{A0}"));
        assert!(!is_break_space("\u{2028}"));
        assert!(!is_break_space("a"));
        assert!(is_word("é"));
        assert!(is_word("中"));
        assert!(!is_word("-"));
    }
}
