//! Small helpers the board and graph scenes share: rounded boxes, a stripe down a box's left edge,
//! wrapped text, and the scene that only says why there is nothing to draw.

use super::font;
use super::timeline::Palette;
use super::{Anchor, Point, Rect, Rgba, Scene, Shape, Stroke};

/// Space around a board or graph scene, in points.
pub const MARGIN: f32 = 16.0;

/// The height of one line of text at a size.
pub fn line_height(size: f32) -> f32 {
    size * 1.2
}

/// A rounded rectangle.
pub fn rounded(rect: Rect, fill: Option<Rgba>, stroke: Option<Stroke>, radius: f32) -> Shape {
    Shape::Rect {
        rect,
        fill,
        stroke,
        radius,
    }
}

/// A stripe of `width` down the left edge of a rounded box, keeping the box's rounded corners: the
/// whole box in `color`, clipped to the stripe.
pub fn left_stripe(rect: Rect, width: f32, radius: f32, color: Rgba) -> Shape {
    Shape::Clip {
        rect: Rect::from_edges(rect.min.x, rect.min.y, rect.min.x + width, rect.max.y),
        items: vec![super::Item {
            shape: rounded(rect, Some(color), None, radius),
            hit: None,
            label: None,
        }],
    }
}

/// Text whose top is at `top` (its anchor is the middle of the line).
pub fn text_at_top(x: f32, top: f32, text: impl Into<String>, size: f32, color: Rgba) -> Shape {
    Shape::Text {
        pos: Point::new(x, top + line_height(size) / 2.0),
        text: text.into(),
        size,
        color,
        anchor: Anchor::Start,
        weight: crate::export::Weight::Regular,
    }
}

/// Breaks `text` into at most `max_lines` lines no wider than `width` at `size`, at spaces where it
/// can; the last line ends in an ellipsis when text is left over.
pub fn wrap(text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() && lines.len() < max_lines {
        if lines.len() + 1 == max_lines || font::text_width(rest, size) <= width {
            lines.push(font::fit(rest, size, width).into_owned());
            break;
        }
        let mut end = 0;
        let mut last_space = None;
        let mut used = 0.0;
        for (index, c) in rest.char_indices() {
            used += font::text_width(c.encode_utf8(&mut [0; 4]), size);
            if used > width {
                break;
            }
            if c == ' ' {
                last_space = Some(index);
            }
            end = index + c.len_utf8();
        }
        let cut = match last_space {
            Some(space) if space > 0 => space,
            _ => end.max(rest.chars().next().map_or(1, char::len_utf8)),
        };
        lines.push(rest[..cut].trim_end().to_owned());
        rest = rest[cut..].trim_start();
    }
    lines
}

/// A scene that only says why there is nothing to draw ("This plan has no tasks."), sized to its text.
pub fn message_scene(message: &str, palette: &Palette) -> Scene {
    let size = 14.0;
    let width = font::text_width(message, size) + 4.0 * MARGIN;
    let height = line_height(size) + 4.0 * MARGIN;
    let mut scene = Scene::new(width, height, Some(palette.background));
    scene.text(
        Point::new(2.0 * MARGIN, height / 2.0),
        message,
        size,
        palette.weak,
        Anchor::Start,
    );
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces_and_ends_in_an_ellipsis() {
        let text = "Design the invoice dashboard for the finance team and its many reviewers";
        let lines = wrap(text, 13.5, 150.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(text.starts_with(&lines[0]), "{lines:?}");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| font::text_width(l, 13.5) <= 150.0));
        assert_eq!(wrap("Short", 13.5, 150.0, 2), vec!["Short".to_owned()]);
        assert!(wrap("", 13.5, 150.0, 2).is_empty());
    }
}
