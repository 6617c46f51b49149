//! Per-week numbers for plans without sprints: work completed in each ISO week, from completion
//! dates and the status history, beside what the plan's velocity records say was planned and blocked.

use super::Unit;
use super::timeline::Timelines;
use super::windows::end_of;
use crate::model::{Plan, TaskId, VelocityRecord};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// An ISO week, written `2025-W46`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    /// The ISO week-numbering year.
    pub year: i32,
    /// The week, 1 to 53.
    pub week: u32,
}

impl IsoWeek {
    /// The ISO week a day falls in.
    pub fn of(day: NaiveDate) -> Self {
        let week = day.iso_week();
        Self {
            year: week.year(),
            week: week.week(),
        }
    }

    /// Its Monday.
    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).unwrap_or_default()
    }

    /// Its Friday, the last working day.
    pub fn friday(self) -> NaiveDate {
        self.monday() + Days::new(4)
    }

    /// Its Sunday, the last day.
    pub fn sunday(self) -> NaiveDate {
        self.monday() + Days::new(6)
    }

    /// The week `n` weeks later.
    #[must_use]
    pub fn plus(self, n: u64) -> Self {
        Self::of(self.monday() + Days::new(n * 7))
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One week's numbers, in the analysis unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekVelocity {
    /// The ISO week; none for a velocity record the plan cannot date (no start date).
    pub week: Option<IsoWeek>,
    /// The ISO week as text, or the record's own label ("Week 1") when it has no date.
    pub label: String,
    /// Work completed: from the tasks finished that week, or, when none were, from the week's
    /// velocity record; none when neither says.
    pub completed: Option<f64>,
    /// Work planned, from the week's velocity record; none when unknown ("TBD") or not recorded.
    pub planned: Option<f64>,
    /// Work blocked, from the week's velocity record; none when unknown or not recorded.
    pub blocked: Option<f64>,
    /// True when the week is over (it ended before today); only finished weeks are samples.
    pub finished: bool,
    /// The tasks finished that week.
    pub tasks: Vec<TaskId>,
}

/// The plan's weeks, oldest first: velocity records the plan cannot date (in document order), then
/// every ISO week from the first dated one (a completion or a record) to today's, weeks without
/// completed work included. A task counts in the week it last became done, if it is done today:
/// a task reopened and not finished again counts nowhere.
pub fn week_velocities(plan: &Plan, timelines: &Timelines, today: NaiveDate) -> Vec<WeekVelocity> {
    let unit = timelines.unit();
    let now = end_of(today);
    let mut done: BTreeMap<IsoWeek, (f64, Vec<TaskId>)> = BTreeMap::new();
    for (track, task) in timelines.tasks.iter().zip(&plan.tasks) {
        if let Some(at) = track.completed_by(now) {
            let entry = done.entry(IsoWeek::of(at.date())).or_default();
            entry.0 += track.size.at(at);
            entry.1.push(task.id.clone());
        }
    }
    let mut undated = Vec::new();
    let mut records: BTreeMap<IsoWeek, &VelocityRecord> = BTreeMap::new();
    for record in plan.velocity.iter().filter(|r| r.sprint.is_none()) {
        match record_week(plan, record) {
            Some(week) => {
                records.insert(week, record);
            }
            None => undated.push(record_row(None, record.period.clone(), record, unit)),
        }
    }
    let first = done.keys().chain(records.keys()).min().copied();
    let last = done
        .keys()
        .chain(records.keys())
        .copied()
        .chain([IsoWeek::of(today)])
        .max();
    let mut rows = undated;
    let (Some(first), Some(last)) = (first, last) else {
        return rows;
    };
    let mut week = first;
    while week <= last {
        let mut row = match records.get(&week) {
            Some(record) => record_row(Some(week), week.to_string(), record, unit),
            None => WeekVelocity {
                week: Some(week),
                label: week.to_string(),
                completed: Some(0.0),
                planned: None,
                blocked: None,
                finished: true,
                tasks: Vec::new(),
            },
        };
        if let Some((amount, tasks)) = done.remove(&week) {
            row.completed = Some(amount);
            row.tasks = tasks;
        }
        row.completed.get_or_insert(0.0);
        row.finished = week.sunday() < today;
        rows.push(row);
        week = week.plus(1);
    }
    rows
}

/// The ISO week a week record covers: week n of the plan starts n - 1 weeks after its start date.
fn record_week(plan: &Plan, record: &VelocityRecord) -> Option<IsoWeek> {
    let start = plan.meta.start?;
    let n = record.week?;
    Some(IsoWeek::of(
        start + Days::new(u64::from(n.saturating_sub(1)) * 7),
    ))
}

/// A row from a velocity record; its numbers are kept only when it is written in the analysis unit.
fn record_row(
    week: Option<IsoWeek>,
    label: String,
    record: &VelocityRecord,
    unit: Unit,
) -> WeekVelocity {
    let same = unit.matches_record(&record.unit);
    let keep = |value: Option<f64>| value.filter(|_| same);
    WeekVelocity {
        week,
        label,
        completed: keep(record.completed),
        planned: keep(record.planned),
        blocked: keep(record.blocked),
        finished: true,
        tasks: Vec::new(),
    }
}
