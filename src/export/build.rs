//! The three views: which texts, redlines and details each draft's section
//! holds, and who each change is attributed to.
//!
//! Attribution follows what a reader of tracked changes expects to see:
//! in the redline view the changes are the Chair's, who adopted the current
//! version (its author and time); in the compilation view each proposal's
//! changes are its Partner's, at the time the proposal was filed.

use super::{Against, Block, Change, Document, ExportError, Line, Options, Section, View, utc};
use crate::model::{Draft, DraftStatus, Proposal, Session, Stance, Version};
use crate::redline::redline;

/// Builds the export `options` ask for. `drafts` are the loaded drafts in the
/// session's order; the export keeps that order and numbers the drafts it
/// shows 1, 2, 3...
pub fn build(
    session: &Session,
    drafts: &[&Draft],
    options: &Options,
) -> Result<Document, ExportError> {
    let mut sections = Vec::new();
    for draft in chosen(drafts, options)? {
        let blocks = match options.view {
            View::Clean => clean(draft),
            View::Redline => redline_view(draft, options.against)?,
            View::Compilation => compilation(draft),
        };
        sections.push(Section {
            number: sections.len() + 1,
            id: draft.id.clone(),
            title: draft.title.clone(),
            status: draft.status,
            about: origin(draft),
            blocks,
        });
    }
    Ok(Document {
        title: session.name.clone(),
        about: about(session),
        kind: kind(options),
        view: options.view,
        sections,
    })
}

/// The drafts to show, in the session's order; an unknown id is an error.
fn chosen<'d>(drafts: &[&'d Draft], options: &Options) -> Result<Vec<&'d Draft>, ExportError> {
    if let Some(ids) = &options.drafts_only
        && let Some(unknown) = ids.iter().find(|id| !drafts.iter().any(|d| d.id == **id))
    {
        return Err(ExportError::UnknownDraft {
            id: unknown.clone(),
            known: drafts.iter().map(|d| d.id.clone()).collect(),
        });
    }
    Ok(drafts
        .iter()
        .copied()
        .filter(|d| {
            options
                .drafts_only
                .as_ref()
                .is_none_or(|ids| ids.contains(&d.id))
        })
        .filter(|d| !options.agreed_only || d.status != DraftStatus::Open)
        .collect())
}

/// "Rio de Janeiro, Brazil, 2009-11-09 to 2009-11-13 · Chair: Brazil".
fn about(session: &Session) -> Line {
    let dates = match (&session.opens, &session.closes) {
        (Some(opens), Some(closes)) => Some(Line::new().quoted(opens).plain(" to ").quoted(closes)),
        (Some(day), None) | (None, Some(day)) => Some(Line::new().quoted(day)),
        (None, None) => None,
    };
    let place = session.place.as_ref().map(|p| Line::new().quoted(p));
    let mut line = Line::new();
    for (i, part) in place.into_iter().chain(dates).enumerate() {
        if i > 0 {
            line = line.plain(", ");
        }
        line.pieces.extend(part.pieces);
    }
    if !line.is_empty() {
        line = line.plain(" · ");
    }
    line.plain("Chair: ").quoted(&session.chair)
}

/// "C/REL MTCR · STATE 103767 para 5": marking and source, where given.
fn origin(draft: &Draft) -> Line {
    let mut line = Line::new();
    for (i, part) in [&draft.marking, &draft.source]
        .into_iter()
        .flatten()
        .enumerate()
    {
        if i > 0 {
            line = line.plain(" · ");
        }
        line = line.quoted(part);
    }
    line
}

fn kind(options: &Options) -> String {
    match (options.view, options.against) {
        (View::Clean, _) => "Clean text".into(),
        (View::Redline, Against::Original) => "Redline against the original".into(),
        (View::Redline, Against::Version(n)) => format!("Redline against version {n}"),
        (View::Compilation, _) => "Compilation text".into(),
    }
}

fn current_text(draft: &Draft) -> &str {
    draft.current().map_or("", |v| v.text.as_str())
}

fn clean(draft: &Draft) -> Vec<Block> {
    vec![Block::Text(current_text(draft).to_owned())]
}

fn redline_view(draft: &Draft, against: Against) -> Result<Vec<Block>, ExportError> {
    let (Some(current), Some(base)) = (draft.current(), base_version(draft, against)?) else {
        return Ok(clean(draft));
    };
    let what = match against {
        Against::Original => "the original".to_owned(),
        Against::Version(n) => format!("version {n}"),
    };
    let r = redline(&base.text, &current.text);
    if r.is_unchanged() {
        let none = Line::new().plain(format!("none since {what}"));
        return Ok(vec![
            field("Changes", none),
            Block::Text(current.text.clone()),
        ]);
    }
    let summary = Line::new()
        .plain(format!("version {} against {what}, ", current.version))
        .plain(adopted(current))
        .quoted(&current.author)
        .plain(format!(", {}", utc(&current.at)));
    Ok(vec![
        field("Changes", summary),
        Block::Redline(Change {
            spans: r.spans,
            author: current.author.clone(),
            at: utc(&current.at),
        }),
    ])
}

fn base_version(draft: &Draft, against: Against) -> Result<Option<&Version>, ExportError> {
    match against {
        Against::Original => Ok(draft.original()),
        Against::Version(n) => {
            draft
                .version(n)
                .map(Some)
                .ok_or_else(|| ExportError::NoSuchVersion {
                    draft: draft.id.clone(),
                    version: n,
                    last: draft.current().map_or(0, |v| v.version),
                })
        }
    }
}

/// "tabled by " for the original, "adopted by " for a Chair's version.
fn adopted(version: &Version) -> &'static str {
    if version.version == 1 {
        "tabled by "
    } else {
        "adopted by "
    }
}

fn compilation(draft: &Draft) -> Vec<Block> {
    let Some(current) = draft.current() else {
        return clean(draft);
    };
    let mut blocks = vec![
        Block::Label(
            Line::new()
                .plain(format!("Current text: version {}, ", current.version))
                .plain(adopted(current))
                .quoted(&current.author)
                .plain(format!(", {}", utc(&current.at))),
        ),
        Block::Text(current.text.clone()),
    ];
    let open: Vec<&Proposal> = draft.open_proposals().collect();
    if open.is_empty() {
        blocks.push(field("Proposals", Line::new().plain("none open")));
    }
    for proposal in open {
        blocks.extend(proposal_blocks(proposal, current));
    }
    blocks
}

/// One open proposal: who and when, why, its redline against the current
/// text, and where each Partner stands.
fn proposal_blocks(proposal: &Proposal, current: &Version) -> Vec<Block> {
    let mut blocks = vec![Block::Label(
        Line::new()
            .plain("Proposal ")
            .quoted(&proposal.id)
            .plain(" by ")
            .quoted(&proposal.partner)
            .plain(format!(", {}", utc(&proposal.at))),
    )];
    if proposal.base != current.version {
        let note = format!(
            "version {}; shown against the current text (version {})",
            proposal.base, current.version
        );
        blocks.push(field("Made against", Line::new().plain(note)));
    }
    if let Some(rationale) = &proposal.rationale {
        blocks.push(field("Rationale", Line::new().quoted(rationale)));
    }
    blocks.push(Block::Redline(Change {
        spans: redline(&current.text, &proposal.text).spans,
        author: proposal.partner.clone(),
        at: utc(&proposal.at),
    }));
    blocks.extend(positions(proposal));
    blocks
}

/// "Supports: Germany, Japan (ad referendum)", then objections, then
/// reservations: each Partner's standing position.
fn positions(proposal: &Proposal) -> Vec<Block> {
    let standing = proposal.standing_positions();
    if standing.is_empty() {
        return vec![field("Positions", Line::new().plain("none yet"))];
    }
    let mut blocks = Vec::new();
    for (stance, name) in [
        (Stance::Support, "Supports"),
        (Stance::Object, "Objects"),
        (Stance::Reserve, "Reserves"),
    ] {
        let mut line = Line::new();
        for position in standing.iter().filter(|p| p.stance == stance) {
            if !line.pieces.is_empty() {
                line = line.plain(", ");
            }
            line = line.quoted(&position.partner);
            if let Some(note) = &position.note {
                line = line.plain(" (").quoted(note).plain(")");
            }
        }
        if !line.pieces.is_empty() {
            blocks.push(field(name, line));
        }
    }
    blocks
}

fn field(name: &str, value: Line) -> Block {
    Block::Field {
        name: name.to_owned(),
        value,
    }
}
