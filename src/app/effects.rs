//! Side effects, all in one place: native file dialogs (on a thread, so the window never freezes),
//! reading plan files and saving them atomically.

use crate::files::{read_document, write_atomic};
use crate::io::{Format, Loaded};
use crate::model::Plan;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Choose a plan to open.
    Open,
    /// Choose where to save the plan.
    SaveAs,
    /// Choose a Markdown or CSV document to import.
    Import,
    /// Choose where to export the plan as Markdown or CSV.
    Export,
}

/// The answer of a file dialog: the chosen path, or `None` when the person cancelled.
#[derive(Debug)]
pub struct DialogAnswer {
    /// What the dialog was for.
    pub purpose: DialogPurpose,
    /// The chosen file.
    pub path: Option<PathBuf>,
}

/// Runs file dialogs on background threads and hands their answers back on a later frame.
#[derive(Debug)]
pub struct Effects {
    sender: Sender<DialogAnswer>,
    receiver: Receiver<DialogAnswer>,
    dialog_open: bool,
}

impl Default for Effects {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            dialog_open: false,
        }
    }
}

impl Effects {
    /// True while a dialog is open (a second one is not started).
    pub fn dialog_open(&self) -> bool {
        self.dialog_open
    }

    /// Opens a native file dialog without blocking the window; its answer arrives through [`Self::poll`].
    pub fn ask(&mut self, ctx: &egui::Context, purpose: DialogPurpose, suggested_name: &str) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let suggested_name = suggested_name.to_owned();
        std::thread::spawn(move || {
            let plan_files = rfd::FileDialog::new().add_filter("Waymark plan", &["ron"]);
            let documents = rfd::FileDialog::new()
                .add_filter(
                    "Plans from other tools",
                    &["md", "markdown", "csv", "txt", "xml", "gan"],
                )
                .add_filter("Markdown", &["md", "markdown"])
                .add_filter("CSV", &["csv"])
                .add_filter("MS Project XML", &["xml"])
                .add_filter("GanttProject", &["gan"]);
            let path = match purpose {
                DialogPurpose::Open => plan_files.set_title("Open plan").pick_file(),
                DialogPurpose::SaveAs => plan_files
                    .set_title("Save plan as")
                    .set_file_name(suggested_name)
                    .save_file(),
                DialogPurpose::Import => documents.set_title("Import plan").pick_file(),
                DialogPurpose::Export => rfd::FileDialog::new()
                    .add_filter("Markdown", &["md"])
                    .add_filter("CSV", &["csv"])
                    .add_filter("MS Project XML", &["xml"])
                    .add_filter("GanttProject", &["gan"])
                    .set_title("Export plan")
                    .set_file_name(suggested_name)
                    .save_file(),
            };
            // The app may have quit while the dialog was open; then nobody is listening.
            let _ignored = sender.send(DialogAnswer { purpose, path });
            ctx.request_repaint();
        });
    }

    /// The answer of a finished dialog, if one has come in.
    pub fn poll(&mut self) -> Option<DialogAnswer> {
        let answer = self.receiver.try_recv().ok()?;
        self.dialog_open = false;
        Some(answer)
    }

    /// Reads a plan file, in any format Waymark reads; imports (Markdown, CSV) come with their report.
    pub fn load(path: &Path) -> Result<Loaded, String> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        // An unknown extension is reported before the file is read.
        Format::from_extension(extension).map_err(|e| e.to_string())?;
        let bytes = read_document(path).map_err(|e| e.to_string())?;
        Format::for_document(extension, &bytes)
            .and_then(|format| format.read(&bytes))
            .map_err(|e| format!("Could not open {}: {e}", file_name(path)))
    }

    /// Writes the plan in the format the path's extension names (Markdown when it has none); the path
    /// written to is returned.
    pub fn export(path: &Path, plan: &Plan) -> Result<PathBuf, String> {
        let path = if path.extension().is_some() {
            path.to_owned()
        } else {
            path.with_extension("md")
        };
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        let format = Format::from_extension(extension).map_err(|e| e.to_string())?;
        write_atomic(&path, format.write(plan).as_bytes()).map_err(|e| e.to_string())?;
        Ok(path)
    }

    /// Saves a plan as RON, atomically; on failure the old file is intact.
    pub fn save(path: &Path, plan: &Plan) -> Result<(), String> {
        write_atomic(path, Format::Ron.write(plan).as_bytes()).map_err(|e| e.to_string())
    }
}

/// A path's file name for messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A `.ron` path for a save: adds the extension when the person typed none.
pub fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("ron")
    }
}
