//! The eframe shell: one window with a menu bar, a view switcher, the active view, the inspector and
//! a status bar. Views push requests while drawing; [`WaymarkApp::run_requests`] applies them after.

mod chooser;
mod command;
mod conflicts;
mod csv_mapping;
mod derived;
mod dialog_log;
mod disk;
mod document;
mod effects;
mod fonts;
mod handlers;
mod import_report;
mod menu;
mod print_dialog;
mod prompt;
mod recover_prompt;
mod recovery;
mod settings;
mod toasts;
mod watch;

pub use command::Command;
pub use derived::Derived;
pub use document::Document;
pub use effects::{DialogPurpose, Effects};
pub use fonts::install_fonts;
pub use import_report::PendingImport;
pub use print_dialog::{PrintDialog, PrintPurpose};
pub use prompt::{Guarded, UnsavedGuard};
pub use settings::Settings;
pub use toasts::{Toast, ToastKind, Toasts};

use crate::io::plan_from_ron;
use crate::model::{Plan, TaskId};
use crate::views::board::{BoardState, board_ui};
use crate::views::graph::{GraphState, graph_ui};
use crate::views::inspector::{InspectorState, inspector_ui};
use crate::views::table::{TableState, table_ui};
use crate::views::timeline::{TimelineState, timeline_ui};
use crate::views::velocity::{VelocityState, velocity_ui};
use crate::views::{Request, ViewContext, ViewKind};
use std::path::PathBuf;
use std::process::ExitCode;

/// The bundled sample plan, opened when Waymark starts with no file.
pub const SAMPLE_PLAN: &str = include_str!("../../assets/sample.ron");

/// The sample plan, parsed, with its dates as written (tests use this).
pub fn sample_plan() -> Plan {
    // The sample is checked by a test; should it ever fail to parse, start from an empty plan.
    plan_from_ron(SAMPLE_PLAN).unwrap_or_else(|_| Plan::new("Untitled plan"))
}

/// The sample plan moved by whole weeks so that it was last updated this week: a newcomer always
/// sees a plan under way, with finished work behind today and the rest ahead.
pub fn current_sample_plan(today: chrono::NaiveDate) -> Plan {
    let mut plan = sample_plan();
    if let Some(updated) = plan.meta.updated {
        let weeks = (crate::model::monday_of(today) - crate::model::monday_of(updated)).num_weeks();
        plan.shift_dates(weeks * 7);
    }
    plan
}

/// UI state that is not part of the plan: the selection and each view's own state.
#[derive(Debug, Default)]
pub struct UiState {
    /// The selected task, shared by every view and the inspector.
    pub selected: Option<TaskId>,
    /// The table view's state.
    pub table: TableState,
    /// The inspector's state.
    pub inspector: InspectorState,
    /// The graph view's state.
    pub graph: GraphState,
    /// The board view's state.
    pub board: BoardState,
    /// The timeline view's state.
    pub timeline: TimelineState,
    /// The velocity view's state.
    pub velocity: VelocityState,
}

/// The application.
pub struct WaymarkApp {
    /// The open document.
    pub document: Document,
    /// Remembered preferences.
    pub settings: Settings,
    /// Selection and view states.
    pub ui_state: UiState,
    /// Data derived from the plan, cached on its revision.
    pub derived: Derived,
    /// Messages for the status bar.
    pub toasts: Toasts,
    /// An import waiting for Keep or Discard in its report.
    pub pending_import: Option<PendingImport>,
    /// The date the app treats as today; the clock's date when `None` (tests and benches fix it).
    pub today: Option<chrono::NaiveDate>,
    requests: Vec<Request>,
    effects: Effects,
    guard: UnsavedGuard,
    shown_title: String,
    fonts_installed: bool,
    recovery: recovery::Recovery,
    disk: disk::DiskState,
    chooser: Option<chooser::Chooser>,
    print_dialog: Option<print_dialog::PrintDialog>,
    csv_mapping: csv_mapping::CsvMappingState,
}

impl WaymarkApp {
    /// An app showing a document.
    pub fn new(document: Document, settings: Settings) -> Self {
        Self {
            document,
            settings,
            ui_state: UiState::default(),
            derived: Derived::default(),
            toasts: Toasts::default(),
            pending_import: None,
            today: None,
            requests: Vec::new(),
            effects: Effects::default(),
            guard: UnsavedGuard::default(),
            shown_title: String::new(),
            fonts_installed: false,
            recovery: recovery::Recovery::default(),
            disk: disk::DiskState::default(),
            chooser: None,
            print_dialog: None,
            csv_mapping: csv_mapping::CsvMappingState::default(),
        }
    }

    /// An app on the bundled sample plan with default settings, its dates as written and today fixed
    /// at the day it was last updated (tests use this, so they do not depend on the clock).
    pub fn with_sample() -> Self {
        let plan = sample_plan();
        let today = plan.meta.updated;
        let mut app = Self::new(Document::untitled(plan, 0), Settings::default());
        app.today = today;
        app
    }

    /// The plan shown.
    pub fn plan(&self) -> &Plan {
        self.document.plan()
    }

    /// Queues a request as if a view had pushed it.
    pub fn request(&mut self, request: Request) {
        self.requests.push(request);
    }

    /// Draws one frame and handles what it asked for. Reads like a table of contents.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            fonts::install_fonts(&ctx);
            self.fonts_installed = true;
        }
        self.apply_theme(&ctx);
        self.poll_dialogs();
        self.watch_tick(&ctx);
        let today = self
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        // The shared plan is let go at once, so this frame's edits copy nothing.
        let revision = self.document.revision_key();
        self.derived
            .refresh(&self.document.history.shared_plan(), revision, today, &ctx);
        menu::menu_bar_ui(ui, self);
        self.disk_banner_ui(ui);
        self.status_bar_ui(ui);
        self.conflicts_panel_ui(ui);
        if self.settings.inspector_open {
            self.inspector_panel_ui(ui);
        }
        self.view_ui(ui);
        self.prompt_ui(&ctx);
        self.csv_mapping_ui(&ctx);
        self.import_report_ui(&ctx);
        self.recover_prompt_ui(&ctx);
        self.overwrite_prompt_ui(&ctx);
        self.comparison_ui(&ctx);
        self.print_dialog_ui(&ctx);
        self.chooser_ui(&ctx);
        self.shortcuts(&ctx);
        self.dropped_files(&ctx);
        self.close_request(&ctx);
        self.run_requests(&ctx);
        self.recovery_tick(&ctx);
        self.update_title(&ctx);
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        let theme = if self.settings.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        };
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
    }

    fn view_context<'a>(
        document: &'a Document,
        derived: &'a Derived,
        selected: Option<&'a TaskId>,
        requests: &'a mut Vec<Request>,
    ) -> ViewContext<'a> {
        ViewContext {
            plan: document.history.plan_shared(),
            derived,
            selected,
            requests,
        }
    }

    fn inspector_panel_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(300.0)
            .size_range(260.0..=600.0)
            .show(ui, |ui| {
                let mut ctx = Self::view_context(
                    &self.document,
                    &self.derived,
                    self.ui_state.selected.as_ref(),
                    &mut self.requests,
                );
                inspector_ui(ui, &mut ctx, &mut self.ui_state.inspector);
            });
    }

    fn view_ui(&mut self, ui: &mut egui::Ui) {
        egui::CentralPanel::default().show(ui, |ui| {
            let mut ctx = Self::view_context(
                &self.document,
                &self.derived,
                self.ui_state.selected.as_ref(),
                &mut self.requests,
            );
            match self.settings.view {
                ViewKind::Table => table_ui(ui, &mut ctx, &mut self.ui_state.table),
                ViewKind::Graph => graph_ui(ui, &mut ctx, &mut self.ui_state.graph),
                ViewKind::Board => board_ui(ui, &mut ctx, &mut self.ui_state.board),
                ViewKind::Timeline => timeline_ui(ui, &mut ctx, &mut self.ui_state.timeline),
                ViewKind::Velocity => velocity_ui(ui, &mut ctx, &mut self.ui_state.velocity),
            }
        });
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                match self.toasts.latest() {
                    Some(toast) if toast.kind == ToastKind::Error => {
                        ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", toast.text));
                    }
                    Some(toast) => {
                        ui.label(&toast.text);
                    }
                    None => {
                        ui.weak("Ready");
                    }
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let plan = self.document.plan();
                    let problems = self.derived.problems.len();
                    if problems > 0 {
                        let text = format!(
                            "⚠ {problems} problem{}",
                            if problems == 1 { "" } else { "s" }
                        );
                        ui.colored_label(ui.visuals().warn_fg_color, text)
                            .on_hover_ui(|ui| {
                                for problem in self.derived.problems.iter().take(20) {
                                    ui.label(problem.to_string());
                                }
                            });
                    }
                    ui.label(format!("{} tasks", plan.tasks.len()));
                    if self.derived.is_updating() {
                        ui.weak("updating…")
                            .on_hover_text("The analysis is catching up with the latest change");
                    }
                    if self.document.history.is_dirty() {
                        ui.weak("Unsaved changes");
                    }
                });
            });
        });
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.document.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

impl eframe::App for WaymarkApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let frame = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.ui_root(ui)));
        if let Err(panic) = frame {
            // Unsaved work first, then the crash report; then the panic goes on as before.
            self.write_crash_files();
            std::panic::resume_unwind(panic);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Settings::KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        // A clean quit: the unsaved-changes guard has already asked, so the recovery file goes.
        self.recovery.finish(&self.document);
    }
}

/// Opens the window on a file, or on the bundled sample plan when there is none.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let mut startup_error = None;
    let mut loaded_version = None;
    // A document imported at startup opens with its report over the sample plan (a CSV may yet
    // need its columns mapped, once the settings are read).
    let mut startup_import = None;
    let document = match file {
        Some(path) => match Effects::load_stamped(&path) {
            Ok((loaded, _)) if loaded.report.is_some() => {
                if let Some(report) = loaded.report {
                    startup_import = Some((path, loaded.plan, report));
                }
                Document::untitled(current_sample_plan(chrono::Local::now().date_naive()), 0)
            }
            Ok((loaded, version)) => {
                loaded_version = Some(version);
                Document::opened(loaded.plan, path, 0)
            }
            Err(message) => {
                eprintln!("waymark: {message}");
                startup_error = Some(message);
                Document::untitled(current_sample_plan(chrono::Local::now().date_naive()), 0)
            }
        },
        None => Document::untitled(current_sample_plan(chrono::Local::now().date_naive()), 0),
    };
    let recovery_store = crate::recovery::RecoveryStore::default_location();
    recovery::install_panic_hook(recovery_store.clone());
    dialog_log::install();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(document.window_title())
            .with_inner_size([1360.0, 840.0])
            .with_min_inner_size([640.0, 400.0])
            .with_app_id("waymark")
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Waymark",
        options,
        Box::new(move |cc| {
            let settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, Settings::KEY))
                .unwrap_or_default();
            let mut app = WaymarkApp::new(document, settings);
            if let Some(path) = &app.document.path {
                app.settings.remember(path.clone());
            }
            if let Some((path, plan, report)) = startup_import {
                app.import_at_startup(&path, plan, report);
            }
            if let Some(version) = loaded_version {
                app.matches_disk(version);
            }
            if let Some(store) = recovery_store {
                app.use_recovery_folder(store);
            }
            if let Some(message) = startup_error {
                app.toasts.error(message);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("waymark: could not open the window: {error}");
            ExitCode::from(2)
        }
    }
}
