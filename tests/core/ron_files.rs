//! The RON file format: round trips, determinism, versions and bad input.

use proptest::prelude::*;
use waymark::io::{
    FORMAT_VERSION, RonError, TextError, plan_from_ron, plan_from_ron_bytes, plan_to_ron,
};
use waymark::model::{Plan, StatusKey, TaskId, generate_plan};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn save_then_load_gives_an_equal_plan_and_saving_twice_gives_the_same_bytes(
        tasks in 0usize..120, extra in 0usize..3, seed in any::<u64>(), title in "\\PC{0,40}", notes in "\\PC{0,80}"
    ) {
        let mut plan = generate_plan(tasks, tasks * extra, seed);
        plan.meta.title = title;
        if let Some(task) = plan.tasks.first_mut() {
            task.notes = notes;
        }
        let text = plan_to_ron(&plan);
        let loaded = plan_from_ron(&text).expect("own output loads");
        prop_assert_eq!(&loaded, &plan);
        prop_assert_eq!(plan_to_ron(&loaded), text);
    }
}

#[test]
fn the_version_comes_first_and_changing_one_status_changes_one_line() {
    let plan = generate_plan(50, 80, 3);
    let before = plan_to_ron(&plan);
    assert!(
        before.starts_with(&format!("(\n    format_version: {FORMAT_VERSION},\n")),
        "{}",
        &before[..60]
    );
    let mut changed = plan.clone();
    changed.tasks[17].status = StatusKey::from(if plan.tasks[17].status.as_str() == "DONE" {
        "TODO"
    } else {
        "DONE"
    });
    let after = plan_to_ron(&changed);
    let differing = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(differing, 1);
}

#[test]
fn the_v1_fixture_loads_forever() {
    let plan = plan_from_ron(include_str!("../fixtures/v1.ron")).expect("v1 fixture loads");
    assert_eq!(plan.meta.title, "Fixture plan, format version 1");
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(plan.tasks[1].depends_on, vec![TaskId::from("FIX-001")]);
    assert_eq!(
        plan.legend.len(),
        4,
        "a missing legend falls back to the default one"
    );
}

#[test]
fn the_bundled_sample_loads_and_is_valid() {
    let plan = plan_from_ron(waymark::app::SAMPLE_PLAN).expect("sample loads");
    assert!(plan.tasks.len() >= 20);
    assert!(waymark::analysis::check_plan(&plan).is_empty());
    assert_eq!(
        plan_to_ron(&plan),
        waymark::app::SAMPLE_PLAN,
        "the sample is stored as Waymark writes it"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", plan_to_ron(&Plan::new("BOM")));
    assert_eq!(plan_from_ron(&text).expect("loads").meta.title, "BOM");
    assert_eq!(
        plan_from_ron_bytes(text.as_bytes())
            .expect("loads")
            .meta
            .title,
        "BOM"
    );
}

#[test]
fn a_newer_version_is_refused_with_a_clear_message() {
    let error = plan_from_ron("(format_version: 7, plan: (tasks: []))").expect_err("newer");
    assert_eq!(
        error,
        RonError::NewerVersion {
            found: 7,
            supported: FORMAT_VERSION
        }
    );
    assert!(
        error
            .to_string()
            .contains("saved by a newer Waymark (format version 7")
    );
}

#[test]
fn malformed_files_give_line_column_and_what_was_expected() {
    let text = "(\n    format_version: 1,\n    plan: (\n        tasks: [\n            (id: \"A\", title: \"x\" status: \"TODO\"),\n";
    match plan_from_ron(text).expect_err("malformed") {
        RonError::Syntax {
            line,
            column,
            message,
        } => {
            assert_eq!(line, 5);
            assert!(column > 20, "column {column}");
            assert!(!message.is_empty());
        }
        other => panic!("unexpected {other:?}"),
    }
    let error =
        plan_from_ron("(format_version: 1, plan: (tasks: [(id: 5)]))").expect_err("wrong type");
    assert!(error.to_string().starts_with("line 1, column"), "{error}");
    assert_eq!(
        plan_from_ron("(title: \"x\")").expect_err("no version"),
        RonError::NotAPlan
    );
}

#[test]
fn binary_and_invalid_utf8_are_named() {
    assert_eq!(
        plan_from_ron_bytes(b"(format_version: 1,\n\0\0\x01").expect_err("binary"),
        RonError::Text(TextError::Binary { line: 2 })
    );
    assert!(matches!(
        plan_from_ron_bytes(b"(\xc3\x28)").expect_err("bad utf-8"),
        RonError::Text(TextError::NotUtf8 { line: 1, .. })
    ));
}

#[test]
fn deeply_nested_input_is_refused_without_a_crash() {
    let text = format!(
        "(format_version: 1, plan: {}{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(plan_from_ron(&text).is_err());
}
