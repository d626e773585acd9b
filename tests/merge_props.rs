//! Properties of the three-way word merge on random texts.

use plenary::negotiation::merge::{Side, merge};
use proptest::prelude::*;

fn side<'a>(label: &'a str, text: &'a str) -> Side<'a> {
    Side { label, text }
}

/// Words, marks and whitespace, with brackets and non-ASCII among them.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-e]{1,4}",
        2 => prop::sample::select(vec![" ", " ", "\n", "  "]).prop_map(String::from),
        1 => prop::sample::select(vec![".", ",", ";", "[", "]", "é", "気", "\u{202e}"])
            .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

/// One edit of word `i` of a text of unique words: kept, replaced,
/// dropped, or with a new word put before it.
#[derive(Debug, Clone, Copy)]
enum Edit {
    Keep,
    Replace,
    Drop,
    InsertBefore,
}

fn edits(n: usize) -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        3 => Just(Edit::Keep),
        1 => Just(Edit::Replace),
        1 => Just(Edit::Drop),
        1 => Just(Edit::InsertBefore),
    ];
    prop::collection::vec(edit, n)
}

/// `base` words with `edits` applied to those in `range`, new words tagged
/// `tag` so they never occur in the base.
fn edited(
    base: &[String],
    edits: &[Edit],
    range: std::ops::Range<usize>,
    tag: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    for (i, word) in base.iter().enumerate() {
        match (range.contains(&i), edits[i]) {
            (false, _) | (true, Edit::Keep) => out.push(word.clone()),
            (true, Edit::Replace) => out.push(format!("{tag}{i}")),
            (true, Edit::Drop) => {}
            (true, Edit::InsertBefore) => {
                out.push(format!("{tag}{i}"));
                out.push(word.clone());
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Merging a proposal with itself, or with the unchanged base, gives it.
    #[test]
    fn merging_with_itself_or_the_base_returns_it(base in text(), proposal in text()) {
        let alone = merge(&base, &[side("France", &proposal)]);
        prop_assert_eq!(&alone.text, &proposal);
        prop_assert!(alone.conflicts.is_empty());
        let twice = merge(&base, &[side("France", &proposal), side("Germany", &proposal)]);
        prop_assert_eq!(&twice.text, &proposal);
        prop_assert!(twice.conflicts.is_empty());
        for sides in [
            [side("France", &proposal), side("Germany", &base)],
            [side("Germany", &base), side("France", &proposal)],
        ] {
            let merged = merge(&base, &sides);
            prop_assert_eq!(&merged.text, &proposal);
            prop_assert!(merged.conflicts.is_empty());
        }
    }

    /// Every conflict is in the merged text where it says, bracketed, and
    /// each of its wordings is one a side asked for.
    #[test]
    fn conflicts_are_where_they_say(base in text(), a in text(), b in text()) {
        let merged = merge(&base, &[side("France", &a), side("Germany", &b)]);
        for conflict in &merged.conflicts {
            prop_assert_eq!(&merged.text[conflict.at.clone()], conflict.bracketed());
            prop_assert!(conflict.alternatives.len() >= 2);
            let mut labels: Vec<&str> = conflict
                .alternatives
                .iter()
                .flat_map(|alt| alt.labels.iter().map(String::as_str))
                .collect();
            labels.sort_unstable();
            prop_assert_eq!(labels, ["France", "Germany"]);
        }
    }

    /// Edits to different words of the base combine, in either order, and
    /// edits to the same word differently leave a bracket.
    #[test]
    fn disjoint_edits_combine_and_overlapping_ones_are_bracketed(
        n in 3usize..30,
        cut in 0usize..30,
        seed in edits(30),
    ) {
        let cut = cut % (n - 1);
        let base: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
        let edits = &seed[..n];
        // France edits words before `cut`, Germany words after it: word
        // `cut` stays, so no two changes touch.
        let a = edited(&base, edits, 0..cut, "f");
        let b = edited(&base, edits, cut + 1..n, "g");
        let (base_text, a_text, b_text) = (base.join(" "), a.join(" "), b.join(" "));
        let merged = merge(&base_text, &[side("France", &a_text), side("Germany", &b_text)]);
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged);
        let swapped = merge(&base_text, &[side("Germany", &b_text), side("France", &a_text)]);
        prop_assert_eq!(&merged.text, &swapped.text);
        for word in a.iter().chain(&b) {
            let kept_by_both = a.contains(word) && b.contains(word);
            let new = !base.contains(word);
            if kept_by_both || new {
                prop_assert!(merged.text.split(' ').any(|w| w == word), "{} missing in {}", word, merged.text);
            }
        }
        for word in &base {
            if !a.contains(word) || !b.contains(word) {
                prop_assert!(!merged.text.split(' ').any(|w| w == word), "{} kept in {}", word, merged.text);
            }
        }

        // Both replace the word at `cut` with different words: a bracket.
        let mut a2 = base.clone();
        let mut b2 = base.clone();
        a2[cut] = "fx".into();
        b2[cut] = "gx".into();
        let clash = merge(&base_text, &[side("France", &a2.join(" ")), side("Germany", &b2.join(" "))]);
        prop_assert_eq!(clash.conflicts.len(), 1);
        prop_assert!(clash.text.contains("[France: fx / Germany: gx]"), "{}", clash.text);
    }
}
