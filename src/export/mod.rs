//! Drawing once: views that can be printed or exported build a [`Scene`] of plain primitives in points
//! (rectangles, lines, diamonds, text), from pure layout functions with no UI crate. The window
//! paints a scene with its painter; the exporters write the same scene to files.
//!
//! Text is measured here from the bundled `DejaVu Sans` ([`font`]), the font the window draws scene text
//! with, so the window and the page agree on what fits.

pub mod font;
mod scene;
pub mod timeline;
pub mod velocity;

pub use scene::{Anchor, Hit, Item, Point, Rect, Rgba, Scene, Shape, Stroke, bounds};
