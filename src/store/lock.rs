//! One writer at a time per draft, across processes.
//!
//! Every change to a draft is made under an advisory lock (`flock` on Unix,
//! `LockFileEx` on Windows, through `std::fs::File::lock`) on a sidecar
//! file, `drafts/.plenary-locks/<draft-id>.lock`, which is created once and
//! never deleted or renamed. The draft file itself cannot be the lock: an
//! atomic save renames a new file over it, and a lock held on the old inode
//! then protects nothing.
//!
//! The kernel releases a lock when its holder exits, however it exits, so a
//! crashed plenary leaves no stale lock. A holder that hangs is waited for
//! at most [`WAIT`], then the save is refused with a message saying so.
//! While holding the lock, temporary files a killed writer left behind for
//! that draft are removed: nobody else can be writing them.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::atomic::is_temp_name;

/// The hidden folder of lock files, inside the drafts folder.
pub const DIR: &str = ".plenary-locks";

/// How long to wait for another writer before giving up.
pub const WAIT: Duration = Duration::from_secs(10);

/// A held lock; dropping it releases the lock (the file stays).
#[derive(Debug)]
pub struct Lock {
    file: File,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

/// The lock file for `name` (a draft id, or the session file's name).
pub fn path(drafts: &Path, name: &str) -> PathBuf {
    drafts.join(DIR).join(format!("{name}.lock"))
}

/// Takes the lock for `name`, waiting up to [`WAIT`] for another holder.
pub fn acquire(drafts: &Path, name: &str) -> io::Result<Lock> {
    let file_path = path(drafts, name);
    if let Some(dir) = file_path.parent() {
        fs::create_dir_all(dir)?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&file_path)?;
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < WAIT => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    format!(
                        "another plenary has been saving '{name}' for over {} s; try again",
                        WAIT.as_secs()
                    ),
                ));
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
    }
    Ok(Lock { file })
}

/// Removes temporary files left for `file_name` by a writer that died
/// mid-save. Call only while holding that file's lock.
pub fn sweep_temps(drafts: &Path, file_name: &str) {
    let prefix = format!(".{file_name}.tmp-");
    let Ok(entries) = fs::read_dir(drafts) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_temp_name(&name) && name.starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_and_a_dropped_lock_is_free_again() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path(), "d").unwrap();
        let other = File::open(path(dir.path(), "d")).unwrap();
        assert!(matches!(
            other.try_lock(),
            Err(fs::TryLockError::WouldBlock)
        ));
        drop(first);
        other.try_lock().unwrap();
        other.unlock().unwrap();
        drop(acquire(dir.path(), "d").unwrap());
        assert!(
            path(dir.path(), "d").exists(),
            "the lock file is never deleted"
        );
    }

    #[test]
    fn sweeping_removes_only_that_files_temps() {
        let dir = tempfile::tempdir().unwrap();
        for name in [".d.yaml.tmp-1-0", ".e.yaml.tmp-1-0", "d.yaml"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        sweep_temps(dir.path(), "d.yaml");
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".e.yaml.tmp-1-0", "d.yaml"]);
    }
}
