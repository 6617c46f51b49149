//! Atomic saving: a failed save leaves the previous file intact.

use waymark::files::{read_document, write_atomic};

#[test]
fn a_save_replaces_the_file_and_leaves_no_temporary_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("plan.ron");
    write_atomic(&path, b"first").expect("first save");
    write_atomic(&path, b"second").expect("second save");
    assert_eq!(std::fs::read(&path).expect("read"), b"second");
    let names: Vec<_> = std::fs::read_dir(folder.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("plan.ron")]);
}

#[test]
fn saving_onto_a_folder_fails_cleanly() {
    let folder = tempfile::tempdir().expect("temp dir");
    let target = folder.path().join("plans");
    std::fs::create_dir(&target).expect("mkdir");
    let error = write_atomic(&target, b"data").expect_err("a folder is not a file");
    assert!(
        error.to_string().contains("previous file is unchanged"),
        "{error}"
    );
    assert!(target.is_dir());
    assert_eq!(
        std::fs::read_dir(folder.path()).expect("list").count(),
        1,
        "no temporary file is left"
    );
}

#[cfg(unix)]
#[test]
fn saving_into_a_read_only_folder_fails_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("plan.ron");
    write_atomic(&path, b"precious").expect("first save");
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let probe = folder.path().join("probe");
    if std::fs::write(&probe, b"x").is_ok() {
        // Running as root: permissions do not stop writes, so this case cannot be staged here.
        std::fs::remove_file(&probe).expect("cleanup");
        std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
        eprintln!("skipped: the read-only folder is writable for this user (root)");
        return;
    }
    let result = write_atomic(&path, b"overwritten");
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert!(result.is_err());
    assert_eq!(std::fs::read(&path).expect("read"), b"precious");
}

#[test]
fn a_missing_file_is_named_when_read() {
    let error = read_document(std::path::Path::new("/no/such/plan.ron")).expect_err("missing");
    assert!(error.to_string().contains("/no/such/plan.ron"), "{error}");
}
