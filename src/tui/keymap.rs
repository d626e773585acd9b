//! Which key does what, in one table per context. The same tables drive the
//! key handling, the hint bar and the help screen, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Move};
use crate::model::Stance;

/// Where the keyboard is: each context has its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Choosing which Partner you speak for.
    Picker,
    /// The drafts, the text and the proposals.
    Browse,
    /// Typing a text.
    Editor,
    /// A one-line question (rationale, search).
    Prompt,
    /// A yes/no question.
    Confirm,
    /// A redline to look at before saying yes (the Chair's moves).
    Review,
    /// A draft's history.
    History,
    /// The export dialog.
    Export,
    Help,
}

impl Context {
    pub const ALL: [Context; 9] = [
        Context::Browse,
        Context::Editor,
        Context::Prompt,
        Context::Confirm,
        Context::Review,
        Context::History,
        Context::Export,
        Context::Picker,
        Context::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Picker => "Choosing your Partner",
            Context::Browse => "Reading drafts and proposals",
            Context::Editor => "Editing a text",
            Context::Prompt => "Answering a question",
            Context::Confirm => "Yes/no questions",
            Context::Review => "Reviewing a Chair's move",
            Context::History => "A draft's history",
            Context::Export => "Exporting",
            Context::Help => "This help",
        }
    }

    /// Whether plain characters are typed as text here.
    fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Editor | Context::Prompt | Context::Picker | Context::Export
        )
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::CONTROL,
    }
}

/// One line of the table.
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in the hint bar and help, e.g. `^S`.
    pub label: &'static str,
    pub action: Action,
    /// What it does, in a negotiator's words.
    pub what: &'static str,
    /// Its short name in the hint bar; `None` when only help lists it.
    pub hint: Option<&'static str>,
    /// Only the Chair may do it: the hint bar shows it to the Chair only.
    pub chair_only: bool,
}

const fn bind(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    what: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        what,
        hint,
        chair_only: false,
    }
}

/// A binding for the Chair's moves.
const fn chair(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    what: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    let mut binding = bind(keys, label, action, what, hint);
    binding.chair_only = true;
    binding
}

use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab,
    Up,
};

const QUIT: Binding = bind(
    &[ctrl(KeyCode::Char('q'))],
    "^Q",
    Action::Quit,
    "Quit plenary (asks if a text is not filed)",
    Some("Quit"),
);
const HELP_F1: Binding = bind(
    &[key(F(1))],
    "F1",
    Action::Help,
    "Help: every key",
    Some("Help"),
);

static BROWSE: &[Binding] = &[
    bind(
        &[ch('?'), key(F(1))],
        "?",
        Action::Help,
        "Help: every key",
        Some("Help"),
    ),
    bind(
        &[ctrl(KeyCode::Char('q')), ch('q')],
        "^Q",
        Action::Quit,
        "Quit plenary",
        Some("Quit"),
    ),
    bind(
        &[key(Enter), ch('e')],
        "Enter",
        Action::OpenEditor,
        "Edit: propose a new text, or revise your open proposal",
        Some("Edit"),
    ),
    bind(
        &[ch('n')],
        "n",
        Action::NewDraft,
        "Table a new draft as your Partner: its title, then its text",
        None,
    ),
    bind(
        &[key(Tab), key(BackTab)],
        "Tab",
        Action::FocusNext,
        "Switch between the drafts and the proposals",
        Some("Switch pane"),
    ),
    bind(
        &[ch('h')],
        "h",
        Action::History,
        "History: versions, proposals and positions, with redlines",
        Some("History"),
    ),
    chair(
        &[ch('a')],
        "a",
        Action::Adopt,
        "Chair: adopt the selected proposal as the new version",
        Some("Adopt"),
    ),
    chair(
        &[ch(' ')],
        "Space",
        Action::Mark,
        "Chair: mark the selected proposal for a merge",
        None,
    ),
    chair(
        &[ch('m')],
        "m",
        Action::Merge,
        "Chair: merge the marked proposals (or all open ones) into a text of yours",
        Some("Merge"),
    ),
    chair(
        &[ch('g')],
        "g",
        Action::Agree { ad_ref: false },
        "Chair: declare the draft agreed",
        Some("Agree"),
    ),
    chair(
        &[ch('G')],
        "G",
        Action::Agree { ad_ref: true },
        "Chair: declare the draft agreed ad referendum",
        None,
    ),
    bind(
        &[ch('v')],
        "v",
        Action::CycleView,
        "View: redline, side by side, clean text",
        Some("View"),
    ),
    bind(
        &[ch('c')],
        "c",
        Action::CycleCompare,
        "Compare with: original, base, current text, other proposals",
        Some("Compare"),
    ),
    bind(
        &[ch('s')],
        "s",
        Action::Position(Stance::Support),
        "Support the selected proposal",
        Some("Support"),
    ),
    bind(
        &[ch('o')],
        "o",
        Action::Position(Stance::Object),
        "Object to the selected proposal",
        Some("Object"),
    ),
    bind(
        &[ch('r')],
        "r",
        Action::Position(Stance::Reserve),
        "Reserve your position on the selected proposal",
        Some("Reserve"),
    ),
    bind(
        &[ch('x')],
        "x",
        Action::Export,
        "Export the session: clean text, redline or compilation, as docx, html, md or txt",
        Some("Export"),
    ),
    bind(
        &[ch('f')],
        "f",
        Action::FilterPartner,
        "Filter proposals by Partner (repeat for the next; all at the end)",
        None,
    ),
    bind(
        &[ch('w')],
        "w",
        Action::Withdraw,
        "Withdraw your selected proposal",
        None,
    ),
    bind(
        &[key(Up)],
        "↑",
        Action::Move(Move::Up),
        "Previous draft or proposal",
        None,
    ),
    bind(
        &[key(Down)],
        "↓",
        Action::Move(Move::Down),
        "Next draft or proposal",
        None,
    ),
    bind(
        &[key(PageUp)],
        "PgUp",
        Action::Move(Move::PageUp),
        "Scroll the text up",
        None,
    ),
    bind(
        &[key(PageDown)],
        "PgDn",
        Action::Move(Move::PageDown),
        "Scroll the text down",
        None,
    ),
    bind(
        &[key(Home)],
        "Home",
        Action::Move(Move::Top),
        "First item",
        None,
    ),
    bind(
        &[key(End)],
        "End",
        Action::Move(Move::Bottom),
        "Last item",
        None,
    ),
];

static EDITOR: &[Binding] = &[
    HELP_F1,
    bind(
        &[ctrl(KeyCode::Char('s'))],
        "^S",
        Action::Save,
        "File the text as your proposal (asks for a rationale), or table your new draft",
        Some("File"),
    ),
    bind(
        &[key(Esc)],
        "Esc",
        Action::Cancel,
        "Leave the editor (asks if the text is not filed)",
        Some("Leave"),
    ),
    bind(
        &[ctrl(KeyCode::Char('z'))],
        "^Z",
        Action::Undo,
        "Undo",
        Some("Undo"),
    ),
    bind(
        &[ctrl(KeyCode::Char('y'))],
        "^Y",
        Action::Redo,
        "Redo",
        Some("Redo"),
    ),
    bind(
        &[ctrl(KeyCode::Char('f'))],
        "^F",
        Action::Find,
        "Find",
        Some("Find"),
    ),
    bind(
        &[key(F(3))],
        "F3",
        Action::FindNext,
        "Find the next match",
        Some("Next"),
    ),
    bind(
        &[key(F(2))],
        "F2",
        Action::SwitchLiveBase,
        "Live redline against the original or the current text",
        Some("Against"),
    ),
    QUIT,
    bind(&[key(Left)], "←", Action::Move(Move::Left), "Left", None),
    bind(&[key(Right)], "→", Action::Move(Move::Right), "Right", None),
    bind(&[key(Up)], "↑", Action::Move(Move::Up), "Up a line", None),
    bind(
        &[key(Down)],
        "↓",
        Action::Move(Move::Down),
        "Down a line",
        None,
    ),
    bind(
        &[ctrl(Left)],
        "^←",
        Action::Move(Move::WordLeft),
        "Previous word",
        None,
    ),
    bind(
        &[ctrl(Right)],
        "^→",
        Action::Move(Move::WordRight),
        "Next word",
        None,
    ),
    bind(
        &[key(Home)],
        "Home",
        Action::Move(Move::Home),
        "Start of the line",
        None,
    ),
    bind(
        &[key(End)],
        "End",
        Action::Move(Move::End),
        "End of the line",
        None,
    ),
    bind(
        &[ctrl(Home)],
        "^Home",
        Action::Move(Move::Top),
        "Start of the text",
        None,
    ),
    bind(
        &[ctrl(End)],
        "^End",
        Action::Move(Move::Bottom),
        "End of the text",
        None,
    ),
    bind(
        &[key(PageUp)],
        "PgUp",
        Action::Move(Move::PageUp),
        "Page up",
        None,
    ),
    bind(
        &[key(PageDown)],
        "PgDn",
        Action::Move(Move::PageDown),
        "Page down",
        None,
    ),
    bind(&[key(Enter)], "Enter", Action::Newline, "New line", None),
    bind(
        &[key(Backspace)],
        "Backspace",
        Action::Backspace,
        "Delete the character before the cursor",
        None,
    ),
    bind(
        &[key(Delete)],
        "Del",
        Action::Delete,
        "Delete the character under the cursor",
        None,
    ),
    bind(
        &[
            ctrl(Backspace),
            ctrl(KeyCode::Char('w')),
            ctrl(KeyCode::Char('h')),
        ],
        "^W",
        Action::DeleteWordLeft,
        "Delete the word before the cursor",
        None,
    ),
];

static PROMPT: &[Binding] = &[
    bind(
        &[key(Enter)],
        "Enter",
        Action::Submit,
        "Accept the answer",
        Some("Accept"),
    ),
    bind(
        &[key(Esc)],
        "Esc",
        Action::Cancel,
        "Cancel the question",
        Some("Cancel"),
    ),
    bind(
        &[key(Backspace)],
        "Backspace",
        Action::Backspace,
        "Delete the character before the cursor",
        None,
    ),
    bind(
        &[key(Left)],
        "←",
        Action::Move(Move::Left),
        "Cursor left",
        None,
    ),
    bind(
        &[key(Right)],
        "→",
        Action::Move(Move::Right),
        "Cursor right",
        None,
    ),
    bind(
        &[key(Home)],
        "Home",
        Action::Move(Move::Home),
        "Start of the answer",
        None,
    ),
    bind(
        &[key(End)],
        "End",
        Action::Move(Move::End),
        "End of the answer",
        None,
    ),
    QUIT,
];

static CONFIRM: &[Binding] = &[
    bind(&[ch('y'), ch('Y')], "y", Action::Yes, "Yes", Some("Yes")),
    bind(&[ch('n'), ch('N')], "n", Action::No, "No", Some("No")),
    bind(
        &[key(Esc)],
        "Esc",
        Action::Cancel,
        "Go back without answering",
        Some("Back"),
    ),
];

static REVIEW: &[Binding] = &[
    bind(
        &[ch('y'), ch('Y')],
        "y",
        Action::Yes,
        "Yes, do it",
        Some("Yes"),
    ),
    bind(&[ch('n'), ch('N')], "n", Action::No, "No", Some("No")),
    bind(
        &[key(Esc), key(Enter)],
        "Esc",
        Action::Cancel,
        "Close without doing anything",
        Some("Back"),
    ),
    bind(&[key(Up)], "↑", Action::Move(Move::Up), "Scroll up", None),
    bind(
        &[key(Down)],
        "↓",
        Action::Move(Move::Down),
        "Scroll down",
        None,
    ),
    bind(
        &[key(PageUp)],
        "PgUp",
        Action::Move(Move::PageUp),
        "Page up",
        None,
    ),
    bind(
        &[key(PageDown)],
        "PgDn",
        Action::Move(Move::PageDown),
        "Page down",
        None,
    ),
    QUIT,
];

static HISTORY: &[Binding] = &[
    bind(
        &[key(Esc), ch('q'), ch('h')],
        "Esc",
        Action::Cancel,
        "Close the history",
        Some("Close"),
    ),
    bind(
        &[key(Up)],
        "↑",
        Action::Move(Move::Up),
        "Previous entry",
        Some("Previous"),
    ),
    bind(
        &[key(Down)],
        "↓",
        Action::Move(Move::Down),
        "Next entry",
        Some("Next"),
    ),
    bind(
        &[ch(' ')],
        "Space",
        Action::Pin,
        "Compare from this entry (again: back to each entry's own base)",
        Some("Compare from here"),
    ),
    bind(
        &[key(PageUp)],
        "PgUp",
        Action::Move(Move::PageUp),
        "Scroll the redline up",
        None,
    ),
    bind(
        &[key(PageDown)],
        "PgDn",
        Action::Move(Move::PageDown),
        "Scroll the redline down",
        None,
    ),
    QUIT,
];

static EXPORT: &[Binding] = &[
    bind(
        &[key(Enter)],
        "Enter",
        Action::Submit,
        "Write the file",
        Some("Write"),
    ),
    bind(
        &[key(Esc)],
        "Esc",
        Action::Cancel,
        "Close without writing",
        Some("Cancel"),
    ),
    bind(
        &[key(Up)],
        "↑",
        Action::Move(Move::Up),
        "Previous line (view, format, file)",
        None,
    ),
    bind(
        &[key(Down)],
        "↓",
        Action::Move(Move::Down),
        "Next line",
        None,
    ),
    bind(
        &[key(Left)],
        "←",
        Action::Move(Move::Left),
        "Previous choice (or cursor left in the file name)",
        Some("Choose"),
    ),
    bind(
        &[key(Right)],
        "→",
        Action::Move(Move::Right),
        "Next choice (or cursor right in the file name)",
        None,
    ),
    bind(
        &[key(Backspace)],
        "Backspace",
        Action::Backspace,
        "Delete in the file name (type to change it)",
        None,
    ),
    QUIT,
];

static PICKER: &[Binding] = &[
    bind(
        &[key(Enter)],
        "Enter",
        Action::Submit,
        "Speak for the highlighted Partner",
        Some("Choose"),
    ),
    bind(
        &[key(Up)],
        "↑",
        Action::Move(Move::Up),
        "Previous Partner",
        Some("Previous"),
    ),
    bind(
        &[key(Down)],
        "↓",
        Action::Move(Move::Down),
        "Next Partner",
        Some("Next"),
    ),
    bind(
        &[key(Backspace)],
        "Backspace",
        Action::Backspace,
        "Edit the filter (type a name to filter)",
        None,
    ),
    bind(&[key(Esc)], "Esc", Action::Cancel, "Clear the filter", None),
    QUIT,
];

static HELP: &[Binding] = &[
    bind(
        &[key(Esc), ch('q'), ch('?'), key(F(1))],
        "Esc",
        Action::Cancel,
        "Close help",
        Some("Close"),
    ),
    bind(
        &[key(Up)],
        "↑",
        Action::Move(Move::Up),
        "Scroll up",
        Some("Up"),
    ),
    bind(
        &[key(Down)],
        "↓",
        Action::Move(Move::Down),
        "Scroll down",
        Some("Down"),
    ),
    bind(
        &[key(PageUp)],
        "PgUp",
        Action::Move(Move::PageUp),
        "Page up",
        None,
    ),
    bind(
        &[key(PageDown)],
        "PgDn",
        Action::Move(Move::PageDown),
        "Page down",
        None,
    ),
    QUIT,
];

/// The table for `context`.
pub fn bindings(context: Context) -> &'static [Binding] {
    match context {
        Context::Picker => PICKER,
        Context::Browse => BROWSE,
        Context::Editor => EDITOR,
        Context::Prompt => PROMPT,
        Context::Confirm => CONFIRM,
        Context::Review => REVIEW,
        Context::History => HISTORY,
        Context::Export => EXPORT,
        Context::Help => HELP,
    }
}

/// The table for `context` as Markdown rows (`| keys | what |`), as the
/// README shows it; `tests/docs.rs` keeps the two the same.
pub fn markdown(context: Context) -> String {
    let mut out = String::from("| key | what it does |\n|---|---|\n");
    for b in bindings(context) {
        out.push_str(&format!("| `{}` | {} |\n", b.label, b.what));
    }
    out
}

/// What `event` means in `context`, if anything.
pub fn action_for(context: Context, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Shift only changes which character arrives; it is not part of the binding
    // for characters (`?` is Shift+/ on many keyboards).
    let mods = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    let pressed = Key {
        code: event.code,
        mods,
    };
    let bound = bindings(context)
        .iter()
        .find(|b| b.keys.contains(&pressed))
        .map(|b| b.action.clone());
    if bound.is_some() {
        return bound;
    }
    match event.code {
        KeyCode::Char(c)
            if context.takes_text()
                && !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn a_key_means_different_things_in_different_contexts() {
        let e = press(KeyCode::Char('e'), KeyModifiers::NONE);
        assert_eq!(action_for(Context::Browse, e), Some(Action::OpenEditor));
        assert_eq!(action_for(Context::Editor, e), Some(Action::Type('e')));
        assert_eq!(action_for(Context::Confirm, e), None);
    }

    #[test]
    fn shifted_characters_and_control_keys() {
        let question = press(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Context::Browse, question), Some(Action::Help));
        let capital = press(KeyCode::Char('É'), KeyModifiers::SHIFT);
        assert_eq!(
            action_for(Context::Editor, capital),
            Some(Action::Type('É'))
        );
        let save = press(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Context::Editor, save), Some(Action::Save));
        let unbound = press(KeyCode::Char('k'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(Context::Editor, unbound),
            None,
            "no stray typing"
        );
    }

    #[test]
    fn every_context_can_quit_or_go_back_and_no_key_is_bound_twice() {
        for context in Context::ALL {
            let table = bindings(context);
            assert!(
                table
                    .iter()
                    .any(|b| matches!(b.action, Action::Quit | Action::Cancel)),
                "{context:?} is a trap"
            );
            for (i, a) in table.iter().enumerate() {
                for b in &table[i + 1..] {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{context:?}: {k:?} bound twice");
                    }
                }
            }
        }
    }
}
