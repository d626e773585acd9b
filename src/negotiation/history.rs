//! A draft's history: everything recorded in it, in time order.

use crate::model::{Draft, Timestamp};

/// One recorded step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: Timestamp,
    /// The Partner who acted.
    pub who: String,
    pub what: What,
    pub note: Option<String>,
}

/// What the step was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// Version `number` was tabled (1) or adopted, perhaps from a proposal.
    Version {
        number: u32,
        adopted_from: Option<String>,
    },
    /// A proposal was filed; `status` is where it stands now.
    Proposal {
        id: String,
        base: u32,
        status: &'static str,
        merges: Vec<String>,
    },
    /// A position on a proposal.
    Position {
        proposal: String,
        stance: &'static str,
    },
    /// The proposer withdrew a proposal, or replaced it with a revision.
    Closed {
        proposal: String,
        status: &'static str,
    },
    /// The Chair declared consensus (`ad-ref` or `agreed`).
    Agreed { status: &'static str },
}

impl Event {
    /// The name `plenary diff` takes for the text this step made, if any.
    pub fn reference(&self) -> Option<String> {
        match &self.what {
            What::Version { number, .. } => Some(format!("v{number}")),
            What::Proposal { id, .. } => Some(id.clone()),
            _ => None,
        }
    }
}

/// Every step recorded in `draft`, oldest first; steps at the same time
/// keep the file's order (versions, then proposals and their positions).
pub fn history(draft: &Draft) -> Vec<Event> {
    let mut events = Vec::new();
    for v in &draft.versions {
        events.push(Event {
            at: v.at.clone(),
            who: v.author.clone(),
            what: What::Version {
                number: v.version,
                adopted_from: v.adopted_from.clone(),
            },
            note: v.note.clone(),
        });
    }
    for p in &draft.proposals {
        events.push(Event {
            at: p.at.clone(),
            who: p.partner.clone(),
            what: What::Proposal {
                id: p.id.clone(),
                base: p.base,
                status: p.status.as_str(),
                merges: p.merges.clone(),
            },
            note: p.rationale.clone(),
        });
        let closed_by_proposer = matches!(
            p.status,
            crate::model::ProposalStatus::Withdrawn | crate::model::ProposalStatus::Superseded
        );
        if let (Some(at), true) = (&p.closed_at, closed_by_proposer) {
            events.push(Event {
                at: at.clone(),
                who: p.partner.clone(),
                what: What::Closed {
                    proposal: p.id.clone(),
                    status: p.status.as_str(),
                },
                note: None,
            });
        }
        for pos in &p.positions {
            events.push(Event {
                at: pos.at.clone(),
                who: pos.partner.clone(),
                what: What::Position {
                    proposal: p.id.clone(),
                    stance: pos.stance.as_str(),
                },
                note: pos.note.clone(),
            });
        }
    }
    if let Some(agreed) = &draft.agreed {
        events.push(Event {
            at: agreed.at.clone(),
            who: agreed.by.clone(),
            what: What::Agreed {
                status: draft.status.as_str(),
            },
            note: agreed.note.clone(),
        });
    }
    events.sort_by_cached_key(|e| e.at.instant());
    events
}

impl std::fmt::Display for What {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            What::Version {
                number: 1,
                adopted_from: None,
            } => write!(f, "tabled v1 (the original)"),
            What::Version {
                number,
                adopted_from: None,
            } => write!(f, "adopted v{number}"),
            What::Version {
                number,
                adopted_from: Some(id),
            } => write!(f, "adopted v{number} from {id}"),
            What::Proposal {
                id,
                base,
                status,
                merges,
            } => {
                write!(f, "proposed {id} on v{base} ({status})")?;
                if !merges.is_empty() {
                    write!(f, ", merging {}", merges.join(", "))?;
                }
                Ok(())
            }
            What::Position { proposal, stance } => match *stance {
                "support" => write!(f, "supports {proposal}"),
                "object" => write!(f, "objects to {proposal}"),
                _ => write!(f, "reserves on {proposal}"),
            },
            What::Agreed { status } => write!(f, "declared the draft {status}"),
            What::Closed { proposal, status } => match *status {
                "withdrawn" => write!(f, "withdrew {proposal}"),
                _ => write!(f, "replaced {proposal} with a revision"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stance;
    use crate::negotiation::tests::{draft, session};
    use crate::negotiation::{adopt, propose, take_position};

    fn at(minute: u32) -> Timestamp {
        Timestamp::parse(&format!("2009-11-09T10:{minute:02}:00Z")).unwrap()
    }

    #[test]
    fn steps_come_in_time_order_with_who_and_what() {
        let (mut d, s) = (draft(), session());
        let id = propose(
            &mut d,
            &s,
            "France",
            "Partners agree now.",
            Some("Now."),
            at(5),
        )
        .unwrap();
        take_position(&mut d, &s, "Japan", &id, Stance::Support, None, at(7)).unwrap();
        adopt(&mut d, &s, "Brazil", &id, Some("As read out."), at(9)).unwrap();
        let other = propose(&mut d, &s, "Germany", "Partners agree.", None, at(10)).unwrap();
        crate::negotiation::withdraw(&mut d, &s, "Germany", &other, at(11)).unwrap();
        let lines: Vec<String> = history(&d)
            .iter()
            .map(|e| format!("{} {}: {}", e.who, e.what, e.note.as_deref().unwrap_or("-")))
            .collect();
        assert_eq!(
            lines,
            [
                "United States tabled v1 (the original): -",
                "France proposed france-1 on v1 (accepted): Now.",
                "Japan supports france-1: -",
                "Brazil adopted v2 from france-1: As read out.",
                "Germany proposed germany-1 on v2 (withdrawn): -",
                "Germany withdrew germany-1: -",
            ]
        );
        assert_eq!(history(&d)[3].reference().as_deref(), Some("v2"));
    }
}
