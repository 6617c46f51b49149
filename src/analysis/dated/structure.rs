//! Dates of the structure around tasks: sprints, phases and milestones.

use super::{Clock, TaskDates};
use crate::model::{Plan, WeekRange, shift};
use chrono::NaiveDate;

/// A stretch of days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub finish: NaiveDate,
}

/// Where a milestone falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MilestoneDates {
    /// Its date: the fixed date, else the last working day of its week, else the day its linked work
    /// finishes.
    pub date: NaiveDate,
    /// The day its linked tasks and phases finish, when it has any with dates.
    pub forecast: Option<NaiveDate>,
    /// True when the linked work finishes after the milestone's date.
    pub late: bool,
}

/// The days of a week range: from the first working day of its first week to the last working day
/// of its last week.
pub(super) fn week_span(clock: &Clock<'_>, weeks: WeekRange) -> Span {
    let first = clock.week_monday(weeks.first);
    let after_last = shift(clock.week_monday(weeks.last.max(weeks.first)), 7);
    Span {
        start: clock.calendar.next_working_day(first),
        finish: clock.calendar.previous_working_day(shift(after_last, -1)),
    }
}

/// Sprint dates: their own dates, else their week range, else laid end to end from the anchor (or
/// from the end of the sprint before), each the plan's sprint length.
pub(super) fn sprint_spans(plan: &Plan, clock: &Clock<'_>) -> Vec<Option<Span>> {
    let length_days = i64::from(plan.meta.sprint_weeks.unwrap_or(2).max(1)) * 7;
    let mut cursor = clock.anchor;
    plan.sprints
        .iter()
        .map(|sprint| {
            let span = match (sprint.start, sprint.end, sprint.weeks) {
                (Some(start), Some(end), _) => Span {
                    start,
                    finish: end.max(start),
                },
                (Some(start), None, _) => Span {
                    start,
                    finish: clock
                        .calendar
                        .previous_working_day(shift(start, length_days - 1)),
                },
                (None, _, Some(weeks)) => week_span(clock, weeks),
                (None, end, None) => {
                    let start = clock.calendar.next_working_day(cursor);
                    let finish = end.unwrap_or_else(|| {
                        clock
                            .calendar
                            .previous_working_day(shift(start, length_days - 1))
                    });
                    Span { start, finish }
                }
            };
            cursor = shift(span.finish, 1);
            Some(span)
        })
        .collect()
}

/// Phase windows the plan fixes itself: dates, or a week range.
pub(super) fn phase_windows(plan: &Plan, clock: &Clock<'_>) -> Vec<Option<Span>> {
    plan.phases
        .iter()
        .map(|phase| match (phase.start, phase.end, phase.weeks) {
            (Some(start), Some(end), _) => Some(Span {
                start,
                finish: end.max(start),
            }),
            (start, end, Some(weeks)) => {
                let span = week_span(clock, weeks);
                Some(Span {
                    start: start.unwrap_or(span.start),
                    finish: end.unwrap_or(span.finish),
                })
            }
            (Some(start), None, None) => Some(Span {
                start,
                finish: start,
            }),
            (None, Some(end), None) => Some(Span {
                start: end,
                finish: end,
            }),
            (None, None, None) => None,
        })
        .collect()
}

/// The span of each phase's tasks.
pub(super) fn phase_work(plan: &Plan, tasks: &[Option<TaskDates>]) -> Vec<Option<Span>> {
    let mut spans: Vec<Option<Span>> = vec![None; plan.phases.len()];
    let index_of: std::collections::HashMap<_, _> = plan
        .phases
        .iter()
        .enumerate()
        .map(|(index, phase)| (&phase.id, index))
        .collect();
    for (task, dates) in plan.tasks.iter().zip(tasks) {
        let (Some(phase), Some(dates)) = (&task.phase, dates) else {
            continue;
        };
        let Some(&index) = index_of.get(phase) else {
            continue;
        };
        spans[index] = Some(match spans[index] {
            Some(span) => Span {
                start: span.start.min(dates.start),
                finish: span.finish.max(dates.finish),
            },
            None => Span {
                start: dates.start,
                finish: dates.finish,
            },
        });
    }
    spans
}

/// Milestone dates, with the finish of their linked work and whether it is late. `phases` is the
/// span of each phase's work, or its window when it has no dated work.
pub(super) fn milestone_dates(
    plan: &Plan,
    clock: &Clock<'_>,
    tasks: &[Option<TaskDates>],
    phases: &[Option<Span>],
) -> Vec<Option<MilestoneDates>> {
    plan.milestones
        .iter()
        .map(|milestone| {
            let task_finishes = milestone
                .tasks
                .iter()
                .filter_map(|id| plan.task_index(id).and_then(|i| tasks[i]))
                .map(|dates| dates.finish);
            let phase_finishes = milestone
                .phases
                .iter()
                .filter_map(|id| plan.phases.iter().position(|p| &p.id == id))
                .filter_map(|index| phases[index])
                .map(|span| span.finish);
            let forecast = task_finishes.chain(phase_finishes).max();
            let fixed = milestone.date.or_else(|| {
                milestone.week.map(|week| {
                    let span = week_span(
                        clock,
                        WeekRange {
                            first: week,
                            last: week,
                        },
                    );
                    span.finish
                })
            });
            let date = fixed.or(forecast)?;
            Some(MilestoneDates {
                date,
                forecast,
                late: forecast.is_some_and(|finish| finish > date),
            })
        })
        .collect()
}
