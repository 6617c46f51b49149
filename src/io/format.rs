//! The document formats Waymark reads and writes, chosen by file extension (and, for `.txt`, by content).

use super::{
    ImportError, ImportReport, RonError, decode_text, export_csv, export_gantt, export_markdown,
    export_mspdi, import_csv, import_gantt, import_markdown, import_mspdi, plan_from_ron_bytes,
    plan_to_ron,
};
use crate::model::Plan;
use thiserror::Error;

/// A document format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Waymark's own RON file.
    Ron,
    /// A Markdown plan (checklists, headings, tables).
    Markdown,
    /// A CSV task table.
    Csv,
    /// MS Project XML (MSPDI), `.xml`.
    MsProject,
    /// A `GanttProject` file, `.gan`.
    GanttProject,
}

/// A plan read from a document; imports (Markdown, CSV) also say what they recognised.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The plan.
    pub plan: Plan,
    /// The import report; `None` for Waymark's own files.
    pub report: Option<ImportReport>,
}

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LoadError {
    /// The RON file is not a readable plan.
    #[error(transparent)]
    Ron(#[from] RonError),
    /// The Markdown or CSV document could not be imported.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// The extension names no format Waymark knows.
    #[error(
        "Waymark does not know the file type {0} (it reads .ron, .md, .markdown, .csv, .txt, .xml (MS Project) and .gan (GanttProject))"
    )]
    UnknownFormat(String),
}

impl Format {
    /// The format for a file extension (without the dot, any case). `.txt` means Markdown here, which is
    /// what Waymark writes to a `.txt` file; to read one, use [`Format::for_document`], which looks inside.
    pub fn from_extension(extension: &str) -> Result<Self, LoadError> {
        match extension.to_ascii_lowercase().as_str() {
            "ron" => Ok(Self::Ron),
            "md" | "markdown" | "txt" => Ok(Self::Markdown),
            "csv" => Ok(Self::Csv),
            "xml" => Ok(Self::MsProject),
            "gan" => Ok(Self::GanttProject),
            "" => Err(LoadError::UnknownFormat("(no extension)".to_owned())),
            other => Err(LoadError::UnknownFormat(format!(".{other}"))),
        }
    }

    /// The format to read a document in: by extension, and for `.txt` by content (CSV when it reads as a
    /// table with a header row, otherwise Markdown).
    pub fn for_document(extension: &str, bytes: &[u8]) -> Result<Self, LoadError> {
        let format = Self::from_extension(extension)?;
        if extension.eq_ignore_ascii_case("txt")
            && decode_text(bytes).is_ok_and(super::csv::looks_like_csv)
        {
            return Ok(Self::Csv);
        }
        Ok(format)
    }

    /// Reads a plan from a document's bytes.
    pub fn read(self, bytes: &[u8]) -> Result<Loaded, LoadError> {
        if self == Self::Ron {
            return Ok(Loaded {
                plan: plan_from_ron_bytes(bytes)?,
                report: None,
            });
        }
        let text = decode_text(bytes).map_err(ImportError::from)?;
        let imported = match self {
            Self::Csv => import_csv(text)?,
            Self::MsProject => import_mspdi(text)?,
            Self::GanttProject => import_gantt(text)?,
            Self::Ron | Self::Markdown => import_markdown(text)?,
        };
        Ok(Loaded {
            plan: imported.plan,
            report: Some(imported.report),
        })
    }

    /// Writes a plan as a document's text.
    pub fn write(self, plan: &Plan) -> String {
        match self {
            Self::Ron => plan_to_ron(plan),
            Self::Markdown => export_markdown(plan),
            Self::Csv => export_csv(plan),
            Self::MsProject => export_mspdi(plan),
            Self::GanttProject => export_gantt(plan),
        }
    }
}
