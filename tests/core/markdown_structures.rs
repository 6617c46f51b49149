//! More Markdown structures the importer reads: sprint calendars written as lines, statuses inline
//! in headings and status values, outlines without list markers, continuation paragraphs and
//! dependencies written in prose. Each fixture imports to exact values, passes the plan checker and
//! comes back from an export unchanged.

use crate::{fixture, import_markdown_ok as import, task_titled as task};
use chrono::NaiveDate;
use waymark::analysis::check_plan;
use waymark::io::export_markdown;
use waymark::model::{Plan, StatusCategory, StatusKey, Task};

/// A sprint's id, name, version, start and end.
type SprintRow<'a> = (
    &'a str,
    &'a str,
    &'a str,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The plan passes the checker `waymark check` uses, and an export reads back to the same plan.
fn assert_sound(plan: &Plan) {
    let problems: Vec<String> = check_plan(plan).iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:?}");
    let written = export_markdown(plan);
    let again = import(&written).plan;
    for (a, b) in plan.tasks.iter().zip(&again.tasks) {
        assert_eq!(a, b, "first differing task; document:\n{written}");
    }
    assert_eq!(&again, plan, "document:\n{written}");
}

fn titles(plan: &Plan) -> Vec<&str> {
    plan.tasks.iter().map(|t| t.title.as_str()).collect()
}

fn sprint_of<'a>(plan: &'a Plan, title: &str) -> &'a str {
    task(plan, title).sprint.as_ref().map_or("", |s| s.as_str())
}

#[test]
fn sprint_calendars_written_as_lines_give_dated_sprints_in_releases() {
    let imported = import(&fixture("md_sprint_calendar.md"));
    let plan = &imported.plan;
    let sprints: Vec<SprintRow> = plan
        .sprints
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.name.as_str(),
                s.version.as_str(),
                s.start,
                s.end,
            )
        })
        .collect();
    assert_eq!(
        sprints,
        [
            (
                "sprint-01",
                "Sprint 01 (2 weeks)",
                "Release 1",
                day(2026, 2, 2),
                day(2026, 2, 13)
            ),
            (
                "sprint-02",
                "Sprint 02",
                "Release 1",
                day(2026, 2, 16),
                day(2026, 2, 27)
            ),
            (
                "sprint-3",
                "Sprint 3",
                "Release 2",
                day(2026, 3, 2),
                day(2026, 3, 13)
            ),
            (
                "sprint-4",
                "Sprint 4",
                "Release 2",
                day(2026, 3, 16),
                day(2026, 3, 27)
            ),
            (
                "sprint-5",
                "Sprint 5",
                "Release 3",
                day(2026, 3, 30),
                day(2026, 4, 10)
            ),
        ]
    );
    assert_eq!(
        titles(plan),
        [
            "Price list page",
            "Allergen badges",
            "Pickup slots",
            "Slot capacity per hour",
            "Order reminders",
            "Loyalty stamps"
        ]
    );
    let placed: Vec<&str> = plan
        .tasks
        .iter()
        .map(|t| t.sprint.as_ref().map_or("", |s| s.as_str()))
        .collect();
    assert_eq!(
        placed,
        [
            "sprint-3", "sprint-3", "sprint-4", "sprint-4", "sprint-4", "sprint-5"
        ]
    );
    assert_eq!(
        task(plan, "Slot capacity per hour").parent,
        Some(task(plan, "Pickup slots").id.clone())
    );
    assert!(plan.tasks.iter().all(|t| t.group.is_empty()));
    assert!(plan.notes.is_empty(), "{:?}", plan.notes);
    assert!(
        imported.report.warnings.is_empty(),
        "{:?}",
        imported.report.warnings
    );
    assert_sound(plan);
}

#[test]
fn sprint_dates_without_a_year_take_the_nearest_one_or_stay_in_the_name() {
    // The nearest full date is two lines away; Last Updated is further.
    let text = "# Kiln\n\nLast Updated: 2024-05-01\n\n## Firing schedule\n\n\
                Kiln serviced on 2027-01-04.\n\n**Sprint 1 (Jan 11-Jan 22):**\n\n- [ ] Glaze tests\n";
    let plan = import(text).plan;
    assert_eq!(
        (plan.sprints[0].start, plan.sprints[0].end),
        (day(2027, 1, 11), day(2027, 1, 22))
    );
    assert_eq!(sprint_of(&plan, "Glaze tests"), "sprint-1");
    assert_sound(&plan);
    // A bare year in the title when nothing else gives one; a range across New Year.
    let plan = import("# Kiln plan 2025\n\n- Sprint 9: Dec 22 - Jan 2\n").plan;
    assert_eq!(
        (plan.sprints[0].start, plan.sprints[0].end),
        (day(2025, 12, 22), day(2026, 1, 2))
    );
    // No year anywhere: the dates stay in the sprint's name, with a warning; never this year.
    let imported = import("# Kiln\n\n**Sprint 2 (Feb 16-Feb 27):**\n\n- [ ] Load shelves\n");
    let sprint = &imported.plan.sprints[0];
    assert_eq!(sprint.name, "Sprint 2 (Feb 16-Feb 27)");
    assert_eq!((sprint.start, sprint.end), (None, None));
    assert_eq!(sprint.id.as_str(), "sprint-2");
    assert_eq!(sprint_of(&imported.plan, "Load shelves"), "sprint-2");
    let warning = imported
        .report
        .warnings
        .iter()
        .find(|w| w.message.contains("no year"))
        .expect("a warning says the dates have no year");
    assert_eq!(warning.line, Some(3));
    assert_sound(&imported.plan);
}

#[test]
fn statuses_written_in_headings_make_tasks_and_give_phases_their_status() {
    let imported = import(&fixture("md_heading_status.md"));
    let plan = &imported.plan;
    let phases: Vec<(&str, Option<&str>)> = plan
        .phases
        .iter()
        .map(|p| (p.name.as_str(), p.status.as_ref().map(StatusKey::as_str)))
        .collect();
    assert_eq!(
        phases,
        [
            ("Phase 1: Recording", Some("DONE")),
            ("Phase 2: App", Some("IN PROGRESS"))
        ]
    );
    let tasks: Vec<(&str, StatusCategory, &str)> = plan
        .tasks
        .iter()
        .map(|t| {
            let phase = t.phase.as_ref().map_or("", |p| p.as_str());
            (t.title.as_str(), plan.category(&t.status), phase)
        })
        .collect();
    assert_eq!(
        tasks,
        [
            ("Script the west wing", StatusCategory::Done, "phase-1"),
            ("Studio booking", StatusCategory::Active, "phase-1"),
            ("Call the studio", StatusCategory::Done, "phase-1"),
            ("Pay the deposit", StatusCategory::NotStarted, "phase-1"),
            ("Map of the rooms", StatusCategory::Active, "phase-2"),
            ("Offline mode", StatusCategory::NotStarted, "phase-2"),
            ("Sign language clips", StatusCategory::NotStarted, "phase-2"),
            ("Ticket scanner", StatusCategory::Done, "phase-2"),
            ("Cloakroom alerts", StatusCategory::NotStarted, "phase-2"),
        ]
    );
    let script = task(plan, "Script the west wing");
    assert_eq!(script.owner, "Ines");
    assert_eq!(script.checklist.len(), 1);
    assert_eq!(script.checklist[0].text, "Record the narrator in two takes");
    assert_eq!(
        task(plan, "Pay the deposit").parent,
        Some(task(plan, "Studio booking").id.clone())
    );
    // Decorative emoji on register headings are not statuses.
    assert_eq!(plan.blockers.len(), 1);
    assert_eq!(plan.section_headings[0].value, "🚧 Active Blockers");
    let headings: Vec<&str> = plan.notes.iter().map(|n| n.heading.as_str()).collect();
    assert_eq!(headings, ["Gallery notes"]);
    assert!(
        plan.tasks
            .iter()
            .all(|t| !t.title.contains(['✅', '🔄', '⏳', '⬜', '✨', '❌']))
    );
    assert_sound(plan);
}

#[test]
fn status_words_followed_by_more_words_keep_the_rest() {
    let imported = import(&fixture("md_status_rest.md"));
    let plan = &imported.plan;
    let detail = |fields: &[waymark::model::Field]| {
        fields
            .iter()
            .find(|f| f.name == "Status detail")
            .map(|f| f.value.clone())
    };
    let tasks: Vec<(&str, &str, Option<String>)> = plan
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.status.as_str(), detail(&t.fields)))
        .collect();
    assert_eq!(
        tasks,
        [
            (
                "Timetable feed",
                "DONE",
                Some("(commit 4f2a9c1)".to_owned())
            ),
            (
                "Tide warnings",
                "IN PROGRESS",
                Some("waiting for the tide tables".to_owned())
            ),
            (
                "Night crossings",
                "BLOCKED",
                Some("[legal sign-off]".to_owned())
            ),
            ("Winter schedule", "DONE", None),
            ("Season passes", "TODO", Some("yet".to_owned())),
        ]
    );
    assert_eq!(task(plan, "Timetable feed").owner, "Mara");
    assert_eq!(
        plan.phases[0].status.as_ref().map(StatusKey::as_str),
        Some("DONE")
    );
    assert_eq!(
        detail(&plan.phases[0].fields).as_deref(),
        Some("imported from the old site")
    );
    // No status was invented from the words after the status.
    let keys: Vec<&str> = plan.legend.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["TODO", "IN PROGRESS", "DONE", "BLOCKED"]);
    assert!(
        imported.report.warnings.is_empty(),
        "{:?}",
        imported.report.warnings
    );
    assert_sound(plan);
}

#[test]
fn outlines_without_list_markers_are_tasks_of_their_sections_status() {
    let imported = import(&fixture("md_outline.md"));
    let plan = &imported.plan;
    let parent_title = |t: &Task| {
        t.parent.as_ref().map_or("", |p| {
            plan.tasks
                .iter()
                .find(|o| &o.id == p)
                .map_or("?", |o| o.title.as_str())
        })
    };
    let tasks: Vec<(&str, &str, &str)> = plan
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.status.as_str(), parent_title(t)))
        .collect();
    assert_eq!(
        tasks,
        [
            ("Set up CI", "DONE", ""),
            ("Lint the playlist scripts", "DONE", "Set up CI"),
            ("Cache the audio fixtures", "DONE", "Set up CI"),
            ("Rewire the studio desk", "DONE", ""),
            ("Beta test", "TODO", ""),
            ("Recruit listeners", "TODO", "Beta test"),
            ("Send the sign-up form", "TODO", "Recruit listeners"),
            ("Collect feedback", "TODO", "Beta test"),
            ("Docs", "TODO", ""),
            ("Write the presenter guide", "TODO", "Docs"),
            ("New jingle", "TODO", ""),
            ("Book the ad slots", "IN PROGRESS", ""),
        ]
    );
    let ci = task(plan, "Set up CI");
    assert_eq!((ci.start, ci.due), (None, day(2026, 2, 3)));
    let beta = task(plan, "Beta test");
    assert_eq!((beta.start, beta.due), (day(2026, 3, 2), day(2026, 3, 20)));
    assert_eq!(task(plan, "Docs").due, day(2026, 3, 12));
    assert_eq!(task(plan, "Rewire the studio desk").due, None);
    assert_eq!(task(plan, "Recruit listeners").group, "Yet to complete");
    // The lazy line right after a checkbox item continues it.
    assert_eq!(
        task(plan, "New jingle").description,
        "Record the station ident"
    );
    // The fenced block in the outline section stays a note, byte for byte.
    let fenced = plan
        .notes
        .iter()
        .find(|n| n.heading == "Yet to complete")
        .expect("the fence is kept as a note");
    assert_eq!(
        fenced.body,
        "```\nSet up CI 2026-02-03\n    not a task\n```"
    );
    assert_sound(plan);
}

#[test]
fn indented_code_outside_an_outline_section_stays_code() {
    let text = "# Plan\n\n## Setup\n\nRun this:\n\n    cargo build 2026-01-02\n    cargo test\n\n\
                ## Done\n\nWrite the README\n    Add badges\n";
    let imported = import(text);
    let plan = &imported.plan;
    assert_eq!(titles(plan), ["Write the README", "Add badges"]);
    assert_eq!(plan.notes.len(), 1);
    assert_eq!(
        plan.notes[0].body,
        "Run this:\n\n    cargo build 2026-01-02\n    cargo test"
    );
    assert_sound(plan);
    // A date without a year, and no year in the document: the title keeps it, with a warning.
    let imported = import("# Plan\n\n## To do\n\nPaint the hall (Mar 2 - Mar 6)\n");
    assert_eq!(titles(&imported.plan), ["Paint the hall (Mar 2 - Mar 6)"]);
    assert_eq!(imported.plan.tasks[0].due, None);
    assert!(
        imported
            .report
            .warnings
            .iter()
            .any(|w| w.line == Some(5) && w.message.contains("no year"))
    );
    assert_sound(&imported.plan);
}

#[test]
fn paragraphs_under_a_task_item_are_its_description() {
    let imported = import(&fixture("md_continuations.md"));
    let plan = &imported.plan;
    let tasks: Vec<(&str, &str)> = plan
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.description.as_str()))
        .collect();
    assert_eq!(
        tasks,
        [
            (
                "Scan the card index",
                "Every drawer, oldest first;\nthe caretaker has the keys.\n\n\
                 Store the scans on the staff drive."
            ),
            ("Choose a catalogue tool", ""),
            ("Import the scans", "Match each card to its shelf mark."),
            (
                "Label the shelves",
                "Colour codes follow the county scheme."
            ),
        ]
    );
    assert_eq!(
        task(plan, "Import the scans").parent,
        Some(task(plan, "Choose a catalogue tool").id.clone())
    );
    assert_eq!(task(plan, "Label the shelves").checklist.len(), 1);
    // A paragraph that is not indented under an item after a blank line is not a description.
    assert_eq!(plan.notes.len(), 1);
    assert_eq!(
        plan.notes[0].body,
        "A loose remark about the summer holidays."
    );
    assert_eq!(imported.report.warnings.len(), 1);
    assert_eq!(imported.report.warnings[0].line, Some(17));
    assert_sound(plan);
}

#[test]
fn dependencies_written_in_prose_resolve_to_one_task_or_are_kept() {
    let imported = import(&fixture("md_prose_deps.md"));
    let plan = &imported.plan;
    let id = |title: &str| task(plan, title).id.clone();
    let deps = |title: &str| task(plan, title).depends_on.clone();
    let paint = "Paint the walls (blocked by Replace the windows)";
    assert_eq!(
        deps(paint),
        [
            id("Replace the windows"),
            id("Book the electrical inspection")
        ]
    );
    assert_eq!(deps("Sand the floor"), [id(paint)]);
    // "must complete before": the later task depends on this one.
    assert_eq!(deps("Reopening party"), [id("Sand the floor")]);
    assert_eq!(
        task(plan, "Sand the floor").description,
        "Must complete before Reopening party."
    );
    // A dependency bullet is not a checklist item; other bullets stay checklist items.
    assert!(task(plan, paint).checklist.is_empty());
    assert_eq!(task(plan, "Sand the floor").checklist.len(), 1);
    // References that name no task, or more than one, are kept and reported with their line.
    let curtains = task(plan, "Hang the curtains");
    assert!(curtains.depends_on.is_empty());
    let fields: Vec<(&str, &str)> = curtains
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("Must complete before", "the mayor's visit"),
            ("Dependencies", "the council permit")
        ]
    );
    let stack = task(plan, "Stack the furniture (blocked on Order)");
    assert!(stack.depends_on.is_empty());
    assert_eq!(stack.fields[0].value, "Order");
    let warned: Vec<(Option<usize>, bool)> = imported
        .report
        .warnings
        .iter()
        .map(|w| (w.line, w.message.contains("names no task")))
        .collect();
    assert_eq!(
        warned,
        [(Some(15), true), (Some(14), true), (Some(18), true)]
    );
    let total: usize = plan.tasks.iter().map(|t| t.depends_on.len()).sum();
    assert_eq!(total, 4);
    assert_sound(plan);
}

#[test]
fn a_status_sections_emoji_does_not_make_it_a_task() {
    let text = "# Plan\n\n## ✅ Completed\n\nTune the piano\n    Replace two strings\n\n\
                ## 🔄 In progress:\n\n- [ ] Paint the stage\n";
    let plan = import(text).plan;
    let tasks: Vec<(&str, &str, &str)> = plan
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.status.as_str(), t.group.as_str()))
        .collect();
    assert_eq!(
        tasks,
        [
            ("Tune the piano", "DONE", "Completed"),
            ("Replace two strings", "DONE", "Completed"),
            ("Paint the stage", "TODO", "In progress:"),
        ]
    );
    assert_sound(&plan);
}

#[test]
fn release_headings_group_the_tasks_under_them() {
    let text = "# Tide Clock\n\n## Release 1.2\n\n- [x] Calibrate the hands\n- [ ] Write the changelog\n\n### v2.0 — Beta\n\n- [ ] Invite the harbour master\n\n## Release 3 (Sprints 1-2)\n\n- [ ] Order brass fittings\n\n### Sprint 1\n\n- [ ] Cut the dial\n\n### Sprint 2\n\n- [ ] Mount the clock\n";
    let imported = import(text);
    let plan = &imported.plan;
    let groups: Vec<(&str, &str)> = plan
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.group.as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            ("Calibrate the hands", "Release 1.2"),
            ("Write the changelog", "Release 1.2"),
            ("Invite the harbour master", "Release 1.2 / v2.0 — Beta"),
            ("Order brass fittings", "Release 3 (Sprints 1-2)"),
            ("Cut the dial", ""),
            ("Mount the clock", ""),
        ]
    );
    // The release still names its sprints' version, and its heading is no note.
    let versions: Vec<&str> = plan.sprints.iter().map(|s| s.version.as_str()).collect();
    assert_eq!(versions, ["Release 3", "Release 3"]);
    assert!(plan.notes.is_empty(), "{:#?}", plan.notes);
    assert!(
        imported.report.warnings.is_empty(),
        "{:#?}",
        imported.report.warnings
    );
    assert_eq!(check_plan(plan), Vec::new());
    let written = export_markdown(plan);
    assert_eq!(import(&written).plan, *plan, "{written}");
}

#[test]
fn prose_under_an_outline_heading_is_a_note_not_a_task() {
    let text = fixture("md_outline_prose.md");
    let imported = import(&text);
    let plan = &imported.plan;
    let tasks: Vec<(&str, &str)> = plan
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.status.as_str()))
        .collect();
    assert_eq!(
        tasks,
        [
            ("Plant the apple rows", "DONE"),
            ("Stake the young trees", "DONE"),
            ("Order the mulch from Dr. Okafor's yard", "DONE"),
            ("Build the tool shed", "TODO"),
            ("Fix the gate latch", "TODO"),
            ("Oil the hinges", "TODO"),
            ("Write the rota for watering", "TODO"),
        ]
    );
    assert_eq!(
        task(plan, "Stake the young trees").parent,
        Some(task(plan, "Plant the apple rows").id.clone())
    );
    // The paragraphs are kept, word for word, in their sections' notes.
    let note = |heading: &str| {
        plan.notes
            .iter()
            .find(|n| n.heading == heading)
            .map_or("", |n| n.body.as_str())
    };
    assert!(note("Done").starts_with("The planting weekend"));
    assert_eq!(note("Done").lines().count(), 1);
    assert_eq!(
        note("Yet to complete").lines().count(),
        2,
        "a wrapped paragraph"
    );
    assert!(note("Yet to complete").ends_with("holds a key for it."));
    assert_sound(plan);
}

#[test]
fn slash_dates_are_read_in_the_order_the_document_shows() {
    // Day first: "13/03/2026" can only be the 13th of March, so "04/03/2026" is the 4th of March.
    let imported = import(&fixture("md_slash_dates.md"));
    let plan = &imported.plan;
    let sprints: Vec<_> = plan.sprints.iter().map(|s| (s.start, s.end)).collect();
    assert_eq!(
        sprints,
        [
            (day(2026, 3, 2), day(2026, 3, 13)),
            (day(2026, 3, 16), day(2026, 3, 27))
        ]
    );
    let dates: Vec<_> = plan
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.start, t.due))
        .collect();
    assert_eq!(
        dates,
        [
            ("Strip the old floor", None, day(2026, 3, 4)),
            ("Sand the stage", day(2026, 3, 9), day(2026, 3, 11)),
            ("Hang the new curtains", None, day(2026, 4, 1)),
        ]
    );
    assert!(
        !imported
            .report
            .warnings
            .iter()
            .any(|w| w.message.contains("ambiguous")),
        "{:#?}",
        imported.report.warnings
    );
    assert_sound(plan);

    // Month first: "03/16/2026" can only be the 16th of March, so "04/03/2026" is April the 3rd.
    let text =
        "# Hall\n\n## To do\n\nBook the caterer 03/16/2026\nStrip the old floor — 04/03/2026\n";
    let imported = import(text);
    let dues: Vec<_> = imported.plan.tasks.iter().map(|t| t.due).collect();
    assert_eq!(dues, [day(2026, 3, 16), day(2026, 4, 3)]);
    assert!(
        imported.report.warnings.is_empty(),
        "{:#?}",
        imported.report.warnings
    );

    // Nothing decides: day first as before, and one warning that counts the dates.
    let text = "# Hall\n\n## To do\n\n- Sprint 1: 02/03/2026 - 06/03/2026\n\nStrip the old floor — 04/03/2026\nPaint the doors 2026-03-20\nFix the lights 12/12/2026\n";
    let imported = import(text);
    let plan = &imported.plan;
    assert_eq!(
        (plan.sprints[0].start, plan.sprints[0].end),
        (day(2026, 3, 2), day(2026, 3, 6))
    );
    assert_eq!(task(plan, "Strip the old floor").due, day(2026, 3, 4));
    let about: Vec<String> = imported
        .report
        .grouped_warnings()
        .iter()
        .map(ToString::to_string)
        .filter(|w| w.contains("ambiguous"))
        .collect();
    assert_eq!(
        about,
        ["3 dates like 12/03/2026 read as day/month; ambiguous"],
        "12/12/2026 reads the same either way"
    );
    assert_sound(plan);
}
