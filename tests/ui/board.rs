//! The sprint board, driven by card labels on a small fixture plan: drags between columns, lanes and
//! sprints, keyboard moves, filters, WIP limits, quick add, and one image snapshot.

use egui::accesskit::{Live, Role};
use egui::{Key, Modifiers, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::app::{Document, Settings, WaymarkApp};
use waymark::io::plan_from_ron;
use waymark::model::{SprintId, StatusKey, TaskId};
use waymark::views::ViewKind;

const FIXTURE: &str = include_str!("../fixtures/board_small.ron");

fn board() -> Harness<'static, WaymarkApp> {
    board_sized([1500.0, 820.0])
}

fn board_sized(size: [f32; 2]) -> Harness<'static, WaymarkApp> {
    let plan = plan_from_ron(FIXTURE).expect("the board fixture loads");
    let settings = Settings {
        view: ViewKind::Board,
        dark: false,
        ..Settings::default()
    };
    let mut harness = Harness::builder().with_size(size).build_ui_state(
        |ui, app: &mut WaymarkApp| app.ui_root(ui),
        super::on_fixed_day(WaymarkApp::new(Document::untitled(plan, 0), settings)),
    );
    harness.run();
    harness
}

fn center(harness: &Harness<'_, WaymarkApp>, label: &str) -> Pos2 {
    harness.get_by_label_contains(label).rect().center()
}

/// Presses on `from`, moves in steps to `to` and releases there, as a hand would.
fn drag(harness: &mut Harness<'_, WaymarkApp>, from: Pos2, to: Pos2) {
    harness.drag_at(from);
    harness.run();
    harness.hover_at(from + vec2(12.0, 12.0));
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
}

/// [`drag`] where workers may ask for frames at any time: each step is a fixed number of frames.
fn drag_with_workers(harness: &mut Harness<'_, WaymarkApp>, from: Pos2, to: Pos2) {
    harness.drag_at(from);
    harness.run_steps(2);
    harness.hover_at(from + vec2(12.0, 12.0));
    harness.run_steps(2);
    harness.hover_at(to);
    harness.run_steps(2);
    harness.drop_at(to);
    harness.run_steps(2);
}

fn status(harness: &Harness<'_, WaymarkApp>, id: &str) -> StatusKey {
    super::task(harness.state(), id).status.clone()
}

fn position(harness: &Harness<'_, WaymarkApp>, id: &str) -> usize {
    harness
        .state()
        .plan()
        .task_index(&TaskId::from(id))
        .expect("task exists")
}

#[test]
fn dragging_a_card_to_another_column_changes_its_status_once() {
    let mut harness = board();
    let edits_before = harness.state().plan().status_history.len();
    let from = center(&harness, "Card PAY-003");
    let to = center(&harness, "Card PAY-002");
    drag(&mut harness, from, to);
    assert_eq!(status(&harness, "PAY-003"), StatusKey::from("IN PROGRESS"));
    assert!(
        position(&harness, "PAY-003") < position(&harness, "PAY-002"),
        "dropped above PAY-002"
    );
    let history = &harness.state().plan().status_history;
    assert_eq!(history.len(), edits_before + 1);
    let last = history.last().expect("a change was recorded");
    assert_eq!(
        (last.task.as_str(), last.from.as_str(), last.to.as_str()),
        ("PAY-003", "TODO", "IN PROGRESS")
    );
    assert_eq!(
        harness.state().document.history.undo_label(),
        Some("Move PAY-003 to In progress")
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(status(&harness, "PAY-003"), StatusKey::from("TODO"));
    assert_eq!(
        position(&harness, "PAY-003"),
        2,
        "one undo restores status and order"
    );
    assert_eq!(harness.state().plan().status_history.len(), edits_before);
}

#[test]
fn dropping_outside_any_column_cancels_the_drag() {
    let mut harness = board();
    let before = harness.state().plan().clone();
    let from = center(&harness, "Card PAY-003");
    drag(&mut harness, from, Pos2::new(40.0, 15.0));
    assert_eq!(harness.state().plan(), &before);
    assert_eq!(harness.state().document.history.undo_label(), None);
}

#[test]
fn dragging_within_a_column_reorders_the_plan() {
    let mut harness = board();
    assert_eq!(position(&harness, "PAY-008"), 7);
    let from = center(&harness, "Card PAY-008");
    let to = center(&harness, "Card PAY-003");
    drag(&mut harness, from, to);
    assert_eq!(
        position(&harness, "PAY-008"),
        2,
        "PAY-008 now sits above PAY-003"
    );
    assert_eq!(status(&harness, "PAY-008"), StatusKey::from("TODO"));
    assert_eq!(
        harness.state().document.history.undo_label(),
        Some("Reorder PAY-008")
    );
}

#[test]
fn clicking_a_card_selects_it_and_dropping_early_into_done_warns() {
    let mut harness = board();
    harness.get_by_label_contains("Card PAY-003").click();
    harness.run();
    assert_eq!(
        harness.state().ui_state.selected,
        Some(TaskId::from("PAY-003"))
    );
    assert!(
        harness.query_by_label_contains("blocked by 1").is_none(),
        "badges are painted, not widgets"
    );
    let from = center(&harness, "Card PAY-003");
    let to = center(&harness, "Card PAY-001");
    drag(&mut harness, from, to);
    assert_eq!(
        status(&harness, "PAY-003"),
        StatusKey::from("DONE"),
        "the move is allowed"
    );
    assert!(
        harness
            .state()
            .derived
            .unfinished_prerequisites
            .contains_key(&TaskId::from("PAY-003")),
        "the prerequisite PAY-002 is still open, so the card keeps its warning"
    );
}

fn open_planning(harness: &mut Harness<'_, WaymarkApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Planning")
        .click();
    harness.run();
}

fn sprint_of(harness: &Harness<'_, WaymarkApp>, id: &str) -> Option<SprintId> {
    super::task(harness.state(), id).sprint.clone()
}

#[test]
fn planning_moves_cards_between_backlog_and_sprints_and_the_capacity_follows() {
    let mut harness = board();
    open_planning(&mut harness);
    assert!(
        harness.query_by_label("25 / 60 h").is_some(),
        "Sprint 2 starts with 25 of 60 h"
    );
    harness
        .get_all_by_role_and_label(Role::Button, "▼")
        .next()
        .expect("sprint panels")
        .click();
    harness.run();
    assert!(
        harness.query_by_label_contains("Card PAY-001").is_none(),
        "Sprint 1 is collapsed"
    );

    let from = center(&harness, "Card PAY-007");
    let to = center(&harness, "Card PAY-002");
    drag(&mut harness, from, to);
    assert_eq!(sprint_of(&harness, "PAY-007"), Some(SprintId::from("s2")));
    assert_eq!(
        harness.state().document.history.undo_label(),
        Some("Move PAY-007 to Sprint 2")
    );
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Moved PAY-007 to Sprint 2, ")
            .is_some(),
        "the move into the sprint is announced"
    );
    assert!(
        harness.query_by_label("41 / 60 h").is_some(),
        "the bar counts the 16 h moved in"
    );

    let from = center(&harness, "Card PAY-007");
    let to = center(&harness, "Card PAY-008");
    drag(&mut harness, from, to);
    assert_eq!(sprint_of(&harness, "PAY-007"), Some(SprintId::from("s3")));
    assert!(harness.query_by_label("25 / 60 h").is_some());
    assert!(harness.query_by_label_contains("24 / 30 h").is_some());

    let from = center(&harness, "Card PAY-007");
    let to = center(&harness, "Card PAY-006");
    drag(&mut harness, from, to);
    assert_eq!(sprint_of(&harness, "PAY-007"), None, "back in the backlog");
    harness.run();
    let card = harness.get_by_label_contains("Card PAY-007");
    let label = card.accesskit_node().label().unwrap_or_default();
    assert!(label.contains(" — Backlog, "), "{label}");
}

#[test]
fn moving_unfinished_work_out_of_a_closed_sprint_is_one_edit() {
    let mut harness = board();
    open_planning(&mut harness);
    harness
        .get_by_role_and_label(Role::Button, "Move unfinished to next sprint")
        .click();
    harness.run();
    assert_eq!(sprint_of(&harness, "PAY-004"), Some(SprintId::from("s2")));
    assert_eq!(
        sprint_of(&harness, "PAY-001"),
        Some(SprintId::from("s1")),
        "done work stays"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(sprint_of(&harness, "PAY-004"), Some(SprintId::from("s1")));
}

#[test]
fn a_sprint_can_be_created_from_the_board() {
    let mut harness = board();
    open_planning(&mut harness);
    harness
        .get_by_role_and_label(Role::Button, "New sprint…")
        .click();
    harness.run();
    for (field, text) in [("Capacity (h)", "45"), ("Start", "2026-04-13")] {
        harness
            .get_by_role_and_label(Role::TextInput, field)
            .click();
        harness.run();
        harness
            .get_by_role_and_label(Role::TextInput, field)
            .type_text(text);
        harness.run();
    }
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Create sprint")
        .click();
    harness.run();
    let plan = harness.state().plan();
    let sprint = plan.sprints.last().expect("a sprint was added");
    assert_eq!(
        (sprint.name.as_str(), sprint.capacity_hours),
        ("Sprint 4", Some(45.0))
    );
    assert_eq!(sprint.start, chrono::NaiveDate::from_ymd_opt(2026, 4, 13));
}

#[test]
fn keyboard_moves_the_selected_card_across_columns_and_within_one() {
    let mut harness = board();
    harness.get_by_label_contains("Card PAY-003").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::CTRL | Modifiers::ALT, Key::ArrowRight);
    harness.run();
    assert_eq!(status(&harness, "PAY-003"), StatusKey::from("IN PROGRESS"));
    harness.key_press_modifiers(Modifiers::CTRL | Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(status(&harness, "PAY-003"), StatusKey::from("TODO"));
    harness.key_press_modifiers(Modifiers::CTRL | Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert!(position(&harness, "PAY-003") > position(&harness, "PAY-004"));
    harness.key_press_modifiers(Modifiers::CTRL | Modifiers::ALT, Key::ArrowUp);
    harness.run();
    assert!(position(&harness, "PAY-003") < position(&harness, "PAY-004"));
}

#[test]
fn the_filter_hides_cards_and_the_counts_say_so() {
    let mut harness = board();
    assert!(harness.query_by_label_contains("Card PAY-004").is_some());
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .type_text("refund");
    harness.run();
    assert!(harness.query_by_label_contains("Card PAY-004").is_none());
    assert!(harness.query_by_label_contains("Card PAY-003").is_some());
    assert!(harness.query_by_label("2 of 8 tasks").is_some());
    assert!(harness.query_by_label("To do · 2 of 4 · 24 h").is_some());
}

#[test]
fn a_wip_limit_marks_an_over_full_column() {
    let mut harness = board();
    harness
        .get_all_by_role_and_label(Role::Button, "⋯")
        .next()
        .expect("column menus")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "WIP limit")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "WIP limit")
        .type_text("3");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Set").click();
    harness.run();
    assert_eq!(harness.state().plan().legend[0].wip_limit, Some(3));
    assert!(harness.query_by_label("⚠ To do · 4/3 · 38 h").is_some());
    assert!(
        harness.query_by_label("In progress · 1 · 12 h").is_some(),
        "other columns are not marked"
    );
}

#[test]
fn quick_add_creates_a_task_in_its_column() {
    let mut harness = board();
    harness
        .get_by_role_and_label(Role::Button, "Add a task to Review")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New task title")
        .type_text("Write the release notes");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let created = super::task(harness.state(), "PAY-009");
    assert_eq!(created.title, "Write the release notes");
    assert_eq!(created.status, StatusKey::from("REVIEW"));
    assert_eq!(
        harness.state().ui_state.selected,
        Some(TaskId::from("PAY-009"))
    );
    assert!(harness.query_by_label_contains("Card PAY-009").is_some());
}

#[test]
fn enter_edits_the_selected_cards_title_in_place() {
    let mut harness = board();
    harness.get_by_label_contains("Card PAY-005").click();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Card title")
        .type_text("Fraud rules sign-off");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        super::task(harness.state(), "PAY-005").title,
        "Fraud rules sign-off"
    );
    assert_eq!(
        harness.state().document.history.undo_label(),
        Some("Change title of PAY-005")
    );
}

#[test]
fn swimlanes_by_sprint_collapse_and_move_cards_between_lanes() {
    let mut harness = board();
    harness.state_mut().ui_state.board.swimlane = waymark::views::board::Swimlane::Sprint;
    harness.run();
    let from = center(&harness, "Card PAY-008");
    let to = center(&harness, "Card PAY-003");
    drag(&mut harness, from, to);
    assert_eq!(sprint_of(&harness, "PAY-008"), Some(SprintId::from("s2")));
    assert_eq!(
        harness.state().document.history.undo_label(),
        Some("Move PAY-008 to Sprint 2")
    );
    harness.get_by_label_contains("▼ Sprint 2").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("Card PAY-008").is_none(),
        "a collapsed lane hides its cards"
    );
}

#[test]
fn a_lane_wip_limit_marks_an_over_full_lane() {
    let mut harness = board();
    harness.state_mut().ui_state.board.swimlane = waymark::views::board::Swimlane::Sprint;
    harness.run();
    assert!(
        harness
            .query_by_label("▼ Sprint 2 · 3 tasks · 25 h")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "WIP limit of Sprint 2")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "WIP limit")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "WIP limit")
        .type_text("2");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Set").click();
    harness.run();
    let limits = &harness.state().plan().lane_wip_limits;
    assert_eq!(limits.len(), 1);
    assert_eq!(
        (
            limits[0].lanes.as_str(),
            limits[0].lane.as_str(),
            limits[0].limit
        ),
        ("sprint", "s2", 2)
    );
    assert_eq!(
        harness.state().document.history.undo_label(),
        Some("Set WIP limit of Sprint 2 to 2")
    );
    assert!(
        harness
            .query_by_label("▼ ⚠ Sprint 2 · 3/2 tasks · 25 h")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("▼ Sprint 3 · 1 tasks · 8 h")
            .is_some(),
        "other lanes are not marked"
    );
    harness
        .get_by_role_and_label(Role::Button, "WIP limit of Sprint 2")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Remove the limit")
        .click();
    harness.run();
    assert!(harness.state().plan().lane_wip_limits.is_empty());
    assert!(
        harness
            .query_by_label("▼ Sprint 2 · 3 tasks · 25 h")
            .is_some()
    );
}

#[test]
fn board_snapshot() {
    let mut harness = board();
    harness.get_by_label_contains("Card PAY-002").click();
    harness.run();
    harness.snapshot("board_small");
}

#[test]
fn a_keyboard_move_is_announced_and_the_card_label_names_its_new_place() {
    let mut harness = board();
    let card = harness.get_by_label_contains("Card PAY-003");
    let before = card.accesskit_node().label().unwrap_or_default();
    assert!(before.contains(" — To do, "), "{before}");
    card.click();
    harness.run();
    harness.key_press_modifiers(Modifiers::CTRL | Modifiers::ALT, Key::ArrowRight);
    harness.run();
    harness.run();
    let announcement = harness.get_by_label_contains("Moved PAY-003 to ");
    assert_eq!(announcement.accesskit_node().live(), Live::Polite);
    let said = announcement.value().unwrap_or_default();
    let place = said
        .strip_prefix("Moved PAY-003 to ")
        .expect("the announcement names the card");
    assert!(place.starts_with("In progress, "), "{said}");
    let label = harness
        .get_by_label_contains("Card PAY-003")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(
        label.ends_with(&format!(" — {place}")),
        "the card says where it is: {label}"
    );
}

#[test]
fn a_carried_card_near_the_bottom_edge_scrolls_the_column_to_far_cards() {
    let mut harness = board_sized([1500.0, 480.0]);
    assert!(
        harness.query_by_label_contains("Card PAY-008").is_none(),
        "the last To do card starts out of view"
    );
    let from = center(&harness, "Card PAY-002");
    let column_x = center(&harness, "Card PAY-003").x;
    let bottom = harness.ctx.content_rect().bottom();
    harness.drag_at(from);
    harness.run();
    harness.hover_at(from + vec2(12.0, 12.0));
    harness.run();
    let edge = egui::pos2(column_x, bottom - 40.0);
    // The grid keeps scrolling (and repainting) while the card is held there, until its end.
    for _ in 0..90 {
        harness.hover_at(edge);
        harness.step();
    }
    harness.run();
    let target = center(&harness, "Card PAY-008");
    harness.hover_at(target);
    harness.run();
    harness.drop_at(target);
    harness.run();
    assert_eq!(status(&harness, "PAY-002"), StatusKey::from("TODO"));
    assert!(
        position(&harness, "PAY-002") < position(&harness, "PAY-008"),
        "dropped next to the far card"
    );
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Moved PAY-002 to To do, ")
            .is_some(),
        "the drop is announced"
    );
}

#[test]
fn the_exported_board_shows_the_cards_and_lanes_the_window_shows() {
    use waymark::export::timeline::Palette;
    use waymark::export::{Hit, board_scene};
    let mut harness = board_sized([1500.0, 4000.0]);
    {
        let board = &mut harness.state_mut().ui_state.board;
        board.swimlane = waymark::views::board::Swimlane::Sprint;
        board.filter.priority = Some(waymark::model::Priority::P1);
    }
    harness.run();
    harness.get_by_label_contains("▼ Sprint 2").click();
    harness.run();
    let app = harness.state();
    let plan = app.document.plan();
    let scene = board_scene(
        plan,
        &app.ui_state.board.export_settings(),
        &Palette::light(),
    );
    let mut shown = 0;
    for (index, task) in plan.tasks.iter().enumerate() {
        let in_window = harness
            .query_by_label_contains(&format!("Card {}:", task.id))
            .is_some();
        let in_scene = scene.hit_rect(Hit::Task(index)).is_some();
        assert_eq!(in_window, in_scene, "{}", task.id);
        shown += usize::from(in_scene);
    }
    assert!(
        shown > 0 && shown < plan.tasks.len(),
        "the filter and the collapsed lane hide some cards, not all"
    );
    let headers: Vec<&str> = scene
        .texts()
        .into_iter()
        .filter(|t| t.starts_with('▼') || t.starts_with('▶'))
        .collect();
    assert!(
        headers.iter().any(|t| t.starts_with("▶ Sprint 2")),
        "{headers:?}"
    );
    for header in headers {
        assert!(
            harness.query_by_label(header).is_some(),
            "the window has the lane header {header:?}"
        );
    }
}

/// Runs frames until the analysis and the board's lanes have caught up with the plan.
fn settle(harness: &mut Harness<'_, WaymarkApp>) {
    for _ in 0..500 {
        // Stepped, not run: a worker may finish (and ask for a frame) at any moment.
        harness.step();
        let updating = harness.state().derived.is_updating()
            || harness.query_by_label_contains("updating…").is_some();
        if !updating {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the board never caught up");
}

#[test]
fn on_a_plan_sorted_on_worker_threads_a_dragged_card_lands_in_its_new_column() {
    let mut harness = board();
    // As for a 100,000-task plan: analysis and the board's lanes are built on worker threads.
    harness.state_mut().derived.background_from = 1;
    settle(&mut harness);
    let column_of = |harness: &Harness<'_, WaymarkApp>, label: &str| center(harness, label).x;
    let (todo_x, doing_x) = (
        column_of(&harness, "Card PAY-003"),
        column_of(&harness, "Card PAY-002"),
    );
    assert!(
        doing_x > todo_x,
        "PAY-002 is in a column right of PAY-003's"
    );
    let (from, to) = (
        center(&harness, "Card PAY-003"),
        center(&harness, "Card PAY-002"),
    );
    drag_with_workers(&mut harness, from, to);
    assert_eq!(status(&harness, "PAY-003"), StatusKey::from("IN PROGRESS"));
    settle(&mut harness);
    let landed = column_of(&harness, "Card PAY-003");
    assert!(
        (landed - doing_x).abs() < 1.0,
        "the card is drawn in the In progress column once the worker is done ({landed} vs {doing_x})"
    );
    // The move is announced from the lanes sorted after it: the column's new count.
    let in_progress = harness
        .state()
        .plan()
        .tasks
        .iter()
        .filter(|t| t.status == StatusKey::from("IN PROGRESS"))
        .count();
    let said = harness
        .get_by_label_contains("Moved PAY-003 to ")
        .value()
        .unwrap_or_default();
    assert!(
        said.starts_with("Moved PAY-003 to In progress, ")
            && said.ends_with(&format!(" of {in_progress}")),
        "{said}"
    );
}
