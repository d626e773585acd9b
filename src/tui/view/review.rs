//! The large dialogs: a Chair's move shown as a redline before "yes", a
//! refusal's reasons, and a draft's history.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{fit, pane, selected_style};
use crate::sanitize::sanitize_inline;
use crate::tui::chair::HistoryView;
use crate::tui::layout::{Layout, first_visible, review_area};

/// A title, lines to read (scrolled), and what the keys do.
pub fn review(
    frame: &mut Frame,
    title: &str,
    lines: &[Line<'static>],
    scroll: usize,
    asks: bool,
    color: bool,
) {
    let area = review_area(frame.area());
    frame.render_widget(Clear, area);
    let inner = Layout::inner(area);
    let [body, keys] = split_last_line(inner);
    let shown: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .cloned()
        .collect();
    frame.render_widget(
        Paragraph::new(shown).block(pane(sanitize_inline(title).into_owned(), true)),
        area,
    );
    let key = |k: &'static str| Span::styled(k, selected_style(color));
    let mut hint = if asks {
        vec![
            key("y"),
            Span::raw(" yes   "),
            key("n"),
            Span::raw(" no   "),
        ]
    } else {
        Vec::new()
    };
    hint.extend([
        key("Esc"),
        Span::raw(" close   "),
        key("↑↓"),
        Span::raw(" scroll"),
    ]);
    if lines.len() > usize::from(body.height) {
        hint.push(Span::styled(
            format!(
                "   lines {}–{} of {}",
                scroll + 1,
                (scroll + usize::from(body.height)).min(lines.len()),
                lines.len()
            ),
            Style::default().fg(Color::Gray),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(hint)), keys);
}

/// The history: entries above, the redline of the selected one below.
pub fn history(frame: &mut Frame, view: &HistoryView, color: bool) {
    let area = review_area(frame.area());
    frame.render_widget(Clear, area);
    let inner = Layout::inner(area);
    let list_height = (inner.height / 3).max(3).min(inner.height);
    let list = Rect {
        height: list_height,
        ..inner
    };
    let below = Rect {
        y: inner.y + list_height,
        height: inner.height - list_height,
        ..inner
    };
    let width = usize::from(inner.width);
    frame.render_widget(
        Paragraph::new(Vec::<Line>::new())
            .block(pane("History — Space: compare from here".into(), true)),
        area,
    );
    let first = first_visible(view.selected, 1, list.height);
    let rows: Vec<Line> = view
        .entries
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list.height))
        .map(|(i, entry)| {
            let pin = if view.pinned == Some(i) { "◆ " } else { "  " };
            let text = fit(&format!("{pin}{}", entry.label), width);
            let mut style = if entry.reference.is_some() {
                Style::default()
            } else {
                Style::default().fg(Color::Gray)
            };
            if i == view.selected {
                style = style.patch(selected_style(color));
            }
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), list);
    let title = Line::styled(
        fit(&format!("── {} ", sanitize_inline(&view.title)), width),
        Style::default().add_modifier(Modifier::BOLD),
    );
    let mut lines = vec![title];
    lines.extend(
        view.lines
            .iter()
            .skip(view.scroll)
            .take(usize::from(below.height.saturating_sub(1)))
            .cloned(),
    );
    frame.render_widget(Paragraph::new(lines), below);
}

fn split_last_line(area: Rect) -> [Rect; 2] {
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let last = Rect {
        y: area.y + body.height,
        height: area.height - body.height,
        ..area
    };
    [body, last]
}
