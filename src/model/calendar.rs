//! The working calendar: which weekdays are worked, which dates are holidays, and counting in working days.
//!
//! Schedules count time in working days from an anchor date: working day 0 is the first working day on
//! or after the anchor. [`Calendar::offset_of`] and [`Calendar::date_of`] convert between the two, both
//! ways, before and after the anchor.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The weekdays worked when a plan says nothing: Monday to Friday.
pub const DEFAULT_WORK_WEEK: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

/// Which days are worked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Calendar {
    /// The weekdays worked, Monday first; an empty list counts as Monday to Friday.
    pub work_week: Vec<Weekday>,
    /// Dates not worked although their weekday is (holidays, a company day off), sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<NaiveDate>,
}

impl Default for Calendar {
    fn default() -> Self {
        Self {
            work_week: DEFAULT_WORK_WEEK.to_vec(),
            holidays: Vec::new(),
        }
    }
}

impl Calendar {
    /// True when the calendar is Monday to Friday without holidays (it is then left out of files).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    #[must_use]
    /// A copy that is safe to count with: a non-empty work week in Monday-first order and sorted,
    /// de-duplicated holidays.
    pub fn normalized(&self) -> Self {
        let mut work_week: Vec<Weekday> = all_weekdays()
            .filter(|day| self.work_week.contains(day))
            .collect();
        if work_week.is_empty() {
            work_week = DEFAULT_WORK_WEEK.to_vec();
        }
        let mut holidays = self.holidays.clone();
        holidays.sort_unstable();
        holidays.dedup();
        Self {
            work_week,
            holidays,
        }
    }

    /// True when the weekday of `date` is worked (holidays aside).
    pub fn is_work_weekday(&self, date: NaiveDate) -> bool {
        self.work_week.contains(&date.weekday())
    }

    /// True when `date` is a holiday.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.binary_search(&date).is_ok()
    }

    /// True when `date` is worked.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.is_work_weekday(date) && !self.is_holiday(date)
    }

    /// Working days from `from` up to, not including, `to`; negative when `to` is earlier.
    /// Expects a [`Calendar::normalized`] calendar.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        self.weekdays_between(from, to) - self.holidays_between(from, to)
    }

    /// The `index`-th working day counted from `anchor` (0: the first working day on or after it;
    /// negative: working days before it). Expects a [`Calendar::normalized`] calendar.
    pub fn date_of(&self, anchor: NaiveDate, index: i64) -> NaiveDate {
        let first = self.next_working_day(anchor);
        let per_week = self.work_week.len() as i64;
        // Jump close by whole weeks, then walk the rest one day at a time.
        let weeks = index.div_euclid(per_week).clamp(-52 * 400, 52 * 400);
        let mut date = shift(first, weeks * 7);
        let mut at = self.working_days_between(first, date);
        // `at` counts the working days in [first, date): the index of `date` when it is worked.
        for _ in 0..100_000 {
            let working = self.is_working_day(date);
            if working && at == index {
                break;
            }
            if at > index {
                date = shift(date, -1);
                if self.is_working_day(date) {
                    at -= 1;
                }
            } else {
                if working {
                    at += 1;
                }
                date = shift(date, 1);
            }
        }
        date
    }

    /// The working-day index of `date` counted from `anchor` (see [`Calendar::date_of`]); a day off
    /// counts as the working day after it.
    pub fn offset_of(&self, anchor: NaiveDate, date: NaiveDate) -> i64 {
        self.working_days_between(self.next_working_day(anchor), date)
    }

    /// `date` itself when it is worked, else the next working day.
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        for _ in 0..3660 {
            if self.is_working_day(day) {
                return day;
            }
            day = shift(day, 1);
        }
        date
    }

    /// `date` itself when it is worked, else the working day before it.
    pub fn previous_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        for _ in 0..3660 {
            if self.is_working_day(day) {
                return day;
            }
            day = shift(day, -1);
        }
        date
    }

    fn weekdays_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let days = (to - from).num_days();
        let whole = days / 7 * self.work_week.len() as i64;
        let rest = (0..days % 7)
            .filter(|offset| self.is_work_weekday(shift(from, days / 7 * 7 + offset)))
            .count() as i64;
        whole + rest
    }

    fn holidays_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let start = self.holidays.partition_point(|day| *day < from);
        let end = self.holidays.partition_point(|day| *day < to);
        self.holidays[start..end]
            .iter()
            .filter(|day| self.is_work_weekday(**day))
            .count() as i64
    }
}

/// Monday of the week that holds `date` (weeks start on Monday).
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    shift(date, -i64::from(date.weekday().num_days_from_monday()))
}

/// `date` moved by a number of calendar days (saturating at chrono's range).
pub fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .unwrap_or(date)
}

fn all_weekdays() -> impl Iterator<Item = Weekday> {
    [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ]
    .into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn counts_and_finds_working_days_both_ways() {
        let calendar = Calendar {
            holidays: vec![day("2025-12-25"), day("2025-12-26")],
            ..Calendar::default()
        }
        .normalized();
        let anchor = day("2025-12-22");
        assert_eq!(calendar.date_of(anchor, 0), day("2025-12-22"));
        assert_eq!(calendar.date_of(anchor, 2), day("2025-12-24"));
        assert_eq!(calendar.date_of(anchor, 3), day("2025-12-29"));
        assert_eq!(calendar.date_of(anchor, -1), day("2025-12-19"));
        assert_eq!(calendar.offset_of(anchor, day("2025-12-29")), 3);
        assert_eq!(calendar.offset_of(anchor, day("2025-12-19")), -1);
        for index in -40..40 {
            let date = calendar.date_of(anchor, index);
            assert!(calendar.is_working_day(date));
            assert_eq!(calendar.offset_of(anchor, date), index, "{date}");
        }
    }

    #[test]
    fn an_anchor_on_a_weekend_starts_on_monday() {
        let calendar = Calendar::default().normalized();
        assert_eq!(
            calendar.date_of(day("2026-01-03"), 0),
            day("2026-01-05"),
            "Saturday anchors count from Monday"
        );
        assert_eq!(calendar.offset_of(day("2026-01-03"), day("2026-01-06")), 1);
    }
}
