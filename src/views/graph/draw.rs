//! Painting the canvas: edges as curves with arrowheads, task cards with crisp text at the zoomed font
//! size (never a scaled texture), plain boxes at low zoom, and the connection being drawn.

use super::camera::Camera;
use super::edge_boxes::{EdgeBox, curve_points};
use super::{DETAIL_ZOOM, PickedEdge};
use crate::analysis::Analysis;
use crate::model::{Plan, StatusCategory};
use crate::views::widgets::{format_hours, status_color};
use egui::epaint::CubicBezierShape;
use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{
    Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Ui, pos2, vec2,
};
use std::collections::HashSet;

/// The colour of the critical path.
const CRITICAL: Color32 = Color32::from_rgb(0xf5, 0x9e, 0x0b);

/// What one frame paints with.
pub(super) struct Scene<'a> {
    pub plan: &'a Plan,
    pub analysis: &'a Analysis,
    pub canvas: Rect,
    pub camera: Camera,
    pub selected: Option<usize>,
    pub picked: Option<&'a PickedEdge>,
    pub lit: Option<&'a HashSet<usize>>,
    pub show_critical: bool,
    pub visuals: egui::Visuals,
}

impl Scene<'_> {
    fn dimmed(&self, index: usize) -> bool {
        self.lit.is_some_and(|lit| !lit.contains(&index))
    }

    fn on_critical_path(&self, index: usize) -> bool {
        self.show_critical && self.analysis.schedule.critical_path.contains(&index)
    }

    fn critical_edge(&self, from: usize, to: usize) -> bool {
        self.on_critical_path(from)
            && self
                .analysis
                .schedule
                .critical_path
                .windows(2)
                .any(|pair| pair == [from, to])
    }
}

/// An edge that is at least partly on screen, as a cubic curve in screen points.
pub(super) struct EdgeOnScreen {
    pub from: usize,
    pub to: usize,
    pub implied: bool,
    pub points: [Pos2; 4],
}

impl EdgeOnScreen {
    fn curve(&self) -> CubicBezierShape {
        CubicBezierShape::from_points_stroke(self.points, false, Color32::TRANSPARENT, Stroke::NONE)
    }

    /// The middle of the curve.
    pub fn middle(&self) -> Pos2 {
        self.curve().sample(0.5)
    }

    /// The distance from a point to the curve, sampled.
    pub fn distance_to(&self, point: Pos2) -> f32 {
        let curve = self.curve();
        (0..=24)
            .map(|step| curve.sample(step as f32 / 24.0).distance(point))
            .fold(f32::INFINITY, f32::min)
    }
}

/// The screen curves of the shown edges whose bounding box meets the canvas (the rest are culled).
/// Edges are first tested by their layout-space box against `view` (the canvas in layout
/// coordinates), except those of the card being dragged, which has left its box.
pub(super) fn edges_on_screen(
    boxes: &[EdgeBox],
    shown: &[bool],
    view: Rect,
    dragged: Option<usize>,
    canvas: Rect,
    camera: &Camera,
    position: &impl Fn(usize) -> Rect,
) -> Vec<EdgeOnScreen> {
    boxes
        .iter()
        .filter(|edge| {
            shown[edge.from]
                && shown[edge.to]
                && (edge.bounds.intersects(view)
                    || dragged.is_some_and(|d| d == edge.from || d == edge.to))
        })
        .filter_map(|edge| {
            let start = camera.to_screen(canvas, position(edge.from).right_center());
            let end = camera.to_screen(canvas, position(edge.to).left_center());
            let points = curve_points(start, end, camera.zoom);
            let bounds = Rect::from_points(&points);
            bounds.intersects(canvas).then_some(EdgeOnScreen {
                from: edge.from,
                to: edge.to,
                implied: edge.implied,
                points,
            })
        })
        .collect()
}

/// Paints the edges: the critical path in amber, loops in red, phase-implied edges faint, the picked
/// edge in the selection colour; edges away from a hovered task fade.
pub(super) fn edges(painter: &Painter, scene: &Scene<'_>, edges: &[EdgeOnScreen]) {
    let visuals = &scene.visuals;
    let zoom = scene.camera.zoom;
    for edge in edges {
        let picked = scene.picked.is_some_and(|p| {
            p.from == scene.plan.tasks[edge.from].id && p.to == scene.plan.tasks[edge.to].id
        });
        let (mut color, width) = if picked {
            (visuals.selection.stroke.color, 3.0)
        } else if scene.analysis.loop_edges.contains(&(edge.from, edge.to)) {
            (visuals.error_fg_color, 2.0)
        } else if scene.critical_edge(edge.from, edge.to) {
            (CRITICAL, 2.5)
        } else if edge.implied {
            (visuals.weak_text_color().gamma_multiply(0.6), 1.0)
        } else {
            (visuals.text_color().gamma_multiply(0.55), 1.3)
        };
        if scene.dimmed(edge.from) || scene.dimmed(edge.to) {
            color = color.gamma_multiply(0.15);
        }
        let width = (width * zoom.sqrt()).max(1.0);
        let stroke = Stroke::new(width, color);
        painter.add(CubicBezierShape::from_points_stroke(
            edge.points,
            false,
            Color32::TRANSPARENT,
            stroke,
        ));
        if zoom >= 0.25 {
            let tip = edge.points[3];
            let size = (9.0 * zoom).clamp(5.0, 14.0);
            painter.add(Shape::convex_polygon(
                vec![
                    tip,
                    tip + vec2(-size, -size * 0.5),
                    tip + vec2(-size, size * 0.5),
                ],
                color,
                Stroke::NONE,
            ));
        }
        if picked {
            painter.circle_filled(edge.middle(), 5.0, color);
        }
    }
}

/// Where a card's connector sits on screen: the middle of its right edge.
pub(super) fn handle_center(card: Rect) -> Pos2 {
    card.right_center()
}

/// Paints one task card at a layout rectangle.
pub(super) fn card(painter: &Painter, scene: &Scene<'_>, index: usize, layout_rect: Rect) {
    let visuals = &scene.visuals;
    let task = &scene.plan.tasks[index];
    let zoom = scene.camera.zoom;
    let rect = scene.camera.rect_to_screen(scene.canvas, layout_rect);
    let status = status_color(scene.plan, &task.status);
    let fade = if scene.dimmed(index) { 0.25 } else { 1.0 };
    let unscheduled = scene.analysis.schedule.times[index].is_none();
    let outline = if scene.selected == Some(index) {
        Stroke::new(2.5, visuals.selection.stroke.color)
    } else if unscheduled {
        Stroke::new(2.0, visuals.error_fg_color)
    } else if scene.on_critical_path(index) {
        Stroke::new(2.0, CRITICAL)
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    let outline = Stroke::new(outline.width, outline.color.gamma_multiply(fade));
    if zoom < DETAIL_ZOOM {
        painter.rect(
            rect,
            1.0,
            status.gamma_multiply(0.8 * fade),
            outline,
            StrokeKind::Inside,
        );
        return;
    }
    let radius = 6.0 * zoom;
    painter.rect(
        rect,
        radius,
        visuals.window_fill.gamma_multiply(fade),
        outline,
        StrokeKind::Inside,
    );
    let stripe = Rect::from_min_size(rect.min, vec2(5.0 * zoom, rect.height()));
    painter.rect_filled(
        stripe,
        egui::CornerRadius {
            nw: radius as u8,
            sw: radius as u8,
            ne: 0,
            se: 0,
        },
        status.gamma_multiply(fade),
    );
    let text = visuals.text_color().gamma_multiply(fade);
    let weak = visuals.weak_text_color().gamma_multiply(fade);
    let pad = 10.0 * zoom;
    let small = FontId::proportional(11.5 * zoom);
    let id_rect = painter.text(
        rect.min + vec2(pad, 7.0 * zoom),
        Align2::LEFT_TOP,
        task.id.as_str(),
        FontId::monospace(11.5 * zoom),
        text,
    );
    let mut right = rect.right() - pad;
    if let Some(hours) = task.estimate.hours {
        let hours_rect = painter.text(
            pos2(right, rect.top() + 7.0 * zoom),
            Align2::RIGHT_TOP,
            format_hours(hours),
            small.clone(),
            weak,
        );
        right = hours_rect.left() - 6.0 * zoom;
    }
    if scene.plan.category(&task.status) == StatusCategory::Blocked {
        painter.text(
            pos2(right, rect.top() + 6.0 * zoom),
            Align2::RIGHT_TOP,
            "⚠",
            small.clone(),
            visuals.error_fg_color.gamma_multiply(fade),
        );
    }
    let mut job = LayoutJob::single_section(
        task.title.clone(),
        TextFormat::simple(FontId::proportional(13.0 * zoom), text),
    );
    job.wrap = TextWrapping::truncate_at_width(rect.width() - 2.0 * pad);
    let galley = painter.layout_job(job);
    painter.galley(
        pos2(rect.left() + pad, id_rect.bottom() + 6.0 * zoom),
        galley,
        text,
    );
    let hovered_handle = painter
        .ctx()
        .pointer_hover_pos()
        .is_some_and(|p| rect.expand(8.0).contains(p));
    if hovered_handle {
        painter.circle(
            handle_center(rect),
            (5.0 * zoom).clamp(4.0, 8.0),
            visuals.window_fill,
            Stroke::new(1.5, visuals.selection.stroke.color),
        );
    }
}

/// The connection being drawn: a dashed line from the source's connector to the pointer, and on a
/// target card either an accepting outline or a red one with the reason it is refused.
pub(super) fn connecting(
    ui: &Ui,
    painter: &Painter,
    scene: &Scene<'_>,
    source: Rect,
    target: Option<(Rect, Option<&String>)>,
) {
    let visuals = ui.visuals();
    let start = handle_center(scene.camera.rect_to_screen(scene.canvas, source));
    let Some(tip) = ui.input(|i| i.pointer.latest_pos()) else {
        return;
    };
    let refused = target.and_then(|(_, reason)| reason);
    let color = if refused.is_some() {
        visuals.error_fg_color
    } else {
        visuals.selection.stroke.color
    };
    painter.extend(Shape::dashed_line(
        &[start, tip],
        Stroke::new(2.0, color),
        8.0,
        5.0,
    ));
    let Some((target, reason)) = target else {
        return;
    };
    let screen = scene.camera.rect_to_screen(scene.canvas, target);
    painter.rect_stroke(
        screen.expand(3.0),
        8.0,
        Stroke::new(2.5, color),
        StrokeKind::Outside,
    );
    if let Some(reason) = reason {
        egui::Area::new(ui.scope_id().with("graph-refusal"))
            .order(egui::Order::Tooltip)
            .fixed_pos(screen.left_bottom() + vec2(0.0, 8.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.colored_label(ui.visuals().error_fg_color, format!("Refused: {reason}"));
                });
            });
    }
}
