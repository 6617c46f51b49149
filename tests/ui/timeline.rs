//! The Timeline view, driven by labels: modes, zoom, groups, and every editing gesture with its undo.

use super::{harness, task};
use egui::{Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::app::WaymarkApp;
use waymark::export::timeline::axis::{MONTH_ZOOM, WEEK_ZOOM};
use waymark::export::timeline::task_bar_label;
use waymark::model::{MilestoneId, TaskId};

/// The app on the sample, showing the timeline in a mode, at week zoom, today a third across.
fn timeline(mode: &str) -> Harness<'static, WaymarkApp> {
    let mut harness = harness();
    harness.get_by_label("Timeline").click();
    harness.run();
    harness.get_by_label(mode).click();
    harness.run();
    harness.get_by_label("Week").click();
    harness.run();
    harness.get_by_label("Today").click();
    harness.run();
    harness
}

/// The Gantt chart with the finished Prototype phase folded away, so the later phases' rows are on
/// screen.
fn gantt_without_prototype() -> Harness<'static, WaymarkApp> {
    let mut harness = timeline("Gantt");
    harness.get_by_label("Collapse Prototype").click();
    harness.run();
    harness
}

fn bar_label(app: &WaymarkApp, id: &str) -> String {
    let plan = app.plan();
    let index = plan.task_index(&TaskId::from(id)).expect("the task");
    let dates = app.derived.dated.tasks[index].expect("the task is scheduled");
    task_bar_label(plan, &dates, index)
}

fn drag(harness: &mut Harness<'_, WaymarkApp>, from: Pos2, to: Pos2) {
    harness.drag_at(from);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

fn undo(harness: &mut Harness<'_, WaymarkApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
}

#[test]
fn roadmap_and_gantt_show_what_they_are_for() {
    let mut harness = timeline("Roadmap");
    for phase in ["Foundation", "Import and export", "Views", "Launch"] {
        harness.get_by_label(phase);
    }
    harness.get_by_label("Milestone Editable plans");
    harness.get_by_label("Sprint 3");
    assert!(
        harness
            .query_by_label(&bar_label(harness.state(), "IMP-002"))
            .is_none(),
        "the roadmap has no task bars"
    );
    harness.get_by_label("Gantt").click();
    harness.run();
    let label = bar_label(harness.state(), "IMP-002");
    harness.get_by_label(&label);
    harness.get_by_label("Collapse Foundation");
}

#[test]
fn zoom_buttons_change_the_scale() {
    let mut harness = timeline("Gantt");
    assert!((harness.state().ui_state.timeline.per_day - WEEK_ZOOM).abs() < 1e-4);
    harness.get_by_label("Month").click();
    harness.run();
    assert!((harness.state().ui_state.timeline.per_day - MONTH_ZOOM).abs() < 1e-4);
    harness.get_by_label("+").click();
    harness.run();
    assert!(harness.state().ui_state.timeline.per_day > MONTH_ZOOM);
    harness.get_by_label("−").click();
    harness.get_by_label("−").click();
    harness.run();
    assert!(harness.state().ui_state.timeline.per_day < MONTH_ZOOM);
}

#[test]
fn collapsing_a_group_hides_its_tasks() {
    let mut harness = timeline("Gantt");
    let core = bar_label(harness.state(), "CORE-004");
    harness.get_by_label(&core);
    harness.get_by_label("Collapse Foundation").click();
    harness.run();
    assert!(harness.query_by_label(&core).is_none());
    harness.get_by_label("Expand Foundation").click();
    harness.run();
    harness.get_by_label(&core);
}

#[test]
fn dragging_a_bar_sets_its_start_and_one_undo_restores_it() {
    let mut harness = timeline("Gantt");
    let label = bar_label(harness.state(), "IMP-002");
    let before = harness
        .state()
        .derived
        .dated
        .task(harness.state().plan(), &TaskId::from("IMP-002"));
    let before = before.expect("IMP-002 is scheduled");
    assert_eq!(task(harness.state(), "IMP-002").start, None);
    let bar = harness.get_by_label(&label).rect();
    let from = bar.center();
    // Three days to the right at week zoom.
    drag(&mut harness, from, from + Vec2::new(3.0 * WEEK_ZOOM, 0.0));
    let start = task(harness.state(), "IMP-002")
        .start
        .expect("a start date");
    assert_eq!(
        start,
        waymark::model::Calendar::default()
            .next_working_day(waymark::model::shift(before.start, 3))
    );
    let after = harness
        .state()
        .derived
        .dated
        .task(harness.state().plan(), &TaskId::from("IMP-002"));
    assert_eq!(
        after.expect("scheduled").start,
        start,
        "the schedule follows the new start"
    );
    undo(&mut harness);
    assert_eq!(task(harness.state(), "IMP-002").start, None);
}

#[test]
fn dragging_a_bar_end_changes_the_estimate() {
    let mut harness = gantt_without_prototype();
    let hours_before = task(harness.state(), "IMP-004")
        .estimate
        .hours
        .expect("an estimate");
    let handle = harness
        .get_by_label("Change length of IMP-004")
        .rect()
        .center();
    drag(
        &mut harness,
        handle,
        handle + Vec2::new(2.0 * WEEK_ZOOM, 0.0),
    );
    let hours = task(harness.state(), "IMP-004")
        .estimate
        .hours
        .expect("an estimate");
    assert!(hours > hours_before, "{hours} > {hours_before}");
    let per_day = harness.state().plan().meta.hours_per_day;
    assert!(
        (hours / per_day).fract().abs() < 1e-9,
        "whole days: {hours} h"
    );
    undo(&mut harness);
    assert_eq!(
        task(harness.state(), "IMP-004").estimate.hours,
        Some(hours_before)
    );
}

#[test]
fn dragging_a_milestone_changes_its_date() {
    let mut harness = timeline("Roadmap");
    let id = MilestoneId::from("m2");
    let before = harness.state().derived.dated.milestones[1]
        .expect("dated")
        .date;
    let diamond = harness
        .get_by_label("Milestone Reads existing plans")
        .rect()
        .center();
    drag(
        &mut harness,
        diamond,
        diamond + Vec2::new(7.0 * WEEK_ZOOM, 0.0),
    );
    let milestone = harness.state().plan().milestone(&id).expect("m2").clone();
    assert_eq!(milestone.date, Some(waymark::model::shift(before, 7)));
    undo(&mut harness);
    assert_ne!(
        harness.state().plan().milestone(&id).expect("m2").date,
        Some(waymark::model::shift(before, 7))
    );
}

#[test]
fn drawing_from_a_bar_adds_a_dependency_and_a_loop_is_refused_while_dragging() {
    let mut harness = gantt_without_prototype();
    let from_label = bar_label(harness.state(), "IMP-003");
    let to_label = bar_label(harness.state(), "BRD-001");
    assert!(
        !task(harness.state(), "BRD-001")
            .depends_on
            .contains(&TaskId::from("IMP-003"))
    );
    harness.get_by_label(&from_label).click();
    harness.run();
    let handle = harness.get_by_label("Connect from IMP-003").rect().center();
    let target = harness.get_by_label(&to_label).rect().center();
    drag(&mut harness, handle, target);
    assert!(
        task(harness.state(), "BRD-001")
            .depends_on
            .contains(&TaskId::from("IMP-003"))
    );

    // Now the other way round would close a loop: refused, and named while dragging.
    let from_label = bar_label(harness.state(), "IMP-003");
    let to_label = bar_label(harness.state(), "BRD-001");
    harness.get_by_label(&to_label).click();
    harness.run();
    let handle = harness.get_by_label("Connect from BRD-001").rect().center();
    let target = harness.get_by_label(&from_label).rect().center();
    harness.drag_at(handle);
    harness.run();
    harness.hover_at(target);
    harness.run();
    harness.get_by_label_contains("Loop: BRD-001 → IMP-003");
    harness.drop_at(target);
    harness.run();
    assert!(
        !task(harness.state(), "IMP-003")
            .depends_on
            .contains(&TaskId::from("BRD-001"))
    );
    harness.get_by_label_contains("Refused: that dependency would create a loop");
}

#[test]
fn keys_move_the_selection_and_the_selected_bar() {
    let mut harness = timeline("Gantt");
    let label = bar_label(harness.state(), "IMP-002");
    harness.get_by_label(&label).click();
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(
        harness.state().ui_state.selected,
        Some(TaskId::from("IMP-003"))
    );
    let before = harness
        .state()
        .derived
        .dated
        .task(harness.state().plan(), &TaskId::from("IMP-003"))
        .expect("dated");
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowRight);
    harness.run();
    let start = task(harness.state(), "IMP-003").start.expect("moved");
    assert!(start > before.start);
}

#[test]
fn double_clicking_a_bar_opens_it_in_the_inspector() {
    // Frames 50 ms apart, so two clicks two frames apart fall within egui's double-click delay.
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(0.05)
        .build_ui_state(
            |ui, app: &mut WaymarkApp| app.ui_root(ui),
            WaymarkApp::with_sample(),
        );
    harness.state_mut().settings.view = waymark::views::ViewKind::Timeline;
    harness.run();
    harness.get_by_label("Gantt").click();
    harness.run();
    harness.state_mut().settings.inspector_open = false;
    harness.run();
    let label = bar_label(harness.state(), "IMP-001");
    // Two clicks within egui's double-click delay: one frame apart.
    harness.get_by_label(&label).click();
    harness.step();
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(
        harness.state().ui_state.selected,
        Some(TaskId::from("IMP-001"))
    );
    assert!(harness.state().settings.inspector_open);
}

#[test]
fn timeline_snapshots() {
    let mut harness = timeline("Roadmap");
    harness.get_by_label("Fit plan").click();
    harness.run();
    harness.snapshot("timeline_roadmap");
    harness.get_by_label("Gantt").click();
    harness.run();
    harness.get_by_label("Fit plan").click();
    harness.run();
    harness.snapshot("timeline_gantt");
}

#[test]
fn dragging_a_column_edge_resizes_the_column() {
    let mut harness = timeline("Gantt");
    let before = harness.state().ui_state.timeline.options.columns[1];
    let edge = harness
        .get_by_label("Resize the Task column")
        .rect()
        .center();
    drag(&mut harness, edge, edge + Vec2::new(60.0, 0.0));
    let after = harness.state().ui_state.timeline.options.columns[1];
    assert!((after - before - 60.0).abs() < 1.0, "{before} → {after}");
}

#[test]
fn pinch_or_ctrl_scroll_zooms_around_the_pointer() {
    let mut harness = timeline("Gantt");
    let label = bar_label(harness.state(), "IMP-002");
    let bar = harness.get_by_label(&label).rect();
    let before = harness.state().ui_state.timeline.per_day;
    harness.hover_at(bar.left_center());
    harness.run();
    harness.event(egui::Event::Zoom(1.5));
    harness.run();
    let after = harness.state().ui_state.timeline.per_day;
    assert!((after / before - 1.5).abs() < 0.01, "{before} → {after}");
    let label = bar_label(harness.state(), "IMP-002");
    let moved = harness.get_by_label(&label).rect();
    assert!(
        (moved.left() - bar.left()).abs() < 2.0,
        "the day under the pointer stays put: {} → {}",
        bar.left(),
        moved.left()
    );
}
