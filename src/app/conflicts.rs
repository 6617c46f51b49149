//! The "Resolve conflicts" panel: shown while the plan carries conflicts from `waymark merge`, one
//! row per conflict with a button for each side. Each choice is an undoable
//! [`Edit::ResolveConflict`]; saving with conflicts left warns.

use super::WaymarkApp;
use crate::edit::Edit;
use crate::model::{Plan, Side};
use crate::views::Request;

/// How many characters of a value a button shows; the whole value is in its tooltip.
const SHOWN_CHARS: usize = 40;

impl WaymarkApp {
    /// Draws the panel when the plan has conflicts; choices become requests.
    pub(super) fn conflicts_panel_ui(&mut self, ui: &mut egui::Ui) {
        let plan = self.document.plan();
        if plan.conflicts.is_empty() {
            return;
        }
        let requests = &mut self.requests;
        egui::Panel::top("conflicts").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong("Resolve conflicts");
                ui.label(format!(
                    "{} left from a merge: choose the value to keep for each.",
                    count(plan.conflicts.len())
                ));
            });
            egui::ScrollArea::vertical()
                .max_height(220.0)
                .show(ui, |ui| conflict_rows_ui(ui, plan, requests));
        });
    }

    /// The warning to show after saving a plan that still has conflicts.
    pub(super) fn unresolved_conflicts_warning(&self) -> Option<String> {
        let left = self.document.plan().conflicts.len();
        (left > 0).then(|| {
            format!(
                "Saved with {} unresolved: the file records them until each is resolved",
                count(left)
            )
        })
    }
}

fn conflict_rows_ui(ui: &mut egui::Ui, plan: &Plan, requests: &mut Vec<Request>) {
    egui::Grid::new("conflict-rows")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for (index, conflict) in plan.conflicts.iter().enumerate() {
                ui.label(conflict.place());
                for side in Side::ALL {
                    let value = shown(conflict.value(side));
                    let text = format!("Keep {}: {}", side.label(), shorten(&value));
                    let button = ui.button(text).on_hover_text(format!(
                        "Keep the {} value of {}: {value}",
                        side.label(),
                        conflict.place()
                    ));
                    if button.clicked() {
                        requests.push(Request::Edit(Edit::ResolveConflict { index, side }));
                    }
                }
                ui.end_row();
            }
        });
}

fn count(conflicts: usize) -> String {
    if conflicts == 1 {
        "1 conflict".to_owned()
    } else {
        format!("{conflicts} conflicts")
    }
}

/// A value as people read it: strings without their quotes, `(none)` for a missing value or a
/// deleted item.
fn shown(value: Option<&str>) -> String {
    match value {
        None => "(none)".to_owned(),
        Some(json) => match serde_json::from_str::<serde_json::Value>(json) {
            Ok(serde_json::Value::String(text)) => text,
            Ok(serde_json::Value::Object(record)) => match record.get("title") {
                Some(serde_json::Value::String(title)) => format!("the item \"{title}\""),
                _ => "the item".to_owned(),
            },
            _ => json.to_owned(),
        },
    }
}

fn shorten(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() > SHOWN_CHARS || line.len() < text.len() {
        let cut: String = line.chars().take(SHOWN_CHARS).collect();
        format!("{cut}…")
    } else {
        line.to_owned()
    }
}
