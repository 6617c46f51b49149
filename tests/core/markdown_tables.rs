//! Markdown task tables: pipe tables whose rows are tasks, with sprint and phase rows, the heading
//! above as the group, several status columns, and tables that are not task tables.

use crate::{fixture, import_markdown_ok as import, task_titled as task};
use proptest::prelude::*;
use waymark::analysis::{Problem, check_plan};
use waymark::io::{export_markdown, import_markdown};
use waymark::model::{PhaseId, Plan, SprintId, StatusCategory, Task, TaskId};

/// The 1-based number of the one line of `text` that contains `needle`.
fn line_with(text: &str, needle: &str) -> usize {
    let found: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .map(|(at, _)| at + 1)
        .collect();
    assert_eq!(found.len(), 1, "{needle:?} once");
    found[0]
}

fn field<'a>(task: &'a Task, name: &str) -> Option<&'a str> {
    task.fields
        .iter()
        .find(|f| f.name == name)
        .map(|f| f.value.as_str())
}

fn status_of(plan: &Plan, title: &str) -> (String, StatusCategory) {
    let status = &task(plan, title).status;
    (status.as_str().to_owned(), plan.category(status))
}

/// A date, as the task's optional date fields hold it.
#[expect(clippy::unnecessary_wraps, reason = "compared with optional dates")]
fn day(text: &str) -> Option<chrono::NaiveDate> {
    Some(chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date"))
}

#[test]
fn task_tables_become_tasks() {
    let text = fixture("md_task_tables.md");
    let imported = import(&text);
    let plan = &imported.plan;
    let titles: Vec<&str> = plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Collect the winter timetable",
            "Draw the route map",
            "Set up ticket prices",
            "Test on the old tablets",
            "Print paper tickets",
            "Card reader at the kiosk",
            "Refund desk rota",
            "Season pass",
            "Pilot on the north pier",
            "Rollout to every pier",
            "Announce in the harbour newsletter",
            "Offline timetable",
            "Push alerts for delays",
            "Dark mode",
        ]
    );
    // The id column gives ids; rows of tables without one get automatic ids.
    let ids: Vec<&str> = plan.tasks.iter().take(5).map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["FT-1", "FT-2", "FT-3", "FT-4", "T-005"]);
    // Statuses written as emoji and words, through the default legend.
    let statuses: Vec<&str> = plan.tasks.iter().map(|t| t.status.as_str()).collect();
    assert_eq!(
        statuses,
        [
            "DONE",
            "IN PROGRESS",
            "TODO",
            "BLOCKED",
            "DONE",
            "IN PROGRESS",
            "TODO",
            "TODO",
            "TODO",
            "TODO",
            "TODO",
            "IN PROGRESS",
            "TODO",
            "DONE",
        ]
    );
    let owners: Vec<&str> = plan.tasks.iter().map(|t| t.owner.as_str()).collect();
    assert_eq!(
        owners,
        [
            "Ines", "Ola", "", "Ines", "Ola", "Marek", "Marek", "", "Ola", "Ines", "Marek", "", "",
            ""
        ]
    );
    let first = task(plan, "Collect the winter timetable");
    assert_eq!(first.start, day("2026-01-05"));
    assert_eq!(first.due, day("2026-01-09"));
    assert_eq!(field(first, "Progress"), Some("100%"));
    assert_eq!(
        field(first, "Pier"),
        Some("North"),
        "an unknown column is kept"
    );
    let prices = task(plan, "Set up ticket prices");
    assert_eq!((prices.start, prices.due), (None, day("2026-02-06")));
    assert_eq!(field(prices, "Pier"), Some("South"));
    let tablets = task(plan, "Test on the old tablets");
    assert!(tablets.fields.is_empty(), "n/a and blank cells are empty");
    assert_eq!(task(plan, "Draw the route map").fields.len(), 1);
    assert_eq!(plan.meta.updated, day("2026-01-20"));
}

#[test]
fn sprint_rows_headings_and_phase_rows_place_the_rows_below() {
    let plan = import(&fixture("md_task_tables.md")).plan;
    let sprints: Vec<(&str, &str)> = plan
        .sprints
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(
        sprints,
        [("sprint-1", "Sprint 1"), ("sprint-2", "Sprint 2")]
    );
    let sprint_of = |title| task(&plan, title).sprint.as_ref().map(SprintId::as_str);
    assert_eq!(sprint_of("Print paper tickets"), Some("sprint-1"));
    assert_eq!(sprint_of("Card reader at the kiosk"), Some("sprint-1"));
    assert_eq!(sprint_of("Refund desk rota"), Some("sprint-2"));
    assert_eq!(sprint_of("Season pass"), Some("sprint-2"));
    assert_eq!(plan.tasks.iter().filter(|t| t.sprint.is_some()).count(), 4);
    let groups: Vec<&str> = plan.tasks.iter().map(|t| t.group.as_str()).collect();
    assert_eq!(groups[..4], ["Launch work"; 4]);
    assert_eq!(groups[4..8], ["Launch work / Ticket office"; 4]);
    assert_eq!(groups[8..11], ["Rollout"; 3]);
    assert_eq!(groups[11..], ["Platform releases"; 3]);
    let phases: Vec<(&str, &str)> = plan
        .phases
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(
        phases,
        [
            ("phase-1", "Phase 1: Pilot"),
            ("phase-2", "Phase 2: All piers")
        ]
    );
    let phase_of = |title| task(&plan, title).phase.as_ref().map(PhaseId::as_str);
    assert_eq!(phase_of("Pilot on the north pier"), Some("phase-1"));
    assert_eq!(phase_of("Rollout to every pier"), Some("phase-2"));
    assert_eq!(
        phase_of("Announce in the harbour newsletter"),
        Some("phase-2")
    );
    assert_eq!(plan.tasks.iter().filter(|t| t.phase.is_some()).count(), 3);
    // Points, priorities and a due date that is no date (kept under the table's header).
    let points: Vec<Option<f64>> = plan.tasks.to_vec()[4..8]
        .iter()
        .map(|t| t.estimate.points)
        .collect();
    assert_eq!(points, [Some(3.0), Some(5.0), Some(2.0), Some(8.0)]);
    let priorities: Vec<String> = plan.tasks.to_vec()[8..11]
        .iter()
        .map(|t| t.priority.map(|p| p.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(priorities, ["P1", "P2", "P3"]);
    let newsletter = task(&plan, "Announce in the harbour newsletter");
    assert_eq!(newsletter.due, None);
    assert_eq!(field(newsletter, "Due"), Some("soon"));
}

#[test]
fn several_status_columns_keep_each_status_and_take_the_least_advanced() {
    let plan = import(&fixture("md_task_tables.md")).plan;
    let offline = task(&plan, "Offline timetable");
    let kept: Vec<(&str, &str)> = offline
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            ("iOS status", "✅ Done"),
            ("Android status", "🔄 In Progress"),
            ("Web status", "✅ Done"),
        ]
    );
    assert_eq!(
        status_of(&plan, "Offline timetable"),
        ("IN PROGRESS".to_owned(), StatusCategory::Active)
    );
    let alerts = task(&plan, "Push alerts for delays");
    assert_eq!(alerts.fields.len(), 2, "n/a is no status");
    assert_eq!(field(alerts, "Web status"), None);
    assert_eq!(
        status_of(&plan, "Push alerts for delays").1,
        StatusCategory::NotStarted
    );
    assert_eq!(status_of(&plan, "Dark mode").1, StatusCategory::Done);
}

#[test]
fn statuses_written_as_bare_emoji_survive_the_round_trip() {
    let text = "# P\n\n| Feature | Status | Status |\n|---|---|---|\n| Tide tables | ✅ | 🔄 |\n";
    let plan = import(text).plan;
    assert_eq!(plan.tasks.len(), 1);
    let kept: Vec<(&str, &str)> = plan.tasks[0]
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        kept,
        [("Status (column 2)", "✅"), ("Status (column 3)", "🔄")]
    );
    assert_eq!(plan.category(&plan.tasks[0].status), StatusCategory::Active);
    let written = export_markdown(&plan);
    assert_eq!(import(&written).plan, plan, "document:\n{written}");
}

#[test]
fn dependencies_resolve_and_an_unknown_one_is_a_warning_on_its_row() {
    let text = fixture("md_task_tables.md");
    let imported = import(&text);
    let plan = &imported.plan;
    let deps = |title| -> Vec<&str> {
        task(plan, title)
            .depends_on
            .iter()
            .map(TaskId::as_str)
            .collect()
    };
    assert_eq!(deps("Print paper tickets"), ["FT-1"]);
    let print = task(plan, "Print paper tickets").id.as_str();
    let reader = task(plan, "Card reader at the kiosk").id.as_str();
    assert_eq!(deps("Card reader at the kiosk"), [print]);
    assert_eq!(deps("Season pass"), ["FT-2", reader]);
    assert!(deps("Refund desk rota").is_empty());
    let rota = task(plan, "Refund desk rota");
    assert_eq!(field(rota, "Dependencies"), Some("FT-9"));
    let about: Vec<_> = imported
        .report
        .warnings
        .iter()
        .filter(|w| w.message.contains("FT-9"))
        .collect();
    assert_eq!(about.len(), 1, "{:#?}", imported.report.warnings);
    assert_eq!(about[0].line, Some(line_with(&text, "| Refund desk rota")));
    assert_eq!(
        imported.report.warnings.len(),
        2,
        "{:#?}",
        imported.report.warnings
    );
}

#[test]
fn a_table_that_is_not_a_task_table_stays_a_note() {
    let text = fixture("md_task_tables.md");
    let imported = import(&text);
    let plan = &imported.plan;
    assert_eq!(plan.notes.len(), 1);
    let note = &plan.notes[0];
    assert_eq!(note.heading, "Glossary");
    assert_eq!(note.body.lines().count(), 4);
    assert!(note.body.starts_with("| Term | Meaning |"));
    assert!(plan.tasks.iter().all(|t| t.title != "Slip"));
    let warning = imported
        .report
        .warnings
        .iter()
        .find(|w| w.message.contains("Glossary"))
        .expect("the glossary is reported");
    assert_eq!(warning.line, Some(line_with(&text, "| Term | Meaning |")));
}

#[test]
fn the_imported_plan_passes_the_check_and_survives_a_round_trip() {
    let plan = import(&fixture("md_task_tables.md")).plan;
    assert_eq!(check_plan(&plan), Vec::new());
    let written = export_markdown(&plan);
    let again = import(&written).plan;
    for (a, b) in plan.tasks.iter().zip(&again.tasks) {
        assert_eq!(a, b, "document:\n{written}");
    }
    assert_eq!(again, plan, "document:\n{written}");
}

#[test]
fn register_tables_and_other_tables_are_read_as_before() {
    // A blockers table is a register even though it has an id and a status column.
    let text = "# P\n\n## Blockers\n\n| ID | Blocker | Task | Status |\n|---|---|---|---|\n| B-1 | Crane broken | Lift hull | Open |\n";
    let plan = import(text).plan;
    assert_eq!(plan.blockers.len(), 1);
    assert!(plan.tasks.is_empty());
    // A table of names without any status, owner, date or id column is no task table.
    let text = "# P\n\n## Crew\n\n| Name | Role |\n|---|---|\n| Ines | Skipper |\n";
    let plan = import(text).plan;
    assert!(plan.tasks.is_empty());
    assert_eq!(plan.notes.len(), 1);
    // An overall-progress table (phases by name) is still one; a task table with a phase
    // column gives its tasks that phase.
    let text = "# P\n\n| Phase | Status |\n|---|---|\n| Hull | Done |\n\n| Task | Phase | Status |\n|---|---|---|\n| Sand the keel | Hull | todo |\n";
    let plan = import(text).plan;
    assert_eq!(plan.phases.len(), 1);
    assert_eq!(plan.tasks.len(), 1);
    assert_eq!(plan.tasks[0].phase, Some(plan.phases[0].id.clone()));
}

#[test]
fn a_phase_column_names_a_phase_whose_heading_comes_later() {
    let text = "# P\n\n## Work\n\n| Task | Phase | Status |\n|---|---|---|\n| Fit the engine | Beta | todo |\n| Paint the funnel | Gamma | done |\n\n## Phase 2: Beta\n\n- [ ] Sea trial\n";
    let imported = import(text);
    let plan = &imported.plan;
    let phases: Vec<&str> = plan.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(phases, ["phase-2", "gamma"]);
    let of: Vec<Option<&str>> = plan
        .tasks
        .iter()
        .map(|t| t.phase.as_ref().map(PhaseId::as_str))
        .collect();
    assert_eq!(of, [Some("phase-2"), Some("gamma"), Some("phase-2")]);
    assert_eq!(check_plan(plan), Vec::new());
    assert_eq!(import(&export_markdown(plan)).plan, *plan);
}

#[test]
fn sprint_columns_and_progress_without_status() {
    let text = "# P\n\n|Item|Sprint|% Complete|Owner|\n|-|-|-|-|\n|Caulk the deck|2|100%|Ola|\n|Varnish the rail|Sprint 3|40 %|Ola|\n|Fit the mast|sprint 2|0|—|\n";
    let imported = import(text);
    let plan = &imported.plan;
    assert_eq!(plan.tasks.len(), 3);
    let sprints: Vec<&str> = plan.sprints.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sprints, ["sprint-2", "sprint-3"]);
    let of: Vec<Option<&str>> = plan
        .tasks
        .iter()
        .map(|t| t.sprint.as_ref().map(SprintId::as_str))
        .collect();
    assert_eq!(of, [Some("sprint-2"), Some("sprint-3"), Some("sprint-2")]);
    let categories: Vec<StatusCategory> = plan
        .tasks
        .iter()
        .map(|t| plan.category(&t.status))
        .collect();
    assert_eq!(
        categories,
        [
            StatusCategory::Done,
            StatusCategory::Active,
            StatusCategory::NotStarted
        ]
    );
    assert_eq!(check_plan(plan), Vec::new());
    assert_eq!(import(&export_markdown(plan)).plan, *plan);
}

#[test]
fn known_field_columns_extra_cells_empty_tables_and_rows_without_titles() {
    let text = "# P\n\n## Yard\n\n| Task | Status | Tags | Completed | Who | Assignee |\n|---|---|---|---|---|---|\n| Scrape the hull | done | hull, paint | 2026-03-01 | Ola | Ines | spare |\n| | todo | deck | | Ines |\n\n## Empty\n\n| Task | Status |\n|---|---|\n";
    let imported = import(text);
    let plan = &imported.plan;
    assert_eq!(plan.tasks.len(), 1);
    let hull = &plan.tasks[0];
    assert_eq!(hull.tags, ["hull", "paint"]);
    assert_eq!(hull.completed, day("2026-03-01"));
    assert_eq!(hull.owner, "Ola");
    assert_eq!(
        field(hull, "Assignee (column 6)"),
        Some("Ines"),
        "a second owner is kept"
    );
    assert_eq!(
        field(hull, "Column 7"),
        Some("spare"),
        "a cell past the header is kept"
    );
    let warning = imported
        .report
        .warnings
        .iter()
        .find(|w| w.message.contains("without a title"))
        .expect("the row without a title is reported");
    assert_eq!(warning.line, Some(8));
    let yard = plan
        .notes
        .iter()
        .find(|n| n.heading == "Yard")
        .expect("a note");
    assert_eq!(yard.body, "| | todo | deck | | Ines |");
    let empty = plan
        .notes
        .iter()
        .find(|n| n.heading == "Empty")
        .expect("a note");
    assert_eq!(empty.body, "| Task | Status |\n|---|---|");
    assert_eq!(check_plan(plan), Vec::new());
    assert_eq!(import(&export_markdown(plan)).plan, *plan);
}

#[test]
fn rows_under_a_heading_task_are_its_subtasks() {
    let text = "# P\n\n### Rigging\n\n**Status**: in progress\n\n| Task | Status |\n|---|---|\n| Splice the stays | done |\n| Tune the shrouds | todo |\n";
    let plan = import(text).plan;
    assert_eq!(plan.tasks.len(), 3);
    let parent = Some(plan.tasks[0].id.clone());
    assert_eq!(plan.tasks[0].title, "Rigging");
    assert!(plan.tasks.to_vec()[1..].iter().all(|t| t.parent == parent));
    assert_eq!(import(&export_markdown(&plan)).plan, plan);
}

/// Imports, exports and imports again; the plan must come back unchanged.
fn round_trip(text: &str) -> Plan {
    let plan = import(text).plan;
    let written = export_markdown(&plan);
    assert_eq!(import(&written).plan, plan, "{written}");
    plan
}

#[test]
fn phases_and_sprints_named_by_a_status_emoji_keep_their_names() {
    // An overall-progress table whose phase is named by an emoji, and task-table cells naming a
    // phase and a sprint that end with a status emoji: the headings the export writes for them
    // must not be read as phases or sprints with that status.
    let plan = round_trip("# Plan\n\n| Task | Phase |\n|---|---|\n| **Sprint 0** | 🔄 |\n");
    assert_eq!(plan.phases[0].name, "🔄");
    assert_eq!(plan.phases[0].status, None);
    let plan = round_trip(
        "# Plan\n\n| Task | Status | Phase | Sprint |\n|---|---|---|---|\n\
         | Card reader | ✅ | Payments 🔄 | Beta ✅ |\n",
    );
    let names: Vec<&str> = plan.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Payments 🔄"]);
    assert_eq!(plan.phases[0].status, None);
    assert_eq!(plan.sprints[0].name, "Beta ✅");
    assert!(!plan.sprints[0].closed);
    let written = export_markdown(&plan);
    assert!(
        written.contains("## Phase: Payments 🔄 {#payments}"),
        "{written}"
    );
}

#[test]
fn a_dependency_found_by_title_names_that_task_when_its_id_is_written_twice() {
    let text = "# Plan\n\n| Task | Status | ID |\n|---|---|---|\n\
                | after Setup is done | 🔄 | T-1 |\n| Setup | ✅ | T-1 |\n";
    let plan = round_trip(text);
    let setup = task(&plan, "Setup");
    assert_eq!(setup.id, TaskId::from("T-1-2"));
    assert_eq!(
        task(&plan, "after Setup is done").depends_on,
        std::slice::from_ref(&setup.id)
    );
}

#[test]
fn progress_rows_whose_names_make_the_same_id_stay_two_phases() {
    let plan = round_trip("# Plan\n\n| Phase | Tags |\n|---|---|\n| 2% | a |\n| 2 | b |\n");
    let phases: Vec<(&str, &str)> = plan
        .phases
        .iter()
        .map(|p| (p.name.as_str(), p.id.as_str()))
        .collect();
    assert_eq!(phases, [("2%", "2"), ("2", "2-2")]);
}

#[test]
fn a_register_row_with_nothing_the_register_reads_adds_no_entry() {
    // "Aurl" names a links table; the row's only cell is under a column links do not read.
    let plan = round_trip("# Plan\n\n| Task | Aurl |\n|---|---|\n| T-0 |\n");
    assert!(plan.links.is_empty(), "{:?}", plan.links);
    assert!(plan.tasks.is_empty());
    // A known issue whose only cell names a phase the plan lacks: a warning, and no entry.
    let text = "# Plan\n\n| Task | Phase | Issue |\n|---|---|---|\n| **Sprint 0** | T-0 | - |\n";
    let imported = import(text);
    assert!(
        imported.plan.known_issues.is_empty(),
        "{:?}",
        imported.plan.known_issues
    );
    assert!(
        imported
            .report
            .warnings
            .iter()
            .any(|w| w.message == "phase \"T-0\" is not in the plan")
    );
    round_trip(text);
}

#[test]
fn a_status_of_punctuation_only_is_added_to_the_legend_once() {
    let text = "# Plan\n\n| Task | Status |\n|---|---|\n| One | ( |\n| Two | ( |\n";
    let plan = round_trip(text);
    let keys: Vec<&str> = plan.legend.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys.iter().filter(|k| **k == "(").count(), 1, "{keys:?}");
    assert_eq!(task(&plan, "Two").status.as_str(), "(");
}

/// The plan imported from `text` passes `waymark check` (a loop of dependencies is the document's
/// own; anything else wrong is the importer's), and its Markdown export imports as the same plan.
fn valid_and_round_trips(text: &str) -> Result<(), TestCaseError> {
    let plan = import(text).plan;
    let problems: Vec<Problem> = check_plan(&plan)
        .into_iter()
        .filter(|p| !matches!(p, Problem::Cycle(_)))
        .collect();
    prop_assert_eq!(problems, Vec::new(), "{}", text);
    let written = export_markdown(&plan);
    let again = import(&written).plan;
    prop_assert_eq!(again, plan, "{}\n---\n{}", text, written);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_task_tables_never_panic(
        header in proptest::collection::vec(
            "(Task|ID|#|Status|iOS status|Owner|Progress|%|Start|Due|Sprint|Phase|Depends on|Notes|Points|[a-z ]{0,6})",
            0..7,
        ),
        rows in proptest::collection::vec(
            proptest::collection::vec("(\\*\\*Sprint [0-9]\\*\\*|Phase 1: x|✅ Done|⏳|-|n/a|T-[0-9]|2026-01-0[1-9]|[a-zA-Z0-9 |\\\\]{0,8})", 0..8),
            0..8,
        ),
        outer in any::<bool>(),
    ) {
        let pipe = if outer { "|" } else { "" };
        let mut text = String::from("# Plan\n\n## Work\n\n");
        let line = |cells: &[String]| format!("{pipe}{}{pipe}\n", cells.join("|"));
        text.push_str(&line(&header));
        text.push_str(&line(&vec!["---".to_owned(); header.len().max(1)]));
        for row in &rows {
            text.push_str(&line(row));
        }
        if let Ok(imported) = import_markdown(&text) {
            let _ = export_markdown(&imported.plan);
        }
    }

    #[test]
    fn random_task_tables_pass_the_check_and_round_trip(
        header in proptest::collection::vec(
            "(ID|Status|Web status|Owner|Progress|Start|Due|Sprint|Phase|Depends on|Notes|Points|Priority|Tags|Risk|Reviewer|Issue|URL|[A-Z][a-z]{1,6})",
            0..6,
        ),
        rows in proptest::collection::vec(
            proptest::collection::vec(
                "(\\*\\*Sprint [0-9]\\*\\*|\\*\\*[A-Z][a-z]{1,6}\\*\\*|Phase [0-9]: [a-z]{1,4}|✅ Done|⏳ Pending|🔄|blocked|-|n/a|T-[0-9]|[0-9]{1,3}%|2026-01-0[1-9]|high|[a-zA-Z0-9][a-zA-Z0-9 ,]{0,8})",
                0..8,
            ),
            0..10,
        ),
    ) {
        let mut text = format!(
            "# Plan\n\n## Work\n\n| Task | {} |\n|{}\n",
            header.join(" | "),
            "---|".repeat(header.len() + 1)
        );
        for row in &rows {
            text.push_str("| ");
            text.push_str(&row.join(" | "));
            text.push_str(" |\n");
        }
        valid_and_round_trips(&text)?;
    }

    #[test]
    fn mutated_task_tables_never_panic(cut in 0usize..2400, insert in "[-|:*✅⏳ \n0-9a-z]{0,12}") {
        let text = fixture("md_task_tables.md");
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mutated = format!("{}{insert}{}", &text[..at], &text[at..]);
        if let Ok(imported) = import_markdown(&mutated) {
            let _ = export_markdown(&imported.plan);
        }
    }
}

/// Headings of the newer structures a task table may stand under.
const HEADINGS_ABOVE: [&str; 10] = [
    "## Work",
    "## Completed",
    "## In progress",
    "## Payments 🔄",
    "### ✅ Auth",
    "## Phase 1: Alpha",
    "## Sprint 3 ✅",
    "## Sprint 04 (2 weeks): 2026-03-02 → 2026-03-13",
    "## Release 1 (Sprints 01-03)",
    "**Sprint 02 (Feb 16-Feb 27):**",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn task_tables_under_the_newer_structures_round_trip(
        above in proptest::collection::vec(0..HEADINGS_ABOVE.len(), 0..3),
        header in proptest::collection::vec(
            "(ID|Status|Owner|Sprint|Phase|Depends on|Notes|Due|[A-Z][a-z]{1,6})",
            0..5,
        ),
        rows in proptest::collection::vec(
            proptest::collection::vec(
                "(\\*\\*Sprint [0-9]\\*\\*|Phase [0-9]: [a-z]{1,4}|✅ Done|🔄|blocked|-|T-[0-9]|Setup|blocked by T-[0-9]|after Setup is done|must complete before T-[0-9]|Sprint 5: 2026-04-06 - 2026-04-17|\\*\\*Sprint 02 \\(Feb 16-Feb 27\\):\\*\\*|shipped \\(commit abc\\)|Done - merged|✅ Auth|Payments 🔄|Release 1 \\(Sprints 01-03\\)|Completed|2026-01-0[1-9]|[a-zA-Z0-9][a-zA-Z0-9 ,]{0,8})",
                0..6,
            ),
            0..8,
        ),
    ) {
        let mut text = String::from("# Plan\n\n");
        for at in &above {
            text.push_str(HEADINGS_ABOVE[*at]);
            text.push_str("\n\n");
        }
        text.push_str("| Task | ");
        text.push_str(&header.join(" | "));
        text.push_str(" |\n|");
        text.push_str(&"---|".repeat(header.len() + 1));
        text.push('\n');
        for row in &rows {
            text.push_str("| ");
            text.push_str(&row.join(" | "));
            text.push_str(" |\n");
        }
        valid_and_round_trips(&text)?;
    }
}

/// Lines of task tables and of the newer structures, mixed at random (with noise) into documents.
const MIXED: [&str; 27] = [
    "## Completed",
    "## Yet to complete",
    "### ✅ Auth",
    "## Payments 🔄",
    "### Search — ⏳",
    "- Sprint 04 (2 weeks): 2026-03-02 → 2026-03-13",
    "**Sprint 02 (Feb 16-Feb 27):**",
    "Sprint 5: 2026-04-06 - 2026-04-17",
    "Release 1 (Sprints 01-03)",
    "- **Status**: shipped (commit abc)",
    "- [ ] Write docs",
    "Set up CI 2026-02-03",
    "",
    "after Set up CI is done",
    "| Task | Status | Sprint |",
    "|---|---|---|",
    "| Setup | ✅ | **Sprint 1** |",
    "| **Sprint 2** | | |",
    "| **Backend** | | |",
    "| Deploy 🔄 | blocked (waiting) | 2 |",
    "| after Setup is done | 🔄 | |",
    "| Phase 2: Beta | | |",
    "| Set up CI | shipped (commit abc) | Sprint 5 |",
    "## Phase 1: Alpha",
    "## Sprint 3 ✅",
    "| ✅ Done | Payments 🔄 | 🔄 |",
    "| Task | Phase | Owner |",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn documents_mixing_task_tables_and_the_newer_structures_round_trip(picks in proptest::collection::vec((0..MIXED.len(), "[ a-zA-Z0-9:()\\-→–—✅🔄⏳|*]{0,10}"), 0..16)) {
        let mut text = String::from("# Plan\n\n");
        for (pick, noise) in &picks {
            text.push_str(MIXED[*pick]);
            text.push_str(noise);
            text.push('\n');
        }
        valid_and_round_trips(&text)?;
    }
}

#[test]
fn risk_reviewer_and_issue_columns_stay_task_fields_and_registers_stay_registers() {
    let imported = import(&fixture("md_table_groups.md"));
    let plan = &imported.plan;
    assert_eq!(plan.tasks.len(), 7, "{:#?}", plan.tasks);
    let lens = task(plan, "Restore the lens room");
    assert_eq!(lens.id.as_str(), "LM-1");
    assert_eq!(lens.owner, "Priya");
    assert_eq!(plan.category(&lens.status), StatusCategory::Done);
    assert_eq!(field(lens, "Risk"), Some("low"));
    assert_eq!(field(lens, "Reviewer"), Some("Tomas"));
    let logbook = task(plan, "Print the keeper's logbook replica");
    assert_eq!(field(logbook, "Risk"), Some("high"));
    assert_eq!(field(logbook, "Reviewer"), None, "a dash is not applicable");
    assert_eq!(
        field(task(plan, "Replace the worn treads"), "Issue"),
        Some("#31")
    );
    // The register tables are still registers, and nothing of the task tables went into them.
    let risks: Vec<(&str, &str, &str)> = plan
        .risks
        .iter()
        .map(|r| (r.title.as_str(), r.impact.as_str(), r.likelihood.as_str()))
        .collect();
    assert_eq!(
        risks,
        [
            ("Salt damage to the lens", "high", "medium"),
            ("Volunteers leave before opening", "medium", "low")
        ]
    );
    let issues: Vec<(&str, &str)> = plan
        .known_issues
        .iter()
        .map(|i| (i.id.as_str(), i.title.as_str()))
        .collect();
    assert_eq!(issues, [("KI-1", "Lift alarm rings at random")]);
    assert!(plan.reviews.is_empty());
    assert_eq!(check_plan(plan), Vec::new());
    assert_eq!(import(&export_markdown(plan)).plan, *plan);
}

#[test]
fn a_bold_row_that_names_no_sprint_or_phase_opens_a_group() {
    let plan = import(&fixture("md_table_groups.md")).plan;
    let titles: Vec<&str> = plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert!(!titles.contains(&"Stairwell") && !titles.contains(&"Gallery deck"));
    let group = |title| task(&plan, title).group.as_str();
    assert_eq!(group("Restore the lens room"), "Exhibits");
    assert_eq!(
        group("Replace the worn treads"),
        "Building works / Stairwell"
    );
    assert_eq!(group("Paint the handrail"), "Building works / Stairwell");
    assert_eq!(
        group("Fix the railing bolts"),
        "Building works / Gallery deck"
    );
    // A phase row closes the bold row's group: its rows are in the phase, under the heading.
    let grounds = task(&plan, "Mow a path to the cliff edge");
    assert_eq!(grounds.group, "Building works");
    assert_eq!(grounds.phase.as_ref().map(PhaseId::as_str), Some("phase-2"));
    assert_eq!(plan.phases.len(), 1);
    let written = export_markdown(&plan);
    assert_eq!(import(&written).plan, plan, "{written}");
}

#[test]
fn a_bold_row_under_a_heading_task_is_still_a_subtask() {
    let text = "# P\n\n### Rigging\n\n**Status**: in progress\n\n| Task | Status |\n|---|---|\n| **Backstays** | |\n| Tune the shrouds | todo |\n";
    let plan = round_trip(text);
    let titles: Vec<&str> = plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["Rigging", "Backstays", "Tune the shrouds"]);
}
