//! `plenary show DRAFT`: one text of a draft, exactly as stored.
//!
//! Exactly as stored when written to a pipe or file; on a terminal, control
//! characters are shown as placeholders (see `sanitize`) so that a hostile
//! text cannot drive the terminal.

use std::io::{IsTerminal, Write};

use anyhow::{anyhow, bail};
use clap::Args as ClapArgs;

use super::{Args, Outcome, target};
use crate::sanitize::sanitize;

#[derive(Debug, ClapArgs)]
pub struct ShowArgs {
    /// Draft id (e.g. entities-of-concern) or path to a draft file.
    pub draft: String,
    /// Show this version instead of the current text.
    #[arg(long, value_name = "N", conflicts_with = "proposal")]
    pub version: Option<u32>,
    /// Show this proposal's text.
    #[arg(long, value_name = "ID")]
    pub proposal: Option<String>,
}

pub fn run(args: &Args, show: &ShowArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (folder, id) = target::resolve(&args.drafts, &show.draft)?;
    let draft = target::draft(&folder, &id)?;
    let text = match (&show.version, &show.proposal) {
        (Some(n), _) => {
            &draft
                .version(*n)
                .ok_or_else(|| {
                    anyhow!(
                        "draft '{id}' has no version {n} (it has versions 1 to {})",
                        draft.versions.len()
                    )
                })?
                .text
        }
        (None, Some(p)) => match draft.proposal(p) {
            Some(proposal) => &proposal.text,
            None => bail!("draft '{id}' has no proposal '{p}'"),
        },
        (None, None) => match draft.current() {
            Some(v) => &v.text,
            None => bail!("draft '{id}' has no text"),
        },
    };
    if std::io::stdout().is_terminal() {
        writeln!(out, "{}", sanitize(text))?;
    } else {
        // Byte for byte: no newline added, so `show > f` round-trips.
        write!(out, "{text}")?;
    }
    Ok(Outcome::Ok)
}
