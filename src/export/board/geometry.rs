//! The board's measures, shared by the window's board and its exported scene, in points.

/// Height of a card.
pub const CARD_HEIGHT: f32 = 80.0;
/// Vertical distance from one card to the next.
pub const CARD_STEP: f32 = 86.0;
/// Space between columns.
pub const COLUMN_GAP: f32 = 8.0;
/// Narrowest a column gets; with more statuses than fit, the window's board scrolls sideways.
pub const MIN_COLUMN_WIDTH: f32 = 170.0;
/// Height of a column's header (status, count, estimate).
pub const COLUMN_HEADER_HEIGHT: f32 = 30.0;
/// Height of a swimlane's header, when the board has lanes.
pub const LANE_HEADER_HEIGHT: f32 = 28.0;
/// Space below a lane that has a header.
pub const LANE_GAP: f32 = 6.0;
/// Space inside a card, left and right.
pub const CARD_PAD_X: f32 = 10.0;
/// Space inside a card, top and bottom.
pub const CARD_PAD_Y: f32 = 6.0;
/// Width of the status stripe on a card's left edge.
pub const CARD_STRIPE: f32 = 4.0;
/// Corner radius of a card.
pub const CARD_RADIUS: u8 = 5;
/// Size of a card's small text: id, owner, estimate, badges.
pub const CARD_SMALL_TEXT: f32 = 11.5;
/// Size of a card's title.
pub const CARD_TITLE_TEXT: f32 = 13.5;
/// Size of a card's priority pill text.
pub const CARD_PRIORITY_TEXT: f32 = 11.0;
/// Where a card's title starts below the top of its inner area.
pub const CARD_TITLE_OFFSET: f32 = 17.0;
/// Height of the quick-add row at the top of each cell in the window.
pub const QUICK_ADD_HEIGHT: f32 = 28.0;

/// One lane's vertical extent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneGeometry {
    /// Top of the lane header.
    pub top: f32,
    /// Height of the header (0 when the board has no lanes).
    pub header: f32,
    /// Rows of cards (the fullest cell), 0 when collapsed.
    pub rows: usize,
    /// Whether the lane is collapsed.
    pub collapsed: bool,
    /// Bottom of the lane.
    pub bottom: f32,
}

impl LaneGeometry {
    /// Top of the first card slot.
    pub fn cards_top(&self, quick_add: bool) -> f32 {
        self.top + self.header + if quick_add { QUICK_ADD_HEIGHT } else { 0.0 }
    }
}

/// Stacks lanes from the top, given (header height, rows, collapsed) for each; cells start with a
/// quick-add row when `quick_add` is set. An empty lane keeps room for one card.
pub fn stack_lanes(
    quick_add: bool,
    lanes: impl Iterator<Item = (f32, usize, bool)>,
) -> Vec<LaneGeometry> {
    let mut top = 0.0;
    lanes
        .map(|(header, rows, collapsed)| {
            let body = if collapsed {
                0.0
            } else {
                (if quick_add { QUICK_ADD_HEIGHT } else { 0.0 }) + rows.max(1) as f32 * CARD_STEP
            };
            let lane = LaneGeometry {
                top,
                header,
                rows: if collapsed { 0 } else { rows },
                collapsed,
                bottom: top + header + body,
            };
            top = lane.bottom + if header > 0.0 { LANE_GAP } else { 0.0 };
            lane
        })
        .collect()
}
