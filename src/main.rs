//! The `waymark` binary: a headless command, or the app.

use clap::Parser;
use std::process::ExitCode;
use waymark::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => waymark::app::run(cli.file),
    }
}
