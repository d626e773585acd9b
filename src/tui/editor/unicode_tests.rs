//! Table-driven Unicode cases: accents, CJK, emoji, flags, tabs, controls.

use super::*;

/// Text samples and the clusters the cursor must step over, in order.
const SAMPLES: &[(&str, &[&str])] = &[
    (
        "précomposé",
        &["p", "r", "é", "c", "o", "m", "p", "o", "s", "é"],
    ),
    ("pre\u{301}", &["p", "r", "e\u{301}"]),
    ("中文", &["中", "文"]),
    ("ok👍🏽", &["o", "k", "👍🏽"]),
    (
        "👨\u{200D}👩\u{200D}👧\u{200D}👦!",
        &["👨\u{200D}👩\u{200D}👧\u{200D}👦", "!"],
    ),
    ("🇫🇷🇩🇪", &["🇫🇷", "🇩🇪"]),
    ("a\tb", &["a", "\t", "b"]),
    ("x\u{1b}[0m", &["x", "\u{1b}", "[", "0", "m"]),
    ("a\r\nb", &["a", "\r", "\n", "b"]),
];

fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[test]
fn right_and_left_step_over_whole_clusters() {
    for (text, clusters) in SAMPLES {
        let mut e = Editor::new(text);
        let mut expected = vec![];
        let mut at = 0;
        for c in *clusters {
            at += char_len(c);
            expected.push(at);
        }
        let mut stops = vec![];
        for _ in *clusters {
            e.move_right();
            stops.push(e.cursor());
        }
        assert_eq!(stops, expected, "{text:?} rightwards");
        for stop in expected.iter().rev().skip(1) {
            e.move_left();
            assert_eq!(e.cursor(), *stop, "{text:?} leftwards");
        }
    }
}

#[test]
fn backspace_removes_whole_clusters() {
    for (text, clusters) in SAMPLES {
        let mut e = Editor::new(text);
        e.doc_end();
        for n in (0..clusters.len()).rev() {
            e.backspace(0);
            assert_eq!(e.text(), clusters[..n].concat(), "{text:?}");
        }
    }
}

#[test]
fn delete_removes_whole_clusters() {
    for (text, clusters) in SAMPLES {
        let mut e = Editor::new(text);
        for n in 1..=clusters.len() {
            e.delete(0);
            assert_eq!(e.text(), clusters[n..].concat(), "{text:?}");
        }
    }
}

#[test]
fn cursor_cells_follow_display_widths() {
    let cases: &[(&str, u16)] = &[
        ("é", 1),
        ("e\u{301}", 1),
        ("中文", 4),
        ("👍🏽", 2),
        ("👨\u{200D}👩\u{200D}👧", 2),
        ("🇫🇷", 2),
        ("\t", 4),
        ("a\t", 4),
        ("\u{1b}", 1),
        ("\u{202E}", 8),
    ];
    for &(text, width) in cases {
        let mut e = Editor::new(text);
        e.doc_end();
        let view = e.view();
        assert_eq!(view.cursor, Some((width, 0)), "{text:?}");
        assert_eq!(view.rows[0].width, width, "{text:?}");
    }
}

#[test]
fn controls_are_drawn_as_placeholders() {
    let mut e = Editor::new("a\u{1b}]0;x\u{7}\u{202E}b\rc\u{9b}");
    e.doc_end();
    let view = e.view();
    assert_eq!(view.rows[0].text, "a␛]0;x␇<U+202E>b␍c<U+009B>");
    assert_eq!(view.rows[0].width, 26);
    assert_eq!(view.cursor, Some((26, 0)));
}

#[test]
fn typing_a_combining_accent_joins_the_letter() {
    let mut e = Editor::new("");
    e.insert_char('e', 0);
    e.insert_char('\u{301}', 0);
    assert_eq!(e.cursor(), 2);
    e.move_left();
    assert_eq!(e.cursor(), 0);
    e.doc_end();
    e.backspace(0);
    assert_eq!(e.text(), "");
}

#[test]
fn typing_before_a_cluster_never_leaves_the_cursor_inside_one() {
    // A ZWJ typed before an emoji joins it to the previous emoji.
    let mut e = Editor::new("👨👩");
    e.set_cursor(1);
    e.insert_char('\u{200D}', 0);
    assert_eq!(e.text(), "👨\u{200D}👩");
    assert_eq!(e.cursor(), 3);
    // A regional indicator typed between two re-pairs the flags.
    let mut e = Editor::new("🇫🇷");
    e.insert_char('🇩', 0);
    assert_eq!(e.cursor(), 2);
}

#[test]
fn deleting_between_clusters_that_merge_snaps_back() {
    let mut e = Editor::new("🇫x🇷");
    e.set_cursor(2);
    e.backspace(0);
    assert_eq!(e.text(), "🇫🇷");
    assert_eq!(e.cursor(), 0);
}

#[test]
fn up_and_down_across_wide_characters() {
    // "中文中文" is 8 cells; "abcdefgh" below it.
    let mut e = Editor::new("abcdefgh\n中文中文\nabcdefgh");
    e.set_cursor(3);
    e.move_down();
    assert_eq!(e.cursor(), 10, "column 3 is inside 文: before it");
    e.move_down();
    assert_eq!(e.cursor(), 17, "the goal column 3 is kept");
}

#[test]
fn wide_characters_never_straddle_the_edge() {
    let mut e = Editor::new("a中文中文");
    e.set_viewport(4, 5);
    let rows: Vec<String> = e.view().rows.into_iter().map(|r| r.text).collect();
    assert_eq!(rows, ["a中", "文中", "文"]);
}

#[test]
fn tabs_expand_to_stops_within_the_row() {
    let mut e = Editor::new("a\tb\tc");
    e.set_viewport(6, 5);
    let rows: Vec<(String, u16)> = e
        .view()
        .rows
        .into_iter()
        .map(|r| (r.text, r.width))
        .collect();
    // "a" + tab to 4 + "b" = 5 cells; the second tab gets the sixth cell and
    // breaks the row after it.
    assert_eq!(rows, [("a   b ".to_string(), 6), ("c".to_string(), 1)]);
}
