//! Word (.docx): an Office Open XML package written by hand.
//!
//! Redlines become real tracked changes (`w:ins` / `w:del`, each with
//! `w:author` and `w:date`), so Word and LibreOffice list them under Review
//! and can accept or reject them one by one; the clean view has no
//! revision marks at all. Each redline span becomes exactly one change, so
//! accepting every change of a proposal's paragraph gives exactly the
//! proposal's text and rejecting them gives exactly the current text.
//!
//! # Why by hand
//!
//! A document needs six small parts (content types, two relationship
//! files, the body, styles, settings, core properties) and three kinds of
//! run; `body.rs` writes them in a couple of hundred lines we can read
//! and test. The `docx-rs` crate would bring some thirty more crates,
//! escape text without dropping the characters XML forbids, and needs its
//! one-change-per-word output merged again. Writing the XML ourselves keeps
//! the package deterministic (same drafts, same bytes: files carry the
//! 1980 zip date and no creation time) and every rule in one place:
//! `xml:space="preserve"` on every text, `w:delText` in deletions, line
//! breaks as `w:br`, tabs as `w:tab`, and characters XML 1.0 forbids
//! (most C0 controls, U+FFFE, U+FFFF) dropped, since one of them would make
//! the whole package unreadable. The zip container is the `zip` crate with
//! deflate only.

mod body;

use std::borrow::Cow;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::{Document, ExportError, View};

/// The package's parts, in the order they are written.
const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>"#;

/// Times New Roman 12 pt; a title, two heading levels (Word's built-in
/// names, so readers and pandoc know them) and a status line.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="60"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:szCs w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="Status"><w:name w:val="Status"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:i/></w:rPr></w:style></w:styles>"#;

/// The package as bytes.
pub fn render(document: &Document) -> Result<Vec<u8>, ExportError> {
    let parts: [(&str, Cow<str>); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES.into()),
        ("_rels/.rels", PACKAGE_RELS.into()),
        ("docProps/core.xml", core(document).into()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.into()),
        ("word/document.xml", body::document_xml(document).into()),
        ("word/styles.xml", STYLES.into()),
        ("word/settings.xml", settings(document.view).into()),
    ];
    zip(&parts).map_err(|e| ExportError::Package(e.to_string()))
}

fn zip(parts: &[(&str, Cow<str>)]) -> zip::result::ZipResult<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        writer.start_file(*name, options)?;
        writer.write_all(text.as_bytes())?;
    }
    Ok(writer.finish()?.into_inner())
}

/// Title and creator; no dates, so the same drafts give the same bytes.
fn core(document: &Document) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{} — {}</dc:title><dc:creator>plenary</dc:creator></cp:coreProperties>"#,
        escape(&document.title),
        escape(&document.kind)
    )
}

/// Redline and compilation documents open with change tracking on, so a
/// delegation's own edits to them show as changes too.
fn settings(view: View) -> String {
    let track = if view == View::Clean {
        ""
    } else {
        "<w:trackRevisions/>"
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{track}<w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

/// Whether XML 1.0 allows `c` in a document: tab, line feed, carriage
/// return and everything from U+0020 except U+FFFE and U+FFFF (Rust's
/// `char` already excludes the surrogates).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// `text` without the characters XML 1.0 forbids (NUL, ESC and the other
/// C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF).
pub fn strip_forbidden_xml(text: &str) -> Cow<'_, str> {
    if text.chars().all(allowed_in_xml) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| allowed_in_xml(*c)).collect())
    }
}

/// Text for XML content or an attribute: forbidden characters dropped,
/// markup characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in strip_forbidden_xml(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_only_what_xml_forbids() {
        assert_eq!(strip_forbidden_xml("a\u{0}b\u{1b}c\u{7}"), "abc");
        assert_eq!(strip_forbidden_xml("\u{FFFE}x\u{FFFF}"), "x");
        let kept = "tab\tlf\ncr\r é 气 \u{202E} \u{85} \u{10FFFF}";
        assert!(matches!(strip_forbidden_xml(kept), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>\u{1b}"),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"
        );
    }

    #[test]
    fn same_document_same_bytes() {
        let document = crate::export::tests::document();
        assert_eq!(render(&document).unwrap(), render(&document).unwrap());
    }
}
