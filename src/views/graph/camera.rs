//! Where the canvas looks: a pan offset and a zoom factor between layout units and screen points.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// The smallest zoom (the whole of a large plan in view).
pub const MIN_ZOOM: f32 = 0.02;
/// The largest zoom.
pub const MAX_ZOOM: f32 = 3.0;

/// Maps layout coordinates to screen coordinates: `screen = canvas.min + offset + layout * zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// Where the layout origin is, relative to the canvas' top-left corner.
    pub offset: Vec2,
    /// Screen points per layout unit.
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            offset: vec2(24.0, 24.0),
            zoom: 1.0,
        }
    }
}

impl Camera {
    /// A layout point on screen.
    pub fn to_screen(&self, canvas: Rect, point: Pos2) -> Pos2 {
        canvas.min + self.offset + point.to_vec2() * self.zoom
    }

    /// A screen point in layout coordinates.
    pub fn to_layout(&self, canvas: Rect, point: Pos2) -> Pos2 {
        ((point - canvas.min - self.offset) / self.zoom).to_pos2()
    }

    /// A layout rectangle on screen.
    pub fn rect_to_screen(&self, canvas: Rect, rect: Rect) -> Rect {
        Rect::from_min_max(
            self.to_screen(canvas, rect.min),
            self.to_screen(canvas, rect.max),
        )
    }

    /// Zooms by a factor, keeping the layout point under `anchor` (a screen point) where it is.
    pub fn zoom_by(&mut self, canvas: Rect, factor: f32, anchor: Pos2) {
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let fixed = anchor - canvas.min;
        self.offset = fixed - (fixed - self.offset) * (zoom / self.zoom);
        self.zoom = zoom;
    }

    /// Shows a layout rectangle whole and centred, at most at zoom 1.
    pub fn fit(&mut self, canvas: Rect, content: Rect) {
        let margin = 32.0;
        let size = content.size().max(vec2(1.0, 1.0));
        let zoom_x = (canvas.width() - 2.0 * margin).max(1.0) / size.x;
        let zoom_y = (canvas.height() - 2.0 * margin).max(1.0) / size.y;
        self.zoom = zoom_x.min(zoom_y).clamp(MIN_ZOOM, 1.0);
        self.center_on(canvas, content.center());
    }

    /// Puts a layout point at the canvas' centre.
    pub fn center_on(&mut self, canvas: Rect, point: Pos2) {
        self.offset = canvas.size() / 2.0 - point.to_vec2() * self.zoom;
    }
}

/// The layout rectangle of a card at a top-left corner.
pub fn card_rect(corner: [f32; 2]) -> Rect {
    let [w, h] = crate::analysis::NODE_SIZE;
    Rect::from_min_size(pos2(corner[0], corner[1]), vec2(w, h))
}
