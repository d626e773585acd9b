//! Export: the texts a secretariat circulates, as plain text, Markdown, HTML
//! or Word.
//!
//! Three views of the same drafts, each built once into a [`Document`]
//! (`build.rs`), then laid out by one renderer per [`Format`] (`txt.rs`,
//! `md.rs`, `html.rs`, `docx/`):
//!
//! - [`View::Clean`]: the session heading, then each draft's current text,
//!   numbered, with its title and whether it is agreed, agreed ad
//!   referendum or still under negotiation: the final agreed text.
//! - [`View::Redline`]: each draft's current text against the original
//!   wording (or an earlier version), the Chair's changes marked.
//! - [`View::Compilation`]: each draft's current text, then every open
//!   proposal as a redline against it, with its Partner, rationale and the
//!   standing positions: the compilation text a Chair circulates.
//!
//! # Why a document model
//!
//! The views decide *what* is said (which texts, which redlines, who made
//! each change and when); the renderers decide only *how* it looks. So the
//! four formats cannot disagree about content, and a new format is one more
//! renderer. Every piece of text that came from a draft or session file is
//! kept apart from plenary's own words ([`Piece::Quoted`]): renderers treat
//! it as untrusted (escaped, sanitized, direction-isolated).
//!
//! The module knows nothing of files or terminals: it depends on `model`,
//! `redline` and `sanitize` only, and [`render`] returns bytes that the
//! caller writes where it likes.

mod build;
mod docx;
mod html;
mod md;
mod txt;

use thiserror::Error;

use crate::model::{DraftStatus, Timestamp};
use crate::redline::Span;

pub use build::build;
pub use docx::strip_forbidden_xml;

/// Which texts an export shows; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Current texts only: the final agreed text.
    Clean,
    /// Current texts against the original (or another version).
    Redline,
    /// Current texts and every open proposal against them, with positions.
    Compilation,
}

/// How an export is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text wrapped at 72 columns; redlines as `[-deleted-]{+inserted+}`.
    Txt,
    /// Markdown; redlines in CriticMarkup, `{--deleted--}{++inserted++}`.
    Md,
    /// One self-contained HTML page with `<del>` and `<ins>`.
    Html,
    /// A Word document; redlines as tracked changes.
    Docx,
}

impl Format {
    /// Whether the output is binary (and so must not go to a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Docx
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
}

/// The text a redline view compares the current text with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// Version 1, the tabled wording.
    Original,
    /// Version N.
    Version(u32),
}

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Which texts to show.
    pub view: View,
    /// Only drafts agreed or agreed ad referendum.
    pub agreed_only: bool,
    /// Only these draft ids (still in the session's order); `None` for all.
    pub drafts_only: Option<Vec<String>>,
    /// What the redline view compares with; ignored by the other views.
    pub against: Against,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            view: View::Clean,
            agreed_only: false,
            drafts_only: None,
            against: Against::Original,
        }
    }
}

/// Why nothing was exported.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ExportError {
    /// `--drafts-only` named a draft the session does not have.
    #[error("no draft '{id}' to export; the drafts are: {}", known.join(", "))]
    UnknownDraft {
        /// The id asked for.
        id: String,
        /// Every draft id there is.
        known: Vec<String>,
    },
    /// `--against vN` named a version a draft does not have.
    #[error(
        "draft '{draft}' has no version {version} to compare with (it has versions 1 to {last})"
    )]
    NoSuchVersion {
        /// The draft's id.
        draft: String,
        /// The version asked for.
        version: u32,
        /// The draft's newest version.
        last: u32,
    },
    /// The .docx package could not be put together.
    #[error("could not build the .docx package: {0}")]
    Package(String),
}

/// An export, before layout: a heading and one section per draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The session's name: "MTCR Plenary, Rio de Janeiro 2009".
    pub title: String,
    /// Place, dates and Chair, from the session file.
    pub about: Line,
    /// What this is: "Clean text", "Compilation text", ...
    pub kind: String,
    /// The view it was built for.
    pub view: View,
    /// One per draft shown, in the session's order.
    pub sections: Vec<Section>,
}

/// One draft in an export.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// 1, 2, 3... in the order of the export.
    pub number: usize,
    /// The draft's id, e.g. `entities-of-concern`.
    pub id: String,
    /// The draft's title.
    pub title: String,
    /// Agreed, agreed ad referendum or open.
    pub status: DraftStatus,
    /// Marking and source, e.g. "C/REL MTCR · STATE 103767 para 5".
    pub about: Line,
    /// What the view says about the draft, in reading order.
    pub blocks: Vec<Block>,
}

impl Section {
    /// "Under negotiation · C/REL MTCR · STATE 103767 para 5": the status,
    /// then what the draft file says about where it comes from.
    pub fn status_line(&self) -> Line {
        let mut line = Line::new().plain(status_label(self.status));
        if !self.about.is_empty() {
            line = line.plain(" · ");
            line.pieces.extend(self.about.pieces.iter().cloned());
        }
        line
    }
}

/// How a draft's status reads in an export.
pub fn status_label(status: DraftStatus) -> &'static str {
    match status {
        DraftStatus::Agreed => "Agreed",
        DraftStatus::AdRef => "Agreed ad referendum",
        DraftStatus::Open => "Under negotiation",
    }
}

/// One piece of a section, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A caption inside a section: "Proposal france-1 by France ...".
    Label(Line),
    /// A draft's text, as stored (line breaks are the text's own).
    Text(String),
    /// A named detail: "Rationale: ...", "Supports: Germany, Japan".
    Field { name: String, value: Line },
    /// A text with changes marked, and who made them.
    Redline(Change),
}

/// A redline and its attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Equal, deleted and inserted spans, as `redline::redline` made them.
    pub spans: Vec<Span>,
    /// The Partner (or Chair) the changes are attributed to.
    pub author: String,
    /// When, as RFC 3339 in UTC: `2009-11-09T10:02:11Z`.
    pub at: String,
}

/// A line of text, mixing plenary's own words with text from the files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// The pieces, in reading order.
    pub pieces: Vec<Piece>,
}

/// Part of a [`Line`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// plenary's own wording ("Proposal", "by", "Supports").
    Plain(String),
    /// Text from a draft or session file: a name, a title, a note. Renderers
    /// treat it as untrusted, and HTML isolates its direction.
    Quoted(String),
}

impl Line {
    /// An empty line to add pieces to.
    pub fn new() -> Self {
        Line::default()
    }

    /// Adds plenary's own words.
    pub fn plain(mut self, text: impl Into<String>) -> Self {
        self.pieces.push(Piece::Plain(text.into()));
        self
    }

    /// Adds text from a file.
    pub fn quoted(mut self, text: impl Into<String>) -> Self {
        self.pieces.push(Piece::Quoted(text.into()));
        self
    }

    /// Whether the line has no text.
    pub fn is_empty(&self) -> bool {
        self.pieces.iter().all(|p| p.text().is_empty())
    }

    /// The line's text, pieces joined, for formats that do not tell them apart.
    pub fn text(&self) -> String {
        self.pieces.iter().map(Piece::text).collect()
    }
}

impl Piece {
    /// The piece's text.
    pub fn text(&self) -> &str {
        match self {
            Piece::Plain(text) | Piece::Quoted(text) => text,
        }
    }
}

/// `at` as RFC 3339 in UTC to the second, the form Word's `w:date` wants.
pub fn utc(at: &Timestamp) -> String {
    Timestamp::from_datetime(at.instant()).as_str().to_owned()
}

/// Lays `document` out in `format`: UTF-8 text, or a .docx package.
pub fn render(document: &Document, format: Format) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Txt => txt::render(document).into_bytes(),
        Format::Md => md::render(document).into_bytes(),
        Format::Html => html::render(document).into_bytes(),
        Format::Docx => docx::render(document)?,
    })
}

#[cfg(test)]
pub(crate) mod tests;
