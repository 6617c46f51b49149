//! The time axis: where a date is across the chart, and the ticks of the two-tier header.

use chrono::{Datelike, NaiveDate};

/// Points per day of each named zoom level.
pub const DAY_ZOOM: f32 = 32.0;
/// Points per day at week zoom.
pub const WEEK_ZOOM: f32 = 10.0;
/// Points per day at month zoom.
pub const MONTH_ZOOM: f32 = 3.2;
/// Points per day at quarter zoom.
pub const QUARTER_ZOOM: f32 = 1.1;
/// Points per day at year zoom.
pub const YEAR_ZOOM: f32 = 0.36;
/// The closest and farthest zoom, in points per day.
pub const ZOOM_RANGE: (f32, f32) = (0.12, 80.0);

/// The day number of a date (days since 1 January of year 1).
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date of a day number (fractions dropped).
pub fn date_of_number(day: f64) -> NaiveDate {
    let clamped = day.floor().clamp(1.0, 3_000_000.0) as i32;
    NaiveDate::from_num_days_from_ce_opt(clamped).unwrap_or_default()
}

/// Maps days to x positions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    /// The day number at `left`.
    pub origin: f64,
    /// Points per day.
    pub per_day: f32,
    /// The x of the chart's left edge.
    pub left: f32,
    /// The x of the chart's right edge.
    pub right: f32,
}

impl Axis {
    /// The x where a day number (fractions are parts of the day) is.
    pub fn x(&self, day: f64) -> f32 {
        self.left + ((day - self.origin) * f64::from(self.per_day)) as f32
    }

    /// The x where a date begins.
    pub fn x_of(&self, date: NaiveDate) -> f32 {
        self.x(day_number(date))
    }

    /// The day number at an x.
    pub fn day_at(&self, x: f32) -> f64 {
        self.origin + f64::from(x - self.left) / f64::from(self.per_day)
    }

    /// The first and last date at least partly visible.
    pub fn visible_dates(&self) -> (NaiveDate, NaiveDate) {
        (
            date_of_number(self.day_at(self.left)),
            date_of_number(self.day_at(self.right)),
        )
    }
}

/// The units of a header tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// ISO weeks, starting Monday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
}

/// The top and bottom header tiers at a zoom.
pub fn tiers(per_day: f32) -> (Unit, Unit) {
    if per_day >= 18.0 {
        (Unit::Month, Unit::Day)
    } else if per_day >= 5.0 {
        (Unit::Month, Unit::Week)
    } else if per_day >= 1.6 {
        (Unit::Year, Unit::Month)
    } else {
        (Unit::Year, Unit::Quarter)
    }
}

/// The start of the unit that holds a date.
pub fn unit_start(unit: Unit, date: NaiveDate) -> NaiveDate {
    let first_of = |year: i32, month: u32| NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(date);
    match unit {
        Unit::Day => date,
        Unit::Week => crate::model::monday_of(date),
        Unit::Month => first_of(date.year(), date.month()),
        Unit::Quarter => first_of(date.year(), (date.month0() / 3) * 3 + 1),
        Unit::Year => first_of(date.year(), 1),
    }
}

/// The start of the next unit after the one that starts at `start`.
pub fn next_unit(unit: Unit, start: NaiveDate) -> NaiveDate {
    let months = |n: u32| {
        start
            .checked_add_months(chrono::Months::new(n))
            .unwrap_or(start)
    };
    match unit {
        Unit::Day => crate::model::shift(start, 1),
        Unit::Week => crate::model::shift(start, 7),
        Unit::Month => months(1),
        Unit::Quarter => months(3),
        Unit::Year => months(12),
    }
}

/// The starts of the units that overlap `from..=to`, one before `from` included.
pub fn unit_starts(unit: Unit, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut starts = Vec::new();
    let mut at = unit_start(unit, from);
    while at <= to && starts.len() < 2_000 {
        starts.push(at);
        let next = next_unit(unit, at);
        if next <= at {
            break;
        }
        at = next;
    }
    starts
}

/// The label of a unit, in the width available (a longer form when there is room).
pub fn unit_label(unit: Unit, start: NaiveDate, room: f32) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS[start.month0() as usize];
    match unit {
        Unit::Day if room >= 30.0 => format!("{} {}", weekday_letter(start), start.day()),
        Unit::Day => start.day().to_string(),
        Unit::Week if room >= 60.0 => format!("W{:02} · {}", start.iso_week().week(), start.day()),
        Unit::Week => format!("W{:02}", start.iso_week().week()),
        Unit::Month if room >= 110.0 => format!("{month} {}", start.year()),
        Unit::Month if room >= 40.0 => month[..3].to_owned(),
        Unit::Month => month[..1].to_owned(),
        Unit::Quarter if room >= 70.0 => format!("Q{} {}", start.month0() / 3 + 1, start.year()),
        Unit::Quarter => format!("Q{}", start.month0() / 3 + 1),
        Unit::Year => start.year().to_string(),
    }
}

fn weekday_letter(date: NaiveDate) -> &'static str {
    ["M", "T", "W", "T", "F", "S", "S"][date.weekday().num_days_from_monday() as usize]
}

/// How many days a drag snaps to at a zoom: days when they are wide enough to aim at, else weeks.
pub fn snap_days(per_day: f32) -> i64 {
    if per_day >= 5.0 { 1 } else { 7 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn dates_and_positions_round_trip() {
        let axis = Axis {
            origin: day_number(day("2026-01-01")),
            per_day: 10.0,
            left: 100.0,
            right: 900.0,
        };
        assert!((axis.x_of(day("2026-01-11")) - 200.0).abs() < 1e-3);
        assert_eq!(date_of_number(axis.day_at(205.0)), day("2026-01-11"));
        assert_eq!(axis.visible_dates(), (day("2026-01-01"), day("2026-03-22")));
    }

    #[test]
    fn header_units_and_labels() {
        assert_eq!(tiers(DAY_ZOOM), (Unit::Month, Unit::Day));
        assert_eq!(tiers(WEEK_ZOOM), (Unit::Month, Unit::Week));
        assert_eq!(tiers(MONTH_ZOOM), (Unit::Year, Unit::Month));
        assert_eq!(tiers(YEAR_ZOOM), (Unit::Year, Unit::Quarter));
        assert_eq!(unit_label(Unit::Week, day("2026-03-16"), 40.0), "W12");
        assert_eq!(
            unit_label(Unit::Month, day("2026-03-01"), 200.0),
            "March 2026"
        );
        assert_eq!(unit_label(Unit::Quarter, day("2026-04-01"), 30.0), "Q2");
        let weeks = unit_starts(Unit::Week, day("2026-01-07"), day("2026-01-20"));
        assert_eq!(
            weeks,
            [day("2026-01-05"), day("2026-01-12"), day("2026-01-19")]
        );
    }
}
