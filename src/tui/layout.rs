//! Where each pane goes, as a pure function of the window size. The view
//! draws into these rectangles and the app maps mouse clicks back through
//! the same numbers, so the two always agree.

use ratatui::layout::Rect;

/// Below this the screen shows only a "window too small" note.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Lines per entry in the drafts list (title, then facts).
pub const DRAFT_ITEM_HEIGHT: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub screen: Rect,
    pub too_small: bool,
    /// Browsing: the drafts list (with border).
    pub drafts: Rect,
    /// Browsing: the selected text; editing: the editor.
    pub text: Rect,
    /// Browsing: the proposals list; editing: the live redline.
    pub below: Rect,
    pub status: Rect,
    pub hints: Rect,
}

impl Layout {
    pub fn new((width, height): (u16, u16), editing: bool) -> Layout {
        let screen = Rect::new(0, 0, width, height);
        let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        if too_small {
            return Layout {
                screen,
                too_small,
                drafts: Rect::default(),
                text: Rect::default(),
                below: Rect::default(),
                status: Rect::default(),
                hints: Rect::default(),
            };
        }
        let main_height = height - 2;
        let status = Rect::new(0, height - 2, width, 1);
        let hints = Rect::new(0, height - 1, width, 1);
        if editing {
            let editor_height = main_height * 11 / 20;
            return Layout {
                screen,
                too_small,
                drafts: Rect::default(),
                text: Rect::new(0, 0, width, editor_height),
                below: Rect::new(0, editor_height, width, main_height - editor_height),
                status,
                hints,
            };
        }
        let below_height = if main_height >= 24 { 8 } else { 5 };
        let top_height = main_height - below_height;
        let drafts_width = (width / 3).clamp(24, 40);
        Layout {
            screen,
            too_small,
            drafts: Rect::new(0, 0, drafts_width, top_height),
            text: Rect::new(drafts_width, 0, width - drafts_width, top_height),
            below: Rect::new(0, top_height, width, below_height),
            status,
            hints,
        }
    }

    /// Inside a bordered pane.
    pub fn inner(area: Rect) -> Rect {
        Rect::new(
            area.x.saturating_add(1),
            area.y.saturating_add(1),
            area.width.saturating_sub(2),
            area.height.saturating_sub(2),
        )
    }

    /// Inside the text pane: the selected text, or the editor.
    pub fn text_inner(&self) -> Rect {
        Self::inner(self.text)
    }

    /// The draft entry under a click, if any.
    pub fn drafts_item_at(
        &self,
        col: u16,
        row: u16,
        selected: usize,
        count: usize,
    ) -> Option<usize> {
        let inner = Self::inner(self.drafts);
        item_at(inner, col, row, DRAFT_ITEM_HEIGHT, selected, count)
    }

    /// The proposals-list row under a click, if any.
    pub fn proposals_item_at(
        &self,
        col: u16,
        row: u16,
        selected: usize,
        count: usize,
    ) -> Option<usize> {
        // The first inner line is the column header.
        let inner = Self::inner(self.below);
        let list = Rect::new(
            inner.x,
            inner.y + 1,
            inner.width,
            inner.height.saturating_sub(1),
        );
        item_at(list, col, row, 1, selected, count)
    }
}

/// The first item shown in a list of items `item_height` lines high
/// in `height` lines, such that `selected` is visible.
pub fn first_visible(selected: usize, item_height: u16, height: u16) -> usize {
    let fits = usize::from((height / item_height.max(1)).max(1));
    (selected + 1).saturating_sub(fits)
}

fn item_at(
    area: Rect,
    col: u16,
    row: u16,
    item_height: u16,
    selected: usize,
    count: usize,
) -> Option<usize> {
    if !area.contains((col, row).into()) {
        return None;
    }
    let first = first_visible(selected, item_height, area.height);
    let index = first + usize::from((row - area.y) / item_height.max(1));
    (index < count).then_some(index)
}

/// A rectangle of at most `width`×`height` in the middle of `screen`.
pub fn centered(screen: Rect, width: u16, height: u16) -> Rect {
    let (w, h) = (width.min(screen.width), height.min(screen.height));
    Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    )
}

/// The large dialog that shows a redline before the Chair confirms, and
/// the history: nearly the whole screen, at most 100 columns wide.
pub fn review_area(screen: Rect) -> Rect {
    centered(
        screen,
        screen.width.saturating_sub(4).min(100),
        screen.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen_without_overlap() {
        for (w, h) in [(40, 12), (80, 24), (120, 40), (300, 100)] {
            for editing in [false, true] {
                let l = Layout::new((w, h), editing);
                let panes = [l.drafts, l.text, l.below, l.status, l.hints];
                let area: u32 = panes.iter().map(|r| r.area()).sum();
                assert_eq!(
                    area,
                    u32::from(w) * u32::from(h),
                    "{w}x{h} editing={editing}"
                );
                for (i, a) in panes.iter().enumerate() {
                    for b in &panes[i + 1..] {
                        assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn tiny_windows_are_too_small_not_a_panic() {
        for (w, h) in [(0, 0), (1, 1), (39, 40), (200, 11)] {
            assert!(Layout::new((w, h), false).too_small);
        }
    }

    #[test]
    fn clicks_map_to_the_items_drawn() {
        let l = Layout::new((80, 24), false);
        let inner = Layout::inner(l.drafts);
        assert_eq!(l.drafts_item_at(inner.x, inner.y, 0, 4), Some(0));
        assert_eq!(l.drafts_item_at(inner.x, inner.y + 3, 0, 4), Some(1));
        assert_eq!(
            l.drafts_item_at(inner.x, inner.y + 9, 0, 4),
            None,
            "past the last"
        );
        assert_eq!(
            l.drafts_item_at(l.text.x + 1, inner.y, 0, 4),
            None,
            "another pane"
        );
    }
}
