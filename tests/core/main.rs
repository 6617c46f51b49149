//! Tests of the pure core and the CLI.

mod cli;
mod csv_cli;
mod csv_io;
mod dependency_analysis;
mod edits;
mod markdown;
mod purity;
mod recovery;
mod recovery_window;
mod ron_files;
mod save;
