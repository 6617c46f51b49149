//! What a CSV column means, recognised from its header by meaning rather than exact spelling.

use serde::{Deserialize, Serialize};

/// A column Waymark understands; anything else is kept per task as a named field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Column {
    /// The task id.
    Id,
    /// The task title.
    Title,
    /// The description.
    Description,
    /// Who owns the task.
    Owner,
    /// The status word.
    Status,
    /// The priority.
    Priority,
    /// Tasks this one waits for.
    Dependencies,
    /// The estimate in hours.
    Hours,
    /// The estimate in points.
    Points,
    /// The date it was done.
    Completed,
    /// The phase (epic, module) by id.
    Phase,
    /// The sprint (iteration, cycle) by id.
    Sprint,
    /// The parent task.
    Parent,
    /// The start date.
    Start,
    /// The due date.
    Due,
    /// What the task produces.
    Artifacts,
    /// How the task is checked.
    Verification,
    /// Notes.
    Notes,
    /// Hints for whoever does the task.
    Hints,
    /// Tags (labels).
    Tags,
    /// The checklist (`[x] item|[ ] item`).
    Checklist,
    /// The group (board column, list or section) a task is listed under.
    Group,
    /// Tasks that wait for this one (the reverse of dependencies).
    Blocks,
    /// Best-case hours of a three-point estimate.
    Optimistic,
    /// Most likely hours of a three-point estimate.
    Likely,
    /// Worst-case hours of a three-point estimate.
    Pessimistic,
    /// The category of the status (Jira's "To Do", "In Progress", "Done").
    StatusCategory,
    /// A row number other columns may refer to (`Order`); the id when no other column gives one.
    Order,
}

impl Column {
    /// The column a header names, after folding case, `_`/`-` and camel case (`taskID`) to spaces.
    pub(super) fn from_header(header: &str) -> Option<Self> {
        let name = normalise(header);
        let column = match name.as_str() {
            "id" | "task id" | "key" | "issue key" | "issue" | "ticket" | "#" | "card id" => {
                Self::Id
            }
            "task" | "title" | "name" | "summary" | "task name" | "card name" | "story"
            | "feature" | "item" => Self::Title,
            "description" | "details" | "card description" => Self::Description,
            "owner" | "assignee" | "assigned to" | "responsible" | "assignees" | "members" => {
                Self::Owner
            }
            "status" | "state" => Self::Status,
            "status category" => Self::StatusCategory,
            "priority" | "prio" => Self::Priority,
            "dependencies"
            | "dependency"
            | "depends on"
            | "predecessors"
            | "blocked by"
            | "prerequisites"
            | "deps"
            | "predecessor task ids"
            | "predecessor ids"
            | "blocked by (dependencies)"
            | "inward issue link (blocks)"
            | "blocker"
            | "blockers" => Self::Dependencies,
            "blocks"
            | "blocking"
            | "blocking (dependencies)"
            | "outward issue link (blocks)"
            | "successors" => Self::Blocks,
            "estimated hours" | "estimate" | "hours" | "estimate hours" | "effort"
            | "estimate (h)" => Self::Hours,
            "points"
            | "story points"
            | "estimated points"
            | "sp"
            | "story point estimate"
            | "custom field (story points)"
            | "custom field (story point estimate)" => Self::Points,
            "best" | "best case" | "optimistic" => Self::Optimistic,
            "expected" | "most likely" | "likely" | "realistic" | "nominal" => Self::Likely,
            "worst" | "worst case" | "pessimistic" => Self::Pessimistic,
            "completion date" | "done date" | "resolved" | "completed" | "completed date"
            | "completed on" | "date completed" | "completed at" | "done at" | "closed at"
            | "closed" => Self::Completed,
            "phase" | "epic" | "module" | "component" | "epic link" | "epic name" => Self::Phase,
            "sprint" | "iteration" | "cycle" | "cycle name" => Self::Sprint,
            "parent" | "parent id" | "parent task" | "parent key" | "parent issue" => Self::Parent,
            "start" | "start date" | "started" | "started at" | "start at" => Self::Start,
            "due" | "due date" | "deadline" | "end date" | "due at" | "due on" | "finish"
            | "finish date" | "target date" => Self::Due,
            "section/column" | "section / column" | "column" | "list" | "list name" | "group"
            | "bucket" => Self::Group,
            "order" | "no" | "no." | "step" | "seq" | "sequence" | "row" => Self::Order,
            "artifacts" | "artefacts" | "deliverables" => Self::Artifacts,
            "verification" | "verify" => Self::Verification,
            "notes" | "note" | "comments" => Self::Notes,
            "codex hints" | "hints" | "ai hints" => Self::Hints,
            "tags" | "labels" => Self::Tags,
            "checklist" | "acceptance criteria" => Self::Checklist,
            _ => return None,
        };
        Some(column)
    }
}

impl Column {
    /// Every field, in the order a list offers them.
    pub const ALL: [Self; 28] = [
        Self::Id,
        Self::Title,
        Self::Description,
        Self::Owner,
        Self::Status,
        Self::StatusCategory,
        Self::Priority,
        Self::Dependencies,
        Self::Blocks,
        Self::Hours,
        Self::Points,
        Self::Optimistic,
        Self::Likely,
        Self::Pessimistic,
        Self::Start,
        Self::Due,
        Self::Completed,
        Self::Phase,
        Self::Sprint,
        Self::Parent,
        Self::Group,
        Self::Order,
        Self::Tags,
        Self::Checklist,
        Self::Artifacts,
        Self::Verification,
        Self::Notes,
        Self::Hints,
    ];

    /// The field's name as a person sees it in a list ("Depends on", "Estimate (hours)").
    pub fn label(self) -> &'static str {
        match self {
            Self::Id => "Id",
            Self::Title => "Title",
            Self::Description => "Description",
            Self::Owner => "Owner",
            Self::Status => "Status",
            Self::StatusCategory => "Status category",
            Self::Priority => "Priority",
            Self::Dependencies => "Depends on",
            Self::Blocks => "Blocks",
            Self::Hours => "Estimate (hours)",
            Self::Points => "Estimate (points)",
            Self::Optimistic => "Best case (hours)",
            Self::Likely => "Most likely (hours)",
            Self::Pessimistic => "Worst case (hours)",
            Self::Start => "Start date",
            Self::Due => "Due date",
            Self::Completed => "Completion date",
            Self::Phase => "Phase",
            Self::Sprint => "Sprint",
            Self::Parent => "Parent task",
            Self::Group => "Group",
            Self::Order => "Order",
            Self::Tags => "Tags",
            Self::Checklist => "Checklist",
            Self::Artifacts => "Artifacts",
            Self::Verification => "Verification",
            Self::Notes => "Notes",
            Self::Hints => "Hints",
        }
    }

    /// Which columns may repeat: each of their cells is read (the last sprint is the current one).
    pub(super) fn repeats(self) -> bool {
        matches!(
            self,
            Self::Tags | Self::Dependencies | Self::Blocks | Self::Sprint
        )
    }

    /// What the column becomes, for the import report.
    pub(super) fn meaning(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Title => "title",
            Self::Description => "description",
            Self::Owner => "owner",
            Self::Status => "status",
            Self::Priority => "priority",
            Self::Dependencies => "dependencies",
            Self::Hours => "estimate (hours)",
            Self::Points => "estimate (points)",
            Self::Completed => "completion date",
            Self::Phase => "phase",
            Self::Sprint => "sprint",
            Self::Parent => "parent task",
            Self::Start => "start date",
            Self::Due => "due date",
            Self::Artifacts => "artifacts",
            Self::Verification => "verification",
            Self::Notes => "notes",
            Self::Hints => "hints",
            Self::Tags => "tags",
            Self::Checklist => "checklist",
            Self::Group => "group",
            Self::Blocks => "tasks it blocks (their dependencies)",
            Self::Optimistic => "three-point estimate (best case)",
            Self::Likely => "three-point estimate (most likely)",
            Self::Pessimistic => "three-point estimate (worst case)",
            Self::StatusCategory => "status category",
            Self::Order => "order",
        }
    }
}

/// A header folded for matching: camel case split (`predecessorTaskIDs` → `predecessor task ids`),
/// `_` and `-` as spaces, one space between words, lower case, and an hours unit dropped
/// (`Best case hours`, `Optimistic (h)`).
pub(super) fn normalise(header: &str) -> String {
    let mut spaced = String::with_capacity(header.len() + 4);
    let mut previous: Option<char> = None;
    for c in header.trim().chars() {
        let c = if matches!(c, '_' | '-') { ' ' } else { c };
        if let Some(p) = previous
            && c.is_uppercase()
            && (p.is_lowercase() || p.is_ascii_digit())
        {
            spaced.push(' ');
        }
        spaced.push(c);
        previous = Some(c);
    }
    let name = spaced
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for unit in [" hours", " (hours)", " (h)", " hrs", " h"] {
        if let Some(stem) = name.strip_suffix(unit)
            && matches!(
                stem,
                "best"
                    | "best case"
                    | "optimistic"
                    | "expected"
                    | "most likely"
                    | "likely"
                    | "realistic"
                    | "nominal"
                    | "worst"
                    | "worst case"
                    | "pessimistic"
            )
        {
            return stem.to_owned();
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::Column;

    #[test]
    fn headers_match_by_meaning() {
        for (header, column) in [
            ("Task", Column::Title),
            ("Summary", Column::Title),
            ("Assignee", Column::Owner),
            ("Depends On", Column::Dependencies),
            ("blocked_by", Column::Dependencies),
            ("Estimated-Hours", Column::Hours),
            ("Story Points", Column::Points),
            ("Done date", Column::Completed),
            ("Epic", Column::Phase),
            ("Iteration", Column::Sprint),
            ("codex_hints", Column::Hints),
            ("taskID", Column::Id),
            ("task_id", Column::Id),
            ("Issue key", Column::Id),
            ("predecessorTaskIDs", Column::Dependencies),
            ("Blocked By (Dependencies)", Column::Dependencies),
            ("Custom field (Story point estimate)", Column::Points),
            ("Best case hours", Column::Optimistic),
            ("Most likely (h)", Column::Likely),
            ("Pessimistic hours", Column::Pessimistic),
            ("Completed At", Column::Completed),
            ("Section/Column", Column::Group),
            ("Parent key", Column::Parent),
        ] {
            assert_eq!(Column::from_header(header), Some(column), "{header}");
        }
        assert_eq!(Column::from_header("Budget"), None);
    }
}
