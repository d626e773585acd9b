//! Markdown: headings for the session, drafts and captions; redlines in
//! CriticMarkup (`{--deleted--}`, `{++inserted++}`).
//!
//! Draft text is untrusted twice over. It is sanitized first (control and
//! bidi characters become visible placeholders, as on a terminal), then
//! every character Markdown could read as markup is backslash-escaped:
//! `<script>` stays text, `[x](y)` is no link, `*` no emphasis, and `{` and
//! `}` cannot open or close a CriticMarkup mark. A line that would start a
//! list, heading, quote or code block has its first character escaped.
//! The text's own line breaks are kept as hard breaks (`\` at line end).

use super::{Block, Change, Document, Line, Section};
use crate::redline::Op;
use crate::sanitize::{sanitize, sanitize_inline};

/// The document as Markdown.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", inline(&document.title)));
    out.push_str(&format!("{}\n\n", line(&document.about)));
    out.push_str(&format!("**{}**\n", inline(&document.kind)));
    for section in &document.sections {
        render_section(section, &mut out);
    }
    out
}

fn render_section(section: &Section, out: &mut String) {
    out.push_str(&format!(
        "\n## {}. {}\n\n*{}*\n",
        section.number,
        inline(&section.title),
        line(&section.status_line())
    ));
    for block in &section.blocks {
        out.push('\n');
        match block {
            Block::Label(caption) => out.push_str(&format!("### {}\n", line(caption))),
            Block::Text(text) => out.push_str(&paragraph(&escape(&sanitize(text)))),
            Block::Field { name, value } => {
                out.push_str(&format!("**{}:** {}\n", inline(name), line(value)));
            }
            Block::Redline(change) => out.push_str(&paragraph(&critic(change))),
        }
    }
}

/// A one-line field: sanitized (line breaks shown as `␊`) and escaped.
fn inline(text: &str) -> String {
    escape(&sanitize_inline(text))
}

fn line(line: &Line) -> String {
    inline(&line.text())
}

/// The redline in CriticMarkup, each span's text sanitized and escaped.
fn critic(change: &Change) -> String {
    let mut out = String::new();
    for span in &change.spans {
        let text = escape(&sanitize(&span.text));
        match span.op {
            Op::Equal => out.push_str(&text),
            Op::Delete => out.push_str(&format!("{{--{text}--}}")),
            Op::Insert => out.push_str(&format!("{{++{text}++}}")),
        }
    }
    out
}

/// An escaped text as one paragraph: its own line breaks become hard
/// breaks, blank lines stay paragraph breaks.
fn paragraph(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let next_is_text = lines.get(i + 1).is_some_and(|next| !next.is_empty());
        if !line.is_empty() && next_is_text {
            out.push('\\');
        }
        out.push('\n');
    }
    out
}

/// Characters Markdown (CommonMark, GitHub, pandoc) may read as markup
/// anywhere in a line, CriticMarkup's braces included.
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '#', '|', '~', '&', '^', '$', '@', '!',
];

/// Backslash-escapes markup characters, and the first character of each
/// line that would start a block (list item, heading, quote, rule).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        escape_line(line, &mut out);
    }
    out
}

fn escape_line(line: &str, out: &mut String) {
    // Leading blanks would make an indented code block: keep them as
    // character references, which are text, not indentation.
    let body = line.trim_start_matches([' ', '\t']);
    for c in line[..line.len() - body.len()].chars() {
        out.push_str(if c == '\t' { "&#9;" } else { "&#32;" });
    }
    let bullet = body.starts_with(['-', '+', '=']);
    let marker = ordered_marker(body);
    for (i, c) in body.char_indices() {
        if SPECIAL.contains(&c) || (i == 0 && bullet) || marker == Some(i) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Where the `.` or `)` of a leading `12.` or `3)` is: an ordered list.
fn ordered_marker(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let next = line.as_bytes().get(digits)?;
    (digits > 0 && (*next == b'.' || *next == b')')).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_block_starts() {
        assert_eq!(
            escape("<script>a & b</script>"),
            "\\<script\\>a \\& b\\</script\\>"
        );
        assert_eq!(
            escape("[x](y) *z* {--no--}"),
            "\\[x\\](y) \\*z\\* \\{--no--\\}"
        );
        assert_eq!(
            escape("- a\n# b\n1. c\n2) d\n12 e"),
            "\\- a\n\\# b\n1\\. c\n2\\) d\n12 e"
        );
        assert_eq!(escape("    code"), "&#32;&#32;&#32;&#32;code");
        assert_eq!(escape("Partners' \"list\""), "Partners' \"list\"");
    }

    #[test]
    fn line_breaks_are_hard_breaks() {
        assert_eq!(paragraph("a\nb\n\nc"), "a\\\nb\n\nc\n");
    }
}
