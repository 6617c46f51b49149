//! The prompt on the first frame after a crash: "Recover unsaved changes to plan.ron (last edited
//! 14:02)?" with Recover, Discard and Open both, one piece of waiting work at a time.
//!
//! Waymark has one document per window, so Open both recovers the work in this window and opens the
//! original file in a second Waymark window (a new process), where the two can be compared side by side.

use super::effects::Effects;
use super::{Document, WaymarkApp};
use crate::recovery::{RecoveryEntry, RecoveryStore};

/// The answer given in the prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RecoverAnswer {
    Recover,
    Discard,
    OpenBoth,
    Later,
}

impl WaymarkApp {
    /// Uses a recovery folder: unsaved work is written there, and work a crashed session left there is
    /// offered. (The app started by `waymark` uses the default folder; tests pass a temporary one.)
    pub fn use_recovery_folder(&mut self, store: RecoveryStore) {
        let offers = store
            .list()
            .into_iter()
            .filter(RecoveryEntry::is_orphaned)
            .collect();
        self.recovery = super::recovery::Recovery::new(Some(store));
        self.recovery.offers = offers;
    }

    /// Shows the recovery prompt while work is waiting, and acts on the answer.
    pub(super) fn recover_prompt_ui(&mut self, ctx: &egui::Context) {
        if self.pending_import.is_some() {
            return;
        }
        let Some(entry) = self.recovery.offers.first().cloned() else {
            return;
        };
        let waiting = self.recovery.offers.len();
        let Some(answer) = prompt_ui(ctx, &entry, waiting) else {
            return;
        };
        self.recovery.offers.remove(0);
        let name = entry.meta.name();
        match answer {
            RecoverAnswer::Recover => self.recover(&entry),
            RecoverAnswer::OpenBoth => {
                self.recover(&entry);
                if let Some(original) = &entry.meta.original
                    && let Err(message) = Effects::open_in_new_window(original)
                {
                    self.toasts.error(message);
                }
            }
            RecoverAnswer::Discard => {
                if let Some(store) = self.recovery.store() {
                    store.remove(&entry.id);
                }
                self.toasts
                    .info(format!("Discarded the unsaved changes to {name}"));
            }
            RecoverAnswer::Later => self.toasts.info(format!(
                "The unsaved changes to {name} wait for the next start (waymark recover --list)"
            )),
        }
    }

    /// Brings recovered work back as an unsaved document over its original file.
    fn recover(&mut self, entry: &RecoveryEntry) {
        let Some(store) = self.recovery.store().cloned() else {
            return;
        };
        let plan = match store.read_plan(&entry.id) {
            Ok(plan) => plan,
            Err(message) => {
                self.toasts.error(format!(
                    "Could not recover {}: {message}",
                    entry.meta.name()
                ));
                return;
            }
        };
        // Claim the work for this process so a second window does not offer it again.
        let mut meta = entry.meta.clone();
        meta.pid = std::process::id();
        if let Err(message) = store.write_meta(&entry.id, &meta) {
            self.toasts.error(message);
        }
        let mut document = Document::imported(plan, self.document.generation + 1);
        document.path.clone_from(&entry.meta.original);
        document.recovery_id.clone_from(&entry.id);
        document.disk_stamp = entry.meta.original_stamp;
        self.replace_document(document);
        self.recovery.adopt(&entry.id);
        self.recovered_over(entry.meta.original_stamp);
        self.toasts.info(format!(
            "Recovered the unsaved changes to {} ({} tasks); not saved yet",
            entry.meta.name(),
            entry.meta.tasks
        ));
    }
}

fn prompt_ui(ctx: &egui::Context, entry: &RecoveryEntry, waiting: usize) -> Option<RecoverAnswer> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("recover-unsaved-work")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading("Unsaved work was found");
        ui.add_space(6.0);
        ui.label(format!(
            "Recover unsaved changes to {} (last edited {})?",
            entry.meta.name(),
            entry.meta.last_edit_text()
        ));
        let place = entry.meta.original.as_ref().map_or_else(
            || "never saved".to_owned(),
            |path| path.display().to_string(),
        );
        ui.weak(format!("{} tasks · {place}", entry.meta.tasks));
        if waiting > 1 {
            ui.weak(format!("{} more after this one", waiting - 1));
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .button("Recover")
                .on_hover_text("Open the recovered work as unsaved changes; Save writes it to the original file")
                .clicked()
            {
                answer = Some(RecoverAnswer::Recover);
            }
            if ui
                .button("Discard")
                .on_hover_text("Delete the recovered work")
                .clicked()
            {
                answer = Some(RecoverAnswer::Discard);
            }
            if entry.meta.original.is_some()
                && ui
                    .button("Open both")
                    .on_hover_text("Recover here, and open the original file in a second window")
                    .clicked()
            {
                answer = Some(RecoverAnswer::OpenBoth);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(RecoverAnswer::Later);
    }
    answer
}
