//! The Velocity view: tabs for the velocity chart, the burndown/burnup of a scope and the forecast,
//! a unit switcher, hover readouts, a sprint's tasks beside the chart, and "Close sprint…".
//!
//! The charts are scenes built by the core ([`crate::export::velocity`]), the same code that
//! exports them. The report comes with the derived facts (computed once per plan revision); a
//! report in another unit and a scope's burndown and forecast are computed here when the unit,
//! scope or revision changes, never per frame.

mod chart;
mod close;
mod sprint_list;
mod toolbar;

use super::ViewContext;
use crate::analysis::velocity::{
    BurnScope, Burndown, Forecast, Unit, VelocityOptions, VelocityReport,
};
use crate::export::velocity::VelocityChart;
use crate::model::SprintId;
use egui::{Rect, Ui, UiBuilder, vec2};
use std::sync::Arc;

/// Width of the side list of a sprint's tasks.
const LIST_WIDTH: f32 = 300.0;

/// A scope's burndown and forecast, for one report.
#[derive(Debug)]
struct Scoped {
    revision: u64,
    unit: Unit,
    scope: BurnScope,
    burndown: Option<Burndown>,
    forecast: Forecast,
}

/// The Velocity view's own state.
#[derive(Debug)]
pub struct VelocityState {
    /// The chart shown.
    pub chart: VelocityChart,
    /// The unit chosen; none follows the plan's default.
    pub unit: Option<Unit>,
    /// What the burndown and forecast are drawn for.
    pub scope: BurnScope,
    /// The sprint whose tasks are listed beside the chart.
    pub sprint: Option<SprintId>,
    /// Whether the scope was picked; until then the burndown shows the running sprint and the
    /// forecast the whole plan.
    scope_chosen: bool,
    /// The close-sprint dialog, while open.
    close: Option<close::CloseDraft>,
    /// The report in a unit other than the derived one, with the revision it is for.
    other_unit: Option<(u64, Arc<VelocityReport>)>,
    scoped: Option<Scoped>,
}

impl Default for VelocityState {
    fn default() -> Self {
        Self {
            chart: VelocityChart::default(),
            unit: None,
            scope: BurnScope::Plan,
            sprint: None,
            scope_chosen: false,
            close: None,
            other_unit: None,
            scoped: None,
        }
    }
}

impl VelocityState {
    /// The report in the chosen unit: the derived one (large plans come with every unit, made on a
    /// worker), or for small plans one computed here once per revision and unit.
    fn report(&mut self, ctx: &ViewContext<'_>) -> Option<Arc<VelocityReport>> {
        let base = ctx.derived.velocity.as_ref()?;
        let unit = self.unit.unwrap_or(base.unit);
        if unit == base.unit {
            return Some(Arc::clone(base));
        }
        if let Some(ready) = ctx
            .derived
            .velocity_other_units
            .iter()
            .find(|report| report.unit == unit)
        {
            return Some(Arc::clone(ready));
        }
        let revision = ctx.derived.revision;
        match &self.other_unit {
            Some((at, report)) if *at == revision && report.unit == unit => {
                Some(Arc::clone(report))
            }
            _ => {
                let options = VelocityOptions {
                    unit: Some(unit),
                    ..VelocityOptions::default()
                };
                let report = Arc::new(VelocityReport::compute(
                    ctx.plan,
                    options,
                    ctx.derived.today,
                ));
                self.other_unit = Some((revision, Arc::clone(&report)));
                Some(report)
            }
        }
    }

    /// The scope's burndown and forecast for the report, computed when the revision, unit or scope
    /// changed.
    fn scoped(&mut self, ctx: &ViewContext<'_>, report: &VelocityReport) -> &Scoped {
        let revision = ctx.derived.revision;
        let stale = !self.scoped.as_ref().is_some_and(|s| {
            s.revision == revision && s.unit == report.unit && s.scope == self.scope
        });
        if stale {
            self.scoped = None;
        }
        let scope = self.scope.clone();
        self.scoped.get_or_insert_with(|| {
            let forecast = if scope == BurnScope::Plan {
                report.forecast.clone()
            } else {
                report.forecast_for(ctx.plan, &scope)
            };
            Scoped {
                revision,
                unit: report.unit,
                burndown: report.burndown_until(ctx.plan, &scope, forecast.p85),
                scope,
                forecast,
            }
        })
    }
}

/// Draws the Velocity view.
pub fn velocity_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut VelocityState) {
    if !scope_exists(ctx, &state.scope) {
        state.scope = BurnScope::Plan;
    }
    let Some(report) = state.report(ctx) else {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.3);
            ui.spinner();
            ui.label("Measuring velocity…");
        });
        return;
    };
    if !state.scope_chosen {
        state.scope = crate::export::velocity::automatic_scope(state.chart, &report);
    }
    toolbar::toolbar_ui(ui, ctx, state, &report);
    close::close_dialog_ui(ui, ctx, state, &report);
    let full = ui.available_rect_before_wrap();
    let listing = state.chart == VelocityChart::Velocity && state.sprint.is_some();
    let chart_rect = if listing {
        Rect::from_min_max(full.min, full.max - vec2(LIST_WIDTH + 8.0, 0.0))
    } else {
        full
    };
    ui.scope_builder(UiBuilder::new().max_rect(chart_rect), |ui| {
        chart::chart_ui(ui, ctx, state, &report);
    });
    if listing {
        let list_rect =
            Rect::from_min_max(egui::pos2(full.max.x - LIST_WIDTH, full.min.y), full.max);
        ui.scope_builder(UiBuilder::new().max_rect(list_rect), |ui| {
            sprint_list::sprint_list_ui(ui, ctx, state, &report);
        });
    }
}

fn scope_exists(ctx: &ViewContext<'_>, scope: &BurnScope) -> bool {
    match scope {
        BurnScope::Plan => true,
        BurnScope::Sprint(id) => ctx.plan.sprint(id).is_some(),
        BurnScope::Phase(id) => ctx.plan.phase(id).is_some(),
        BurnScope::Milestone(id) => ctx.plan.milestone(id).is_some(),
    }
}
