//! Waymark's own file format: the plan as RON with a format version at the top.
//!
//! Output is deterministic: the same plan always gives the same bytes, one field a line, vectors in plan
//! order, ids instead of indices. Missing fields load with their defaults, so older files keep loading;
//! a file from a newer Waymark is refused.

use super::text::{TextError, decode_text};
use crate::model::Plan;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// Why a RON plan could not be loaded. The plan in memory is never touched by a failed load.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RonError {
    /// The bytes are not a text document.
    #[error(transparent)]
    Text(#[from] TextError),
    /// The text is not valid RON or not a plan.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong, e.g. what was expected.
        message: String,
    },
    /// The file has no `format_version`, so it is not a Waymark plan.
    #[error("this is not a Waymark plan: it has no format_version at the top")]
    NotAPlan,
    /// The file was written by a newer Waymark.
    #[error(
        "this plan was saved by a newer Waymark (format version {found}; this version reads up to {supported}). Update Waymark to open it"
    )]
    NewerVersion {
        /// The file's version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
}

#[derive(Serialize)]
struct FileOut<'a> {
    format_version: u32,
    plan: &'a Plan,
}

/// Reads only the version; 0 stands for a file without one.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

#[derive(Deserialize)]
struct FileIn {
    #[serde(rename = "format_version")]
    _format_version: u32,
    #[serde(default)]
    plan: Plan,
}

/// Writes a plan as RON text. Infallible for plans built from valid data.
pub fn plan_to_ron(plan: &Plan) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .escape_strings(true);
    let file = FileOut {
        format_version: FORMAT_VERSION,
        plan,
    };
    match ron::ser::to_string_pretty(&file, config) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Serialising plain data to a string only fails on non-finite floats, which edits refuse.
        Err(error) => format!("// Waymark could not write this plan: {error}\n"),
    }
}

/// Reads a plan from the bytes of a RON file.
pub fn plan_from_ron_bytes(bytes: &[u8]) -> Result<Plan, RonError> {
    plan_from_ron(decode_text(bytes)?)
}

/// Reads a plan from RON text (a leading byte-order mark is accepted).
pub fn plan_from_ron(text: &str) -> Result<Plan, RonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let version = match leading_version(text) {
        Some(version) => version,
        None => {
            ron::from_str::<VersionProbe>(text)
                .map_err(|e| syntax(&e))?
                .format_version
        }
    };
    match version {
        0 => return Err(RonError::NotAPlan),
        found if found > FORMAT_VERSION => {
            return Err(RonError::NewerVersion {
                found,
                supported: FORMAT_VERSION,
            });
        }
        _ => {}
    }
    let file: FileIn = ron::from_str(text).map_err(|e| syntax(&e))?;
    Ok(file.plan)
}

/// The version of a file that starts the way Waymark writes it, `(format_version: N,`, read without
/// parsing the rest; `None` sends the caller to a full parse.
fn leading_version(text: &str) -> Option<u32> {
    let rest = skip_blank(text).strip_prefix('(')?;
    let rest = skip_blank(rest).strip_prefix("format_version")?;
    let rest = skip_blank(rest).strip_prefix(':')?;
    let rest = skip_blank(rest);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = skip_blank(&rest[digits..]);
    if !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// Skips white space and `//` line comments.
fn skip_blank(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        match text.strip_prefix("//") {
            Some(comment) => text = comment.split_once('\n').map_or("", |(_, next)| next),
            None => return text,
        }
    }
}

fn syntax(error: &ron::error::SpannedError) -> RonError {
    RonError::Syntax {
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    }
}
