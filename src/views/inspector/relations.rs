//! The inspector's "Blocked by" and "Blocks" lists and the selected task's schedule facts.

use crate::analysis::TaskTimes;
use crate::app::Derived;
use crate::model::{Plan, Task};
use crate::views::ViewContext;
use crate::views::widgets::status_chip;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use egui::accesskit::Role;
use egui::{Button, RichText, Ui, WidgetInfo};

/// How many related tasks a list shows before it says how many more there are.
const SHOWN: usize = 50;

/// The related tasks of one task at one plan revision, kept so the walks run once per revision.
#[derive(Clone, Debug, Default)]
pub struct Relations {
    /// The revision and task index the lists were computed for.
    key: Option<(u64, usize)>,
    /// Unfinished prerequisites, transitively, nearest first.
    blocked_by: Vec<usize>,
    /// Tasks that wait for this one, transitively, nearest first.
    blocks: Vec<usize>,
}

impl Relations {
    /// The lists for a task, recomputed only when the revision or the task changed.
    fn refresh(&mut self, plan: &Plan, derived: &Derived, index: usize) {
        let key = Some((derived.revision, index));
        if self.key == key {
            return;
        }
        let analysis = &derived.analysis;
        let known = index < analysis.graph.graph.node_count();
        self.key = key;
        self.blocked_by = if known {
            analysis.blocked_by(plan, index)
        } else {
            Vec::new()
        };
        self.blocks = if known {
            analysis.downstream(index)
        } else {
            Vec::new()
        };
    }
}

/// Draws "Blocked by", "Blocks" and the schedule facts of the task at `index`.
pub fn relations_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    relations: &mut Relations,
    index: usize,
) {
    let plan = ctx.plan;
    relations.refresh(plan, ctx.derived, index);
    related_list(ui, ctx, "Blocked by", &relations.blocked_by);
    related_list(ui, ctx, "Blocks", &relations.blocks);
    let schedule = &ctx.derived.analysis.schedule;
    if let Some(times) = schedule.times.get(index).copied().flatten() {
        let critical = schedule.critical_path.contains(&index);
        schedule_ui(ui, &plan.tasks[index], times, schedule.anchor, critical);
    }
}

fn related_list(ui: &mut Ui, ctx: &mut ViewContext<'_>, heading: &str, indices: &[usize]) {
    let plan = ctx.plan;
    ui.label(RichText::new(format!("{heading} ({})", indices.len())).strong());
    if indices.is_empty() {
        ui.weak("None");
    }
    for &other in indices.iter().take(SHOWN) {
        let Some(task) = plan.tasks.get(other) else {
            continue;
        };
        ui.horizontal(|ui| {
            // The chip first: the link is last so it can be shortened to the panel's width.
            status_chip(ui, plan, &task.status);
            let text = format!("{} {}", task.id, task.title);
            let response = ui
                .add(Button::new(&text).frame(false).truncate())
                .on_hover_text(format!("Select {}", task.id));
            let accessible = format!("{heading} {text}");
            response.widget_info(|| WidgetInfo::labeled(Role::Link, true, &accessible));
            if response.clicked() {
                ctx.select(Some(task.id.clone()));
            }
        });
    }
    if indices.len() > SHOWN {
        ui.weak(format!("… and {} more", indices.len() - SHOWN));
    }
}

fn schedule_ui(
    ui: &mut Ui,
    task: &Task,
    times: TaskTimes,
    anchor: Option<NaiveDate>,
    critical: bool,
) {
    ui.label(RichText::new("Schedule").strong());
    let start = day_text(times.earliest_start, anchor, false);
    let finish = day_text(times.earliest_finish, anchor, true);
    ui.label(format!("Earliest start: {start}"));
    ui.label(format!("Earliest finish: {finish}"));
    let slack = times.slack;
    let slack_text = format!("Slack: {} working days", format_days(slack));
    if slack < -crate::analysis::EPSILON {
        ui.colored_label(ui.visuals().error_fg_color, slack_text)
            .on_hover_text(format!("{} cannot make its due date", task.id));
    } else {
        ui.label(slack_text);
    }
    if critical {
        ui.colored_label(ui.visuals().warn_fg_color, "◆ On the critical path");
    }
}

/// "day 3 (Thu 2026-01-08)"; a finish is the end of the working day before it.
fn day_text(day: f64, anchor: Option<NaiveDate>, finish: bool) -> String {
    let shown = format!("day {}", format_days(day));
    let Some(anchor) = anchor else {
        return shown;
    };
    let whole = if finish {
        (day.ceil() - 1.0).max(0.0)
    } else {
        day.floor().max(0.0)
    };
    match add_working_days(anchor, whole) {
        Some(date) => format!("{shown} ({})", date.format("%a %Y-%m-%d")),
        None => shown,
    }
}

fn format_days(days: f64) -> String {
    if days.abs() < 0.05 {
        "0".to_owned()
    } else if (days - days.round()).abs() < 1e-6 {
        format!("{days:.0}")
    } else {
        format!("{days:.1}")
    }
}

/// The working day `days` working days after `anchor` (day 0 is the anchor, or the Monday after it
/// when it falls on a weekend).
fn add_working_days(anchor: NaiveDate, days: f64) -> Option<NaiveDate> {
    let mut date = skip_weekend(anchor)?;
    let days = days as u64;
    let weeks = days / 5;
    date = date.checked_add_days(Days::new(weeks * 7))?;
    for _ in 0..days % 5 {
        date = skip_weekend(date.succ_opt()?)?;
    }
    Some(date)
}

fn skip_weekend(date: NaiveDate) -> Option<NaiveDate> {
    match date.weekday() {
        Weekday::Sat => date.checked_add_days(Days::new(2)),
        Weekday::Sun => date.checked_add_days(Days::new(1)),
        _ => Some(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn working_days_skip_weekends() {
        // 2026-01-05 is a Monday.
        let monday = date("2026-01-05");
        assert_eq!(add_working_days(monday, 0.0), Some(monday));
        assert_eq!(add_working_days(monday, 4.0), Some(date("2026-01-09")));
        assert_eq!(add_working_days(monday, 5.0), Some(date("2026-01-12")));
        assert_eq!(add_working_days(monday, 7.0), Some(date("2026-01-14")));
        assert_eq!(
            add_working_days(date("2026-01-10"), 0.0),
            Some(date("2026-01-12")),
            "a Saturday anchor starts on Monday"
        );
        assert_eq!(
            add_working_days(date("2026-01-08"), 2.0),
            Some(date("2026-01-12"))
        );
    }

    #[test]
    fn a_finish_is_the_end_of_the_day_before() {
        let monday = date("2026-01-05");
        assert_eq!(day_text(1.0, Some(monday), true), "day 1 (Mon 2026-01-05)");
        assert_eq!(
            day_text(2.5, Some(monday), false),
            "day 2.5 (Wed 2026-01-07)"
        );
        assert_eq!(day_text(2.5, None, false), "day 2.5");
        assert_eq!(format_days(-1e-12), "0", "no minus zero");
    }
}
