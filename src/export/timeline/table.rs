//! The table left of the chart: task columns (Gantt) or phase names (roadmap), repeated on every
//! page of a print.

use super::bars::{line, rect};
use super::{
    Column, FONT_SIZE, Geometry, ROADMAP_NAME_WIDTH, Row, SMALL_FONT_SIZE, TimelineInput,
    TimelineMode,
};
use crate::export::{Anchor, Hit, Point, Rect, Scene, font};
use chrono::NaiveDate;
use std::ops::Range;

/// The cells of the visible rows.
pub(super) fn rows(
    input: &TimelineInput<'_>,
    geometry: &Geometry,
    visible: Range<usize>,
    scene: &mut Scene,
) {
    let palette = input.palette;
    let width = geometry.table_width;
    for row in visible {
        let top = geometry.row_top(row);
        let middle = top + geometry.row_height / 2.0;
        super::bars::row_band(input, geometry, row, (0.0, width), scene);
        match &input.rows.rows[row] {
            Row::Group(group) => {
                let marker = if group.collapsed { "▸" } else { "▾" };
                let text = format!("{marker} {} ({})", group.label, group.count);
                let verb = if group.collapsed {
                    "Expand"
                } else {
                    "Collapse"
                };
                scene.push_hit(
                    rect(
                        Rect::from_edges(0.0, top, width, top + geometry.row_height),
                        None,
                        None,
                        0.0,
                    ),
                    Hit::Group(row),
                    Some(format!("{verb} {}", group.label)),
                );
                scene.bold_text(
                    Point::new(6.0, middle),
                    font::fit_weighted(&text, FONT_SIZE, width - 12.0, font::Weight::Bold),
                    FONT_SIZE,
                    palette.text,
                    Anchor::Start,
                );
            }
            Row::Task { index, depth } => {
                task_cells(input, geometry, *index, *depth, middle, scene);
            }
            Row::Phase(index) => {
                let phase = &input.plan.phases[*index];
                let span = input.dated.phases[*index];
                name_cell(
                    input,
                    &phase.name,
                    span.map(|s| (s.start, s.finish)),
                    middle,
                    scene,
                );
            }
            Row::Sprint(index) => {
                let sprint = &input.plan.sprints[*index];
                let span = input.dated.sprints[*index];
                name_cell(
                    input,
                    &sprint.name,
                    span.map(|s| (s.start, s.finish)),
                    middle,
                    scene,
                );
            }
        }
    }
}

fn name_cell(
    input: &TimelineInput<'_>,
    name: &str,
    dates: Option<(NaiveDate, NaiveDate)>,
    middle: f32,
    scene: &mut Scene,
) {
    let width = ROADMAP_NAME_WIDTH;
    scene.text(
        Point::new(8.0, middle - 7.0),
        font::fit(name, FONT_SIZE, width - 14.0),
        FONT_SIZE,
        input.palette.text,
        Anchor::Start,
    );
    let when = dates.map_or_else(
        || "no dates".to_owned(),
        |(start, finish)| format!("{} – {}", short_date(start), short_date(finish)),
    );
    scene.text(
        Point::new(8.0, middle + 9.0),
        when,
        9.0,
        input.palette.weak,
        Anchor::Start,
    );
}

fn task_cells(
    input: &TimelineInput<'_>,
    geometry: &Geometry,
    index: usize,
    depth: u8,
    middle: f32,
    scene: &mut Scene,
) {
    let task = &input.plan.tasks[index];
    let dates = input.dated.tasks[index];
    let palette = input.palette;
    let mut x = 0.0;
    for (column, &width) in Column::ALL.iter().zip(&input.options.columns) {
        let (text, color, indent) = match column {
            Column::Id => (task.id.to_string(), palette.weak, 0.0),
            Column::Title => (task.title.clone(), palette.text, f32::from(depth) * 12.0),
            Column::Owner => (task.owner.clone(), palette.weak, 0.0),
            Column::Start => (
                dates.map_or_else(|| "—".to_owned(), |d| short_date(d.start)),
                palette.text,
                0.0,
            ),
            Column::Finish => (
                dates.map_or_else(|| "—".to_owned(), |d| short_date(d.finish)),
                if dates.is_some_and(|d| d.late) {
                    palette.late
                } else {
                    palette.text
                },
                0.0,
            ),
            Column::Duration => (
                dates.map_or_else(|| "—".to_owned(), |d| days_text(d.days)),
                palette.weak,
                0.0,
            ),
        };
        let left = x + 6.0 + indent;
        let room = (width - 12.0 - indent).max(0.0);
        let size = if matches!(column, Column::Title) {
            FONT_SIZE
        } else {
            SMALL_FONT_SIZE
        };
        if room > 0.0 && x < geometry.table_width {
            scene.text(
                Point::new(left, middle),
                font::fit(&text, size, room),
                size,
                color,
                Anchor::Start,
            );
        }
        x += width;
    }
}

/// The heading of the table, with the column edges to drag.
pub(super) fn heading(input: &TimelineInput<'_>, geometry: &Geometry, scene: &mut Scene) {
    let palette = input.palette;
    let bottom = geometry.header_height;
    let width = geometry.table_width;
    scene.push(rect(
        Rect::from_edges(0.0, 0.0, width, bottom),
        Some(palette.header),
        None,
        0.0,
    ));
    let title = font::fit(&input.plan.meta.title, FONT_SIZE, width - 12.0).into_owned();
    scene.text(
        Point::new(6.0, 12.0),
        title,
        FONT_SIZE,
        palette.text,
        Anchor::Start,
    );
    let middle = bottom - 10.0;
    match input.options.mode {
        TimelineMode::Roadmap => {
            let label = if input.plan.phases.is_empty() {
                "Sprint"
            } else {
                "Phase"
            };
            scene.text(
                Point::new(8.0, middle),
                label,
                SMALL_FONT_SIZE,
                palette.weak,
                Anchor::Start,
            );
        }
        TimelineMode::Gantt => {
            let mut x = 0.0;
            for (number, (column, &column_width)) in
                Column::ALL.iter().zip(&input.options.columns).enumerate()
            {
                if x >= width {
                    break;
                }
                scene.text(
                    Point::new(x + 6.0, middle),
                    font::fit(
                        column.title(),
                        SMALL_FONT_SIZE,
                        (column_width - 10.0).max(0.0),
                    ),
                    SMALL_FONT_SIZE,
                    palette.weak,
                    Anchor::Start,
                );
                x += column_width;
                scene.push(line(
                    vec![Point::new(x, bottom - 18.0), Point::new(x, bottom)],
                    crate::export::Stroke::solid(1.0, palette.grid),
                ));
                scene.push_hit(
                    rect(
                        Rect::from_edges(x - 3.0, bottom - 20.0, x + 3.0, bottom),
                        None,
                        None,
                        0.0,
                    ),
                    Hit::ColumnEdge(number),
                    Some(format!("Resize the {} column", column.title())),
                );
            }
        }
    }
}

/// A date as "Mon 12 Jan 26"-style short text: "12 Jan 26".
pub fn short_date(date: NaiveDate) -> String {
    date.format("%d %b %y").to_string()
}

/// Working days as text: "3 d", "0.5 d", "—" for none.
pub fn days_text(days: f64) -> String {
    if days <= crate::analysis::EPSILON {
        "0 d".to_owned()
    } else if (days - days.round()).abs() < 0.05 {
        format!("{} d", days.round())
    } else {
        format!("{days:.1} d")
    }
}
