//! The .docx export read back by a real reader, pandoc: each tracked change
//! with its author and date, and, paragraph by paragraph, accepting every
//! change gives exactly the proposal's text and rejecting them exactly the
//! current text. Then every part of the package is checked for well-formed
//! XML (with namespaces), and the package for parts it names but lacks.
//!
//! pandoc is not optional here: CI installs it (`.ci/run`), and a missing
//! pandoc fails these tests rather than skipping them.

use std::collections::BTreeSet;
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use serde_json::Value;

use plenary::model::Draft;
use plenary::redline::{Op, redline};

use super::{export, hostile, load, negotiated};

/// `docx` read by pandoc with `--track-changes=TRACK`, as pandoc's JSON.
fn pandoc(docx: &[u8], track: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.docx");
    std::fs::write(&path, docx).unwrap();
    let out = Command::new("pandoc")
        .arg(&path)
        .args(["--from", "docx", "--to", "json"])
        .arg(format!("--track-changes={track}"))
        .output()
        .expect("pandoc is needed for the .docx tests: apt-get install pandoc (CI installs it)");
    assert!(
        out.status.success(),
        "pandoc could not read the export: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("pandoc's JSON")
}

/// The text of pandoc inlines: words, spaces, line breaks, and the text of
/// whatever they are wrapped in.
fn text(inlines: &Value) -> String {
    let mut out = String::new();
    for inline in inlines.as_array().into_iter().flatten() {
        let content = &inline["c"];
        match inline["t"].as_str().unwrap_or_default() {
            "Str" => out.push_str(content.as_str().unwrap_or_default()),
            "Space" | "SoftBreak" => out.push(' '),
            "LineBreak" => out.push('\n'),
            "Span" | "Link" => out.push_str(&text(&content[1])),
            _ => out.push_str(&text(content)),
        }
    }
    out
}

/// One tracked change as pandoc sees it.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    kind: String,
    author: String,
    date: String,
    text: String,
}

/// Every insertion and deletion pandoc finds, in reading order.
fn changes(value: &Value, out: &mut Vec<Seen>) {
    match value {
        Value::Object(node) if node.get("t").and_then(Value::as_str) == Some("Span") => {
            let attr = &node["c"][0];
            let kind = attr[1][0].as_str().unwrap_or_default();
            if kind == "insertion" || kind == "deletion" {
                let get = |key: &str| {
                    attr[2]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .find(|kv| kv[0] == key)
                        .and_then(|kv| kv[1].as_str())
                        .unwrap_or_default()
                        .to_string()
                };
                out.push(Seen {
                    kind: kind.into(),
                    author: get("author"),
                    date: get("date"),
                    text: text(&node["c"][1]).trim().to_string(),
                });
                return;
            }
            changes(&node["c"], out);
        }
        Value::Object(node) => node.values().for_each(|v| changes(v, out)),
        Value::Array(items) => items.iter().for_each(|v| changes(v, out)),
        _ => {}
    }
}

/// The changes plenary's redline of `old` → `new` should show in Word.
fn expected(old: &str, new: &str, author: &str, date: &str) -> Vec<Seen> {
    redline(old, new)
        .spans
        .into_iter()
        .filter(|span| span.op != Op::Equal)
        .map(|span| Seen {
            kind: if span.op == Op::Insert {
                "insertion"
            } else {
                "deletion"
            }
            .into(),
            author: author.into(),
            date: date.into(),
            text: span.text.trim().to_string(),
        })
        .collect()
}

fn loaded(drafts: &Path) -> Vec<Draft> {
    load(drafts).drafts().cloned().collect()
}

fn current(draft: &Draft) -> &str {
    &draft.current().unwrap().text
}

#[test]
fn pandoc_sees_each_proposals_changes_with_its_partner_and_date() {
    let (_tmp, drafts) = negotiated();
    let docx = export(&drafts, &["--view", "compilation", "--format", "docx"]);
    let mut seen = Vec::new();
    changes(&pandoc(&docx, "all"), &mut seen);
    let mut want = Vec::new();
    for draft in loaded(&drafts) {
        for p in draft.open_proposals() {
            want.extend(expected(
                current(&draft),
                &p.text,
                &p.partner,
                p.at.as_str(),
            ));
        }
    }
    assert_eq!(want.len(), 5, "Germany 2, France 1, Japan 2: {want:#?}");
    assert_eq!(seen, want);
}

#[test]
fn pandoc_sees_the_chairs_changes_in_the_redline_view() {
    let (_tmp, drafts) = negotiated();
    let docx = export(&drafts, &["--view", "redline", "--format", "docx"]);
    let mut seen = Vec::new();
    changes(&pandoc(&docx, "all"), &mut seen);
    let seen: Vec<(&str, &str, &str, &str)> = seen
        .iter()
        .map(|s| {
            (
                s.kind.as_str(),
                s.author.as_str(),
                s.date.as_str(),
                s.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("deletion", "Brazil", "2009-11-12T16:30:00Z", "contracts"),
            ("insertion", "Brazil", "2009-11-12T16:30:00Z", "contacts"),
        ]
    );
}

/// Proposal id → the text of its redline paragraph, as pandoc gives it:
/// the first paragraph after the proposal's heading that is not a detail
/// ("Rationale:", "Supports:", which start in bold).
fn proposal_paragraphs(document: &Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut proposal: Option<String> = None;
    for block in document["blocks"].as_array().unwrap() {
        match block["t"].as_str().unwrap_or_default() {
            "Header" => {
                let heading = text(&block["c"][2]);
                proposal = heading
                    .strip_prefix("Proposal ")
                    .and_then(|rest| rest.split(' ').next())
                    .map(str::to_string);
            }
            "Para" if block["c"][0]["t"] != "Strong" => {
                if let Some(id) = proposal.take() {
                    found.push((id, text(&block["c"])));
                }
            }
            _ => {}
        }
    }
    found
}

#[test]
fn accepting_gives_each_proposal_and_rejecting_the_current_text() {
    let (_tmp, drafts) = negotiated();
    let docx = export(&drafts, &["--view", "compilation", "--format", "docx"]);
    let accepted = proposal_paragraphs(&pandoc(&docx, "accept"));
    let rejected = proposal_paragraphs(&pandoc(&docx, "reject"));
    let mut want_accepted = Vec::new();
    let mut want_rejected = Vec::new();
    for draft in loaded(&drafts) {
        for p in draft.open_proposals() {
            want_accepted.push((p.id.clone(), p.text.clone()));
            want_rejected.push((p.id.clone(), current(&draft).to_string()));
        }
    }
    assert_eq!(want_accepted.len(), 3);
    assert_eq!(accepted, want_accepted);
    assert_eq!(rejected, want_rejected);
}

#[test]
fn clean_view_has_no_revision_marks() {
    let (_tmp, drafts) = negotiated();
    let docx = export(&drafts, &["--format", "docx"]);
    let mut seen = Vec::new();
    changes(&pandoc(&docx, "all"), &mut seen);
    assert_eq!(seen, []);
    let body = &parts(&docx)["word/document.xml"];
    assert!(!body.contains("<w:ins ") && !body.contains("<w:del "));
    assert!(body.contains("bilateral contacts"), "the current text");
}

/// The package's parts by name.
fn parts(docx: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip package");
    let mut parts = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut xml = String::new();
        file.read_to_string(&mut xml).expect("a UTF-8 part");
        parts.insert(file.name().to_string(), xml);
    }
    parts
}

/// Whether XML 1.0 allows `c`.
fn legal(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// Parses `xml` to the end: one root, tags matched, every prefix bound,
/// every reference known, only characters XML 1.0 allows.
fn assert_well_formed(name: &str, xml: &str) {
    if let Some(bad) = xml.chars().find(|c| !legal(*c)) {
        panic!(
            "{name}: character U+{:04X} is not allowed in XML",
            bad as u32
        );
    }
    let mut reader = quick_xml::NsReader::from_str(xml);
    let (mut depth, mut roots) = (0usize, 0usize);
    loop {
        let (namespace, event) = reader
            .read_resolved_event()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            !matches!(namespace, ResolveResult::Unknown(_)),
            "{name}: unbound prefix in {event:?}"
        );
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                roots += usize::from(depth == 0);
                for attribute in e.attributes() {
                    let attribute = attribute.unwrap_or_else(|err| panic!("{name}: {err}"));
                    attribute
                        .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .unwrap_or_else(|err| panic!("{name}: {err}"));
                    let (ns, _) = reader.resolver().resolve_attribute(attribute.key);
                    let xml_prefix = attribute.key.prefix().is_some_and(|p| p.as_ref() == b"xml");
                    assert!(
                        xml_prefix || !matches!(ns, ResolveResult::Unknown(_)),
                        "{name}: unbound attribute prefix {:?}",
                        attribute.key
                    );
                }
                depth += usize::from(matches!(event, Event::Start(_)));
            }
            Event::End(_) => depth -= 1,
            Event::GeneralRef(r) => {
                let known = ["amp", "lt", "gt", "quot", "apos"].contains(&&*r.decode().unwrap());
                let char_ref = r
                    .resolve_char_ref()
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(
                    known || char_ref.is_some_and(legal),
                    "{name}: bad reference {r:?}"
                );
            }
            Event::Text(t) => {
                let text = t.decode().unwrap();
                assert!(
                    depth > 0 || text.trim().is_empty(),
                    "{name}: text outside the root"
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!((depth, roots), (0, 1), "{name}: one root, every tag closed");
}

/// Every part well formed, and every part the content types or a
/// relationship names is in the package.
fn assert_sound_package(docx: &[u8]) {
    let parts = parts(docx);
    for (name, xml) in &parts {
        assert_well_formed(name, xml);
    }
    let mut named = BTreeSet::new();
    for (attribute, base) in [("PartName=\"/", ""), ("Target=\"", "")] {
        for xml in parts.values() {
            for piece in xml.split(attribute).skip(1) {
                let target = piece.split('"').next().unwrap();
                named.insert(format!("{base}{target}"));
            }
        }
    }
    for target in named {
        let in_word = format!("word/{target}");
        assert!(
            parts.contains_key(&target) || parts.contains_key(&in_word),
            "{target} is named but not in the package: {:?}",
            parts.keys()
        );
    }
    assert!(parts.contains_key("[Content_Types].xml") && parts.contains_key("_rels/.rels"));
}

#[test]
fn every_part_of_every_view_is_well_formed_xml() {
    let (_tmp, drafts) = negotiated();
    for view in ["clean", "redline", "compilation"] {
        let docx = export(&drafts, &["--view", view, "--format", "docx"]);
        assert_sound_package(&docx);
    }
}

#[test]
fn hostile_text_cannot_break_the_package() {
    let (_tmp, drafts) = hostile();
    let docx = export(&drafts, &["--view", "compilation", "--format", "docx"]);
    assert_sound_package(&docx);
    let body = &parts(&docx)["word/document.xml"];
    assert!(body.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;"));
    assert!(
        !body.contains('\u{1b}') && !body.contains('\u{0}'),
        "forbidden characters dropped"
    );
    // pandoc reads it, and accepting France's change gives its text without them.
    let accepted = proposal_paragraphs(&pandoc(&docx, "accept"));
    let (id, text) = &accepted[0];
    assert_eq!(id, "france-1");
    assert_eq!(
        text,
        "Partners <script>alert('x')</script> & \"agree\" ]0;pwned to hold *a* \
         [Round](http://x) {--Table--} \u{202E}evil שלום"
    );
}

#[test]
fn the_same_drafts_give_the_same_bytes() {
    let (_tmp, drafts) = negotiated();
    let first = export(&drafts, &["--view", "compilation", "--format", "docx"]);
    let second = export(&drafts, &["--view", "compilation", "--format", "docx"]);
    assert_eq!(first, second);
}
