//! Other trackers' CSV exports (Jira Cloud, Linear, Asana, GitHub Projects, Trello), recognised from
//! their headers: what their columns mean where it differs from the general meaning, and the line
//! the import report gives them.

use super::columns::{Column, normalise};
use crate::model::Plan;

/// What a tracker means by a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Meaning {
    /// The same as any CSV's column of that name.
    General,
    /// This column, whatever the name means elsewhere.
    Column(Column),
    /// Nothing Waymark reads: kept as a field.
    Field,
}

/// A tracker whose CSV export Waymark recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tracker {
    /// Jira Cloud's "all fields" export.
    Jira,
    /// Linear's issue export.
    Linear,
    /// Asana's project export.
    Asana,
    /// GitHub Projects' table export.
    GitHub,
    /// Trello's card export.
    Trello,
}

impl Tracker {
    /// The tracker whose export has this header, if any.
    pub(super) fn recognise(header: &[String]) -> Option<Self> {
        let names: Vec<String> = header.iter().map(|h| normalise(h)).collect();
        let has = |name: &str| names.iter().any(|h| h == name);
        if has("issue key") && (has("issue type") || has("issue id")) {
            Some(Self::Jira)
        } else if has("team")
            && (has("cycle name") || has("cycle number") || has("project milestone"))
        {
            Some(Self::Linear)
        } else if has("section/column")
            || (has("task id") && has("parent task") && has("completed at"))
        {
            Some(Self::Asana)
        } else if has("linked pull requests") || (has("repository") && has("assignees")) {
            Some(Self::GitHub)
        } else if has("card name") || (has("card id") && has("list name")) {
            Some(Self::Trello)
        } else {
            None
        }
    }

    /// The tool's name.
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Jira => "Jira",
            Self::Linear => "Linear",
            Self::Asana => "Asana",
            Self::GitHub => "GitHub Projects",
            Self::Trello => "Trello",
        }
    }

    /// What this tracker means by a (normalised) header.
    pub(super) fn column(self, header: &str) -> Meaning {
        match (self, header) {
            // Jira's numeric `Parent` (and `Issue id`) are internal ids; `Parent key` is the key.
            (Self::Jira, "parent" | "parent id" | "parent summary" | "epic link" | "epic name") => {
                Meaning::Field
            }
            (Self::Jira, "custom field (epic link)") => Meaning::Column(Column::Parent),
            (Self::Jira, "custom field (start date)") => Meaning::Column(Column::Start),
            (Self::Linear | Self::GitHub, "estimate") => Meaning::Column(Column::Points),
            (Self::Linear, "project") => Meaning::Column(Column::Phase),
            (Self::Asana, "notes") => Meaning::Column(Column::Description),
            (Self::Trello, "list name" | "list") => Meaning::Column(Column::Status),
            _ => Meaning::General,
        }
    }

    /// The report's line: "Recognised a Jira export: 12 issues, 2 epics, 3 sub-tasks".
    pub(super) fn describe(self, plan: &Plan) -> String {
        let tasks = plan.tasks.len();
        let of_type = |kind: &[&str]| {
            plan.tasks
                .iter()
                .filter(|t| {
                    t.fields.iter().any(|f| {
                        normalise(&f.name) == "issue type"
                            && kind.iter().any(|k| f.value.eq_ignore_ascii_case(k))
                    })
                })
                .count()
        };
        let children = plan.tasks.iter().filter(|t| t.parent.is_some()).count();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let counts = match self {
            Self::Jira => format!(
                "{}, {}, {}",
                plural(tasks, "issue"),
                plural(of_type(&["epic"]), "epic"),
                plural(of_type(&["sub-task", "subtask"]), "sub-task")
            ),
            Self::Linear => format!(
                "{}, {} in {}",
                plural(tasks, "issue"),
                plural(children, "sub-issue"),
                plural(plan.sprints.len(), "cycle")
            ),
            Self::Asana => format!("{}, {}", plural(tasks, "task"), plural(children, "subtask")),
            Self::GitHub => format!(
                "{} in {}",
                plural(tasks, "item"),
                plural(plan.sprints.len(), "iteration")
            ),
            Self::Trello => plural(tasks, "card"),
        };
        let article = if self == Self::Asana { "an" } else { "a" };
        format!("Recognised {article} {} export: {counts}", self.name())
    }
}
