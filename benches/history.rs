//! Undo history on a generated 100,000-task plan: applying one edit with its undo record, undo, redo,
//! structural edits (add, delete, move), and the memory 1,000 edits keep (counted by a global
//! allocator and printed). For comparison, the old way (a whole-plan snapshot and a whole-plan
//! comparison per edit) is timed too.
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use cap::Cap;
use criterion::{Criterion, criterion_group, criterion_main};
use std::alloc::System;
use std::hint::black_box;
use std::time::{Duration, Instant};
use waymark::edit::{Edit, TaskChange};
use waymark::history::History;
use waymark::model::{Plan, Task, TaskId, generate_plan};

/// Counts the bytes the bench holds, so the memory of the undo steps can be measured.
#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

const TASKS: usize = 100_000;

fn plan() -> Plan {
    generate_plan(TASKS, TASKS * 2, 42)
}

/// A title change of the n-th task (spread over the plan), different each time.
fn rename(n: usize) -> Edit {
    Edit::UpdateTask {
        id: TaskId(format!("T-{:05}", (n * 7_919) % TASKS + 1)),
        change: TaskChange::Title(format!("Renamed {n}")),
    }
}

/// Prints how much memory 1,000 edits keep in the history, and what a copy of the plan holds.
fn report_memory() {
    let mut history = History::new(plan());
    let before = ALLOCATOR.allocated();
    for n in 0..1_000 {
        let edit = if n % 10 == 9 {
            Edit::UpdateTask {
                id: TaskId(format!("T-{:05}", n * 50 + 1)),
                change: TaskChange::DependsOn(Vec::new()),
            }
        } else {
            rename(n)
        };
        history.apply(&edit).ok();
    }
    let grown = ALLOCATOR.allocated().saturating_sub(before);
    println!(
        "memory growth of 1,000 edits on {TASKS} tasks: {:.2} MB ({} steps kept, estimated {:.2} MB)",
        grown as f64 / 1e6,
        history.undo_depth(),
        history.undo_bytes() as f64 / 1e6
    );
    let before = ALLOCATOR.allocated();
    let copy = history.plan().clone();
    let one = ALLOCATOR.allocated().saturating_sub(before);
    black_box(&copy);
    println!(
        "a copy of the plan (what a worker thread's first edit costs): {:.3} MB",
        one as f64 / 1e6
    );
}

/// Times `measured` alone, with `setup` run untimed before each call.
fn timed(
    history: &mut History,
    iters: u64,
    mut setup: impl FnMut(&mut History, usize),
    mut measured: impl FnMut(&mut History),
) -> Duration {
    let mut total = Duration::ZERO;
    for n in 0..iters as usize {
        setup(history, n);
        let start = Instant::now();
        measured(history);
        total += start.elapsed();
    }
    total
}

fn history_bench(c: &mut Criterion) {
    report_memory();
    let mut group = c.benchmark_group("history_100k");
    group.sample_size(30);
    let mut history = History::new(plan());
    let mut n = 0;
    group.bench_function("apply_title_edit", |b| {
        b.iter(|| {
            n += 1;
            black_box(history.apply(&rename(n)).ok());
        });
    });
    group.bench_function("undo_title_edit", |b| {
        b.iter_custom(|iters| {
            timed(
                &mut history,
                iters,
                |h, n| drop(h.apply(&rename(n + 7))),
                |h| drop(black_box(h.undo())),
            )
        });
    });
    group.bench_function("redo_title_edit", |b| {
        b.iter_custom(|iters| {
            timed(
                &mut history,
                iters,
                |h, n| {
                    drop(h.apply(&rename(n + 11)));
                    h.undo();
                },
                |h| drop(black_box(h.redo())),
            )
        });
    });
    group.bench_function("apply_status_edit", |b| {
        b.iter_custom(|iters| {
            timed(
                &mut history,
                iters,
                |_, _| {},
                |h| {
                    let id = TaskId(format!("T-{:05}", h.undo_depth() % TASKS + 1));
                    let to = if h
                        .plan()
                        .task(&id)
                        .is_some_and(|t| t.status.as_str() == "DONE")
                    {
                        "TODO"
                    } else {
                        "DONE"
                    };
                    let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
                        .and_then(|d| d.and_hms_opt(9, 0, 0))
                        .unwrap_or_default();
                    drop(black_box(h.apply(&Edit::UpdateTask {
                        id,
                        change: TaskChange::Status { to: to.into(), at },
                    })));
                },
            )
        });
    });
    group.bench_function("delete_task_and_undo", |b| {
        b.iter_custom(|iters| {
            timed(
                &mut history,
                iters,
                |_, _| {},
                |h| {
                    drop(black_box(
                        h.apply(&Edit::DeleteTask(TaskId::from("T-50000"))),
                    ));
                    h.undo();
                },
            )
        });
    });
    group.bench_function("add_task_middle_and_undo", |b| {
        b.iter_custom(|iters| {
            timed(
                &mut history,
                iters,
                |_, _| {},
                |h| {
                    let task = Task::new("NEW-1", "New", "TODO");
                    drop(black_box(h.apply(&Edit::AddTask {
                        task: Box::new(task),
                        index: Some(TASKS / 2),
                    })));
                    h.undo();
                },
            )
        });
    });
    group.finish();

    let mut group = c.benchmark_group("history_100k_while_a_worker_reads");
    group.sample_size(30);
    let mut n = 0;
    // A worker thread (analysis, layout, recovery writer) holds the plan: the edit copies what it
    // changes, not the plan.
    group.bench_function("apply_title_edit", |b| {
        b.iter_custom(|iters| {
            timed(
                &mut history,
                iters,
                |_, _| {},
                |h| {
                    n += 1;
                    let reader = h.shared_plan();
                    black_box(h.apply(&rename(n)).ok());
                    black_box(&reader);
                },
            )
        });
    });
    group.bench_function("delete_task_and_undo", |b| {
        b.iter_custom(|iters| {
            timed(
                &mut history,
                iters,
                |_, _| {},
                |h| {
                    let reader = h.shared_plan();
                    drop(black_box(
                        h.apply(&Edit::DeleteTask(TaskId::from("T-50000"))),
                    ));
                    h.undo();
                    black_box(&reader);
                },
            )
        });
    });
    group.finish();
}

criterion_group!(benches, history_bench);
criterion_main!(benches);
