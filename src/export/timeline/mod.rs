//! The timeline's layout: the plan on a time axis as a [`Scene`], for a window or a page.
//!
//! Two modes: the roadmap (a row per phase, sprints along the top, milestones as diamonds) and the
//! Gantt chart (every task as a bar under its group, with a task table on the left). [`layout`] takes
//! a [`Frame`] (the size, the first day shown, the zoom and how far the rows are scrolled) and emits
//! only what is inside it, so a frame of a 50,000-task plan costs what its visible rows cost.

mod arrows;
pub mod axis;
mod bars;
mod header;
mod palette;
mod rows;
mod table;

pub use bars::task_bar_label;
pub use palette::Palette;
pub use rows::{Group, Row, Rows};
pub use table::days_text;

use crate::analysis::{Analysis, DatedSchedule};
use crate::export::{Rect, Scene, Shape};
use crate::model::Plan;
use axis::Axis;
use std::collections::BTreeSet;

/// Height of one header tier.
pub const TIER_HEIGHT: f32 = 20.0;
/// Height of the sprint band under the time scale.
pub const SPRINT_BAND_HEIGHT: f32 = 22.0;
/// Height of the milestone strip under the time scale.
pub const MILESTONE_STRIP_HEIGHT: f32 = 36.0;
/// Height of a Gantt row.
pub const ROW_HEIGHT: f32 = 26.0;
/// Height of a roadmap row (a name and its dates).
pub const ROADMAP_ROW_HEIGHT: f32 = 38.0;

/// The height of a row in a mode.
pub fn row_height(mode: TimelineMode) -> f32 {
    match mode {
        TimelineMode::Gantt => ROW_HEIGHT,
        TimelineMode::Roadmap => ROADMAP_ROW_HEIGHT,
    }
}
/// Font size of row text.
pub const FONT_SIZE: f32 = 12.0;
/// Font size of header and secondary text.
pub const SMALL_FONT_SIZE: f32 = 10.5;

/// Which timeline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TimelineMode {
    /// Phases, sprints and milestones: the view for stakeholders.
    #[default]
    Roadmap,
    /// Every task as a bar, with a task table.
    Gantt,
}

/// What Gantt rows are grouped by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GroupBy {
    /// Phases (modules, epics).
    #[default]
    Phase,
    /// Sprints, then the backlog.
    Sprint,
    /// The milestone a task leads to.
    Milestone,
    /// Owners.
    Owner,
    /// No groups.
    None,
}

impl GroupBy {
    /// Every grouping, in menu order.
    pub const ALL: [Self; 5] = [
        Self::Phase,
        Self::Sprint,
        Self::Milestone,
        Self::Owner,
        Self::None,
    ];

    /// The grouping's name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Phase => "Phase",
            Self::Sprint => "Sprint",
            Self::Milestone => "Milestone",
            Self::Owner => "Owner",
            Self::None => "No groups",
        }
    }
}

/// A column of the Gantt task table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// Task id.
    Id,
    /// Title, indented by depth.
    Title,
    /// Owner.
    Owner,
    /// First day.
    Start,
    /// Last day.
    Finish,
    /// Working days.
    Duration,
}

impl Column {
    /// The Gantt table's columns, left to right.
    pub const ALL: [Self; 6] = [
        Self::Id,
        Self::Title,
        Self::Owner,
        Self::Start,
        Self::Finish,
        Self::Duration,
    ];

    /// The column's heading.
    pub fn title(self) -> &'static str {
        match self {
            Self::Id => "ID",
            Self::Title => "Task",
            Self::Owner => "Owner",
            Self::Start => "Start",
            Self::Finish => "Finish",
            Self::Duration => "Days",
        }
    }
}

/// The Gantt table's default column widths, in points.
pub const DEFAULT_COLUMNS: [f32; 6] = [74.0, 200.0, 84.0, 76.0, 76.0, 44.0];
/// The roadmap's name column width.
pub const ROADMAP_NAME_WIDTH: f32 = 190.0;

/// How the timeline is drawn: what a person sets in its toolbar.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent toggles of the toolbar"
)]
pub struct TimelineOptions {
    /// Roadmap or Gantt.
    pub mode: TimelineMode,
    /// Gantt grouping.
    pub group_by: GroupBy,
    /// Outline the critical path.
    pub show_critical: bool,
    /// Draw slack as a thin line after bars.
    pub show_slack: bool,
    /// Draw dependency arrows.
    pub show_arrows: bool,
    /// Keys of collapsed groups.
    pub collapsed: BTreeSet<String>,
    /// Gantt table column widths, in [`Column::ALL`] order.
    pub columns: [f32; 6],
    /// Show the task table (Gantt) or the name column (roadmap).
    pub show_table: bool,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        Self {
            mode: TimelineMode::Roadmap,
            group_by: GroupBy::Phase,
            show_critical: true,
            show_slack: false,
            show_arrows: true,
            collapsed: BTreeSet::new(),
            columns: DEFAULT_COLUMNS,
            show_table: true,
        }
    }
}

/// Everything a timeline is drawn from.
pub struct TimelineInput<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its dependency analysis.
    pub analysis: &'a Analysis,
    /// Its dated schedule.
    pub dated: &'a DatedSchedule,
    /// Its rows in the current mode and grouping.
    pub rows: &'a Rows,
    /// The settings.
    pub options: &'a TimelineOptions,
    /// The colours.
    pub palette: &'a Palette,
    /// The selected task.
    pub selected: Option<usize>,
    /// The task under the pointer (shows its handles).
    pub hovered: Option<usize>,
}

/// The window onto the timeline: a size, the first day shown, the zoom and the row scroll.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Width of the whole drawing (table and chart), in points.
    pub width: f32,
    /// Height of the whole drawing (header and rows).
    pub height: f32,
    /// The day number (see [`axis::day_number`]) at the chart's left edge.
    pub origin: f64,
    /// Points per day.
    pub per_day: f32,
    /// How far the rows are scrolled, in points.
    pub scroll: f32,
}

/// Where things are in a frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    /// The table's width (0 when hidden).
    pub table_width: f32,
    /// The height of everything above the rows.
    pub header_height: f32,
    /// The bottom of the time scale (the sprint band and milestone strip follow).
    pub scale_bottom: f32,
    /// Top of the sprint band, when there is one.
    pub sprint_band: Option<f32>,
    /// Top of the milestone strip, when there is one.
    pub milestone_strip: Option<f32>,
    /// The rows' area right of the table.
    pub chart: Rect,
    /// The time axis.
    pub axis: Axis,
    /// The frame's row scroll.
    pub scroll: f32,
    /// The height of a row.
    pub row_height: f32,
}

impl Geometry {
    /// The geometry of a frame.
    pub fn of(input: &TimelineInput<'_>, frame: &Frame) -> Self {
        let table_width = if input.options.show_table {
            table_width(input.options).min(frame.width * 0.6)
        } else {
            0.0
        };
        let scale_bottom = 2.0 * TIER_HEIGHT;
        let mut bottom = scale_bottom;
        let sprint_band = (!input.plan.sprints.is_empty()).then(|| {
            bottom += SPRINT_BAND_HEIGHT;
            bottom - SPRINT_BAND_HEIGHT
        });
        let milestone_strip = (!input.plan.milestones.is_empty()).then(|| {
            bottom += MILESTONE_STRIP_HEIGHT;
            bottom - MILESTONE_STRIP_HEIGHT
        });
        let chart = Rect::from_edges(table_width, bottom, frame.width, frame.height);
        Self {
            table_width,
            header_height: bottom,
            scale_bottom,
            sprint_band,
            milestone_strip,
            chart,
            axis: Axis {
                origin: frame.origin,
                per_day: frame.per_day,
                left: table_width,
                right: frame.width,
            },
            scroll: frame.scroll,
            row_height: row_height(input.options.mode),
        }
    }

    /// The top of a row.
    pub fn row_top(&self, row: usize) -> f32 {
        self.chart.min.y + row as f32 * self.row_height - self.scroll
    }

    /// The rows at least partly visible, as a range of row indices.
    pub fn visible_rows(&self, count: usize) -> std::ops::Range<usize> {
        let first = (self.scroll / self.row_height).floor().max(0.0) as usize;
        let last = ((self.scroll + self.chart.height()) / self.row_height)
            .ceil()
            .max(0.0) as usize;
        first.min(count)..last.min(count)
    }

    /// The row under a y, if any.
    pub fn row_at(&self, y: f32, count: usize) -> Option<usize> {
        if y < self.chart.min.y {
            return None;
        }
        let row = ((y - self.chart.min.y + self.scroll) / self.row_height).floor() as usize;
        (row < count).then_some(row)
    }
}

/// The height of everything above the rows: the time scale, and the sprint band and milestone strip
/// when the plan has sprints or milestones.
pub fn header_height(plan: &Plan) -> f32 {
    let mut height = 2.0 * TIER_HEIGHT;
    if !plan.sprints.is_empty() {
        height += SPRINT_BAND_HEIGHT;
    }
    if !plan.milestones.is_empty() {
        height += MILESTONE_STRIP_HEIGHT;
    }
    height
}

/// The width of the table in a mode.
pub fn table_width(options: &TimelineOptions) -> f32 {
    match options.mode {
        TimelineMode::Gantt => options.columns.iter().sum(),
        TimelineMode::Roadmap => ROADMAP_NAME_WIDTH,
    }
}

/// The height all rows take in a mode.
pub fn rows_height(rows: &Rows, mode: TimelineMode) -> f32 {
    rows.rows.len() as f32 * row_height(mode)
}

/// Lays the timeline out in a frame.
pub fn layout(input: &TimelineInput<'_>, frame: &Frame) -> Scene {
    let geometry = Geometry::of(input, frame);
    let palette = input.palette;
    let mut scene = Scene::new(frame.width, frame.height, Some(palette.background));
    let visible = geometry.visible_rows(input.rows.rows.len());

    let mut chart = Scene::default();
    bars::background(input, &geometry, visible.clone(), &mut chart);
    if input.options.show_arrows && input.options.mode == TimelineMode::Gantt {
        arrows::arrows(input, &geometry, visible.clone(), &mut chart);
    }
    bars::rows(input, &geometry, visible.clone(), &mut chart);
    bars::markers(input, &geometry, &mut chart);
    scene.push(Shape::Clip {
        rect: geometry.chart,
        items: chart.items,
    });

    if geometry.table_width > 0.0 {
        let mut cells = Scene::default();
        table::rows(input, &geometry, visible, &mut cells);
        scene.push(Shape::Clip {
            rect: Rect::from_edges(
                0.0,
                geometry.chart.min.y,
                geometry.table_width,
                frame.height,
            ),
            items: cells.items,
        });
    }

    let mut top = Scene::default();
    header::header(input, &geometry, &mut top);
    scene.push(Shape::Clip {
        rect: Rect::from_edges(
            geometry.table_width,
            0.0,
            frame.width,
            geometry.header_height,
        ),
        items: top.items,
    });
    if geometry.table_width > 0.0 {
        table::heading(input, &geometry, &mut scene);
    }
    header::separators(&geometry, palette, &mut scene);
    scene
}
