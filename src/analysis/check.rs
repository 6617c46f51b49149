//! Validity checks of a whole plan: what `waymark check` reports.

use super::Analysis;
use super::graph::format_loop;
use crate::model::{Plan, TaskId};
use std::collections::HashSet;
use std::fmt;

/// One thing wrong with a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Two tasks share an id.
    DuplicateId(TaskId),
    /// A task depends on an id no task has.
    UnknownDependency {
        /// The dependant task.
        task: TaskId,
        /// The id it names.
        missing: TaskId,
    },
    /// Tasks depend on each other in a loop (prerequisite → dependant order, closing on the first id).
    Cycle(Vec<TaskId>),
    /// A task's status is not in the legend.
    UnknownStatus {
        /// The task.
        task: TaskId,
        /// The status key it names.
        status: String,
    },
    /// A task names a phase, sprint or parent task the plan does not have.
    UnknownReference {
        /// The task.
        task: TaskId,
        /// What kind of thing it names ("phase", "sprint", "parent task").
        kind: &'static str,
        /// The id it names.
        id: String,
    },
    /// A merge conflict nobody has resolved yet (where it is, as people say it).
    UnresolvedConflict(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DuplicateId(id) => write!(f, "duplicate task id {id}"),
            Self::UnknownDependency { task, missing } => {
                write!(f, "{task} depends on unknown task {missing}")
            }
            Self::Cycle(ids) => write!(f, "dependency loop: {}", format_loop(ids)),
            Self::UnknownStatus { task, status } => {
                write!(
                    f,
                    "{task} has status \"{status}\", which is not in the legend"
                )
            }
            Self::UnknownReference { task, kind, id } => {
                write!(f, "{task} names unknown {kind} \"{id}\"")
            }
            Self::UnresolvedConflict(place) => write!(f, "unresolved merge conflict at {place}"),
        }
    }
}

/// Every problem in the plan, in a stable order: duplicate ids, references, unknown dependencies, loops,
/// unresolved merge conflicts.
pub fn check_plan(plan: &Plan) -> Vec<Problem> {
    check_with(plan, &Analysis::of(plan))
}

/// Every problem in the plan, reading unknown dependencies and loops from an analysis of it.
pub fn check_with(plan: &Plan, analysis: &Analysis) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for task in &plan.tasks {
        if !seen.insert(&task.id) {
            problems.push(Problem::DuplicateId(task.id.clone()));
        }
    }
    for task in &plan.tasks {
        if plan.status(&task.status).is_none() {
            problems.push(Problem::UnknownStatus {
                task: task.id.clone(),
                status: task.status.to_string(),
            });
        }
        let references = [
            (
                "phase",
                task.phase
                    .as_ref()
                    .filter(|id| plan.phase(id).is_none())
                    .map(ToString::to_string),
            ),
            (
                "sprint",
                task.sprint
                    .as_ref()
                    .filter(|id| plan.sprint(id).is_none())
                    .map(ToString::to_string),
            ),
            (
                "parent task",
                task.parent
                    .as_ref()
                    .filter(|id| !seen.contains(id))
                    .map(ToString::to_string),
            ),
        ];
        for (kind, id) in references {
            if let Some(id) = id {
                problems.push(Problem::UnknownReference {
                    task: task.id.clone(),
                    kind,
                    id,
                });
            }
        }
    }
    problems.extend(analysis.graph.unknown.iter().map(|(task, missing)| {
        Problem::UnknownDependency {
            task: task.clone(),
            missing: missing.clone(),
        }
    }));
    problems.extend(analysis.cycles.iter().cloned().map(Problem::Cycle));
    problems.extend(
        plan.conflicts
            .iter()
            .map(|conflict| Problem::UnresolvedConflict(conflict.place())),
    );
    problems
}
