//! Waymark's own file chooser, used when no native dialog can be shown (no XDG portal, no zenity) so
//! Open…, Save as…, Import… and Export… always answer. A path field with Tab completion, the current
//! folder's files filtered by type, recent folders, and a line saying why the native dialog was not used.

use super::effects::DialogPurpose;
use super::effects::pages::PageFile;
use std::path::{Path, PathBuf};

/// Most entries listed from one folder.
const LISTED: usize = 500;

/// One entry of the folder listing.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    name: String,
    is_dir: bool,
}

/// The chooser while it is open.
#[derive(Debug)]
pub struct Chooser {
    purpose: DialogPurpose,
    reason: String,
    folder: PathBuf,
    field: String,
    listing: Vec<Entry>,
    listed: Option<PathBuf>,
    message: Option<String>,
    confirm_replace: Option<PathBuf>,
}

/// What the chooser answered.
#[derive(Debug, PartialEq, Eq)]
pub enum ChooserAnswer {
    /// This file was chosen.
    Chosen(PathBuf),
    /// The person cancelled.
    Cancelled,
}

impl Chooser {
    /// A chooser for a purpose, in a folder, with a suggested file name, saying why it is used.
    pub fn new(purpose: DialogPurpose, reason: String, folder: PathBuf, suggested: &str) -> Self {
        let field = folder.join(suggested).display().to_string();
        Self {
            purpose,
            reason,
            folder,
            field,
            listing: Vec::new(),
            listed: None,
            message: None,
            confirm_replace: None,
        }
    }

    /// What the chooser is for.
    pub fn purpose(&self) -> DialogPurpose {
        self.purpose
    }

    fn title(&self) -> &'static str {
        match self.purpose {
            DialogPurpose::Open => "Open plan",
            DialogPurpose::SaveAs => "Save plan as",
            DialogPurpose::Import => "Import plan",
            DialogPurpose::Export => "Export plan",
            DialogPurpose::ExportView(_) => "Export view",
        }
    }

    fn action(&self) -> &'static str {
        match self.purpose {
            DialogPurpose::Open => "Open",
            DialogPurpose::SaveAs => "Save",
            DialogPurpose::Import => "Import",
            DialogPurpose::Export | DialogPurpose::ExportView(_) => "Export",
        }
    }

    fn extensions(&self) -> &'static [&'static str] {
        match self.purpose {
            DialogPurpose::Open | DialogPurpose::SaveAs => &["ron"],
            DialogPurpose::Import => &["md", "markdown", "csv", "txt"],
            DialogPurpose::Export => &["md", "csv", "xml", "gan", "ics"],
            DialogPurpose::ExportView(file) => match file {
                PageFile::Pdf => &["pdf"],
                PageFile::Svg => &["svg"],
                PageFile::Png => &["png"],
            },
        }
    }

    fn saves(&self) -> bool {
        matches!(
            self.purpose,
            DialogPurpose::SaveAs | DialogPurpose::Export | DialogPurpose::ExportView(_)
        )
    }

    /// The typed path, with `~` expanded and relative paths taken from the current folder.
    fn typed_path(&self) -> PathBuf {
        let text = self.field.trim();
        let expanded = match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
            (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
            _ => PathBuf::from(text),
        };
        if expanded.is_absolute() {
            expanded
        } else {
            self.folder.join(expanded)
        }
    }

    fn go_to(&mut self, folder: PathBuf) {
        let name = Path::new(self.field.trim())
            .file_name()
            .filter(|_| self.saves() && !self.field.ends_with('/'))
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.field = format!(
            "{}/{name}",
            folder.display().to_string().trim_end_matches('/')
        );
        self.folder = folder;
        self.message = None;
        self.confirm_replace = None;
    }

    /// Reads the folder when it changed (once, not every frame).
    fn refresh_listing(&mut self) {
        if self.listed.as_ref() == Some(&self.folder) {
            return;
        }
        self.listing = list_folder(&self.folder, self.extensions());
        self.listed = Some(self.folder.clone());
    }

    /// Names in the typed path's folder that start with what was typed after the last `/`.
    fn completions(&self) -> (PathBuf, Vec<Entry>) {
        let typed = self.field.trim();
        let path = self.typed_path();
        let (folder, prefix) = if typed.ends_with('/') || typed.is_empty() {
            (path, String::new())
        } else {
            let prefix = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                path.parent().map(Path::to_owned).unwrap_or_default(),
                prefix,
            )
        };
        let matches = list_folder(&folder, self.extensions())
            .into_iter()
            .filter(|e| e.name.starts_with(&prefix))
            .collect();
        (folder, matches)
    }

    /// Completes the typed path as far as the matching names agree (Tab).
    fn complete(&mut self) {
        let (folder, matches) = self.completions();
        let Some(first) = matches.first() else {
            self.message = Some("Nothing here starts with that".to_owned());
            return;
        };
        let common = matches.iter().fold(first.name.clone(), |common, entry| {
            common
                .chars()
                .zip(entry.name.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect()
        });
        let mut completed = folder.join(&common).display().to_string();
        if matches.len() == 1 && first.is_dir {
            completed.push('/');
            self.folder = folder.join(&common);
        }
        self.field = completed;
        self.message = (matches.len() > 1).then(|| {
            let names: Vec<&str> = matches.iter().take(8).map(|e| e.name.as_str()).collect();
            format!("Matches: {}", names.join(", "))
        });
    }

    /// Checks the typed path and answers when it will do.
    fn confirm(&mut self) -> Option<ChooserAnswer> {
        let path = self.typed_path();
        if path.is_dir() {
            self.go_to(path);
            return None;
        }
        if self.saves() {
            match path.parent() {
                Some(parent) if parent.is_dir() => {}
                _ => {
                    self.message = Some(format!("There is no folder {}", display_parent(&path)));
                    return None;
                }
            }
            if path.exists() && self.confirm_replace.as_ref() != Some(&path) {
                self.message = Some(format!(
                    "{} already exists: press {} again to replace it",
                    file_label(&path),
                    self.action()
                ));
                self.confirm_replace = Some(path);
                return None;
            }
        } else if !path.is_file() {
            self.message = Some(format!("There is no file {}", path.display()));
            return None;
        }
        Some(ChooserAnswer::Chosen(path))
    }

    /// Draws the chooser; returns the answer once given.
    pub fn ui(&mut self, ctx: &egui::Context, recent_folders: &[PathBuf]) -> Option<ChooserAnswer> {
        self.refresh_listing();
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("in-app-chooser")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(self.title());
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("Waymark's own chooser is used because {}.", self.reason),
            );
            ui.add_space(6.0);
            if self.path_field_ui(ui) {
                answer = self.confirm();
            }
            if let Some(message) = &self.message {
                ui.weak(message);
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.label(format!("In {}", self.folder.display()));
                if let Some(parent) = self.folder.parent().map(Path::to_owned)
                    && ui.small_button("⬆ Up").clicked()
                {
                    self.go_to(parent);
                }
            });
            if let Some(chosen) = self.listing_ui(ui) {
                answer = Some(chosen);
            }
            if !recent_folders.is_empty() {
                ui.add_space(6.0);
                ui.label("Recent folders");
                ui.horizontal_wrapped(|ui| {
                    for folder in recent_folders {
                        if ui.small_button(folder.display().to_string()).clicked() {
                            self.go_to(folder.clone());
                        }
                    }
                });
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(self.action()).clicked() {
                    answer = self.confirm();
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(ChooserAnswer::Cancelled);
                }
            });
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(ChooserAnswer::Cancelled);
        }
        answer
    }

    /// The path field; Tab completes, Enter confirms (returns true).
    fn path_field_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let id = egui::Id::unique("in-app-chooser-path");
        let focused = ui.memory(|m| m.has_focus(id));
        if focused && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Tab)) {
            self.complete();
        }
        let entered =
            focused && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
        let response = ui
            .horizontal(|ui| {
                let label = ui.label("Path");
                ui.add(
                    egui::TextEdit::singleline(&mut self.field)
                        .id(id)
                        .desired_width(f32::INFINITY)
                        .hint_text("Type a path; Tab completes")
                        .lock_focus(true),
                )
                .labelled_by(label.id)
            })
            .inner;
        if response.changed() {
            self.message = None;
            self.confirm_replace = None;
        }
        if !ui.memory(|m| m.focused().is_some()) {
            response.request_focus();
        }
        entered
    }

    /// The folder's listing: a click on a folder opens it, on a file puts it in the field, a double
    /// click chooses it.
    fn listing_ui(&mut self, ui: &mut egui::Ui) -> Option<ChooserAnswer> {
        let mut answer = None;
        let mut go = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(240.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    if self.listing.is_empty() {
                        ui.weak(format!(
                            "No folders or {} files here",
                            self.extensions().join("/")
                        ));
                    }
                    for entry in &self.listing {
                        let path = self.folder.join(&entry.name);
                        let text = if entry.is_dir {
                            format!("📁 {}/", entry.name)
                        } else {
                            format!("🗋 {}", entry.name)
                        };
                        let selected = !entry.is_dir && self.typed_path() == path;
                        let response = ui.selectable_label(selected, text);
                        if entry.is_dir && response.clicked() {
                            go = Some(path);
                        } else if response.double_clicked() {
                            answer = Some(ChooserAnswer::Chosen(path));
                        } else if response.clicked() {
                            self.field = path.display().to_string();
                            self.message = None;
                        }
                    }
                });
        });
        if let Some(folder) = go {
            self.go_to(folder);
        }
        answer
    }
}

/// The folders of recently used files, newest first, without repeats.
pub fn recent_folders(recent: &[PathBuf]) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for folder in recent.iter().filter_map(|p| p.parent()) {
        if folder.is_dir() && !folders.iter().any(|f| f == folder) {
            folders.push(folder.to_owned());
        }
    }
    folders.truncate(6);
    folders
}

/// Folders first, then files with one of the extensions; hidden entries left out; sorted by name.
fn list_folder(folder: &Path, extensions: &[&str]) -> Vec<Entry> {
    let Ok(read) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            let is_dir = entry.path().is_dir();
            let wanted = is_dir
                || Path::new(&name)
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)));
            wanted.then_some(Entry { name, is_dir })
        })
        .collect();
    entries.sort_by(|a, b| b.is_dir.cmp(&a.is_dir).then_with(|| a.name.cmp(&b.name)));
    entries.truncate(LISTED);
    entries
}

fn display_parent(path: &Path) -> String {
    path.parent()
        .map_or_else(|| path.display().to_string(), |p| p.display().to_string())
}

fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl super::WaymarkApp {
    /// Uses the in-app chooser instead of native dialogs, saying why (tests; `WAYMARK_NATIVE_DIALOGS=0`
    /// does the same for the app).
    pub fn use_in_app_dialogs(&mut self, reason: impl Into<String>) {
        self.effects.use_in_app_dialogs(reason);
    }

    /// Opens the in-app chooser for a purpose, saying why the native dialog was not used.
    pub(super) fn open_chooser(&mut self, purpose: DialogPurpose, reason: String) {
        let suggested = match purpose {
            DialogPurpose::SaveAs => self.suggested_file_name(),
            DialogPurpose::Export => self.suggested_file_name().replace(".ron", ".md"),
            DialogPurpose::ExportView(file) => self
                .suggested_file_name()
                .replace(".ron", &format!(".{}", file.extension())),
            DialogPurpose::Open | DialogPurpose::Import => String::new(),
        };
        let folder = self
            .document
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .filter(|p| p.is_dir())
            .map(Path::to_owned)
            .or_else(|| recent_folders(&self.settings.recent).into_iter().next())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        self.chooser = Some(Chooser::new(purpose, reason, folder, &suggested));
    }

    /// Draws the in-app chooser while it is open, and acts on its answer.
    pub(super) fn chooser_ui(&mut self, ctx: &egui::Context) {
        let Some(chooser) = &mut self.chooser else {
            return;
        };
        let recent = recent_folders(&self.settings.recent);
        let Some(answer) = chooser.ui(ctx, &recent) else {
            return;
        };
        let purpose = chooser.purpose();
        self.chooser = None;
        let path = match answer {
            ChooserAnswer::Chosen(path) => Some(path),
            ChooserAnswer::Cancelled => None,
        };
        self.dialog_answered(purpose, path);
    }
}
