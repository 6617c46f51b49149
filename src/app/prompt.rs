//! The unsaved-changes guard: New, Open, Import and Quit ask before dropping changes.

use std::path::PathBuf;

/// An action that would drop the open document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guarded {
    /// Start a new plan.
    New,
    /// Choose a file to open.
    Open,
    /// Choose a Markdown or CSV document to import.
    Import,
    /// Choose a CSV document to import with a column mapping.
    ImportCsvMapped,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Quit,
}

/// What the person answered in the prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptAnswer {
    /// Save, then go on.
    Save,
    /// Drop the changes and go on.
    Discard,
    /// Do nothing.
    Cancel,
}

/// Where the guard is: asking, waiting for a save to finish, or letting the window close.
#[derive(Clone, Debug, Default)]
pub struct UnsavedGuard {
    /// The action the prompt asks about.
    pub asking: Option<Guarded>,
    /// The action to run once the document is saved (after a Save as… dialog).
    pub after_save: Option<Guarded>,
    /// The person agreed to close the window.
    pub allow_close: bool,
}

/// Draws the prompt and returns the answer once given.
pub fn prompt_ui(ctx: &egui::Context, document_name: &str) -> Option<PromptAnswer> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.set_max_width(360.0);
        ui.heading("Unsaved changes");
        ui.add_space(6.0);
        ui.label(format!("Save the changes to “{document_name}” first?"));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(PromptAnswer::Save);
            }
            if ui.button("Don't save").clicked() {
                answer = Some(PromptAnswer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(PromptAnswer::Cancel);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(PromptAnswer::Cancel);
    }
    answer
}
