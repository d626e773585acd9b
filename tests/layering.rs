//! The core never imports a terminal crate: `model`, `store`, `redline` and
//! the other core modules must stay testable and reusable without a terminal
//! (see ARCHITECTURE.md). This test fails when one of them does.

use std::fs;
use std::path::Path;

const CORE: &[&str] = &[
    "model",
    "store",
    "redline",
    "negotiation",
    "tabling",
    "export",
    "sanitize.rs",
];
const TERMINAL_CRATES: &[&str] = &["ratatui", "crossterm", "portable_pty", "vt100"];

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).unwrap() {
            rust_files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_owned());
    }
}

#[test]
fn core_modules_do_not_depend_on_terminal_crates() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for module in CORE {
        rust_files(&src.join(module), &mut files);
    }
    assert!(files.len() >= 10, "the core went missing: {files:?}");
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for krate in TERMINAL_CRATES {
                assert!(
                    !line.contains(&format!("{krate}::"))
                        && !line.contains(&format!("use {krate}")),
                    "{}:{}: the core must not use {krate}: {line}",
                    file.display(),
                    n + 1
                );
            }
        }
    }
}
