//! The terminal UI: the main job, opened by `plenary` with no command.
//!
//! Read [`app`] first: the state and its one `update` function. Then
//! [`keymap`] (keys to [`action::Action`]s) and [`view`] (state to screen).
//! This file owns the terminal: raw mode, the alternate screen and the
//! mouse, restored on every way out (quit, error, panic, SIGHUP/SIGTERM).

pub mod action;
pub mod app;
pub mod chair;
pub mod edit;
pub mod editor;
pub mod export;
pub mod keymap;
pub mod layout;
pub mod live;
pub mod present;
pub mod recover;
pub mod shown;
mod tabling;
#[cfg(test)]
mod testing;
pub mod view;

use std::io::stdout;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use anyhow::Context as _;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use action::Action;
use app::App;
use keymap::Context;

use crate::store::Folder;

/// How long input may pause before deferred work runs: the live redline of
/// a long text, the safety copy of unfiled text.
const IDLE: Duration = Duration::from_millis(150);

/// What the terminal loop drives: the editor ([`App`]) or the room's
/// screen ([`present::Presenter`]).
pub trait Screen {
    fn draw(&self, frame: &mut ratatui::Frame);
    /// A terminal event: a key, the mouse, a paste, a resize.
    fn handle(&mut self, event: &Event);
    /// No input for a moment.
    fn idle(&mut self);
    /// Another session saved something in the drafts folder.
    fn files_changed(&mut self);
    fn done(&self) -> bool;
    /// Text typed and not filed, for the handlers to keep if plenary is
    /// ended from outside.
    fn unfiled(&self) -> Option<recover::Unfiled> {
        None
    }
}

impl Screen for App {
    fn draw(&self, frame: &mut ratatui::Frame) {
        view::draw(frame, self);
    }
    fn handle(&mut self, event: &Event) {
        if let Some(action) = action_of(event, self.context()) {
            self.update(action);
        }
    }
    fn idle(&mut self) {
        self.update(Action::Idle);
    }
    fn files_changed(&mut self) {
        self.update(Action::FilesChanged);
    }
    fn done(&self) -> bool {
        self.quit
    }
    fn unfiled(&self) -> Option<recover::Unfiled> {
        App::unfiled(self)
    }
}

/// Runs the editor on `folder` until the user quits or a signal ends it.
pub fn run(folder: Folder, me: Option<String>) -> anyhow::Result<()> {
    let dir = folder.dir.clone();
    let color = crate::terminal::color_wanted();
    run_screen(&dir, |size| App::new(folder, me, size, color))
}

/// Runs the presenter (read-only, for the room's screen) on `folder`,
/// showing `draft` only, or every draft in turn.
pub fn present(folder: Folder, draft: Option<String>) -> anyhow::Result<()> {
    let dir = folder.dir.clone();
    let color = crate::terminal::color_wanted();
    // The presenter lays out to the frame it is given: no size to keep.
    run_screen(&dir, |_size| present::Presenter::new(folder, draft, color))
}

/// Owns the terminal for `make`'s screen, watching `dir` for other
/// sessions' saves, and puts the terminal back however it ends.
fn run_screen<S: Screen>(dir: &Path, make: impl FnOnce((u16, u16)) -> S) -> anyhow::Result<()> {
    // The unfiled text, for the signal and panic handlers to keep.
    let unfiled: Shared = Arc::new(Mutex::new(None));
    let hangup = watch_for_hangup(unfiled.clone())?;
    let default_hook = std::panic::take_hook();
    let for_panic = unfiled.clone();
    let mut terminal = ratatui::try_init().context("opening the terminal")?;
    let _restore = Restore;
    // Our own hook instead of ratatui's: it also turns the mouse off, and
    // it stays quiet if the terminal is gone (ratatui's would print, and a
    // failed print in a panic hook aborts).
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(guard) = for_panic.try_lock() {
            keep_unfiled(&guard);
        }
        drop(Restore);
        default_hook(info);
    }));
    execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)
        .context("enabling the mouse and paste")?;

    // Other sessions' saves show within about a second; without a watch
    // (no events, no polling) plenary still works, it just does not follow.
    let watch = crate::store::watch::FolderWatch::new(dir).ok();
    let size = terminal.size().context("reading the terminal size")?;
    let mut screen = make((size.width, size.height));
    let ended = event_loop(&mut terminal, &mut screen, watch.as_ref(), &unfiled);
    if let Err(e) = &ended {
        // The terminal failed under us: keep what was being typed first.
        keep_unfiled(&screen.unfiled());
        if terminal_gone(e) {
            // It went away (SIGHUP is on its way): end as the hang-up
            // handler would, whichever of the two notices first.
            drop(Restore);
            std::process::exit(128 + signal_hook::consts::SIGHUP);
        }
    }
    hangup.close();
    ended
}

/// Draws, reads input and applies it until the screen is done.
fn event_loop<S: Screen>(
    terminal: &mut ratatui::DefaultTerminal,
    screen: &mut S,
    watch: Option<&crate::store::watch::FolderWatch>,
    unfiled: &Shared,
) -> anyhow::Result<()> {
    while !screen.done() {
        *unfiled.lock().unwrap_or_else(PoisonError::into_inner) = screen.unfiled();
        terminal
            .draw(|frame| screen.draw(frame))
            .context("drawing")?;
        if watch.is_some_and(|w| w.changed()) {
            screen.files_changed();
        }
        if !event::poll(IDLE).context("reading input")? {
            screen.idle();
            continue;
        }
        // Apply everything already typed before drawing again, so a burst
        // of keys (or a paste) costs one frame, not one per key.
        loop {
            let event = event::read().context("reading input")?;
            screen.handle(&event);
            if screen.done() || !event::poll(Duration::ZERO).context("reading input")? {
                break;
            }
        }
    }
    Ok(())
}

/// Whether `e` says the terminal is gone (its pty closed), not a bug.
fn terminal_gone(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| {
            io.raw_os_error() == Some(EIO)
                || matches!(
                    io.kind(),
                    std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::UnexpectedEof
                )
        })
    })
}

/// EIO (5 on Linux and the BSDs): what reading or writing a pty whose
/// other end closed gives.
const EIO: i32 = 5;

/// The latest snapshot of unfiled text, shared with the handlers.
type Shared = Arc<Mutex<Option<recover::Unfiled>>>;

/// Keeps the snapshot's text on disk, if there is one (best effort: this
/// runs as plenary is being ended).
fn keep_unfiled(snapshot: &Option<recover::Unfiled>) {
    if let Some(unfiled) = snapshot {
        let _ = unfiled.keep();
    }
}

/// On SIGHUP (the terminal went away: an ssh connection dropped, a window
/// closed) or SIGTERM, keeps any unfiled text, restores the terminal and
/// exits with 128 + signal.
///
/// This runs on a thread of its own because the main thread cannot be
/// relied on to notice: once the terminal is gone, crossterm's `read`
/// spins on end-of-file and never returns.
fn watch_for_hangup(unfiled: Shared) -> anyhow::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGHUP, SIGTERM]).context("watching for signals")?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            keep_unfiled(&unfiled.lock().unwrap_or_else(PoisonError::into_inner));
            drop(Restore);
            std::process::exit(128 + signal);
        }
    });
    Ok(handle)
}

/// Puts the terminal back however `run` ends.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        // Best effort: the terminal may already be gone.
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        let _ = ratatui::try_restore();
    }
}

/// What a terminal event asks for in `context`.
pub fn action_of(event: &Event, context: Context) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::action_for(context, *key),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(-3)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(3)),
            _ => None,
        },
        _ => None,
    }
}
