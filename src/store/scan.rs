//! A bounded first look at a YAML file, before serde sees it.
//!
//! serde_yaml is comfortable with well-formed drafts but not with hostile
//! input: its alias guard scales with the file's size, its parse time grows
//! quadratically with flow nesting (even under ignored keys), and it silently
//! keeps the last of two duplicate keys in some positions. So every file first
//! goes through this streaming pass over parser events, which stops at the
//! first thing drafts never need: an anchor or alias, a tag, nesting deeper
//! than [`MAX_DEPTH`], a second document, a non-scalar or duplicate key. It
//! builds nothing but a stack of open containers, so it runs in time linear in
//! the file and memory bounded by the depth.
//!
//! The same walk answers [`locate`]: the line and column of a field path such
//! as `proposals.1.partner`, so that validation problems found on typed data
//! can point into the file. It only runs when there is something to report.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::Marker;

/// Deepest nesting of mappings and sequences accepted. A draft needs 5.
pub const MAX_DEPTH: usize = 16;

/// Most values (scalars, lists, mappings) a file may hold. A draft with a
/// thousand proposals and their positions has some 30,000; serde_yaml keeps
/// every event of a document in memory before reading it, so a file of
/// millions of tiny values (`[1,1,1,...]`) would cost hundreds of MiB.
pub const MAX_NODES: usize = 100_000;

/// Where something is in a file, both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl From<Marker> for Position {
    fn from(mark: Marker) -> Self {
        Position {
            line: mark.line(),
            // yaml-rust2 counts columns from 0 (whatever its docs say).
            col: mark.col() + 1,
        }
    }
}

/// What the scan refused, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub at: Position,
    pub message: String,
}

/// One open container on the walk.
enum Frame {
    Map {
        /// Keys seen so far, with where they were, for duplicate detection.
        keys: HashMap<String, Position>,
        /// The key whose value comes next, if any.
        pending: Option<String>,
    },
    Seq {
        next: usize,
    },
}

/// A field path segment: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

fn path_string(path: &[Segment]) -> String {
    let mut out = String::new();
    for (i, segment) in path.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        match segment {
            Segment::Key(key) => out.push_str(key),
            Segment::Index(index) => out.push_str(&index.to_string()),
        }
    }
    out
}

/// Walks `src`'s events, refusing what drafts never contain, and calls
/// `visit(path, position)` for every mapping key and every sequence item
/// (`position` is where the key or the item starts). `visit` returns `true`
/// to stop early.
fn walk(src: &str, mut visit: impl FnMut(&str, Position) -> bool) -> Result<(), Refusal> {
    let mut parser = Parser::new_from_str(src);
    let mut stack: Vec<Frame> = Vec::new();
    let mut path: Vec<Segment> = Vec::new();
    let mut documents = 0;
    let mut nodes = 0;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| Refusal {
            at: (*e.marker()).into(),
            message: match e.info() {
                info if info.contains("recursion limit") => {
                    format!("nesting deeper than {MAX_DEPTH} levels: drafts are never this deep")
                }
                info => info.to_owned(),
            },
        })?;
        let at = Position::from(mark);
        let refuse = |message: &str| Refusal {
            at,
            message: message.to_owned(),
        };
        // Is this event a key of the innermost mapping?
        let is_key = matches!(stack.last(), Some(Frame::Map { pending: None, .. }));
        match &event {
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => continue,
            Event::StreamEnd => return Ok(()),
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(refuse(
                        "a second YAML document ('---'): a file holds one draft",
                    ));
                }
                continue;
            }
            Event::Alias(_) => {
                return Err(refuse("aliases (*name) are not allowed in plenary files"));
            }
            Event::Scalar(_, _, anchor, tag)
            | Event::SequenceStart(anchor, tag)
            | Event::MappingStart(anchor, tag) => {
                if *anchor != 0 {
                    return Err(refuse("anchors (&name) are not allowed in plenary files"));
                }
                if tag.is_some() {
                    return Err(refuse("tags (!name) are not allowed in plenary files"));
                }
                nodes += 1;
                if nodes > MAX_NODES {
                    return Err(refuse(&format!(
                        "more than {MAX_NODES} values: far more than any draft holds"
                    )));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => {}
        }
        if is_key {
            let Event::Scalar(key, ..) = event else {
                if matches!(event, Event::MappingEnd) {
                    stack.pop();
                    end_value(&mut stack, &mut path);
                    continue;
                }
                return Err(refuse("only plain words can be keys"));
            };
            let Some(Frame::Map { keys, pending }) = stack.last_mut() else {
                unreachable!("is_key implies a mapping frame");
            };
            if let Some(first) = keys.get(&key) {
                return Err(refuse(&format!(
                    "duplicate key '{key}' (first given on line {})",
                    first.line
                )));
            }
            keys.insert(key.clone(), at);
            *pending = Some(key.clone());
            path.push(Segment::Key(key));
            if visit(&path_string(&path), at) {
                return Ok(());
            }
            continue;
        }
        // A value: a sequence item or a mapping value.
        if let Some(Frame::Seq { next }) = stack.last_mut()
            && !matches!(event, Event::SequenceEnd)
        {
            path.push(Segment::Index(*next));
            *next += 1;
            if visit(&path_string(&path), at) {
                return Ok(());
            }
        }
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(refuse(&format!(
                        "nesting deeper than {MAX_DEPTH} levels: drafts are never this deep"
                    )));
                }
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Frame::Map {
                        keys: HashMap::new(),
                        pending: None,
                    }
                } else {
                    Frame::Seq { next: 0 }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
                end_value(&mut stack, &mut path);
            }
            _ => end_value(&mut stack, &mut path),
        }
    }
}

/// A value just ended: pop its path segment and clear the mapping's pending key.
fn end_value(stack: &mut [Frame], path: &mut Vec<Segment>) {
    match stack.last_mut() {
        Some(Frame::Map { pending, .. }) => {
            let had_key = pending.take().is_some();
            if had_key {
                path.pop();
            }
        }
        Some(Frame::Seq { .. }) => {
            path.pop();
        }
        None => {}
    }
}

/// Refuses what drafts never need; see the module docs.
pub fn check(src: &str) -> Result<(), Refusal> {
    walk(src, |_, _| false)
}

/// Where the field at `path` (e.g. `proposals.1.partner`) starts, if the
/// file has it. For a path that does not exist, the nearest existing parent.
pub fn locate(src: &str, path: &str) -> Option<Position> {
    locate_all(src, &[path]).pop().flatten()
}

/// [`locate`] for many paths in one pass over the file, so that a file with
/// thousands of problems is located in linear time.
pub fn locate_all(src: &str, paths: &[&str]) -> Vec<Option<Position>> {
    // For each requested path and each of its parents, who asked for it.
    let mut wanted: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, path) in paths.iter().enumerate() {
        wanted.entry(path).or_default().push(i);
        for (dot, _) in path.match_indices('.') {
            wanted.entry(&path[..dot]).or_default().push(i);
        }
    }
    let mut best: Vec<Option<(usize, Position)>> = vec![None; paths.len()];
    let _ = walk(src, |candidate, at| {
        for &i in wanted.get(candidate).into_iter().flatten() {
            let len = if candidate.len() == paths[i].len() {
                usize::MAX
            } else {
                candidate.len()
            };
            if best[i].is_none_or(|(best_len, _)| len > best_len) {
                best[i] = Some((len, at));
            }
        }
        false
    });
    best.into_iter().map(|b| b.map(|(_, at)| at)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = "schema: 1\nid: x\nproposals:\n  - id: a\n    partner: France\n  - id: b\n    partner: Frnace\n    positions:\n      - partner: Japan\n";

    #[test]
    fn locates_fields_by_path() {
        assert_eq!(locate(DRAFT, "id"), Some(Position { line: 2, col: 1 }));
        assert_eq!(
            locate(DRAFT, "proposals.1.partner"),
            Some(Position { line: 7, col: 5 })
        );
        assert_eq!(
            locate(DRAFT, "proposals.1.positions.0.partner"),
            Some(Position { line: 9, col: 9 })
        );
        // A missing field points at its parent.
        assert_eq!(locate(DRAFT, "proposals.1.text").map(|p| p.line), Some(6));
    }

    #[test]
    fn refuses_what_drafts_never_need() {
        let cases = [
            ("a: &x 1\nb: *x\n", "anchors", 1),
            ("a: [1]\nb: *x\n", "", 2),
            ("a: !!binary aGk=\n", "tags", 1),
            (
                "a: 1\nb: 2\na: 3\n",
                "duplicate key 'a' (first given on line 1)",
                3,
            ),
            ("a: 1\n---\nb: 2\n", "second YAML document", 2),
            ("? [a]\n: 1\n", "keys", 1),
        ];
        for (src, needle, line) in cases {
            let refusal = check(src).unwrap_err();
            assert!(refusal.message.contains(needle), "{src:?}: {refusal:?}");
            assert_eq!(refusal.at.line, line, "{src:?}: {refusal:?}");
        }
    }

    #[test]
    fn refuses_deep_nesting_quickly() {
        let deep = "a: ".to_owned() + &"[".repeat(100_000);
        let refusal = check(&deep).unwrap_err();
        assert!(refusal.message.contains("nesting deeper"), "{refusal:?}");
    }

    #[test]
    fn accepts_ordinary_drafts() {
        assert_eq!(check(DRAFT), Ok(()));
        assert_eq!(check("text: |-\n  a [b] *c &d !e\n"), Ok(()));
    }
}
