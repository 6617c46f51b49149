//! The dependency analysis at 10,000 tasks / 20,000 edges, the layout, and one frame of the graph canvas
//! (headless egui) at 1,000 and 5,000 tasks.
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use waymark::analysis::{Analysis, GraphLayout};
use waymark::app::{Derived, install_fonts};
use waymark::model::generate_plan;
use waymark::views::ViewContext;
use waymark::views::graph::{GraphState, graph_ui};

fn analysis(c: &mut Criterion) {
    let plan = generate_plan(10_000, 20_000, 42);
    let analysis = Analysis::of(&plan);
    let mut group = c.benchmark_group("graph_10k_tasks_20k_deps");
    group.sample_size(20);
    group.bench_function("analysis", |b| b.iter(|| Analysis::of(black_box(&plan))));
    group.bench_function("layout", |b| {
        b.iter(|| GraphLayout::compute(black_box(&plan), black_box(&analysis)));
    });
    group.finish();
}

fn canvas_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("graph_canvas_frame");
    group.sample_size(20);
    for tasks in [1_000, 5_000] {
        let plan = generate_plan(tasks, tasks * 2, 7);
        let derived = Derived::compute(&plan, 1, chrono::NaiveDate::default());
        let shared = std::sync::Arc::new(plan.clone());
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        let mut state = GraphState::default();
        let mut requests = Vec::new();
        let input = || egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            ..egui::RawInput::default()
        };
        // One frame: the UI pass and the tessellation of what it painted (the CPU side of a frame).
        let frame = |state: &mut GraphState, requests: &mut Vec<_>| {
            let mut output = ctx.run_ui(input(), |ui| {
                egui::CentralPanel::default().show(ui, |ui| {
                    let mut view = ViewContext {
                        plan: &shared,
                        derived: &derived,
                        selected: None,
                        requests: &mut *requests,
                    };
                    graph_ui(ui, &mut view, state);
                });
            });
            output.textures_delta.clear();
            ctx.tessellate(output.shapes, output.pixels_per_point)
        };
        // The first frames compute the layout and fit the whole graph; later frames are what panning
        // and zooming cost.
        frame(&mut state, &mut requests);
        frame(&mut state, &mut requests);
        group.bench_function(format!("fit_all_{tasks}_tasks"), |b| {
            b.iter(|| frame(&mut state, &mut requests));
        });
        state.camera.zoom = 1.0;
        group.bench_function(format!("zoom_1_{tasks}_tasks"), |b| {
            b.iter(|| frame(&mut state, &mut requests));
        });
    }
    group.finish();
}

criterion_group!(benches, analysis, canvas_frame);
criterion_main!(benches);
