//! The open file changed on disk: reload when there is nothing unsaved, a banner when there is, a
//! prompt before a save would overwrite someone else's change, and Waymark's own saves left alone.

use super::recovery::run_until;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::time::Duration;
use waymark::app::{Command, WaymarkApp};
use waymark::io::{plan_from_ron, plan_to_ron};
use waymark::model::{Plan, Task, TaskId};
use waymark::views::Request;

fn plan(tasks: &[(&str, &str)]) -> Plan {
    let mut plan = Plan::new("Kitchen");
    for (id, title) in tasks {
        plan.tasks.push(Task {
            id: TaskId::from(*id),
            title: (*title).to_owned(),
            ..Task::default()
        });
    }
    plan
}

/// The app with `kitchen.ron` open, and the file's path.
fn opened(folder: &Path) -> (Harness<'static, WaymarkApp>, PathBuf) {
    let path = folder.join("kitchen.ron");
    let tasks = [("KIT-001", "Tile the wall"), ("KIT-002", "Fit the sink")];
    std::fs::write(&path, plan_to_ron(&plan(&tasks))).expect("write");
    let mut harness = super::harness();
    harness.state_mut().request(Request::OpenPath(path.clone()));
    harness.run();
    assert_eq!(harness.state().plan().tasks.len(), 2);
    (harness, path)
}

/// [`opened`], with one unsaved edit (a task added).
fn opened_with_an_edit(folder: &Path) -> (Harness<'static, WaymarkApp>, PathBuf) {
    let (mut harness, path) = opened(folder);
    harness
        .state_mut()
        .request(Request::Command(Command::AddTask));
    harness.run();
    (harness, path)
}

/// Someone else rewrites the file: the sink task renamed and a third task added.
fn change_on_disk(path: &Path) {
    let theirs = plan(&[
        ("KIT-001", "Tile the wall"),
        ("KIT-002", "Fit the new sink"),
        ("KIT-003", "Paint the ceiling"),
    ]);
    std::fs::write(path, plan_to_ron(&theirs)).expect("write");
}

fn latest_toast(harness: &Harness<'static, WaymarkApp>) -> String {
    harness
        .state()
        .toasts
        .latest()
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_clean_document_reloads_and_keeps_the_selection() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (mut harness, path) = opened(folder.path());
    harness
        .state_mut()
        .request(Request::Select(Some(TaskId::from("KIT-002"))));
    harness.run();
    change_on_disk(&path);
    assert!(
        run_until(&mut harness, Duration::from_secs(6), |h| h
            .state()
            .plan()
            .tasks
            .len()
            == 3),
        "reloaded"
    );
    assert_eq!(
        latest_toast(&harness),
        "Reloaded: kitchen.ron changed on disk"
    );
    let app = harness.state();
    assert!(!app.document.history.is_dirty());
    assert_eq!(app.ui_state.selected, Some(TaskId::from("KIT-002")));
    assert_eq!(
        app.plan()
            .task(&TaskId::from("KIT-002"))
            .map(|t| t.title.as_str()),
        Some("Fit the new sink")
    );
}

#[test]
fn unsaved_changes_get_a_banner_and_compare_lists_both_sides() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (mut harness, path) = opened_with_an_edit(folder.path());
    let mine = harness.state().plan().clone();
    change_on_disk(&path);
    assert!(
        run_until(&mut harness, Duration::from_secs(6), |h| h
            .query_by_label("Reload (discard mine)")
            .is_some()),
        "the banner shows"
    );
    harness.get_by_label_contains("kitchen.ron changed on disk, and you have unsaved changes");
    assert_eq!(harness.state().plan(), &mine, "nothing reloads by itself");

    harness.get_by_label("Compare").click();
    harness.run();
    harness.get_by_label("On disk");
    harness.get_by_label("Mine (unsaved)");
    harness.get_by_label_contains("KIT-003  Paint the ceiling");
    harness.get_by_label_contains("KIT-002  Fit the new sink");
    harness.get_by_label_contains("TASK-001  New task");

    harness.get_by_label("Reload (discard mine)").click();
    harness.run();
    assert_eq!(harness.state().plan().tasks.len(), 3);
    assert!(
        !harness.state().document.history.is_dirty(),
        "{:?} {:?}",
        harness.state().document.history.undo_label(),
        harness.state().toasts.all()
    );
    assert!(harness.query_by_label("Reload (discard mine)").is_none());
}

#[test]
fn keep_mine_then_save_asks_before_overwriting() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (mut harness, path) = opened_with_an_edit(folder.path());
    change_on_disk(&path);
    assert!(run_until(&mut harness, Duration::from_secs(6), |h| h
        .query_by_label("Keep mine")
        .is_some()));
    harness.get_by_label("Keep mine").click();
    harness.run();
    assert!(harness.query_by_label("Keep mine").is_none());

    let theirs = std::fs::read(&path).expect("read");
    harness.state_mut().request(Request::Command(Command::Save));
    harness.run();
    harness.get_by_label("kitchen.ron changed on disk");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        theirs,
        "not written yet"
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(std::fs::read(&path).expect("read"), theirs);
    assert!(harness.state().document.history.is_dirty());

    harness.state_mut().request(Request::Command(Command::Save));
    harness.run();
    harness.get_by_label("Overwrite").click();
    harness.run();
    let saved = plan_from_ron(&std::fs::read_to_string(&path).expect("read")).expect("loads");
    assert_eq!(&saved, harness.state().plan());
    assert!(!harness.state().document.history.is_dirty());
}

#[test]
fn a_save_over_a_file_changed_while_clean_edits_asks_too() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (mut harness, path) = opened(folder.path());
    harness
        .state_mut()
        .request(Request::Command(Command::AddTask));
    change_on_disk(&path);
    // Saved before the watcher had a chance to report the change.
    harness.state_mut().request(Request::Command(Command::Save));
    harness.run_steps(2);
    harness.get_by_label("Overwrite");
}

#[test]
fn waymarks_own_save_is_not_taken_for_a_change() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (mut harness, path) = opened_with_an_edit(folder.path());
    harness.state_mut().request(Request::Command(Command::Save));
    harness.run();
    assert_eq!(latest_toast(&harness), "Saved kitchen.ron");
    let shown = run_until(&mut harness, Duration::from_secs(3), |h| {
        h.query_by_label("Reload (discard mine)").is_some()
            || latest_toast(h).starts_with("Reloaded")
    });
    assert!(!shown, "own save came back as a change");
    assert_eq!(harness.state().plan().tasks.len(), 3);
    assert!(path.exists());
}

#[test]
fn a_read_only_file_says_so_and_save_asks_where() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("locked.ron");
    std::fs::write(&path, plan_to_ron(&plan(&[("KIT-001", "Tile the wall")]))).expect("write");
    let mut permissions = std::fs::metadata(&path).expect("meta").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).expect("chmod");
    let mut harness = super::harness();
    harness
        .state_mut()
        .use_in_app_dialogs("the test asks for it");
    harness.state_mut().request(Request::OpenPath(path.clone()));
    harness.run();
    assert_eq!(
        harness.state().document.window_title(),
        "locked.ron (read-only) — Waymark"
    );
    harness.state_mut().request(Request::Command(Command::Save));
    harness.run();
    harness.get_by_label("Save plan as");
    harness.get_by_role_and_label(Role::Button, "Save");
}
