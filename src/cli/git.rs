//! `plenary merge-driver` and `plenary init-git`: git as the way between
//! machines, merging draft files by meaning rather than by line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, anyhow, bail};
use clap::Args as ClapArgs;

use super::{Args, Outcome};
use crate::model::{Draft, Session, validate_draft, validate_session};
use crate::sanitize::sanitize_inline;
use crate::store::merge::{merge_drafts, merge_sessions};
use crate::store::{self, SESSION_FILE, draft_yaml, parse_draft, parse_session, session_yaml};

#[derive(Debug, ClapArgs)]
pub struct MergeDriverArgs {
    /// The common ancestor's version (git's %O).
    pub base: PathBuf,
    /// Our version, overwritten with the result (git's %A).
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// The file's path in the repository (git's %P), to find plenary.yaml
    /// and to name the file in messages.
    pub path: PathBuf,
}

/// Merges three versions of a draft (or of plenary.yaml) as git asks a
/// merge driver to: the result replaces `ours`; exit 0 when clean, 1 when
/// something was changed two ways (reported, ours kept for it).
pub fn merge_driver(
    _args: &Args,
    m: &MergeDriverArgs,
    _out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let read = |p: &Path| store::read_text(p).map_err(|d| anyhow!("{d}"));
    let (base, ours, theirs) = (read(&m.base)?, read(&m.ours)?, read(&m.theirs)?);
    let name = &m.path;
    let (merged, conflicts) = if name.file_name().is_some_and(|n| n == SESSION_FILE) {
        let parse = |src: &str| parse_session(src, name).map_err(diagnostics);
        let ours = parse(&ours)?;
        let base = if base.trim().is_empty() {
            ours.clone()
        } else {
            parse(&base)?
        };
        let (session, mut conflicts) = merge_sessions(&base, &ours, &parse(&theirs)?);
        conflicts.extend(
            validate_session(&session)
                .into_iter()
                .map(|p| format!("{}: {}", p.path, p.message)),
        );
        (session_yaml(&session), conflicts)
    } else {
        let session = session_beside(name)?;
        let parse = |src: &str| parse_draft(src, name, &session).map_err(diagnostics);
        let ours = parse(&ours)?;
        let base = if base.trim().is_empty() {
            empty_like(&ours)
        } else {
            parse(&base)?
        };
        let merged = merge_drafts(&base, &ours, &parse(&theirs)?);
        let mut conflicts = merged.conflicts;
        conflicts.extend(
            validate_draft(&merged.draft, &session)
                .into_iter()
                .map(|p| format!("{}: {}", p.path, p.message)),
        );
        let err = &mut std::io::stderr().lock();
        for (old, new) in &merged.renamed {
            writeln!(
                err,
                "plenary: {}: their {old} is now {new} (both sides filed {old})",
                name.display()
            )?;
        }
        (draft_yaml(&merged.draft), conflicts)
    };
    std::fs::write(&m.ours, merged)
        .with_context(|| format!("{}: cannot write", m.ours.display()))?;
    let err = &mut std::io::stderr().lock();
    for conflict in &conflicts {
        writeln!(
            err,
            "plenary: {}: conflict: {}",
            name.display(),
            sanitize_inline(conflict)
        )?;
    }
    Ok(if conflicts.is_empty() {
        Outcome::Ok
    } else {
        Outcome::No
    })
}

/// The session of the drafts folder `path` is in, as the working tree has it.
fn session_beside(path: &Path) -> anyhow::Result<Session> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file = dir.join(SESSION_FILE);
    let src = store::read_text(&file).map_err(|d| anyhow!("{d}"))?;
    parse_session(&src, &file).map_err(diagnostics)
}

/// A base for a draft both sides added: the same draft with nothing in it.
fn empty_like(draft: &Draft) -> Draft {
    Draft {
        versions: Vec::new(),
        proposals: Vec::new(),
        ..draft.clone()
    }
}

fn diagnostics(list: Vec<store::Diagnostic>) -> anyhow::Error {
    let lines: Vec<String> = list.iter().map(ToString::to_string).collect();
    anyhow!("{}", lines.join("\n"))
}

/// Sets up the repository holding the drafts folder to merge drafts with
/// plenary: `.gitattributes` and `.gitignore` in the drafts folder, and the
/// driver in the repository's git config.
pub fn init_git(args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let dir = &args.drafts;
    let driver = set_up(dir)?;
    writeln!(
        out,
        "git now merges {}/*.yaml with: {driver}",
        dir.display()
    )?;
    writeln!(
        out,
        "commit {0}/.gitattributes and {0}/.gitignore; run `plenary init-git` once in each clone",
        dir.display()
    )?;
    Ok(Outcome::Ok)
}

/// Runs git in `dir`.
fn git(dir: &Path, what: &[&str]) -> anyhow::Result<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(what)
        .output()
        .context("cannot run git; is it installed?")
}

/// What git said, both streams, for a message.
fn said(output: &std::process::Output) -> String {
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    crate::sanitize::sanitize(text.trim()).into_owned()
}

/// Checks `dir` is a drafts folder inside a git repository, writes the
/// attributes and ignores, and sets the driver in the git config; returns
/// the driver command.
fn set_up(dir: &Path) -> anyhow::Result<String> {
    if !dir.join(SESSION_FILE).is_file() {
        bail!(
            "{}: no {SESSION_FILE} here; is this a drafts folder?",
            dir.display()
        );
    }
    if !git(dir, &["rev-parse", "--git-dir"])?.status.success() {
        bail!(
            "{} is not inside a git repository (git init first)",
            dir.display()
        );
    }
    let exe = std::env::current_exe().context("cannot find the plenary program")?;
    let driver = format!("'{}' merge-driver %O %A %B %P", exe.display());
    for setting in [
        [
            "config",
            "merge.plenary.name",
            "plenary: merge drafts by meaning",
        ],
        ["config", "merge.plenary.driver", driver.as_str()],
    ] {
        let done = git(dir, &setting)?;
        if !done.status.success() {
            bail!("git {}: {}", setting.join(" "), said(&done));
        }
    }
    add_line(&dir.join(".gitattributes"), "*.yaml merge=plenary")?;
    for ignored in [store::lock::DIR, store::recovery::DIR] {
        add_line(&dir.join(".gitignore"), &format!("{ignored}/"))?;
    }
    Ok(driver)
}

/// `plenary sync`: for delegations who do not use git themselves. Commits
/// the drafts folder's changes, pulls (merging drafts with the driver, set
/// up here if need be) and pushes. A merge that stops on a true conflict
/// is reported with what collided, and nothing is pushed.
pub fn sync(args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let dir = &args.drafts;
    let configured = git(dir, &["config", "--get", "merge.plenary.driver"])?;
    if !configured.status.success() {
        set_up(dir)?;
        writeln!(
            out,
            "set up git to merge drafts with plenary (plenary init-git)"
        )?;
    }
    let ok = |what: &[&str], doing: &str| -> anyhow::Result<std::process::Output> {
        let done = git(dir, what)?;
        if !done.status.success() {
            bail!("{doing} failed; git says:\n{}", said(&done));
        }
        Ok(done)
    };
    ok(&["add", "-A", "--", "."], "adding the drafts")?;
    let staged = !git(dir, &["diff", "--cached", "--quiet"])?.status.success();
    if staged {
        let who = args.as_partner.as_deref().unwrap_or("a delegation");
        let message = format!("plenary sync: changes from {who}");
        // Someone who never set up git has no name for commits: say who.
        let named = git(dir, &["config", "user.name"])?.status.success();
        let mut commit: Vec<String> = Vec::new();
        if !named {
            commit.extend([
                "-c".into(),
                format!("user.name=plenary ({who})"),
                "-c".into(),
                "user.email=plenary@localhost".into(),
            ]);
        }
        commit.extend(["commit".into(), "-q".into(), "-m".into(), message]);
        let commit: Vec<&str> = commit.iter().map(String::as_str).collect();
        ok(&commit, "committing your changes")?;
        writeln!(out, "committed your changes")?;
    }
    let pulled = git(dir, &["pull", "--no-rebase", "--no-edit"])?;
    if !pulled.status.success() {
        bail!(
            "the other delegations' changes could not be merged in; nothing was sent. \
             git says:\n{}\nSettle the conflicts named above (the files still load), then \
             run `git commit` and `plenary sync` again",
            said(&pulled)
        );
    }
    writeln!(out, "received the other delegations' changes")?;
    ok(&["push", "-q"], "sending your changes")?;
    writeln!(out, "sent; everyone who syncs now has the same drafts")?;
    Ok(Outcome::Ok)
}

/// Appends `line` to `file` unless it is there already.
fn add_line(file: &Path, line: &str) -> anyhow::Result<()> {
    let now = std::fs::read_to_string(file).unwrap_or_default();
    if now.lines().any(|l| l.trim() == line) {
        return Ok(());
    }
    let mut text = now;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    std::fs::write(file, text).with_context(|| format!("{}: cannot write", file.display()))
}
