//! The CLI on CSV and `.txt` documents.

use std::path::PathBuf;
use std::process::Command;

fn waymark(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .output()
        .expect("waymark runs")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn stats_reads_the_csv_seed_txt() {
    let seed = root().join("../shared/seeds/002_1e8f555cdad28c5b.txt");
    if !seed.exists() {
        eprintln!("note: {} is absent; skipped", seed.display());
        return;
    }
    let output = waymark(&["stats", &seed.display().to_string(), "--json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(stats["tasks"], 32);
    assert_eq!(stats["dependencies"], 19);
    assert_eq!(stats["estimate_hours"], 416.0);
}

#[test]
fn convert_csv_to_ron_and_back() {
    let folder = tempfile::tempdir().expect("temp dir");
    let fixture = root().join("tests/fixtures/csv_garden.csv");
    let ron = folder.path().join("garden.ron");
    let csv = folder.path().join("garden.csv");
    for (from, to) in [(&fixture, &ron), (&ron, &csv)] {
        let output = waymark(&[
            "convert",
            &from.display().to_string(),
            "-o",
            &to.display().to_string(),
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("(6 tasks)"));
    }
    let original = waymark::io::import_csv(&std::fs::read_to_string(&fixture).expect("read"))
        .expect("imports");
    let converted =
        waymark::io::import_csv(&std::fs::read_to_string(&csv).expect("read")).expect("imports");
    assert_eq!(converted.plan, original.plan);
}

#[test]
fn import_warnings_go_to_stderr_and_into_stats() {
    let folder = tempfile::tempdir().expect("temp dir");
    let ragged = folder.path().join("ragged.csv");
    std::fs::write(&ragged, "id,task,status\nA,One,todo\nB,Two\n").expect("write");
    let output = waymark(&["stats", &ragged.display().to_string(), "--json"]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("line 3: 2 cells where the header has 3"),
        "{stderr}"
    );
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        stats["warnings"][0],
        "line 3: 2 cells where the header has 3; the missing cells are empty"
    );
}

#[test]
fn bad_csv_gives_the_line_and_a_non_zero_exit() {
    let folder = tempfile::tempdir().expect("temp dir");
    let bad = folder.path().join("bad.csv");
    std::fs::write(&bad, "id,task\nA,ok\nB,\"unclosed\nC,more\n").expect("write");
    let output = waymark(&["check", &bad.display().to_string()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("bad.csv: line 3: a quoted cell is never closed"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}
