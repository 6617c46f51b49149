//! The chart's rows: shading, grid, bars with their labels, and the today and start lines.

use super::axis::{Unit, day_number, tiers, unit_starts};
use super::{FONT_SIZE, Geometry, Row, SMALL_FONT_SIZE, TimelineInput};
use crate::analysis::{EPSILON, Placement, Span, TaskDates};
use crate::export::{Anchor, Hit, Point, Rect, Rgba, Scene, Shape, Stroke, font};
use crate::model::{StatusCategory, shift};
use std::ops::Range;

/// Height of a task bar.
const BAR_HEIGHT: f32 = 14.0;
/// Height of a phase bar on the roadmap.
const PHASE_BAR_HEIGHT: f32 = 18.0;
/// Width of the grip at a bar's right end.
const GRIP: f32 = 6.0;
/// Radius of the connect handle right of a bar.
const HANDLE: f32 = 5.0;

/// Off days, row bands and grid lines.
/// The band behind a row between two x positions: the group colour for a group heading, a light
/// stripe on every other row.
pub(super) fn row_band(
    input: &TimelineInput<'_>,
    geometry: &Geometry,
    row: usize,
    (left, right): (f32, f32),
    scene: &mut Scene,
) {
    let band = match input.rows.rows[row] {
        Row::Group(_) => Some(input.palette.group),
        _ if row % 2 == 1 => Some(input.palette.band),
        _ => None,
    };
    if let Some(fill) = band {
        let top = geometry.row_top(row);
        scene.push(rect(
            Rect::from_edges(left, top, right, top + geometry.row_height),
            Some(fill),
            None,
            0.0,
        ));
    }
}

pub(super) fn background(
    input: &TimelineInput<'_>,
    geometry: &Geometry,
    visible: Range<usize>,
    scene: &mut Scene,
) {
    let palette = input.palette;
    let chart = geometry.chart;
    for row in visible {
        row_band(input, geometry, row, (chart.min.x, chart.max.x), scene);
    }
    let axis = geometry.axis;
    let (first, last) = axis.visible_dates();
    if axis.per_day >= 4.0 {
        let mut day = first;
        while day <= last {
            if !input.dated.calendar.is_working_day(day) {
                let x = axis.x_of(day);
                scene.push(rect(
                    Rect::from_edges(x, chart.min.y, x + axis.per_day, chart.max.y),
                    Some(palette.off_day),
                    None,
                    0.0,
                ));
            }
            day = shift(day, 1);
        }
    }
    let (_, unit) = tiers(axis.per_day);
    let unit = if unit == Unit::Day { Unit::Week } else { unit };
    for start in unit_starts(unit, first, last) {
        let x = axis.x_of(start);
        scene.push(line(
            vec![Point::new(x, chart.min.y), Point::new(x, chart.max.y)],
            Stroke::solid(1.0, palette.grid.alpha(150)),
        ));
    }
    for dates in input.dated.milestones.iter().flatten() {
        let x = axis.x_of(dates.date) + axis.per_day / 2.0;
        if (chart.min.x..=chart.max.x).contains(&x) {
            let color = if dates.late {
                palette.late
            } else {
                palette.milestone
            };
            scene.push(line(
                vec![Point::new(x, chart.min.y), Point::new(x, chart.max.y)],
                Stroke::dashed(1.0, color.alpha(110), 4.0),
            ));
        }
    }
}

/// The bars of the visible rows.
pub(super) fn rows(
    input: &TimelineInput<'_>,
    geometry: &Geometry,
    visible: Range<usize>,
    scene: &mut Scene,
) {
    for row in visible {
        let middle = geometry.row_top(row) + geometry.row_height / 2.0;
        match &input.rows.rows[row] {
            Row::Group(group) => {
                if let Some(span) = group.span {
                    summary_bar(input, geometry, span, middle, scene);
                }
            }
            Row::Task { index, .. } => {
                if let Some(dates) = input.dated.tasks[*index] {
                    task_bar(input, geometry, *index, &dates, middle, scene);
                }
            }
            Row::Phase(index) => phase_bar(input, geometry, *index, middle, scene),
            Row::Sprint(index) => {
                if let Some(span) = input.dated.sprints[*index] {
                    let name = &input.plan.sprints[*index].name;
                    let color = input.palette.sprints[index % 2];
                    span_bar(
                        input,
                        geometry,
                        span,
                        middle,
                        color,
                        name,
                        Hit::Sprint(*index),
                        scene,
                        None,
                    );
                }
            }
        }
    }
}

/// The x range of a task's work, fractions of days included.
pub(super) fn bar_extent(geometry: &Geometry, dates: &TaskDates) -> (f32, f32) {
    let axis = geometry.axis;
    let fraction = |offset: f64| (offset - (offset + EPSILON).floor()).clamp(0.0, 1.0);
    let start = axis.x(day_number(dates.start) + fraction(dates.start_offset));
    if dates.is_zero_length() {
        return (start, start);
    }
    let end_fraction = if dates.placement == Placement::Actual {
        1.0
    } else {
        let f = dates.finish_offset - ((dates.finish_offset - EPSILON).ceil() - 1.0);
        f.clamp(0.0, 1.0)
    };
    let finish = axis.x(day_number(dates.finish) + end_fraction);
    (start, finish.max(start + 2.0))
}

fn task_bar(
    input: &TimelineInput<'_>,
    geometry: &Geometry,
    index: usize,
    dates: &TaskDates,
    middle: f32,
    scene: &mut Scene,
) {
    let palette = input.palette;
    let plan = input.plan;
    let task = &plan.tasks[index];
    let color = plan.status(&task.status).map_or(palette.summary, |s| {
        Rgba::rgb(s.color[0], s.color[1], s.color[2])
    });
    let (x0, x1) = bar_extent(geometry, dates);
    let selected = input.selected == Some(index);
    let outline = if dates.late {
        Some(Stroke::solid(2.0, palette.late))
    } else if dates.critical && input.options.show_critical {
        Some(Stroke::solid(2.0, palette.critical))
    } else {
        None
    };
    let label = task_bar_label(plan, dates, index);
    if dates.is_zero_length() {
        scene.push_hit(
            Shape::Diamond {
                center: Point::new(x0, middle),
                radius: 7.0,
                fill: color,
                stroke: Some(outline.unwrap_or(Stroke::solid(1.0, palette.text.alpha(120)))),
            },
            Hit::Task(index),
            Some(label),
        );
        if selected {
            scene.push(Shape::Diamond {
                center: Point::new(x0, middle),
                radius: 10.0,
                fill: Rgba::default(),
                stroke: Some(Stroke::solid(2.0, palette.selection)),
            });
        }
        bar_label(input, task.title.as_str(), x0 + 10.0, None, middle, scene);
        return;
    }
    if input.options.show_slack
        && dates.slack_days > EPSILON
        && dates.placement == Placement::Planned
    {
        let late_finish = dates.finish_offset + dates.slack_days;
        let day = input.dated.calendar.date_of(
            input.dated.anchor,
            (late_finish - EPSILON).ceil() as i64 - 1,
        );
        let x = geometry.axis.x_of(day) + geometry.axis.per_day;
        scene.push(line(
            vec![
                Point::new(x1, middle + BAR_HEIGHT / 2.0 - 1.0),
                Point::new(x, middle + BAR_HEIGHT / 2.0 - 1.0),
            ],
            Stroke::solid(1.5, color.alpha(200)),
        ));
    }
    let bar = Rect::from_edges(x0, middle - BAR_HEIGHT / 2.0, x1, middle + BAR_HEIGHT / 2.0);
    scene.push_hit(
        rect(bar, Some(color.alpha(90)), outline, 3.0),
        Hit::Task(index),
        Some(label),
    );
    let progress = progress(input, index);
    if progress > 0.0 {
        let filled = Rect::from_edges(x0, bar.min.y, x0 + (x1 - x0) * progress, bar.max.y);
        scene.push(rect(filled, Some(color), None, 3.0));
    }
    if let Some(stroke) = outline {
        scene.push(rect(bar, None, Some(stroke), 3.0));
    }
    if selected {
        let ring = Rect::from_edges(x0 - 2.0, bar.min.y - 2.0, x1 + 2.0, bar.max.y + 2.0);
        scene.push(rect(
            ring,
            None,
            Some(Stroke::solid(2.0, palette.selection)),
            4.0,
        ));
    }
    if dates.placement == Placement::Planned {
        let grip = Rect::from_edges(x1 - GRIP.min((x1 - x0) / 3.0), bar.min.y, x1, bar.max.y);
        scene.push_hit(
            rect(grip, None, None, 0.0),
            Hit::TaskEnd(index),
            Some(format!("Change length of {}", task.id)),
        );
    }
    if selected || input.hovered == Some(index) {
        let center = Point::new(x1 + HANDLE + 3.0, middle);
        scene.push_hit(
            Shape::Diamond {
                center,
                radius: HANDLE,
                fill: palette.background,
                stroke: Some(Stroke::solid(1.5, palette.selection)),
            },
            Hit::Connect(index),
            Some(format!("Connect from {}", task.id)),
        );
    }
    let fill = if progress >= 0.5 {
        color
    } else {
        color.alpha(90)
    };
    let inside = (fill.lightness() < 0.6 || fill.0[3] < 128).then_some(if fill.0[3] < 128 {
        palette.text
    } else {
        palette.on_dark
    });
    let right = if selected || input.hovered == Some(index) {
        x1 + 2.0 * HANDLE + 8.0
    } else {
        x1 + 6.0
    };
    bar_label(
        input,
        &task.title,
        right,
        Some((x0, x1, inside.unwrap_or(palette.on_light))),
        middle,
        scene,
    );
}

/// What a task's bar is called for assistive technology and tests: id, title and dates
/// ("PAY-002 Invoice dashboard, 12 Jan 26 – 16 Jan 26").
pub fn task_bar_label(plan: &crate::model::Plan, dates: &TaskDates, index: usize) -> String {
    let task = &plan.tasks[index];
    let mut label = format!(
        "{} {}, {}",
        task.id,
        task.title,
        super::table::short_date(dates.start)
    );
    if !dates.is_zero_length() {
        label.push_str(" – ");
        label.push_str(&super::table::short_date(dates.finish));
    }
    if dates.late {
        label.push_str(", late");
    }
    label
}

/// A task's progress, 0 to 1: done work is full, else its ticked checklist share.
fn progress(input: &TimelineInput<'_>, index: usize) -> f32 {
    let task = &input.plan.tasks[index];
    if input.plan.category(&task.status) == StatusCategory::Done {
        return 1.0;
    }
    let (done, total) = task.checklist_progress();
    if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    }
}

/// A label inside the bar when it fits there, else right of it.
fn bar_label(
    input: &TimelineInput<'_>,
    text: &str,
    right: f32,
    inside: Option<(f32, f32, Rgba)>,
    middle: f32,
    scene: &mut Scene,
) {
    if let Some((x0, x1, color)) = inside {
        let room = x1 - x0 - 8.0;
        if font::text_width(text, SMALL_FONT_SIZE) <= room {
            scene.text(
                Point::new(x0 + 4.0, middle),
                text,
                SMALL_FONT_SIZE,
                color,
                Anchor::Start,
            );
            return;
        }
    }
    let fitted = font::fit(text, SMALL_FONT_SIZE, 260.0);
    scene.text(
        Point::new(right, middle),
        fitted,
        SMALL_FONT_SIZE,
        input.palette.text,
        Anchor::Start,
    );
}

fn summary_bar(
    input: &TimelineInput<'_>,
    geometry: &Geometry,
    span: Span,
    middle: f32,
    scene: &mut Scene,
) {
    let axis = geometry.axis;
    let x0 = axis.x_of(span.start);
    let x1 = axis.x_of(span.finish) + axis.per_day;
    let color = input.palette.summary;
    let top = middle - 4.0;
    scene.push(rect(
        Rect::from_edges(x0, top, x1.max(x0 + 2.0), top + 6.0),
        Some(color),
        None,
        1.0,
    ));
    for x in [x0, x1] {
        scene.push(Shape::Line {
            points: vec![Point::new(x, top), Point::new(x, top + 10.0)],
            stroke: Stroke::solid(2.0, color),
            arrow: false,
        });
    }
}

fn phase_bar(
    input: &TimelineInput<'_>,
    geometry: &Geometry,
    index: usize,
    middle: f32,
    scene: &mut Scene,
) {
    let Some(span) = input.dated.phases[index] else {
        return;
    };
    let plan = input.plan;
    let phase = &plan.phases[index];
    let color = phase
        .status
        .as_ref()
        .and_then(|s| plan.status(s))
        .map_or(input.palette.summary, |s| {
            Rgba::rgb(s.color[0], s.color[1], s.color[2])
        });
    let overrun = input.dated.phase_overrun(index);
    let late_task = input.dated.phase_late.get(index).copied().unwrap_or(false);
    let axis = geometry.axis;
    let palette = input.palette;
    let mut outside = None;
    if let Some(finish) = overrun {
        // The work runs past the phase's window: a red tail to the day it is forecast to finish,
        // then the note, then the name when it does not fit in the bar.
        let x0 = axis.x_of(span.finish) + axis.per_day;
        let x1 = axis.x_of(finish) + axis.per_day;
        let tail = Rect::from_edges(x0, middle - 3.0, x1, middle + 3.0);
        scene.push(rect(tail, Some(palette.late.alpha(160)), None, 2.0));
        let note = format!("overruns to {}", super::table::short_date(finish));
        let note_width = font::text_width(&note, SMALL_FONT_SIZE);
        scene.text(
            Point::new(x1 + 6.0, middle),
            note,
            SMALL_FONT_SIZE,
            palette.late,
            Anchor::Start,
        );
        outside = Some(x1 + 6.0 + note_width + 10.0);
    }
    span_bar(
        input,
        geometry,
        span,
        middle,
        color,
        &phase.name,
        Hit::Phase(index),
        scene,
        outside,
    );
    if overrun.is_some() || late_task {
        let bar = Rect::from_edges(
            axis.x_of(span.start),
            middle - PHASE_BAR_HEIGHT / 2.0,
            axis.x_of(span.finish) + axis.per_day,
            middle + PHASE_BAR_HEIGHT / 2.0,
        );
        scene.push(rect(bar, None, Some(Stroke::solid(2.0, palette.late)), 4.0));
    }
}

#[expect(clippy::too_many_arguments, reason = "one bar's facts, each different")]
fn span_bar(
    input: &TimelineInput<'_>,
    geometry: &Geometry,
    span: Span,
    middle: f32,
    color: Rgba,
    name: &str,
    hit: Hit,
    scene: &mut Scene,
    outside_x: Option<f32>,
) {
    let axis = geometry.axis;
    let x0 = axis.x_of(span.start);
    let x1 = (axis.x_of(span.finish) + axis.per_day).max(x0 + 2.0);
    let bar = Rect::from_edges(
        x0,
        middle - PHASE_BAR_HEIGHT / 2.0,
        x1,
        middle + PHASE_BAR_HEIGHT / 2.0,
    );
    scene.push_hit(
        rect(bar, Some(color), None, 4.0),
        hit,
        Some(name.to_owned()),
    );
    let text_color = if color.lightness() < 0.6 {
        input.palette.on_dark
    } else {
        input.palette.on_light
    };
    let visible_left = x0.max(geometry.chart.min.x) + 6.0;
    let room = x1 - visible_left - 6.0;
    if font::text_width(name, FONT_SIZE) <= room {
        scene.text(
            Point::new(visible_left, middle),
            name,
            FONT_SIZE,
            text_color,
            Anchor::Start,
        );
    } else {
        scene.text(
            Point::new(outside_x.unwrap_or(x1 + 6.0), middle),
            font::fit(name, FONT_SIZE, 240.0),
            FONT_SIZE,
            input.palette.text,
            Anchor::Start,
        );
    }
}

/// The today line and the plan's start.
pub(super) fn markers(input: &TimelineInput<'_>, geometry: &Geometry, scene: &mut Scene) {
    let chart = geometry.chart;
    let axis = geometry.axis;
    let start = axis.x_of(input.dated.anchor);
    scene.push(line(
        vec![
            Point::new(start, chart.min.y),
            Point::new(start, chart.max.y),
        ],
        Stroke::dashed(1.5, input.palette.weak, 6.0),
    ));
    let today = axis.x_of(input.dated.today) + axis.per_day / 2.0;
    scene.push(line(
        vec![
            Point::new(today, chart.min.y),
            Point::new(today, chart.max.y),
        ],
        Stroke::solid(1.5, input.palette.today),
    ));
}

/// A rectangle primitive.
pub(super) fn rect(rect: Rect, fill: Option<Rgba>, stroke: Option<Stroke>, radius: f32) -> Shape {
    Shape::Rect {
        rect,
        fill,
        stroke,
        radius,
    }
}

/// A line primitive without an arrowhead.
pub(super) fn line(points: Vec<Point>, stroke: Stroke) -> Shape {
    Shape::Line {
        points,
        stroke,
        arrow: false,
    }
}
