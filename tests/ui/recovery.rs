//! Crash recovery in the app: unsaved work is written to the recovery folder, a save removes it, and
//! work a crashed session left is offered back with Recover, Discard and Open both.

use chrono::Utc;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use waymark::app::{Command, WaymarkApp};
use waymark::io::plan_to_ron;
use waymark::model::{Plan, Task, TaskId};
use waymark::recovery::{FileStamp, RecoveryMeta, RecoveryStore};
use waymark::views::Request;

/// A process id no process has (Linux ids stay far below it), for work left by a crashed session.
const GONE: u32 = 4_000_000_000;

/// The app on the sample plan, using a recovery folder.
pub fn harness_with_recovery(store: RecoveryStore) -> Harness<'static, WaymarkApp> {
    let mut app = WaymarkApp::with_sample();
    app.use_recovery_folder(store);
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut WaymarkApp| app.ui_root(ui), app);
    harness.run();
    harness
}

/// Runs frames until `done` holds, for at most `limit`.
pub fn run_until(
    harness: &mut Harness<'static, WaymarkApp>,
    limit: Duration,
    mut done: impl FnMut(&mut Harness<'static, WaymarkApp>) -> bool,
) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        harness.run();
        if done(harness) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn plan_with(title: &str, tasks: &[(&str, &str)]) -> Plan {
    let mut plan = Plan::new(title);
    for (id, name) in tasks {
        plan.tasks.push(Task {
            id: TaskId::from(*id),
            title: (*name).to_owned(),
            ..Task::default()
        });
    }
    plan
}

/// A folder with `plan.ron` (two tasks) and a recovery folder holding an edited copy of it with a third
/// task, left by a process that is gone.
fn crashed_session(folder: &Path) -> (PathBuf, RecoveryStore, String) {
    let original = folder.join("plan.ron");
    let text = plan_to_ron(&plan_with(
        "Garden",
        &[("GRD-001", "Dig beds"), ("GRD-002", "Sow beans")],
    ));
    std::fs::write(&original, &text).expect("write original");
    let store = RecoveryStore::new(folder.join("recovery"));
    let edited = plan_with(
        "Garden",
        &[
            ("GRD-001", "Dig beds"),
            ("GRD-002", "Sow beans"),
            ("GRD-003", "Net the brassicas"),
        ],
    );
    let id = waymark::recovery::id_for_path(&original);
    let meta = RecoveryMeta {
        original: Some(original.clone()),
        title: "Garden".to_owned(),
        last_edit: Utc::now(),
        tasks: 3,
        pid: GONE,
        original_stamp: Some(FileStamp::of(&original, text.as_bytes())),
    };
    store
        .write(&id, &meta, &plan_to_ron(&edited))
        .expect("write recovery");
    (original, store, meta.last_edit_text())
}

#[test]
fn recover_brings_the_work_back_unsaved_and_save_writes_the_original() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (original, store, time) = crashed_session(folder.path());
    let before = std::fs::read(&original).expect("read");
    let mut harness = harness_with_recovery(store.clone());
    harness.get_by_label(&format!(
        "Recover unsaved changes to plan.ron (last edited {time})?"
    ));
    harness.get_by_label("Open both");
    harness.get_by_label("Recover").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.plan().tasks.len(), 3);
    assert!(app.document.history.is_dirty());
    assert_eq!(app.document.path.as_ref(), Some(&original));
    assert_eq!(std::fs::read(&original).expect("read"), before);
    assert!(harness.query_by_label("Open both").is_none());

    harness.state_mut().request(Request::Command(Command::Save));
    harness.run();
    let saved = waymark::io::plan_from_ron(&std::fs::read_to_string(&original).expect("read"))
        .expect("loads");
    assert_eq!(saved.tasks.len(), 3);
    assert!(!harness.state().document.history.is_dirty());
    assert!(
        run_until(&mut harness, Duration::from_secs(5), |_| store
            .list()
            .is_empty()),
        "the save removes the recovery file"
    );
}

#[test]
fn discard_removes_the_waiting_work() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (original, store, _) = crashed_session(folder.path());
    let mut harness = harness_with_recovery(store.clone());
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(store.list().is_empty());
    assert_eq!(harness.state().plan(), &waymark::app::sample_plan());
    assert!(original.exists());
}

#[test]
fn work_of_a_running_session_is_not_offered() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (_, store, _) = crashed_session(folder.path());
    let mut entry = store.list().remove(0);
    entry.meta.pid = std::process::id();
    store.write_meta(&entry.id, &entry.meta).expect("claim");
    let harness = harness_with_recovery(store);
    assert!(harness.query_by_label("Recover").is_none());
}

#[test]
fn an_unsaved_edit_is_written_to_the_recovery_folder_and_a_save_removes_it() {
    let folder = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(folder.path().join("recovery"));
    let mut harness = harness_with_recovery(store.clone());
    harness
        .state_mut()
        .request(Request::Command(Command::AddTask));
    harness.run();
    let tasks = harness.state().plan().tasks.len();
    assert!(store.list().is_empty(), "nothing is written at once");
    assert!(
        run_until(&mut harness, Duration::from_secs(6), |_| !store
            .list()
            .is_empty()),
        "written within a few seconds of the edit"
    );
    let entry = store.list().remove(0);
    assert_eq!(entry.meta.tasks, tasks);
    assert_eq!(entry.meta.original, None);
    assert_eq!(entry.meta.pid, std::process::id());
    assert_eq!(
        store.read_plan(&entry.id).expect("reads"),
        *harness.state().plan()
    );

    let saved = folder.path().join("mine.ron");
    harness.state_mut().request(Request::SaveTo(saved.clone()));
    harness.run();
    assert!(saved.exists());
    assert!(
        run_until(&mut harness, Duration::from_secs(5), |_| store
            .list()
            .is_empty()),
        "the save removes the recovery file"
    );
}
