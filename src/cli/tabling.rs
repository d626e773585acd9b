//! `plenary new` and `plenary import`: putting new drafts on the table,
//! typed or read from a cable. Both build drafts with `crate::tabling` and
//! write them with `Folder::add_draft`, which never overwrites a draft.
//!
//! `import` takes each paragraph on its own: the ones that read well are
//! tabled, the ones that do not are reported (`cable.txt:42: ...`) and the
//! exit status is 1, so fixing the cable and importing again tables the rest
//! and skips what is already there.

use std::io::Write;
use std::path::PathBuf;

use anyhow::anyhow;
use clap::Args as ClapArgs;

use super::{Args, Outcome, propose::TextArgs, target};
use crate::model::{Draft, Timestamp};
use crate::sanitize::sanitize_inline;
use crate::store::{self, AddError, Folder};
use crate::tabling::{self, ImportSettings, NewDraft, Step, Taken, cable};

#[derive(Debug, ClapArgs)]
#[command(after_help = "\
The id is derived from the title's subject when --id is not given
(\"U.S. Proposal on Round Table (RT) for Outreach to Non-Members\" is round-table);
an id already taken is refused, never overwritten. Prints the new draft's id.

Example:
  plenary new --as France --title \"French Proposal on Brokering\" --text-file brokering.txt")]
pub struct NewArgs {
    /// The draft's title, one line.
    #[arg(long)]
    pub title: String,
    /// The tabled text, version 1 (the original).
    #[command(flatten)]
    pub text: TextArgs,
    /// The draft's id, which names its file; derived from the title by default.
    #[arg(long)]
    pub id: Option<String>,
    /// Where it was tabled, e.g. "STATE 103767 para 5".
    #[arg(long)]
    pub source: Option<String>,
    /// Classification marking, e.g. "C/REL MTCR".
    #[arg(long)]
    pub marking: Option<String>,
}

#[derive(Debug, ClapArgs)]
#[command(after_help = "\
Reads a cable in plain text: each numbered paragraph (5. (C) U.S. PROPOSAL ON ...:),
its marking ((C/REL MTCR)) and the quoted text after \"Proposed consensus language:\".
The tabling Partner is the one the heading names (U.S. is the United States); --as on
the command line overrides it, and PLENARY_AS stands in only for a heading naming none.
A text already tabled is skipped, so importing twice changes nothing.

Exit status: 0 all went well; 1 some paragraph was not tabled (each is reported as
FILE:LINE: why) or the cable has no consensus language; 2 trouble.

Example:
  plenary import ../shared/seed/STATE-103767-MTCR-Rio-plenary-proposals.txt --dry-run")]
pub struct ImportArgs {
    /// The cable, as plain text.
    pub file: PathBuf,
    /// Show what would be tabled; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Every id the folder uses: in its order, or a file (loaded or not).
fn taken(folder: &Folder) -> Taken {
    let order = folder.session.drafts.iter().map(String::as_str);
    order
        .chain(folder.entries.iter().map(|e| e.id.as_str()))
        .collect()
}

pub fn new(args: &Args, n: &NewArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let text = n.text.read()?;
    let mut folder = target::load(&args.drafts)?;
    let me = target::acting(args, &folder)?;
    let note = tabling::original_note(&me);
    let draft = tabling::new_draft(
        &folder.session,
        &taken(&folder),
        &NewDraft {
            title: &n.title,
            text: &text,
            author: &me,
            id: n.id.as_deref(),
            source: n.source.as_deref(),
            marking: n.marking.as_deref(),
            note: Some(&note),
            at: Timestamp::now(),
        },
    )?;
    let id = draft.id.clone();
    folder.add_draft(draft)?;
    writeln!(out, "{id}")?;
    Ok(Outcome::Ok)
}

pub fn import(args: &Args, i: &ImportArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let mut folder = target::load(&args.drafts)?;
    let src = store::read_text(&i.file).map_err(|d| anyhow!("{d}"))?;
    let cable = cable::parse(&src);
    // `--as` on the command line overrides the cable; PLENARY_AS only
    // stands in when the cable names no Partner.
    let given = match &args.as_partner {
        Some(name) => Some(target::partner(&folder.session, name)?),
        None => None,
    };
    let (author, fallback) = match args.as_from_env {
        false => (given.as_deref(), None),
        true => (None, given.as_deref()),
    };
    let file = i.file.display().to_string();
    let file_name = i
        .file
        .file_name()
        .map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned());
    let settings = ImportSettings {
        author,
        fallback_author: fallback,
        now: Timestamp::now(),
        file_name: &file_name,
    };
    let plan = {
        let drafts: Vec<&Draft> = folder.drafts().collect();
        tabling::plan(&cable, &folder.session, &drafts, &taken(&folder), &settings)
    };
    let err = &mut std::io::stderr().lock();
    // Notes on the cable's date and number matter only for what is tabled.
    if plan.steps.iter().any(|s| matches!(s, Step::Table { .. })) {
        for note in &plan.notes {
            writeln!(err, "{file}: note: {}", sanitize_inline(note))?;
        }
    }
    let found_any = plan.found_any();
    let mut problems = 0;
    let mut trouble = None;
    for step in plan.steps {
        match step {
            Step::Table {
                paragraph, draft, ..
            } => {
                let what = describe(&draft, paragraph);
                if i.dry_run {
                    writeln!(out, "would table {what}")?;
                    for line in store::draft_yaml(&draft).lines() {
                        writeln!(out, "    {line}")?;
                    }
                    continue;
                }
                match folder.add_draft(draft) {
                    Ok(()) => writeln!(out, "tabled {what}")?,
                    Err(e @ AddError::Exists { .. }) => {
                        problems += 1;
                        writeln!(err, "{file}: para {paragraph} not tabled: {e}")?;
                    }
                    Err(e) => {
                        writeln!(err, "{file}: para {paragraph} not tabled: {e}")?;
                        trouble.get_or_insert(e);
                    }
                }
            }
            Step::AlreadyTabled {
                paragraph,
                id,
                in_order,
            } => {
                let mut how = String::new();
                if !in_order && !i.dry_run {
                    folder.add_to_order(&id)?;
                    how = ", now added to the session's order".into();
                } else if !in_order {
                    how = ", would be added to the session's order".into();
                }
                writeln!(out, "already tabled para {paragraph}: {id}{how}")?;
            }
            Step::Skipped { paragraph, why, .. } => {
                writeln!(out, "skipped para {paragraph}: {why}")?
            }
            Step::Refused {
                paragraph,
                line,
                why,
            } => {
                problems += 1;
                writeln!(
                    err,
                    "{file}:{line}: para {paragraph} not tabled: {}",
                    sanitize_inline(&why)
                )?;
            }
        }
    }
    if let Some(e) = trouble {
        return Err(e.into());
    }
    if !found_any {
        writeln!(
            err,
            "{file}: no \"Proposed consensus language:\" found: nothing to table"
        )?;
        return Ok(Outcome::No);
    }
    Ok(if problems == 0 {
        Outcome::Ok
    } else {
        Outcome::No
    })
}

/// `round-table: U.S. Proposal on ... (STATE 103767 para 4)`.
fn describe(draft: &Draft, paragraph: u32) -> String {
    let source = draft
        .source
        .clone()
        .unwrap_or_else(|| format!("para {paragraph}"));
    format!(
        "{}: {} ({})",
        draft.id,
        sanitize_inline(&draft.title),
        sanitize_inline(&source)
    )
}
