//! The Velocity view on the bundled sample (today fixed at 2026-02-02, the start of Sprint 3, after
//! three prototype sprints, Sprint 1 and Sprint 2): tabs, units, hover readouts, a sprint's task list,
//! closing a sprint and undoing it, and the backlog projection on the board.

use crate::harness;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::app::WaymarkApp;
use waymark::export::velocity::VelocityChart;
use waymark::model::{SprintId, TaskId};

/// The app showing the Velocity view.
fn velocity() -> Harness<'static, WaymarkApp> {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Velocity")
        .click();
    harness.run();
    harness
}

fn sprint_of(harness: &Harness<'_, WaymarkApp>, id: &str) -> Option<SprintId> {
    crate::task(harness.state(), id).sprint.clone()
}

#[test]
fn tabs_switch_the_chart_and_units_switch_the_numbers() {
    let mut harness = velocity();
    assert_eq!(
        harness.state().ui_state.velocity.chart,
        VelocityChart::Velocity
    );
    harness.get_by_label_contains("Sprint 2: committed 78 h, completed 24 h");
    harness.get_by_label_contains("Prototype 2: committed 36 h, completed 26 h");

    harness.get_by_label("Count").click();
    harness.run();
    harness.get_by_label_contains("Sprint 2: committed 7 tasks, completed 3 tasks");
    assert!(
        harness
            .query_by_label_contains("Sprint 2: committed 78 h")
            .is_none(),
        "the hours are gone"
    );
    harness.get_by_label("Hours").click();
    harness.run();
    harness.get_by_label_contains("Sprint 2: committed 78 h");

    harness.get_by_label("Burndown").click();
    harness.run();
    assert_eq!(
        harness.state().ui_state.velocity.chart,
        VelocityChart::Burndown
    );
    // The running sprint's burndown first, one widget per day with its numbers.
    assert_eq!(
        harness.state().ui_state.velocity.scope,
        waymark::analysis::velocity::BurnScope::Sprint(SprintId::from("s3"))
    );
    harness.get_by_label_contains("Mon 2 Feb: 60 h remaining, 0 h completed, 60 h in scope");

    harness.get_by_label("Forecast").click();
    harness.run();
    assert_eq!(
        harness.state().ui_state.velocity.chart,
        VelocityChart::Forecast
    );
    assert_eq!(
        harness.state().ui_state.velocity.scope,
        waymark::analysis::velocity::BurnScope::Plan,
        "the forecast is of the whole plan"
    );
    assert!(
        harness
            .query_all_by_label_contains("of trials finish then")
            .count()
            >= 2,
        "a histogram of finish dates"
    );
}

#[test]
fn the_scope_picker_draws_a_sprint_burndown_with_its_scope_changes() {
    let mut harness = velocity();
    harness.get_by_label("Burndown").click();
    harness.run();
    harness.get_by_label("Scope").click();
    harness.run();
    harness.get_by_label("Sprint 2").click();
    harness.run();
    assert_eq!(
        harness.state().ui_state.velocity.scope,
        waymark::analysis::velocity::BurnScope::Sprint(SprintId::from("s2"))
    );
    // Sprint 2 starts with 78 h; UI-004 (8 h) comes in on the 21st; the ideal line falls 7.8 h per
    // working day over its ten working days.
    harness.get_by_label(
        "Wed 21 Jan: 86 h remaining, 0 h completed, 86 h in scope (ideal 54.6 h); \
         scope +8 h: UI-004 Keyboard shortcuts from the command table added",
    );
    harness.get_by_label_contains("Thu 29 Jan: 50 h remaining, 24 h completed, 74 h in scope");
    harness.get_by_label_contains("scope −12 h: IMP-002 CSV task table importer removed");
}

#[test]
fn hovering_a_sprint_shows_its_numbers() {
    let mut harness = velocity();
    let label =
        "Sprint 2: committed 78 h, completed 24 h, added 8 h, removed 12 h, carried over 50 h";
    assert_eq!(harness.query_all_by_label(label).count(), 1);
    harness.get_by_label(label).hover();
    harness.run();
    assert_eq!(
        harness.query_all_by_label(label).count(),
        2,
        "the bars and their readout"
    );
}

#[test]
fn clicking_a_sprint_lists_its_tasks_and_a_task_goes_to_the_inspector() {
    let mut harness = velocity();
    harness
        .get_by_label_contains("Sprint 2: committed 78 h")
        .click();
    harness.run();
    harness.get_by_label("Done (3)");
    harness.get_by_label("Carried over (4)");
    harness.get_by_label("Added after the start (1)");
    harness
        .get_by_label("CORE-005  Status legend with colours and aliases")
        .click();
    harness.run();
    assert_eq!(
        harness.state().ui_state.selected,
        Some(TaskId::from("CORE-005"))
    );
    harness.get_by_label("Hide list").click();
    harness.run();
    assert!(harness.query_by_label("Done (3)").is_none());
}

#[test]
fn closing_a_sprint_moves_unfinished_work_in_one_undo_step() {
    let mut harness = velocity();
    assert!(
        !harness
            .state()
            .plan()
            .sprint(&SprintId::from("s2"))
            .is_some_and(|s| s.closed)
    );
    harness.get_by_label("Close sprint…").click();
    harness.run();
    harness.get_by_label("Move the 4 unfinished tasks to");
    harness
        .get_by_role_and_label(Role::Button, "Close sprint")
        .click();
    harness.run();
    let plan = harness.state().plan();
    assert!(plan.sprint(&SprintId::from("s2")).is_some_and(|s| s.closed));
    for id in ["CORE-004", "UI-002", "UI-003", "IMP-001"] {
        assert_eq!(sprint_of(&harness, id), Some(SprintId::from("s3")), "{id}");
    }
    assert_eq!(sprint_of(&harness, "CORE-005"), Some(SprintId::from("s2")));
    let record = plan
        .velocity
        .iter()
        .find(|r| r.sprint == Some(SprintId::from("s2")))
        .expect("a record of Sprint 2");
    assert_eq!(record.completed, Some(24.0));
    assert!(
        harness
            .query_by_label("Move the 4 unfinished tasks to")
            .is_none()
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        !harness
            .state()
            .plan()
            .sprint(&SprintId::from("s2"))
            .is_some_and(|s| s.closed)
    );
    for id in ["CORE-004", "UI-002", "UI-003", "IMP-001"] {
        assert_eq!(sprint_of(&harness, id), Some(SprintId::from("s2")), "{id}");
    }
}

#[test]
fn planning_mode_shows_where_the_next_sprints_end() {
    let mut harness = harness();
    harness.get_by_role_and_label(Role::Button, "Board").click();
    harness.run();
    harness.get_by_label("Planning").click();
    harness.run();
    harness.get_by_label_contains("Projected at 37.3 h per sprint");
    harness.get_by_label("Sprint 4 ends here");
    harness.get_by_label("Sprint 5 ends here");
}

#[test]
fn velocity_snapshots() {
    let mut harness = velocity();
    harness.hover_at(egui::pos2(5.0, 880.0));
    harness.run();
    harness.snapshot("velocity_chart");
    harness.get_by_label("Forecast").click();
    harness.run();
    harness.snapshot("velocity_forecast");
}
