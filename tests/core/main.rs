//! Tests of the pure core and the CLI.

mod abandoned_temps;
mod cli;
mod crash_save;
mod csv_cli;
mod csv_io;
mod csv_trackers;
mod dated_schedule;
mod dependency_analysis;
mod doubling;
mod edits;
mod fuzz;
mod import_scaling;
mod markdown;
mod markdown_commonmark;
mod merge_git;
mod merge_plans;
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
