//! What negotiators do to a draft: propose, revise, withdraw, take
//! positions; and what the Chair does: merge, adopt, declare consensus.
//!
//! Every operation is a pure function over a [`Draft`] and the [`Session`]
//! that checks who may do it, records who and when, and leaves the draft
//! untouched when it refuses. Saving is the caller's business (the store);
//! the CLI and the TUI call the same functions.

mod adopt;
pub mod brackets;
mod consensus;
pub mod history;
pub mod merge;
mod position;
mod propose;

pub use adopt::{adopt, carried, file_merge, merge_proposals, merged_objections, objectors};
pub use consensus::{Consensus, agree, bracket_places, consensus, counted};
pub use position::take_position;
pub use propose::{propose, propose_on, revise, withdraw};

use merge::Conflict;

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
    #[error("only the Chair ({chair}) may {action}; you are acting as {who}")]
    NotChair {
        who: String,
        chair: String,
        action: &'static str,
    },
    #[error("draft '{draft}' has no version {version}")]
    NoSuchVersion { draft: String, version: u32 },
    #[error(
        "proposal '{proposal}' was made on version {base} and collides with version \
         {current}: the Chair must resolve these by hand (for instance by filing a merged \
         text){}",
        adopt::describe(conflicts)
    )]
    Collision {
        proposal: String,
        base: u32,
        current: u32,
        conflicts: Vec<Conflict>,
    },
    #[error("adopting '{proposal}' would not change version {version}: it is already in the text")]
    NothingToAdopt { proposal: String, version: u32 },
    #[error(
        "{} {} to '{proposal}': it cannot be adopted while an objection stands",
        objectors.join(", "),
        if objectors.len() == 1 { "objects" } else { "object" }
    )]
    Objected {
        proposal: String,
        objectors: Vec<String>,
    },
    #[error("name at least two proposals to merge")]
    TooFewToMerge,
    #[error("draft '{draft}' cannot be agreed yet:{}", lines(objections, brackets))]
    NoConsensus {
        draft: String,
        objections: Vec<String>,
        brackets: Vec<String>,
    },
}

/// The reasons of a refused agreement, one indented line each.
fn lines(objections: &[String], brackets: &[String]) -> String {
    let mut out = String::new();
    for objection in objections {
        out.push_str(&format!("\n  {objection}"));
    }
    if !brackets.is_empty() {
        out.push_str("\n  brackets remain in the current text:");
    }
    for place in brackets {
        out.push_str(&format!("\n    {place}"));
    }
    out
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

/// The Chair's exact name if `who` is the Chair, or a refusal naming `action`.
fn chair<'s>(session: &'s Session, who: &str, action: &'static str) -> Result<&'s str, Refusal> {
    partner(session, who)?;
    if session.chair == who {
        Ok(&session.chair)
    } else {
        Err(Refusal::NotChair {
            who: who.to_string(),
            chair: session.chair.clone(),
            action,
        })
    }
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
            agreed: None,
            versions: vec![Version {
                version: 1,
                author: "United States".into(),
                at: at(),
                note: None,
                adopted_from: None,
                text: "Partners agree.".into(),
            }],
            proposals: vec![],
        }
    }
}
