//! Reading `GanttProject` files: top-level tasks with children become phases, nested tasks subtasks,
//! `meeting="true"` tasks milestones, `depend`s dependencies, allocations owners.

use super::{
    COLUMN_DUE, COLUMN_HOURS, COLUMN_ID, COLUMN_KIND, COLUMN_START, COLUMN_STATUS, COLUMNS,
};
use crate::io::links::{Kind, LinkType, PendingLink, finish_project};
use crate::io::xml_text::{child_element, child_elements, expect_root, line_of, parse};
use crate::io::{ImportError, ImportReport, Imported};
use crate::model::{
    Field, Milestone, MilestoneId, Phase, PhaseId, Plan, Priority, StatusCategory, StatusDef,
    StatusKey, Task, TaskId,
};
use chrono::NaiveDate;
use roxmltree::{Document, Node};
use std::collections::{HashMap, HashSet};

const WHAT: &str = "a GanttProject (.gan) file";

/// What the reader keeps while walking the task tree.
struct Reader<'d, 'i> {
    document: &'d Document<'i>,
    plan: Plan,
    report: ImportReport,
    /// Custom column names by property id.
    columns: HashMap<String, String>,
    waymark_file: bool,
    kinds: HashMap<String, Kind>,
    /// Links as written: (predecessor key, successor key, link).
    depends: Vec<(String, String, PendingLink)>,
    owners: HashMap<String, String>,
    used_task_ids: HashSet<String>,
}

/// Reads a `.gan` document.
pub fn import_gantt(text: &str) -> Result<Imported, ImportError> {
    let document = parse(text, WHAT)?;
    expect_root(&document, "project", WHAT)?;
    let project = document.root_element();
    let mut plan = Plan::new(project.attribute("name").unwrap_or("Imported plan"));
    child_element(project, "description")
        .and_then(|d| d.text())
        .unwrap_or_default()
        .trim()
        .clone_into(&mut plan.meta.description);
    plan.meta.start = project.attribute("view-date").and_then(date_of);
    let tasks = child_element(project, "tasks");
    let columns: HashMap<String, String> = tasks
        .and_then(|t| child_element(t, "taskproperties"))
        .map(|list| {
            child_elements(list, "taskproperty")
                .filter(|p| p.attribute("type") == Some("custom"))
                .filter_map(|p| {
                    Some((
                        p.attribute("id")?.to_owned(),
                        p.attribute("name")?.to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let waymark_file = columns.values().any(|name| name == COLUMN_ID);
    let mut reader = Reader {
        document: &document,
        plan,
        report: ImportReport {
            format: "GanttProject".to_owned(),
            ..ImportReport::default()
        },
        columns,
        waymark_file,
        kinds: HashMap::new(),
        depends: Vec::new(),
        owners: owners(project),
        used_task_ids: HashSet::new(),
    };
    if let Some(tasks) = tasks {
        for row in child_elements(tasks, "task") {
            reader.row(row, None, None, 1);
        }
    }
    let Reader {
        plan,
        mut report,
        kinds,
        depends,
        ..
    } = reader;
    let mut links = Vec::new();
    for (predecessor, successor, mut link) in depends {
        match kinds.get(&successor) {
            Some(kind) => {
                link.successor = *kind;
                link.predecessor = predecessor;
                links.push(link);
            }
            None => report.warn(
                Some(link.line),
                format!("a dependency names task {successor}, which the file does not have"),
            ),
        }
    }
    finish_project(plan, &kinds, &links, report, "GanttProject file")
}

fn date_of(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim().get(..10)?, "%Y-%m-%d").ok()
}

/// Owner names by task id: the resources allocated to each task, in file order.
fn owners(project: Node<'_, '_>) -> HashMap<String, String> {
    let names: HashMap<&str, &str> = child_element(project, "resources")
        .map(|list| {
            child_elements(list, "resource")
                .filter_map(|r| Some((r.attribute("id")?, r.attribute("name")?)))
                .collect()
        })
        .unwrap_or_default();
    let mut owners: HashMap<String, String> = HashMap::new();
    for allocation in child_element(project, "allocations")
        .into_iter()
        .flat_map(|list| child_elements(list, "allocation"))
    {
        let (Some(task), Some(name)) = (
            allocation.attribute("task-id"),
            allocation
                .attribute("resource-id")
                .and_then(|r| names.get(r)),
        ) else {
            continue;
        };
        let owner = owners.entry(task.to_owned()).or_default();
        if !owner.is_empty() {
            owner.push_str(", ");
        }
        owner.push_str(name);
    }
    owners
}

impl Reader<'_, '_> {
    fn row(
        &mut self,
        row: Node<'_, '_>,
        phase: Option<usize>,
        parent: Option<usize>,
        level: usize,
    ) {
        let Some(key) = row.attribute("id").map(str::to_owned) else {
            return;
        };
        let name = row.attribute("name").unwrap_or_default().to_owned();
        let columns: Vec<(String, String)> = child_elements(row, "customproperty")
            .filter_map(|p| {
                let column = self.columns.get(p.attribute("taskproperty-id")?)?;
                Some((column.clone(), p.attribute("value")?.to_owned()))
            })
            .collect();
        let column = |name: &str| {
            columns
                .iter()
                .find(|(c, _)| c == name)
                .map(|(_, v)| v.as_str())
                .filter(|v| !v.is_empty())
        };
        let has_children = child_elements(row, "task").next().is_some();
        let meeting = row.attribute("meeting") == Some("true");
        let notes = child_element(row, "notes")
            .and_then(|n| n.text())
            .unwrap_or_default()
            .trim()
            .to_owned();
        let kind = match column(COLUMN_KIND) {
            Some("phase") => "phase",
            Some("milestone") => "milestone",
            None if meeting && !has_children => "milestone",
            None if has_children && level == 1 && !self.waymark_file => "phase",
            _ => "task",
        };
        let kind = match kind {
            "phase" => {
                let plan = &mut self.plan;
                let id = column(COLUMN_ID)
                    .map_or_else(|| format!("phase-{}", plan.phases.len() + 1), str::to_owned);
                plan.phases.push(Phase {
                    id: PhaseId::from(id),
                    name,
                    notes,
                    ..Phase::default()
                });
                Kind::Phase(plan.phases.len() - 1)
            }
            "milestone" => {
                let plan = &mut self.plan;
                let id = column(COLUMN_ID)
                    .map_or_else(|| format!("M{}", plan.milestones.len() + 1), str::to_owned);
                let date = if self.waymark_file {
                    column(COLUMN_DUE).and_then(date_of)
                } else {
                    row.attribute("start").and_then(date_of)
                };
                plan.milestones.push(Milestone {
                    id: MilestoneId::from(id),
                    name,
                    date,
                    ..Milestone::default()
                });
                Kind::Milestone(plan.milestones.len() - 1)
            }
            _ => {
                let id = column(COLUMN_ID)
                    .map(str::to_owned)
                    .filter(|id| self.used_task_ids.insert(id.clone()))
                    .unwrap_or_else(|| format!("TASK-{key:0>3}"));
                let mut task = Task {
                    id: TaskId::from(id),
                    title: name,
                    notes,
                    owner: self.owners.get(&key).cloned().unwrap_or_default(),
                    phase: phase.map(|p| self.plan.phases[p].id.clone()),
                    parent: parent.map(|p| self.plan.tasks[p].id.clone()),
                    ..Task::default()
                };
                let complete: f64 = row
                    .attribute("complete")
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(0.0);
                task.status = self.status(column(COLUMN_STATUS), complete);
                task.priority = row
                    .attribute("priority")
                    .filter(|p| self.waymark_file || *p != "1")
                    .and_then(|p| match p {
                        "4" => Some(Priority::P0),
                        "2" => Some(Priority::P1),
                        "1" => Some(Priority::P2),
                        "0" | "3" => Some(Priority::P3),
                        _ => None,
                    });
                if self.waymark_file {
                    task.estimate.hours = column(COLUMN_HOURS).and_then(|h| h.parse().ok());
                    task.start = column(COLUMN_START).and_then(date_of);
                    task.due = column(COLUMN_DUE).and_then(date_of);
                } else {
                    let days: Option<f64> = row.attribute("duration").and_then(|d| d.parse().ok());
                    task.estimate.hours = days.map(|d| d * self.plan.meta.hours_per_day);
                    if let Some(start) = row.attribute("start").and_then(date_of) {
                        task.fields.push(Field {
                            name: "Start".to_owned(),
                            value: start.to_string(),
                        });
                    }
                }
                for (name, value) in &columns {
                    if !COLUMNS.contains(&name.as_str()) {
                        task.fields.push(Field {
                            name: name.clone(),
                            value: value.clone(),
                        });
                    }
                }
                self.plan.tasks.push(task);
                Kind::Task(self.plan.tasks.len() - 1)
            }
        };
        self.kinds.insert(key.clone(), kind);
        for depend in child_elements(row, "depend") {
            let Some(successor) = depend.attribute("id") else {
                continue;
            };
            // A depend sits on the row it starts from; its successor may come later in the file, so
            // the link is finished when every row is known.
            let difference: f64 = depend
                .attribute("difference")
                .and_then(|d| d.parse().ok())
                .unwrap_or(0.0);
            let link = PendingLink {
                successor: kind,
                predecessor: key.clone(),
                kind: match depend.attribute("type") {
                    Some("1") => LinkType::StartToStart,
                    Some("3") => LinkType::FinishToFinish,
                    Some("4") => LinkType::StartToFinish,
                    _ => LinkType::FinishToStart,
                },
                lag_days: difference,
                line: line_of(self.document, depend),
            };
            self.depends.push((key.clone(), successor.to_owned(), link));
        }
        let (phase, parent) = match kind {
            Kind::Phase(p) => (Some(p), None),
            Kind::Task(t) => (phase, Some(t)),
            Kind::Milestone(_) => (phase, parent),
        };
        for nested in child_elements(row, "task") {
            self.row(nested, phase, parent, level + 1);
        }
    }

    /// The status: the recorded key (added to the legend when it is new), else from completion.
    fn status(&mut self, recorded: Option<&str>, complete: f64) -> StatusKey {
        let category = if complete >= 100.0 {
            StatusCategory::Done
        } else if complete > 0.0 {
            StatusCategory::Active
        } else {
            StatusCategory::NotStarted
        };
        if let Some(key) = recorded {
            let key = StatusKey::from(key);
            if self.plan.status(&key).is_none() {
                self.plan.legend.push(StatusDef::new(
                    key.as_str(),
                    key.as_str(),
                    category,
                    [0x8a, 0x93, 0xa0],
                ));
            }
            return key;
        }
        self.plan
            .first_status_in(category)
            .cloned()
            .unwrap_or_default()
    }
}
