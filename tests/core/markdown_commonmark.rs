//! The Markdown importer reads documents as `CommonMark`: code, HTML blocks and comments are never tasks
//! and come back from an export byte for byte.

use crate::fixture;
use waymark::io::{export_markdown, import_markdown};

/// The lines from the one starting with `first` to the one starting with `last`, as written.
fn block<'a>(text: &'a str, first: &str, last: &str) -> &'a str {
    let start = text.find(first).expect("the block's first line is there");
    let end = start
        + text[start..]
            .find(last)
            .expect("the block's last line is there")
        + last.len();
    &text[start..end]
}

#[test]
fn a_task_line_inside_a_fence_is_not_a_task_and_the_fence_survives_a_round_trip() {
    let text = "# Plan\n\n- [ ] Real task\n\n```\n- [ ] not a task\n  - [x] nor this  \n```\n";
    let imported = import_markdown(text).expect("imports");
    let titles: Vec<&str> = imported
        .plan
        .tasks
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    assert_eq!(titles, ["Real task"]);
    let fence = block(text, "```\n- [ ]", "  \n```");
    let written = export_markdown(&imported.plan);
    assert!(
        written.contains(fence),
        "the fence is not in the export byte for byte:\n{written}"
    );
    let again = import_markdown(&written).expect("the export imports");
    assert_eq!(again.plan, imported.plan);
    let written_again = export_markdown(&again.plan);
    assert_eq!(written_again, written);
}

#[test]
fn code_html_and_comments_are_never_tasks() {
    let text = fixture("md_code_and_html.md");
    let imported = import_markdown(&text).expect("imports");
    let plan = &imported.plan;
    let titles: Vec<&str> = plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Polish the lens", "Replace the wick", "Paint the railing"]
    );
    assert_eq!(plan.phases.len(), 1);
    let written = export_markdown(plan);
    for (first, last) in [
        ("```markdown", "nested, still code\n```"),
        ("    - [ ] an indented", "    - [x] and another"),
        ("<!--\n- [ ] a commented", "-->"),
        ("<details>", "</details>"),
        ("~~~\n| Task", "a row  |\n~~~"),
    ] {
        let original = block(&text, first, last);
        assert!(
            written.contains(original),
            "{first:?} block is not kept byte for byte:\n{written}"
        );
    }
    let again = import_markdown(&written).expect("the export imports");
    assert_eq!(&again.plan, plan);
}

#[test]
fn warnings_name_the_line_the_parser_found() {
    let text = "# Plan\n\n## Odds and ends\n\n```\ncode\n```\n";
    let imported = import_markdown(text).expect("imports");
    let lines: Vec<Option<usize>> = imported.report.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [Some(5)], "{:?}", imported.report.warnings);
}

#[test]
fn setext_headings_are_read_like_atx_headings() {
    let text = "Harbour plan\n============\n\nPhase 1: Moorings\n-----------------\n\n- [ ] Check the chains\n";
    let plan = import_markdown(text).expect("imports").plan;
    assert_eq!(plan.meta.title, "Harbour plan");
    assert_eq!(plan.phases.len(), 1);
    assert_eq!(plan.phases[0].name, "Phase 1: Moorings");
    assert_eq!(plan.tasks.len(), 1);
    assert_eq!(plan.tasks[0].phase.as_ref(), Some(&plan.phases[0].id));
}

#[test]
fn bold_ids_in_front_of_checkbox_items_become_task_ids() {
    let imported = import_markdown(&fixture("md_bold_ids.md")).expect("imports");
    let plan = &imported.plan;
    let task = |id: &str| {
        plan.tasks
            .iter()
            .find(|t| t.id.as_str() == id)
            .unwrap_or_else(|| panic!("no task {id}: {:?}", plan.tasks))
    };
    assert_eq!(task("R2.1").title, "Publish the timetable endpoint");
    assert_eq!(task("R2.1").tags, ["api"]);
    assert_eq!(task("R2.3").tags, ["ios"]);
    assert_eq!(task("R2.4").title, "Offline cache of the last timetable");
    assert_eq!(
        task("R2.3.1")
            .parent
            .as_ref()
            .map(waymark::model::TaskId::as_str),
        Some("R2.3")
    );
    assert_eq!(
        plan.category(&task("R2.2").status),
        waymark::model::StatusCategory::Done
    );
    // Bold words that are not ids stay in the title, as written.
    let titles: Vec<&str> = plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert!(
        titles.contains(&"**Setup** the staging ferry data"),
        "{titles:?}"
    );
    assert!(titles.contains(&"Session 5: Store review"), "{titles:?}");
    assert!(waymark::analysis::check_plan(plan).is_empty());
    // The ids survive a round trip.
    let again = import_markdown(&export_markdown(plan))
        .expect("re-imports")
        .plan;
    let ids = |plan: &waymark::model::Plan| -> Vec<String> {
        plan.tasks.iter().map(|t| t.id.to_string()).collect()
    };
    assert_eq!(ids(&again), ids(plan));
}

#[test]
fn statuses_written_after_a_title_make_tasks() {
    use waymark::model::StatusCategory::{Active, Done};
    let text = "# Canal boat refit\n\n- Strip the old paint ✅\n- Replace the anodes - COMPLETE\n\
                - Weld the patch plates — in progress\n- Order paint - from the chandlery\n";
    let plan = import_markdown(text).expect("imports").plan;
    let tasks: Vec<(&str, waymark::model::StatusCategory)> = plan
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), plan.category(&t.status)))
        .collect();
    assert_eq!(
        tasks,
        [
            ("Strip the old paint", Done),
            ("Replace the anodes", Done),
            ("Weld the patch plates", Active),
        ],
        "a dash before words that are no status is just text"
    );
}

#[test]
fn heading_blocks_with_bold_bullets_are_tasks_with_their_ids_and_dependencies() {
    use waymark::model::StatusCategory::{Active, Done, NotStarted};
    let imported = import_markdown(&fixture("md_heading_blocks.md")).expect("imports");
    let plan = &imported.plan;
    let rows: Vec<(&str, &str, waymark::model::StatusCategory)> = plan
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.title.as_str(), plan.category(&t.status)))
        .collect();
    assert_eq!(
        rows,
        [
            ("M01", "Drain the lock chamber", Done),
            ("M02", "Lift out the old gates", Active),
            ("M02.1", "Survey the gate recesses", NotStarted),
            ("M03", "Hang the new gates", NotStarted),
        ]
    );
    let task = |id: &str| {
        plan.tasks
            .iter()
            .find(|t| t.id.as_str() == id)
            .expect("the task")
    };
    assert!(task("M01").depends_on.is_empty(), "a dash means none");
    let deps = |id: &str| -> Vec<&str> {
        task(id)
            .depends_on
            .iter()
            .map(waymark::model::TaskId::as_str)
            .collect()
    };
    assert_eq!(deps("M03"), ["M02", "M02.1"]);
    // Struck-out values are revisions: the current one is the estimate, the text is kept.
    assert_eq!(task("M01").estimate.hours, Some(34.0));
    assert_eq!(task("M02.1").estimate.points, Some(5.0));
    assert!(
        task("M01")
            .fields
            .iter()
            .any(|f| f.value == "~~40~~ **34 hours**")
    );
    assert!(waymark::analysis::check_plan(plan).is_empty());
}
