//! `plenary list`: the drafts on the table and where each stands.

use std::io::Write;

use clap::{Args as ClapArgs, ValueEnum};
use serde_json::json;

use super::{Args, Outcome, target};
use crate::model::Stance;
use crate::sanitize::sanitize_inline;
use crate::store::EntryState;

#[derive(Debug, Default, ClapArgs)]
pub struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    #[default]
    Text,
    Json,
}

pub fn run(args: &Args, list: &ListArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let folder = target::load(&args.drafts)?;
    let mut rows = Vec::new();
    for (n, entry) in folder.entries.iter().enumerate() {
        let row = match &entry.state {
            EntryState::Loaded(d) => json!({
                "number": n + 1,
                "id": d.id,
                "title": d.title,
                "status": d.status.as_str(),
                "version": d.current().map_or(0, |v| v.version),
                "open_proposals": d.open_proposals().count(),
                "objections": d.open_proposals().map(|p| p.count(Stance::Object)).sum::<usize>(),
                "source": d.source,
                "marking": d.marking,
            }),
            EntryState::Failed(diagnostics) => json!({
                "number": n + 1,
                "id": entry.id,
                "error": diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>(),
            }),
        };
        rows.push(row);
    }
    match list.format {
        ListFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?,
        ListFormat::Text => {
            writeln!(out, "{}", sanitize_inline(&folder.session.name))?;
            for (entry, row) in folder.entries.iter().zip(&rows) {
                let id = sanitize_inline(&entry.id);
                let n = row["number"].as_u64().unwrap_or(0);
                match entry.draft() {
                    Some(d) => {
                        let open = d.open_proposals().count();
                        writeln!(
                            out,
                            "{n:>2}. {id:<24} {status:<7} v{version:<3} {open} open proposal{s}  {title}",
                            status = d.status.as_str(),
                            version = d.current().map_or(0, |v| v.version),
                            s = if open == 1 { "" } else { "s" },
                            title = sanitize_inline(&d.title),
                        )?
                    }
                    None => writeln!(
                        out,
                        "{n:>2}. {id:<24} FAILED TO LOAD (plenary validate says why)"
                    )?,
                }
            }
        }
    }
    Ok(Outcome::Ok)
}
