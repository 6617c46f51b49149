//! The board as a scene: the plan's statuses as columns with their headers, optional swimlanes, and
//! the cards, at their natural size (one page of a print or an export). The sorting of cards into
//! lanes and columns ([`BoardIndex`]), the filter, the header texts and the measures are shared with
//! the window's board, so the export shows what the window shows.

mod card;
mod filter;
pub mod geometry;
mod index;
mod lanes;
mod text;

pub use card::card_label;
pub use filter::BoardFilter;
pub use index::{BoardIndex, ColumnFacts, LaneFacts};
pub use lanes::{LaneKey, Swimlane, owners};
pub use text::{
    LaneCounts, column_count_text, format_hours, lane_header_text, lane_over_column_limit,
};

use super::shapes::{MARGIN, message_scene, rounded};
use super::timeline::Palette;
use super::{Anchor, Point, Rect, Scene};
use crate::analysis::unfinished_prerequisites;
use crate::model::Plan;
use geometry::{
    CARD_HEIGHT, CARD_STEP, COLUMN_GAP, COLUMN_HEADER_HEIGHT, LANE_HEADER_HEIGHT, MIN_COLUMN_WIDTH,
    stack_lanes,
};
use std::collections::HashSet;

/// Width of a column in an exported board.
pub const EXPORT_COLUMN_WIDTH: f32 = 220.0;
/// Space between the column headers and the first lane.
const HEADER_GAP: f32 = 8.0;
/// Size of header text.
const HEADER_TEXT: f32 = 13.0;

/// What the exported board shows: the window's lanes, filter and collapsed lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardSettings {
    /// What the lanes are made of.
    pub swimlane: Swimlane,
    /// Which cards are shown.
    pub filter: BoardFilter,
    /// Lanes drawn as their header only.
    pub collapsed: HashSet<LaneKey>,
    /// Width of a column, in points (at least [`MIN_COLUMN_WIDTH`]).
    pub column_width: f32,
}

impl Default for BoardSettings {
    /// The window's board as it opens: no lanes, no filter, every card.
    fn default() -> Self {
        Self {
            swimlane: Swimlane::None,
            filter: BoardFilter::default(),
            collapsed: HashSet::new(),
            column_width: EXPORT_COLUMN_WIDTH,
        }
    }
}

/// The board of a plan as a scene at its natural size: column headers ("To do · 4 · 12 h"), then each
/// lane's header (when the board has lanes) and its cells of cards. Each card is a rounded box standing
/// for its task ([`super::Hit::Task`], labelled like the window's card).
pub fn board_scene(plan: &Plan, settings: &BoardSettings, palette: &Palette) -> Scene {
    let waiting = unfinished_prerequisites(plan);
    let index = BoardIndex::build(
        plan,
        &|id| waiting.contains_key(id),
        &settings.filter,
        settings.swimlane,
        true,
    );
    if index.columns.is_empty() {
        return message_scene(
            "This plan's legend has no statuses, so the board has no columns.",
            palette,
        );
    }
    let lanes_shown = settings.swimlane != Swimlane::None;
    let shown: Vec<&LaneFacts> = index
        .lanes
        .iter()
        .filter(|lane| !lanes_shown || lane.is_shown())
        .collect();
    let header = if lanes_shown { LANE_HEADER_HEIGHT } else { 0.0 };
    let geometry = stack_lanes(
        false,
        shown.iter().map(|lane| {
            let rows = lane.cells.iter().map(Vec::len).max().unwrap_or(0);
            (header, rows, settings.collapsed.contains(&lane.key))
        }),
    );
    let column_width = settings.column_width.max(MIN_COLUMN_WIDTH);
    let columns = index.columns.len() as f32;
    let grid_width = columns * (column_width + COLUMN_GAP) - COLUMN_GAP;
    let grid_top = MARGIN + COLUMN_HEADER_HEIGHT + HEADER_GAP;
    let grid_height = geometry.last().map_or(0.0, |lane| lane.bottom);
    let mut scene = Scene::new(
        grid_width + 2.0 * MARGIN,
        grid_top + grid_height + MARGIN,
        Some(palette.background),
    );
    let board = Board {
        plan,
        index: &index,
        palette,
        column_width,
        filtered: settings.filter.is_active(),
    };
    for column in 0..index.columns.len() {
        board.column_header(&mut scene, column);
    }
    for (lane, place) in shown.iter().zip(&geometry) {
        let top = grid_top + place.top;
        if lanes_shown {
            board.lane_header(&mut scene, lane, top, grid_width, place.collapsed);
        }
        if place.collapsed {
            continue;
        }
        for (column, cell) in lane.cells.iter().enumerate() {
            let left = board.column_left(column);
            let cell_rect = Rect::from_edges(
                left,
                top + place.header,
                left + column_width,
                grid_top + place.bottom,
            );
            scene.push(rounded(cell_rect, Some(palette.header), None, 6.0));
            let first_card = top + place.header;
            if cell.is_empty() {
                scene.text(
                    Point::new(left + column_width / 2.0, first_card + CARD_HEIGHT / 2.0),
                    "No tasks",
                    HEADER_TEXT,
                    palette.weak,
                    Anchor::Middle,
                );
            }
            for (row, &task) in cell.iter().enumerate() {
                let y = first_card + row as f32 * CARD_STEP;
                let rect = Rect::from_edges(left, y, left + column_width, y + CARD_HEIGHT);
                let waiting_on = waiting.get(&plan.tasks[task].id).map(Vec::as_slice);
                card::card(&mut scene, plan, palette, task, waiting_on, rect);
            }
        }
    }
    scene
}

/// What drawing the board's headers needs.
struct Board<'a> {
    plan: &'a Plan,
    index: &'a BoardIndex,
    palette: &'a Palette,
    column_width: f32,
    filtered: bool,
}

impl Board<'_> {
    fn column_left(&self, column: usize) -> f32 {
        MARGIN + column as f32 * (self.column_width + COLUMN_GAP)
    }

    /// A column's header: status, count (against the WIP limit) and hours, on the status's colour bar;
    /// red when over the limit.
    fn column_header(&self, scene: &mut Scene, column: usize) {
        let facts = &self.index.columns[column];
        let Some(status) = facts.status.as_ref().and_then(|key| self.plan.status(key)) else {
            return;
        };
        let palette = self.palette;
        let over = status
            .wip_limit
            .is_some_and(|limit| facts.total > limit as usize);
        let left = self.column_left(column);
        let rect = Rect::from_edges(
            left,
            MARGIN,
            left + self.column_width,
            MARGIN + COLUMN_HEADER_HEIGHT,
        );
        let fill = if over {
            palette.error.alpha(64)
        } else {
            palette.header
        };
        scene.push(rounded(rect, Some(fill), None, 6.0));
        let [r, g, b] = status.color;
        scene.push(rounded(
            Rect::from_edges(rect.min.x, rect.max.y - 3.0, rect.max.x, rect.max.y),
            Some(super::Rgba::rgb(r, g, b)),
            None,
            1.0,
        ));
        let count = column_count_text(facts, self.filtered, status.wip_limit);
        let warn = if over { "⚠ " } else { "" };
        let text = format!(
            "{warn}{} · {count} · {}",
            status.label,
            format_hours(facts.hours)
        );
        let fitted = super::font::fit_weighted(
            &text,
            HEADER_TEXT,
            self.column_width - 16.0,
            super::Weight::Bold,
        );
        scene.bold_text(
            Point::new(left + 8.0, MARGIN + (COLUMN_HEADER_HEIGHT - 3.0) / 2.0),
            fitted,
            HEADER_TEXT,
            if over { palette.error } else { palette.text },
            Anchor::Start,
        );
    }

    /// A lane's header across the board: "▼ Sprint 2 · 3 tasks · 25 h", red when over its own limit.
    fn lane_header(
        &self,
        scene: &mut Scene,
        lane: &LaneFacts,
        top: f32,
        width: f32,
        collapsed: bool,
    ) {
        let palette = self.palette;
        let limit = lane.key.wip_limit(self.plan);
        let column_limits: Vec<Option<u32>> =
            self.plan.legend.iter().map(|s| s.wip_limit).collect();
        let text = lane_header_text(
            &lane.title,
            LaneCounts {
                shown: lane.cells.iter().map(Vec::len).sum(),
                total: lane.total,
                filtered: self.filtered,
                limit,
            },
            &format_hours(lane.total_hours),
            collapsed,
            lane_over_column_limit(self.index, lane, &column_limits),
        );
        let over = limit.is_some_and(|limit| lane.total > limit as usize);
        let rect = Rect::from_edges(
            MARGIN,
            top + 1.0,
            MARGIN + width,
            top + LANE_HEADER_HEIGHT - 1.0,
        );
        let fill = if over {
            palette.error.alpha(64)
        } else {
            palette.group
        };
        scene.push(rounded(rect, Some(fill), None, 4.0));
        let size = 13.5;
        let fitted = super::font::fit(&text, size, width - 16.0);
        scene.text(
            Point::new(MARGIN + 8.0, top + LANE_HEADER_HEIGHT / 2.0),
            fitted,
            size,
            if over { palette.error } else { palette.text },
            Anchor::Start,
        );
    }
}
