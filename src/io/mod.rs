//! Reading and writing plans: strings and bytes in, strings out. No paths, no files.

mod csv;
mod format;
mod gantt;
mod import;
mod links;
mod markdown;
mod merge;
mod mojibake;
mod mspdi;
mod outline;
mod ron_file;
mod settle;
mod status_words;
mod text;
mod xml_text;

pub use csv::{
    CsvChoice, CsvColumns, CsvField, CsvMapping, PREVIEW_ROWS, SECTION_FIELD, csv_columns,
    export_csv, import_csv, import_csv_mapped,
};
pub use format::{Format, LoadError, Loaded};
pub use gantt::{export_gantt, import_gantt};
pub use import::{ImportError, ImportReport, ImportWarning, Imported, WarningGroup};
pub use markdown::{export_markdown, import_markdown};
pub use merge::{
    FieldChange, ItemChange, ItemRef, MergeError, Merged, PlanDiff, diff_plans, merge_plans,
    resolve_conflict,
};
pub use mojibake::repair_mojibake;
pub use mspdi::{export_mspdi, import_mspdi};
pub use ron_file::{FORMAT_VERSION, RonError, plan_from_ron, plan_from_ron_bytes, plan_to_ron};
pub use settle::{UNRESOLVED_DEPENDENCIES, UNRESOLVED_PARENT, UNRESOLVED_PHASE, UNRESOLVED_SPRINT};
pub use status_words::{builtin_category, find_in_legend, normalise_status, recognise_status};
pub use text::{MAX_DOCUMENT_BYTES, TextError, decode_text};
