//! The dependency graph of a plan's tasks, built with petgraph.

use crate::model::{Plan, TaskId};
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{HashMap, HashSet, VecDeque};

/// Tasks as nodes and dependencies as edges from prerequisite to dependant.
///
/// Node `i` is `plan.tasks[i]`; a task id used twice keeps its first index. Edges with an index below
/// `explicit_edges` come from tasks' `depends_on`; [`DependencyGraph::with_phases`] adds the edges that
/// phase dependencies imply after them.
#[derive(Clone, Debug, Default)]
pub struct DependencyGraph {
    /// The graph; node weights are indices into `plan.tasks`.
    pub graph: DiGraph<usize, ()>,
    /// Node of each task id.
    pub index: HashMap<TaskId, NodeIndex>,
    /// Dependencies naming a task the plan does not have, as (dependant, missing prerequisite).
    pub unknown: Vec<(TaskId, TaskId)>,
    /// How many edges come from tasks' own `depends_on` (they come first).
    pub explicit_edges: usize,
}

impl DependencyGraph {
    /// Builds the graph of a plan.
    pub fn build(plan: &Plan) -> Self {
        let mut graph = DiGraph::with_capacity(plan.tasks.len(), plan.tasks.len() * 2);
        let mut index = HashMap::with_capacity(plan.tasks.len());
        for (i, task) in plan.tasks.iter().enumerate() {
            let node = graph.add_node(i);
            index.entry(task.id.clone()).or_insert(node);
        }
        let mut unknown = Vec::new();
        for task in &plan.tasks {
            let Some(&dependant) = index.get(&task.id) else {
                continue;
            };
            for prerequisite in &task.depends_on {
                match index.get(prerequisite) {
                    Some(&from) => {
                        graph.add_edge(from, dependant, ());
                    }
                    None => unknown.push((task.id.clone(), prerequisite.clone())),
                }
            }
        }
        let explicit_edges = graph.edge_count();
        Self {
            graph,
            index,
            unknown,
            explicit_edges,
        }
    }

    /// Builds the graph of a plan with the task edges its phase dependencies imply
    /// (see [`super::phase_edges`]) added after the tasks' own.
    pub fn with_phases(plan: &Plan) -> Self {
        let mut built = Self::build(plan);
        for (from, to) in super::phases::phase_edges(plan, &built) {
            built
                .graph
                .add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
        }
        built
    }

    /// True when an edge comes from a phase dependency rather than a task's `depends_on`.
    pub fn is_implied(&self, edge: petgraph::graph::EdgeIndex) -> bool {
        edge.index() >= self.explicit_edges
    }

    /// Every loop in the graph, each as the ids around it in prerequisite → dependant order, closing on
    /// its first id (`A → B → A`). Loops are listed in the order of their first task in the plan.
    pub fn cycles(&self, plan: &Plan) -> Vec<Vec<TaskId>> {
        let mut cycles = Vec::new();
        for component in tarjan_scc(&self.graph) {
            let self_loop =
                component.len() == 1 && self.graph.find_edge(component[0], component[0]).is_some();
            if component.len() < 2 && !self_loop {
                continue;
            }
            let Some(&start) = component.iter().min_by_key(|node| self.graph[**node]) else {
                continue;
            };
            let members: HashSet<NodeIndex> = component.iter().copied().collect();
            let path = self.loop_through(start, &members);
            cycles.push(
                path.into_iter()
                    .map(|node| plan.tasks[self.graph[node]].id.clone())
                    .collect(),
            );
        }
        cycles.sort_by_key(|cycle: &Vec<TaskId>| plan.task_index(&cycle[0]));
        cycles
    }

    /// A shortest loop from `start` back to itself inside one strongly connected component.
    fn loop_through(&self, start: NodeIndex, members: &HashSet<NodeIndex>) -> Vec<NodeIndex> {
        let mut previous: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        let mut queue = VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            for next in self.graph.neighbors(node) {
                if !members.contains(&next) {
                    continue;
                }
                if next == start {
                    let mut path = vec![node];
                    let mut at = node;
                    while at != start {
                        at = previous[&at];
                        path.push(at);
                    }
                    path.reverse();
                    path.push(start);
                    return path;
                }
                if let std::collections::hash_map::Entry::Vacant(entry) = previous.entry(next) {
                    entry.insert(node);
                    queue.push_back(next);
                }
            }
        }
        vec![start, start]
    }
}

/// The chain of prerequisites that leads from `from` to `to` through `depends_on` (both ends included),
/// or `None` when `from` does not depend on `to`, even indirectly.
pub fn dependency_chain(plan: &Plan, from: &TaskId, to: &TaskId) -> Option<Vec<TaskId>> {
    if from == to {
        return Some(vec![from.clone()]);
    }
    let mut previous: HashMap<&TaskId, &TaskId> = HashMap::new();
    let mut queue = VecDeque::from([from]);
    let by_id: HashMap<&TaskId, &crate::model::Task> =
        plan.tasks.iter().map(|task| (&task.id, task)).collect();
    while let Some(id) = queue.pop_front() {
        let Some(task) = by_id.get(id) else { continue };
        for prerequisite in &task.depends_on {
            if previous.contains_key(prerequisite) || prerequisite == from {
                continue;
            }
            previous.insert(prerequisite, id);
            if prerequisite == to {
                let mut chain = vec![to.clone()];
                let mut at = id;
                while at != from {
                    chain.push(at.clone());
                    at = previous[at];
                }
                chain.push(from.clone());
                chain.reverse();
                return Some(chain);
            }
            queue.push_back(prerequisite);
        }
    }
    None
}

/// The loop that making `task` depend on `on` would close, in prerequisite → dependant order starting and
/// ending at `on` (`on → task → … → on`), or `None` when the new dependency is safe.
pub fn loop_if_added(plan: &Plan, task: &TaskId, on: &TaskId) -> Option<Vec<TaskId>> {
    let chain = dependency_chain(plan, on, task)?;
    let mut loop_ids = vec![on.clone()];
    loop_ids.extend(chain.into_iter().rev());
    Some(loop_ids)
}

/// Writes a loop as `A → B → A`.
pub fn format_loop(ids: &[TaskId]) -> String {
    ids.iter()
        .map(TaskId::as_str)
        .collect::<Vec<_>>()
        .join(" → ")
}
