//! Building a plan from CSV rows: header by meaning, one task per record, preamble as metadata.

use super::columns::Column;
use super::reader::{Row, read_table};
use super::{MAX_ROWS, SECTION_FIELD, preamble, unneutralise};
use crate::io::repair_mojibake;
use crate::io::{ImportError, ImportReport, Imported, builtin_category, recognise_status};
use crate::model::{
    ChecklistItem, Field, NoteSection, Phase, PhaseId, Plan, Priority, Sprint, SprintId,
    StatusCategory, StatusDef, StatusKey, Task, TaskId,
};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Reads a CSV task table (comma, semicolon or tab separated; `#` comments; quoted cells; `|` lists).
/// Each record becomes exactly one task. Problems that can be worked around are warnings with lines.
pub fn import_csv(text: &str) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let table = read_table(text)?;
    let mut builder = Builder::new(table.delimiter);
    for (line, message) in table.warnings {
        builder.report.warn(Some(line), message);
    }
    let mut preamble_texts = Vec::new();
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
                builder.header(line, &cells)?;
            }
            Row::Record { line, cells } => builder.record(line, &cells)?,
        }
    }
    if builder.columns.is_none() {
        return Err(ImportError::Empty(
            "the CSV has no header row (a line naming the columns, such as id,task,status)"
                .to_owned(),
        ));
    }
    preamble::read_preamble(&preamble_texts, &mut builder.plan);
    Ok(builder.finish())
}

/// A cell as text: the formula guard removed, mojibake repaired.
fn clean(cell: &str) -> String {
    repair_mojibake(unneutralise(cell)).into_owned()
}

/// Where a column's cells go.
#[derive(Clone, Debug)]
enum Target {
    Known(Column),
    Field(String),
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
        }
    }

    fn header(&mut self, line: usize, cells: &[String]) -> Result<(), ImportError> {
        let mut used = HashSet::new();
        let columns: Vec<Target> = cells
            .iter()
            .enumerate()
            .map(|(index, cell)| {
                let name = clean(cell);
                match Column::from_header(&name) {
                    Some(column) if used.insert(column) => Target::Known(column),
                    _ if name.is_empty() => Target::Field(format!("Column {}", index + 1)),
                    _ => Target::Field(name),
                }
            })
            .collect();
        if !used.contains(&Column::Id) && !used.contains(&Column::Title) {
            return Err(ImportError::Syntax {
                line,
                message: "the header row names no task column (expected id, task, title, name or summary)"
                    .to_owned(),
            });
        }
        self.columns = Some(columns);
        Ok(())
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
        for (target, cell) in columns.iter().zip(cells) {
            let value = clean(cell);
            if value.is_empty() {
                continue;
            }
            match target {
                Target::Known(Column::Status) => status_text = value,
                Target::Known(column) => self.set(&mut task, *column, value, line),
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
        task.status = self.status(&status_text, line);
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
        self.plan.tasks.push(task);
        self.lines.push(line);
        Ok(())
    }

    fn set(&mut self, task: &mut Task, column: Column, value: String, line: usize) {
        match column {
            Column::Id => task.id = TaskId(value),
            Column::Title => task.title = value,
            Column::Description => task.description = value,
            Column::Owner => task.owner = value,
            Column::Notes => task.notes = value,
            Column::Hints => task.hints = value,
            Column::Verification => task.verification = value,
            Column::Artifacts => task.artifacts = list(&value, &['|']),
            Column::Tags => task.tags = list(&value, &['|', ',', ';']),
            Column::Checklist => task.checklist = checklist(&value),
            Column::Dependencies if !is_placeholder(&value) => {
                task.depends_on = list(&value, &['|', ',', ';'])
                    .into_iter()
                    .map(TaskId)
                    .collect();
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
            Column::Completed | Column::Start | Column::Due => match date(&value) {
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
            | Column::Status => {}
        }
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
    fn status(&mut self, text: &str, line: usize) -> StatusKey {
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
        let category = builtin_category(text).unwrap_or_else(|| {
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
        for (task, line) in self.plan.tasks.iter().zip(&self.lines) {
            for dependency in &task.depends_on {
                if !self.ids.contains(dependency) {
                    self.report.warn(
                        Some(*line),
                        format!(
                            "{} depends on {dependency}, which is not in the file",
                            task.id
                        ),
                    );
                }
            }
            if let Some(parent) = task.parent.as_ref().filter(|p| !self.ids.contains(*p)) {
                self.report.warn(
                    Some(*line),
                    format!("the parent {parent} of {} is not in the file", task.id),
                );
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
        self.report.count(&self.plan);
        Imported {
            plan: self.plan,
            report: self.report,
        }
    }
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
        "" | "-" | "–" | "—" | "none" | "n/a" | "na" | "tbd"
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
    ["%Y-%m-%d", "%Y/%m/%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(value.trim(), format).ok())
}
