//! HTML: one self-contained page (inline CSS, no scripts, no external
//! resources), readable on screen and printed in black and white.
//!
//! All text is escaped (`& < > " '`). Control characters, which have no
//! business in HTML, are shown as the same placeholders as on a terminal
//! (`␛`, `<U+009B>`), and so are the bidirectional embeddings, overrides
//! and isolates (U+202A..U+202E, U+2066..U+2069): each of them can make a
//! text read differently than it is stored ("evil" shown as "live"), which
//! a Chair must see, not suffer. The invisible direction marks (LRM, RLM,
//! ALM), which right-to-left scripts use, are kept. Every piece of text
//! from a file also sits in its own direction-isolating element (`<bdi>`,
//! or `dir="auto"` on a paragraph), so one Partner's right-to-left text
//! cannot reorder the next Partner's, nor plenary's own words around it
//! (Trojan Source). A Content-Security-Policy that forbids every script
//! and external load is a second lock behind the escaping.
//!
//! Deletions are `<del>` (struck through), insertions `<ins>`
//! (underlined), each with a `title` naming who made the change and when.

use super::{Block, Change, Document, Line, Piece, Section, status_label};
use crate::model::DraftStatus;
use crate::redline::Op;
use crate::sanitize::sanitize;

const STYLE: &str = "\
body{font-family:Georgia,'Times New Roman',serif;line-height:1.45;max-width:44em;\
margin:2em auto;padding:0 1em;color:#111;background:#fff}\
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;margin:2em 0 .2em}\
h3{font-size:1em;margin:1.4em 0 .3em}\
.about{margin:.2em 0}.kind{font-weight:bold;text-transform:uppercase;letter-spacing:.05em}\
.status{margin:.2em 0 1em;font-style:italic}\
.mark{font-style:normal;font-weight:bold;border:1px solid;padding:0 .3em}\
.text{white-space:pre-wrap;margin:.5em 0}\
.field{margin:.2em 0}.field b{font-weight:bold}\
del{text-decoration:line-through;color:#a40000}\
ins{text-decoration:underline;color:#006100}\
section{border-top:1px solid #999;margin-top:1.5em}\
@media print{body{margin:0;max-width:none;font-size:11pt}\
del,ins{color:#000}section{break-inside:avoid-page}}";

/// The document as a standalone HTML page.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" \
         content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{} — {}</title>\n",
        escape(&document.title),
        escape(&document.kind)
    ));
    out.push_str(&format!(
        "<style>{STYLE}</style>\n</head>\n<body>\n<header>\n"
    ));
    out.push_str(&format!(
        "<h1><bdi>{}</bdi></h1>\n",
        escape(&document.title)
    ));
    out.push_str(&format!(
        "<p class=\"about\">{}</p>\n",
        line(&document.about)
    ));
    out.push_str(&format!(
        "<p class=\"kind\">{}</p>\n</header>\n",
        escape(&document.kind)
    ));
    for section in &document.sections {
        render_section(section, &mut out);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn render_section(section: &Section, out: &mut String) {
    out.push_str(&format!(
        "<section id=\"draft-{}\">\n<h2>{}. <bdi>{}</bdi></h2>\n",
        escape(&section.id),
        section.number,
        escape(&section.title)
    ));
    let mark = match section.status {
        DraftStatus::Open => "open",
        DraftStatus::Agreed => "agreed",
        DraftStatus::AdRef => "ad-ref",
    };
    out.push_str(&format!(
        "<p class=\"status\"><span class=\"mark {mark}\">{}</span>",
        status_label(section.status)
    ));
    if !section.about.is_empty() {
        out.push_str(&format!(" · {}", line(&section.about)));
    }
    out.push_str("</p>\n");
    for block in &section.blocks {
        match block {
            Block::Label(caption) => out.push_str(&format!("<h3>{}</h3>\n", line(caption))),
            Block::Text(text) => out.push_str(&format!(
                "<p class=\"text\" dir=\"auto\">{}</p>\n",
                escape(text)
            )),
            Block::Field { name, value } => out.push_str(&format!(
                "<p class=\"field\"><b>{}:</b> {}</p>\n",
                escape(name),
                line(value)
            )),
            Block::Redline(change) => out.push_str(&format!(
                "<p class=\"text redline\" dir=\"auto\">{}</p>\n",
                redline(change)
            )),
        }
    }
    out.push_str("</section>\n");
}

/// A line: plenary's words escaped, each quoted piece isolated in `<bdi>`.
fn line(line: &Line) -> String {
    let mut out = String::new();
    for piece in &line.pieces {
        match piece {
            Piece::Plain(text) => out.push_str(&escape(text)),
            Piece::Quoted(text) => out.push_str(&format!("<bdi>{}</bdi>", escape(text))),
        }
    }
    out
}

/// The redline: every span isolated, changes in `<del>`/`<ins>` titled
/// with their author and date.
fn redline(change: &Change) -> String {
    let title = escape(&format!("{}, {}", change.author, change.at));
    let mut out = String::new();
    for span in &change.spans {
        let text = escape(&span.text);
        match span.op {
            Op::Equal => out.push_str(&format!("<bdi>{text}</bdi>")),
            Op::Delete => out.push_str(&format!("<del title=\"{title}\"><bdi>{text}</bdi></del>")),
            Op::Insert => out.push_str(&format!("<ins title=\"{title}\"><bdi>{text}</bdi></ins>")),
        }
    }
    out
}

/// Escapes markup characters; shows control characters and bidi
/// embeddings, overrides and isolates as placeholders.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut utf8 = [0u8; 4];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            // A placeholder is plain text (`␛`, `<U+009B>`): escape it too.
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&escape(&sanitize(c.encode_utf8(&mut utf8))));
            }
            c => out.push(c),
        }
    }
    out
}

/// LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_shows_controls() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{1b}[2J\u{0}\u{9b}"), "a␛[2J␀&lt;U+009B&gt;");
        // `<` of the placeholder for C1 controls is text, not markup.
        assert!(!escape("\u{9b}").contains('<'));
        assert_eq!(escape("rlo\u{202E}evil"), "rlo&lt;U+202E&gt;evil");
        assert_eq!(escape("\u{2067}x\u{2069}"), "&lt;U+2067&gt;x&lt;U+2069&gt;");
        assert_eq!(escape("שלום\u{200F}!"), "שלום\u{200F}!", "marks are kept");
        assert_eq!(escape("a\r\nb\rc"), "a\nb␍c");
    }
}
