//! The structure a plan's tasks hang on: phases, sprints and milestones.

use super::{ChecklistItem, Field, MilestoneId, PhaseId, SprintId, StatusKey, TaskId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A range of weeks counted from the plan's start date, week 1 being the first ("Week 3-4").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekRange {
    /// First week, 1-based.
    pub first: u32,
    /// Last week, inclusive.
    pub last: u32,
}

impl WeekRange {
    /// The calendar days the range covers, given the plan's start date: week 1 is the week (Monday to
    /// Sunday) that holds the start date.
    pub fn dates(self, plan_start: NaiveDate) -> (NaiveDate, NaiveDate) {
        let monday = super::monday_of(plan_start);
        let start = super::shift(monday, i64::from(self.first.max(1) - 1) * 7);
        let end = super::shift(monday, i64::from(self.last.max(self.first).max(1)) * 7 - 1);
        (start, end)
    }
}

/// A phase, module or epic: a group of tasks with its own schedule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Phase {
    /// Stable id.
    pub id: PhaseId,
    /// Name, e.g. "Foundation".
    pub name: String,
    /// What the phase delivers.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Weeks relative to the plan's start date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weeks: Option<WeekRange>,
    /// Start date, when fixed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// End date, when fixed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// The phase's own status, when the document gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusKey>,
    /// Free notes.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Phases that must complete first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<PhaseId>,
    /// Other named fields the source document gave the phase ("Progress: 0/15 tasks").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
}

/// A sprint (iteration): a time box with a goal and a capacity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sprint {
    /// Stable id.
    pub id: SprintId,
    /// Name, e.g. "Sprint 2: User authentication".
    pub name: String,
    /// Version tag it ships, e.g. `v0.5.0`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// The sprint goal.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub goal: String,
    /// Weeks relative to the plan's start date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weeks: Option<WeekRange>,
    /// Start date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// End date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// Capacity in hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity_hours: Option<f64>,
    /// True once the sprint is over.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
}

/// A milestone: a point in time with criteria that say it is reached.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Milestone {
    /// Stable id.
    pub id: MilestoneId,
    /// Name, e.g. "CRM ready".
    pub name: String,
    /// Target date, when fixed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Target week relative to the plan's start date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub week: Option<u32>,
    /// What must be true to call it reached.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<ChecklistItem>,
    /// Tasks it waits for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<TaskId>,
    /// Phases it waits for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<PhaseId>,
}
