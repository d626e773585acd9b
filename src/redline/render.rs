//! Redline renderers: wdiff-style text, terminal SGR, HTML and JSON.
//!
//! Each is a pure function from a [`Redline`] to a `String`; writing it
//! anywhere is the caller's business. Only [`ansi`] is meant for a terminal,
//! so only it sanitizes; [`plain`] is byte-exact like `wdiff`, for files,
//! pipes and tests.

use serde_json::{Map, Value};

use super::{Op, Redline, op_name};
use crate::sanitize::sanitize;

/// wdiff style: `[-deleted-]{+inserted+}`, equal text as is.
///
/// ```
/// use plenary::redline::{plain, redline};
/// assert_eq!(plain(&redline("a, b", "a; b")), "a[-,-]{+;+} b");
/// ```
pub fn plain(r: &Redline) -> String {
    let mut out = String::with_capacity(text_len(r) + 4 * r.spans.len());
    for span in &r.spans {
        let (open, close) = match span.op {
            Op::Equal => ("", ""),
            Op::Delete => ("[-", "-]"),
            Op::Insert => ("{+", "+}"),
        };
        out.push_str(open);
        out.push_str(&span.text);
        out.push_str(close);
    }
    out
}

/// SGR select-graphic-rendition codes.
const STRIKE: &str = "\x1b[9m";
const STRIKE_RED: &str = "\x1b[9;31m";
const UNDERLINE: &str = "\x1b[4m";
const UNDERLINE_GREEN: &str = "\x1b[4;32m";
const RESET: &str = "\x1b[0m";

/// The SGR code that starts a span of `op`, if it is styled at all.
pub(crate) fn sgr(op: Op, color: bool) -> Option<&'static str> {
    match (op, color) {
        (Op::Equal, _) => None,
        (Op::Delete, false) => Some(STRIKE),
        (Op::Delete, true) => Some(STRIKE_RED),
        (Op::Insert, false) => Some(UNDERLINE),
        (Op::Insert, true) => Some(UNDERLINE_GREEN),
    }
}

/// Styles `text` for a terminal: each line of it opens `code` and ends with
/// a reset, so a style never leaks past a span or across a line (pagers
/// and terminals that redraw line by line would lose it otherwise).
pub(crate) fn push_styled(out: &mut String, text: &str, code: Option<&str>) {
    let Some(code) = code else {
        return out.push_str(text);
    };
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !line.is_empty() {
            out.push_str(code);
            out.push_str(line);
            out.push_str(RESET);
        }
    }
}

/// For a terminal: sanitized text (see [`crate::sanitize`]); deletions
/// struck out, insertions underlined, in red and green when `color`; a
/// reset after every styled span.
pub fn ansi(r: &Redline, color: bool) -> String {
    let mut out = String::with_capacity(text_len(r) + 12 * r.spans.len());
    for span in &r.spans {
        push_styled(&mut out, &sanitize(&span.text), sgr(span.op, color));
    }
    out
}

/// HTML fragment: `<del>` and `<ins>`, every character of the text escaped
/// (`& < > " '`), so a draft cannot inject markup.
pub fn html(r: &Redline) -> String {
    let mut out = String::with_capacity(text_len(r) + 11 * r.spans.len());
    for span in &r.spans {
        let (open, close) = match span.op {
            Op::Equal => ("", ""),
            Op::Delete => ("<del>", "</del>"),
            Op::Insert => ("<ins>", "</ins>"),
        };
        out.push_str(open);
        escape_html(&span.text, &mut out);
        out.push_str(close);
    }
    out
}

fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// `[{"op":"equal","text":"..."},...]`, ops named by [`op_name`].
pub fn json(r: &Redline) -> String {
    let spans = r
        .spans
        .iter()
        .map(|span| {
            let mut object = Map::new();
            object.insert("op".into(), Value::from(op_name(span.op)));
            object.insert("text".into(), Value::from(span.text.as_str()));
            Value::Object(object)
        })
        .collect();
    Value::Array(spans).to_string()
}

fn text_len(r: &Redline) -> usize {
    r.spans.iter().map(|s| s.text.len()).sum()
}
