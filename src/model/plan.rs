//! The plan document.

use super::calendar::Calendar;
use super::print::PageSetup;
use super::status::StatusCategory;
use super::{
    AppendLog, Blocker, Cadence, Conflict, Idea, KnownIssue, LaneLimit, Link, LogEntry, Metric,
    Milestone, MilestoneId, NoteSection, Phase, PhaseId, Risk, ScopeChange, Sprint, SprintId,
    StatusChange, StatusDef, StatusKey, Task, TaskId, TaskList, VelocityRecord, default_legend,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One free key/value line of plan metadata ("Target completion: November 13-14, 2025").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetaEntry {
    /// The key as written.
    pub key: String,
    /// The value as written.
    pub value: String,
}

/// Facts about the plan as a whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanMeta {
    /// Title.
    pub title: String,
    /// Description (Markdown).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Date the plan was last updated, as the document says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<NaiveDate>,
    /// The current phase or sprint, as written.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub current: String,
    /// The date week 1 starts; anchors relative dates ("Week 3-4").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Working hours in a day, to turn hour estimates into days.
    pub hours_per_day: f64,
    /// Other metadata, in document order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<MetaEntry>,
    /// Which days are worked; Monday to Friday without holidays when left out.
    #[serde(skip_serializing_if = "Calendar::is_default")]
    pub calendar: Calendar,
    /// How many weeks a sprint without dates lasts; two when left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sprint_weeks: Option<u32>,
    /// How the plan is printed and exported to pages; the defaults when left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_setup: Option<Box<PageSetup>>,
}

impl Default for PlanMeta {
    fn default() -> Self {
        Self {
            title: String::new(),
            description: String::new(),
            updated: None,
            current: String::new(),
            start: None,
            hours_per_day: 8.0,
            extra: Vec::new(),
            calendar: Calendar::default(),
            sprint_weeks: None,
            page_setup: None,
        }
    }
}

/// A whole plan: everything Waymark keeps in memory and saves.
///
/// Vectors keep document order; tasks are in board order. Everything refers to other things by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    /// Facts about the plan as a whole.
    pub meta: PlanMeta,
    /// The statuses this plan uses, in workflow order.
    pub legend: Vec<StatusDef>,
    /// Phases, modules or epics.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// Sprints.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sprints: Vec<Sprint>,
    /// Milestones.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// Tasks and subtasks, in board order.
    pub tasks: TaskList,
    /// Velocity per period.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub velocity: Vec<VelocityRecord>,
    /// Every status change, oldest first.
    #[serde(skip_serializing_if = "AppendLog::is_empty")]
    pub status_history: AppendLog<StatusChange>,
    /// Blockers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blockers: Vec<Blocker>,
    /// Known issues.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub known_issues: Vec<KnownIssue>,
    /// Risks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    /// Metrics with targets.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
    /// Review cadences.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Cadence>,
    /// Links and resources.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Update log.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub update_log: Vec<LogEntry>,
    /// Ideas for later.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ideas: Vec<Idea>,
    /// Free Markdown sections, in document order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteSection>,
    /// The headings a document gave its sections where they differ from Waymark's, so an export
    /// reads like the original: the section (`sprints`, `milestones`, `velocity`, `reviews`, …)
    /// as `key`, the heading as written as `value`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub section_headings: Vec<MetaEntry>,
    /// WIP limits of board swimlanes, sorted by lane kind and key.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lane_wip_limits: Vec<LaneLimit>,
    /// Conflicts a three-way merge left unresolved (`waymark merge`); empty in a plan nobody merged.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Every change of a task's sprint or estimate, in the order the edits made them.
    #[serde(skip_serializing_if = "AppendLog::is_empty")]
    pub scope_history: AppendLog<ScopeChange>,
}

impl Default for Plan {
    fn default() -> Self {
        Self {
            meta: PlanMeta::default(),
            legend: default_legend(),
            phases: Vec::new(),
            sprints: Vec::new(),
            milestones: Vec::new(),
            tasks: TaskList::new(),
            velocity: Vec::new(),
            status_history: AppendLog::default(),
            blockers: Vec::new(),
            known_issues: Vec::new(),
            risks: Vec::new(),
            metrics: Vec::new(),
            reviews: Vec::new(),
            links: Vec::new(),
            update_log: Vec::new(),
            ideas: Vec::new(),
            notes: Vec::new(),
            section_headings: Vec::new(),
            lane_wip_limits: Vec::new(),
            conflicts: Vec::new(),
            scope_history: AppendLog::default(),
        }
    }
}

impl Plan {
    /// An empty plan with a title and the default legend.
    pub fn new(title: &str) -> Self {
        Self {
            meta: PlanMeta {
                title: title.to_owned(),
                ..PlanMeta::default()
            },
            ..Self::default()
        }
    }

    /// The task with this id.
    pub fn task(&self, id: &TaskId) -> Option<&Task> {
        self.tasks
            .position_of(id)
            .and_then(|index| self.tasks.get(index))
    }

    /// The index of the task with this id.
    pub fn task_index(&self, id: &TaskId) -> Option<usize> {
        self.tasks.position_of(id)
    }

    /// The legend entry for a status key.
    pub fn status(&self, key: &StatusKey) -> Option<&StatusDef> {
        self.legend.iter().find(|status| &status.key == key)
    }

    /// The category of a status; unknown keys count as not started.
    pub fn category(&self, key: &StatusKey) -> StatusCategory {
        self.status(key)
            .map_or(StatusCategory::NotStarted, |status| status.category)
    }

    /// The label of a status, or its key when the legend lacks it.
    pub fn status_label<'a>(&'a self, key: &'a StatusKey) -> &'a str {
        self.status(key)
            .map_or(key.as_str(), |status| status.label.as_str())
    }

    /// The phase with this id.
    pub fn phase(&self, id: &PhaseId) -> Option<&Phase> {
        self.phases.iter().find(|phase| &phase.id == id)
    }

    /// The sprint with this id.
    pub fn sprint(&self, id: &SprintId) -> Option<&Sprint> {
        self.sprints.iter().find(|sprint| &sprint.id == id)
    }

    /// The milestone with this id.
    pub fn milestone(&self, id: &MilestoneId) -> Option<&Milestone> {
        self.milestones.iter().find(|milestone| &milestone.id == id)
    }

    /// The first status of a category in legend order, e.g. where new work starts.
    pub fn first_status_in(&self, category: StatusCategory) -> Option<&StatusKey> {
        self.legend
            .iter()
            .find(|status| status.category == category)
            .map(|status| &status.key)
    }

    /// A task id not yet used, made from a prefix: `PREFIX-001`, `PREFIX-002`…
    pub fn fresh_task_id(&self, prefix: &str) -> TaskId {
        let used: std::collections::HashSet<&str> =
            self.tasks.iter().map(|t| t.id.as_str()).collect();
        // One of the first len + 1 numbers is always free.
        (1..=self.tasks.len() + 1)
            .map(|n| TaskId(format!("{prefix}-{n:03}")))
            .find(|id| !used.contains(id.as_str()))
            .unwrap_or_default()
    }
}
