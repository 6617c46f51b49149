//! A save removes the temporary files that killed saves of the same file left behind, and only those.
#![cfg(unix)]

use waymark::files::write_atomic;

#[test]
fn a_save_removes_temporary_files_of_killed_saves_of_the_same_file() {
    if !std::path::Path::new("/proc/self").exists() {
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("plan.ron");
    // No process has this id (Linux ids stay below 2^22), so its save was killed.
    let abandoned = folder.path().join(".plan.ron.999999999.waymark-tmp");
    // The process that started this test runs: a save of its own may be under way.
    let running = folder.path().join(format!(
        ".plan.ron.{}.waymark-tmp",
        std::os::unix::process::parent_id()
    ));
    // A temporary file of another plan is not this save's business.
    let other = folder.path().join(".other.ron.999999999.waymark-tmp");
    for file in [&abandoned, &running, &other] {
        std::fs::write(file, b"half a plan").expect("written");
    }
    write_atomic(&path, b"whole plan").expect("saved");
    assert!(!abandoned.exists(), "the killed save's file is removed");
    assert!(running.exists(), "a running save's file is left alone");
    assert!(
        other.exists(),
        "another file's temporary file is left alone"
    );
    assert_eq!(std::fs::read(&path).expect("read"), b"whole plan");
}
