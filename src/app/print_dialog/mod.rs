//! File → Print… and File → Export view…: one dialog with the page setup, a live page count with the
//! smallest text size, thumbnails of the real pages (made on a worker thread), and Print or Export.
//! The setup is kept in the plan (one undo step) when a print or export is made with it.

mod form;

use super::WaymarkApp;
use super::effects::pages::{
    PageAction, PageFile, PageOutcome, PageRequest, PageWork, load_printers,
};
use super::effects::{DialogPurpose, file_name};
use crate::cups::{CupsError, PrintJob, Printer};
use crate::edit::Edit;
use crate::export::PageFormat;
use crate::export::page::{PageSummary, PrintContext};
use crate::export::timeline::{Row, Rows, TimelineMode, TimelineOptions};
use crate::export::views::{ExportDays, ExportView, ViewSettings};
use crate::model::{PageSetup, PrintScale};
use crate::views::{Request, ViewKind};
use egui::{ColorImage, TextureHandle, TextureOptions};
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

/// Width of a page thumbnail in pixels.
const THUMBNAIL_WIDTH: u32 = 260;
/// Most thumbnails shown.
const MOST_THUMBNAILS: usize = 12;

/// What the dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintPurpose {
    /// Print on a CUPS printer.
    Print,
    /// Write a PDF, SVG or PNG.
    Export,
}

/// The printers, as far as they are known.
enum PrinterList {
    Loading(Receiver<Result<Vec<Printer>, CupsError>>),
    Ready(Vec<Printer>),
    Failed(String),
}

/// The print and export dialog's state.
pub struct PrintDialog {
    purpose: PrintPurpose,
    view: ExportView,
    setup: PageSetup,
    file: PageFile,
    dpi: f32,
    copies: u32,
    page_ranges: String,
    printers: PrinterList,
    printer: Option<String>,
    groups: Vec<(String, String)>,
    preview: PageWork,
    output: PageWork,
    previewed: Option<(ExportView, PageSetup, u64)>,
    summary: Option<(PageSummary, usize)>,
    thumbnails: Vec<TextureHandle>,
    status: Option<(String, bool)>,
    offer_pdf: bool,
    export_to: Option<PathBuf>,
}

impl PrintDialog {
    /// The page count line ("2 pages (2 wide × 1 tall)"), once the preview has counted them.
    pub fn page_count(&self) -> Option<String> {
        self.summary
            .as_ref()
            .map(|(summary, pages)| summary.describe(*pages))
    }
}

impl WaymarkApp {
    /// Opens the print or export dialog on the view shown, with the plan's page setup.
    pub(super) fn open_print_dialog(&mut self, ctx: &egui::Context, purpose: PrintPurpose) {
        if let Some(dialog) = &mut self.print_dialog {
            dialog.purpose = purpose;
            return;
        }
        let view = self.export_view();
        let gantt = TimelineOptions {
            mode: TimelineMode::Gantt,
            ..self.ui_state.timeline.options.clone()
        };
        let rows = Rows::build(self.plan(), &self.derived.dated, &gantt);
        let groups = rows
            .rows
            .iter()
            .filter_map(|row| match row {
                Row::Group(group) => Some((group.key.clone(), group.label.clone())),
                _ => None,
            })
            .collect();
        self.print_dialog = Some(PrintDialog {
            purpose,
            view,
            setup: self
                .plan()
                .meta
                .page_setup
                .as_deref()
                .cloned()
                .unwrap_or_default(),
            file: PageFile::Pdf,
            dpi: crate::export::png::DEFAULT_DPI,
            copies: 1,
            page_ranges: String::new(),
            printers: PrinterList::Loading(load_printers(ctx)),
            printer: None,
            groups,
            preview: PageWork::default(),
            output: PageWork::default(),
            previewed: None,
            summary: None,
            thumbnails: Vec::new(),
            status: None,
            offer_pdf: false,
            export_to: None,
        });
    }

    /// The page count the open dialog shows, for tests and the status bar.
    pub fn print_dialog(&self) -> Option<&PrintDialog> {
        self.print_dialog.as_ref()
    }

    /// The view that prints from the view on screen (the table prints as the Gantt chart).
    fn export_view(&self) -> ExportView {
        match self.settings.view {
            ViewKind::Timeline if self.ui_state.timeline.options.mode == TimelineMode::Roadmap => {
                ExportView::Roadmap
            }
            ViewKind::Table | ViewKind::Timeline => ExportView::Timeline,
            ViewKind::Board => ExportView::Board,
            ViewKind::Graph => ExportView::Graph,
            ViewKind::Velocity => ExportView::Velocity,
        }
    }

    /// What a page job draws from: the plan now, the setup and the views' settings.
    fn page_request(&self, view: ExportView, setup: &PageSetup) -> PageRequest {
        let today = self.derived.today;
        PageRequest {
            plan: self.document.history.shared_plan(),
            view,
            setup: setup.clone(),
            print: PrintContext {
                title: self.plan().meta.title.clone(),
                view: view.title().to_owned(),
                file_name: self
                    .document
                    .path
                    .as_deref()
                    .map(file_name)
                    .unwrap_or_default(),
                printed: today,
                visible: Some(self.ui_state.timeline.visible_dates()),
            },
            days: ExportDays { today, start: None },
            settings: ViewSettings {
                timeline: self.ui_state.timeline.options.clone(),
                board: self.ui_state.board.export_settings(),
            },
        }
    }

    /// Writes the dialog's pages to the file chosen in the save dialog (on the dialog's next frame).
    pub(super) fn export_pages_to(&mut self, path: PathBuf) {
        if let Some(dialog) = &mut self.print_dialog {
            dialog.export_to = Some(path);
        }
    }

    fn start_export(&self, ctx: &egui::Context, dialog: &mut PrintDialog, path: PathBuf) {
        let format = match dialog.file {
            PageFile::Pdf => PageFormat::Pdf,
            PageFile::Svg => PageFormat::Svg,
            PageFile::Png => PageFormat::Png { dpi: dialog.dpi },
        };
        let path = if path.extension().is_some() {
            path
        } else {
            path.with_extension(dialog.file.extension())
        };
        let request = self.page_request(dialog.view, &dialog.setup);
        dialog.status = None;
        dialog
            .output
            .start(ctx, request, PageAction::Export { path, format });
    }

    /// Draws the dialog while it is open, and acts on its buttons and finished jobs.
    pub(super) fn print_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.print_dialog.take() else {
            return;
        };
        self.refresh_preview(ctx, &mut dialog);
        if let Some(path) = dialog.export_to.take() {
            self.start_export(ctx, &mut dialog, path);
        }
        let mut open = true;
        let mut action = None;
        let title = match dialog.purpose {
            PrintPurpose::Print => "Print",
            PrintPurpose::Export => "Export view",
        };
        egui::Window::new(title)
            .id(egui::Id::unique("print-dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_size([820.0, 560.0])
            .show(ctx, |ui| {
                action = dialog_body(ui, &mut dialog, self.derived.today);
            });
        if !open || action == Some(DialogAction::Close) {
            dialog.preview.cancel();
            dialog.output.cancel();
            return;
        }
        match action {
            Some(DialogAction::Print) => self.start_print(ctx, &mut dialog),
            Some(DialogAction::ChooseFile | DialogAction::SaveAsPdf) => {
                if action == Some(DialogAction::SaveAsPdf) {
                    dialog.purpose = PrintPurpose::Export;
                    dialog.file = PageFile::Pdf;
                    dialog.offer_pdf = false;
                }
                let stem = self.suggested_file_name().replace(".ron", "");
                let name = format!(
                    "{stem}-{}.{}",
                    slug(dialog.view.title()),
                    dialog.file.extension()
                );
                self.effects
                    .ask(ctx, DialogPurpose::ExportView(dialog.file), &name);
            }
            Some(DialogAction::Close) | None => {}
        }
        let finished = self.finish_output(&mut dialog);
        if !finished {
            self.print_dialog = Some(dialog);
        }
    }

    fn refresh_preview(&self, ctx: &egui::Context, dialog: &mut PrintDialog) {
        if let Some(outcome) = dialog.preview.poll() {
            match outcome {
                PageOutcome::Preview {
                    summary,
                    pages,
                    thumbnails,
                } => {
                    dialog.summary = Some((summary, pages));
                    dialog.thumbnails = thumbnails
                        .into_iter()
                        .enumerate()
                        .map(|(at, thumbnail)| {
                            let image = ColorImage::from_rgba_premultiplied(
                                [thumbnail.width as usize, thumbnail.height as usize],
                                &thumbnail.rgba,
                            );
                            ctx.load_texture(
                                format!("print-page-{at}"),
                                image,
                                TextureOptions::LINEAR,
                            )
                        })
                        .collect();
                }
                PageOutcome::Failed { message, .. } => dialog.status = Some((message, true)),
                _ => {}
            }
        }
        let key = (
            dialog.view,
            dialog.setup.clone(),
            self.document.revision_key(),
        );
        if dialog.previewed.as_ref() != Some(&key) {
            dialog.previewed = Some(key);
            let request = self.page_request(dialog.view, &dialog.setup);
            dialog.preview.start(
                ctx,
                request,
                PageAction::Preview {
                    width: THUMBNAIL_WIDTH,
                    most: MOST_THUMBNAILS,
                },
            );
        }
        if let PrinterList::Loading(receiver) = &dialog.printers
            && let Ok(answer) = receiver.try_recv()
        {
            dialog.printers = match answer {
                Ok(printers) => {
                    dialog.printer = printers
                        .iter()
                        .find(|p| p.default)
                        .or(printers.first())
                        .map(|p| p.name.clone());
                    PrinterList::Ready(printers)
                }
                Err(error) => {
                    dialog.offer_pdf = true;
                    PrinterList::Failed(error.to_string())
                }
            };
        }
    }

    fn start_print(&mut self, ctx: &egui::Context, dialog: &mut PrintDialog) {
        let Some(printer) = dialog.printer.clone() else {
            dialog.status = Some(("Choose a printer first".to_owned(), true));
            return;
        };
        let job = PrintJob {
            printer,
            copies: dialog.copies,
            media: dialog.setup.paper.cups_media(),
            landscape: dialog.setup.landscape,
            title: format!(
                "{} - {}",
                self.plan().meta.title.trim(),
                dialog.view.title()
            ),
            pages: dialog.page_ranges.trim().to_owned(),
        };
        let request = self.page_request(dialog.view, &dialog.setup);
        dialog.status = None;
        dialog.output.start(ctx, request, PageAction::Print(job));
    }

    /// Acts on a finished print or export; true when the dialog is done.
    fn finish_output(&mut self, dialog: &mut PrintDialog) -> bool {
        let Some(outcome) = dialog.output.poll() else {
            return false;
        };
        let message = match outcome {
            PageOutcome::Printed {
                printer,
                job,
                pages,
            } => format!(
                "Sent {pages} page{} to {printer}: job {job}",
                if pages == 1 { "" } else { "s" }
            ),
            PageOutcome::Exported { paths } => {
                let names: Vec<String> = paths.iter().map(|p| file_name(p)).collect();
                format!("Exported {}", names.join(", "))
            }
            PageOutcome::Failed { message, offer_pdf } => {
                dialog.offer_pdf |= offer_pdf;
                dialog.status = Some((message, true));
                return false;
            }
            PageOutcome::Cancelled | PageOutcome::Preview { .. } => return false,
        };
        self.toasts.info(message);
        self.keep_page_setup(&dialog.setup);
        dialog.preview.cancel();
        true
    }

    /// Keeps a page setup in the plan, so it prints the same way next time (one undo step).
    fn keep_page_setup(&mut self, setup: &PageSetup) {
        let plan = self.plan();
        let current = plan.meta.page_setup.as_deref().cloned().unwrap_or_default();
        if plan.meta.page_setup.is_some() && current == *setup {
            return;
        }
        if plan.meta.page_setup.is_none() && *setup == PageSetup::default() {
            return;
        }
        let mut meta = plan.meta.clone();
        meta.page_setup = Some(Box::new(setup.clone()));
        self.request(Request::Edit(Edit::SetMeta(Box::new(meta))));
    }
}

/// What a click in the dialog asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DialogAction {
    Print,
    ChooseFile,
    SaveAsPdf,
    Close,
}

fn dialog_body(
    ui: &mut egui::Ui,
    dialog: &mut PrintDialog,
    today: chrono::NaiveDate,
) -> Option<DialogAction> {
    let mut action = None;
    egui::Panel::bottom("print-dialog-buttons").show(ui, |ui| {
        action = buttons(ui, dialog);
    });
    egui::Panel::left("print-dialog-settings")
        .resizable(false)
        .exact_size(380.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| settings(ui, dialog, today));
        });
    egui::CentralPanel::default().show(ui, |ui| thumbnails(ui, dialog));
    action
}

fn settings(ui: &mut egui::Ui, dialog: &mut PrintDialog, today: chrono::NaiveDate) {
    egui::Grid::new("print-settings")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| {
            ui.label("View");
            let view = egui::ComboBox::from_id_salt("print-view")
                .selected_text(dialog.view.title())
                .show_ui(ui, |ui| {
                    for view in ExportView::ALL {
                        ui.selectable_value(&mut dialog.view, view, view.title());
                    }
                });
            form::named(&view.response, egui::Role::ComboBox, "View");
            ui.end_row();
            match dialog.purpose {
                PrintPurpose::Print => printer_rows(ui, dialog),
                PrintPurpose::Export => format_rows(ui, dialog),
            }
            form::setup_form(ui, &mut dialog.setup, dialog.view, &dialog.groups, today);
        });
    ui.separator();
    summary_lines(ui, dialog);
}

fn printer_rows(ui: &mut egui::Ui, dialog: &mut PrintDialog) {
    ui.label("Printer");
    match &dialog.printers {
        PrinterList::Loading(_) => {
            ui.weak("Looking for printers…");
        }
        PrinterList::Failed(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        PrinterList::Ready(printers) if printers.is_empty() => {
            ui.colored_label(ui.visuals().warn_fg_color, "No printer is set up in CUPS");
        }
        PrinterList::Ready(printers) => {
            let selected = dialog.printer.clone().unwrap_or_default();
            let combo = egui::ComboBox::from_id_salt("print-printer")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for printer in printers {
                        let label = if printer.default {
                            format!("{} (default)", printer.name)
                        } else {
                            printer.name.clone()
                        };
                        ui.selectable_value(&mut dialog.printer, Some(printer.name.clone()), label);
                    }
                });
            form::named(&combo.response, egui::Role::ComboBox, "Printer");
        }
    }
    ui.end_row();
    ui.label("Copies");
    let copies = ui.add(egui::DragValue::new(&mut dialog.copies).range(1..=99));
    form::named(&copies, egui::Role::SpinButton, "Copies");
    ui.end_row();
    ui.label("Pages");
    ui.add(
        egui::TextEdit::singleline(&mut dialog.page_ranges)
            .hint_text("all, or 1-3,5")
            .desired_width(120.0),
    );
    ui.end_row();
}

fn format_rows(ui: &mut egui::Ui, dialog: &mut PrintDialog) {
    ui.label("Format");
    ui.horizontal(|ui| {
        for file in PageFile::ALL {
            ui.radio_value(&mut dialog.file, file, file.label());
        }
    });
    ui.end_row();
    if dialog.file == PageFile::Png {
        ui.label("Resolution");
        ui.add(
            egui::DragValue::new(&mut dialog.dpi)
                .range(72.0..=600.0)
                .speed(4.0)
                .suffix(" dpi"),
        );
        ui.end_row();
    }
}

fn summary_lines(ui: &mut egui::Ui, dialog: &mut PrintDialog) {
    let Some((summary, pages)) = dialog.summary.clone() else {
        ui.weak("Counting pages…");
        return;
    };
    ui.label(egui::RichText::new(summary.describe(pages)).strong());
    if summary.too_small() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("⚠ {}", summary.legibility()),
        );
        if let Some(fix) = fix_for(&summary)
            && ui.button(fix.0).clicked()
        {
            dialog.setup.scale = fix.1;
        }
    } else {
        ui.label(summary.legibility());
    }
    if dialog.preview.running() {
        ui.weak("Updating the preview…");
    }
}

/// The button that follows the legibility advice, and the scale it sets.
fn fix_for(summary: &PageSummary) -> Option<(String, PrintScale)> {
    let advice = summary.advice.as_deref()?;
    let grid = advice.split(" would give").next()?;
    let numbers: Vec<u32> = grid
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let (wide, tall) = match numbers.as_slice() {
        [wide, tall] => (*wide, *tall),
        [n] if grid.contains("wide") => (*n, summary.pages_tall),
        [n] => (summary.pages_wide, *n),
        _ => return None,
    };
    Some((format!("Use {grid}"), PrintScale::FitPages { wide, tall }))
}

fn thumbnails(ui: &mut egui::Ui, dialog: &PrintDialog) {
    if dialog.thumbnails.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.weak("Drawing the pages…");
        });
        return;
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for (at, texture) in dialog.thumbnails.iter().enumerate() {
                ui.vertical(|ui| {
                    ui.add(
                        egui::Image::from_texture(texture)
                            .fit_to_original_size(1.0)
                            .bg_fill(egui::Color32::WHITE),
                    );
                    ui.weak(format!("Page {}", at + 1));
                });
            }
        });
        if let Some((_, pages)) = &dialog.summary
            && *pages > dialog.thumbnails.len()
        {
            ui.weak(format!(
                "…and {} more pages",
                pages - dialog.thumbnails.len()
            ));
        }
    });
}

fn buttons(ui: &mut egui::Ui, dialog: &mut PrintDialog) -> Option<DialogAction> {
    let mut action = None;
    if let Some((message, error)) = &dialog.status {
        if *error {
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {message}"));
        } else {
            ui.label(message);
        }
    }
    ui.horizontal(|ui| {
        if let Some((done, total)) = dialog.output.progress() {
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(200.0)
                    .text(format!("{done} of {total}")),
            );
            if ui.button("Cancel").clicked() {
                dialog.output.cancel();
            }
            return;
        }
        let busy = dialog.summary.is_none();
        match dialog.purpose {
            PrintPurpose::Print => {
                let can_print = matches!(&dialog.printers, PrinterList::Ready(p) if !p.is_empty())
                    && dialog.printer.is_some();
                if ui
                    .add_enabled(can_print && !busy, egui::Button::new("Print"))
                    .clicked()
                {
                    action = Some(DialogAction::Print);
                }
                if (dialog.offer_pdf || !can_print) && ui.button("Save as PDF…").clicked() {
                    action = Some(DialogAction::SaveAsPdf);
                }
            }
            PrintPurpose::Export => {
                if ui
                    .add_enabled(!busy, egui::Button::new("Export…"))
                    .clicked()
                {
                    action = Some(DialogAction::ChooseFile);
                }
            }
        }
        if ui.button("Close").clicked() {
            action = Some(DialogAction::Close);
        }
    });
    action
}

fn slug(text: &str) -> String {
    text.to_lowercase().replace(' ', "-")
}
