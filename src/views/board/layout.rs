//! Geometry of a grid of lanes and columns with fixed-height cards, so only visible cards are laid out:
//! every rect is computed from indices, in content coordinates (origin at the grid's top-left).

use crate::export::board::geometry::stack_lanes;
pub use crate::export::board::geometry::{
    CARD_HEIGHT, CARD_STEP, COLUMN_GAP, LaneGeometry, QUICK_ADD_HEIGHT,
};
use egui::{Pos2, Rect, pos2, vec2};

/// The whole grid.
#[derive(Clone, Debug, PartialEq)]
pub struct GridLayout {
    /// Width of a column.
    pub column_width: f32,
    /// Number of columns.
    pub columns: usize,
    /// Whether cells start with a quick-add row.
    pub quick_add: bool,
    /// The lanes, top to bottom.
    pub lanes: Vec<LaneGeometry>,
}

impl GridLayout {
    /// Lays out lanes given (header height, rows, collapsed) for each.
    pub fn new(
        column_width: f32,
        columns: usize,
        quick_add: bool,
        lanes: impl Iterator<Item = (f32, usize, bool)>,
    ) -> Self {
        let lanes = stack_lanes(quick_add, lanes);
        Self {
            column_width,
            columns,
            quick_add,
            lanes,
        }
    }

    /// Total size of the grid.
    pub fn size(&self) -> egui::Vec2 {
        let height = self.lanes.last().map_or(0.0, |l| l.bottom);
        vec2(
            self.columns as f32 * (self.column_width + COLUMN_GAP) - COLUMN_GAP,
            height,
        )
    }

    /// Left edge of a column.
    pub fn column_left(&self, column: usize) -> f32 {
        column as f32 * (self.column_width + COLUMN_GAP)
    }

    /// The rect of card `row` in a cell.
    pub fn card_rect(&self, lane: usize, column: usize, row: usize) -> Rect {
        let top = self.lanes[lane].cards_top(self.quick_add) + row as f32 * CARD_STEP;
        Rect::from_min_size(
            pos2(self.column_left(column), top),
            vec2(self.column_width, CARD_HEIGHT),
        )
    }

    /// The rect of a cell's quick-add row.
    pub fn quick_add_rect(&self, lane: usize, column: usize) -> Rect {
        let top = self.lanes[lane].top + self.lanes[lane].header;
        Rect::from_min_size(
            pos2(self.column_left(column), top),
            vec2(self.column_width, QUICK_ADD_HEIGHT - 4.0),
        )
    }

    /// The rect of a whole cell (lane body × column).
    pub fn cell_rect(&self, lane: usize, column: usize) -> Rect {
        let geometry = &self.lanes[lane];
        Rect::from_x_y_ranges(
            self.column_left(column)..=self.column_left(column) + self.column_width,
            geometry.top + geometry.header..=geometry.bottom,
        )
    }

    /// The rows of a cell visible between `top` and `bottom` (content coordinates).
    pub fn visible_rows(
        &self,
        lane: usize,
        len: usize,
        top: f32,
        bottom: f32,
    ) -> std::ops::Range<usize> {
        let cards_top = self.lanes[lane].cards_top(self.quick_add);
        let first = ((top - cards_top) / CARD_STEP).floor().max(0.0) as usize;
        let last = (((bottom - cards_top) / CARD_STEP).ceil().max(0.0) as usize).min(len);
        first.min(last)..last
    }

    /// The cell under a point and the slot a card dropped there would take (0 = above the first card),
    /// given each cell's card count. Points between columns or in collapsed lanes hit nothing.
    pub fn hit(
        &self,
        pos: Pos2,
        len: impl Fn(usize, usize) -> usize,
    ) -> Option<(usize, usize, usize)> {
        let lane = self
            .lanes
            .iter()
            .position(|l| pos.y >= l.top && pos.y < l.bottom)?;
        let geometry = &self.lanes[lane];
        if geometry.collapsed || pos.x < 0.0 {
            return None;
        }
        let column = (pos.x / (self.column_width + COLUMN_GAP)) as usize;
        if column >= self.columns || pos.x > self.column_left(column) + self.column_width {
            return None;
        }
        let offset = (pos.y - geometry.cards_top(self.quick_add)) / CARD_STEP;
        let slot = (offset.round().max(0.0) as usize).min(len(lane, column));
        Some((lane, column, slot))
    }

    /// Y of the drop line above slot `slot` of a cell.
    pub fn slot_y(&self, lane: usize, slot: usize) -> f32 {
        self.lanes[lane].cards_top(self.quick_add) + slot as f32 * CARD_STEP
            - (CARD_STEP - CARD_HEIGHT) / 2.0
    }
}
