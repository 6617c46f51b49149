//! Recovery files on disk, file stamps, the task comparison, and `waymark recover --list`.

use chrono::{Duration, Utc};
use std::process::Command;
use waymark::analysis::task_changes;
use waymark::io::plan_to_ron;
use waymark::model::{Plan, Task, TaskId};
use waymark::recovery::{FileStamp, RecoveryMeta, RecoveryStore, id_for_path, id_for_untitled};

fn plan(tasks: &[(&str, &str)]) -> Plan {
    let mut plan = Plan::new("Workshop");
    for (id, title) in tasks {
        plan.tasks.push(Task {
            id: TaskId::from(*id),
            title: (*title).to_owned(),
            ..Task::default()
        });
    }
    plan
}

fn meta(original: Option<std::path::PathBuf>, tasks: usize, minutes_ago: i64) -> RecoveryMeta {
    RecoveryMeta {
        original,
        title: "Workshop".to_owned(),
        last_edit: Utc::now() - Duration::minutes(minutes_ago),
        tasks,
        pid: 4_000_000_000,
        original_stamp: None,
    }
}

#[test]
fn entries_are_written_listed_newest_first_read_and_removed() {
    let folder = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(folder.path().join("recovery"));
    assert!(store.list().is_empty(), "a missing folder lists nothing");
    let bench = plan(&[("WS-001", "Build the bench")]);
    let older = "untitled-older";
    store
        .write(older, &meta(None, 1, 30), &plan_to_ron(&bench))
        .expect("write");
    let original = folder.path().join("shop.ron");
    let newer = id_for_path(&original);
    let two = plan(&[("WS-001", "Build the bench"), ("WS-002", "Hang the tools")]);
    store
        .write(
            &newer,
            &meta(Some(original.clone()), 2, 1),
            &plan_to_ron(&two),
        )
        .expect("write");
    // A description without its plan (a write cut short) is not offered.
    std::fs::write(
        store.dir().join("half.json"),
        serde_json::to_string(&meta(None, 1, 0)).expect("json"),
    )
    .expect("write");

    let entries = store.list();
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, [newer.as_str(), older]);
    assert_eq!(entries[0].meta.name(), "shop.ron");
    assert_eq!(entries[1].meta.name(), "Workshop");
    assert!(entries[0].is_orphaned());
    assert_eq!(store.read_plan(&newer).expect("reads"), two);

    store.remove(&newer);
    let ids: Vec<String> = store.list().into_iter().map(|e| e.id).collect();
    assert_eq!(ids, [older]);
    assert!(!store.plan_path(&newer).exists());
}

#[test]
fn ids_follow_the_path_and_untitled_ones_are_fresh() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("a.ron");
    assert_eq!(id_for_path(&path), id_for_path(&path));
    assert_ne!(
        id_for_path(&path),
        id_for_path(&folder.path().join("b.ron"))
    );
    assert_ne!(id_for_untitled(), id_for_untitled());
}

#[test]
fn a_stamp_tells_a_real_change_from_a_rewrite_of_the_same_bytes() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("plan.ron");
    std::fs::write(&path, "first").expect("write");
    let (stamp, bytes) = FileStamp::read(&path).expect("read");
    assert_eq!(bytes, b"first");
    assert!(!stamp.changed_on_disk(&path));
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, "first").expect("same bytes again");
    assert!(
        !stamp.changed_on_disk(&path),
        "a rewrite with the same bytes"
    );
    std::fs::write(&path, "second").expect("write");
    assert!(stamp.changed_on_disk(&path));
    std::fs::remove_file(&path).expect("remove");
    assert!(
        !stamp.changed_on_disk(&path),
        "a missing file loses nothing"
    );
}

#[test]
fn task_changes_lists_added_removed_and_changed_tasks() {
    let before = plan(&[("A-1", "One"), ("A-2", "Two"), ("A-3", "Three")]);
    let after = plan(&[("A-1", "One"), ("A-3", "Three, edited"), ("A-4", "Four")]);
    let changes = task_changes(&before, &after);
    let ids = |list: &[(TaskId, String)]| -> Vec<String> {
        list.iter().map(|(id, _)| id.to_string()).collect()
    };
    assert_eq!(ids(&changes.added), ["A-4"]);
    assert_eq!(ids(&changes.removed), ["A-2"]);
    assert_eq!(ids(&changes.changed), ["A-3"]);
    assert_eq!(changes.changed[0].1, "Three, edited");
    assert!(task_changes(&before, &before).is_empty());
}

#[test]
fn recover_list_shows_what_is_waiting() {
    let folder = tempfile::tempdir().expect("temp dir");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_waymark"))
            .args(["recover", "--list"])
            .env("XDG_DATA_HOME", folder.path())
            .output()
            .expect("waymark runs")
    };
    let output = run();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("No unsaved work is waiting"));

    let store = RecoveryStore::new(folder.path().join("waymark").join("recovery"));
    let original = folder.path().join("shop.ron");
    let recorded = meta(Some(original.clone()), 3, 0);
    store
        .write(&id_for_path(&original), &recorded, &plan_to_ron(&plan(&[])))
        .expect("write");
    let output = run();
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().nth(1).unwrap_or_default();
    assert!(line.starts_with(&original.display().to_string()), "{text}");
    assert!(
        line.contains(&format!("last edited {}", recorded.last_edit_text())),
        "{text}"
    );
    assert!(line.contains("3 tasks"), "{text}");
}
