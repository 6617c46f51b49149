//! What every importer returns: the plan it built and a report of what it recognised and what it could not.

use super::TextError;
use crate::model::Plan;
use serde::Serialize;
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
}

impl ImportReport {
    /// Adds a warning about a line.
    pub fn warn(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.warnings.push(ImportWarning {
            line,
            message: message.into(),
        });
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
