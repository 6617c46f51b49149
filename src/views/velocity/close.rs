//! "Close sprint…": records a sprint's velocity, marks it closed and, if asked, moves its unfinished
//! tasks to another open sprint, as one edit (one undo step).

use super::VelocityState;
use crate::analysis::velocity::VelocityReport;
use crate::edit::Edit;
use crate::export::velocity::amount;
use crate::model::{Plan, SprintId, StatusCategory};
use crate::views::{ViewContext, now};
use egui::{ComboBox, Ui};

/// The close-sprint dialog's choices.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct CloseDraft {
    /// The sprint to close.
    sprint: SprintId,
    /// Where its unfinished tasks go; none leaves them in it.
    move_to: Option<SprintId>,
}

impl CloseDraft {
    /// Closing `sprint`, moving unfinished work to the next open sprint after it, if there is one.
    pub(super) fn new(plan: &Plan, sprint: &SprintId) -> Self {
        let after = plan
            .sprints
            .iter()
            .position(|s| &s.id == sprint)
            .map_or(0, |i| i + 1);
        let move_to = plan
            .sprints
            .iter()
            .skip(after)
            .find(|s| !s.closed)
            .map(|s| s.id.clone());
        Self {
            sprint: sprint.clone(),
            move_to,
        }
    }
}

/// The sprint "Close sprint…" acts on: the sprint whose tasks are listed, when it is open, else the
/// first open sprint (plan order) that has started by today. None when no open sprint has started.
pub(super) fn sprint_to_close(
    plan: &Plan,
    report: &VelocityReport,
    listed: Option<&SprintId>,
) -> Option<SprintId> {
    let started = |i: usize| {
        report
            .windows
            .get(i)
            .copied()
            .flatten()
            .is_none_or(|w| w.start <= report.today)
    };
    let open = |i: usize| !plan.sprints[i].closed && started(i);
    listed
        .and_then(|id| plan.sprints.iter().position(|s| &s.id == id))
        .filter(|&i| open(i))
        .or_else(|| (0..plan.sprints.len()).find(|&i| open(i)))
        .map(|i| plan.sprints[i].id.clone())
}

fn unfinished(plan: &Plan, sprint: &SprintId) -> usize {
    plan.tasks
        .iter()
        .filter(|t| t.sprint.as_ref() == Some(sprint))
        .filter(|t| {
            !matches!(
                plan.category(&t.status),
                StatusCategory::Done | StatusCategory::Dropped
            )
        })
        .count()
}

/// The dialog, while open.
pub(super) fn close_dialog_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut VelocityState,
    report: &VelocityReport,
) {
    let Some(draft) = state.close.as_mut() else {
        return;
    };
    let plan = ctx.plan;
    let Some(sprint) = plan.sprint(&draft.sprint) else {
        state.close = None;
        return;
    };
    let name_of = |id: &SprintId| plan.sprint(id).map_or(id.to_string(), |s| s.name.clone());
    let left = unfinished(plan, &draft.sprint);
    let mut open = true;
    let mut confirmed = false;
    let mut cancelled = false;
    egui::Window::new("Close sprint")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .default_width(420.0)
        .open(&mut open)
        .show(ui.ctx(), |ui| {
            let numbers = report
                .sprints
                .iter()
                .find(|s| s.sprint == draft.sprint)
                .map(|s| {
                    format!(
                        " ({} committed, {} completed)",
                        amount(s.committed, report.unit),
                        amount(s.completed, report.unit)
                    )
                })
                .unwrap_or_default();
            ui.label(format!(
                "Closing {} records its velocity{numbers} and marks it closed.",
                sprint.name
            ));
            let others: Vec<&crate::model::Sprint> = plan
                .sprints
                .iter()
                .filter(|s| s.id != draft.sprint && !s.closed)
                .collect();
            if left == 0 {
                ui.weak("Every task in it is finished.");
            } else if others.is_empty() {
                ui.weak(format!(
                    "{left} unfinished task{} stay in it: there is no other open sprint to move them to.",
                    if left == 1 { "" } else { "s" }
                ));
            } else {
                let mut moving = draft.move_to.is_some();
                let text = format!(
                    "Move the {left} unfinished task{} to",
                    if left == 1 { "" } else { "s" }
                );
                ui.horizontal(|ui| {
                    let check = ui.checkbox(&mut moving, text);
                    if check.changed() {
                        draft.move_to = moving.then(|| others[0].id.clone());
                    }
                    if let Some(to) = draft.move_to.clone() {
                        ComboBox::from_id_salt("close-sprint-to")
                            .selected_text(name_of(&to))
                            .show_ui(ui, |ui| {
                                for other in &others {
                                    ui.selectable_value(
                                        &mut draft.move_to,
                                        Some(other.id.clone()),
                                        other.name.clone(),
                                    );
                                }
                            })
                            .response
                            .labelled_by(check.id);
                    }
                });
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                confirmed = ui.button("Close sprint").clicked();
                cancelled = ui.button("Cancel").clicked();
            });
        });
    if confirmed {
        ctx.edit(Edit::CloseSprint {
            sprint: draft.sprint.clone(),
            move_unfinished_to: draft.move_to.clone().filter(|_| left > 0),
            at: ctx.derived.today.and_time(now().time()),
        });
    }
    if confirmed || cancelled || !open {
        state.close = None;
    }
}
