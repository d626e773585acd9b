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
/// A mark's text is never at the start of a line (its `{++` is), so only
/// equal text can need a line start escaped.
fn critic(change: &Change) -> String {
    let mut out = String::new();
    for span in &change.spans {
        let (open, close) = match span.op {
            Op::Equal => ("", ""),
            Op::Delete => ("{--", "--}"),
            Op::Insert => ("{++", "++}"),
        };
        out.push_str(open);
        escape_into(&sanitize(&span.text), &mut out);
        out.push_str(close);
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

/// `text` escaped as a Markdown paragraph of its own.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(text, &mut out);
    out
}

/// Appends `text` to the Markdown in `out`, backslash-escaping markup
/// characters. Where `text` starts a line of `out` (after a line break, or
/// at the very start), blanks become character references (they would
/// indent a code block) and a character that would open a list item,
/// heading, quote or rule is escaped too.
fn escape_into(text: &str, out: &mut String) {
    let mut line_start = out.is_empty() || out.ends_with('\n');
    // Where the `.` or `)` of a leading `12.` or `3)` is.
    let mut mark_at = None;
    for (i, c) in text.char_indices() {
        if line_start {
            match c {
                ' ' => {
                    out.push_str("&#32;");
                    continue;
                }
                '\t' => {
                    out.push_str("&#9;");
                    continue;
                }
                '-' | '+' | '=' => out.push('\\'),
                _ => mark_at = ordered_marker(&text[i..]).map(|m| i + m),
            }
        }
        if SPECIAL.contains(&c) || mark_at == Some(i) {
            out.push('\\');
        }
        out.push(c);
        line_start = c == '\n';
    }
}

/// Where the mark of a leading `12.` or `3)` is, if `line` starts with
/// one: an ordered list item.
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
        assert_eq!(escape("a\n  - b"), "a\n&#32;&#32;\\- b");
    }

    #[test]
    fn only_equal_text_starts_a_line() {
        let change = Change {
            spans: crate::redline::redline("- a b", "- a c").spans,
            author: "France".into(),
            at: "2009-11-09T10:02:11Z".into(),
        };
        assert_eq!(critic(&change), "\\- a {--b--}{++c++}");
        let change = Change {
            spans: crate::redline::redline("x\n- a", "x\n+ a").spans,
            ..change
        };
        assert_eq!(critic(&change), "x\n{-----}{+++++} a");
    }

    #[test]
    fn line_breaks_are_hard_breaks() {
        assert_eq!(paragraph("a\nb\n\nc"), "a\\\nb\n\nc\n");
    }
}
