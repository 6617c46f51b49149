//! What the window benches share: one whole-window frame of the app, run by egui without a window.

use std::hint::black_box;
use waymark::app::WaymarkApp;

/// The app's allocator (see `src/main.rs`), so the window benches measure what the app runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A laptop-sized window's input.
fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..egui::RawInput::default()
    }
}

/// One frame of the whole window, as eframe would run it; the texture updates are dropped unpainted.
pub fn frame(ctx: &egui::Context, app: &mut WaymarkApp) {
    let output = ctx.run_ui(input(), |ui| app.ui_root(ui));
    black_box(&output.shapes);
    output.drop_without_applying_deltas();
}
