//! Side effects, all in one place: native file dialogs (on a thread, so the window never freezes),
//! reading plan files and saving them atomically, and ([`pages`]) printing and exporting pages.

pub mod pages;

use super::dialog_log;
use crate::analysis::DatedSchedule;
use crate::files::write_atomic;
use crate::io::{Format, Loaded, decode_text};
use crate::model::Plan;
use crate::recovery::FileStamp;
use std::path::{Path, PathBuf};
use std::sync::Arc;
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
    /// Choose where to write the view's pages in a format.
    ExportView(pages::PageFile),
}

/// The answer of a file dialog: the chosen path, or `None` when the person cancelled.
#[derive(Debug)]
pub struct DialogAnswer {
    /// What the dialog was for.
    pub purpose: DialogPurpose,
    /// The chosen file.
    pub path: Option<PathBuf>,
    /// Why no native dialog could be shown (then the in-app chooser takes over).
    pub failure: Option<String>,
}

/// Runs file dialogs on background threads and hands their answers back on a later frame.
#[derive(Debug)]
pub struct Effects {
    sender: Sender<DialogAnswer>,
    receiver: Receiver<DialogAnswer>,
    dialog_open: bool,
    in_app_reason: Option<String>,
}

impl Default for Effects {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            dialog_open: false,
            in_app_reason: None,
        }
    }
}

impl Effects {
    /// True while a dialog is open (a second one is not started).
    pub fn dialog_open(&self) -> bool {
        self.dialog_open
    }

    /// Uses the in-app chooser instead of native dialogs from now on, saying why.
    pub fn use_in_app_dialogs(&mut self, reason: impl Into<String>) {
        self.in_app_reason = Some(reason.into());
    }

    /// Opens a native file dialog without blocking the window; its answer arrives through [`Self::poll`].
    /// When no native dialog can be shown, the answer says why, and the app shows its own chooser.
    pub fn ask(&mut self, ctx: &egui::Context, purpose: DialogPurpose, suggested_name: &str) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        let sender = self.sender.clone();
        if let Some(reason) = self
            .in_app_reason
            .clone()
            .or_else(dialog_log::unavailable_reason)
        {
            let _ignored = sender.send(DialogAnswer {
                purpose,
                path: None,
                failure: Some(reason),
            });
            ctx.request_repaint();
            return;
        }
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
                    .add_filter("iCalendar (milestones and dated tasks)", &["ics"])
                    .set_title("Export plan")
                    .set_file_name(suggested_name)
                    .save_file(),
                DialogPurpose::ExportView(file) => rfd::FileDialog::new()
                    .add_filter(file.label(), &[file.extension()])
                    .set_title("Export view")
                    .set_file_name(suggested_name)
                    .save_file(),
            };
            let failure = path
                .is_none()
                .then(dialog_log::take_failure)
                .flatten()
                .map(|error| format!("the system file dialog failed ({error})"));
            // The app may have quit while the dialog was open; then nobody is listening.
            let _ignored = sender.send(DialogAnswer {
                purpose,
                path,
                failure,
            });
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
        Self::load_stamped(path).map(|(loaded, _)| loaded)
    }

    /// The text of a CSV document (a `.csv`, or a `.txt` that reads as a table), for the column mapping;
    /// `None` for other formats.
    pub fn read_csv_text(path: &Path) -> Result<Option<String>, String> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !["csv", "txt"]
            .iter()
            .any(|e| extension.eq_ignore_ascii_case(e))
        {
            return Ok(None);
        }
        let (_, bytes) = FileStamp::read(path)?;
        if Format::for_document(extension, &bytes) != Ok(Format::Csv) {
            return Ok(None);
        }
        decode_text(&bytes)
            .map(|text| Some(text.to_owned()))
            .map_err(|e| format!("Could not open {}: {e}", file_name(path)))
    }

    /// [`Self::load`], with the version read (its stamp and text) to watch and compare against.
    pub fn load_stamped(path: &Path) -> Result<(Loaded, DiskVersion), String> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        // An unknown extension is reported before the file is read.
        Format::from_extension(extension).map_err(|e| e.to_string())?;
        let (stamp, bytes) = FileStamp::read(path)?;
        let loaded = Format::for_document(extension, &bytes)
            .and_then(|format| format.read(&bytes))
            .map_err(|e| format!("Could not open {}: {e}", file_name(path)))?;
        let text = String::from_utf8_lossy(&bytes).into();
        Ok((loaded, DiskVersion { stamp, text }))
    }

    /// Opens a file in a second Waymark window (a new process): "Open both" after a recovery.
    pub fn open_in_new_window(path: &Path) -> Result<(), String> {
        let program = std::env::current_exe().map_err(|e| e.to_string())?;
        std::process::Command::new(program)
            .arg(path)
            .spawn()
            .map(drop)
            .map_err(|e| format!("Could not open {} in a new window: {e}", file_name(path)))
    }

    /// Writes the plan in the format the path's extension names (Markdown when it has none; `.ics` is
    /// iCalendar from the dated schedule); the path written to is returned.
    pub fn export(path: &Path, plan: &Plan, dated: &DatedSchedule) -> Result<PathBuf, String> {
        let path = if path.extension().is_some() {
            path.to_owned()
        } else {
            path.with_extension("md")
        };
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        let text = if extension.eq_ignore_ascii_case("ics") {
            crate::export::ical::to_ical(plan, dated)
        } else {
            Format::from_extension(extension)
                .map_err(|e| e.to_string())?
                .write(plan)
        };
        write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
        Ok(path)
    }

    /// Saves a plan as RON, atomically; on failure the old file is intact. Returns the version written.
    pub fn save(path: &Path, plan: &Plan) -> Result<DiskVersion, String> {
        let text = Format::Ron.write(plan);
        write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())?;
        Ok(DiskVersion {
            stamp: FileStamp::of(path, text.as_bytes()),
            text: text.into(),
        })
    }
}

/// A version of a plan file as read or written: its stamp and its text.
#[derive(Clone, Debug)]
pub struct DiskVersion {
    /// Which version.
    pub stamp: FileStamp,
    /// Its text.
    pub text: Arc<str>,
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
