//! The command line: argument definitions and dispatch, one module per
//! subcommand. Every subcommand is a thin layer over `store` and the core.
//!
//! Exit codes follow diff(1) and grep(1): 0 when all is well, 1 for a
//! negative answer (problems found, texts differ), 2 for trouble (bad
//! usage, unreadable files, an operation refused).

mod args;
mod chair;
mod diff;
mod export;
mod git;
mod list;
mod propose;
mod show;
mod status;
mod tabling;
mod target;
mod ui;
mod validate;

use std::io::Write;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};

pub use args::{Args, Command};

/// What a command concluded, when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Ok,
    /// Exit 1: the answer is "no" (problems found, texts differ).
    No,
}

/// Parses the process arguments and runs; the exit code says how it went.
pub fn main() -> ExitCode {
    let matches = Args::command().get_matches();
    let mut args = Args::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    args.as_from_env = matches.value_source("as_partner") == Some(ValueSource::EnvVariable);
    match run(&args) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::No) => ExitCode::from(1),
        Err(e) => {
            // A closed pipe (`plenary list | head`) is not an error worth a message.
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            // Messages quote draft text (collisions, brackets): never raw.
            let message = crate::sanitize::sanitize(&format!("{e:#}")).into_owned();
            let _ = writeln!(std::io::stderr(), "plenary: {message}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs the parsed command.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    // The full-screen commands run outside the stdout lock below: their
    // signal thread must be able to write to the terminal to restore it.
    match &args.command {
        None if ui::is_interactive() => return ui::run(args),
        Some(Command::Present(p)) => return ui::present(args, p),
        _ => {}
    }
    let out = &mut std::io::stdout().lock();
    match &args.command {
        None => list::run(args, &list::ListArgs::default(), out),
        Some(Command::Validate) => validate::run(args, out),
        Some(Command::List(list_args)) => list::run(args, list_args, out),
        Some(Command::Show(show_args)) => show::run(args, show_args, out),
        Some(Command::Diff(diff_args)) => diff::run(args, diff_args, out),
        Some(Command::New(n)) => tabling::new(args, n, out),
        Some(Command::Import(i)) => tabling::import(args, i, out),
        Some(Command::Propose(p)) => propose::propose(args, p, out),
        Some(Command::Withdraw(w)) => propose::withdraw(args, w, out),
        Some(Command::Position(p)) => propose::position(args, p, out),
        Some(Command::Adopt(a)) => chair::adopt(args, a, out),
        Some(Command::Merge(m)) => chair::merge(args, m, out),
        Some(Command::Agree(a)) => chair::agree(args, a, out),
        Some(Command::Status(s)) => status::status(args, s, out),
        Some(Command::Log(l)) => status::log(args, l, out),
        Some(Command::Brackets(b)) => status::brackets(args, b, out),
        Some(Command::Present(_)) => unreachable!("run outside the stdout lock, above"),
        Some(Command::InitGit) => git::init_git(args, out),
        Some(Command::Sync) => git::sync(args, out),
        Some(Command::MergeDriver(m)) => git::merge_driver(args, m, out),
        Some(Command::Export(e)) => export::run(args, e, out),
    }
}
