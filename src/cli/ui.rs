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
