//! The shell: table toolbar, sorting, filtering, shortcuts, the unsaved-changes guard.

use super::{harness, task};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::collections::HashSet;
use waymark::app::Command;
use waymark::model::TaskId;

#[test]
fn no_two_commands_share_a_shortcut() {
    let mut seen = HashSet::new();
    for command in Command::ALL {
        for shortcut in [command.shortcut(), command.alternate_shortcut()]
            .into_iter()
            .flatten()
        {
            assert!(
                seen.insert((shortcut.modifiers, shortcut.logical_key)),
                "{command:?} reuses {shortcut:?}"
            );
        }
    }
    assert!(seen.len() >= 15);
}

#[test]
fn add_duplicate_and_delete_tasks_from_the_toolbar() {
    let mut harness = harness();
    let count = harness.state().plan().tasks.len();
    harness.get_by_label("IMP-001").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Duplicate task")
        .click();
    harness.run();
    let copy = task(harness.state(), "IMP-005");
    assert_eq!(copy.title, "Markdown checklist importer (copy)");
    assert_eq!(
        harness.state().ui_state.selected,
        Some(TaskId::from("IMP-005"))
    );
    let plan = harness.state().plan();
    assert_eq!(
        plan.task_index(&TaskId::from("IMP-005")),
        plan.task_index(&TaskId::from("IMP-001")).map(|i| i + 1)
    );

    harness
        .get_by_role_and_label(Role::Button, "Add task")
        .click();
    harness.run();
    assert_eq!(task(harness.state(), "IMP-006").title, "New task");
    assert_eq!(harness.state().plan().tasks.len(), count + 2);

    harness
        .get_by_role_and_label(Role::Button, "Delete task")
        .click();
    harness.run();
    assert!(
        harness
            .state()
            .plan()
            .task(&TaskId::from("IMP-006"))
            .is_none()
    );
    assert_eq!(harness.state().plan().tasks.len(), count + 1);
}

#[test]
fn the_filter_hides_rows_and_the_count_says_so() {
    let mut harness = harness();
    let total = harness.state().plan().tasks.len();
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text("importer");
    harness.run();
    harness.get_by_label(&format!("2 of {total} tasks"));
    assert!(harness.query_by_label("IMP-001").is_some());
    assert!(harness.query_by_label("CORE-001").is_none());
}

#[test]
fn clicking_a_header_sorts_and_clicking_again_reverses() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Estimate")
        .click();
    harness.run();
    let rows = |h: &egui_kittest::Harness<'_, waymark::app::WaymarkApp>| {
        // Two rows from the middle, so both are on screen in either order.
        let ids: Vec<f32> = ["UI-003", "CORE-003"]
            .iter()
            .map(|id| h.get_by_label(id).rect().top())
            .collect();
        ids
    };
    let ascending = rows(&harness);
    assert!(ascending[1] < ascending[0], "10 h sorts above 12 h");
    harness
        .get_by_role_and_label(Role::Button, "Estimate ⏶")
        .click();
    harness.run();
    let descending = rows(&harness);
    assert!(
        descending[0] < descending[1],
        "12 h sorts above 10 h when reversed"
    );
}

#[test]
fn new_with_unsaved_changes_asks_first_and_cancel_keeps_the_plan() {
    let mut harness = harness();
    harness.get_by_label("CORE-004").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Delete task")
        .click();
    harness.run();
    assert!(harness.state().document.history.is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label_contains("Save the changes to");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(
        harness.state().plan().tasks.len() > 10,
        "cancel keeps the plan"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Don't save")
        .click();
    harness.run();
    assert!(
        harness.state().plan().tasks.is_empty(),
        "a new plan replaced the sample"
    );
    assert!(
        harness.state().document.history.undo_label().is_none(),
        "opening a plan is not an undo step"
    );
}

#[test]
fn view_switcher_shows_each_view() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Timeline")
        .click();
    harness.run();
    assert_eq!(
        harness.state().settings.view,
        waymark::views::ViewKind::Timeline
    );
    harness.get_by_label("Roadmap");
    harness.get_by_label("Fit plan");
    harness
        .get_by_role_and_label(Role::Button, "Velocity")
        .click();
    harness.run();
    harness.get_by_label("Velocity chart");
    harness.get_by_role_and_label(Role::Button, "Board").click();
    harness.run();
    harness.get_by_label_contains("Card UI-001");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    assert_eq!(
        harness.state().settings.view,
        waymark::views::ViewKind::Table
    );
    harness.get_by_label("UI-001");
}

#[test]
fn snapshot_of_the_table_on_the_sample() {
    let mut harness = harness();
    harness.get_by_label("UI-003").click();
    harness.run();
    harness.snapshot("table_and_inspector");
}
