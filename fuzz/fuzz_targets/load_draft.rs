//! The loader on arbitrary bytes: it must answer (a draft or diagnostics)
//! without panicking, and whatever it accepts must survive the canonical
//! writer: saving and loading again gives the same draft and the same bytes.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use plenary::model::Session;
use plenary::store::{draft_yaml, parse_draft, parse_session};

static SESSION: LazyLock<Session> = LazyLock::new(|| {
    let src = include_str!("../../drafts/plenary.yaml");
    parse_session(src, Path::new("plenary.yaml")).expect("bundled session loads")
});

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return; // The reader refuses non-UTF-8 before parsing; tested in tests/store.rs.
    };
    let path = Path::new("fuzz.yaml");
    let Ok(draft) = parse_draft(src, path, &SESSION) else {
        return;
    };
    let written = draft_yaml(&draft);
    let again = parse_draft(&written, path, &SESSION).expect("canonical output loads");
    assert_eq!(again, draft, "canonical writer changed the draft");
    assert_eq!(draft_yaml(&again), written, "canonical writer is not stable");
});
