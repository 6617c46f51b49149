//! The CSV column mapping: before a CSV import whose header is doubtful, has a remembered mapping, or
//! when asked for (File → Import CSV with column mapping…), each column gets the field it fills, chosen
//! from a list beside the first rows. The choice is remembered by the header's signature.

use super::effects::file_name;
use super::{Effects, WaymarkApp};
use crate::io::{CsvChoice, CsvColumns, CsvMapping, csv_columns, import_csv_mapped};
use std::path::Path;

/// Longest preview cell shown, in characters; longer ones end in an ellipsis.
const PREVIEW_CHARS: usize = 28;

/// The mapping dialog's state, and whether the next imported file was asked to be mapped.
#[derive(Debug, Default)]
pub struct CsvMappingState {
    /// The person chose "Import CSV with column mapping…": the next CSV shows the dialog.
    pub asked: bool,
    dialog: Option<MappingDialog>,
}

/// A CSV waiting for its columns to be mapped.
#[derive(Debug)]
struct MappingDialog {
    file_name: String,
    text: String,
    columns: CsvColumns,
    choices: Vec<CsvChoice>,
    error: Option<String>,
}

/// The answer given in the dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MappingAnswer {
    Import,
    Cancel,
}

impl WaymarkApp {
    /// A CSV given on the command line: when File → Import… would show the mapping dialog (a
    /// doubtful header, or a mapping remembered for it), the dialog opens over the sample plan
    /// Waymark started on; Import then goes on like any import and Cancel leaves the sample. True
    /// when the dialog opened.
    pub fn map_startup_csv(&mut self, path: &Path) -> bool {
        let Ok(Some(text)) = Effects::read_csv_text(path) else {
            return false;
        };
        self.offer_csv_mapping(text, file_name(path), false)
    }

    /// Opens the mapping dialog for a CSV's text when `asked`, when its header is doubtful or when a
    /// mapping is remembered for it; false when the plain import should go on instead.
    pub(super) fn offer_csv_mapping(
        &mut self,
        text: String,
        file_name: String,
        asked: bool,
    ) -> bool {
        let Ok(columns) = csv_columns(&text) else {
            return false;
        };
        let remembered = self
            .settings
            .csv_mappings
            .get(&columns.signature())
            .filter(|choices| choices.len() == columns.headers.len())
            .cloned();
        if !asked && remembered.is_none() && !columns.is_ambiguous() {
            return false;
        }
        let choices = remembered.unwrap_or_else(|| columns.default_mapping().choices);
        self.csv_mapping.dialog = Some(MappingDialog {
            file_name,
            text,
            columns,
            choices,
            error: None,
        });
        true
    }

    /// Draws the mapping dialog while a CSV waits for it; Import goes on like any import (with its
    /// report), Cancel leaves the document as it was.
    pub(super) fn csv_mapping_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.csv_mapping.dialog else {
            return;
        };
        match dialog_ui(ctx, dialog) {
            None => {}
            Some(MappingAnswer::Cancel) => {
                let file = dialog.file_name.clone();
                self.csv_mapping.dialog = None;
                self.toasts.info(format!("Did not import {file}"));
            }
            Some(MappingAnswer::Import) => {
                let mapping = CsvMapping {
                    choices: dialog.choices.clone(),
                };
                match import_csv_mapped(&dialog.text, &mapping) {
                    Ok(imported) => {
                        let signature = dialog.columns.signature();
                        let file = dialog.file_name.clone();
                        self.csv_mapping.dialog = None;
                        self.settings
                            .remember_csv_mapping(signature, mapping.choices);
                        self.begin_import(imported.plan, imported.report, file);
                    }
                    Err(error) => dialog.error = Some(error.to_string()),
                }
            }
        }
    }
}

fn dialog_ui(ctx: &egui::Context, dialog: &mut MappingDialog) -> Option<MappingAnswer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("csv-mapping")).show(ctx, |ui| {
        ui.set_max_width(ctx.content_rect().width() - 80.0);
        ui.heading("Map CSV columns");
        ui.add_space(4.0);
        let why = match dialog.columns.tracker() {
            Some(tracker) => format!(" (a {tracker} export)"),
            None => String::new(),
        };
        ui.label(format!(
            "Choose what each column of {}{why} becomes. The choice is remembered for files with the same header.",
            dialog.file_name
        ));
        ui.add_space(8.0);
        egui::ScrollArea::both()
            .max_height(ctx.content_rect().height() * 0.6)
            .auto_shrink([true, true])
            .show(ui, |ui| columns_grid_ui(ui, dialog));
        if let Some(error) = &dialog.error {
            ui.add_space(6.0);
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .button("Import")
                .on_hover_text("Import the file with these columns")
                .clicked()
            {
                answer = Some(MappingAnswer::Import);
            }
            if ui
                .button("Cancel")
                .on_hover_text("Do not import; the open plan stays as it is")
                .clicked()
            {
                answer = Some(MappingAnswer::Cancel);
            }
        });
    });
    answer
}

/// One row per column: its header, the field it becomes, and its first values.
fn columns_grid_ui(ui: &mut egui::Ui, dialog: &mut MappingDialog) {
    let preview = &dialog.columns.preview;
    egui::Grid::new("csv-mapping-grid")
        .num_columns(2 + preview.len())
        .spacing([16.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Column");
            ui.strong("Becomes");
            for row in 1..=preview.len() {
                ui.strong(format!("Row {row}"));
            }
            ui.end_row();
            for (index, header) in dialog.columns.headers.iter().enumerate() {
                let shown = if header.is_empty() {
                    format!("Column {}", index + 1)
                } else {
                    header.clone()
                };
                let label = ui.label(&shown);
                if let Some(choice) = dialog.choices.get_mut(index) {
                    let chosen = *choice;
                    egui::ComboBox::from_id_salt(("csv-column", index))
                        .selected_text(chosen.label())
                        .width(170.0)
                        .height(360.0)
                        .show_ui(ui, |ui| {
                            for option in CsvChoice::all() {
                                ui.selectable_value(choice, option, option.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                }
                for row in preview {
                    let cell = row.get(index).map_or("", String::as_str);
                    ui.label(shorten(cell)).on_hover_text(cell);
                }
                ui.end_row();
            }
        });
}

/// A preview cell cut to [`PREVIEW_CHARS`].
fn shorten(cell: &str) -> String {
    match cell.char_indices().nth(PREVIEW_CHARS) {
        Some((at, _)) => format!("{}…", &cell[..at]),
        None => cell.to_owned(),
    }
}
