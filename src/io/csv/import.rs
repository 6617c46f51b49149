//! Building a plan from CSV rows: header by meaning, one task per record, preamble as metadata.

use super::columns::Column;
use super::mapping::{CsvChoice, CsvMapping, default_choices, guesses, header_line, names};
use super::reader::{Row, read_table};
use super::trackers::Tracker;
use super::{MAX_ROWS, SECTION_FIELD, preamble, unneutralise};
use crate::io::repair_mojibake;
use crate::io::settle::{self, UNRESOLVED_DEPENDENCIES, UNRESOLVED_PARENT};
use crate::io::{ImportError, ImportReport, Imported, builtin_category, recognise_status};
use crate::model::{
    ChecklistItem, Field, NoteSection, Phase, PhaseId, Plan, Priority, Sprint, SprintId,
    StatusCategory, StatusDef, StatusKey, Task, TaskId, ThreePoint,
};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::io::markdown::dates::{DayOrder, ambiguous_dates_warning, full_date};

/// Reads a CSV task table (comma, semicolon or tab separated; `#` comments; quoted cells; `|` lists).
/// Each record becomes exactly one task. Problems that can be worked around are warnings with lines.
pub fn import_csv(text: &str) -> Result<Imported, ImportError> {
    import_with(text, None)
}

/// Reads a CSV task table like [`import_csv`], each column read as `mapping` chooses (the header row is
/// the one [`csv_columns`](super::csv_columns) shows).
pub fn import_csv_mapped(text: &str, mapping: &CsvMapping) -> Result<Imported, ImportError> {
    import_with(text, Some(mapping))
}

fn import_with(text: &str, mapping: Option<&CsvMapping>) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let table = read_table(text)?;
    let chosen = mapping.and_then(|m| Some((header_line(&table.rows)?, m.choices.as_slice())));
    let mut builder = Builder::new(table.delimiter);
    builder.day_order = DayOrder::of(&text.lines().collect::<Vec<_>>());
    // Room for a task per row at once: growing the id set and line list row by row rehashes and
    // copies them again and again, which costs more per row the larger they get.
    builder.ids.reserve(table.rows.len());
    builder.lines.reserve(table.rows.len());
    builder.indents = table.indents.into_iter().collect();
    for (line, message) in table.warnings {
        builder.report.warn(Some(line), message);
    }
    let mut preamble_texts = Vec::new();
    let mut first_record = None;
    for row in table.rows {
        match row {
            Row::Comment { text, .. } if builder.columns.is_none() => {
                preamble_texts.push(clean(&text));
            }
            Row::Comment { text, .. } => {
                if !text.is_empty() {
                    builder.section.push(clean(&text));
                }
            }
            Row::Record { line, cells } if builder.columns.is_none() => {
                first_record.get_or_insert(line);
                let choices = match chosen {
                    Some((header, choices)) if header == line => Some(choices),
                    Some(_) => None,
                    None => {
                        if builder.header(&cells, None) {
                            continue;
                        }
                        None
                    }
                };
                if let Some(choices) = choices {
                    builder.header(&cells, Some(choices));
                    continue;
                }
                if line > HEADER_SEARCH_LINES {
                    break;
                }
                // A title, a counter or a sort note above the header: kept with the preamble.
                let kept: Vec<String> = cells
                    .iter()
                    .map(|c| clean(c).trim().to_owned())
                    .filter(|c| !c.is_empty())
                    .collect();
                if !kept.is_empty() {
                    builder.report.warn(
                        Some(line),
                        "a line above the header row was kept with the plan's details (preamble)",
                    );
                    preamble_texts.push(kept.join(" "));
                }
            }
            Row::Record { line, cells } => builder.record(line, &cells)?,
        }
    }
    if builder.columns.is_none() {
        return Err(match first_record {
            Some(line) => ImportError::Syntax {
                line,
                message: format!(
                    "no header row naming a task column (id, task, title, name or summary) in the first {HEADER_SEARCH_LINES} lines"
                ),
            },
            None => ImportError::Empty(
                "the CSV has no header row (a line naming the columns, such as id,task,status)"
                    .to_owned(),
            ),
        });
    }
    preamble::read_preamble(&preamble_texts, &mut builder.plan);
    Ok(builder.finish())
}

/// How far down the header row is looked for.
pub(super) const HEADER_SEARCH_LINES: usize = 20;

/// A cell as text: the formula guard removed, mojibake repaired.
pub(super) fn clean(cell: &str) -> String {
    cleaned(cell).into_owned()
}

/// A cell as text, like [`clean`], copied only when something was taken away or repaired.
fn cleaned(cell: &str) -> Cow<'_, str> {
    repair_mojibake(unneutralise(cell))
}

/// Where a column's cells go.
#[derive(Clone, Debug)]
enum Target {
    Known(Column),
    Field(String),
    Ignored,
}

struct Builder {
    plan: Plan,
    report: ImportReport,
    delimiter: char,
    columns: Option<Vec<Target>>,
    /// Statuses of the legend the plan started with; well-known words map only onto these.
    base_legend: usize,
    /// Comment lines since the last record: a section title for the next task.
    section: Vec<String>,
    ids: HashSet<TaskId>,
    phases: HashSet<PhaseId>,
    sprints: HashSet<SprintId>,
    lines: Vec<usize>,
    next_generated: usize,
    /// For ids used more than once: the next number to try as a suffix (`A-2`, `A-3`…).
    next_suffix: HashMap<TaskId, usize>,
    /// The tracker whose export this is, when recognised.
    tracker: Option<Tracker>,
    /// Leading spaces of unquoted cells, by record line.
    indents: HashMap<usize, Vec<usize>>,
    /// Tasks nested by the indent of their title: (indent, task index), innermost last.
    outline: Vec<(usize, usize)>,
    /// Per task: the tasks it blocks, as written (resolved at the end).
    blocks: Vec<Vec<String>>,
    /// `Order` cells, when they are not the ids: the value and its task.
    orders: HashMap<String, usize>,
    /// Dates read from Jira's `15/Feb/26 4:37 PM` form.
    jira_dates: usize,
    /// The order of the file's slash dates (`25/03/2026` or `03/25/2026`).
    day_order: DayOrder,
    /// Slash dates that could be read either way (read day first).
    ambiguous_dates: usize,
}

impl Builder {
    fn new(delimiter: char) -> Self {
        let plan = Plan::default();
        Self {
            base_legend: plan.legend.len(),
            plan,
            report: ImportReport {
                format: "CSV".to_owned(),
                ..ImportReport::default()
            },
            delimiter,
            columns: None,
            section: Vec::new(),
            ids: HashSet::new(),
            phases: HashSet::new(),
            sprints: HashSet::new(),
            lines: Vec::new(),
            next_generated: 1,
            next_suffix: HashMap::new(),
            tracker: None,
            indents: HashMap::new(),
            outline: Vec::new(),
            blocks: Vec::new(),
            orders: HashMap::new(),
            jira_dates: 0,
            day_order: DayOrder::Undecided,
            ambiguous_dates: 0,
        }
    }

    /// Reads `cells` as the header row, each column as `choices` says (by default, by its name); false
    /// (and nothing changes) when no choices are given and the cells name no task column.
    fn header(&mut self, cells: &[String], choices: Option<&[CsvChoice]>) -> bool {
        let mapped = choices.is_some();
        let names = names(cells);
        let (guesses, tracker) = guesses(&names);
        let choices: Cow<'_, [CsvChoice]> =
            choices.map_or_else(|| Cow::Owned(default_choices(&guesses)), Cow::Borrowed);
        let mut used = HashSet::new();
        let mut columns: Vec<Target> = names
            .iter()
            .enumerate()
            .map(|(index, name)| {
                match choices.get(index).copied().unwrap_or(CsvChoice::Keep) {
                    // Repeated columns (Jira writes one per label, sprint or link) are all read.
                    CsvChoice::Field(column) if column.repeats() || used.insert(column) => {
                        Target::Known(column)
                    }
                    CsvChoice::Ignore => Target::Ignored,
                    _ if name.is_empty() => Target::Field(format!("Column {}", index + 1)),
                    _ => Target::Field(name.clone()),
                }
            })
            .collect();
        let has_id = used.contains(&Column::Id);
        if !has_id && !used.contains(&Column::Title) && !mapped {
            return false;
        }
        if !has_id {
            // An `Order` column gives the ids when nothing else does.
            if let Some(target) = columns
                .iter_mut()
                .find(|t| matches!(t, Target::Known(Column::Order)))
            {
                *target = Target::Known(Column::Id);
            }
        }
        self.summarise_columns(&names, &columns);
        self.tracker = tracker;
        self.columns = Some(columns);
        true
    }

    /// The report's lines on what each column became.
    fn summarise_columns(&mut self, names: &[String], columns: &[Target]) {
        let mut fields = Vec::new();
        let mut ignored = Vec::new();
        for (name, target) in names.iter().zip(columns) {
            match target {
                Target::Known(column) => self
                    .report
                    .summary
                    .push(format!("column \"{name}\" → {}", column.meaning())),
                Target::Field(field) => fields.push(format!("\"{field}\"")),
                Target::Ignored => ignored.push(format!("\"{name}\"")),
            }
        }
        if !fields.is_empty() {
            self.report
                .summary
                .push(format!("kept as task fields: {}", fields.join(", ")));
        }
        if !ignored.is_empty() {
            self.report
                .summary
                .push(format!("columns ignored: {}", ignored.join(", ")));
        }
    }

    fn record(&mut self, line: usize, cells: &[String]) -> Result<(), ImportError> {
        if cells.iter().all(|c| c.trim().is_empty()) {
            return Ok(());
        }
        if self.plan.tasks.len() >= MAX_ROWS {
            return Err(ImportError::Syntax {
                line,
                message: format!("the table has more than {MAX_ROWS} rows; split the file"),
            });
        }
        let columns = self.columns.take().unwrap_or_default();
        let mut task = Task::default();
        let mut status_text = String::new();
        let mut category_text = String::new();
        let mut three = [None; 3];
        let mut blocks = Vec::new();
        let mut order = None;
        let mut title_indent = 0;
        if cells.len() != columns.len() {
            let what = if cells.len() < columns.len() {
                "the missing cells are empty"
            } else {
                "the extra cells are kept in the field \"Extra cells\""
            };
            self.report.warn(
                Some(line),
                format!(
                    "{} cells where the header has {}; {what}",
                    cells.len(),
                    columns.len()
                ),
            );
        }
        let leads = self.indents.remove(&line).unwrap_or_default();
        for (index, (target, cell)) in columns.iter().zip(cells).enumerate() {
            let cleaned = cleaned(cell);
            let value = cleaned.trim();
            if value.is_empty() {
                continue;
            }
            let value = value.to_owned();
            match target {
                Target::Known(Column::Status) => status_text = value,
                Target::Known(Column::StatusCategory) => category_text = value,
                Target::Known(Column::Title) => {
                    title_indent = leads.get(index).copied().unwrap_or(0) + cleaned.len()
                        - cleaned.trim_start().len();
                    task.title = value;
                }
                Target::Known(
                    column @ (Column::Optimistic | Column::Likely | Column::Pessimistic),
                ) => {
                    let slot = match column {
                        Column::Optimistic => 0,
                        Column::Likely => 1,
                        _ => 2,
                    };
                    match number(&value) {
                        Some(n) => three[slot] = Some(n),
                        None if is_placeholder(&value) => {}
                        None => self.keep_unread(&mut task, "estimate", value, line),
                    }
                }
                Target::Known(Column::Blocks) if !is_placeholder(&value) => {
                    blocks.extend(list(&value, &['|', ',', ';']));
                }
                Target::Known(Column::Order) => {
                    order = Some(value.clone());
                    task.fields.push(Field {
                        name: "Order".to_owned(),
                        value,
                    });
                }
                Target::Known(column) => self.set(&mut task, *column, value, line),
                Target::Ignored => {}
                Target::Field(name) => task.fields.push(Field {
                    name: name.clone(),
                    value,
                }),
            }
        }
        if cells.len() > columns.len() {
            let extra: Vec<String> = cells[columns.len()..].iter().map(|c| clean(c)).collect();
            task.fields.push(Field {
                name: "Extra cells".to_owned(),
                value: extra.join(&self.delimiter.to_string()),
            });
        }
        self.columns = Some(columns);
        task.status = self.status(&status_text, &category_text, line);
        if let Some(three) = three_point(three) {
            if task.estimate.hours.is_none() {
                task.estimate.hours = Some((three.pert() * 100.0).round() / 100.0);
            }
            task.estimate.three_point = Some(three);
        }
        if !self.section.is_empty() {
            task.fields.insert(
                0,
                Field {
                    name: SECTION_FIELD.to_owned(),
                    value: std::mem::take(&mut self.section).join("\n"),
                },
            );
        }
        self.give_id(&mut task, line);
        let index = self.plan.tasks.len();
        while self
            .outline
            .last()
            .is_some_and(|&(indent, _)| indent >= title_indent)
        {
            self.outline.pop();
        }
        if task.parent.is_none()
            && let Some(&(_, parent)) = self.outline.last()
        {
            task.parent = Some(self.plan.tasks[parent].id.clone());
        }
        self.outline.push((title_indent, index));
        if let Some(order) = order {
            self.orders.entry(order).or_insert(index);
        }
        self.blocks.push(blocks);
        self.plan.tasks.push(task);
        self.lines.push(line);
        Ok(())
    }

    fn set(&mut self, task: &mut Task, column: Column, value: String, line: usize) {
        match column {
            Column::Id => task.id = TaskId(value),
            Column::Description => task.description = value,
            Column::Owner => task.owner = value,
            Column::Notes => task.notes = value,
            Column::Hints => task.hints = value,
            Column::Verification => task.verification = value,
            Column::Artifacts => task.artifacts = list(&value, &['|']),
            Column::Tags => task.tags.extend(list(&value, &['|', ',', ';'])),
            Column::Group => task.group = value,
            Column::Checklist => task.checklist = checklist(&value),
            Column::Dependencies if !is_placeholder(&value) => {
                task.depends_on
                    .extend(list(&value, &['|', ',', ';']).into_iter().map(TaskId));
            }
            Column::Parent if !is_placeholder(&value) => task.parent = Some(TaskId(value)),
            Column::Phase if !is_placeholder(&value) => {
                let id = PhaseId(value.clone());
                if self.phases.insert(id.clone()) {
                    self.plan.phases.push(Phase {
                        id: id.clone(),
                        name: value,
                        ..Phase::default()
                    });
                }
                task.phase = Some(id);
            }
            Column::Sprint if !is_placeholder(&value) => {
                let id = SprintId(value.clone());
                if self.sprints.insert(id.clone()) {
                    self.plan.sprints.push(Sprint {
                        id: id.clone(),
                        name: value,
                        ..Sprint::default()
                    });
                }
                task.sprint = Some(id);
            }
            Column::Priority => match Priority::parse(&value) {
                Some(priority) => task.priority = Some(priority),
                None => self.keep_unread(task, "priority", value, line),
            },
            Column::Hours | Column::Points => match number(&value) {
                Some(n) if column == Column::Hours => task.estimate.hours = Some(n),
                Some(n) => task.estimate.points = Some(n),
                None if is_placeholder(&value) => {}
                None => self.keep_unread(task, "estimate", value, line),
            },
            Column::Completed | Column::Start | Column::Due => match self.date(&value) {
                Some(d) if column == Column::Completed => task.completed = Some(d),
                Some(d) if column == Column::Start => task.start = Some(d),
                Some(d) => task.due = Some(d),
                None if is_placeholder(&value) => {}
                None => self.keep_unread(task, "date", value, line),
            },
            // Placeholders ("-", "None", "TBD") in reference columns; statuses are read by the caller.
            Column::Dependencies
            | Column::Parent
            | Column::Phase
            | Column::Sprint
            | Column::Status
            | Column::StatusCategory
            | Column::Title
            | Column::Blocks
            | Column::Optimistic
            | Column::Likely
            | Column::Pessimistic
            | Column::Order => {}
        }
    }

    /// A date in any of the forms trackers write; Jira's `15/Feb/26 4:37 PM` is counted for the report.
    fn date(&mut self, value: &str) -> Option<NaiveDate> {
        if let Some(d) = date(value) {
            return Some(d);
        }
        // A spreadsheet's `25/03/2026` or `3/25/2026 14:00`, in the order the file's dates show.
        let value = value.trim();
        let day = match value.split_once(' ') {
            Some((day, time)) if time.contains(':') => day,
            _ => value,
        };
        if let Some((d, ambiguous)) = full_date(day, self.day_order) {
            self.ambiguous_dates += usize::from(ambiguous);
            return Some(d);
        }
        let d = jira_date(value)?;
        self.jira_dates += 1;
        Some(d)
    }

    /// A value that could not be read as its column's type: kept as a field, with a warning.
    fn keep_unread(&mut self, task: &mut Task, what: &str, value: String, line: usize) {
        self.report.warn(
            Some(line),
            format!("\"{value}\" is not a {what} Waymark can read; kept as a field"),
        );
        task.fields.push(Field {
            name: what.to_owned(),
            value,
        });
    }

    /// The legend key for a written status; a status the legend lacks gets a legend entry.
    fn status(&mut self, text: &str, category_text: &str, line: usize) -> StatusKey {
        let legend = &self.plan.legend;
        if text.is_empty() {
            return self
                .plan
                .first_status_in(StatusCategory::NotStarted)
                .cloned()
                .unwrap_or_default();
        }
        if let Some(key) = crate::io::find_in_legend(legend, text)
            .or_else(|| recognise_status(&legend[..self.base_legend], text))
        {
            return key;
        }
        let word = crate::io::normalise_status(text);
        let hinted = (!category_text.is_empty())
            .then(|| builtin_category(category_text))
            .flatten();
        let category = builtin_category(text).or(hinted).unwrap_or_else(|| {
            self.report.warn(
                Some(line),
                format!("unknown status \"{text}\" added to the legend as not started"),
            );
            StatusCategory::NotStarted
        });
        let key = StatusKey(word.to_uppercase());
        let mut label: Vec<char> = word.chars().collect();
        if let Some(first) = label.first_mut() {
            *first = first.to_uppercase().next().unwrap_or(*first);
        }
        self.plan.legend.push(StatusDef {
            aliases: vec![text.to_owned()],
            ..StatusDef::new(
                key.as_str(),
                &label.into_iter().collect::<String>(),
                category,
                category_colour(category),
            )
        });
        key
    }

    fn give_id(&mut self, task: &mut Task, line: usize) {
        if task.id.as_str().is_empty() {
            loop {
                let id = TaskId(format!("TASK-{:03}", self.next_generated));
                self.next_generated += 1;
                if !self.ids.contains(&id) {
                    task.id = id;
                    break;
                }
            }
        } else if self.ids.contains(&task.id) {
            let original = task.id.clone();
            let next = self.next_suffix.entry(original.clone()).or_insert(2);
            while self.ids.contains(&TaskId(format!("{original}-{next}"))) {
                *next += 1;
            }
            task.id = TaskId(format!("{original}-{next}"));
            self.report.warn(
                Some(line),
                format!(
                    "the id {original} is used twice; this row became {}",
                    task.id
                ),
            );
        }
        self.ids.insert(task.id.clone());
    }

    fn finish(mut self) -> Imported {
        self.resolve_by_order_and_title();
        self.apply_blocks();
        for (task, line) in self.plan.tasks.iter_mut().zip(&self.lines) {
            let (known, unknown): (Vec<TaskId>, Vec<TaskId>) = std::mem::take(&mut task.depends_on)
                .into_iter()
                .partition(|dependency| self.ids.contains(dependency));
            task.depends_on = known;
            for dependency in &unknown {
                self.report.warn(
                    Some(*line),
                    format!(
                        "{} depends on {dependency}, which is not in the file",
                        task.id
                    ),
                );
            }
            if !unknown.is_empty() {
                let names: Vec<&str> = unknown.iter().map(TaskId::as_str).collect();
                settle::keep(&mut task.fields, UNRESOLVED_DEPENDENCIES, &names.join(", "));
            }
            if let Some(parent) = task.parent.take_if(|p| !self.ids.contains(p)) {
                self.report.warn(
                    Some(*line),
                    format!("the parent {parent} of {} is not in the file", task.id),
                );
                settle::keep(&mut task.fields, UNRESOLVED_PARENT, parent.as_str());
            }
        }
        if !self.section.is_empty() {
            self.plan.notes.push(NoteSection {
                heading: "Comments after the table".to_owned(),
                level: 2,
                body: self.section.join("\n"),
                ..NoteSection::default()
            });
        }
        let lines: Vec<Option<usize>> = self.lines.iter().copied().map(Some).collect();
        settle::settle(&mut self.plan, &mut self.report, &lines);
        if let Some(warning) = ambiguous_dates_warning(self.ambiguous_dates) {
            self.report.warn(None, warning);
        }
        if self.jira_dates > 0 {
            self.report.warn(
                None,
                if self.jira_dates == 1 {
                    "1 date in the form 15/Feb/26 4:37 PM read as a date (the time of day is not kept)"
                        .to_owned()
                } else {
                    format!(
                        "{} dates in the form 15/Feb/26 4:37 PM read as dates (the time of day is not kept)",
                        self.jira_dates
                    )
                },
            );
        }
        let with_parent = self
            .plan
            .tasks
            .iter()
            .filter(|t| t.parent.is_some())
            .count();
        self.report.summary.insert(
            0,
            format!(
                "{} rows → {} tasks ({with_parent} under a parent), {} phases, {} sprints",
                self.lines.len(),
                self.plan.tasks.len(),
                self.plan.phases.len(),
                self.plan.sprints.len()
            ),
        );
        if let Some(tracker) = self.tracker {
            self.report.recognised = tracker.describe(&self.plan);
        }
        self.report.count(&self.plan);
        Imported {
            plan: self.plan,
            report: self.report,
        }
    }
}

impl Builder {
    /// References that name no id but an `Order` value or exactly one task's title point at that task.
    fn resolve_by_order_and_title(&mut self) {
        let mut titles: HashMap<String, Option<usize>> = HashMap::new();
        for (index, task) in self.plan.tasks.iter().enumerate() {
            titles
                .entry(task.title.to_lowercase())
                .and_modify(|at| *at = None)
                .or_insert(Some(index));
        }
        let find = |ids: &HashSet<TaskId>, text: &str| -> Option<usize> {
            if ids.contains(&TaskId(text.to_owned())) {
                return None;
            }
            self.orders
                .get(text)
                .copied()
                .or_else(|| titles.get(&text.to_lowercase()).copied().flatten())
        };
        let mut changes = Vec::new();
        for (index, task) in self.plan.tasks.iter().enumerate() {
            let deps: Vec<(usize, usize)> = task
                .depends_on
                .iter()
                .enumerate()
                .filter_map(|(at, dep)| find(&self.ids, dep.as_str()).map(|to| (at, to)))
                .collect();
            let parent = task
                .parent
                .as_ref()
                .and_then(|p| find(&self.ids, p.as_str()));
            let blocks: Vec<(usize, usize)> = self.blocks[index]
                .iter()
                .enumerate()
                .filter_map(|(at, b)| find(&self.ids, b).map(|to| (at, to)))
                .collect();
            if !deps.is_empty() || parent.is_some() || !blocks.is_empty() {
                changes.push((index, deps, parent, blocks));
            }
        }
        for (index, deps, parent, blocks) in changes {
            for (at, to) in deps {
                self.plan.tasks[index].depends_on[at] = self.plan.tasks[to].id.clone();
            }
            if let Some(to) = parent {
                self.plan.tasks[index].parent = Some(self.plan.tasks[to].id.clone());
            }
            for (at, to) in blocks {
                self.blocks[index][at].clone_from(&self.plan.tasks[to].id.0);
            }
        }
    }

    /// "A blocks B" (Jira's outward links, Asana's Blocking column): B depends on A.
    fn apply_blocks(&mut self) {
        let index: HashMap<TaskId, usize> = self
            .plan
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        for (from, blocked) in std::mem::take(&mut self.blocks).into_iter().enumerate() {
            let id = self.plan.tasks[from].id.clone();
            for target in blocked {
                match index.get(&TaskId(target.clone())) {
                    Some(&to) if to != from => {
                        if !self.plan.tasks[to].depends_on.contains(&id) {
                            self.plan.tasks[to].depends_on.push(id.clone());
                        }
                    }
                    _ => {
                        self.report.warn(
                            Some(self.lines[from]),
                            format!("{id} blocks {target}, which is not in the file; kept in the field \"Blocks\""),
                        );
                        settle::keep(&mut self.plan.tasks[from].fields, "Blocks", &target);
                    }
                }
            }
        }
    }
}

/// The three-point estimate of a row's best, likely and worst cells, any missing one taken from the others.
fn three_point([optimistic, likely, pessimistic]: [Option<f64>; 3]) -> Option<ThreePoint> {
    let likely = likely.or_else(|| Some(f64::midpoint(optimistic?, pessimistic?)))?;
    Some(ThreePoint {
        optimistic: optimistic.unwrap_or(likely),
        likely,
        pessimistic: pessimistic.unwrap_or(likely),
    })
}

/// Jira's `15/Feb/26 4:37 PM` (or without the time).
fn jira_date(value: &str) -> Option<NaiveDate> {
    let day = value.split_whitespace().next()?;
    NaiveDate::parse_from_str(day, "%d/%b/%y").ok()
}

fn category_colour(category: StatusCategory) -> [u8; 3] {
    match category {
        StatusCategory::NotStarted => [0x8a, 0x93, 0xa0],
        StatusCategory::Active => [0x3b, 0x82, 0xf6],
        StatusCategory::Done => [0x22, 0xa0, 0x5a],
        StatusCategory::Blocked => [0xdc, 0x4a, 0x3c],
        StatusCategory::Dropped => [0x9c, 0x8a, 0x6e],
    }
}

fn is_placeholder(value: &str) -> bool {
    matches!(
        value.trim().to_lowercase().as_str(),
        "" | "-" | "–" | "—" | "none" | "n/a" | "na" | "tbd" | "no priority"
    )
}

fn list(value: &str, separators: &[char]) -> Vec<String> {
    value
        .split(separators)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

fn checklist(value: &str) -> Vec<ChecklistItem> {
    list(value, &['|'])
        .into_iter()
        .map(|item| {
            let done = ["[x]", "[X]"]
                .iter()
                .find_map(|mark| item.strip_prefix(mark));
            match done {
                Some(text) => ChecklistItem {
                    text: text.trim().to_owned(),
                    done: true,
                },
                None => ChecklistItem::new(item.strip_prefix("[ ]").unwrap_or(&item).trim()),
            }
        })
        .collect()
}

fn number(value: &str) -> Option<f64> {
    let trimmed = value
        .trim()
        .trim_end_matches(|c: char| c.is_alphabetic())
        .trim();
    trimmed.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    // ISO date-times (`2026-02-15T10:20:00Z`, `2026-02-15 10:20`) give their date.
    let day = value
        .get(..10)
        .filter(|_| value.len() == 10 || value[10..].starts_with(['T', ' ']))
        .unwrap_or(value);
    ["%Y-%m-%d", "%Y/%m/%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(day, format).ok())
        .or_else(|| NaiveDate::parse_from_str(value, "%b %d, %Y").ok())
}
