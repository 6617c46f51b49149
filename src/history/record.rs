//! Undo records: what an edit changed, kept as the few old values that put the plan back.
//!
//! Applying an [`Edit`] through [`apply_recorded`] first notes the parts of the plan the edit may touch
//! (its *footprint*: one task, the phases, the tail of the status history…), then applies it. The
//! record is a list of [`Restore`]s. Applying a record ([`Record::apply`]) puts the old values back and
//! returns the record that goes forward again, so undo and redo are the same operation. Both cost what
//! the edit changed, not the size of the plan.
//!
//! Adding a field to [`Plan`]:
//! - a small vector or value an edit replaces wholesale goes in the [`parts!`] list below;
//! - a history an edit only appends to (`status_history`) goes in the [`logs!`] list: every edit's
//!   record then truncates it back to its old length, with no further code;
//! - a new [`Edit`] variant gets its footprint in [`footprint`] (the compiler points there).

use crate::edit::{Edit, EditError, referring_tasks, remove_task};
use crate::model::{
    Conflict, LaneLimit, Milestone, Phase, Plan, PlanMeta, ScopeChange, Sprint, StatusChange,
    StatusDef, Task, TaskId, VelocityRecord,
};
use std::io::Write;

/// Declares the parts of a plan that an edit replaces as a whole: `Variant: field: Type`.
macro_rules! parts {
    ($($variant:ident: $field:ident: $ty:ty),* $(,)?) => {
        /// A whole part of the plan as it was.
        #[derive(Clone, Debug, PartialEq)]
        pub(crate) enum Part {
            $(
                #[doc = concat!("`Plan::", stringify!($field), "`.")]
                $variant($ty),
            )*
        }

        impl Part {
            /// Puts this value into the plan and returns the value it replaced.
            fn swap(self, plan: &mut Plan) -> Self {
                match self {
                    $(Self::$variant(value) => Self::$variant(std::mem::replace(&mut plan.$field, value)),)*
                }
            }

            /// True when the plan already holds this value.
            fn is_current(&self, plan: &Plan) -> bool {
                match self {
                    $(Self::$variant(value) => *value == plan.$field,)*
                }
            }

            /// An estimate of the heap bytes the kept value holds.
            fn heap_bytes(&self) -> usize {
                match self {
                    $(Self::$variant(value) => serialized_len(value),)*
                }
            }
        }
    };
}

parts! {
    Meta: meta: PlanMeta,
    Legend: legend: Vec<StatusDef>,
    Phases: phases: Vec<Phase>,
    Sprints: sprints: Vec<Sprint>,
    Milestones: milestones: Vec<Milestone>,
    LaneLimits: lane_wip_limits: Vec<LaneLimit>,
    Velocity: velocity: Vec<VelocityRecord>,
    Conflicts: conflicts: Vec<Conflict>,
}

/// Declares the plan's append-only histories: `Variant: field: ItemType`. Edits only push onto them,
/// so undo truncates them back to their old length and redo appends the cut items again.
macro_rules! logs {
    ($($variant:ident: $field:ident: $item:ty),* $(,)?) => {
        /// One of the plan's append-only histories.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum Log {
            $(
                #[doc = concat!("`Plan::", stringify!($field), "`.")]
                $variant,
            )*
        }

        /// Items cut from the end of one history, to be appended again.
        #[derive(Clone, Debug, PartialEq)]
        pub(crate) enum Tail {
            $(
                #[doc = concat!("The end of `Plan::", stringify!($field), "`.")]
                $variant(Vec<$item>),
            )*
        }

        impl Log {
            /// Every history, in plan order.
            const ALL: &[Log] = &[$(Log::$variant),*];

            /// How many items the history holds now.
            fn len(self, plan: &Plan) -> usize {
                match self {
                    $(Self::$variant => plan.$field.len(),)*
                }
            }

            /// Cuts the history back to `len` items and returns what was cut.
            fn truncate(self, plan: &mut Plan, len: usize) -> Tail {
                match self {
                    $(Self::$variant => Tail::$variant(plan.$field.split_off(len)),)*
                }
            }
        }

        impl Tail {
            /// Appends the items again; returns the history and its length before.
            fn append(self, plan: &mut Plan) -> (Log, usize) {
                match self {
                    $(Self::$variant(items) => {
                        let len = plan.$field.len();
                        plan.$field.extend(items);
                        (Log::$variant, len)
                    })*
                }
            }

            /// An estimate of the heap bytes the items hold.
            fn heap_bytes(&self) -> usize {
                match self {
                    $(Self::$variant(items) => serialized_len(items),)*
                }
            }

            /// True when there is nothing to append.
            fn is_empty(&self) -> bool {
                match self {
                    $(Self::$variant(items) => items.is_empty(),)*
                }
            }
        }
    };
}

logs! {
    StatusHistory: status_history: StatusChange,
    ScopeHistory: scope_history: ScopeChange,
}

/// One primitive change that puts part of a plan back as it was.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Restore {
    /// Put this task at this index, replacing the one there.
    Task {
        /// Index in board order.
        index: usize,
        /// The task as it was.
        task: Box<Task>,
    },
    /// Insert this task at this index.
    InsertTask {
        /// Index in board order.
        index: usize,
        /// The task.
        task: Box<Task>,
    },
    /// Remove the task at this index.
    RemoveTask {
        /// Index in board order.
        index: usize,
    },
    /// Move the task at `from` to `to` (its index after the move).
    MoveTask {
        /// Where the task is.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// Put a whole part of the plan back.
    Part(Part),
    /// Cut a history back to a length.
    Truncate {
        /// The history.
        log: Log,
        /// Its length afterwards.
        len: usize,
    },
    /// Append items to a history.
    Append(Tail),
}

impl Restore {
    /// Applies this change to the plan and returns the change that reverses it.
    fn apply(self, plan: &mut Plan) -> Self {
        match self {
            Self::Task { index, task } => {
                let old = std::mem::replace(&mut plan.tasks[index], *task);
                Self::Task {
                    index,
                    task: Box::new(old),
                }
            }
            Self::InsertTask { index, task } => {
                plan.tasks.insert(index, *task);
                Self::RemoveTask { index }
            }
            Self::RemoveTask { index } => Self::InsertTask {
                index,
                task: Box::new(plan.tasks.remove(index)),
            },
            Self::MoveTask { from, to } => {
                let task = plan.tasks.remove(from);
                plan.tasks.insert(to, task);
                Self::MoveTask { from: to, to: from }
            }
            Self::Part(part) => Self::Part(part.swap(plan)),
            Self::Truncate { log, len } => Self::Append(log.truncate(plan, len)),
            Self::Append(tail) => {
                let (log, len) = tail.append(plan);
                Self::Truncate { log, len }
            }
        }
    }

    /// True when applying this change would leave the plan as it is, judged on its own. Changes of
    /// board order never count as unchanged, except a move to the same place.
    fn is_noop(&self, plan: &Plan) -> bool {
        match self {
            Self::Task { index, task } => plan.tasks.get(*index) == Some(&**task),
            Self::MoveTask { from, to } => from == to,
            Self::Part(part) => part.is_current(plan),
            Self::Truncate { log, len } => log.len(plan) == *len,
            Self::Append(tail) => tail.is_empty(),
            Self::InsertTask { .. } | Self::RemoveTask { .. } => false,
        }
    }

    /// True for changes that shift tasks' indices.
    fn reorders(&self) -> bool {
        match self {
            Self::InsertTask { .. } | Self::RemoveTask { .. } => true,
            Self::MoveTask { from, to } => from != to,
            _ => false,
        }
    }

    /// An estimate of the memory this change holds, inline and on the heap.
    fn bytes(&self) -> usize {
        let heap = match self {
            Self::Task { task, .. } | Self::InsertTask { task, .. } => {
                size_of::<Task>() + serialized_len(task)
            }
            Self::Part(part) => part.heap_bytes(),
            Self::Append(tail) => tail.heap_bytes(),
            Self::RemoveTask { .. } | Self::MoveTask { .. } | Self::Truncate { .. } => 0,
        };
        size_of::<Self>() + heap
    }
}

/// The changes that take a plan back over one or more edits. They are applied last first.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Record(Vec<Restore>);

impl Record {
    /// Applies the record (last change first) and returns the record that reverses it.
    pub(crate) fn apply(self, plan: &mut Plan) -> Self {
        Self(
            self.0
                .into_iter()
                .rev()
                .map(|restore| restore.apply(plan))
                .collect(),
        )
    }

    /// True when the edit that made this record left the plan unchanged. Cheap: it compares only the
    /// kept values with the plan's current ones. A record that reorders tasks counts as a change, and
    /// so does a batch that changes a value and then changes it back.
    pub(crate) fn is_noop(&self, plan: &Plan) -> bool {
        !self.0.iter().any(Restore::reorders) && self.0.iter().all(|r| r.is_noop(plan))
    }

    /// An estimate of the memory the record holds.
    pub(crate) fn bytes(&self) -> usize {
        size_of::<Self>() + self.0.iter().map(Restore::bytes).sum::<usize>()
    }
}

/// Applies an edit and returns the record that undoes it. A refused edit is undone before its error
/// is returned, so the plan is as it was.
pub(crate) fn apply_recorded(edit: &Edit, plan: &mut Plan) -> Result<Record, EditError> {
    let mut record = Record::default();
    match apply_into(edit, plan, &mut record) {
        Ok(()) => Ok(record),
        Err(error) => {
            record.apply(plan);
            Err(error)
        }
    }
}

/// Applies one edit (a batch edit by edit), adding what undoes it to `record`, even when it fails
/// half way.
fn apply_into(edit: &Edit, plan: &mut Plan, record: &mut Record) -> Result<(), EditError> {
    if let Edit::Batch { edits, .. } = edit {
        return edits
            .iter()
            .try_for_each(|edit| apply_into(edit, plan, record));
    }
    let lengths: Vec<usize> = Log::ALL.iter().map(|log| log.len(plan)).collect();
    let result = footprint(edit, plan, &mut record.0);
    for (&log, len) in Log::ALL.iter().zip(lengths) {
        if log.len(plan) != len {
            record.0.push(Restore::Truncate { log, len });
        }
    }
    result
}

/// Notes the old values of everything `edit` may change into `record`, and applies it.
fn footprint(edit: &Edit, plan: &mut Plan, record: &mut Vec<Restore>) -> Result<(), EditError> {
    match edit {
        Edit::AddTask { index, .. } => {
            let len = plan.tasks.len();
            let result = edit.apply(plan);
            if plan.tasks.len() > len {
                let index = index.unwrap_or(len).min(len);
                record.push(Restore::RemoveTask { index });
            }
            return result;
        }
        Edit::DeleteTask(id) => return delete_task(edit, id, plan, record),
        Edit::MoveTask { id, to } => {
            let Some(from) = plan.task_index(id) else {
                return edit.apply(plan);
            };
            edit.apply(plan)?;
            let to = (*to).min(plan.tasks.len() - 1);
            if to != from {
                record.push(Restore::MoveTask { from: to, to: from });
            }
            return Ok(());
        }
        Edit::UpdateTask { id, .. }
        | Edit::AddDependency { task: id, .. }
        | Edit::RemoveDependency { task: id, .. } => keep_task(plan, id, record),
        Edit::SetMeta(_) => record.push(Restore::Part(Part::Meta(plan.meta.clone()))),
        Edit::SetLegend(_) => record.push(Restore::Part(Part::Legend(plan.legend.clone()))),
        Edit::PutPhase(_) => keep_phases(plan, record),
        Edit::DeletePhase(id) => {
            keep_phases(plan, record);
            keep_milestones(plan, record);
            keep_lane_limits(plan, record);
            keep_tasks_where(plan, record, |t| t.phase.as_ref() == Some(id));
        }
        Edit::PutSprint(_) => keep_sprints(plan, record),
        Edit::DeleteSprint(id) => {
            keep_sprints(plan, record);
            keep_lane_limits(plan, record);
            keep_tasks_where(plan, record, |t| t.sprint.as_ref() == Some(id));
        }
        Edit::PutMilestone(_) | Edit::DeleteMilestone(_) => keep_milestones(plan, record),
        Edit::SetLaneWipLimit { .. } => keep_lane_limits(plan, record),
        Edit::CloseSprint { sprint, .. } => {
            keep_sprints(plan, record);
            record.push(Restore::Part(Part::Velocity(plan.velocity.clone())));
            keep_tasks_where(plan, record, |t| t.sprint.as_ref() == Some(sprint));
        }
        Edit::ResolveConflict { .. } => {
            // A conflict can sit in any task or structure; resolving one is rare, so keep them all.
            record.push(Restore::Part(Part::Conflicts(plan.conflicts.clone())));
            record.push(Restore::Part(Part::Meta(plan.meta.clone())));
            record.push(Restore::Part(Part::Legend(plan.legend.clone())));
            record.push(Restore::Part(Part::Velocity(plan.velocity.clone())));
            keep_phases(plan, record);
            keep_sprints(plan, record);
            keep_milestones(plan, record);
            keep_lane_limits(plan, record);
            keep_tasks_where(plan, record, |_| true);
        }
        Edit::Batch { .. } => {}
    }
    edit.apply(plan)
}

/// Deleting a task removes it and edits every task and milestone that referred to it.
fn delete_task(
    edit: &Edit,
    id: &TaskId,
    plan: &mut Plan,
    record: &mut Vec<Restore>,
) -> Result<(), EditError> {
    let Some(at) = plan.task_index(id) else {
        return edit.apply(plan);
    };
    let removed = Box::new(plan.tasks[at].clone());
    let referring_at = referring_tasks(plan, at);
    let referring = referring_at.iter().map(|&i| Restore::Task {
        index: if i > at { i - 1 } else { i },
        task: Box::new(plan.tasks[i].clone()),
    });
    // Undone last first: milestones and referring tasks (at their indices after the removal), then
    // the task goes back in.
    record.push(Restore::InsertTask {
        index: at,
        task: removed,
    });
    record.extend(referring);
    if plan.milestones.iter().any(|m| m.tasks.contains(id)) {
        record.push(Restore::Part(Part::Milestones(plan.milestones.clone())));
    }
    remove_task(plan, at, &referring_at);
    Ok(())
}

/// Keeps the task with this id, if there is one.
fn keep_task(plan: &Plan, id: &TaskId, record: &mut Vec<Restore>) {
    if let Some(index) = plan.task_index(id) {
        record.push(Restore::Task {
            index,
            task: Box::new(plan.tasks[index].clone()),
        });
    }
}

/// Keeps every task that matches.
fn keep_tasks_where(plan: &Plan, record: &mut Vec<Restore>, keep: impl Fn(&Task) -> bool) {
    record.extend(
        plan.tasks
            .iter()
            .enumerate()
            .filter(|(_, task)| keep(task))
            .map(|(index, task)| Restore::Task {
                index,
                task: Box::new(task.clone()),
            }),
    );
}

fn keep_phases(plan: &Plan, record: &mut Vec<Restore>) {
    record.push(Restore::Part(Part::Phases(plan.phases.clone())));
}

fn keep_sprints(plan: &Plan, record: &mut Vec<Restore>) {
    record.push(Restore::Part(Part::Sprints(plan.sprints.clone())));
}

fn keep_milestones(plan: &Plan, record: &mut Vec<Restore>) {
    record.push(Restore::Part(Part::Milestones(plan.milestones.clone())));
}

fn keep_lane_limits(plan: &Plan, record: &mut Vec<Restore>) {
    record.push(Restore::Part(Part::LaneLimits(
        plan.lane_wip_limits.clone(),
    )));
}

/// The length of a value written as JSON: an estimate of the heap memory it holds (text dominates).
fn serialized_len(value: &impl serde::Serialize) -> usize {
    let mut counter = ByteCounter(0);
    // Writing to the counter cannot fail; a value serde refuses counts as empty.
    let _ = serde_json::to_writer(&mut counter, value);
    counter.0
}

/// A writer that only counts bytes.
struct ByteCounter(usize);

impl Write for ByteCounter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
