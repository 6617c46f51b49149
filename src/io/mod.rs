//! Reading and writing plans: strings and bytes in, strings out. No paths, no files.

mod format;
mod import;
mod markdown;
mod ron_file;
mod status_words;
mod text;

pub use format::{Format, LoadError};
pub use import::{ImportError, ImportReport, ImportWarning, Imported};
pub use markdown::{export_markdown, import_markdown};
pub use ron_file::{FORMAT_VERSION, RonError, plan_from_ron, plan_from_ron_bytes, plan_to_ron};
pub use status_words::{builtin_category, find_in_legend, normalise_status, recognise_status};
pub use text::{MAX_DOCUMENT_BYTES, TextError, decode_text};
