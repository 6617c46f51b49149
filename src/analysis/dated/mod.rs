//! The dated schedule: every task, phase, sprint and milestone on the calendar.
//!
//! Built on the same dependency graph as [`super::Schedule`] (phase dependencies expanded), but in
//! calendar dates and aware of today, which is always passed in (the core never reads the clock):
//! - Working days come from the plan's [`crate::model::Calendar`]; estimates become days at
//!   `hours_per_day`. Day offsets count working days from the anchor (the plan's start).
//! - Finished tasks sit where they happened: they end on their completion date and start when the
//!   status history first moved them into an active status (else their estimate before the end).
//! - Tasks in progress started when they moved into an active status (else today) and end after the
//!   rest of their estimate, never before the end of today.
//! - Work not started waits for its prerequisites, its "start no earlier than" date, its sprint's
//!   and phase's first day, and today.
//! - Dropped tasks, and finished ones without a date, take no time: zero-length items at their
//!   earliest date.
//! - Tasks in or after a dependency loop get no dates.

mod structure;

pub use structure::{MilestoneDates, Span};

use super::schedule::critical_path;
use super::{Analysis, EPSILON, TaskTimes};
use crate::model::{Calendar, Plan, StatusCategory, TaskId, monday_of, shift};
use chrono::NaiveDate;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use std::collections::HashMap;

/// How a task's dates were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Finished, at the dates it happened.
    Actual,
    /// Under way: started in the past, finishing in the future.
    InProgress,
    /// Not started: scheduled from its prerequisites and constraints.
    Planned,
    /// Dropped, or finished without a date: no time, at its earliest date.
    NoTime,
}

/// The dates of one task.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaskDates {
    /// First day of work.
    pub start: NaiveDate,
    /// Last day of work (inclusive); equal to `start` for a zero-length item.
    pub finish: NaiveDate,
    /// Working days it takes.
    pub days: f64,
    /// Working days it can slip without moving the plan's end or missing its due date (negative
    /// when it misses it).
    pub slack_days: f64,
    /// True when it is on the critical path.
    pub critical: bool,
    /// True when it finishes after its due date.
    pub late: bool,
    /// How the dates were found.
    pub placement: Placement,
    /// Start, in working days from the anchor (fractions are parts of a day).
    pub start_offset: f64,
    /// End, in working days from the anchor.
    pub finish_offset: f64,
}

impl TaskDates {
    /// True for an item that takes no time (drawn as a diamond).
    pub fn is_zero_length(&self) -> bool {
        self.days <= EPSILON
    }
}

/// What the dated schedule is computed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatedOptions {
    /// Today's date.
    pub today: NaiveDate,
    /// A start date that overrides the plan's.
    pub start: Option<NaiveDate>,
}

impl DatedOptions {
    /// Options for a day, with the plan's own start.
    pub fn on(today: NaiveDate) -> Self {
        Self { today, start: None }
    }
}

/// The plan on the calendar. Task facts are indexed like `plan.tasks`, phase facts like
/// `plan.phases`, and so on.
#[derive(Clone, Debug, PartialEq)]
pub struct DatedSchedule {
    /// The date week 1 and day 0 count from.
    pub anchor: NaiveDate,
    /// True when the plan has no start date and `anchor` was assumed.
    pub anchor_assumed: bool,
    /// The day the schedule was computed for.
    pub today: NaiveDate,
    /// The working calendar, normalized.
    pub calendar: Calendar,
    /// Dates per task; `None` for tasks in or after a loop.
    pub tasks: Vec<Option<TaskDates>>,
    /// Dates per phase: the window the plan gives it (a week range or dates), else the span of
    /// its tasks; `None` for a phase with neither.
    pub phases: Vec<Option<Span>>,
    /// The span of each phase's tasks as scheduled; it may overrun the phase's window.
    pub phase_work: Vec<Option<Span>>,
    /// Per phase: true when one of its tasks is forecast to finish after its due date.
    pub phase_late: Vec<bool>,
    /// Dates per sprint.
    pub sprints: Vec<Option<Span>>,
    /// Dates per milestone; `None` when it has no date, week or dated linked work.
    pub milestones: Vec<Option<MilestoneDates>>,
    /// The last day of work of the whole plan.
    pub finish: Option<NaiveDate>,
    /// Task indices of the critical path, first to last.
    pub critical_path: Vec<usize>,
}

impl DatedSchedule {
    /// Dates a plan with its dependency analysis.
    pub fn compute(plan: &Plan, analysis: &Analysis, options: DatedOptions) -> Self {
        let calendar = plan.meta.calendar.normalized();
        let (anchor, anchor_assumed) = match options.start.or(plan.meta.start) {
            Some(start) => (start, false),
            None => (assumed_start(plan, options.today), true),
        };
        let clock = Clock {
            calendar: &calendar,
            anchor,
        };
        let sprints = structure::sprint_spans(plan, &clock);
        let phase_windows = structure::phase_windows(plan, &clock);
        let (times, placements) = forward(
            plan,
            analysis,
            &clock,
            options.today,
            &sprints,
            &phase_windows,
        );
        let mut times = times;
        let end = times
            .iter()
            .flatten()
            .map(|t| t.earliest_finish)
            .fold(f64::NEG_INFINITY, f64::max);
        backward(plan, analysis, &clock, &mut times, end);
        let critical_path = if end.is_finite() {
            critical_path(&analysis.graph, &times, end)
        } else {
            Vec::new()
        };
        let mut tasks: Vec<Option<TaskDates>> = times
            .iter()
            .zip(&placements)
            .zip(&plan.tasks)
            .map(|((times, placement), task)| {
                let times = times.as_ref()?;
                let (start, finish) = clock.dates(times, *placement, task.completed);
                Some(TaskDates {
                    start,
                    finish,
                    days: times.duration,
                    slack_days: times.slack,
                    critical: false,
                    late: task.due.is_some_and(|due| finish > due),
                    placement: *placement,
                    start_offset: times.earliest_start,
                    finish_offset: times.earliest_finish,
                })
            })
            .collect();
        for &index in &critical_path {
            if let Some(dates) = tasks[index].as_mut() {
                dates.critical = true;
            }
        }
        let phase_work = structure::phase_work(plan, &tasks);
        let phases: Vec<Option<Span>> = phase_windows
            .iter()
            .zip(&phase_work)
            .map(|(window, work)| window.or(*work))
            .collect();
        let work_or_window: Vec<Option<Span>> = phase_work
            .iter()
            .zip(&phases)
            .map(|(work, planned)| work.or(*planned))
            .collect();
        let milestones = structure::milestone_dates(plan, &clock, &tasks, &work_or_window);
        let mut phase_late = vec![false; plan.phases.len()];
        for (task, dates) in plan.tasks.iter().zip(&tasks) {
            if dates.is_some_and(|d| d.late)
                && let Some(phase) = &task.phase
                && let Some(at) = plan.phases.iter().position(|p| &p.id == phase)
            {
                phase_late[at] = true;
            }
        }
        let finish = tasks.iter().flatten().map(|t| t.finish).max();
        Self {
            anchor,
            anchor_assumed,
            today: options.today,
            calendar,
            tasks,
            phases,
            phase_work,
            phase_late,
            sprints,
            milestones,
            finish,
            critical_path,
        }
    }

    /// The day a phase's work finishes, when that is after the end of its window: it is late.
    pub fn phase_overrun(&self, index: usize) -> Option<NaiveDate> {
        let planned = self.phases.get(index).copied().flatten()?;
        let work = self.phase_work.get(index).copied().flatten()?;
        (work.finish > planned.finish).then_some(work.finish)
    }

    /// The first and last date anything in the plan is placed on.
    pub fn extent(&self) -> Option<(NaiveDate, NaiveDate)> {
        let tasks = self.tasks.iter().flatten().map(|t| (t.start, t.finish));
        let spans = self
            .phases
            .iter()
            .chain(&self.phase_work)
            .chain(&self.sprints)
            .flatten()
            .map(|s| (s.start, s.finish));
        let milestones = self.milestones.iter().flatten().map(|m| (m.date, m.date));
        tasks
            .chain(spans)
            .chain(milestones)
            .reduce(|(a0, a1), (b0, b1)| (a0.min(b0), a1.max(b1)))
    }

    /// The dates of a task by id.
    pub fn task(&self, plan: &Plan, id: &TaskId) -> Option<TaskDates> {
        plan.task_index(id).and_then(|index| self.tasks[index])
    }
}

/// Where week 1 starts when a plan has no start date: the Monday after its "last updated" date, or
/// else the Monday after today.
pub fn assumed_start(plan: &Plan, today: NaiveDate) -> NaiveDate {
    shift(monday_of(plan.meta.updated.unwrap_or(today)), 7)
}

/// Converts between dates and working-day offsets from the anchor.
pub(super) struct Clock<'a> {
    /// The normalized calendar.
    pub calendar: &'a Calendar,
    /// Day 0.
    pub anchor: NaiveDate,
}

impl Clock<'_> {
    /// The offset of the start of a day.
    pub fn offset(&self, date: NaiveDate) -> f64 {
        self.calendar.offset_of(self.anchor, date) as f64
    }

    /// The offset of the end of a day (the start of the next working day).
    pub fn end_offset(&self, date: NaiveDate) -> f64 {
        self.calendar
            .offset_of(self.anchor, shift(date, 1))
            .max(self.calendar.offset_of(self.anchor, date) + 1) as f64
    }

    /// The working day an offset falls in.
    pub fn day_at(&self, offset: f64) -> NaiveDate {
        self.calendar
            .date_of(self.anchor, (offset + EPSILON).floor() as i64)
    }

    /// The last working day of work that ends at an offset.
    pub fn last_day_before(&self, offset: f64) -> NaiveDate {
        self.calendar
            .date_of(self.anchor, (offset - EPSILON).ceil() as i64 - 1)
    }

    /// Monday of week `week` (1-based) counted from the week that holds the anchor.
    pub fn week_monday(&self, week: u32) -> NaiveDate {
        shift(monday_of(self.anchor), (i64::from(week.max(1)) - 1) * 7)
    }

    /// First and last day of a task from its times.
    fn dates(
        &self,
        times: &TaskTimes,
        placement: Placement,
        completed: Option<NaiveDate>,
    ) -> (NaiveDate, NaiveDate) {
        let start = self.day_at(times.earliest_start);
        if times.duration <= EPSILON {
            let day = match (placement, completed) {
                (Placement::Actual | Placement::NoTime, Some(done)) => done,
                _ => start,
            };
            return (day, day);
        }
        let finish = match (placement, completed) {
            (Placement::Actual, Some(done)) => done,
            _ => self.last_day_before(times.earliest_finish),
        };
        (start.min(finish), finish)
    }
}

/// The first day each task moved into an active status, and the last day it moved into a done one.
fn history_dates(plan: &Plan) -> HashMap<&TaskId, (Option<NaiveDate>, Option<NaiveDate>)> {
    let mut found: HashMap<&TaskId, (Option<NaiveDate>, Option<NaiveDate>)> = HashMap::new();
    for change in &plan.status_history {
        let entry = found.entry(&change.task).or_default();
        let day = change.at.date();
        match plan.category(&change.to) {
            StatusCategory::Active if entry.0.is_none() => entry.0 = Some(day),
            StatusCategory::Done => entry.1 = Some(day),
            _ => {}
        }
    }
    found
}

fn hours_per_day(plan: &Plan) -> f64 {
    if plan.meta.hours_per_day > 0.0 {
        plan.meta.hours_per_day
    } else {
        8.0
    }
}

/// Working days of an estimate (no estimate: none).
fn estimate_days(plan: &Plan, index: usize) -> f64 {
    plan.tasks[index]
        .estimate
        .hours
        .filter(|h| h.is_finite() && *h > 0.0)
        .map_or(0.0, |hours| hours / hours_per_day(plan))
}

/// Earliest times of every task, in dependency order.
fn forward(
    plan: &Plan,
    analysis: &Analysis,
    clock: &Clock<'_>,
    today: NaiveDate,
    sprints: &[Option<Span>],
    phase_windows: &[Option<Span>],
) -> (Vec<Option<TaskTimes>>, Vec<Placement>) {
    let count = plan.tasks.len();
    let history = history_dates(plan);
    let today_start = clock.offset(today);
    let today_end = clock.end_offset(today);
    let sprint_start: HashMap<_, _> = plan
        .sprints
        .iter()
        .zip(sprints)
        .filter_map(|(sprint, span)| Some((&sprint.id, clock.offset(span.as_ref()?.start))))
        .collect();
    let phase_start: HashMap<_, _> = plan
        .phases
        .iter()
        .zip(phase_windows)
        .filter_map(|(phase, span)| Some((&phase.id, clock.offset(span.as_ref()?.start))))
        .collect();
    let mut times: Vec<Option<TaskTimes>> = vec![None; count];
    let mut placements = vec![Placement::Planned; count];
    for &index in &analysis.schedule.order {
        let task = &plan.tasks[index];
        let after = analysis
            .graph
            .graph
            .neighbors_directed(NodeIndex::new(index), Direction::Incoming)
            .filter_map(|p| times[p.index()].map(|t| t.earliest_finish))
            .fold(0.0, f64::max);
        let estimate = estimate_days(plan, index);
        let (first_active, done_on) = history.get(&task.id).copied().unwrap_or_default();
        let (placement, start, finish) = match plan.category(&task.status) {
            StatusCategory::Done => match task.completed.or(done_on) {
                Some(done) => {
                    let finish = clock.end_offset(done);
                    let start = first_active
                        .filter(|started| *started <= done)
                        .map_or(finish - estimate, |started| clock.offset(started));
                    (Placement::Actual, start, finish)
                }
                None => (Placement::NoTime, after, after),
            },
            StatusCategory::Dropped => (Placement::NoTime, after, after),
            StatusCategory::Active => {
                let start = first_active
                    .filter(|started| *started <= today)
                    .map_or(today_start, |started| clock.offset(started));
                let worked = (today_start - start).max(0.0);
                let remaining = (estimate - worked).max(0.0);
                let finish = if estimate <= EPSILON {
                    start.max(today_start)
                } else {
                    (today_start + remaining).max(today_end.min(today_start + estimate))
                };
                (Placement::InProgress, start, finish.max(start))
            }
            StatusCategory::NotStarted | StatusCategory::Blocked => {
                let mut start = after.max(today_start).max(0.0);
                if let Some(fixed) = task.start {
                    start = start.max(clock.offset(fixed));
                }
                if let Some(&first) = task.sprint.as_ref().and_then(|s| sprint_start.get(s)) {
                    start = start.max(first);
                }
                if let Some(&first) = task.phase.as_ref().and_then(|p| phase_start.get(p)) {
                    start = start.max(first);
                }
                (Placement::Planned, start, start + estimate)
            }
        };
        placements[index] = placement;
        times[index] = Some(TaskTimes {
            duration: finish - start,
            earliest_start: start,
            earliest_finish: finish,
            ..TaskTimes::default()
        });
    }
    (times, placements)
}

/// Latest times and slack, from the plan's end and due dates backwards.
fn backward(
    plan: &Plan,
    analysis: &Analysis,
    clock: &Clock<'_>,
    times: &mut [Option<TaskTimes>],
    end: f64,
) {
    for &index in analysis.schedule.order.iter().rev() {
        let before_next = analysis
            .graph
            .graph
            .neighbors_directed(NodeIndex::new(index), Direction::Outgoing)
            .filter_map(|s| times[s.index()].map(|t| t.latest_start))
            .fold(end, f64::min);
        let due = plan.tasks[index].due.map(|due| clock.end_offset(due));
        let latest_finish = due.map_or(before_next, |due| due.min(before_next));
        if let Some(t) = times[index].as_mut() {
            t.latest_finish = latest_finish;
            t.latest_start = latest_finish - t.duration;
            t.slack = t.latest_start - t.earliest_start;
        }
    }
}

impl Default for DatedSchedule {
    /// The schedule of an empty plan.
    fn default() -> Self {
        Self {
            anchor: NaiveDate::default(),
            anchor_assumed: true,
            today: NaiveDate::default(),
            calendar: Calendar::default(),
            tasks: Vec::new(),
            phases: Vec::new(),
            phase_work: Vec::new(),
            phase_late: Vec::new(),
            sprints: Vec::new(),
            milestones: Vec::new(),
            finish: None,
            critical_path: Vec::new(),
        }
    }
}
