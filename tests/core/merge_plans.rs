//! Three-way merge by id, diff and conflict resolution, on plans built here.

use waymark::edit::{Edit, TaskChange};
use waymark::history::History;
use waymark::io::{diff_plans, merge_plans, plan_from_ron, plan_to_ron, resolve_conflict};
use waymark::model::{
    LaneLimit, Milestone, MilestoneId, Plan, Side, StatusChange, StatusKey, Task, TaskId,
};

fn base() -> Plan {
    let mut plan = Plan::new("Garden shed");
    plan.tasks = vec![
        Task::new("SHED-001", "Level the ground", "TODO"),
        Task::new("SHED-002", "Pour the slab", "TODO"),
        Task::new("SHED-003", "Raise the walls", "TODO"),
        Task::new("SHED-004", "Fit the roof", "TODO"),
    ]
    .into();
    plan.tasks[1].depends_on = vec![TaskId::from("SHED-001")];
    plan.milestones = vec![Milestone {
        id: MilestoneId::from("m1"),
        name: "Weatherproof".to_owned(),
        ..Milestone::default()
    }];
    plan
}

fn task_mut<'a>(plan: &'a mut Plan, id: &str) -> &'a mut Task {
    let index = plan.task_index(&TaskId::from(id)).expect("task exists");
    &mut plan.tasks[index]
}

fn ids(plan: &Plan) -> Vec<&str> {
    plan.tasks.iter().map(|t| t.id.as_str()).collect()
}

#[test]
fn edits_to_different_tasks_merge_cleanly() {
    let mut ours = base();
    task_mut(&mut ours, "SHED-001").status = StatusKey::from("DONE");
    let mut theirs = base();
    task_mut(&mut theirs, "SHED-003").owner = "Ines".to_owned();
    let merged = merge_plans(Some(&base()), &ours, &theirs).expect("merges");
    assert_eq!(merged.new_conflicts, 0);
    let plan = &merged.plan;
    assert_eq!(
        plan.task(&TaskId::from("SHED-001"))
            .expect("kept")
            .status
            .as_str(),
        "DONE"
    );
    assert_eq!(
        plan.task(&TaskId::from("SHED-003")).expect("kept").owner,
        "Ines"
    );
    assert!(plan.conflicts.is_empty());
}

#[test]
fn different_fields_of_one_task_merge_cleanly() {
    let mut ours = base();
    task_mut(&mut ours, "SHED-002").estimate.hours = Some(6.0);
    let mut theirs = base();
    task_mut(&mut theirs, "SHED-002").title = "Pour the concrete slab".to_owned();
    let merged = merge_plans(Some(&base()), &ours, &theirs).expect("merges");
    let task = merged
        .plan
        .task(&TaskId::from("SHED-002"))
        .expect("kept")
        .clone();
    assert_eq!(task.estimate.hours, Some(6.0));
    assert_eq!(task.title, "Pour the concrete slab");
    assert!(merged.plan.conflicts.is_empty());
}

#[test]
fn the_same_field_changed_both_ways_is_a_conflict_that_keeps_ours() {
    let mut ours = base();
    task_mut(&mut ours, "SHED-003").status = StatusKey::from("DONE");
    let mut theirs = base();
    task_mut(&mut theirs, "SHED-003").status = StatusKey::from("BLOCKED");
    let merged = merge_plans(Some(&base()), &ours, &theirs).expect("merges");
    assert_eq!(merged.new_conflicts, 1);
    let conflict = &merged.plan.conflicts[0];
    assert_eq!(conflict.item, "task SHED-003");
    assert_eq!(conflict.field, "status");
    assert_eq!(conflict.base.as_deref(), Some("\"TODO\""));
    assert_eq!(conflict.ours.as_deref(), Some("\"DONE\""));
    assert_eq!(conflict.theirs.as_deref(), Some("\"BLOCKED\""));
    let status = |plan: &Plan| {
        plan.task(&TaskId::from("SHED-003"))
            .expect("kept")
            .status
            .clone()
    };
    assert_eq!(status(&merged.plan).as_str(), "DONE");
    // The plan with its conflict saves and loads.
    let reloaded = plan_from_ron(&plan_to_ron(&merged.plan)).expect("loads");
    assert_eq!(reloaded, merged.plan);

    for (side, expected) in [
        (Side::Theirs, "BLOCKED"),
        (Side::Base, "TODO"),
        (Side::Ours, "DONE"),
    ] {
        let mut plan = merged.plan.clone();
        resolve_conflict(&mut plan, 0, side).expect("resolves");
        assert_eq!(status(&plan).as_str(), expected, "{side:?}");
        assert!(plan.conflicts.is_empty());
    }
}

#[test]
fn a_delete_against_an_edit_is_a_conflict_that_keeps_the_edited_task() {
    let mut ours = base();
    ours.tasks.retain(|t| t.id.as_str() != "SHED-004");
    let mut theirs = base();
    task_mut(&mut theirs, "SHED-004").notes = "Use green felt".to_owned();
    let merged = merge_plans(Some(&base()), &ours, &theirs).expect("merges");
    assert_eq!(merged.new_conflicts, 1);
    let conflict = merged.plan.conflicts[0].clone();
    assert_eq!(conflict.item, "task SHED-004");
    assert_eq!(conflict.field, "");
    assert_eq!(conflict.ours, None);
    assert!(
        conflict
            .theirs
            .as_deref()
            .is_some_and(|t| t.contains("green felt"))
    );
    let kept = merged
        .plan
        .task(&TaskId::from("SHED-004"))
        .expect("edited task kept");
    assert_eq!(kept.notes, "Use green felt");

    let mut deleted = merged.plan.clone();
    resolve_conflict(&mut deleted, 0, Side::Ours).expect("resolves");
    assert!(deleted.task(&TaskId::from("SHED-004")).is_none());
    let mut restored = merged.plan.clone();
    resolve_conflict(&mut restored, 0, Side::Base).expect("resolves");
    assert_eq!(
        restored
            .task(&TaskId::from("SHED-004"))
            .expect("base")
            .notes,
        ""
    );
}

#[test]
fn a_delete_of_an_untouched_task_merges_cleanly() {
    let mut ours = base();
    ours.tasks.retain(|t| t.id.as_str() != "SHED-004");
    let mut theirs = base();
    task_mut(&mut theirs, "SHED-001").owner = "Ola".to_owned();
    let merged = merge_plans(Some(&base()), &ours, &theirs).expect("merges");
    assert!(merged.plan.conflicts.is_empty());
    assert_eq!(ids(&merged.plan), ["SHED-001", "SHED-002", "SHED-003"]);
}

#[test]
fn tasks_added_on_both_sides_are_kept_and_a_reorder_merges() {
    let mut ours = base();
    ours.tasks.swap(0, 3);
    ours.tasks.push(Task::new("SHED-005", "Paint", "TODO"));
    let mut theirs = base();
    theirs
        .tasks
        .insert(2, Task::new("SHED-006", "Order timber", "TODO"));
    let merged = merge_plans(Some(&base()), &ours, &theirs).expect("merges");
    assert!(merged.plan.conflicts.is_empty());
    assert_eq!(
        ids(&merged.plan),
        [
            "SHED-004", "SHED-002", "SHED-006", "SHED-003", "SHED-001", "SHED-005"
        ]
    );
}

#[test]
fn dependencies_added_on_both_sides_are_both_kept() {
    let mut ours = base();
    task_mut(&mut ours, "SHED-004").depends_on = vec![TaskId::from("SHED-003")];
    task_mut(&mut ours, "SHED-002").depends_on.clear();
    let mut theirs = base();
    task_mut(&mut theirs, "SHED-004").depends_on = vec![TaskId::from("SHED-002")];
    let merged = merge_plans(Some(&base()), &ours, &theirs).expect("merges");
    assert!(merged.plan.conflicts.is_empty());
    let deps = |id: &str| -> Vec<String> {
        merged
            .plan
            .task(&TaskId::from(id))
            .expect("task")
            .depends_on
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(deps("SHED-004"), ["SHED-003", "SHED-002"]);
    assert!(deps("SHED-002").is_empty(), "our removal stays removed");
}

#[test]
fn milestones_legend_and_registers_merge_by_key() {
    let mut ours = base();
    ours.milestones[0].name = "Dry inside".to_owned();
    ours.legend[0].label = "Not yet".to_owned();
    ours.lane_wip_limits.push(LaneLimit {
        lanes: "owner".into(),
        lane: "Ines".into(),
        limit: 2,
    });
    let mut theirs = base();
    theirs.milestones[0].date = chrono::NaiveDate::from_ymd_opt(2026, 5, 1);
    theirs.legend[2].label = "Finished".to_owned();
    theirs.lane_wip_limits.push(LaneLimit {
        lanes: "owner".into(),
        lane: "Ola".into(),
        limit: 3,
    });
    let merged = merge_plans(Some(&base()), &ours, &theirs).expect("merges");
    assert!(
        merged.plan.conflicts.is_empty(),
        "{:?}",
        merged.plan.conflicts
    );
    let plan = &merged.plan;
    assert_eq!(plan.milestones[0].name, "Dry inside");
    assert_eq!(
        plan.milestones[0].date,
        chrono::NaiveDate::from_ymd_opt(2026, 5, 1)
    );
    assert_eq!(plan.legend[0].label, "Not yet");
    assert_eq!(plan.legend[2].label, "Finished");
    assert_eq!(plan.lane_wip_limits.len(), 2);

    let mut ours = base();
    ours.legend[1].color = [1, 2, 3];
    let mut theirs = base();
    theirs.legend[1].color = [9, 9, 9];
    let merged = merge_plans(Some(&base()), &ours, &theirs).expect("merges");
    assert_eq!(merged.plan.conflicts.len(), 1);
    assert_eq!(
        merged.plan.conflicts[0].place(),
        "status IN PROGRESS, color"
    );
}

#[test]
fn status_histories_from_both_sides_are_joined_in_time_order() {
    let at = |day: u32| {
        chrono::NaiveDate::from_ymd_opt(2026, 3, day)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("date")
    };
    let change = |task: &str, day: u32| StatusChange {
        task: TaskId::from(task),
        from: StatusKey::from("TODO"),
        to: StatusKey::from("DONE"),
        at: at(day),
    };
    let mut base = base();
    base.status_history.push(change("SHED-001", 1));
    let mut ours = base.clone();
    ours.status_history.push(change("SHED-003", 5));
    let mut theirs = base.clone();
    theirs.status_history.push(change("SHED-002", 3));
    let merged = merge_plans(Some(&base), &ours, &theirs).expect("merges");
    let days: Vec<u32> = merged
        .plan
        .status_history
        .iter()
        .map(|c| chrono::Datelike::day(&c.at))
        .collect();
    assert_eq!(days, [1, 3, 5]);
}

#[test]
fn without_a_base_differences_conflict_and_equal_parts_merge() {
    let mut ours = base();
    ours.meta.title = "Shed".to_owned();
    let theirs = base();
    let merged = merge_plans(None, &ours, &theirs).expect("merges");
    assert_eq!(merged.plan.tasks, base().tasks);
    assert_eq!(merged.plan.conflicts.len(), 1);
    assert_eq!(merged.plan.conflicts[0].place(), "plan, meta.title");
}

#[test]
fn resolving_is_an_undoable_edit() {
    let mut ours = base();
    task_mut(&mut ours, "SHED-001").title = "Dig".to_owned();
    let mut theirs = base();
    task_mut(&mut theirs, "SHED-001").title = "Scrape".to_owned();
    let merged = merge_plans(Some(&base()), &ours, &theirs)
        .expect("merges")
        .plan;
    let mut history = History::new(merged.clone());
    let edit = Edit::ResolveConflict {
        index: 0,
        side: Side::Theirs,
    };
    let label = history.apply(&edit).expect("applies");
    assert_eq!(label, "Keep theirs for task SHED-001, title");
    assert_eq!(history.plan().tasks[0].title, "Scrape");
    assert!(history.plan().conflicts.is_empty());
    history.undo();
    assert_eq!(history.plan(), &merged);
    let refused = history.apply(&Edit::ResolveConflict {
        index: 4,
        side: Side::Ours,
    });
    assert!(refused.is_err());
    // Ordinary edits still work on a plan with conflicts.
    history
        .apply(&Edit::UpdateTask {
            id: TaskId::from("SHED-002"),
            change: TaskChange::Owner("Ola".to_owned()),
        })
        .expect("applies");
}

#[test]
fn diff_lists_added_removed_and_changed_fields() {
    let before = base();
    let mut after = base();
    after.tasks.retain(|t| t.id.as_str() != "SHED-003");
    after
        .tasks
        .push(Task::new("SHED-009", "Fit a gutter", "TODO"));
    task_mut(&mut after, "SHED-001").status = StatusKey::from("DONE");
    task_mut(&mut after, "SHED-001").estimate.hours = Some(3.0);
    after.meta.title = "Big shed".to_owned();
    let diff = diff_plans(&before, &after).expect("diffs");
    assert_eq!(diff.added.len(), 1);
    assert_eq!(diff.added[0].id, "SHED-009");
    assert_eq!(diff.added[0].title, "Fit a gutter");
    assert_eq!(diff.removed.len(), 1);
    assert_eq!(diff.removed[0].id, "SHED-003");
    let task = diff
        .changed
        .iter()
        .find(|c| c.id == "SHED-001")
        .expect("changed");
    let fields: Vec<&str> = task.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["estimate.hours", "status"]);
    let text = diff.to_string();
    assert!(text.contains("+ task SHED-009 \"Fit a gutter\""), "{text}");
    assert!(
        text.contains("- task SHED-003 \"Raise the walls\""),
        "{text}"
    );
    assert!(
        text.contains("~ task SHED-001 status: \"TODO\" → \"DONE\""),
        "{text}"
    );
    assert!(
        text.contains("~ plan meta.title: \"Garden shed\" → \"Big shed\""),
        "{text}"
    );
    assert!(diff_plans(&before, &before).expect("diffs").is_empty());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// A change on one side only always merges cleanly to that side; a plan merged with itself is
    /// itself; and a side that changed nothing never conflicts, whatever the plan holds.
    #[test]
    fn one_sided_changes_merge_to_that_side(seed in 0u64..10_000, tasks in 1usize..40) {
        let base = waymark::model::generate_plan(tasks, tasks, seed);
        let mut changed = waymark::model::generate_plan(tasks, tasks, seed.wrapping_add(1));
        changed.meta.title = "Changed".to_owned();
        let ours = merge_plans(Some(&base), &changed, &base).expect("merges");
        proptest::prop_assert_eq!(&ours.plan, &changed);
        let theirs = merge_plans(Some(&base), &base, &changed).expect("merges");
        proptest::prop_assert_eq!(&theirs.plan, &changed);
        let same = merge_plans(Some(&base), &base, &base).expect("merges");
        proptest::prop_assert_eq!(&same.plan, &base);
        proptest::prop_assert!(diff_plans(&base, &base).expect("diffs").is_empty());
    }
}
