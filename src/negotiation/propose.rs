//! Filing, revising and withdrawing proposals.

use super::{Refusal, ensure_open, partner};
use crate::model::{Draft, Proposal, ProposalStatus, Session, Timestamp};

/// Files `text` as a new open proposal by `who` against the current version
/// and returns its id (`france-1`, `france-2`, ...).
pub fn propose(
    draft: &mut Draft,
    session: &Session,
    who: &str,
    text: &str,
    rationale: Option<&str>,
    at: Timestamp,
) -> Result<String, Refusal> {
    let current = draft
        .current()
        .ok_or_else(|| Refusal::NoText(draft.id.clone()))?
        .version;
    propose_on(draft, session, who, current, text, rationale, at)
}

/// Files `text` as made against version `base`: what the editor does, since
/// a version may be adopted while a delegate types (the Chair's adoption
/// then carries the proposal onto the newer text).
pub fn propose_on(
    draft: &mut Draft,
    session: &Session,
    who: &str,
    base: u32,
    text: &str,
    rationale: Option<&str>,
    at: Timestamp,
) -> Result<String, Refusal> {
    let partner = partner(session, who)?.to_string();
    ensure_open(draft)?;
    let base = draft.version(base).ok_or_else(|| Refusal::NoSuchVersion {
        draft: draft.id.clone(),
        version: base,
    })?;
    if text.trim().is_empty() {
        return Err(Refusal::EmptyText);
    }
    if text == base.text {
        return Err(Refusal::Unchanged(base.version));
    }
    let id = next_id(draft, &partner);
    draft.proposals.push(Proposal {
        id: id.clone(),
        partner,
        base: base.version,
        at,
        rationale: rationale
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(String::from),
        status: ProposalStatus::Open,
        text: text.to_string(),
        merges: Vec::new(),
        closed_at: None,
        positions: Vec::new(),
    });
    Ok(id)
}

/// Replaces `who`'s open proposal `id` with a new text: the old proposal is
/// marked superseded (positions taken on its wording stay with it) and the
/// new one is filed against the same base. Returns the new id.
pub fn revise(
    draft: &mut Draft,
    session: &Session,
    who: &str,
    id: &str,
    text: &str,
    rationale: Option<&str>,
    at: Timestamp,
) -> Result<String, Refusal> {
    let index = own_open(draft, who, id, "revise")?;
    let base = draft.proposals[index].base;
    let mut revised = draft.clone();
    revised.proposals[index].status = ProposalStatus::Superseded;
    revised.proposals[index].closed_at = Some(at.clone());
    let new_id = propose_on(&mut revised, session, who, base, text, rationale, at)?;
    *draft = revised;
    Ok(new_id)
}

/// Withdraws `who`'s open proposal `id`, recording when.
pub fn withdraw(
    draft: &mut Draft,
    session: &Session,
    who: &str,
    id: &str,
    at: Timestamp,
) -> Result<(), Refusal> {
    partner(session, who)?;
    ensure_open(draft)?;
    let index = own_open(draft, who, id, "withdraw")?;
    draft.proposals[index].status = ProposalStatus::Withdrawn;
    draft.proposals[index].closed_at = Some(at);
    Ok(())
}

/// The index of proposal `id` if it is open and `who`'s own.
fn own_open(draft: &Draft, who: &str, id: &str, action: &'static str) -> Result<usize, Refusal> {
    let index = draft
        .proposals
        .iter()
        .position(|p| p.id == id)
        .ok_or_else(|| Refusal::NoSuchProposal {
            draft: draft.id.clone(),
            proposal: id.to_string(),
        })?;
    let proposal = &draft.proposals[index];
    if proposal.partner != who {
        return Err(Refusal::NotYours {
            proposal: id.to_string(),
            partner: proposal.partner.clone(),
            action,
        });
    }
    if proposal.status != ProposalStatus::Open {
        return Err(Refusal::NotOpen {
            proposal: id.to_string(),
            status: proposal.status.as_str(),
        });
    }
    Ok(index)
}

/// `<partner slug>-<n>` with n one more than the Partner's highest so far.
fn next_id(draft: &Draft, partner: &str) -> String {
    let slug = slug(partner);
    let prefix = format!("{slug}-");
    let highest = draft
        .proposals
        .iter()
        .filter_map(|p| p.id.strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{slug}-{}", highest + 1)
}

/// "Republic of Korea" -> "republic-of-korea": safe in ids and file names.
fn slug(name: &str) -> String {
    crate::model::slug(name).unwrap_or_else(|| "partner".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::tests::{at, draft, session};

    #[test]
    fn proposing_files_an_open_proposal_against_the_current_version() {
        let (mut d, s) = (draft(), session());
        let id = propose(&mut d, &s, "France", "New text.", Some(" Clearer. "), at()).unwrap();
        assert_eq!(id, "france-1");
        let p = d.proposal("france-1").unwrap();
        assert_eq!(
            (p.partner.as_str(), p.base, p.status, p.text.as_str()),
            ("France", 1, ProposalStatus::Open, "New text.")
        );
        assert_eq!(p.rationale.as_deref(), Some("Clearer."));
        let id = propose(&mut d, &s, "France", "Other text.", Some("  "), at()).unwrap();
        assert_eq!(id, "france-2");
        assert_eq!(d.proposal("france-2").unwrap().rationale, None);
    }

    #[test]
    fn ids_are_slugs_of_the_partner_name() {
        assert_eq!(slug("Republic of Korea"), "republic-of-korea");
        assert_eq!(slug("Côte d'Ivoire"), "cote-divoire");
        assert_eq!(slug("日本"), "partner");
    }

    #[test]
    fn refusals_leave_the_draft_untouched() {
        let s = session();
        let original = draft();
        let cases: [(&str, &str, Refusal); 3] = [
            ("Atlantis", "x", Refusal::NotAPartner("Atlantis".into())),
            ("France", "  \n", Refusal::EmptyText),
            ("France", "Partners agree.", Refusal::Unchanged(1)),
        ];
        for (who, text, expected) in cases {
            let mut d = original.clone();
            assert_eq!(propose(&mut d, &s, who, text, None, at()), Err(expected));
            assert_eq!(d, original);
        }
    }

    #[test]
    fn only_the_proposer_may_withdraw_or_revise() {
        let (mut d, s) = (draft(), session());
        let id = propose(&mut d, &s, "France", "New text.", None, at()).unwrap();
        let before = d.clone();
        let refusal = withdraw(&mut d, &s, "Germany", &id, at()).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "proposal 'france-1' is France's: only France may withdraw it"
        );
        assert!(revise(&mut d, &s, "Germany", &id, "Mine.", None, at()).is_err());
        assert_eq!(d, before);
        withdraw(&mut d, &s, "France", &id, at()).unwrap();
        assert_eq!(d.proposals[0].status, ProposalStatus::Withdrawn);
        assert_eq!(d.proposals[0].closed_at, Some(at()));
        assert!(matches!(
            withdraw(&mut d, &s, "France", &id, at()),
            Err(Refusal::NotOpen { .. })
        ));
    }

    #[test]
    fn revising_supersedes_the_old_proposal() {
        let (mut d, s) = (draft(), session());
        propose(&mut d, &s, "France", "New text.", None, at()).unwrap();
        let id = revise(&mut d, &s, "France", "france-1", "Newer text.", None, at()).unwrap();
        assert_eq!(id, "france-2");
        assert_eq!(d.proposals[0].status, ProposalStatus::Superseded);
        assert_eq!(d.proposal("france-2").unwrap().text, "Newer text.");
        let before = d.clone();
        assert_eq!(
            revise(
                &mut d,
                &s,
                "France",
                "france-2",
                "Partners agree.",
                None,
                at()
            ),
            Err(Refusal::Unchanged(1))
        );
        assert_eq!(d, before, "a refused revision keeps the old proposal open");
    }
}
