//! Tests of the pure core and the CLI.

mod cli;
mod dependency_analysis;
mod edits;
mod purity;
mod ron_files;
mod save;
