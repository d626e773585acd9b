//! The text editor at the heart of plenary: plain state, no terminal.
//!
//! Negotiators draft consensus language, they do not program, so editing is
//! modeless, as in nano or a word processor: keys type, arrows move,
//! Backspace deletes. The terminal layer maps its key and mouse events to the
//! methods of [`Editor`] and draws [`Editor::view`]; nothing here knows about
//! ratatui or crossterm, so all of it is tested without a terminal.
//!
//! # Positions
//!
//! Positions are char indices into the text. The cursor always sits between
//! two grapheme clusters: what a reader sees as one character ("é" as `e` +
//! U+0301, "👍🏽", a ZWJ family, a flag) is stepped over and deleted as one
//! (see `graphemes.rs`). Paragraphs are separated by `\n`; a lone `\r` and
//! other control characters are ordinary, visible characters (shown as the
//! placeholders of [`crate::sanitize`]).
//!
//! # Layout
//!
//! Paragraphs are soft-wrapped at word boundaries to the viewport's width
//! (`wrap.rs` has the exact rule). Up and Down move by visual row and keep the
//! column they started from (the *goal column*) across short rows. A cursor
//! at the boundary between two rows of a paragraph is drawn at the start of
//! the lower one; End on a wrapped row therefore stops before the row's last
//! character (usually the space it broke at), and on a paragraph's last row
//! at the paragraph's end, for which wrapping always leaves a cell (see
//! `layout.rs`). Until [`Editor::set_viewport`] is called the viewport is 80 by
//! 24 cells.
//!
//! # Cost
//!
//! The text is a [`ropey::Rope`]; the wrap is cached per paragraph, updated
//! locally after an edit and otherwise computed only for the rows someone
//! looks at (see `wrap.rs`). A keystroke therefore costs the same in a
//! one-page draft as in the middle of a one-megabyte paragraph
//! (`examples/keystroke.rs` measures it), and so do loading a draft and
//! resizing the terminal; a jump far into text not wrapped yet (Ctrl+End
//! right after loading) pays once for wrapping the way there. Until all is
//! wrapped, [`View::total_rows`] counts the rest by an estimate.
//!
//! # Undo
//!
//! Undo groups keystrokes as a word processor does (see `history.rs`). The
//! editing methods take the time as `now_ms`, from the caller's clock: a
//! pause longer than the editor's pause (1000 ms by default, see
//! [`Editor::with_pause`]) starts a new step.

mod buffer;
mod editing;
mod find;
mod gap;
mod graphemes;
mod history;
mod layout;
mod motion;
mod saved;
mod view;
mod wrap;

#[cfg(test)]
mod editor_tests;
#[cfg(test)]
mod prop_tests;
#[cfg(test)]
mod unicode_tests;
#[cfg(test)]
mod wrap_tests;

pub use view::{View, VisualRow};

use buffer::Buffer;
use find::Search;
use history::History;
use saved::Saved;

/// Pause after which typing starts a new undo step.
const DEFAULT_PAUSE_MS: u64 = 1000;
/// Viewport assumed until the terminal layer reports one.
const DEFAULT_VIEWPORT: (u16, u16) = (80, 24);

/// An editable draft: text, cursor, scroll position and undo history.
#[derive(Clone, Debug)]
pub struct Editor {
    buf: Buffer,
    /// Char index, always on a cluster boundary.
    cursor: usize,
    /// The cell Up and Down aim for; `None` until a vertical move needs it.
    goal_col: Option<usize>,
    /// Char index where the first row shown starts.
    top: usize,
    /// Viewport size in cells, as the terminal layer gave it.
    screen_width: usize,
    screen_height: usize,
    history: History,
    saved: Saved,
    search: Search,
}

impl Editor {
    /// An editor over `text` with the cursor at the start.
    pub fn new(text: &str) -> Editor {
        Editor::with_pause(text, DEFAULT_PAUSE_MS)
    }

    /// Like [`Editor::new`], with typing pauses longer than `pause_ms`
    /// starting a new undo step.
    pub fn with_pause(text: &str, pause_ms: u64) -> Editor {
        let (width, height) = DEFAULT_VIEWPORT;
        let buf = Buffer::new(text, usize::from(width));
        let saved = Saved::new(buf.rope());
        let mut editor = Editor {
            buf,
            cursor: 0,
            goal_col: None,
            top: 0,
            screen_width: usize::from(width),
            screen_height: usize::from(height),
            history: History::new(pause_ms),
            saved,
            search: Search::default(),
        };
        editor.reveal_cursor();
        editor
    }

    /// The text as a rope: cloning it is cheap (nodes are shared), so a
    /// snapshot can be kept on every frame.
    pub fn rope(&self) -> &ropey::Rope {
        self.buf.rope()
    }

    pub fn text(&self) -> String {
        self.buf.rope().to_string()
    }

    pub fn len_chars(&self) -> usize {
        self.buf.len_chars()
    }

    /// The cursor as a char index.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether the text differs from the text at the last
    /// [`Editor::mark_saved`] (or at creation).
    pub fn modified(&self) -> bool {
        self.saved.differs(self.buf.rope())
    }

    /// Takes the current text as saved. Also closes the open undo step.
    pub fn mark_saved(&mut self) {
        self.saved.mark(self.buf.rope());
        self.history.seal();
    }

    /// Sets the viewport: `width` is the wrap width (0 wraps as 1), `height`
    /// the page size for Page Up and Down. Scrolls so the cursor stays
    /// visible.
    pub fn set_viewport(&mut self, width: u16, height: u16) {
        self.screen_width = usize::from(width);
        self.screen_height = usize::from(height);
        self.buf.set_width(usize::from(width));
        self.reveal_cursor();
    }

    /// Scrolls the view by `delta` rows (mouse wheel; negative is up),
    /// within the draft. A cursor that would leave the view moves along to
    /// the nearest visible row, at its goal column.
    pub fn scroll(&mut self, delta: isize) {
        self.scroll_view(delta);
        let top_row = self.top_row();
        let (row, col) = self.buf.cell_of(self.cursor);
        let target = row.clamp(top_row, top_row + self.page() - 1);
        if target != row {
            let goal = *self.goal_col.get_or_insert(col);
            let r = self.buf.settle_row(target);
            self.cursor = self.buf.at_cell(r, goal);
            self.history.seal();
            self.reveal_cursor();
        }
    }

    /// The rows in the viewport and the cursor's cell.
    pub fn view(&self) -> View {
        view::build(
            &self.buf,
            self.top,
            self.screen_height,
            self.screen_width,
            self.cursor,
        )
    }

    /// Rows moved by Page Up and Down and kept in view: at least one.
    fn page(&self) -> usize {
        self.screen_height.max(1)
    }

    /// The last useful top row: the one showing the draft's last page.
    fn max_top(&self) -> usize {
        self.buf.total_rows().saturating_sub(self.page())
    }

    /// Whether the cursor's row is among the rows shown.
    fn cursor_in_view(&self) -> bool {
        let (row, _) = self.buf.cell_of(self.cursor);
        let top_row = self.top_row();
        row >= top_row && row < top_row + self.page()
    }

    /// Number of the first row shown.
    fn top_row(&self) -> usize {
        self.buf.row_number(self.buf.row_of(self.top))
    }

    /// Shows row number `row` first (within the draft) and wraps the rows
    /// that brings into view.
    fn show_from(&mut self, row: usize) {
        let r = self.buf.settle_row(row.min(self.max_top()));
        self.top = self.buf.row_span(r).chars.start;
        self.buf.settle_rows_from(self.top, self.page());
    }

    /// Moves the view by `delta` rows, leaving the cursor where it is.
    fn scroll_view(&mut self, delta: isize) {
        self.show_from(self.top_row().saturating_add_signed(delta));
    }

    /// Scrolls just enough for the cursor's row to be in view, and makes
    /// sure every row in view is wrapped (see `buffer`).
    ///
    /// Wrapping the rows brought into view can renumber the rows after them
    /// (guessed counts become real ones), so this checks again, a few times
    /// at most: each round wraps more, and the guesses run out.
    fn reveal_cursor(&mut self) {
        self.buf.settle_at(self.cursor);
        self.top = self.top.min(self.len_chars());
        self.buf.settle_at(self.top);
        for _ in 0..8 {
            let (row, _) = self.buf.cell_of(self.cursor);
            let top_row = self.top_row();
            let wanted = if row < top_row {
                row
            } else if row >= top_row + self.page() {
                row + 1 - self.page()
            } else {
                top_row
            };
            self.show_from(wanted);
            if self.cursor_in_view() {
                return;
            }
        }
    }
}
