//! UI tests: drive the app as a person would, by widget labels, and check the plan.

mod board;
mod chooser;
mod conflicts;
mod disk_changes;
mod files;
mod graph;
mod import;
mod inspector;
mod print;
mod recovery;
mod shell;
mod timeline;
mod velocity;

use egui_kittest::Harness;
use waymark::app::WaymarkApp;
use waymark::model::TaskId;

/// The app on the bundled sample plan, in a window of a common laptop size.
pub fn harness() -> Harness<'static, WaymarkApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(
            |ui, app: &mut WaymarkApp| app.ui_root(ui),
            WaymarkApp::with_sample(),
        );
    harness.run();
    harness
}

/// The task with an id, which must exist.
pub fn task<'a>(app: &'a WaymarkApp, id: &str) -> &'a waymark::model::Task {
    app.plan()
        .task(&TaskId::from(id))
        .unwrap_or_else(|| panic!("no task {id}"))
}

/// An app whose "today" is fixed at 2026-02-02, so dates in snapshots do not follow the clock.
pub fn on_fixed_day(mut app: WaymarkApp) -> WaymarkApp {
    app.today = "2026-02-02".parse().ok();
    app
}
