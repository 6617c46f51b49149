//! Whole-window frames while editing a generated 100,000-task plan, in every view
//! (table, board, graph, timeline, velocity): each edit is pushed as a view would push it, and frames run until the background analysis
//! has caught up. Prints the worst frame seen per view; criterion times the frame that applies an
//! edit and the frame that picks up the analysis.
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::time::{Duration, Instant};
use waymark::app::{Document, Settings, WaymarkApp, install_fonts};
use waymark::edit::{Edit, TaskChange};
use waymark::model::{TaskId, generate_plan};
use waymark::views::{Request, ViewKind};

const TASKS: usize = 100_000;

/// The time this thread has spent running (`CLOCK_THREAD_CPUTIME_ID`).
fn thread_cpu_time() -> Duration {
    let time = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    let seconds = u64::try_from(time.tv_sec).unwrap_or_default();
    Duration::new(seconds, u32::try_from(time.tv_nsec).unwrap_or_default())
}

/// How long a frame took on the clock, and how long the UI thread ran in it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct FrameTime {
    wall: Duration,
    cpu: Duration,
}

/// One frame of the whole window, timed.
fn measured_frame(ctx: &egui::Context, app: &mut WaymarkApp) -> FrameTime {
    let (start, cpu) = (Instant::now(), thread_cpu_time());
    common::frame(ctx, app);
    FrameTime {
        wall: start.elapsed(),
        cpu: thread_cpu_time().saturating_sub(cpu),
    }
}

/// One frame of the whole window; returns how long it took.
fn timed_frame(ctx: &egui::Context, app: &mut WaymarkApp) -> Duration {
    measured_frame(ctx, app).wall
}

/// How many of `count` runs of a fixed loop of about `each` go over 16 ms on this machine, with
/// nothing else of ours running: the stalls the machine itself makes (a virtual machine's host
/// taking its CPU), against which the slow frames are read.
fn machine_stalls(count: usize, each: Duration) -> usize {
    let spin = |n: u64| (0..n).fold(0u64, |sum, k| std::hint::black_box(sum.wrapping_add(k)));
    // Calibrate the loop to about `each`, at the machine's best.
    let start = Instant::now();
    std::hint::black_box(spin(1_000_000));
    let per_million = start.elapsed().max(Duration::from_micros(1));
    let n = (each.as_secs_f64() / per_million.as_secs_f64() * 1e6) as u64;
    (0..count)
        .filter(|_| {
            let start = Instant::now();
            std::hint::black_box(spin(n));
            start.elapsed() > Duration::from_millis(16)
        })
        .count()
}

/// A title change of the n-th task, different each time.
fn rename(n: usize) -> Request {
    Request::Edit(Edit::UpdateTask {
        id: TaskId(format!("T-{:05}", (n * 7_919) % TASKS + 1)),
        change: TaskChange::Title(format!("Renamed {n}")),
    })
}

/// An app on the large plan in one view, with its first analysis done.
fn app(view: ViewKind) -> (egui::Context, WaymarkApp) {
    let settings = Settings {
        view,
        ..Settings::default()
    };
    let plan = generate_plan(TASKS, TASKS * 2, 42);
    let mut app = WaymarkApp::new(Document::untitled(plan, 0), settings);
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    timed_frame(&ctx, &mut app);
    settle(&ctx, &mut app);
    (ctx, app)
}

/// Runs frames until the analysis and the view's own caches have caught up (as a window would,
/// repainting when told, for at least half a second); returns how long each frame took.
fn settle(ctx: &egui::Context, app: &mut WaymarkApp) -> Vec<FrameTime> {
    let mut frames = Vec::new();
    let start = Instant::now();
    loop {
        frames.push(measured_frame(ctx, app));
        if !app.derived.is_updating() && start.elapsed() > Duration::from_millis(500) {
            return frames;
        }
        std::thread::sleep(Duration::from_millis(4));
    }
}

/// Applies edits one after another, each with its frames, and prints the worst frame.
fn report_worst_frames(view: ViewKind) {
    let (ctx, mut app) = app(view);
    let mut frames = Vec::new();
    for n in 0..10 {
        app.request(rename(n));
        frames.extend(settle(&ctx, &mut app));
    }
    frames.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let at = |share: f64| ms(frames[((frames.len() - 1) as f64 * share) as usize].wall);
    let slow: Vec<String> = frames
        .iter()
        .filter(|f| ms(f.wall) > 16.0)
        .map(|f| format!("{:.1}/{:.1}", ms(f.wall), ms(f.cpu)))
        .collect();
    let median = frames[frames.len() / 2].wall;
    // `cargo test` runs benches once, unoptimised, without `--bench`: the probe would only add time.
    let measuring = std::env::args().any(|arg| arg == "--bench");
    let stalls = if measuring {
        machine_stalls(frames.len(), median)
    } else {
        0
    };
    println!(
        "{view:?} view, {TASKS} tasks, {} frames over 10 edits: median {:.1} ms, 99th percentile {:.1} ms, worst {:.1} ms, {} over 16 ms (wall/UI-thread CPU ms: {}); the machine alone: {stalls} of {} loops of {:.1} ms over 16 ms",
        frames.len(),
        at(0.5),
        at(0.99),
        at(1.0),
        slow.len(),
        slow.join(", "),
        frames.len(),
        ms(median),
    );
}

fn edit_frames(c: &mut Criterion) {
    for view in [
        ViewKind::Table,
        ViewKind::Board,
        ViewKind::Graph,
        ViewKind::Timeline,
        ViewKind::Velocity,
    ] {
        report_worst_frames(view);
    }
    let mut group = c.benchmark_group("edit_frames_100k");
    group.sample_size(10);
    let (ctx, mut app) = app(ViewKind::Table);
    let mut n = 0;
    group.bench_function("frame_applying_an_edit", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                app.request(rename(n));
                total += timed_frame(&ctx, &mut app);
                // Untimed: the next frame starts the analysis, then its result is picked up.
                timed_frame(&ctx, &mut app);
                app.derived.wait(app.document.plan());
                timed_frame(&ctx, &mut app);
            }
            total
        });
    });
    group.bench_function("frame_after_the_analysis", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                app.request(rename(n));
                timed_frame(&ctx, &mut app);
                timed_frame(&ctx, &mut app);
                while app.derived.is_updating() {
                    std::thread::sleep(Duration::from_millis(2));
                    let took = timed_frame(&ctx, &mut app);
                    if !app.derived.is_updating() {
                        total += took;
                    }
                }
            }
            total
        });
    });
    group.finish();
}

criterion_group!(benches, edit_frames);
criterion_main!(benches);
