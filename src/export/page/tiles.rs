//! Any view's scene on pages: scaled by the page setup, then cut into page-sized tiles.

use super::decorate::{LegendEntry, Sheet};
use super::{PageSummary, PagedDocument, PrintContext, Tiles, cull, smallest_text};
use crate::export::{Rect, Rgba, Scene, Shape, Transform, bounds};
use crate::model::{LegendPages, PageSetup, PrintScale};

/// The largest scale: a drawing is never printed bigger than on screen.
const MAX_SCALE: f32 = 1.0;
/// The scale of a print at a fixed scale (views without a time axis print at this size).
const FIXED_SCALE: f32 = 0.8;

/// Puts a view's drawing on pages by a page setup. `detail` follows the view's name in each page's
/// header (a date range, a sprint); `legend` is drawn where the setup puts it.
pub fn scene_pages(
    drawing: &Scene,
    setup: &PageSetup,
    print: &PrintContext,
    detail: &str,
    legend: &[LegendEntry],
) -> PagedDocument {
    let (width, height) = setup.page_points();
    let sheet = Sheet {
        width,
        height,
        margin: setup.margin_points(),
    };
    let content = sheet.content(setup.legend != LegendPages::None && !legend.is_empty());
    let (w, h) = (content.width(), content.height());
    let (dw, dh) = (drawing.width.max(1.0), drawing.height.max(1.0));
    let scale = match setup.scale {
        PrintScale::FitPages { wide, tall } => {
            let wide = wide.clamp(1, 100) as f32;
            let tall = tall.clamp(1, 100) as f32;
            (wide * w / dw).min(tall * h / dh).min(MAX_SCALE)
        }
        PrintScale::FitWidth => (w / dw).min(MAX_SCALE),
        PrintScale::WeekWidth { .. } => FIXED_SCALE,
    };
    let wide = ((dw * scale / w) - 1e-3).ceil().max(1.0) as u32;
    let tall = ((dh * scale / h) - 1e-3).ceil().max(1.0) as u32;

    let mut tiles = Vec::new();
    let mut empty_skipped = 0;
    for row in 0..tall {
        for column in 0..wide {
            let window = Rect::from_edges(
                column as f32 * w / scale,
                row as f32 * h / scale,
                (column + 1) as f32 * w / scale,
                (row + 1) as f32 * h / scale,
            );
            if (row, column) != (0, 0) && !shows_anything(drawing, &window) {
                empty_skipped += 1;
                continue;
            }
            let place = Transform {
                scale,
                dx: content.min.x - window.min.x * scale,
                dy: content.min.y - window.min.y * scale,
            };
            let mut page = Scene::new(width, height, Some(Rgba::rgb(255, 255, 255)));
            let mut items = Vec::new();
            if let Some(background) = drawing.background {
                items.push(place.item(&crate::export::Item {
                    shape: Shape::Rect {
                        rect: Rect::from_edges(0.0, 0.0, dw, dh),
                        fill: Some(background),
                        stroke: None,
                        radius: 0.0,
                    },
                    hit: None,
                    label: None,
                }));
            }
            items.extend(
                cull(&drawing.items, &window)
                    .iter()
                    .map(|item| place.item(item)),
            );
            page.push(Shape::Clip {
                rect: content,
                items,
            });
            tiles.push((page, column, row));
        }
    }
    Tiles {
        pages: tiles,
        sheet,
    }
    .assemble(
        setup,
        print,
        detail,
        legend,
        PageSummary {
            pages_wide: wide,
            pages_tall: tall,
            empty_skipped,
            scale,
            smallest_text: smallest_text(drawing).unwrap_or(12.0) * scale,
            advice: None,
        },
    )
}

/// True when any shape or text of the drawing falls inside a window of it.
fn shows_anything(drawing: &Scene, window: &Rect) -> bool {
    let mut found = false;
    drawing.visit(|item, _| {
        if found {
            return;
        }
        found = match &item.shape {
            Shape::Text { pos, .. } => window.contains(*pos),
            shape => bounds(shape).is_some_and(|area| area.intersects(window)),
        };
    });
    found
}
