//! The open file and the disk: watching it, reloading it when someone else changed it (quietly when
//! there is nothing unsaved, with a banner when there is), comparing the two sides, and asking before a
//! save would overwrite a change made since the file was loaded.

use super::effects::{DiskVersion, file_name};
use super::watch::{DiskContents, FileWatch};
use super::{Document, WaymarkApp};
use crate::analysis::{TaskChanges, task_changes};
use crate::io::plan_from_ron;
use crate::model::Plan;
use crate::recovery::FileStamp;
use std::path::PathBuf;
use std::sync::Arc;

/// Most tasks listed per group in the comparison; the rest are counted.
const LISTED: usize = 100;

/// What the app knows about the open file on disk.
#[derive(Debug, Default)]
pub struct DiskState {
    watch: Option<(FileWatch, u64)>,
    /// The text of the version loaded or last saved, to compare against.
    base_text: Option<Arc<str>>,
    /// A change on disk that arrived while there were unsaved changes: the banner shows.
    pub conflict: Option<DiskContents>,
    /// The comparison window, when open.
    comparison: Option<Comparison>,
    /// A save waiting for "Overwrite" because the file changed since it was loaded.
    pub confirm_overwrite: Option<PathBuf>,
}

/// Tasks changed on each side since the version loaded.
#[derive(Debug)]
struct Comparison {
    name: String,
    /// False when the version loaded is not known (recovered work): then the sides are compared directly.
    base_known: bool,
    on_disk: TaskChanges,
    mine: TaskChanges,
}

/// The banner's or the overwrite prompt's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    Reload,
    KeepMine,
    Compare,
    Overwrite,
    SaveAs,
    Cancel,
}

impl WaymarkApp {
    /// Remembers the version of the file the document now matches (after opening or saving it).
    pub(super) fn matches_disk(&mut self, version: DiskVersion) {
        if let Some((watch, _)) = &self.disk.watch
            && Some(watch.path()) == self.document.path.as_deref()
        {
            watch.set_known(&version.stamp);
        }
        self.document.disk_stamp = Some(version.stamp);
        self.disk.base_text = Some(version.text);
        self.disk.conflict = None;
    }

    /// Takes the version recovered work was based on as the version loaded: the original file's text
    /// when it is still that version, else nothing (Compare then compares the two sides directly).
    pub(super) fn recovered_over(&mut self, stamp: Option<FileStamp>) {
        let base = self
            .document
            .path
            .as_deref()
            .zip(stamp)
            .and_then(|(path, stamp)| {
                let (now, bytes) = FileStamp::read(path).ok()?;
                (now.hash == stamp.hash).then(|| String::from_utf8_lossy(&bytes).into())
            });
        self.disk.base_text = base;
        self.disk.conflict = None;
        self.disk.comparison = None;
    }

    /// Keeps the watch on the open file and handles what it saw; called once a frame.
    pub(super) fn watch_tick(&mut self, ctx: &egui::Context) {
        let wanted = self
            .document
            .path
            .clone()
            .zip(self.document.disk_stamp)
            .map(|(path, stamp)| (path, stamp, self.document.generation));
        let current = self
            .disk
            .watch
            .as_ref()
            .map(|(watch, generation)| (watch.path().to_owned(), *generation));
        match wanted {
            Some((path, stamp, generation)) if current != Some((path.clone(), generation)) => {
                self.document.read_only = super::watch::is_read_only(&path);
                let ctx = ctx.clone();
                let watch = FileWatch::start(path, stamp, move || ctx.request_repaint());
                self.disk.watch = Some((watch, generation));
            }
            None => self.disk.watch = None,
            Some(_) => {}
        }
        let Some(change) = self.disk.watch.as_ref().and_then(|(w, _)| w.poll()) else {
            return;
        };
        self.document.read_only = change.read_only;
        let Some(contents) = change.contents else {
            return;
        };
        let name = self.document.display_name();
        if let Err(message) = &contents.plan {
            self.toasts.error(format!(
                "{name} changed on disk but could not be read: {message}"
            ));
        } else if self.document.history.is_dirty() || self.pending_import.is_some() {
            self.disk.conflict = Some(contents);
        } else {
            self.reload(contents);
        }
    }

    /// Replaces the plan with the version on disk, keeping the view and the selection.
    fn reload(&mut self, contents: DiskContents) {
        let (Ok(plan), Some(path)) = (contents.plan, self.document.path.clone()) else {
            return;
        };
        let name = file_name(&path);
        let read_only = self.document.read_only;
        let mut document = Document::opened(plan, path, self.document.generation + 1);
        document.read_only = read_only;
        self.document = document;
        if let Some(id) = &self.ui_state.selected
            && self.document.plan().task(id).is_none()
        {
            self.ui_state.selected = None;
        }
        self.matches_disk(DiskVersion {
            stamp: contents.stamp,
            text: contents.text,
        });
        self.toasts
            .info(format!("Reloaded: {name} changed on disk"));
    }

    /// True when saving to `path` would overwrite a version of the open file someone else wrote.
    pub(super) fn save_would_overwrite(&self, path: &std::path::Path) -> bool {
        if self.document.path.as_deref() != Some(path) {
            return false;
        }
        match &self.document.disk_stamp {
            Some(stamp) => stamp.changed_on_disk(path),
            None => path.exists(),
        }
    }

    /// The banner shown while the file changed on disk under unsaved changes.
    pub(super) fn disk_banner_ui(&mut self, ui: &mut egui::Ui) {
        if self.disk.conflict.is_none() {
            return;
        }
        let name = self.document.display_name();
        let mut answer = None;
        let fill = ui
            .visuals()
            .panel_fill
            .lerp_to_gamma(ui.visuals().warn_fg_color, 0.18);
        egui::Panel::top("changed-on-disk")
            .frame(egui::Frame::side_top_panel(ui.style()).fill(fill))
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new("⚠").color(ui.visuals().warn_fg_color));
                    ui.label(format!(
                        "{name} changed on disk, and you have unsaved changes."
                    ));
                    if ui
                        .button("Reload (discard mine)")
                        .on_hover_text("Load the version on disk; your unsaved changes are lost")
                        .clicked()
                    {
                        answer = Some(Answer::Reload);
                    }
                    if ui
                        .button("Keep mine")
                        .on_hover_text(
                            "Keep editing your version; saving will ask before overwriting",
                        )
                        .clicked()
                    {
                        answer = Some(Answer::KeepMine);
                    }
                    if ui
                        .button("Compare")
                        .on_hover_text("List the tasks each side added, removed and changed")
                        .clicked()
                    {
                        answer = Some(Answer::Compare);
                    }
                });
            });
        match answer {
            Some(Answer::Reload) => {
                if let Some(contents) = self.disk.conflict.take() {
                    self.disk.comparison = None;
                    self.reload(contents);
                }
            }
            Some(Answer::KeepMine) => {
                self.disk.conflict = None;
                self.toasts.info(format!(
                    "Kept your changes; saving will ask before overwriting {name}"
                ));
            }
            Some(Answer::Compare) => {
                let disk = self
                    .disk
                    .conflict
                    .as_ref()
                    .and_then(|c| c.plan.as_ref().ok())
                    .cloned();
                self.open_comparison(disk);
            }
            _ => {}
        }
    }

    fn open_comparison(&mut self, disk: Option<Plan>) {
        let Some(disk) = disk else {
            return;
        };
        let base = self
            .disk
            .base_text
            .as_deref()
            .and_then(|text| plan_from_ron(text).ok());
        let mine = self.document.plan();
        let comparison = match &base {
            Some(base) => Comparison {
                name: self.document.display_name(),
                base_known: true,
                on_disk: task_changes(base, &disk),
                mine: task_changes(base, mine),
            },
            None => Comparison {
                name: self.document.display_name(),
                base_known: false,
                on_disk: task_changes(mine, &disk),
                mine: task_changes(&disk, mine),
            },
        };
        self.disk.comparison = Some(comparison);
    }

    /// The comparison window, while open.
    pub(super) fn comparison_ui(&mut self, ctx: &egui::Context) {
        let Some(comparison) = &self.disk.comparison else {
            return;
        };
        let mut open = true;
        egui::Window::new(format!("Compare {} with the file on disk", comparison.name))
            .id(egui::Id::unique("compare-with-disk"))
            .open(&mut open)
            .collapsible(false)
            .default_width(620.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                if comparison.base_known {
                    ui.label("Tasks changed on each side since the file was loaded.");
                } else {
                    ui.label(
                        "The version loaded is not known (recovered work): each side is compared with the other.",
                    );
                }
                ui.add_space(6.0);
                ui.columns(2, |columns| {
                    side_ui(&mut columns[0], "On disk", &comparison.on_disk);
                    side_ui(&mut columns[1], "Mine (unsaved)", &comparison.mine);
                });
            });
        if !open {
            self.disk.comparison = None;
        }
    }

    /// Asks before a save overwrites a file that changed since it was loaded; acts on the answer.
    pub(super) fn overwrite_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = self.disk.confirm_overwrite.clone() else {
            return;
        };
        let name = file_name(&path);
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("confirm-overwrite")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(format!("{name} changed on disk"));
            ui.add_space(6.0);
            ui.label(format!(
                "Someone changed {name} after Waymark loaded it. Saving now replaces their version with yours."
            ));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                for (text, choice) in [
                    ("Overwrite", Answer::Overwrite),
                    ("Save as…", Answer::SaveAs),
                    ("Compare", Answer::Compare),
                    ("Cancel", Answer::Cancel),
                ] {
                    if ui.button(text).clicked() {
                        answer = Some(choice);
                    }
                }
            });
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(Answer::Cancel);
        }
        match answer {
            Some(Answer::Overwrite) => {
                self.disk.confirm_overwrite = None;
                self.write_plan(ctx, path);
            }
            Some(Answer::SaveAs) => {
                self.disk.confirm_overwrite = None;
                self.request(crate::views::Request::Command(super::Command::SaveAs));
            }
            Some(Answer::Compare) => {
                self.disk.confirm_overwrite = None;
                self.guard.after_save = None;
                let disk = FileStamp::read(&path)
                    .ok()
                    .and_then(|(_, bytes)| plan_from_ron(&String::from_utf8_lossy(&bytes)).ok());
                self.open_comparison(disk);
            }
            Some(_) => {
                self.disk.confirm_overwrite = None;
                self.guard.after_save = None;
                self.toasts
                    .info(format!("Not saved; {name} on disk is unchanged"));
            }
            None => {}
        }
    }
}

fn side_ui(ui: &mut egui::Ui, heading: &str, changes: &TaskChanges) {
    ui.strong(heading);
    if changes.is_empty() {
        ui.weak("No task changed.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt(heading)
        .max_height(320.0)
        .show(ui, |ui| {
            for (what, list) in [
                ("Added", &changes.added),
                ("Removed", &changes.removed),
                ("Changed", &changes.changed),
            ] {
                if list.is_empty() {
                    continue;
                }
                ui.add_space(4.0);
                ui.weak(format!("{what} ({})", list.len()));
                for (id, title) in list.iter().take(LISTED) {
                    ui.add(egui::Label::new(format!("{id}  {title}")).truncate());
                }
                if list.len() > LISTED {
                    ui.weak(format!("… and {} more", list.len() - LISTED));
                }
            }
        });
}
