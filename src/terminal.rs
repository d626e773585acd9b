//! What the CLI and the TUI both need to know about the user's terminal.

/// Whether colours are wanted: not when `NO_COLOR` is set to anything
/// (<https://no-color.org>). Redlines stay readable without colour: the
/// renderers strike and underline, or write wdiff's markers.
pub fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
