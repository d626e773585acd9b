//! The export dialog: choose a view and a format, name the file, write it.
//! The same core as `plenary export` (`crate::export`).

use std::path::{Path, PathBuf};

use super::action::{Action, Move};
use super::app::{App, LineInput, Overlay};
use crate::export::{self, Format, Options, View};
use crate::store::{EntryState, write_atomic};

/// The dialog's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    pub view: View,
    pub format: Format,
    pub file: LineInput,
    /// 0 view, 1 format, 2 file name.
    pub row: usize,
    /// The file name was typed by the user: choices no longer rename it.
    pub named: bool,
}

pub const VIEWS: [View; 3] = [View::Clean, View::Redline, View::Compilation];
pub const FORMATS: [Format; 4] = [Format::Docx, Format::Html, Format::Md, Format::Txt];

/// The word for a view, as `plenary export --view` spells it.
pub fn view_word(view: View) -> &'static str {
    match view {
        View::Clean => "clean",
        View::Redline => "redline",
        View::Compilation => "compilation",
    }
}

impl ExportDialog {
    fn new() -> Self {
        let mut dialog = ExportDialog {
            view: View::Compilation,
            format: Format::Docx,
            file: LineInput::default(),
            row: 0,
            named: false,
        };
        dialog.rename();
        dialog
    }

    /// `plenary-compilation.docx`, unless the user named the file.
    fn rename(&mut self) {
        if !self.named {
            let name = format!(
                "plenary-{}.{}",
                view_word(self.view),
                self.format.extension()
            );
            self.file = LineInput::new(&name);
        }
    }

    fn cycle(&mut self, forward: bool) {
        fn next<T: Copy + PartialEq>(all: &[T], now: T, forward: bool) -> T {
            let i = all.iter().position(|x| *x == now).unwrap_or(0);
            let n = all.len();
            all[if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }]
        }
        match self.row {
            0 => self.view = next(&VIEWS, self.view, forward),
            1 => self.format = next(&FORMATS, self.format, forward),
            _ => {}
        }
        self.rename();
    }
}

impl App {
    pub(super) fn open_export(&mut self) {
        self.overlay = Some(Overlay::Export(ExportDialog::new()));
    }

    pub(super) fn export_dialog(&mut self, action: Action) {
        let Some(Overlay::Export(dialog)) = &mut self.overlay else {
            return;
        };
        match action {
            Action::Cancel => self.overlay = None,
            Action::Quit => {
                self.overlay = None;
                self.quit = true;
            }
            Action::Move(Move::Up) => dialog.row = dialog.row.saturating_sub(1),
            Action::Move(Move::Down) => dialog.row = (dialog.row + 1).min(2),
            Action::Move(m @ (Move::Left | Move::Right)) if dialog.row < 2 => {
                dialog.cycle(m == Move::Right);
            }
            Action::Move(m) => dialog.file.moved(m),
            Action::Type(c) => {
                dialog.row = 2;
                dialog.named = true;
                dialog.file.insert(c);
            }
            Action::Backspace => {
                dialog.row = 2;
                dialog.named = true;
                dialog.file.backspace();
            }
            Action::Submit => {
                let dialog = dialog.clone();
                self.write_export(&dialog);
            }
            _ => {}
        }
    }

    /// Writes the export; on success the dialog closes and the message line
    /// says where it went, on failure it stays open with the reason.
    fn write_export(&mut self, dialog: &ExportDialog) {
        let path = PathBuf::from(dialog.file.text.trim());
        match self.export_to(dialog, &path) {
            Ok(count) => {
                self.overlay = None;
                let s = if count == 1 { "" } else { "s" };
                self.info(format!("Wrote {} ({count} draft{s})", path.display()));
            }
            Err(why) => self.error(why),
        }
    }

    fn export_to(&self, dialog: &ExportDialog, path: &Path) -> Result<usize, String> {
        if path.as_os_str().is_empty() {
            return Err("Name the file to write".into());
        }
        if self.folder.owns(path) {
            return Err(
                "That is a file of the drafts folder: exports never overwrite drafts".into(),
            );
        }
        if let Some(failed) = self
            .folder
            .entries
            .iter()
            .find(|e| matches!(e.state, EntryState::Failed(_)))
        {
            return Err(format!(
                "{} failed to load: fix it first (plenary validate), or export from the shell with --drafts-only",
                failed.id
            ));
        }
        let options = Options {
            view: dialog.view,
            ..Options::default()
        };
        let drafts: Vec<_> = self.folder.drafts().collect();
        let document =
            export::build(&self.folder.session, &drafts, &options).map_err(|e| e.to_string())?;
        let bytes = export::render(&document, dialog.format).map_err(|e| e.to_string())?;
        write_atomic(path, &bytes).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        Ok(document.sections.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::testing::app_as;

    #[test]
    fn choices_name_the_file_until_the_user_does() {
        let mut dialog = ExportDialog::new();
        assert_eq!(dialog.file.text, "plenary-compilation.docx");
        dialog.cycle(true);
        assert_eq!(dialog.file.text, "plenary-clean.docx");
        dialog.row = 1;
        dialog.cycle(false);
        assert_eq!(dialog.file.text, "plenary-clean.txt");
        dialog.named = true;
        dialog.cycle(true);
        assert_eq!(dialog.format, Format::Docx);
        assert_eq!(dialog.file.text, "plenary-clean.txt");
    }

    #[test]
    fn the_dialog_writes_the_export_where_it_is_named() {
        let (tmp, mut app) = app_as("France");
        app.update(Action::Export);
        let Some(Overlay::Export(dialog)) = &mut app.overlay else {
            panic!("no export dialog")
        };
        let out = tmp.path().join("out.html");
        dialog.named = true;
        dialog.file = LineInput::new(&out.to_string_lossy());
        dialog.format = Format::Html;
        app.update(Action::Submit);
        assert_eq!(app.overlay, None, "{:?}", app.message);
        let html = std::fs::read_to_string(&out).unwrap();
        assert!(html.contains("Entities of Concern"), "{html}");
        assert!(app.message.unwrap().text.starts_with("Wrote "));
    }

    #[test]
    fn a_yaml_name_is_refused_and_nothing_is_written() {
        let (tmp, mut app) = app_as("France");
        app.update(Action::Export);
        let target = app.folder.path_of("round-table");
        let before = std::fs::read(&target).unwrap();
        if let Some(Overlay::Export(dialog)) = &mut app.overlay {
            dialog.file = LineInput::new(&target.to_string_lossy());
        }
        app.update(Action::Submit);
        assert!(matches!(app.overlay, Some(Overlay::Export(_))));
        assert!(
            app.message
                .clone()
                .unwrap()
                .text
                .contains("never overwrite drafts")
        );
        assert_eq!(std::fs::read(&target).unwrap(), before);
        drop(tmp);
    }
}
