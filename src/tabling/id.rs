//! A new draft's id from its title.
//!
//! An id is a file name, so it must be short, safe and stable: lowercase
//! ASCII letters, digits and hyphens, at most 64 characters. Negotiators
//! call a paragraph by its subject ("the round table", "entities of
//! concern"), so the id is the slug of the title's *subject*: the words
//! after "Proposal on" (a cable heading's usual form), without
//! parenthesised abbreviations, up to the first connecting word (`to`,
//! `for`, `on`, ...) that comes after at least two words:
//!
//! | title | id |
//! |---|---|
//! | U.S. Proposal on Entities of Concern | `entities-of-concern` |
//! | U.S. Proposal on Round Table (RT) for Outreach to Non-Members | `round-table` |
//! | U.S. Proposal on IE-TEM Working Group to Follow Up on Papers/... | `ie-tem-working-group` |
//! | U.S. Proposal on Outreach to China | `outreach-to-china` |
//! | Export controls on cruise missiles | `export-controls` |
//!
//! Accented Latin letters lose their accents; other characters become
//! hyphens. A short id can collide more easily than a long one: that is
//! what [`suggestions`] is for, and an id is never reused silently.

use std::collections::HashSet;

use crate::model::slug;
use crate::model::validate::{MAX_ID_LEN, is_safe_id};

/// The ids a folder already uses: in the session's order or as files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Taken(HashSet<String>);

impl Taken {
    pub fn contains(&self, id: &str) -> bool {
        self.0.contains(id)
    }

    pub fn insert(&mut self, id: &str) {
        self.0.insert(id.to_string());
    }
}

impl<'a> FromIterator<&'a str> for Taken {
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> Self {
        Taken(ids.into_iter().map(String::from).collect())
    }
}

/// Words that end a subject's head: what follows qualifies it.
const CONNECTORS: &[&str] = &[
    "about",
    "against",
    "among",
    "at",
    "between",
    "by",
    "concerning",
    "for",
    "from",
    "in",
    "into",
    "on",
    "regarding",
    "through",
    "to",
    "toward",
    "towards",
    "under",
    "via",
    "with",
    "within",
];

/// The id for a draft titled `title`, or `None` when the title has no
/// letter or digit to make one from.
pub fn derive_id(title: &str) -> Option<String> {
    slug(&head(&subject(title))).or_else(|| slug(title))
}

/// The whole title as a slug, for when the short id is taken.
pub fn long_id(title: &str) -> Option<String> {
    slug(&subject(title)).or_else(|| slug(title))
}

/// An id to offer when `id` is taken: the title's longer slug (for an id
/// derived from `title`), then `id-2`, `id-3`, ...; the first one not in
/// `taken`.
pub fn suggestions(title: Option<&str>, id: &str, taken: &Taken) -> Option<String> {
    let free = |candidate: &str| is_safe_id(candidate) && !taken.contains(candidate);
    if let Some(long) = title.and_then(long_id)
        && long != id
        && free(&long)
    {
        return Some(long);
    }
    (2..1000).find_map(|n| {
        let suffix = format!("-{n}");
        let mut stem = id.to_string();
        while stem.len() + suffix.len() > MAX_ID_LEN {
            stem.pop();
        }
        let candidate = format!("{}{suffix}", stem.trim_end_matches(['-', '.', '_']));
        free(&candidate).then_some(candidate)
    })
}

/// The words after "Proposal on" (or "for", "regarding", ...) near the
/// start of a title, without parenthesised parts.
fn subject(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let proposal = words.iter().take(5).position(|w| {
        let w = w.trim_end_matches(':').to_lowercase();
        w == "proposal" || w == "proposals"
    });
    let rest = match proposal {
        Some(at) => {
            let next = words.get(at + 1).map(|w| w.to_lowercase());
            let skip = usize::from(next.is_some_and(|n| CONNECTORS.contains(&n.as_str())));
            &words[(at + 1 + skip).min(words.len())..]
        }
        None => &words[..],
    };
    let rest = if rest.is_empty() { &words[..] } else { rest };
    without_parentheses(&rest.join(" "))
}

fn without_parentheses(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The subject up to its first connecting word after two words.
fn head(subject: &str) -> String {
    let words: Vec<&str> = subject.split_whitespace().collect();
    let cut = words
        .iter()
        .enumerate()
        .skip(2)
        .find(|(_, w)| CONNECTORS.contains(&w.to_lowercase().as_str()))
        .map_or(words.len(), |(i, _)| i);
    words[..cut].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_titles_give_the_bundled_ids() {
        for (title, id) in [
            (
                "U.S. Proposal on Entities of Concern",
                "entities-of-concern",
            ),
            (
                "U.S. Proposal on Round Table (RT) for Outreach to Non-Members",
                "round-table",
            ),
            (
                "U.S. Proposal on IE-TEM Working Group to Follow Up on Papers/Proposals on Emerging Technologies",
                "ie-tem-working-group",
            ),
            ("U.S. Proposal on Outreach to China", "outreach-to-china"),
        ] {
            assert_eq!(derive_id(title).as_deref(), Some(id), "{title}");
        }
    }

    #[test]
    fn plain_titles_accents_and_hostile_text() {
        assert_eq!(
            derive_id("Export controls on cruise missiles").as_deref(),
            Some("export-controls")
        );
        assert_eq!(
            derive_id("Sécurité des vols").as_deref(),
            Some("securite-des-vols")
        );
        assert_eq!(
            derive_id("Partners' views").as_deref(),
            Some("partners-views")
        );
        assert_eq!(derive_id("../../etc/x").as_deref(), Some("etc-x"));
        assert_eq!(derive_id("Proposal on").as_deref(), Some("proposal-on"));
        assert_eq!(derive_id("?!"), None);
        assert_eq!(derive_id("   "), None);
        let long = derive_id(&"word ".repeat(40)).unwrap();
        assert!(long.len() <= MAX_ID_LEN && is_safe_id(&long), "{long}");
        assert!(!long.ends_with('-'));
    }

    #[test]
    fn every_derived_id_is_safe() {
        for title in [
            "Ünïcödé",
            "日本語 only",
            "a\u{202e}b",
            "x/y\\z",
            "-lead",
            "1 2 3",
        ] {
            if let Some(id) = derive_id(title) {
                assert!(is_safe_id(&id), "{title:?} gave {id:?}");
            }
        }
    }

    #[test]
    fn suggestions_are_free() {
        let title = "U.S. Proposal on Round Table (RT) for Outreach to Non-Members";
        assert_eq!(
            suggestions(
                Some(title),
                "round-table",
                &Taken::from_iter(["round-table"])
            )
            .as_deref(),
            Some("round-table-for-outreach-to-non-members")
        );
        assert_eq!(
            suggestions(
                Some(title),
                "round-table",
                &Taken::from_iter(["round-table", "round-table-for-outreach-to-non-members"])
            )
            .as_deref(),
            Some("round-table-2")
        );
        assert_eq!(
            suggestions(
                Some("Round Table"),
                "round-table",
                &Taken::from_iter(["round-table", "round-table-2"])
            )
            .as_deref(),
            Some("round-table-3")
        );
    }
}
