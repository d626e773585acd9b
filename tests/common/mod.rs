//! Helpers shared by the integration tests: scratch copies of the bundled
//! drafts and running the real binary.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's bundled drafts folder.
pub fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts")
}

/// A temporary copy of the bundled drafts; the folder is `dir.path()/drafts`.
pub fn scratch_drafts() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    fs::create_dir(&drafts).unwrap();
    for entry in fs::read_dir(bundled()).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), drafts.join(entry.file_name())).unwrap();
    }
    (dir, drafts)
}

/// Runs `plenary ARGS` with `--drafts DIR`, no terminal, no colour.
pub fn plenary(drafts: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("--drafts")
        .arg(drafts)
        .args(args)
        .env_remove("PLENARY_DRAFTS")
        .env_remove("PLENARY_AS")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file name in `dir`, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `plenary diff DRAFT --to TO --format json` as (op, text) pairs, after
/// checking that it exits 1 (the texts differ).
pub fn diff_spans(drafts: &Path, draft: &str, to: &str) -> Vec<(String, String)> {
    let out = plenary(drafts, &["diff", draft, "--to", to, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let spans: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    spans
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["op"].as_str().unwrap().to_string(),
                s["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
