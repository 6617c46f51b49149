//! Writing a plan as MS Project XML. Elements follow the order of Microsoft's schema, which MS Project
//! insists on.

use super::{
    ALIAS_ID, ALIAS_KIND, ALIAS_STATUS, FIELD_ID, FIELD_KIND, FIELD_STATUS, LINK_FS,
    format_duration,
};
use crate::io::outline::{Row, outline};
use crate::io::xml_text::escape;
use crate::model::{Plan, Priority, StatusCategory, Task};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt::Write;

/// Writes a plan as an MSPDI document.
pub fn export_mspdi(plan: &Plan) -> String {
    let rows = outline(plan);
    let mut uids = Uids::default();
    for (number, (row, _)) in rows.iter().enumerate() {
        let uid = number + 1;
        match *row {
            Row::Phase(index) => uids.phases.insert(plan.phases[index].id.as_str(), uid),
            Row::Task(index) => uids.tasks.insert(plan.tasks[index].id.as_str(), uid),
            Row::Milestone(index) => uids.milestones.insert(index, uid),
        };
    }
    let owners = owners(plan);
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    out.push_str("<Project xmlns=\"http://schemas.microsoft.com/project\">\n");
    project_header(&mut out, plan);
    out.push_str("  <Tasks>\n");
    for (number, (row, level)) in rows.iter().enumerate() {
        let summary = rows.get(number + 1).is_some_and(|(_, next)| next > level);
        let element = match *row {
            Row::Phase(index) => phase_element(plan, index, &uids),
            Row::Task(index) => task_element(plan, &plan.tasks[index], summary, &uids),
            Row::Milestone(index) => milestone_element(plan, index, &uids),
        };
        let uid = number + 1;
        let _ = write!(
            out,
            "    <Task>\n      <UID>{uid}</UID>\n      <ID>{uid}</ID>\n      <Name>{}</Name>\n      <OutlineLevel>{level}</OutlineLevel>\n{}",
            escape(&element.name),
            element.body
        );
        out.push_str("    </Task>\n");
    }
    out.push_str("  </Tasks>\n  <Resources>\n");
    for (number, owner) in owners.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <Resource>\n      <UID>{0}</UID>\n      <ID>{0}</ID>\n      <Name>{1}</Name>\n      <Type>1</Type>\n    </Resource>",
            number + 1,
            escape(owner)
        );
    }
    out.push_str("  </Resources>\n  <Assignments>\n");
    let mut assignment = 0;
    for task in &plan.tasks {
        let (Some(resource), Some(task_uid)) = (
            owners.iter().position(|o| o == &task.owner),
            uids.tasks.get(task.id.as_str()),
        ) else {
            continue;
        };
        assignment += 1;
        let _ = writeln!(
            out,
            "    <Assignment>\n      <UID>{assignment}</UID>\n      <TaskUID>{task_uid}</TaskUID>\n      <ResourceUID>{}</ResourceUID>\n      <Units>1</Units>\n    </Assignment>",
            resource + 1
        );
    }
    out.push_str("  </Assignments>\n</Project>\n");
    out
}

/// Row numbers (UIDs) of the plan's things.
#[derive(Default)]
struct Uids<'a> {
    phases: HashMap<&'a str, usize>,
    tasks: HashMap<&'a str, usize>,
    milestones: HashMap<usize, usize>,
}

/// A row's name and the elements after its outline level.
struct Element {
    name: String,
    body: String,
}

/// Distinct owners in plan order: one resource each.
fn owners(plan: &Plan) -> Vec<String> {
    let mut owners: Vec<String> = Vec::new();
    for task in &plan.tasks {
        if !task.owner.is_empty() && !owners.contains(&task.owner) {
            owners.push(task.owner.clone());
        }
    }
    owners
}

fn hours_per_day(plan: &Plan) -> f64 {
    if plan.meta.hours_per_day > 0.0 && plan.meta.hours_per_day <= 16.0 {
        plan.meta.hours_per_day
    } else {
        8.0
    }
}

fn project_header(out: &mut String, plan: &Plan) {
    let hours = hours_per_day(plan);
    let minutes = (hours * 60.0).round() as u32;
    let title = escape(&plan.meta.title);
    let _ = writeln!(out, "  <SaveVersion>14</SaveVersion>");
    let _ = writeln!(out, "  <Name>{title}</Name>\n  <Title>{title}</Title>");
    out.push_str("  <ScheduleFromStart>1</ScheduleFromStart>\n");
    if let Some(start) = plan.meta.start {
        let _ = writeln!(out, "  <StartDate>{}</StartDate>", at_start(start));
    }
    out.push_str(
        "  <CalendarUID>1</CalendarUID>\n  <DefaultStartTime>08:00:00</DefaultStartTime>\n",
    );
    let _ = writeln!(
        out,
        "  <MinutesPerDay>{minutes}</MinutesPerDay>\n  <MinutesPerWeek>{}</MinutesPerWeek>\n  <DaysPerMonth>20</DaysPerMonth>",
        minutes * 5
    );
    out.push_str("  <ExtendedAttributes>\n");
    for (field, name, alias) in [
        (FIELD_ID, "Text1", ALIAS_ID),
        (FIELD_KIND, "Text2", ALIAS_KIND),
        (FIELD_STATUS, "Text3", ALIAS_STATUS),
    ] {
        let _ = writeln!(
            out,
            "    <ExtendedAttribute>\n      <FieldID>{field}</FieldID>\n      <FieldName>{name}</FieldName>\n      <Alias>{alias}</Alias>\n    </ExtendedAttribute>"
        );
    }
    out.push_str("  </ExtendedAttributes>\n");
    calendar(out, hours);
}

/// The standard calendar: Monday to Friday, from 08:00 for the plan's hours per day.
fn calendar(out: &mut String, hours: f64) {
    let end_minutes = 8 * 60 + (hours * 60.0).round() as u32;
    let end = format!("{:02}:{:02}:00", end_minutes / 60, end_minutes % 60);
    out.push_str("  <Calendars>\n    <Calendar>\n      <UID>1</UID>\n      <Name>Standard</Name>\n      <IsBaseCalendar>1</IsBaseCalendar>\n      <WeekDays>\n");
    for day in 1..=7 {
        if day == 1 || day == 7 {
            let _ = writeln!(
                out,
                "        <WeekDay>\n          <DayType>{day}</DayType>\n          <DayWorking>0</DayWorking>\n        </WeekDay>"
            );
        } else {
            let _ = writeln!(
                out,
                "        <WeekDay>\n          <DayType>{day}</DayType>\n          <DayWorking>1</DayWorking>\n          <WorkingTimes>\n            <WorkingTime>\n              <FromTime>08:00:00</FromTime>\n              <ToTime>{end}</ToTime>\n            </WorkingTime>\n          </WorkingTimes>\n        </WeekDay>"
            );
        }
    }
    out.push_str("      </WeekDays>\n    </Calendar>\n  </Calendars>\n");
}

fn at_start(date: NaiveDate) -> String {
    format!("{date}T08:00:00")
}

fn at_end(date: NaiveDate) -> String {
    format!("{date}T17:00:00")
}

fn line(body: &mut String, name: &str, value: &str) {
    let _ = writeln!(body, "      <{name}>{value}</{name}>");
}

fn links(body: &mut String, predecessors: impl IntoIterator<Item = usize>) {
    for uid in predecessors {
        let _ = writeln!(
            body,
            "      <PredecessorLink>\n        <PredecessorUID>{uid}</PredecessorUID>\n        <Type>{LINK_FS}</Type>\n        <LinkLag>0</LinkLag>\n        <LagFormat>7</LagFormat>\n      </PredecessorLink>"
        );
    }
}

fn custom_fields(body: &mut String, fields: &[(&str, &str)]) {
    for (field, value) in fields {
        if value.is_empty() {
            continue;
        }
        let _ = writeln!(
            body,
            "      <ExtendedAttribute>\n        <FieldID>{field}</FieldID>\n        <Value>{}</Value>\n      </ExtendedAttribute>",
            escape(value)
        );
    }
}

fn phase_element(plan: &Plan, index: usize, uids: &Uids<'_>) -> Element {
    let phase = &plan.phases[index];
    let mut body = String::new();
    line(&mut body, "Summary", "1");
    if !phase.notes.is_empty() {
        line(&mut body, "Notes", &escape(&phase.notes));
    }
    links(
        &mut body,
        phase
            .depends_on
            .iter()
            .filter_map(|id| uids.phases.get(id.as_str()).copied()),
    );
    custom_fields(
        &mut body,
        &[(FIELD_ID, phase.id.as_str()), (FIELD_KIND, "phase")],
    );
    Element {
        name: phase.name.clone(),
        body,
    }
}

fn priority_number(priority: Priority) -> u32 {
    match priority {
        Priority::P0 => 1000,
        Priority::P1 => 700,
        Priority::P2 => 500,
        Priority::P3 => 300,
    }
}

fn task_element(plan: &Plan, task: &Task, summary: bool, uids: &Uids<'_>) -> Element {
    let mut body = String::new();
    if let Some(priority) = task.priority {
        line(
            &mut body,
            "Priority",
            &priority_number(priority).to_string(),
        );
    }
    if let Some(start) = task.start {
        line(&mut body, "Start", &at_start(start));
    }
    let hours = task.estimate.hours;
    let duration = format_duration(hours.unwrap_or_else(|| hours_per_day(plan)));
    line(&mut body, "Duration", &duration);
    line(&mut body, "DurationFormat", "7");
    line(&mut body, "Work", &duration);
    line(
        &mut body,
        "Estimated",
        if hours.is_some() { "0" } else { "1" },
    );
    line(&mut body, "Milestone", "0");
    line(&mut body, "Summary", if summary { "1" } else { "0" });
    let category = plan.category(&task.status);
    let percent = match category {
        StatusCategory::Done => 100,
        StatusCategory::Active => 50,
        _ => 0,
    };
    line(&mut body, "PercentComplete", &percent.to_string());
    if let (Some(done), StatusCategory::Done) = (task.completed, category) {
        line(&mut body, "ActualFinish", &at_end(done));
    }
    if let Some(start) = task.start {
        line(&mut body, "ConstraintType", "4");
        line(&mut body, "ConstraintDate", &at_start(start));
    }
    if let Some(due) = task.due {
        line(&mut body, "Deadline", &at_end(due));
    }
    if !task.notes.is_empty() {
        line(&mut body, "Notes", &escape(&task.notes));
    }
    links(
        &mut body,
        task.depends_on
            .iter()
            .filter_map(|id| uids.tasks.get(id.as_str()).copied()),
    );
    custom_fields(
        &mut body,
        &[
            (FIELD_ID, task.id.as_str()),
            (FIELD_KIND, "task"),
            (FIELD_STATUS, task.status.as_str()),
        ],
    );
    Element {
        name: task.title.clone(),
        body,
    }
}

fn milestone_element(plan: &Plan, index: usize, uids: &Uids<'_>) -> Element {
    let milestone = &plan.milestones[index];
    let mut body = String::new();
    if let Some(date) = milestone.date {
        line(&mut body, "Start", &at_start(date));
        line(&mut body, "Finish", &at_start(date));
    }
    line(&mut body, "Duration", "PT0H0M0S");
    line(&mut body, "DurationFormat", "7");
    line(&mut body, "Milestone", "1");
    line(&mut body, "Summary", "0");
    if let Some(date) = milestone.date {
        line(&mut body, "ConstraintType", "2");
        line(&mut body, "ConstraintDate", &at_start(date));
    }
    links(
        &mut body,
        milestone
            .tasks
            .iter()
            .filter_map(|id| uids.tasks.get(id.as_str()).copied()),
    );
    custom_fields(
        &mut body,
        &[(FIELD_ID, milestone.id.as_str()), (FIELD_KIND, "milestone")],
    );
    Element {
        name: milestone.name.clone(),
        body,
    }
}
