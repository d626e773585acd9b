//! Tabling: putting a new paragraph on the table, typed by a Partner or
//! read from a cable.
//!
//! A tabled draft is a new [`Draft`] whose version 1 (the *original*) is
//! the tabled wording, by the tabling Partner, and whose id is a safe file
//! name derived from its title ([`id`]). [`new_draft`] builds one and
//! refuses, with a reason written for negotiators, what would not do: an
//! empty text, a Partner not in the session, an unsafe id (`../../etc/x`),
//! an id already taken (plenary never overwrites a draft; the refusal
//! suggests a free id). [`cable`] reads a diplomatic cable's paragraphs and
//! [`import`] plans what importing it would table, skip or refuse.
//!
//! Everything here is pure: nothing reads or writes files. The store's
//! `Folder::add_draft` writes the draft and appends it to the session's
//! order; the CLI (`plenary new`, `plenary import`) and the TUI's new-draft
//! dialog call these functions and then the store.

pub mod cable;
pub mod id;
pub mod import;

pub use id::{Taken, derive_id};
pub use import::{ImportSettings, Plan, Step, plan};

use crate::model::validate::id_problem;
use crate::model::{Draft, DraftStatus, SCHEMA, Session, Timestamp, Version};

/// Everything a new draft is made of.
#[derive(Debug, Clone)]
pub struct NewDraft<'a> {
    pub title: &'a str,
    /// Version 1's text, kept exactly as given.
    pub text: &'a str,
    /// The tabling Partner, spelled as the session spells it.
    pub author: &'a str,
    /// The id to use; derived from the title when `None`.
    pub id: Option<&'a str>,
    /// Where it was tabled, e.g. `STATE 103767 para 5`.
    pub source: Option<&'a str>,
    /// Classification marking, e.g. `C/REL MTCR`.
    pub marking: Option<&'a str>,
    /// Version 1's note, e.g. `Original U.S. wording`.
    pub note: Option<&'a str>,
    pub at: Timestamp,
}

/// Why a draft was not tabled. Messages are written for negotiators.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("'{who}' is not a Partner of this session{}", hint(.suggestion))]
    NotAPartner {
        who: String,
        suggestion: Option<String>,
    },
    #[error("the draft needs a title")]
    NoTitle,
    #[error("the {0} must be one line")]
    NotOneLine(&'static str),
    #[error("the text is empty")]
    EmptyText,
    #[error("{0}")]
    UnsafeId(String),
    #[error("the title '{0}' has no letters or digits to make an id from: give one with --id")]
    NoId(String),
    #[error(
        "a draft '{id}' already exists: plenary never overwrites a draft; \
         give this one another id{}",
        .suggestion.as_ref().map(|s| format!(", e.g. --id {s}")).unwrap_or_default()
    )]
    Taken {
        id: String,
        suggestion: Option<String>,
    },
}

fn hint(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" (did you mean '{s}'?)"))
        .unwrap_or_default()
}

/// The id `new` would use for `title` (or `given`), checked: safe, and not
/// one of `taken` (every draft id the folder has, in its order or on disk).
pub fn choose_id(title: &str, given: Option<&str>, taken: &Taken) -> Result<String, Refusal> {
    let id = match given {
        Some(id) => {
            if let Some(problem) = id_problem(id, "draft id") {
                return Err(Refusal::UnsafeId(problem));
            }
            id.to_string()
        }
        None => derive_id(title).ok_or_else(|| Refusal::NoId(title.to_string()))?,
    };
    if taken.contains(&id) {
        return Err(Refusal::Taken {
            suggestion: id::suggestions(given.is_none().then_some(title), &id, taken),
            id,
        });
    }
    Ok(id)
}

/// A new draft whose version 1 is `new.text`, tabled by `new.author`.
/// `taken` lists the ids already in use; the store checks again, under
/// its lock, when it writes the file.
pub fn new_draft(session: &Session, taken: &Taken, new: &NewDraft) -> Result<Draft, Refusal> {
    let title = new.title.trim();
    if title.is_empty() {
        return Err(Refusal::NoTitle);
    }
    for (what, value) in [
        ("title", Some(title)),
        ("source", new.source),
        ("marking", new.marking),
        ("note", new.note),
    ] {
        if value.is_some_and(|v| v.contains(['\n', '\r'])) {
            return Err(Refusal::NotOneLine(what));
        }
    }
    if !session.is_partner(new.author) {
        return Err(Refusal::NotAPartner {
            who: new.author.to_string(),
            suggestion: session.suggest_partner(new.author).map(String::from),
        });
    }
    if new.text.trim().is_empty() {
        return Err(Refusal::EmptyText);
    }
    let id = choose_id(title, new.id, taken)?;
    let present = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(String::from);
    Ok(Draft {
        schema: SCHEMA,
        id,
        title: title.to_string(),
        source: present(new.source),
        marking: present(new.marking),
        status: DraftStatus::Open,
        agreed: None,
        versions: vec![Version {
            version: 1,
            author: new.author.to_string(),
            at: new.at.clone(),
            note: present(new.note),
            adopted_from: None,
            text: new.text.to_string(),
        }],
        proposals: Vec::new(),
    })
}

/// Version 1's note: `Original U.S. wording`, `Original France wording`.
pub fn original_note(who: &str) -> String {
    format!("Original {who} wording")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate_draft;
    use crate::negotiation::tests::{at, session};

    fn tabling<'a>(title: &'a str, text: &'a str, id: Option<&'a str>) -> NewDraft<'a> {
        NewDraft {
            title,
            text,
            author: "France",
            id,
            source: None,
            marking: None,
            note: Some("Original France wording"),
            at: at(),
        }
    }

    #[test]
    fn a_new_draft_is_version_1_by_the_tabling_partner() {
        let draft = new_draft(
            &session(),
            &Taken::from_iter(["d"]),
            &tabling("Export controls on drones", "Partners agree.", None),
        )
        .unwrap();
        assert_eq!(draft.id, "export-controls");
        assert_eq!(draft.title, "Export controls on drones");
        let original = draft.original().unwrap();
        assert_eq!(
            (
                original.version,
                original.author.as_str(),
                &original.text[..]
            ),
            (1, "France", "Partners agree.")
        );
        assert_eq!(original.note.as_deref(), Some("Original France wording"));
        assert_eq!(validate_draft(&draft, &session()), vec![]);
    }

    #[test]
    fn refusals_say_why() {
        let s = session();
        let refused = |t: NewDraft| new_draft(&s, &Taken::from_iter(["d", "x"]), &t).unwrap_err();
        assert_eq!(refused(tabling(" ", "t", None)), Refusal::NoTitle);
        assert_eq!(refused(tabling("T", " \n", None)), Refusal::EmptyText);
        assert_eq!(
            refused(tabling("a\nb", "t", None)),
            Refusal::NotOneLine("title")
        );
        let hostile = refused(tabling("T", "t", Some("../../etc/x")));
        assert!(
            hostile
                .to_string()
                .contains("'../../etc/x' is not a safe id"),
            "{hostile}"
        );
        assert_eq!(
            refused(tabling("X", "t", None)),
            Refusal::Taken {
                id: "x".into(),
                suggestion: Some("x-2".into())
            }
        );
        assert_eq!(
            refused(tabling("T", "t", Some("d"))).to_string(),
            "a draft 'd' already exists: plenary never overwrites a draft; give this one \
             another id, e.g. --id d-2"
        );
        assert_eq!(
            refused(tabling("!!", "t", None)),
            Refusal::NoId("!!".into())
        );
        let mut stranger = tabling("T", "t", None);
        stranger.author = "Frnace";
        assert_eq!(
            refused(stranger).to_string(),
            "'Frnace' is not a Partner of this session (did you mean 'France'?)"
        );
    }
}
