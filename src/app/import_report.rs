//! The import report: after a Markdown or CSV import, what was recognised and each warning, with Keep
//! and Discard. The imported plan is shown behind the report; Discard brings the previous document back.

use super::effects::{Effects, file_name};
use super::{Document, WaymarkApp};
use crate::io::{ImportReport, WarningGroup};
use crate::model::Plan;
use std::path::Path;

/// An import waiting for the person's answer.
#[derive(Debug)]
pub struct PendingImport {
    /// What the import recognised.
    pub report: ImportReport,
    /// The report's warnings, repeats grouped (computed once, when the import is shown).
    pub warning_groups: Vec<WarningGroup>,
    /// The imported file's name.
    pub file_name: String,
    /// The document that was open before, restored on Discard.
    pub previous: Document,
}

/// The answer given in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ReportAnswer {
    Keep,
    Discard,
}

/// Most warnings listed in the report; the rest are counted.
const LISTED_WARNINGS: usize = 200;

impl WaymarkApp {
    /// A plan imported from a file given on the command line (Markdown or CSV): its report opens
    /// over the sample plan, as after File → Import… (Keep keeps the plan, Discard goes back to
    /// the sample); a CSV whose columns File → Import… would map first opens the mapping dialog.
    pub fn import_at_startup(&mut self, path: &Path, plan: Plan, report: ImportReport) {
        if !self.map_startup_csv(path) {
            self.begin_import(plan, report, file_name(path));
        }
    }

    /// Shows an imported plan as a new, unsaved document and opens its report.
    pub(super) fn begin_import(&mut self, plan: Plan, report: ImportReport, file_name: String) {
        let imported = Document::imported(plan, self.document.generation + 1);
        let replaced = std::mem::replace(&mut self.document, imported);
        // A second import while a report is open replaces the first; Discard still goes back to the start.
        let previous = match self.pending_import.take() {
            Some(earlier) => earlier.previous,
            None => replaced,
        };
        self.ui_state.selected = None;
        self.pending_import = Some(PendingImport {
            warning_groups: report.grouped_warnings(),
            report,
            file_name,
            previous,
        });
    }

    /// Draws the report while an import is pending, and keeps or discards the import on the answer.
    pub(super) fn import_report_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = &self.pending_import else {
            return;
        };
        let Some(answer) = report_ui(ctx, pending) else {
            return;
        };
        let Some(pending) = self.pending_import.take() else {
            return;
        };
        match answer {
            ReportAnswer::Keep => self.toasts.info(format!(
                "Imported {} ({} tasks); not saved yet",
                pending.file_name, pending.report.tasks
            )),
            ReportAnswer::Discard => {
                self.replace_document(pending.previous);
                self.toasts
                    .info(format!("Discarded the import of {}", pending.file_name));
            }
        }
    }

    /// Exports the plan to a file chosen in the Export dialog.
    pub(super) fn export_to(&mut self, path: &Path) {
        match Effects::export(path, self.document.plan(), &self.derived.dated) {
            Ok(written) => self.toasts.info(format!(
                "Exported {} ({} tasks)",
                file_name(&written),
                self.document.plan().tasks.len()
            )),
            Err(message) => self.toasts.error(message),
        }
    }
}

fn report_ui(ctx: &egui::Context, pending: &PendingImport) -> Option<ReportAnswer> {
    let report = &pending.report;
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("import-report")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading("Import report");
        ui.add_space(4.0);
        ui.label(format!(
            "{} was read as {}.",
            pending.file_name, report.format
        ));
        if !report.recognised.is_empty() {
            ui.label(format!("{}.", report.recognised));
        }
        ui.add_space(8.0);
        egui::Grid::new("import-counts")
            .num_columns(2)
            .spacing([24.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                for (what, count) in [
                    ("Tasks", report.tasks),
                    ("Checklist items", report.checklist_items),
                    ("Phases", report.phases),
                    ("Sprints", report.sprints),
                    ("Milestones", report.milestones),
                    ("Dependencies", report.dependencies),
                    ("Velocity records", report.velocity_records),
                    ("Note sections", report.note_sections),
                ] {
                    ui.label(what);
                    ui.label(count.to_string());
                    ui.end_row();
                }
            });
        summary_ui(ui, report);
        ui.add_space(8.0);
        warnings_ui(ui, report, &pending.warning_groups);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .button("Keep")
                .on_hover_text("Keep the imported plan as a new, unsaved plan")
                .clicked()
            {
                answer = Some(ReportAnswer::Keep);
            }
            if ui
                .button("Discard")
                .on_hover_text("Go back to the plan that was open before")
                .clicked()
            {
                answer = Some(ReportAnswer::Discard);
            }
        });
    });
    answer
}

/// What became what, folded away unless opened.
fn summary_ui(ui: &mut egui::Ui, report: &ImportReport) {
    if report.summary.is_empty() {
        return;
    }
    ui.add_space(4.0);
    egui::CollapsingHeader::new("What became what")
        .id_salt("import-summary")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("import-summary-scroll")
                .max_height(140.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for line in &report.summary {
                        ui.label(line);
                    }
                });
        });
}

fn warnings_ui(ui: &mut egui::Ui, report: &ImportReport, groups: &[WarningGroup]) {
    if report.warnings.is_empty() {
        ui.label("Everything was understood.");
        return;
    }
    let count = report.warnings.len();
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!(
            "⚠ {count} warning{}: kept as written, see below",
            if count == 1 { "" } else { "s" }
        ),
    );
    egui::ScrollArea::vertical()
        .max_height(180.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for group in groups.iter().take(LISTED_WARNINGS) {
                ui.label(sentence(&group.to_string()));
            }
            if groups.len() > LISTED_WARNINGS {
                ui.weak(format!(
                    "… and {} more kinds of warning",
                    groups.len() - LISTED_WARNINGS
                ));
            }
        });
}

/// The text with its first letter in upper case ("line 3: …" → "Line 3: …").
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
