//! The plenary session: who takes part, who chairs, which drafts are on the table.

/// `drafts/plenary.yaml`: the session every draft belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub schema: u32,
    /// e.g. "MTCR Plenary, Rio de Janeiro 2009".
    pub name: String,
    pub place: Option<String>,
    /// First day, `YYYY-MM-DD`.
    pub opens: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    pub closes: Option<String>,
    /// The Partner that chairs the plenary; only it may adopt and agree.
    pub chair: String,
    /// Every Partner, in the order they are listed in the room.
    pub partners: Vec<String>,
    /// Draft ids in agenda order.
    pub drafts: Vec<String>,
}

impl Session {
    /// Whether `name` is one of the session's Partners (exact spelling).
    pub fn is_partner(&self, name: &str) -> bool {
        self.partners.iter().any(|p| p == name)
    }

    /// The Partner whose name matches `name` ignoring case and spacing, for
    /// command-line convenience (`--as france`).
    pub fn find_partner(&self, name: &str) -> Option<&str> {
        let wanted = fold(name);
        self.partners
            .iter()
            .find(|p| fold(p) == wanted)
            .map(String::as_str)
    }

    /// The known Partner closest to a misspelt name, for "did you mean" hints.
    pub fn suggest_partner(&self, name: &str) -> Option<&str> {
        suggest(name, self.partners.iter().map(String::as_str))
    }
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The candidate within a small edit distance of `word`, if any.
pub fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let word = fold(word);
    let candidates: Vec<&str> = candidates.collect();
    // "Russia" for "Russian Federation": a unique candidate starting with the word.
    let mut starting = candidates
        .iter()
        .filter(|c| word.len() >= 3 && fold(c).starts_with(&word));
    if let (Some(only), None) = (starting.next(), starting.next()) {
        return Some(only);
    }
    candidates
        .into_iter()
        .map(|c| (edit_distance(&word, &fold(c)), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_partner_names() {
        let names = ["France", "Germany", "United States"];
        assert_eq!(suggest("Frnace", names.into_iter()), Some("France"));
        assert_eq!(
            suggest("united states", names.into_iter()),
            Some("United States")
        );
        assert_eq!(suggest("Brazil", names.into_iter()), None);
        let names = ["Russian Federation", "Republic of Korea", "Romania"];
        assert_eq!(
            suggest("Russia", names.into_iter()),
            Some("Russian Federation")
        );
        assert_eq!(suggest("R", names.into_iter()), None, "too short to guess");
    }
}
