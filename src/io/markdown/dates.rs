//! Dates as people write them after a title or in a sprint calendar: `2026-03-02`, `12/03/2026`,
//! `Mar 2`, `2 March 2026`, and ranges of them (`2026-03-02 → 2026-03-13`, `Feb 16-Feb 27`,
//! `Mar 2 - Mar 20`, `Feb 16-27`).
//!
//! Slash dates are read the same way throughout a document ([`DayOrder`]): day first when one of
//! them starts with a number over 12 (`25/03/2026`), month first when one has its second number
//! over 12 (`03/25/2026`). When nothing decides, each is read day first unless its second number
//! cannot be a month, and those that could be read either way are counted as ambiguous.
//!
//! A date without a year takes the year of the nearest full date in the document (by line), else
//! the plan's Last Updated, else the nearest bare year (`2026` in a title); never the current year.
//! Parsing is a few passes over the text and allocates nothing.

use chrono::{Datelike, NaiveDate};

/// A date as written, its year possibly missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Written {
    year: Option<i32>,
    month: u32,
    day: u32,
    /// A slash date read day first although nothing said so (`12/03/2026`).
    guessed: bool,
}

/// Which number comes first in a document's slash dates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(in crate::io) enum DayOrder {
    /// Nothing decides (no date shows it, or dates show both): each date is read day first
    /// unless its second number cannot be a month.
    #[default]
    Undecided,
    /// `25/03/2026`.
    DayFirst,
    /// `03/25/2026`.
    MonthFirst,
}

impl DayOrder {
    /// The order the slash dates of a document (`d/m/yyyy` or `m/d/yyyy`) show.
    pub(in crate::io) fn of(lines: &[&str]) -> Self {
        let (mut day_first, mut month_first) = (false, false);
        for line in lines.iter().filter(|line| line.contains('/')) {
            let words = line.split(|c: char| !(c.is_ascii_digit() || c == '/'));
            for word in words {
                let mut parts = word.split('/');
                let (Some(a), Some(b), Some(c), None) =
                    (parts.next(), parts.next(), parts.next(), parts.next())
                else {
                    continue;
                };
                if let (Some(a), Some(b), Some(_)) = (number(a, 1..=2), number(b, 1..=2), year(c)) {
                    day_first |= a > 12;
                    month_first |= b > 12;
                }
            }
        }
        match (day_first, month_first) {
            (true, false) => Self::DayFirst,
            (false, true) => Self::MonthFirst,
            _ => Self::Undecided,
        }
    }
}

/// A date or a range as written: the first date and, for a range, the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    first: Written,
    last: Option<Written>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names (`Mar`, `march`, `Sept.`).
fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 || !word.is_ascii() {
        return None;
    }
    let position = MONTHS.iter().position(|name| {
        name.len() >= word.len() && name[..word.len()].eq_ignore_ascii_case(word)
            || (word.eq_ignore_ascii_case("sept") && *name == "september")
    })?;
    u32::try_from(position + 1).ok()
}

fn number(text: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (digits.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn year(text: &str) -> Option<i32> {
    number(text, 4..=4)
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1900..=2199).contains(y))
}

fn valid(written: Written) -> bool {
    (1..=12).contains(&written.month) && (1..=31).contains(&written.day)
}

/// One date, nothing else: ISO, numeric with slashes or dots, or with a month name; slash dates
/// in the document's `order`.
fn single(text: &str, order: DayOrder) -> Option<Written> {
    let text = text.trim().trim_end_matches([',', '.']);
    let numeric = |separator: char| {
        let mut parts = text.split(separator);
        let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        if let Some(y) = year(a) {
            return Some(Written {
                year: Some(y),
                month: number(b, 1..=2)?,
                day: number(c, 1..=2)?,
                guessed: false,
            });
        }
        let (first, second, y) = (number(a, 1..=2)?, number(b, 1..=2)?, year(c)?);
        let order = if separator == '/' {
            order
        } else {
            DayOrder::Undecided
        };
        let month_first = match order {
            DayOrder::DayFirst => false,
            DayOrder::MonthFirst => true,
            DayOrder::Undecided => second > 12,
        };
        let (day, month) = if month_first {
            (second, first)
        } else {
            (first, second)
        };
        Some(Written {
            year: Some(y),
            month,
            day,
            guessed: separator == '/'
                && order == DayOrder::Undecided
                && first != second
                && first <= 12
                && second <= 12,
        })
    };
    let found = numeric('-')
        .or_else(|| numeric('/'))
        .or_else(|| numeric('.'))
        .or_else(|| named(text))?;
    valid(found).then_some(found)
}

/// A full date, nothing else (`2026-03-02`, `25/03/2026` or `03/25/2026` in the document's
/// `order`, `2.3.2026`, `2 March 2026`), and whether it is a slash date that could be read either
/// way (read day first).
pub(in crate::io) fn full_date(text: &str, order: DayOrder) -> Option<(NaiveDate, bool)> {
    let written = single(text, order)?;
    let date = NaiveDate::from_ymd_opt(written.year?, written.month, written.day)?;
    Some((date, written.guessed))
}

/// The report's warning for `count` slash dates read day first although they could be read either
/// way; `None` when there are none.
pub(in crate::io) fn ambiguous_dates_warning(count: usize) -> Option<String> {
    let dates = if count == 1 { "date" } else { "dates" };
    (count > 0).then(|| format!("{count} {dates} like 12/03/2026 read as day/month; ambiguous"))
}

/// `Mar 2`, `March 2, 2026`, `2 Mar`, `2 March 2026`.
fn named(text: &str) -> Option<Written> {
    let mut words = text.split([' ', ',']).filter(|w| !w.is_empty());
    let (a, b) = (words.next()?, words.next()?);
    let y = match words.next() {
        Some(word) => Some(year(word)?),
        None => None,
    };
    if words.next().is_some() {
        return None;
    }
    let b = b.trim_end_matches(['.', ',']);
    let a = a.trim_end_matches(['.', ',']);
    let (month, day) = match (month(a), month(b)) {
        (Some(m), None) => (m, number(b, 1..=2)?),
        (None, Some(m)) => (m, number(a, 1..=2)?),
        _ => return None,
    };
    Some(Written {
        year: y,
        month,
        day,
        guessed: false,
    })
}

/// The separators a range is written with, widest first.
const RANGE_SEPARATORS: [&str; 9] = [" → ", "→", " -> ", " to ", " – ", " — ", " - ", "–", "—"];

/// A date or a range of dates, nothing else; slash dates in the document's `order`.
pub(super) fn span(text: &str, order: DayOrder) -> Option<Span> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(first) = single(text, order) {
        return Some(Span { first, last: None });
    }
    let range = |a: &str, b: &str| {
        let first = single(a, order)?;
        let last = single(b, order).or_else(|| {
            // `Feb 16-27`: the last day in the first date's month.
            let day = number(b.trim(), 1..=2)?;
            let last = Written {
                day,
                guessed: false,
                ..first
            };
            valid(last).then_some(last)
        })?;
        Some(Span {
            first,
            last: Some(last),
        })
    };
    for separator in RANGE_SEPARATORS {
        if let Some(found) = text.split_once(separator).and_then(|(a, b)| range(a, b)) {
            return Some(found);
        }
    }
    // `Feb 16-Feb 27`: a bare hyphen, tried at each place it stands.
    text.match_indices('-')
        .find_map(|(at, _)| range(&text[..at], &text[at + 1..]))
}

/// A title with a date or a range written after it: `Set up CI 2026-02-03`,
/// `Beta test (Mar 2 - Mar 20)`, `Docs — 12/03/2026`. The title and the dates.
pub(super) fn trailing(text: &str, order: DayOrder) -> Option<(&str, Span)> {
    let text = text.trim_end();
    if text.ends_with(')')
        && let Some(open) = text.rfind('(')
        && let Some(found) = span(&text[open + 1..text.len() - 1], order)
    {
        return Some((title_of(&text[..open])?, found));
    }
    for dash in [" — ", " – ", " - ", ": "] {
        if let Some((title, dates)) = text.rsplit_once(dash)
            && let Some(found) = span(dates, order)
        {
            return Some((title_of(title)?, found));
        }
    }
    // A date alone after the title: the last one, two or three words.
    let mut cut = text.len();
    for _ in 0..3 {
        cut = text[..cut].trim_end().rfind(' ')?;
        if let Some(found) = span(&text[cut + 1..], order) {
            return Some((title_of(&text[..cut])?, found));
        }
    }
    None
}

/// The title before a date, without the dash or colon between them; `None` when empty.
fn title_of(title: &str) -> Option<&str> {
    let title = title
        .trim_end()
        .trim_end_matches(['-', '—', '–', ':', ','])
        .trim_end();
    (!title.is_empty()).then_some(title)
}

/// Where the years written in a document stand, to give dates written without one a year.
#[derive(Default)]
pub(super) struct Years {
    /// `(line, year)` of full dates, in line order.
    dated: Vec<(usize, i32)>,
    /// `(line, year)` of years written alone, in line order.
    bare: Vec<(usize, i32)>,
}

impl Years {
    /// Finds the years on every line (numbered from 1).
    pub(super) fn of(lines: &[&str]) -> Self {
        let mut years = Self::default();
        for (index, line) in lines.iter().enumerate() {
            let bytes = line.as_bytes();
            let mut at = 0;
            while at < bytes.len() {
                if !bytes[at].is_ascii_digit() {
                    at += 1;
                    continue;
                }
                let start = at;
                while at < bytes.len() && bytes[at].is_ascii_digit() {
                    at += 1;
                }
                let Some(found) = (at - start == 4).then(|| year(&line[start..at])).flatten()
                else {
                    continue;
                };
                let joined = |b: Option<&u8>| b.is_some_and(|b| matches!(b, b'-' | b'/' | b'.'));
                let dated = joined(bytes.get(at))
                    || (start > 0 && joined(bytes.get(start - 1)))
                    || line[..start].trim_end().ends_with(',');
                let list = if dated {
                    &mut years.dated
                } else {
                    &mut years.bare
                };
                list.push((index + 1, found));
            }
        }
        years
    }

    /// The year a date without one on `line` takes: the nearest full date's, else `updated`'s,
    /// else the nearest bare year; `None` when the document has no year at all.
    pub(super) fn near(&self, line: usize, updated: Option<NaiveDate>) -> Option<i32> {
        nearest(&self.dated, line)
            .or_else(|| updated.map(|day| day.year()))
            .or_else(|| nearest(&self.bare, line))
    }
}

fn nearest(list: &[(usize, i32)], line: usize) -> Option<i32> {
    let at = list.partition_point(|&(l, _)| l < line);
    let before = at.checked_sub(1).map(|i| list[i]);
    let after = list.get(at).copied();
    match (before, after) {
        (Some(b), Some(a)) => Some(if line - b.0 <= a.0 - line { b.1 } else { a.1 }),
        (Some(only), None) | (None, Some(only)) => Some(only.1),
        (None, None) => None,
    }
}

impl Span {
    /// How many of the span's dates are slash dates that could be read either way.
    pub(super) fn ambiguous(&self) -> usize {
        usize::from(self.first.guessed) + usize::from(self.last.is_some_and(|last| last.guessed))
    }

    /// True when a date of the span has no year.
    pub(super) fn needs_year(&self) -> bool {
        self.first.year.is_none() || self.last.is_some_and(|last| last.year.is_none())
    }

    /// The first and last day, a missing year taken from the other date or from `year`; a range
    /// whose last date would fall before its first moves into the next year (`Dec 28 - Jan 8`).
    pub(super) fn days(&self, year: Option<i32>) -> Option<(NaiveDate, Option<NaiveDate>)> {
        let last_year = self.last.and_then(|last| last.year);
        let first_year = self.first.year.or(last_year).or(year)?;
        let first = NaiveDate::from_ymd_opt(first_year, self.first.month, self.first.day)?;
        let Some(last) = self.last else {
            return Some((first, None));
        };
        let mut day =
            NaiveDate::from_ymd_opt(last.year.unwrap_or(first_year), last.month, last.day)?;
        if day < first && last.year.is_none() {
            day = NaiveDate::from_ymd_opt(first_year + 1, last.month, last.day)?;
        }
        Some((first, Some(day)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid day")
    }

    #[test]
    fn dates_and_ranges() {
        let iso = span("2026-03-02 → 2026-03-13", DayOrder::Undecided).expect("a range");
        assert_eq!(
            iso.days(None),
            Some((day(2026, 3, 2), Some(day(2026, 3, 13))))
        );
        let named = span("Feb 16-Feb 27", DayOrder::Undecided).expect("a named range");
        assert!(named.needs_year());
        assert_eq!(named.days(None), None);
        assert_eq!(
            named.days(Some(2026)),
            Some((day(2026, 2, 16), Some(day(2026, 2, 27))))
        );
        assert_eq!(
            span("Feb 16-27", DayOrder::Undecided).and_then(|s| s.days(Some(2025))),
            Some((day(2025, 2, 16), Some(day(2025, 2, 27))))
        );
        assert_eq!(
            span("Dec 28 - Jan 8", DayOrder::Undecided).and_then(|s| s.days(Some(2025))),
            Some((day(2025, 12, 28), Some(day(2026, 1, 8))))
        );
        assert_eq!(
            span("2026-04-06 - 2026-04-17", DayOrder::Undecided).and_then(|s| s.days(None)),
            Some((day(2026, 4, 6), Some(day(2026, 4, 17))))
        );
        assert_eq!(
            span("12/03/2026", DayOrder::Undecided).and_then(|s| s.days(None)),
            Some((day(2026, 3, 12), None))
        );
        assert_eq!(
            span("2 March 2026", DayOrder::Undecided).and_then(|s| s.days(None)),
            Some((day(2026, 3, 2), None))
        );
        assert_eq!(span("2 weeks", DayOrder::Undecided), None);
        assert_eq!(span("v0.5.0", DayOrder::Undecided), None);
        assert_eq!(span("Sprints 1-3", DayOrder::Undecided), None);
    }

    #[test]
    fn dates_after_titles() {
        let (title, _) = trailing("Set up CI 2026-02-03", DayOrder::Undecided).expect("a date");
        assert_eq!(title, "Set up CI");
        let (title, found) =
            trailing("Beta test (Mar 2 - Mar 20)", DayOrder::Undecided).expect("a range");
        assert_eq!(title, "Beta test");
        assert!(found.needs_year());
        let (title, _) = trailing("Docs — 12/03/2026", DayOrder::Undecided).expect("a date");
        assert_eq!(title, "Docs");
        let (title, _) = trailing("Launch on Mar 2", DayOrder::Undecided).expect("a date");
        assert_eq!(title, "Launch on");
        assert_eq!(trailing("Upgrade to Python 3", DayOrder::Undecided), None);
        assert_eq!(trailing("Version 2.0", DayOrder::Undecided), None);
        assert_eq!(
            trailing("2026-02-03", DayOrder::Undecided),
            None,
            "a date alone is no title"
        );
    }

    #[test]
    fn slash_dates_follow_the_order_the_document_shows() {
        assert_eq!(
            DayOrder::of(&["Kick-off 25/03/2026", "- Docs 12/03/2026"]),
            DayOrder::DayFirst
        );
        assert_eq!(
            DayOrder::of(&["Due (03/25/2026)", "x"]),
            DayOrder::MonthFirst
        );
        assert_eq!(
            DayOrder::of(&["12/03/2026", "2026-03-25", "25.03.2026"]),
            DayOrder::Undecided
        );
        assert_eq!(
            DayOrder::of(&["25/03/2026 and 03/25/2026"]),
            DayOrder::Undecided,
            "dates that disagree decide nothing"
        );
        let read = |text, order| span(text, order).and_then(|s| s.days(None));
        assert_eq!(
            read("12/03/2026", DayOrder::DayFirst),
            Some((day(2026, 3, 12), None))
        );
        assert_eq!(
            read("12/03/2026", DayOrder::MonthFirst),
            Some((day(2026, 12, 3), None))
        );
        assert_eq!(
            read("12.03.2026", DayOrder::MonthFirst),
            Some((day(2026, 3, 12), None)),
            "the order is that of slash dates"
        );
        assert_eq!(read("03/25/2026", DayOrder::DayFirst), None);
        let ambiguous = |text| span(text, DayOrder::Undecided).map(|s| s.ambiguous());
        assert_eq!(ambiguous("12/03/2026 - 14/03/2026"), Some(1));
        assert_eq!(ambiguous("12/03/2026 → 11/04/2026"), Some(2));
        assert_eq!(ambiguous("05/05/2026"), Some(0), "read the same either way");
        assert_eq!(ambiguous("2026-03-12"), Some(0));
        assert_eq!(
            span("12/03/2026", DayOrder::DayFirst).map(|s| s.ambiguous()),
            Some(0)
        );
    }

    #[test]
    fn years_come_from_the_nearest_date() {
        let lines = [
            "# Plan 2024",
            "Updated 2025-01-04",
            "- Feb 2",
            "",
            "",
            "",
            "- 2026-03-01",
        ];
        let years = Years::of(&lines);
        assert_eq!(years.near(3, None), Some(2025));
        assert_eq!(years.near(6, None), Some(2026));
        let bare = Years::of(&["# Plan 2024", "- Feb 2"]);
        assert_eq!(bare.near(2, None), Some(2024));
        assert_eq!(bare.near(2, Some(day(2023, 1, 1))), Some(2023));
        assert_eq!(Years::of(&["- Feb 2"]).near(1, None), None);
    }
}
