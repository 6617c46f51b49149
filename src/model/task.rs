//! Tasks: the units of work a plan tracks.

use super::{PhaseId, SprintId, StatusKey, TaskId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Business priority, P0 (critical) to P3 (low).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    /// Critical.
    P0,
    /// High.
    P1,
    /// Medium.
    P2,
    /// Low.
    P3,
}

impl Priority {
    /// Every priority, most urgent first.
    pub const ALL: [Self; 4] = [Self::P0, Self::P1, Self::P2, Self::P3];

    /// A short word for the priority ("critical", "high"…).
    pub fn meaning(self) -> &'static str {
        match self {
            Self::P0 => "critical",
            Self::P1 => "high",
            Self::P2 => "medium",
            Self::P3 => "low",
        }
    }

    /// Reads `P0`…`P3` (any case) or the words critical/high/medium/low.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "p0" | "critical" | "urgent" | "highest" => Some(Self::P0),
            "p1" | "high" => Some(Self::P1),
            "p2" | "medium" | "normal" => Some(Self::P2),
            "p3" | "low" | "lowest" => Some(Self::P3),
            _ => None,
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// How big a task is thought to be, in hours and/or points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Estimate {
    /// Estimated working hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    /// Estimated story points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    /// A three-point estimate in hours, when the source gave one; `hours` then holds its PERT mean.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub three_point: Option<ThreePoint>,
}

impl Estimate {
    /// True when neither hours nor points (nor a three-point estimate) are set.
    pub fn is_empty(&self) -> bool {
        self.hours.is_none() && self.points.is_none() && self.three_point.is_none()
    }
}

/// A three-point estimate: the best case, the most likely case and the worst case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThreePoint {
    /// Best case (optimistic).
    pub optimistic: f64,
    /// Most likely.
    pub likely: f64,
    /// Worst case (pessimistic).
    pub pessimistic: f64,
}

impl ThreePoint {
    /// The PERT mean, (o + 4m + p) / 6.
    pub fn pert(&self) -> f64 {
        (self.optimistic + 4.0 * self.likely + self.pessimistic) / 6.0
    }
}

/// One line of a checklist (acceptance criteria, milestone criteria).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistItem {
    /// What must be true.
    pub text: String,
    /// Whether it is ticked.
    pub done: bool,
}

impl ChecklistItem {
    /// An unticked item.
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            done: false,
        }
    }
}

/// A named free-text field a document gave a task that has no place of its own ("Reason", "Next Steps").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Field {
    /// The field's name as written.
    pub name: String,
    /// Its text.
    pub value: String,
}

/// A unit of work.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    /// Stable id, unique in the plan.
    pub id: TaskId,
    /// One-line title.
    pub title: String,
    /// Longer description (Markdown).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Key of the task's status in the legend.
    pub status: StatusKey,
    /// Business priority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Owner, assignee or team.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// The phase (module, epic) the task belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<PhaseId>,
    /// The group the document lists the task under (a `####` heading, a bold list label), as
    /// written; nested groups are joined with ` / `. Empty when the task is in no group.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub group: String,
    /// The sprint the task is planned in; none means backlog.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sprint: Option<SprintId>,
    /// The parent task when this is a subtask.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<TaskId>,
    /// Size estimate.
    #[serde(skip_serializing_if = "Estimate::is_empty")]
    pub estimate: Estimate,
    /// Tasks that must finish before this one (prerequisites).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<TaskId>,
    /// Planned start date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Due date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Date the task was completed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed: Option<NaiveDate>,
    /// Acceptance criteria.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<ChecklistItem>,
    /// Deliverables: files, paths, links.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub artifacts: Vec<String>,
    /// How completion is verified.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub verification: String,
    /// Free notes.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Implementation hints.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub hints: String,
    /// Tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Other named fields the source document gave the task.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// Where the person placed the task's card on the graph canvas (top-left corner, layout units);
    /// none means the automatic layout decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph_position: Option<[f32; 2]>,
}

impl Task {
    /// A task with an id, a title and a status; everything else empty.
    pub fn new(id: &str, title: &str, status: &str) -> Self {
        Self {
            id: TaskId::from(id),
            title: title.to_owned(),
            status: StatusKey::from(status),
            ..Self::default()
        }
    }

    /// Checklist progress as (ticked, total).
    pub fn checklist_progress(&self) -> (usize, usize) {
        let done = self.checklist.iter().filter(|item| item.done).count();
        (done, self.checklist.len())
    }
}
