//! Unfiled editor texts, kept on disk while a Partner types, so that a
//! dropped connection or a dead laptop loses at most the last moment of
//! typing. One plain text file per draft and Partner in a hidden folder of
//! the drafts folder, which the loader ignores:
//! `drafts/.plenary-unsaved/<draft-id>.<partner>.txt`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::write_atomic;

/// The hidden folder, inside the drafts folder.
pub const DIR: &str = ".plenary-unsaved";

/// Where `partner`'s unfiled text for `draft_id` is kept.
pub fn path(drafts: &Path, draft_id: &str, partner: &str) -> PathBuf {
    drafts
        .join(DIR)
        .join(format!("{draft_id}.{}.txt", file_part(partner)))
}

/// A Partner's name as it appears in the file names.
fn file_part(partner: &str) -> String {
    partner
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect()
}

/// The drafts for which `partner` has unfiled text kept, by id, sorted.
pub fn list(drafts: &Path, partner: &str) -> Vec<String> {
    let suffix = format!(".{}.txt", file_part(partner));
    let Ok(entries) = fs::read_dir(drafts.join(DIR)) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(&suffix).map(String::from)
        })
        .filter(|id| !id.starts_with('.'))
        .collect();
    ids.sort();
    ids
}

/// Keeps `text` (atomically: a crash leaves the old copy or the new one).
pub fn keep(drafts: &Path, draft_id: &str, partner: &str, text: &str) -> io::Result<()> {
    let file = path(drafts, draft_id, partner);
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir)?;
    }
    write_atomic(&file, text.as_bytes())
}

/// The kept text, if there is one.
pub fn find(drafts: &Path, draft_id: &str, partner: &str) -> Option<String> {
    fs::read_to_string(path(drafts, draft_id, partner)).ok()
}

/// Forgets the kept text (after it was filed or deliberately discarded).
pub fn forget(drafts: &Path, draft_id: &str, partner: &str) {
    let file = path(drafts, draft_id, partner);
    let _ = fs::remove_file(&file);
    if let Some(dir) = file.parent() {
        let _ = fs::remove_dir(dir); // Only succeeds when empty.
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_finds_and_forgets_a_text() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(find(tmp.path(), "d", "Republic of Korea"), None);
        keep(tmp.path(), "d", "Republic of Korea", "text ✓").unwrap();
        assert!(
            path(tmp.path(), "d", "Republic of Korea")
                .ends_with(".plenary-unsaved/d.Republic-of-Korea.txt")
        );
        assert_eq!(
            find(tmp.path(), "d", "Republic of Korea").as_deref(),
            Some("text ✓")
        );
        keep(tmp.path(), "e", "Republic of Korea", "other").unwrap();
        keep(tmp.path(), "e", "Korea", "not theirs").unwrap();
        assert_eq!(list(tmp.path(), "Republic of Korea"), ["d", "e"]);
        forget(tmp.path(), "e", "Republic of Korea");
        forget(tmp.path(), "e", "Korea");
        forget(tmp.path(), "d", "Republic of Korea");
        assert_eq!(find(tmp.path(), "d", "Republic of Korea"), None);
        assert!(!tmp.path().join(DIR).exists(), "the empty folder goes too");
    }
}
