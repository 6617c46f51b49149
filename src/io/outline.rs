//! A plan as an outline, the way project tools list it: each phase followed by its tasks, subtasks
//! under their parents, tasks without a phase, then milestones. Used by the MS Project and
//! `GanttProject` writers.

use crate::model::{Plan, TaskId};
use std::collections::{HashMap, HashSet};

/// What an outline row stands for, by index into the plan's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A phase (a summary row).
    Phase(usize),
    /// A task.
    Task(usize),
    /// A milestone.
    Milestone(usize),
}

/// The rows in outline order with their outline level (1 for the top).
pub fn outline(plan: &Plan) -> Vec<(Row, usize)> {
    let known: HashSet<&TaskId> = plan.tasks.iter().map(|t| &t.id).collect();
    let mut children: HashMap<&TaskId, Vec<usize>> = HashMap::new();
    let mut roots = Vec::new();
    for (index, task) in plan.tasks.iter().enumerate() {
        match &task.parent {
            Some(parent) if known.contains(parent) && parent != &task.id => {
                children.entry(parent).or_default().push(index);
            }
            _ => roots.push(index),
        }
    }
    let mut rows = Vec::new();
    let mut placed = vec![false; plan.tasks.len()];
    let mut add_tree = |rows: &mut Vec<(Row, usize)>, root: usize, level: usize| {
        let mut stack = vec![(root, level)];
        while let Some((index, level)) = stack.pop() {
            if std::mem::replace(&mut placed[index], true) {
                continue;
            }
            rows.push((Row::Task(index), level));
            if let Some(kids) = children.get(&plan.tasks[index].id) {
                stack.extend(kids.iter().rev().map(|&kid| (kid, level + 1)));
            }
        }
    };
    for (phase_index, phase) in plan.phases.iter().enumerate() {
        rows.push((Row::Phase(phase_index), 1));
        for &root in &roots {
            if plan.tasks[root].phase.as_ref() == Some(&phase.id) {
                add_tree(&mut rows, root, 2);
            }
        }
    }
    for &root in &roots {
        add_tree(&mut rows, root, 1);
    }
    // Tasks in a parent loop have no root; they go at the top level.
    for index in 0..plan.tasks.len() {
        add_tree(&mut rows, index, 1);
    }
    rows.extend((0..plan.milestones.len()).map(|index| (Row::Milestone(index), 1)));
    rows
}
