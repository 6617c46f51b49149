//! Where each dependency's curve can be, in layout coordinates, worked out with the layout: a frame
//! tests these boxes against the view instead of placing 200,000 curves on the screen.

use super::camera::card_rect;
use crate::analysis::{Analysis, GraphLayout};
use crate::model::Plan;
use egui::{Rect, vec2};
use std::sync::Arc;

/// The least bend of a curve, in layout units (on screen it scales with the zoom, as the layout does).
pub(super) const MIN_BEND: f32 = 40.0;

/// One dependency: the task it leaves, the task it enters, whether a phase dependency implied it,
/// and the box its curve stays in.
#[derive(Clone, Copy, Debug)]
pub(super) struct EdgeBox {
    pub from: usize,
    pub to: usize,
    pub implied: bool,
    pub bounds: Rect,
}

/// A layout and the boxes of every dependency's curve in it, built together (on a worker thread for
/// a large plan).
#[derive(Debug)]
pub(super) struct LaidOut {
    /// Where the cards are.
    pub layout: Arc<GraphLayout>,
    /// The dependencies, in the graph's order.
    pub edges: Vec<EdgeBox>,
    /// True when any card was dragged to a place of its own (Re-layout all has work to do).
    pub any_moved: bool,
}

impl LaidOut {
    /// The layout of a plan's analysis, with the boxes of the curves from each card's right edge to
    /// the next card's left edge.
    pub(super) fn compute(plan: &Plan, analysis: &Analysis) -> Self {
        let layout = GraphLayout::compute(plan, analysis);
        let graph = &analysis.graph;
        let edges = graph
            .graph
            .edge_indices()
            .filter_map(|edge| {
                let (from, to) = graph.graph.edge_endpoints(edge)?;
                let (from, to) = (from.index(), to.index());
                let start = card_rect(*layout.positions.get(from)?).right_center();
                let end = card_rect(*layout.positions.get(to)?).left_center();
                let points = curve_points(start, end, 1.0);
                Some(EdgeBox {
                    from,
                    to,
                    implied: graph.is_implied(edge),
                    bounds: Rect::from_points(&points),
                })
            })
            .collect();
        Self {
            layout: Arc::new(layout),
            edges,
            any_moved: plan.tasks.iter().any(|t| t.graph_position.is_some()),
        }
    }
}

/// The four points of a dependency's curve from `start` to `end`, at a zoom (screen pixels per
/// layout unit; 1 in layout coordinates).
pub(super) fn curve_points(start: egui::Pos2, end: egui::Pos2, zoom: f32) -> [egui::Pos2; 4] {
    let bend = ((end.x - start.x).abs() * 0.5).max(MIN_BEND * zoom);
    [start, start + vec2(bend, 0.0), end - vec2(bend, 0.0), end]
}
