//! Paints a [`Scene`] with egui's painter: the window's back-end of the scenes the exporters also write.

use crate::export::{
    Anchor, Item, Point, Rect, Rgba, Scene, Shape, Stroke, Weight, arrowhead, diamond_corners,
};
use egui::epaint::{PathShape, RectShape};
use egui::{Align2, Color32, FontFamily, FontId, Painter, Pos2, StrokeKind, Vec2, pos2};

/// The font family scene text is drawn in: the bundled `DejaVu Sans` the core measures text with.
pub fn scene_font_family() -> FontFamily {
    FontFamily::Name(crate::export::font::FAMILY.into())
}

/// The font family of scene text in a weight.
pub fn scene_font_family_of(weight: Weight) -> FontFamily {
    match weight {
        Weight::Regular => scene_font_family(),
        Weight::Bold => FontFamily::Name(BOLD_FAMILY.into()),
    }
}

/// The egui family name of the bold face of scene text.
pub const BOLD_FAMILY: &str = "DejaVu Sans Bold";

/// Paints a scene with its top-left corner at `origin`.
pub fn paint_scene(painter: &Painter, scene: &Scene, origin: Pos2) {
    let offset = origin.to_vec2();
    if let Some(background) = scene.background {
        painter.rect_filled(
            egui::Rect::from_min_size(origin, egui::vec2(scene.width, scene.height)),
            0.0,
            color(background),
        );
    }
    paint_items(painter, &scene.items, offset);
}

fn paint_items(painter: &Painter, items: &[Item], offset: Vec2) {
    for item in items {
        paint_shape(painter, &item.shape, offset);
    }
}

fn paint_shape(painter: &Painter, shape: &Shape, offset: Vec2) {
    match shape {
        Shape::Rect {
            rect: area,
            fill,
            stroke: outline,
            radius,
        } => {
            if fill.is_none() && outline.is_none() {
                return;
            }
            painter.add(RectShape::new(
                rect(*area, offset),
                *radius,
                fill.map_or(Color32::TRANSPARENT, color),
                outline.map_or(egui::Stroke::NONE, stroke),
                StrokeKind::Inside,
            ));
        }
        Shape::Line {
            points,
            stroke: line,
            arrow,
        } => paint_line(painter, points, *line, *arrow, offset),
        Shape::Diamond {
            center,
            radius,
            fill,
            stroke: outline,
        } => {
            let corners = diamond_corners(*center, *radius)
                .map(|corner| pos(corner, offset))
                .to_vec();
            painter.add(PathShape::convex_polygon(
                corners,
                color(*fill),
                outline.map_or(egui::Stroke::NONE, stroke),
            ));
        }
        Shape::Text {
            pos: at,
            text,
            size,
            color: ink,
            anchor,
            weight,
        } => {
            let align = match anchor {
                Anchor::Start => Align2::LEFT_CENTER,
                Anchor::Middle => Align2::CENTER_CENTER,
                Anchor::End => Align2::RIGHT_CENTER,
            };
            painter.text(
                pos(*at, offset),
                align,
                text,
                FontId::new(*size, scene_font_family_of(*weight)),
                color(*ink),
            );
        }
        Shape::Clip { rect: area, items } => {
            let clipped =
                painter.with_clip_rect(rect(*area, offset).intersect(painter.clip_rect()));
            paint_items(&clipped, items, offset);
        }
    }
}

fn paint_line(painter: &Painter, line_points: &[Point], line: Stroke, arrow: bool, offset: Vec2) {
    let points: Vec<Pos2> = line_points.iter().map(|p| pos(*p, offset)).collect();
    let egui_stroke = stroke(line);
    match line.dash {
        Some(dash) => {
            painter.extend(egui::Shape::dashed_line(
                &points,
                egui_stroke,
                dash,
                dash * 0.8,
            ));
        }
        None => {
            painter.add(PathShape::line(points, egui_stroke));
        }
    }
    if arrow && let [.., before, tip] = line_points {
        let head = arrowhead(*before, *tip, line.width).map(|p| pos(p, offset));
        painter.add(PathShape::convex_polygon(
            head.to_vec(),
            egui_stroke.color,
            egui::Stroke::NONE,
        ));
    }
}

/// An egui colour.
pub fn color(rgba: Rgba) -> Color32 {
    let [r, g, b, a] = rgba.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

fn stroke(line: Stroke) -> egui::Stroke {
    egui::Stroke::new(line.width, color(line.color))
}

fn pos(point: Point, offset: Vec2) -> Pos2 {
    pos2(point.x, point.y) + offset
}

/// A scene rectangle in window points.
pub fn rect(area: Rect, offset: Vec2) -> egui::Rect {
    egui::Rect::from_min_max(pos(area.min, offset), pos(area.max, offset))
}
