//! The burndown and burnup chart of one scope: work remaining, completed and in scope day by day,
//! the ideal line, today, and a diamond on each day scope moved.

use super::frame::{
    MARGIN, Mark, Plot, SMALL_SIZE, amount, category_labels, header, hit_area, message, number,
    short_date, value_axis,
};
use crate::analysis::velocity::{BurnDay, Burndown, ScopeMarker, ScopeMove, Unit};
use crate::export::font::text_width;
use crate::export::timeline::Palette;
use crate::export::{Anchor, Hit, Point, Rect, Scene, Shape, Stroke};
use crate::model::Plan;
use chrono::{Datelike, NaiveDate, Weekday};

/// Draws the burndown of a scope named `name`; `None` draws what is missing instead.
pub fn burn_chart(
    scene: &mut Scene,
    plan: &Plan,
    burndown: Option<&Burndown>,
    unit: Unit,
    name: &str,
    today: NaiveDate,
    palette: &Palette,
) {
    let title = format!("Burndown and burnup: {name}");
    let Some(burn) = burndown.filter(|b| !b.days.is_empty()) else {
        let top = header(scene, palette, &title, &[], &[]);
        message(
            scene,
            palette,
            top,
            "Nothing dates this scope yet: give the sprint or phase its dates, or the plan a start date, and its burndown appears here.",
        );
        return;
    };
    let ideal = Stroke::dashed(1.5, palette.weak, 5.0);
    let legend = [
        (
            Mark::Line(Stroke::solid(2.5, palette.selection)),
            "Remaining",
        ),
        (Mark::Line(Stroke::solid(2.5, palette.done)), "Completed"),
        (Mark::Line(Stroke::solid(2.0, palette.summary)), "Scope"),
        (Mark::Line(ideal), "Ideal"),
        (Mark::Diamond(palette.milestone), "Scope changed"),
    ];
    let top = header(
        scene,
        palette,
        &title,
        &[summary(burn, unit, today)],
        &legend,
    );
    let highest = burn
        .days
        .iter()
        .map(|d| d.ideal.max(d.scope.unwrap_or(0.0)))
        .fold(0.0, f64::max)
        * 1.08;
    let plot = value_axis(scene, palette, top, highest, unit == Unit::Count, number);
    let step = plot.area.width() / burn.days.len() as f32;
    let x = |k: usize| plot.area.min.x + (k as f32 + 0.5) * step;
    if step >= 3.0 {
        for (k, _) in burn.days.iter().enumerate().filter(|(_, d)| !d.working) {
            scene.push(Shape::Rect {
                rect: Rect::from_edges(
                    x(k) - step / 2.0,
                    plot.area.min.y,
                    x(k) + step / 2.0,
                    plot.area.max.y,
                ),
                fill: Some(palette.off_day),
                stroke: None,
                radius: 0.0,
            });
        }
    }
    if let Some(k) = burn.days.iter().position(|d| d.date == today) {
        scene.push(Shape::Line {
            points: vec![
                Point::new(x(k), plot.area.min.y),
                Point::new(x(k), plot.area.max.y),
            ],
            stroke: Stroke::solid(1.5, palette.today),
            arrow: false,
        });
        scene.text(
            Point::new(x(k) + 3.0, plot.area.min.y + 6.0),
            "today",
            SMALL_SIZE,
            palette.today,
            Anchor::Start,
        );
    }
    let line = |scene: &mut Scene, pick: fn(&BurnDay) -> Option<f64>, stroke: Stroke| {
        let points: Vec<Point> = burn
            .days
            .iter()
            .enumerate()
            .filter_map(|(k, d)| pick(d).map(|v| Point::new(x(k), plot.y(v))))
            .collect();
        if points.len() == 1 {
            scene.push(Shape::Diamond {
                center: points[0],
                radius: 3.0,
                fill: stroke.color,
                stroke: None,
            });
        } else if points.len() > 1 {
            scene.push(Shape::Line {
                points,
                stroke,
                arrow: false,
            });
        }
    };
    line(scene, |d| Some(d.ideal), ideal);
    line(scene, |d| d.scope, Stroke::solid(2.0, palette.summary));
    line(scene, |d| d.completed, Stroke::solid(2.5, palette.done));
    line(
        scene,
        |d| d.remaining,
        Stroke::solid(2.5, palette.selection),
    );
    for marker in &burn.markers {
        let Some(k) = burn.days.iter().position(|d| d.date == marker.date) else {
            continue;
        };
        let value = burn.days[k].scope.unwrap_or(0.0);
        scene.push(Shape::Diamond {
            center: Point::new(x(k), plot.y(value)),
            radius: 5.0,
            fill: palette.milestone,
            stroke: Some(Stroke::solid(1.0, palette.background)),
        });
    }
    for (k, day) in burn.days.iter().enumerate() {
        let rect = Rect::from_edges(
            x(k) - step / 2.0,
            plot.area.min.y,
            x(k) + step / 2.0,
            plot.area.max.y,
        );
        let marker = burn.markers.iter().find(|m| m.date == day.date);
        hit_area(
            scene,
            rect,
            Hit::BurnDay(k),
            day_label(plan, day, marker, unit),
        );
    }
    date_ticks(scene, palette, &plot, &burn.days, step);
}

fn summary(burn: &Burndown, unit: Unit, today: NaiveDate) -> String {
    let range = format!(
        "{} – {}",
        short_date(burn.range.start),
        short_date(burn.range.end)
    );
    let last = burn.days.iter().rev().find(|d| d.scope.is_some());
    let Some(last) = last else {
        return format!("{range} · starts after today ({})", short_date(today));
    };
    let changes = burn.markers.len();
    let moved = match changes {
        0 => "scope never moved".to_owned(),
        1 => "scope moved on 1 day".to_owned(),
        n => format!("scope moved on {n} days"),
    };
    format!(
        "{range} · {} in scope, {} completed, {} remaining · {moved}",
        amount(last.scope.unwrap_or(0.0), unit),
        amount(last.completed.unwrap_or(0.0), unit),
        amount(last.remaining.unwrap_or(0.0), unit),
    )
}

/// The hover readout of a day: its numbers and what moved the scope.
pub fn day_label(plan: &Plan, day: &BurnDay, marker: Option<&ScopeMarker>, unit: Unit) -> String {
    let date = day.date.format("%a %-d %b").to_string();
    let mut text = match (day.remaining, day.completed, day.scope) {
        (Some(remaining), Some(completed), Some(scope)) => format!(
            "{date}: {} remaining, {} completed, {} in scope (ideal {})",
            amount(remaining, unit),
            amount(completed, unit),
            amount(scope, unit),
            amount(day.ideal, unit)
        ),
        _ => format!("{date}: ideal {} remaining", amount(day.ideal, unit)),
    };
    if let Some(marker) = marker {
        let sign = if marker.net >= 0.0 { "+" } else { "−" };
        let events: Vec<String> = marker
            .events
            .iter()
            .take(6)
            .map(|e| {
                let what = match e.change {
                    ScopeMove::Added => "added",
                    ScopeMove::Removed => "removed",
                    ScopeMove::Reestimated => "re-estimated",
                };
                let title = plan.task(&e.task).map_or("", |t| t.title.as_str());
                format!("{} {title} {what}", e.task).replace("  ", " ")
            })
            .collect();
        let more = marker.events.len().saturating_sub(6);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        text = format!(
            "{text}; scope {sign}{}: {}{more}",
            amount(marker.net.abs(), unit),
            events.join(", ")
        );
    }
    text
}

/// Date labels under the plot, every day, week or few weeks so they fit; weekly and longer steps
/// fall on Mondays.
fn date_ticks(scene: &mut Scene, palette: &Palette, plot: &Plot, days: &[BurnDay], step: f32) {
    let needed = text_width("30 Sep", SMALL_SIZE) + 10.0;
    let every = [1usize, 2, 7, 14, 28, 56, 91, 182, 364]
        .into_iter()
        .find(|k| *k as f32 * step >= needed)
        .unwrap_or(364);
    let mut labels = Vec::new();
    let mut last: Option<usize> = None;
    for (k, day) in days.iter().enumerate() {
        let due = if every < 7 {
            k % every == 0
        } else {
            day.date.weekday() == Weekday::Mon && last.is_none_or(|l| (k - l) >= every)
        };
        if due {
            labels.push((
                plot.area.min.x + (k as f32 + 0.5) * step,
                short_date(day.date),
            ));
            last = Some(k);
        }
    }
    let room = (every as f32 * step).min(scene.width - 2.0 * MARGIN);
    for (x, _) in &labels {
        scene.push(Shape::Line {
            points: vec![
                Point::new(*x, plot.area.max.y),
                Point::new(*x, plot.area.max.y + 4.0),
            ],
            stroke: Stroke::solid(1.0, palette.weak),
            arrow: false,
        });
    }
    category_labels(scene, palette, plot, &labels, room);
}
