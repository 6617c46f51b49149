//! The velocity chart: committed beside completed for each sprint with the average line, or the
//! work completed in each week when the plan is measured in weeks.

use super::frame::{
    Mark, Plot, SMALL_SIZE, amount, category_labels, header, hit_area, message, number, short_date,
    value_axis,
};
use crate::analysis::velocity::{
    Basis, SprintState, SprintVelocity, Trend, VelocityReport, WeekVelocity,
};
use crate::export::timeline::Palette;
use crate::export::{Anchor, Hit, Point, Rect, Rgba, Scene, Shape, Stroke};
use crate::model::Plan;

/// What the chart says when there is nothing to draw.
pub const NO_VELOCITY: &str = "No finished work with dates yet: velocity appears as tasks are completed (their dates are recorded), or as sprints with dates end.";

/// Draws the velocity chart of the report into the scene.
pub fn velocity_chart(scene: &mut Scene, plan: &Plan, report: &VelocityReport, palette: &Palette) {
    let sprints: Vec<&SprintVelocity> = report
        .sprints
        .iter()
        .filter(|s| s.state != SprintState::Planned)
        .collect();
    if report.basis == Basis::Sprints && !sprints.is_empty() {
        sprint_bars(scene, plan, report, &sprints, palette);
    } else if !report.weeks.is_empty() {
        week_bars(scene, report, palette);
    } else {
        let top = header(scene, palette, &title(report, "sprint"), &[], &[]);
        message(scene, palette, top, NO_VELOCITY);
    }
}

fn title(report: &VelocityReport, per: &str) -> String {
    let unit = report.unit.to_string();
    let unit = if unit == "count" {
        "tasks"
    } else {
        unit.as_str()
    };
    format!("Velocity: {unit} completed per {per}")
}

fn average_note(report: &VelocityReport, periods: &str) -> String {
    let a = &report.average;
    let Some(mean) = a.mean else {
        return format!("No finished {periods} to average yet.");
    };
    let trend = match a.trend {
        Trend::Unknown => String::new(),
        Trend::Rising => ", trend rising".to_owned(),
        Trend::Steady => ", trend steady".to_owned(),
        Trend::Falling => ", trend falling".to_owned(),
    };
    format!(
        "Average of the last {} finished {periods}: {} (median {}){trend}",
        a.used,
        amount(mean, report.unit),
        amount(a.median.unwrap_or(mean), report.unit),
    )
}

fn average_line(scene: &mut Scene, plot: &Plot, report: &VelocityReport, palette: &Palette) {
    let Some(mean) = report.average.mean else {
        return;
    };
    let y = plot.y(mean);
    scene.push(Shape::Line {
        points: vec![
            Point::new(plot.area.min.x, y),
            Point::new(plot.area.max.x, y),
        ],
        stroke: Stroke::dashed(2.0, palette.critical, 6.0),
        arrow: false,
    });
    scene.text(
        Point::new(plot.area.max.x - 2.0, y - 9.0),
        format!("average {}", amount(mean, report.unit)),
        SMALL_SIZE,
        palette.critical,
        Anchor::End,
    );
}

fn bar(scene: &mut Scene, plot: &Plot, x: f32, width: f32, value: f64, fill: Rgba) {
    let top = plot.y(value);
    if plot.area.max.y - top < 0.5 {
        return;
    }
    scene.push(Shape::Rect {
        rect: Rect::from_edges(x, top, x + width, plot.area.max.y),
        fill: Some(fill),
        stroke: None,
        radius: 2.0,
    });
}

/// A number above a bar, on a patch of background so lines behind it do not cross it.
fn value_label(scene: &mut Scene, plot: &Plot, palette: &Palette, value: (f32, f64, Rgba)) {
    let (x, value, color) = value;
    let text = number((value * 10.0).round() / 10.0);
    let y = plot.y(value) - 8.0;
    let half = crate::export::font::text_width(&text, SMALL_SIZE) / 2.0 + 2.0;
    scene.push(Shape::Rect {
        rect: Rect::from_edges(x - half, y - 6.0, x + half, y + 6.0),
        fill: Some(palette.background),
        stroke: None,
        radius: 2.0,
    });
    scene.text(Point::new(x, y), text, SMALL_SIZE, color, Anchor::Middle);
}

fn sprint_bars(
    scene: &mut Scene,
    plan: &Plan,
    report: &VelocityReport,
    sprints: &[&SprintVelocity],
    palette: &Palette,
) {
    let unit = report.unit;
    let legend = [
        (Mark::Fill(palette.planned), "Committed at the start"),
        (Mark::Fill(palette.done), "Completed"),
        (
            Mark::Line(Stroke::dashed(2.0, palette.critical, 6.0)),
            "Average",
        ),
    ];
    let top = header(
        scene,
        palette,
        &title(report, "sprint"),
        &[average_note(report, "sprints")],
        &legend,
    );
    let highest = sprints
        .iter()
        .map(|s| s.committed.max(s.completed))
        .chain(report.average.mean)
        .fold(0.0, f64::max)
        * 1.08;
    let plot = value_axis(scene, palette, top, highest, false, number);
    let group = plot.area.width() / sprints.len() as f32;
    let width = (group * 0.34).min(44.0);
    let mut labels = Vec::new();
    let mut values = Vec::new();
    for (k, s) in sprints.iter().enumerate() {
        let center = plot.area.min.x + (k as f32 + 0.5) * group;
        let running = s.state == SprintState::Running;
        let done = if running {
            palette.done.alpha(150)
        } else {
            palette.done
        };
        bar(
            scene,
            &plot,
            center - width - 1.0,
            width,
            s.committed,
            palette.planned,
        );
        bar(scene, &plot, center + 1.0, width, s.completed, done);
        if width >= 14.0 {
            values.push((center - width / 2.0 - 1.0, s.committed, palette.weak));
            values.push((center + width / 2.0 + 1.0, s.completed, palette.text));
        }
        let second = match (running, s.range) {
            (true, _) => "running".to_owned(),
            (false, Some(r)) => format!("{} – {}", short_date(r.start), short_date(r.end)),
            (false, None) => "from its record".to_owned(),
        };
        labels.push((center, format!("{}\n{second}", s.name)));
        if let Some(index) = plan.sprints.iter().position(|p| p.id == s.sprint) {
            let rect = Rect::from_edges(
                center - group / 2.0,
                plot.area.min.y,
                center + group / 2.0,
                plot.area.max.y,
            );
            hit_area(scene, rect, Hit::SprintBar(index), sprint_label(s, unit));
        }
    }
    average_line(scene, &plot, report, palette);
    for value in values {
        value_label(scene, &plot, palette, value);
    }
    category_labels(scene, palette, &plot, &labels, group);
}

/// The hover readout of a sprint's bars: every number behind them.
pub fn sprint_label(s: &SprintVelocity, unit: crate::analysis::velocity::Unit) -> String {
    let mut parts = vec![
        format!("committed {}", amount(s.committed, unit)),
        format!("completed {}", amount(s.completed, unit)),
    ];
    for (name, value) in [
        ("added", s.added),
        ("removed", s.removed),
        ("re-estimated", s.re_estimated),
        ("completed late", s.completed_late),
        ("carried over", s.carried_over),
    ] {
        if value.abs() > 1e-9 {
            parts.push(format!("{name} {}", amount(value, unit)));
        }
    }
    if s.state == SprintState::Running {
        parts.push(format!("{} still to do", amount(s.remaining, unit)));
    }
    format!("{}: {}", s.name, parts.join(", "))
}

fn week_bars(scene: &mut Scene, report: &VelocityReport, palette: &Palette) {
    let unit = report.unit;
    let weeks = &report.weeks;
    let any_planned = weeks.iter().any(|w| w.planned.is_some());
    let mut legend = vec![(Mark::Fill(palette.done), "Completed")];
    if any_planned {
        legend.push((Mark::Outline(palette.planned), "Planned"));
    }
    legend.push((
        Mark::Line(Stroke::dashed(2.0, palette.critical, 6.0)),
        "Average",
    ));
    let top = header(
        scene,
        palette,
        &title(report, "week"),
        &[average_note(report, "weeks")],
        &legend,
    );
    let highest = weeks
        .iter()
        .map(|w| w.completed.unwrap_or(0.0).max(w.planned.unwrap_or(0.0)))
        .chain(report.average.mean)
        .fold(0.0, f64::max)
        * 1.08;
    let integral = unit == crate::analysis::velocity::Unit::Count;
    let plot = value_axis(scene, palette, top, highest, integral, number);
    let group = plot.area.width() / weeks.len() as f32;
    let width = (group * 0.6).min(40.0);
    let mut labels = Vec::new();
    let mut values = Vec::new();
    for (k, w) in weeks.iter().enumerate() {
        let center = plot.area.min.x + (k as f32 + 0.5) * group;
        if let Some(planned) = w.planned {
            let top = plot.y(planned);
            scene.push(Shape::Rect {
                rect: Rect::from_edges(
                    center - width / 2.0 - 2.0,
                    top,
                    center + width / 2.0 + 2.0,
                    plot.area.max.y,
                ),
                fill: None,
                stroke: Some(Stroke::solid(1.5, palette.planned)),
                radius: 2.0,
            });
        }
        let fill = if w.finished {
            palette.done
        } else {
            palette.done.alpha(150)
        };
        bar(
            scene,
            &plot,
            center - width / 2.0,
            width,
            w.completed.unwrap_or(0.0),
            fill,
        );
        if width >= 18.0 && w.completed.is_some_and(|c| c > 0.0) {
            values.push((center, w.completed.unwrap_or(0.0), palette.text));
        }
        let second = w
            .week
            .map(|week| short_date(week.monday()))
            .unwrap_or_default();
        let first = w
            .week
            .map_or_else(|| w.label.clone(), |week| format!("W{:02}", week.week));
        labels.push((center, format!("{first}\n{second}")));
        let rect = Rect::from_edges(
            center - group / 2.0,
            plot.area.min.y,
            center + group / 2.0,
            plot.area.max.y,
        );
        hit_area(scene, rect, Hit::WeekBar(k), week_label(w, unit));
    }
    average_line(scene, &plot, report, palette);
    for value in values {
        value_label(scene, &plot, palette, value);
    }
    category_labels(scene, palette, &plot, &labels, group);
}

/// The hover readout of a week's bar.
pub fn week_label(w: &WeekVelocity, unit: crate::analysis::velocity::Unit) -> String {
    let known =
        |value: Option<f64>| value.map_or_else(|| "unknown".to_owned(), |v| amount(v, unit));
    let mut text = format!("{}: completed {}", w.label, known(w.completed));
    if w.planned.is_some() || w.blocked.is_some() {
        text = format!(
            "{text}, planned {}, blocked {}",
            known(w.planned),
            known(w.blocked)
        );
    }
    if !w.finished {
        text.push_str(" (this week, so far)");
    }
    text
}
