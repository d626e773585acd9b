//! `plenary status`, `log` and `brackets`: where consensus stands, how each
//! draft got there, and what is still in brackets.

use std::io::Write;

use clap::Args as ClapArgs;
use serde_json::json;

use super::list::ListFormat;
use super::{Args, Outcome, target};
use crate::model::{Draft, Reference};
use crate::negotiation::brackets::{line_col, scan};
use crate::negotiation::history::history;
use crate::negotiation::{Consensus, consensus, counted};
use crate::sanitize::sanitize_inline;

#[derive(Debug, Default, ClapArgs)]
pub struct StatusArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, ClapArgs)]
pub struct LogArgs {
    /// Draft id or path to a draft file.
    pub draft: String,
}

#[derive(Debug, ClapArgs)]
pub struct BracketsArgs {
    /// Draft id or path to a draft file.
    pub draft: String,
    /// The text to scan: current (default), original, vN or a proposal id.
    #[arg(long = "in", value_name = "TEXT", default_value = "current")]
    pub text: String,
}

pub fn status(args: &Args, s: &StatusArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let folder = target::load(&args.drafts)?;
    let standings: Vec<Option<(&Draft, Consensus)>> = folder
        .entries
        .iter()
        .map(|e| e.draft().map(|d| (d, consensus(d))))
        .collect();
    if s.format == ListFormat::Json {
        let rows: Vec<serde_json::Value> = folder
            .entries
            .iter()
            .zip(&standings)
            .map(|(entry, standing)| match standing {
                Some((draft, standing)) => row(draft, standing),
                None => {
                    json!({ "id": entry.id, "error": "failed to load (plenary validate says why)" })
                }
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(Outcome::Ok);
    }
    writeln!(out, "{}", sanitize_inline(&folder.session.name))?;
    for (n, (entry, standing)) in folder.entries.iter().zip(&standings).enumerate() {
        let id = sanitize_inline(&entry.id);
        let Some((draft, standing)) = standing else {
            writeln!(
                out,
                "{:>2}. {id:<24} FAILED TO LOAD (plenary validate says why)",
                n + 1
            )?;
            continue;
        };
        writeln!(
            out,
            "{:>2}. {id:<24} {:<7} v{:<3} {}",
            n + 1,
            draft.status.as_str(),
            standing.version,
            standing.summary()
        )?;
        detail(out, draft, standing)?;
    }
    Ok(Outcome::Ok)
}

fn row(draft: &Draft, standing: &Consensus) -> serde_json::Value {
    let pairs = |list: &[(String, String)]| -> Vec<serde_json::Value> {
        list.iter()
            .map(|(partner, proposal)| json!({ "partner": partner, "proposal": proposal }))
            .collect()
    };
    json!({
        "id": draft.id,
        "title": draft.title,
        "status": draft.status.as_str(),
        "version": standing.version,
        "ready": standing.is_ready(),
        "summary": standing.summary(),
        "open_proposals": standing.open,
        "objections": pairs(&standing.objections),
        "reservations": pairs(&standing.reservations),
        "brackets": standing.brackets.outermost().count(),
        "unbalanced_brackets": standing.brackets.strays.len(),
    })
}

fn detail(out: &mut dyn Write, draft: &Draft, standing: &Consensus) -> anyhow::Result<()> {
    let who_on = |list: &[(String, String)]| -> String {
        list.iter()
            .map(|(partner, proposal)| format!("{} on {proposal}", sanitize_inline(partner)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !standing.objections.is_empty() {
        writeln!(out, "      objections: {}", who_on(&standing.objections))?;
    }
    if !standing.reservations.is_empty() {
        writeln!(
            out,
            "      reservations: {}",
            who_on(&standing.reservations)
        )?;
    }
    let text = draft.current().map_or("", |v| v.text.as_str());
    for place in crate::negotiation::bracket_places(text, &standing.brackets) {
        writeln!(out, "      bracket at {}", sanitize_inline(&place))?;
    }
    Ok(())
}

pub fn log(args: &Args, l: &LogArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (folder, id) = target::resolve(&args.drafts, &l.draft)?;
    let draft = target::draft(&folder, &id)?;
    for event in history(draft) {
        let note = event
            .note
            .as_deref()
            .map(|n| format!(": {}", sanitize_inline(n)))
            .unwrap_or_default();
        writeln!(
            out,
            "{}  {:<10} {} {}{note}",
            event.at,
            event.reference().unwrap_or_default(),
            sanitize_inline(&event.who),
            event.what,
        )?;
    }
    Ok(Outcome::Ok)
}

/// Lists the bracketed passages and stray brackets of one text; exit 1 when
/// there are any, like `validate` finding problems.
pub fn brackets(args: &Args, b: &BracketsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (folder, id) = target::resolve(&args.drafts, &b.draft)?;
    let draft = target::draft(&folder, &id)?;
    let text = draft
        .text_of(&Reference::parse(&b.text))
        .map_err(anyhow::Error::msg)?;
    let found = scan(text);
    for passage in &found.passages {
        let (line, column) = line_col(text, passage.range.start);
        let indent = "  ".repeat(passage.depth - 1);
        writeln!(
            out,
            "{line}:{column}: {indent}{}",
            sanitize_inline(&text[passage.range.clone()])
        )?;
    }
    for stray in &found.strays {
        let (line, column) = line_col(text, stray.at);
        writeln!(out, "{line}:{column}: unbalanced: {}", stray.kind)?;
    }
    let outermost = found.outermost().count();
    let nested = found.passages.len() - outermost;
    writeln!(
        out,
        "{}, {nested} nested, {} unbalanced",
        counted(outermost, "bracketed passage"),
        found.strays.len()
    )?;
    Ok(if found.is_clean() {
        Outcome::Ok
    } else {
        Outcome::No
    })
}
