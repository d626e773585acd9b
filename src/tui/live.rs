//! Other sessions' saves, shown as they land: the folder is read again,
//! the selection, scroll and any unfiled edit are kept, and the message
//! line says what happened ("Japan objects to france-1").

use super::app::{App, Overlay};
use crate::negotiation::history::{Event, What, history};
use crate::store::Reloaded;

impl App {
    /// Reads again what changed on disk. Our own saves change nothing here
    /// (the folder already holds what they wrote).
    pub(super) fn reload_files(&mut self) {
        let draft_id = self.folder.entries.get(self.draft).map(|e| e.id.clone());
        let proposal_id = self.selected_proposal().map(|p| p.id.clone());
        let changed = match self.folder.refresh() {
            Ok(changed) => changed,
            Err(problems) => {
                let first = problems
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                return self.error(format!("The drafts folder no longer loads: {first}"));
            }
        };
        if changed.is_empty() {
            return;
        }
        if let Some(i) = draft_id.and_then(|id| self.folder.entries.iter().position(|e| e.id == id))
        {
            self.draft = i;
        }
        self.draft = self.draft.min(self.folder.entries.len().saturating_sub(1));
        self.row = match proposal_id {
            Some(id) => self
                .listed_proposals()
                .iter()
                .position(|p| p.id == id)
                .map_or(0, |i| i + 1),
            None => 0,
        };
        let open: Vec<String> = self
            .selected_draft()
            .map(|d| d.open_proposals().map(|p| p.id.clone()).collect())
            .unwrap_or_default();
        self.marked.retain(|id| open.contains(id));
        let selected = self.folder.entries.get(self.draft).map(|e| e.id.as_str());
        if selected.is_some_and(|id| changed.iter().any(|c| c.id == id)) {
            self.close_stale_overlay();
        }
        let news: Vec<String> = changed.iter().flat_map(news).collect();
        if let Some(last) = news.last() {
            let more = match news.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            self.info(format!("{last}{more}"));
        }
        self.refresh();
    }

    /// A Chair's preview or the history of a draft that just changed shows
    /// something that is no longer so: close it rather than let "yes" act
    /// on what was not seen.
    fn close_stale_overlay(&mut self) {
        if matches!(
            self.overlay,
            Some(Overlay::Review { .. } | Overlay::History(_))
        ) {
            self.overlay = None;
        }
    }
}

/// What happened to one draft, as lines for the message line.
pub fn news(change: &Reloaded) -> Vec<String> {
    let (before, after) = match (&change.before, &change.after) {
        (_, None) => return vec![format!("{} changed on disk and no longer loads", change.id)],
        (None, Some(_)) => return vec![format!("New draft: {}", change.id)],
        (Some(before), Some(after)) => (history(before), history(after)),
    };
    after
        .iter()
        .filter(|event| !before.contains(event))
        .map(headline)
        .collect()
}

/// "Japan objects to france-1", "Brazil adopted v2 from france-1".
pub fn headline(event: &Event) -> String {
    match &event.what {
        What::Proposal { id, .. } => format!("{} proposed {id}", event.who),
        what => format!("{} {what}", event.who),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Timestamp;
    use crate::negotiation;
    use crate::store::load_folder;
    use crate::tui::action::{Action, Move};
    use crate::tui::testing::app_as;

    const DRAFT: &str = "entities-of-concern";

    #[test]
    fn another_sessions_save_shows_and_the_selection_and_edit_stay() {
        let (tmp, mut app) = app_as("France");
        for a in [
            Action::Move(Move::Down),
            Action::Move(Move::Down),
            Action::OpenEditor,
            Action::Type('X'),
        ] {
            app.update(a);
        }
        // Another session (another process, in life) files and objects.
        let mut other = load_folder(tmp.path()).unwrap();
        other
            .update(DRAFT, |d, s| {
                let text = d
                    .current()
                    .unwrap()
                    .text
                    .replace("list entities", "list of entities");
                negotiation::propose(d, s, "Germany", &text, None, Timestamp::now())
            })
            .unwrap();
        other
            .update(DRAFT, |d, s| {
                negotiation::take_position(
                    d,
                    s,
                    "Japan",
                    "germany-1",
                    crate::model::Stance::Object,
                    None,
                    Timestamp::now(),
                )
            })
            .unwrap();

        app.update(Action::FilesChanged);
        let message = app.message.clone().unwrap().text;
        assert_eq!(message, "Japan objects to germany-1 (and 1 more)");
        assert_eq!(app.selected_draft().unwrap().proposals.len(), 1);
        assert_eq!(
            app.folder.entries[app.draft].id, DRAFT,
            "the selection stays"
        );
        let edit = app.editing.as_ref().expect("the edit survives");
        assert!(edit.editor.text().starts_with('X'));

        // Nothing changed: nothing said.
        app.message = None;
        app.update(Action::FilesChanged);
        assert_eq!(app.message, None);
    }

    #[test]
    fn a_chairs_preview_of_a_draft_that_changed_is_closed_not_acted_on() {
        let (tmp, mut app) = app_as("Brazil");
        let mut other = load_folder(tmp.path()).unwrap();
        let propose = |folder: &mut crate::store::Folder, who: &str, fix: &str| {
            folder
                .update(DRAFT, |d, s| {
                    let text = d.current().unwrap().text.replace("list entities", fix);
                    negotiation::propose(d, s, who, &text, None, Timestamp::now())
                })
                .unwrap();
        };
        propose(&mut other, "France", "list of entities");
        app.update(Action::FilesChanged);
        for a in [
            Action::Move(Move::Down),
            Action::Move(Move::Down),
            Action::FocusNext,
            Action::Move(Move::Down),
            Action::Adopt,
        ] {
            app.update(a);
        }
        assert!(matches!(
            app.overlay,
            Some(crate::tui::app::Overlay::Review { .. })
        ));
        propose(&mut other, "Germany", "list of the entities");
        app.update(Action::FilesChanged);
        assert_eq!(app.overlay, None, "the preview showed the draft as it was");
        assert_eq!(
            app.message.clone().unwrap().text,
            "Germany proposed germany-1"
        );
        assert_eq!(
            app.selected_proposal().unwrap().id,
            "france-1",
            "the selection stays"
        );
    }
}
