//! `waymark merge BASE OURS THEIRS -o OUT`: the three-way merge git runs as a merge driver.
//!
//! Git hands the driver temporary files without extensions, so all three are read as RON whatever
//! their names. An empty BASE (the sides share no ancestor) merges with no base. Exit 0 for a clean
//! merge, 1 when OUT records conflicts, 2 when something could not be read or written.

use crate::files::{read_document, write_atomic};
use crate::io::{merge_plans, plan_from_ron_bytes, plan_to_ron};
use crate::model::Plan;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The files of a three-way merge.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O); an empty file means none.
    pub base: PathBuf,
    /// Our version (git's %A).
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Where to write the merged plan (git's %A).
    #[arg(short, long)]
    pub output: PathBuf,
}

/// Runs the merge; conflicts are listed on stderr.
pub fn run(args: &MergeArgs) -> Result<ExitCode, String> {
    let base = read_plan(&args.base)?;
    let ours = read_plan(&args.ours)?.unwrap_or_default();
    let theirs = read_plan(&args.theirs)?.unwrap_or_default();
    let merged = merge_plans(base.as_ref(), &ours, &theirs).map_err(|e| e.to_string())?;
    write_atomic(&args.output, plan_to_ron(&merged.plan).as_bytes()).map_err(|e| e.to_string())?;
    if merged.plan.conflicts.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "waymark: {} conflict(s) recorded in {}; open it in Waymark to resolve them:",
        merged.plan.conflicts.len(),
        args.output.display()
    );
    for conflict in &merged.plan.conflicts {
        let shown = |value: Option<&str>| value.unwrap_or("(none)").to_owned();
        eprintln!(
            "  {}: ours {}, theirs {}, base {}",
            conflict.place(),
            shown(conflict.ours.as_deref()),
            shown(conflict.theirs.as_deref()),
            shown(conflict.base.as_deref())
        );
    }
    Ok(ExitCode::from(1))
}

/// A RON plan, or `None` for an empty file.
fn read_plan(path: &Path) -> Result<Option<Plan>, String> {
    let bytes = read_document(path).map_err(|e| e.to_string())?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    plan_from_ron_bytes(&bytes)
        .map(Some)
        .map_err(|e| format!("{}: {e}", path.display()))
}
