//! What the text pane shows: which two texts are compared, and how (inline
//! redline, side by side, clean). Computed in `update`, drawn by the view.

use ratatui::text::Line;

use super::app::App;
use super::view::styled;
use crate::model::{Draft, Proposal};
use crate::redline::redline;
use crate::sanitize::sanitize_inline;
use crate::store::EntryState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Redline,
    SideBySide,
    Clean,
}

impl View {
    pub fn next(self) -> View {
        match self {
            View::Redline => View::SideBySide,
            View::SideBySide => View::Clean,
            View::Clean => View::Redline,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Redline => "redline",
            View::SideBySide => "side by side",
            View::Clean => "clean text",
        }
    }
}

/// What the selected text is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compare {
    /// Version 1, the tabled wording.
    Original,
    /// The version the proposal was made against.
    Base,
    /// The newest version.
    Current,
    /// Another proposal, by id.
    Proposal(String),
}

impl Compare {
    /// The comparisons that differ from each other for this selection, in
    /// the order `c` cycles through them.
    pub fn choices(draft: &Draft, selected: Option<&Proposal>) -> Vec<Compare> {
        let current = draft.current().map_or(1, |v| v.version);
        let mut out = vec![Compare::Original];
        let Some(p) = selected else {
            return out;
        };
        if p.base != 1 {
            out.push(Compare::Base);
        }
        if current != 1 && current != p.base {
            out.push(Compare::Current);
        }
        out.extend(
            draft
                .proposals
                .iter()
                .filter(|o| o.id != p.id)
                .map(|o| Compare::Proposal(o.id.clone())),
        );
        out
    }
}

/// The text pane's content.
#[derive(Debug, Clone, Default)]
pub struct Shown {
    pub title: String,
    pub lines: Vec<Line<'static>>,
}

impl Shown {
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    pub fn compute(app: &App, width: u16) -> Shown {
        let Some(entry) = app.folder.entries.get(app.draft) else {
            return Shown::note(
                "No drafts",
                &format!(
                    "The folder {} has no drafts yet.\n\nPress n to table one (its title, then \
                     its text), or import a cable's proposals from the shell: plenary import \
                     CABLE.txt",
                    app.folder.dir.display()
                ),
                width,
            );
        };
        let draft = match &entry.state {
            EntryState::Loaded(draft) => draft,
            EntryState::Failed(diagnostics) => {
                let mut text = String::from(
                    "This file could not be loaded, so plenary will not write to it.\nFix it by hand (plenary validate lists every problem):\n\n",
                );
                for d in diagnostics {
                    text.push_str(&d.to_string());
                    text.push('\n');
                }
                let title = format!("{} — cannot be loaded", entry.path.display());
                return Shown::note(&title, &text, width);
            }
        };
        let (Some(original), Some(current)) = (draft.original(), draft.current()) else {
            return Shown::note(&draft.id, "This draft has no text.", width);
        };
        let selected = app.selected_proposal();
        let (right, right_label) = match selected {
            Some(p) => (p.text.as_str(), format!("{} by {}", p.id, p.partner)),
            None => (
                current.text.as_str(),
                format!("current text (v{})", current.version),
            ),
        };
        let (left, left_label) = match (&app.compare, selected) {
            (Compare::Base, Some(p)) => match draft.version(p.base) {
                Some(v) => (v.text.as_str(), format!("its base (v{})", v.version)),
                None => (original.text.as_str(), "the original (v1)".to_string()),
            },
            (Compare::Current, _) => (
                current.text.as_str(),
                format!("the current text (v{})", current.version),
            ),
            (Compare::Proposal(id), _) => match draft.proposal(id) {
                Some(o) => (o.text.as_str(), format!("{} by {}", o.id, o.partner)),
                None => (original.text.as_str(), "the original (v1)".to_string()),
            },
            _ => (original.text.as_str(), "the original (v1)".to_string()),
        };
        let id = sanitize_inline(&draft.id);
        let (right_label, left_label) =
            (sanitize_inline(&right_label), sanitize_inline(&left_label));
        match app.view {
            View::Clean => Shown {
                title: format!("{id} · {right_label} · clean text"),
                lines: styled::plain_lines(right, width),
            },
            View::Redline => {
                let r = redline(left, right);
                let same = if r.is_unchanged() {
                    " · no changes"
                } else {
                    ""
                };
                Shown {
                    title: format!("{id} · {right_label} against {left_label}{same}"),
                    lines: styled::redline_lines(&r.spans, width),
                }
            }
            View::SideBySide => {
                let r = redline(left, right);
                Shown {
                    title: format!("{id} · {left_label} | {right_label}"),
                    lines: styled::side_by_side_lines(&r, width),
                }
            }
        }
    }

    fn note(title: &str, text: &str, width: u16) -> Shown {
        Shown {
            title: sanitize_inline(title).into_owned(),
            lines: styled::plain_lines(text, width),
        }
    }
}

/// The Partners whose names contain `filter` (ignoring case), in list order.
pub fn partner_matches<'a>(partners: &'a [String], filter: &str) -> Vec<&'a str> {
    let filter = filter.to_lowercase();
    partners
        .iter()
        .filter(|p| p.to_lowercase().contains(&filter))
        .map(String::as_str)
        .collect()
}
