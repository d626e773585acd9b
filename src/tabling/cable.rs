//! Reading a diplomatic cable in its plain-text form (as the seed,
//! `STATE 103767`, is kept): its number, when it was sent, and each
//! numbered paragraph with its heading, marking and the quoted text after
//! "Proposed consensus language:".
//!
//! Cable text is messy, so the parser is forgiving about layout and strict
//! about wording. Line ends may be LF, CRLF or CR; form feeds are page
//! breaks; page headers (`C O N F I D E N T I A L STATE 103767`,
//! `UNCLASSIFIED`, `PAGE 02 STATE 103767 061346Z`) and blank lines are
//! dropped wherever they fall, even inside a quotation; a header block that
//! comes twice is read once. The quoted text itself is kept exactly: lines
//! are trimmed and joined with one space (cables wrap at spaces), the
//! quotation marks around it are removed, and nothing else changes, inner
//! quotes included.
//!
//! The closing quotation mark is the one that ends a line, follows a
//! non-blank character and balances every straight quote since the opening
//! one (`"` counted in pairs; curly quotes by depth): `not a "black list"`
//! at a line's end is an inner quote, not the end of the text. A paragraph
//! whose quotation never closes is reported at the line of its "Proposed
//! consensus language:", and the next paragraph is read as usual.
//!
//! Nothing here knows about drafts or folders: [`parse`] turns text into a
//! [`Cable`], and `tabling::import` decides what to table.

use std::collections::HashMap;

use crate::model::Timestamp;

/// What a cable says, as far as tabling goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cable {
    /// The cable's number, e.g. `STATE 103767`, from its page headers or
    /// its identifier (`09STATE103767`).
    pub reference: Option<String>,
    /// When it was sent: the date-time group (`P R 061327Z OCT 09`), or
    /// failing that a `2009-10-06 13:27:00` creation line, read as UTC.
    pub sent: Option<Timestamp>,
    /// Every numbered paragraph, in order (a repeated identical one once).
    pub paragraphs: Vec<Paragraph>,
}

/// One numbered paragraph: `5. (C) U.S. PROPOSAL ON ENTITIES OF CONCERN:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub number: u32,
    /// The line the paragraph starts on (1-based).
    pub line: usize,
    /// The heading as written, wrapped lines joined, without its colon;
    /// `None` when the paragraph opens with prose.
    pub heading: Option<String>,
    /// The heading in title case, with the cable's own spelling of
    /// acronyms: `U.S. Proposal on Round Table (RT) for Outreach to Non-Members`.
    pub title: Option<String>,
    /// Who the heading says proposes it, as the title writes it: `U.S.`.
    pub originator: Option<String>,
    /// The marking line under the heading, without parentheses: `C/REL MTCR`.
    pub marking: Option<String>,
    pub language: Language,
}

impl Paragraph {
    /// Whether the paragraph is meant to table something: its heading
    /// says PROPOSAL, or it has consensus language (or tried to).
    pub fn is_proposal(&self) -> bool {
        !matches!(self.language, Language::None)
            || self.heading.as_deref().is_some_and(|h| {
                h.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case("proposal"))
            })
    }
}

/// The proposed consensus language of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Language {
    /// The paragraph has none (background, a point of contact, ...).
    None,
    /// The text, joined into one paragraph; `line` is where its quotation opens.
    Text { text: String, line: usize },
    /// There is a "Proposed consensus language:" but no text could be
    /// taken from it; `line` is the line to look at.
    Problem { line: usize, problem: CableProblem },
}

/// What is wrong with a paragraph's consensus language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CableProblem {
    #[error("\"Proposed consensus language:\" has no closing quotation mark")]
    NoClosingQuote,
    #[error("\"Proposed consensus language:\" is not followed by a quoted text")]
    NoQuote,
    #[error("the proposed consensus language is empty")]
    Empty,
    #[error(
        "a second \"Proposed consensus language:\" in paragraph {number} (the first is at \
         line {first}); table each text with `plenary new`"
    )]
    Second { number: u32, first: usize },
}

/// Reads `src` as a cable. Never fails: what cannot be read becomes a
/// [`Language::Problem`], or is simply not there.
pub fn parse(src: &str) -> Cable {
    let lines = split_lines(src);
    let starts = paragraph_starts(&lines);
    let header_end = starts.first().map_or(lines.len(), |&(i, _)| i);
    let end = lines
        .iter()
        .enumerate()
        .skip(header_end)
        .find(|(_, l)| is_end_marker(&l.text))
        .map_or(lines.len(), |(i, _)| i);

    let mut paragraphs = Vec::new();
    let mut heading_lines = vec![false; lines.len()];
    let mut raw = Vec::new();
    for (k, &(start, number)) in starts.iter().enumerate() {
        if start >= end {
            break;
        }
        let stop = starts.get(k + 1).map_or(end, |&(next, _)| next.min(end));
        let (heading, body) = heading(&lines, start, stop);
        for flag in &mut heading_lines[start..body] {
            *flag = true;
        }
        raw.push((number, start, stop, heading, body));
    }
    let spellings = spellings(&lines, &heading_lines);
    // A block that comes twice (a resent page) is read once.
    let mut seen = std::collections::HashSet::new();
    for (number, start, stop, heading, body) in raw {
        let title = heading.as_deref().map(|h| title_case(h, &spellings));
        let paragraph = Paragraph {
            number,
            line: lines[start].no,
            originator: title.as_deref().and_then(originator),
            title,
            heading,
            marking: marking(&lines[body..stop]),
            language: language(&lines[body..stop], number),
        };
        let key = (
            paragraph.number,
            paragraph.heading.clone(),
            paragraph.marking.clone(),
            language_key(&paragraph.language),
        );
        if seen.insert(key) {
            paragraphs.push(paragraph);
        }
    }
    Cable {
        reference: reference(&lines),
        sent: sent(&lines[..header_end]),
        paragraphs,
    }
}

/// What two readings of the same text (a repeated block) share: all but
/// the line numbers.
fn language_key(language: &Language) -> (u8, String) {
    match language {
        Language::None => (0, String::new()),
        Language::Text { text, .. } => (1, text.clone()),
        Language::Problem { problem, .. } => (2, problem.to_string()),
    }
}

// ---- Lines ------------------------------------------------------------

/// One line of the cable: its number in the file, its text without the
/// line end and form feeds, and whether it is a page-break artefact.
#[derive(Debug)]
struct Line {
    no: usize,
    text: String,
    artefact: bool,
}

impl Line {
    fn blank(&self) -> bool {
        self.artefact || self.text.trim().is_empty()
    }
}

/// Splits at LF, CRLF and lone CR, as an editor numbers lines.
fn split_lines(src: &str) -> Vec<Line> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut chars = src.chars().peekable();
    let mut push = |text: &mut String| {
        let text = std::mem::take(text);
        lines.push(Line {
            no: lines.len() + 1,
            artefact: is_artefact(&text),
            text,
        });
    };
    while let Some(c) = chars.next() {
        match c {
            '\n' => push(&mut current),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                push(&mut current);
            }
            // A form feed is a page break: the line goes on around it.
            '\u{c}' => {}
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        push(&mut current);
    }
    lines
}

/// Classification words as page headers and footers write them, longest first.
const CLASSIFICATIONS: &[&str] = &[
    "SENSITIVE BUT UNCLASSIFIED",
    "LIMITED OFFICIAL USE",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "TOP SECRET",
    "RESTRICTED",
    "SECRET",
    "UNCLAS",
];

/// A page header or footer, or a transmission separator: never wording.
fn is_artefact(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.chars().any(char::is_lowercase) {
        return false;
    }
    t == "BT" || classification_rest(t).is_some() || page_header_rest(t).is_some()
}

/// After a classification line (`C O N F I D E N T I A L STATE 103767`,
/// `UNCLASSIFIED`, `CONFIDENTIAL SECTION 01 OF 02 STATE 103767`), the rest.
fn classification_rest(t: &str) -> Option<Vec<&str>> {
    let words: Vec<&str> = t.split_whitespace().collect();
    // Letter-spaced: single letters, then the rest.
    let spaced = words
        .iter()
        .take_while(|w| w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
        .count();
    if spaced >= 6 {
        let joined: String = words[..spaced].concat();
        if CLASSIFICATIONS.iter().any(|c| c.replace(' ', "") == joined) {
            return Some(words[spaced..].to_vec());
        }
    }
    for class in CLASSIFICATIONS {
        let n = class.split(' ').count();
        if words.len() >= n && words[..n].join(" ") == *class && words.len() - n <= 8 {
            return Some(words[n..].to_vec());
        }
    }
    None
}

/// After `PAGE 02`, the rest: `STATE 103767 061346Z`.
fn page_header_rest(t: &str) -> Option<Vec<&str>> {
    let words: Vec<&str> = t.split_whitespace().collect();
    (words.len() >= 2
        && words.len() <= 8
        && words[0] == "PAGE"
        && words[1].chars().all(|c| c.is_ascii_digit()))
    .then(|| words[2..].to_vec())
}

/// The end of the message: nothing after it is the cable's.
fn is_end_marker(line: &str) -> bool {
    let t = line.trim();
    t == "NNNN" || t.eq_ignore_ascii_case("end cable text")
}

// ---- Header -----------------------------------------------------------

/// `STATE 103767`: from a classification or page header, else from the
/// identifier (`09STATE103767`).
fn reference(lines: &[Line]) -> Option<String> {
    let from_header = lines.iter().find_map(|l| {
        let t = l.text.trim();
        if t.chars().any(char::is_lowercase) {
            return None;
        }
        let rest = classification_rest(t).or_else(|| page_header_rest(t))?;
        rest.windows(2).find_map(|pair| {
            let (office, number) = (pair[0], pair[1]);
            (office.len() >= 2
                && office.chars().all(|c| c.is_ascii_uppercase())
                && office != "SECTION"
                && office != "OF"
                && number.len() >= 3
                && number.chars().all(|c| c.is_ascii_digit()))
            .then(|| format!("{office} {number}"))
        })
    });
    from_header.or_else(|| lines.iter().find_map(|l| identifier(l.text.trim())))
}

/// `09STATE103767` -> `STATE 103767`.
fn identifier(t: &str) -> Option<String> {
    let year = t.get(..2)?;
    let rest = &t[2..];
    let letters = rest.chars().take_while(char::is_ascii_uppercase).count();
    let (office, number) = rest.split_at(letters);
    (year.chars().all(|c| c.is_ascii_digit())
        && letters >= 2
        && number.len() >= 3
        && number.chars().all(|c| c.is_ascii_digit()))
    .then(|| format!("{office} {number}"))
}

/// When the cable was sent, from the header lines.
fn sent(header: &[Line]) -> Option<Timestamp> {
    header
        .iter()
        .find_map(|l| date_time_group(l.text.trim()))
        .or_else(|| header.iter().find_map(|l| created(l.text.trim())))
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

/// `P R 061327Z OCT 09` (precedence letters, day-hour-minute Z, month,
/// year) as `2009-10-06T13:27:00Z`.
fn date_time_group(t: &str) -> Option<Timestamp> {
    let words: Vec<&str> = t.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| matches!(**w, "Z" | "O" | "P" | "R" | "M"))
        .count();
    let [dtg, month, year, ..] = words.get(skip..)? else {
        return None;
    };
    let digits = dtg.strip_suffix('Z')?;
    if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let month = MONTHS.iter().position(|m| m == month)? + 1;
    if !year.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = match (year.len(), year.parse::<i32>().ok()?) {
        (2, y) if y >= 70 => 1900 + y,
        (2, y) => 2000 + y,
        (4, y) => y,
        _ => return None,
    };
    let (day, hour, minute) = (&digits[..2], &digits[2..4], &digits[4..]);
    Timestamp::parse(&format!("{year:04}-{month:02}-{day}T{hour}:{minute}:00Z")).ok()
}

/// `2009-10-06 13:27:00` (a creation line in the cable's metadata), as UTC.
fn created(t: &str) -> Option<Timestamp> {
    let (date, time) = t.split_once(' ')?;
    let time = if time.len() == 5 {
        format!("{time}:00")
    } else {
        time.to_string()
    };
    if date.len() != 10 || time.len() != 8 {
        return None;
    }
    Timestamp::parse(&format!("{date}T{time}Z")).ok()
}

// ---- Paragraphs -------------------------------------------------------

/// `(index, number)` of each line that opens a numbered paragraph:
/// `5. (C) ...`, or `5. U.S. PROPOSAL ...:` when it follows paragraph 4.
fn paragraph_starts(lines: &[Line]) -> Vec<(usize, u32)> {
    let mut starts: Vec<(usize, u32)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.artefact {
            continue;
        }
        let Some((number, classified, _)) = paragraph_start(&line.text) else {
            continue;
        };
        let follows = starts.last().map_or(number == 1, |&(_, n)| n + 1 == number);
        if classified || follows {
            starts.push((i, number));
        }
    }
    starts
}

/// The number, whether a `(C)`-style classification follows it, and the
/// rest of the line.
fn paragraph_start(text: &str) -> Option<(u32, bool, &str)> {
    let t = text.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let number: u32 = t[..digits].parse().ok().filter(|n| *n > 0)?;
    let after = t[digits..].strip_prefix('.')?;
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let after = after.trim_start();
    if let Some(inner) = after.strip_prefix('(')
        && let Some(close) = inner.find(')')
    {
        let class = &inner[..close];
        if (1..=16).contains(&class.len())
            && class
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '/' || c == ' ')
        {
            return Some((number, true, inner[close + 1..].trim()));
        }
    }
    // Unclassified form: the whole line a heading in capitals, ending
    // with its colon.
    let letters = after.chars().filter(|c| c.is_alphabetic()).count();
    (after.starts_with(|c: char| c.is_uppercase())
        && after.trim_end().ends_with(':')
        && letters >= 2
        && !after.chars().any(char::is_lowercase))
    .then_some((number, false, after))
}

/// The heading of the paragraph starting at `start` (None when it opens
/// with prose) and the index of the first line of its body.
fn heading(lines: &[Line], start: usize, stop: usize) -> (Option<String>, usize) {
    let rest = paragraph_start(&lines[start].text).map_or("", |(_, _, rest)| rest);
    let upper = |s: &str| !s.chars().any(char::is_lowercase);
    if let Some((head, _)) = rest.split_once(':') {
        let head = head.trim();
        return if upper(head) && !head.is_empty() {
            (Some(head.to_string()), start + 1)
        } else {
            (None, start + 1)
        };
    }
    if !upper(rest) {
        return (None, start + 1);
    }
    // A heading wrapped over a few lines, up to the one with the colon.
    let mut parts = vec![rest.trim().to_string()];
    let mut i = start + 1;
    while i < stop && parts.len() <= 4 {
        let line = &lines[i];
        let t = line.text.trim();
        if line.blank() {
            i += 1;
            continue;
        }
        if is_marking(t) || marker(t).is_some() {
            break;
        }
        let (head, colon) = match t.split_once(':') {
            Some((head, _)) => (head, true),
            None => (t, false),
        };
        if !upper(head) {
            break;
        }
        parts.push(head.trim().to_string());
        i += 1;
        if colon {
            break;
        }
    }
    let joined = parts
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    if joined.chars().any(char::is_alphabetic) {
        (Some(joined), i)
    } else {
        (None, start + 1)
    }
}

/// `(C/REL MTCR)` alone on a line.
fn is_marking(t: &str) -> bool {
    marking_of(t).is_some()
}

fn marking_of(t: &str) -> Option<&str> {
    let inner = t.strip_prefix('(')?.strip_suffix(')')?.trim();
    (!inner.is_empty()
        && inner.len() <= 40
        && !inner.contains(['(', ')'])
        && inner.chars().any(char::is_alphabetic)
        && !inner.chars().any(char::is_lowercase))
    .then_some(inner)
}

/// The marking, when it is the first line of the body.
fn marking(body: &[Line]) -> Option<String> {
    let first = body.iter().find(|l| !l.blank())?;
    marking_of(first.text.trim()).map(String::from)
}

/// Whether the line introduces the consensus language; what follows the
/// words on the same line.
fn marker(text: &str) -> Option<&str> {
    const WORDS: &str = "proposed consensus language";
    let t = text.trim_start();
    let head = t.get(..WORDS.len())?;
    if !head.eq_ignore_ascii_case(WORDS) {
        return None;
    }
    let rest = t[WORDS.len()..].trim_start();
    Some(rest.strip_prefix(':').unwrap_or(rest).trim_start())
}

/// The paragraph's consensus language, from its body's lines.
fn language(body: &[Line], number: u32) -> Language {
    let mut markers = body
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.artefact && marker(&l.text).is_some());
    let Some((at, first)) = markers.next() else {
        return Language::None;
    };
    if let Some((_, second)) = markers.next() {
        return Language::Problem {
            line: second.no,
            problem: CableProblem::Second {
                number,
                first: first.no,
            },
        };
    }
    let problem = |problem| Language::Problem {
        line: first.no,
        problem,
    };
    let inline = marker(&first.text).unwrap_or("");
    let pieces = std::iter::once((first.no, inline)).chain(
        body[at + 1..]
            .iter()
            .filter(|l| !l.artefact)
            .map(|l| (l.no, l.text.as_str())),
    );
    let mut quote = Quote::default();
    let mut text: Vec<&str> = Vec::new();
    let mut opened = None;
    for (no, piece) in pieces {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        if opened.is_none() {
            if !piece.starts_with(['"', '\u{201c}']) {
                return problem(CableProblem::NoQuote);
            }
            opened = Some(no);
        } else if marker(piece).is_some() {
            break;
        }
        text.push(piece);
        if quote.closes(piece) {
            let joined = text.join(" ");
            let mut chars = joined.chars();
            chars.next();
            chars.next_back();
            let inner = chars.as_str().trim();
            if inner.is_empty() {
                return problem(CableProblem::Empty);
            }
            return Language::Text {
                text: inner.to_string(),
                line: opened.unwrap_or(no),
            };
        }
    }
    match opened {
        None => problem(CableProblem::NoQuote),
        Some(_) => problem(CableProblem::NoClosingQuote),
    }
}

/// Quotation marks seen since the opening one.
#[derive(Default)]
struct Quote {
    straight: usize,
    curly: isize,
    seen_any: bool,
}

impl Quote {
    /// Counts `piece`'s quotation marks; whether it ends the quotation.
    fn closes(&mut self, piece: &str) -> bool {
        let first_piece = !self.seen_any;
        self.seen_any = true;
        for c in piece.chars() {
            match c {
                '"' => self.straight += 1,
                '\u{201c}' => self.curly += 1,
                '\u{201d}' => self.curly -= 1,
                _ => {}
            }
        }
        let mut chars = piece.chars().rev();
        let last = chars.next();
        let before = chars.next();
        // `"` alone on the first line is only the opening mark.
        if first_piece && piece.chars().count() == 1 {
            return false;
        }
        let after_text = before.is_some_and(|c| !c.is_whitespace());
        match last {
            Some('"') => after_text && self.straight.is_multiple_of(2) && self.curly <= 0,
            Some('\u{201d}') => after_text && self.curly <= 0 && self.straight.is_multiple_of(2),
            _ => false,
        }
    }
}

// ---- Titles -----------------------------------------------------------

/// How the cable's prose spells words it writes with two or more capitals
/// (`MTCR`, `IE`, `RT`, `ePOC`), keyed by their upper case: a heading in
/// capitals is title-cased with the cable's own acronyms.
fn spellings(lines: &[Line], heading_lines: &[bool]) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for (line, heading) in lines.iter().zip(heading_lines) {
        if line.blank() || *heading {
            continue;
        }
        let words: Vec<&str> = line.text.split_whitespace().collect();
        let lower = words
            .iter()
            .filter(|w| w.chars().any(char::is_lowercase))
            .count();
        let upper = words
            .iter()
            .filter(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.chars().any(char::is_lowercase)
            })
            .count();
        // Prose, not a header or a heading in capitals.
        if lower < 2 || lower < upper {
            continue;
        }
        for word in line.text.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().filter(|c| c.is_uppercase()).count() >= 2 {
                map.entry(word.to_uppercase())
                    .or_insert_with(|| word.to_string());
            }
        }
    }
    map
}

/// Words a title keeps in lower case, except as its first word.
const SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "per", "than", "the", "to", "via", "vs", "with",
];

/// `U.S. PROPOSAL ON ROUND TABLE (RT) FOR OUTREACH TO NON-MEMBERS` ->
/// `U.S. Proposal on Round Table (RT) for Outreach to Non-Members`. A
/// heading already in mixed case is kept as written.
pub fn title_case(heading: &str, spellings: &HashMap<String, String>) -> String {
    if heading.chars().any(char::is_lowercase) {
        return heading.to_string();
    }
    let chars: Vec<char> = heading.chars().collect();
    let in_word = |i: usize| -> bool {
        let c = chars[i];
        if c.is_alphanumeric() {
            return true;
        }
        // Inner dots and apostrophes: U.S, MTCR'S.
        matches!(c, '.' | '\'' | '\u{2019}')
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
    };
    let mut out = String::with_capacity(heading.len());
    let mut first = true;
    let mut i = 0;
    while i < chars.len() {
        if !in_word(i) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && in_word(i) {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        out.push_str(&case_word(&word, first, spellings));
        first = false;
    }
    out
}

fn case_word(word: &str, first: bool, spellings: &HashMap<String, String>) -> String {
    if let Some((base, suffix)) = word.split_once(['\'', '\u{2019}']) {
        let apostrophe = if word.contains('\'') {
            '\''
        } else {
            '\u{2019}'
        };
        return format!(
            "{}{apostrophe}{}",
            case_word(base, first, spellings),
            suffix.to_lowercase()
        );
    }
    if word.contains('.') || word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    if let Some(spelled) = spellings.get(word) {
        return spelled.clone();
    }
    let vowels = word.chars().any(|c| "AEIOUY".contains(c));
    if !vowels && word.chars().count() >= 2 {
        return word.to_string();
    }
    let lower = word.to_lowercase();
    if !first && SMALL.contains(&lower.as_str()) {
        return lower;
    }
    let mut chars = lower.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => lower,
    }
}

/// `U.S.` in `U.S. Proposal on Entities of Concern`: the words before
/// "Proposal", when there are a few.
fn originator(title: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("proposal") || w.eq_ignore_ascii_case("proposals"))?;
    (1..=4).contains(&at).then(|| words[..at].join(" "))
}

#[cfg(test)]
#[path = "cable_tests.rs"]
mod tests;
