//! `plenary present`: the room's screen. Read-only, large and plain: the
//! draft's title and standing, its current text, and the newest change as
//! a redline, following other sessions' saves as they land.

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Screen;
use super::live::news;
use super::view::styled;
use crate::model::{Draft, ProposalStatus};
use crate::negotiation::consensus;
use crate::sanitize::sanitize_inline;
use crate::store::Folder;

/// Columns kept free on each side: a projected screen reads better with air.
const MARGIN: u16 = 4;

/// The presenter's state.
pub struct Presenter {
    pub folder: Folder,
    /// Show only this draft (`plenary present DRAFT`).
    pub fixed: Option<String>,
    /// Index into `folder.entries`.
    pub index: usize,
    /// First line shown (the text may be longer than the screen).
    pub scroll: usize,
    /// What last changed, from other sessions.
    pub news: Option<String>,
    pub color: bool,
    pub quit: bool,
}

impl Presenter {
    pub fn new(folder: Folder, fixed: Option<String>, color: bool) -> Self {
        let index = fixed
            .as_ref()
            .and_then(|id| folder.entries.iter().position(|e| &e.id == id))
            .unwrap_or(0);
        Presenter {
            folder,
            fixed,
            index,
            scroll: 0,
            news: None,
            color,
            quit: false,
        }
    }

    fn step(&mut self, forward: bool) {
        if self.fixed.is_some() || self.folder.entries.is_empty() {
            return;
        }
        let n = self.folder.entries.len();
        self.index = if forward {
            (self.index + 1) % n
        } else {
            (self.index + n - 1) % n
        };
        self.scroll = 0;
    }

    /// Everything shown, as lines `width` wide.
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let Some(entry) = self.folder.entries.get(self.index) else {
            return styled::plain_lines("No drafts in this folder.", width);
        };
        let Some(draft) = entry.draft() else {
            return styled::plain_lines(
                &format!("{} does not load: plenary validate says why.", entry.id),
                width,
            );
        };
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let dim = Style::default().fg(Color::Gray);
        let mut lines = vec![
            Line::styled(sanitize_inline(&self.folder.session.name).into_owned(), dim),
            Line::raw(""),
            Line::styled(
                format!("{}. {}", self.index + 1, sanitize_inline(&draft.title)),
                bold.add_modifier(Modifier::UNDERLINED),
            ),
            Line::styled(consensus(draft).summary(), bold),
            Line::raw(""),
        ];
        if let Some(current) = draft.current() {
            lines.push(Line::styled(
                format!("Current text (v{})", current.version),
                dim,
            ));
            lines.extend(styled::plain_lines(&current.text, width));
        }
        lines.push(Line::raw(""));
        let (label, old, new) = newest_change(draft);
        lines.push(Line::styled(sanitize_inline(&label).into_owned(), dim));
        if let (Some(old), Some(new)) = (old, new) {
            lines.extend(styled::redline_between(&old, &new, width));
        }
        lines
    }
}

/// The newest change worth showing the room: the newest open proposal
/// against the current text, or else the last adoption against the version
/// before it. (label, old text, new text).
fn newest_change(draft: &Draft) -> (String, Option<String>, Option<String>) {
    let current = draft.current();
    let proposal = draft
        .proposals
        .iter()
        .filter(|p| p.status == ProposalStatus::Open)
        .max_by_key(|p| p.at.instant());
    let adopted = current.filter(|v| v.version > 1);
    let newer_proposal = match (proposal, adopted) {
        (Some(p), Some(v)) => p.at.instant() >= v.at.instant(),
        (Some(_), None) => true,
        _ => false,
    };
    match (proposal, adopted) {
        (Some(p), _) if newer_proposal => (
            format!(
                "Newest proposal: {} by {}{}",
                p.id,
                p.partner,
                p.rationale
                    .as_deref()
                    .map(|r| format!(" — {r}"))
                    .unwrap_or_default()
            ),
            current.map(|v| v.text.clone()),
            Some(p.text.clone()),
        ),
        (_, Some(v)) => (
            format!(
                "Last adopted: v{} by {}{}",
                v.version,
                v.author,
                v.adopted_from
                    .as_deref()
                    .map(|id| format!(" from {id}"))
                    .unwrap_or_default()
            ),
            draft.version(v.version - 1).map(|p| p.text.clone()),
            Some(v.text.clone()),
        ),
        _ => ("No proposals yet.".to_string(), None, None),
    }
}

impl Screen for Presenter {
    fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        let inner = Rect {
            x: area.x + MARGIN.min(area.width / 4),
            y: area.y + 1.min(area.height),
            width: area.width.saturating_sub(2 * MARGIN.min(area.width / 4)),
            height: area.height.saturating_sub(2),
        };
        let lines: Vec<Line> = self
            .lines(inner.width.max(1))
            .into_iter()
            .skip(self.scroll)
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        let mut footer = String::from(" q quit · ↑↓ scroll");
        if self.fixed.is_none() {
            footer.push_str(" · ←→ other drafts");
        }
        if let Some(news) = &self.news {
            footer.push_str(&format!(" · {}", sanitize_inline(news)));
        }
        let bottom = Rect {
            y: area.bottom().saturating_sub(1),
            height: 1.min(area.height),
            ..area
        };
        frame.render_widget(
            Paragraph::new(Line::styled(footer, Style::default().fg(Color::Gray))),
            bottom,
        );
        if !self.color {
            super::view::without_colour(frame);
        }
    }

    fn handle(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => match key.code {
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    self.quit = true;
                }
                KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
                KeyCode::Right | KeyCode::Char(' ') => self.step(true),
                KeyCode::Left => self.step(false),
                KeyCode::Down | KeyCode::PageDown => self.scroll += 1,
                KeyCode::Up | KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(1),
                _ => {}
            },
            _ => {}
        }
    }

    fn idle(&mut self) {}

    fn files_changed(&mut self) {
        let id = self.folder.entries.get(self.index).map(|e| e.id.clone());
        let Ok(changed) = self.folder.refresh() else {
            self.news = Some("The drafts folder no longer loads".into());
            return;
        };
        if let Some(i) = id.and_then(|id| self.folder.entries.iter().position(|e| e.id == id)) {
            self.index = i;
        }
        if let Some(last) = changed.iter().flat_map(news).last() {
            self.news = Some(last);
        }
    }

    fn done(&self) -> bool {
        self.quit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;
    use crate::negotiation;
    use crate::store::load_folder;
    use crate::tui::testing::{folder, lines_text as text};

    #[test]
    fn shows_the_draft_its_standing_and_the_newest_proposal_as_it_lands() {
        let (tmp, folder) = folder();
        let mut p = Presenter::new(folder, Some("entities-of-concern".into()), true);
        let shown = text(&p.lines(90));
        assert!(
            shown.contains("3. U.S. Proposal on Entities of Concern"),
            "{shown}"
        );
        assert!(shown.contains("Current text (v1)"), "{shown}");
        assert!(shown.contains("No proposals yet."), "{shown}");

        let mut other = load_folder(tmp.path()).unwrap();
        other
            .update("entities-of-concern", |d, s| {
                let t = d
                    .current()
                    .unwrap()
                    .text
                    .replace("list entities", "list of entities");
                negotiation::propose(d, s, "France", &t, Some("Restore of."), Timestamp::now())
            })
            .unwrap();
        p.files_changed();
        let shown = text(&p.lines(90));
        assert!(
            shown.contains("Newest proposal: france-1 by France — Restore of."),
            "{shown}"
        );
        assert!(shown.contains("list of entities"), "{shown}");
        assert_eq!(p.news.as_deref(), Some("France proposed france-1"));
        p.step(true);
        assert_eq!(p.index, 2, "a fixed draft stays");
    }
}
