//! What every importer returns: the plan it built and a report of what it recognised and what it could not.

use super::TextError;
use crate::model::Plan;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use thiserror::Error;

/// Something an importer could not interpret, kept (as a note section or a raw field) and reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportWarning {
    /// The 1-based line in the source document, when there is one.
    pub line: Option<usize>,
    /// What was not understood and what was done with it.
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// What an import recognised.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// The format the document was read as ("Markdown", "CSV").
    pub format: String,
    /// Tasks created (subtasks included).
    pub tasks: usize,
    /// Checklist items created.
    pub checklist_items: usize,
    /// Phases created.
    pub phases: usize,
    /// Sprints created.
    pub sprints: usize,
    /// Milestones created.
    pub milestones: usize,
    /// Dependency edges recognised.
    pub dependencies: usize,
    /// Velocity records created.
    pub velocity_records: usize,
    /// Sections kept as free notes.
    pub note_sections: usize,
    /// What could not be interpreted, with lines.
    pub warnings: Vec<ImportWarning>,
    /// Dependency loops the source itself has (kept as written, named in the warnings).
    pub loops: usize,
    /// What became what, one line each ("12 checkbox items → tasks", "column \"Sprint\" → sprint").
    pub summary: Vec<String>,
    /// The tool whose export this was, when it was recognised ("Recognised a Jira export: 12 issues,
    /// 2 epics, 3 sub-tasks"); empty otherwise.
    pub recognised: String,
}

/// Warnings that say the same thing about different lines, counted once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarningGroup {
    /// The first warning's message.
    pub message: String,
    /// How many warnings the group holds.
    pub count: usize,
    /// Their lines, in order (warnings without a line add none).
    pub lines: Vec<usize>,
}

impl fmt::Display for WarningGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// Most lines a group names.
        const NAMED_LINES: usize = 6;
        let lines = |f: &mut fmt::Formatter<'_>| {
            let named: Vec<String> = self
                .lines
                .iter()
                .take(NAMED_LINES)
                .map(ToString::to_string)
                .collect();
            let more = if self.lines.len() > NAMED_LINES {
                ", …"
            } else {
                ""
            };
            write!(f, "{}{more}", named.join(", "))
        };
        match (self.count, self.lines.as_slice()) {
            (1, []) => f.write_str(&self.message),
            (1, _) => {
                f.write_str("line ")?;
                lines(f)?;
                write!(f, ": {}", self.message)
            }
            (count, []) => write!(f, "{count} times: {}", self.message),
            (count, _) => {
                write!(f, "{count} times (lines ")?;
                lines(f)?;
                write!(f, "), such as: {}", self.message)
            }
        }
    }
}

/// A warning's message with what differs between repeats of it (quoted text, numbers) blanked out.
fn warning_shape(message: &str) -> String {
    let mut shape = String::with_capacity(message.len());
    let mut quoted = false;
    let mut digits = false;
    for c in message.chars() {
        if c == '"' {
            quoted = !quoted;
            if quoted {
                shape.push_str("\"…");
            }
            continue;
        }
        if quoted {
            continue;
        }
        if c.is_ascii_digit() {
            if !digits {
                shape.push('#');
            }
            digits = true;
            continue;
        }
        digits = false;
        shape.push(c);
    }
    shape
}

impl ImportReport {
    /// Adds a warning about a line.
    pub fn warn(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.warnings.push(ImportWarning {
            line,
            message: message.into(),
        });
    }

    /// The warnings, those that say the same thing about different lines grouped (in the order of
    /// each group's first warning).
    pub fn grouped_warnings(&self) -> Vec<WarningGroup> {
        let mut groups: Vec<WarningGroup> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for warning in &self.warnings {
            let shape = warning_shape(&warning.message);
            let at = *index.entry(shape).or_insert_with(|| {
                groups.push(WarningGroup {
                    message: warning.message.clone(),
                    count: 0,
                    lines: Vec::new(),
                });
                groups.len() - 1
            });
            let group = &mut groups[at];
            group.count += 1;
            group.lines.extend(warning.line);
        }
        groups
    }

    /// Fills the counts from the finished plan (the warnings and format stay).
    pub fn count(&mut self, plan: &Plan) {
        self.tasks = plan.tasks.len();
        self.checklist_items = plan.tasks.iter().map(|t| t.checklist.len()).sum::<usize>()
            + plan
                .milestones
                .iter()
                .map(|m| m.criteria.len())
                .sum::<usize>();
        self.phases = plan.phases.len();
        self.sprints = plan.sprints.len();
        self.milestones = plan.milestones.len();
        self.dependencies = plan.tasks.iter().map(|t| t.depends_on.len()).sum::<usize>()
            + plan
                .phases
                .iter()
                .map(|p| p.depends_on.len())
                .sum::<usize>();
        self.velocity_records = plan.velocity.len();
        self.note_sections = plan.notes.len();
    }
}

/// A plan built by an importer, with its report.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The plan.
    pub plan: Plan,
    /// What was recognised and what was not.
    pub report: ImportReport,
}

/// Why a document could not be imported at all. (Lesser problems are warnings in the report.)
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    /// The bytes are not a text document.
    #[error(transparent)]
    Text(#[from] TextError),
    /// The document breaks the format beyond repair.
    #[error("line {line}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The document holds nothing Waymark can use.
    #[error("{0}")]
    Empty(String),
}
