//! CSV task tables: one task per row, in and out.
//!
//! What CSV carries: every task field (lists `|`-separated, the checklist as `[x] item|[ ] item`), the
//! task's phase and sprint by id, plan metadata and note sections as `# Key: value` preamble lines, and
//! `#` section comments between rows (kept on the next task as the field [`SECTION_FIELD`]). What it
//! cannot carry: milestones, velocity, status history, registers (blockers, risks, metrics, reviews,
//! links, update log, ideas), phase and sprint details beyond their ids, the legend's labels and colours
//! (statuses are written as words and mapped back), note heading levels, blank lines inside a note, and
//! `|` inside list items.

mod columns;
mod export;
mod import;
mod mapping;
mod preamble;
mod reader;
mod sniff;
mod trackers;

pub use export::export_csv;
pub use import::{import_csv, import_csv_mapped};
pub use mapping::{CsvChoice, CsvColumns, CsvField, CsvMapping, PREVIEW_ROWS, csv_columns};
pub(super) use sniff::looks_like_csv;

/// The task field that keeps the `#` section comment written above a row ("COMPLETED PHASES").
pub const SECTION_FIELD: &str = "Section";

/// Most task rows one CSV may have.
const MAX_ROWS: usize = 100_000;
/// Most columns a header may have.
const MAX_COLUMNS: usize = 256;
/// Most cells in all rows together.
const MAX_CELLS: usize = 4_000_000;

/// True when a cell would start a spreadsheet formula (`=`, `+`, `-`, `@`) once the guard quotes before it
/// are taken away.
fn looks_like_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@'])
}

/// A cell with the formula guard the exporter adds (one leading `'`) taken away again.
fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => cell,
    }
}

/// A cell guarded against formula injection: `'` before anything a spreadsheet would evaluate.
fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if looks_like_formula(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}
