//! A layered, left-to-right layout of the dependency graph, for the graph canvas.
//!
//! 1. Layers by longest path: a task sits one layer right of its furthest prerequisite, so every
//!    prerequisite is left of its dependants (edges inside a loop are skipped for layering). Tasks with
//!    no dependency either way fill the shortest layers.
//! 2. Crossing reduction: a few sweeps that sort each layer by the barycentre (mean rank) of the
//!    neighbours in the layers already placed, alternately from the left and from the right.
//! 3. Compact placement: each task goes to the mean height of its prerequisites when there is room,
//!    else just below the task above it; then, from the right, tasks move down towards their dependants
//!    where there is room. The critical path runs along the top row, on one line.
//!
//! Positions a person dragged (`Task::graph_position`) replace the computed ones.

use super::Analysis;
use crate::model::Plan;
use petgraph::Direction;
use petgraph::graph::NodeIndex;

/// Width and height of a task card, in layout units (pixels at zoom 1).
pub const NODE_SIZE: [f32; 2] = [184.0, 60.0];
/// Distance from one layer's left edge to the next.
const COLUMN: f32 = NODE_SIZE[0] + 76.0;
/// Distance from one row's top edge to the next.
const ROW: f32 = NODE_SIZE[1] + 24.0;
/// Crossing-reduction sweeps (each one left-to-right then right-to-left).
const SWEEPS: usize = 4;

/// Where each task's card goes, indexed like `plan.tasks`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphLayout {
    /// Top-left corner of each card.
    pub positions: Vec<[f32; 2]>,
    /// The layer (column) each task was given by the automatic layout.
    pub layers: Vec<usize>,
    /// The smallest and largest corners over all cards, `[min_x, min_y, max_x, max_y]`.
    pub bounds: [f32; 4],
}

impl GraphLayout {
    /// Lays out a plan's tasks from its analysis, keeping dragged positions.
    pub fn compute(plan: &Plan, analysis: &Analysis) -> Self {
        let count = plan.tasks.len();
        let neighbours = |index: usize, direction: Direction| {
            analysis
                .graph
                .graph
                .neighbors_directed(NodeIndex::new(index), direction)
                .map(NodeIndex::index)
        };
        let layers = assign_layers(analysis, count, &neighbours);
        let layer_count = layers.iter().max().map_or(0, |l| l + 1);
        let mut critical = vec![false; count];
        for &index in &analysis.schedule.critical_path {
            critical[index] = true;
        }
        let alone = |index: usize| {
            neighbours(index, Direction::Incoming)
                .chain(neighbours(index, Direction::Outgoing))
                .all(|other| other == index)
        };
        let mut layers = layers;
        let mut columns: Vec<Vec<usize>> = vec![Vec::new(); layer_count];
        for index in (0..count).filter(|&index| !alone(index)) {
            columns[layers[index]].push(index);
        }
        // Tasks with no dependencies at all may go anywhere: each fills the shortest column.
        for index in (0..count).filter(|&index| alone(index)) {
            let shortest = (0..layer_count)
                .min_by_key(|&layer| columns[layer].len())
                .unwrap_or(0);
            layers[index] = shortest;
            columns[shortest].push(index);
        }
        for column in &mut columns {
            column.sort_by_key(|&index| !critical[index]);
        }
        let mut rank = vec![0.0_f32; count];
        let set_ranks = |columns: &[Vec<usize>], rank: &mut [f32]| {
            for column in columns {
                for (position, &index) in column.iter().enumerate() {
                    rank[index] = position as f32;
                }
            }
        };
        set_ranks(&columns, &mut rank);
        for _ in 0..SWEEPS {
            for (layer_indices, direction) in [
                ((1..layer_count).collect::<Vec<_>>(), Direction::Incoming),
                (
                    (0..layer_count.saturating_sub(1)).rev().collect(),
                    Direction::Outgoing,
                ),
            ] {
                for layer in layer_indices {
                    let key = |index: usize| {
                        let (sum, n) = neighbours(index, direction)
                            .filter(|&other| other != index)
                            .fold((0.0, 0), |(sum, n), other| (sum + rank[other], n + 1));
                        if n == 0 { rank[index] } else { sum / n as f32 }
                    };
                    let mut keyed: Vec<(bool, f32, usize)> = columns[layer]
                        .iter()
                        .map(|&index| (!critical[index], key(index), index))
                        .collect();
                    keyed.sort_by(|a, b| {
                        a.0.cmp(&b.0)
                            .then(a.1.total_cmp(&b.1))
                            .then(rank[a.2].total_cmp(&rank[b.2]))
                    });
                    columns[layer] = keyed.into_iter().map(|(_, _, index)| index).collect();
                    for (position, &index) in columns[layer].iter().enumerate() {
                        rank[index] = position as f32;
                    }
                }
            }
        }
        let has_critical = !analysis.schedule.critical_path.is_empty();
        let mut positions = vec![[0.0_f32; 2]; count];
        let mut placed = vec![false; count];
        for (layer, column) in columns.iter().enumerate() {
            let mut next_free = if has_critical { ROW } else { 0.0 };
            for &index in column {
                let y = if critical[index] {
                    0.0
                } else {
                    let (sum, n) = neighbours(index, Direction::Incoming)
                        .filter(|&other| placed[other])
                        .fold((0.0, 0), |(sum, n), other| {
                            (sum + positions[other][1], n + 1)
                        });
                    let wanted = if n == 0 { next_free } else { sum / n as f32 };
                    wanted.max(next_free)
                };
                positions[index] = [layer as f32 * COLUMN, y];
                placed[index] = true;
                next_free = next_free.max(y + ROW);
            }
        }
        // Then from the right: a task with dependants moves down towards them when there is room.
        for column in columns.iter().rev().skip(1) {
            let mut next_free = if has_critical { ROW } else { 0.0 };
            for &index in column {
                if critical[index] {
                    continue;
                }
                let (sum, n) = neighbours(index, Direction::Outgoing)
                    .filter(|&other| other != index)
                    .fold((0.0, 0), |(sum, n), other| {
                        (sum + positions[other][1], n + 1)
                    });
                let wanted = if n == 0 {
                    positions[index][1]
                } else {
                    sum / n as f32
                };
                positions[index][1] = wanted.max(next_free);
                next_free = positions[index][1] + ROW;
            }
        }
        for (position, task) in positions.iter_mut().zip(&plan.tasks) {
            if let Some(dragged) = task.graph_position {
                *position = dragged;
            }
        }
        let bounds = bounds_of(&positions);
        Self {
            positions,
            layers,
            bounds,
        }
    }
}

/// Longest-path layers. Tasks are visited in dependency order, then (for tasks in or after a loop) in
/// plan order; only prerequisites visited earlier count, which skips exactly the edges that close loops.
fn assign_layers<I: Iterator<Item = usize>>(
    analysis: &Analysis,
    count: usize,
    neighbours: &impl Fn(usize, Direction) -> I,
) -> Vec<usize> {
    let mut visit = analysis.schedule.order.clone();
    let mut ordered = vec![false; count];
    for &index in &visit {
        ordered[index] = true;
    }
    visit.extend((0..count).filter(|&index| !ordered[index]));
    let mut layers = vec![0; count];
    let mut done = vec![false; count];
    for index in visit {
        layers[index] = neighbours(index, Direction::Incoming)
            .filter(|&other| done[other])
            .map(|other| layers[other] + 1)
            .max()
            .unwrap_or(0);
        done[index] = true;
    }
    layers
}

fn bounds_of(positions: &[[f32; 2]]) -> [f32; 4] {
    if positions.is_empty() {
        return [0.0; 4];
    }
    positions.iter().fold(
        [f32::MAX, f32::MAX, f32::MIN, f32::MIN],
        |[x0, y0, x1, y1], [x, y]| {
            [
                x0.min(*x),
                y0.min(*y),
                x1.max(x + NODE_SIZE[0]),
                y1.max(y + NODE_SIZE[1]),
            ]
        },
    )
}
