//! The headless commands, run as a person would from a shell.

use std::path::Path;
use std::process::Command;

fn waymark(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .output()
        .expect("waymark runs")
}

fn sample_file(folder: &Path) -> String {
    let path = folder.join("sample.ron");
    std::fs::write(&path, waymark::app::SAMPLE_PLAN).expect("write sample");
    path.display().to_string()
}

#[test]
fn stats_json_counts_the_sample() {
    let folder = tempfile::tempdir().expect("temp dir");
    let output = waymark(&["stats", &sample_file(folder.path()), "--json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    let plan = waymark::io::plan_from_ron(waymark::app::SAMPLE_PLAN).expect("sample");
    assert_eq!(stats["tasks"], plan.tasks.len());
    assert_eq!(stats["phases"], plan.phases.len());
    assert_eq!(stats["sprints"], plan.sprints.len());
    assert_eq!(stats["milestones"], plan.milestones.len());
    assert!(
        plan.sprints.len() >= 6,
        "the sample has a history of sprints"
    );
    let deps: usize = plan.tasks.iter().map(|t| t.depends_on.len()).sum();
    assert_eq!(stats["dependencies"], deps);
    let hours: f64 = plan.tasks.iter().filter_map(|t| t.estimate.hours).sum();
    assert_eq!(stats["estimate_hours"], hours);
    for key in [
        "checklist_items",
        "done",
        "active",
        "not_started",
        "blocked",
        "dropped",
        "velocity_records",
        "warnings",
    ] {
        assert!(stats.get(key).is_some(), "missing {key}");
    }
    assert_eq!(stats["warnings"], serde_json::json!([]));
    assert_eq!(stats["cycles"], serde_json::json!([]));
    let analysis = waymark::analysis::Analysis::of(&plan);
    let critical: Vec<String> = analysis
        .critical_path_ids(&plan)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(!critical.is_empty(), "the sample has work left");
    assert_eq!(stats["critical_path"], serde_json::json!(critical));
}

#[test]
fn stats_json_lists_loops_and_the_critical_path_of_a_small_plan() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("loop.ron");
    std::fs::write(
        &file,
        r#"(format_version: 1, plan: (tasks: [
            (id: "A", title: "a", status: "TODO", estimate: (hours: Some(8.0))),
            (id: "B", title: "b", status: "TODO", estimate: (hours: Some(16.0)), depends_on: ["A"]),
            (id: "X", title: "x", status: "TODO", depends_on: ["Y"]),
            (id: "Y", title: "y", status: "TODO", depends_on: ["X"]),
        ]))"#,
    )
    .expect("write");
    let output = waymark(&["stats", &file.display().to_string(), "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(stats["critical_path"], serde_json::json!(["A", "B"]));
    assert_eq!(stats["cycles"], serde_json::json!([["X", "Y", "X"]]));
}

#[test]
fn check_passes_the_sample_and_fails_a_plan_with_problems() {
    let folder = tempfile::tempdir().expect("temp dir");
    let output = waymark(&["check", &sample_file(folder.path())]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );

    let bad = folder.path().join("bad.ron");
    std::fs::write(
        &bad,
        r#"(format_version: 1, plan: (tasks: [
            (id: "A", title: "a", status: "TODO", depends_on: ["B"]),
            (id: "B", title: "b", status: "TODO", depends_on: ["A", "GHOST"]),
            (id: "B", title: "again", status: "TODO"),
        ]))"#,
    )
    .expect("write");
    let output = waymark(&["check", &bad.display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("duplicate task id B"), "{text}");
    assert!(text.contains("B depends on unknown task GHOST"), "{text}");
    assert!(text.contains("dependency loop: A → B → A"), "{text}");
}

#[test]
fn bad_input_gives_a_message_and_a_non_zero_exit_without_a_panic() {
    let folder = tempfile::tempdir().expect("temp dir");
    let broken = folder.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 1, plan: (tasks: [(id: ]))").expect("write");
    let binary = folder.path().join("binary.ron");
    std::fs::write(&binary, [0u8, 159, 146, 150]).expect("write");
    for (path, expected) in [
        (broken.display().to_string(), "line 1, column"),
        (binary.display().to_string(), "binary file"),
        ("/no/such/file.ron".to_owned(), "could not read"),
        (
            folder.path().join("x.xyz").display().to_string(),
            "does not know the file type",
        ),
    ] {
        let output = waymark(&["check", &path]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{path}: {stderr}");
        assert!(stderr.contains(expected), "{path}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn convert_writes_a_ron_file_that_loads_back() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("copy.ron");
    let output = waymark(&[
        "convert",
        &sample_file(folder.path()),
        "-o",
        &out.display().to_string(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&out).expect("written"),
        waymark::app::SAMPLE_PLAN
    );
}

#[test]
fn schedule_json_dates_the_sample_and_csv_has_a_row_per_task() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = sample_file(folder.path());
    let output = waymark(&["schedule", &file, "--json", "--today", "2026-02-02"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    let plan = waymark::io::plan_from_ron(waymark::app::SAMPLE_PLAN).expect("sample");
    let tasks = json["tasks"].as_array().expect("tasks");
    assert_eq!(tasks.len(), plan.tasks.len());
    let core = tasks
        .iter()
        .find(|t| t["id"] == "CORE-001")
        .expect("CORE-001 is scheduled");
    assert_eq!(
        core["finish"], "2026-01-09",
        "finished work ends on its completion date"
    );
    for task in tasks {
        for key in ["start", "finish", "slack_days", "critical", "late", "title"] {
            assert!(task.get(key).is_some(), "{key} in {task}");
        }
        assert!(task["start"].as_str() <= task["finish"].as_str());
    }
    let finish = json["finish"].as_str().expect("a finish date");
    assert!(tasks.iter().all(|t| t["finish"].as_str() <= Some(finish)));
    assert_eq!(json["sprints"][0]["start"], "2025-11-10");
    assert_eq!(
        json["milestones"].as_array().expect("milestones").len(),
        plan.milestones.len()
    );

    let later = waymark(&["schedule", &file, "--json", "--today", "2026-06-01"]);
    let later: serde_json::Value = serde_json::from_slice(&later.stdout).expect("JSON");
    assert!(
        later["finish"].as_str() > Some(finish),
        "unfinished work moves with today"
    );

    let csv = waymark(&["schedule", &file, "--csv", "--today", "2026-02-02"]);
    let text = String::from_utf8(csv.stdout).expect("UTF-8");
    assert!(text.starts_with("id,title,start,finish,slack_days,critical,late\n"));
    assert_eq!(text.lines().count(), plan.tasks.len() + 1);

    let stats = waymark(&["stats", &file, "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("JSON");
    assert!(stats["finish"].is_string(), "stats gives the finish date");
}
