//! Import stays linear: doubling a generated document at most doubles the time to read it, plus 10%.
//! Each time is the least of several runs (in the thread's CPU time) on an input big enough (≥ 20 ms) that noise is small.

use std::time::Duration;
use waymark::io::{import_csv, import_markdown};

/// One block of Markdown with every structure the `CommonMark` reader meets: headings, nested checkbox
/// items, fences, indented code, HTML, comments, tables and notes.
fn markdown_block(n: usize) -> String {
    format!(
        "## Phase {n}: Stage {n}\n\n- [x] Task {n} a {{#t{n}a}}\n  - [ ] Step {n}\n    - **Depends on**: t{n}a\n- [ ] Task {n} b\n\n```\n- [ ] code {n}\n```\n\n    indented {n}\n\n<!-- note {n} -->\n<div>\nhtml {n}\n</div>\n\n| Metric | Value |\n|---|---|\n| m{n} | {n} |\n\nSome prose about stage {n}.\n\n"
    )
}

/// One group of rows of a Jira-style CSV: an epic, stories with links, and an indented subtask.
fn csv_rows(n: usize) -> String {
    format!(
        "Epic {n},K-{n}0,Epic,In Progress,In Progress,,,,03/Feb/26 9:12 AM,,,,\nStory {n},K-{n}1,Story,Done,Done,5,K-{n}0,,17/Feb/26 4:37 PM,S{n},2,3,5\n  Sub {n},K-{n}2,Sub-task,Review,In Progress,,K-{n}1,K-{n}1,,S{n},1,1,2\n"
    )
}

fn markdown(blocks: usize) -> String {
    let mut text = String::from("# Scaling plan\n\n");
    for n in 0..blocks {
        text.push_str(&markdown_block(n));
    }
    text
}

fn csv(groups: usize) -> String {
    let mut text = String::from(
        "Summary,Issue key,Issue Type,Status,Status Category,Custom field (Story Points),Parent key,Inward issue link (Blocks),Created,Sprint,Best case hours,Most likely hours,Worst case hours\n",
    );
    for n in 0..groups {
        text.push_str(&csv_rows(n));
    }
    text
}

/// How long one read of `text` takes, in this thread's CPU time.
fn time(text: &str, read: fn(&str) -> bool) -> Duration {
    crate::doubling::time_of(|| assert!(read(text)))
}

/// Grows the input until reading it takes at least 20 ms, then compares it with the doubled input
/// (the median ratio of rounds that each read the doubled input between two reads of the input,
/// [`crate::doubling::paired_ratio`]); a comparison that fails is made again (up to five times),
/// since work that really grows faster than the input fails every time.
fn assert_linear(what: &str, make: fn(usize) -> String, read: fn(&str) -> bool) {
    let mut size = 64;
    let mut text = make(size);
    while time(&text, read) < Duration::from_millis(20) && size < 1 << 20 {
        size *= 2;
        text = make(size);
    }
    let doubled = make(size * 2);
    let mut ratios = Vec::new();
    for _ in 0..5 {
        let ratio =
            crate::doubling::paired_ratio(|| assert!(read(&text)), || assert!(read(&doubled)));
        if ratio <= 2.2 {
            return;
        }
        ratios.push(ratio);
    }
    panic!(
        "{what}: reading {size} units and then {} took these times as long: {ratios:?}",
        size * 2
    );
}

/// Both documents in one test, so the two measurements never run side by side.
#[test]
#[ignore = "timed: run alone with `cargo test --release --test core import_scaling -- --ignored`; under a full parallel test run it is noisy"]
fn markdown_and_csv_import_are_linear() {
    assert_linear("Markdown", markdown, |text| import_markdown(text).is_ok());
    assert_linear("CSV", csv, |text| import_csv(text).is_ok());
}

#[test]
fn the_generated_documents_hold_what_they_should() {
    let plan = import_markdown(&markdown(3)).expect("imports").plan;
    assert_eq!(plan.tasks.len(), 9, "two tasks and a subtask per phase");
    assert_eq!(plan.phases.len(), 3);
    let imported = import_csv(&csv(3)).expect("imports");
    assert_eq!(imported.plan.tasks.len(), 9);
    assert_eq!(
        imported.report.recognised,
        "Recognised a Jira export: 9 issues, 3 epics, 3 sub-tasks"
    );
}
