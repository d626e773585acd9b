//! Partners' positions on proposals.

use super::{Refusal, ensure_open, partner};
use crate::model::{Draft, Position, ProposalStatus, Session, Stance, Timestamp};

/// Records `who`'s `stance` on open proposal `id`. Earlier positions stay in
/// the file as history; the latest one stands.
pub fn take_position(
    draft: &mut Draft,
    session: &Session,
    who: &str,
    id: &str,
    stance: Stance,
    note: Option<&str>,
    at: Timestamp,
) -> Result<(), Refusal> {
    let partner = partner(session, who)?.to_string();
    ensure_open(draft)?;
    let draft_id = draft.id.clone();
    let proposal = draft
        .proposals
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| Refusal::NoSuchProposal {
            draft: draft_id,
            proposal: id.to_string(),
        })?;
    if proposal.status != ProposalStatus::Open {
        return Err(Refusal::NotOpen {
            proposal: id.to_string(),
            status: proposal.status.as_str(),
        });
    }
    proposal.positions.push(Position {
        partner,
        stance,
        at,
        note: note
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from),
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::propose;
    use crate::negotiation::tests::{at, draft, session};

    #[test]
    fn a_later_position_replaces_the_earlier_and_both_are_kept() {
        let (mut d, s) = (draft(), session());
        let id = propose(&mut d, &s, "France", "New text.", None, at()).unwrap();
        take_position(&mut d, &s, "Japan", &id, Stance::Object, None, at()).unwrap();
        take_position(&mut d, &s, "Japan", &id, Stance::Support, Some("ok"), at()).unwrap();
        let p = d.proposal(&id).unwrap();
        assert_eq!(p.positions.len(), 2);
        assert_eq!(p.count(Stance::Object), 0);
        assert_eq!(p.count(Stance::Support), 1);
    }

    #[test]
    fn positions_need_a_partner_and_an_open_proposal() {
        let (mut d, s) = (draft(), session());
        let id = propose(&mut d, &s, "France", "New text.", None, at()).unwrap();
        let refused = take_position(&mut d, &s, "Narnia", &id, Stance::Support, None, at());
        assert_eq!(refused, Err(Refusal::NotAPartner("Narnia".into())));
        let refused = take_position(&mut d, &s, "Japan", "nope-1", Stance::Support, None, at());
        assert!(matches!(refused, Err(Refusal::NoSuchProposal { .. })));
        assert!(d.proposal(&id).unwrap().positions.is_empty());
    }
}
