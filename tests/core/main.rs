//! Tests of the pure core and the CLI.

mod cli;
mod csv_cli;
mod csv_io;
mod dated_schedule;
mod dependency_analysis;
mod edits;
mod markdown;
mod merge_git;
mod merge_plans;
mod project_files;
mod purity;
mod ron_files;
mod save;
mod taskjuggler;
