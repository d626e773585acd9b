//! Properties of the tokenizer and the redline on random texts.

use plenary::redline::{Op, Redline, count_words, json, redline, tokenize};
use proptest::prelude::*;

/// Characters that stress the tokenizer: ASCII, whitespace of every kind,
/// controls and format characters, combining marks, joiners, other scripts,
/// emoji sequences, and anything else.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'e'),
        2 => prop::sample::select(vec![' ', ' ', '\n', '\t', '\r', '\u{a0}', '\u{3000}']),
        2 => prop::sample::select(vec![
            '-', '\'', '\u{2019}', '.', ',', ';', '[', ']', '"', '(', 's', '1', '9',
        ]),
        1 => prop::sample::select(vec![
            '\0', '\u{1b}', '\u{7}', '\u{b}', '\u{c}', '\u{7f}', '\u{85}', '\u{9b}',
            '\u{202e}', '\u{200b}', '\u{feff}', '\u{2028}', '\u{ad}',
        ]),
        1 => prop::sample::select(vec![
            '\u{301}', '\u{308}', '\u{200d}', '\u{fe0f}', '\u{94d}', '\u{1f3fd}',
        ]),
        1 => prop::sample::select(vec![
            'é', 'Д', 'ж', '気', '候', 'テ', 'ス', '。', 'क', 'ि', '👨', '👩', '🇫', '🇷', 'ß',
        ]),
        1 => any::<char>(),
    ]
}

fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..max).prop_map(|chars| chars.into_iter().collect())
}

/// A text and an edited copy of it: pieces kept, dropped, replaced, added.
fn similar_texts() -> impl Strategy<Value = (String, String)> {
    let piece = prop_oneof![
        Just(None),
        tricky_text(6).prop_map(Some),
        prop::sample::select(vec![" ", "\n", "  ", "\n\n"]).prop_map(|s| Some(s.to_owned())),
    ];
    (
        tricky_text(80),
        prop::collection::vec((0usize..80, piece), 0..8),
    )
        .prop_map(|(old, edits)| {
            let mut new: Vec<char> = old.chars().collect();
            for (at, piece) in edits {
                let at = at.min(new.len());
                match piece {
                    None if at < new.len() => {
                        new.remove(at);
                    }
                    None => {}
                    Some(text) => {
                        for (k, c) in text.chars().enumerate() {
                            new.insert(at + k, c);
                        }
                    }
                }
            }
            (old, new.into_iter().collect())
        })
}

/// Pairs of all kinds: unrelated, similar, identical, empty, whitespace only.
fn text_pairs() -> impl Strategy<Value = (String, String)> {
    let spaces = prop::collection::vec(prop::sample::select(vec![' ', '\n', '\t', '\r']), 0..6)
        .prop_map(|c| c.into_iter().collect::<String>());
    prop_oneof![
        (tricky_text(60), tricky_text(60)),
        similar_texts(),
        tricky_text(60).prop_map(|t| (t.clone(), t)),
        tricky_text(30).prop_map(|t| (String::new(), t)),
        tricky_text(30).prop_map(|t| (t, String::new())),
        (spaces.clone(), spaces),
    ]
}

/// Word lists over a small vocabulary, so that matches abound.
fn word_text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "a", "b", "c", "d", "the", "of", "Partners", "shall", ",", ".", "[", "]",
    ]);
    let gap = prop::sample::select(vec![" ", " ", " ", "\n", "  "]);
    prop::collection::vec((word, gap), 0..24).prop_map(|pairs| {
        pairs
            .into_iter()
            .flat_map(|(word, gap)| [word, gap])
            .collect()
    })
}

fn words(text: &str) -> Vec<&str> {
    tokenize(text)
        .into_iter()
        .filter(|t| !t.chars().all(char::is_whitespace))
        .collect()
}

fn lcs(a: &[&str], b: &[&str]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    row[b.len()]
}

/// Every invariant of a redline's spans.
fn check_spans(old: &str, new: &str, r: &Redline) -> Result<(), TestCaseError> {
    prop_assert_eq!(r.old_text(), old);
    prop_assert_eq!(r.new_text(), new);
    prop_assert!(r.spans.iter().all(|s| !s.text.is_empty()), "empty span");
    for pair in r.spans.windows(2) {
        prop_assert_ne!(pair[0].op, pair[1].op, "same op twice");
        prop_assert!(
            !(pair[0].op == Op::Insert && pair[1].op == Op::Delete),
            "insertion before deletion"
        );
    }
    // Two changes are always apart by at least one equal word or mark.
    for (i, span) in r.spans.iter().enumerate() {
        let between = i > 0 && i + 1 < r.spans.len();
        if span.op == Op::Equal && between {
            prop_assert!(
                count_words(&span.text) > 0,
                "changes apart by whitespace only, at span {}",
                i
            );
        }
    }
    prop_assert_eq!(r.is_unchanged(), old == new);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tokens_concatenate_to_the_input(text in tricky_text(120)) {
        let tokens = tokenize(&text);
        prop_assert_eq!(tokens.concat(), text.clone());
        prop_assert!(tokens.iter().all(|t| !t.is_empty()));
    }

    #[test]
    fn tokens_of_arbitrary_strings_concatenate(text in any::<String>()) {
        prop_assert_eq!(tokenize(&text).concat(), text);
    }

    #[test]
    fn whitespace_tokens_are_whitespace_only(text in tricky_text(120)) {
        for token in tokenize(&text) {
            let spaces = token.chars().filter(|c| c.is_whitespace()).count();
            let all = token.chars().count();
            // A token is all whitespace or counts as a word; a lone
            // whitespace character may lead a mark that combines with it.
            prop_assert!(spaces == all || count_words(token) == 1, "{:?}", token);
        }
    }

    #[test]
    fn spans_rebuild_both_texts((old, new) in text_pairs()) {
        let r = redline(&old, &new);
        check_spans(&old, &new, &r)?;
        let parsed: serde_json::Value = serde_json::from_str(&json(&r)).map_err(|e| {
            TestCaseError::fail(format!("invalid JSON: {e}"))
        })?;
        let spans = parsed.as_array().cloned().unwrap_or_default();
        let rebuilt = |skip: &str| -> String {
            spans
                .iter()
                .filter(|s| s["op"] != skip)
                .filter_map(|s| s["text"].as_str())
                .collect()
        };
        prop_assert_eq!(rebuilt("insert"), old);
        prop_assert_eq!(rebuilt("delete"), new);
    }

    #[test]
    fn changed_words_are_a_minimal_edit(old in word_text(), new in word_text()) {
        let r = redline(&old, &new);
        check_spans(&old, &new, &r)?;
        let (a, b) = (words(&old), words(&new));
        let common = lcs(&a, &b);
        let stat = r.stat();
        prop_assert_eq!(stat.deleted_words, a.len() - common);
        prop_assert_eq!(stat.inserted_words, b.len() - common);
        prop_assert_eq!(stat.unchanged_words, common);
    }

    #[test]
    fn stat_counts_every_word_once((old, new) in text_pairs()) {
        let stat = redline(&old, &new).stat();
        prop_assert_eq!(stat.deleted_words + stat.unchanged_words, count_words(&old));
        prop_assert_eq!(stat.inserted_words + stat.unchanged_words, count_words(&new));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Texts above the whole-text limit go through line alignment and
    /// region diffs: the same invariants hold there.
    #[test]
    fn large_texts_keep_the_invariants(
        (old, new) in similar_texts(),
        paragraph in word_text(),
    ) {
        let block = format!("{paragraph}\n\n");
        let old = format!("{}{old}{}", block.repeat(300), block.repeat(200));
        let new = format!("{}{new}{}", block.repeat(290), block.repeat(210));
        let r = redline(&old, &new);
        check_spans(&old, &new, &r)?;
    }
}
