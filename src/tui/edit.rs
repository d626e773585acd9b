//! An editing session: the editor, what it was opened on, and the live
//! redline of the typed text.

use super::editor::Editor;
use crate::model::Draft;
use crate::redline::{Op, Redline, Span, redline};

/// Texts up to this many characters are re-diffed on every keystroke; above it the
/// live redline waits for a pause in typing, so a keystroke costs the same
/// in a 1 MB paragraph as in a short one.
pub const LIVE_EVERY_KEY_CHARS: usize = 20_000;

/// Characters of context kept around the cursor in the live redline pane.
const WINDOW_BEFORE: usize = 300;
const WINDOW_AFTER: usize = 4_000;

/// What the live redline compares the typed text with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveBase {
    Original,
    Current,
}

impl LiveBase {
    pub fn label(self) -> &'static str {
        match self {
            LiveBase::Original => "the original",
            LiveBase::Current => "the current version",
        }
    }

    pub fn other(self) -> LiveBase {
        match self {
            LiveBase::Original => LiveBase::Current,
            LiveBase::Current => LiveBase::Original,
        }
    }
}

pub struct EditSession {
    /// The draft's id; for a new draft, the id it will be tabled under.
    pub draft_id: String,
    /// A new draft's title: the session tables a draft instead of filing
    /// a proposal.
    pub tabling: Option<String>,
    /// The open proposal of yours this revises, if any.
    pub revising: Option<String>,
    /// The revised proposal's rationale, offered again when filing.
    pub rationale: Option<String>,
    /// The current version: what a new proposal is made against.
    pub base_text: String,
    pub base_version: u32,
    pub original: String,
    pub against: LiveBase,
    pub editor: Editor,
    /// The part of the live redline around the cursor, as last computed.
    pub live_window: Vec<Span>,
    /// Whether the text changed since `live_window` was computed.
    pub live_stale: bool,
    /// Words deleted and inserted in the whole live redline.
    pub live_counts: (usize, usize),
    /// The text was recovered from an earlier session that ended before
    /// it was filed: it counts as unsaved even before any typing.
    pub recovered: bool,
    /// Whether the text changed since it was last kept on disk.
    pub unkept: bool,
    /// When it was last kept (milliseconds on the app's clock).
    pub kept_at: u64,
}

impl EditSession {
    /// Opens `draft` on its current text, or on `revising` = (id, text,
    /// rationale) of one of your open proposals.
    pub fn new(draft: &Draft, revising: Option<(String, String, Option<String>)>) -> Self {
        let original = draft.original().map(|v| v.text.clone()).unwrap_or_default();
        let (base_version, base_text) = draft
            .current()
            .map(|v| (v.version, v.text.clone()))
            .unwrap_or_default();
        let (revising, start, rationale) = match revising {
            Some((id, text, rationale)) => (Some(id), text, rationale),
            None => (None, base_text.clone(), None),
        };
        EditSession {
            draft_id: draft.id.clone(),
            tabling: None,
            revising,
            rationale,
            base_text,
            base_version,
            original,
            against: LiveBase::Original,
            editor: Editor::new(&start),
            live_window: Vec::new(),
            live_stale: true,
            live_counts: (0, 0),
            recovered: false,
            unkept: false,
            kept_at: 0,
        }
    }

    /// A new draft titled `title`, to be tabled as `id`, on an empty text.
    pub fn tabling(id: &str, title: &str) -> Self {
        EditSession {
            draft_id: id.to_string(),
            tabling: Some(title.to_string()),
            revising: None,
            rationale: None,
            base_text: String::new(),
            base_version: 0,
            original: String::new(),
            against: LiveBase::Original,
            editor: Editor::new(""),
            live_window: Vec::new(),
            live_stale: false,
            live_counts: (0, 0),
            recovered: false,
            unkept: false,
            kept_at: 0,
        }
    }

    /// Under which name the unfiled text is kept against crashes: the
    /// draft's id, or for a new draft `+new-<id>` (no draft id starts with
    /// `+`, so the two never meet).
    pub fn recovery_key(&self) -> String {
        match self.tabling {
            Some(_) => format!("+new-{}", self.draft_id),
            None => self.draft_id.clone(),
        }
    }

    /// Whether leaving would lose text that was not filed.
    pub fn unsaved(&self) -> bool {
        self.recovered || self.editor.modified()
    }

    fn against_text(&self) -> &str {
        match self.against {
            LiveBase::Original => &self.original,
            LiveBase::Current => &self.base_text,
        }
    }

    /// After an edit: re-diff now for short texts, after a pause for long ones.
    pub fn text_changed(&mut self) {
        self.unkept = true;
        if self.tabling.is_some() {
            return; // A new text has nothing to be redlined against.
        }
        if self.editor.len_chars() <= LIVE_EVERY_KEY_CHARS {
            self.refresh_live();
        } else {
            self.live_stale = true;
        }
    }

    pub fn refresh_live_if_stale(&mut self) {
        if self.live_stale {
            self.refresh_live();
        }
    }

    pub fn refresh_live(&mut self) {
        let text = self.editor.text();
        let full = redline(self.against_text(), &text);
        let stat = full.stat();
        self.live_counts = (stat.deleted_words, stat.inserted_words);
        let anchor = self.editor.cursor();
        self.live_window = window(
            &full,
            anchor.saturating_sub(WINDOW_BEFORE),
            anchor + WINDOW_AFTER,
        );
        self.live_stale = false;
    }
}

/// The spans of `r` that fall within chars `from..to` of the new text
/// (deletions at a point inside the range included), cut to the range.
pub fn window(r: &Redline, from: usize, to: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0; // position in the new text
    for span in &r.spans {
        match span.op {
            Op::Delete => {
                if (from..=to).contains(&at) {
                    out.push(span.clone());
                }
            }
            Op::Equal | Op::Insert => {
                let len = span.text.chars().count();
                let (start, end) = (at.max(from), (at + len).min(to));
                if start < end {
                    let text: String = span
                        .text
                        .chars()
                        .skip(start - at)
                        .take(end - start)
                        .collect();
                    out.push(Span { op: span.op, text });
                }
                at += len;
            }
        }
        if at > to {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_cuts_spans_to_the_range_of_the_new_text() {
        let r = redline(
            "the list entities of concern",
            "the list of entities of concern",
        );
        let all = window(&r, 0, usize::MAX);
        assert_eq!(Redline { spans: all.clone() }, r);
        let cut = window(&r, 4, 15);
        let new: String = cut
            .iter()
            .filter(|s| s.op != Op::Delete)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(new, "list of ent");
    }
}
