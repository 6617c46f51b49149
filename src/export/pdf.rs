//! The PDF back-end of scenes, through krilla: vector shapes, selectable text in one embedded subset of
//! the bundled `DejaVu Sans` shared by all pages, the title and date in the metadata. Glyphs are placed
//! with the font's own advances, exactly as the layout measured them.

use super::font::{Weight, baseline_below_middle, glyph_run, weighted_width};
use super::{
    Anchor, ExportError, Item, Point, Rect, Rgba, Scene, Shape, Stroke, arrowhead, diamond_corners,
};
use chrono::{Datelike, NaiveDate};
use krilla::Document;
use krilla::geom::{Path, PathBuilder};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

/// What the document says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentInfo {
    /// The title (the plan's and the view's).
    pub title: String,
    /// The day it was made.
    pub date: NaiveDate,
}

/// Writes scenes as the pages of one PDF document, each page the size of its scene in points.
pub fn to_pdf(pages: &[Scene], info: &DocumentInfo) -> Result<Vec<u8>, ExportError> {
    if pages.is_empty() {
        return Err(ExportError::Empty("no page to write".to_owned()));
    }
    let fonts = Fonts::load()?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(info.title.clone())
            .creator("Waymark".to_owned())
            .producer("Waymark".to_owned())
            .creation_date(
                DateTime::new(info.date.year().clamp(0, 9999) as u16)
                    .month(info.date.month() as u8)
                    .day(info.date.day() as u8),
            ),
    );
    for scene in pages {
        let settings = PageSettings::from_wh(scene.width.max(1.0), scene.height.max(1.0))
            .ok_or_else(|| ExportError::Pdf("a page has no size".to_owned()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        if let Some(background) = scene.background
            && let Some(path) =
                rect_path(Rect::from_edges(0.0, 0.0, scene.width, scene.height), 0.0)
        {
            fill_path(&mut surface, &path, background);
        }
        draw_items(&mut surface, &scene.items, &fonts);
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

fn draw_items(surface: &mut Surface<'_>, items: &[Item], fonts: &Fonts) {
    for item in items {
        draw_shape(surface, &item.shape, fonts);
    }
}

fn draw_shape(surface: &mut Surface<'_>, shape: &Shape, fonts: &Fonts) {
    match shape {
        Shape::Rect {
            rect,
            fill,
            stroke,
            radius,
        } => {
            if let Some(fill) = fill
                && let Some(path) = rect_path(*rect, *radius)
            {
                fill_path(surface, &path, *fill);
            }
            if let Some(stroke) = stroke {
                let inset = stroke.width / 2.0;
                let inner = Rect::from_edges(
                    rect.min.x + inset,
                    rect.min.y + inset,
                    rect.max.x - inset,
                    rect.max.y - inset,
                );
                if let Some(path) = rect_path(inner, (radius - inset).max(0.0)) {
                    stroke_path(surface, &path, *stroke);
                }
            }
        }
        Shape::Line {
            points,
            stroke,
            arrow,
        } => {
            if let Some(path) = polyline(points, false) {
                stroke_path(surface, &path, *stroke);
            }
            if *arrow
                && let [.., before, tip] = points.as_slice()
                && let Some(head) = polyline(&arrowhead(*before, *tip, stroke.width), true)
            {
                fill_path(surface, &head, stroke.color);
            }
        }
        Shape::Diamond {
            center,
            radius,
            fill,
            stroke,
        } => {
            let corners = diamond_corners(*center, *radius);
            if let Some(path) = polyline(&corners, true) {
                fill_path(surface, &path, *fill);
                if let Some(stroke) = stroke {
                    stroke_path(surface, &path, *stroke);
                }
            }
        }
        Shape::Text {
            pos,
            text,
            size,
            color,
            anchor,
            weight,
        } => {
            if text.trim().is_empty() {
                return;
            }
            let width = weighted_width(text, *size, *weight);
            let x = match anchor {
                Anchor::Start => pos.x,
                Anchor::Middle => pos.x - width / 2.0,
                Anchor::End => pos.x - width,
            };
            let glyphs: Vec<KrillaGlyph> = glyph_run(text, *weight)
                .into_iter()
                .map(|glyph| KrillaGlyph {
                    glyph_id: GlyphId::new(u32::from(glyph.id)),
                    text_range: glyph.bytes,
                    x_advance: glyph.advance,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    y_advance: 0.0,
                    location: None,
                })
                .collect();
            surface.set_fill(Some(fill(*color)));
            surface.set_stroke(None);
            surface.draw_glyphs(
                krilla::geom::Point::from_xy(x, pos.y + baseline_below_middle(*size)),
                &glyphs,
                fonts.of(*weight),
                text,
                *size,
                false,
            );
        }
        Shape::Clip { rect, items } => {
            let Some(path) = rect_path(*rect, 0.0) else {
                return;
            };
            surface.push_clip_path(&path, &FillRule::NonZero);
            draw_items(surface, items, fonts);
            surface.pop();
        }
    }
}

/// The bundled faces, loaded once per document so each is embedded as one subset.
struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    fn load() -> Result<Self, ExportError> {
        let load = |weight: Weight| {
            Font::new(krilla::Data::from(weight.font()), 0)
                .ok_or_else(|| ExportError::Pdf("the bundled font cannot be read".to_owned()))
        };
        Ok(Self {
            regular: load(Weight::Regular)?,
            bold: load(Weight::Bold)?,
        })
    }

    fn of(&self, weight: Weight) -> Font {
        match weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        }
    }
}

fn fill(color: Rgba) -> Fill {
    let [r, g, b, a] = color.0;
    Fill {
        paint: krilla::color::rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
        rule: FillRule::NonZero,
    }
}

fn fill_path(surface: &mut Surface<'_>, path: &Path, color: Rgba) {
    surface.set_stroke(None);
    surface.set_fill(Some(fill(color)));
    surface.draw_path(path);
}

fn stroke_path(surface: &mut Surface<'_>, path: &Path, stroke: Stroke) {
    let [r, g, b, a] = stroke.color.0;
    surface.set_fill(None);
    surface.set_stroke(Some(krilla::paint::Stroke {
        paint: krilla::color::rgb::Color::new(r, g, b).into(),
        width: stroke.width,
        opacity: NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
        dash: stroke.dash.map(|dash| StrokeDash {
            array: vec![dash, dash * 0.8],
            offset: 0.0,
        }),
        ..krilla::paint::Stroke::default()
    }));
    surface.draw_path(path);
    surface.set_stroke(None);
}

fn polyline(points: &[Point], closed: bool) -> Option<Path> {
    let (first, rest) = points.split_first()?;
    let mut builder = PathBuilder::new();
    builder.move_to(first.x, first.y);
    for point in rest {
        builder.line_to(point.x, point.y);
    }
    if closed {
        builder.close();
    }
    builder.finish()
}

/// A rectangle with rounded corners (quarter circles drawn as cubic curves).
#[expect(
    clippy::many_single_char_names,
    reason = "edges and radius of a rectangle"
)]
fn rect_path(rect: Rect, radius: f32) -> Option<Path> {
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let r = radius
        .min(rect.width() / 2.0)
        .min(rect.height() / 2.0)
        .max(0.0);
    let (l, t, right, b) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    let mut builder = PathBuilder::new();
    if r <= 0.01 {
        builder.move_to(l, t);
        builder.line_to(right, t);
        builder.line_to(right, b);
        builder.line_to(l, b);
        builder.close();
        return builder.finish();
    }
    // How far a cubic's control points sit from a corner to draw a quarter circle.
    let k = r * 0.447_715;
    builder.move_to(l + r, t);
    builder.line_to(right - r, t);
    builder.cubic_to(right - k, t, right, t + k, right, t + r);
    builder.line_to(right, b - r);
    builder.cubic_to(right, b - k, right - k, b, right - r, b);
    builder.line_to(l + r, b);
    builder.cubic_to(l + k, b, l, b - k, l, b - r);
    builder.line_to(l, t + r);
    builder.cubic_to(l, t + k, l + k, t, l + r, t);
    builder.close();
    builder.finish()
}
