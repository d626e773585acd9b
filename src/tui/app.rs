//! The state of the terminal UI and the one function that changes it.
//!
//! Data flows one way: the keymap turns a key into an [`Action`],
//! [`App::update`] applies it (calling the core for anything that changes a
//! draft, and the store to save), and the view draws the new state without
//! changing it. Everything here runs without a terminal, which is how the
//! unit tests and the keystroke bench drive it.

use std::time::Instant;

use super::action::{Action, Move};
use super::edit::EditSession;
use super::keymap::Context;
use super::layout::Layout;
use super::shown::{Compare, Shown, View};
use crate::model::{Draft, DraftStatus, ProposalStatus, Stance, Timestamp};
use crate::negotiation;
use crate::store::{EntryState, Folder, recovery};

/// Which list the arrow keys move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Drafts,
    Proposals,
}

/// A dialog over the screen; it takes the keyboard until it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Choose which Partner you speak for.
    Picker {
        filter: String,
        selected: usize,
    },
    Help {
        scroll: usize,
    },
    Prompt {
        question: String,
        input: LineInput,
        purpose: PromptFor,
    },
    Confirm {
        question: String,
        on_yes: Pending,
    },
    /// Something to read before saying yes (a redline, a refusal's reasons);
    /// with no `on_yes` it only informs.
    Review {
        title: String,
        lines: Vec<ratatui::text::Line<'static>>,
        scroll: usize,
        on_yes: Option<Pending>,
        /// What "no" does besides closing, if anything.
        on_no: Option<Pending>,
    },
    History(super::chair::HistoryView),
    Export(super::export::ExportDialog),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptFor {
    Rationale,
    Find,
    /// The title of a new draft.
    NewDraftTitle,
}

/// What a yes answer does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    LeaveEditor,
    Quit,
    Withdraw {
        draft: String,
        proposal: String,
    },
    Adopt {
        draft: String,
        proposal: String,
    },
    FileMerge {
        draft: String,
        proposals: Vec<String>,
    },
    Agree {
        draft: String,
        ad_ref: bool,
    },
    /// Table the editor's text as a new draft.
    TableDraft,
    /// Open the editor on the unfiled text kept for this draft.
    Restore {
        draft: String,
    },
    /// Throw the kept unfiled text away.
    Discard {
        draft: String,
    },
}

/// A one-line text field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    pub text: String,
    /// Cursor, in chars.
    pub cursor: usize,
}

impl LineInput {
    pub fn new(text: &str) -> Self {
        LineInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub(super) fn insert(&mut self, c: char) {
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub(super) fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte(self.cursor);
            self.text.remove(at);
        }
    }

    pub(super) fn moved(&mut self, movement: Move) {
        let len = self.text.chars().count();
        self.cursor = match movement {
            Move::Left => self.cursor.saturating_sub(1),
            Move::Right => (self.cursor + 1).min(len),
            Move::Home | Move::Top => 0,
            Move::End | Move::Bottom => len,
            _ => self.cursor,
        };
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// The message line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub level: Level,
    pub text: String,
}

/// Everything the screen shows, and nothing about the terminal.
pub struct App {
    pub folder: Folder,
    /// The Partner you speak for; `None` until chosen in the picker.
    pub me: Option<String>,
    pub size: (u16, u16),
    pub focus: Focus,
    /// Index into `folder.entries`.
    pub draft: usize,
    /// Row of the proposals list: 0 is the current text, then the proposals
    /// that pass the filter.
    pub row: usize,
    pub view: View,
    pub compare: Compare,
    /// Show only this Partner's proposals.
    pub filter: Option<String>,
    /// Proposals the Chair marked for a merge (ids, selected draft only).
    pub marked: Vec<String>,
    /// First line of the text pane.
    pub scroll: usize,
    /// What the text pane shows, computed on every change.
    pub shown: Shown,
    pub editing: Option<EditSession>,
    pub overlay: Option<Overlay>,
    pub message: Option<Message>,
    pub quit: bool,
    /// Colours on (they are never the only cue: strike and underline stay).
    pub color: bool,
    epoch: Instant,
}

impl App {
    /// A UI over `folder`, speaking for `me` (or asking, when `None`).
    pub fn new(folder: Folder, me: Option<String>, size: (u16, u16), color: bool) -> App {
        let overlay = match me {
            Some(_) => None,
            None => Some(Overlay::Picker {
                filter: String::new(),
                selected: 0,
            }),
        };
        let mut app = App {
            folder,
            me,
            size,
            focus: Focus::Drafts,
            draft: 0,
            row: 0,
            view: View::Redline,
            compare: Compare::Original,
            filter: None,
            marked: Vec::new(),
            scroll: 0,
            shown: Shown::default(),
            editing: None,
            overlay,
            message: None,
            quit: false,
            color,
            epoch: Instant::now(),
        };
        if let Some(problems) = app.folder_problem_summary() {
            app.error(problems);
        }
        app.refresh();
        app.offer_recovery();
        app
    }

    /// Where the keyboard is.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Picker { .. }) => Context::Picker,
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::Prompt { .. }) => Context::Prompt,
            Some(Overlay::Confirm { .. }) => Context::Confirm,
            Some(Overlay::Review { .. }) => Context::Review,
            Some(Overlay::History(_)) => Context::History,
            Some(Overlay::Export(_)) => Context::Export,
            None if self.editing.is_some() => Context::Editor,
            None => Context::Browse,
        }
    }

    pub fn layout(&self) -> Layout {
        Layout::new(self.size, self.editing.is_some())
    }

    /// The selected draft, when it loaded.
    pub fn selected_draft(&self) -> Option<&Draft> {
        self.folder.entries.get(self.draft)?.draft()
    }

    /// Proposals of the selected draft that pass the filter, in file order.
    pub fn listed_proposals(&self) -> Vec<&crate::model::Proposal> {
        let Some(draft) = self.selected_draft() else {
            return Vec::new();
        };
        draft
            .proposals
            .iter()
            .filter(|p| self.filter.as_ref().is_none_or(|f| &p.partner == f))
            .collect()
    }

    /// The proposal on the selected row, if the row is one.
    pub fn selected_proposal(&self) -> Option<&crate::model::Proposal> {
        self.row
            .checked_sub(1)
            .and_then(|i| self.listed_proposals().get(i).copied())
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            level: Level::Info,
            text: text.into(),
        });
    }

    pub(super) fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            level: Level::Error,
            text: text.into(),
        });
    }

    fn folder_problem_summary(&self) -> Option<String> {
        let failed = self
            .folder
            .entries
            .iter()
            .filter(|e| matches!(e.state, EntryState::Failed(_)))
            .count();
        (failed > 0)
            .then(|| format!("{failed} draft file(s) could not be loaded: select them to see why"))
    }

    /// Applies one action. The only place the state changes.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.resize_editor();
                self.refresh();
                return;
            }
            Action::Idle => {
                if let Some(edit) = &mut self.editing {
                    edit.refresh_live_if_stale();
                }
                self.keep_unfiled();
                return;
            }
            Action::FilesChanged => {
                self.reload_files();
                return;
            }
            _ => {}
        }
        match self.context() {
            Context::Picker => self.picker(action),
            Context::Help => self.help(action),
            Context::Prompt => self.prompt(action),
            Context::Confirm => self.confirm(action),
            Context::Review => self.review(action),
            Context::History => self.history(action),
            Context::Export => self.export_dialog(action),
            Context::Editor => self.edit(action),
            Context::Browse => self.browse(action),
        }
    }

    // ---- Browsing -------------------------------------------------------

    fn browse(&mut self, action: Action) {
        let shown_before = self.shown_key();
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::FocusNext => {
                self.focus = match self.focus {
                    Focus::Drafts => Focus::Proposals,
                    Focus::Proposals => Focus::Drafts,
                }
            }
            Action::Move(m) => self.browse_move(m),
            Action::CycleView => {
                self.view = self.view.next();
                self.scroll = 0;
                self.info(format!("View: {}", self.view.label()));
            }
            Action::CycleCompare => self.cycle_compare(),
            Action::FilterPartner => self.cycle_filter(),
            Action::OpenEditor => self.open_editor(),
            Action::Position(stance) => self.take_position(stance),
            Action::Withdraw => self.ask_withdraw(),
            Action::Mark => self.toggle_mark(),
            Action::Adopt => self.ask_adopt(),
            Action::Merge => self.ask_merge(),
            Action::Agree { ad_ref } => self.ask_agree(ad_ref),
            Action::History => self.open_history(),
            Action::Export => self.open_export(),
            Action::NewDraft => self.ask_new_draft_title(),
            Action::Click(col, row) => self.browse_click(col, row),
            Action::Wheel(lines) => self.scroll_text(lines as isize),
            _ => {}
        }
        // Redlining and wrapping a long text is the costly part of a frame:
        // only a change of what is compared, or how, asks for it again
        // (not scrolling, not switching lists).
        if self.shown_key() != shown_before {
            self.refresh();
        }
    }

    /// Everything the text pane's content depends on, besides the files.
    fn shown_key(&self) -> (usize, usize, View, Compare, Option<String>) {
        let filter = self.filter.clone();
        (
            self.draft,
            self.row,
            self.view,
            self.compare.clone(),
            filter,
        )
    }

    fn browse_move(&mut self, movement: Move) {
        let page = self.layout().text_inner().height.max(1) as isize;
        match (movement, self.focus) {
            (Move::PageUp, _) => self.scroll_text(-page),
            (Move::PageDown, _) => self.scroll_text(page),
            (_, Focus::Drafts) => {
                let last = self.folder.entries.len().saturating_sub(1);
                self.select_draft(step(self.draft, movement, last));
            }
            (_, Focus::Proposals) => {
                let last = self.listed_proposals().len();
                self.select_row(step(self.row, movement, last));
            }
        }
    }

    /// Selects draft `index`, showing its current text from the top.
    pub(super) fn select_draft(&mut self, index: usize) {
        if index != self.draft {
            self.draft = index;
            self.filter = None;
            self.marked.clear();
            self.select_row(0);
        }
    }

    /// Selects row `index` of the proposals list, against the original.
    fn select_row(&mut self, index: usize) {
        if index != self.row || self.compare != Compare::Original {
            self.row = index;
            self.compare = Compare::Original;
            self.scroll = 0;
        }
    }

    fn scroll_text(&mut self, lines: isize) {
        let max = self.shown.line_count().saturating_sub(1);
        self.scroll = self.scroll.saturating_add_signed(lines).min(max);
    }

    fn browse_click(&mut self, col: u16, row: u16) {
        let layout = self.layout();
        if let Some(i) = layout.drafts_item_at(col, row, self.draft, self.folder.entries.len()) {
            self.focus = Focus::Drafts;
            self.select_draft(i);
        } else if let Some(i) =
            layout.proposals_item_at(col, row, self.row, self.listed_proposals().len() + 1)
        {
            self.focus = Focus::Proposals;
            self.select_row(i);
        }
    }

    fn cycle_compare(&mut self) {
        let Some(draft) = self.selected_draft() else {
            return;
        };
        let choices = Compare::choices(draft, self.selected_proposal());
        let at = choices.iter().position(|c| *c == self.compare);
        let next = at.map_or(0, |i| (i + 1) % choices.len());
        self.compare = choices[next].clone();
        self.scroll = 0;
    }

    fn cycle_filter(&mut self) {
        let Some(draft) = self.selected_draft() else {
            return;
        };
        let mut partners: Vec<String> = Vec::new();
        for p in &draft.proposals {
            if !partners.contains(&p.partner) {
                partners.push(p.partner.clone());
            }
        }
        let next = match &self.filter {
            None => partners.first().cloned(),
            Some(f) => partners
                .iter()
                .position(|p| p == f)
                .and_then(|i| partners.get(i + 1).cloned()),
        };
        self.filter = next;
        self.select_row(0);
        match &self.filter {
            Some(p) => self.info(format!("Showing {p}'s proposals only (f: next Partner)")),
            None if partners.is_empty() => self.info("This draft has no proposals yet"),
            None => self.info("Showing every Partner's proposals"),
        }
    }

    fn take_position(&mut self, stance: Stance) {
        let Some(me) = self.me.clone() else { return };
        let Some(proposal) = self.selected_proposal() else {
            return self.error("Select a proposal first: Tab to the proposals, then ↓");
        };
        let id = proposal.id.clone();
        let result = self.change_draft(|draft, session| {
            negotiation::take_position(draft, session, &me, &id, stance, None, Timestamp::now())
        });
        if result.is_some() {
            let verb = match stance {
                Stance::Support => "supports",
                Stance::Object => "objects to",
                Stance::Reserve => "reserves its position on",
            };
            self.info(format!("Recorded: {me} {verb} {id}"));
        }
    }

    fn ask_withdraw(&mut self) {
        let Some(proposal) = self.selected_proposal() else {
            return self.error("Select one of your proposals first");
        };
        if Some(&proposal.partner) != self.me.as_ref() {
            let text = format!(
                "{} is {}'s proposal: only they may withdraw it",
                proposal.id, proposal.partner
            );
            return self.error(text);
        }
        let (draft, id) = (
            self.folder.entries[self.draft].id.clone(),
            proposal.id.clone(),
        );
        self.overlay = Some(Overlay::Confirm {
            question: format!("Withdraw your proposal {id}?"),
            on_yes: Pending::Withdraw {
                draft,
                proposal: id,
            },
        });
    }

    /// Applies a core operation to the selected draft and saves it. On
    /// refusal or a failed save the message line says why and the draft (in
    /// memory and on disk) is unchanged.
    pub(super) fn change_draft<T>(
        &mut self,
        op: impl FnOnce(&mut Draft, &crate::model::Session) -> Result<T, negotiation::Refusal>,
    ) -> Option<T> {
        let id = self.folder.entries.get(self.draft)?.id.clone();
        match self.folder.update(&id, op) {
            Ok(value) => Some(value),
            Err(e) => {
                self.error(e.to_string());
                None
            }
        }
    }

    // ---- Editing --------------------------------------------------------

    pub(super) fn open_editor(&mut self) {
        let Some(me) = self.me.clone() else { return };
        let Some(draft) = self.selected_draft() else {
            return self
                .error("This draft file could not be loaded: its problems are shown on the right");
        };
        if draft.status != DraftStatus::Open {
            let text = format!(
                "This draft is {}: it takes no more proposals",
                draft.status.as_str()
            );
            return self.error(text);
        }
        // Revise the selected proposal if it is yours, else your latest open one.
        let mine =
            |p: &&crate::model::Proposal| p.partner == me && p.status == ProposalStatus::Open;
        let revising = self
            .selected_proposal()
            .filter(mine)
            .or_else(|| draft.proposals.iter().rev().find(mine))
            .map(|p| (p.id.clone(), p.text.clone(), p.rationale.clone()));
        let recovered = recovery::find(&self.folder.dir, &draft.id, &me);
        let mut edit = EditSession::new(draft, revising);
        let mut what = match &edit.revising {
            Some(id) => format!("Revising your proposal {id}"),
            None => format!("Proposing a new text for {} as {me}", draft.id),
        };
        if let Some(text) = recovered.filter(|t| *t != edit.editor.text()) {
            edit.editor = super::editor::Editor::new(&text);
            edit.recovered = true;
            what = "Recovered the text you had not filed when plenary last closed".to_string();
        }
        let inner = self.layout_for_editing().text_inner();
        edit.editor.set_viewport(inner.width, inner.height);
        edit.refresh_live();
        self.editing = Some(edit);
        self.info(format!("{what}. ^S to file it, Esc to leave"));
    }

    fn layout_for_editing(&self) -> Layout {
        Layout::new(self.size, true)
    }

    fn resize_editor(&mut self) {
        let inner = self.layout_for_editing().text_inner();
        if let Some(edit) = &mut self.editing {
            edit.editor.set_viewport(inner.width, inner.height);
        }
    }

    fn edit(&mut self, action: Action) {
        let now = self.now_ms();
        let Some(edit) = &mut self.editing else {
            return;
        };
        let editor = &mut edit.editor;
        let mut changed = false;
        match action {
            Action::Type(c) => {
                editor.insert_char(c, now);
                changed = true;
            }
            Action::Paste(text) => {
                editor.insert_text(&text, now);
                changed = true;
            }
            Action::Newline => {
                editor.newline(now);
                changed = true;
            }
            Action::Backspace => {
                editor.backspace(now);
                changed = true;
            }
            Action::Delete => {
                editor.delete(now);
                changed = true;
            }
            Action::DeleteWordLeft => {
                editor.delete_word_left(now);
                changed = true;
            }
            Action::Undo => changed = editor.undo(),
            Action::Redo => changed = editor.redo(),
            Action::Move(m) => move_editor(editor, m),
            Action::Click(col, row) => {
                let area = Layout::new(self.size, true).text_inner();
                if area.contains((col, row).into()) {
                    editor.click(usize::from(row - area.y), usize::from(col - area.x));
                }
            }
            Action::Wheel(lines) => editor.scroll(lines as isize),
            Action::SwitchLiveBase if edit.tabling.is_some() => {
                self.info("A new draft has no other text to compare with yet");
            }
            Action::SwitchLiveBase => {
                edit.against = edit.against.other();
                edit.refresh_live();
                let label = edit.against.label();
                self.info(format!("Live redline against {label}"));
            }
            Action::Find => {
                self.overlay = Some(Overlay::Prompt {
                    question: "Find:".into(),
                    input: LineInput::default(),
                    purpose: PromptFor::Find,
                });
            }
            Action::FindNext => {
                let found = editor.find_next();
                if !found {
                    self.error("Not found");
                }
            }
            Action::Save if edit.tabling.is_some() => self.ask_table_draft(),
            Action::Save => self.ask_rationale(),
            Action::Cancel => self.leave_editor(),
            Action::Quit => self.ask_quit(),
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            _ => {}
        }
        if changed && let Some(edit) = &mut self.editing {
            edit.text_changed();
            // Steady typing never pauses long enough for Idle: keep it anyway.
            if now.saturating_sub(edit.kept_at) >= super::recover::KEEP_EVERY_MS {
                self.keep_unfiled();
            }
        }
    }

    /// Closes the editor for good: its text was filed or given up, so the
    /// copy kept against crashes goes too.
    pub(super) fn close_editor(&mut self) {
        if let (Some(edit), Some(me)) = (self.editing.take(), &self.me) {
            recovery::forget(&self.folder.dir, &edit.recovery_key(), me);
        }
    }

    /// After a pause in typing, keeps the unfiled text on disk, so that a
    /// dropped connection or a crash loses at most the last moment.
    fn keep_unfiled(&mut self) {
        let now = self.now_ms();
        let (Some(edit), Some(me)) = (&mut self.editing, &self.me) else {
            return;
        };
        if !edit.unkept {
            return;
        }
        edit.unkept = false;
        edit.kept_at = now;
        let dir = &self.folder.dir;
        let key = edit.recovery_key();
        if edit.unsaved() {
            if let Err(e) = recovery::keep(dir, &key, me, &edit.editor.text()) {
                let text = format!("Could not keep a safety copy of your text: {e}");
                self.error(text);
            }
        } else {
            recovery::forget(dir, &key, me);
        }
    }

    fn ask_rationale(&mut self) {
        let Some(edit) = &self.editing else { return };
        let text = edit.editor.text();
        if text == edit.base_text {
            return self.error("Your text is the same as the current version: nothing to file");
        }
        if text.trim().is_empty() {
            return self.error("The text is empty: nothing to file");
        }
        self.overlay = Some(Overlay::Prompt {
            question: "Why this change? One line for the other Partners:".into(),
            input: LineInput::new(edit.rationale.as_deref().unwrap_or("")),
            purpose: PromptFor::Rationale,
        });
    }

    /// Files the editor's text as `me`'s proposal and leaves the editor.
    fn file_proposal(&mut self, rationale: &str) {
        let (Some(me), Some(edit)) = (self.me.clone(), &self.editing) else {
            return;
        };
        let Some(index) = self
            .folder
            .entries
            .iter()
            .position(|e| e.id == edit.draft_id)
        else {
            return self.error("The draft is no longer in the folder");
        };
        self.draft = index;
        let text = edit.editor.text();
        let revising = edit.revising.clone();
        let base = edit.base_version;
        let rationale = Some(rationale);
        let filed = self.change_draft(|draft, session| match &revising {
            Some(old) => {
                negotiation::revise(draft, session, &me, old, &text, rationale, Timestamp::now())
            }
            None => negotiation::propose_on(
                draft,
                session,
                &me,
                base,
                &text,
                rationale,
                Timestamp::now(),
            ),
        });
        let Some(id) = filed else { return };
        self.close_editor();
        self.focus = Focus::Proposals;
        self.filter = None;
        self.compare = Compare::Original;
        self.row = self
            .listed_proposals()
            .iter()
            .position(|p| p.id == id)
            .map_or(0, |i| i + 1);
        let file = self.folder.path_of(&self.folder.entries[self.draft].id);
        self.info(format!("Filed {id} and saved {}", file.display()));
        self.refresh();
    }

    fn leave_editor(&mut self) {
        let Some(edit) = &self.editing else { return };
        if edit.unsaved() {
            self.overlay = Some(Overlay::Confirm {
                question: "Leave the editor and lose your changes?".into(),
                on_yes: Pending::LeaveEditor,
            });
        } else {
            self.close_editor();
            self.message = None;
            self.refresh();
        }
    }

    fn ask_quit(&mut self) {
        let unsaved = self.editing.as_ref().is_some_and(EditSession::unsaved);
        if unsaved {
            self.overlay = Some(Overlay::Confirm {
                question: "Quit and lose the text you have not filed?".into(),
                on_yes: Pending::Quit,
            });
        } else {
            self.quit = true;
        }
    }

    // ---- Dialogs --------------------------------------------------------

    fn picker(&mut self, action: Action) {
        let Some(Overlay::Picker { filter, selected }) = &mut self.overlay else {
            return;
        };
        let matches = super::shown::partner_matches(&self.folder.session.partners, filter);
        match action {
            Action::Quit => self.quit = true,
            Action::Type(c) => {
                filter.push(c);
                *selected = 0;
            }
            Action::Backspace => {
                filter.pop();
                *selected = 0;
            }
            Action::Cancel => {
                filter.clear();
                *selected = 0;
            }
            Action::Move(m) => *selected = step(*selected, m, matches.len().saturating_sub(1)),
            Action::Submit => {
                if let Some(partner) = matches.get(*selected) {
                    let partner = partner.to_string();
                    self.overlay = None;
                    self.info(format!("You speak for {partner}"));
                    self.me = Some(partner);
                    self.offer_recovery();
                }
            }
            _ => {}
        }
    }

    fn help(&mut self, action: Action) {
        let Some(Overlay::Help { scroll }) = &mut self.overlay else {
            return;
        };
        match action {
            Action::Quit => self.ask_quit(),
            Action::Cancel => self.overlay = None,
            Action::Move(Move::Up) => *scroll = scroll.saturating_sub(1),
            Action::Move(Move::Down) => *scroll += 1,
            Action::Move(Move::PageUp) => *scroll = scroll.saturating_sub(10),
            Action::Move(Move::PageDown) => *scroll += 10,
            _ => {}
        }
    }

    fn prompt(&mut self, action: Action) {
        let Some(Overlay::Prompt { input, purpose, .. }) = &mut self.overlay else {
            return;
        };
        match action {
            Action::Quit => {
                self.overlay = None;
                self.ask_quit();
            }
            Action::Type(c) => input.insert(c),
            // A one-line answer takes the first line of what was pasted.
            Action::Paste(text) => text
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .for_each(|c| input.insert(c)),
            Action::Backspace => input.backspace(),
            Action::Move(m) => input.moved(m),
            Action::Cancel => self.overlay = None,
            Action::Submit => {
                let (answer, purpose) = (input.text.clone(), *purpose);
                self.overlay = None;
                match purpose {
                    PromptFor::Rationale => self.file_proposal(&answer),
                    PromptFor::Find => self.find(&answer),
                    PromptFor::NewDraftTitle => self.open_new_draft(&answer),
                }
            }
            _ => {}
        }
    }

    fn find(&mut self, needle: &str) {
        let Some(edit) = &mut self.editing else {
            return;
        };
        if needle.is_empty() {
            return;
        }
        if edit.editor.find(needle) {
            self.info("Found (F3: next)");
        } else {
            self.error(format!("Not found: {needle}"));
        }
    }

    /// Does what a yes (or, for some questions, a no) asked for: the one
    /// place every [`Pending`] is carried out, whichever dialog asked.
    pub(super) fn carry_out(&mut self, pending: Pending) {
        match pending {
            Pending::Quit => {
                self.close_editor();
                self.quit = true;
            }
            Pending::LeaveEditor => {
                self.close_editor();
                self.info("Left the editor; nothing was filed");
            }
            Pending::Withdraw { draft, proposal } => self.withdraw(&draft, &proposal),
            Pending::TableDraft => self.table_new_draft(),
            Pending::Restore { draft } => self.restore_unfiled(&draft),
            Pending::Discard { draft } => self.discard_unfiled(&draft),
            chairs
            @ (Pending::Adopt { .. } | Pending::FileMerge { .. } | Pending::Agree { .. }) => {
                self.carry_out_chairs(chairs)
            }
        }
    }

    fn confirm(&mut self, action: Action) {
        let Some(Overlay::Confirm { on_yes, .. }) = &self.overlay else {
            return;
        };
        let on_yes = on_yes.clone();
        match action {
            Action::Yes => {
                self.overlay = None;
                self.carry_out(on_yes);
                self.refresh();
            }
            Action::No | Action::Cancel => self.overlay = None,
            _ => {}
        }
    }

    fn withdraw(&mut self, draft: &str, proposal: &str) {
        let Some(me) = self.me.clone() else { return };
        if self
            .folder
            .entries
            .get(self.draft)
            .is_none_or(|e| e.id != draft)
        {
            return self.error("The selection changed; nothing was withdrawn");
        }
        if self
            .change_draft(|d, s| negotiation::withdraw(d, s, &me, proposal, Timestamp::now()))
            .is_some()
        {
            self.info(format!("Withdrew {proposal}"));
        }
    }

    /// Recomputes what the text pane shows from the selection.
    pub(super) fn refresh(&mut self) {
        let width = self.layout().text_inner().width;
        self.shown = Shown::compute(self, width);
        self.scroll = self.scroll.min(self.shown.line_count().saturating_sub(1));
    }
}

/// Applies a movement to the editor.
fn move_editor(editor: &mut super::editor::Editor, movement: Move) {
    match movement {
        Move::Up => editor.move_up(),
        Move::Down => editor.move_down(),
        Move::Left => editor.move_left(),
        Move::Right => editor.move_right(),
        Move::WordLeft => editor.word_left(),
        Move::WordRight => editor.word_right(),
        Move::Home => editor.row_home(),
        Move::End => editor.row_end(),
        Move::Top => editor.doc_start(),
        Move::Bottom => editor.doc_end(),
        Move::PageUp => editor.page_up(),
        Move::PageDown => editor.page_down(),
    }
    editor.seal_undo();
}

/// A list index after `movement`, within 0..=last.
fn step(index: usize, movement: Move, last: usize) -> usize {
    match movement {
        Move::Up | Move::Left => index.saturating_sub(1),
        Move::Down | Move::Right => (index + 1).min(last),
        Move::Home | Move::Top => 0,
        Move::End | Move::Bottom => last,
        Move::PageUp => index.saturating_sub(10),
        Move::PageDown => (index + 10).min(last),
        Move::WordLeft | Move::WordRight => index,
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
