//! Summary counts of a plan (what `waymark stats` prints).

use super::{Analysis, check_with};
use crate::model::{Plan, StatusCategory};
use serde::Serialize;

/// Counts that describe a plan at a glance.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PlanStats {
    /// Tasks, subtasks included.
    pub tasks: usize,
    /// Checklist items over all tasks and milestones.
    pub checklist_items: usize,
    /// Tasks whose status is in the done category.
    pub done: usize,
    /// Tasks under way.
    pub active: usize,
    /// Tasks not started.
    pub not_started: usize,
    /// Blocked tasks.
    pub blocked: usize,
    /// Dropped tasks.
    pub dropped: usize,
    /// Phases.
    pub phases: usize,
    /// Sprints.
    pub sprints: usize,
    /// Milestones.
    pub milestones: usize,
    /// Dependency edges, unknown ids included.
    pub dependencies: usize,
    /// Sum of hour estimates.
    pub estimate_hours: f64,
    /// Velocity records.
    pub velocity_records: usize,
    /// Problems found by the plan check, as sentences.
    pub warnings: Vec<String>,
    /// Dependency loops, each as ids in prerequisite → dependant order.
    pub cycles: Vec<Vec<String>>,
    /// The critical path of the work left, as ids first to last.
    pub critical_path: Vec<String>,
    /// The plan's finish date in the dated schedule, when its caller computed one (it needs today).
    pub finish: Option<chrono::NaiveDate>,
    /// Merge conflicts not yet resolved.
    pub conflicts: usize,
}

impl PlanStats {
    /// Counts a plan.
    pub fn of(plan: &Plan) -> Self {
        let mut stats = Self {
            tasks: plan.tasks.len(),
            phases: plan.phases.len(),
            sprints: plan.sprints.len(),
            milestones: plan.milestones.len(),
            velocity_records: plan.velocity.len(),
            conflicts: plan.conflicts.len(),
            ..Self::default()
        };
        for task in &plan.tasks {
            match plan.category(&task.status) {
                StatusCategory::NotStarted => stats.not_started += 1,
                StatusCategory::Active => stats.active += 1,
                StatusCategory::Done => stats.done += 1,
                StatusCategory::Blocked => stats.blocked += 1,
                StatusCategory::Dropped => stats.dropped += 1,
            }
            stats.checklist_items += task.checklist.len();
            stats.dependencies += task.depends_on.len();
            stats.estimate_hours += task.estimate.hours.unwrap_or(0.0);
        }
        stats.checklist_items += plan
            .milestones
            .iter()
            .map(|m| m.criteria.len())
            .sum::<usize>();
        let analysis = Analysis::of(plan);
        stats.warnings = check_with(plan, &analysis)
            .iter()
            .map(ToString::to_string)
            .collect();
        stats.cycles = analysis
            .cycles
            .iter()
            .map(|ids| ids.iter().map(ToString::to_string).collect())
            .collect();
        stats.critical_path = analysis
            .critical_path_ids(plan)
            .into_iter()
            .map(|id| id.0)
            .collect();
        stats
    }
}
