//! CSV export and import of a generated plan of 10,000 tasks and 20,000 dependencies.
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use waymark::io::{export_csv, import_csv};
use waymark::model::generate_plan;

fn csv_io(c: &mut Criterion) {
    let plan = generate_plan(10_000, 20_000, 42);
    let text = export_csv(&plan);
    let mut group = c.benchmark_group("csv_10k_tasks_20k_deps");
    group.sample_size(20);
    group.bench_function("export", |b| b.iter(|| export_csv(black_box(&plan))));
    group.bench_function("import", |b| b.iter(|| import_csv(black_box(&text))));
    group.finish();
}

criterion_group!(benches, csv_io);
criterion_main!(benches);
