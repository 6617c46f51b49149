//! Undo records: random edit sequences on generated plans are undone and redone exactly; the undo
//! depth is bounded by memory; steps cost what changed.

use chrono::NaiveDate;
use proptest::prelude::*;
use waymark::edit::{Edit, TaskChange};
use waymark::history::History;
use waymark::model::{
    ChecklistItem, LaneLimit, Milestone, MilestoneId, Phase, PhaseId, Plan, PlanMeta, Priority,
    SplitMix, Sprint, SprintId, StatusKey, Task, TaskId, generate_plan,
};

/// A task id of the plan (or, now and then, one it does not have).
fn some_task(plan: &Plan, rng: &mut SplitMix) -> TaskId {
    if plan.tasks.is_empty() || rng.below(20) == 0 {
        return TaskId::from("NOPE-1");
    }
    plan.tasks[rng.below(plan.tasks.len())].id.clone()
}

fn some_date(rng: &mut SplitMix) -> Option<NaiveDate> {
    (rng.below(4) > 0)
        .then(|| NaiveDate::from_ymd_opt(2026, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32))
        .flatten()
}

/// A random change of one task's field, valid or not.
fn some_change(plan: &Plan, rng: &mut SplitMix) -> TaskChange {
    let word = |rng: &mut SplitMix| format!("w{}", rng.below(6));
    match rng.below(21) {
        0 => TaskChange::Title(word(rng)),
        1 => TaskChange::Description(word(rng)),
        2 => {
            let keys: Vec<StatusKey> = plan.legend.iter().map(|s| s.key.clone()).collect();
            let to = if rng.below(10) == 0 {
                StatusKey::from("LATER")
            } else {
                keys[rng.below(keys.len())].clone()
            };
            let at = NaiveDate::from_ymd_opt(2026, 3, 1 + rng.below(28) as u32)
                .and_then(|d| d.and_hms_opt(9, 0, 0))
                .unwrap_or_default();
            TaskChange::Status { to, at }
        }
        3 => TaskChange::Priority((rng.below(5) > 0).then(|| Priority::ALL[rng.below(4)])),
        4 => TaskChange::Owner(word(rng)),
        5 => TaskChange::Phase(
            (rng.below(3) > 0).then(|| PhaseId(format!("phase-{}", 1 + rng.below(6)))),
        ),
        6 => TaskChange::Sprint {
            to: (rng.below(3) > 0).then(|| SprintId(format!("sprint-{}", 1 + rng.below(6)))),
            at: moment(rng),
        },
        7 => TaskChange::Parent((rng.below(3) > 0).then(|| some_task(plan, rng))),
        8 => TaskChange::Hours {
            to: (rng.below(3) > 0).then(|| rng.below(40) as f64),
            at: moment(rng),
        },
        9 => TaskChange::Points {
            to: (rng.below(3) > 0).then(|| rng.below(8) as f64),
            at: moment(rng),
        },
        10 => TaskChange::DependsOn((0..rng.below(3)).map(|_| some_task(plan, rng)).collect()),
        11 => TaskChange::Start(some_date(rng)),
        12 => TaskChange::Due(some_date(rng)),
        13 => TaskChange::Completed(some_date(rng)),
        14 => TaskChange::Checklist(vec![ChecklistItem::new(&word(rng))]),
        15 => TaskChange::Artifacts(vec![word(rng)]),
        16 => TaskChange::Verification(word(rng)),
        17 => TaskChange::Notes(word(rng)),
        18 => TaskChange::Hints(word(rng)),
        19 => TaskChange::Tags(vec![word(rng)]),
        _ => TaskChange::GraphPosition(
            (rng.below(3) > 0).then(|| [rng.below(500) as f32, rng.below(500) as f32]),
        ),
    }
}

/// A random edit of any kind for this plan, valid or not.
fn some_edit(plan: &Plan, rng: &mut SplitMix, depth: usize) -> Edit {
    let phase = |rng: &mut SplitMix| PhaseId(format!("phase-{}", 1 + rng.below(6)));
    let sprint = |rng: &mut SplitMix| SprintId(format!("sprint-{}", 1 + rng.below(6)));
    let milestone = |rng: &mut SplitMix| MilestoneId(format!("m{}", 1 + rng.below(4)));
    match rng.below(if depth == 0 { 17 } else { 16 }) {
        0 => {
            let mut task = Task::new(&format!("NEW-{}", rng.below(50)), "New", "TODO");
            if rng.below(2) == 0 {
                task.depends_on = vec![some_task(plan, rng)];
            }
            if rng.below(4) == 0 {
                task.parent = Some(some_task(plan, rng));
            }
            Edit::AddTask {
                task: Box::new(task),
                index: (rng.below(2) == 0).then(|| rng.below(plan.tasks.len() + 3)),
            }
        }
        1 => Edit::DeleteTask(some_task(plan, rng)),
        2..=4 => Edit::UpdateTask {
            id: some_task(plan, rng),
            change: some_change(plan, rng),
        },
        5 => Edit::MoveTask {
            id: some_task(plan, rng),
            to: rng.below(plan.tasks.len() + 3),
        },
        6 => Edit::AddDependency {
            task: some_task(plan, rng),
            on: some_task(plan, rng),
        },
        7 => Edit::RemoveDependency {
            task: some_task(plan, rng),
            on: some_task(plan, rng),
        },
        8 => Edit::SetMeta(Box::new(PlanMeta {
            title: format!("Title {}", rng.below(5)),
            ..plan.meta.clone()
        })),
        9 => {
            let mut legend = plan.legend.clone();
            let by = rng.below(legend.len());
            legend.rotate_left(by);
            if rng.below(3) == 0 {
                legend.pop();
            }
            Edit::SetLegend(legend)
        }
        10 => Edit::PutPhase(Box::new(Phase {
            id: phase(rng),
            name: format!("Phase {}", rng.below(9)),
            depends_on: vec![phase(rng)],
            ..Phase::default()
        })),
        11 => Edit::DeletePhase(phase(rng)),
        12 => Edit::PutSprint(Box::new(Sprint {
            id: sprint(rng),
            name: format!("Sprint {}", rng.below(9)),
            ..Sprint::default()
        })),
        13 => Edit::DeleteSprint(sprint(rng)),
        14 => {
            if rng.below(2) == 0 {
                Edit::PutMilestone(Box::new(Milestone {
                    id: milestone(rng),
                    name: format!("Milestone {}", rng.below(9)),
                    tasks: vec![some_task(plan, rng), some_task(plan, rng)],
                    phases: vec![phase(rng)],
                    ..Milestone::default()
                }))
            } else {
                Edit::DeleteMilestone(milestone(rng))
            }
        }
        15 => {
            let (lanes, lane) = match rng.below(4) {
                0 => ("sprint", format!("sprint-{}", 1 + rng.below(6))),
                1 => ("phase", format!("phase-{}", 1 + rng.below(6))),
                2 => ("owner", "backend".to_owned()),
                _ => ("priority", "P1".to_owned()),
            };
            Edit::SetLaneWipLimit {
                lanes: lanes.to_owned(),
                lane,
                limit: (rng.below(3) > 0).then(|| rng.below(4) as u32),
            }
        }
        _ => {
            // Edits of a batch are drawn against the plan before it: some will be refused, which
            // must refuse the whole batch.
            let edits = (0..=rng.below(4))
                .map(|_| some_edit(plan, rng, depth + 1))
                .collect();
            Edit::Batch {
                label: "Several changes".to_owned(),
                edits,
            }
        }
    }
}

/// A small generated plan with milestones that name tasks and a WIP limit, so deletions touch them.
fn start_plan(tasks: usize, seed: u64) -> Plan {
    let mut plan = generate_plan(tasks, tasks * 2, seed);
    if let Some(first) = plan.milestones.first_mut() {
        first.tasks = plan.tasks.iter().take(3).map(|t| t.id.clone()).collect();
    }
    plan.lane_wip_limits.push(LaneLimit {
        lanes: "phase".to_owned(),
        lane: "phase-1".to_owned(),
        limit: 3,
    });
    plan
}

/// Applies random edits, checking each step; undoes all and redoes all, checking every plan on the way.
fn check_sequence(tasks: usize, seed: u64, edits: usize) {
    let original = start_plan(tasks, seed);
    let mut history = History::new(original.clone());
    let mut rng = SplitMix::new(seed ^ 0x5eed);
    let mut states = vec![original.clone()];
    for _ in 0..edits {
        let edit = some_edit(history.plan(), &mut rng, 0);
        let before = history.plan().clone();
        let depth = history.undo_depth();
        let result = history.apply(&edit);
        let after = history.plan().clone();
        match result {
            Err(error) => {
                assert_eq!(after, before, "refused {edit:?} ({error}) changed the plan");
                assert_eq!(history.undo_depth(), depth, "a refused edit is no step");
            }
            Ok(_) if history.undo_depth() == depth => {
                assert_eq!(after, before, "{edit:?} changed the plan without a step");
            }
            Ok(_) => states.push(after),
        }
    }
    let steps = states.len() - 1;
    assert_eq!(history.undo_depth(), steps);
    for expected in states.iter().rev().skip(1) {
        assert!(history.undo().is_some());
        assert_eq!(history.plan(), expected, "undo");
    }
    assert!(history.undo().is_none());
    assert_eq!(history.plan(), &original);
    assert!(!history.is_dirty(), "undo back to the saved state is clean");
    for expected in states.iter().skip(1) {
        assert!(history.redo().is_some());
        assert_eq!(history.plan(), expected, "redo");
    }
    assert!(history.redo().is_none());
    assert_eq!(
        history.plan(),
        states.last().expect("the original at least")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_edits_undo_to_the_original_and_redo_to_the_final(
        seed in any::<u64>(),
        tasks in 0usize..40,
        edits in 1usize..60,
    ) {
        check_sequence(tasks, seed, edits);
    }
}

#[test]
fn long_random_sequences_on_a_larger_plan_undo_and_redo_exactly() {
    for seed in 0..4 {
        check_sequence(300, seed, 400);
    }
}

fn rename(id: &str, title: &str) -> Edit {
    Edit::UpdateTask {
        id: TaskId::from(id),
        change: TaskChange::Title(title.to_owned()),
    }
}

#[test]
fn the_oldest_steps_are_dropped_beyond_the_memory_budget() {
    let mut history = History::new(generate_plan(50, 100, 3));
    history.apply(&rename("T-00001", "first")).expect("known");
    let one_step = history.undo_bytes();
    assert!(one_step > 0, "a step has a size");
    history.set_undo_budget(one_step * 10);
    for n in 0..100 {
        history
            .apply(&rename("T-00002", &format!("title {n}")))
            .expect("known");
        assert!(history.undo_bytes() <= one_step * 10 + one_step / 2);
    }
    let depth = history.undo_depth();
    assert!(
        (5..=12).contains(&depth),
        "about ten steps fit in the budget, {depth} kept"
    );
    while history.undo().is_some() {}
    assert_eq!(
        history
            .plan()
            .task(&TaskId::from("T-00002"))
            .map(|t| t.title.as_str()),
        Some(format!("title {}", 99 - depth).as_str()),
        "undo stops at the oldest step kept"
    );
    assert_eq!(
        history
            .plan()
            .task(&TaskId::from("T-00001"))
            .map(|t| t.title.as_str()),
        Some("first"),
        "the dropped first step cannot be undone"
    );
    assert!(history.is_dirty(), "the saved state is out of reach");
}

#[test]
fn a_step_keeps_what_changed_not_the_plan() {
    let mut history = History::new(generate_plan(20_000, 40_000, 9));
    for n in 0..200 {
        history
            .apply(&rename(&format!("T-{:05}", n + 1), "renamed"))
            .expect("known");
    }
    assert_eq!(
        history.undo_depth(),
        200,
        "far more than 100 steps are kept"
    );
    let per_step = history.undo_bytes() / 200;
    assert!(
        per_step < 4_000,
        "a title change keeps one task, not the plan: {per_step} bytes a step"
    );
}

#[test]
fn a_change_to_the_same_value_is_no_step_even_inside_a_batch() {
    let mut history = History::new(generate_plan(30, 60, 1));
    let title = history.plan().tasks[4].title.clone();
    let id = history.plan().tasks[4].id.clone();
    history
        .apply(&rename(id.as_str(), &title))
        .expect("a known task");
    history
        .apply(&Edit::Batch {
            label: "Nothing".to_owned(),
            edits: vec![rename(id.as_str(), &title), Edit::MoveTask { id, to: 4 }],
        })
        .expect("a known task");
    assert_eq!(history.undo_depth(), 0);
    assert_eq!(history.revision(), 0);
    assert!(!history.is_dirty());
}

/// A moment in March 2026, for edits that record when they happened.
fn moment(rng: &mut SplitMix) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 1 + rng.below(28) as u32)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap_or_default()
}
