//! The dates velocity measures over: each sprint's date range, and day boundaries.
//!
//! [`sprint_windows`] reads each sprint's own dates (its `start`/`end`, or its `weeks` counted from
//! the plan's start date). Everything else takes the windows as input, so a dated schedule that lays
//! undated sprints end to end can be fed in instead.

use crate::model::Plan;
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::Serialize;

/// A range of whole days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateRange {
    /// First day.
    pub start: NaiveDate,
    /// Last day (never before `start`).
    pub end: NaiveDate,
}

impl DateRange {
    /// A range from `start` to `end`; an end before the start is taken as the start.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        Self {
            start,
            end: end.max(start),
        }
    }

    /// Every day of the range, first to last.
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        self.start.iter_days().take_while(move |d| *d <= self.end)
    }

    /// The number of days in the range.
    pub fn len(self) -> usize {
        (self.end - self.start).num_days() as usize + 1
    }

    /// Always false: a range holds at least one day.
    pub fn is_empty(self) -> bool {
        false
    }
}

/// Each sprint's date range from its own dates, in plan order: `start` and `end` when both are set;
/// else its `weeks` counted from the plan's start date; else a start date with an end from the weeks'
/// length. `None` for a sprint that cannot be dated this way.
pub fn sprint_windows(plan: &Plan) -> Vec<Option<DateRange>> {
    plan.sprints
        .iter()
        .map(
            |sprint| match (sprint.start, sprint.end, sprint.weeks, plan.meta.start) {
                (Some(start), Some(end), _, _) => Some(DateRange::new(start, end)),
                (_, _, Some(weeks), Some(plan_start)) => {
                    let (start, end) = weeks.dates(plan_start);
                    Some(DateRange::new(
                        sprint.start.unwrap_or(start),
                        sprint.end.unwrap_or(end),
                    ))
                }
                _ => None,
            },
        )
        .collect()
}

/// Midnight at the start of a day.
pub(super) fn midnight(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::MIN)
}

/// The first moment after a day (midnight of the next day): values "at the end of `day`" are the
/// values in force just before it.
pub(super) fn end_of(day: NaiveDate) -> NaiveDateTime {
    midnight(next_day(day))
}

/// The day after.
pub(super) fn next_day(day: NaiveDate) -> NaiveDate {
    day.checked_add_days(Days::new(1)).unwrap_or(day)
}

/// True for Monday to Friday.
pub fn is_working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}
