//! The overview in the canvas' corner, shown when the graph does not fit the view: every card as a dot,
//! the visible part as a frame; clicking or dragging in it moves the view there.

use super::GraphState;
use super::camera::{Camera, card_rect};
use crate::analysis::GraphLayout;
use egui::{Color32, Mesh, Rect, Role, Sense, Stroke, StrokeKind, Ui, WidgetInfo, vec2};
use std::sync::Arc;

const SIZE: egui::Vec2 = vec2(200.0, 130.0);

/// Where the minimap is and how layout maps into it.
pub(super) struct Minimap {
    rect: Rect,
    content: Rect,
    scale: f32,
}

impl Minimap {
    fn to_map(&self, point: egui::Pos2) -> egui::Pos2 {
        self.rect.min + (point - self.content.min) * self.scale
    }

    fn to_layout(&self, point: egui::Pos2) -> egui::Pos2 {
        self.content.min + (point - self.rect.min) / self.scale
    }
}

/// The minimap when the graph is larger than the view; clicks and drags in it move the camera.
pub(super) fn minimap_ui(
    ui: &Ui,
    state: &mut GraphState,
    canvas: Rect,
    content: Rect,
) -> Option<Minimap> {
    let on_screen = state.camera.rect_to_screen(canvas, content);
    if canvas.contains_rect(on_screen) || canvas.width() < SIZE.x * 2.0 {
        return None;
    }
    let content = content.expand(20.0);
    let scale = (SIZE.x / content.width()).min(SIZE.y / content.height());
    let size = content.size() * scale;
    let rect = Rect::from_min_size(canvas.max - size - vec2(10.0, 10.0), size);
    let minimap = Minimap {
        rect,
        content,
        scale,
    };
    let response = ui.interact(
        rect,
        ui.scope_id().with("graph-minimap"),
        Sense::click_and_drag(),
    );
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, "Minimap"));
    if (response.clicked() || response.dragged())
        && let Some(pointer) = response.interact_pointer_pos()
    {
        state.camera.center_on(canvas, minimap.to_layout(pointer));
    }
    Some(minimap)
}

/// The minimap's dots as one mesh, kept until the layout, the filter, the minimap's place or the
/// colour change: a 100,000-task graph costs one shape per frame, not one per card.
#[derive(Debug)]
pub(super) struct Dots {
    layout: Arc<GraphLayout>,
    shown: Arc<Vec<bool>>,
    rect: Rect,
    color: Color32,
    mesh: Arc<Mesh>,
}

impl Dots {
    /// True when these dots were made for this layout, filter, place and colour.
    fn fits(
        &self,
        layout: &Arc<GraphLayout>,
        shown: &Arc<Vec<bool>>,
        rect: Rect,
        color: Color32,
    ) -> bool {
        Arc::ptr_eq(&self.layout, layout)
            && Arc::ptr_eq(&self.shown, shown)
            && self.rect == rect
            && self.color == color
    }

    /// Marks the pixels the shown cards cover and joins each row's runs of marked pixels into one
    /// rectangle, so there are at most as many rectangles as the minimap has pixels.
    fn make(
        minimap: &Minimap,
        layout: &Arc<GraphLayout>,
        shown: &Arc<Vec<bool>>,
        color: Color32,
    ) -> Self {
        let rect = minimap.rect;
        let (width, height) = (
            rect.width().ceil() as usize + 1,
            rect.height().ceil() as usize + 1,
        );
        let mut lit = vec![false; width * height];
        for (index, corner) in layout.positions.iter().enumerate() {
            if !shown.get(index).copied().unwrap_or(false) {
                continue;
            }
            let card = card_rect(*corner);
            let (min, max) = (
                minimap.to_map(card.min) - rect.min,
                minimap.to_map(card.max) - rect.min,
            );
            let pixels = |from: f32, to: f32, size: usize| {
                let first = (from.floor().max(0.0) as usize).min(size - 1);
                let last = (to.ceil().max(from.floor() + 1.0) as usize).clamp(first + 1, size);
                first..last
            };
            for y in pixels(min.y, max.y, height) {
                lit[y * width..(y + 1) * width][pixels(min.x, max.x, width)].fill(true);
            }
        }
        let mut mesh = Mesh::default();
        for (y, row) in lit.chunks(width).enumerate() {
            let mut x = 0;
            while x < width {
                if !row[x] {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < width && row[x] {
                    x += 1;
                }
                let min = rect.min + vec2(start as f32, y as f32);
                mesh.add_colored_rect(
                    Rect::from_min_max(min, min + vec2((x - start) as f32, 1.0)),
                    color,
                );
            }
        }
        Self {
            layout: Arc::clone(layout),
            shown: Arc::clone(shown),
            rect,
            color,
            mesh: Arc::new(mesh),
        }
    }
}

/// Paints the minimap: background, the shown cards (from `dots`, remade when they no longer fit),
/// the frame of the view.
#[expect(
    clippy::too_many_arguments,
    reason = "the minimap's inputs, each needed once"
)]
pub(super) fn paint(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    minimap: &Minimap,
    camera: &Camera,
    canvas: Rect,
    layout: &Arc<GraphLayout>,
    shown: &Arc<Vec<bool>>,
    dots: &mut Option<Dots>,
) {
    painter.rect(
        minimap.rect,
        4.0,
        visuals.extreme_bg_color.gamma_multiply(0.92),
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        StrokeKind::Outside,
    );
    let color = visuals.text_color().gamma_multiply(0.5);
    if !dots
        .as_ref()
        .is_some_and(|d| d.fits(layout, shown, minimap.rect, color))
    {
        *dots = Some(Dots::make(minimap, layout, shown, color));
    }
    if let Some(dots) = dots {
        painter.add(egui::Shape::Mesh(Arc::clone(&dots.mesh)));
    }
    let view = Rect::from_min_max(
        minimap.to_map(camera.to_layout(canvas, canvas.min)),
        minimap.to_map(camera.to_layout(canvas, canvas.max)),
    )
    .intersect(minimap.rect);
    painter.rect_stroke(
        view,
        0.0,
        Stroke::new(1.5, visuals.selection.stroke.color),
        StrokeKind::Inside,
    );
}
