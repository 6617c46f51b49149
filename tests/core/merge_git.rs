//! `waymark git-setup` and `waymark merge` as git's merge driver, in a real temporary repository:
//! two branches change a plan, `git merge` runs the driver, and the merged file is checked.

use std::path::Path;
use std::process::{Command, Output};
use waymark::io::{plan_from_ron, plan_to_ron};
use waymark::model::{Plan, StatusKey, Task, TaskId};

const WAYMARK: &str = env!("CARGO_BIN_EXE_waymark");

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("program runs")
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let output = run(dir, "git", args);
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn base_plan() -> Plan {
    let mut plan = Plan::new("Bike workshop");
    plan.tasks = vec![
        Task::new("BW-001", "Find a unit", "TODO"),
        Task::new("BW-002", "Buy stands", "TODO"),
        Task::new("BW-003", "Hire a mechanic", "TODO"),
    ]
    .into();
    plan
}

/// A repository whose `main` and `side` branches change `plan.ron` from the same base, set up with
/// `waymark git-setup`; returns the folder (kept alive by the handle).
fn repository(ours: impl Fn(&mut Plan), theirs: impl Fn(&mut Plan)) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("temp dir");
    let dir = folder.path();
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["config", "user.name", "Test"]);
    git(dir, &["config", "user.email", "test@example.invalid"]);
    let setup = run(dir, WAYMARK, &["git-setup"]);
    assert!(
        setup.status.success(),
        "{}",
        String::from_utf8_lossy(&setup.stderr)
    );
    let write =
        |plan: &Plan| std::fs::write(dir.join("plan.ron"), plan_to_ron(plan)).expect("write");
    write(&base_plan());
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "base"]);
    git(dir, &["checkout", "-q", "-b", "side"]);
    let mut plan = base_plan();
    theirs(&mut plan);
    write(&plan);
    git(dir, &["commit", "-q", "--allow-empty", "-am", "theirs"]);
    git(dir, &["checkout", "-q", "main"]);
    let mut plan = base_plan();
    ours(&mut plan);
    write(&plan);
    git(dir, &["commit", "-q", "--allow-empty", "-am", "ours"]);
    folder
}

fn merge(dir: &Path) -> (bool, Plan) {
    let output = run(dir, "git", &["merge", "-q", "--no-edit", "side"]);
    let text = std::fs::read_to_string(dir.join("plan.ron")).expect("merged file");
    let plan = plan_from_ron(&text).unwrap_or_else(|e| panic!("merged plan loads: {e}\n{text}"));
    (output.status.success(), plan)
}

fn task<'a>(plan: &'a Plan, id: &str) -> &'a Task {
    plan.task(&TaskId::from(id))
        .unwrap_or_else(|| panic!("no task {id}"))
}

fn set(plan: &mut Plan, id: &str, change: impl Fn(&mut Task)) {
    let index = plan.task_index(&TaskId::from(id)).expect("task");
    change(&mut plan.tasks[index]);
}

#[test]
fn git_setup_writes_the_attribute_and_the_driver_once() {
    let folder = tempfile::tempdir().expect("temp dir");
    let dir = folder.path();
    git(dir, &["init", "-q"]);
    std::fs::write(dir.join(".gitattributes"), "*.png binary").expect("write");
    for _ in 0..2 {
        let output = run(dir, WAYMARK, &["git-setup"]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let attributes = std::fs::read_to_string(dir.join(".gitattributes")).expect("attributes");
    assert_eq!(attributes, "*.png binary\n*.ron merge=waymark\n");
    let driver = git(dir, &["config", "merge.waymark.driver"]);
    let driver = String::from_utf8_lossy(&driver.stdout).trim().to_owned();
    let exe = Path::new(WAYMARK).canonicalize().expect("binary");
    assert_eq!(driver, format!("{} merge %O %A %B -o %A", exe.display()));
}

#[test]
fn branches_editing_different_tasks_merge_cleanly() {
    let repo = repository(
        |plan| set(plan, "BW-001", |t| t.status = StatusKey::from("DONE")),
        |plan| set(plan, "BW-003", |t| t.owner = "Kai".to_owned()),
    );
    let (clean, plan) = merge(repo.path());
    assert!(clean, "git reports a clean merge");
    assert_eq!(task(&plan, "BW-001").status.as_str(), "DONE");
    assert_eq!(task(&plan, "BW-003").owner, "Kai");
    assert!(plan.conflicts.is_empty());
    let log = git(repo.path(), &["log", "--oneline"]);
    assert_eq!(
        String::from_utf8_lossy(&log.stdout).lines().count(),
        4,
        "a merge commit"
    );
}

#[test]
fn one_task_changed_in_different_fields_merges_cleanly() {
    let repo = repository(
        |plan| set(plan, "BW-002", |t| t.estimate.hours = Some(4.0)),
        |plan| {
            set(plan, "BW-002", |t| {
                "Buy two repair stands".clone_into(&mut t.title);
            });
        },
    );
    let (clean, plan) = merge(repo.path());
    assert!(clean);
    assert_eq!(task(&plan, "BW-002").estimate.hours, Some(4.0));
    assert_eq!(task(&plan, "BW-002").title, "Buy two repair stands");
}

#[test]
fn the_same_field_changed_both_ways_stops_the_merge_with_a_recorded_conflict() {
    let repo = repository(
        |plan| set(plan, "BW-002", |t| t.owner = "Ana".to_owned()),
        |plan| set(plan, "BW-002", |t| t.owner = "Ben".to_owned()),
    );
    let (clean, plan) = merge(repo.path());
    assert!(!clean, "git reports the conflict");
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.conflicts[0].place(), "task BW-002, owner");
    assert_eq!(plan.conflicts[0].theirs.as_deref(), Some("\"Ben\""));
    assert_eq!(task(&plan, "BW-002").owner, "Ana");
    let check = run(repo.path(), WAYMARK, &["check", "plan.ron"]);
    assert_eq!(check.status.code(), Some(1));
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(
        text.contains("unresolved merge conflict at task BW-002, owner"),
        "{text}"
    );
    let stats = run(repo.path(), WAYMARK, &["stats", "plan.ron", "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("json");
    assert_eq!(stats["conflicts"], 1);
}

#[test]
fn a_delete_against_an_edit_stops_the_merge_and_keeps_the_edit() {
    let repo = repository(
        |plan| plan.tasks.retain(|t| t.id.as_str() != "BW-003"),
        |plan| set(plan, "BW-003", |t| t.notes = "Ask at the club".to_owned()),
    );
    let (clean, plan) = merge(repo.path());
    assert!(!clean);
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.conflicts[0].place(), "task BW-003");
    assert_eq!(plan.conflicts[0].ours, None);
    assert_eq!(task(&plan, "BW-003").notes, "Ask at the club");
}

#[test]
fn diff_lists_the_changes_between_two_commits() {
    let repo = repository(
        |plan| {
            set(plan, "BW-001", |t| t.status = StatusKey::from("DONE"));
            plan.tasks
                .push(Task::new("BW-004", "Get insurance", "TODO"));
        },
        |_| {},
    );
    let dir = repo.path();
    let old = git(dir, &["show", "HEAD~1:plan.ron"]);
    std::fs::write(dir.join("old.ron"), &old.stdout).expect("write");
    let output = run(dir, WAYMARK, &["diff", "old.ron", "plan.ron", "--json"]);
    assert_eq!(output.status.code(), Some(1), "the plans differ");
    let diff: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(diff["added"][0]["id"], "BW-004");
    assert_eq!(diff["changed"][0]["id"], "BW-001");
    assert_eq!(diff["changed"][0]["fields"][0]["field"], "status");
    assert_eq!(diff["changed"][0]["fields"][0]["after"], "DONE");
    let same = run(dir, WAYMARK, &["diff", "plan.ron", "plan.ron"]);
    assert_eq!(same.status.code(), Some(0));
    assert!(same.stdout.is_empty());
}
