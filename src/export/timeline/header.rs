//! Above the rows: the two-tier time scale, the sprint band and the milestone strip.

use super::axis::{next_unit, tiers, unit_label, unit_starts};
use super::bars::{line, rect};
use super::{Geometry, SMALL_FONT_SIZE, SPRINT_BAND_HEIGHT, TIER_HEIGHT, TimelineInput};
use crate::export::timeline::{MILESTONE_STRIP_HEIGHT, Palette};
use crate::export::{Anchor, Hit, Point, Rect, Scene, Shape, Stroke, font};

/// The time scale, sprint band and milestone strip, across the chart's width.
pub(super) fn header(input: &TimelineInput<'_>, geometry: &Geometry, scene: &mut Scene) {
    let palette = input.palette;
    let axis = geometry.axis;
    let left = geometry.table_width;
    scene.push(rect(
        Rect::from_edges(left, 0.0, axis.right, geometry.header_height),
        Some(palette.header),
        None,
        0.0,
    ));
    let (first, last) = axis.visible_dates();
    let (top, bottom) = tiers(axis.per_day);
    for (tier, unit) in [(0.0, top), (TIER_HEIGHT, bottom)] {
        for start in unit_starts(unit, first, last) {
            let x0 = axis.x_of(start);
            let x1 = axis.x_of(next_unit(unit, start));
            scene.push(line(
                vec![Point::new(x0, tier), Point::new(x0, tier + TIER_HEIGHT)],
                Stroke::solid(1.0, palette.grid),
            ));
            let room = x1 - x0;
            if room < 14.0 {
                continue;
            }
            let label = unit_label(unit, start, room);
            // The top tier's label stays in view while its unit is partly scrolled off.
            let x = if tier == 0.0 {
                x0.max(left) + 4.0
            } else {
                x0 + 4.0
            };
            if x + font::text_width(&label, SMALL_FONT_SIZE) <= x1 - 2.0 || tier > 0.0 {
                let fitted = font::fit(&label, SMALL_FONT_SIZE, (x1 - x - 2.0).max(0.0));
                scene.text(
                    Point::new(x, tier + TIER_HEIGHT / 2.0),
                    fitted,
                    SMALL_FONT_SIZE,
                    if tier == 0.0 {
                        palette.text
                    } else {
                        palette.weak
                    },
                    Anchor::Start,
                );
            }
        }
    }
    scene.push(line(
        vec![
            Point::new(left, TIER_HEIGHT),
            Point::new(axis.right, TIER_HEIGHT),
        ],
        Stroke::solid(1.0, palette.grid),
    ));
    if let Some(top) = geometry.sprint_band {
        sprint_band(input, geometry, top, scene);
    }
    if let Some(top) = geometry.milestone_strip {
        milestone_strip(input, geometry, top, scene);
    }
    today_tag(input, geometry, scene);
}

fn sprint_band(input: &TimelineInput<'_>, geometry: &Geometry, top: f32, scene: &mut Scene) {
    let axis = geometry.axis;
    let palette = input.palette;
    for (index, (sprint, span)) in input
        .plan
        .sprints
        .iter()
        .zip(&input.dated.sprints)
        .enumerate()
    {
        let Some(span) = span else { continue };
        let x0 = axis.x_of(span.start);
        let x1 = axis.x_of(span.finish) + axis.per_day;
        if x1 < axis.left || x0 > axis.right {
            continue;
        }
        let band = Rect::from_edges(
            x0 + 1.0,
            top + 3.0,
            x1 - 1.0,
            top + SPRINT_BAND_HEIGHT - 3.0,
        );
        let fill = palette.sprints[index % 2];
        scene.push_hit(
            rect(band, Some(fill), None, 3.0),
            Hit::Sprint(index),
            Some(sprint.name.clone()),
        );
        let text_color = if fill.lightness() < 0.6 {
            palette.on_dark
        } else {
            palette.on_light
        };
        let x = x0.max(axis.left) + 5.0;
        let name = font::fit(&sprint.name, SMALL_FONT_SIZE, (x1 - x - 4.0).max(0.0));
        scene.text(
            Point::new(x, top + SPRINT_BAND_HEIGHT / 2.0),
            name,
            SMALL_FONT_SIZE,
            text_color,
            Anchor::Start,
        );
    }
}

/// Milestone diamonds with their names, placed on two lines so neighbours' names do not overlap.
fn milestone_strip(input: &TimelineInput<'_>, geometry: &Geometry, top: f32, scene: &mut Scene) {
    let axis = geometry.axis;
    let palette = input.palette;
    let mut ends = [f32::NEG_INFINITY; 2];
    let mut placed: Vec<(usize, f32)> = input
        .dated
        .milestones
        .iter()
        .enumerate()
        .filter_map(|(index, dates)| {
            Some((index, axis.x_of(dates.as_ref()?.date) + axis.per_day / 2.0))
        })
        .filter(|(_, x)| *x >= axis.left - 300.0 && *x <= axis.right + 10.0)
        .collect();
    placed.sort_by(|a, b| a.1.total_cmp(&b.1));
    // Each milestone goes on the first line whose last name ends before it, with its name; when
    // neither is free, on the line that frees first, without a name (the diamond keeps its name for
    // hovering and assistive technology), and names before it on that line are cut short.
    let lanes: Vec<(usize, bool)> = placed
        .iter()
        .map(|&(index, x)| {
            let free = (0..2).find(|&lane| ends[lane] <= x - 8.0);
            let lane = free.unwrap_or(usize::from(ends[1] < ends[0]));
            if free.is_some() {
                let width = font::text_width(&milestone_name(input, index), SMALL_FONT_SIZE);
                ends[lane] = x + 9.0 + width.min(220.0) + 8.0;
            } else {
                ends[lane] = ends[lane].max(x + 8.0);
            }
            (lane, free.is_some())
        })
        .collect();
    for (at, (&(index, x), &(lane, named))) in placed.iter().zip(&lanes).enumerate() {
        let missed = input.dated.milestones[index].is_some_and(|m| m.late);
        let color = if missed {
            palette.late
        } else {
            palette.milestone
        };
        let middle = top + 10.0 + lane as f32 * 16.0;
        scene.push_hit(
            Shape::Diamond {
                center: Point::new(x, middle),
                radius: 6.0,
                fill: color,
                stroke: Some(Stroke::solid(1.0, palette.background)),
            },
            Hit::Milestone(index),
            Some(format!("Milestone {}", input.plan.milestones[index].name)),
        );
        if !named {
            continue;
        }
        let next_on_lane = placed[at + 1..]
            .iter()
            .zip(&lanes[at + 1..])
            .find(|(_, (other, _))| *other == lane)
            .map_or(f32::INFINITY, |((_, next), _)| *next);
        let room = (next_on_lane - x - 18.0).min(220.0);
        let name = font::fit(&milestone_name(input, index), SMALL_FONT_SIZE, room).into_owned();
        let ink = if missed { palette.late } else { palette.text };
        scene.text(
            Point::new(x + 9.0, middle),
            name,
            SMALL_FONT_SIZE,
            ink,
            Anchor::Start,
        );
    }
    scene.push(line(
        vec![
            Point::new(axis.left, top + MILESTONE_STRIP_HEIGHT),
            Point::new(axis.right, top + MILESTONE_STRIP_HEIGHT),
        ],
        Stroke::solid(1.0, palette.grid),
    ));
}

fn milestone_name(input: &TimelineInput<'_>, index: usize) -> String {
    let name = &input.plan.milestones[index].name;
    if input.dated.milestones[index].is_some_and(|m| m.late) {
        format!("{name} (late)")
    } else {
        name.clone()
    }
}

fn today_tag(input: &TimelineInput<'_>, geometry: &Geometry, scene: &mut Scene) {
    let axis = geometry.axis;
    let x = axis.x_of(input.dated.today) + axis.per_day / 2.0;
    if x < axis.left || x > axis.right {
        return;
    }
    let palette = input.palette;
    let width = font::text_width("Today", 9.5) + 8.0;
    let tag = Rect::from_edges(
        x - width / 2.0,
        geometry.scale_bottom - 13.0,
        x + width / 2.0,
        geometry.scale_bottom,
    );
    scene.push(rect(tag, Some(palette.today), None, 3.0));
    scene.text(
        Point::new(x, tag.min.y + 6.5),
        "Today",
        9.5,
        palette.on_dark,
        Anchor::Middle,
    );
}

/// Lines between the header and the rows, and between the table and the chart.
pub(super) fn separators(geometry: &Geometry, palette: &Palette, scene: &mut Scene) {
    let bottom = geometry.header_height;
    scene.push(line(
        vec![
            Point::new(0.0, bottom),
            Point::new(geometry.axis.right, bottom),
        ],
        Stroke::solid(1.0, palette.grid),
    ));
    if geometry.table_width > 0.0 {
        scene.push(line(
            vec![
                Point::new(geometry.table_width, 0.0),
                Point::new(geometry.table_width, geometry.chart.max.y),
            ],
            Stroke::solid(1.0, palette.grid),
        ));
    }
}
