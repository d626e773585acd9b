//! The Chair's work: carrying proposals onto the current text, merging
//! several into one, and adopting a proposal as a new version.

use super::merge::{Conflict, Merged, Side, merge};
use super::{Refusal, chair, ensure_open, propose};
use crate::model::{Draft, Proposal, ProposalStatus, Session, Stance, Timestamp, Version};

/// Proposal `id`'s text carried onto the current version: unchanged when it
/// was made against the current version, else its changes re-applied to the
/// current text by a three-way word merge. Changes that collide with what
/// was adopted since are refused, listed, never dropped.
pub fn carried(draft: &Draft, id: &str) -> Result<String, Refusal> {
    let proposal = open_proposal(draft, id)?;
    let current = current(draft)?;
    if proposal.base == current.version {
        return Ok(proposal.text.clone());
    }
    let base = draft
        .version(proposal.base)
        .ok_or_else(|| Refusal::NoSuchVersion {
            draft: draft.id.clone(),
            version: proposal.base,
        })?;
    let since = format!("version {}", current.version);
    let merged = merge(
        &base.text,
        &[
            Side {
                label: &since,
                text: &current.text,
            },
            Side {
                label: id,
                text: &proposal.text,
            },
        ],
    );
    if merged.conflicts.is_empty() {
        Ok(merged.text)
    } else {
        Err(Refusal::Collision {
            proposal: id.to_string(),
            base: proposal.base,
            current: current.version,
            conflicts: merged.conflicts,
        })
    }
}

/// The Chair adopts proposal `id`: its text, carried onto the current
/// version, becomes a new version. The proposal (and, for a merged text,
/// the proposals it combines) is marked accepted. Returns the new version
/// number.
pub fn adopt(
    draft: &mut Draft,
    session: &Session,
    who: &str,
    id: &str,
    note: Option<&str>,
    at: Timestamp,
) -> Result<u32, Refusal> {
    let chair = chair(session, who, "adopt a proposal")?.to_string();
    ensure_open(draft)?;
    let objectors = objectors(open_proposal(draft, id)?);
    if !objectors.is_empty() {
        return Err(Refusal::Objected {
            proposal: id.to_string(),
            objectors,
        });
    }
    let text = carried(draft, id)?;
    let current = current(draft)?;
    if text == current.text {
        return Err(Refusal::NothingToAdopt {
            proposal: id.to_string(),
            version: current.version,
        });
    }
    let number = current.version + 1;
    let merges = open_proposal(draft, id)?.merges.clone();
    for proposal in &mut draft.proposals {
        let adopted = proposal.id == id || merges.contains(&proposal.id);
        if adopted && proposal.status == ProposalStatus::Open {
            proposal.status = ProposalStatus::Accepted;
            proposal.closed_at = Some(at.clone());
        }
    }
    draft.versions.push(Version {
        version: number,
        author: chair,
        at,
        note: note
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from),
        adopted_from: Some(id.to_string()),
        text,
    });
    Ok(number)
}

/// Proposals `ids` combined into one text against the current version; see
/// [`merge`]. Each is first carried onto the current version. Sides are
/// named by Partner, or by proposal id when a Partner has two of them.
pub fn merge_proposals(draft: &Draft, ids: &[String]) -> Result<Merged, Refusal> {
    if ids.len() < 2 {
        return Err(Refusal::TooFewToMerge);
    }
    let current = current(draft)?;
    let proposals = ids
        .iter()
        .map(|id| open_proposal(draft, id))
        .collect::<Result<Vec<_>, _>>()?;
    let texts = ids
        .iter()
        .map(|id| carried(draft, id))
        .collect::<Result<Vec<_>, _>>()?;
    let sides: Vec<Side> = proposals
        .iter()
        .zip(&texts)
        .map(|(p, text)| {
            let twice = proposals.iter().filter(|o| o.partner == p.partner).count() > 1;
            let label = if twice { &p.id } else { &p.partner };
            Side { label, text }
        })
        .collect();
    Ok(merge(&current.text, &sides))
}

/// The Chair files the merge of `ids` as a proposal of the Chair's that
/// records what it combines. Returns the new proposal's id and the merge.
pub fn file_merge(
    draft: &mut Draft,
    session: &Session,
    who: &str,
    ids: &[String],
    at: Timestamp,
) -> Result<(String, Merged), Refusal> {
    let chair = chair(session, who, "file a merged text")?.to_string();
    ensure_open(draft)?;
    let merged = merge_proposals(draft, ids)?;
    let rationale = format!("Chair's merge of {}", ids.join(", "));
    let id = propose(draft, session, &chair, &merged.text, Some(&rationale), at)?;
    if let Some(filed) = draft.proposals.last_mut() {
        filed.merges = ids.to_vec();
    }
    Ok((id, merged))
}

/// The Partners whose standing position on `proposal` is an objection.
pub fn objectors(proposal: &Proposal) -> Vec<String> {
    proposal
        .standing_positions()
        .iter()
        .filter(|p| p.stance == Stance::Object)
        .map(|p| p.partner.clone())
        .collect()
}

/// Standing objections to the proposals a merged text combines, as
/// (Partner, proposal id): adopting the merge overrides them, so front ends
/// say so.
pub fn merged_objections(draft: &Draft, id: &str) -> Vec<(String, String)> {
    let merges = draft
        .proposal(id)
        .map(|p| p.merges.as_slice())
        .unwrap_or_default();
    merges
        .iter()
        .filter_map(|m| draft.proposal(m))
        .flat_map(|p| objectors(p).into_iter().map(|who| (who, p.id.clone())))
        .collect()
}

fn current(draft: &Draft) -> Result<&Version, Refusal> {
    draft
        .current()
        .ok_or_else(|| Refusal::NoText(draft.id.clone()))
}

fn open_proposal<'d>(draft: &'d Draft, id: &str) -> Result<&'d Proposal, Refusal> {
    let proposal = draft.proposal(id).ok_or_else(|| Refusal::NoSuchProposal {
        draft: draft.id.clone(),
        proposal: id.to_string(),
    })?;
    if proposal.status != ProposalStatus::Open {
        return Err(Refusal::NotOpen {
            proposal: id.to_string(),
            status: proposal.status.as_str(),
        });
    }
    Ok(proposal)
}

/// The collisions of a refused carry, one block each, for messages.
pub fn describe(conflicts: &[Conflict]) -> String {
    let mut out = String::new();
    for (n, conflict) in conflicts.iter().enumerate() {
        out.push_str(&format!(
            "\n  collision {}: the base read \"{}\"",
            n + 1,
            conflict.base.trim()
        ));
        for alternative in &conflict.alternatives {
            out.push_str(&format!(
                "\n    {} has \"{}\"",
                alternative.labels.join(", "),
                alternative.text.trim()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DraftStatus;
    use crate::negotiation::tests::{at, session};

    const BASE: &str = "Partners agree to establish an ad hoc working group of experts.";

    fn draft() -> Draft {
        let mut d = crate::negotiation::tests::draft();
        d.versions[0].text = BASE.into();
        d
    }

    #[test]
    fn only_the_chair_adopts_and_a_refusal_changes_nothing() {
        let (mut d, s) = (draft(), session());
        let id = propose(
            &mut d,
            &s,
            "France",
            "Partners agree to establish a committee.",
            None,
            at(),
        )
        .unwrap();
        let before = d.clone();
        let refusal = adopt(&mut d, &s, "France", &id, None, at()).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "only the Chair (Brazil) may adopt a proposal; you are acting as France"
        );
        assert_eq!(d, before);
        assert_eq!(adopt(&mut d, &s, "Brazil", &id, Some(" ok "), at()), Ok(2));
        let v2 = d.current().unwrap();
        assert_eq!(
            (
                v2.author.as_str(),
                v2.note.as_deref(),
                v2.adopted_from.as_deref()
            ),
            ("Brazil", Some("ok"), Some("france-1"))
        );
        assert_eq!(v2.text, "Partners agree to establish a committee.");
        assert_eq!(d.proposals[0].status, ProposalStatus::Accepted);
    }

    #[test]
    fn an_older_proposal_is_carried_onto_the_current_text() {
        let (mut d, s) = (draft(), session());
        let france = propose(
            &mut d,
            &s,
            "France",
            "All Partners agree to establish an ad hoc working group of experts.",
            None,
            at(),
        )
        .unwrap();
        let germany = propose(
            &mut d,
            &s,
            "Germany",
            "Partners agree to establish an ad hoc working group of technical experts.",
            None,
            at(),
        )
        .unwrap();
        adopt(&mut d, &s, "Brazil", &germany, None, at()).unwrap();
        adopt(&mut d, &s, "Brazil", &france, None, at()).unwrap();
        assert_eq!(
            d.current().unwrap().text,
            "All Partners agree to establish an ad hoc working group of technical experts."
        );
    }

    /// France and Germany replace "an ad hoc working group" differently.
    fn two_fixes_of_the_same_words(d: &mut Draft, s: &Session) -> (String, String) {
        let mut file = |who, what: &str| {
            let text = BASE.replace("an ad hoc working group", what);
            propose(d, s, who, &text, None, at()).unwrap()
        };
        (
            file("France", "a standing committee"),
            file("Germany", "an intersessional group"),
        )
    }

    #[test]
    fn a_collision_with_what_changed_since_stops_the_adoption() {
        let (mut d, s) = (draft(), session());
        let (france, germany) = two_fixes_of_the_same_words(&mut d, &s);
        adopt(&mut d, &s, "Brazil", &germany, None, at()).unwrap();
        let before = d.clone();
        let refusal = adopt(&mut d, &s, "Brazil", &france, None, at()).unwrap_err();
        assert_eq!(d, before);
        let message = refusal.to_string();
        assert!(message.contains("collides with version 2"), "{message}");
        assert!(
            message.contains("the base read \"an ad hoc working group\""),
            "{message}"
        );
        assert!(
            message.contains("version 2 has \"an intersessional group\""),
            "{message}"
        );
        assert!(
            message.contains("france-1 has \"a standing committee\""),
            "{message}"
        );
    }

    #[test]
    fn a_filed_merge_accepts_what_it_combines_when_adopted() {
        let (mut d, s) = (draft(), session());
        let (france, germany) = two_fixes_of_the_same_words(&mut d, &s);
        let ids = [france, germany];
        assert!(file_merge(&mut d, &s, "Japan", &ids, at()).is_err());
        let (id, merged) = file_merge(&mut d, &s, "Brazil", &ids, at()).unwrap();
        assert_eq!(id, "brazil-1");
        assert_eq!(merged.conflicts.len(), 1);
        let filed = d.proposal(&id).unwrap();
        assert_eq!(filed.merges, ids);
        assert!(
            filed
                .text
                .contains("[France: a standing committee / Germany: an intersessional group]")
        );
        adopt(&mut d, &s, "Brazil", &id, None, at()).unwrap();
        assert!(
            d.proposals
                .iter()
                .all(|p| p.status == ProposalStatus::Accepted)
        );
        assert_eq!(d.status, DraftStatus::Open);
    }

    #[test]
    fn a_proposal_someone_objects_to_is_not_adopted() {
        let (mut d, s) = (draft(), session());
        let id = propose(&mut d, &s, "France", "Partners agree.", None, at()).unwrap();
        crate::negotiation::take_position(&mut d, &s, "Japan", &id, Stance::Object, None, at())
            .unwrap();
        let before = d.clone();
        let refusal = adopt(&mut d, &s, "Brazil", &id, None, at()).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "Japan objects to 'france-1': it cannot be adopted while an objection stands"
        );
        assert_eq!(d, before);
    }

    #[test]
    fn merging_needs_two_open_proposals() {
        let (mut d, s) = (draft(), session());
        let france = propose(&mut d, &s, "France", "Partners agree.", None, at()).unwrap();
        assert_eq!(
            merge_proposals(&d, std::slice::from_ref(&france)),
            Err(Refusal::TooFewToMerge)
        );
        let refusal = merge_proposals(&d, &[france, "nope-1".into()]).unwrap_err();
        assert!(matches!(refusal, Refusal::NoSuchProposal { .. }));
    }
}
