//! Every output format against small golden files in tests/golden/redline/.
//!
//! Run with `PLENARY_BLESS=1` to rewrite the files after an intended change,
//! then review the diff of tests/golden/ before committing it.

use std::path::PathBuf;

use plenary::redline::{
    Redline, ansi, html, json, plain, redline, side_by_side, side_by_side_rows,
};

/// (name, old, new): small drafts that exercise one thing each.
const CASES: &[(&str, &str, &str)] = &[
    (
        "paragraph",
        "Partners agree on the utility of updating the list entities of concern, \
         and establish an ad hoc working group to that end.",
        "Partners agree on the utility of updating the list of entities of concern; \
         and establish [a standing committee] to that end.",
    ),
    (
        "paragraphs",
        "1. The Chair shall convene the Plenary.\n\n2. Decisions are taken by consensus.\n\n\
         3. This text is deleted.\n",
        "1. The Chair shall convene the Plenary  annually.\n\n2. Decisions are taken by consensus.\n",
    ),
    (
        "unsafe_text",
        "Partners' \"common\" list & <b>items</b>\n气候变化 café",
        "Partners' 'common' list & <script>alert(1)</script>\u{1b}]0;x\u{7}\n气候变暖 cafe\u{301} \u{202E}ton",
    ),
];

/// Renders a redline in one format.
type Render = fn(&Redline) -> String;

/// The formats, each a file extension and a renderer.
fn formats() -> Vec<(&'static str, Render)> {
    vec![
        ("plain.txt", plain),
        ("ansi.txt", |r| ansi(r, false)),
        ("ansi-color.txt", |r| ansi(r, true)),
        ("html", html),
        ("json", json),
        ("side-by-side.txt", |r| side_by_side(r, 60, false)),
        ("side-by-side-color.txt", |r| side_by_side(r, 60, true)),
        ("rows.txt", |r| format!("{:#?}\n", side_by_side_rows(r, 16))),
    ]
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/redline")
}

#[test]
fn formats_match_golden_files() {
    let bless = std::env::var_os("PLENARY_BLESS").is_some_and(|v| v == "1");
    let mut mismatches = Vec::new();
    for (name, old, new) in CASES {
        let r = redline(old, new);
        for (extension, render) in formats() {
            let path = golden_dir().join(format!("{name}.{extension}"));
            let actual = render(&r);
            if bless {
                std::fs::create_dir_all(golden_dir()).expect("create golden dir");
                std::fs::write(&path, &actual).expect("write golden file");
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(expected) if expected == actual => {}
                Ok(expected) => mismatches.push(format!(
                    "{}: differs\n--- expected\n{expected}\n--- actual\n{actual}",
                    path.display()
                )),
                Err(e) => mismatches.push(format!("{}: {e}", path.display())),
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{}\n(rerun with PLENARY_BLESS=1 to accept)",
        mismatches.join("\n")
    );
}
