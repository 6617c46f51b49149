//! Edits, undo and redo.

use chrono::NaiveDate;
use waymark::edit::{Edit, EditError, TaskChange};
use waymark::history::History;
use waymark::io::{plan_from_ron, plan_to_ron};
use waymark::model::{
    ChecklistItem, LaneLimit, Milestone, MilestoneId, Phase, PhaseId, Plan, PlanMeta, Priority,
    Sprint, SprintId, StatusKey, Task, TaskId, default_legend, generate_plan,
};

fn at() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_opt(9, 30, 0))
        .expect("valid time")
}

fn small_plan() -> Plan {
    let mut plan = Plan::new("Payments");
    plan.phases.push(Phase {
        id: PhaseId::from("pay"),
        name: "Payments".into(),
        ..Phase::default()
    });
    plan.sprints.push(Sprint {
        id: SprintId::from("s1"),
        name: "Sprint 1".into(),
        ..Sprint::default()
    });
    for (id, deps) in [
        ("PAY-001", vec![]),
        ("PAY-002", vec!["PAY-001"]),
        ("PAY-003", vec!["PAY-001"]),
        ("PAY-004", vec!["PAY-002"]),
    ] {
        let mut task = Task::new(id, &format!("Task {id}"), "TODO");
        task.depends_on = deps.into_iter().map(TaskId::from).collect();
        plan.tasks.push(task);
    }
    plan
}

fn id(text: &str) -> TaskId {
    TaskId::from(text)
}

fn every_edit_kind() -> Vec<Edit> {
    let change = |c| Edit::UpdateTask {
        id: id("PAY-003"),
        change: c,
    };
    let date = NaiveDate::from_ymd_opt(2026, 4, 1);
    vec![
        Edit::AddTask {
            task: Box::new(Task::new("PAY-005", "Refunds", "TODO")),
            index: Some(1),
        },
        Edit::DeleteTask(id("PAY-002")),
        change(TaskChange::Title("Renamed".into())),
        change(TaskChange::Description("Longer text".into())),
        change(TaskChange::Status {
            to: StatusKey::from("DONE"),
            at: at(),
        }),
        change(TaskChange::Priority(Some(Priority::P0))),
        change(TaskChange::Owner("frontend".into())),
        change(TaskChange::Phase(Some(PhaseId::from("pay")))),
        change(TaskChange::Sprint {
            to: Some(SprintId::from("s1")),
            at: at(),
        }),
        change(TaskChange::Parent(Some(id("PAY-001")))),
        change(TaskChange::Hours {
            to: Some(12.5),
            at: at(),
        }),
        change(TaskChange::Points {
            to: Some(3.0),
            at: at(),
        }),
        change(TaskChange::DependsOn(vec![id("PAY-002")])),
        change(TaskChange::Start(date)),
        change(TaskChange::Due(date)),
        change(TaskChange::Completed(date)),
        change(TaskChange::Checklist(vec![ChecklistItem::new("Works")])),
        change(TaskChange::Artifacts(vec!["src/pay.rs".into()])),
        change(TaskChange::Verification("Tests pass".into())),
        change(TaskChange::Notes("Note".into())),
        change(TaskChange::Hints("Hint".into())),
        change(TaskChange::Tags(vec!["money".into()])),
        Edit::MoveTask {
            id: id("PAY-004"),
            to: 0,
        },
        Edit::AddDependency {
            task: id("PAY-003"),
            on: id("PAY-002"),
        },
        Edit::RemoveDependency {
            task: id("PAY-002"),
            on: id("PAY-001"),
        },
        Edit::SetMeta(Box::new(PlanMeta {
            title: "New title".into(),
            ..PlanMeta::default()
        })),
        Edit::SetLegend(default_legend().into_iter().rev().collect()),
        Edit::PutPhase(Box::new(Phase {
            id: PhaseId::from("ops"),
            name: "Ops".into(),
            ..Phase::default()
        })),
        Edit::DeletePhase(PhaseId::from("pay")),
        Edit::PutSprint(Box::new(Sprint {
            id: SprintId::from("s2"),
            name: "Sprint 2".into(),
            ..Sprint::default()
        })),
        Edit::DeleteSprint(SprintId::from("s1")),
        Edit::PutMilestone(Box::new(Milestone {
            id: MilestoneId::from("m1"),
            name: "Live".into(),
            ..Milestone::default()
        })),
        Edit::SetLaneWipLimit {
            lanes: "sprint".into(),
            lane: "s1".into(),
            limit: Some(4),
        },
        Edit::CloseSprint {
            sprint: SprintId::from("s1"),
            move_unfinished_to: None,
            at: at(),
        },
        Edit::Batch {
            label: "Two renames".into(),
            edits: vec![
                change(TaskChange::Title("A".into())),
                Edit::UpdateTask {
                    id: id("PAY-001"),
                    change: TaskChange::Title("B".into()),
                },
            ],
        },
    ]
}

#[test]
fn every_edit_kind_changes_the_plan_and_undo_redo_restore_it() {
    for edit in every_edit_kind() {
        let mut history = History::new(small_plan());
        let before = history.plan().clone();
        history
            .apply(&edit)
            .unwrap_or_else(|e| panic!("{edit:?} refused: {e}"));
        let after = history.plan().clone();
        assert_ne!(after, before, "{edit:?} changed nothing");
        assert!(history.is_dirty());
        assert!(history.undo().is_some());
        assert_eq!(history.plan(), &before, "undo of {edit:?}");
        assert!(!history.is_dirty(), "undo back to the saved state is clean");
        assert!(history.redo().is_some());
        assert_eq!(history.plan(), &after, "redo of {edit:?}");
    }
}

#[test]
fn deleting_a_milestone_undoes() {
    let mut plan = small_plan();
    plan.milestones.push(Milestone {
        id: MilestoneId::from("m1"),
        name: "Live".into(),
        ..Milestone::default()
    });
    let mut history = History::new(plan.clone());
    history
        .apply(&Edit::DeleteMilestone(MilestoneId::from("m1")))
        .expect("known milestone");
    assert!(history.plan().milestones.is_empty());
    history.undo();
    assert_eq!(history.plan(), &plan);
}

#[test]
fn a_dependency_that_closes_a_loop_is_refused_naming_the_loop() {
    let mut history = History::new(small_plan());
    let error = history
        .apply(&Edit::AddDependency {
            task: id("PAY-002"),
            on: id("PAY-004"),
        })
        .expect_err("loop must be refused");
    assert_eq!(
        error,
        EditError::Cycle(vec![id("PAY-004"), id("PAY-002"), id("PAY-004")])
    );
    assert_eq!(
        error.to_string(),
        "that dependency would create a loop: PAY-004 → PAY-002 → PAY-004"
    );
    assert_eq!(
        history.plan(),
        &small_plan(),
        "a refused edit leaves the plan as it was"
    );
    assert_eq!(history.revision(), 0);

    let error = history
        .apply(&Edit::AddDependency {
            task: id("PAY-001"),
            on: id("PAY-004"),
        })
        .expect_err("longer loop");
    assert_eq!(
        error.to_string(),
        "that dependency would create a loop: PAY-004 → PAY-001 → PAY-002 → PAY-004"
    );
    let error = history
        .apply(&Edit::AddDependency {
            task: id("PAY-001"),
            on: id("PAY-001"),
        })
        .expect_err("self loop");
    assert_eq!(error, EditError::Cycle(vec![id("PAY-001"), id("PAY-001")]));
}

#[test]
fn replacing_dependencies_with_a_loop_is_refused() {
    let mut history = History::new(small_plan());
    let edit = Edit::UpdateTask {
        id: id("PAY-001"),
        change: TaskChange::DependsOn(vec![id("PAY-003")]),
    };
    assert!(matches!(history.apply(&edit), Err(EditError::Cycle(_))));
    assert_eq!(history.plan(), &small_plan());
}

#[test]
fn unknown_ids_are_refused_with_the_id() {
    let mut history = History::new(small_plan());
    let cases = [
        (Edit::DeleteTask(id("NOPE-1")), "there is no task NOPE-1"),
        (
            Edit::AddDependency {
                task: id("PAY-001"),
                on: id("NOPE-2"),
            },
            "there is no task NOPE-2",
        ),
        (
            Edit::UpdateTask {
                id: id("PAY-001"),
                change: TaskChange::Status {
                    to: StatusKey::from("LATER"),
                    at: at(),
                },
            },
            "the legend has no status LATER",
        ),
        (
            Edit::UpdateTask {
                id: id("PAY-001"),
                change: TaskChange::Sprint {
                    to: Some(SprintId::from("s9")),
                    at: at(),
                },
            },
            "there is no sprint s9",
        ),
        (
            Edit::AddTask {
                task: Box::new(Task::new("PAY-001", "Again", "TODO")),
                index: None,
            },
            "a task with id PAY-001 already exists",
        ),
        (
            Edit::UpdateTask {
                id: id("PAY-001"),
                change: TaskChange::Parent(Some(id("PAY-001"))),
            },
            "PAY-001 cannot be a subtask of itself or of its own subtasks",
        ),
    ];
    for (edit, message) in cases {
        assert_eq!(
            history.apply(&edit).expect_err("refused").to_string(),
            message
        );
    }
    assert_eq!(history.plan(), &small_plan());
}

#[test]
fn a_status_edit_appends_to_the_status_history_and_sets_completion() {
    let mut history = History::new(small_plan());
    let label = history
        .apply(&Edit::UpdateTask {
            id: id("PAY-002"),
            change: TaskChange::Status {
                to: StatusKey::from("DONE"),
                at: at(),
            },
        })
        .expect("known status");
    assert_eq!(label, "Move PAY-002 to Done");
    let plan = history.plan();
    assert_eq!(plan.status_history.len(), 1);
    assert_eq!(plan.status_history[0].from, StatusKey::from("TODO"));
    assert_eq!(plan.status_history[0].to, StatusKey::from("DONE"));
    assert_eq!(plan.status_history[0].at, at());
    assert_eq!(
        plan.task(&id("PAY-002")).and_then(|t| t.completed),
        Some(at().date())
    );
}

#[test]
fn labels_name_the_change() {
    let plan = small_plan();
    let edit = Edit::UpdateTask {
        id: id("PAY-003"),
        change: TaskChange::Sprint {
            to: Some(SprintId::from("s1")),
            at: at(),
        },
    };
    assert_eq!(edit.label(&plan), "Move PAY-003 to Sprint 1");
    let edit = Edit::UpdateTask {
        id: id("PAY-003"),
        change: TaskChange::Title("x".into()),
    };
    assert_eq!(edit.label(&plan), "Change title of PAY-003");
}

#[test]
fn history_tracks_revision_and_dirty_state_through_save() {
    let mut history = History::new(small_plan());
    let rename = |title: &str| Edit::UpdateTask {
        id: id("PAY-001"),
        change: TaskChange::Title(title.into()),
    };
    history.apply(&rename("one")).expect("ok");
    history.apply(&rename("two")).expect("ok");
    assert_eq!(history.revision(), 2);
    history.mark_saved();
    assert!(!history.is_dirty());
    history.undo();
    assert!(history.is_dirty());
    assert_eq!(history.undo_label(), Some("Change title of PAY-001"));
    assert_eq!(history.redo_label(), Some("Change title of PAY-001"));
    history.redo();
    assert!(!history.is_dirty());
    assert_eq!(history.revision(), 4);
    history.undo();
    history.apply(&rename("three")).expect("ok");
    assert!(history.redo_label().is_none(), "a new edit clears redo");
    assert!(history.is_dirty());
}

#[test]
fn generated_plans_have_the_asked_size_and_no_loops() {
    let plan = generate_plan(1_000, 2_000, 7);
    assert_eq!(plan.tasks.len(), 1_000);
    let edges: usize = plan.tasks.iter().map(|t| t.depends_on.len()).sum();
    assert!((1_900..=2_000).contains(&edges), "{edges} edges");
    assert!(waymark::analysis::check_plan(&plan).is_empty());
    assert_eq!(generate_plan(100, 200, 7), generate_plan(100, 200, 7));
}

fn lane_limit(lanes: &str, lane: &str, limit: Option<u32>) -> Edit {
    Edit::SetLaneWipLimit {
        lanes: lanes.into(),
        lane: lane.into(),
        limit,
    }
}

#[test]
fn lane_wip_limits_are_named_kept_sorted_and_removed() {
    let mut history = History::new(small_plan());
    let edit = lane_limit("sprint", "s1", Some(4));
    assert_eq!(edit.label(history.plan()), "Set WIP limit of Sprint 1 to 4");
    for edit in [
        lane_limit("sprint", "s1", Some(4)),
        lane_limit("owner", "backend", Some(2)),
        lane_limit("priority", "P1", Some(3)),
        lane_limit("sprint", "", Some(6)),
        lane_limit("sprint", "s1", Some(5)),
    ] {
        history.apply(&edit).expect("a known lane");
    }
    let plan = history.plan();
    let stored: Vec<(&str, &str, u32)> = plan
        .lane_wip_limits
        .iter()
        .map(|l| (l.lanes.as_str(), l.lane.as_str(), l.limit))
        .collect();
    assert_eq!(
        stored,
        [
            ("owner", "backend", 2),
            ("priority", "P1", 3),
            ("sprint", "", 6),
            ("sprint", "s1", 5),
        ]
    );
    assert_eq!(plan.lane_wip_limit("sprint", "s1"), Some(5));
    let remove = lane_limit("sprint", "s1", None);
    assert_eq!(remove.label(plan), "Remove WIP limit of Sprint 1");
    history.apply(&remove).expect("a known lane");
    assert_eq!(history.plan().lane_wip_limit("sprint", "s1"), None);
    history
        .apply(&Edit::DeleteSprint(SprintId::from("s1")))
        .expect("known sprint");
    history
        .apply(&lane_limit("phase", "pay", Some(2)))
        .expect("a known phase");
    history
        .apply(&Edit::DeletePhase(PhaseId::from("pay")))
        .expect("known phase");
    assert_eq!(history.plan().lane_wip_limit("phase", "pay"), None);
}

#[test]
fn lane_wip_limits_for_unknown_lanes_or_of_zero_are_refused() {
    let mut history = History::new(small_plan());
    for (edit, error) in [
        (
            lane_limit("sprint", "s9", Some(2)),
            EditError::UnknownLane("sprint".into(), "s9".into()),
        ),
        (
            lane_limit("phase", "nope", Some(2)),
            EditError::UnknownLane("phase".into(), "nope".into()),
        ),
        (
            lane_limit("priority", "high", Some(2)),
            EditError::UnknownLane("priority".into(), "high".into()),
        ),
        (
            lane_limit("colour", "red", Some(2)),
            EditError::UnknownLane("colour".into(), "red".into()),
        ),
        (lane_limit("sprint", "s1", Some(0)), EditError::ZeroWipLimit),
    ] {
        assert_eq!(history.apply(&edit), Err(error), "{edit:?}");
    }
    assert!(history.plan().lane_wip_limits.is_empty());
}

#[test]
fn lane_wip_limits_are_saved_only_when_set_and_read_back() {
    let mut plan = small_plan();
    assert!(!plan_to_ron(&plan).contains("lane_wip_limits"));
    plan.lane_wip_limits.push(LaneLimit {
        lanes: "sprint".into(),
        lane: "s1".into(),
        limit: 4,
    });
    let text = plan_to_ron(&plan);
    assert!(text.contains("lane_wip_limits"));
    assert_eq!(plan_from_ron(&text).expect("reads back"), plan);
}
