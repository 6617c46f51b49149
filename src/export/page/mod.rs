//! Pages: a view's scene cut onto paper by a [`PageSetup`], with a header, a footer, tile labels and a
//! legend on each page. The timeline is laid out page by page (its task names and time scale repeat
//! on every page, rows break only between rows); other views' scenes are scaled and tiled.
//!
//! [`PageSetup`]: crate::model::PageSetup

mod decorate;
mod tiles;
mod timeline;

pub use decorate::{LegendEntry, LegendMark};
pub use tiles::scene_pages;
pub use timeline::{TimelineSource, timeline_pages};

use super::Scene;
use super::pdf::DocumentInfo;
use chrono::NaiveDate;
use std::fmt::Write as _;

/// Text smaller than this on paper is hard to read; the page setup warns below it.
pub const SMALLEST_READABLE_PT: f32 = 6.0;

/// What the pages say about where they come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintContext {
    /// The plan's title.
    pub title: String,
    /// The view's name ("Roadmap", "Gantt", "Board"…).
    pub view: String,
    /// The plan's file name, or empty for an unsaved plan.
    pub file_name: String,
    /// The day it is printed.
    pub printed: NaiveDate,
    /// The dates the view shows on screen, for "print the visible range".
    pub visible: Option<(NaiveDate, NaiveDate)>,
}

/// How the drawing fell onto pages.
#[derive(Clone, Debug, PartialEq)]
pub struct PageSummary {
    /// Pages across.
    pub pages_wide: u32,
    /// Pages down.
    pub pages_tall: u32,
    /// Pages left out because nothing of the plan falls on them.
    pub empty_skipped: usize,
    /// The drawing's scale on paper (1 = the size on screen).
    pub scale: f32,
    /// The smallest text on paper, in points.
    pub smallest_text: f32,
    /// How to get bigger text when it is too small ("2 pages wide would give 9.1 pt").
    pub advice: Option<String>,
}

impl PageSummary {
    /// "2 pages (2 wide × 1 tall)", with the left-out empty pages when there are any.
    pub fn describe(&self, emitted: usize) -> String {
        let mut text = format!(
            "{emitted} page{} ({} wide × {} tall)",
            if emitted == 1 { "" } else { "s" },
            self.pages_wide,
            self.pages_tall
        );
        if self.empty_skipped > 0 {
            let _ = write!(
                text,
                ", {} empty page{} left out",
                self.empty_skipped,
                if self.empty_skipped == 1 { "" } else { "s" }
            );
        }
        text
    }

    /// "smallest text 7.5 pt", with a warning and the fix when it is below 6 pt.
    pub fn legibility(&self) -> String {
        let mut text = format!("smallest text {:.1} pt", self.smallest_text);
        if self.smallest_text < SMALLEST_READABLE_PT {
            text.push_str(" — too small to read");
            if let Some(advice) = &self.advice {
                let _ = write!(text, ": {advice}");
            }
        }
        text
    }

    /// True when the smallest text is below [`SMALLEST_READABLE_PT`].
    pub fn too_small(&self) -> bool {
        self.smallest_text < SMALLEST_READABLE_PT
    }
}

/// Pages ready for a back-end: scenes in paper points, with what they are.
#[derive(Clone, Debug, PartialEq)]
pub struct PagedDocument {
    /// The pages, in reading order (across, then down).
    pub pages: Vec<Scene>,
    /// Title and date for the metadata.
    pub info: DocumentInfo,
    /// How the drawing fell onto pages.
    pub summary: PageSummary,
}

/// Pages laid out in a grid, before their furniture: each page with its column and row.
struct Tiles {
    /// The pages kept, in reading order, with their column and row.
    pages: Vec<(Scene, u32, u32)>,
    /// The sheet they are on.
    sheet: decorate::Sheet,
}

impl Tiles {
    /// Adds the header, footer, tile labels and legend to every page and makes the document.
    fn assemble(
        self,
        setup: &crate::model::PageSetup,
        print: &PrintContext,
        detail: &str,
        legend: &[LegendEntry],
        summary: PageSummary,
    ) -> PagedDocument {
        let count = self.pages.len();
        let both_ways = summary.pages_wide > 1 && summary.pages_tall > 1;
        let sheet = self.sheet;
        let pages = self
            .pages
            .into_iter()
            .enumerate()
            .map(|(at, (mut page, column, row))| {
                let on_this_page = !legend.is_empty()
                    && match setup.legend {
                        crate::model::LegendPages::Every => true,
                        crate::model::LegendPages::First => at == 0,
                        crate::model::LegendPages::None => false,
                    };
                decorate::decorate(
                    &mut page,
                    &sheet,
                    &decorate::PageText {
                        context: print,
                        range: detail,
                        number: at + 1,
                        count,
                        tile: both_ways.then(|| decorate::tile_label(column, row)),
                        legend: on_this_page.then_some(legend),
                    },
                );
                page
            })
            .collect();
        PagedDocument {
            pages,
            info: DocumentInfo {
                title: format!("{} — {}", print.title.trim(), print.view),
                date: print.printed,
            },
            summary,
        }
    }
}

/// The width and height a page of a setup leaves for the drawing (inside the margins, header and
/// footer, and the legend band when there is one).
pub fn drawing_area(setup: &crate::model::PageSetup, legend: bool) -> (f32, f32) {
    let (width, height) = setup.page_points();
    let area = decorate::Sheet {
        width,
        height,
        margin: setup.margin_points(),
    }
    .content(legend);
    (area.width(), area.height())
}

/// The smallest font size in a scene, in its own units.
pub fn smallest_text(scene: &Scene) -> Option<f32> {
    let mut smallest: Option<f32> = None;
    scene.visit(|item, _| {
        if let super::Shape::Text { size, text, .. } = &item.shape
            && !text.trim().is_empty()
        {
            smallest = Some(smallest.map_or(*size, |s| s.min(*size)));
        }
    });
    smallest
}

/// The items with something inside `area`; clip groups are culled to their own rectangle too. Text
/// is kept when its line reaches into the area. Pages drop what their clips hide, so a PDF's text
/// search and copy find only what is printed.
pub fn cull(items: &[super::Item], area: &super::Rect) -> Vec<super::Item> {
    use super::{Item, Shape};
    items
        .iter()
        .filter_map(|item| match &item.shape {
            Shape::Clip { rect, items } => {
                if !rect.intersects(area) {
                    return None;
                }
                let inner = super::Rect::from_edges(
                    rect.min.x.max(area.min.x),
                    rect.min.y.max(area.min.y),
                    rect.max.x.min(area.max.x),
                    rect.max.y.min(area.max.y),
                );
                Some(Item {
                    shape: Shape::Clip {
                        rect: *rect,
                        items: cull(items, &inner),
                    },
                    hit: item.hit,
                    label: item.label.clone(),
                })
            }
            shape => reaches(shape, area).then(|| item.clone()),
        })
        .collect()
}

/// True when a shape (text by its measured line) reaches into an area.
fn reaches(shape: &super::Shape, area: &super::Rect) -> bool {
    use super::{Anchor, Rect, Shape, font::text_width};
    match shape {
        Shape::Text {
            pos,
            text,
            size,
            anchor,
            ..
        } => {
            let width = text_width(text, *size);
            let left = match anchor {
                Anchor::Start => pos.x,
                Anchor::Middle => pos.x - width / 2.0,
                Anchor::End => pos.x - width,
            };
            let line = Rect::from_edges(left, pos.y - size / 2.0, left + width, pos.y + size / 2.0);
            // A text is printed where it starts: one that begins left of the area (the end of a label
            // from the page before) or is cut through its middle line is left out.
            line.intersects(area)
                && left >= area.min.x - 0.5
                && pos.y >= area.min.y
                && pos.y <= area.max.y
        }
        other => super::bounds(other).is_none_or(|bounds| bounds.intersects(area)),
    }
}
