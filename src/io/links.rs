//! Links between rows of project files (MS Project XML, `GanttProject`) and how they become Waymark
//! dependencies: task on task, phase on phase, a milestone on the tasks it gathers.

use super::ImportReport;
use crate::model::{Plan, TaskId};
use std::collections::HashMap;

/// What a row of a project file is in Waymark, by index into the plan's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A phase.
    Phase(usize),
    /// A task.
    Task(usize),
    /// A milestone.
    Milestone(usize),
}

/// How two linked rows are tied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkType {
    /// The successor starts after the predecessor finishes: Waymark's only kind.
    FinishToStart,
    /// Both start together.
    StartToStart,
    /// Both finish together.
    FinishToFinish,
    /// The successor finishes after the predecessor starts.
    StartToFinish,
}

impl LinkType {
    /// The type's name.
    pub fn name(self) -> &'static str {
        match self {
            Self::FinishToStart => "finish-to-start",
            Self::StartToStart => "start-to-start",
            Self::FinishToFinish => "finish-to-finish",
            Self::StartToFinish => "start-to-finish",
        }
    }
}

/// A link read from a row, kept until every row is known.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingLink {
    /// The row that follows.
    pub successor: Kind,
    /// The file's key of the row it follows (an MSPDI UID, a `GanttProject` task id).
    pub predecessor: String,
    /// How they are tied.
    pub kind: LinkType,
    /// The lag, in working days.
    pub lag_days: f64,
    /// The line the link is on.
    pub line: usize,
}

/// Ends an import of a project file: resolves its links, refuses a file with no tasks or milestones
/// ("this MS Project XML file has no tasks"), and counts what was read.
pub fn finish_project(
    mut plan: Plan,
    kinds: &HashMap<String, Kind>,
    links: &[PendingLink],
    mut report: ImportReport,
    what: &str,
) -> Result<super::Imported, super::ImportError> {
    resolve_links(&mut plan, kinds, links, &mut report);
    if plan.tasks.is_empty() && plan.milestones.is_empty() {
        return Err(super::ImportError::Empty(format!(
            "this {what} has no tasks"
        )));
    }
    report.count(&plan);
    Ok(super::Imported { plan, report })
}

/// Turns links into dependencies: task on task, phase on phase, milestone on its tasks. A task that
/// follows a milestone depends on the milestone's tasks instead.
pub fn resolve_links(
    plan: &mut Plan,
    kinds: &HashMap<String, Kind>,
    links: &[PendingLink],
    report: &mut ImportReport,
) {
    let name = |plan: &Plan, kind: Kind| match kind {
        Kind::Task(i) => plan.tasks[i].id.to_string(),
        Kind::Phase(i) => format!("phase {}", plan.phases[i].name),
        Kind::Milestone(i) => format!("milestone {}", plan.milestones[i].name),
    };
    let mut milestone_tasks: HashMap<usize, Vec<TaskId>> = HashMap::new();
    for link in links {
        if let (Kind::Milestone(m), Some(Kind::Task(t))) =
            (link.successor, kinds.get(&link.predecessor))
        {
            milestone_tasks
                .entry(m)
                .or_default()
                .push(plan.tasks[*t].id.clone());
        }
    }
    for link in links {
        let Some(&predecessor) = kinds.get(&link.predecessor) else {
            report.warn(
                Some(link.line),
                format!(
                    "{} follows row {}, which the file does not have",
                    name(plan, link.successor),
                    link.predecessor
                ),
            );
            continue;
        };
        if link.kind != LinkType::FinishToStart {
            report.warn(
                Some(link.line),
                format!(
                    "{} → {}: a {} link, kept as finish-to-start",
                    name(plan, predecessor),
                    name(plan, link.successor),
                    link.kind.name()
                ),
            );
        }
        if link.lag_days.abs() > 1e-9 {
            let days = link.lag_days;
            report.warn(
                Some(link.line),
                format!(
                    "{} → {}: a lag of {days:.1} working days is not kept",
                    name(plan, predecessor),
                    name(plan, link.successor)
                ),
            );
        }
        let prerequisites = match predecessor {
            Kind::Task(t) => vec![plan.tasks[t].id.clone()],
            Kind::Milestone(m) if matches!(link.successor, Kind::Task(_)) => {
                report.warn(
                    Some(link.line),
                    format!(
                        "{} follows {}: it depends on the milestone's tasks instead",
                        name(plan, link.successor),
                        name(plan, predecessor)
                    ),
                );
                milestone_tasks.get(&m).cloned().unwrap_or_default()
            }
            _ => Vec::new(),
        };
        match (link.successor, predecessor) {
            (Kind::Task(t), _) if !prerequisites.is_empty() => {
                for id in prerequisites {
                    if !plan.tasks[t].depends_on.contains(&id) && plan.tasks[t].id != id {
                        plan.tasks[t].depends_on.push(id);
                    }
                }
            }
            (Kind::Milestone(m), Kind::Task(t)) => {
                let id = plan.tasks[t].id.clone();
                if !plan.milestones[m].tasks.contains(&id) {
                    plan.milestones[m].tasks.push(id);
                }
            }
            (Kind::Phase(s), Kind::Phase(p)) => {
                let id = plan.phases[p].id.clone();
                if !plan.phases[s].depends_on.contains(&id) {
                    plan.phases[s].depends_on.push(id);
                }
            }
            (successor, _) => report.warn(
                Some(link.line),
                format!(
                    "{} → {}: Waymark has no such dependency, so it is not kept",
                    name(plan, predecessor),
                    name(plan, successor)
                ),
            ),
        }
    }
}
