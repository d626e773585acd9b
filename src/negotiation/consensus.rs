//! Where consensus stands on a draft, and the Chair's declaration of it.

use super::brackets::{Brackets, line_col, scan};
use super::{Refusal, chair, ensure_open};
use crate::model::{Agreement, Draft, DraftStatus, Session, Stance, Timestamp};

/// A draft's standing: what still stands between it and agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consensus {
    pub status: DraftStatus,
    /// The current version's number (0 for a draft without text).
    pub version: u32,
    /// Open proposals, by id.
    pub open: Vec<String>,
    /// Standing objections on open proposals: (Partner, proposal id).
    pub objections: Vec<(String, String)>,
    /// Standing reservations on open proposals: (Partner, proposal id).
    pub reservations: Vec<(String, String)>,
    /// The brackets of the current text.
    pub brackets: Brackets,
}

impl Consensus {
    /// Nothing stands in the way: the Chair may declare agreement.
    pub fn is_ready(&self) -> bool {
        self.objections.is_empty() && self.brackets.is_clean()
    }

    /// One line on where the draft stands: "agreed", "ready to agree", or
    /// "not ready: 1 objection, 2 brackets, 3 open proposals".
    pub fn summary(&self) -> String {
        if self.status != DraftStatus::Open {
            return self.status.as_str().to_string();
        }
        let brackets = self.brackets.outermost().count();
        let parts: Vec<String> = [
            (self.objections.len(), "objection"),
            (self.reservations.len(), "reservation"),
            (brackets, "bracket"),
            (self.brackets.strays.len(), "unbalanced bracket"),
            (self.open.len(), "open proposal"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, word)| counted(n, word))
        .collect();
        let ready = if self.is_ready() {
            "ready to agree"
        } else {
            "not ready"
        };
        if parts.is_empty() {
            ready.to_string()
        } else {
            format!("{ready}: {}", parts.join(", "))
        }
    }
}

/// "1 objection", "2 objections": a count with its noun.
pub fn counted(n: usize, word: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {word}{s}")
}

/// Reads where `draft` stands.
pub fn consensus(draft: &Draft) -> Consensus {
    let mut standing = Consensus {
        status: draft.status,
        version: draft.current().map_or(0, |v| v.version),
        open: Vec::new(),
        objections: Vec::new(),
        reservations: Vec::new(),
        brackets: draft.current().map(|v| scan(&v.text)).unwrap_or_default(),
    };
    for proposal in draft.open_proposals() {
        standing.open.push(proposal.id.clone());
        for position in proposal.standing_positions() {
            let entry = (position.partner.clone(), proposal.id.clone());
            match position.stance {
                Stance::Object => standing.objections.push(entry),
                Stance::Reserve => standing.reservations.push(entry),
                Stance::Support => {}
            }
        }
    }
    standing
}

/// The Chair declares `draft` agreed (or agreed ad referendum), recording
/// who and when. Refused while any Partner objects to an open proposal or
/// any bracket remains in the current text; the refusal says which.
pub fn agree(
    draft: &mut Draft,
    session: &Session,
    who: &str,
    ad_ref: bool,
    note: Option<&str>,
    at: Timestamp,
) -> Result<(), Refusal> {
    let chair = chair(session, who, "declare consensus")?.to_string();
    ensure_open(draft)?;
    let standing = consensus(draft);
    if !standing.is_ready() {
        let text = draft.current().map_or("", |v| v.text.as_str());
        return Err(Refusal::NoConsensus {
            draft: draft.id.clone(),
            objections: standing
                .objections
                .iter()
                .map(|(partner, proposal)| format!("{partner} objects to {proposal}"))
                .collect(),
            brackets: bracket_places(text, &standing.brackets),
        });
    }
    draft.status = if ad_ref {
        DraftStatus::AdRef
    } else {
        DraftStatus::Agreed
    };
    draft.agreed = Some(Agreement {
        by: chair,
        at,
        note: note
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from),
    });
    Ok(())
}

/// "line 1, column 40: [France: x / Germany: y]" for each outermost passage
/// and each stray bracket, in text order.
pub fn bracket_places(text: &str, brackets: &Brackets) -> Vec<String> {
    let mut places: Vec<(usize, String)> = brackets
        .outermost()
        .map(|p| (p.range.start, excerpt(&text[p.range.clone()])))
        .chain(brackets.strays.iter().map(|s| (s.at, s.kind.to_string())))
        .map(|(at, what)| {
            let (line, column) = line_col(text, at);
            (at, format!("line {line}, column {column}: {what}"))
        })
        .collect();
    places.sort_by_key(|(at, _)| *at);
    places.into_iter().map(|(_, place)| place).collect()
}

/// A passage shortened to about 60 characters for a message line.
fn excerpt(passage: &str) -> String {
    const MAX: usize = 60;
    let flat = passage.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…]", &flat[..cut]),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::tests::{at, draft, session};
    use crate::negotiation::{propose, take_position};

    #[test]
    fn agreement_is_refused_while_a_partner_objects() {
        let (mut d, s) = (draft(), session());
        let id = propose(&mut d, &s, "France", "Partners agree now.", None, at()).unwrap();
        take_position(&mut d, &s, "Japan", &id, Stance::Object, None, at()).unwrap();
        take_position(&mut d, &s, "Germany", &id, Stance::Reserve, None, at()).unwrap();
        let before = d.clone();
        let refusal = agree(&mut d, &s, "Brazil", false, None, at()).unwrap_err();
        assert_eq!(d, before);
        assert!(
            refusal.to_string().contains("Japan objects to france-1"),
            "{refusal}"
        );
        let standing = consensus(&d);
        assert_eq!(standing.reservations, [("Germany".into(), id.clone())]);
        assert_eq!(
            standing.summary(),
            "not ready: 1 objection, 1 reservation, 1 open proposal"
        );
        take_position(&mut d, &s, "Japan", &id, Stance::Support, None, at()).unwrap();
        agree(&mut d, &s, "Brazil", true, Some("pending Tokyo"), at()).unwrap();
        assert_eq!(d.status, DraftStatus::AdRef);
        assert_eq!(d.agreed.as_ref().unwrap().by, "Brazil");
        assert_eq!(consensus(&d).summary(), "ad-ref");
    }

    #[test]
    fn agreement_is_refused_while_brackets_remain() {
        let (mut d, s) = (draft(), session());
        d.versions[0].text = "Partners [agree / note].\nThey [meet".into();
        let refusal = agree(&mut d, &s, "Brazil", false, None, at()).unwrap_err();
        let message = refusal.to_string();
        assert!(
            message.contains("line 1, column 10: [agree / note]"),
            "{message}"
        );
        assert!(
            message.contains("line 2, column 6: '[' is never closed"),
            "{message}"
        );
    }

    #[test]
    fn only_the_chair_declares_consensus() {
        let (mut d, s) = (draft(), session());
        let refusal = agree(&mut d, &s, "Japan", false, None, at()).unwrap_err();
        assert!(matches!(refusal, Refusal::NotChair { .. }));
        assert_eq!(d.status, DraftStatus::Open);
        agree(&mut d, &s, "Brazil", false, None, at()).unwrap();
        let again = agree(&mut d, &s, "Brazil", false, None, at()).unwrap_err();
        assert!(matches!(again, Refusal::Closed { .. }));
    }
}
