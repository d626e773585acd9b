//! Many writers on one drafts folder, and writers that die mid-save: real
//! processes on real files.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{plenary, scratch_drafts, stderr, stdout};

const DRAFT: &str = "entities-of-concern";

fn loaded(drafts: &Path) -> plenary::model::Draft {
    let folder = plenary::store::load_folder(drafts).unwrap();
    folder.entry(DRAFT).unwrap().draft().unwrap().clone()
}

/// Files left in the drafts folder that a finished save should not leave.
fn leftovers(drafts: &Path) -> Vec<String> {
    fs::read_dir(drafts)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| plenary::store::is_temp_name(n))
        .collect()
}

/// No lock is still held: each lock file can be taken at once.
fn assert_no_lock_held(drafts: &Path) {
    let dir = drafts.join(plenary::store::lock::DIR);
    for entry in fs::read_dir(dir).unwrap() {
        let file = fs::File::open(entry.unwrap().path()).unwrap();
        file.try_lock().expect("a lock was left held");
        file.unlock().unwrap();
    }
}

#[test]
fn four_processes_filing_fifty_changes_each_lose_nothing() {
    let (_dir, drafts) = scratch_drafts();
    let text = stdout(&plenary(&drafts, &["show", DRAFT]));
    let out = plenary(
        &drafts,
        &[
            "propose",
            DRAFT,
            "--as",
            "France",
            "--text",
            &format!("{text} (France)"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let workers: Vec<_> = ["Germany", "Japan", "Italy", "Spain"]
        .into_iter()
        .map(|partner| {
            let (drafts, text) = (drafts.clone(), text.clone());
            std::thread::spawn(move || {
                for i in 0..25 {
                    let proposal = format!("{text} ({partner} #{i})");
                    let out = plenary(
                        &drafts,
                        &["propose", DRAFT, "--as", partner, "--text", &proposal],
                    );
                    assert!(out.status.success(), "{partner} #{i}: {}", stderr(&out));
                    let stance = if i % 2 == 0 { "support" } else { "object" };
                    let note = format!("{partner} #{i}");
                    let out = plenary(
                        &drafts,
                        &[
                            "position", DRAFT, "france-1", stance, "--as", partner, "--note", &note,
                        ],
                    );
                    assert!(out.status.success(), "{partner} #{i}: {}", stderr(&out));
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }

    let draft = loaded(&drafts);
    assert_eq!(draft.proposals.len(), 1 + 4 * 25);
    for partner in ["Germany", "Japan", "Italy", "Spain"] {
        for i in 0..25 {
            let text = format!("({partner} #{i})");
            assert!(
                draft.proposals.iter().any(|p| p.text.ends_with(&text)),
                "{partner} #{i}'s proposal was lost"
            );
        }
    }
    let positions = &draft.proposal("france-1").unwrap().positions;
    assert_eq!(positions.len(), 4 * 25, "every position is kept as history");
    let out = plenary(&drafts, &["validate"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(leftovers(&drafts).is_empty(), "{:?}", leftovers(&drafts));
    assert_no_lock_held(&drafts);
}

/// A writer killed at random moments: the file always loads, and holds the
/// state before the write or the state after it.
#[test]
fn a_writer_killed_mid_save_leaves_the_old_file_or_the_new_one() {
    let (_dir, drafts) = scratch_drafts();
    let file = drafts.join(format!("{DRAFT}.yaml"));
    let before = fs::read(&file).unwrap();
    // A long text, so a save takes long enough to be interrupted.
    let long = "Partners agree on the utility of updating the list. ".repeat(8_000);
    let text_file = drafts.parent().unwrap().join("long.txt");
    fs::write(&text_file, &long).unwrap();
    // How long a whole save takes here (the quickest of three, as other
    // tests may be running), so the kills spread over it.
    let mut whole = u64::MAX;
    for _ in 0..3 {
        fs::write(&file, &before).unwrap();
        let start = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_plenary"))
            .arg("--drafts")
            .arg(&drafts)
            .args(["propose", DRAFT, "--as", "France", "--text-file"])
            .arg(&text_file)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        whole = whole.min(start.elapsed().as_micros() as u64 + 1);
    }
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let (mut old, mut new) = (0, 0);
    for _ in 0..30 {
        fs::write(&file, &before).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_plenary"))
            .arg("--drafts")
            .arg(&drafts)
            .args(["propose", DRAFT, "--as", "France", "--text-file"])
            .arg(&text_file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // A pseudo-random moment within a save's time (a busy wait: the
        // kill is the point, not waiting for anything).
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Most of a save's time is starting up and reading; the writing is
        // at the end, so aim at the second half (and a little past it).
        let until = Instant::now() + Duration::from_micros(whole / 2 + seed % (whole * 7 / 10));
        while Instant::now() < until {
            std::hint::spin_loop();
        }
        let _ = child.kill();
        child.wait().unwrap();

        let now = fs::read(&file).unwrap();
        if now == before {
            old += 1;
        } else {
            let draft = loaded(&drafts);
            assert_eq!(draft.proposals.len(), 1, "neither before nor after");
            assert_eq!(draft.proposals[0].text, long);
            new += 1;
        }
    }
    assert_eq!(old + new, 30);
    eprintln!("killed 30 writers: {old} left the old file, {new} the new one");
    // The next save sweeps what the killed writers left and holds no lock.
    let out = plenary(
        &drafts,
        &[
            "propose",
            DRAFT,
            "--as",
            "Germany",
            "--text",
            "Other words.",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(leftovers(&drafts).is_empty(), "{:?}", leftovers(&drafts));
    assert_no_lock_held(&drafts);
}

/// A disk that fills up mid-save (a file size limit stands in for a full
/// disk, as mounting a small tmpfs needs privileges CI may not have): the
/// save fails with a message and the file is unchanged.
#[cfg(unix)]
#[test]
fn a_full_disk_fails_the_save_visibly_and_keeps_the_file() {
    let (_dir, drafts) = scratch_drafts();
    let file = drafts.join(format!("{DRAFT}.yaml"));
    let before = fs::read(&file).unwrap();
    let long = "Partners agree. ".repeat(20_000);
    let text_file = drafts.parent().unwrap().join("long.txt");
    fs::write(&text_file, &long).unwrap();
    // `ulimit -f 64`: no file may grow past 64 KiB; with SIGXFSZ ignored the
    // write fails with EFBIG, as on a full disk it fails with ENOSPC.
    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 64; exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_plenary"))
        .arg("--drafts")
        .arg(&drafts)
        .args(["propose", DRAFT, "--as", "France", "--text-file"])
        .arg(&text_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.contains("entities-of-concern.yaml: not saved"),
        "{message}"
    );
    assert_eq!(fs::read(&file).unwrap(), before);
    assert!(leftovers(&drafts).is_empty(), "{:?}", leftovers(&drafts));
}
