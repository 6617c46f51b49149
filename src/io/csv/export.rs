//! Writing a plan as a CSV task table, in the columns of the common `id,phase,task,…` dialect.

use super::{SECTION_FIELD, neutralise, preamble};
use crate::model::{PhaseId, Plan, SprintId, Task, TaskId};

/// The columns always written, in order.
const COLUMNS: [&str; 17] = [
    "id",
    "phase",
    "task",
    "owner",
    "status",
    "priority",
    "dependencies",
    "estimated_hours",
    "completion_date",
    "artifacts",
    "verification",
    "notes",
    "codex_hints",
    "sprint",
    "parent",
    "start_date",
    "due_date",
];

/// Whether a task has a value for a column.
type HasValue = fn(&Task) -> bool;

/// Columns written only when some task has a value for them.
const OPTIONAL: [(&str, HasValue); 4] = [
    ("description", |t| !t.description.is_empty()),
    ("tags", |t| !t.tags.is_empty()),
    ("story_points", |t| t.estimate.points.is_some()),
    ("checklist", |t| !t.checklist.is_empty()),
];

/// The plan as CSV: a `#` preamble with metadata and notes, the header, then one row per task. Lists are
/// `|`-separated; cells a spreadsheet would run as a formula get a leading `'` (the importer removes it);
/// other task fields become extra columns; a task's section comment is written above its row.
pub fn export_csv(plan: &Plan) -> String {
    let mut out = String::new();
    preamble::write_preamble(plan, &mut out);
    out.push_str("#\n");
    let optional: Vec<&str> = OPTIONAL
        .iter()
        .filter(|(_, used)| plan.tasks.iter().any(used))
        .map(|(name, _)| *name)
        .collect();
    let mut fields: Vec<&str> = Vec::new();
    for field in plan.tasks.iter().flat_map(|t| &t.fields) {
        if field.name != SECTION_FIELD && !fields.contains(&field.name.as_str()) {
            fields.push(&field.name);
        }
    }
    let header: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .chain(optional.iter().copied())
        .chain(fields.iter().copied())
        .collect();
    write_row(&mut out, header.iter().map(|h| (*h).to_owned()));
    for task in &plan.tasks {
        if let Some(section) = task.fields.iter().find(|f| f.name == SECTION_FIELD) {
            out.push_str("#\n");
            for line in section.value.lines().filter(|l| !l.trim().is_empty()) {
                preamble::comment(&mut out, line.trim());
            }
            out.push_str("#\n");
        }
        let cells = task_cells(task)
            .into_iter()
            .chain(optional.iter().map(|name| optional_cell(task, name)))
            .chain(fields.iter().map(|name| {
                task.fields
                    .iter()
                    .find(|f| f.name == *name)
                    .map(|f| f.value.clone())
                    .unwrap_or_default()
            }));
        write_row(&mut out, cells);
    }
    out
}

fn task_cells(task: &Task) -> [String; 17] {
    let id = |id: Option<&str>| id.unwrap_or_default().to_owned();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    // Status keys are written as words ("in-progress"); the importer maps them back to the same key.
    let status = task.status.as_str().to_lowercase().replace(' ', "-");
    [
        task.id.to_string(),
        id(task.phase.as_ref().map(PhaseId::as_str)),
        task.title.clone(),
        task.owner.clone(),
        status,
        task.priority.map(|p| p.to_string()).unwrap_or_default(),
        task.depends_on
            .iter()
            .map(TaskId::as_str)
            .collect::<Vec<_>>()
            .join("|"),
        task.estimate
            .hours
            .map(|h| h.to_string())
            .unwrap_or_default(),
        date(task.completed),
        task.artifacts.join("|"),
        task.verification.clone(),
        task.notes.clone(),
        task.hints.clone(),
        id(task.sprint.as_ref().map(SprintId::as_str)),
        id(task.parent.as_ref().map(TaskId::as_str)),
        date(task.start),
        date(task.due),
    ]
}

fn optional_cell(task: &Task, name: &str) -> String {
    match name {
        "description" => task.description.clone(),
        "tags" => task.tags.join("|"),
        "story_points" => task
            .estimate
            .points
            .map(|p| p.to_string())
            .unwrap_or_default(),
        _ => task
            .checklist
            .iter()
            .map(|item| format!("[{}] {}", if item.done { "x" } else { " " }, item.text))
            .collect::<Vec<_>>()
            .join("|"),
    }
}

fn write_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (index, cell) in cells.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        let cell = neutralise(&cell);
        let needs_quotes = cell.contains([',', '"', '\n', '\r', ';', '\t'])
            || cell.starts_with(char::is_whitespace)
            || cell.ends_with(char::is_whitespace)
            || (index == 0 && cell.starts_with('#'));
        if needs_quotes {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push('\n');
}
