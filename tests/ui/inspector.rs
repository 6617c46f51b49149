//! Selecting a task in the table and editing it in the inspector.

use super::{harness, task};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use waymark::model::{StatusKey, TaskId};

#[test]
fn select_in_table_edit_title_and_status_then_undo_and_redo() {
    let mut harness = harness();
    harness.get_by_label("UI-002").click();
    harness.run();
    assert_eq!(
        harness.state().ui_state.selected,
        Some(TaskId::from("UI-002"))
    );
    let original_title = task(harness.state(), "UI-002").title.clone();

    let title = harness.get_by_role_and_label(Role::TextInput, "Title");
    title.click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Title")
        .type_text("Task table, sortable");
    harness.run();
    assert_eq!(
        task(harness.state(), "UI-002").title,
        original_title,
        "typing alone does not commit"
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        task(harness.state(), "UI-002").title,
        "Task table, sortable"
    );
    assert_eq!(
        harness.state().document.history.undo_label(),
        Some("Change title of UI-002")
    );

    harness
        .get_by_role_and_label(Role::ComboBox, "Status")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Done").click();
    harness.run();
    let edited = task(harness.state(), "UI-002");
    assert_eq!(edited.status, StatusKey::from("DONE"));
    assert!(
        edited.completed.is_some(),
        "moving to done records the completion date"
    );
    assert_eq!(
        harness
            .state()
            .plan()
            .status_history
            .last()
            .map(|c| c.task.as_str()),
        Some("UI-002")
    );
    assert!(harness.state().document.history.is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        task(harness.state(), "UI-002").status,
        StatusKey::from("IN PROGRESS")
    );
    assert_eq!(
        task(harness.state(), "UI-002").title,
        "Task table, sortable"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(task(harness.state(), "UI-002").title, original_title);
    assert!(
        !harness.state().document.history.is_dirty(),
        "all edits undone"
    );

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        task(harness.state(), "UI-002").title,
        "Task table, sortable"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        task(harness.state(), "UI-002").status,
        StatusKey::from("DONE")
    );
}

#[test]
fn ticking_a_checklist_item_is_one_edit() {
    let mut harness = harness();
    harness.get_by_label("UI-003").click();
    harness.run();
    let before = task(harness.state(), "UI-003").checklist_progress();
    // The checklist sits below "Blocked by", "Blocks" and the schedule: scroll to it as a person would.
    harness.get_by_label("Date pickers").scroll_to_me();
    harness.run();
    harness.get_by_label("Date pickers").click();
    harness.run();
    assert_eq!(
        task(harness.state(), "UI-003").checklist_progress(),
        (before.0 + 1, before.1)
    );
    assert_eq!(
        harness.state().document.history.undo_label(),
        Some("Change checklist of UI-003")
    );
}

#[test]
fn a_dependency_added_in_the_inspector_that_would_loop_is_refused_with_the_loop() {
    let mut harness = harness();
    harness.get_by_label("CORE-001").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Add")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Add")
        .type_text("CORE-003");
    harness.run();
    harness.get_by_label_contains("+ CORE-003").click();
    harness.run();
    assert!(task(harness.state(), "CORE-001").depends_on.is_empty());
    let message = harness
        .state()
        .toasts
        .latest()
        .map(|t| t.text.clone())
        .unwrap_or_default();
    assert!(
        message.contains("CORE-003 → CORE-001 → CORE-003"),
        "{message}"
    );
}

#[test]
fn blocked_by_lists_unfinished_prerequisites_transitively_and_selects_on_click() {
    let mut harness = harness();
    harness.get_by_label("BRD-002").click();
    harness.run();
    assert_eq!(
        harness.state().ui_state.selected,
        Some(TaskId::from("BRD-002"))
    );
    harness.get_by_label("Blocked by (4)");
    harness.get_by_role_and_label(
        Role::Link,
        "Blocked by BRD-001 Sprint board columns from the legend",
    );
    harness.get_by_label_contains("Starts: ");
    harness.get_by_label_contains("Slack: ");
    assert!(
        harness
            .query_by_label_contains("Blocked by UI-001")
            .is_none(),
        "a done prerequisite blocks nothing"
    );

    harness
        .get_by_role_and_label(
            Role::Link,
            "Blocked by UI-002 Task table with sorting and filter",
        )
        .click();
    harness.run();
    assert_eq!(
        harness.state().ui_state.selected,
        Some(TaskId::from("UI-002")),
        "the transitive prerequisite is selected"
    );
    harness.get_by_role_and_label(
        Role::Link,
        "Blocks BRD-002 Drag cards between columns and sprints",
    );
}
