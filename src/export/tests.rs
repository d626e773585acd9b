//! The views on a small session: what each section holds, and who each
//! change is attributed to. Renderers have their own tests beside them;
//! the whole program is tested in `tests/export.rs`.

use super::*;
use crate::model::{Draft, Position, Proposal, ProposalStatus, Session, Stance, Version};

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn session() -> Session {
    Session {
        schema: 1,
        name: "Test Plenary".into(),
        place: Some("Rio".into()),
        opens: Some("2009-11-09".into()),
        closes: Some("2009-11-13".into()),
        chair: "Brazil".into(),
        partners: ["Brazil", "France", "Germany", "Japan", "United States"]
            .map(String::from)
            .to_vec(),
        drafts: vec!["a".into(), "b".into()],
    }
}

fn version(n: u32, author: &str, when: &str, text: &str) -> Version {
    Version {
        version: n,
        author: author.into(),
        at: at(when),
        note: None,
        adopted_from: None,
        text: text.into(),
    }
}

/// Draft `a`: adopted twice, with an open proposal by France that Germany
/// supports and Japan objects to, and a withdrawn one. Draft `b`: agreed.
fn drafts() -> (Draft, Draft) {
    let a = Draft {
        schema: 1,
        id: "a".into(),
        title: "Entities".into(),
        source: Some("STATE 103767 para 5".into()),
        marking: Some("C/REL MTCR".into()),
        status: DraftStatus::Open,
        agreed: None,
        versions: vec![
            version(
                1,
                "United States",
                "2009-10-06T13:27:00Z",
                "the list entities of concern",
            ),
            version(
                2,
                "Brazil",
                "2009-11-10T11:00:00+02:00",
                "the list of entities of concern",
            ),
        ],
        proposals: vec![
            Proposal {
                id: "france-1".into(),
                partner: "France".into(),
                base: 2,
                at: at("2009-11-11T10:02:11Z"),
                rationale: Some("Clearer.".into()),
                status: ProposalStatus::Open,
                text: "the updated list of entities of concern".into(),
                merges: vec![],
                closed_at: None,
                positions: vec![
                    Position {
                        partner: "Germany".into(),
                        stance: Stance::Support,
                        at: at("2009-11-11T11:00:00Z"),
                        note: None,
                    },
                    Position {
                        partner: "Japan".into(),
                        stance: Stance::Object,
                        at: at("2009-11-11T11:05:00Z"),
                        note: Some("awaiting instructions".into()),
                    },
                ],
            },
            Proposal {
                id: "japan-1".into(),
                partner: "Japan".into(),
                base: 1,
                at: at("2009-11-09T09:00:00Z"),
                rationale: None,
                status: ProposalStatus::Withdrawn,
                text: "withdrawn text".into(),
                merges: vec![],
                closed_at: None,
                positions: vec![],
            },
        ],
    };
    let b = Draft {
        id: "b".into(),
        title: "Outreach".into(),
        source: None,
        marking: None,
        status: DraftStatus::Agreed,
        versions: vec![version(
            1,
            "United States",
            "2009-10-06T13:27:00Z",
            "Agreed text.",
        )],
        proposals: vec![],
        ..a.clone()
    };
    (a, b)
}

fn export(options: &Options) -> Result<Document, ExportError> {
    let (a, b) = drafts();
    build(&session(), &[&a, &b], options)
}

fn view(view: View) -> Options {
    Options {
        view,
        ..Options::default()
    }
}

/// A compilation of the two test drafts, for the renderers' tests.
pub(crate) fn document() -> Document {
    export(&view(View::Compilation)).unwrap()
}

#[test]
fn clean_view_has_every_draft_numbered_with_its_current_text() {
    let document = export(&view(View::Clean)).unwrap();
    assert_eq!(document.title, "Test Plenary");
    assert_eq!(
        document.about.text(),
        "Rio, 2009-11-09 to 2009-11-13 · Chair: Brazil"
    );
    assert_eq!(document.kind, "Clean text");
    let numbers: Vec<(usize, &str)> = document
        .sections
        .iter()
        .map(|s| (s.number, s.id.as_str()))
        .collect();
    assert_eq!(numbers, [(1, "a"), (2, "b")]);
    let a = &document.sections[0];
    assert_eq!(
        a.status_line().text(),
        "Under negotiation · C/REL MTCR · STATE 103767 para 5"
    );
    assert_eq!(
        a.blocks,
        [Block::Text("the list of entities of concern".into())]
    );
    assert_eq!(document.sections[1].status_line().text(), "Agreed");
}

#[test]
fn filters_keep_the_session_order_and_renumber() {
    let options = Options {
        drafts_only: Some(vec!["b".into(), "a".into()]),
        ..view(View::Clean)
    };
    let ids: Vec<String> = export(&options)
        .unwrap()
        .sections
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["a", "b"]);
    let agreed = export(&Options {
        agreed_only: true,
        ..view(View::Clean)
    })
    .unwrap();
    assert_eq!(agreed.sections.len(), 1);
    assert_eq!(
        (agreed.sections[0].number, agreed.sections[0].id.as_str()),
        (1, "b")
    );
}

#[test]
fn unknown_draft_is_named_with_the_known_ones() {
    let options = Options {
        drafts_only: Some(vec!["a".into(), "zz".into()]),
        ..view(View::Clean)
    };
    let error = export(&options).unwrap_err();
    assert_eq!(
        error.to_string(),
        "no draft 'zz' to export; the drafts are: a, b"
    );
}

#[test]
fn redline_view_is_the_chairs_changes_against_the_original() {
    let document = export(&view(View::Redline)).unwrap();
    assert_eq!(document.kind, "Redline against the original");
    let blocks = &document.sections[0].blocks;
    let Block::Field { name, value } = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert_eq!(name, "Changes");
    assert_eq!(
        value.text(),
        "version 2 against the original, adopted by Brazil, 2009-11-10T09:00:00Z"
    );
    let Block::Redline(change) = &blocks[1] else {
        panic!("{blocks:?}")
    };
    // The Chair's time, in UTC.
    assert_eq!(
        (change.author.as_str(), change.at.as_str()),
        ("Brazil", "2009-11-10T09:00:00Z")
    );
    let r = crate::redline::Redline {
        spans: change.spans.clone(),
    };
    assert_eq!(
        crate::redline::plain(&r),
        "the list {+of +}entities of concern"
    );
    // Draft b has one version: nothing changed.
    assert_eq!(
        document.sections[1].blocks,
        [
            Block::Field {
                name: "Changes".into(),
                value: Line::new().plain("none since the original")
            },
            Block::Text("Agreed text.".into())
        ]
    );
}

#[test]
fn redline_against_a_version_that_a_draft_lacks_is_an_error() {
    let options = Options {
        against: Against::Version(2),
        ..view(View::Redline)
    };
    assert_eq!(
        export(&options).unwrap_err(),
        ExportError::NoSuchVersion {
            draft: "b".into(),
            version: 2,
            last: 1
        }
    );
    let options = Options {
        drafts_only: Some(vec!["a".into()]),
        ..options
    };
    let document = export(&options).unwrap();
    assert_eq!(document.kind, "Redline against version 2");
    assert!(
        matches!(&document.sections[0].blocks[1], Block::Text(t) if t == "the list of entities of concern")
    );
}

#[test]
fn compilation_has_each_open_proposal_with_partner_rationale_and_positions() {
    let document = document();
    assert_eq!(document.kind, "Compilation text");
    let texts: Vec<String> = document.sections[0]
        .blocks
        .iter()
        .map(|b| match b {
            Block::Label(line) => format!("label: {}", line.text()),
            Block::Text(text) => format!("text: {text}"),
            Block::Field { name, value } => format!("{name}: {}", value.text()),
            Block::Redline(c) => format!(
                "redline by {} at {}: {}",
                c.author,
                c.at,
                crate::redline::plain(&crate::redline::Redline {
                    spans: c.spans.clone()
                })
            ),
        })
        .collect();
    assert_eq!(
        texts,
        [
            "label: Current text: version 2, adopted by Brazil, 2009-11-10T09:00:00Z",
            "text: the list of entities of concern",
            "label: Proposal france-1 by France, 2009-11-11T10:02:11Z",
            "Rationale: Clearer.",
            "redline by France at 2009-11-11T10:02:11Z: the {+updated +}list of entities of concern",
            "Supports: Germany",
            "Objects: Japan (awaiting instructions)",
        ]
    );
    assert!(matches!(
        &document.sections[1].blocks[2],
        Block::Field { name, .. } if name == "Proposals"
    ));
}

#[test]
fn every_format_renders() {
    let document = document();
    for format in [Format::Txt, Format::Md, Format::Html, Format::Docx] {
        let bytes = render(&document, format).unwrap();
        assert!(!bytes.is_empty(), "{format:?}");
    }
}
