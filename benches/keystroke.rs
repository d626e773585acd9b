//! Keystroke-to-frame cost: one typed character (`App::update`) plus a
//! full render into a `TestBackend`, in the middle of a 1 KB and of a 1 MB
//! single-paragraph draft. The goal: the 1 MB cost within 3x of the 1 KB
//! cost, i.e. typing does not slow down as the text grows.
//!
//!     cargo bench --bench keystroke
//!
//! Also reported, separately: the live redline refresh that runs when
//! typing pauses (a full word diff, which does grow with the text).

use std::path::Path;
use std::time::{Duration, Instant};

use plenary::store::{EntryState, load_folder};
use plenary::tui::action::{Action, Move};
use plenary::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const KEYS: usize = 2_000;

fn main() {
    println!("keystroke = App::update(Type) + draw into a 120x40 TestBackend; mean of {KEYS} keys");
    let small = measure(1_000);
    let large = measure(1_000_000);
    let ratio = large.0.as_secs_f64() / small.0.as_secs_f64();
    println!(
        "ratio 1 MB / 1 KB: {ratio:.2} (goal: at most 3.00) {}",
        if ratio <= 3.0 { "ok" } else { "OVER GOAL" }
    );
    println!(
        "work after a pause in typing (live redline, safety copy), 1 MB: {:.1} ms (texts up to {} chars are re-diffed on every keystroke, inside the numbers above)",
        ms(large.1),
        plenary::tui::edit::LIVE_EVERY_KEY_CHARS
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// (mean keystroke, one idle refresh) for a paragraph of about `bytes`.
fn measure(bytes: usize) -> (Duration, Duration) {
    let tmp = tempfile::tempdir().unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    for entry in std::fs::read_dir(bundled).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), tmp.path().join(entry.file_name())).unwrap();
    }
    let mut folder = load_folder(tmp.path()).unwrap();
    let EntryState::Loaded(mut draft) = folder.entries[0].state.clone() else {
        panic!("bundled draft loads")
    };
    draft.versions[0].text = paragraph(bytes);
    folder.save_draft(draft).unwrap();

    let mut app = App::new(folder, Some("France".into()), (120, 40), true);
    // Browsing: moving back onto the draft redlines and wraps its text.
    app.update(Action::Move(Move::Down));
    let start = Instant::now();
    app.update(Action::Move(Move::Up));
    let select = start.elapsed();
    app.update(Action::OpenEditor);
    let edit = app.editing.as_mut().expect("the editor opened");
    edit.editor.set_cursor(edit.editor.len_chars() / 2);
    app.update(Action::Move(Move::Left));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let draw = |terminal: &mut Terminal<TestBackend>, app: &App| {
        terminal.draw(|f| plenary::tui::view::draw(f, app)).unwrap();
    };
    for _ in 0..50 {
        app.update(Action::Type('x'));
        draw(&mut terminal, &app);
    }
    let (mut updating, mut drawing) = (Duration::ZERO, Duration::ZERO);
    for i in 0..KEYS {
        let c = if i % 6 == 5 { ' ' } else { 'x' };
        let start = Instant::now();
        app.update(Action::Type(c));
        let drawn = Instant::now();
        draw(&mut terminal, &app);
        updating += drawn - start;
        drawing += drawn.elapsed();
    }
    let per_key = (updating + drawing) / KEYS as u32;
    let start = Instant::now();
    app.update(Action::Idle);
    let refresh = start.elapsed();
    let micros = |d: Duration| d.as_secs_f64() * 1e6 / KEYS as f64;
    println!(
        "{:>9} bytes: {:8.1} µs per keystroke ({:.1} µs update, {:.1} µs draw); selecting the draft in the list: {:.1} ms",
        bytes,
        per_key.as_secs_f64() * 1e6,
        micros(updating),
        micros(drawing),
        ms(select)
    );
    (per_key, refresh)
}

/// English-like prose without line breaks.
fn paragraph(bytes: usize) -> String {
    const WORDS: [&str; 12] = [
        "Partners", "agree", "on", "the", "utility", "of", "updating", "list", "entities",
        "concern,", "export", "control.",
    ];
    let mut out = String::with_capacity(bytes + 16);
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(WORDS[(i * 7 + i / 12) % WORDS.len()]);
        out.push(' ');
        i += 1;
    }
    out.truncate(out.trim_end().len());
    out
}
