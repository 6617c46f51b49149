//! Tests of the pure core and the CLI.

mod cli;
mod edits;
mod markdown;
mod purity;
mod ron_files;
mod save;
