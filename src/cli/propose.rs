//! `plenary propose`, `withdraw` and `position`: a Partner's moves, each
//! saved to the draft file at once.

use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args as ClapArgs, ValueEnum};

use super::{Args, Outcome, target};
use crate::model::{Stance, Timestamp};
use crate::negotiation;

/// A text given on the command line or read from a file: `--text T` or
/// `--text-file F` (`-` for standard input).
#[derive(Debug, ClapArgs)]
pub struct TextArgs {
    /// The full text.
    #[arg(
        long,
        required_unless_present = "text_file",
        conflicts_with = "text_file"
    )]
    pub text: Option<String>,
    /// Read the text from a file (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub text_file: Option<PathBuf>,
}

impl TextArgs {
    /// The text, read from its file if need be.
    pub fn read(&self) -> anyhow::Result<String> {
        match (&self.text, &self.text_file) {
            (Some(text), _) => Ok(text.clone()),
            (None, Some(file)) => read_text(file),
            (None, None) => bail!("give the text with --text or --text-file"),
        }
    }
}

#[derive(Debug, ClapArgs)]
pub struct ProposeArgs {
    /// Draft id or path to a draft file.
    pub draft: String,
    #[command(flatten)]
    pub text: TextArgs,
    /// One line for the other Partners: why this change.
    #[arg(long)]
    pub rationale: Option<String>,
}

#[derive(Debug, ClapArgs)]
pub struct WithdrawArgs {
    /// Draft id or path to a draft file.
    pub draft: String,
    /// Your proposal's id, e.g. france-1.
    pub proposal: String,
}

#[derive(Debug, ClapArgs)]
pub struct PositionArgs {
    /// Draft id or path to a draft file.
    pub draft: String,
    /// The proposal's id, e.g. france-1.
    pub proposal: String,
    pub stance: StanceWord,
    /// A note with the position, e.g. "ad referendum".
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StanceWord {
    Support,
    Object,
    Reserve,
}

impl From<StanceWord> for Stance {
    fn from(word: StanceWord) -> Stance {
        match word {
            StanceWord::Support => Stance::Support,
            StanceWord::Object => Stance::Object,
            StanceWord::Reserve => Stance::Reserve,
        }
    }
}

pub fn propose(args: &Args, p: &ProposeArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let text = p.text.read()?;
    let (mut folder, id) = target::resolve(&args.drafts, &p.draft)?;
    target::draft(&folder, &id)?;
    let me = target::acting(args, &folder)?;
    let rationale = p.rationale.as_deref();
    let new_id = folder.update(&id, |draft, session| {
        negotiation::propose(draft, session, &me, &text, rationale, Timestamp::now())
    })?;
    writeln!(out, "{new_id}")?;
    Ok(Outcome::Ok)
}

pub fn withdraw(args: &Args, w: &WithdrawArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (mut folder, id) = target::resolve(&args.drafts, &w.draft)?;
    target::draft(&folder, &id)?;
    let me = target::acting(args, &folder)?;
    folder.update(&id, |draft, session| {
        negotiation::withdraw(draft, session, &me, &w.proposal, Timestamp::now())
    })?;
    writeln!(out, "withdrew {}", w.proposal)?;
    Ok(Outcome::Ok)
}

pub fn position(args: &Args, p: &PositionArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (mut folder, id) = target::resolve(&args.drafts, &p.draft)?;
    target::draft(&folder, &id)?;
    let me = target::acting(args, &folder)?;
    let stance = Stance::from(p.stance);
    folder.update(&id, |draft, session| {
        negotiation::take_position(
            draft,
            session,
            &me,
            &p.proposal,
            stance,
            p.note.as_deref(),
            Timestamp::now(),
        )
    })?;
    writeln!(out, "{me}: {} {}", stance.as_str(), p.proposal)?;
    Ok(Outcome::Ok)
}

fn read_text(file: &PathBuf) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        bytes = std::fs::read(file).with_context(|| format!("{}: cannot read", file.display()))?;
    }
    let text =
        String::from_utf8(bytes).with_context(|| format!("{}: not UTF-8 text", file.display()))?;
    // A file's final newline is the file's, not the paragraph's.
    Ok(text.strip_suffix('\n').unwrap_or(&text).to_string())
}
