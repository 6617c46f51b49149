//! The timeline: the dated schedule of 10,000 and 100,000 tasks, and the CPU time of one whole window
//! frame of the Gantt chart (egui run without a window) at 1,000, 10,000 and 50,000 tasks while
//! scrolling and zooming.
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use waymark::analysis::{Analysis, DatedOptions, DatedSchedule};
use waymark::app::{Document, Settings, WaymarkApp, install_fonts};
use waymark::export::timeline::TimelineMode;
use waymark::model::generate_plan;
use waymark::views::ViewKind;

fn today() -> chrono::NaiveDate {
    "2026-03-02".parse().expect("a date")
}

fn dated_schedule(c: &mut Criterion) {
    let mut group = c.benchmark_group("dated_schedule");
    group.sample_size(20);
    for tasks in [10_000, 100_000] {
        let plan = generate_plan(tasks, tasks * 2, 7);
        let analysis = Analysis::of(&plan);
        group.bench_function(format!("{tasks}_tasks"), |b| {
            b.iter(|| DatedSchedule::compute(&plan, &analysis, DatedOptions::on(today())));
        });
    }
    group.finish();
}

fn timeline_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("timeline_frame");
    group.sample_size(20);
    for tasks in [1_000, 10_000, 50_000] {
        let settings = Settings {
            view: ViewKind::Timeline,
            ..Settings::default()
        };
        let plan = generate_plan(tasks, tasks * 2, 42);
        let mut app = WaymarkApp::new(Document::untitled(plan, 0), settings);
        app.today = Some(today());
        app.ui_state.timeline.options.mode = TimelineMode::Gantt;
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        for _ in 0..3 {
            common::frame(&ctx, &mut app);
        }
        let mut step = 0u32;
        group.bench_function(format!("gantt_{tasks}_tasks_scrolling"), |b| {
            b.iter(|| {
                step = step.wrapping_add(1);
                let timeline = &mut app.ui_state.timeline;
                timeline.scroll = (step % 200) as f32 * 37.0;
                timeline.origin += 0.5;
                common::frame(&ctx, &mut app);
            });
        });
        group.bench_function(format!("gantt_{tasks}_tasks_zooming"), |b| {
            b.iter(|| {
                step = step.wrapping_add(1);
                let timeline = &mut app.ui_state.timeline;
                timeline.zoom_to(if step.is_multiple_of(2) { 4.0 } else { 12.0 }, 300.0);
                common::frame(&ctx, &mut app);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, dated_schedule, timeline_frame);
criterion_main!(benches);
