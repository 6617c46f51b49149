//! Phase-level dependencies ("Module 2 depends on Modules 0 and 1"), expanded into task edges.
//!
//! A phase dependency "B depends on A" means no task of B can start before every task of A is finished.
//! Instead of adding an edge from every task of A to every task of B, it adds edges from A's *exit*
//! tasks (those no other task of A waits for) to B's *entry* tasks (those that wait for no other task of
//! B): every task of A leads to an exit and every task of B follows an entry, so the schedule is the
//! same with far fewer edges. An empty phase passes its own prerequisites through. The edges are
//! derived on each analysis and never written into the plan.

use super::DependencyGraph;
use crate::model::{PhaseId, Plan};
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use std::collections::HashSet;

/// The task edges (prerequisite index, dependant index) implied by the plan's phase dependencies, in
/// phase order, leaving out edges the tasks already have. Unknown phase ids are ignored.
pub fn phase_edges(plan: &Plan, graph: &DependencyGraph) -> Vec<(usize, usize)> {
    let mut edges = Vec::new();
    let mut seen = HashSet::new();
    for phase in &plan.phases {
        if phase.depends_on.is_empty() {
            continue;
        }
        let entries = ends(plan, graph, &phase.id, Direction::Incoming);
        for prerequisite in &phase.depends_on {
            let mut visited = HashSet::from([phase.id.clone()]);
            let exits = exits_through(plan, graph, prerequisite, &mut visited);
            for &from in &exits {
                for &to in &entries {
                    let explicit = graph
                        .graph
                        .find_edge(NodeIndex::new(from), NodeIndex::new(to))
                        .is_some();
                    if from != to && !explicit && seen.insert((from, to)) {
                        edges.push((from, to));
                    }
                }
            }
        }
    }
    edges
}

/// The exit tasks of a phase; for a phase without tasks, the exits of the phases it depends on.
fn exits_through(
    plan: &Plan,
    graph: &DependencyGraph,
    phase: &PhaseId,
    visited: &mut HashSet<PhaseId>,
) -> Vec<usize> {
    if !visited.insert(phase.clone()) {
        return Vec::new();
    }
    let exits = ends(plan, graph, phase, Direction::Outgoing);
    if !exits.is_empty() || plan.tasks.iter().any(|t| t.phase.as_ref() == Some(phase)) {
        return exits;
    }
    let Some(definition) = plan.phase(phase) else {
        return Vec::new();
    };
    definition
        .depends_on
        .iter()
        .flat_map(|before| exits_through(plan, graph, before, visited))
        .collect()
}

/// Tasks of a phase with no neighbour inside the phase in one direction: entries (no prerequisite in
/// the phase) for `Incoming`, exits (no dependant in the phase) for `Outgoing`.
fn ends(plan: &Plan, graph: &DependencyGraph, phase: &PhaseId, direction: Direction) -> Vec<usize> {
    let in_phase = |index: usize| plan.tasks[index].phase.as_ref() == Some(phase);
    (0..plan.tasks.len())
        .filter(|&index| in_phase(index))
        .filter(|&index| {
            !graph
                .graph
                .neighbors_directed(NodeIndex::new(index), direction)
                .any(|next| next.index() != index && in_phase(next.index()))
        })
        .collect()
}
