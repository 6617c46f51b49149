//! Tests of the pure core and the CLI.

mod abandoned_temps;
mod cli;
mod crash_save;
mod csv_cli;
mod csv_io;
mod csv_mapping;
mod csv_trackers;
mod cups_print;
mod dated_schedule;
mod dependency_analysis;
mod doubling;
mod edits;
mod export_scenes;
mod fuzz;
mod ical_export;
mod import_scaling;
mod markdown;
mod markdown_commonmark;
mod markdown_structures;
mod markdown_tables;
mod merge_git;
mod merge_plans;
mod mpxj;
mod print_export;
mod project_files;
mod purity;
mod recovery;
mod recovery_window;
mod ron_files;
mod save;
mod taskjuggler;
mod undo_records;
mod velocity;
mod velocity_chart;

use std::path::PathBuf;

/// The allocator the app and the CLI ship with (`src/main.rs`), so the doubling tests time the
/// readers as they run there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use waymark::io::{Imported, import_markdown};
use waymark::model::{Plan, Task};

/// The text of a file in `tests/fixtures`.
fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).expect("fixture is readable")
}

/// A Markdown document that must import.
fn import_markdown_ok(text: &str) -> Imported {
    import_markdown(text).expect("the document imports")
}

/// The task with this title, which must exist.
fn task_titled<'a>(plan: &'a Plan, title: &str) -> &'a Task {
    plan.tasks
        .iter()
        .find(|t| t.title == title)
        .unwrap_or_else(|| panic!("no task {title:?}"))
}
