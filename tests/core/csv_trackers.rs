//! CSV exports of other trackers and the shapes people give task tables: the header below a preamble,
//! three-point estimates, subtasks shown by indent, references by order or title; every import passes
//! the plan check.

use crate::fixture;
use waymark::analysis::check_plan;
use waymark::io::{Imported, UNRESOLVED_DEPENDENCIES, import_csv};
use waymark::model::{Plan, StatusCategory, Task, TaskId};

fn import(name: &str) -> Imported {
    let imported = import_csv(&fixture(name)).expect("the fixture imports");
    let problems = check_plan(&imported.plan);
    assert!(problems.is_empty(), "{name}: {problems:?}");
    imported
}

fn task<'a>(plan: &'a Plan, id: &str) -> &'a Task {
    plan.tasks
        .iter()
        .find(|t| t.id.as_str() == id)
        .unwrap_or_else(|| panic!("no task {id}"))
}

fn field<'a>(task: &'a Task, name: &str) -> Option<&'a str> {
    task.fields
        .iter()
        .find(|f| f.name == name)
        .map(|f| f.value.as_str())
}

fn ids(list: &[TaskId]) -> Vec<&str> {
    list.iter().map(TaskId::as_str).collect()
}

#[test]
fn a_jira_export_gives_hierarchy_points_links_and_categories() {
    let imported = import("csv_jira_export.csv");
    let plan = &imported.plan;
    assert_eq!(plan.tasks.len(), 6);
    assert_eq!(
        imported.report.recognised,
        "Recognised a Jira export: 6 issues, 1 epic, 2 sub-tasks"
    );
    // Parent key, not Jira's numeric Parent, gives the hierarchy.
    assert_eq!(task(plan, "GH-2").parent, Some(TaskId::from("GH-1")));
    assert_eq!(task(plan, "GH-4").parent, Some(TaskId::from("GH-2")));
    assert_eq!(task(plan, "GH-6").parent, None);
    assert_eq!(field(task(plan, "GH-2"), "Parent"), Some("10001"));
    assert_eq!(task(plan, "GH-3").estimate.points, Some(8.0));
    // The last Sprint column is the current sprint; both sprints exist.
    assert_eq!(
        task(plan, "GH-2")
            .sprint
            .as_ref()
            .map(waymark::model::SprintId::as_str),
        Some("GH Sprint 2")
    );
    assert_eq!(plan.sprints.len(), 2);
    assert_eq!(task(plan, "GH-2").tags, ["hardware", "sensors"]);
    // Inward "Blocks" link: GH-3 waits for GH-2; outward link from GH-2 says the same once.
    assert_eq!(ids(&task(plan, "GH-3").depends_on), ["GH-2"]);
    // An inward link to an issue outside the export is kept as a field.
    assert!(task(plan, "GH-5").depends_on.is_empty());
    assert_eq!(
        field(task(plan, "GH-5"), UNRESOLVED_DEPENDENCIES),
        Some("GH-99")
    );
    // Status Category decides the category of a status the legend lacks.
    assert_eq!(
        plan.category(&task(plan, "GH-3").status),
        StatusCategory::NotStarted
    );
    assert_eq!(
        plan.category(&task(plan, "GH-4").status),
        StatusCategory::Active
    );
    assert_eq!(
        plan.category(&task(plan, "GH-2").status),
        StatusCategory::Done
    );
    assert_eq!(
        task(plan, "GH-2")
            .completed
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-02-17")
    );
    // One grouped line for the Jira dates, not one per cell.
    let groups = imported.report.grouped_warnings();
    assert!(
        groups.iter().any(|g| g
            .message
            .starts_with("1 date in the form 15/Feb/26 4:37 PM read as a date")),
        "{groups:?}"
    );
    assert!(
        imported
            .report
            .summary
            .iter()
            .any(|l| l == "column \"Parent key\" → parent task")
    );
}

#[test]
fn the_header_is_found_below_a_preamble_and_estimates_have_three_points() {
    let imported = import("csv_preamble_outline.csv");
    let plan = &imported.plan;
    assert_eq!(plan.tasks.len(), 6);
    assert_eq!(plan.meta.title, "Bakery refit - task export");
    let kept: Vec<(&str, &str)> = plan
        .meta
        .extra
        .iter()
        .map(|e| (e.key.as_str(), e.value.as_str()))
        .collect();
    assert_eq!(kept, [("Total tasks", "6"), ("Sorted by", "order")]);
    let above: Vec<Option<usize>> = imported
        .report
        .warnings
        .iter()
        .filter(|w| w.message.contains("above the header"))
        .map(|w| w.line)
        .collect();
    assert_eq!(above, [Some(1), Some(2), Some(3)]);
    // Order is the id; "Blocker" refers to it.
    assert_eq!(ids(&task(plan, "2").depends_on), ["1"]);
    assert_eq!(ids(&task(plan, "4").depends_on), ["2"]);
    // A blocker that names no row is kept as a field.
    assert_eq!(field(task(plan, "5"), UNRESOLVED_DEPENDENCIES), Some("9"));
    // Subtasks by leading spaces.
    assert_eq!(task(plan, "3").parent, Some(TaskId::from("2")));
    assert_eq!(task(plan, "3a").parent, Some(TaskId::from("2")));
    assert_eq!(task(plan, "3").title, "Measure the alcove");
    assert_eq!(task(plan, "4").parent, None);
    // Three-point estimates: PERT mean as hours, the three values kept.
    let oven = task(plan, "4").estimate;
    let three = oven.three_point.expect("three values kept");
    assert_eq!(
        (three.optimistic, three.likely, three.pessimistic),
        (8.0, 10.0, 18.0)
    );
    assert_eq!(oven.hours, Some(11.0));
    let boards = task(plan, "3a").estimate;
    assert_eq!(
        boards.hours,
        Some(2.0),
        "a lone likely value is the estimate"
    );
    assert_eq!(task(plan, "5").estimate.three_point, None);
}

#[test]
fn asana_linear_github_and_trello_exports_are_recognised() {
    let asana = import("csv_asana_export.csv");
    assert_eq!(
        asana.report.recognised,
        "Recognised an Asana export: 4 tasks, 1 subtask"
    );
    let plan = &asana.plan;
    assert_eq!(
        task(plan, "503").parent,
        Some(TaskId::from("502")),
        "parent by title"
    );
    assert_eq!(ids(&task(plan, "502").depends_on), ["501"]);
    assert_eq!(ids(&task(plan, "504").depends_on), ["502"]);
    assert_eq!(task(plan, "501").group, "Planning");
    assert_eq!(
        task(plan, "501").description,
        "First pass at the winter menu"
    );
    assert!(task(plan, "501").completed.is_some());

    let linear = import("csv_linear_export.csv");
    assert_eq!(
        linear.report.recognised,
        "Recognised a Linear export: 3 issues, 1 sub-issue in 2 cycles"
    );
    let plan = &linear.plan;
    assert_eq!(task(plan, "ORB-2").estimate.points, Some(2.0));
    assert_eq!(task(plan, "ORB-2").parent, Some(TaskId::from("ORB-1")));
    assert_eq!(
        task(plan, "ORB-1")
            .completed
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-02-05")
    );
    assert_eq!(task(plan, "ORB-3").priority, None);
    assert_eq!(plan.phases.len(), 1);

    let github = import("csv_github_export.csv");
    assert_eq!(
        github.report.recognised,
        "Recognised a GitHub Projects export: 3 items in 2 iterations"
    );
    assert_eq!(github.plan.tasks[1].owner, "lee");
    assert_eq!(github.plan.tasks[1].estimate.points, Some(5.0));

    let trello = import("csv_trello_export.csv");
    assert_eq!(
        trello.report.recognised,
        "Recognised a Trello export: 3 cards"
    );
    let plan = &trello.plan;
    assert_eq!(
        plan.category(&task(plan, "c1").status),
        StatusCategory::Done
    );
    assert_eq!(
        plan.category(&task(plan, "c2").status),
        StatusCategory::Active
    );
    assert_eq!(
        task(plan, "c2").due.map(|d| d.to_string()).as_deref(),
        Some("2026-05-20")
    );
}

#[test]
fn dangling_references_and_duplicate_ids_never_reach_the_plan() {
    let text = "id,task,parent,sprint,dependencies\nA,One,,,\nA,Two,NOPE,,A\nB,Three,B,,C|A\n";
    let imported = import_csv(text).expect("imports");
    assert!(
        check_plan(&imported.plan).is_empty(),
        "{:?}",
        check_plan(&imported.plan)
    );
    assert_eq!(imported.plan.tasks[1].id.as_str(), "A-2");
    assert_eq!(imported.plan.tasks[1].parent, None);
    assert_eq!(
        field(&imported.plan.tasks[1], "Unresolved parent"),
        Some("NOPE")
    );
    assert_eq!(
        imported.plan.tasks[2].parent, None,
        "a task is not its own parent"
    );
    assert_eq!(ids(&imported.plan.tasks[2].depends_on), ["A"]);
    assert_eq!(
        field(&imported.plan.tasks[2], UNRESOLVED_DEPENDENCIES),
        Some("C")
    );
}

#[test]
fn a_loop_in_the_source_is_kept_and_named() {
    let text = "id,task,dependencies\nA,One,B\nB,Two,A\n";
    let imported = import_csv(text).expect("imports");
    assert_eq!(imported.report.loops, 1);
    assert!(
        imported
            .report
            .warnings
            .iter()
            .any(|w| w.message.contains("A → B → A") && w.line == Some(2)),
        "{:?}",
        imported.report.warnings
    );
    assert_eq!(ids(&imported.plan.tasks[0].depends_on), ["B"]);
}

#[test]
fn repeated_warnings_are_grouped() {
    let rows: Vec<String> = (0..5)
        .map(|n| format!("T{n},Task {n},soonish{n}"))
        .collect();
    let mut text = format!("id,task,priority\n{}\n", rows.join("\n"));
    text.push_str("X,Other,P1,extra\n");
    let report = import_csv(&text).expect("imports").report;
    let groups = report.grouped_warnings();
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert_eq!(groups[0].count, 5);
    assert_eq!(groups[0].lines, [2, 3, 4, 5, 6]);
    assert_eq!(groups[1].count, 1);
    assert!(
        groups[0]
            .to_string()
            .starts_with("5 times (lines 2, 3, 4, 5, 6), such as: ")
    );
}
