//! Writes sessions and drafts as canonical, diff-friendly YAML.
//!
//! We write YAML ourselves rather than through serde_yaml so that the output
//! is stable and readable in a `git diff`: fields in a fixed order, texts as
//! folded block scalars (`>-`) wrapped near 80 columns, so a changed word
//! shows as one changed line rather than a changed 900-character line.
//!
//! Every scalar is written in the simplest style that reads back as exactly
//! the same string, and falls back to a double-quoted, escaped string when in
//! doubt. Control characters and bidirectional controls are always escaped,
//! so a file shown in a terminal or a code review cannot hide text. The
//! property tests in this module check the read-back for arbitrary strings.

use std::fmt::Write;

use crate::model::{Draft, Session};

/// Target width of folded text lines, indentation included.
const WRAP: usize = 80;

pub fn session_yaml(session: &Session) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "schema: {}", session.schema);
    line(&mut out, 0, "name", &session.name);
    optional(&mut out, 0, "place", session.place.as_deref());
    optional(&mut out, 0, "opens", session.opens.as_deref());
    optional(&mut out, 0, "closes", session.closes.as_deref());
    line(&mut out, 0, "chair", &session.chair);
    list(&mut out, 0, "partners", &session.partners);
    list(&mut out, 0, "drafts", &session.drafts);
    out
}

pub fn draft_yaml(draft: &Draft) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "schema: {}", draft.schema);
    line(&mut out, 0, "id", &draft.id);
    line(&mut out, 0, "title", &draft.title);
    optional(&mut out, 0, "source", draft.source.as_deref());
    optional(&mut out, 0, "marking", draft.marking.as_deref());
    line(&mut out, 0, "status", draft.status.as_str());
    if let Some(agreed) = &draft.agreed {
        out.push_str("agreed:\n");
        line(&mut out, 2, "by", &agreed.by);
        line(&mut out, 2, "at", agreed.at.as_str());
        optional(&mut out, 2, "note", agreed.note.as_deref());
    }
    out.push_str("versions:\n");
    for v in &draft.versions {
        let _ = writeln!(out, "  - version: {}", v.version);
        line(&mut out, 4, "author", &v.author);
        line(&mut out, 4, "at", v.at.as_str());
        optional(&mut out, 4, "note", v.note.as_deref());
        optional(&mut out, 4, "adopted_from", v.adopted_from.as_deref());
        text(&mut out, 4, "text", &v.text);
    }
    if !draft.proposals.is_empty() {
        out.push_str("proposals:\n");
    }
    for p in &draft.proposals {
        out.push_str("  - ");
        line(&mut out, 0, "id", &p.id);
        line(&mut out, 4, "partner", &p.partner);
        let _ = writeln!(out, "    base: {}", p.base);
        line(&mut out, 4, "at", p.at.as_str());
        optional(&mut out, 4, "rationale", p.rationale.as_deref());
        line(&mut out, 4, "status", p.status.as_str());
        if let Some(closed) = &p.closed_at {
            line(&mut out, 4, "closed_at", closed.as_str());
        }
        text(&mut out, 4, "text", &p.text);
        if !p.merges.is_empty() {
            list(&mut out, 4, "merges", &p.merges);
        }
        if !p.positions.is_empty() {
            out.push_str("    positions:\n");
        }
        for pos in &p.positions {
            out.push_str("      - ");
            line(&mut out, 0, "partner", &pos.partner);
            line(&mut out, 8, "stance", pos.stance.as_str());
            line(&mut out, 8, "at", pos.at.as_str());
            optional(&mut out, 8, "note", pos.note.as_deref());
        }
    }
    out
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn line(out: &mut String, at: usize, key: &str, value: &str) {
    indent(out, at);
    out.push_str(key);
    out.push_str(": ");
    scalar(out, value);
    out.push('\n');
}

fn optional(out: &mut String, at: usize, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        line(out, at, key, value);
    }
}

fn list(out: &mut String, at: usize, key: &str, items: &[String]) {
    indent(out, at);
    if items.is_empty() {
        let _ = writeln!(out, "{key}: []");
        return;
    }
    let _ = writeln!(out, "{key}:");
    for item in items {
        indent(out, at);
        out.push_str("  - ");
        scalar(out, item);
        out.push('\n');
    }
}

/// A one-line scalar: plain when that reads back unchanged, else quoted.
fn scalar(out: &mut String, value: &str) {
    if is_plain_safe(value) {
        out.push_str(value);
    } else {
        quoted(out, value);
    }
}

/// A text: folded when it is one paragraph of ordinary characters, literal
/// when it has line breaks, quoted otherwise.
fn text(out: &mut String, at: usize, key: &str, value: &str) {
    indent(out, at);
    out.push_str(key);
    out.push(':');
    let body = at + 2;
    if is_foldable(value) {
        out.push_str(" >-\n");
        fold(out, body, value);
    } else if is_literal_safe(value) {
        out.push_str(" |-\n");
        for text_line in value.split('\n') {
            if !text_line.is_empty() {
                indent(out, body);
                out.push_str(text_line);
            }
            out.push('\n');
        }
    } else {
        out.push(' ');
        quoted(out, value);
        out.push('\n');
    }
}

/// Writes `value` as folded lines: breaks only at single spaces between
/// non-space characters, which a folded scalar reads back as one space.
fn fold(out: &mut String, at: usize, value: &str) {
    let width = WRAP.saturating_sub(at).max(20);
    let mut rest = value;
    loop {
        indent(out, at);
        let cut = fold_point(rest, width);
        out.push_str(&rest[..cut]);
        out.push('\n');
        if cut == rest.len() {
            break;
        }
        rest = &rest[cut + 1..];
    }
}

/// Byte index of the space to break `text` at, or `text.len()` to keep it whole.
fn fold_point(text: &str, width: usize) -> usize {
    if text.chars().count() <= width {
        return text.len();
    }
    let bytes = text.as_bytes();
    let foldable = |i: usize| {
        bytes[i] == b' '
            && i > 0
            && bytes[i - 1] != b' '
            && bytes.get(i + 1).is_some_and(|b| *b != b' ')
    };
    let mut best = None;
    for (chars, (i, _)) in text.char_indices().enumerate() {
        if chars > width && best.is_some() {
            break;
        }
        if foldable(i) {
            best = Some(i);
        }
    }
    best.unwrap_or(text.len())
}

/// Characters we never write raw: YAML's non-printables, and characters
/// that change how text around them looks (bidi controls, BOM, line and
/// paragraph separators).
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

fn is_foldable(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.chars().any(needs_escape)
}

fn is_literal_safe(text: &str) -> bool {
    text.contains('\n')
        && !text.starts_with([' ', '\n'])
        && !text.ends_with('\n')
        && text.chars().all(|c| c == '\n' || !needs_escape(c))
        // A line starting with a space would change the block's indentation.
        && text.split('\n').all(|l| !l.starts_with(' '))
}

fn is_plain_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let lower = value.to_ascii_lowercase();
    first.is_alphanumeric()
        && !value.ends_with([' ', ':'])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.chars().any(needs_escape)
        && !matches!(
            lower.as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null"
        )
        && !looks_numeric(&lower)
}

/// Whether a YAML reader might take `value` for a number.
fn looks_numeric(value: &str) -> bool {
    value.parse::<f64>().is_ok()
        || value.starts_with("0x")
        || value.starts_with("0o")
        || value.starts_with("0b")
        || (value.starts_with(|c: char| c.is_ascii_digit())
            && value
                .chars()
                .all(|c| c.is_ascii_digit() || "_.:".contains(c)))
}

fn quoted(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = if (c as u32) <= 0xFF {
                    write!(out, "\\x{:02X}", c as u32)
                } else {
                    write!(out, "\\u{:04X}", c as u32)
                };
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(serde::Deserialize)]
    struct One {
        v: String,
    }

    fn read_back_line(value: &str) -> String {
        let mut out = String::from("v: ");
        scalar(&mut out, value);
        serde_yaml::from_str::<One>(&out).expect(&out).v
    }

    fn read_back_text(value: &str) -> String {
        let mut out = String::new();
        text(&mut out, 0, "v", value);
        serde_yaml::from_str::<One>(&out).expect(&out).v
    }

    #[test]
    fn texts_fold_near_80_columns() {
        let text_value = "Partners agree on the utility of updating the list entities of concern -- drawn from Partner denials, Information Exchange papers, and other documents circulated by Partners";
        let mut out = String::new();
        text(&mut out, 4, "text", text_value);
        assert!(out.starts_with("    text: >-\n      Partners agree"));
        assert!(out.lines().all(|l| l.chars().count() <= WRAP), "{out}");
        assert_eq!(read_back_text(text_value), text_value);
    }

    #[test]
    fn awkward_scalars_read_back() {
        for value in [
            "",
            " lead",
            "trail ",
            "yes",
            "null",
            "~",
            "123",
            "1.5",
            "0x1F",
            "a: b",
            "a #b",
            "-x",
            "[x]",
            "\"q\"",
            "'q'",
            "tab\there",
            "esc\u{1b}[31m",
            "rlo\u{202E}x",
            "2009-11-09",
            "2009-11-09T10:02:11Z",
            "U.S. proposal",
            "a\nb",
            "a  b",
            "\u{FEFF}",
            "a \n b",
            "x\n\n",
            "\n",
            "\r\n",
            "é",
            "\u{85}",
            "#",
            "a:",
        ] {
            assert_eq!(read_back_line(value), value, "line {value:?}");
            if !value.is_empty() {
                assert_eq!(read_back_text(value), value, "text {value:?}");
            }
        }
    }

    #[test]
    fn control_and_bidi_characters_are_escaped() {
        let mut out = String::new();
        scalar(&mut out, "a\u{1b}]0;x\u{7}\u{202E}b");
        assert_eq!(out, "\"a\\x1B]0;x\\x07\\u202Eb\"");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_line_reads_back(value in any::<String>()) {
            prop_assert_eq!(read_back_line(&value), value);
        }

        #[test]
        fn any_text_reads_back(value in "\\PC{1,300}|[a-z ,.\\n\"'#:-]{1,200}") {
            prop_assert_eq!(read_back_text(&value), value);
        }

        #[test]
        fn prose_reads_back(words in proptest::collection::vec("[A-Za-z'-]{1,12}[,.;]?", 1..200)) {
            let value = words.join(" ");
            prop_assert_eq!(read_back_text(&value), value);
        }
    }
}
