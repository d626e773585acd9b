//! Noticing other sessions' saves: a watch on the drafts *folder*.
//!
//! The folder, not each file: an atomic save renames a new file over the
//! draft, and a watch on the old file goes blind after the first save.
//! Events are debounced (a save is several events) and only say "look
//! again"; [`super::Folder::refresh`] then compares contents, so a touched
//! timestamp changes nothing. Where the platform has no change events (some
//! network file systems), a polling watcher stands in.

use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify::{PollWatcher, RecursiveMode};
use notify_debouncer_mini::{
    Config, DebounceEventResult, Debouncer, new_debouncer, new_debouncer_opt,
};

/// How long a burst of events must be quiet before it is reported.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// How often the polling stand-in looks.
pub const POLL: Duration = Duration::from_millis(500);

/// Watches a drafts folder for saves, by events or by polling.
pub struct FolderWatch {
    events: Receiver<DebounceEventResult>,
    /// The watcher (by events or by polling), kept alive for as long as
    /// the watch: dropping it stops it.
    _watcher: Box<dyn std::any::Any>,
}

impl FolderWatch {
    /// Starts watching `dir`: by change events where the platform has them,
    /// else by polling.
    pub fn new(dir: &Path) -> notify::Result<FolderWatch> {
        let (tx, events) = channel();
        let by_events = new_debouncer(DEBOUNCE, tx.clone()).and_then(|mut debouncer| {
            debouncer
                .watcher()
                .watch(dir, RecursiveMode::NonRecursive)?;
            Ok(debouncer)
        });
        let watcher: Box<dyn std::any::Any> = match by_events {
            Ok(debouncer) => Box::new(debouncer),
            Err(_) => Box::new(polling(dir, tx)?),
        };
        Ok(FolderWatch {
            events,
            _watcher: watcher,
        })
    }

    /// Whether a draft or the session file changed since the last call.
    /// Never blocks. Our own hidden files (locks, temporaries, the unfiled
    /// texts) do not count.
    pub fn changed(&self) -> bool {
        let mut changed = false;
        while let Ok(result) = self.events.try_recv() {
            match result {
                Ok(events) => {
                    changed |= events.iter().any(|e| is_draft_file(&e.path));
                }
                // An error from the backend: look again to be safe.
                Err(_) => changed = true,
            }
        }
        changed
    }
}

fn polling(
    dir: &Path,
    tx: std::sync::mpsc::Sender<DebounceEventResult>,
) -> notify::Result<Debouncer<PollWatcher>> {
    let config = Config::default()
        .with_timeout(DEBOUNCE)
        .with_notify_config(notify::Config::default().with_poll_interval(POLL));
    let mut debouncer = new_debouncer_opt::<_, PollWatcher>(config, tx)?;
    debouncer
        .watcher()
        .watch(dir, RecursiveMode::NonRecursive)?;
    Ok(debouncer)
}

/// `*.yaml` that is not hidden: a draft or the session file.
fn is_draft_file(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    name.ends_with(".yaml") && !name.starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_drafts_and_the_session_count() {
        assert!(is_draft_file(Path::new("drafts/x.yaml")));
        assert!(is_draft_file(Path::new("drafts/plenary.yaml")));
        assert!(!is_draft_file(Path::new("drafts/.x.yaml.tmp-1-2")));
        assert!(!is_draft_file(Path::new("drafts/.plenary-locks/x.lock")));
        assert!(!is_draft_file(Path::new("drafts/notes.txt")));
    }
}
