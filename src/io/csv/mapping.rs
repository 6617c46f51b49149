//! Choosing by hand what each CSV column becomes: the header and first rows without importing, whether
//! Waymark's own reading of the header is doubtful, and a signature to remember a choice by.

use super::columns::{Column, normalise};
use super::import::{HEADER_SEARCH_LINES, clean};
use super::reader::{Row, read_table};
use super::trackers::{Meaning, Tracker};
use crate::io::ImportError;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A task field a CSV column can be read into.
pub use super::columns::Column as CsvField;

/// How many rows under the header [`csv_columns`] gives as a preview.
pub const PREVIEW_ROWS: usize = 5;

/// What one CSV column becomes when imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CsvChoice {
    /// Read into a task field Waymark understands.
    Field(CsvField),
    /// Kept per task as a named field (the header's text).
    Keep,
    /// Not read at all.
    Ignore,
}

impl CsvChoice {
    /// Every choice, in the order a list offers them: keep, ignore, then the fields.
    pub fn all() -> impl Iterator<Item = Self> {
        [Self::Keep, Self::Ignore]
            .into_iter()
            .chain(CsvField::ALL.into_iter().map(Self::Field))
    }

    /// The words a person sees for the choice.
    pub fn label(self) -> &'static str {
        match self {
            Self::Field(field) => field.label(),
            Self::Keep => "Keep as a field",
            Self::Ignore => "Ignore",
        }
    }
}

/// What each column of a CSV becomes, by column index; columns past the end are kept as fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvMapping {
    /// The choice per column, in header order.
    pub choices: Vec<CsvChoice>,
}

/// A CSV's header row and first rows, read without importing, with what Waymark would make of each column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvColumns {
    /// The header cells, cleaned and trimmed.
    pub headers: Vec<String>,
    /// Up to [`PREVIEW_ROWS`] rows under the header, cells cleaned and trimmed.
    pub preview: Vec<Vec<String>>,
    /// Per header, the field Waymark recognises it as (`None`: kept as a field), repeats included.
    pub guesses: Vec<Option<CsvField>>,
    /// The tracker whose export this is, when recognised (its unread columns are meant as fields).
    tracker: Option<&'static str>,
}

impl CsvColumns {
    /// True when Waymark's reading of the header is doubtful: no title column, two columns for one
    /// single-valued field, or (outside a recognised tracker export) more than half the columns unrecognised.
    pub fn is_ambiguous(&self) -> bool {
        let mut seen = HashSet::new();
        let doubled = self
            .guesses
            .iter()
            .flatten()
            .any(|field| !field.repeats() && !seen.insert(*field));
        let unknown = self.guesses.iter().filter(|g| g.is_none()).count();
        !seen.contains(&CsvField::Title)
            || doubled
            || (self.tracker.is_none() && unknown * 2 > self.guesses.len())
    }

    /// The mapping a plain import uses: each recognised field once (repeating fields every time), the
    /// rest kept as fields.
    pub fn default_mapping(&self) -> CsvMapping {
        CsvMapping {
            choices: default_choices(&self.guesses),
        }
    }

    /// A stable text naming this header (lower-cased headers joined by U+001F), to remember a mapping by.
    pub fn signature(&self) -> String {
        self.headers
            .iter()
            .map(|h| h.to_lowercase())
            .collect::<Vec<_>>()
            .join("\u{1f}")
    }

    /// The tracker whose export this is, when recognised.
    pub fn tracker(&self) -> Option<&'static str> {
        self.tracker
    }
}

/// Reads a CSV's header row and first rows. The header is the first row (within the first lines) naming
/// an id or title column, or else the first row.
pub fn csv_columns(text: &str) -> Result<CsvColumns, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let table = read_table(text)?;
    let header = header_line(&table.rows).ok_or_else(|| {
        ImportError::Empty(
            "the CSV has no header row (a line naming the columns, such as id,task,status)"
                .to_owned(),
        )
    })?;
    let mut headers = Vec::new();
    let mut preview = Vec::new();
    for row in &table.rows {
        let Row::Record { line, cells } = row else {
            continue;
        };
        if *line == header {
            headers = names(cells);
        } else if *line > header && !cells.iter().all(|c| c.trim().is_empty()) {
            preview.push(names(cells));
            if preview.len() == PREVIEW_ROWS {
                break;
            }
        }
    }
    let (guesses, tracker) = guesses(&headers);
    Ok(CsvColumns {
        headers,
        preview,
        guesses,
        tracker: tracker.map(Tracker::name),
    })
}

/// The header cells as names: formula guard removed, mojibake repaired, trimmed.
pub(super) fn names(cells: &[String]) -> Vec<String> {
    cells.iter().map(|c| clean(c).trim().to_owned()).collect()
}

/// The line of the header row: the first record within [`HEADER_SEARCH_LINES`] naming an id or a title,
/// else the first record.
pub(super) fn header_line(rows: &[Row]) -> Option<usize> {
    let mut first = None;
    for row in rows {
        let Row::Record { line, cells } = row else {
            continue;
        };
        if *line > HEADER_SEARCH_LINES && first.is_some() {
            break;
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        first.get_or_insert(*line);
        let (guesses, _) = guesses(&names(cells));
        if guesses
            .iter()
            .any(|g| matches!(g, Some(CsvField::Id | CsvField::Title)))
        {
            return Some(*line);
        }
    }
    first
}

/// What each header names (repeats included), and the tracker whose export it is.
pub(super) fn guesses(names: &[String]) -> (Vec<Option<Column>>, Option<Tracker>) {
    let tracker = Tracker::recognise(names);
    let guesses = names
        .iter()
        .map(|name| match tracker.map(|t| t.column(&normalise(name))) {
            Some(Meaning::Column(column)) => Some(column),
            Some(Meaning::Field) => None,
            Some(Meaning::General) | None => Column::from_header(name),
        })
        .collect();
    (guesses, tracker)
}

/// Each recognised field once (repeating fields every time), the rest kept.
pub(super) fn default_choices(guesses: &[Option<Column>]) -> Vec<CsvChoice> {
    let mut used = HashSet::new();
    guesses
        .iter()
        .map(|guess| match guess {
            Some(column) if column.repeats() || used.insert(*column) => CsvChoice::Field(*column),
            _ => CsvChoice::Keep,
        })
        .collect()
}
