//! The text pane: the selected text as a redline, side by side or clean.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::pane;
use crate::tui::app::App;
use crate::tui::layout::Layout;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let inner = Layout::inner(area);
    let height = usize::from(inner.height);
    let shown = &app.shown;
    let end = (app.scroll + height).min(shown.lines.len());
    let visible = shown.lines[app.scroll.min(end)..end].to_vec();
    let mut title = shown.title.clone();
    if shown.lines.len() > height {
        title.push_str(&format!(
            " · lines {}-{} of {}",
            app.scroll + 1,
            end,
            shown.lines.len()
        ));
    }
    frame.render_widget(Paragraph::new(visible).block(pane(title, false)), area);
}
