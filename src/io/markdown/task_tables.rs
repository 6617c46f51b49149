//! Task tables: a pipe table whose rows are tasks (`| Task | Owner | Status | Due |`).
//!
//! Columns are recognised by what their header means, whatever the wording ("Story", "Assigned
//! to", "% Complete", "Blocked by"). A table is a task table when it has a title column and at
//! least one column of status, owner, progress, id, dates or priority, and no register claimed it
//! first (a register claims it only when its own column, such as "Risk", is or precedes the title).
//! A row holding only a sprint or phase name (`| **Sprint 2** | | |`) opens that sprint or phase
//! for the rows below it; a row holding only another name in bold (`| **Backend** | | |`) opens a
//! group below the heading's. Several status columns ("iOS status", "Web status") give one task
//! with every status kept as a field and the least advanced one as its status. Any other column is
//! read as a task field of that name, so nothing is lost.

use super::headings::{self, Kind};
use super::import::{Builder, Ctx};
use super::values::{amount, is_placeholder, multi_line, unbold};
use crate::model::{Field, Phase, PhaseId, SprintId, StatusCategory, StatusKey};

/// What a column of a task table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
    /// The task's title.
    Title,
    /// The task's id.
    Id,
    /// A status (a table may have several, one per team).
    Status,
    /// Percent complete.
    Progress,
    /// Owner, assignee or team.
    Owner,
    /// Start date.
    Start,
    /// Due, finish or target date.
    Due,
    /// Priority.
    Priority,
    /// Free notes.
    Notes,
    /// Description.
    Description,
    /// The sprint the task is planned in.
    Sprint,
    /// The phase (module, epic) the task belongs to.
    Phase,
    /// Story points.
    Points,
    /// Hours or another estimate.
    Estimate,
    /// Prerequisites.
    Dependencies,
    /// Anything else: read as a task field named by the header.
    Other,
    /// A second column of a meaning other than status ("Owner" then "Assignee"): kept as a field,
    /// named so that it is never read as that meaning again.
    Again,
}

/// The columns of a task table.
pub(super) struct Layout {
    /// What each column holds, in header order.
    columns: Vec<Column>,
    /// The header of each column as written (emphasis removed; "Column 3" when blank).
    names: Vec<String>,
    /// The title column.
    title: usize,
    /// The id column, if any.
    id: Option<usize>,
    /// Whether there are several status columns (one per team): each is kept as a field.
    several_statuses: bool,
    /// Whether the title column names tasks in words only task tables use ("Task", "Story",
    /// not "Name").
    names_tasks: bool,
}

impl Layout {
    /// Whether the header names tasks in words only task tables use: such a table is read as
    /// tasks even when a column names phases or planned dates, which would otherwise make it an
    /// overall-progress or velocity table.
    pub(super) fn names_tasks(&self) -> bool {
        self.names_tasks
    }

    /// The title column.
    pub(super) fn title(&self) -> usize {
        self.title
    }
}

/// Words that name a task's title.
const TITLE_WORDS: [&str; 10] = [
    "task",
    "story",
    "feature",
    "title",
    "item",
    "deliverable",
    "summary",
    "activity",
    "work",
    "name",
];

/// The layout of a task table with this header, or `None` when the header is not one.
pub(super) fn layout(header: &[String]) -> Option<Layout> {
    let mut columns: Vec<Column> = Vec::with_capacity(header.len());
    let mut words = Vec::new();
    // The meanings seen so far, one bit each.
    let mut seen = 0u32;
    for cell in header {
        words.clear();
        header_words(cell, &mut words);
        let mut column = meaning(&words);
        // One column per meaning; a second title or owner column is a field of its own.
        let bit = 1u32 << (column as u32);
        if !matches!(column, Column::Status | Column::Other) && seen & bit != 0 {
            column = Column::Again;
        }
        seen |= bit;
        columns.push(column);
    }
    let title = columns.iter().position(|c| *c == Column::Title)?;
    let describes_tasks = columns.iter().any(|c| {
        matches!(
            c,
            Column::Status
                | Column::Owner
                | Column::Progress
                | Column::Id
                | Column::Start
                | Column::Due
                | Column::Priority
        )
    });
    if !describes_tasks {
        return None;
    }
    words.clear();
    header_words(&header[title], &mut words);
    let names_tasks = words
        .iter()
        .any(|w| w != "name" && TITLE_WORDS.contains(&w.as_str()));
    let names = header
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            // A field's name holds no `*` (it is written in bold).
            let name = cell.replace('*', "");
            let name = name.trim_matches(['_', ':', ' ']);
            if name.is_empty() {
                format!("Column {}", i + 1)
            } else {
                name.to_owned()
            }
        })
        .collect();
    let several_statuses = columns.iter().filter(|c| **c == Column::Status).count() > 1;
    Some(Layout {
        id: columns.iter().position(|c| *c == Column::Id),
        several_statuses,
        columns,
        names,
        title,
        names_tasks,
    })
}

/// The lower-case words of a header cell; `%` and `#` count as words.
fn header_words(cell: &str, words: &mut Vec<String>) {
    let mut word = String::new();
    for c in cell.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            if matches!(c, '%' | '#') {
                words.push(c.to_string());
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
}

/// What a header (as words) means. The order matters: "Task ID" is an id, "Task status" a
/// status, "Story points" an estimate; a title is whatever names the task and nothing else.
fn meaning(words: &[String]) -> Column {
    let any = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let phrase = |a: &str, b: &str| words.windows(2).any(|pair| pair[0] == a && pair[1] == b);
    let last = words.last().map_or("", String::as_str);
    if (words.len() <= 2 && matches!(last, "id" | "#" | "key" | "ref"))
        || matches!(words, [only] if only == "no" || only == "number")
    {
        Column::Id
    } else if any(&[
        "depends",
        "dependency",
        "dependencies",
        "prerequisites",
        "requires",
    ]) || phrase("blocked", "by")
    {
        Column::Dependencies
    } else if any(&["status", "state"]) {
        Column::Status
    } else if any(&["%", "progress", "percent"]) {
        Column::Progress
    } else if any(&[
        "owner",
        "assignee",
        "assigned",
        "who",
        "responsible",
        "team",
    ]) {
        Column::Owner
    } else if any(&["start", "starts", "begin", "begins"]) {
        Column::Start
    } else if any(&["finish", "end", "ends", "due", "target", "deadline", "eta"]) {
        Column::Due
    } else if any(&["priority", "prio"]) {
        Column::Priority
    } else if any(&["notes", "note", "comments", "comment", "remarks"]) {
        Column::Notes
    } else if any(&["description", "details"]) {
        Column::Description
    } else if any(&["sprint", "iteration"]) {
        Column::Sprint
    } else if any(&["phase", "module", "epic", "stage"]) {
        Column::Phase
    } else if any(&["points", "pts", "sp"]) {
        Column::Points
    } else if any(&["estimate", "est", "estimated", "hours", "effort"]) {
        Column::Estimate
    } else if any(&TITLE_WORDS) {
        Column::Title
    } else {
        Column::Other
    }
}

/// How far along a status category is, for the least advanced of several statuses: work not
/// started, then blocked, then under way, then done; dropped work holds nothing back.
fn advancement(category: StatusCategory) -> u8 {
    match category {
        StatusCategory::NotStarted => 0,
        StatusCategory::Blocked => 1,
        StatusCategory::Active => 2,
        StatusCategory::Done => 3,
        StatusCategory::Dropped => 4,
    }
}

/// A sprint or phase cell's name: a number (`2`, `3.1 Polish`) is the sprint's or phase's number.
fn numbered(word: &str, text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or_default();
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{word} {text}")
    } else {
        text.to_owned()
    }
}

/// A cell's text, or `None` for "not applicable" (`-`, `—`, `n/a`, blank and the other
/// placeholders).
fn value(cells: &[String], at: usize) -> Option<&str> {
    cells
        .get(at)
        .map(String::as_str)
        .filter(|cell| !is_placeholder(cell))
}

/// What rows of a task table opened for the rows below them.
#[derive(Default)]
struct Opened {
    /// A phase (index into the plan's phases).
    phase: Option<usize>,
    /// A sprint.
    sprint: Option<SprintId>,
    /// A group (`| **Backend** | | |`), below the heading's.
    group: Option<String>,
}

impl Builder {
    /// Reads the data rows of a task table: `(line number, raw line, cells)` each.
    pub(super) fn task_table(&mut self, layout: &Layout, rows: &[(usize, &str, Vec<String>)]) {
        let line = self.line;
        let parent = match self.ctx() {
            Ctx::HeadingTask(task) => Some(task),
            _ => None,
        };
        let mut opened = Opened::default();
        for (number, raw, cells) in rows {
            let number = *number;
            self.line = number;
            if self.opens_structure(layout, cells, parent.is_none(), &mut opened) {
                continue;
            }
            let id = layout.id.and_then(|at| value(cells, at));
            let title = value(cells, layout.title).or(id);
            let Some(title) = title else {
                self.report.warn(
                    Some(number),
                    "a task table row without a title was kept as a note",
                );
                self.keep(raw, number);
                continue;
            };
            let status = self.row_status(layout, cells, number);
            let task = self.new_task(title, &status, parent);
            if let Some(name) = &opened.group {
                let made = &mut self.tasks[task];
                made.group = if made.group.is_empty() {
                    name.clone()
                } else {
                    format!("{} / {name}", made.group)
                };
            }
            self.task_refs[task].phase_index = opened.phase;
            if let Some(sprint) = &opened.sprint {
                self.tasks[task].sprint = Some(sprint.clone());
            }
            self.row_fields(layout, cells, task, number);
        }
        self.line = line;
        self.mark_used();
    }

    /// A row that holds only a sprint or phase name opens it for the rows below; one that holds
    /// only another name in bold (`| **Backend** | | |`) opens a group, when the rows may have one
    /// (`grouped`: they are no heading task's subtasks). True when so.
    fn opens_structure(
        &mut self,
        layout: &Layout,
        cells: &[String],
        grouped: bool,
        opened: &mut Opened,
    ) -> bool {
        let mut filled = cells.iter().enumerate().filter(|(_, c)| !is_placeholder(c));
        let (Some((at, text)), None) = (filled.next(), filled.next()) else {
            return false;
        };
        if at != layout.title && at != 0 {
            return false;
        }
        let plain = unbold(text.trim());
        let heading = headings::analyse(plain);
        match heading.kind {
            Kind::Sprint => {
                let index = self.sprint_for(&heading);
                opened.sprint = Some(self.plan.sprints[index].id.clone());
                opened.group = None;
            }
            Kind::Phase => {
                opened.phase = Some(self.phase_for(&heading));
                opened.group = None;
            }
            Kind::Milestone => return false,
            _ if grouped && plain != text.trim() && !heading.name.is_empty() => {
                opened.group = Some(heading.name);
            }
            _ => return false,
        }
        true
    }

    /// The status of a row: its status cell, the least advanced of several, or what its progress
    /// says; not started when the row says nothing.
    fn row_status(&mut self, layout: &Layout, cells: &[String], number: usize) -> StatusKey {
        let mut least: Option<(u8, StatusKey)> = None;
        let mut progress = None;
        for (at, column) in layout.columns.iter().enumerate() {
            let Some(text) = value(cells, at) else {
                continue;
            };
            match column {
                Column::Status => {
                    let key = self.status_key(text, number);
                    let rank = advancement(self.plan.category(&key));
                    if least.as_ref().is_none_or(|(best, _)| rank < *best) {
                        least = Some((rank, key));
                    }
                }
                Column::Progress => progress = amount(text).0,
                _ => {}
            }
        }
        if let Some((_, key)) = least {
            return key;
        }
        let category = match progress {
            Some(percent) if percent >= 100.0 => StatusCategory::Done,
            Some(percent) if percent > 0.0 => StatusCategory::Active,
            _ => StatusCategory::NotStarted,
        };
        self.category_status(category)
    }

    /// Every cell of a row but its title (and single status) given to the task.
    fn row_fields(&mut self, layout: &Layout, cells: &[String], task: usize, number: usize) {
        let several = layout.several_statuses;
        for (at, cell) in cells.iter().enumerate() {
            if is_placeholder(cell) {
                continue;
            }
            let column = layout.columns.get(at).copied();
            let name = layout
                .names
                .get(at)
                .cloned()
                .unwrap_or_else(|| format!("Column {}", at + 1));
            let key = match column {
                Some(Column::Title) => continue,
                Some(Column::Status) if !several => continue,
                Some(Column::Id) => {
                    // An id holds no white space or braces (it is written as `{#id}`), nor what
                    // separates the ids of a dependency list.
                    let id = unbold(cell.trim()).trim_matches(['`', '.']);
                    let id: Vec<&str> = id
                        .split(|c: char| {
                            c.is_whitespace() || matches!(c, '{' | '}' | ',' | ';' | '"')
                        })
                        .filter(|p| !p.is_empty())
                        .collect();
                    let id = id.join("-");
                    let id = id.trim_end_matches('.');
                    if !id.is_empty() {
                        self.task_refs[task].explicit_id = Some(id.to_owned());
                    }
                    continue;
                }
                Some(Column::Sprint) => {
                    let text = numbered("Sprint", unbold(cell.trim()));
                    let refs = &mut self.task_refs[task];
                    refs.sprint_ref = Some((text, number));
                    refs.create_sprint = true;
                    continue;
                }
                Some(Column::Phase) => {
                    let phase = self.table_phase(&numbered("Phase", unbold(cell.trim())));
                    self.task_refs[task].phase_index = Some(phase);
                    continue;
                }
                Some(Column::Progress) => {
                    self.tasks[task].fields.push(Field {
                        name,
                        value: multi_line(cell),
                    });
                    continue;
                }
                // A field named plain "Status" would be the task's status when read back.
                Some(Column::Again | Column::Status) => {
                    let name =
                        if column == Some(Column::Status) && !name.eq_ignore_ascii_case("status") {
                            name
                        } else {
                            format!("{name} (column {})", at + 1)
                        };
                    self.tasks[task].fields.push(Field {
                        name,
                        value: multi_line(cell),
                    });
                    continue;
                }
                // Read as a field of that name: "Tags" or "Completed" still mean what they mean
                // under a task, anything else is kept.
                Some(Column::Other) | None => {
                    self.task_field(task, &name, cell, number);
                    continue;
                }
                Some(Column::Owner) => "owner",
                Some(Column::Start) => "start",
                Some(Column::Due) => "due",
                Some(Column::Priority) => "priority",
                Some(Column::Notes) => "notes",
                Some(Column::Description) => "description",
                Some(Column::Points) => "points",
                Some(Column::Estimate) => "estimate",
                Some(Column::Dependencies) => "depends on",
            };
            let before = self.tasks[task].fields.len();
            self.task_field(task, key, cell, number);
            // A value the field could not take is kept under the table's own header.
            for field in &mut self.tasks[task].fields[before..] {
                if field.name == key {
                    field.name.clone_from(&name);
                }
            }
        }
    }

    /// The phase a table names (by id or name), added to the plan when it has none of that name;
    /// a phase heading later in the document is merged with it.
    pub(super) fn table_phase(&mut self, name: &str) -> usize {
        let id = headings::analyse(name).id;
        let by_name = self.phase_named(&name.to_lowercase());
        let found = match (by_name, self.phase_with_id(&id)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        found.unwrap_or_else(|| {
            self.plan.phases.push(Phase {
                id: PhaseId(id),
                name: name.to_owned(),
                ..Phase::default()
            });
            self.from_table.push(true);
            self.plan.phases.len() - 1
        })
    }
}
