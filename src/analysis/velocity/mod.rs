//! Velocity: how much work is finished per sprint or week, burndown and burnup, a Monte Carlo
//! forecast of when the remaining work is done, and the backlog projection over future sprints.
//!
//! Pure functions of a plan and `today` (the core never reads the clock). How work is counted:
//! - **Unit:** points, hours or tasks ([`Unit`]); every task counts with its own estimate, subtasks
//!   included.
//! - **The past of each task** is rebuilt from the status history and the scope history (sprint
//!   moves and estimate changes) by [`Timelines`]. A task is done at a moment only if its last status
//!   change at or before it went into a Done status, so reopening un-burns it. A done task without
//!   status history counts as done on its completion date.
//! - **Sprints** are measured over their date ranges, which come in as input (see
//!   [`sprint_windows`]), each on its own: overlapping sprints never merge.
//! - **Weeks** are ISO weeks; planned and blocked come from the plan's velocity records, unknown
//!   ("TBD") kept as unknown.
//!
//! [`VelocityReport`] bundles what a chart or `waymark velocity` shows; the parts are public so a
//! view can ask for a burndown or a forecast of one scope.

mod average;
mod burndown;
mod forecast;
mod projection;
mod sprints;
mod timeline;
mod unit;
mod weeks;
mod windows;

pub use average::{Averages, Trend};
pub use burndown::{
    BurnDay, BurnScope, Burndown, ScopeEvent, ScopeMarker, ScopeMove, burndown, default_range,
};
pub use forecast::{
    FEW_SAMPLES, Forecast, ForecastBucket, MAX_PERIODS, MIN_SAMPLES, Period, SEED, TRIALS, forecast,
};
pub use projection::{ProjectedSprint, project_backlog};
pub use sprints::{SprintState, SprintTasks, SprintVelocity, sprint_velocities};
pub use timeline::Timelines;
pub use unit::Unit;
pub use weeks::{IsoWeek, WeekVelocity, week_velocities};
pub use windows::{DateRange, is_working_day, sprint_windows};

use crate::model::{Plan, SprintId, StatusCategory, VelocityRecord};
use chrono::NaiveDate;
use serde::Serialize;
use windows::end_of;

/// How many periods averages look back by default.
pub const DEFAULT_LAST: usize = 3;

/// The sprint length a forecast assumes when no finished sprint has dates.
const DEFAULT_SPRINT_DAYS: u32 = 14;

/// What a velocity analysis is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VelocityOptions {
    /// The unit; none picks the plan's default ([`Unit::default_for`]).
    pub unit: Option<Unit>,
    /// How many of the last periods the averages use (N).
    pub last: usize,
}

impl Default for VelocityOptions {
    fn default() -> Self {
        Self {
            unit: None,
            last: DEFAULT_LAST,
        }
    }
}

/// What velocity is measured in periods of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// Finished sprints.
    Sprints,
    /// Finished ISO weeks (plans without finished sprints).
    Weeks,
}

/// Everything the velocity chart and `waymark velocity` show, computed once per plan revision.
#[derive(Clone, Debug)]
pub struct VelocityReport {
    /// The unit of every number.
    pub unit: Unit,
    /// The day the report is for.
    pub today: NaiveDate,
    /// The sprints' date ranges used, in plan order.
    pub windows: Vec<Option<DateRange>>,
    /// Each task's rebuilt past, for burndowns and forecasts of other scopes.
    pub timelines: Timelines,
    /// Sprints measured, in plan order.
    pub sprints: Vec<SprintVelocity>,
    /// Weeks, oldest first.
    pub weeks: Vec<WeekVelocity>,
    /// Whether the averages and the forecast use sprints or weeks.
    pub basis: Basis,
    /// Work finished in each finished period of the basis, oldest first.
    pub samples: Vec<f64>,
    /// Mean, median and trend of the last N samples.
    pub average: Averages,
    /// When the whole plan's remaining work is done.
    pub forecast: Forecast,
}

impl VelocityReport {
    /// The report for a plan, with sprints dated by their own dates ([`sprint_windows`]).
    pub fn compute(plan: &Plan, options: VelocityOptions, today: NaiveDate) -> Self {
        Self::with_windows(plan, options, sprint_windows(plan), today)
    }

    /// The report with each sprint's date range given (plan order; none for an undated sprint), so a
    /// schedule can date sprints that have no dates of their own.
    pub fn with_windows(
        plan: &Plan,
        options: VelocityOptions,
        windows: Vec<Option<DateRange>>,
        today: NaiveDate,
    ) -> Self {
        let unit = options.unit.unwrap_or_else(|| Unit::default_for(plan));
        let timelines = Timelines::new(plan, unit, &windows);
        let sprints = sprint_velocities(plan, &timelines, &windows, today);
        let weeks = week_velocities(plan, &timelines, today);
        let finished: Vec<&SprintVelocity> = sprints
            .iter()
            .filter(|s| s.state == SprintState::Finished)
            .collect();
        let (basis, samples, period): (Basis, Vec<f64>, Period) = if finished.is_empty() {
            let samples = weeks
                .iter()
                .filter(|w| w.finished)
                .filter_map(|w| w.completed)
                .collect();
            (Basis::Weeks, samples, Period::Week)
        } else {
            let mut ordered = finished.clone();
            ordered.sort_by_key(|s| s.range.map(|r| r.end));
            let samples = ordered.iter().map(|s| s.completed).collect();
            (
                Basis::Sprints,
                samples,
                Period::Sprint {
                    days: sprint_days(&finished),
                },
            )
        };
        let average = Averages::of(&samples, options.last.max(1));
        let remaining = remaining_work(plan, &timelines, &BurnScope::Plan, today);
        let forecast = forecast(&samples, period, remaining, today);
        Self {
            unit,
            today,
            windows,
            timelines,
            sprints,
            weeks,
            basis,
            samples,
            average,
            forecast,
        }
    }

    /// The forecast for the remaining work of one scope (a phase, a milestone's linked work, a
    /// sprint or the plan), from the same samples.
    pub fn forecast_for(&self, plan: &Plan, scope: &BurnScope) -> Forecast {
        let remaining = remaining_work(plan, &self.timelines, scope, self.today);
        forecast(&self.samples, self.forecast.period, remaining, self.today)
    }

    /// The burndown of one scope over its default range (see [`default_range`]); none when nothing
    /// dates it.
    pub fn burndown_for(&self, plan: &Plan, scope: &BurnScope) -> Option<Burndown> {
        self.burndown_until(plan, scope, None)
    }

    /// The burndown of one scope over its default range, carried on to `until` when the range would
    /// end today (a phase, milestone or plan without an end of its own): the ideal line then falls to
    /// zero on that day (a chart passes the forecast's P85 date) instead of today.
    pub fn burndown_until(
        &self,
        plan: &Plan,
        scope: &BurnScope,
        until: Option<NaiveDate>,
    ) -> Option<Burndown> {
        let mut range = default_range(plan, &self.timelines, scope, &self.windows, self.today)?;
        if let Some(until) = until.filter(|u| range.end == self.today && *u > self.today)
            && !matches!(scope, BurnScope::Sprint(_))
        {
            range = DateRange::new(range.start, until);
        }
        Some(burndown(plan, &self.timelines, scope, range, self.today))
    }
}

/// The typical length of finished sprints in days (the median), or two weeks when none is dated.
fn sprint_days(finished: &[&SprintVelocity]) -> u32 {
    let mut lengths: Vec<u32> = finished
        .iter()
        .filter_map(|s| s.range.map(|r| r.len() as u32))
        .collect();
    lengths.sort_unstable();
    lengths
        .get(lengths.len() / 2)
        .copied()
        .unwrap_or(DEFAULT_SPRINT_DAYS)
}

/// The work of a scope not done (nor dropped) at the end of `today`, in the timelines' unit.
pub fn remaining_work(
    plan: &Plan,
    timelines: &Timelines,
    scope: &BurnScope,
    today: NaiveDate,
) -> f64 {
    let now = end_of(today);
    burndown::current_tasks(plan, scope)
        .into_iter()
        .map(|i| &timelines.tasks[i])
        .filter(|t| {
            !matches!(
                t.status.before(now),
                StatusCategory::Done | StatusCategory::Dropped
            )
        })
        .map(|t| *t.size.before(now))
        .sum()
}

/// The velocity record of a sprint as it closes on `today`: its committed scope as planned and its
/// completed work, in the plan's default unit. Undated sprints record the work done in them now.
pub fn sprint_close_record(plan: &Plan, sprint: &SprintId, today: NaiveDate) -> VelocityRecord {
    let unit = Unit::default_for(plan);
    let windows = sprint_windows(plan);
    let timelines = Timelines::new(plan, unit, &windows);
    let s = plan.sprints.iter().position(|s| &s.id == sprint);
    let name = s.map_or_else(|| sprint.to_string(), |s| plan.sprints[s].name.clone());
    let dated = s.and_then(|s| windows[s].map(|range| (s, range)));
    let (planned, completed) = if let Some((s, range)) = dated {
        let measured = sprints::measure(plan, &timelines, s, range, today);
        (Some(measured.committed), measured.completed)
    } else {
        let done = plan
            .tasks
            .iter()
            .filter(|t| t.sprint.as_ref() == Some(sprint))
            .filter(|t| plan.category(&t.status) == StatusCategory::Done)
            .map(|t| unit.size(&t.estimate))
            .sum();
        (None, done)
    };
    VelocityRecord {
        period: name,
        week: None,
        sprint: Some(sprint.clone()),
        planned,
        completed: Some(completed),
        blocked: None,
        unit: unit.label().to_owned(),
    }
}
