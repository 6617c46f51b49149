//! The overview in the canvas' corner, shown when the graph does not fit the view: every card as a dot,
//! the visible part as a frame; clicking or dragging in it moves the view there.

use super::GraphState;
use super::camera::{Camera, card_rect};
use crate::analysis::GraphLayout;
use egui::{Rect, Role, Sense, Stroke, StrokeKind, Ui, WidgetInfo, pos2, vec2};

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

/// Paints the minimap: background, the shown cards, the frame of the view.
pub(super) fn paint(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    minimap: &Minimap,
    camera: &Camera,
    canvas: Rect,
    layout: &GraphLayout,
    shown: &[bool],
) {
    painter.rect(
        minimap.rect,
        4.0,
        visuals.extreme_bg_color.gamma_multiply(0.92),
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        StrokeKind::Outside,
    );
    let dot = visuals.text_color().gamma_multiply(0.5);
    for (index, corner) in layout.positions.iter().enumerate() {
        if !shown[index] {
            continue;
        }
        let card = card_rect(*corner);
        let min = minimap.to_map(card.min);
        let max = minimap.to_map(card.max);
        let rect = Rect::from_min_max(min, pos2(max.x.max(min.x + 1.0), max.y.max(min.y + 1.0)));
        painter.rect_filled(rect, 0.0, dot);
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
