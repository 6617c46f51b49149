//! Per-sprint numbers: committed, added, removed, re-estimated, completed, completed late, carried
//! over. Each sprint is counted on its own, so overlapping sprints never merge.

use super::Unit;
use super::timeline::{TaskTrack, Timelines};
use super::windows::{DateRange, end_of, midnight};
use crate::model::{Plan, SprintId, StatusCategory, TaskId};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

/// Where a sprint stands on `today`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SprintState {
    /// It has not started.
    Planned,
    /// It is under way.
    Running,
    /// Its end has passed, or it was closed.
    Finished,
}

/// The tasks behind a sprint's numbers, for a side list.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SprintTasks {
    /// In the sprint at its start.
    pub committed: Vec<TaskId>,
    /// Moved in (or back from dropped) after the start.
    pub added: Vec<TaskId>,
    /// Moved out (or dropped) after the start.
    pub removed: Vec<TaskId>,
    /// Done by the end (by today while it runs).
    pub completed: Vec<TaskId>,
    /// Unfinished at the end.
    pub carried_over: Vec<TaskId>,
    /// Finished after the end while still in the sprint.
    pub completed_late: Vec<TaskId>,
}

/// One sprint's numbers, in the analysis unit.
///
/// `committed + added - removed + re_estimated` is the scope at the end, which is
/// `completed + remaining`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SprintVelocity {
    /// The sprint.
    pub sprint: SprintId,
    /// Its name.
    pub name: String,
    /// The dates measured over; none when the numbers come from a velocity record.
    pub range: Option<DateRange>,
    /// Where it stands today.
    pub state: SprintState,
    /// Scope in the sprint at its start (tasks already done then are not counted).
    pub committed: f64,
    /// Scope moved in after the start.
    pub added: f64,
    /// Scope moved out (or dropped) after the start.
    pub removed: f64,
    /// Net change of estimates of tasks in the sprint after its start: scope, not progress.
    pub re_estimated: f64,
    /// Work done by the end of the sprint (by today while it runs) and still in it.
    pub completed: f64,
    /// Work done after the end while the task was still assigned to the sprint.
    pub completed_late: f64,
    /// Work unfinished at the end (zero until the sprint is finished).
    pub carried_over: f64,
    /// Work in the sprint not done by the end (by today while it runs).
    pub remaining: f64,
    /// The tasks behind the numbers.
    pub tasks: SprintTasks,
}

/// Every sprint that can be measured, in plan order: those with a date range (from the histories),
/// and undated ones that have a velocity record in the analysis unit (from the record).
pub fn sprint_velocities(
    plan: &Plan,
    timelines: &Timelines,
    windows: &[Option<DateRange>],
    today: NaiveDate,
) -> Vec<SprintVelocity> {
    plan.sprints
        .iter()
        .enumerate()
        .filter_map(|(s, _)| match windows.get(s).copied().flatten() {
            Some(range) => Some(measure(plan, timelines, s, range, today)),
            None => from_record(plan, s, timelines.unit()),
        })
        .collect()
}

/// One dated sprint's numbers.
pub(super) fn measure(
    plan: &Plan,
    timelines: &Timelines,
    s: usize,
    range: DateRange,
    today: NaiveDate,
) -> SprintVelocity {
    let sprint = &plan.sprints[s];
    let state = if sprint.closed || range.end < today {
        SprintState::Finished
    } else if range.start > today {
        SprintState::Planned
    } else {
        SprintState::Running
    };
    let mut out = SprintVelocity {
        sprint: sprint.id.clone(),
        name: sprint.name.clone(),
        range: Some(range),
        state,
        committed: 0.0,
        added: 0.0,
        removed: 0.0,
        re_estimated: 0.0,
        completed: 0.0,
        completed_late: 0.0,
        carried_over: 0.0,
        remaining: 0.0,
        tasks: SprintTasks::default(),
    };
    let start = midnight(range.start);
    let cutoff = end_of(range.end.min(today).max(range.start));
    let now = end_of(today);
    for &i in &timelines.members[s] {
        let track = &timelines.tasks[i];
        if *track.status.before(start) == StatusCategory::Done {
            continue;
        }
        let id = &plan.tasks[i].id;
        let (mut inside, mut size) = scope_of(track, s, start, false);
        if inside {
            out.committed += size;
            out.tasks.committed.push(id.clone());
        }
        for t in track.change_times(start, cutoff) {
            let (now_in, now_size) = scope_of(track, s, t, true);
            match (inside, now_in) {
                (false, true) => {
                    out.added += now_size;
                    push_once(&mut out.tasks.added, id);
                }
                (true, false) => {
                    out.removed += size;
                    push_once(&mut out.tasks.removed, id);
                }
                (true, true) => out.re_estimated += now_size - size,
                (false, false) => {}
            }
            (inside, size) = (now_in, now_size);
        }
        if !inside {
            continue;
        }
        if *track.status.before(cutoff) == StatusCategory::Done {
            out.completed += size;
            out.tasks.completed.push(id.clone());
            continue;
        }
        out.remaining += size;
        if state != SprintState::Finished {
            continue;
        }
        out.carried_over += size;
        out.tasks.carried_over.push(id.clone());
        if let Some(done) = track.completed_by(now).filter(|at| *at >= cutoff)
            && *track.sprint.at(done) == Some(s)
        {
            out.completed_late += track.size.at(done);
            out.tasks.completed_late.push(id.clone());
        }
    }
    out
}

/// Whether the task counts in sprint `s` and its size, just before `t` or once changes at `t` are made.
fn scope_of(track: &TaskTrack, s: usize, t: NaiveDateTime, made: bool) -> (bool, f64) {
    let (sprint, status, size) = if made {
        (track.sprint.at(t), track.status.at(t), track.size.at(t))
    } else {
        (
            track.sprint.before(t),
            track.status.before(t),
            track.size.before(t),
        )
    };
    (
        *sprint == Some(s) && *status != StatusCategory::Dropped,
        *size,
    )
}

fn push_once(list: &mut Vec<TaskId>, id: &TaskId) {
    if !list.contains(id) {
        list.push(id.clone());
    }
}

/// An undated sprint's numbers from its velocity record (planned as committed), when the record is
/// in the analysis unit.
fn from_record(plan: &Plan, s: usize, unit: Unit) -> Option<SprintVelocity> {
    let sprint = &plan.sprints[s];
    let record = plan
        .velocity
        .iter()
        .rev()
        .find(|r| r.sprint.as_ref() == Some(&sprint.id) && unit.matches_record(&r.unit))?;
    let committed = record.planned.unwrap_or(0.0);
    let completed = record.completed.unwrap_or(0.0);
    Some(SprintVelocity {
        sprint: sprint.id.clone(),
        name: sprint.name.clone(),
        range: None,
        state: SprintState::Finished,
        committed,
        added: 0.0,
        removed: 0.0,
        re_estimated: 0.0,
        completed,
        completed_late: 0.0,
        carried_over: (committed - completed).max(0.0),
        remaining: (committed - completed).max(0.0),
        tasks: SprintTasks::default(),
    })
}
