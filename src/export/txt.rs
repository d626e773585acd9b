//! Plain text: wrapped at 72 columns, redlines in wdiff's markers
//! (`[-deleted-]{+inserted+}`), every draft text sanitized so that
//! `plenary export | less` never sends a control sequence to a terminal.
//!
//! Each draft's section is indented under its number, as paragraphs of a
//! cable are. Wrapping breaks at whitespace (a run of spaces becomes one
//! space at a break) and keeps the text's own line breaks; a word wider
//! than the line is cut between characters.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{Block, Change, Document, Line, Section};
use crate::redline::Op;
use crate::sanitize::{sanitize, sanitize_inline};

/// Columns a line may take, indentation included.
pub const WIDTH: usize = 72;

/// The document as text, one `\n` at the end of every line.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    wrap(&sanitize_inline(&document.title), "", "", &mut out);
    wrap(&line_text(&document.about), "", "", &mut out);
    wrap(&sanitize_inline(&document.kind), "", "", &mut out);
    out.push('\n');
    out.push_str(&"=".repeat(WIDTH));
    out.push('\n');
    for section in &document.sections {
        out.push('\n');
        render_section(section, &mut out);
    }
    out
}

fn render_section(section: &Section, out: &mut String) {
    let number = format!("{}. ", section.number);
    let indent = " ".repeat(number.width());
    wrap(&sanitize_inline(&section.title), &number, &indent, out);
    wrap(&line_text(&section.status_line()), &indent, &indent, out);
    let mut previous: Option<&Block> = None;
    for block in &section.blocks {
        // Details stay with the caption or detail they follow.
        let follows_caption = matches!(block, Block::Field { .. })
            && matches!(previous, Some(Block::Label(_) | Block::Field { .. }));
        if !follows_caption {
            out.push('\n');
        }
        match block {
            Block::Label(line) => wrap(&line_text(line), &indent, &indent, out),
            Block::Text(text) => wrap(&sanitize(text), &indent, &indent, out),
            Block::Field { name, value } => {
                let text = format!("{name}: {}", line_text(value));
                wrap(&text, &indent, &indent, out);
            }
            Block::Redline(change) => wrap(&marked(change), &indent, &indent, out),
        }
        previous = Some(block);
    }
}

/// A line's pieces, joined and made safe for a terminal.
fn line_text(line: &Line) -> String {
    sanitize_inline(&line.text()).into_owned()
}

/// The redline in wdiff's markers, each span sanitized.
fn marked(change: &Change) -> String {
    let mut out = String::new();
    for span in &change.spans {
        let (open, close) = match span.op {
            Op::Equal => ("", ""),
            Op::Delete => ("[-", "-]"),
            Op::Insert => ("{+", "+}"),
        };
        out.push_str(open);
        out.push_str(&sanitize(&span.text));
        out.push_str(close);
    }
    out
}

/// Appends `text` wrapped at [`WIDTH`]: the first line after `first`, the
/// others after `rest`. Each of the text's own lines starts a new line.
fn wrap(text: &str, first: &str, rest: &str, out: &mut String) {
    let mut prefix = first;
    for line in text.split('\n') {
        let mut column = push_prefix(prefix, out);
        let start = column;
        prefix = rest;
        for word in line.split_whitespace() {
            let width = word.width();
            if column > start && column + 1 + width > WIDTH {
                out.push('\n');
                column = push_prefix(prefix, out);
            } else if column > start {
                out.push(' ');
                column += 1;
            }
            column = push_word(word, width, column, prefix, out);
        }
        trim_end(out);
        out.push('\n');
    }
}

fn push_prefix(prefix: &str, out: &mut String) -> usize {
    out.push_str(prefix);
    prefix.width()
}

/// Appends `word` (`width` columns) at `column`, cutting it between
/// characters where it is wider than what is left of the line; returns the
/// new column.
fn push_word(word: &str, width: usize, mut column: usize, prefix: &str, out: &mut String) -> usize {
    if column + width <= WIDTH {
        out.push_str(word);
        return column + width;
    }
    let start = prefix.width();
    for grapheme in word.graphemes(true) {
        let width = grapheme.width();
        if column > start && column + width > WIDTH {
            out.push('\n');
            column = push_prefix(prefix, out);
        }
        out.push_str(grapheme);
        column += width;
    }
    column
}

fn trim_end(out: &mut String) {
    let kept = out.trim_end_matches(' ').len();
    out.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(text: &str, first: &str, rest: &str) -> String {
        let mut out = String::new();
        wrap(text, first, rest, &mut out);
        out
    }

    #[test]
    fn wraps_at_72_columns_under_the_indent() {
        let text = "word ".repeat(40);
        let out = wrapped(&text, "1. ", "   ");
        assert!(out.lines().all(|l| l.width() <= WIDTH), "{out}");
        assert!(out.starts_with("1. word word"));
        assert!(out.lines().skip(1).all(|l| l.starts_with("   word")));
        assert_eq!(out.split_whitespace().filter(|w| *w == "word").count(), 40);
    }

    #[test]
    fn keeps_line_breaks_and_cuts_overlong_words() {
        assert_eq!(wrapped("a\n\nb", "", ""), "a\n\nb\n");
        let long = "x".repeat(100);
        let out = wrapped(&long, "  ", "  ");
        assert_eq!(out, format!("  {}\n  {}\n", "x".repeat(70), "x".repeat(30)));
        let wide = "气".repeat(40);
        assert!(wrapped(&wide, "", "").lines().all(|l| l.width() <= WIDTH));
    }
}
