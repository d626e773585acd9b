//! The README's key tables are the keymap's: a key added or changed in
//! code without the README fails here (the message has the table to paste).

use plenary::tui::keymap::{Context, markdown};

#[test]
fn readme_key_tables_match_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for context in [
        Context::Browse,
        Context::Editor,
        Context::Review,
        Context::History,
        Context::Export,
    ] {
        let table = markdown(context);
        assert!(
            readme.contains(&table),
            "README.md lacks the {context:?} key table; it should read:\n\n{table}"
        );
    }
}
