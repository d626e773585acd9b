//! What the command line accepts. `plenary --help` is generated from here.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::chair::{AdoptArgs, AgreeArgs, MergeArgs};
use super::diff::DiffArgs;
use super::export::ExportArgs;
use super::git::MergeDriverArgs;
use super::list::ListArgs;
use super::propose::{PositionArgs, ProposeArgs, WithdrawArgs};
use super::show::ShowArgs;
use super::status::{BracketsArgs, LogArgs, StatusArgs};
use super::tabling::{ImportArgs, NewArgs};
use super::ui::PresentArgs;

/// plenary: draft consensus language with your fellow Partners.
///
/// Drafts are YAML files in a drafts folder (default ./drafts). Without a
/// command, plenary opens the drafts in the terminal editor (or, when its
/// output is not a terminal, lists them).
#[derive(Debug, Parser)]
#[command(name = "plenary", version, about, long_about = None, max_term_width = 100)]
pub struct Args {
    /// The drafts folder.
    #[arg(
        long,
        global = true,
        env = "PLENARY_DRAFTS",
        default_value = "drafts",
        value_name = "DIR"
    )]
    pub drafts: PathBuf,

    /// The Partner you speak for, e.g. --as France (asked at start if not given).
    #[arg(long = "as", global = true, env = "PLENARY_AS", value_name = "PARTNER")]
    pub as_partner: Option<String>,

    /// Whether `as_partner` came from PLENARY_AS rather than the command
    /// line (`import` lets a cable's own Partner win over the environment).
    #[arg(skip)]
    pub as_from_env: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every file in the drafts folder; one line per problem.
    Validate,
    /// List the drafts: id, title, status, current version, open proposals.
    List(ListArgs),
    /// Print a draft's text exactly as stored.
    Show(ShowArgs),
    /// Word-level redline between two texts of a draft, or two files (--files).
    Diff(DiffArgs),
    /// Table a new draft as your Partner (--as): its title and text; prints its id.
    New(NewArgs),
    /// Table the proposed consensus language of a cable (plain text), one draft a paragraph.
    Import(ImportArgs),
    /// File a proposal for a draft as your Partner (--as); prints its id.
    Propose(ProposeArgs),
    /// Withdraw one of your Partner's open proposals.
    Withdraw(WithdrawArgs),
    /// Support, object to or reserve on a proposal, as your Partner.
    Position(PositionArgs),
    /// Chair: adopt a proposal as the draft's new version.
    Adopt(AdoptArgs),
    /// Combine proposals by word merge; overlaps become bracketed alternatives.
    Merge(MergeArgs),
    /// Chair: declare a draft agreed (or --ad-ref) when nothing stands in the way.
    Agree(AgreeArgs),
    /// Where consensus stands on every draft.
    Status(StatusArgs),
    /// A draft's versions, proposals and positions in time order.
    Log(LogArgs),
    /// List the bracketed (unagreed) passages of a draft's text.
    Brackets(BracketsArgs),
    /// Export the clean text, the redline or the compilation text (txt, md, html, docx).
    Export(ExportArgs),
    /// Read-only screen for the room: the current text and the newest change, live.
    Present(PresentArgs),
    /// Set up the git repository holding the drafts to merge them with plenary.
    InitGit,
    /// Commit the drafts, pull the others' (merging drafts by meaning), push.
    Sync,
    /// git's merge driver for draft files (set up by init-git): merge %O %A %B %P.
    MergeDriver(MergeDriverArgs),
}
