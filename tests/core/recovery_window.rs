//! Crash recovery in the real binary, in a real window under Xvfb: make an edit, wait, kill the
//! process with SIGKILL, and start it again with the same `XDG_DATA_HOME`. The recovery file holds the
//! edit, and the user's file is untouched.
//!
//! Needs `Xvfb` and `xdotool`, and a software renderer (Mesa); it is `#[ignore]`d so `cargo test`
//! does not depend on them. Run it with `cargo test --test core recovery_window -- --ignored`.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use waymark::io::plan_to_ron;
use waymark::model::{Plan, Task, TaskId};
use waymark::recovery::RecoveryStore;

/// An X server on a free display, stopped when dropped.
struct Xvfb {
    child: Child,
    display: String,
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ignored = self.child.kill();
        let _ignored = self.child.wait();
    }
}

fn start_xvfb() -> Option<Xvfb> {
    let number = 140 + std::process::id() % 400;
    let child = Command::new("Xvfb")
        .args([
            &format!(":{number}"),
            "-screen",
            "0",
            "1400x900x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let socket = format!("/tmp/.X11-unix/X{number}");
    let start = Instant::now();
    while !Path::new(&socket).exists() {
        if start.elapsed() > Duration::from_secs(10) {
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(Xvfb {
        child,
        display: format!(":{number}"),
    })
}

fn waymark_window(display: &str, home: &Path, file: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .arg(file)
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("waymark starts")
}

fn xdotool(display: &str, args: &[&str]) -> Option<String> {
    let output = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Waits for the Waymark window and gives it the keyboard.
fn focus_window(display: &str) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if let Some(ids) = xdotool(display, &["search", "--name", "Waymark"])
            && let Some(id) = ids.lines().last()
        {
            std::thread::sleep(Duration::from_secs(1));
            return xdotool(display, &["windowfocus", "--sync", id]).is_some();
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    false
}

#[test]
#[ignore = "needs Xvfb, xdotool and a software renderer; run with --ignored"]
fn an_edit_survives_sigkill_in_the_recovery_folder() {
    let Some(x) = start_xvfb() else {
        panic!("Xvfb could not start");
    };
    let home = tempfile::tempdir().expect("temp dir");
    let file = home.path().join("plan.ron");
    let mut plan = Plan::new("Boatyard");
    for (id, title) in [
        ("BOAT-001", "Scrape the hull"),
        ("BOAT-002", "Varnish the mast"),
    ] {
        plan.tasks.push(Task {
            id: TaskId::from(id),
            title: title.to_owned(),
            ..Task::default()
        });
    }
    let text = plan_to_ron(&plan);
    std::fs::write(&file, &text).expect("write");

    let mut first = waymark_window(&x.display, home.path(), &file);
    assert!(focus_window(&x.display), "the window appears");
    // Ctrl+T adds a task: an unsaved edit.
    assert!(xdotool(&x.display, &["key", "ctrl+t"]).is_some());
    std::thread::sleep(Duration::from_millis(5500));
    first.kill().expect("SIGKILL");
    let _ignored = first.wait();

    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        text,
        "the user's file is untouched"
    );
    let store = RecoveryStore::new(home.path().join("data/waymark/recovery"));
    let entries = store.list();
    assert_eq!(entries.len(), 1, "one recovery file");
    let entry = &entries[0];
    assert_eq!(entry.meta.original.as_deref(), Some(file.as_path()));
    assert!(entry.is_orphaned());
    let recovered = store.read_plan(&entry.id).expect("the recovery file reads");
    assert_eq!(recovered.tasks.len(), 3, "the recovery file holds the edit");
    assert_eq!(recovered.tasks.to_vec()[..2], plan.tasks.to_vec()[..]);

    // The next start offers it and leaves it in place until the person answers.
    let mut second = waymark_window(&x.display, home.path(), &file);
    assert!(focus_window(&x.display), "the window appears again");
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(store.list().len(), 1);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
    second.kill().expect("SIGKILL");
    let _ignored = second.wait();
}
