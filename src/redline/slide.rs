//! Where a deletion or insertion sits among the places it could.
//!
//! A shortest edit script often has a choice: deleting the last sentence of
//! `consensus. It is deleted.` can strike `. It is deleted` (keeping the
//! final full stop) or `It is deleted.` (keeping the first). Both change as
//! many words; only the second reads like a lawyer's redline. A pure
//! deletion or insertion can slide along while the word it gives up on one
//! end equals the word it takes on the other; this pass tries every such
//! place and keeps the one that best starts and ends at a sentence or line
//! boundary (starting matters more), else the leftmost. Replacements (a
//! deletion next to an insertion) stay where they are.

use super::diff::{Run, push_run};
use super::group::Side;

/// Moves each pure deletion or insertion between `runs` to its most
/// readable place; the number of equal words stays the same. `all` is
/// scratch space, kept by the caller across regions.
pub(crate) fn slide(old: &Side, new: &Side, runs: &mut Vec<Run>, all: &mut Vec<Run>) {
    all.clear();
    all.push(Run {
        old: 0,
        new: 0,
        len: 0,
    });
    all.append(runs);
    all.push(Run {
        old: old.len(),
        new: new.len(),
        len: 0,
    });
    for k in 0..all.len() - 1 {
        let (before, after) = (all[k], all[k + 1]);
        let deleted = before.old + before.len..after.old;
        let inserted = before.new + before.len..after.new;
        let shift = match (deleted.is_empty(), inserted.is_empty()) {
            (false, true) => best_shift(old, deleted.start, deleted.end, before, after),
            (true, false) => best_shift(new, inserted.start, inserted.end, before, after),
            _ => 0,
        };
        if shift != 0 {
            all[k].len = before.len.saturating_add_signed(shift);
            all[k + 1] = Run {
                old: after.old.saturating_add_signed(shift),
                new: after.new.saturating_add_signed(shift),
                len: after.len.saturating_add_signed(-shift),
            };
        }
    }
    for &run in all.iter() {
        push_run(runs, run);
    }
}

/// The shift (negative: to the left) that puts the block `side[a..b]`,
/// between equal runs `before` and `after`, in its best place.
fn best_shift(side: &Side, a: usize, b: usize, before: Run, after: Run) -> isize {
    let ids = &side.ids;
    let left = (1..=before.len)
        .take_while(|&s| ids[a - s] == ids[b - s])
        .count();
    let right = (0..after.len)
        .take_while(|&s| ids[a + s] == ids[b + s])
        .count();
    let mut best = (0, 0);
    for shift in -(left as isize)..=right as isize {
        let (a, b) = (
            a.saturating_add_signed(shift),
            b.saturating_add_signed(shift),
        );
        let score = 2 * u8::from(side.starts_unit(a)) + u8::from(side.ends_unit(b));
        if shift == -(left as isize) || score > best.1 {
            best = (shift, score);
        }
    }
    best.0
}
