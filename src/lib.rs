//! plenary: a terminal editor for drafting consensus language in
//! multilateral negotiations. See `ARCHITECTURE.md` for the code map.
//!
//! The core (`model`, `store`, `redline`, `negotiation`, `tabling`, `export`) knows nothing of terminals; `cli` and `tui`
//! are thin front ends over it.

pub mod cli;
pub mod export;
pub mod model;
pub mod negotiation;
pub mod redline;
pub mod sanitize;
pub mod store;
pub mod tabling;
pub mod terminal;
pub mod tui;
