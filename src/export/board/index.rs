//! Which card sits in which lane and column, cached until the plan, the filter or the lanes change.

use super::filter::BoardFilter;
use super::lanes::{LaneKey, Swimlane, lanes};
use crate::model::{Plan, StatusKey};
use std::collections::HashMap;

/// One column of the board: a status (or, in planning mode, every status).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColumnFacts {
    /// The status; `None` collects every status (planning lists).
    pub status: Option<StatusKey>,
    /// Cards that pass the filter.
    pub shown: usize,
    /// Cards in the column before filtering.
    pub total: usize,
    /// Summed hour estimate of the cards shown.
    pub hours: f64,
}

/// One lane: its cards, column by column, as indices into the plan's tasks in board order.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneFacts {
    /// What the lane's cards share.
    pub key: LaneKey,
    /// Its header text.
    pub title: String,
    /// The cards shown, per column.
    pub cells: Vec<Vec<usize>>,
    /// Every task in the lane before filtering.
    pub total: usize,
    /// Summed hour estimate of every task in the lane before filtering (a sprint's committed hours).
    pub total_hours: f64,
    /// Tasks in the lane, before filtering, per column (for lane WIP marks).
    pub totals: Vec<usize>,
    /// Summed hour estimate of the cards shown.
    pub shown_hours: f64,
}

impl LaneFacts {
    /// Whether the lane is shown on a board with swimlanes: lanes made of the plan's own structure
    /// (sprints, phases) stay even when empty, so cards can be dropped there; owner and priority lanes
    /// only show when they hold a task.
    pub fn is_shown(&self) -> bool {
        self.total > 0 || matches!(self.key, LaneKey::Sprint(Some(_)) | LaneKey::Phase(Some(_)))
    }
}

/// The board's cards sorted into lanes and columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardIndex {
    /// The columns, in legend order.
    pub columns: Vec<ColumnFacts>,
    /// The lanes, in display order.
    pub lanes: Vec<LaneFacts>,
    /// Cards shown in all.
    pub shown: usize,
    /// Tasks on the board before filtering.
    pub total: usize,
    /// The plan's owners, sorted (for the owner pickers).
    pub owners: Vec<String>,
}

impl BoardIndex {
    /// Sorts a plan's tasks into lanes and columns. With `by_status` the columns are the legend's
    /// statuses; without, there is one column holding every status.
    pub fn build(
        plan: &Plan,
        blocked: &dyn Fn(&crate::model::TaskId) -> bool,
        filter: &BoardFilter,
        swimlane: Swimlane,
        by_status: bool,
    ) -> Self {
        let columns: Vec<ColumnFacts> = if by_status {
            plan.legend
                .iter()
                .map(|s| ColumnFacts {
                    status: Some(s.key.clone()),
                    ..ColumnFacts::default()
                })
                .collect()
        } else {
            vec![ColumnFacts::default()]
        };
        let keys = lanes(plan, swimlane);
        let lane_of: HashMap<&LaneKey, usize> =
            keys.iter().enumerate().map(|(i, k)| (k, i)).collect();
        let mut index = Self {
            lanes: keys
                .iter()
                .map(|key| LaneFacts {
                    key: key.clone(),
                    title: key.title(plan),
                    cells: vec![Vec::new(); columns.len()],
                    total: 0,
                    total_hours: 0.0,
                    totals: vec![0; columns.len()],
                    shown_hours: 0.0,
                })
                .collect(),
            columns,
            shown: 0,
            total: 0,
            owners: super::lanes::owners(plan),
        };
        let column_of: HashMap<&StatusKey, usize> = plan
            .legend
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.key, if by_status { i } else { 0 }))
            .collect();
        for (i, task) in plan.tasks.iter().enumerate() {
            let Some(&column) = column_of.get(&task.status) else {
                continue;
            };
            let Some(&lane) = lane_of.get(&LaneKey::of(task, swimlane)) else {
                continue;
            };
            index.total += 1;
            index.columns[column].total += 1;
            let lane = &mut index.lanes[lane];
            lane.total += 1;
            lane.totals[column] += 1;
            lane.total_hours += task.estimate.hours.unwrap_or(0.0);
            if filter.matches(task, blocked(&task.id)) {
                lane.cells[column].push(i);
                lane.shown_hours += task.estimate.hours.unwrap_or(0.0);
                index.shown += 1;
                index.columns[column].shown += 1;
                index.columns[column].hours += task.estimate.hours.unwrap_or(0.0);
            }
        }
        index
    }

    /// Where a task is shown, as (lane, column, position in the cell).
    pub fn locate(&self, task: usize) -> Option<(usize, usize, usize)> {
        self.lanes.iter().enumerate().find_map(|(l, lane)| {
            lane.cells
                .iter()
                .enumerate()
                .find_map(|(c, cell)| cell.binary_search(&task).ok().map(|p| (l, c, p)))
        })
    }
}
