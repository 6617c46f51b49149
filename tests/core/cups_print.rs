//! A real print through CUPS: `waymark print` sends a roadmap to the cups-pdf queue `PDF` (which
//! `.ci/run` sets up), and the PDF it writes holds the plan's milestone names. Skipped where there is
//! no CUPS or no such queue.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

/// Where cups-pdf writes: the user's `~/PDF`, or its spool folder for anonymous jobs.
fn output_folders() -> Vec<PathBuf> {
    let mut folders = vec![PathBuf::from("/var/spool/cups-pdf/ANONYMOUS")];
    if let Some(home) = std::env::var_os("HOME") {
        folders.insert(0, PathBuf::from(home).join("PDF"));
    }
    folders
}

fn newest_pdf_since(since: SystemTime, job: &str) -> Option<PathBuf> {
    let suffix = format!("job_{job}.pdf");
    output_folders()
        .into_iter()
        .filter_map(|folder| std::fs::read_dir(folder).ok())
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .find(|path| {
            let named = path.to_string_lossy().ends_with(&suffix);
            let fresh = std::fs::metadata(path)
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified >= since);
            named && fresh
        })
}

#[test]
fn a_printed_roadmap_lands_in_the_pdf_queue_with_its_milestones() {
    let Ok(queues) = Command::new("lpstat").arg("-e").output() else {
        println!("skipped: no CUPS");
        return;
    };
    if !String::from_utf8_lossy(&queues.stdout)
        .lines()
        .any(|line| line.trim() == "PDF")
    {
        println!("skipped: no CUPS queue named PDF (see .ci/run)");
        return;
    }
    let since = SystemTime::now() - Duration::from_secs(2);
    let plan = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/sample.ron");
    let output = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["print", plan.to_str().expect("utf-8"), "--view", "roadmap"])
        .args(["--printer", "PDF", "--today", "2026-02-02"])
        .output()
        .expect("waymark runs");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{output:?}");
    let job = said
        .split("job PDF-")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .expect("a job id")
        .to_owned();
    let deadline = Instant::now() + Duration::from_mins(1);
    let pdf = loop {
        if let Some(pdf) = newest_pdf_since(since, &job) {
            break pdf;
        }
        assert!(
            Instant::now() < deadline,
            "job {job} never reached {:?}",
            output_folders()
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    // cups-pdf writes the file in steps; wait until pdftotext reads it whole.
    let mut text = String::new();
    while Instant::now() < deadline {
        let run = Command::new("pdftotext").arg(&pdf).arg("-").output();
        let Ok(run) = run else {
            println!("note: no pdftotext; the print landed at {}", pdf.display());
            return;
        };
        text = String::from_utf8_lossy(&run.stdout).into_owned();
        if text.contains("Public beta") {
            break;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    for milestone in ["Editable plans", "Reads existing plans", "Public beta"] {
        assert!(
            text.contains(milestone),
            "{milestone} not in {}: {text}",
            pdf.display()
        );
    }
}
