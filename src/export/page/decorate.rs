//! What goes on every page around the drawing: a header (plan title, view, date range, tile label), a
//! footer ("Page 3 of 8", printed date, file name) and the legend.

use super::PrintContext;
use crate::export::font::{Weight, fit, fit_weighted, text_width, weighted_width};
use crate::export::{Anchor, Point, Rect, Rgba, Scene, Shape, Stroke};

/// Height of the header band above the drawing.
const HEADER: f32 = 30.0;
/// Height of the footer band below the drawing.
const FOOTER: f32 = 18.0;
/// Height of the legend band above the footer.
const LEGEND: f32 = 16.0;
/// Title size.
const TITLE_PT: f32 = 12.0;
/// Size of the other page text.
const SMALL_PT: f32 = 8.0;

const INK: Rgba = Rgba::rgb(31, 35, 40);
const WEAK: Rgba = Rgba::rgb(96, 104, 115);
const RULE: Rgba = Rgba::rgb(200, 205, 212);

/// One entry of the legend: a mark and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// What it means ("Done", "Critical path").
    pub label: String,
    /// How it looks.
    pub mark: LegendMark,
}

/// How a legend entry looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LegendMark {
    /// A filled bar.
    Swatch(Rgba),
    /// An outlined bar.
    Outline(Rgba),
    /// A diamond.
    Diamond(Rgba),
    /// A vertical line.
    Line(Rgba),
}

/// A page's size and margin, and where its drawing goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Sheet {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// Margin on every side.
    pub margin: f32,
}

impl Sheet {
    /// Where the drawing goes, with or without a legend band.
    pub fn content(&self, legend: bool) -> Rect {
        let bottom = self.height - self.margin - FOOTER - if legend { LEGEND } else { 0.0 };
        Rect::from_edges(
            self.margin,
            self.margin + HEADER,
            self.width - self.margin,
            bottom.max(self.margin + HEADER + 10.0),
        )
    }
}

/// What the furniture of one page says.
pub(super) struct PageText<'a> {
    /// Where the pages come from.
    pub context: &'a PrintContext,
    /// The dates shown ("20 Oct 2025 – 26 Dec 2025").
    pub range: &'a str,
    /// 1-based page number.
    pub number: usize,
    /// Pages in the document.
    pub count: usize,
    /// "B2" when the drawing spans pages both ways.
    pub tile: Option<String>,
    /// The legend, when it goes on this page.
    pub legend: Option<&'a [LegendEntry]>,
}

/// Adds the header, footer and legend to a page.
pub(super) fn decorate(page: &mut Scene, sheet: &Sheet, text: &PageText<'_>) {
    let left = sheet.margin;
    let right = sheet.width - sheet.margin;
    let width = right - left;
    let context = text.context;

    // Header: title left, view and range after it, tile label right.
    let title_y = sheet.margin + 9.0;
    let tile_width = text.tile.as_ref().map_or(0.0, |tile| {
        weighted_width(tile, TITLE_PT, Weight::Bold) + 12.0
    });
    let title = if context.title.trim().is_empty() {
        "Untitled plan"
    } else {
        context.title.trim()
    };
    let title = fit_weighted(title, TITLE_PT, width * 0.55, Weight::Bold).into_owned();
    let title_advance = weighted_width(&title, TITLE_PT, Weight::Bold);
    page.bold_text(
        Point::new(left, title_y),
        title,
        TITLE_PT,
        INK,
        Anchor::Start,
    );
    let detail = format!("{} · {}", context.view, text.range);
    let detail_room = (width - title_advance - tile_width - 14.0).max(0.0);
    page.text(
        Point::new(left + title_advance + 12.0, title_y + 1.0),
        fit(&detail, SMALL_PT + 1.0, detail_room).into_owned(),
        SMALL_PT + 1.0,
        WEAK,
        Anchor::Start,
    );
    if let Some(tile) = &text.tile {
        page.bold_text(
            Point::new(right, title_y),
            tile.clone(),
            TITLE_PT,
            INK,
            Anchor::End,
        );
    }
    let rule_y = sheet.margin + HEADER - 8.0;
    page.push(Shape::Line {
        points: vec![Point::new(left, rule_y), Point::new(right, rule_y)],
        stroke: Stroke::solid(0.6, RULE),
        arrow: false,
    });

    // Footer: printed date and file left, page number right.
    let footer_y = sheet.height - sheet.margin - FOOTER / 2.0 + 2.0;
    let mut origin = format!("Printed {}", context.printed.format("%-d %b %Y"));
    if !context.file_name.is_empty() {
        origin.push_str(" · ");
        origin.push_str(&context.file_name);
    }
    let page_number = format!("Page {} of {}", text.number, text.count);
    let number_width = text_width(&page_number, SMALL_PT);
    page.text(
        Point::new(left, footer_y),
        fit(&origin, SMALL_PT, width - number_width - 16.0).into_owned(),
        SMALL_PT,
        WEAK,
        Anchor::Start,
    );
    page.text(
        Point::new(right, footer_y),
        page_number,
        SMALL_PT,
        WEAK,
        Anchor::End,
    );

    if let Some(entries) = text.legend {
        let middle = sheet.height - sheet.margin - FOOTER - LEGEND / 2.0 + 2.0;
        legend(page, entries, left, right, middle);
    }
}

/// Draws the legend entries in one line from `left`, leaving out those that do not fit.
fn legend(page: &mut Scene, entries: &[LegendEntry], left: f32, right: f32, middle: f32) {
    let mut x = left;
    for entry in entries {
        let needed = 18.0 + text_width(&entry.label, SMALL_PT) + 12.0;
        if x + needed > right {
            break;
        }
        let mark = Rect::from_edges(x, middle - 4.0, x + 14.0, middle + 4.0);
        page.push(match entry.mark {
            LegendMark::Swatch(color) => Shape::Rect {
                rect: mark,
                fill: Some(color),
                stroke: None,
                radius: 2.0,
            },
            LegendMark::Outline(color) => Shape::Rect {
                rect: mark,
                fill: None,
                stroke: Some(Stroke::solid(1.5, color)),
                radius: 2.0,
            },
            LegendMark::Diamond(color) => Shape::Diamond {
                center: Point::new(x + 7.0, middle),
                radius: 5.0,
                fill: color,
                stroke: None,
            },
            LegendMark::Line(color) => Shape::Line {
                points: vec![
                    Point::new(x + 7.0, middle - 6.0),
                    Point::new(x + 7.0, middle + 6.0),
                ],
                stroke: Stroke::solid(1.5, color),
                arrow: false,
            },
        });
        page.text(
            Point::new(x + 18.0, middle),
            entry.label.clone(),
            SMALL_PT,
            INK,
            Anchor::Start,
        );
        x += needed;
    }
}

/// The tile label of a page: column letters (A, B… Z, AA…) and a row number.
pub(super) fn tile_label(column: u32, row: u32) -> String {
    let mut letters = String::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

#[cfg(test)]
mod tests {
    use super::tile_label;

    #[test]
    fn tiles_are_named_like_a_map() {
        assert_eq!(tile_label(0, 0), "A1");
        assert_eq!(tile_label(1, 1), "B2");
        assert_eq!(tile_label(26, 2), "AA3");
    }
}
