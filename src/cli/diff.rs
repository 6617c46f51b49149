//! `waymark diff A B [--json]`: what changed from plan A to plan B, item by item and field by field.
//!
//! Exit 0 when the plans are the same, 1 when they differ (as `diff` does), 2 on an error.

use crate::io::diff_plans;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// The plans to compare.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The plan before.
    pub before: PathBuf,
    /// The plan after.
    pub after: PathBuf,
    /// Print one JSON object (`added`, `removed`, `changed`) instead of lines.
    #[arg(long)]
    pub json: bool,
}

/// Prints the differences.
pub fn run(args: &DiffArgs) -> Result<ExitCode, String> {
    let before = super::load(&args.before)?.plan;
    let after = super::load(&args.after)?.plan;
    let diff = diff_plans(&before, &after).map_err(|e| e.to_string())?;
    if args.json {
        let text = serde_json::to_string_pretty(&diff).map_err(|e| e.to_string())?;
        println!("{text}");
    } else {
        print!("{diff}");
    }
    Ok(if diff.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
