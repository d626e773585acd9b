//! The status line (who you are, the session, the last message) and the
//! nano-style hint bar, generated from the keymap.

use ratatui::Frame;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::sanitize::sanitize_inline;
use crate::tui::app::{App, Level};
use crate::tui::keymap::bindings;
use crate::tui::layout::Layout;

pub fn draw(frame: &mut Frame, app: &App, layout: &Layout) {
    let who = match &app.me {
        Some(me) => format!(" You are: {} ", sanitize_inline(me)),
        None => " You are: (choose your Partner) ".to_string(),
    };
    let mut status = vec![
        Span::styled(
            who,
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        ),
        Span::raw(format!(" {} ", sanitize_inline(&app.folder.session.name))),
    ];
    if let Some(message) = &app.message {
        let style = match message.level {
            Level::Info => Style::default().fg(Color::Cyan),
            Level::Error => Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
        };
        let marker = if message.level == Level::Error {
            "✖ "
        } else {
            ""
        };
        status.push(Span::styled(
            format!("│ {marker}{}", sanitize_inline(&message.text)),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(status)), layout.status);

    let mut hints = Vec::new();
    let mut used = 0;
    let chair = app.me.as_deref() == Some(app.folder.session.chair.as_str());
    for binding in bindings(app.context()) {
        let Some(name) = binding.hint else { continue };
        if binding.chair_only && !chair {
            continue;
        }
        let cost = binding.label.width() + name.width() + 3;
        if used + cost > usize::from(layout.hints.width) {
            break;
        }
        used += cost;
        hints.push(Span::styled(
            binding.label,
            Style::default().add_modifier(Modifier::REVERSED),
        ));
        hints.push(Span::raw(format!(" {name}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(hints)), layout.hints);
}
