//! `waymark velocity`: work finished per sprint and per week, the averages and the forecast.

use super::load_reporting;
use crate::analysis::velocity::{Unit, VelocityOptions, VelocityReport};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments of `waymark velocity`.
#[derive(Debug, clap::Args)]
pub struct VelocityArgs {
    /// The plan.
    pub file: PathBuf,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// What to count: points, hours or count (default: points when most tasks have points, else
    /// hours when most have hours, else the number of tasks).
    #[arg(long, value_parser = parse_unit)]
    pub unit: Option<Unit>,
    /// The day to measure up to, as YYYY-MM-DD (default: today).
    #[arg(long)]
    pub today: Option<NaiveDate>,
    /// How many of the last sprints or weeks the average and median use.
    #[arg(long, default_value_t = 3)]
    pub last: usize,
}

fn parse_unit(text: &str) -> Result<Unit, String> {
    Unit::parse(text).ok_or_else(|| format!("unknown unit {text:?}: use points, hours or count"))
}

/// One sprint as `velocity --json` prints it.
#[derive(Serialize)]
struct SprintRow<'a> {
    id: &'a str,
    name: &'a str,
    committed: f64,
    added: f64,
    removed: f64,
    completed: f64,
    completed_late: f64,
    carried_over: f64,
}

/// One week as `velocity --json` prints it.
#[derive(Serialize)]
struct WeekRow {
    week: String,
    completed: Option<f64>,
    planned: Option<f64>,
    blocked: Option<f64>,
}

/// The forecast as `velocity --json` prints it.
#[derive(Serialize)]
struct ForecastRow {
    p50: Option<NaiveDate>,
    p85: Option<NaiveDate>,
    p95: Option<NaiveDate>,
    samples: usize,
    remaining: f64,
}

/// The whole object `velocity --json` prints.
#[derive(Serialize)]
struct Output<'a> {
    sprints: Vec<SprintRow<'a>>,
    weeks: Vec<WeekRow>,
    average: Option<f64>,
    median: Option<f64>,
    unit: Unit,
    forecast: ForecastRow,
}

/// Numbers to two decimals, so sums of estimates print without floating-point dust.
fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Runs `waymark velocity`.
pub fn run(args: &VelocityArgs) -> Result<ExitCode, String> {
    let plan = load_reporting(&args.file)?.plan;
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let options = VelocityOptions {
        unit: args.unit,
        last: args.last.max(1),
    };
    let report = VelocityReport::compute(&plan, options, today);
    let output = Output {
        sprints: report
            .sprints
            .iter()
            .map(|s| SprintRow {
                id: s.sprint.as_str(),
                name: &s.name,
                committed: round(s.committed),
                added: round(s.added),
                removed: round(s.removed),
                completed: round(s.completed),
                completed_late: round(s.completed_late),
                carried_over: round(s.carried_over),
            })
            .collect(),
        weeks: report
            .weeks
            .iter()
            .map(|w| WeekRow {
                week: w.label.clone(),
                completed: w.completed.map(round),
                planned: w.planned.map(round),
                blocked: w.blocked.map(round),
            })
            .collect(),
        average: report.average.mean.map(round),
        median: report.average.median.map(round),
        unit: report.unit,
        forecast: ForecastRow {
            p50: report.forecast.p50,
            p85: report.forecast.p85,
            p95: report.forecast.p95,
            samples: report.forecast.samples,
            remaining: round(report.forecast.remaining),
        },
    };
    if args.json {
        let text = serde_json::to_string_pretty(&output).map_err(|e| e.to_string())?;
        println!("{text}");
        for note in forecast_notes(&report) {
            eprintln!("waymark: forecast: {note}");
        }
    } else {
        print_text(&output, &report);
    }
    Ok(ExitCode::SUCCESS)
}

/// What the forecast rests on, and any caution or reason it gives.
fn forecast_notes(report: &VelocityReport) -> Vec<&str> {
    let forecast = &report.forecast;
    std::iter::once(forecast.basis.as_str())
        .chain(forecast.caution.as_deref())
        .chain(forecast.reason.as_deref())
        .collect()
}

fn print_text(output: &Output<'_>, report: &VelocityReport) {
    let unit = report.unit.label();
    let number = |v: Option<f64>| v.map_or("?".to_owned(), |v| format!("{v}"));
    for s in &output.sprints {
        println!(
            "{}: committed {} {unit}, +{} added, -{} removed, {} completed, {} late, {} carried over",
            s.name, s.committed, s.added, s.removed, s.completed, s.completed_late, s.carried_over
        );
    }
    for w in &output.weeks {
        println!(
            "{}: {} {unit} completed, planned {}, blocked {}",
            w.week,
            number(w.completed),
            number(w.planned),
            number(w.blocked)
        );
    }
    println!(
        "average of the last {}: {} {unit} (median {})",
        report.average.used,
        number(output.average),
        number(output.median)
    );
    let date = |d: Option<NaiveDate>| d.map_or("—".to_owned(), |d| d.to_string());
    println!(
        "forecast for {} {unit} left: P50 {}, P85 {}, P95 {} ({})",
        output.forecast.remaining,
        date(output.forecast.p50),
        date(output.forecast.p85),
        date(output.forecast.p95),
        forecast_notes(report).join("; ")
    );
}
