//! What a CSV column means, recognised from its header by meaning rather than exact spelling.

/// A column Waymark understands; anything else is kept per task as a named field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Column {
    Id,
    Title,
    Description,
    Owner,
    Status,
    Priority,
    Dependencies,
    Hours,
    Points,
    Completed,
    Phase,
    Sprint,
    Parent,
    Start,
    Due,
    Artifacts,
    Verification,
    Notes,
    Hints,
    Tags,
    Checklist,
}

impl Column {
    /// The column a header names, after folding case and `_`/`-` to spaces.
    pub(super) fn from_header(header: &str) -> Option<Self> {
        let name: String = header
            .chars()
            .map(|c| if matches!(c, '_' | '-') { ' ' } else { c })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let column = match name.as_str() {
            "id" | "task id" | "key" | "issue key" | "issue" | "ticket" | "#" => Self::Id,
            "task" | "title" | "name" | "summary" | "task name" => Self::Title,
            "description" | "details" => Self::Description,
            "owner" | "assignee" | "assigned to" | "responsible" => Self::Owner,
            "status" | "state" => Self::Status,
            "priority" | "prio" => Self::Priority,
            "dependencies" | "dependency" | "depends on" | "predecessors" | "blocked by"
            | "prerequisites" | "deps" => Self::Dependencies,
            "estimated hours" | "estimate" | "hours" | "estimate hours" | "effort"
            | "estimate (h)" => Self::Hours,
            "points" | "story points" | "estimated points" | "sp" => Self::Points,
            "completion date" | "done date" | "resolved" | "completed" | "completed date"
            | "completed on" | "date completed" => Self::Completed,
            "phase" | "epic" | "module" | "component" => Self::Phase,
            "sprint" | "iteration" => Self::Sprint,
            "parent" | "parent id" | "parent task" => Self::Parent,
            "start" | "start date" => Self::Start,
            "due" | "due date" | "deadline" | "end date" => Self::Due,
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
        ] {
            assert_eq!(Column::from_header(header), Some(column), "{header}");
        }
        assert_eq!(Column::from_header("Budget"), None);
    }
}
