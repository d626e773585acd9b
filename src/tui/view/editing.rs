//! The editor and, below it, the live redline of what you are typing.

use ratatui::Frame;
use ratatui::layout::Position;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{pane, styled};
use crate::sanitize::sanitize_inline;
use crate::tui::app::App;
use crate::tui::edit::EditSession;
use crate::tui::layout::Layout;

pub fn draw(frame: &mut Frame, app: &App, edit: &EditSession, layout: &Layout) {
    let me = sanitize_inline(app.me.as_deref().unwrap_or("")).into_owned();
    let what = match (&edit.tabling, &edit.revising) {
        (Some(_), _) => "tabling a new draft".to_string(),
        (None, Some(id)) => format!("revising {}", sanitize_inline(id)),
        (None, None) => format!("new proposal against v{}", edit.base_version),
    };
    let modified = if edit.editor.modified() {
        " · modified"
    } else {
        ""
    };
    let title = format!(
        "{} · {me}: {what}{modified}",
        sanitize_inline(&edit.draft_id)
    );
    let view = edit.editor.view();
    // The editor's rows are already sanitized and cut to the pane width.
    let rows: Vec<Line> = view
        .rows
        .iter()
        .map(|r| Line::raw(r.text.clone()))
        .collect();
    frame.render_widget(Paragraph::new(rows).block(pane(title, true)), layout.text);
    if app.overlay.is_none()
        && let Some((col, row)) = view.cursor
    {
        let inner = layout.text_inner();
        frame.set_cursor_position(Position::new(inner.x + col, inner.y + row));
    }

    if let Some(title) = &edit.tabling {
        return tabling(frame, app, edit, title, layout);
    }
    let (deleted, inserted) = edit.live_counts;
    let state = if edit.live_stale {
        " · updating when you pause"
    } else {
        ""
    };
    let title = format!(
        "Live redline against {} · {deleted} word(s) struck, {inserted} added{state}",
        edit.against.label()
    );
    let inner = Layout::inner(layout.below);
    let lines =
        styled::redline_lines_upto(&edit.live_window, inner.width, usize::from(inner.height));
    frame.render_widget(
        Paragraph::new(lines).block(pane(title, false)),
        layout.below,
    );
}

/// Below the editor of a new draft: what tabling it will do.
fn tabling(frame: &mut Frame, app: &App, edit: &EditSession, title: &str, layout: &Layout) {
    let me = sanitize_inline(app.me.as_deref().unwrap_or("")).into_owned();
    let file = app.folder.path_of(&edit.draft_id);
    let lines = vec![
        Line::raw(format!("Title:     {}", sanitize_inline(title))),
        Line::raw(format!("Tabled by: {me}, as version 1 (the original)")),
        Line::raw(format!(
            "File:      {}, last on the agenda",
            sanitize_inline(&file.display().to_string())
        )),
        Line::raw(""),
        Line::raw("^S tables it (after one question); Esc leaves without tabling."),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(pane("New draft".into(), false)),
        layout.below,
    );
}
