//! The new-draft dialog: `n` asks for a title, then opens the editor on an
//! empty text (type it, or paste it: a paste is one edit); `^S` asks once
//! and tables it as your Partner, with `crate::tabling` and
//! `Folder::add_draft`, the same as `plenary new`. The new draft is
//! selected afterwards. Its id comes from the title; when that id is taken,
//! the next free one is used and shown before anything is written.

use super::app::{App, Focus, LineInput, Overlay, Pending, PromptFor};
use super::edit::EditSession;
use super::layout::Layout;
use super::shown::Compare;
use crate::model::Timestamp;
use crate::sanitize::sanitize_inline;
use crate::store::{AddError, recovery};
use crate::tabling::{self, NewDraft, Refusal, Taken};

impl App {
    /// Every id in use: in the session's order or a file of the folder.
    fn taken_ids(&self) -> Taken {
        let order = self.folder.session.drafts.iter().map(String::as_str);
        order
            .chain(self.folder.entries.iter().map(|e| e.id.as_str()))
            .collect()
    }

    pub(super) fn ask_new_draft_title(&mut self) {
        let Some(me) = &self.me else { return };
        self.overlay = Some(Overlay::Prompt {
            question: format!(
                "Title of the new draft you table as {}:",
                sanitize_inline(me)
            ),
            input: LineInput::default(),
            purpose: PromptFor::NewDraftTitle,
        });
    }

    /// After the title: the editor on an empty text (or on the text kept
    /// when plenary last closed before it was tabled).
    pub(super) fn open_new_draft(&mut self, title: &str) {
        let Some(me) = self.me.clone() else { return };
        let title = title.trim();
        if title.is_empty() {
            return self.error("A new draft needs a title: n to try again");
        }
        let id = match tabling::choose_id(title, None, &self.taken_ids()) {
            Ok(id) => id,
            Err(Refusal::Taken {
                suggestion: Some(free),
                ..
            }) => free,
            Err(e) => return self.error(e.to_string()),
        };
        let mut edit = EditSession::tabling(&id, title);
        let mut what = format!("New draft {id}: type or paste its text");
        if let Some(text) =
            recovery::find(&self.folder.dir, &edit.recovery_key(), &me).filter(|t| !t.is_empty())
        {
            edit.editor = super::editor::Editor::new(&text);
            edit.recovered = true;
            what =
                format!("Recovered the text of {id} you had not tabled when plenary last closed");
        }
        let inner = Layout::new(self.size, true).text_inner();
        edit.editor.set_viewport(inner.width, inner.height);
        self.editing = Some(edit);
        self.info(format!("{what}. ^S tables it as {me}, Esc leaves"));
    }

    /// `^S` on a new draft: one question before it is written.
    pub(super) fn ask_table_draft(&mut self) {
        let Some(edit) = &self.editing else { return };
        if edit.editor.text().trim().is_empty() {
            return self.error("Type or paste the text first: there is nothing to table");
        }
        let title = edit.tabling.clone().unwrap_or_default();
        let question = format!(
            "Table \"{}\" as {}? It becomes {}.yaml, at the end of the agenda.",
            title,
            self.me.as_deref().unwrap_or(""),
            edit.draft_id
        );
        self.overlay = Some(Overlay::Confirm {
            question,
            on_yes: Pending::TableDraft,
        });
    }

    /// Tables the editor's text as a new draft by `me`, saves it and the
    /// session's order, and selects it.
    pub(super) fn table_new_draft(&mut self) {
        let Some(me) = self.me.clone() else { return };
        let Some(edit) = &self.editing else { return };
        let Some(title) = edit.tabling.clone() else {
            return;
        };
        let id = edit.draft_id.clone();
        let text = edit.editor.text();
        let note = tabling::original_note(&me);
        let made = tabling::new_draft(
            &self.folder.session,
            &self.taken_ids(),
            &NewDraft {
                title: &title,
                text: &text,
                author: &me,
                id: Some(&id),
                source: None,
                marking: None,
                note: Some(&note),
                at: Timestamp::now(),
            },
        );
        let draft = match made {
            Ok(draft) => draft,
            Err(e) => return self.error(e.to_string()),
        };
        match self.folder.add_draft(draft) {
            Ok(()) => {}
            Err(AddError::Exists { id, .. }) => {
                // Tabled by someone else since the folder was read: offer
                // the next free id, keep the text.
                let mut taken = self.taken_ids();
                taken.insert(&id);
                let free = tabling::id::suggestions(Some(&title), &id, &taken);
                if let (Some(free), Some(edit)) = (free, &mut self.editing) {
                    edit.draft_id = free.clone();
                    let text = format!(
                        "A draft '{id}' was tabled meanwhile; ^S again tables yours as {free}"
                    );
                    return self.error(text);
                }
                return self.error(format!("A draft '{id}' already exists"));
            }
            Err(e) => return self.error(e.to_string()),
        }
        self.close_editor();
        if let Some(index) = self.folder.entries.iter().position(|e| e.id == id) {
            self.draft = index;
        }
        self.focus = Focus::Drafts;
        self.filter = None;
        self.marked.clear();
        self.row = 0;
        self.compare = Compare::Original;
        self.scroll = 0;
        let file = self.folder.path_of(&id);
        self.info(format!("Tabled {id} and saved {}", file.display()));
        self.refresh();
    }
}

#[cfg(test)]
mod tests {
    use super::super::action::Action;
    use super::super::keymap::Context;
    use super::*;
    use crate::tui::testing::app_as;

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Type(c));
        }
    }

    #[test]
    fn n_asks_a_title_then_tables_the_pasted_text_and_selects_it() {
        let (tmp, mut app) = app_as("France");
        app.update(Action::NewDraft);
        assert_eq!(app.context(), Context::Prompt);
        typed(
            &mut app,
            "French Proposal on Brokering Controls for Missile Items",
        );
        app.update(Action::Submit);
        assert_eq!(app.context(), Context::Editor);
        let edit = app.editing.as_ref().unwrap();
        assert_eq!(edit.draft_id, "brokering-controls");
        let text = "Partners agree to exchange information on brokering.";
        app.update(Action::Paste(text.into()));
        app.update(Action::Save);
        assert_eq!(app.context(), Context::Confirm);
        app.update(Action::Yes);
        assert!(app.editing.is_none());
        assert_eq!(app.context(), Context::Browse);
        let draft = app.selected_draft().unwrap();
        assert_eq!(draft.id, "brokering-controls");
        let v1 = draft.original().unwrap();
        assert_eq!((v1.author.as_str(), v1.text.as_str()), ("France", text));
        assert!(
            app.shown.title.starts_with("brokering-controls"),
            "{}",
            app.shown.title
        );
        let folder = crate::store::load_folder(tmp.path()).unwrap();
        assert_eq!(folder.all_diagnostics().len(), 0);
        assert_eq!(
            folder.session.drafts.last().map(String::as_str),
            Some("brokering-controls")
        );
        assert!(
            !tmp.path().join(recovery::DIR).exists(),
            "nothing is left to recover"
        );
    }

    #[test]
    fn a_taken_title_gets_a_free_id_and_an_empty_text_is_not_tabled() {
        let (tmp, mut app) = app_as("France");
        let before = std::fs::read_dir(tmp.path()).unwrap().count();
        app.update(Action::NewDraft);
        typed(&mut app, "Entities of Concern");
        app.update(Action::Submit);
        assert_eq!(
            app.editing.as_ref().unwrap().draft_id,
            "entities-of-concern-2"
        );
        app.update(Action::Save);
        assert_eq!(app.context(), Context::Editor, "nothing to table yet");
        assert!(
            app.message
                .as_ref()
                .unwrap()
                .text
                .contains("nothing to table")
        );
        typed(&mut app, "x");
        app.update(Action::Cancel);
        assert_eq!(app.context(), Context::Confirm, "leaving asks first");
        app.update(Action::Yes);
        assert!(app.editing.is_none());
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), before);
        // An empty title tables nothing either.
        app.update(Action::NewDraft);
        app.update(Action::Submit);
        assert!(app.editing.is_none());
    }

    #[test]
    fn the_text_is_kept_against_a_crash_and_comes_back() {
        let (tmp, mut app) = app_as("France");
        app.update(Action::NewDraft);
        typed(&mut app, "Brokering");
        app.update(Action::Submit);
        typed(&mut app, "Partners agree.");
        app.update(Action::Idle);
        // plenary dies here; a new one opens the same new draft.
        let folder = crate::store::load_folder(tmp.path()).unwrap();
        let mut again = App::new(folder, Some("France".into()), (120, 40), true);
        again.update(Action::NewDraft);
        typed(&mut again, "Brokering");
        again.update(Action::Submit);
        let edit = again.editing.as_ref().unwrap();
        assert_eq!(edit.editor.text(), "Partners agree.");
        assert!(edit.unsaved());
    }
}
