//! `waymark schedule`: the dated schedule as text, JSON or CSV.

use crate::analysis::{Analysis, DatedOptions, DatedSchedule};
use crate::model::Plan;
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt::Write as _;

/// How `schedule` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleFormat {
    /// Aligned text for people.
    Text,
    /// One JSON object.
    Json,
    /// One CSV row per task.
    Csv,
}

/// One task's line of the schedule.
#[derive(Debug, Serialize)]
struct TaskRow<'a> {
    id: &'a str,
    title: &'a str,
    start: NaiveDate,
    finish: NaiveDate,
    slack_days: f64,
    critical: bool,
    late: bool,
}

/// A phase or sprint with its dates.
#[derive(Debug, Serialize)]
struct SpanRow<'a> {
    id: &'a str,
    name: &'a str,
    start: NaiveDate,
    finish: NaiveDate,
}

/// A milestone with its date.
#[derive(Debug, Serialize)]
struct MilestoneRow<'a> {
    id: &'a str,
    name: &'a str,
    date: NaiveDate,
    late: bool,
}

/// The whole printed schedule.
#[derive(Debug, Serialize)]
struct ScheduleOut<'a> {
    start: NaiveDate,
    start_assumed: bool,
    today: NaiveDate,
    finish: Option<NaiveDate>,
    tasks: Vec<TaskRow<'a>>,
    phases: Vec<SpanRow<'a>>,
    sprints: Vec<SpanRow<'a>>,
    milestones: Vec<MilestoneRow<'a>>,
}

/// The dated schedule of a plan.
pub fn dated_schedule(plan: &Plan, today: NaiveDate, start: Option<NaiveDate>) -> DatedSchedule {
    let analysis = Analysis::of(plan);
    DatedSchedule::compute(plan, &analysis, DatedOptions { today, start })
}

/// Renders the schedule of a plan in a format.
pub fn render(plan: &Plan, dated: &DatedSchedule, format: ScheduleFormat) -> String {
    let out = collect(plan, dated);
    match format {
        ScheduleFormat::Json => serde_json::to_string_pretty(&out).unwrap_or_default() + "\n",
        ScheduleFormat::Csv => csv(&out),
        ScheduleFormat::Text => text(&out),
    }
}

fn collect<'a>(plan: &'a Plan, schedule: &DatedSchedule) -> ScheduleOut<'a> {
    let round = |days: f64| (days * 100.0).round() / 100.0;
    ScheduleOut {
        start: schedule.anchor,
        start_assumed: schedule.anchor_assumed,
        today: schedule.today,
        finish: schedule.finish,
        tasks: plan
            .tasks
            .iter()
            .zip(&schedule.tasks)
            .filter_map(|(task, dates)| {
                let dates = dates.as_ref()?;
                Some(TaskRow {
                    id: task.id.as_str(),
                    title: &task.title,
                    start: dates.start,
                    finish: dates.finish,
                    slack_days: round(dates.slack_days) + 0.0,
                    critical: dates.critical,
                    late: dates.late,
                })
            })
            .collect(),
        phases: plan
            .phases
            .iter()
            .zip(&schedule.phases)
            .filter_map(|(phase, span)| {
                let span = span.as_ref()?;
                Some(SpanRow {
                    id: phase.id.as_str(),
                    name: &phase.name,
                    start: span.start,
                    finish: span.finish,
                })
            })
            .collect(),
        sprints: plan
            .sprints
            .iter()
            .zip(&schedule.sprints)
            .filter_map(|(sprint, span)| {
                let span = span.as_ref()?;
                Some(SpanRow {
                    id: sprint.id.as_str(),
                    name: &sprint.name,
                    start: span.start,
                    finish: span.finish,
                })
            })
            .collect(),
        milestones: plan
            .milestones
            .iter()
            .zip(&schedule.milestones)
            .filter_map(|(milestone, dates)| {
                let dates = dates.as_ref()?;
                Some(MilestoneRow {
                    id: milestone.id.as_str(),
                    name: &milestone.name,
                    date: dates.date,
                    late: dates.late,
                })
            })
            .collect(),
    }
}

fn csv(out: &ScheduleOut<'_>) -> String {
    let mut text = String::from("id,title,start,finish,slack_days,critical,late\n");
    for row in &out.tasks {
        let _ = writeln!(
            text,
            "{},{},{},{},{},{},{}",
            csv_cell(row.id),
            csv_cell(row.title),
            row.start,
            row.finish,
            row.slack_days,
            row.critical,
            row.late
        );
    }
    text
}

fn csv_cell(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn text(out: &ScheduleOut<'_>) -> String {
    let mut text = String::new();
    let assumed = if out.start_assumed {
        " (assumed: the plan has no start date)"
    } else {
        ""
    };
    let _ = writeln!(text, "start:  {}{assumed}", out.start);
    let _ = writeln!(text, "today:  {}", out.today);
    match out.finish {
        Some(finish) => {
            let _ = writeln!(text, "finish: {finish}");
        }
        None => text.push_str("finish: (nothing scheduled)\n"),
    }
    for (heading, rows) in [("phases", &out.phases), ("sprints", &out.sprints)] {
        if !rows.is_empty() {
            let _ = writeln!(text, "\n{heading}:");
            for row in rows {
                let _ = writeln!(
                    text,
                    "  {}  {}  {} {}",
                    row.start, row.finish, row.id, row.name
                );
            }
        }
    }
    if !out.milestones.is_empty() {
        text.push_str("\nmilestones:\n");
        for row in &out.milestones {
            let late = if row.late { "  LATE" } else { "" };
            let _ = writeln!(text, "  {}  {} {}{late}", row.date, row.id, row.name);
        }
    }
    if !out.tasks.is_empty() {
        text.push_str("\ntasks:\n");
        for row in &out.tasks {
            let mark = match (row.critical, row.late) {
                (_, true) => "LATE ",
                (true, false) => "crit ",
                _ => "     ",
            };
            let _ = writeln!(
                text,
                "  {}  {}  {mark}{:>6} d slack  {} {}",
                row.start, row.finish, row.slack_days, row.id, row.title
            );
        }
    }
    text
}
