//! Writing a plan as a `GanttProject` file.

use super::{
    COLUMN_DUE, COLUMN_HOURS, COLUMN_ID, COLUMN_KIND, COLUMN_START, COLUMN_STATUS, COLUMNS,
};
use crate::io::outline::{Row, outline};
use crate::io::xml_text::escape;
use crate::model::{Plan, Priority, StatusCategory};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt::Write;

/// The date bars without a date of their own start on when the plan has no start date.
const FALLBACK_START: &str = "2025-01-06";

/// Writes a plan as a `.gan` document.
pub fn export_gantt(plan: &Plan) -> String {
    let rows = outline(plan);
    let mut ids: HashMap<(u8, &str), usize> = HashMap::new();
    for (number, (row, _)) in rows.iter().enumerate() {
        match *row {
            Row::Phase(i) => ids.insert((0, plan.phases[i].id.as_str()), number),
            Row::Task(i) => ids.insert((1, plan.tasks[i].id.as_str()), number),
            Row::Milestone(i) => ids.insert((2, plan.milestones[i].id.as_str()), number),
        };
    }
    // Successors by predecessor row: a .gan file lists each link on the row it starts from.
    let mut follows: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut link = |from: Option<&usize>, to: Option<&usize>| {
        if let (Some(&from), Some(&to)) = (from, to) {
            follows.entry(from).or_default().push(to);
        }
    };
    for (number, (row, _)) in rows.iter().enumerate() {
        match *row {
            Row::Phase(i) => {
                for on in &plan.phases[i].depends_on {
                    link(ids.get(&(0, on.as_str())), Some(&number));
                }
            }
            Row::Task(i) => {
                for on in &plan.tasks[i].depends_on {
                    link(ids.get(&(1, on.as_str())), Some(&number));
                }
            }
            Row::Milestone(i) => {
                for on in &plan.milestones[i].tasks {
                    link(ids.get(&(1, on.as_str())), Some(&number));
                }
            }
        }
    }
    let owners = owners(plan);
    let start = plan
        .meta
        .start
        .map_or_else(|| FALLBACK_START.to_owned(), |d| d.to_string());
    let view_date = plan
        .meta
        .start
        .map(|d| format!(" view-date=\"{d}\""))
        .unwrap_or_default();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<project name=\"{}\" company=\"\" webLink=\"\"{view_date} view-index=\"0\" gantt-divider-location=\"300\" resource-divider-location=\"300\" version=\"3.2\" locale=\"en\">",
        escape(&plan.meta.title)
    );
    let _ = writeln!(
        out,
        "  <description>{}</description>",
        escape(&plan.meta.description)
    );
    out.push_str("  <calendars>\n    <day-types>\n      <day-type id=\"0\"/>\n      <day-type id=\"1\"/>\n      <default-week id=\"1\" name=\"default\" sun=\"1\" mon=\"0\" tue=\"0\" wed=\"0\" thu=\"0\" fri=\"0\" sat=\"1\"/>\n      <only-show-weekends value=\"false\"/>\n      <overriden-day-types/>\n      <days/>\n    </day-types>\n  </calendars>\n");
    out.push_str("  <tasks empty-milestones=\"true\">\n    <taskproperties>\n");
    for (index, name) in [
        "type",
        "priority",
        "info",
        "name",
        "begindate",
        "enddate",
        "duration",
        "completion",
        "coordinator",
        "predecessorsr",
    ]
    .iter()
    .enumerate()
    {
        let kind = match *name {
            "type" | "priority" | "info" => "icon",
            "begindate" | "enddate" => "date",
            "duration" | "completion" => "int",
            _ => "text",
        };
        let _ = writeln!(
            out,
            "      <taskproperty id=\"tpd{index}\" name=\"{name}\" type=\"default\" valuetype=\"{kind}\"/>"
        );
    }
    for (index, name) in COLUMNS.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <taskproperty id=\"tpc{index}\" name=\"{name}\" type=\"custom\" valuetype=\"text\" defaultvalue=\"\"/>"
        );
    }
    out.push_str("    </taskproperties>\n");
    let mut open: Vec<usize> = Vec::new();
    for (number, (row, level)) in rows.iter().enumerate() {
        while open.last().is_some_and(|l| l >= level) {
            open.pop();
            let _ = writeln!(out, "{}</task>", indent(open.len() + 2));
        }
        let pad = indent(open.len() + 2);
        let inner = indent(open.len() + 3);
        let element = row_element(plan, *row, &start);
        let _ = writeln!(
            out,
            "{pad}<task id=\"{number}\" name=\"{}\" color=\"#8cb6ce\" meeting=\"{}\" start=\"{}\" duration=\"{}\" complete=\"{}\"{} expand=\"true\">",
            escape(&element.name),
            element.milestone,
            element.start,
            element.duration,
            element.complete,
            element
                .priority
                .map(|p| format!(" priority=\"{p}\""))
                .unwrap_or_default()
        );
        if !element.notes.is_empty() {
            let _ = writeln!(out, "{inner}<notes>{}</notes>", escape(&element.notes));
        }
        for to in follows.get(&number).into_iter().flatten() {
            let _ = writeln!(
                out,
                "{inner}<depend id=\"{to}\" type=\"2\" difference=\"0\" hardness=\"Strong\"/>"
            );
        }
        for (name, value) in &element.columns {
            if value.is_empty() {
                continue;
            }
            let column = COLUMNS.iter().position(|c| c == name).unwrap_or_default();
            let _ = writeln!(
                out,
                "{inner}<customproperty taskproperty-id=\"tpc{column}\" value=\"{}\"/>",
                escape(value)
            );
        }
        open.push(*level);
    }
    while open.pop().is_some() {
        let _ = writeln!(out, "{}</task>", indent(open.len() + 2));
    }
    out.push_str("  </tasks>\n  <resources>\n");
    for (index, owner) in owners.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <resource id=\"{index}\" name=\"{}\" function=\"Default:0\" contacts=\"\" phone=\"\"/>",
            escape(owner)
        );
    }
    out.push_str("  </resources>\n  <allocations>\n");
    for task in &plan.tasks {
        if let (Some(resource), Some(row)) = (
            owners.iter().position(|o| o == &task.owner),
            ids.get(&(1, task.id.as_str())),
        ) {
            let _ = writeln!(
                out,
                "    <allocation task-id=\"{row}\" resource-id=\"{resource}\" function=\"Default:0\" responsible=\"true\" load=\"100.0\"/>"
            );
        }
    }
    out.push_str("  </allocations>\n  <vacations/>\n  <previousTasks/>\n  <roles roleset-name=\"Default\"/>\n</project>\n");
    out
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}

/// What one `<task>` element says.
struct Element {
    name: String,
    milestone: bool,
    start: String,
    duration: u32,
    complete: u32,
    priority: Option<u8>,
    notes: String,
    columns: Vec<(&'static str, String)>,
}

fn owners(plan: &Plan) -> Vec<String> {
    let mut owners: Vec<String> = Vec::new();
    for task in &plan.tasks {
        if !task.owner.is_empty() && !owners.contains(&task.owner) {
            owners.push(task.owner.clone());
        }
    }
    owners
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn row_element(plan: &Plan, row: Row, plan_start: &str) -> Element {
    match row {
        Row::Phase(i) => {
            let phase = &plan.phases[i];
            Element {
                name: phase.name.clone(),
                milestone: false,
                start: plan_start.to_owned(),
                duration: 1,
                complete: 0,
                priority: None,
                notes: phase.notes.clone(),
                columns: vec![
                    (COLUMN_ID, phase.id.to_string()),
                    (COLUMN_KIND, "phase".to_owned()),
                ],
            }
        }
        Row::Milestone(i) => {
            let milestone = &plan.milestones[i];
            Element {
                name: milestone.name.clone(),
                milestone: true,
                start: milestone
                    .date
                    .map_or_else(|| plan_start.to_owned(), |d| d.to_string()),
                duration: 0,
                complete: 0,
                priority: None,
                notes: String::new(),
                columns: vec![
                    (COLUMN_ID, milestone.id.to_string()),
                    (COLUMN_KIND, "milestone".to_owned()),
                    (COLUMN_DUE, date_text(milestone.date)),
                ],
            }
        }
        Row::Task(i) => {
            let task = &plan.tasks[i];
            let hours_per_day = if plan.meta.hours_per_day > 0.0 {
                plan.meta.hours_per_day
            } else {
                8.0
            };
            let days = task
                .estimate
                .hours
                .map_or(1.0, |h| (h / hours_per_day).ceil().max(1.0));
            Element {
                name: task.title.clone(),
                milestone: false,
                start: task
                    .start
                    .map_or_else(|| plan_start.to_owned(), |d| d.to_string()),
                duration: days as u32,
                complete: match plan.category(&task.status) {
                    StatusCategory::Done => 100,
                    StatusCategory::Active => 50,
                    _ => 0,
                },
                priority: task.priority.map(|p| match p {
                    Priority::P0 => 4,
                    Priority::P1 => 2,
                    Priority::P2 => 1,
                    Priority::P3 => 0,
                }),
                notes: task.notes.clone(),
                columns: vec![
                    (COLUMN_ID, task.id.to_string()),
                    (COLUMN_KIND, "task".to_owned()),
                    (COLUMN_STATUS, task.status.to_string()),
                    (
                        COLUMN_HOURS,
                        task.estimate
                            .hours
                            .map(|h| h.to_string())
                            .unwrap_or_default(),
                    ),
                    (COLUMN_START, date_text(task.start)),
                    (COLUMN_DUE, date_text(task.due)),
                ],
            }
        }
    }
}
