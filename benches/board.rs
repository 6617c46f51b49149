//! CPU time of one board frame (egui run without a window) on generated plans of 1,000 and 10,000 tasks,
//! in the status board and in planning mode.
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use waymark::app::{Document, Settings, WaymarkApp, install_fonts};
use waymark::model::generate_plan;
use waymark::views::ViewKind;

fn board_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("board_frame");
    group.sample_size(30);
    for tasks in [1_000, 10_000] {
        for planning in [false, true] {
            let settings = Settings {
                view: ViewKind::Board,
                ..Settings::default()
            };
            let plan = generate_plan(tasks, tasks * 2, 42);
            let mut app = WaymarkApp::new(Document::untitled(plan, 0), settings);
            app.ui_state.board.planning = planning;
            let ctx = egui::Context::default();
            install_fonts(&ctx);
            for _ in 0..3 {
                common::frame(&ctx, &mut app);
            }
            let mode = if planning { "planning" } else { "board" };
            group.bench_function(format!("{mode}_{tasks}_tasks"), |b| {
                b.iter(|| common::frame(&ctx, &mut app));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, board_frame);
criterion_main!(benches);
