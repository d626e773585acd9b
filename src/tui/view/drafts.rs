//! The drafts list: number, title, status, current version, open proposals
//! and objections; files that failed to load show as errors.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{fit, pane, selected_style};
use crate::model::{Draft, DraftStatus};
use crate::negotiation::{consensus, counted};
use crate::sanitize::sanitize_inline;
use crate::store::{Entry, EntryState};
use crate::tui::app::{App, Focus};
use crate::tui::layout::{DRAFT_ITEM_HEIGHT, Layout, first_visible};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Drafts && app.editing.is_none();
    let title = format!("Drafts ({})", app.folder.entries.len());
    let inner = Layout::inner(area);
    let width = usize::from(inner.width);
    let first = first_visible(app.draft, DRAFT_ITEM_HEIGHT, inner.height);
    let mut lines = Vec::new();
    for (i, entry) in app.folder.entries.iter().enumerate().skip(first) {
        let [head, facts] = item(i, entry, width);
        if i == app.draft {
            let selected = selected_style(app.color);
            lines.push(restyle(head, selected, width));
            lines.push(restyle(facts, selected, width));
        } else {
            lines.extend([head, facts]);
        }
    }
    frame.render_widget(Paragraph::new(lines).block(pane(title, focused)), area);
}

/// Two lines: "1. Title…" and "   open · v1 · 2 proposals, 1 objection"
/// (open proposals, and objections standing on them).
fn item(i: usize, entry: &Entry, width: usize) -> [Line<'static>; 2] {
    let number = format!("{:>2}. ", i + 1);
    let indent = "  ";
    match &entry.state {
        EntryState::Loaded(draft) => {
            let title = fit(
                &sanitize_inline(&draft.title),
                width.saturating_sub(number.len()),
            );
            let facts = fit(&facts(draft), width.saturating_sub(indent.len()));
            [
                Line::from(vec![
                    Span::raw(number),
                    Span::styled(title, Style::default().add_modifier(Modifier::BOLD)),
                ]),
                Line::from(vec![
                    Span::raw(indent.to_string()),
                    Span::styled(facts, Style::default().fg(Color::Gray)),
                ]),
            ]
        }
        EntryState::Failed(diagnostics) => {
            let name = entry
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let head = fit(
                &format!("⚠ {}", sanitize_inline(&name)),
                width.saturating_sub(number.len()),
            );
            let facts = fit(
                &format!("cannot be loaded: {} problem(s)", diagnostics.len()),
                width.saturating_sub(indent.len()),
            );
            let error = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
            [
                Line::from(vec![Span::raw(number), Span::styled(head, error)]),
                Line::from(vec![
                    Span::raw(indent.to_string()),
                    Span::styled(facts, Style::default().fg(Color::Red)),
                ]),
            ]
        }
    }
}

/// Where the draft stands, short enough for the list: "v2 · agreed",
/// "v1 · ready to agree", "v3 · 1 objection · 2 brackets · 3 open".
fn facts(draft: &Draft) -> String {
    let standing = consensus(draft);
    let v = standing.version;
    if draft.status != DraftStatus::Open || standing.is_ready() && standing.open.is_empty() {
        return format!("v{v} · {}", standing.summary());
    }
    let count = |n: usize, word: &str| (n > 0).then(|| counted(n, word));
    let parts: Vec<String> = [
        count(standing.objections.len(), "objection"),
        count(standing.brackets.outermost().count(), "bracket"),
        count(standing.brackets.strays.len(), "stray bracket"),
        (!standing.open.is_empty()).then(|| format!("{} open", standing.open.len())),
    ]
    .into_iter()
    .flatten()
    .collect();
    let ready = if standing.is_ready() { "ready · " } else { "" };
    format!("v{v} · {ready}{}", parts.join(" · "))
}

/// `line` in `style` throughout, filled to `width` so the highlight is a bar.
fn restyle(line: Line<'static>, style: Style, width: usize) -> Line<'static> {
    let used = line.width();
    let mut spans: Vec<Span<'static>> = line.spans.into_iter().map(|s| s.style(style)).collect();
    spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), style));
    Line::from(spans)
}
