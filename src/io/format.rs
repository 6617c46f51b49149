//! The document formats Waymark reads and writes, chosen by file extension.

use super::{RonError, plan_from_ron_bytes, plan_to_ron};
use crate::model::Plan;
use thiserror::Error;

/// A document format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Waymark's own RON file.
    Ron,
}

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LoadError {
    /// The RON file is not a readable plan.
    #[error(transparent)]
    Ron(#[from] RonError),
    /// The extension names no format Waymark knows.
    #[error("Waymark does not know the file type {0} (it reads .ron)")]
    UnknownFormat(String),
}

impl Format {
    /// The format for a file extension (without the dot, any case).
    pub fn from_extension(extension: &str) -> Result<Self, LoadError> {
        match extension.to_ascii_lowercase().as_str() {
            "ron" => Ok(Self::Ron),
            "" => Err(LoadError::UnknownFormat("(no extension)".to_owned())),
            other => Err(LoadError::UnknownFormat(format!(".{other}"))),
        }
    }

    /// Reads a plan from a document's bytes.
    pub fn read(self, bytes: &[u8]) -> Result<Plan, LoadError> {
        match self {
            Self::Ron => Ok(plan_from_ron_bytes(bytes)?),
        }
    }

    /// Writes a plan as a document's text.
    pub fn write(self, plan: &Plan) -> String {
        match self {
            Self::Ron => plan_to_ron(plan),
        }
    }
}
