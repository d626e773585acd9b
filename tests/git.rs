//! Git as the way between machines: real repositories, real `git merge`,
//! with plenary's merge driver set up by `plenary init-git`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const DRAFT: &str = "entities-of-concern";

/// Runs git in `dir` with a fixed identity and no user or system config.
fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Secretariat")
        .env("GIT_AUTHOR_EMAIL", "secretariat@example.org")
        .env("GIT_COMMITTER_NAME", "Secretariat")
        .env("GIT_COMMITTER_EMAIL", "secretariat@example.org")
        .output()
        .expect("git runs")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        common::stdout(&out),
        common::stderr(&out)
    );
    common::stdout(&out)
}

/// `plenary --drafts DIR/drafts ARGS` run from `dir`.
fn plenary(dir: &Path, args: &[&str]) -> Output {
    common::plenary(&dir.join("drafts"), args)
}

/// An origin repository holding the bundled drafts, set up for plenary,
/// and two clones of it (each set up too, as the README says).
fn repos(tmp: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let origin = tmp.join("origin");
    fs::create_dir_all(&origin).unwrap();
    ok(git(&origin, &["init", "-q", "-b", "main"]));
    let drafts = origin.join("drafts");
    fs::create_dir(&drafts).unwrap();
    for entry in fs::read_dir(common::bundled()).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), drafts.join(entry.file_name())).unwrap();
    }
    ok(plenary(&origin, &["init-git"]));
    ok(git(&origin, &["add", "-A"]));
    ok(git(&origin, &["commit", "-q", "-m", "The Rio drafts"]));
    // A bare hub, as a shared server would be.
    let hub = tmp.join("hub.git");
    ok(git(tmp, &["clone", "-q", "--bare", "origin", "hub.git"]));
    let clone = |name: &str| {
        ok(git(tmp, &["clone", "-q", hub.to_str().unwrap(), name]));
        let dir = tmp.join(name);
        ok(plenary(&dir, &["init-git"]));
        dir
    };
    let (paris, berlin) = (clone("paris"), clone("berlin"));
    (hub, paris, berlin)
}

fn propose(dir: &Path, who: &str, old: &str, new: &str) -> String {
    let text = common::stdout(&plenary(dir, &["show", DRAFT]));
    let out = plenary(
        dir,
        &[
            "propose",
            DRAFT,
            "--as",
            who,
            "--text",
            &text.replace(old, new),
        ],
    );
    ok(out).trim().to_string()
}

fn commit(dir: &Path, message: &str) {
    ok(git(dir, &["commit", "-q", "-am", message]));
}

#[test]
fn two_delegations_proposing_to_one_draft_merge_without_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let (_hub, paris, berlin) = repos(tmp.path());
    let attributes = fs::read_to_string(paris.join("drafts/.gitattributes")).unwrap();
    assert_eq!(attributes, "*.yaml merge=plenary\n");

    // Paris files France's first proposal and pushes.
    assert_eq!(
        propose(&paris, "France", "list entities", "list of entities"),
        "france-1"
    );
    commit(&paris, "France: restore the missing of");
    ok(git(&paris, &["push", "-q", "origin", "main"]));

    // Berlin, not having pulled, files Germany's proposal, a French one of
    // its own (also france-1 there), and Japan's position on Germany's.
    assert_eq!(
        propose(&berlin, "Germany", "2010 RPOC", "2011 RPOC"),
        "germany-1"
    );
    assert_eq!(
        propose(
            &berlin,
            "France",
            "circulated to Partners in 2005",
            "circulated in 2005"
        ),
        "france-1"
    );
    ok(plenary(
        &berlin,
        &["position", DRAFT, "germany-1", "object", "--as", "Japan"],
    ));
    commit(&berlin, "Germany and France propose; Japan objects");
    let pulled = git(
        &berlin,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    let said = format!("{}{}", common::stdout(&pulled), common::stderr(&pulled));
    assert!(pulled.status.success(), "{said}");
    assert!(said.contains("their france-1 is now france-2"), "{said}");

    let file = fs::read_to_string(berlin.join("drafts").join(format!("{DRAFT}.yaml"))).unwrap();
    assert!(
        !file.contains("<<<<<<<") && !file.contains(">>>>>>>"),
        "{file}"
    );
    let folder = plenary::store::load_folder(&berlin.join("drafts")).unwrap();
    let draft = folder.entry(DRAFT).unwrap().draft().unwrap();
    let mut found: Vec<(String, String)> = draft
        .proposals
        .iter()
        .map(|p| (p.id.clone(), p.partner.clone()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("france-1".to_string(), "France".to_string()),
            ("france-2".to_string(), "France".to_string()),
            ("germany-1".to_string(), "Germany".to_string()),
        ]
    );
    // Berlin's French text is the one renumbered; Paris's kept its id.
    assert!(
        draft
            .proposal("france-2")
            .unwrap()
            .text
            .contains("list of entities")
    );
    assert!(
        draft
            .proposal("france-1")
            .unwrap()
            .text
            .contains("circulated in 2005")
    );
    assert_eq!(draft.proposal("germany-1").unwrap().positions.len(), 1);
    ok(plenary(&berlin, &["validate"]));
}

#[test]
fn two_adoptions_of_the_same_version_are_a_reported_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let (_hub, paris, berlin) = repos(tmp.path());
    propose(&paris, "France", "list entities", "list of entities");
    commit(&paris, "France proposes");
    ok(git(&paris, &["push", "-q", "origin", "main"]));
    ok(git(
        &berlin,
        &["pull", "-q", "--no-rebase", "origin", "main"],
    ));

    // Both Chairs' sessions adopt a different text as version 2.
    ok(plenary(
        &paris,
        &["adopt", DRAFT, "france-1", "--as", "Brazil"],
    ));
    commit(&paris, "v2 from France");
    ok(git(&paris, &["push", "-q", "origin", "main"]));
    propose(&berlin, "Germany", "2010 RPOC", "2011 RPOC");
    ok(plenary(
        &berlin,
        &["adopt", DRAFT, "germany-1", "--as", "Brazil"],
    ));
    commit(&berlin, "v2 from Germany");

    let pulled = git(
        &berlin,
        &["pull", "--no-rebase", "--no-edit", "origin", "main"],
    );
    let said = format!("{}{}", common::stdout(&pulled), common::stderr(&pulled));
    assert!(
        !pulled.status.success(),
        "a true conflict must not merge silently: {said}"
    );
    assert!(said.contains("CONFLICT") && said.contains(DRAFT), "{said}");
    assert!(
        said.contains("version 2 was made differently on each side (by Brazil and by Brazil)"),
        "{said}"
    );
    // What is in the working tree still loads: ours, with both proposals.
    let folder = plenary::store::load_folder(&berlin.join("drafts")).unwrap();
    let draft = folder.entry(DRAFT).unwrap().draft().unwrap();
    assert_eq!(
        draft.version(2).unwrap().adopted_from.as_deref(),
        Some("germany-1")
    );
    assert!(draft.proposal("france-1").is_some());
}

/// `plenary sync` for delegations who do not use git: commit, pull with
/// the driver, push; a second delegation's sync brings both together.
#[test]
fn sync_brings_two_delegations_together_without_git_knowledge() {
    let tmp = tempfile::tempdir().unwrap();
    let (_hub, paris, berlin) = repos(tmp.path());
    // A clone that never ran init-git: sync sets the driver up itself.
    ok(git(&berlin, &["config", "--unset", "merge.plenary.driver"]));

    propose(&paris, "France", "list entities", "list of entities");
    let said = ok(plenary(&paris, &["sync", "--as", "France"]));
    assert!(
        said.contains("committed your changes") && said.contains("sent"),
        "{said}"
    );

    propose(&berlin, "Germany", "2010 RPOC", "2011 RPOC");
    let said = ok(plenary(&berlin, &["sync", "--as", "Germany"]));
    assert!(
        said.contains("set up git to merge drafts with plenary"),
        "{said}"
    );
    let said = ok(plenary(&paris, &["sync"]));
    assert!(!said.contains("committed"), "nothing new in Paris: {said}");

    for clone in [&paris, &berlin] {
        let folder = plenary::store::load_folder(&clone.join("drafts")).unwrap();
        let draft = folder.entry(DRAFT).unwrap().draft().unwrap();
        let mut ids: Vec<&str> = draft.proposals.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["france-1", "germany-1"], "{}", clone.display());
    }
    let log = ok(git(&paris, &["log", "--format=%an: %s"]));
    assert!(log.contains("plenary sync: changes from Germany"), "{log}");
}
