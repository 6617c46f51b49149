//! The empty state of a view that is not built yet: it says what will be there.

use super::ViewKind;

/// Draws a centred note naming the view and what it will show.
pub fn placeholder_ui(ui: &mut egui::Ui, view: ViewKind) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.heading(format!("{} view", view.title()));
        ui.add_space(8.0);
        ui.label(view.description());
        ui.add_space(4.0);
        ui.weak(
            "This view is coming in a later release; the table and inspector edit the same plan.",
        );
    });
}
