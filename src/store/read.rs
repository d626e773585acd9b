//! From bytes on disk to a validated model, with every problem located.
//!
//! The order of checks is the order of cost: the size cap before reading,
//! UTF-8 before parsing, the bounded structural scan (`scan`) before
//! serde_yaml, and typed deserialization straight into the `wire` structs
//! (never through `serde_yaml::Value`, whose alias expansion is what makes
//! YAML bombs expensive). Only then do the model's rules run, and only when
//! something is wrong do we walk the file again to find lines.

use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::Diagnostic;
use super::scan::{self, Position};
use super::wire::{RawDraft, RawSession};
use crate::model::{self, Draft, Problem, Session};

/// Largest file plenary reads. A draft is a paragraph with its history; even
/// hundreds of proposals to a page-long text stay far below this.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Problems listed per file; past this a file is hopeless, and listing
/// them all would only bury the first ones.
pub const MAX_PROBLEMS: usize = 100;

/// Reads a file as UTF-8 text, refusing oversized files before reading them.
pub fn read_capped(path: &Path) -> Result<String, Diagnostic> {
    let fail = |message: String| Diagnostic::error(path, None, message);
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(fail(too_large(size)));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(too_large(bytes.len() as u64)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let at = position_of(std::str::from_utf8(valid).unwrap_or(""), valid.len());
        Diagnostic::error(
            path,
            Some(at),
            "the file is not UTF-8 text (save it as UTF-8)",
        )
    })
}

fn too_large(size: u64) -> String {
    format!(
        "the file is {size} bytes, over the {} MiB limit for plenary files",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Line and column (1-based, in characters) of byte `offset` in `src`.
pub fn position_of(src: &str, offset: usize) -> Position {
    let before = &src[..offset.min(src.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        col: before[line_start..].chars().count() + 1,
    }
}

/// Parses and validates a session file's text.
pub fn parse_session(src: &str, path: &Path) -> Result<Session, Vec<Diagnostic>> {
    let (raw, mut problems) = deserialize::<RawSession>(src, path)?;
    let session = raw.into_model();
    problems.extend(model::validate_session(&session));
    finish(session, problems, src, path)
}

/// Parses and validates a draft file's text against its session.
pub fn parse_draft(src: &str, path: &Path, session: &Session) -> Result<Draft, Vec<Diagnostic>> {
    let (raw, mut problems) = deserialize::<RawDraft>(src, path)?;
    let (draft, conversion) = raw.into_model();
    problems.extend(conversion);
    problems.extend(model::validate_draft(&draft, session));
    finish(draft, problems, src, path)
}

fn finish<T>(
    value: T,
    problems: Vec<Problem>,
    src: &str,
    path: &Path,
) -> Result<T, Vec<Diagnostic>> {
    if problems.is_empty() {
        return Ok(value);
    }
    let total = problems.len();
    let shown = &problems[..total.min(MAX_PROBLEMS)];
    let paths: Vec<&str> = shown.iter().map(|p| p.path.as_str()).collect();
    let mut diagnostics: Vec<Diagnostic> = shown
        .iter()
        .zip(scan::locate_all(src, &paths))
        .map(|(p, at)| Diagnostic::error(path, at, p.message.clone()))
        .collect();
    if total > MAX_PROBLEMS {
        let more = total - MAX_PROBLEMS;
        diagnostics.push(Diagnostic::error(
            path,
            None,
            format!("... and {more} more problems"),
        ));
    }
    Err(diagnostics)
}

/// Scans, then deserializes `src` into `T`, collecting unknown fields as
/// problems instead of stopping at the first.
fn deserialize<T: DeserializeOwned>(
    src: &str,
    path: &Path,
) -> Result<(T, Vec<Problem>), Vec<Diagnostic>> {
    if src.trim().is_empty() {
        return Err(vec![Diagnostic::error(path, None, "the file is empty")]);
    }
    scan::check(src)
        .map_err(|refusal| vec![Diagnostic::error(path, Some(refusal.at), refusal.message)])?;
    let mut unknown = Vec::new();
    let deserializer = serde_yaml::Deserializer::from_str(src);
    let value: T = serde_ignored::deserialize(deserializer, |field| {
        unknown.push(field.to_string());
    })
    .map_err(|e| vec![serde_error(&e, src, path)])?;
    let problems = unknown
        .into_iter()
        .map(|field| {
            let name = field.rsplit('.').next().unwrap_or(&field).to_owned();
            Problem::new(field, format!("unknown field '{name}'"))
        })
        .collect();
    Ok((value, problems))
}

/// serde_yaml's message without its own " at line L column C" suffix, and
/// the location in ours.
fn serde_error(e: &serde_yaml::Error, src: &str, path: &Path) -> Diagnostic {
    let message = e.to_string();
    let message = match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    };
    let at = e.location().map(|l| position_of(src, l.index()));
    Diagnostic::error(path, at, message.replace('`', "'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let src = "ab\ncé\nx";
        assert_eq!(position_of(src, 0), Position { line: 1, col: 1 });
        assert_eq!(position_of(src, 3), Position { line: 2, col: 1 });
        assert_eq!(position_of(src, 6), Position { line: 2, col: 3 });
    }
}
