//! Drawing once: views that can be printed or exported build a [`Scene`] of plain primitives in points
//! (rectangles, lines, diamonds, text), from pure layout functions with no UI crate: the timeline
//! ([`timeline`]), the board ([`board_scene`]) and the dependency graph ([`graph_scene`]). The window
//! paints a scene with its painter; the exporters write the same scene to files.
//!
//! Text is measured here from the bundled `DejaVu Sans` ([`font`]), the font the window draws scene text
//! with, so the window and the page agree on what fits.

pub mod board;
pub mod font;
mod graph;
mod scene;
mod shapes;
pub mod timeline;

pub use board::{BoardSettings, board_scene, format_hours};
pub use graph::graph_scene;
pub use scene::{Anchor, Hit, Item, Point, Rect, Rgba, Scene, Shape, Stroke, bounds};
