//! The Timeline view: the roadmap and the Gantt chart on a time axis.
//!
//! `mod.rs` holds the view's state and outline; `toolbar.rs` the controls, `canvas.rs` painting and
//! gestures, `calendar.rs` the plan's calendar dialog. The layout itself is pure
//! ([`crate::export::timeline::layout`]), the same code that prints and exports.

mod calendar;
mod canvas;
mod toolbar;

use super::ViewContext;
use super::background::Background;
use crate::export::timeline::axis::{WEEK_ZOOM, ZOOM_RANGE, date_of_number, day_number};
use crate::export::timeline::{Rows, TimelineOptions, table_width};
use calendar::CalendarDialog;
use chrono::NaiveDate;
use egui::Ui;
use std::sync::Arc;

/// A gesture in progress on the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Drag {
    /// Moving a task's bar (sets its "start no earlier than").
    Move { task: usize, from_x: f32 },
    /// Dragging a bar's right end (sets its estimate).
    Resize { task: usize, from_x: f32 },
    /// Moving a milestone (sets its date).
    Milestone { index: usize, from_x: f32 },
    /// Drawing a dependency from a task.
    Connect { from: usize },
    /// Resizing a table column.
    Column {
        index: usize,
        from_x: f32,
        width: f32,
    },
}

/// The timeline's own state: settings, the window onto the time axis, gestures and caches.
#[derive(Debug)]
pub struct TimelineState {
    /// Mode, grouping, toggles, collapsed groups and column widths.
    pub options: TimelineOptions,
    /// Points per day.
    pub per_day: f32,
    /// The day number at the chart's left edge.
    pub origin: f64,
    /// How far the rows are scrolled, in points.
    pub scroll: f32,
    /// The last refusal or hint, shown in the toolbar.
    pub message: Option<String>,
    rows: Background<(u64, TimelineOptions), Rows>,
    drag: Option<Drag>,
    hovered: Option<usize>,
    fit_pending: bool,
    chart_width: f32,
    start_pick: Option<NaiveDate>,
    calendar: Option<CalendarDialog>,
}

impl Default for TimelineState {
    fn default() -> Self {
        Self {
            options: TimelineOptions::default(),
            per_day: WEEK_ZOOM,
            origin: 0.0,
            scroll: 0.0,
            message: None,
            rows: Background::default(),
            drag: None,
            hovered: None,
            fit_pending: true,
            chart_width: 800.0,
            start_pick: None,
            calendar: None,
        }
    }
}

impl TimelineState {
    /// The rows for the plan revision and settings, built when either changed (never per frame).
    /// For a large plan they are built on a worker thread, the previous rows staying meanwhile;
    /// `None` while no rows fit the plan's tasks.
    fn rows(&mut self, ctx: &ViewContext<'_>, repaint: &egui::Context) -> Option<Arc<Rows>> {
        let key = (ctx.derived.revision, self.options.clone());
        let plan = Arc::clone(ctx.plan);
        let dated = Arc::clone(&ctx.derived.dated);
        let options = self.options.clone();
        let on_worker = plan.tasks.len() >= ctx.derived.background_from;
        self.rows
            .get(&key, on_worker, repaint, move || {
                Rows::build(&plan, &dated, &options)
            })
            .filter(|rows| rows.task_row.len() == ctx.plan.tasks.len())
    }

    /// Shows the whole plan (its first to last date, today included) across the chart.
    pub fn fit(&mut self, ctx: &ViewContext<'_>) {
        let dated = &ctx.derived.dated;
        let Some((first, last)) = dated.extent() else {
            self.scroll_to(dated.today);
            return;
        };
        let (first, last) = (first.min(dated.anchor), last);
        let days = (day_number(last) - day_number(first) + 1.0).max(7.0);
        let width = self.chart_width.max(100.0);
        // Room on the right for the labels beside the last bars and milestones.
        self.per_day = ((width * 0.82) / days as f32).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        self.origin = day_number(first) - f64::from(width * 0.03 / self.per_day);
        self.fit_pending = false;
    }

    /// The first and last date the chart shows.
    pub fn visible_dates(&self) -> (NaiveDate, NaiveDate) {
        let days = f64::from(self.chart_width.max(1.0) / self.per_day.max(0.01));
        (
            date_of_number(self.origin),
            date_of_number(self.origin + days),
        )
    }

    /// Scrolls the time axis so a date sits a third of the way across.
    pub fn scroll_to(&mut self, date: NaiveDate) {
        self.origin = day_number(date) - f64::from(self.chart_width / 3.0 / self.per_day);
        self.fit_pending = false;
    }

    /// Sets the zoom, keeping the day at `anchor_x` (a chart x) where it is.
    pub fn zoom_to(&mut self, per_day: f32, anchor_x: f32) {
        let per_day = per_day.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        let day = self.origin + f64::from(anchor_x / self.per_day);
        self.per_day = per_day;
        self.origin = day - f64::from(anchor_x / per_day);
    }

    fn chart_width_of(&self, total: f32) -> f32 {
        if self.options.show_table {
            (total - table_width(&self.options).min(total * 0.6)).max(1.0)
        } else {
            total
        }
    }
}

/// Draws the timeline.
pub fn timeline_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut TimelineState) {
    toolbar::toolbar_ui(ui, ctx, state);
    if ctx.derived.dated.anchor_assumed {
        toolbar::assumed_start_ui(ui, ctx, state);
    }
    calendar::calendar_dialog_ui(ui, ctx, state);
    let plan = ctx.plan;
    let nothing = plan.tasks.is_empty()
        && plan.phases.is_empty()
        && plan.sprints.is_empty()
        && plan.milestones.is_empty();
    if nothing || ctx.derived.dated.extent().is_none() {
        empty_state_ui(ui, nothing);
        return;
    }
    canvas::canvas_ui(ui, ctx, state);
}

fn empty_state_ui(ui: &mut Ui, nothing: bool) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        if nothing {
            ui.heading("Nothing to put on a timeline yet");
            ui.label("Add tasks, phases, sprints or milestones; the timeline places them on the calendar.");
        } else {
            ui.heading("No dates or estimates yet");
            ui.label("Set a start date or give tasks estimates, and the timeline places them on the calendar.");
        }
    });
}
