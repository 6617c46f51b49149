//! The side list of a sprint's tasks: done, not done (carried over once it ended) and added after
//! its start. A click selects the task and shows it in the inspector.

use super::VelocityState;
use crate::analysis::velocity::{SprintState, SprintVelocity, VelocityReport};
use crate::export::velocity::sprint_label;
use crate::model::TaskId;
use crate::views::{Request, ViewContext};
use egui::{RichText, ScrollArea, Ui};

/// Draws the list of the sprint in `state.sprint`.
pub(super) fn sprint_list_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut VelocityState,
    report: &VelocityReport,
) {
    let Some(sprint) = report
        .sprints
        .iter()
        .find(|s| Some(&s.sprint) == state.sprint.as_ref())
    else {
        state.sprint = None;
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_min_size(ui.available_size());
        ui.horizontal(|ui| {
            ui.heading(&sprint.name);
            if ui
                .small_button("Hide list")
                .on_hover_text("Back to the whole chart")
                .clicked()
            {
                state.sprint = None;
            }
        });
        ui.label(RichText::new(sprint_label(sprint, report.unit)).weak());
        ui.add_space(4.0);
        ScrollArea::vertical()
            .id_salt("velocity-sprint-tasks")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (heading, tasks) in sections(sprint) {
                    ui.add_space(6.0);
                    ui.strong(format!("{heading} ({})", tasks.len()));
                    if tasks.is_empty() {
                        ui.weak("None");
                    }
                    for id in tasks {
                        task_row_ui(ui, ctx, &id);
                    }
                }
            });
    });
}

/// The list's sections: done; carried over (or, while the sprint runs, not done yet); added after
/// the start.
fn sections(sprint: &SprintVelocity) -> Vec<(&'static str, Vec<TaskId>)> {
    let t = &sprint.tasks;
    let not_done = if sprint.state == SprintState::Finished {
        ("Carried over", t.carried_over.clone())
    } else {
        let open = t
            .committed
            .iter()
            .chain(&t.added)
            .filter(|id| !t.completed.contains(id) && !t.removed.contains(id))
            .cloned()
            .collect();
        ("Not done yet", open)
    };
    vec![
        ("Done", t.completed.clone()),
        not_done,
        ("Added after the start", t.added.clone()),
    ]
}

fn task_row_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, id: &TaskId) {
    let title = ctx.plan.task(id).map_or("", |t| t.title.as_str());
    let selected = ctx.selected == Some(id);
    if ui
        .selectable_label(selected, format!("{id}  {title}"))
        .on_hover_text("Show in the inspector")
        .clicked()
    {
        ctx.requests.push(Request::Inspect(id.clone()));
    }
}
