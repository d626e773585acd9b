//! `plenary adopt`, `merge` and `agree`: the Chair's moves.

use std::io::{IsTerminal, Write};

use clap::Args as ClapArgs;

use super::{Args, Outcome, target};
use crate::model::Timestamp;
use crate::negotiation::{self, merge::Merged};
use crate::sanitize::{sanitize, sanitize_inline};

#[derive(Debug, ClapArgs)]
pub struct AdoptArgs {
    /// Draft id or path to a draft file.
    pub draft: String,
    /// The proposal to adopt, e.g. france-1.
    pub proposal: String,
    /// A note for the record, e.g. "as read out in plenary".
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, ClapArgs)]
pub struct MergeArgs {
    /// Draft id or path to a draft file.
    pub draft: String,
    /// Two or more proposals to combine, e.g. france-1 germany-1.
    #[arg(required = true, num_args = 2..)]
    pub proposals: Vec<String>,
    /// File the merged text as a proposal of the Chair's (needs --as CHAIR);
    /// without it the text is only printed.
    #[arg(long)]
    pub out_proposal: bool,
}

#[derive(Debug, ClapArgs)]
pub struct AgreeArgs {
    /// Draft id or path to a draft file.
    pub draft: String,
    /// Agreed ad referendum: pending approval by capitals.
    #[arg(long)]
    pub ad_ref: bool,
    /// A note for the record.
    #[arg(long)]
    pub note: Option<String>,
}

pub fn adopt(args: &Args, a: &AdoptArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (mut folder, id) = target::resolve(&args.drafts, &a.draft)?;
    target::draft(&folder, &id)?;
    let me = target::acting(args, &folder)?;
    let mut overridden = Vec::new();
    let version = folder.update(&id, |draft, session| {
        overridden = negotiation::merged_objections(draft, &a.proposal);
        negotiation::adopt(
            draft,
            session,
            &me,
            &a.proposal,
            a.note.as_deref(),
            Timestamp::now(),
        )
    })?;
    writeln!(out, "{id}: adopted {} as v{version}", a.proposal)?;
    for (partner, proposal) in overridden {
        writeln!(
            out,
            "note: {} objected to {proposal}, which this text merges",
            sanitize_inline(&partner)
        )?;
    }
    Ok(Outcome::Ok)
}

/// Prints the merged text (or, with `--out-proposal`, files it and prints
/// its id); the bracketed passages go to standard error. Exit 1 when any
/// passage was bracketed.
pub fn merge(args: &Args, m: &MergeArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (mut folder, id) = target::resolve(&args.drafts, &m.draft)?;
    let merged = if m.out_proposal {
        target::draft(&folder, &id)?;
        let me = target::acting(args, &folder)?;
        let (new_id, merged) = folder.update(&id, |draft, session| {
            negotiation::file_merge(draft, session, &me, &m.proposals, Timestamp::now())
        })?;
        writeln!(out, "{new_id}")?;
        merged
    } else {
        let merged = negotiation::merge_proposals(target::draft(&folder, &id)?, &m.proposals)?;
        if std::io::stdout().is_terminal() {
            writeln!(out, "{}", sanitize(&merged.text))?;
        } else {
            writeln!(out, "{}", merged.text)?;
        }
        merged
    };
    report_conflicts(&merged)?;
    Ok(if merged.conflicts.is_empty() {
        Outcome::Ok
    } else {
        Outcome::No
    })
}

fn report_conflicts(merged: &Merged) -> anyhow::Result<()> {
    let err = &mut std::io::stderr().lock();
    let n = merged.conflicts.len();
    if n == 0 {
        writeln!(err, "the proposals combine without overlap")?;
        return Ok(());
    }
    let s = if n == 1 { "" } else { "s" };
    writeln!(
        err,
        "{n} passage{s} left in brackets, where proposals overlap:"
    )?;
    for conflict in &merged.conflicts {
        writeln!(
            err,
            "  was \"{}\": {}",
            sanitize_inline(conflict.base.trim()),
            sanitize_inline(&conflict.bracketed())
        )?;
    }
    Ok(())
}

pub fn agree(args: &Args, a: &AgreeArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (mut folder, id) = target::resolve(&args.drafts, &a.draft)?;
    target::draft(&folder, &id)?;
    let me = target::acting(args, &folder)?;
    folder.update(&id, |draft, session| {
        negotiation::agree(
            draft,
            session,
            &me,
            a.ad_ref,
            a.note.as_deref(),
            Timestamp::now(),
        )
    })?;
    let status = if a.ad_ref { "ad-ref" } else { "agreed" };
    writeln!(out, "{id}: {status}")?;
    Ok(Outcome::Ok)
}
