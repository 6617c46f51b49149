//! Reading and writing plans: strings and bytes in, strings out. No paths, no files.

mod format;
mod ron_file;
mod text;

pub use format::{Format, LoadError};
pub use ron_file::{FORMAT_VERSION, RonError, plan_from_ron, plan_from_ron_bytes, plan_to_ron};
pub use text::{MAX_DOCUMENT_BYTES, TextError, decode_text};
