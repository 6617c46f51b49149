//! Velocity on a generated plan of 10,000 tasks with 50,000 history entries: the analysis (task
//! timelines, per-sprint and per-week numbers, averages), the 10,000-trial forecast, the whole-plan
//! burndown, and the full report.
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use chrono::{Days, NaiveDate, NaiveDateTime};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use waymark::analysis::velocity::{
    Averages, BurnScope, Period, Timelines, Unit, VelocityOptions, VelocityReport, burndown,
    default_range, forecast, remaining_work, sprint_velocities, sprint_windows, week_velocities,
};
use waymark::model::{
    Plan, ScopeChange, ScopeChangeKind, SplitMix, StatusChange, StatusKey, generate_plan,
};

/// 10,000 tasks; each gets five history entries: three status changes, a sprint move and a
/// re-estimate, spread over the plan's two years of sprints.
fn plan_with_history() -> (Plan, NaiveDate) {
    let mut plan = generate_plan(10_000, 10_000, 7);
    let mut rng = SplitMix::new(11);
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).expect("valid day");
    let moment = |rng: &mut SplitMix, base: u64| -> NaiveDateTime {
        (start + Days::new(base + rng.below(10) as u64))
            .and_hms_opt(9 + rng.below(8) as u32, 0, 0)
            .expect("valid time")
    };
    let key = |k: &str| StatusKey::from(k);
    let sprints = plan.sprints.len();
    for i in 0..plan.tasks.len() {
        let base = rng.below(700) as u64;
        let id = plan.tasks[i].id.clone();
        let steps = [
            ("TODO", "IN PROGRESS"),
            ("IN PROGRESS", "DONE"),
            if rng.below(5) == 0 {
                ("DONE", "IN PROGRESS")
            } else {
                ("DONE", "DONE")
            },
        ];
        for (n, (from, to)) in steps.into_iter().enumerate() {
            plan.status_history.push(StatusChange {
                task: id.clone(),
                from: key(from),
                to: key(to),
                at: moment(&mut rng, base + n as u64 * 3),
            });
        }
        let from = plan.tasks[i].sprint.clone();
        let to = Some(plan.sprints[rng.below(sprints)].id.clone());
        plan.scope_history.push(ScopeChange {
            task: id.clone(),
            at: moment(&mut rng, base + 1),
            change: ScopeChangeKind::Sprint {
                from,
                to: to.clone(),
                carried: false,
            },
        });
        plan.tasks[i].sprint = to;
        let hours = plan.tasks[i].estimate.hours;
        plan.scope_history.push(ScopeChange {
            task: id,
            at: moment(&mut rng, base + 2),
            change: ScopeChangeKind::Hours {
                from: hours,
                to: hours.map(|h| h + 2.0),
            },
        });
    }
    plan.status_history.sort_by_key(|c| c.at);
    plan.scope_history.sort_by_key(|c| c.at);
    let today = start + Days::new(400);
    (plan, today)
}

fn velocity(c: &mut Criterion) {
    let (plan, today) = plan_with_history();
    assert_eq!(plan.status_history.len() + plan.scope_history.len(), 50_000);
    let windows = sprint_windows(&plan);
    let mut group = c.benchmark_group("velocity_10k_tasks_50k_history");
    group.sample_size(20);
    group.bench_function("analysis", |b| {
        b.iter(|| {
            let timelines = Timelines::new(&plan, Unit::Hours, &windows);
            let sprints = sprint_velocities(&plan, &timelines, &windows, today);
            let weeks = week_velocities(&plan, &timelines, today);
            let samples: Vec<f64> = sprints.iter().map(|s| s.completed).collect();
            black_box((Averages::of(&samples, 3), weeks.len()))
        });
    });
    let timelines = Timelines::new(&plan, Unit::Hours, &windows);
    let samples: Vec<f64> = week_velocities(&plan, &timelines, today)
        .iter()
        .filter(|w| w.finished)
        .filter_map(|w| w.completed)
        .collect();
    let remaining = remaining_work(&plan, &timelines, &BurnScope::Plan, today);
    group.bench_function("forecast_10000_trials", |b| {
        b.iter(|| black_box(forecast(&samples, Period::Week, remaining, today)));
    });
    let range = default_range(&plan, &timelines, &BurnScope::Plan, &windows, today)
        .expect("the plan has a start date");
    group.bench_function("burndown_whole_plan", |b| {
        b.iter(|| black_box(burndown(&plan, &timelines, &BurnScope::Plan, range, today)));
    });
    group.bench_function("full_report", |b| {
        b.iter(|| {
            black_box(VelocityReport::compute(
                &plan,
                VelocityOptions::default(),
                today,
            ))
        });
    });
    group.finish();
}

criterion_group!(benches, velocity);
criterion_main!(benches);
