//! The SVG back-end of a scene: deterministic (the same scene gives the same bytes), with text kept as
//! `<text>` in the bundled font's family so titles can be found and selected.

use super::font::{FAMILY, baseline_below_middle};
use super::{
    Anchor, Item, Point, Rect, Rgba, Scene, Shape, Stroke, Weight, arrowhead, diamond_corners,
};
use std::fmt::Write as _;

/// Writes a scene as a standalone SVG document, sized in points.
pub fn to_svg(scene: &Scene) -> String {
    let mut out = String::with_capacity(256 + scene.items.len() * 96);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}" font-family="{FAMILY}">"#,
        w = num(scene.width),
        h = num(scene.height),
    );
    out.push('\n');
    if let Some(background) = scene.background {
        let _ = writeln!(
            out,
            r#"<rect width="{}" height="{}"{}/>"#,
            num(scene.width),
            num(scene.height),
            paint("fill", background)
        );
    }
    let mut clips = 0;
    write_items(&mut out, &scene.items, &mut clips);
    out.push_str("</svg>\n");
    out
}

fn write_items(out: &mut String, items: &[Item], clips: &mut usize) {
    for item in items {
        write_shape(out, &item.shape, clips);
    }
}

fn write_shape(out: &mut String, shape: &Shape, clips: &mut usize) {
    match shape {
        Shape::Rect {
            rect,
            fill,
            stroke,
            radius,
        } => write_rect(out, *rect, *fill, *stroke, *radius),
        Shape::Line {
            points,
            stroke,
            arrow,
        } => {
            if points.len() < 2 {
                return;
            }
            let _ = writeln!(
                out,
                r#"<polyline points="{}" fill="none"{}/>"#,
                point_list(points),
                stroke_attributes(*stroke)
            );
            if *arrow && let [.., before, tip] = points.as_slice() {
                let head = arrowhead(*before, *tip, stroke.width);
                let _ = writeln!(
                    out,
                    r#"<polygon points="{}"{}/>"#,
                    point_list(&head),
                    paint("fill", stroke.color)
                );
            }
        }
        Shape::Diamond {
            center,
            radius,
            fill,
            stroke,
        } => {
            let corners = diamond_corners(*center, *radius);
            let _ = writeln!(
                out,
                r#"<polygon points="{}"{}{}/>"#,
                point_list(&corners),
                paint("fill", *fill),
                stroke.map(stroke_attributes).unwrap_or_default()
            );
        }
        Shape::Text {
            pos,
            text,
            size,
            color,
            anchor,
            weight,
        } => {
            if text.is_empty() {
                return;
            }
            let anchor = match anchor {
                Anchor::Start => "",
                Anchor::Middle => r#" text-anchor="middle""#,
                Anchor::End => r#" text-anchor="end""#,
            };
            let weight = match weight {
                Weight::Regular => "",
                Weight::Bold => r#" font-weight="bold""#,
            };
            let _ = writeln!(
                out,
                r#"<text x="{}" y="{}" font-size="{}"{}{anchor}{weight} xml:space="preserve">{}</text>"#,
                num(pos.x),
                num(pos.y + baseline_below_middle(*size)),
                num(*size),
                paint("fill", *color),
                escape(text)
            );
        }
        Shape::Clip { rect, items } => {
            let id = *clips;
            *clips += 1;
            let _ = writeln!(
                out,
                r#"<clipPath id="c{id}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
                num(rect.min.x),
                num(rect.min.y),
                num(rect.width().max(0.0)),
                num(rect.height().max(0.0))
            );
            let _ = writeln!(out, r#"<g clip-path="url(#c{id})">"#);
            write_items(out, items, clips);
            out.push_str("</g>\n");
        }
    }
}

fn write_rect(
    out: &mut String,
    rect: Rect,
    fill: Option<Rgba>,
    stroke: Option<Stroke>,
    radius: f32,
) {
    let corner = |radius: f32| {
        if radius > 0.0 {
            format!(r#" rx="{}""#, num(radius))
        } else {
            String::new()
        }
    };
    if let Some(fill) = fill {
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}"{}{}/>"#,
            num(rect.min.x),
            num(rect.min.y),
            num(rect.width().max(0.0)),
            num(rect.height().max(0.0)),
            corner(radius),
            paint("fill", fill)
        );
    }
    if let Some(stroke) = stroke {
        // The scene's outlines are drawn inside the rectangle.
        let inset = stroke.width / 2.0;
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}"{} fill="none"{}/>"#,
            num(rect.min.x + inset),
            num(rect.min.y + inset),
            num((rect.width() - stroke.width).max(0.0)),
            num((rect.height() - stroke.width).max(0.0)),
            corner((radius - inset).max(0.0)),
            stroke_attributes(stroke)
        );
    }
}

fn stroke_attributes(stroke: Stroke) -> String {
    let mut attributes = format!(
        r#"{} stroke-width="{}""#,
        paint("stroke", stroke.color),
        num(stroke.width)
    );
    if let Some(dash) = stroke.dash {
        let _ = write!(
            attributes,
            r#" stroke-dasharray="{} {}""#,
            num(dash),
            num(dash * 0.8)
        );
    }
    attributes
}

/// ` fill="#rrggbb"` (or `stroke`), with an opacity when the colour is not opaque.
fn paint(attribute: &str, color: Rgba) -> String {
    let [r, g, b, a] = color.0;
    let mut text = format!(r##" {attribute}="#{r:02x}{g:02x}{b:02x}""##);
    if a < 255 {
        let _ = write!(
            text,
            r#" {attribute}-opacity="{}""#,
            num(f32::from(a) / 255.0)
        );
    }
    text
}

fn point_list(points: &[Point]) -> String {
    let mut text = String::new();
    for (at, point) in points.iter().enumerate() {
        if at > 0 {
            text.push(' ');
        }
        let _ = write!(text, "{},{}", num(point.x), num(point.y));
    }
    text
}

/// A number with at most two decimals and no trailing zeros, the same on every machine.
fn num(value: f32) -> String {
    let rounded = (f64::from(value) * 100.0).round() / 100.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(0.5), "0.5");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("R&D <v2> \"x\""), "R&amp;D &lt;v2&gt; &quot;x&quot;");
    }
}
