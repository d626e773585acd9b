//! The negotiation's nouns: a plenary [`Session`], its [`Draft`]s, their
//! [`Version`]s, [`Proposal`]s and [`Position`]s, and the rules that make a
//! draft valid.
//!
//! The model knows nothing of files, YAML or terminals. `store` turns files
//! into these types (and back); `redline`, `cli` and `tui` read them. Types are
//! plain data with public fields: the invariants live in [`validate`], which
//! reports *every* problem with the path of the field it concerns, so the store
//! can turn paths into `file:line:col` and a negotiator sees all mistakes at
//! once instead of fixing them one reload at a time.

mod draft;
mod reference;
pub mod session;
mod slug;
mod timestamp;
pub mod validate;

pub use draft::{
    Agreement, Draft, DraftStatus, Position, Proposal, ProposalStatus, Stance, Version,
};
pub use reference::Reference;
pub use session::Session;
pub use slug::slug;
pub use timestamp::Timestamp;
pub use validate::{Problem, validate_draft, validate_session};

/// The `schema:` number this build reads and writes.
pub const SCHEMA: u32 = 1;
