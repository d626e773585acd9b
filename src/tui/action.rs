//! Everything a user can ask for, as data. The keymap turns key presses
//! into these; [`super::app::App::update`] carries them out.

use crate::model::Stance;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // Anywhere.
    Quit,
    Help,
    /// Esc: close the dialog, leave the editor, go back.
    Cancel,
    /// Enter in a list, dialog or prompt.
    Submit,
    Move(Move),
    /// A terminal resize to (width, height).
    Resize(u16, u16),
    /// A mouse click at (column, row) of the screen.
    Click(u16, u16),
    /// Mouse wheel: lines to scroll, negative is up.
    Wheel(i16),
    /// No input for a moment: time for deferred work.
    Idle,
    /// Another session saved something in the drafts folder.
    FilesChanged,

    // Browsing.
    FocusNext,
    CycleView,
    CycleCompare,
    FilterPartner,
    OpenEditor,
    Position(Stance),
    Withdraw,
    /// Mark or unmark the selected proposal for a merge.
    Mark,
    /// Chair: adopt the selected proposal (after a look at the redline).
    Adopt,
    /// Chair: merge the marked (or all open) proposals into a Chair's proposal.
    Merge,
    /// Chair: declare the draft agreed, or agreed ad referendum.
    Agree {
        ad_ref: bool,
    },
    /// The draft's history, with a redline of any two entries.
    History,
    /// In the history: compare from the selected entry.
    Pin,
    /// Export the session (clean, redline, compilation) to a file.
    Export,
    /// Table a new draft: ask its title, then open the editor on its text.
    NewDraft,

    // Editing (the editor and one-line prompts).
    Type(char),
    /// Text pasted into the terminal (bracketed paste): one edit, one undo step.
    Paste(String),
    Newline,
    Backspace,
    Delete,
    DeleteWordLeft,
    Undo,
    Redo,
    Find,
    FindNext,
    Save,
    SwitchLiveBase,
    /// Answers to a yes/no question.
    Yes,
    No,
}

/// Cursor and selection movements, shared by lists, the text pane and the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    Top,
    Bottom,
    PageUp,
    PageDown,
}
