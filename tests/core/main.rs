//! Tests of the pure core and the CLI.

mod cli;
mod csv_cli;
mod csv_io;
mod csv_trackers;
mod dependency_analysis;
mod edits;
mod markdown;
mod markdown_commonmark;
mod import_scaling;
mod purity;
mod ron_files;
mod save;
