//! Dialogs over the screen: the Partner picker, help, prompts, questions.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{fit, pane, selected_style};
use crate::sanitize::sanitize_inline;
use crate::tui::app::{App, LineInput, Overlay};
use crate::tui::export::{ExportDialog, FORMATS, VIEWS, view_word};
use crate::tui::keymap::{Context, bindings};
use crate::tui::layout::{centered, first_visible};
use crate::tui::shown::partner_matches;

pub fn draw(frame: &mut Frame, app: &App) {
    let screen = frame.area();
    match &app.overlay {
        None => {}
        Some(Overlay::Picker { filter, selected }) => picker(frame, app, filter, *selected, screen),
        Some(Overlay::Help { scroll }) => help(frame, *scroll, screen),
        Some(Overlay::Review {
            title,
            lines,
            scroll,
            on_yes,
            ..
        }) => super::review::review(frame, title, lines, *scroll, on_yes.is_some(), app.color),
        Some(Overlay::History(view)) => super::review::history(frame, view, app.color),
        Some(Overlay::Export(dialog)) => export(frame, dialog, app.color, screen),
        Some(Overlay::Prompt {
            question, input, ..
        }) => prompt(frame, question, input, screen),
        Some(Overlay::Confirm { question, .. }) => {
            let area = centered(screen, 60, 5);
            frame.render_widget(Clear, area);
            let lines = vec![
                Line::raw(sanitize_inline(question).into_owned()),
                Line::raw(""),
                Line::from(vec![
                    Span::styled("y", selected_style(app.color)),
                    Span::raw(" yes   "),
                    Span::styled("n", selected_style(app.color)),
                    Span::raw(" no   "),
                    Span::styled("Esc", selected_style(app.color)),
                    Span::raw(" go back"),
                ]),
            ];
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .block(pane("Are you sure?".into(), true)),
                area,
            );
        }
    }
}

/// A one-line question. The answer line always shows, with the cursor in
/// view: a long answer scrolls, a long question is cut.
fn prompt(frame: &mut Frame, question: &str, input: &LineInput, screen: Rect) {
    let area = centered(screen, 76, 5);
    frame.render_widget(Clear, area);
    let width = usize::from(area.width.saturating_sub(4)).max(1);
    let before: String = input.text.chars().take(input.cursor).collect();
    let after: String = input.text.chars().skip(input.cursor).collect();
    let before = sanitize_inline(&before).into_owned();
    let mut shown = before.as_str();
    while shown.width() >= width {
        let mut chars = shown.chars();
        chars.next();
        shown = chars.as_str();
    }
    let answer = fit(&format!("{shown}{}", sanitize_inline(&after)), width);
    let lines = vec![
        Line::raw(fit(&sanitize_inline(question), width + 2)),
        Line::raw(""),
        Line::raw(format!("> {answer}")),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(pane("Question".into(), true)),
        area,
    );
    let x = area.x + 3 + shown.width() as u16;
    frame.set_cursor_position(Position::new(
        x.min(area.right().saturating_sub(2)),
        area.y + 3,
    ));
}

fn picker(frame: &mut Frame, app: &App, filter: &str, selected: usize, screen: Rect) {
    let partners = partner_matches(&app.folder.session.partners, filter);
    let area = centered(screen, 64, screen.height.saturating_sub(4).min(24));
    frame.render_widget(Clear, area);
    let mut lines = vec![
        Line::raw("Which Partner do you speak for?"),
        Line::from(vec![
            Span::raw("Type to filter: "),
            Span::styled(
                sanitize_inline(filter).into_owned(),
                Style::default().add_modifier(Modifier::UNDERLINED),
            ),
        ]),
        Line::raw(""),
    ];
    let room = area.height.saturating_sub(2 + 3);
    let first = first_visible(selected, 1, room);
    for (i, partner) in partners
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(room))
    {
        let text = format!("  {}", sanitize_inline(partner));
        lines.push(if i == selected {
            Line::styled(text, selected_style(app.color))
        } else {
            Line::raw(text)
        });
    }
    if partners.is_empty() {
        lines.push(Line::styled(
            "  No Partner matches; Backspace to edit the filter",
            Style::default().fg(Color::Red),
        ));
    }
    let title = format!(
        "{} · choose your Partner",
        sanitize_inline(&app.folder.session.name)
    );
    frame.render_widget(Paragraph::new(lines).block(pane(title, true)), area);
}

/// Every key of every context, from the keymap tables.
pub fn help_lines() -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for context in Context::ALL {
        lines.push(Line::styled(
            context.title(),
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        ));
        for b in bindings(context) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<10}", b.label),
                    Style::default().fg(Color::Cyan),
                ),
                Span::raw(b.what),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::raw(
        "Redlines: struck text is deleted, underlined text is inserted.",
    ));
    lines
}

fn help(frame: &mut Frame, scroll: usize, screen: Rect) {
    let area = centered(screen, 100, screen.height.saturating_sub(2));
    frame.render_widget(Clear, area);
    let lines = help_lines();
    let scroll = scroll.min(lines.len().saturating_sub(1));
    let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(
        Paragraph::new(shown).wrap(Wrap { trim: false }).block(pane(
            "Help · every key (Esc to close, ↑↓ to scroll)".into(),
            true,
        )),
        area,
    );
}

/// The export dialog: three lines (view, format, file), the current one
/// highlighted, choices shown with the chosen one in brackets.
fn export(frame: &mut Frame, dialog: &ExportDialog, color: bool, screen: Rect) {
    let area = centered(screen, 76, 9);
    frame.render_widget(Clear, area);
    let choices = |all: Vec<&'static str>, chosen: &str| -> String {
        all.iter()
            .map(|c| {
                if *c == chosen {
                    format!("[{c}]")
                } else {
                    format!(" {c} ")
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let views = choices(
        VIEWS.iter().map(|v| view_word(*v)).collect(),
        view_word(dialog.view),
    );
    let formats = choices(
        FORMATS.iter().map(|f| f.extension()).collect(),
        dialog.format.extension(),
    );
    let width = usize::from(area.width.saturating_sub(14)).max(1);
    let file = fit(&sanitize_inline(&dialog.file.text), width);
    let rows = [
        ("View", views),
        ("Format", formats),
        ("File", format!(" {file}")),
    ];
    let mut lines: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let style = if i == dialog.row {
                selected_style(color)
            } else {
                Style::default()
            };
            Line::from(vec![
                Span::raw(format!(" {label:<8} ")),
                Span::styled(value, style),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        " ↑↓ line   ←→ choose   type a file name   Enter write   Esc cancel",
        Style::default().fg(Color::Gray),
    ));
    frame.render_widget(
        Paragraph::new(lines).block(pane("Export the session".into(), true)),
        area,
    );
    if dialog.row == 2 {
        let before: String = dialog.file.text.chars().take(dialog.file.cursor).collect();
        let x = area.x + 12 + sanitize_inline(&before).width() as u16;
        frame.set_cursor_position(Position::new(
            x.min(area.right().saturating_sub(2)),
            area.y + 3,
        ));
    }
}
