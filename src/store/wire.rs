//! The files' shape as serde sees it, and its conversion into the model.
//!
//! Words that name a status or stance, and timestamps, arrive as plain
//! strings and are checked here rather than by serde: serde would stop at the
//! first bad word, and we want to report them all (see `model::validate`).
//! Unknown fields are collected by `serde_ignored` for the same reason.

use serde::Deserialize;

use crate::model::{
    Agreement, Draft, DraftStatus, Position, Problem, Proposal, ProposalStatus, Session, Stance,
    Timestamp, Version,
};

#[derive(Deserialize)]
pub struct RawSession {
    schema: u32,
    name: String,
    place: Option<String>,
    opens: Option<String>,
    closes: Option<String>,
    chair: String,
    #[serde(default)]
    partners: Vec<String>,
    #[serde(default)]
    drafts: Vec<String>,
}

#[derive(Deserialize)]
pub struct RawDraft {
    schema: u32,
    id: String,
    title: String,
    source: Option<String>,
    marking: Option<String>,
    status: Option<String>,
    agreed: Option<RawAgreement>,
    #[serde(default)]
    versions: Vec<RawVersion>,
    #[serde(default)]
    proposals: Vec<RawProposal>,
}

#[derive(Deserialize)]
struct RawAgreement {
    by: String,
    at: String,
    note: Option<String>,
}

#[derive(Deserialize)]
struct RawVersion {
    version: u32,
    author: String,
    at: String,
    note: Option<String>,
    adopted_from: Option<String>,
    text: String,
}

#[derive(Deserialize)]
struct RawProposal {
    id: String,
    partner: String,
    base: u32,
    at: String,
    rationale: Option<String>,
    status: Option<String>,
    text: String,
    #[serde(default)]
    merges: Vec<String>,
    closed_at: Option<String>,
    #[serde(default)]
    positions: Vec<RawPosition>,
}

#[derive(Deserialize)]
struct RawPosition {
    partner: String,
    stance: String,
    at: String,
    note: Option<String>,
}

impl RawSession {
    pub fn into_model(self) -> Session {
        Session {
            schema: self.schema,
            name: self.name,
            place: self.place,
            opens: self.opens,
            closes: self.closes,
            chair: self.chair,
            partners: self.partners,
            drafts: self.drafts,
        }
    }
}

/// Collects the problems met while converting.
struct Converter {
    problems: Vec<Problem>,
}

impl Converter {
    fn timestamp(&mut self, text: String, path: String) -> Timestamp {
        Timestamp::parse(&text).unwrap_or_else(|message| {
            self.problems.push(Problem::new(path, message));
            Timestamp::from_datetime(time::OffsetDateTime::UNIX_EPOCH)
        })
    }

    /// Parses a status or stance word; `None` (field absent) gives `default`.
    fn word<T: Copy>(
        &mut self,
        word: Option<String>,
        default: T,
        parse: fn(&str) -> Option<T>,
        expected: &[&str],
        path: String,
    ) -> T {
        let Some(word) = word else { return default };
        parse(&word).unwrap_or_else(|| {
            self.problems.push(Problem::new(
                path,
                format!(
                    "unknown word '{word}': expected one of {}",
                    expected.join(", ")
                ),
            ));
            default
        })
    }
}

impl RawDraft {
    /// The model draft and the problems found converting it. The draft is
    /// only meaningful when the problems are empty.
    pub fn into_model(self) -> (Draft, Vec<Problem>) {
        let mut c = Converter {
            problems: Vec::new(),
        };
        let status = c.word(
            self.status,
            DraftStatus::Open,
            DraftStatus::from_word,
            DraftStatus::WORDS,
            "status".into(),
        );
        let versions = self
            .versions
            .into_iter()
            .enumerate()
            .map(|(i, v)| Version {
                version: v.version,
                author: v.author,
                at: c.timestamp(v.at, format!("versions.{i}.at")),
                note: v.note,
                adopted_from: v.adopted_from,
                text: v.text,
            })
            .collect();
        let proposals = self
            .proposals
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let positions = p
                    .positions
                    .into_iter()
                    .enumerate()
                    .map(|(j, pos)| Position {
                        partner: pos.partner,
                        stance: c.word(
                            Some(pos.stance),
                            Stance::Reserve,
                            Stance::from_word,
                            Stance::WORDS,
                            format!("proposals.{i}.positions.{j}.stance"),
                        ),
                        at: c.timestamp(pos.at, format!("proposals.{i}.positions.{j}.at")),
                        note: pos.note,
                    })
                    .collect();
                Proposal {
                    id: p.id,
                    partner: p.partner,
                    base: p.base,
                    at: c.timestamp(p.at, format!("proposals.{i}.at")),
                    rationale: p.rationale,
                    status: c.word(
                        p.status,
                        ProposalStatus::Open,
                        ProposalStatus::from_word,
                        ProposalStatus::WORDS,
                        format!("proposals.{i}.status"),
                    ),
                    text: p.text,
                    merges: p.merges,
                    closed_at: p
                        .closed_at
                        .map(|t| c.timestamp(t, format!("proposals.{i}.closed_at"))),
                    positions,
                }
            })
            .collect();
        let draft = Draft {
            schema: self.schema,
            id: self.id,
            title: self.title,
            source: self.source,
            marking: self.marking,
            status,
            agreed: self.agreed.map(|a| Agreement {
                by: a.by,
                at: c.timestamp(a.at, "agreed.at".into()),
                note: a.note,
            }),
            versions,
            proposals,
        };
        (draft, c.problems)
    }
}
