//! Turning a DRAFT argument into a loaded folder and a draft.
//!
//! A DRAFT is a draft id (`entities-of-concern`) looked up in the drafts
//! folder, or a path to a draft file (`drafts/entities-of-concern.yaml`),
//! in which case the file's own folder is loaded, since the draft needs its
//! session to be checked.

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};

use crate::model::{Draft, Session, session::suggest};
use crate::store::{self, EntryState, Folder};

/// Loads the drafts folder, with every session problem in the error.
pub fn load(dir: &Path) -> anyhow::Result<Folder> {
    store::load_folder(dir).map_err(|diagnostics| {
        let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        anyhow!("{}", lines.join("\n"))
    })
}

/// Loads the folder DRAFT belongs to and finds the draft in it.
pub fn resolve(drafts_dir: &Path, draft: &str) -> anyhow::Result<(Folder, String)> {
    let as_path = PathBuf::from(draft);
    let looks_like_path = draft.ends_with(".yaml") || draft.contains(std::path::MAIN_SEPARATOR);
    if looks_like_path {
        if !as_path.is_file() {
            bail!("{draft}: no such draft file");
        }
        let dir = as_path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let id = as_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .context("a draft file needs a name")?;
        let folder = load(dir)?;
        return Ok((folder, id));
    }
    let folder = load(drafts_dir)?;
    Ok((folder, draft.to_owned()))
}

/// The loaded draft `id`, or an error that says why not.
pub fn draft<'f>(folder: &'f Folder, id: &str) -> anyhow::Result<&'f Draft> {
    match folder.entry(id).map(|e| &e.state) {
        Some(EntryState::Loaded(draft)) => Ok(draft),
        Some(EntryState::Failed(diagnostics)) => {
            let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            bail!("draft '{id}' failed to load:\n{}", lines.join("\n"))
        }
        None => {
            let hint = suggest(id, folder.entries.iter().map(|e| e.id.as_str()))
                .map(|s| format!(" (did you mean '{s}'?)"))
                .unwrap_or_default();
            bail!(
                "no draft '{id}' in {}{hint}; `plenary list` shows the drafts",
                folder.dir.display()
            )
        }
    }
}

/// The session's spelling of `name` (`--as france` is France), or an error
/// listing what would have worked.
pub fn partner(session: &Session, name: &str) -> anyhow::Result<String> {
    if let Some(found) = session.find_partner(name) {
        return Ok(found.to_string());
    }
    let hint = match session.suggest_partner(name) {
        Some(s) => format!("did you mean '{s}'?"),
        None => format!("the Partners are: {}", session.partners.join(", ")),
    };
    bail!(
        "'{}' is not a Partner of {}; {hint}",
        crate::sanitize::sanitize_inline(name),
        session.name
    )
}

/// The Partner `--as` names; every change is made by someone.
pub fn acting(args: &super::Args, folder: &Folder) -> anyhow::Result<String> {
    match &args.as_partner {
        Some(name) => partner(&folder.session, name),
        None => bail!("say which Partner you speak for: --as PARTNER (or set PLENARY_AS)"),
    }
}
