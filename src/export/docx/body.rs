//! `word/document.xml`: the document's paragraphs and runs.
//!
//! Plain text is a run of `w:t`; a deletion is `w:del` around a run of
//! `w:delText`; an insertion is `w:ins` around a run of `w:t`. Each change
//! carries a unique `w:id`, its author and its date. A text's line breaks
//! are `w:br` inside the paragraph (so a change across them stays one
//! change), tabs are `w:tab`.

use super::escape;
use crate::export::{Block, Change, Document, Line, Section};
use crate::redline::Op;

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;

/// A4 with 2.5 cm margins.
const TAIL: &str = r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#;

/// The body part for `document`.
pub fn document_xml(document: &Document) -> String {
    let mut body = Body {
        xml: String::from(HEAD),
        next_id: 1,
    };
    body.paragraph(Some("Title"), |b| b.run(&document.title, Run::Plain));
    body.paragraph(None, |b| b.line(&document.about));
    body.paragraph(Some("Status"), |b| b.run(&document.kind, Run::Plain));
    for section in &document.sections {
        body.section(section);
    }
    body.xml.push_str(TAIL);
    body.xml
}

/// The XML written so far and the next change id.
struct Body {
    xml: String,
    next_id: u32,
}

/// What kind of run a piece of text goes in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    Plain,
    Bold,
    Deleted,
}

impl Body {
    fn section(&mut self, section: &Section) {
        let heading = format!("{}. {}", section.number, section.title);
        self.paragraph(Some("Heading1"), |b| b.run(&heading, Run::Plain));
        self.paragraph(Some("Status"), |b| b.line(&section.status_line()));
        for block in &section.blocks {
            match block {
                Block::Label(caption) => self.paragraph(Some("Heading2"), |b| b.line(caption)),
                Block::Text(text) => self.paragraph(None, |b| b.run(text, Run::Plain)),
                Block::Field { name, value } => self.paragraph(None, |b| {
                    b.run(&format!("{name}: "), Run::Bold);
                    b.line(value);
                }),
                Block::Redline(change) => self.paragraph(None, |b| b.redline(change)),
            }
        }
    }

    /// `<w:p>` in `style` (or Normal), its content written by `content`.
    fn paragraph(&mut self, style: Option<&str>, content: impl FnOnce(&mut Self)) {
        self.xml.push_str("<w:p>");
        if let Some(style) = style {
            self.xml
                .push_str(&format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#));
        }
        content(self);
        self.xml.push_str("</w:p>");
    }

    fn line(&mut self, line: &Line) {
        self.run(&line.text(), Run::Plain);
    }

    /// Equal text as plain runs, each change one `w:del` or `w:ins`.
    fn redline(&mut self, change: &Change) {
        let author = escape(&change.author);
        let date = escape(&change.at);
        for span in &change.spans {
            let (tag, kind) = match span.op {
                Op::Equal => {
                    self.run(&span.text, Run::Plain);
                    continue;
                }
                Op::Delete => ("w:del", Run::Deleted),
                Op::Insert => ("w:ins", Run::Plain),
            };
            let inner = run_xml(&span.text, kind);
            if inner.is_empty() {
                continue; // Only characters XML forbids: nothing to mark.
            }
            self.xml.push_str(&format!(
                r#"<{tag} w:id="{}" w:author="{author}" w:date="{date}">{}</{tag}>"#,
                self.next_id, inner
            ));
            self.next_id += 1;
        }
    }

    fn run(&mut self, text: &str, kind: Run) {
        self.xml.push_str(&run_xml(text, kind));
    }
}

/// One `w:r` holding `text`: its line breaks as `w:br`, tabs as `w:tab`,
/// the rest in `w:t` (or `w:delText`). Empty for a text that is empty once
/// forbidden characters are dropped.
fn run_xml(text: &str, kind: Run) -> String {
    let text = super::strip_forbidden_xml(text).replace("\r\n", "\n");
    let mut xml = String::new();
    if text.is_empty() {
        return xml;
    }
    xml.push_str("<w:r>");
    if kind == Run::Bold {
        xml.push_str("<w:rPr><w:b/></w:rPr>");
    }
    let tag = if kind == Run::Deleted {
        "w:delText"
    } else {
        "w:t"
    };
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r', '\t']).unwrap_or(rest.len());
        if end > 0 {
            xml.push_str(&format!(
                r#"<{tag} xml:space="preserve">{}</{tag}>"#,
                escape(&rest[..end])
            ));
        }
        match rest[end..].chars().next() {
            Some('\t') => xml.push_str("<w:tab/>"),
            Some(_) => xml.push_str("<w:br/>"),
            None => break,
        }
        rest = &rest[end + 1..];
    }
    xml.push_str("</w:r>");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::redline;

    fn redline_xml(old: &str, new: &str) -> String {
        let mut body = Body {
            xml: String::new(),
            next_id: 1,
        };
        body.redline(&Change {
            spans: redline(old, new).spans,
            author: "France".into(),
            at: "2009-11-09T10:02:11Z".into(),
        });
        body.xml
    }

    #[test]
    fn one_tracked_change_per_span() {
        assert_eq!(
            redline_xml("the list entities", "the list of entities"),
            concat!(
                r#"<w:r><w:t xml:space="preserve">the list </w:t></w:r>"#,
                r#"<w:ins w:id="1" w:author="France" w:date="2009-11-09T10:02:11Z"><w:r><w:t xml:space="preserve">of </w:t></w:r></w:ins>"#,
                r#"<w:r><w:t xml:space="preserve">entities</w:t></w:r>"#,
            )
        );
        let xml = redline_xml("an ad hoc working group", "a standing committee");
        assert_eq!(xml.matches("<w:del ").count(), 1, "{xml}");
        assert_eq!(xml.matches("<w:ins ").count(), 1, "{xml}");
        assert!(
            xml.contains(r#"<w:delText xml:space="preserve">an ad hoc working group</w:delText>"#)
        );
        assert!(xml.contains(r#"w:id="2""#));
    }

    #[test]
    fn breaks_tabs_and_forbidden_characters() {
        assert_eq!(
            run_xml("a\nb\tc\r\nd\u{0}\u{1b}", Run::Deleted),
            concat!(
                r#"<w:r><w:delText xml:space="preserve">a</w:delText><w:br/>"#,
                r#"<w:delText xml:space="preserve">b</w:delText><w:tab/>"#,
                r#"<w:delText xml:space="preserve">c</w:delText><w:br/>"#,
                r#"<w:delText xml:space="preserve">d</w:delText></w:r>"#,
            )
        );
        assert_eq!(
            redline_xml("a", "a\u{0}"),
            r#"<w:r><w:t xml:space="preserve">a</w:t></w:r>"#
        );
    }
}
