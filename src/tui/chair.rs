//! The Chair's keys (adopt, merge, agree), each shown as a redline before
//! it is done, and the history view every Partner has.
//!
//! Every preview runs the real core operation on a copy of the draft: what
//! the dialog shows is exactly what "yes" will save, and a refusal shows
//! its full reasons (collisions, objections, brackets) instead.

use ratatui::layout::Rect;
use ratatui::text::Line;

use super::app::{App, Overlay, Pending};
use super::layout::{Layout, review_area};
use super::view::styled;
use crate::model::{Draft, ProposalStatus, Reference, Timestamp};
use crate::negotiation::{self, history::What};
use crate::sanitize::sanitize_inline;

/// The history dialog: entries in time order, and the redline between the
/// selected one and the pinned one (or the selected one's own base).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryView {
    pub draft: String,
    pub entries: Vec<HistoryEntry>,
    pub selected: usize,
    pub pinned: Option<usize>,
    pub title: String,
    pub lines: Vec<Line<'static>>,
    pub scroll: usize,
}

/// One line of the history, and the text it names, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub label: String,
    /// `v2`, `france-1`: a text `plenary diff` can compare.
    pub reference: Option<String>,
    /// The text it was made from: the previous version, the proposal's base.
    pub base: Option<String>,
}

impl App {
    fn toggle_mark_id(&mut self, id: String) {
        match self.marked.iter().position(|m| *m == id) {
            Some(i) => {
                self.marked.remove(i);
                self.info(format!("Unmarked {id}"));
            }
            None => {
                self.marked.push(id);
                let list = self.marked.join(", ");
                self.info(format!("Marked for a merge: {list} (m: merge them)"));
            }
        }
    }

    pub(super) fn toggle_mark(&mut self) {
        match self.selected_proposal() {
            Some(p) if p.status == ProposalStatus::Open => {
                let id = p.id.clone();
                self.toggle_mark_id(id);
            }
            Some(p) => {
                let text = format!("{} is {}: only open proposals merge", p.id, p.status);
                self.error(text);
            }
            None => self.error("Select a proposal to mark: Tab to the proposals, then ↓"),
        }
    }

    pub(super) fn ask_adopt(&mut self) {
        let Some(proposal) = self.selected_proposal() else {
            return self.error("Select the proposal to adopt: Tab to the proposals, then ↓");
        };
        let id = proposal.id.clone();
        let Some((draft, me)) = self.chair_copy() else {
            return;
        };
        let before = current_text(&draft);
        let mut after = draft.clone();
        let adopted = negotiation::adopt(
            &mut after,
            &self.folder.session,
            &me,
            &id,
            None,
            Timestamp::now(),
        );
        let width = review_width(self.size);
        match adopted {
            Ok(version) => {
                let mut lines = Vec::new();
                for (partner, merged) in negotiation::merged_objections(&draft, &id) {
                    lines.extend(styled::plain_lines(
                        &format!("Note: {partner} objected to {merged}, which this text merges."),
                        width,
                    ));
                }
                lines.extend(styled::redline_between(
                    &before,
                    &current_text(&after),
                    width,
                ));
                self.show_review(
                    format!(
                        "Adopt {id} as v{version}? The new text against v{}:",
                        version - 1
                    ),
                    lines,
                    Some(Pending::Adopt {
                        draft: draft.id.clone(),
                        proposal: id,
                    }),
                );
            }
            Err(refusal) => self.refused(&format!("Cannot adopt {id}"), &refusal.to_string()),
        }
    }

    pub(super) fn ask_merge(&mut self) {
        let Some((draft, me)) = self.chair_copy() else {
            return;
        };
        let ids: Vec<String> = if self.marked.is_empty() {
            draft.open_proposals().map(|p| p.id.clone()).collect()
        } else {
            self.marked.clone()
        };
        let mut after = draft.clone();
        let filed = negotiation::file_merge(
            &mut after,
            &self.folder.session,
            &me,
            &ids,
            Timestamp::now(),
        );
        let width = review_width(self.size);
        match filed {
            Ok((new_id, merged)) => {
                let n = merged.conflicts.len();
                let mut note = format!("Merging {}. ", ids.join(", "));
                note.push_str(&match n {
                    0 => "They combine without overlap.".to_string(),
                    1 => "1 passage is left in brackets where they overlap.".to_string(),
                    n => format!("{n} passages are left in brackets where they overlap."),
                });
                let mut lines = styled::plain_lines(&note, width);
                lines.push(Line::raw(""));
                lines.extend(styled::redline_between(
                    &current_text(&draft),
                    &merged.text,
                    width,
                ));
                self.show_review(
                    format!("File the merge as your proposal {new_id}? Against the current text:"),
                    lines,
                    Some(Pending::FileMerge {
                        draft: draft.id.clone(),
                        proposals: ids,
                    }),
                );
            }
            Err(refusal) => self.refused("Cannot merge", &refusal.to_string()),
        }
    }

    pub(super) fn ask_agree(&mut self, ad_ref: bool) {
        let Some((draft, me)) = self.chair_copy() else {
            return;
        };
        let mut after = draft.clone();
        let agreed = negotiation::agree(
            &mut after,
            &self.folder.session,
            &me,
            ad_ref,
            None,
            Timestamp::now(),
        );
        let how = if ad_ref { "agreed ad ref" } else { "agreed" };
        match agreed {
            Ok(()) => {
                let width = review_width(self.size);
                let original = draft.original().map_or("", |v| v.text.as_str());
                let lines = styled::redline_between(original, &current_text(&draft), width);
                self.show_review(
                    format!(
                        "Declare {} {how}? The text, against the original:",
                        draft.id
                    ),
                    lines,
                    Some(Pending::Agree {
                        draft: draft.id.clone(),
                        ad_ref,
                    }),
                );
            }
            Err(refusal) => self.refused(&format!("Cannot declare it {how}"), &refusal.to_string()),
        }
    }

    /// Does what the Chair confirmed, on the draft as it is on disk now.
    pub(super) fn carry_out_chairs(&mut self, pending: Pending) {
        let Some(me) = self.me.clone() else { return };
        let draft_id = match &pending {
            Pending::Adopt { draft, .. }
            | Pending::FileMerge { draft, .. }
            | Pending::Agree { draft, .. } => draft.clone(),
            _ => return,
        };
        if self.folder.entries.get(self.draft).map(|e| e.id.as_str()) != Some(&draft_id) {
            return self.error("The selection changed; nothing was done");
        }
        let at = Timestamp::now();
        match pending {
            Pending::Adopt { proposal, .. } => {
                let done =
                    self.change_draft(|d, s| negotiation::adopt(d, s, &me, &proposal, None, at));
                if let Some(version) = done {
                    self.info(format!("Adopted {proposal} as v{version}"));
                    self.row = 0;
                }
            }
            Pending::FileMerge { proposals, .. } => {
                let done =
                    self.change_draft(|d, s| negotiation::file_merge(d, s, &me, &proposals, at));
                if let Some((id, merged)) = done {
                    self.marked.clear();
                    let n = merged.conflicts.len();
                    self.info(format!("Filed {id}: {n} passage(s) in brackets"));
                    self.select_proposal(&id);
                }
            }
            Pending::Agree { ad_ref, .. } => {
                let done =
                    self.change_draft(|d, s| negotiation::agree(d, s, &me, ad_ref, None, at));
                if done.is_some() {
                    let how = if ad_ref { "agreed ad ref" } else { "agreed" };
                    self.info(format!("{draft_id} is {how}"));
                }
            }
            _ => {}
        }
    }

    /// Selects proposal `id` in the list, showing every Partner's.
    fn select_proposal(&mut self, id: &str) {
        self.filter = None;
        self.row = self
            .listed_proposals()
            .iter()
            .position(|p| p.id == id)
            .map_or(0, |i| i + 1);
    }

    /// A copy of the selected draft and the Chair's name, or `None` (with
    /// the message saying why) when you are not the Chair.
    fn chair_copy(&mut self) -> Option<(Draft, String)> {
        let me = self.me.clone()?;
        let chair = self.folder.session.chair.clone();
        if me != chair {
            self.error(format!(
                "Only the Chair ({chair}) may adopt, merge or declare consensus"
            ));
            return None;
        }
        match self.selected_draft() {
            Some(draft) => Some((draft.clone(), me)),
            None => {
                self.error("This draft file could not be loaded");
                None
            }
        }
    }

    fn show_review(&mut self, title: String, lines: Vec<Line<'static>>, on_yes: Option<Pending>) {
        self.overlay = Some(Overlay::Review {
            title,
            lines,
            scroll: 0,
            on_yes,
            on_no: None,
        });
    }

    /// A refusal's reasons, one per line, in a dialog: they are often too
    /// many for the message line.
    fn refused(&mut self, title: &str, reasons: &str) {
        let lines = styled::plain_lines(reasons, review_width(self.size));
        self.error(format!("{title}: see the reasons"));
        self.show_review(title.to_string(), lines, None);
    }

    pub(super) fn review(&mut self, action: super::action::Action) {
        use super::action::{Action, Move};
        let Some(Overlay::Review {
            scroll,
            on_yes,
            on_no,
            lines,
            ..
        }) = &mut self.overlay
        else {
            return;
        };
        let (w, h) = self.size;
        let page = usize::from(review_area(Rect::new(0, 0, w, h)).height.saturating_sub(4));
        let last = lines.len().saturating_sub(1);
        match action {
            Action::Yes => {
                let on_yes = on_yes.take();
                self.overlay = None;
                if let Some(pending) = on_yes {
                    self.carry_out(pending);
                }
                self.refresh();
            }
            Action::No => {
                let on_no = on_no.take();
                self.overlay = None;
                if let Some(pending) = on_no {
                    self.carry_out(pending);
                }
            }
            Action::Cancel => self.overlay = None,
            Action::Quit => {
                self.overlay = None;
                self.quit = true;
            }
            Action::Move(Move::Up) => *scroll = scroll.saturating_sub(1),
            Action::Move(Move::Down) => *scroll = (*scroll + 1).min(last),
            Action::Move(Move::PageUp) => *scroll = scroll.saturating_sub(page),
            Action::Move(Move::PageDown) => *scroll = (*scroll + page).min(last),
            _ => {}
        }
    }

    // ---- History ----------------------------------------------------------

    pub(super) fn open_history(&mut self) {
        let Some(draft) = self.selected_draft() else {
            return self.error("This draft file could not be loaded");
        };
        let entries = negotiation::history::history(draft)
            .into_iter()
            .map(|event| HistoryEntry {
                label: sanitize_inline(&format!(
                    "{}  {} {}{}",
                    event.at.to_minute(),
                    event.who,
                    event.what,
                    event
                        .note
                        .as_deref()
                        .map(|n| format!(": {n}"))
                        .unwrap_or_default()
                ))
                .into_owned(),
                base: match &event.what {
                    What::Version { number, .. } if *number > 1 => Some(format!("v{}", number - 1)),
                    What::Proposal { base, .. } => Some(format!("v{base}")),
                    _ => None,
                },
                reference: event.reference(),
            })
            .collect::<Vec<_>>();
        let last = entries.len().saturating_sub(1);
        let mut view = HistoryView {
            draft: draft.id.clone(),
            entries,
            selected: last,
            pinned: None,
            title: String::new(),
            lines: Vec::new(),
            scroll: 0,
        };
        fill_history(draft, &mut view, review_width(self.size));
        self.overlay = Some(Overlay::History(view));
    }

    pub(super) fn history(&mut self, action: super::action::Action) {
        use super::action::{Action, Move};
        let width = review_width(self.size);
        let Some(Overlay::History(view)) = &mut self.overlay else {
            return;
        };
        let last = view.entries.len().saturating_sub(1);
        match action {
            Action::Cancel => {
                self.overlay = None;
                return;
            }
            Action::Quit => {
                self.overlay = None;
                self.quit = true;
                return;
            }
            Action::Move(Move::Up) => view.selected = view.selected.saturating_sub(1),
            Action::Move(Move::Down) => view.selected = (view.selected + 1).min(last),
            Action::Move(Move::PageUp) => view.scroll = view.scroll.saturating_sub(5),
            Action::Move(Move::PageDown) => view.scroll += 5,
            Action::Pin => {
                view.pinned = match view.pinned {
                    Some(p) if p == view.selected => None,
                    _ => Some(view.selected),
                }
            }
            _ => return,
        }
        let Some(draft) = self.folder.entry(&view.draft).and_then(|e| e.draft()) else {
            return;
        };
        if !matches!(action, Action::Move(Move::PageUp | Move::PageDown)) {
            view.scroll = 0;
        }
        fill_history(draft, view, width);
        view.scroll = view.scroll.min(view.lines.len().saturating_sub(1));
    }
}

/// The redline the history shows for its selection.
fn fill_history(draft: &Draft, view: &mut HistoryView, width: u16) {
    let Some(entry) = view.entries.get(view.selected) else {
        view.title = "No history".into();
        view.lines = Vec::new();
        return;
    };
    let from = match view.pinned {
        Some(p) => view.entries[p].reference.clone(),
        None => entry.base.clone(),
    };
    let text = |name: &Option<String>| {
        name.as_deref()
            .and_then(|n| draft.text_of(&Reference::parse(n)).ok())
    };
    (view.title, view.lines) = match (text(&entry.reference), text(&from)) {
        (Some(new), Some(old)) => (
            format!(
                "{} against {}",
                entry.reference.as_deref().unwrap_or_default(),
                from.as_deref().unwrap_or_default()
            ),
            styled::redline_between(old, new, width),
        ),
        (Some(new), None) => (
            entry.reference.clone().unwrap_or_default(),
            styled::plain_lines(new, width),
        ),
        (None, _) => (
            "A position or a declaration: no text of its own".into(),
            Vec::new(),
        ),
    };
}

fn current_text(draft: &Draft) -> String {
    draft.current().map(|v| v.text.clone()).unwrap_or_default()
}

/// The text width inside the review dialog for a screen of `size`.
pub fn review_width((width, height): (u16, u16)) -> u16 {
    let area = review_area(Rect::new(0, 0, width, height));
    Layout::inner(area).width.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::{Action, Move};
    use crate::tui::keymap::Context;
    use crate::tui::testing::app_as;

    const DRAFT: &str = "entities-of-concern";

    /// France and Germany fix the same words differently; the app speaks
    /// for `who`, with the draft and its first proposal selected.
    fn two_fixes(who: &str) -> (tempfile::TempDir, App) {
        let (tmp, mut app) = app_as(who);
        for (partner, fix) in [
            ("France", "list of entities"),
            ("Germany", "list of the entities"),
        ] {
            app.folder
                .update(DRAFT, |d, s| {
                    let text = d.current().unwrap().text.replace("list entities", fix);
                    negotiation::propose(d, s, partner, &text, None, Timestamp::now())
                })
                .unwrap();
        }
        for a in [
            Action::Move(Move::Down),
            Action::Move(Move::Down),
            Action::FocusNext,
            Action::Move(Move::Down),
        ] {
            app.update(a);
        }
        assert_eq!(app.selected_proposal().unwrap().id, "france-1");
        (tmp, app)
    }

    fn review_text(app: &App) -> (String, String, bool) {
        let Some(Overlay::Review {
            title,
            lines,
            on_yes,
            ..
        }) = &app.overlay
        else {
            panic!("no review open: {:?}", app.overlay)
        };
        let text = crate::tui::testing::lines_text(lines);
        (title.clone(), text, on_yes.is_some())
    }

    fn on_disk(app: &App) -> String {
        std::fs::read_to_string(app.folder.path_of(DRAFT)).unwrap()
    }

    #[test]
    fn the_chair_merges_marked_proposals_after_seeing_the_redline() {
        let (_tmp, mut app) = two_fixes("Brazil");
        app.update(Action::Mark);
        app.update(Action::Move(Move::Down));
        app.update(Action::Mark);
        assert_eq!(app.marked, ["france-1", "germany-1"]);
        let before = on_disk(&app);
        app.update(Action::Merge);
        assert_eq!(app.context(), Context::Review);
        let (title, text, asks) = review_text(&app);
        assert_eq!(
            title,
            "File the merge as your proposal brazil-1? Against the current text:"
        );
        assert!(text.contains("1 passage is left in brackets"), "{text}");
        assert!(text.contains("[France: of / Germany: of the]"), "{text}");
        assert!(asks);
        assert_eq!(on_disk(&app), before, "a preview writes nothing");
        app.update(Action::No);
        assert_eq!(on_disk(&app), before);

        app.update(Action::Merge);
        app.update(Action::Yes);
        assert!(app.overlay.is_none());
        let filed = app.selected_proposal().unwrap();
        assert_eq!((filed.id.as_str(), filed.merges.len()), ("brazil-1", 2));
        assert!(app.marked.is_empty());
        assert!(on_disk(&app).contains("merges:"));
    }

    #[test]
    fn the_chair_adopts_and_a_collision_is_shown_not_dropped() {
        let (_tmp, mut app) = two_fixes("Brazil");
        app.update(Action::Adopt);
        let (title, text, asks) = review_text(&app);
        assert_eq!(title, "Adopt france-1 as v2? The new text against v1:");
        assert!(text.contains("list of entities"), "{text}");
        assert!(asks);
        app.update(Action::Yes);
        assert_eq!(app.selected_draft().unwrap().current().unwrap().version, 2);
        assert_eq!(app.row, 0, "the new current text is shown");

        // Germany's fix collides with what was adopted: shown, not dropped.
        app.update(Action::Move(Move::Down));
        app.update(Action::Move(Move::Down));
        assert_eq!(app.selected_proposal().unwrap().id, "germany-1");
        app.update(Action::Adopt);
        let (title, text, asks) = review_text(&app);
        assert_eq!(title, "Cannot adopt germany-1");
        assert!(text.contains("collides with version 2"), "{text}");
        assert!(!asks);
        app.update(Action::Yes);
        assert_eq!(app.selected_draft().unwrap().versions.len(), 2);

        // Nobody objects and no brackets remain: agreement is offered.
        app.update(Action::Agree { ad_ref: false });
        let (title, _, asks) = review_text(&app);
        assert!(
            title.starts_with("Declare entities-of-concern agreed?"),
            "{title}"
        );
        assert!(asks);
    }

    #[test]
    fn agreement_asks_first_and_lists_objections_when_refused() {
        let (_tmp, mut app) = two_fixes("Brazil");
        app.folder
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
        app.update(Action::Agree { ad_ref: true });
        let (title, text, _) = review_text(&app);
        assert_eq!(title, "Cannot declare it agreed ad ref");
        assert!(text.contains("Japan objects to germany-1"), "{text}");
        app.update(Action::Cancel);
        app.folder
            .update(DRAFT, |d, s| {
                negotiation::withdraw(d, s, "Germany", "germany-1", Timestamp::now())
            })
            .unwrap();
        app.update(Action::Agree { ad_ref: true });
        let (title, _, asks) = review_text(&app);
        assert_eq!(
            title,
            "Declare entities-of-concern agreed ad ref? The text, against the original:"
        );
        assert!(asks);
        app.update(Action::Yes);
        assert_eq!(
            app.selected_draft().unwrap().status,
            crate::model::DraftStatus::AdRef
        );
    }

    #[test]
    fn only_the_chair_gets_the_chairs_keys() {
        let (_tmp, mut app) = two_fixes("Japan");
        let before = on_disk(&app);
        for action in [
            Action::Adopt,
            Action::Merge,
            Action::Agree { ad_ref: false },
        ] {
            app.update(action);
            assert_eq!(app.overlay, None);
            let message = app.message.clone().unwrap();
            assert_eq!(
                message.text,
                "Only the Chair (Brazil) may adopt, merge or declare consensus"
            );
        }
        assert_eq!(on_disk(&app), before);
    }

    #[test]
    fn history_compares_any_two_entries() {
        let (_tmp, mut app) = two_fixes("Japan");
        app.update(Action::History);
        assert_eq!(app.context(), Context::History);
        let view = |app: &App| match &app.overlay {
            Some(Overlay::History(view)) => view.clone(),
            other => panic!("{other:?}"),
        };
        let v = view(&app);
        assert_eq!(v.entries.len(), 3);
        assert_eq!(v.selected, 2);
        assert_eq!(v.title, "germany-1 against v1");
        app.update(Action::Move(Move::Up));
        app.update(Action::Pin);
        app.update(Action::Move(Move::Down));
        let v = view(&app);
        assert_eq!(v.pinned, Some(1));
        assert_eq!(v.title, "germany-1 against france-1");
        let text: String = v.lines[0]
            .spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect();
        assert!(text.contains("list of the entities"), "{text}");
        app.update(Action::Cancel);
        assert_eq!(app.context(), Context::Browse);
    }
}
