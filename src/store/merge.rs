//! The semantic three-way merge of a draft file: what git's merge driver
//! (`plenary merge-driver`) uses when two delegations changed the same
//! draft on different machines.
//!
//! A draft is a set of items with ids, not lines of text: versions (by
//! number), proposals (by id) and positions (each one a dated entry of a
//! proposal's history). Items added on either side are united; a field one
//! side changed takes that side's value; the same item changed two
//! different ways is a [`Conflict`], reported, never settled by dropping a
//! side (ours is kept in the result, and the caller says there was a
//! conflict). Two clones that each filed the next proposal for the same
//! Partner both chose the same id (`france-2`): theirs is renumbered
//! (`france-3`) and its references with it, so neither is lost.

use std::collections::HashSet;

use crate::model::{Draft, Position, Proposal, Session, Version};

/// A merged draft, the items changed two ways, and the ids renumbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedDraft {
    pub draft: Draft,
    pub conflicts: Vec<String>,
    /// (theirs' id, the id it has in the result).
    pub renamed: Vec<(String, String)>,
}

/// Merges the changes `ours` and `theirs` each made to `base`.
pub fn merge_drafts(base: &Draft, ours: &Draft, theirs: &Draft) -> MergedDraft {
    let mut conflicts = Vec::new();
    let mut theirs = theirs.clone();
    let renamed = renumber_collisions(base, ours, &mut theirs);
    let mut draft = ours.clone();
    let c = &mut conflicts;
    take(
        "draft's title",
        &base.title,
        &theirs.title,
        &mut draft.title,
        c,
    );
    take(
        "draft's source",
        &base.source,
        &theirs.source,
        &mut draft.source,
        c,
    );
    take(
        "draft's marking",
        &base.marking,
        &theirs.marking,
        &mut draft.marking,
        c,
    );
    let mut status = (draft.status, draft.agreed.clone());
    let base_status = (base.status, base.agreed.clone());
    let their_status = (theirs.status, theirs.agreed.clone());
    take(
        "draft's status",
        &base_status,
        &their_status,
        &mut status,
        c,
    );
    (draft.status, draft.agreed) = status;

    draft.versions = merge_versions(base, ours, &theirs, &mut conflicts);
    draft.proposals = merge_proposals(base, ours, &theirs, &mut conflicts);
    MergedDraft {
        draft,
        conflicts,
        renamed,
    }
}

/// Which side's value a three-way merge of one value takes.
#[derive(Debug, PartialEq, Eq)]
enum Pick {
    Ours,
    Theirs,
    Conflict,
}

fn pick<T: PartialEq>(base: &T, ours: &T, theirs: &T) -> Pick {
    if ours == theirs || theirs == base {
        Pick::Ours
    } else if ours == base {
        Pick::Theirs
    } else {
        Pick::Conflict
    }
}

/// Merges one field into `ours` (which holds our value): takes theirs
/// when only they changed it, reports a conflict when both did.
fn take<T: PartialEq + Clone>(
    name: &str,
    base: &T,
    theirs: &T,
    ours: &mut T,
    conflicts: &mut Vec<String>,
) {
    match pick(base, ours, theirs) {
        Pick::Ours => {}
        Pick::Theirs => *ours = theirs.clone(),
        Pick::Conflict => {
            conflicts.push(format!("the {name} was changed differently on each side"))
        }
    }
}

/// Versions by number. A version both sides added with different texts
/// (two adoptions at once) is a conflict.
fn merge_versions(
    base: &Draft,
    ours: &Draft,
    theirs: &Draft,
    conflicts: &mut Vec<String>,
) -> Vec<Version> {
    let mut out = ours.versions.clone();
    for t in &theirs.versions {
        let b = base.version(t.version);
        match ours.version(t.version) {
            None => out.push(t.clone()),
            Some(o) => match pick(&b.cloned(), &Some(o.clone()), &Some(t.clone())) {
                Pick::Ours => {}
                Pick::Theirs => {
                    if let Some(slot) = out.iter_mut().find(|v| v.version == t.version) {
                        *slot = t.clone();
                    }
                }
                Pick::Conflict => conflicts.push(format!(
                    "version {} was made differently on each side (by {} and by {})",
                    t.version, o.author, t.author
                )),
            },
        }
    }
    out.sort_by_key(|v| v.version);
    out
}

/// Proposals by id; each one's positions united as history.
fn merge_proposals(
    base: &Draft,
    ours: &Draft,
    theirs: &Draft,
    conflicts: &mut Vec<String>,
) -> Vec<Proposal> {
    let mut out = ours.proposals.clone();
    for t in &theirs.proposals {
        let Some(slot) = out.iter_mut().find(|p| p.id == t.id) else {
            out.push(t.clone());
            continue;
        };
        let b = base.proposal(&t.id);
        let fields = |p: Option<&Proposal>| p.map(without_positions);
        match pick(&fields(b), &fields(Some(slot)), &fields(Some(t))) {
            Pick::Ours => {}
            Pick::Theirs => {
                let positions = std::mem::take(&mut slot.positions);
                *slot = Proposal {
                    positions,
                    ..t.clone()
                };
            }
            Pick::Conflict => conflicts.push(describe(slot, t)),
        }
        slot.positions = united(&slot.positions, &t.positions);
    }
    out
}

fn describe(ours: &Proposal, theirs: &Proposal) -> String {
    if ours.status != theirs.status {
        format!(
            "proposal {} is {} on our side and {} on theirs",
            ours.id, ours.status, theirs.status
        )
    } else {
        format!("proposal {} was changed differently on each side", ours.id)
    }
}

/// A proposal's own fields: what two sides must agree on for it to be the
/// same proposal (positions are history, united separately).
fn without_positions(p: &Proposal) -> Proposal {
    Proposal {
        positions: Vec::new(),
        ..p.clone()
    }
}

/// Every position of either side, each once, oldest first (the latest of
/// a Partner's stands, so the order is the history's).
fn united(ours: &[Position], theirs: &[Position]) -> Vec<Position> {
    let mut out: Vec<Position> = ours.to_vec();
    for p in theirs {
        if !out.contains(p) {
            out.push(p.clone());
        }
    }
    out.sort_by_cached_key(|p| p.at.instant());
    out
}

/// Proposals both sides added under the same id with different contents:
/// theirs gets the Partner's next free number, in its own references too.
fn renumber_collisions(base: &Draft, ours: &Draft, theirs: &mut Draft) -> Vec<(String, String)> {
    let mut taken: HashSet<String> = ours
        .proposals
        .iter()
        .chain(&theirs.proposals)
        .map(|p| p.id.clone())
        .collect();
    let mut renamed = Vec::new();
    for i in 0..theirs.proposals.len() {
        let t = &theirs.proposals[i];
        let collides = base.proposal(&t.id).is_none()
            && ours
                .proposal(&t.id)
                .is_some_and(|o| without_positions(o) != without_positions(t));
        if !collides {
            continue;
        }
        let new_id = next_free(&t.id, &taken);
        taken.insert(new_id.clone());
        renamed.push((t.id.clone(), new_id));
    }
    for (old, new) in &renamed {
        for p in &mut theirs.proposals {
            if p.id == *old {
                p.id = new.clone();
            }
            for m in &mut p.merges {
                if m == old {
                    *m = new.clone();
                }
            }
        }
        for v in &mut theirs.versions {
            if v.adopted_from.as_deref() == Some(old.as_str()) {
                v.adopted_from = Some(new.clone());
            }
        }
    }
    renamed
}

/// `france-2` -> the first of `france-3`, `france-4`, ... not in `taken`.
fn next_free(id: &str, taken: &HashSet<String>) -> String {
    let (stem, n) = match id.rsplit_once('-') {
        Some((stem, n)) if n.parse::<u32>().is_ok() => (stem, n.parse::<u32>().unwrap_or(0)),
        _ => (id, 1),
    };
    (n + 1..)
        .map(|k| format!("{stem}-{k}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| format!("{stem}-x"))
}

/// The session file merged the same way: Partners and the draft order are
/// united (ours first), other fields taken from the side that changed them.
pub fn merge_sessions(base: &Session, ours: &Session, theirs: &Session) -> (Session, Vec<String>) {
    let mut conflicts = Vec::new();
    let mut out = ours.clone();
    let c = &mut conflicts;
    take("session's name", &base.name, &theirs.name, &mut out.name, c);
    take(
        "session's place",
        &base.place,
        &theirs.place,
        &mut out.place,
        c,
    );
    take(
        "session's opening date",
        &base.opens,
        &theirs.opens,
        &mut out.opens,
        c,
    );
    take(
        "session's closing date",
        &base.closes,
        &theirs.closes,
        &mut out.closes,
        c,
    );
    take(
        "session's chair",
        &base.chair,
        &theirs.chair,
        &mut out.chair,
        c,
    );
    for partner in &theirs.partners {
        if !out.partners.contains(partner) {
            out.partners.push(partner.clone());
        }
    }
    for draft in &theirs.drafts {
        if !out.drafts.contains(draft) {
            out.drafts.push(draft.clone());
        }
    }
    (out, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Stance, Timestamp};
    use crate::negotiation::tests::{draft, session};
    use crate::negotiation::{adopt, propose, take_position, withdraw};

    fn at(minute: u32) -> Timestamp {
        Timestamp::parse(&format!("2009-11-09T10:{minute:02}:00Z")).unwrap()
    }

    /// The negotiation tests' draft, with France's proposal france-1 open.
    fn base() -> Draft {
        let mut d = draft();
        propose(
            &mut d,
            &session(),
            "France",
            "Partners agree now.",
            None,
            at(1),
        )
        .unwrap();
        d
    }

    #[test]
    fn additions_on_both_sides_are_united() {
        let (b, s) = (base(), session());
        let mut ours = b.clone();
        propose(
            &mut ours,
            &s,
            "Germany",
            "Partners agree today.",
            None,
            at(2),
        )
        .unwrap();
        take_position(
            &mut ours,
            &s,
            "Japan",
            "france-1",
            Stance::Object,
            None,
            at(3),
        )
        .unwrap();
        let mut theirs = b.clone();
        propose(
            &mut theirs,
            &s,
            "Japan",
            "Partners agree soon.",
            None,
            at(2),
        )
        .unwrap();
        take_position(
            &mut theirs,
            &s,
            "Germany",
            "france-1",
            Stance::Support,
            None,
            at(4),
        )
        .unwrap();
        take_position(
            &mut theirs,
            &s,
            "Japan",
            "france-1",
            Stance::Support,
            None,
            at(5),
        )
        .unwrap();

        let merged = merge_drafts(&b, &ours, &theirs);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let ids: Vec<_> = merged
            .draft
            .proposals
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(ids, ["france-1", "germany-1", "japan-1"]);
        let france = merged.draft.proposal("france-1").unwrap();
        assert_eq!(france.positions.len(), 3, "every position is kept");
        assert_eq!(
            france.count(Stance::Object),
            0,
            "Japan's later support stands"
        );
        assert_eq!(merge_drafts(&b, &theirs, &ours).draft.proposals.len(), 3);
    }

    #[test]
    fn the_same_new_id_on_both_sides_keeps_both_under_two_ids() {
        let (b, s) = (base(), session());
        let mut ours = b.clone();
        propose(&mut ours, &s, "France", "Ours.", None, at(2)).unwrap();
        let mut theirs = b.clone();
        propose(&mut theirs, &s, "France", "Theirs.", None, at(3)).unwrap();
        adopt(&mut theirs, &s, "Brazil", "france-2", None, at(4)).unwrap();

        let merged = merge_drafts(&b, &ours, &theirs);
        assert_eq!(
            merged.renamed,
            [("france-2".to_string(), "france-3".to_string())]
        );
        assert_eq!(merged.draft.proposal("france-2").unwrap().text, "Ours.");
        assert_eq!(merged.draft.proposal("france-3").unwrap().text, "Theirs.");
        let v2 = merged.draft.version(2).unwrap();
        assert_eq!(
            v2.adopted_from.as_deref(),
            Some("france-3"),
            "references follow"
        );
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert!(crate::model::validate_draft(&merged.draft, &s).is_empty());
    }

    #[test]
    fn the_same_item_changed_two_ways_is_a_conflict_and_ours_is_kept() {
        let (b, s) = (base(), session());
        let mut ours = b.clone();
        withdraw(&mut ours, &s, "France", "france-1", at(2)).unwrap();
        let mut theirs = b.clone();
        adopt(&mut theirs, &s, "Brazil", "france-1", None, at(2)).unwrap();
        let merged = merge_drafts(&b, &ours, &theirs);
        assert_eq!(
            merged.conflicts,
            ["proposal france-1 is withdrawn on our side and accepted on theirs"]
        );
        assert_eq!(
            merged.draft.proposal("france-1").unwrap().status,
            crate::model::ProposalStatus::Withdrawn
        );

        let mut ours = b.clone();
        propose(
            &mut ours,
            &s,
            "Germany",
            "Partners agree today.",
            None,
            at(2),
        )
        .unwrap();
        adopt(&mut ours, &s, "Brazil", "germany-1", None, at(3)).unwrap();
        let merged = merge_drafts(&b, &ours, &theirs);
        assert!(
            merged
                .conflicts
                .iter()
                .any(|c| c.starts_with("version 2 was made differently")),
            "{:?}",
            merged.conflicts
        );
    }

    #[test]
    fn one_sided_changes_are_taken_and_equal_ones_agree() {
        let (b, s) = (base(), session());
        let mut theirs = b.clone();
        theirs.title = "New title".into();
        adopt(&mut theirs, &s, "Brazil", "france-1", None, at(2)).unwrap();
        let merged = merge_drafts(&b, &b, &theirs);
        assert_eq!(merged.draft, theirs);
        let merged = merge_drafts(&b, &theirs, &theirs);
        assert_eq!(merged.draft, theirs);
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn sessions_unite_partners_and_drafts_and_report_two_chairs() {
        let base = session();
        let mut ours = base.clone();
        ours.drafts.push("ours".into());
        ours.partners.push("Italy".into());
        let mut theirs = base.clone();
        theirs.drafts.push("theirs".into());
        theirs.place = Some("Rio".into());
        let (merged, conflicts) = merge_sessions(&base, &ours, &theirs);
        assert!(conflicts.is_empty(), "{conflicts:?}");
        assert_eq!(merged.drafts, ["d", "ours", "theirs"]);
        assert!(merged.partners.contains(&"Italy".to_string()));
        assert_eq!(merged.place.as_deref(), Some("Rio"));

        ours.chair = "France".into();
        theirs.chair = "Japan".into();
        let (merged, conflicts) = merge_sessions(&base, &ours, &theirs);
        assert_eq!(
            conflicts,
            ["the session's chair was changed differently on each side"]
        );
        assert_eq!(merged.chair, "France", "ours is kept");
    }
}
