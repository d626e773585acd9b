//! What negotiators do to a draft: propose, revise, withdraw, take positions.
//!
//! Every operation is a pure function over a [`Draft`] and the [`Session`]
//! that checks who may do it, records who and when, and leaves the draft
//! untouched when it refuses. Saving is the caller's business (the store);
//! the CLI and the TUI call the same functions.

mod position;
mod propose;

pub use position::take_position;
pub use propose::{propose, revise, withdraw};

use thiserror::Error;

use crate::model::{Draft, DraftStatus, Session};

/// Why an operation was refused. Messages are written for negotiators.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum Refusal {
    #[error("'{0}' is not a Partner of this session")]
    NotAPartner(String),
    #[error("draft '{0}' has no versions")]
    NoText(String),
    #[error("the text is empty")]
    EmptyText,
    #[error("the text is the same as version {0}: there is nothing to propose")]
    Unchanged(u32),
    #[error("draft '{draft}' has no proposal '{proposal}'")]
    NoSuchProposal { draft: String, proposal: String },
    #[error("proposal '{proposal}' is {partner}'s: only {partner} may {action} it")]
    NotYours {
        proposal: String,
        partner: String,
        action: &'static str,
    },
    #[error("proposal '{proposal}' is {status}, no longer open")]
    NotOpen {
        proposal: String,
        status: &'static str,
    },
    #[error("draft '{draft}' is {status}: it takes no more proposals or positions")]
    Closed { draft: String, status: &'static str },
}

/// The exact Partner name for `who`, or a refusal.
fn partner<'s>(session: &'s Session, who: &str) -> Result<&'s str, Refusal> {
    session
        .partners
        .iter()
        .find(|p| *p == who)
        .map(String::as_str)
        .ok_or_else(|| Refusal::NotAPartner(who.to_string()))
}

/// Agreed drafts are closed to further negotiation.
fn ensure_open(draft: &Draft) -> Result<(), Refusal> {
    match draft.status {
        DraftStatus::Open => Ok(()),
        status => Err(Refusal::Closed {
            draft: draft.id.clone(),
            status: status.as_str(),
        }),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::model::{Draft, DraftStatus, Session, Timestamp, Version};

    pub fn at() -> Timestamp {
        Timestamp::parse("2009-11-09T10:00:00Z").unwrap()
    }

    pub fn session() -> Session {
        Session {
            schema: 1,
            name: "Test".into(),
            place: None,
            opens: None,
            closes: None,
            chair: "Brazil".into(),
            partners: ["Brazil", "France", "Germany", "Japan", "United States"]
                .map(String::from)
                .to_vec(),
            drafts: vec!["d".into()],
        }
    }

    pub fn draft() -> Draft {
        Draft {
            schema: 1,
            id: "d".into(),
            title: "T".into(),
            source: None,
            marking: None,
            status: DraftStatus::Open,
            versions: vec![Version {
                version: 1,
                author: "United States".into(),
                at: at(),
                note: None,
                text: "Partners agree.".into(),
            }],
            proposals: vec![],
        }
    }
}
