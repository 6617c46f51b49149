//! The controls above the canvas: camera, highlight, re-layout, filters, search, and the last message.

use super::{CameraRequest, GraphState};
use crate::edit::{Edit, TaskChange};
use crate::views::ViewContext;
use egui::{ComboBox, TextEdit, Ui};

/// Draws the toolbar and records what it asks for in the state; Re-layout all is enabled when
/// `any_moved` (some card sits where it was dragged).
pub(super) fn toolbar_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut GraphState,
    any_moved: bool,
) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("Fit all").clicked() {
            state.camera_request = Some(CameraRequest::FitAll);
        }
        let selection = ui.add_enabled(
            ctx.selected.is_some(),
            egui::Button::new("Zoom to selection"),
        );
        if selection.clicked() {
            state.camera_request = Some(CameraRequest::ZoomToSelection);
        }
        if ui.button("−").on_hover_text("Zoom out (-)").clicked() {
            state.camera_request = Some(CameraRequest::Zoom(0.8));
        }
        if ui.button("+").on_hover_text("Zoom in (+)").clicked() {
            state.camera_request = Some(CameraRequest::Zoom(1.25));
        }
        ui.checkbox(&mut state.show_critical, "Critical path");
        let relayout = ui
            .add_enabled(any_moved, egui::Button::new("Re-layout all"))
            .on_hover_text("Forget the places cards were dragged to");
        if relayout.clicked() {
            let moved = ctx.plan.tasks.iter().filter(|t| t.graph_position.is_some());
            let edits: Vec<Edit> = moved
                .map(|task| Edit::UpdateTask {
                    id: task.id.clone(),
                    change: TaskChange::GraphPosition(None),
                })
                .collect();
            ctx.edit(Edit::Batch {
                label: "Re-layout the graph".to_owned(),
                edits,
            });
        }
        ui.separator();
        filters_ui(ui, ctx, state);
        ui.separator();
        search_ui(ui, ctx, state);
        if let Some(message) = &state.message {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, message);
        }
    });
}

fn filters_ui(ui: &mut Ui, ctx: &ViewContext<'_>, state: &mut GraphState) {
    let plan = ctx.plan;
    let filter = &mut state.filter;
    let label = ui.label("Phase");
    let phase_text = filter
        .phase
        .as_ref()
        .and_then(|id| plan.phase(id))
        .map_or("All", |p| p.name.as_str());
    ComboBox::from_id_salt("graph-phase")
        .selected_text(phase_text)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.phase, None, "All");
            for phase in &plan.phases {
                ui.selectable_value(&mut filter.phase, Some(phase.id.clone()), &phase.name);
            }
        })
        .response
        .labelled_by(label.id);
    let label = ui.label("Sprint");
    let sprint_text = filter
        .sprint
        .as_ref()
        .and_then(|id| plan.sprint(id))
        .map_or("All", |s| s.name.as_str());
    ComboBox::from_id_salt("graph-sprint")
        .selected_text(sprint_text)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.sprint, None, "All");
            for sprint in &plan.sprints {
                ui.selectable_value(&mut filter.sprint, Some(sprint.id.clone()), &sprint.name);
            }
        })
        .response
        .labelled_by(label.id);
    let label = ui.label("Status");
    let status_text = filter
        .status
        .as_ref()
        .map_or("All", |key| plan.status_label(key));
    ComboBox::from_id_salt("graph-status")
        .selected_text(status_text)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.status, None, "All");
            for status in &plan.legend {
                ui.selectable_value(&mut filter.status, Some(status.key.clone()), &status.label);
            }
        })
        .response
        .labelled_by(label.id);
}

/// A search field: Enter focuses the first task whose id or title contains the text (clearing the
/// filters when they hide it).
fn search_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut GraphState) {
    let label = ui.label("Search");
    let response = ui
        .add(
            TextEdit::singleline(&mut state.search)
                .hint_text("id or title")
                .desired_width(160.0),
        )
        .labelled_by(label.id);
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if !entered || state.search.trim().is_empty() {
        return;
    }
    let needle = state.search.trim().to_lowercase();
    let found = ctx.plan.tasks.iter().position(|task| {
        task.id.as_str().to_lowercase().contains(&needle)
            || task.title.to_lowercase().contains(&needle)
    });
    match found {
        Some(index) => {
            if !state.filter.passes(ctx.plan, index) {
                state.filter = super::GraphFilter::default();
            }
            ctx.select(Some(ctx.plan.tasks[index].id.clone()));
            state.camera_request = Some(CameraRequest::Focus(index));
            state.message = None;
        }
        None => state.message = Some(format!("No task matches \"{}\"", state.search.trim())),
    }
}
