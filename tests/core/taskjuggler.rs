//! The dated schedule against a reference scheduler: `TaskJuggler` (`tj3`, Debian package `tj3`).
//!
//! Random plans that both can express (finish-to-start dependencies, whole working-day durations,
//! Monday to Friday, no holidays) are scheduled by both; every task's first and last day must agree.
//! Skipped, saying so, when `tj3` is not installed.

use std::fmt::Write as _;
use std::process::Command;
use waymark::analysis::{Analysis, DatedOptions, DatedSchedule};
use waymark::model::{Plan, SplitMix, Task, TaskId};

fn tj3_available() -> bool {
    Command::new("tj3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A random plan: `count` tasks of 1–5 days, each depending on up to three earlier ones.
fn random_plan(count: usize, seed: u64) -> Plan {
    let mut random = SplitMix::new(seed);
    let mut plan = Plan::new("Reference");
    plan.meta.start = Some("2026-01-05".parse().expect("a date"));
    plan.meta.hours_per_day = 8.0;
    for index in 0..count {
        let mut task = Task::new(&format!("t{index}"), &format!("Task {index}"), "TODO");
        task.estimate.hours = Some(8.0 * (1 + random.below(5)) as f64);
        if index > 0 {
            for _ in 0..random.below(4) {
                let before = TaskId(format!("t{}", random.below(index)));
                if !task.depends_on.contains(&before) {
                    task.depends_on.push(before);
                }
            }
        }
        plan.tasks.push(task);
    }
    plan
}

fn project_file(plan: &Plan) -> String {
    let mut text = String::from(
        "project reference \"Reference\" 2026-01-05 +1y {\n  timezone \"UTC\"\n  dailyworkinghours 8\n}\n",
    );
    for task in &plan.tasks {
        let days = task.estimate.hours.unwrap_or(0.0) / 8.0;
        let _ = writeln!(text, "task {} \"{}\" {{", task.id, task.title);
        if !task.depends_on.is_empty() {
            let ids: Vec<&str> = task.depends_on.iter().map(TaskId::as_str).collect();
            let _ = writeln!(text, "  depends {}", ids.join(", "));
        }
        let _ = writeln!(text, "  length {days}d\n}}");
    }
    text.push_str(
        "taskreport dates \"dates\" {\n  formats csv\n  columns id, start, end\n  timeformat \"%Y-%m-%d %H:%M\"\n}\n",
    );
    text
}

/// Runs tj3 on a plan and returns (id, start, end) per task.
fn taskjuggler(plan: &Plan) -> Vec<(String, String, String)> {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("reference.tjp");
    std::fs::write(&file, project_file(plan)).expect("written");
    let output = Command::new("tj3")
        .arg("--no-color")
        .arg("--output-dir")
        .arg(folder.path())
        .arg(&file)
        .output()
        .expect("tj3 runs");
    assert!(
        output.status.success(),
        "tj3 failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let csv =
        std::fs::read_to_string(folder.path().join("dates.csv")).expect("tj3 wrote its report");
    csv.lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<String> = line
                .split(';')
                .map(|c| c.trim_matches('"').to_owned())
                .collect();
            match cells.as_slice() {
                [id, start, end, ..] => Some((id.clone(), working_start(start), day_of(end))),
                _ => None,
            }
        })
        .collect()
}

/// `TaskJuggler` starts a dependant at the instant its prerequisite ends (18:00); work begins on the
/// next working morning, which is the day `Waymark` reports.
fn working_start(instant: &str) -> String {
    let (day, time) = instant.split_once(' ').unwrap_or((instant, "09:00"));
    let mut date: chrono::NaiveDate = day.parse().expect("a date");
    if time >= "17:00" {
        let calendar = waymark::model::Calendar::default();
        date = calendar.next_working_day(waymark::model::shift(date, 1));
    }
    date.to_string()
}

fn day_of(instant: &str) -> String {
    instant.split(' ').next().unwrap_or(instant).to_owned()
}

#[test]
fn dated_schedule_agrees_with_taskjuggler() {
    if !tj3_available() {
        println!("skipped: tj3 (TaskJuggler) is not installed");
        return;
    }
    let mut compared = 0;
    for seed in 1..=4 {
        let plan = random_plan(40, seed);
        let ours = DatedSchedule::compute(
            &plan,
            &Analysis::of(&plan),
            DatedOptions::on("2025-12-01".parse().expect("a date")),
        );
        let theirs = taskjuggler(&plan);
        assert_eq!(theirs.len(), plan.tasks.len(), "tj3 reports every task");
        for (id, start, end) in theirs {
            let dates = ours.task(&plan, &TaskId(id.clone())).expect("scheduled");
            assert_eq!(
                (dates.start.to_string(), dates.finish.to_string()),
                (start, end),
                "task {id} of plan {seed}"
            );
            compared += 1;
        }
    }
    println!("{compared} tasks agree with TaskJuggler");
}
