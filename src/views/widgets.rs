//! Small widgets the views share: text fields that commit once, status and priority chips.

use crate::export::timeline::Palette;
use crate::model::{Plan, Priority, StatusKey};
use egui::{Color32, Response, RichText, TextEdit, Ui};
use std::collections::HashMap;

/// Drafts of text fields being edited, by field key. A draft lives from the first keystroke until the
/// field loses focus; then it is committed once, as one edit.
#[derive(Clone, Debug, Default)]
pub struct Drafts(HashMap<String, String>);

impl Drafts {
    /// Forgets every draft (when the selection changes).
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// A text field showing `current` (or the draft being typed); returns the new text once, when the
    /// field loses focus with a changed value. `label` names the field for screen readers and tests.
    pub fn text_ui(
        &mut self,
        ui: &mut Ui,
        key: &str,
        label: &Response,
        current: &str,
        multiline: bool,
    ) -> Option<String> {
        let mut text = self
            .0
            .get(key)
            .cloned()
            .unwrap_or_else(|| current.to_owned());
        let field = if multiline {
            TextEdit::multiline(&mut text).desired_rows(3)
        } else {
            TextEdit::singleline(&mut text)
        };
        let response = ui
            .add(field.desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if response.changed() {
            self.0.insert(key.to_owned(), text.clone());
        }
        if response.lost_focus() {
            self.0.remove(key);
            if text != current {
                return Some(text);
            }
        }
        None
    }
}

/// The display colour of a status (grey when the legend lacks it).
pub fn status_color(plan: &Plan, key: &StatusKey) -> Color32 {
    plan.status(key).map_or(Color32::GRAY, |status| {
        let [r, g, b] = status.color;
        Color32::from_rgb(r, g, b)
    })
}

/// A coloured dot and the status label.
pub fn status_chip(ui: &mut Ui, plan: &Plan, key: &StatusKey) -> Response {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label(RichText::new("●").color(status_color(plan, key)));
        ui.label(plan.status_label(key));
    })
    .response
}

/// The colour of a priority: red for P0 down to grey for P3 (the scenes' colours).
pub fn priority_color(priority: Priority) -> Color32 {
    let [r, g, b, _] = Palette::light().priority(priority).0;
    Color32::from_rgb(r, g, b)
}

pub use crate::export::format_hours;

/// The date picker speaks jiff; the plan speaks chrono.
pub fn to_jiff(date: chrono::NaiveDate) -> jiff::civil::Date {
    use chrono::Datelike;
    jiff::civil::Date::new(date.year() as i16, date.month() as i8, date.day() as i8)
        .unwrap_or_default()
}

/// A jiff date as chrono's.
pub fn from_jiff(date: jiff::civil::Date) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        date.month() as u32,
        date.day() as u32,
    )
}

/// A date picker button on a chrono date; `salt` tells pickers on one screen apart.
pub fn date_picker_ui(ui: &mut Ui, date: &mut chrono::NaiveDate, salt: &str) -> Response {
    let mut picked = to_jiff(*date);
    let response = ui.add(egui_extras::DatePickerButton::new(&mut picked).id_salt(salt));
    if let Some(new) = from_jiff(picked) {
        *date = new;
    }
    response
}
