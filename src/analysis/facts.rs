//! Everything the app and the CLI derive from a plan's dependencies, computed once per plan revision.

use super::{DependencyGraph, Schedule};
use crate::model::{Plan, StatusCategory, TaskId};
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use std::collections::HashSet;

/// The dependency analysis of one plan: the graph (phase dependencies expanded), its loops and the
/// schedule. Task-level facts are indexed like `plan.tasks`.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Tasks and dependencies, with the edges phase dependencies imply.
    pub graph: DependencyGraph,
    /// Every loop, as ids in prerequisite → dependant order closing on the first id.
    pub cycles: Vec<Vec<TaskId>>,
    /// Edges that lie on a listed loop, as (prerequisite index, dependant index).
    pub loop_edges: HashSet<(usize, usize)>,
    /// Earliest and latest times, slack, the critical path.
    pub schedule: Schedule,
}

impl Analysis {
    /// Analyses a plan.
    pub fn of(plan: &Plan) -> Self {
        let graph = DependencyGraph::with_phases(plan);
        let cycles = graph.cycles(plan);
        let loop_edges = cycles
            .iter()
            .flat_map(|ids| {
                ids.windows(2).filter_map(|pair| {
                    Some((
                        graph.index.get(&pair[0])?.index(),
                        graph.index.get(&pair[1])?.index(),
                    ))
                })
            })
            .collect();
        let schedule = Schedule::compute(plan, &graph);
        Self {
            graph,
            cycles,
            loop_edges,
            schedule,
        }
    }

    /// The ids of the critical path, first to last.
    pub fn critical_path_ids(&self, plan: &Plan) -> Vec<TaskId> {
        self.schedule
            .critical_path
            .iter()
            .map(|&index| plan.tasks[index].id.clone())
            .collect()
    }

    /// Every task this one waits for, directly or through others (prerequisites of prerequisites…),
    /// nearest first.
    pub fn upstream(&self, index: usize) -> Vec<usize> {
        self.reach(index, Direction::Incoming, |_| true)
    }

    /// Every task that waits for this one, directly or through others ("blocks"), nearest first.
    pub fn downstream(&self, index: usize) -> Vec<usize> {
        self.reach(index, Direction::Outgoing, |_| true)
    }

    /// The unfinished tasks this one is blocked by: its unfinished prerequisites, their unfinished
    /// prerequisites, and so on (a finished prerequisite blocks nothing, so the walk stops there).
    pub fn blocked_by(&self, plan: &Plan, index: usize) -> Vec<usize> {
        self.reach(index, Direction::Incoming, |other| {
            !matches!(
                plan.category(&plan.tasks[other].status),
                StatusCategory::Done | StatusCategory::Dropped
            )
        })
    }

    /// Breadth-first walk along edges in one direction through tasks that pass `keep`.
    fn reach(
        &self,
        index: usize,
        direction: Direction,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        let mut seen = HashSet::from([index]);
        let mut found = Vec::new();
        let mut next = 0;
        let mut frontier = vec![index];
        while let Some(&at) = frontier.get(next) {
            next += 1;
            for neighbour in self
                .graph
                .graph
                .neighbors_directed(NodeIndex::new(at), direction)
                .map(NodeIndex::index)
            {
                if keep(neighbour) && seen.insert(neighbour) {
                    found.push(neighbour);
                    frontier.push(neighbour);
                }
            }
        }
        found
    }
}
