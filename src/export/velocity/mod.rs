//! The velocity charts as scenes: velocity per sprint or week, burndown and burnup of a scope, and
//! the forecast histogram. Pure layout from a plan and its [`VelocityReport`]; the window paints
//! the scene and the exporters write it, so there is one chart implementation.
//!
//! Headless use (an export of the Velocity view on a page):
//! ```
//! use waymark::analysis::velocity::BurnScope;
//! use waymark::export::timeline::Palette;
//! use waymark::export::velocity::{VelocityChart, velocity_scene_on};
//! let plan = waymark::model::Plan::new("Empty");
//! let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
//! let scene = velocity_scene_on(
//!     &plan, today, None, VelocityChart::Velocity, &BurnScope::Plan, 595.0, 420.0, &Palette::light(),
//! );
//! assert!(scene.texts().iter().any(|t| t.contains("No finished work")));
//! ```

mod bars;
mod burn;
mod forecast;
mod frame;

pub use bars::{NO_VELOCITY, sprint_label, week_label};
pub use burn::day_label;
pub use forecast::forecast_lines;
pub use frame::{amount, long_date, ticks};

use crate::analysis::velocity::{
    BurnScope, Burndown, Forecast, Unit, VelocityOptions, VelocityReport,
};
use crate::export::timeline::Palette;
use crate::export::{Scene, Shape};
use crate::model::Plan;
use chrono::NaiveDate;

/// Which velocity chart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum VelocityChart {
    /// Committed beside completed per sprint, or completed per week, with the average.
    #[default]
    Velocity,
    /// Burndown and burnup of a scope.
    Burndown,
    /// The Monte Carlo forecast of a scope.
    Forecast,
}

impl VelocityChart {
    /// Every chart, in tab order.
    pub const ALL: [Self; 3] = [Self::Velocity, Self::Burndown, Self::Forecast];

    /// The chart's tab name.
    pub fn title(self) -> &'static str {
        match self {
            Self::Velocity => "Velocity chart",
            Self::Burndown => "Burndown",
            Self::Forecast => "Forecast",
        }
    }
}

/// A chart with the data it draws: the burndown and forecast of a scope are computed by the
/// caller (once, not per frame).
#[derive(Clone, Copy, Debug)]
pub enum ChartData<'a> {
    /// The velocity chart (from the report alone).
    Velocity,
    /// A scope's burndown; none when nothing dates the scope.
    Burndown(&'a BurnScope, Option<&'a Burndown>),
    /// A scope's forecast.
    Forecast(&'a BurnScope, &'a Forecast),
}

/// The scene of one chart, `width` × `height` points, in a palette.
pub fn chart_scene(
    plan: &Plan,
    report: &VelocityReport,
    data: ChartData<'_>,
    width: f32,
    height: f32,
    palette: &Palette,
) -> Scene {
    let mut scene = Scene::new(width, height, Some(palette.background));
    match data {
        ChartData::Velocity => bars::velocity_chart(&mut scene, plan, report, palette),
        ChartData::Burndown(scope, burndown) => burn::burn_chart(
            &mut scene,
            plan,
            burndown,
            report.unit,
            &scope_name(plan, scope),
            report.today,
            palette,
        ),
        ChartData::Forecast(scope, forecast) => forecast::forecast_chart(
            &mut scene,
            forecast,
            report.unit,
            &scope_name(plan, scope),
            report.today,
            palette,
        ),
    }
    scene
}

/// The scene of `chart` for `scope` (burndown and forecast; the velocity chart covers the plan),
/// computing the scope's burndown or forecast from the report. For an exporter that has the report.
pub fn velocity_scene(
    plan: &Plan,
    report: &VelocityReport,
    chart: VelocityChart,
    scope: &BurnScope,
    width: f32,
    height: f32,
    palette: &Palette,
) -> Scene {
    match chart {
        VelocityChart::Velocity => {
            chart_scene(plan, report, ChartData::Velocity, width, height, palette)
        }
        VelocityChart::Burndown => {
            let until = if *scope == BurnScope::Plan {
                report.forecast.p85
            } else {
                report.forecast_for(plan, scope).p85
            };
            let burndown = report.burndown_until(plan, scope, until);
            let data = ChartData::Burndown(scope, burndown.as_ref());
            chart_scene(plan, report, data, width, height, palette)
        }
        VelocityChart::Forecast => {
            let forecast = if *scope == BurnScope::Plan {
                report.forecast.clone()
            } else {
                report.forecast_for(plan, scope)
            };
            let data = ChartData::Forecast(scope, &forecast);
            chart_scene(plan, report, data, width, height, palette)
        }
    }
}

/// The scene of `chart` for a plan on `today`, in `unit` (none: the plan's default unit), headless:
/// computes the velocity report first. What `waymark export --view velocity` draws on a page.
#[expect(
    clippy::too_many_arguments,
    reason = "a headless entry point: plan, day, settings, page, colours"
)]
pub fn velocity_scene_on(
    plan: &Plan,
    today: NaiveDate,
    unit: Option<Unit>,
    chart: VelocityChart,
    scope: &BurnScope,
    width: f32,
    height: f32,
    palette: &Palette,
) -> Scene {
    let options = VelocityOptions {
        unit,
        ..VelocityOptions::default()
    };
    let report = VelocityReport::compute(plan, options, today);
    velocity_scene(plan, &report, chart, scope, width, height, palette)
}

/// The scope shown until one is picked: the running sprint's burndown ("are we on track in this
/// sprint?"), the whole plan's forecast ("when is it done?").
pub fn automatic_scope(chart: VelocityChart, report: &VelocityReport) -> BurnScope {
    let running = report
        .sprints
        .iter()
        .find(|s| s.state == crate::analysis::velocity::SprintState::Running);
    match (chart, running) {
        (VelocityChart::Burndown, Some(sprint)) => BurnScope::Sprint(sprint.sprint.clone()),
        _ => BurnScope::Plan,
    }
}

/// The three charts on one sheet, for a page: the velocity chart across the top, the burndown (of
/// the running sprint, else the plan) and the forecast of the whole plan side by side below it.
pub fn velocity_overview(
    plan: &Plan,
    report: &VelocityReport,
    width: f32,
    height: f32,
    palette: &Palette,
) -> Scene {
    const GAP: f32 = 12.0;
    let half_height = (height - GAP) / 2.0;
    let half_width = (width - GAP) / 2.0;
    let charts = [
        (VelocityChart::Velocity, 0.0, 0.0, width),
        (VelocityChart::Burndown, 0.0, half_height + GAP, half_width),
        (
            VelocityChart::Forecast,
            half_width + GAP,
            half_height + GAP,
            half_width,
        ),
    ];
    let mut sheet = Scene::new(width, height, Some(palette.background));
    for (chart, left, top, chart_width) in charts {
        let scope = automatic_scope(chart, report);
        let scene = velocity_scene(
            plan,
            report,
            chart,
            &scope,
            chart_width,
            half_height,
            palette,
        );
        let place = crate::export::Transform {
            scale: 1.0,
            dx: left,
            dy: top,
        };
        sheet.push(Shape::Clip {
            rect: place.rect(crate::export::Rect::from_edges(
                0.0,
                0.0,
                chart_width,
                half_height,
            )),
            items: scene.items.iter().map(|item| place.item(item)).collect(),
        });
    }
    sheet
}

/// What a scope is called in a chart title: "Sprint 2", "phase Foundation", "milestone Beta",
/// "the whole plan".
pub fn scope_name(plan: &Plan, scope: &BurnScope) -> String {
    match scope {
        BurnScope::Sprint(id) => plan
            .sprint(id)
            .map_or_else(|| id.to_string(), |s| s.name.clone()),
        BurnScope::Phase(id) => {
            format!(
                "phase {}",
                plan.phase(id).map_or(id.to_string(), |p| p.name.clone())
            )
        }
        BurnScope::Milestone(id) => format!(
            "milestone {}",
            plan.milestone(id)
                .map_or(id.to_string(), |m| m.name.clone())
        ),
        BurnScope::Plan => "the whole plan".to_owned(),
    }
}
