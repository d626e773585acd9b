//! Draft text to screen lines: sanitized, tabs expanded, soft-wrapped at
//! word boundaries, with the redline styles. Every piece of draft text the
//! panes draw passes through here or through [`crate::sanitize`] directly.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::redline::{Op, Redline, Span, side_by_side_rows};
use crate::sanitize::{sanitize, sanitize_inline};

const TAB_STOP: usize = 4;

/// How a redline operation looks. Strike and underline carry the meaning
/// on their own; colour only helps (and `view::draw` takes it all away
/// under `NO_COLOR`).
pub fn op_style(op: Op) -> Style {
    match op {
        Op::Equal => Style::default(),
        Op::Delete => Style::default()
            .fg(Color::Red)
            .add_modifier(Modifier::CROSSED_OUT),
        Op::Insert => Style::default()
            .fg(Color::Green)
            .add_modifier(Modifier::UNDERLINED),
    }
}

/// A plain text, wrapped; bracketed passages stand out.
pub fn plain_lines(text: &str, width: u16) -> Vec<Line<'static>> {
    wrap(
        &highlight_brackets(&[(Style::default(), text)]),
        width,
        usize::MAX,
    )
}

/// An inline redline, wrapped; bracketed passages stand out.
///
/// Where an insertion directly follows the deletion it replaces, a space is
/// shown between them ("~~a useful~~ __an essential__", not
/// "~~a useful~~__an essential__"): display only, the text is not changed.
pub fn redline_lines(spans: &[Span], width: u16) -> Vec<Line<'static>> {
    wrap(
        &highlight_brackets(&redline_pieces(spans)),
        width,
        usize::MAX,
    )
}

/// The redline of `old` against `new`, wrapped, as dialogs show it.
pub fn redline_between(old: &str, new: &str, width: u16) -> Vec<Line<'static>> {
    redline_lines(&crate::redline::redline(old, new).spans, width)
}

/// The first `max_lines` lines of [`redline_lines`], for a pane drawn on
/// every keystroke: the cost follows the pane's size, not the text's (so
/// brackets, which need the whole text scanned, are not highlighted).
pub fn redline_lines_upto(spans: &[Span], width: u16, max_lines: usize) -> Vec<Line<'static>> {
    wrap(&redline_pieces(spans), width, max_lines)
}

fn redline_pieces(spans: &[Span]) -> Vec<(Style, &str)> {
    let mut pieces: Vec<(Style, &str)> = Vec::with_capacity(spans.len() + 4);
    for (i, s) in spans.iter().enumerate() {
        let replaces = i > 0 && s.op == Op::Insert && spans[i - 1].op == Op::Delete;
        let touching = !s.text.starts_with(char::is_whitespace)
            && !spans[i - usize::from(i > 0)]
                .text
                .ends_with(char::is_whitespace);
        if replaces && touching {
            pieces.push((Style::default(), " "));
        }
        pieces.push((op_style(s.op), s.text.as_str()));
    }
    pieces
}

/// How a bracketed (unagreed) passage looks: bold, so it stands out without
/// colour too, and magenta where the redline has not coloured it already.
pub fn bracket_style(style: Style) -> Style {
    let style = style.add_modifier(Modifier::BOLD);
    if style.fg.is_none() {
        style.fg(Color::Magenta)
    } else {
        style
    }
}

/// `pieces` cut where bracketed passages (nested ones inside the outermost)
/// start and end, the passages in [`bracket_style`].
fn highlight_brackets<'a>(pieces: &[(Style, &'a str)]) -> Vec<(Style, &'a str)> {
    let mut out = Vec::with_capacity(pieces.len());
    let mut push = |style: Style, text: &'a str| {
        if !text.is_empty() {
            out.push((style, text));
        }
    };
    let mut depth = 0usize;
    for &(style, text) in pieces {
        if depth == 0 && !text.contains(['[', ']']) {
            push(style, text);
            continue;
        }
        let mut start = 0;
        for (i, c) in text.char_indices() {
            match c {
                '[' => {
                    if depth == 0 {
                        push(style, &text[start..i]);
                        start = i;
                    }
                    depth += 1;
                }
                ']' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        push(bracket_style(style), &text[start..=i]);
                        start = i + 1;
                    }
                }
                _ => {}
            }
        }
        let rest_style = if depth > 0 {
            bracket_style(style)
        } else {
            style
        };
        push(rest_style, &text[start..]);
    }
    out
}

/// Old text left, new text right, aligned change by change.
pub fn side_by_side_lines(r: &Redline, width: u16) -> Vec<Line<'static>> {
    let col = usize::from(width.saturating_sub(3) / 2).max(1);
    side_by_side_rows(r, col)
        .into_iter()
        .map(|row| {
            let mut spans = column(&row.left, col);
            spans.push(TextSpan::styled(
                " │ ",
                Style::default().fg(Color::DarkGray),
            ));
            spans.extend(column(&row.right, col));
            Line::from(spans)
        })
        .collect()
}

/// One side of a side-by-side row, padded to `col` cells.
fn column(spans: &[Span], col: usize) -> Vec<TextSpan<'static>> {
    let mut used = 0;
    let mut out = Vec::with_capacity(spans.len() + 1);
    for (i, span) in spans.iter().enumerate() {
        let mut text = sanitize_inline(&span.text).into_owned();
        if i == 0 && span.op == Op::Equal {
            // A row that starts after a soft wrap starts with its word.
            text = text.trim_start_matches(' ').to_string();
        }
        used += text.width();
        out.push(TextSpan::styled(text, op_style(span.op)));
    }
    out.push(TextSpan::raw(" ".repeat(col.saturating_sub(used))));
    out
}

/// A run of text that wraps as a unit, possibly in several styles.
#[derive(Default)]
struct Run {
    parts: Vec<(Style, String)>,
    width: usize,
}

enum Token {
    Word(Run),
    Space(Run),
    Break,
}

/// Sanitizes `pieces` and wraps them to `width` cells, breaking after
/// spaces and, for a word wider than the line, between graphemes; stops
/// after `max_lines` lines.
pub fn wrap(pieces: &[(Style, &str)], width: u16, max_lines: usize) -> Vec<Line<'static>> {
    let width = usize::from(width).max(1);
    // A line holds at most `width` characters of nonzero width, so this
    // many characters fill `max_lines` lines: no need to look further.
    let budget = max_lines
        .saturating_add(1)
        .saturating_mul(width)
        .saturating_mul(2);
    let mut lines = Vec::new();
    let mut line = LineBuilder::default();
    for token in tokens(pieces, budget) {
        if lines.len() >= max_lines {
            return lines;
        }
        match token {
            Token::Break => lines.push(line.finish()),
            Token::Space(run) => {
                // Spaces that do not fit hang past the edge, as in a word
                // processor: the next line starts with the next word.
                'run: for (style, text) in run.parts {
                    for c in text.chars() {
                        let cells = if c == '\t' {
                            TAB_STOP - line.width % TAB_STOP
                        } else {
                            1
                        };
                        if line.width + cells > width {
                            lines.push(line.finish());
                            break 'run;
                        }
                        let shown = if c == '\t' {
                            " ".repeat(cells)
                        } else {
                            c.to_string()
                        };
                        line.push(style, &shown, cells);
                    }
                }
            }
            Token::Word(run) => {
                if line.width > 0 && line.width + run.width > width {
                    lines.push(line.finish());
                }
                for (style, text) in run.parts {
                    for g in text.graphemes(true) {
                        let cells = g.width();
                        if line.width + cells > width && line.width > 0 {
                            lines.push(line.finish());
                        }
                        line.push(style, g, cells);
                    }
                }
            }
        }
    }
    lines.push(line.finish());
    lines
}

/// Splits sanitized pieces into words, space runs and line breaks; a word
/// may span pieces ("concern" then an inserted ",").
/// Looks at no more than `budget` characters.
fn tokens(pieces: &[(Style, &str)], mut budget: usize) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for (style, raw) in pieces {
        if budget == 0 {
            break;
        }
        let raw = match raw.char_indices().nth(budget) {
            Some((cut, _)) => &raw[..cut],
            None => raw,
        };
        budget = budget.saturating_sub(raw.chars().count());
        let text = sanitize(raw);
        let mut rest: &str = &text;
        while let Some(c) = rest.chars().next() {
            if c == '\n' {
                out.push(Token::Break);
                rest = &rest[1..];
                continue;
            }
            let space = c == ' ' || c == '\t';
            let end = rest
                .find(|d: char| d == '\n' || (d == ' ' || d == '\t') != space)
                .unwrap_or(rest.len());
            let (chunk, tail) = rest.split_at(end);
            rest = tail;
            let run = match (out.last_mut(), space) {
                (Some(Token::Space(run)), true) | (Some(Token::Word(run)), false) => run,
                _ => {
                    out.push(if space {
                        Token::Space(Run::default())
                    } else {
                        Token::Word(Run::default())
                    });
                    match out.last_mut() {
                        Some(Token::Space(run) | Token::Word(run)) => run,
                        _ => unreachable!("just pushed a run"),
                    }
                }
            };
            run.width += chunk.width();
            run.parts.push((*style, chunk.to_string()));
        }
    }
    out
}

#[derive(Default)]
struct LineBuilder {
    spans: Vec<TextSpan<'static>>,
    width: usize,
}

impl LineBuilder {
    fn push(&mut self, style: Style, text: &str, cells: usize) {
        self.width += cells;
        match self.spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(text),
            _ => self.spans.push(TextSpan::styled(text.to_string(), style)),
        }
    }

    fn finish(&mut self) -> Line<'static> {
        self.width = 0;
        Line::from(std::mem::take(&mut self.spans))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wraps_after_spaces_and_breaks_long_words() {
        let lines = plain_lines("Partners agree on the utility", 12);
        assert_eq!(texts(&lines), ["Partners ", "agree on the", "utility"]);
        let lines = plain_lines("non-proliferation", 6);
        assert_eq!(texts(&lines), ["non-pr", "olifer", "ation"]);
    }

    #[test]
    fn no_line_is_wider_than_the_pane() {
        let text = "中文 emoji 👍🏽 and a\ttab, e\u{301} and \u{1b}[31mred\u{202e} here";
        for width in 1..30 {
            for line in plain_lines(text, width) {
                assert!(
                    line.width() <= usize::from(width).max(2),
                    "{line:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn control_characters_become_visible_and_nothing_is_dropped() {
        let lines = plain_lines("a\u{1b}]0;title\u{7}b\u{202e}c\r\nd", 80);
        assert_eq!(texts(&lines), ["a␛]0;title␇b<U+202E>c", "d"]);
    }

    #[test]
    fn bracketed_passages_are_bold_across_spans_and_nesting() {
        let lines = plain_lines("Partners [agree [to] x] now", 80);
        let bold: String = lines[0]
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::BOLD))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(bold, "[agree [to] x]");
        let spans = crate::redline::redline("a [b c] d", "a [b e] d").spans;
        let lines = redline_lines(&spans, 80);
        let bold: String = lines[0]
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::BOLD))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(bold, "[b c e]");
        let plain: String = lines[0].spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(plain, "a [b c e] d");
    }

    #[test]
    fn redline_styles_survive_wrapping() {
        let r = crate::redline::redline("the list entities", "the list of entities");
        let lines = redline_lines(&r.spans, 80);
        let inserted: Vec<String> = lines[0]
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::UNDERLINED))
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(inserted.concat().trim(), "of");
    }
}
