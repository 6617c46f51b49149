//! Paints the chart scene and makes each bar, day and histogram column an accessible widget whose
//! hover readout gives the exact numbers; a click on a sprint's bars lists its tasks.

use super::VelocityState;
use crate::analysis::velocity::VelocityReport;
use crate::export::timeline::Palette;
use crate::export::velocity::{ChartData, VelocityChart, chart_scene};
use crate::export::{Hit, Scene, bounds};
use crate::views::ViewContext;
use crate::views::scene_paint::{color, paint_scene, rect as screen_rect};
use egui::{Sense, Ui};

/// Paints the chosen chart and handles hovering and clicking it.
pub(super) fn chart_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    state: &mut VelocityState,
    report: &VelocityReport,
) {
    let (area, _) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
    let palette = if ui.visuals().dark_mode {
        Palette::dark()
    } else {
        Palette::light()
    };
    let (width, height) = (area.width(), area.height());
    let scene = match state.chart {
        VelocityChart::Velocity => chart_scene(
            ctx.plan,
            report,
            ChartData::Velocity,
            width,
            height,
            &palette,
        ),
        VelocityChart::Burndown => {
            let scoped = state.scoped(ctx, report);
            let data = ChartData::Burndown(&scoped.scope, scoped.burndown.as_ref());
            chart_scene(ctx.plan, report, data, width, height, &palette)
        }
        VelocityChart::Forecast => {
            let scoped = state.scoped(ctx, report);
            let data = ChartData::Forecast(&scoped.scope, &scoped.forecast);
            chart_scene(ctx.plan, report, data, width, height, &palette)
        }
    };
    let painter = ui.painter_at(area);
    paint_scene(&painter, &scene, area.min);
    let listed = state
        .sprint
        .as_ref()
        .and_then(|id| ctx.plan.sprints.iter().position(|s| &s.id == id));
    for (hit, rect, label) in targets(&scene, area) {
        let response = ui.interact(
            rect,
            ui.scope_id().with(("velocity-chart", hit)),
            Sense::click(),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone()));
        let chosen = matches!(hit, Hit::SprintBar(i) if Some(i) == listed);
        if chosen || response.hovered() {
            let alpha = if chosen { 40 } else { 22 };
            painter.rect_filled(rect, 3.0, color(palette.selection.alpha(alpha)));
        }
        let clicked = response.clicked();
        response.on_hover_text(label);
        if clicked && let Hit::SprintBar(i) = hit {
            let id = ctx.plan.sprints[i].id.clone();
            state.sprint = if state.sprint.as_ref() == Some(&id) {
                None
            } else {
                Some(id)
            };
        }
    }
}

/// Every hit area of the scene in window coordinates, with its label.
fn targets(scene: &Scene, area: egui::Rect) -> Vec<(Hit, egui::Rect, String)> {
    let mut found = Vec::new();
    scene.visit(|item, _| {
        if let (Some(hit), Some(shape)) = (item.hit, bounds(&item.shape)) {
            let rect = screen_rect(shape, area.min.to_vec2()).intersect(area);
            if rect.width() > 0.0 && rect.height() > 0.0 {
                found.push((hit, rect, item.label.clone().unwrap_or_default()));
            }
        }
    });
    found
}
