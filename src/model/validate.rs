//! The rules a draft and a session must satisfy.
//!
//! Every check runs and every failure is collected: a negotiator fixing a file
//! by hand should see all its problems in one go. A [`Problem`] names the field
//! by its path (`proposals.1.partner`, the same shape `serde_ignored` uses), and
//! the store turns the path into a line and column of the file.

use std::collections::HashSet;

use super::{Draft, DraftStatus, SCHEMA, Session, session::suggest};

/// One broken rule, at one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Dotted path to the field: `versions.0.text`, `proposals.2.positions.0.partner`.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Longest id accepted for drafts and proposals.
pub const MAX_ID_LEN: usize = 64;

/// Whether `id` is safe as a file stem everywhere: lowercase ASCII letters,
/// digits, `-`, `_` and `.`, starting with a letter or digit, no `..`.
pub fn is_safe_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
        && !id.contains("..")
        && id.len() <= MAX_ID_LEN
}

/// Why an id is unsafe, for messages; `None` when it is fine.
pub fn id_problem(id: &str, what: &str) -> Option<String> {
    if is_safe_id(id) {
        return None;
    }
    Some(format!(
        "{what} '{id}' is not a safe id: use lowercase letters, digits, '-', '_' and '.', \
         starting with a letter or digit, at most {MAX_ID_LEN} characters"
    ))
}

/// Checks the session file's own rules.
pub fn validate_session(session: &Session) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_schema(session.schema, &mut problems);
    if session.name.trim().is_empty() {
        problems.push(Problem::new("name", "the session needs a name"));
    }
    if session.partners.is_empty() {
        problems.push(Problem::new("partners", "the session lists no Partners"));
    }
    let mut seen = HashSet::new();
    for (i, partner) in session.partners.iter().enumerate() {
        if partner.trim().is_empty() {
            problems.push(Problem::new(format!("partners.{i}"), "empty Partner name"));
        } else if !seen.insert(partner.as_str()) {
            problems.push(Problem::new(
                format!("partners.{i}"),
                format!("Partner '{partner}' is listed twice"),
            ));
        }
    }
    if !session.is_partner(&session.chair) {
        problems.push(Problem::new(
            "chair",
            unknown_partner_message(session, &session.chair, "chair"),
        ));
    }
    let mut seen = HashSet::new();
    for (i, id) in session.drafts.iter().enumerate() {
        if let Some(message) = id_problem(id, "draft id") {
            problems.push(Problem::new(format!("drafts.{i}"), message));
        } else if !seen.insert(id.as_str()) {
            problems.push(Problem::new(
                format!("drafts.{i}"),
                format!("draft '{id}' is listed twice"),
            ));
        }
    }
    for (field, date) in [("opens", &session.opens), ("closes", &session.closes)] {
        if let Some(date) = date {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            if time::Date::parse(date, &format).is_err() {
                problems.push(Problem::new(
                    field,
                    format!("'{date}' is not a date like 2009-11-09"),
                ));
            }
        }
    }
    problems
}

/// Checks a draft against its own rules and the session's Partner list.
pub fn validate_draft(draft: &Draft, session: &Session) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_schema(draft.schema, &mut problems);
    if let Some(message) = id_problem(&draft.id, "draft id") {
        problems.push(Problem::new("id", message));
    }
    if draft.title.trim().is_empty() {
        problems.push(Problem::new("title", "the draft needs a title"));
    }
    if draft.versions.is_empty() {
        problems.push(Problem::new(
            "versions",
            "the draft has no versions: version 1 is the original text",
        ));
    }
    for (i, version) in draft.versions.iter().enumerate() {
        let expected = i as u64 + 1;
        if u64::from(version.version) != expected {
            problems.push(Problem::new(
                format!("versions.{i}.version"),
                format!(
                    "versions must be numbered 1, 2, 3, ... in order: expected {expected}, found {}",
                    version.version
                ),
            ));
        }
        check_partner(
            session,
            &version.author,
            &format!("versions.{i}.author"),
            "author",
            &mut problems,
        );
        check_text(&version.text, &format!("versions.{i}.text"), &mut problems);
        if let Some(id) = &version.adopted_from {
            check_proposal_ref(
                draft,
                id,
                &format!("versions.{i}.adopted_from"),
                &mut problems,
            );
        }
    }
    if let Some(agreed) = &draft.agreed {
        check_partner(session, &agreed.by, "agreed.by", "Chair", &mut problems);
        if draft.status == DraftStatus::Open {
            problems.push(Problem::new(
                "agreed",
                "the draft records an agreement but its status is open: \
                 set status to agreed or ad-ref, or remove 'agreed'",
            ));
        }
    }
    let mut ids = HashSet::new();
    for (i, proposal) in draft.proposals.iter().enumerate() {
        let at = format!("proposals.{i}");
        if let Some(message) = id_problem(&proposal.id, "proposal id") {
            problems.push(Problem::new(format!("{at}.id"), message));
        } else if !ids.insert(proposal.id.as_str()) {
            problems.push(Problem::new(
                format!("{at}.id"),
                format!("duplicate proposal id '{}'", proposal.id),
            ));
        }
        check_partner(
            session,
            &proposal.partner,
            &format!("{at}.partner"),
            "Partner",
            &mut problems,
        );
        if draft.version(proposal.base).is_none() {
            problems.push(Problem::new(
                format!("{at}.base"),
                format!(
                    "base version {} does not exist (the draft has versions 1 to {})",
                    proposal.base,
                    draft.versions.len()
                ),
            ));
        }
        check_text(&proposal.text, &format!("{at}.text"), &mut problems);
        for (j, id) in proposal.merges.iter().enumerate() {
            check_proposal_ref(draft, id, &format!("{at}.merges.{j}"), &mut problems);
        }
        for (j, position) in proposal.positions.iter().enumerate() {
            check_partner(
                session,
                &position.partner,
                &format!("{at}.positions.{j}.partner"),
                "Partner",
                &mut problems,
            );
        }
    }
    problems
}

fn check_schema(schema: u32, problems: &mut Vec<Problem>) {
    if schema != SCHEMA {
        problems.push(Problem::new(
            "schema",
            format!("unsupported schema {schema}: this version of plenary reads schema {SCHEMA}"),
        ));
    }
}

fn check_partner(
    session: &Session,
    name: &str,
    path: &str,
    role: &str,
    problems: &mut Vec<Problem>,
) {
    if !session.is_partner(name) {
        problems.push(Problem::new(
            path,
            unknown_partner_message(session, name, role),
        ));
    }
}

fn unknown_partner_message(session: &Session, name: &str, role: &str) -> String {
    let hint = suggest(name, session.partners.iter().map(String::as_str))
        .map(|s| format!(" (did you mean '{s}'?)"))
        .unwrap_or_default();
    format!("unknown Partner '{name}' as {role}{hint}: not in the session's Partner list")
}

fn check_proposal_ref(draft: &Draft, id: &str, path: &str, problems: &mut Vec<Problem>) {
    if draft.proposal(id).is_none() {
        problems.push(Problem::new(
            path,
            format!("there is no proposal '{id}' in this draft"),
        ));
    }
}

fn check_text(text: &str, path: &str, problems: &mut Vec<Problem>) {
    if text.trim().is_empty() {
        problems.push(Problem::new(path, "empty text"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_ids() {
        for good in ["entities-of-concern", "france-1", "a", "v1.2_x"] {
            assert!(is_safe_id(good), "{good}");
        }
        for bad in [
            "",
            "../../etc/x",
            "a/b",
            ".hidden",
            "a..b",
            "Upper",
            "a b",
            "é",
        ] {
            assert!(!is_safe_id(bad), "{bad}");
        }
        assert!(!is_safe_id(&"a".repeat(MAX_ID_LEN + 1)));
    }
}
