//! Tests of the pure core and the CLI.

mod abandoned_temps;
mod cli;
mod crash_save;
mod csv_cli;
mod csv_io;
mod dependency_analysis;
mod doubling;
mod edits;
mod fuzz;
mod markdown;
mod purity;
mod ron_files;
mod save;
mod undo_records;
