//! The Markdown importer and exporter: fixtures in four dialects, the seed documents when present,
//! round trips, and random input.

use crate::{fixture, import_markdown_ok as import, task_titled as task};
use proptest::prelude::*;
use std::path::PathBuf;
use waymark::io::{ImportError, export_markdown, import_markdown};
use waymark::model::{
    ChecklistItem, NoteSection, PhaseId, Plan, SprintId, StatusCategory, StatusKey, TaskId,
    WeekRange, generate_plan,
};

/// Export then import must give the same plan.
fn assert_round_trip(plan: &Plan) {
    let written = export_markdown(plan);
    let again = import(&written).plan;
    if &again != plan {
        for (a, b) in plan.tasks.iter().zip(&again.tasks) {
            assert_eq!(a, b, "first differing task; document:\n{written}");
        }
        assert_eq!(&again, plan, "document:\n{written}");
    }
}

fn category(plan: &Plan, title: &str) -> StatusCategory {
    plan.category(&task(plan, title).status)
}

#[test]
fn plan_template_features_legend_fields_and_named_dependency() {
    let imported = import(&fixture("md_plan_template.md"));
    let plan = &imported.plan;
    assert_eq!(plan.meta.title, "GARDEN PLANNER");
    let keys: Vec<&str> = plan.legend.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["SHIPPED", "WORKING", "QUEUED", "STUCK", "HAND BACK"]);
    assert_eq!(plan.legend[4].category, StatusCategory::Dropped);
    assert_eq!(plan.legend[0].description, "Released to users");
    let titles: Vec<&str> = plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Seed Catalogue",
            "Watering Reminders",
            "Account Sign-in",
            "Weather Feed"
        ]
    );
    let catalogue = task(plan, "Seed Catalogue");
    assert_eq!(catalogue.status, StatusKey::from("WORKING"));
    assert_eq!(catalogue.group, "Features");
    assert_eq!(catalogue.notes, "Photos come from the supplier feed.");
    assert_eq!(
        catalogue.checklist,
        vec![
            ChecklistItem {
                text: "Seeds listed by season".into(),
                done: true
            },
            ChecklistItem::new("Filter by soil type"),
            ChecklistItem::new("Search by name"),
        ]
    );
    assert_eq!(
        task(plan, "Watering Reminders").depends_on,
        vec![catalogue.id.clone()]
    );
    let sign_in = task(plan, "Account Sign-in");
    assert_eq!(
        sign_in.completed,
        chrono::NaiveDate::from_ymd_opt(2025, 3, 2)
    );
    assert_eq!(sign_in.group, "Completed Features");
    let weather = task(plan, "Weather Feed");
    assert_eq!(weather.status, StatusKey::from("STUCK"));
    let fields: Vec<(&str, &str)> = weather
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("Reason", "The weather provider has not answered."),
            ("Next Steps", "Ask again on Friday."),
            ("Dependencies", "Soil Sensors"),
        ]
    );
    let unresolved = imported
        .report
        .warnings
        .iter()
        .find(|w| w.message.contains("Soil Sensors"))
        .expect("the unresolved dependency is reported");
    assert_eq!(unresolved.line, Some(41));
    assert_eq!(plan.notes.len(), 1, "{:?}", plan.notes);
    assert_eq!(
        plan.notes[0].body,
        "Plain notes about the garden app before any section."
    );
    assert_round_trip(plan);
}

#[test]
fn roadmap_emoji_items_sprints_and_sessions() {
    let plan = import(&fixture("md_roadmap.md")).plan;
    assert_eq!(plan.tasks.len(), 5 + 3);
    assert_eq!(category(&plan, "Basket"), StatusCategory::Done);
    assert_eq!(category(&plan, "Gift cards"), StatusCategory::NotStarted);
    assert_eq!(task(&plan, "Basket").group, "Already Built / Storefront");
    assert_eq!(
        task(&plan, "Supplier orders").group,
        "Already Built / Back Office"
    );
    let sprint_ids: Vec<&str> = plan.sprints.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sprint_ids, ["sprint-1", "sprint-2"]);
    assert_eq!(plan.sprints[0].version, "v1.1.0");
    assert_eq!(plan.sprints[0].name, "Sprint 1: Ordering");
    let session = task(&plan, "Session 2: Delivery slots");
    assert_eq!(session.sprint, Some(SprintId::from("sprint-1")));
    assert_eq!(session.checklist.len(), 3);
    assert!(session.checklist.iter().all(|item| !item.done));
    assert_eq!(
        category(&plan, "Session 1: Order form"),
        StatusCategory::Done
    );
    assert_eq!(
        task(&plan, "Session 1: Stamp cards").sprint,
        Some(SprintId::from("sprint-2"))
    );
    assert!(plan.notes.is_empty(), "{:?}", plan.notes);
    assert_round_trip(&plan);
}

#[test]
fn tracker_modules_milestones_velocity_and_tables() {
    let imported = import(&fixture("md_tracker.md"));
    let plan = &imported.plan;
    assert_eq!(
        plan.meta.updated,
        chrono::NaiveDate::from_ymd_opt(2025, 6, 1)
    );
    assert_eq!(plan.meta.current, "Module 0");
    let phases: Vec<(&str, &str)> = plan
        .phases
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(
        phases,
        [
            ("module-0", "Module 0: Basics"),
            ("module-1", "Module 1: Calendar")
        ]
    );
    let basics = &plan.phases[0];
    assert_eq!(basics.weeks, Some(WeekRange { first: 1, last: 2 }));
    assert_eq!(basics.status, Some(StatusKey::from("In Progress")));
    assert_eq!(basics.start, chrono::NaiveDate::from_ymd_opt(2025, 5, 5));
    assert_eq!(basics.fields[0].value, "2/5 tasks");
    assert_eq!(basics.notes, "Patient data must stay encrypted");
    assert_eq!(plan.phases[1].depends_on, vec![PhaseId::from("module-0")]);
    assert_eq!(plan.tasks.len(), 7);
    let remember = task(plan, "Remember me box");
    assert_eq!(
        remember.parent,
        Some(task(plan, "Build login screen").id.clone())
    );
    assert_eq!(remember.group, "Screens");
    assert_eq!(remember.phase, Some(PhaseId::from("module-0")));
    assert_eq!(
        task(plan, "Book a slot").phase,
        Some(PhaseId::from("module-1"))
    );
    assert_eq!(
        category(plan, "Create patients table"),
        StatusCategory::Done
    );
    assert_eq!(plan.milestones.len(), 2);
    assert_eq!(plan.milestones[0].name, "Milestone 1: Basics Done");
    assert_eq!(plan.milestones[0].week, Some(2));
    assert_eq!(plan.milestones[0].criteria.len(), 2);
    assert!(plan.milestones[0].criteria[1].done);
    assert_eq!(plan.velocity.len(), 1);
    let week = &plan.velocity[0];
    assert_eq!(
        (
            week.week,
            week.planned,
            week.completed,
            week.blocked,
            week.unit.as_str()
        ),
        (Some(1), Some(5.0), Some(2.0), Some(0.0), "tasks")
    );
    assert_eq!(plan.blockers.len(), 1);
    assert_eq!(plan.blockers[0].phase, Some(PhaseId::from("module-0")));
    assert_eq!(plan.ideas.len(), 2);
    assert!(plan.ideas[1].done);
    assert_eq!(plan.links[0].label, "Design Board");
    assert_eq!(plan.update_log[0].author, "Ana");
    let labels: Vec<&str> = plan.legend.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(labels, ["Not Started", "In Progress", "Complete"]);
    assert_eq!(plan.legend[0].aliases, ["🔴"]);
    assert_eq!(imported.report.phases, 2);
    assert_eq!(imported.report.velocity_records, 1);
    assert_round_trip(plan);
}

#[test]
fn milestone_checklist_phases_groups_metrics_reviews_risks() {
    let plan = import(&fixture("md_milestones.md")).plan;
    let phases: Vec<(&str, Option<WeekRange>)> = plan
        .phases
        .iter()
        .map(|p| (p.id.as_str(), p.weeks))
        .collect();
    assert_eq!(
        phases,
        [
            ("phase-1", Some(WeekRange { first: 1, last: 2 })),
            ("phase-2", Some(WeekRange { first: 3, last: 4 }))
        ]
    );
    assert_eq!(plan.tasks.len(), 6);
    assert_eq!(task(&plan, "Create repository").group, "1.1 Setup");
    assert_eq!(category(&plan, "Create repository"), StatusCategory::Done);
    assert_eq!(
        task(&plan, "Return a book").phase,
        Some(PhaseId::from("phase-2"))
    );
    assert_eq!(plan.reviews.len(), 2);
    assert_eq!(plan.reviews[0].group, "Weekly Reviews");
    let metric = &plan.metrics[0];
    assert_eq!(
        (
            metric.name.as_str(),
            metric.target.as_str(),
            metric.group.as_str()
        ),
        ("Page load time", "< 300ms", "Key Metrics")
    );
    assert_eq!(plan.risks.len(), 2);
    assert_eq!(plan.notes.len(), 1);
    assert_eq!(plan.notes[0].heading, "Notes");
    assert_round_trip(&plan);
}

fn seed(prefix: &str) -> Option<String> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&folder) else {
        println!("note: {} is absent; seed test skipped", folder.display());
        return None;
    };
    let path = entries.flatten().map(|e| e.path()).find(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
    })?;
    Some(std::fs::read_to_string(path).expect("seed is readable"))
}

fn is_checkbox(line: &str) -> bool {
    let line = line.trim_start();
    ["- [ ] ", "- [x] ", "- [X] "]
        .iter()
        .any(|m| line.starts_with(m))
}

fn checked(line: &str) -> bool {
    line.trim_start().starts_with("- [x]") || line.trim_start().starts_with("- [X]")
}

/// Every checkbox line, independently counted, is one task, checklist item, criterion or idea.
fn items(plan: &Plan) -> usize {
    plan.tasks.len()
        + plan.tasks.iter().map(|t| t.checklist.len()).sum::<usize>()
        + plan
            .milestones
            .iter()
            .map(|m| m.criteria.len())
            .sum::<usize>()
        + plan.ideas.len()
}

#[test]
fn seed_plan_template() {
    let Some(text) = seed("000") else { return };
    let plan = import(&text).plan;
    let headed = text
        .lines()
        .filter(|l| l.starts_with("**Status**:"))
        .count();
    assert_eq!(
        plan.tasks.len(),
        headed,
        "every status-bearing heading is a task"
    );
    let checkboxes = text.lines().filter(|l| is_checkbox(l)).count();
    assert_eq!(plan.tasks[0].checklist.len(), checkboxes);
    assert_eq!(plan.legend.len(), 5);
    let by_status: Vec<&str> = plan.tasks.iter().map(|t| t.status.as_str()).collect();
    assert_eq!(
        by_status,
        ["IN PROGRESS", "TODO", "TODO", "DONE", "BLOCKED"]
    );
    assert_eq!(plan.tasks[1].depends_on, vec![plan.tasks[0].id.clone()]);
    assert_eq!(
        plan.tasks[3].completed,
        chrono::NaiveDate::from_ymd_opt(2024, 1, 15)
    );
    assert_eq!(plan.tasks[4].fields.len(), 2);
    assert_round_trip(&plan);
}

#[test]
fn seed_roadmap() {
    let Some(text) = seed("001") else { return };
    let plan = import(&text).plan;
    let done = text
        .lines()
        .filter(|l| l.trim_start().starts_with("- ✅"))
        .count();
    let open = text
        .lines()
        .filter(|l| l.trim_start().starts_with("- ❌"))
        .count();
    let sessions = text.lines().filter(|l| is_checkbox(l)).count();
    let session_bullets = text
        .lines()
        .scan(false, |in_sprints, line| {
            *in_sprints |= line.starts_with("## Projected");
            Some(*in_sprints && line.starts_with("  - "))
        })
        .filter(|b| *b)
        .count();
    assert_eq!(plan.tasks.len(), done + open + sessions);
    let categories = |c| {
        plan.tasks
            .iter()
            .filter(|t| plan.category(&t.status) == c)
            .count()
    };
    assert_eq!(categories(StatusCategory::Done), done);
    assert_eq!(categories(StatusCategory::NotStarted), open + sessions);
    assert_eq!(plan.sprints.len(), 5);
    assert_eq!(plan.sprints[0].version, "v0.5.0");
    let in_sprints = plan.tasks.iter().filter(|t| t.sprint.is_some()).count();
    assert_eq!(in_sprints, sessions);
    assert_eq!(
        plan.tasks.iter().map(|t| t.checklist.len()).sum::<usize>(),
        session_bullets
    );
    assert_round_trip(&plan);
}

#[test]
fn seed_progress_tracker() {
    let Some(text) = seed("003") else { return };
    let imported = import(&text);
    let plan = &imported.plan;
    assert!(
        imported.report.warnings.iter().all(|w| w.line.is_some()),
        "{:#?}",
        imported.report.warnings
    );
    let subtitle = plan
        .notes
        .iter()
        .find(|n| n.heading.starts_with("Omnichannel"))
        .expect("a heading that only held metadata is kept");
    assert!(subtitle.body.is_empty());
    let checkboxes = text.lines().filter(|l| is_checkbox(l)).count();
    assert_eq!(items(plan), checkboxes);
    let ticked = text.lines().filter(|l| checked(l)).count();
    let done = plan
        .tasks
        .iter()
        .filter(|t| plan.category(&t.status) == StatusCategory::Done)
        .count();
    assert_eq!(done, ticked);
    for n in 0..=5 {
        let id = PhaseId(format!("module-{n}"));
        let phase = plan.phase(&id).unwrap_or_else(|| panic!("{id} is a phase"));
        let weeks = phase.weeks.expect("a module has weeks");
        assert_eq!((weeks.first, weeks.last), (n * 2 + 1, n * 2 + 2));
    }
    let module = |n: u32| plan.phase(&PhaseId(format!("module-{n}"))).expect("module");
    let deps = |n| {
        module(n)
            .depends_on
            .iter()
            .map(|p| p.0.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(deps(1), ["module-0"]);
    assert_eq!(deps(2), ["module-0", "module-1"]);
    assert_eq!(deps(3), ["module-0", "module-1", "module-2"]);
    assert_eq!(
        deps(5).len(),
        plan.phases
            .iter()
            .position(|p| p.id.0 == "module-5")
            .unwrap_or(0)
    );
    assert_eq!(plan.milestones.len(), 6);
    assert!(plan.milestones.iter().all(|m| !m.criteria.is_empty()));
    assert_eq!(plan.milestones[2].week, Some(6));
    assert_eq!(plan.velocity.len(), 2);
    assert_eq!(plan.velocity[0].week, Some(1));
    assert!(plan.blockers.is_empty());
    assert!(plan.known_issues.is_empty());
    assert_eq!(plan.ideas.len(), 16);
    assert_eq!(plan.links.len(), 5);
    assert_eq!(plan.update_log.len(), 1);
    assert_eq!(
        plan.meta.updated,
        chrono::NaiveDate::from_ymd_opt(2025, 10, 2)
    );
    let subtasks = text.lines().filter(|l| l.starts_with("  - [")).count();
    assert_eq!(
        plan.tasks.iter().filter(|t| t.parent.is_some()).count(),
        subtasks
    );
    assert_round_trip(plan);
}

#[test]
fn seed_milestone_checklist() {
    let Some(text) = seed("004") else { return };
    let plan = import(&text).plan;
    let checkboxes = text.lines().filter(|l| is_checkbox(l)).count();
    assert_eq!(plan.tasks.len(), checkboxes);
    assert_eq!(
        plan.tasks
            .iter()
            .filter(|t| plan.category(&t.status) == StatusCategory::Done)
            .count(),
        text.lines().filter(|l| checked(l)).count()
    );
    assert_eq!(plan.phases.len(), 4);
    assert_eq!(plan.phases[3].weeks, Some(WeekRange { first: 9, last: 10 }));
    assert_eq!(plan.tasks[0].group, "1.1 Project Infrastructure");
    assert_eq!(plan.metrics.len(), 9);
    assert_eq!(plan.reviews.len(), 4);
    assert_eq!(plan.risks.len(), 8);
    assert!(plan.notes.iter().any(|n| n.heading == "Notes"));
    assert_round_trip(&plan);
}

#[test]
fn bad_input_gives_errors_or_bounded_results() {
    assert!(matches!(import_markdown(""), Err(ImportError::Empty(_))));
    assert!(matches!(
        import_markdown("# a\n\0b"),
        Err(ImportError::Text(_))
    ));
    let deep_line = format!("{}[ ] deep", "- ".repeat(100_000));
    assert!(import_markdown(&deep_line).is_ok());
    let mut staircase = String::new();
    for level in 0..3_000 {
        staircase.push_str(&" ".repeat(level));
        staircase.push_str("- [ ] step\n");
    }
    let plan = import(&staircase).plan;
    assert_eq!(plan.tasks.len(), 3_000);
    assert_eq!(plan.tasks[2_999].parent, Some(TaskId::from("T-2999")));
    let quotes = ">".repeat(100_000);
    assert!(import_markdown(&quotes).is_ok());
}

#[test]
fn generated_plans_round_trip() {
    assert_round_trip(&generate_plan(300, 400, 7));
}

/// The line of the export that equals `line`, which must occur exactly once.
fn line_of(document: &str, line: &str) -> usize {
    let found: Vec<usize> = document
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == line)
        .map(|(at, _)| at)
        .collect();
    assert_eq!(found.len(), 1, "{line:?} once in:\n{document}");
    found[0]
}

fn assert_in_order(document: &str, lines: &[&str]) {
    let at: Vec<usize> = lines.iter().map(|line| line_of(document, line)).collect();
    for (pair, line) in at.windows(2).zip(lines.windows(2)) {
        assert!(
            pair[0] < pair[1],
            "{:?} should come before {:?} in:\n{document}",
            line[0],
            line[1]
        );
    }
}

#[test]
fn note_sections_are_exported_where_they_stood() {
    let plan = import(&fixture("md_notes_in_place.md")).plan;
    let anchors: Vec<(&str, &str)> = plan
        .notes
        .iter()
        .map(|n| (n.heading.as_str(), n.after.as_str()))
        .collect();
    assert_eq!(
        anchors,
        [
            ("", ""),
            ("Neighbour agreement", "phase:phase-1"),
            ("Thoughts on winter", "phase:phase-2"),
            ("Supplier contacts", "milestone:m1"),
            ("Closing remarks", "section:velocity"),
        ]
    );
    let written = export_markdown(&plan);
    assert_in_order(
        &written,
        &[
            "# Orchard Irrigation Plan",
            "Written by the grounds team; read it before the spring walk-through.",
            "## Phase 1: Survey",
            "- [ ] Measure the pressure at the far hydrant",
            "### Neighbour agreement",
            "The west hedge belongs to the farm next door; ask before trenching.",
            "## Phase 2: Pipes",
            "- [ ] Fit drip emitters",
            "## Thoughts on winter",
            "Store the timers indoors.",
            "## Phase 3: Automation",
            "- [ ] Install the soil sensors",
            "### Milestone 1: Water Flowing (Week 4)",
            "- [ ] Every row gets water",
            "### Supplier contacts",
            "Hose & Son, open weekdays.",
            "## Velocity",
            "| Week 1 |  |  | 4 | 3 |  |  |",
            "## Closing remarks",
            "Thanks to everyone who dug.",
        ],
    );
    assert!(
        !written.contains("after="),
        "every note is in place:\n{written}"
    );
    assert_round_trip(&plan);
    assert_eq!(export_markdown(&import(&written).plan), written);
}

#[test]
fn a_phase_note_follows_all_of_the_phases_tasks() {
    let mut plan = import(&fixture("md_notes_in_place.md")).plan;
    let mut late = plan.tasks[0].clone();
    late.id = TaskId::from("T-LATE");
    late.title = "Check the hedge line again".to_owned();
    late.group = "Follow-up".to_owned();
    plan.tasks.push(late);
    let written = export_markdown(&plan);
    assert_in_order(
        &written,
        &[
            "## Phase 2: Pipes",
            "### Follow-up",
            "- [x] Check the hedge line again {#T-LATE}",
            "### Neighbour agreement",
        ],
    );
    assert_round_trip(&plan);
}

#[test]
fn a_note_without_its_anchor_follows_the_note_before_it_and_names_the_anchor() {
    let mut plan = import(&fixture("md_notes_in_place.md")).plan;
    plan.notes[2].after = "phase:gone \"old\" & away".to_owned();
    plan.notes.swap(3, 4);
    let written = export_markdown(&plan);
    assert_in_order(
        &written,
        &[
            "### Neighbour agreement",
            "## Thoughts on winter",
            "<!-- waymark:note after=\"phase:gone &quot;old&quot; &amp; away\" -->",
            "## Phase 2: Pipes",
            "## Velocity",
            "## Closing remarks",
            "### Supplier contacts",
            "<!-- waymark:note after=\"milestone:m1\" -->",
        ],
    );
    assert_round_trip(&plan);
}

#[test]
fn section_headings_keep_the_documents_wording() {
    let plan = import(&fixture("md_milestones.md")).plan;
    let kept: Vec<(&str, &str)> = plan
        .section_headings
        .iter()
        .map(|e| (e.key.as_str(), e.value.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            ("risks", "Risk Management"),
            ("metrics", "Key Metrics"),
            ("reviews", "Checkpoints & Reviews"),
        ]
    );
    let written = export_markdown(&plan);
    assert_in_order(
        &written,
        &[
            "## Phase 2: Lending (Week 3-4)",
            "## Risk Management",
            "## Key Metrics",
            "## Notes",
            "- Dates can move if the library asks",
            "## Checkpoints & Reviews",
        ],
    );
    assert!(!written.contains("## Reviews") && !written.contains("## Metrics"));
    assert_round_trip(&plan);
    let mut edited = plan.clone();
    edited.section_headings[2].value = "Phase 9: Reviews".to_owned();
    let written = export_markdown(&edited);
    assert_in_order(&written, &["## Key Metrics", "## Reviews"]);
    assert!(
        !written.contains("Phase 9"),
        "a heading that would read as a phase is not used"
    );

    let roadmap = "# Kiosk\n\n## Sprints Ahead of Us\n\n### Sprint 1: Screens (v0.1.0)\n\n\
                   - [ ] Draw the menu\n\n## Velocity\n\n| Period | Planned | Completed |\n\
                   |---|---|---|\n| Week 1 | 3 | 2 |\n";
    let plan = import(roadmap).plan;
    assert_eq!(
        plan.section_headings.len(),
        1,
        "{:?}",
        plan.section_headings
    );
    assert_eq!(plan.section_headings[0].value, "Sprints Ahead of Us");
    let written = export_markdown(&plan);
    assert_in_order(
        &written,
        &[
            "## Sprints Ahead of Us",
            "### Sprint 1: Screens (v0.1.0)",
            "## Velocity",
        ],
    );
    assert_round_trip(&plan);
}

fn with_notes(mut plan: Plan, picks: &[(usize, u8)]) -> Plan {
    let mut anchors = vec![
        String::new(),
        "section:velocity".to_owned(),
        "phase:nowhere".to_owned(),
        "sprint:\"odd\" & -->".to_owned(),
    ];
    anchors.extend(plan.phases.iter().map(|p| format!("phase:{}", p.id)));
    anchors.extend(plan.sprints.iter().map(|s| format!("sprint:{}", s.id)));
    anchors.extend(
        plan.milestones
            .iter()
            .map(|m| format!("milestone:{}", m.id)),
    );
    for (index, &(pick, level)) in picks.iter().enumerate() {
        plan.notes.push(NoteSection {
            heading: if level == 0 {
                String::new()
            } else {
                format!("Aside {index}")
            },
            level,
            body: format!("- loose thought {index}\n\n| not | a table |"),
            after: anchors[pick % anchors.len()].clone(),
        });
    }
    plan
}

/// Line starts of the sprint calendars, inline statuses, outlines, continuations and prose
/// dependencies the importer reads, which random documents are made of.
const STRUCTURES: [&str; 22] = [
    "## Completed",
    "## Yet to complete",
    "### ✅ ",
    "## Payments 🔄",
    "### Search — ⏳",
    "- Sprint 04 (2 weeks): 2026-03-02 → ",
    "**Sprint 02 (Feb 16-",
    "Sprint 5: 2026-04-06 - ",
    "Release 1 (Sprints 01-",
    "### Release 2 (Sprints ",
    "- **Status**: shipped (",
    "- [ ] ",
    "  - ",
    "Set up CI 2026-02-03",
    "Beta test (Mar 2 - ",
    "Docs — 12/03/",
    "",
    "```",
    "Blocked by ",
    "must complete before ",
    "after Set up CI is done",
    "    ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_generated_plan_round_trips(tasks in 0usize..120, deps in 0usize..200, seed in any::<u64>()) {
        let plan = generate_plan(tasks, deps, seed);
        let again = import(&export_markdown(&plan)).plan;
        prop_assert_eq!(again, plan);
    }

    #[test]
    fn generated_plans_with_anchored_notes_round_trip(
        tasks in 0usize..60,
        seed in any::<u64>(),
        picks in proptest::collection::vec((0usize..40, 0u8..4), 0..8),
    ) {
        let plan = with_notes(generate_plan(tasks, tasks, seed), &picks);
        let again = import(&export_markdown(&plan)).plan;
        prop_assert_eq!(again, plan);
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        let _ = import_markdown(&text);
    }

    #[test]
    fn documents_of_the_newer_structures_never_panic(
        picks in proptest::collection::vec((0usize..STRUCTURES.len(), 0usize..12, "[ a-zA-Z0-9:()\\-→–—✅🔄⏳]{0,16}"), 0..40),
    ) {
        let mut text = String::from("# Plan\n\n");
        for (pick, indent, noise) in &picks {
            text.push_str(&" ".repeat(*indent));
            text.push_str(STRUCTURES[*pick]);
            text.push_str(noise);
            text.push('\n');
        }
        let _ = import_markdown(&text);
    }

    #[test]
    fn mutated_documents_never_panic(cut in 0usize..4000, insert in "[-#*|\\[\\]x:✅ \n0-9]{0,12}") {
        let text = fixture("md_tracker.md");
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mutated = format!("{}{insert}{}", &text[..at], &text[at..]);
        let _ = import_markdown(&mutated);
    }
}
