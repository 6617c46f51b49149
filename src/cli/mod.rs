//! Headless commands on the same core as the app: convert, stats, check, schedule, velocity, merge,
//! diff, git-setup, recover, export, print and printers.

mod diff;
mod export;
mod git_setup;
mod merge;
mod recover;
mod schedule;
mod velocity;

pub use schedule::{ScheduleFormat, dated_schedule, render as render_schedule};

use crate::analysis::{PlanStats, check_plan};
use crate::files::{read_document, write_atomic};
use crate::io::{Format, Loaded};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Waymark: plan sprints, dependencies, milestones and velocity.
#[derive(Debug, Parser)]
#[command(
    name = "waymark",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A plan to open in the app; with none, the bundled sample plan opens.
    pub file: Option<PathBuf>,
    /// A headless command; with none, the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A headless command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert a plan between .ron, .md, .csv, .xml and .gan, chosen by the files' extensions (.txt input
    /// is sniffed); .ics output writes milestones and dated tasks as iCalendar.
    Convert {
        /// The plan to read.
        input: PathBuf,
        /// Where to write it.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Print counts that describe a plan.
    Stats {
        /// The plan.
        file: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check a plan: exit 0 when it is valid, 1 with each problem listed otherwise.
    Check {
        /// The plan.
        file: PathBuf,
    },
    /// Print the dated schedule: every task, phase, sprint and milestone with its dates.
    Schedule {
        /// The plan.
        file: PathBuf,
        /// Print one JSON object.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print one CSV row per task.
        #[arg(long)]
        csv: bool,
        /// Count from this start date instead of the plan's (YYYY-MM-DD).
        #[arg(long)]
        start: Option<NaiveDate>,
        /// The day to schedule from (YYYY-MM-DD); the real date when left out.
        #[arg(long)]
        today: Option<NaiveDate>,
    },
    /// Three-way merge of RON plans by id (git's merge driver): exit 0 clean, 1 with conflicts recorded.
    Merge(merge::MergeArgs),
    /// List what changed between two plans: tasks added, removed and changed field by field.
    Diff(diff::DiffArgs),
    /// Make git merge this repository's .ron plans with `waymark merge`.
    GitSetup(git_setup::GitSetupArgs),
    /// Print work finished per sprint and per week, the average and a forecast of the finish date.
    Velocity(velocity::VelocityArgs),
    /// Unsaved work kept after a crash: `--list` shows what is waiting (path, last edit, task count).
    Recover {
        /// List the work waiting in the recovery folder.
        #[arg(long, required = true)]
        list: bool,
    },
    /// Export a view to PDF, SVG or PNG, on pages set up by the plan's page setup and these options.
    Export(export::ExportArgs),
    /// Print a view on a CUPS printer.
    Print(export::PrintArgs),
    /// List the CUPS printers, the default marked.
    Printers,
}

/// Runs a headless command and returns the process exit code. Errors are printed once, to stderr.
pub fn run(command: Command) -> ExitCode {
    match execute(command) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("waymark: {message}");
            ExitCode::from(2)
        }
    }
}

fn execute(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Convert { input, output } => {
            let plan = load_reporting(&input)?.plan;
            if is_ical(&output) {
                return write_ical(&plan, &output);
            }
            let format = format_of(&output)?;
            write_atomic(&output, format.write(&plan).as_bytes()).map_err(|e| e.to_string())?;
            println!("wrote {} ({} tasks)", output.display(), plan.tasks.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { file, json } => {
            let loaded = load_reporting(&file)?;
            let mut stats = PlanStats::of(&loaded.plan);
            stats.finish = dated_schedule(&loaded.plan, today(), None).finish;
            if let Some(report) = &loaded.report {
                let import_warnings = report.warnings.iter().map(ToString::to_string);
                stats.warnings.splice(0..0, import_warnings);
            }
            if json {
                let text = serde_json::to_string_pretty(&stats).map_err(|e| e.to_string())?;
                println!("{text}");
            } else {
                print_stats(&stats);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file } => {
            let problems = check_plan(&load_reporting(&file)?.plan);
            if problems.is_empty() {
                println!("{}: no problems", file.display());
                return Ok(ExitCode::SUCCESS);
            }
            for problem in &problems {
                println!("{}: {problem}", file.display());
            }
            println!("{} problem(s)", problems.len());
            Ok(ExitCode::from(1))
        }
        Command::Schedule {
            file,
            json,
            csv,
            start,
            today: on,
        } => {
            let plan = load_reporting(&file)?.plan;
            let dated = dated_schedule(&plan, on.unwrap_or_else(today), start);
            let format = match (json, csv) {
                (true, _) => ScheduleFormat::Json,
                (_, true) => ScheduleFormat::Csv,
                _ => ScheduleFormat::Text,
            };
            print!("{}", render_schedule(&plan, &dated, format));
            Ok(ExitCode::SUCCESS)
        }
        Command::Merge(args) => merge::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::GitSetup(args) => git_setup::run(&args),
        Command::Velocity(args) => velocity::run(&args),
        Command::Recover { list: _ } => recover::list(),
        Command::Export(args) => export::export(&args),
        Command::Print(args) => export::print(&args),
        Command::Printers => export::list_printers(),
    }
}

/// True for a `.ics` path: iCalendar, which Waymark writes but does not read.
fn is_ical(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ics"))
}

/// Writes a plan's milestones and dated tasks as iCalendar, scheduled from today.
fn write_ical(plan: &crate::model::Plan, output: &Path) -> Result<ExitCode, String> {
    let dated = dated_schedule(plan, today(), None);
    let text = crate::export::ical::to_ical(plan, &dated);
    write_atomic(output, text.as_bytes()).map_err(|e| e.to_string())?;
    let milestones = dated.milestones.iter().flatten().count();
    let tasks = dated.tasks.iter().flatten().count();
    println!(
        "wrote {} ({milestones} milestones, {tasks} dated tasks)",
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Today's local date: the CLI, like the app, reads the clock; the core is always told the day.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Reads a plan from a file in any format Waymark reads (`.txt` sniffed), with the file named in any
/// error. Imports also return their report.
pub fn load(path: &Path) -> Result<Loaded, String> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    // An unknown extension is reported before the file is read.
    format_of(path)?;
    let bytes = read_document(path).map_err(|e| e.to_string())?;
    Format::for_document(extension, &bytes)
        .and_then(|format| format.read(&bytes))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// [`load`], printing the import's warnings to stderr.
fn load_reporting(path: &Path) -> Result<Loaded, String> {
    let loaded = load(path)?;
    for warning in loaded.report.iter().flat_map(|r| &r.warnings) {
        eprintln!("waymark: {}: {warning}", path.display());
    }
    Ok(loaded)
}

fn format_of(path: &Path) -> Result<Format, String> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    Format::from_extension(extension).map_err(|e| format!("{}: {e}", path.display()))
}

fn print_stats(stats: &PlanStats) {
    println!("tasks:            {}", stats.tasks);
    println!("  done:           {}", stats.done);
    println!("  active:         {}", stats.active);
    println!("  not started:    {}", stats.not_started);
    println!("  blocked:        {}", stats.blocked);
    println!("  dropped:        {}", stats.dropped);
    println!("checklist items:  {}", stats.checklist_items);
    println!("phases:           {}", stats.phases);
    println!("sprints:          {}", stats.sprints);
    println!("milestones:       {}", stats.milestones);
    println!("dependencies:     {}", stats.dependencies);
    println!("estimate:         {} h", stats.estimate_hours);
    if let Some(finish) = stats.finish {
        println!("finish:           {finish}");
    }
    println!("velocity records: {}", stats.velocity_records);
    for warning in &stats.warnings {
        println!("warning: {warning}");
    }
}
