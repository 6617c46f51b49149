//! The controls above the velocity charts: the chart tabs, the unit, the scope of the burndown and
//! forecast, and "Close sprint…".

use super::VelocityState;
use super::close::{CloseDraft, sprint_to_close};
use crate::analysis::velocity::{BurnScope, Unit, VelocityReport};
use crate::export::velocity::{VelocityChart, scope_name};
use crate::views::ViewContext;
use egui::{ComboBox, Ui};

/// The toolbar row.
pub(super) fn toolbar_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    state: &mut VelocityState,
    report: &VelocityReport,
) {
    ui.horizontal_wrapped(|ui| {
        for chart in VelocityChart::ALL {
            if ui
                .selectable_label(state.chart == chart, chart.title())
                .clicked()
            {
                state.chart = chart;
            }
        }
        ui.separator();
        ui.label("Unit");
        for unit in Unit::ALL {
            let name = match unit {
                Unit::Points => "Points",
                Unit::Hours => "Hours",
                Unit::Count => "Count",
            };
            if ui
                .selectable_label(report.unit == unit, name)
                .on_hover_text(format!("Measure work in {unit}"))
                .clicked()
            {
                state.unit = Some(unit);
            }
        }
        if state.chart != VelocityChart::Velocity {
            ui.separator();
            scope_picker_ui(ui, ctx, state);
        }
        ui.separator();
        let candidate = sprint_to_close(ctx.plan, report, state.sprint.as_ref());
        let button = ui.add_enabled(candidate.is_some(), egui::Button::new("Close sprint…"));
        let button = match &candidate {
            Some(id) => button.on_hover_text(format!(
                "Record the velocity of {} and mark it closed",
                scope_name(ctx.plan, &BurnScope::Sprint(id.clone()))
            )),
            None => button.on_disabled_hover_text("No open sprint has started yet"),
        };
        if button.clicked()
            && let Some(id) = candidate
        {
            state.close = Some(CloseDraft::new(ctx.plan, &id));
        }
    });
}

fn scope_picker_ui(ui: &mut Ui, ctx: &ViewContext<'_>, state: &mut VelocityState) {
    let plan = ctx.plan;
    let mut choices = vec![(BurnScope::Plan, "Whole plan".to_owned())];
    choices.extend(
        plan.sprints
            .iter()
            .map(|s| (BurnScope::Sprint(s.id.clone()), s.name.clone())),
    );
    choices.extend(
        plan.phases
            .iter()
            .map(|p| (BurnScope::Phase(p.id.clone()), format!("Phase: {}", p.name))),
    );
    choices.extend(plan.milestones.iter().map(|m| {
        (
            BurnScope::Milestone(m.id.clone()),
            format!("Milestone: {}", m.name),
        )
    }));
    let shown = choices
        .iter()
        .find(|(scope, _)| *scope == state.scope)
        .map_or_else(|| "Whole plan".to_owned(), |(_, name)| name.clone());
    ComboBox::from_label("Scope")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (scope, name) in choices {
                if ui.selectable_value(&mut state.scope, scope, name).clicked() {
                    state.scope_chosen = true;
                }
            }
        });
}
