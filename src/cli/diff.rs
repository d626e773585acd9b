//! `plenary diff`: the word-level redline between two texts of a draft, or
//! between two plain text files (like wdiff).
//!
//! Exit status as diff(1): 0 when the texts are the same, 1 when they
//! differ, 2 on trouble.

use std::fs;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, anyhow};
use clap::{Args as ClapArgs, ValueEnum};

use super::{Args, Outcome, target};
use crate::model::Reference;
use crate::redline::{self, Redline};
use crate::sanitize::sanitize;

#[derive(Debug, ClapArgs)]
#[command(after_help = "\
TEXTS: `original` (version 1), `current` (the newest version), `vN` (version N), or a proposal id.
A proposal id given alone as --to is compared with the original.

Examples:
  plenary diff entities-of-concern --to france-1
  plenary diff entities-of-concern --from v2 --to germany-1 --format side-by-side
  plenary diff --files old.txt new.txt --format html > redline.html")]
pub struct DiffArgs {
    /// Draft id or path to a draft file.
    #[arg(required_unless_present = "files")]
    pub draft: Option<String>,
    /// The text to compare from.
    #[arg(long, value_name = "TEXT", default_value = "original")]
    pub from: String,
    /// The text to compare to.
    #[arg(long, value_name = "TEXT", default_value = "current")]
    pub to: String,
    /// Compare two plain text files instead of texts of a draft.
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"], conflicts_with_all = ["draft", "from", "to"])]
    pub files: Option<Vec<PathBuf>>,
    /// Output format; by default `ansi` on a terminal (`plain` with NO_COLOR) and `plain` otherwise.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Total width for side-by-side (default: the terminal's, or 100).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    /// Print only a summary: words deleted, inserted and unchanged.
    #[arg(long)]
    pub stat: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `[-deleted-]{+inserted+}`, as wdiff writes.
    Plain,
    /// Struck-through red deletions and underlined green insertions.
    Ansi,
    /// `<del>` and `<ins>`, everything escaped.
    Html,
    /// `[{"op": "equal"|"delete"|"insert", "text": ...}]`.
    Json,
    /// Old text left, new text right, aligned change by change.
    SideBySide,
}

pub fn run(args: &Args, diff: &DiffArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (old, new) = match &diff.files {
        Some(files) => (read(&files[0])?, read(&files[1])?),
        None => draft_texts(args, diff)?,
    };
    let r = redline::redline(&old, &new);
    let tty = std::io::stdout().is_terminal();
    let color = crate::terminal::color_wanted();
    if diff.stat {
        let s = r.stat();
        writeln!(
            out,
            "{} word(s) deleted, {} inserted, {} unchanged",
            s.deleted_words, s.inserted_words, s.unchanged_words
        )?;
    } else {
        let format = diff.format.unwrap_or(match (tty, color) {
            (true, true) => Format::Ansi,
            _ => Format::Plain,
        });
        write!(out, "{}", render(&r, format, width(diff, tty), tty, color))?;
    }
    Ok(if r.is_unchanged() {
        Outcome::Ok
    } else {
        Outcome::No
    })
}

/// The texts `--from` and `--to` name in the draft.
fn draft_texts(args: &Args, diff: &DiffArgs) -> anyhow::Result<(String, String)> {
    let name = diff
        .draft
        .as_deref()
        .context("name a draft, or use --files OLD NEW")?;
    let (folder, id) = target::resolve(&args.drafts, name)?;
    let draft = target::draft(&folder, &id)?;
    let text = |word: &str| {
        draft
            .text_of(&Reference::parse(word))
            .map(str::to_string)
            .map_err(|e| anyhow!(e))
    };
    Ok((text(&diff.from)?, text(&diff.to)?))
}

fn read(path: &PathBuf) -> anyhow::Result<String> {
    let bytes = fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let line_start = bytes[..at]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        let col = String::from_utf8_lossy(&bytes[line_start..at])
            .chars()
            .count()
            + 1;
        anyhow!(
            "{}:{line}:{col}: not UTF-8 text (save it as UTF-8)",
            path.display()
        )
    })
}

fn width(diff: &DiffArgs, tty: bool) -> usize {
    let terminal = tty
        .then(|| ratatui::crossterm::terminal::size().ok())
        .flatten()
        .map(|(w, _)| w);
    usize::from(diff.width.or(terminal).unwrap_or(100))
}

/// The redline in `format`. On a terminal, text the renderer does not
/// already make safe is sanitized: no draft byte reaches the terminal raw.
fn render(r: &Redline, format: Format, width: usize, tty: bool, color: bool) -> String {
    let text = match format {
        Format::Ansi => return with_newline(redline::ansi(r, color)),
        Format::SideBySide => return redline::side_by_side(r, width, color && tty),
        Format::Plain => redline::plain(r),
        Format::Html => redline::html(r),
        Format::Json => redline::json(r),
    };
    let text = if tty {
        sanitize(&text).into_owned()
    } else {
        text
    };
    with_newline(text)
}

fn with_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}
