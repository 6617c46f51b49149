//! Moving a card: where it would land, and the one edit that puts it there.

use crate::edit::{Edit, TaskChange};
use crate::export::board::{BoardIndex, LaneKey};
use crate::model::{Plan, TaskId};
use chrono::NaiveDateTime;

/// The change that puts a task into a lane, made at `at`.
pub fn lane_change(key: &LaneKey, at: NaiveDateTime) -> Option<TaskChange> {
    match key {
        LaneKey::All => None,
        LaneKey::Sprint(sprint) => Some(TaskChange::Sprint {
            to: sprint.clone(),
            at,
        }),
        LaneKey::Phase(phase) => Some(TaskChange::Phase(phase.clone())),
        LaneKey::Owner(owner) => Some(TaskChange::Owner(owner.clone())),
        LaneKey::Priority(priority) => Some(TaskChange::Priority(*priority)),
    }
}

/// The drag-and-drop payload: the card being carried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardDrag(pub TaskId);

/// Where a card would land: a cell of the board and a slot in it (0 = above the first card).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DropTarget {
    /// Lane index in the board index.
    pub lane: usize,
    /// Column index in the board index.
    pub column: usize,
    /// Slot in the cell; `None` keeps the card's place in board order.
    pub slot: Option<usize>,
}

/// The single edit that moves a card to a target, or `None` when it would change nothing. A move that
/// changes several things (status, lane, order) is one [`Edit::Batch`] named after the biggest change.
pub fn drop_edit(
    plan: &Plan,
    index: &BoardIndex,
    id: &TaskId,
    target: DropTarget,
    at: NaiveDateTime,
) -> Option<Edit> {
    let from = plan.task_index(id)?;
    let task = &plan.tasks[from];
    let lane = index.lanes.get(target.lane)?;
    let column = index.columns.get(target.column)?;
    let mut edits = Vec::new();
    let mut label = None;
    if let Some(status) = column.status.as_ref().filter(|s| **s != task.status) {
        label = Some(format!("Move {id} to {}", plan.status_label(status)));
        edits.push(update(
            id,
            TaskChange::Status {
                to: status.clone(),
                at,
            },
        ));
    }
    if let Some(change) = lane_change(&lane.key, at).filter(|c| !already(task, c)) {
        label = Some(match label {
            Some(status) => format!("{status} in {}", lane.title),
            None => format!("Move {id} to {}", lane.title),
        });
        edits.push(update(id, change));
    }
    let cell = &lane.cells[target.column];
    if let Some(to) = target.slot.and_then(|slot| new_position(cell, from, slot)) {
        edits.push(Edit::MoveTask { id: id.clone(), to });
    }
    match edits.len() {
        0 => None,
        1 => edits.pop(),
        _ => Some(Edit::Batch {
            label: label.unwrap_or_else(|| format!("Move {id}")),
            edits,
        }),
    }
}

fn update(id: &TaskId, change: TaskChange) -> Edit {
    Edit::UpdateTask {
        id: id.clone(),
        change,
    }
}

fn already(task: &crate::model::Task, change: &TaskChange) -> bool {
    match change {
        TaskChange::Sprint { to, .. } => &task.sprint == to,
        TaskChange::Phase(phase) => &task.phase == phase,
        TaskChange::Owner(owner) => &task.owner == owner,
        TaskChange::Priority(priority) => &task.priority == priority,
        _ => false,
    }
}

/// The board-order index (after removing the card) that puts the card at `slot` of a cell, or `None`
/// when the card would stay where it is. `cell` holds plan indices in board order; `from` is the card's.
pub fn new_position(cell: &[usize], from: usize, slot: usize) -> Option<usize> {
    if cell.is_empty() {
        return None;
    }
    let slot = slot.min(cell.len());
    if let Some(p) = cell.iter().position(|&i| i == from)
        && (slot == p || slot == p + 1)
    {
        return None;
    }
    let shift = |i: usize| if from < i { i - 1 } else { i };
    let to = match cell.get(slot) {
        Some(&before) => shift(before),
        None => shift(cell[cell.len() - 1]) + 1,
    };
    (to != from).then_some(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::board::{BoardFilter, Swimlane};
    use crate::model::{Sprint, SprintId, Task};

    #[test]
    fn a_move_across_column_and_lane_is_one_batch_named_after_both() {
        let mut plan = Plan::new("p");
        plan.sprints = vec![Sprint {
            id: SprintId::from("s2"),
            name: "Sprint 2".into(),
            ..Sprint::default()
        }];
        plan.tasks = vec![Task::new("A-1", "a", "TODO"), Task::new("A-2", "b", "DONE")].into();
        plan.tasks[1].sprint = Some(SprintId::from("s2"));
        let index = BoardIndex::build(
            &plan,
            &|_| false,
            &BoardFilter::default(),
            Swimlane::Sprint,
            true,
        );
        let done = 2;
        let sprint_lane = 0;
        let at = chrono::NaiveDate::default()
            .and_hms_opt(9, 0, 0)
            .expect("valid time");
        let target = DropTarget {
            lane: sprint_lane,
            column: done,
            slot: Some(1),
        };
        let Some(Edit::Batch { label, edits }) =
            drop_edit(&plan, &index, &TaskId::from("A-1"), target, at)
        else {
            panic!("expected one batch");
        };
        assert_eq!(label, "Move A-1 to Done in Sprint 2");
        assert_eq!(edits.len(), 3, "status, sprint and order");
        let mut moved = plan.clone();
        Edit::Batch { label, edits }
            .apply(&mut moved)
            .expect("the batch applies");
        assert_eq!(moved.tasks[1].id, TaskId::from("A-1"), "dropped below A-2");
        let back = DropTarget {
            lane: 1,
            column: 0,
            slot: None,
        };
        assert!(
            drop_edit(&plan, &index, &TaskId::from("A-1"), back, at).is_none(),
            "no change, no edit"
        );
    }

    #[test]
    fn positions_count_after_removing_the_card() {
        // Cell holds plan tasks 2, 5, 9.
        let cell = [2, 5, 9];
        assert_eq!(new_position(&cell, 9, 0), Some(2));
        assert_eq!(new_position(&cell, 2, 3), Some(9));
        assert_eq!(new_position(&cell, 2, 1), None);
        assert_eq!(new_position(&cell, 5, 0), Some(2));
        // From another cell.
        assert_eq!(new_position(&cell, 7, 3), Some(9));
        assert_eq!(new_position(&cell, 0, 0), Some(1));
        assert_eq!(new_position(&[], 3, 0), None);
    }
}
