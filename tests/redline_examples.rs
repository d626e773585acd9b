//! The redline on the cases negotiators meet, one by one.

use plenary::redline::{
    Op, Redline, Span, Stat, ansi, count_words, html, json, op_name, plain, redline, tokenize,
};

fn span(op: Op, text: &str) -> Span {
    Span {
        op,
        text: text.to_owned(),
    }
}

/// Checks the invariants every redline must keep, then returns it.
fn checked(old: &str, new: &str) -> Redline {
    let r = redline(old, new);
    assert_eq!(r.old_text(), old, "old text of {old:?} -> {new:?}");
    assert_eq!(r.new_text(), new, "new text of {old:?} -> {new:?}");
    assert!(r.spans.iter().all(|s| !s.text.is_empty()), "empty span");
    for pair in r.spans.windows(2) {
        assert_ne!(pair[0].op, pair[1].op, "unmerged spans in {:?}", r.spans);
        assert!(
            !(pair[0].op == Op::Insert && pair[1].op == Op::Delete),
            "insertion before deletion in {:?}",
            r.spans
        );
    }
    r
}

#[test]
fn an_added_word_is_one_insertion() {
    let old = "Partners agree on the utility of updating the list entities of concern";
    let new = "Partners agree on the utility of updating the list of entities of concern";
    let r = checked(old, new);
    let changes: Vec<&Span> = r.spans.iter().filter(|s| s.op != Op::Equal).collect();
    assert_eq!(changes, [&span(Op::Insert, "of ")]);
    assert_eq!(
        plain(&r),
        "Partners agree on the utility of updating the list {+of +}entities of concern"
    );
}

#[test]
fn a_replaced_phrase_is_one_deletion_then_one_insertion() {
    let r = checked(
        "Partners establish an ad hoc working group on export controls.",
        "Partners establish a standing committee on export controls.",
    );
    assert_eq!(
        r.spans,
        [
            span(Op::Equal, "Partners establish "),
            span(Op::Delete, "an ad hoc working group"),
            span(Op::Insert, "a standing committee"),
            span(Op::Equal, " on export controls."),
        ]
    );
    let r = checked("ad hoc working group", "standing committee");
    assert_eq!(plain(&r), "[-ad hoc working group-]{+standing committee+}");
}

#[test]
fn changes_separated_by_whitespace_only_are_one_change() {
    assert_eq!(plain(&checked("a c", "b d")), "[-a c-]{+b d+}");
    assert_eq!(plain(&checked("x a c y", "x b d y")), "x [-a c-]{+b d+} y");
}

#[test]
fn a_changed_comma_is_exactly_that() {
    let r = checked(
        "Partners, acting jointly, agree",
        "Partners; acting jointly, agree",
    );
    assert_eq!(plain(&r), "Partners[-,-]{+;+} acting jointly, agree");
    assert_eq!(
        r.stat(),
        Stat {
            deleted_words: 1,
            inserted_words: 1,
            unchanged_words: 5,
        }
    );
}

#[test]
fn an_added_bracket_is_exactly_that() {
    let r = checked(
        "shall apply to all Partners",
        "shall apply to [all Partners]",
    );
    assert_eq!(plain(&r), "shall apply to {+[+}all Partners{+]+}");
}

#[test]
fn a_deleted_word_takes_one_space_with_it() {
    assert_eq!(plain(&checked("a b c", "a c")), "a [-b -]c");
    assert_eq!(
        plain(&checked("the list of entities.", "the list of.")),
        "the list of[- entities-]."
    );
}

#[test]
fn words_keep_hyphens_and_apostrophes() {
    let r = checked(
        "the Regime's non-Partner States' obligations",
        "the Regime's non-member States' obligations",
    );
    assert_eq!(
        plain(&r),
        "the Regime's [-non-Partner-]{+non-member+} States' obligations"
    );
}

#[test]
fn whitespace_only_changes_are_kept_exactly() {
    let r = checked("a  b", "a b");
    assert_eq!(
        r.spans,
        [
            span(Op::Equal, "a "),
            span(Op::Delete, " "),
            span(Op::Equal, "b")
        ]
    );
    assert_eq!(r.stat().deleted_words, 0);
    assert!(!r.is_unchanged());
    let r = checked("one\ntwo", "one two");
    assert_eq!(plain(&r), "one[-\n-]{+ +}two");
    checked("  ", "\t");
    checked("a\r\nb", "a\nb");
    checked("trailing ", "trailing");
}

#[test]
fn edge_texts() {
    assert_eq!(checked("", "").spans, []);
    assert!(checked("", "").is_unchanged());
    assert_eq!(checked("", "new").spans, [span(Op::Insert, "new")]);
    assert_eq!(checked("old", "").spans, [span(Op::Delete, "old")]);
    let same = "Partners agree.\n\nNo change.";
    let r = checked(same, same);
    assert!(r.is_unchanged());
    assert_eq!(r.spans, [span(Op::Equal, same)]);
    assert_eq!(
        plain(&checked("completely different", "nothing shared")),
        "[-completely different-]{+nothing shared+}"
    );
}

#[test]
fn control_characters_are_tokens_of_their_own() {
    let r = checked("a b", "a \u{1b}[2J b");
    assert_eq!(plain(&r), "a {+\u{1b}[2J +}b");
    let shown = ansi(&r, false);
    assert!(
        !shown.contains("\u{1b}[2J"),
        "raw escape reached the terminal"
    );
    assert!(shown.contains("␛[2J"));
    checked("\0\u{7}", "\u{7}\0");
}

#[test]
fn unicode_words_of_any_script() {
    let r = checked("Договор сторон", "Договор Сторон");
    assert_eq!(plain(&r), "Договор [-сторон-]{+Сторон+}");
    let r = checked("気候変動対策", "気候変化対策");
    assert_eq!(plain(&r), "気候変[-動-]{+化+}対策");
    let r = checked("café crème", "cafe\u{301} crème");
    assert_eq!(r.stat().deleted_words, 1);
}

#[test]
fn renderers() {
    let r = checked("a <b> & 'c'", "a <i> & \"c\"");
    assert_eq!(
        html(&r),
        "a &lt;<del>b</del><ins>i</ins>&gt; &amp; <del>&#39;</del><ins>&quot;</ins>c\
         <del>&#39;</del><ins>&quot;</ins>"
    );
    let r = checked("x", "<script>alert(1)</script>");
    assert!(!html(&r).contains("<script>"));
    let r = checked("a b", "a c");
    assert_eq!(
        json(&r),
        r#"[{"op":"equal","text":"a "},{"op":"delete","text":"b"},{"op":"insert","text":"c"}]"#
    );
    assert_eq!(
        ansi(&r, true),
        "a \u{1b}[9;31mb\u{1b}[0m\u{1b}[4;32mc\u{1b}[0m"
    );
    assert_eq!(ansi(&r, false), "a \u{1b}[9mb\u{1b}[0m\u{1b}[4mc\u{1b}[0m");
    assert_eq!(op_name(Op::Equal), "equal");
    assert_eq!(op_name(Op::Delete), "delete");
    assert_eq!(op_name(Op::Insert), "insert");
}

#[test]
fn ansi_styles_never_cross_a_line() {
    let r = checked("keep", "keep\nnew line");
    assert_eq!(ansi(&r, false), "keep\n\u{1b}[4mnew line\u{1b}[0m");
    let r = checked("a\nb", "c\nd");
    assert_eq!(
        ansi(&r, false),
        "\u{1b}[9ma\u{1b}[0m\n\u{1b}[9mb\u{1b}[0m\u{1b}[4mc\u{1b}[0m\n\u{1b}[4md\u{1b}[0m"
    );
}

#[test]
fn tokenizer_and_counts() {
    assert_eq!(
        tokenize("(a) Partners' non-Partner [1.5]"),
        [
            "(",
            "a",
            ")",
            " ",
            "Partners'",
            " ",
            "non-Partner",
            " ",
            "[",
            "1.5",
            "]"
        ]
    );
    assert_eq!(count_words("(a) Partners' non-Partner [1.5]"), 8);
    assert_eq!(count_words(" \n\t "), 0);
}

#[test]
fn json_is_valid_and_rebuilds_both_texts() {
    let r = checked("Line \"one\"\n\ttab\u{0}", "Line 'one'\r\n\ttab");
    let value: serde_json::Value = serde_json::from_str(&json(&r)).expect("valid JSON");
    let spans = value.as_array().expect("an array");
    let text = |skip: &str| -> String {
        spans
            .iter()
            .filter(|s| s["op"] != skip)
            .map(|s| s["text"].as_str().unwrap_or_default())
            .collect()
    };
    assert_eq!(text("insert"), r.old_text());
    assert_eq!(text("delete"), r.new_text());
}
