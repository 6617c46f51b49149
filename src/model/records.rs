//! What a plan keeps beside its tasks: velocity, status history, registers and free notes.

use super::{PhaseId, SprintId, StatusKey, TaskId};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Work planned and done in one period (a week or a sprint).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VelocityRecord {
    /// The period's label, e.g. "Week 1" or "Sprint 2".
    pub period: String,
    /// Week number relative to the plan's start, when the period is a week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub week: Option<u32>,
    /// The sprint, when the period is a sprint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sprint: Option<SprintId>,
    /// Work planned (in `unit`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned: Option<f64>,
    /// Work completed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed: Option<f64>,
    /// Work blocked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked: Option<f64>,
    /// What the numbers count: "tasks", "h" or "pts".
    pub unit: String,
}

/// One status change of one task, appended by every status edit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatusChange {
    /// The task.
    pub task: TaskId,
    /// Status before.
    pub from: StatusKey,
    /// Status after.
    pub to: StatusKey,
    /// When it changed (local time of the person who changed it).
    pub at: NaiveDateTime,
}

/// One change of a task's sprint or estimate, appended by the edits that make it. Velocity reads these
/// beside the status history to tell scope added, removed and re-estimated from work done.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScopeChange {
    /// The task.
    pub task: TaskId,
    /// When it changed (local time of the person who changed it).
    pub at: NaiveDateTime,
    /// What changed.
    pub change: ScopeChangeKind,
}

/// What a [`ScopeChange`] changed, with the values before and after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ScopeChangeKind {
    /// The task moved between sprints (none: the backlog).
    Sprint {
        /// Sprint before.
        from: Option<SprintId>,
        /// Sprint after.
        to: Option<SprintId>,
        /// True when the move carried unfinished work over as its sprint closed: the old sprint keeps
        /// the task as carried over (the move counts from the day after the old sprint's end).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        carried: bool,
    },
    /// The hour estimate changed.
    Hours {
        /// Hours before.
        from: Option<f64>,
        /// Hours after.
        to: Option<f64>,
    },
    /// The point estimate changed.
    Points {
        /// Points before.
        from: Option<f64>,
        /// Points after.
        to: Option<f64>,
    },
}

impl Default for ScopeChangeKind {
    fn default() -> Self {
        Self::Sprint {
            from: None,
            to: None,
            carried: false,
        }
    }
}

/// Something that stops work, from a blockers table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Blocker {
    /// The document's id for it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// What blocks.
    pub title: String,
    /// The phase it hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<PhaseId>,
    /// The task it hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<TaskId>,
    /// Its impact.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub impact: String,
    /// Its status, as written.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub status: String,
    /// How it was or will be resolved.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub resolution: String,
}

/// A known defect, from a known-issues table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KnownIssue {
    /// The document's id for it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// What is wrong.
    pub title: String,
    /// The phase or module it is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<PhaseId>,
    /// How bad it is.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub severity: String,
    /// Its status, as written.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub status: String,
    /// The fix.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub fix: String,
}

/// A risk and what is done about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Risk {
    /// The risk.
    pub title: String,
    /// How likely it is.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub likelihood: String,
    /// How much it would hurt.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub impact: String,
    /// What reduces it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mitigation: String,
}

/// A metric with a target, e.g. "Code coverage > 80%".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metric {
    /// What is measured.
    pub name: String,
    /// The target, as written ("> 80%").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub target: String,
    /// The latest measured value.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub current: String,
    /// The group the document lists it under ("Key Metrics").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub group: String,
}

/// A recurring review or meeting ("Code review sessions every Wednesday").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cadence {
    /// The review and when it happens.
    pub text: String,
    /// The group the document lists it under ("Weekly Reviews").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub group: String,
}

/// A link or resource.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Link {
    /// What it is ("GitHub Repo").
    pub label: String,
    /// Where it points, or the placeholder text the document has.
    pub url: String,
}

/// One line of the plan's update log.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LogEntry {
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// What changed.
    pub text: String,
    /// Who changed it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub author: String,
}

/// An idea for later.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Idea {
    /// The idea.
    pub text: String,
    /// Whether it is done.
    pub done: bool,
}

/// A section of free Markdown the plan keeps as written, so nothing a document says is lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoteSection {
    /// The section heading (may be empty for text before the first heading).
    pub heading: String,
    /// Heading level, 1 to 6 (0 for no heading).
    pub level: u8,
    /// The section's Markdown body.
    pub body: String,
    /// Where the section stood: the anchor of the last phase, sprint, milestone or register
    /// section before it (`phase:module-2`, `sprint:s2`, `milestone:m3`, `section:velocity`),
    /// empty for the top of the document. Exporters put the section back after that anchor.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub after: String,
}
