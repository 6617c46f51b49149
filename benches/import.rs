//! Markdown import of a generated plan of 10,000 tasks and 20,000 dependencies (exported first),
//! and the export itself.
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use waymark::io::{export_markdown, import_markdown};
use waymark::model::generate_plan;

fn markdown_import(c: &mut Criterion) {
    let plan = generate_plan(10_000, 20_000, 42);
    let text = export_markdown(&plan);
    let mut group = c.benchmark_group("markdown_10k_tasks_20k_deps");
    group.sample_size(10);
    group.bench_function("import", |b| b.iter(|| import_markdown(black_box(&text))));
    group.bench_function("export", |b| b.iter(|| export_markdown(black_box(&plan))));
    group.finish();
}

criterion_group!(benches, markdown_import);
criterion_main!(benches);
