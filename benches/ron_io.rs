//! RON save and load of a generated plan of 10,000 tasks and 20,000 dependencies.
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use waymark::io::{plan_from_ron, plan_to_ron};
use waymark::model::generate_plan;

fn ron_io(c: &mut Criterion) {
    let plan = generate_plan(10_000, 20_000, 42);
    let text = plan_to_ron(&plan);
    let mut group = c.benchmark_group("ron_10k_tasks_20k_deps");
    group.sample_size(20);
    group.bench_function("save", |b| b.iter(|| plan_to_ron(black_box(&plan))));
    group.bench_function("load", |b| b.iter(|| plan_from_ron(black_box(&text))));
    group.finish();
}

criterion_group!(benches, ron_io);
criterion_main!(benches);
