//! Never losing typing: the unfiled text is kept on disk while a delegate
//! types (after each pause, and every few seconds of steady typing), and
//! on SIGHUP, SIGTERM or a panic from the last snapshot; the next start for
//! the same Partner offers it back, as a redline against the draft.

use std::path::PathBuf;

use ropey::Rope;

use super::app::{App, Overlay, Pending};
use super::chair::review_width;
use super::view::styled;
use crate::store::recovery;

/// Steady typing is kept at least this often (milliseconds).
pub const KEEP_EVERY_MS: u64 = 2_000;

/// What a signal or panic handler needs to keep the unfiled text: a
/// snapshot, cheap to take (a rope clone shares its nodes).
#[derive(Debug, Clone)]
pub struct Unfiled {
    pub dir: PathBuf,
    pub draft: String,
    pub partner: String,
    pub text: Rope,
}

impl Unfiled {
    /// Writes the snapshot where the next start will find it.
    pub fn keep(&self) -> std::io::Result<()> {
        recovery::keep(
            &self.dir,
            &self.draft,
            &self.partner,
            &self.text.to_string(),
        )
    }
}

impl App {
    /// The text being typed, if it is not filed: for the handlers that run
    /// when plenary is ended from outside.
    pub fn unfiled(&self) -> Option<Unfiled> {
        let (edit, me) = (self.editing.as_ref()?, self.me.as_ref()?);
        edit.unsaved().then(|| Unfiled {
            dir: self.folder.dir.clone(),
            draft: edit.recovery_key(),
            partner: me.clone(),
            text: edit.editor.rope().clone(),
        })
    }

    /// At start (or once the Partner is chosen): offers back the first
    /// unfiled text kept for this Partner, shown against the draft.
    pub(super) fn offer_recovery(&mut self) {
        let Some(me) = self.me.clone() else { return };
        let dir = self.folder.dir.clone();
        for id in recovery::list(&dir, &me) {
            let (Some(draft), Some(text)) = (
                self.folder.entry(&id).and_then(|e| e.draft()),
                recovery::find(&dir, &id, &me),
            ) else {
                continue;
            };
            let current = draft.current().map(|v| v.text.as_str()).unwrap_or("");
            let width = review_width(self.size);
            let mut lines = styled::plain_lines(
                "y: open it in the editor   n: throw it away   Esc: decide later. \
                 Your text against the current version:",
                width,
            );
            lines.push(ratatui::text::Line::raw(""));
            lines.extend(styled::redline_between(current, &text, width));
            self.overlay = Some(Overlay::Review {
                title: format!("Unfiled text for {id}, kept when plenary last closed"),
                lines,
                scroll: 0,
                on_yes: Some(Pending::Restore { draft: id.clone() }),
                on_no: Some(Pending::Discard { draft: id }),
            });
            return;
        }
    }

    pub(super) fn restore_unfiled(&mut self, draft: &str) {
        let Some(index) = self.folder.entries.iter().position(|e| e.id == draft) else {
            return self.error(format!("Draft {draft} is no longer in the folder"));
        };
        self.select_draft(index);
        self.refresh();
        self.open_editor();
    }

    pub(super) fn discard_unfiled(&mut self, draft: &str) {
        if let Some(me) = &self.me {
            recovery::forget(&self.folder.dir, draft, me);
        }
        self.info(format!("Threw away the unfiled text for {draft}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::Context;
    use crate::tui::testing::folder;

    #[test]
    fn a_kept_text_is_offered_at_start_and_opens_in_the_editor() {
        let (_tmp, folder) = folder();
        let dir = folder.dir.clone();
        recovery::keep(
            &dir,
            "round-table",
            "France",
            "Words typed before the crash.",
        )
        .unwrap();
        let mut app = App::new(folder, Some("France".into()), (120, 40), true);
        assert_eq!(app.context(), Context::Review);
        let Some(Overlay::Review { title, .. }) = &app.overlay else {
            unreachable!()
        };
        assert_eq!(
            title,
            "Unfiled text for round-table, kept when plenary last closed"
        );
        app.update(Action::Yes);
        let edit = app.editing.as_ref().expect("the editor opens");
        assert_eq!(edit.draft_id, "round-table");
        assert_eq!(edit.editor.text(), "Words typed before the crash.");
    }

    #[test]
    fn no_throws_the_kept_text_away_and_esc_keeps_it() {
        let (_tmp, folder) = folder();
        let dir = folder.dir.clone();
        recovery::keep(&dir, "round-table", "France", "Old words.").unwrap();
        let mut app = App::new(folder.clone(), Some("France".into()), (120, 40), true);
        app.update(Action::Cancel);
        assert!(recovery::find(&dir, "round-table", "France").is_some());
        let mut app2 = App::new(folder, Some("France".into()), (120, 40), true);
        app2.update(Action::No);
        assert_eq!(recovery::find(&dir, "round-table", "France"), None);
        assert!(app.editing.is_none() && app2.editing.is_none());
    }

    #[test]
    fn the_snapshot_for_signal_handlers_follows_the_typing() {
        let (_tmp, folder) = folder();
        let dir = folder.dir.clone();
        let mut app = App::new(folder, Some("France".into()), (120, 40), true);
        app.update(Action::OpenEditor);
        assert!(app.unfiled().is_none(), "nothing typed, nothing to keep");
        app.update(Action::Type('Z'));
        let snapshot = app.unfiled().expect("typed text is unfiled");
        assert!(snapshot.text.to_string().starts_with('Z'));
        snapshot.keep().unwrap();
        let id = app.editing.as_ref().unwrap().draft_id.clone();
        assert!(
            recovery::find(&dir, &id, "France")
                .unwrap()
                .starts_with('Z')
        );
    }
}
