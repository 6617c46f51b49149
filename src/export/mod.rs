//! Drawing once: views that can be printed or exported build a [`Scene`] of plain primitives in points
//! (rectangles, lines, diamonds, text), from pure layout functions with no UI crate: the timeline
//! ([`timeline`]), the board ([`board_scene`]) and the dependency graph ([`graph_scene`]). The window
//! paints a scene with its painter; the exporters write the same scene to files.
//!
//! Text is measured here from the bundled `DejaVu Sans` ([`font`]), the font the window draws scene text
//! with, so the window and the page agree on what fits.
//!
//! Back-ends turn scenes into bytes: [`svg`], [`pdf`] (krilla) and [`png`] (resvg). [`page`] cuts a view
//! onto paper by a page setup.

pub mod board;
pub mod font;
mod graph;
pub mod ical;
pub mod page;
pub mod pdf;
pub mod png;
mod scene;
mod shapes;
pub mod svg;
pub mod timeline;
pub mod velocity;
pub mod views;

pub use board::{BoardSettings, board_scene, format_hours};
pub use graph::graph_scene;
pub use scene::{
    Anchor, Hit, Item, Point, Rect, Rgba, Scene, Shape, Stroke, Transform, Weight, arrowhead,
    bounds, diamond_corners,
};

/// Why an export failed.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// Rendering to pixels failed.
    #[error("cannot render the image: {0}")]
    Render(String),
    /// Writing the PDF failed.
    #[error("cannot write the PDF: {0}")]
    Pdf(String),
    /// There is nothing to export.
    #[error("nothing to export: {0}")]
    Empty(String),
}

/// A file format pages are written in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PageFormat {
    /// One PDF document holding every page.
    Pdf,
    /// One SVG file per page.
    Svg,
    /// One PNG file per page, at a resolution in dpi.
    Png {
        /// Dots per inch.
        dpi: f32,
    },
}

impl PageFormat {
    /// The format of a file name's extension (`pdf`, `svg`, `png`), PNG at its default resolution.
    pub fn from_extension(extension: &str) -> Option<Self> {
        match extension.to_ascii_lowercase().as_str() {
            "pdf" => Some(Self::Pdf),
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png {
                dpi: png::DEFAULT_DPI,
            }),
            _ => None,
        }
    }

    /// The extension files of this format take.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Svg => "svg",
            Self::Png { .. } => "png",
        }
    }
}

/// Writes pages in a format: one file's bytes for a PDF, one per page for SVG and PNG.
pub fn write_pages(
    document: &page::PagedDocument,
    format: PageFormat,
) -> Result<Vec<Vec<u8>>, ExportError> {
    match format {
        PageFormat::Pdf => Ok(vec![pdf::to_pdf(&document.pages, &document.info)?]),
        PageFormat::Svg => Ok(document
            .pages
            .iter()
            .map(|page| svg::to_svg(page).into_bytes())
            .collect()),
        PageFormat::Png { dpi } => document
            .pages
            .iter()
            .map(|page| png::to_png(page, dpi))
            .collect(),
    }
}
