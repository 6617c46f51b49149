//! The schedule of the work left: a topological order, earliest and latest start and finish per task,
//! slack, and the critical path.
//!
//! Times are counted in working days (the plan's calendar: Monday to Friday unless it says otherwise) from the plan's anchor date, day 0 being the
//! anchor: `meta.start`, or else the earliest task `start` date; without either, fixed dates are not
//! used. A task lasts `estimate.hours / meta.hours_per_day` days (no estimate: no time); finished and
//! dropped tasks take no time, because the schedule is of the work left.
//!
//! Fixed dates: a task's `start` is a "start no earlier than" constraint on its earliest start; its
//! `due` date is a "finish no later than the end of that day" constraint on its latest finish, so a
//! task that cannot make its due date gets negative slack.
//!
//! Loops: tasks in a loop, and every task after one, cannot be ordered and get no times; the rest of the
//! plan is scheduled as usual and the loops are reported by the analysis.

use super::DependencyGraph;
use crate::model::{Plan, StatusCategory, Task};
use chrono::{Days, NaiveDate};
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Differences smaller than this many days count as equal.
pub const EPSILON: f64 = 1e-9;

/// When one task can and must happen, in working days from the plan's anchor date.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TaskTimes {
    /// How long the task takes.
    pub duration: f64,
    /// The earliest day it can start, after every prerequisite and its fixed start.
    pub earliest_start: f64,
    /// `earliest_start + duration`.
    pub earliest_finish: f64,
    /// The latest day it can start without moving the plan's end or missing a due date.
    pub latest_start: f64,
    /// `latest_start + duration`.
    pub latest_finish: f64,
    /// How many days it can slip: `latest_start - earliest_start` (negative when a due date is missed).
    pub slack: f64,
}

/// The schedule of a plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schedule {
    /// Task indices in dependency order (prerequisites first; ties in plan order). Tasks in or after a
    /// loop are missing.
    pub order: Vec<usize>,
    /// Times per task index; `None` for tasks in or after a loop.
    pub times: Vec<Option<TaskTimes>>,
    /// The day the last task finishes at the earliest.
    pub end: f64,
    /// The chain of tasks that decides the end, first to last (each starts when the one before
    /// finishes); with no due dates every task on it has zero slack. Empty when no work is left.
    pub critical_path: Vec<usize>,
    /// The anchor date day 0 stands for, when the plan has one.
    pub anchor: Option<NaiveDate>,
}

impl Schedule {
    /// Computes the schedule over a dependency graph of the plan.
    pub fn compute(plan: &Plan, graph: &DependencyGraph) -> Self {
        let count = plan.tasks.len();
        let anchor = plan
            .meta
            .start
            .or_else(|| plan.tasks.iter().filter_map(|t| t.start).min());
        let hours_per_day = if plan.meta.hours_per_day > 0.0 {
            plan.meta.hours_per_day
        } else {
            8.0
        };
        let calendar = plan.meta.calendar.normalized();
        let order = topological_order(graph, count);
        let durations: Vec<f64> = plan
            .tasks
            .iter()
            .map(|task| duration(plan, task, hours_per_day))
            .collect();
        let mut times: Vec<Option<TaskTimes>> = vec![None; count];
        for &index in &order {
            let after = predecessors(graph, index)
                .filter_map(|p| times[p].map(|t| t.earliest_finish))
                .fold(f64::NEG_INFINITY, f64::max);
            let fixed = plan.tasks[index]
                .start
                .zip(anchor)
                .map(|(start, anchor)| calendar.working_days_between(anchor, start) as f64);
            let earliest_start = match fixed {
                Some(fixed) => fixed.max(after),
                None => after.max(0.0),
            };
            times[index] = Some(TaskTimes {
                duration: durations[index],
                earliest_start,
                earliest_finish: earliest_start + durations[index],
                ..TaskTimes::default()
            });
        }
        let end = times
            .iter()
            .flatten()
            .map(|t| t.earliest_finish)
            .fold(0.0, f64::max);
        for &index in order.iter().rev() {
            let before_next = successors(graph, index)
                .filter_map(|s| times[s].map(|t| t.latest_start))
                .fold(end, f64::min);
            let due = plan.tasks[index].due.zip(anchor).map(|(due, anchor)| {
                calendar.working_days_between(anchor, due + Days::new(1)) as f64
            });
            let latest_finish = due.map_or(before_next, |due| due.min(before_next));
            if let Some(t) = times[index].as_mut() {
                t.latest_finish = latest_finish;
                t.latest_start = latest_finish - t.duration;
                t.slack = t.latest_start - t.earliest_start;
            }
        }
        let critical_path = critical_path(graph, &times, end);
        Self {
            order,
            times,
            end,
            critical_path,
            anchor,
        }
    }
}

/// How many working days a task takes; finished and dropped work takes none.
fn duration(plan: &Plan, task: &Task, hours_per_day: f64) -> f64 {
    match plan.category(&task.status) {
        StatusCategory::Done | StatusCategory::Dropped => 0.0,
        _ => task
            .estimate
            .hours
            .filter(|h| h.is_finite() && *h > 0.0)
            .map_or(0.0, |hours| hours / hours_per_day),
    }
}

fn predecessors(graph: &DependencyGraph, index: usize) -> impl Iterator<Item = usize> + '_ {
    graph
        .graph
        .neighbors_directed(NodeIndex::new(index), Direction::Incoming)
        .map(NodeIndex::index)
}

fn successors(graph: &DependencyGraph, index: usize) -> impl Iterator<Item = usize> + '_ {
    graph
        .graph
        .neighbors_directed(NodeIndex::new(index), Direction::Outgoing)
        .map(NodeIndex::index)
}

/// Kahn's algorithm with ties taken in plan order; tasks in or after a loop never become free.
fn topological_order(graph: &DependencyGraph, count: usize) -> Vec<usize> {
    let mut waiting: Vec<usize> = (0..count)
        .map(|index| predecessors(graph, index).count())
        .collect();
    let mut free: BinaryHeap<Reverse<usize>> = (0..count)
        .filter(|&index| waiting[index] == 0)
        .map(Reverse)
        .collect();
    let mut order = Vec::with_capacity(count);
    while let Some(Reverse(index)) = free.pop() {
        order.push(index);
        for next in successors(graph, index) {
            waiting[next] -= 1;
            if waiting[next] == 0 {
                free.push(Reverse(next));
            }
        }
    }
    order
}

/// From the task that finishes last, walks back through the prerequisite whose finish sets each start.
pub(super) fn critical_path(
    graph: &DependencyGraph,
    times: &[Option<TaskTimes>],
    end: f64,
) -> Vec<usize> {
    if end <= EPSILON {
        return Vec::new();
    }
    let last = times
        .iter()
        .enumerate()
        .filter_map(|(index, t)| t.map(|t| (index, t)))
        .find(|(_, t)| (t.earliest_finish - end).abs() <= EPSILON);
    let Some((mut at, mut at_times)) = last else {
        return Vec::new();
    };
    let mut path = vec![at];
    while at_times.earliest_start > EPSILON {
        let driver = predecessors(graph, at)
            .filter_map(|p| times[p].map(|t| (p, t)))
            .filter(|(_, t)| (t.earliest_finish - at_times.earliest_start).abs() <= EPSILON)
            .min_by(|(a, ta), (b, tb)| ta.slack.total_cmp(&tb.slack).then(a.cmp(b)));
        let Some((previous, previous_times)) = driver else {
            break;
        };
        path.push(previous);
        at = previous;
        at_times = previous_times;
    }
    path.reverse();
    path
}
