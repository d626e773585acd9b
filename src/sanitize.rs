//! The one gate between draft text and a terminal.
//!
//! Draft files come from other delegations, cables and copy-paste. A stray
//! ESC could retitle a window, write the clipboard (OSC 52) or repaint the
//! screen; a right-to-left override could make a proposal read differently
//! than it is stored (Trojan Source). Every piece of draft text bound for a
//! terminal, be it a title, a Partner name or a paragraph, goes through
//! [`sanitize`] or [`sanitize_inline`] first, and each invisible or
//! controlling character comes out as a visible placeholder: never dropped
//! silently, never passed raw.
//!
//! | input | shown as |
//! |---|---|
//! | ESC | `␛` |
//! | other C0 controls (NUL, BEL, BS, ...) | control pictures `␀`, `␇`, `␈`, ... |
//! | CR (a lone one; CRLF becomes LF) | `␍` |
//! | DEL | `␡` |
//! | C1 controls (U+0080..U+009F, incl. CSI U+009B) | `<U+009B>` |
//! | bidi controls (U+202A..U+202E, U+2066..U+2069, LRM, RLM, ALM) | `<U+202E>` |
//! | line/paragraph separators, BOM, word joiner, zero-width space | `<U+2028>` ... |
//!
//! Tabs and line feeds are kept: layout is the caller's business
//! ([`sanitize_inline`] turns them into `␉`/`␊` for one-line fields).

use std::borrow::Cow;

/// Text safe to print: see the module docs. Keeps `\n` and `\t`.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

/// Like [`sanitize`], for one-line fields (titles, names, notes): line feeds
/// and tabs become visible too.
pub fn sanitize_inline(text: &str) -> Cow<'_, str> {
    clean(text, true)
}

fn clean(text: &str, inline: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| needs_placeholder(c, inline)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && !inline && chars.peek() == Some(&'\n') {
            continue; // CRLF: keep the LF alone.
        }
        if needs_placeholder(c, inline) {
            placeholder(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_placeholder(c: char, inline: bool) -> bool {
    match c {
        '\n' | '\t' => inline,
        c if c.is_control() => true,
        _ => is_invisible_format(c),
    }
}

/// Format characters that change how the text around them reads or that
/// cannot be seen. ZWJ and ZWNJ are kept: emoji and several scripts need them.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn placeholder(c: char, out: &mut String) {
    let code = c as u32;
    match c {
        '\u{7F}' => out.push('␡'),
        // U+2400.. are the "control pictures" for NUL..US; ESC is U+241B.
        _ if code < 0x20 => out.push(char::from_u32(0x2400 + code).unwrap_or('�')),
        _ => {
            out.push_str(&format!("<U+{code:04X}>"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_for_every_kind_of_control() {
        let cases = [
            ("plain text", "plain text"),
            ("a\u{1b}[31mred", "a␛[31mred"),
            ("title\u{1b}]0;pwned\u{7}", "title␛]0;pwned␇"),
            ("nul\0", "nul␀"),
            ("csi\u{9b}2J", "csi<U+009B>2J"),
            ("rlo\u{202E}txt", "rlo<U+202E>txt"),
            ("iso\u{2066}x\u{2069}", "iso<U+2066>x<U+2069>"),
            ("del\u{7f}", "del␡"),
            ("crlf\r\nline", "crlf\nline"),
            ("lone\rcr", "lone␍cr"),
            ("tab\tand\nnewline", "tab\tand\nnewline"),
            ("bom\u{FEFF}", "bom<U+FEFF>"),
            (
                "family 👨\u{200D}👩\u{200D}👧",
                "family 👨\u{200D}👩\u{200D}👧",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(sanitize(input), expected, "{input:?}");
        }
    }

    #[test]
    fn inline_fields_show_line_breaks_and_tabs() {
        assert_eq!(sanitize_inline("a\nb\tc\r\n"), "a␊b␉c␍␊");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("Partners agree"), Cow::Borrowed(_)));
    }

    #[test]
    fn no_control_character_survives() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        for out in [sanitize(&all), sanitize_inline(&all)] {
            assert!(
                !out.chars()
                    .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_invisible_format(c)),
            );
        }
        assert!(!sanitize_inline(&all).contains(['\n', '\t']));
    }
}
