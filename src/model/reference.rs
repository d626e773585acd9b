//! Naming a text of a draft: `original`, `current`, `v3`, or a proposal id.

use std::fmt;

use super::Draft;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// Version 1, the tabled wording.
    Original,
    /// The newest version.
    Current,
    Version(u32),
    Proposal(String),
}

impl Reference {
    /// Reads a reference as users write it. Anything that is not a version
    /// word is taken as a proposal id.
    pub fn parse(word: &str) -> Reference {
        match word {
            "original" => Reference::Original,
            "current" => Reference::Current,
            _ => match word.strip_prefix('v').and_then(|n| n.parse().ok()) {
                Some(n) => Reference::Version(n),
                None => Reference::Proposal(word.to_string()),
            },
        }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reference::Original => f.write_str("original"),
            Reference::Current => f.write_str("current"),
            Reference::Version(n) => write!(f, "v{n}"),
            Reference::Proposal(id) => f.write_str(id),
        }
    }
}

impl Draft {
    /// The text `reference` names, or a message saying what exists instead.
    pub fn text_of(&self, reference: &Reference) -> Result<&str, String> {
        let found = match reference {
            Reference::Original => self.original().map(|v| v.text.as_str()),
            Reference::Current => self.current().map(|v| v.text.as_str()),
            Reference::Version(n) => self.version(*n).map(|v| v.text.as_str()),
            Reference::Proposal(id) => self.proposal(id).map(|p| p.text.as_str()),
        };
        found.ok_or_else(|| {
            let mut names: Vec<String> = vec!["original".into(), "current".into()];
            names.extend(self.versions.iter().map(|v| format!("v{}", v.version)));
            names.extend(self.proposals.iter().map(|p| p.id.clone()));
            format!(
                "draft '{}' has no text '{reference}'; it has: {}",
                self.id,
                names.join(", ")
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_parse_to_references() {
        assert_eq!(Reference::parse("original"), Reference::Original);
        assert_eq!(Reference::parse("current"), Reference::Current);
        assert_eq!(Reference::parse("v12"), Reference::Version(12));
        assert_eq!(
            Reference::parse("vienna-1"),
            Reference::Proposal("vienna-1".into())
        );
        assert_eq!(
            Reference::parse("france-2"),
            Reference::Proposal("france-2".into())
        );
    }
}
