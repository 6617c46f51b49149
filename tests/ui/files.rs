//! Opening and saving from the app: good files, bad files, failed saves.

use super::harness;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use waymark::views::Request;

/// The sample with one task deleted through the toolbar, so it has unsaved changes.
fn harness_with_unsaved_changes() -> egui_kittest::Harness<'static, waymark::app::WaymarkApp> {
    let mut harness = harness();
    harness.get_by_label("QA-001").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Delete task")
        .click();
    harness.run();
    harness
}

#[test]
fn save_to_a_file_clears_the_dirty_marker_and_writes_the_plan() {
    let mut harness = harness_with_unsaved_changes();
    assert!(harness.state().document.window_title().starts_with("● "));
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("launch");
    harness.state_mut().request(Request::SaveTo(path.clone()));
    harness.run();
    let saved = folder.path().join("launch.ron");
    let text = std::fs::read_to_string(&saved).expect("saved with .ron added");
    let plan = waymark::io::plan_from_ron(&text).expect("loads");
    assert_eq!(&plan, harness.state().plan());
    assert!(!harness.state().document.history.is_dirty());
    assert_eq!(
        harness.state().document.window_title(),
        "launch.ron — Waymark"
    );
    assert_eq!(harness.state().settings.recent.first(), Some(&saved));
}

#[test]
fn a_failed_save_says_why_and_keeps_the_changes_unsaved() {
    let mut harness = harness_with_unsaved_changes();
    let folder = tempfile::tempdir().expect("temp dir");
    let target = folder.path().join("plans.ron");
    std::fs::create_dir(&target).expect("a folder where the file should go");
    harness.state_mut().request(Request::SaveTo(target));
    harness.run();
    let message = harness
        .state()
        .toasts
        .latest()
        .map(|t| t.text.clone())
        .unwrap_or_default();
    assert!(
        message.contains("could not save") && message.contains("previous file is unchanged"),
        "{message}"
    );
    assert!(harness.state().document.history.is_dirty());
    harness.get_by_label_contains("could not save");
}

#[test]
fn opening_a_broken_file_reports_the_line_and_keeps_the_open_plan() {
    let mut harness = harness();
    let before = harness.state().plan().clone();
    let folder = tempfile::tempdir().expect("temp dir");
    let broken = folder.path().join("broken.ron");
    std::fs::write(
        &broken,
        "(\n    format_version: 1,\n    plan: (tasks: [(id: ]),\n)",
    )
    .expect("write");
    harness.state_mut().request(Request::OpenPath(broken));
    harness.run();
    let message = harness
        .state()
        .toasts
        .latest()
        .map(|t| t.text.clone())
        .unwrap_or_default();
    assert!(
        message.starts_with("Could not open broken.ron: line 3, column"),
        "{message}"
    );
    assert_eq!(harness.state().plan(), &before);

    let good = folder.path().join("good.ron");
    std::fs::write(
        &good,
        waymark::io::plan_to_ron(&waymark::model::Plan::new("Other plan")),
    )
    .expect("write");
    harness.state_mut().request(Request::OpenPath(good.clone()));
    harness.run();
    assert_eq!(harness.state().plan().meta.title, "Other plan");
    assert_eq!(harness.state().document.path.as_ref(), Some(&good));
    assert!(
        harness.state().document.history.undo_label().is_none(),
        "opening is not an undo step"
    );
}
