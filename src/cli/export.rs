//! `plenary export`: the clean text, the redline or the compilation text,
//! as plain text, Markdown, HTML or Word.
//!
//! Text formats go to standard output unless `-o FILE` is given; a .docx
//! goes to a file, or to standard output only when that is a pipe or a
//! file, never to a terminal. `-o` writes atomically (a reader never sees
//! half a document) and refuses the drafts folder's own `.yaml` files:
//! exporting never changes a draft.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args as ClapArgs, ValueEnum};

use super::{Args, Outcome, target};
use crate::export::{self, Against, Format, Options, View};
use crate::model::{Reference, session::suggest};
use crate::sanitize::sanitize;
use crate::store::{EntryState, Folder, write_atomic};

#[derive(Debug, ClapArgs)]
#[command(after_help = "\
VIEWS: clean (the current texts: the final agreed text), redline (current texts against the
original, or --against vN), compilation (current texts and every open proposal as a redline,
with its Partner, rationale and positions).

Examples:
  plenary export                                     clean text on the terminal
  plenary export --view compilation -o compilation.docx
  plenary export --view redline --format html -o redline.html
  plenary export --agreed-only --format md > agreed.md
  plenary export --drafts-only round-table,outreach-to-china --view compilation")]
pub struct ExportArgs {
    /// What to export.
    #[arg(long, value_enum, default_value_t = ViewWord::Clean)]
    pub view: ViewWord,
    /// Output format; by default the -o file's extension (.txt, .md, .html, .docx), else txt.
    #[arg(long, value_enum)]
    pub format: Option<FormatWord>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only the drafts agreed or agreed ad referendum.
    #[arg(long)]
    pub agreed_only: bool,
    /// Only these drafts, by id, comma-separated (they keep the session's order).
    #[arg(long, value_name = "ID,ID", value_delimiter = ',')]
    pub drafts_only: Option<Vec<String>>,
    /// For --view redline: compare with `original` (the default) or version `vN`.
    #[arg(long, value_name = "TEXT")]
    pub against: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewWord {
    /// Current texts, numbered, with their status.
    Clean,
    /// Current texts against the original (or --against vN).
    Redline,
    /// Current texts and every open proposal, with positions.
    Compilation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatWord {
    /// Plain text, 72 columns, [-deleted-]{+inserted+}.
    Txt,
    /// Markdown with CriticMarkup {--deleted--}{++inserted++}.
    Md,
    /// One self-contained HTML page with <del> and <ins>.
    Html,
    /// Word, with the changes as tracked changes.
    Docx,
}

impl From<ViewWord> for View {
    fn from(word: ViewWord) -> View {
        match word {
            ViewWord::Clean => View::Clean,
            ViewWord::Redline => View::Redline,
            ViewWord::Compilation => View::Compilation,
        }
    }
}

impl From<FormatWord> for Format {
    fn from(word: FormatWord) -> Format {
        match word {
            FormatWord::Txt => Format::Txt,
            FormatWord::Md => Format::Md,
            FormatWord::Html => Format::Html,
            FormatWord::Docx => Format::Docx,
        }
    }
}

pub fn run(args: &Args, export: &ExportArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = format(export);
    let to_terminal = export.output.is_none() && std::io::stdout().is_terminal();
    if format.is_binary() && to_terminal {
        bail!(
            "a .docx is binary and this is a terminal: write it to a file with -o FILE.docx \
             (or redirect: > FILE.docx)"
        );
    }
    let options = options(export)?;
    let folder = target::load(&args.drafts)?;
    check_selection(&folder, options.drafts_only.as_deref())?;
    let drafts: Vec<_> = folder.drafts().collect();
    let document = export::build(&folder.session, &drafts, &options)?;
    if document.sections.is_empty() {
        eprintln!("plenary: note: no draft matches, so the export has the heading only");
    }
    let bytes = export::render(&document, format)?;
    match &export.output {
        Some(path) => {
            refuse_draft_file(path, &folder)?;
            write_atomic(path, &bytes)
                .with_context(|| format!("{}: cannot write the export", path.display()))?;
            writeln!(
                out,
                "wrote {} ({} draft{})",
                path.display(),
                document.sections.len(),
                if document.sections.len() == 1 {
                    ""
                } else {
                    "s"
                }
            )?;
        }
        None if to_terminal => {
            // HTML keeps bidi controls for browsers; a terminal sees placeholders.
            let text = String::from_utf8_lossy(&bytes);
            out.write_all(sanitize(&text).as_bytes())?;
        }
        None => out.write_all(&bytes)?,
    }
    Ok(Outcome::Ok)
}

/// `--format`, else the output file's extension, else plain text.
fn format(export: &ExportArgs) -> Format {
    if let Some(word) = export.format {
        return word.into();
    }
    let extension = export
        .output
        .as_deref()
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("docx") => Format::Docx,
        Some("html" | "htm") => Format::Html,
        Some("md" | "markdown") => Format::Md,
        _ => Format::Txt,
    }
}

fn options(export: &ExportArgs) -> anyhow::Result<Options> {
    let view = View::from(export.view);
    let against = match export.against.as_deref() {
        None => Against::Original,
        Some(_) if view != View::Redline => {
            bail!("--against compares a redline: use it with --view redline")
        }
        Some(word) => match Reference::parse(word) {
            Reference::Original => Against::Original,
            Reference::Version(n) if n >= 1 => Against::Version(n),
            _ => bail!("--against takes `original` or a version `vN` (v1, v2, ...), not '{word}'"),
        },
    };
    Ok(Options {
        view,
        agreed_only: export.agreed_only,
        drafts_only: export.drafts_only.clone(),
        against,
    })
}

/// Every id of `--drafts-only` names a draft file, and every draft to be
/// exported loaded: an export that silently left a paragraph out would be
/// worse than none.
fn check_selection(folder: &Folder, only: Option<&[String]>) -> anyhow::Result<()> {
    let ids = || folder.entries.iter().map(|e| e.id.as_str());
    for id in only.unwrap_or_default() {
        if !ids().any(|known| known == id) {
            let hint = suggest(id, ids())
                .map(|s| format!(" (did you mean '{s}'?)"))
                .unwrap_or_default();
            bail!(
                "--drafts-only: no draft '{}' in {}{hint}; the drafts are: {}",
                crate::sanitize::sanitize_inline(id),
                folder.dir.display(),
                ids().collect::<Vec<_>>().join(", ")
            );
        }
    }
    for entry in &folder.entries {
        let wanted = only.is_none_or(|ids| ids.contains(&entry.id));
        if let (true, EntryState::Failed(diagnostics)) = (wanted, &entry.state) {
            let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            bail!(
                "draft '{}' failed to load, so it cannot be exported:\n{}\n\
                 fix it (plenary validate lists the problems) or leave it out with --drafts-only",
                entry.id,
                lines.join("\n")
            );
        }
    }
    Ok(())
}

/// Refuses `-o` naming a `.yaml` file in the drafts folder: a slip there
/// would overwrite a draft or the session.
fn refuse_draft_file(path: &Path, folder: &Folder) -> anyhow::Result<()> {
    if folder.owns(path) {
        bail!(
            "{}: that is a file of the drafts folder; export writes documents, never drafts",
            path.display()
        );
    }
    Ok(())
}
