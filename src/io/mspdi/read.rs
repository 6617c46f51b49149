//! Reading MS Project XML: summary tasks become phases (top level) or parent tasks, zero-length
//! milestone tasks become milestones, links become dependencies, assignments owners.

use super::{ALIAS_ID, ALIAS_KIND, ALIAS_STATUS, parse_duration};
use crate::io::links::{Kind, LinkType, PendingLink, finish_project};
use crate::io::xml_text::{child_element, child_elements, child_text, expect_root, line_of, parse};
use crate::io::{ImportError, ImportReport, Imported};
use crate::model::{
    Field, Milestone, MilestoneId, Phase, PhaseId, Plan, Priority, StatusCategory, StatusDef,
    StatusKey, Task, TaskId,
};
use chrono::NaiveDate;
use roxmltree::{Document, Node};
use std::collections::{HashMap, HashSet};

const WHAT: &str = "an MS Project XML (MSPDI) file";

/// Reads an MSPDI document.
pub fn import_mspdi(text: &str) -> Result<Imported, ImportError> {
    let document = parse(text, WHAT)?;
    expect_root(&document, "Project", WHAT)?;
    let project = document.root_element();
    let mut report = ImportReport {
        format: "MS Project XML".to_owned(),
        ..ImportReport::default()
    };
    let mut plan = Plan::new(
        child_text(project, "Title")
            .or_else(|| child_text(project, "Name"))
            .unwrap_or("Imported plan"),
    );
    plan.meta.start = child_text(project, "StartDate").and_then(date_of);
    if let Some(minutes) = child_text(project, "MinutesPerDay").and_then(|m| m.parse::<f64>().ok())
        && minutes > 0.0
    {
        plan.meta.hours_per_day = minutes / 60.0;
    }
    let aliases = aliases(project);
    let waymark_file = aliases.values().any(|alias| alias == ALIAS_ID);
    let resources = resources(project);
    let assignments = assignments(project);

    let rows: Vec<Node<'_, '_>> = child_element(project, "Tasks")
        .map(|tasks| child_elements(tasks, "Task").collect())
        .unwrap_or_default();
    let rows: Vec<Node<'_, '_>> = rows
        .into_iter()
        .filter(|row| {
            child_text(*row, "IsNull") != Some("1")
                && level(*row) > 0
                && child_text(*row, "UID").is_some()
        })
        .collect();
    let mut kinds: HashMap<String, Kind> = HashMap::new();
    let mut links = Vec::new();
    // Ancestors by outline level: (level, kind).
    let mut ancestors: Vec<(u32, Kind)> = Vec::new();
    let mut used_task_ids: HashSet<String> = HashSet::new();
    for (position, row) in rows.iter().enumerate() {
        let row = *row;
        let uid = child_text(row, "UID").unwrap_or_default().to_owned();
        let row_level = level(row);
        let has_children = rows
            .get(position + 1)
            .is_some_and(|next| level(*next) > row_level);
        let custom = custom_values(row, &aliases);
        let waymark_kind = custom
            .iter()
            .find(|(a, _)| a == ALIAS_KIND)
            .map(|(_, v)| v.as_str());
        let waymark_id = custom
            .iter()
            .find(|(a, _)| a == ALIAS_ID)
            .map(|(_, v)| v.clone());
        let name = child_text(row, "Name").unwrap_or_default().to_owned();
        let milestone = child_text(row, "Milestone") == Some("1");
        let summary = child_text(row, "Summary") == Some("1") || has_children;
        while ancestors.last().is_some_and(|(l, _)| *l >= row_level) {
            ancestors.pop();
        }
        let parent = ancestors.last().map(|(_, kind)| *kind);
        let kind = match waymark_kind {
            Some("phase") => "phase",
            Some("milestone") => "milestone",
            None if milestone && !summary => "milestone",
            None if summary && row_level == 1 && !waymark_file => "phase",
            _ => "task",
        };
        let kind = match kind {
            "phase" => {
                let id = waymark_id.unwrap_or_else(|| format!("phase-{}", plan.phases.len() + 1));
                plan.phases.push(Phase {
                    id: PhaseId::from(id),
                    name,
                    notes: child_text(row, "Notes").unwrap_or_default().to_owned(),
                    ..Phase::default()
                });
                Kind::Phase(plan.phases.len() - 1)
            }
            "milestone" => {
                let id = waymark_id.unwrap_or_else(|| format!("M{}", plan.milestones.len() + 1));
                let date = child_text(row, "ConstraintDate")
                    .filter(|_| child_text(row, "ConstraintType").is_some_and(|t| t != "0"))
                    .or_else(|| child_text(row, "Finish"))
                    .or_else(|| child_text(row, "Start"))
                    .and_then(date_of);
                plan.milestones.push(Milestone {
                    id: MilestoneId::from(id),
                    name,
                    date,
                    ..Milestone::default()
                });
                Kind::Milestone(plan.milestones.len() - 1)
            }
            _ => {
                let id = waymark_id
                    .filter(|id| used_task_ids.insert(id.clone()))
                    .unwrap_or_else(|| format!("TASK-{uid:0>3}"));
                let mut task =
                    read_task(row, &id, name, &plan, waymark_file, &mut report, &document);
                for (alias, value) in &custom {
                    if ![ALIAS_ID, ALIAS_KIND, ALIAS_STATUS].contains(&alias.as_str()) {
                        task.fields.push(Field {
                            name: alias.clone(),
                            value: value.clone(),
                        });
                    }
                }
                let status = custom
                    .iter()
                    .find(|(a, _)| a == ALIAS_STATUS)
                    .map(|(_, v)| v.as_str());
                task.status = status_of(&mut plan, row, status);
                task.owner = owner_of(&uid, &assignments, &resources);
                task.phase = ancestors.iter().rev().find_map(|(_, kind)| match kind {
                    Kind::Phase(index) => Some(plan.phases[*index].id.clone()),
                    _ => None,
                });
                if let Some(Kind::Task(index)) = parent {
                    task.parent = Some(plan.tasks[index].id.clone());
                }
                plan.tasks.push(task);
                Kind::Task(plan.tasks.len() - 1)
            }
        };
        ancestors.push((row_level, kind));
        kinds.insert(uid, kind);
        for link in child_elements(row, "PredecessorLink") {
            let Some(predecessor_uid) = child_text(link, "PredecessorUID") else {
                continue;
            };
            let lag_tenths_of_minutes: f64 = child_text(link, "LinkLag")
                .and_then(|l| l.parse().ok())
                .unwrap_or(0.0);
            links.push(PendingLink {
                successor: kind,
                predecessor: predecessor_uid.to_owned(),
                kind: match child_text(link, "Type") {
                    Some("0") => LinkType::FinishToFinish,
                    Some("2") => LinkType::StartToFinish,
                    Some("3") => LinkType::StartToStart,
                    _ => LinkType::FinishToStart,
                },
                lag_days: lag_tenths_of_minutes / 600.0 / plan.meta.hours_per_day,
                line: line_of(&document, link),
            });
        }
    }
    finish_project(plan, &kinds, &links, report, "MS Project XML file")
}

fn level(row: Node<'_, '_>) -> u32 {
    child_text(row, "OutlineLevel")
        .and_then(|l| l.parse().ok())
        .unwrap_or(1)
}

/// The date part of an MSPDI date-time (`2025-10-06T08:00:00`).
fn date_of(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// Custom field aliases by field id.
fn aliases(project: Node<'_, '_>) -> HashMap<String, String> {
    child_element(project, "ExtendedAttributes")
        .map(|list| {
            child_elements(list, "ExtendedAttribute")
                .filter_map(|definition| {
                    let id = child_text(definition, "FieldID")?;
                    let alias = child_text(definition, "Alias")
                        .or_else(|| child_text(definition, "FieldName"))?;
                    Some((id.to_owned(), alias.to_owned()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A row's custom field values, by alias, in file order.
fn custom_values(row: Node<'_, '_>, aliases: &HashMap<String, String>) -> Vec<(String, String)> {
    child_elements(row, "ExtendedAttribute")
        .filter_map(|value| {
            let alias = aliases.get(child_text(value, "FieldID")?)?;
            Some((alias.clone(), child_text(value, "Value")?.to_owned()))
        })
        .collect()
}

fn resources(project: Node<'_, '_>) -> HashMap<String, String> {
    child_element(project, "Resources")
        .map(|list| {
            child_elements(list, "Resource")
                .filter_map(|resource| {
                    Some((
                        child_text(resource, "UID")?.to_owned(),
                        child_text(resource, "Name")?.to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// (task UID, resource UID) pairs in file order.
fn assignments(project: Node<'_, '_>) -> Vec<(String, String)> {
    child_element(project, "Assignments")
        .map(|list| {
            child_elements(list, "Assignment")
                .filter_map(|assignment| {
                    Some((
                        child_text(assignment, "TaskUID")?.to_owned(),
                        child_text(assignment, "ResourceUID")?.to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn owner_of(
    uid: &str,
    assignments: &[(String, String)],
    resources: &HashMap<String, String>,
) -> String {
    let names: Vec<&str> = assignments
        .iter()
        .filter(|(task, _)| task == uid)
        .filter_map(|(_, resource)| resources.get(resource).map(String::as_str))
        .collect();
    names.join(", ")
}

fn read_task(
    row: Node<'_, '_>,
    id: &str,
    title: String,
    plan: &Plan,
    waymark_file: bool,
    report: &mut ImportReport,
    document: &Document<'_>,
) -> Task {
    let hours_per_day = plan.meta.hours_per_day;
    let hours = |name: &str| {
        child_text(row, name)
            .and_then(|d| parse_duration(d, hours_per_day))
            .filter(|h| *h >= 0.0)
    };
    let estimated = child_text(row, "Estimated") == Some("1");
    let work = hours("Work").filter(|h| *h > 0.0);
    let mut task = Task {
        id: TaskId::from(id),
        title,
        notes: child_text(row, "Notes").unwrap_or_default().to_owned(),
        ..Task::default()
    };
    if !estimated {
        task.estimate.hours = work.or_else(|| hours("Duration"));
    }
    task.priority = child_text(row, "Priority")
        .and_then(|p| p.parse::<u32>().ok())
        .filter(|p| waymark_file || *p != 500)
        .map(|p| match p {
            900.. => Priority::P0,
            600..=899 => Priority::P1,
            400..=599 => Priority::P2,
            _ => Priority::P3,
        });
    let constraint = child_text(row, "ConstraintType").unwrap_or("0");
    let constraint_date = child_text(row, "ConstraintDate").and_then(date_of);
    match constraint {
        "2" | "4" => task.start = constraint_date,
        "3" | "7" => task.due = constraint_date,
        "0" | "1" => {}
        other => report.warn(
            Some(line_of(document, row)),
            format!("{id}: constraint type {other} is not kept"),
        ),
    }
    if let Some(deadline) = child_text(row, "Deadline").and_then(date_of) {
        task.due = Some(deadline);
    }
    if child_text(row, "PercentComplete") == Some("100") {
        task.completed = child_text(row, "ActualFinish").and_then(date_of);
    }
    if !waymark_file {
        for (element, name) in [("Start", "Start"), ("Finish", "Finish")] {
            if let Some(date) = child_text(row, element).and_then(date_of) {
                task.fields.push(Field {
                    name: name.to_owned(),
                    value: date.to_string(),
                });
            }
        }
    }
    task
}

/// The status: the recorded key (added to the legend when it is new), else from percent complete.
fn status_of(plan: &mut Plan, row: Node<'_, '_>, recorded: Option<&str>) -> StatusKey {
    let percent: f64 = child_text(row, "PercentComplete")
        .and_then(|p| p.parse().ok())
        .unwrap_or(0.0);
    let category = if percent >= 100.0 {
        StatusCategory::Done
    } else if percent > 0.0 {
        StatusCategory::Active
    } else {
        StatusCategory::NotStarted
    };
    if let Some(key) = recorded {
        let key = StatusKey::from(key);
        if plan.status(&key).is_none() {
            plan.legend.push(StatusDef::new(
                key.as_str(),
                key.as_str(),
                category,
                [0x8a, 0x93, 0xa0],
            ));
        }
        return key;
    }
    plan.first_status_in(category).cloned().unwrap_or_default()
}
