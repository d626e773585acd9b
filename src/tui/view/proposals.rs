//! The proposals list of the selected draft: the current text first, then
//! each proposal with its Partner, status, rationale and positions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{fit, pane, selected_style};
use crate::model::{Proposal, ProposalStatus, Stance};
use crate::sanitize::sanitize_inline;
use crate::tui::app::{App, Focus};
use crate::tui::layout::{Layout, first_visible};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Proposals;
    let listed = app.listed_proposals();
    let open = listed
        .iter()
        .filter(|p| p.status == ProposalStatus::Open)
        .count();
    let mut title = format!("Proposals ({open} open)");
    if let Some(partner) = &app.filter {
        title.push_str(&format!(" · only {}", sanitize_inline(partner)));
    }
    let inner = Layout::inner(area);
    let width = usize::from(inner.width);
    let header = Style::default()
        .fg(Color::Gray)
        .add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::styled(
        fit(
            &row("text", "Partner", "status", "positions", "rationale"),
            width,
        ),
        header,
    )];
    let current = app
        .selected_draft()
        .and_then(|d| d.current())
        .map_or(String::new(), |v| format!("current text (v{})", v.version));
    let mut rows = vec![fit(&row(&current, "", "", "", ""), width)];
    rows.extend(
        listed
            .iter()
            .map(|p| fit(&proposal_row(p, app.marked.contains(&p.id)), width)),
    );
    let first = first_visible(app.row, 1, inner.height.saturating_sub(1));
    for (i, text) in rows.into_iter().enumerate().skip(first) {
        let status = i
            .checked_sub(1)
            .and_then(|k| listed.get(k))
            .map(|p| p.status);
        let mut style = match status {
            Some(ProposalStatus::Open) | None => Style::default(),
            Some(_) => Style::default().fg(Color::DarkGray),
        };
        if i == app.row {
            style = style.patch(selected_style(app.color));
        }
        let fill = " ".repeat(width.saturating_sub(text.width()));
        lines.push(Line::from(vec![
            Span::styled(text, style),
            Span::styled(fill, style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).block(pane(title, focused)), area);
}

fn row(id: &str, partner: &str, status: &str, positions: &str, rationale: &str) -> String {
    format!("{id:<22} {partner:<18} {status:<10} {positions:<26} {rationale}")
}

/// A proposal's row; one the Chair marked for a merge starts with `✓`.
fn proposal_row(p: &Proposal, marked: bool) -> String {
    let counts = [
        (Stance::Support, "support"),
        (Stance::Object, "object"),
        (Stance::Reserve, "reserve"),
    ]
    .iter()
    .filter_map(|(stance, word)| match p.count(*stance) {
        0 => None,
        n => Some(format!("{n} {word}")),
    })
    .collect::<Vec<_>>()
    .join(", ");
    let mark = if marked { "✓ " } else { "" };
    row(
        &format!("{mark}{}", sanitize_inline(&p.id)),
        &sanitize_inline(&p.partner),
        p.status.as_str(),
        if counts.is_empty() { "—" } else { &counts },
        &sanitize_inline(p.rationale.as_deref().unwrap_or("")),
    )
}
