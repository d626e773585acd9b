//! What importing a cable would do, paragraph by paragraph, decided
//! without touching a file.
//!
//! Each paragraph with consensus language becomes one [`Step`]: a draft to
//! table, one already tabled (the same original text is in the folder:
//! importing twice changes nothing), or a refusal with its line (a
//! quotation that never closes, an id taken by a draft with another text).
//! A proposal paragraph without consensus language is skipped with a note;
//! other paragraphs (background, points of contact) are not mentioned.
//! Paragraphs are independent: one refused does not stop the others.
//!
//! Who tables a paragraph: the Partner given with `--as` on the command
//! line; else the originator the heading names ("U.S. PROPOSAL" is the
//! United States: a Partner whose name, or whose initials, the originator
//! spells); else the Partner from the environment (`PLENARY_AS`). Version
//! 1 is dated by the cable's date-time group, its note is `Original U.S.
//! wording` (the originator as the cable writes it), its source is the
//! cable's number and the paragraph's (`STATE 103767 para 5`), and the
//! title is the heading in title case.

use super::cable::{Cable, Language, Paragraph};
use std::collections::HashMap;

use super::{NewDraft, Refusal, Taken, new_draft, original_note};
use crate::model::{Draft, Session, Timestamp};

/// What the caller knows that the cable does not.
#[derive(Debug, Clone)]
pub struct ImportSettings<'a> {
    /// `--as` on the command line: tables every paragraph as this Partner
    /// (exact spelling).
    pub author: Option<&'a str>,
    /// Who tables a paragraph whose originator is not a Partner (the
    /// Partner from the environment, exact spelling).
    pub fallback_author: Option<&'a str>,
    /// Version 1's time when the cable has no date.
    pub now: Timestamp,
    /// Names the source when the cable has no number: the file's name.
    pub file_name: &'a str,
}

/// What importing does with one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A new draft to write.
    Table {
        paragraph: u32,
        line: usize,
        draft: Draft,
    },
    /// Its original text is already the original of draft `id`.
    AlreadyTabled {
        paragraph: u32,
        id: String,
        /// Whether `id` is in the session's order (a draft file written by
        /// an import that stopped before the order was updated is not).
        in_order: bool,
    },
    /// A proposal paragraph with no consensus language: a note, not a problem.
    Skipped {
        paragraph: u32,
        line: usize,
        why: String,
    },
    /// Not tabled: something to fix in the cable or the folder.
    Refused {
        paragraph: u32,
        line: usize,
        why: String,
    },
}

impl Step {
    pub fn is_problem(&self) -> bool {
        matches!(self, Step::Refused { .. })
    }
}

/// The steps, in the cable's order, and notes on the cable as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub steps: Vec<Step>,
    /// E.g. that the cable has no date, so version 1 is dated now.
    pub notes: Vec<String>,
}

impl Plan {
    /// Whether the cable had any consensus language at all (tabled, already
    /// there, or refused).
    pub fn found_any(&self) -> bool {
        self.steps
            .iter()
            .any(|s| !matches!(s, Step::Skipped { .. }))
    }
}

/// Plans the import of `cable` into a folder with `session`, whose loaded
/// drafts are `drafts` and whose taken ids (loaded or not, in the order or
/// not) are `taken`.
pub fn plan(
    cable: &Cable,
    session: &Session,
    drafts: &[&Draft],
    taken: &Taken,
    settings: &ImportSettings,
) -> Plan {
    let mut notes = Vec::new();
    let at = match &cable.sent {
        Some(at) => at.clone(),
        None => {
            notes.push(format!(
                "the cable has no date-time group (like `P R 061327Z OCT 09`): version 1 \
                 is dated {}",
                settings.now
            ));
            settings.now.clone()
        }
    };
    let reference = match &cable.reference {
        Some(reference) => reference.clone(),
        None => {
            notes.push(format!(
                "the cable's number (like `STATE 103767`) was not found: sources name {}",
                settings.file_name
            ));
            settings.file_name.to_string()
        }
    };
    let mut taken = taken.clone();
    // Originals already in the folder, then those planned so far: text -> id.
    let mut originals: HashMap<String, String> = HashMap::new();
    for draft in drafts.iter().rev() {
        if let Some(v) = draft.original() {
            originals.insert(v.text.clone(), draft.id.clone());
        }
    }
    let mut planned: Vec<String> = Vec::new();
    let mut steps = Vec::new();
    for paragraph in &cable.paragraphs {
        let number = paragraph.number;
        let (text, line) = match &paragraph.language {
            Language::None if paragraph.is_proposal() => {
                steps.push(Step::Skipped {
                    paragraph: number,
                    line: paragraph.line,
                    why: "no \"Proposed consensus language:\": nothing to table".into(),
                });
                continue;
            }
            Language::None => continue,
            Language::Problem { line, problem } => {
                steps.push(Step::Refused {
                    paragraph: number,
                    line: *line,
                    why: problem.to_string(),
                });
                continue;
            }
            Language::Text { text, line } => (text, *line),
        };
        let refuse = |why: String| Step::Refused {
            paragraph: number,
            line: paragraph.line,
            why,
        };
        let Some(title) = paragraph.title.as_deref() else {
            steps.push(refuse(
                "the paragraph has no heading to title the draft with; table it with \
                 `plenary new --title`"
                    .into(),
            ));
            continue;
        };
        if let Some(id) = originals.get(text) {
            steps.push(Step::AlreadyTabled {
                paragraph: number,
                in_order: session.drafts.contains(id) || planned.contains(id),
                id: id.clone(),
            });
            continue;
        }
        let (author, note) = match who_tables(paragraph, session, settings) {
            Ok(found) => found,
            Err(why) => {
                steps.push(refuse(why));
                continue;
            }
        };
        let source = format!("{reference} para {number}");
        let new = NewDraft {
            title,
            text,
            author: &author,
            id: None,
            source: Some(&source),
            marking: paragraph.marking.as_deref(),
            note: Some(&note),
            at: at.clone(),
        };
        match new_draft(session, &taken, &new) {
            Ok(draft) => {
                taken.insert(&draft.id);
                originals.insert(text.clone(), draft.id.clone());
                planned.push(draft.id.clone());
                steps.push(Step::Table {
                    paragraph: number,
                    line,
                    draft,
                });
            }
            Err(Refusal::Taken { id, suggestion }) => {
                let how = suggestion
                    .map(|s| format!(" (`plenary new --id {s}` tables it under another id)"))
                    .unwrap_or_default();
                steps.push(refuse(format!(
                    "a draft '{id}' already exists with another original text: not \
                     overwritten{how}"
                )));
            }
            Err(e) => steps.push(refuse(e.to_string())),
        }
    }
    Plan { steps, notes }
}

/// The tabling Partner and version 1's note for `paragraph`.
fn who_tables(
    paragraph: &Paragraph,
    session: &Session,
    settings: &ImportSettings,
) -> Result<(String, String), String> {
    let originator = paragraph.originator.as_deref();
    let partner = originator.and_then(|o| originator_partner(session, o));
    let author = settings
        .author
        .or(partner)
        .or(settings.fallback_author)
        .ok_or_else(|| match originator {
            Some(o) => format!(
                "'{o}' is not one of the session's Partners: say who tabled it with --as PARTNER"
            ),
            None => "the heading names no proposing Partner: say who tabled it with --as PARTNER"
                .to_string(),
        })?;
    let note = match (originator, partner) {
        (Some(o), Some(p)) if p == author => original_note(o),
        _ => original_note(author),
    };
    Ok((author.to_string(), note))
}

/// The Partner a cable's originator names: `U.S.` is the United States
/// (its initials), `FRANCE` is France; `None` unless exactly one matches.
pub fn originator_partner<'s>(session: &'s Session, originator: &str) -> Option<&'s str> {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let wanted = norm(originator);
    if wanted.len() < 2 {
        return None;
    }
    let initials = |p: &str| -> String {
        p.split_whitespace()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let mut found = session
        .partners
        .iter()
        .filter(|p| norm(p) == wanted || (p.contains(' ') && initials(p) == wanted));
    match (found.next(), found.next()) {
        (Some(only), None) => Some(only.as_str()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::tests::session;
    use crate::tabling::cable::parse;

    fn settings() -> ImportSettings<'static> {
        ImportSettings {
            author: None,
            fallback_author: None,
            now: Timestamp::parse("2020-01-01T00:00:00Z").unwrap(),
            file_name: "cable.txt",
        }
    }

    const CABLE: &str = "\
P R 061327Z OCT 09
C O N F I D E N T I A L STATE 103767

1. (U) This is an action request.

2. (C) U.S. PROPOSAL ON ENTITIES OF CONCERN:

(C/REL MTCR)

Proposed consensus language:

\"Partners agree on a
\"black list\".\"

3. (C) FRENCH PROPOSAL ON OUTREACH:

Proposed consensus language:

\"Partners agree to reach out.\"

4. (C) U.S. PROPOSAL ON BACKGROUND:

Nothing to agree here.
";

    #[test]
    fn a_cable_plans_one_step_per_proposal_paragraph() {
        let cable = parse(CABLE);
        let plan = plan(&cable, &session(), &[], &Taken::default(), &settings());
        assert_eq!(plan.notes, Vec::<String>::new());
        let [table, refused, skipped] = &plan.steps[..] else {
            panic!("{:#?}", plan.steps)
        };
        let Step::Table { draft, .. } = table else {
            panic!("{table:?}")
        };
        assert_eq!(draft.id, "entities-of-concern");
        assert_eq!(draft.title, "U.S. Proposal on Entities of Concern");
        assert_eq!(draft.source.as_deref(), Some("STATE 103767 para 2"));
        assert_eq!(draft.marking.as_deref(), Some("C/REL MTCR"));
        let v1 = draft.original().unwrap();
        assert_eq!(v1.author, "United States");
        assert_eq!(v1.at.as_str(), "2009-10-06T13:27:00Z");
        assert_eq!(v1.note.as_deref(), Some("Original U.S. wording"));
        assert_eq!(v1.text, "Partners agree on a \"black list\".");
        assert!(
            matches!(refused, Step::Refused { paragraph: 3, why, .. } if why.contains("'French' is not one of the session's Partners")),
            "{refused:?}"
        );
        assert!(matches!(skipped, Step::Skipped { paragraph: 4, .. }));
    }

    #[test]
    fn as_overrides_and_the_environment_only_fills_in() {
        let cable = parse(CABLE);
        let mut s = settings();
        s.fallback_author = Some("France");
        let plan = plan(&cable, &session(), &[], &Taken::default(), &s);
        let authors: Vec<(&str, Option<&str>)> = plan
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Table { draft, .. } => {
                    let v = draft.original().unwrap();
                    Some((v.author.as_str(), v.note.as_deref()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            authors,
            [
                ("United States", Some("Original U.S. wording")),
                ("France", Some("Original France wording"))
            ]
        );
        s.author = Some("Germany");
        let plan = super::plan(&cable, &session(), &[], &Taken::default(), &s);
        let Step::Table { draft, .. } = &plan.steps[0] else {
            panic!()
        };
        assert_eq!(draft.original().unwrap().author, "Germany");
    }

    #[test]
    fn already_tabled_texts_are_skipped_and_taken_ids_refused() {
        let cable = parse(CABLE);
        let first = plan(&cable, &session(), &[], &Taken::default(), &settings());
        let Step::Table { draft, .. } = &first.steps[0] else {
            panic!()
        };
        let mut in_folder = session();
        in_folder.drafts = vec![draft.id.clone()];
        let again = plan(
            &cable,
            &in_folder,
            &[draft],
            &Taken::from_iter(["entities-of-concern"]),
            &settings(),
        );
        assert_eq!(
            again.steps[0],
            Step::AlreadyTabled {
                paragraph: 2,
                id: "entities-of-concern".into(),
                in_order: true
            }
        );
        let mut other = draft.clone();
        other.versions[0].text = "Something else.".into();
        let clash = plan(
            &cable,
            &in_folder,
            &[&other],
            &Taken::from_iter(["entities-of-concern"]),
            &settings(),
        );
        let Step::Refused { why, .. } = &clash.steps[0] else {
            panic!("{:?}", clash.steps[0])
        };
        assert!(
            why.contains("already exists with another original text"),
            "{why}"
        );
        assert!(why.contains("--id entities-of-concern-2"), "{why}");
    }

    #[test]
    fn a_cable_without_date_or_number_says_so() {
        let cable = parse("3. (C) U.S. PROPOSAL ON X:\nProposed consensus language: \"X.\"\n");
        let plan = plan(&cable, &session(), &[], &Taken::default(), &settings());
        assert_eq!(plan.notes.len(), 2, "{:?}", plan.notes);
        let Step::Table { draft, .. } = &plan.steps[0] else {
            panic!("{:?}", plan.steps)
        };
        assert_eq!(draft.source.as_deref(), Some("cable.txt para 3"));
        assert_eq!(
            draft.original().unwrap().at.as_str(),
            "2020-01-01T00:00:00Z"
        );
    }

    #[test]
    fn originators_match_names_and_initials() {
        let mut s = session();
        s.partners.push("United Kingdom".into());
        s.partners.push("Republic of Korea".into());
        assert_eq!(originator_partner(&s, "U.S."), Some("United States"));
        assert_eq!(originator_partner(&s, "UK"), Some("United Kingdom"));
        assert_eq!(originator_partner(&s, "ROK"), Some("Republic of Korea"));
        assert_eq!(originator_partner(&s, "France"), Some("France"));
        assert_eq!(originator_partner(&s, "French"), None);
        assert_eq!(originator_partner(&s, "U"), None);
    }
}
