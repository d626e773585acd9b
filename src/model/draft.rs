//! One consensus paragraph and everything said about it.

use super::Timestamp;

/// One draft: a consensus paragraph with its adopted versions and the
/// Partners' proposals to amend it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub schema: u32,
    /// File-name-safe id, also the file's stem: `entities-of-concern`.
    pub id: String,
    pub title: String,
    /// Where the text was tabled, e.g. `STATE 103767 para 5`.
    pub source: Option<String>,
    /// Classification marking, e.g. `C/REL MTCR`.
    pub marking: Option<String>,
    pub status: DraftStatus,
    /// Who declared consensus and when; set together with an agreed or
    /// ad ref status.
    pub agreed: Option<Agreement>,
    /// Numbered 1..n; version 1 is the original and never changes.
    pub versions: Vec<Version>,
    pub proposals: Vec<Proposal>,
}

impl Draft {
    /// Version 1: the tabled wording.
    pub fn original(&self) -> Option<&Version> {
        self.versions.first()
    }

    /// The newest adopted version: the current text.
    pub fn current(&self) -> Option<&Version> {
        self.versions.last()
    }

    pub fn version(&self, number: u32) -> Option<&Version> {
        self.versions.iter().find(|v| v.version == number)
    }

    pub fn proposal(&self, id: &str) -> Option<&Proposal> {
        self.proposals.iter().find(|p| p.id == id)
    }

    /// Proposals still under discussion.
    pub fn open_proposals(&self) -> impl Iterator<Item = &Proposal> {
        self.proposals
            .iter()
            .filter(|p| p.status == ProposalStatus::Open)
    }
}

/// Where a draft stands as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftStatus {
    Open,
    Agreed,
    /// Agreed ad referendum: pending approval by capitals.
    AdRef,
}

/// The Chair's declaration that a draft is agreed (or agreed ad ref).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// The Chair who declared it.
    pub by: String,
    pub at: Timestamp,
    pub note: Option<String>,
}

/// An adopted text of a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub version: u32,
    /// The Partner that tabled (version 1) or the Chair that adopted it.
    pub author: String,
    pub at: Timestamp,
    pub note: Option<String>,
    /// The proposal this version adopted, if any.
    pub adopted_from: Option<String>,
    pub text: String,
}

/// A Partner's full proposed text for a draft, made against a base version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub id: String,
    pub partner: String,
    /// The version number this text amends.
    pub base: u32,
    pub at: Timestamp,
    pub rationale: Option<String>,
    pub status: ProposalStatus,
    pub text: String,
    /// For a Chair's merged text: the proposals it combines. Adopting it
    /// accepts them too.
    pub merges: Vec<String>,
    /// When it stopped being open (withdrawn, superseded or accepted).
    pub closed_at: Option<Timestamp>,
    /// Every position taken, oldest first; a later one by the same Partner
    /// replaces the earlier (see [`Proposal::standing_positions`]).
    pub positions: Vec<Position>,
}

impl Proposal {
    /// Each Partner's latest position, in the order Partners first spoke.
    pub fn standing_positions(&self) -> Vec<&Position> {
        let mut standing: Vec<&Position> = Vec::new();
        for position in &self.positions {
            match standing.iter_mut().find(|p| p.partner == position.partner) {
                Some(slot) => *slot = position,
                None => standing.push(position),
            }
        }
        standing
    }

    /// How many standing positions have `stance`.
    pub fn count(&self, stance: Stance) -> usize {
        self.standing_positions()
            .iter()
            .filter(|p| p.stance == stance)
            .count()
    }
}

/// What happened to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalStatus {
    Open,
    Accepted,
    Withdrawn,
    Superseded,
}

/// A Partner's stance on a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub partner: String,
    pub stance: Stance,
    pub at: Timestamp,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    Support,
    Object,
    /// Reserve: neither support nor objection yet (e.g. awaiting instructions).
    Reserve,
}

/// The words a file uses for each variant, in one place for parsing,
/// writing and messages.
macro_rules! words {
    ($ty:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        impl $ty {
            /// Every accepted word, for "expected one of" messages.
            pub const WORDS: &'static [&'static str] = &[$($word),+];

            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $word),+ }
            }

            pub fn from_word(word: &str) -> Option<Self> {
                match word { $($word => Some($ty::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

words!(DraftStatus { Open => "open", Agreed => "agreed", AdRef => "ad-ref" });
words!(ProposalStatus {
    Open => "open",
    Accepted => "accepted",
    Withdrawn => "withdrawn",
    Superseded => "superseded",
});
words!(Stance { Support => "support", Object => "object", Reserve => "reserve" });

#[cfg(test)]
mod tests {
    use super::*;

    fn position(partner: &str, stance: Stance) -> Position {
        Position {
            partner: partner.into(),
            stance,
            at: Timestamp::parse("2009-11-09T10:00:00Z").unwrap(),
            note: None,
        }
    }

    #[test]
    fn later_position_replaces_earlier_one() {
        let proposal = Proposal {
            id: "france-1".into(),
            partner: "France".into(),
            base: 1,
            at: Timestamp::parse("2009-11-09T10:00:00Z").unwrap(),
            rationale: None,
            status: ProposalStatus::Open,
            text: "x".into(),
            merges: vec![],
            closed_at: None,
            positions: vec![
                position("Japan", Stance::Object),
                position("Germany", Stance::Support),
                position("Japan", Stance::Reserve),
            ],
        };
        let standing: Vec<_> = proposal
            .standing_positions()
            .iter()
            .map(|p| (p.partner.as_str(), p.stance))
            .collect();
        assert_eq!(
            standing,
            [("Japan", Stance::Reserve), ("Germany", Stance::Support)]
        );
        assert_eq!(proposal.count(Stance::Object), 0);
    }

    #[test]
    fn words_round_trip() {
        for word in DraftStatus::WORDS {
            assert_eq!(DraftStatus::from_word(word).unwrap().as_str(), *word);
        }
        assert_eq!(Stance::from_word("objects"), None);
    }
}
