//! `plenary` with no command, on a terminal: opens the terminal UI.

use std::io::IsTerminal;

use super::{Args, Outcome, target};

/// Whether both ends are a terminal: the UI needs keys in and a screen out.
pub fn is_interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let folder = target::load(&args.drafts)?;
    let me = match &args.as_partner {
        Some(name) => Some(target::partner(&folder.session, name)?),
        None => None,
    };
    crate::tui::run(folder, me)?;
    Ok(Outcome::Ok)
}

/// `plenary present [DRAFT]`: the room's screen.
pub fn present(args: &Args, p: &PresentArgs) -> anyhow::Result<Outcome> {
    if !is_interactive() {
        anyhow::bail!("present shows a screen for the room: run it in a terminal");
    }
    let folder = target::load(&args.drafts)?;
    if let Some(id) = &p.draft {
        target::draft(&folder, id)?;
    }
    crate::tui::present(folder, p.draft.clone())?;
    Ok(Outcome::Ok)
}

#[derive(Debug, clap::Args)]
pub struct PresentArgs {
    /// Show only this draft (by default every draft, ←/→ to move).
    pub draft: Option<String>,
}
