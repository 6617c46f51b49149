//! Each task's past rebuilt from the plan's histories: which sprint it was in, how big it was and
//! whether it was done, at any moment.
//!
//! A task's tracks start from the value before its first recorded change (the change's `from`) or,
//! with no change recorded, from its current value. A done task with no status history but a
//! completion date counts as done from the start of that day; one without a date counts as done
//! since before anything was recorded.

use super::Unit;
use super::windows::{DateRange, midnight, next_day};
use crate::model::{Plan, ScopeChangeKind, SprintId, StatusCategory, TaskId};
use chrono::NaiveDateTime;
use std::collections::HashMap;

/// A value that changes at moments: its first value and the changes, oldest first.
#[derive(Clone, Debug, Default)]
pub(super) struct Track<T> {
    initial: T,
    changes: Vec<(NaiveDateTime, T)>,
}

impl<T> Track<T> {
    fn constant(value: T) -> Self {
        Self {
            initial: value,
            changes: Vec::new(),
        }
    }

    /// The value in force just before `t` (changes at `t` not yet made).
    pub(super) fn before(&self, t: NaiveDateTime) -> &T {
        let n = self.changes.partition_point(|(at, _)| *at < t);
        self.value(n)
    }

    /// The value once every change at or before `t` is made.
    pub(super) fn at(&self, t: NaiveDateTime) -> &T {
        let n = self.changes.partition_point(|(at, _)| *at <= t);
        self.value(n)
    }

    fn value(&self, changes_made: usize) -> &T {
        match changes_made {
            0 => &self.initial,
            n => &self.changes[n - 1].1,
        }
    }

    /// The moments of the changes in `from..to`.
    pub(super) fn times_in(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> impl Iterator<Item = NaiveDateTime> + '_ {
        let first = self.changes.partition_point(|(at, _)| *at < from);
        let last = self.changes.partition_point(|(at, _)| *at < to);
        self.changes[first..last.max(first)]
            .iter()
            .map(|(at, _)| *at)
    }

    /// The first value the track ever had, and every later one.
    pub(super) fn values(&self) -> impl Iterator<Item = &T> {
        std::iter::once(&self.initial).chain(self.changes.iter().map(|(_, v)| v))
    }

    /// The moment of the first change, if any.
    pub(super) fn first_change(&self) -> Option<NaiveDateTime> {
        self.changes.first().map(|(at, _)| *at)
    }
}

/// One task's rebuilt past.
#[derive(Clone, Debug, Default)]
pub(super) struct TaskTrack {
    /// The sprint (an index into the plan's sprints; none: backlog or a sprint since deleted).
    pub sprint: Track<Option<usize>>,
    /// The size in the analysis unit.
    pub size: Track<f64>,
    /// The status category.
    pub status: Track<StatusCategory>,
}

impl TaskTrack {
    /// When the task last became done, if it is done at `t` and the moment is known.
    pub(super) fn completed_by(&self, t: NaiveDateTime) -> Option<NaiveDateTime> {
        let made = self.status.changes.partition_point(|(at, _)| *at <= t);
        if self.status.value(made) != &StatusCategory::Done {
            return None;
        }
        let run = self.status.changes[..made]
            .iter()
            .rposition(|(_, c)| *c != StatusCategory::Done);
        let first_done = run.map_or(0, |i| i + 1);
        self.status.changes.get(first_done).map(|(at, _)| *at)
    }

    /// The moment of the task's first recorded change of any kind.
    pub(super) fn first_change(&self) -> Option<NaiveDateTime> {
        [
            self.sprint.first_change(),
            self.size.first_change(),
            self.status.first_change(),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// The moments in `from..to` at which anything about the task changed, oldest first, once each.
    pub(super) fn change_times(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Vec<NaiveDateTime> {
        let mut times: Vec<NaiveDateTime> = self
            .sprint
            .times_in(from, to)
            .chain(self.size.times_in(from, to))
            .chain(self.status.times_in(from, to))
            .collect();
        times.sort_unstable();
        times.dedup();
        times
    }
}

/// Every task's rebuilt past in one unit, built once per plan revision and shared by the sprint,
/// week, burndown and forecast analyses.
#[derive(Clone, Debug, Default)]
pub struct Timelines {
    pub(super) unit: Unit,
    /// One per task, in plan order.
    pub(super) tasks: Vec<TaskTrack>,
    /// For each sprint (plan order), the tasks that were ever in it, in plan order.
    pub(super) members: Vec<Vec<usize>>,
}

impl Timelines {
    /// Rebuilds every task's past from the plan's status and scope histories, measuring sizes in
    /// `unit`. `windows` are the sprints' date ranges (plan order): a move that carried unfinished
    /// work over as a sprint closed counts from the day after that sprint's end, or from the close
    /// when the sprint was closed later.
    pub fn new(plan: &Plan, unit: Unit, windows: &[Option<DateRange>]) -> Self {
        let index: HashMap<&TaskId, usize> = plan
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (&t.id, i))
            .collect();
        let sprint_index: HashMap<&SprintId, usize> = plan
            .sprints
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.id, i))
            .collect();
        let sprint_of =
            |id: &Option<SprintId>| id.as_ref().and_then(|s| sprint_index.get(s).copied());

        let mut status: Vec<Vec<Change<StatusCategory>>> = vec![Vec::new(); plan.tasks.len()];
        for change in &plan.status_history {
            if let Some(&i) = index.get(&change.task) {
                let from = plan.category(&change.from);
                status[i].push((change.at, from, plan.category(&change.to)));
            }
        }
        let mut sprints: Vec<Vec<Change<Option<usize>>>> = vec![Vec::new(); plan.tasks.len()];
        let mut sizes: Vec<Vec<Change<f64>>> = vec![Vec::new(); plan.tasks.len()];
        for change in &plan.scope_history {
            let Some(&i) = index.get(&change.task) else {
                continue;
            };
            match &change.change {
                ScopeChangeKind::Sprint { from, to, carried } => {
                    let (from, to) = (sprint_of(from), sprint_of(to));
                    let end = from.and_then(|s| windows.get(s).copied().flatten());
                    let at = match end {
                        // Work carried over counts in the old sprint to its end, or until the
                        // moment it was closed when that was later.
                        Some(range) if *carried => midnight(next_day(range.end)).max(change.at),
                        _ => change.at,
                    };
                    sprints[i].push((at, from, to));
                }
                ScopeChangeKind::Hours { from, to } if unit == Unit::Hours => {
                    sizes[i].push((change.at, from.unwrap_or(0.0), to.unwrap_or(0.0)));
                }
                ScopeChangeKind::Points { from, to } if unit == Unit::Points => {
                    sizes[i].push((change.at, from.unwrap_or(0.0), to.unwrap_or(0.0)));
                }
                ScopeChangeKind::Hours { .. } | ScopeChangeKind::Points { .. } => {}
            }
        }

        let mut members = vec![Vec::new(); plan.sprints.len()];
        let tasks = plan
            .tasks
            .iter()
            .enumerate()
            .map(|(i, task)| {
                let track = TaskTrack {
                    sprint: track_of(&mut sprints[i], sprint_of(&task.sprint)),
                    size: track_of(&mut sizes[i], unit.size(&task.estimate)),
                    status: status_track(
                        &mut status[i],
                        plan.category(&task.status),
                        task.completed,
                    ),
                };
                let mut seen: Vec<usize> = track.sprint.values().flatten().copied().collect();
                seen.sort_unstable();
                seen.dedup();
                for s in seen {
                    members[s].push(i);
                }
                track
            })
            .collect();
        Self {
            unit,
            tasks,
            members,
        }
    }

    /// The unit sizes are measured in.
    pub fn unit(&self) -> Unit {
        self.unit
    }
}

/// A recorded change: when, the value before, the value after.
type Change<T> = (NaiveDateTime, T, T);

/// A track from recorded changes; with none, the current value throughout.
fn track_of<T: Clone>(changes: &mut [Change<T>], current: T) -> Track<T> {
    changes.sort_by_key(|(at, _, _)| *at);
    match changes.first() {
        None => Track::constant(current),
        Some((_, from, _)) => Track {
            initial: from.clone(),
            changes: changes
                .iter()
                .map(|(at, _, to)| (*at, to.clone()))
                .collect(),
        },
    }
}

fn status_track(
    changes: &mut [Change<StatusCategory>],
    current: StatusCategory,
    completed: Option<chrono::NaiveDate>,
) -> Track<StatusCategory> {
    match completed {
        Some(day) if changes.is_empty() && current == StatusCategory::Done => Track {
            initial: StatusCategory::NotStarted,
            changes: vec![(midnight(day), StatusCategory::Done)],
        },
        _ => track_of(changes, current),
    }
}
