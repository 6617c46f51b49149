//! The simple velocity projection: which backlog tasks fit into the next sprints, at the average
//! velocity, in board order.

use super::Unit;
use crate::model::{Plan, StatusCategory, TaskId};
use serde::Serialize;

/// One future sprint of the projection.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProjectedSprint {
    /// Sprints after the current one: 1 is the next (N + 1).
    pub offset: usize,
    /// The backlog tasks that fit, in board order.
    pub tasks: Vec<TaskId>,
    /// Their total size.
    pub load: f64,
}

/// Fills sprints of `velocity` each with the unfinished backlog tasks (no sprint; not done or
/// dropped) in board order, at most `max_sprints` of them. A task that does not fit starts the next
/// sprint, so each sprint's tasks follow one another on the board ("Sprint 7 ends here" after the
/// last); a task bigger than the velocity takes a sprint of its own. Empty when the velocity is not
/// positive.
pub fn project_backlog(
    plan: &Plan,
    unit: Unit,
    velocity: f64,
    max_sprints: usize,
) -> Vec<ProjectedSprint> {
    if velocity.is_nan() || velocity <= 0.0 {
        return Vec::new();
    }
    let mut sprints: Vec<ProjectedSprint> = Vec::new();
    let backlog = plan.tasks.iter().filter(|t| {
        t.sprint.is_none()
            && !matches!(
                plan.category(&t.status),
                StatusCategory::Done | StatusCategory::Dropped
            )
    });
    for task in backlog {
        let size = unit.size(&task.estimate);
        let fits = sprints
            .last()
            .is_some_and(|s| s.tasks.is_empty() || s.load + size <= velocity + 1e-9);
        if !fits {
            if sprints.len() == max_sprints {
                break;
            }
            sprints.push(ProjectedSprint {
                offset: sprints.len() + 1,
                tasks: Vec::new(),
                load: 0.0,
            });
        }
        if let Some(sprint) = sprints.last_mut() {
            sprint.tasks.push(task.id.clone());
            sprint.load += size;
        }
    }
    sprints
}
