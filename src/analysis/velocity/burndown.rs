//! Burndown and burnup of a sprint, a phase, a milestone's linked work or the whole plan: daily
//! scope, completed and remaining work, the ideal line, and a marker on each day scope moved.
//!
//! A sprint's chart follows the histories, so work that later moved to another sprint stays in the
//! chart of the sprint it was in.

use super::timeline::{TaskTrack, Timelines};
use super::windows::{DateRange, end_of, is_working_day, midnight};
use crate::model::{MilestoneId, PhaseId, Plan, SprintId, StatusCategory, TaskId};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::collections::HashSet;

/// What a burndown is drawn for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum BurnScope {
    /// The tasks in a sprint, as they moved in and out.
    Sprint(SprintId),
    /// The tasks of a phase.
    Phase(PhaseId),
    /// The tasks a milestone waits for: its own and those of its phases.
    Milestone(MilestoneId),
    /// Every task.
    Plan,
}

/// One day of a burndown, as it stood at the end of the day.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BurnDay {
    /// The day.
    pub date: NaiveDate,
    /// Monday to Friday.
    pub working: bool,
    /// The ideal remaining work: from the work left at the start down to zero at the end, falling
    /// only on working days.
    pub ideal: f64,
    /// All work in scope; none for days after today.
    pub scope: Option<f64>,
    /// Work done; none for days after today.
    pub completed: Option<f64>,
    /// Work left (`scope - completed`); none for days after today.
    pub remaining: Option<f64>,
}

/// How a task changed the scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScopeMove {
    /// It came into scope.
    Added,
    /// It left scope (moved out or dropped).
    Removed,
    /// Its estimate changed while in scope.
    Reestimated,
}

/// One task's change of scope on a day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScopeEvent {
    /// The task.
    pub task: TaskId,
    /// What happened.
    pub change: ScopeMove,
    /// How much the scope moved (negative when it shrank).
    pub amount: f64,
}

/// A day on which scope moved, with what moved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScopeMarker {
    /// The day.
    pub date: NaiveDate,
    /// The net change of scope that day.
    pub net: f64,
    /// What changed, task by task, in the order it happened.
    pub events: Vec<ScopeEvent>,
}

/// A burndown and burnup over a range of days.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Burndown {
    /// What it is drawn for.
    pub scope: BurnScope,
    /// The days it covers.
    pub range: DateRange,
    /// Every day of the range, first to last.
    pub days: Vec<BurnDay>,
    /// The days on which scope moved, first to last.
    pub markers: Vec<ScopeMarker>,
}

/// The burndown of `scope` over `range`, with actual numbers up to `today`.
pub fn burndown(
    plan: &Plan,
    timelines: &Timelines,
    scope: &BurnScope,
    range: DateRange,
    today: NaiveDate,
) -> Burndown {
    let start = midnight(range.start);
    let last = range.end.min(today);
    let known = if last < range.start {
        0
    } else {
        (last - range.start).num_days() as usize + 1
    };
    let mut scope_delta = vec![0.0; known + 1];
    let mut done_delta = vec![0.0; known + 1];
    let mut events: Vec<(usize, NaiveDateTime, ScopeEvent)> = Vec::new();
    let member = Membership::of(plan, scope);
    let cutoff = end_of(last);
    for i in member.candidates(plan, timelines) {
        let track = &timelines.tasks[i];
        if member.skip(track, start) {
            continue;
        }
        let (mut inside, mut size, mut done) = member.state(track, start, false);
        scope_delta[0] += if inside { size } else { 0.0 };
        done_delta[0] += if inside && done { size } else { 0.0 };
        if known == 0 {
            continue;
        }
        for t in track.change_times(start, cutoff) {
            let (now_in, now_size, now_done) = member.state(track, t, true);
            let day = (t.date() - range.start).num_days() as usize;
            let before = if inside { size } else { 0.0 };
            let after = if now_in { now_size } else { 0.0 };
            scope_delta[day] += after - before;
            done_delta[day] += if now_in && now_done { now_size } else { 0.0 }
                - if inside && done { size } else { 0.0 };
            let change = match (inside, now_in) {
                (false, true) => Some(ScopeMove::Added),
                (true, false) => Some(ScopeMove::Removed),
                (true, true) if (now_size - size).abs() > f64::EPSILON => {
                    Some(ScopeMove::Reestimated)
                }
                _ => None,
            };
            if let Some(change) = change {
                let task = plan.tasks[i].id.clone();
                let amount = after - before;
                events.push((
                    day,
                    t,
                    ScopeEvent {
                        task,
                        change,
                        amount,
                    },
                ));
            }
            (inside, size, done) = (now_in, now_size, now_done);
        }
    }
    // Work already done when the range starts (a phase or plan under way) is not to burn.
    let start_remaining = scope_delta[0] - done_delta[0];
    Burndown {
        scope: scope.clone(),
        range,
        days: days(range, known, start_remaining, &scope_delta, &done_delta),
        markers: markers(range, events),
    }
}

fn days(
    range: DateRange,
    known: usize,
    start_remaining: f64,
    scope_delta: &[f64],
    done_delta: &[f64],
) -> Vec<BurnDay> {
    let total = range.days().filter(|d| is_working_day(*d)).count();
    let (mut worked, mut scope, mut done) = (0, 0.0, 0.0);
    range
        .days()
        .enumerate()
        .map(|(k, date)| {
            let working = is_working_day(date);
            worked += usize::from(working);
            let ideal = if total == 0 {
                start_remaining
            } else {
                start_remaining * (1.0 - worked as f64 / total as f64)
            };
            let actual = (k < known).then(|| {
                scope += scope_delta[k];
                done += done_delta[k];
                (scope, done)
            });
            BurnDay {
                date,
                working,
                ideal,
                scope: actual.map(|a| a.0),
                completed: actual.map(|a| a.1),
                remaining: actual.map(|a| a.0 - a.1),
            }
        })
        .collect()
}

fn markers(
    range: DateRange,
    mut events: Vec<(usize, NaiveDateTime, ScopeEvent)>,
) -> Vec<ScopeMarker> {
    events.sort_by_key(|(day, t, _)| (*day, *t));
    let mut markers: Vec<ScopeMarker> = Vec::new();
    for (day, _, event) in events {
        let date = range.start + chrono::Days::new(day as u64);
        match markers.last_mut().filter(|m| m.date == date) {
            Some(marker) => {
                marker.net += event.amount;
                marker.events.push(event);
            }
            None => markers.push(ScopeMarker {
                date,
                net: event.amount,
                events: vec![event],
            }),
        }
    }
    markers
}

/// Which tasks count for a burndown scope.
enum Membership {
    /// Tasks while they are in this sprint (index), not counting work done before it started.
    Sprint(Option<usize>),
    /// A fixed set of tasks (plan indices).
    Tasks(HashSet<usize>),
    /// Every task.
    All,
}

impl Membership {
    fn of(plan: &Plan, scope: &BurnScope) -> Self {
        match scope {
            BurnScope::Sprint(id) => Self::Sprint(plan.sprints.iter().position(|s| &s.id == id)),
            BurnScope::Phase(id) => Self::Tasks(
                (0..plan.tasks.len())
                    .filter(|&i| plan.tasks[i].phase.as_ref() == Some(id))
                    .collect(),
            ),
            BurnScope::Milestone(id) => Self::Tasks(milestone_tasks(plan, id)),
            BurnScope::Plan => Self::All,
        }
    }

    fn candidates<'a>(
        &'a self,
        plan: &Plan,
        timelines: &'a Timelines,
    ) -> Box<dyn Iterator<Item = usize> + 'a> {
        match self {
            Self::Sprint(Some(s)) => Box::new(timelines.members[*s].iter().copied()),
            Self::Sprint(None) => Box::new(std::iter::empty()),
            Self::Tasks(set) => {
                let mut list: Vec<usize> = set.iter().copied().collect();
                list.sort_unstable();
                Box::new(list.into_iter())
            }
            Self::All => Box::new(0..plan.tasks.len()),
        }
    }

    /// Sprints leave out work that was done before they started.
    fn skip(&self, track: &TaskTrack, start: NaiveDateTime) -> bool {
        matches!(self, Self::Sprint(_)) && *track.status.before(start) == StatusCategory::Done
    }

    /// (in scope, size, done) just before `t`, or once the changes at `t` are made.
    fn state(&self, track: &TaskTrack, t: NaiveDateTime, made: bool) -> (bool, f64, bool) {
        let look = |before: bool| {
            if before {
                (
                    track.sprint.before(t),
                    *track.status.before(t),
                    *track.size.before(t),
                )
            } else {
                (track.sprint.at(t), *track.status.at(t), *track.size.at(t))
            }
        };
        let (sprint, status, size) = look(!made);
        let member = match self {
            Self::Sprint(s) => *sprint == *s && s.is_some(),
            Self::Tasks(_) | Self::All => true,
        };
        (
            member && status != StatusCategory::Dropped,
            size,
            status == StatusCategory::Done,
        )
    }
}

/// The tasks a milestone waits for: its own list and every task of its phases (plan indices).
pub(super) fn milestone_tasks(plan: &Plan, id: &MilestoneId) -> HashSet<usize> {
    let Some(milestone) = plan.milestone(id) else {
        return HashSet::new();
    };
    plan.tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            milestone.tasks.contains(&t.id)
                || t.phase
                    .as_ref()
                    .is_some_and(|p| milestone.phases.contains(p))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The tasks of a scope as it stands now (plan indices): for a sprint, those in it now.
pub(super) fn current_tasks(plan: &Plan, scope: &BurnScope) -> Vec<usize> {
    let keep: Box<dyn Fn(usize) -> bool> = match scope {
        BurnScope::Sprint(id) => Box::new(move |i| plan.tasks[i].sprint.as_ref() == Some(id)),
        BurnScope::Phase(id) => Box::new(move |i| plan.tasks[i].phase.as_ref() == Some(id)),
        BurnScope::Milestone(id) => {
            let set = milestone_tasks(plan, id);
            Box::new(move |i| set.contains(&i))
        }
        BurnScope::Plan => Box::new(|_| true),
    };
    (0..plan.tasks.len()).filter(|&i| keep(i)).collect()
}

/// The days a burndown of `scope` covers by default: a sprint's window; a phase's own dates (or
/// weeks); otherwise from the plan's start date, or the first recorded change of the scope's tasks,
/// to the milestone's date or today. None when nothing dates the scope.
pub fn default_range(
    plan: &Plan,
    timelines: &Timelines,
    scope: &BurnScope,
    windows: &[Option<DateRange>],
    today: NaiveDate,
) -> Option<DateRange> {
    let week_dates = |weeks: Option<crate::model::WeekRange>| {
        weeks.zip(plan.meta.start).map(|(w, start)| w.dates(start))
    };
    let (start, end) = match scope {
        BurnScope::Sprint(id) => {
            let s = plan.sprints.iter().position(|s| &s.id == id)?;
            return windows.get(s).copied().flatten();
        }
        BurnScope::Phase(id) => {
            let phase = plan.phase(id)?;
            let weeks = week_dates(phase.weeks);
            (
                phase.start.or(weeks.map(|w| w.0)),
                phase.end.or(weeks.map(|w| w.1)),
            )
        }
        BurnScope::Milestone(id) => {
            let milestone = plan.milestone(id)?;
            let week = milestone
                .week
                .and_then(|w| week_dates(Some(crate::model::WeekRange { first: w, last: w })));
            (None, milestone.date.or(week.map(|w| w.1)))
        }
        BurnScope::Plan => (plan.meta.start, None),
    };
    let first_change = || {
        current_tasks(plan, scope)
            .into_iter()
            .filter_map(|i| timelines.tasks[i].first_change())
            .min()
            .map(|t| t.date())
    };
    let start = start.or(plan.meta.start).or_else(first_change)?;
    Some(DateRange::new(start, end.unwrap_or(today)))
}
