//! Fixtures for the UI's unit and render tests.

use std::path::Path;

use super::app::App;
use crate::store::{Folder, load_folder};

/// A scratch copy of the bundled drafts, loaded.
pub fn folder() -> (tempfile::TempDir, Folder) {
    let tmp = tempfile::tempdir().unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    for entry in std::fs::read_dir(bundled).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), tmp.path().join(entry.file_name())).unwrap();
    }
    let folder = load_folder(tmp.path()).unwrap();
    (tmp, folder)
}

/// The app on a scratch folder, speaking for `who`, in a 120×40 window.
pub fn app_as(who: &str) -> (tempfile::TempDir, App) {
    let (tmp, folder) = folder();
    (tmp, App::new(folder, Some(who.into()), (120, 40), true))
}

/// The text of styled lines, one line each, as a user would read them.
pub fn lines_text(lines: &[ratatui::text::Line]) -> String {
    lines
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
