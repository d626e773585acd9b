//! Drawing: a pure function of the [`App`] state. Nothing here changes
//! state; every piece of draft text goes through [`crate::sanitize`] or
//! [`styled`] on its way to the screen.

mod bars;
mod dialogs;
mod drafts;
mod editing;
mod proposals;
mod review;
pub mod styled;
mod text;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use super::app::App;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let layout = app.layout();
    if layout.too_small {
        return too_small(frame, frame.area());
    }
    match &app.editing {
        Some(edit) => editing::draw(frame, app, edit, &layout),
        None => {
            drafts::draw(frame, app, layout.drafts);
            text::draw(frame, app, layout.text);
            proposals::draw(frame, app, layout.below);
        }
    }
    bars::draw(frame, app, &layout);
    dialogs::draw(frame, app);
    if !app.color {
        without_colour(frame);
    }
}

/// `NO_COLOR`: every cell in the terminal's own colours. Meaning never
/// rides on colour alone (struck, underlined, reversed, bold and the `✖`
/// marker stay), so this one pass serves every pane.
pub(crate) fn without_colour(frame: &mut Frame) {
    for cell in &mut frame.buffer_mut().content {
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let note = format!(
        "Window too small: plenary needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}. Enlarge it, or press Ctrl+Q to quit.",
        area.width, area.height
    );
    frame.render_widget(
        Paragraph::new(note)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        area,
    );
}

/// A pane's frame; the focused one stands out.
fn pane(title: String, focused: bool) -> Block<'static> {
    let style = if focused {
        Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD)
    } else {
        Style::default()
    };
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(format!(" {title} "))
}

/// The highlight of a selected list row: white on blue, or reverse video
/// without colour (which reads in any theme).
fn selected_style(color: bool) -> Style {
    if color {
        Style::default()
            .fg(Color::White)
            .bg(Color::Blue)
            .add_modifier(Modifier::BOLD)
    } else {
        Style::default().add_modifier(Modifier::REVERSED)
    }
}

/// Cuts `text` to `width` cells, with an ellipsis when cut.
fn fit(text: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        if used + g.width() + 1 > width {
            break;
        }
        used += g.width();
        out.push_str(g);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod render_tests;
