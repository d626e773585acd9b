//! `plenary validate`: every problem in the drafts folder, one per line.

use std::io::Write;

use anyhow::bail;

use super::{Args, Outcome};
use crate::store::{self, Severity};

pub fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if !args.drafts.is_dir() {
        bail!("{}: no such drafts folder", args.drafts.display());
    }
    let folder = match store::load_folder(&args.drafts) {
        Ok(folder) => folder,
        Err(diagnostics) => {
            for d in &diagnostics {
                writeln!(out, "{}", sanitize_line(&d.to_string()))?;
            }
            return Ok(Outcome::No);
        }
    };
    let diagnostics = folder.all_diagnostics();
    for d in &diagnostics {
        writeln!(out, "{}", sanitize_line(&d.to_string()))?;
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let drafts = folder.entries.len();
    if errors > 0 {
        return Ok(Outcome::No);
    }
    writeln!(out, "{drafts} drafts and the session file are valid")?;
    Ok(Outcome::Ok)
}

/// Messages quote file contents; keep them on one line and harmless.
fn sanitize_line(line: &str) -> String {
    crate::sanitize::sanitize_inline(line).into_owned()
}
