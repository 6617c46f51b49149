//! The dependency graph canvas, driven by pointer and keyboard on the CSV seed's tasks.

use super::task;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::app::{Document, Settings, WaymarkApp};
use waymark::model::TaskId;

/// The app on the CSV seed's 32 tasks (a hand-made fixture until the CSV importer lands), in the graph
/// view, switched to with Ctrl+3.
fn graph_harness() -> Harness<'static, WaymarkApp> {
    let plan = waymark::io::plan_from_ron(include_str!("../fixtures/csv_seed_graph.ron"))
        .expect("fixture loads");
    let app = super::on_fixed_day(WaymarkApp::new(
        Document::untitled(plan, 0),
        Settings::default(),
    ));
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut WaymarkApp| app.ui_root(ui), app);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    harness
}

fn depends_on(app: &WaymarkApp, id: &str) -> Vec<String> {
    task(app, id)
        .depends_on
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Drags from one position to another in small steps, as a hand would; `during` runs before the drop.
fn drag(
    harness: &mut Harness<'static, WaymarkApp>,
    from: egui::Pos2,
    to: egui::Pos2,
    during: impl FnOnce(&mut Harness<'static, WaymarkApp>),
) {
    harness.drag_at(from);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.run();
    }
    during(harness);
    harness.drop_at(to);
    harness.run();
}

#[test]
fn drawing_from_a_handle_to_a_card_adds_a_dependency_and_one_undo_removes_it() {
    let mut harness = graph_harness();
    let from = harness.get_by_label("Connect from OPT-001").rect().center();
    let to = harness.get_by_label("OPT-002").rect().center();
    drag(&mut harness, from, to, |_| {});
    assert_eq!(depends_on(harness.state(), "OPT-002"), ["OPT-001"]);
    assert_eq!(
        harness.state().document.history.undo_label(),
        Some("Make OPT-002 depend on OPT-001")
    );
    harness.get_by_label("OPT-001 → OPT-002");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(depends_on(harness.state(), "OPT-002").is_empty());
}

#[test]
fn a_connection_that_would_close_a_loop_is_refused_naming_the_loop() {
    let mut harness = graph_harness();
    let from = harness.get_by_label("Connect from PAY-004").rect().center();
    let to = harness.get_by_label("PAY-001").rect().center();
    let expected = "that would close a loop: PAY-004 → PAY-001 → PAY-002 → PAY-004";
    drag(&mut harness, from, to, |harness| {
        harness.get_by_label_contains(expected);
    });
    assert!(depends_on(harness.state(), "PAY-001").is_empty());
    assert!(!harness.state().document.history.is_dirty());
    harness.get_by_label(&format!("Refused: {expected}"));
}

#[test]
fn picking_an_edge_and_pressing_delete_removes_only_the_dependency() {
    let mut harness = graph_harness();
    harness.get_by_label("CHAT-003").click();
    harness.run();
    harness.get_by_label("CHAT-002 → CHAT-003").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert!(depends_on(harness.state(), "CHAT-003").is_empty());
    assert_eq!(
        harness.state().plan().tasks.len(),
        32,
        "no task was deleted"
    );
    assert!(harness.query_by_label("CHAT-002 → CHAT-003").is_none());
    assert_eq!(
        harness.state().document.history.undo_label(),
        Some("Remove dependency of CHAT-003 on CHAT-002")
    );
}

#[test]
fn clicking_a_card_selects_the_task_in_the_inspector() {
    let mut harness = graph_harness();
    harness.get_by_label("PAY-003").click();
    harness.run();
    assert_eq!(
        harness.state().ui_state.selected,
        Some(TaskId::from("PAY-003"))
    );
    let title = harness.get_by_role_and_label(Role::TextInput, "Title");
    assert_eq!(title.value().as_deref(), Some("Payment Method Management"));
}

#[test]
fn every_prerequisite_card_is_left_of_its_dependants() {
    let harness = graph_harness();
    let plan = harness.state().plan().clone();
    let mut checked = 0;
    for dependant in &plan.tasks {
        let right = harness.get_by_label(dependant.id.as_str()).rect();
        for prerequisite in &dependant.depends_on {
            let left = harness.get_by_label(prerequisite.as_str()).rect();
            assert!(
                left.max.x < right.min.x,
                "{prerequisite} is not left of {}",
                dependant.id
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 19);
}

#[test]
fn canvas_snapshot() {
    let mut harness = graph_harness();
    harness.get_by_label("PAY-002").click();
    harness.run();
    // Away from every card, so nothing is dimmed by hovering.
    harness.hover_at(egui::pos2(900.0, 850.0));
    harness.run();
    harness.snapshot("graph_canvas");
}

#[test]
fn dragging_a_card_saves_its_place_as_one_undoable_edit() {
    let mut harness = graph_harness();
    let card = harness.get_by_label("OPT-001").rect();
    let from = card.left_center() + egui::vec2(20.0, 0.0);
    drag(&mut harness, from, from + egui::vec2(0.0, 120.0), |_| {});
    let placed = task(harness.state(), "OPT-001")
        .graph_position
        .expect("the place is saved in the plan");
    assert_eq!(
        harness.state().document.history.undo_label(),
        Some("Move OPT-001 on the graph")
    );
    let moved = harness.get_by_label("OPT-001").rect();
    assert!(
        (moved.top() - card.top() - 120.0).abs() < 2.0,
        "{card:?} → {moved:?}"
    );
    assert!(placed[1].is_finite());
    harness
        .get_by_role_and_label(Role::Button, "Re-layout all")
        .click();
    harness.run();
    assert!(task(harness.state(), "OPT-001").graph_position.is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        task(harness.state(), "OPT-001").graph_position,
        Some(placed)
    );
}

#[test]
fn filtering_by_status_hides_the_other_cards_and_search_focuses_a_task() {
    let mut harness = graph_harness();
    harness
        .get_by_role_and_label(Role::ComboBox, "Status")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "In progress")
        .click();
    harness.run();
    harness.get_by_label("PAY-001");
    assert!(
        harness.query_by_label("PAY-002").is_none(),
        "to-do cards are hidden"
    );

    let search = harness.get_by_role_and_label(Role::TextInput, "Search");
    search.click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .type_text("invoice management");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().ui_state.selected,
        Some(TaskId::from("PAY-002"))
    );
    // The filter hid PAY-002; focusing it clears the filter, so its card is back.
    harness.get_by_role_and_label(Role::Button, "PAY-002");
}
