//! Dependency arrows from a prerequisite's finish to its dependant's start, with elbows: straight
//! across and down when there is room, else around the dependant's row edge.

use super::bars::bar_extent;
use super::{Geometry, Row, TimelineInput};
use crate::export::{Point, Scene, Shape, Stroke};
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use std::ops::Range;

/// How far an arrow runs out of a bar before it turns.
const STUB: f32 = 6.0;

/// Arrows of every dependency with at least one end in a visible row.
pub(super) fn arrows(
    input: &TimelineInput<'_>,
    geometry: &Geometry,
    visible: Range<usize>,
    scene: &mut Scene,
) {
    let graph = &input.analysis.graph.graph;
    let is_visible = |row: u32| visible.contains(&(row as usize));
    for row in visible.clone() {
        let Row::Task { index, .. } = input.rows.rows[row] else {
            continue;
        };
        let node = NodeIndex::new(index);
        for before in graph.neighbors_directed(node, Direction::Incoming) {
            arrow(input, geometry, before.index(), index, scene);
        }
        for after in graph.neighbors_directed(node, Direction::Outgoing) {
            if input.rows.task_row[after.index()].is_some_and(|r| !is_visible(r)) {
                arrow(input, geometry, index, after.index(), scene);
            }
        }
    }
}

fn arrow(
    input: &TimelineInput<'_>,
    geometry: &Geometry,
    from: usize,
    to: usize,
    scene: &mut Scene,
) {
    let (Some(from_row), Some(to_row)) = (input.rows.task_row[from], input.rows.task_row[to])
    else {
        return;
    };
    let (Some(from_dates), Some(to_dates)) = (input.dated.tasks[from], input.dated.tasks[to])
    else {
        return;
    };
    let (_, from_end) = bar_extent(geometry, &from_dates);
    let (to_start, _) = bar_extent(geometry, &to_dates);
    let y0 = geometry.row_top(from_row as usize) + geometry.row_height / 2.0;
    let y1 = geometry.row_top(to_row as usize) + geometry.row_height / 2.0;
    let x0 = from_end;
    let x1 = to_start - if to_dates.is_zero_length() { 7.0 } else { 0.0 };
    let points = if x1 >= x0 + 2.0 * STUB {
        vec![
            Point::new(x0, y0),
            Point::new(x0 + STUB, y0),
            Point::new(x0 + STUB, y1),
            Point::new(x1, y1),
        ]
    } else {
        let edge = if y1 >= y0 {
            y1 - geometry.row_height / 2.0
        } else {
            y1 + geometry.row_height / 2.0
        };
        vec![
            Point::new(x0, y0),
            Point::new(x0 + STUB, y0),
            Point::new(x0 + STUB, edge),
            Point::new(x1 - STUB, edge),
            Point::new(x1 - STUB, y1),
            Point::new(x1, y1),
        ]
    };
    let critical = input.options.show_critical
        && input
            .dated
            .critical_path
            .windows(2)
            .any(|pair| pair == [from, to]);
    let color = if critical {
        input.palette.critical
    } else {
        input.palette.arrow
    };
    scene.push(Shape::Line {
        points,
        stroke: Stroke::solid(if critical { 1.6 } else { 1.1 }, color),
        arrow: true,
    });
}
