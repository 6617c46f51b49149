//! Moving a whole plan in time: every date it holds, by the same number of days.

use super::{Plan, shift};
use chrono::TimeDelta;

impl Plan {
    /// Moves every date in the plan by `days` (negative: earlier). Used to keep the bundled sample
    /// plan current: shifted by whole weeks, its weekdays stay the same.
    pub fn shift_dates(&mut self, days: i64) {
        let by = |date: &mut chrono::NaiveDate| *date = shift(*date, days);
        let meta = &mut self.meta;
        meta.updated
            .iter_mut()
            .chain(meta.start.iter_mut())
            .for_each(by);
        meta.calendar.holidays.iter_mut().for_each(by);
        for phase in &mut self.phases {
            phase
                .start
                .iter_mut()
                .chain(phase.end.iter_mut())
                .for_each(by);
        }
        for sprint in &mut self.sprints {
            sprint
                .start
                .iter_mut()
                .chain(sprint.end.iter_mut())
                .for_each(by);
        }
        for milestone in &mut self.milestones {
            milestone.date.iter_mut().for_each(by);
        }
        for task in &mut self.tasks {
            task.start
                .iter_mut()
                .chain(task.due.iter_mut())
                .chain(task.completed.iter_mut())
                .for_each(by);
        }
        for entry in &mut self.update_log {
            entry.date.iter_mut().for_each(by);
        }
        for change in &mut self.scope_history {
            change.at = change
                .at
                .checked_add_signed(TimeDelta::days(days))
                .unwrap_or(change.at);
        }
        for change in &mut self.status_history {
            change.at = change
                .at
                .checked_add_signed(TimeDelta::days(days))
                .unwrap_or(change.at);
        }
    }
}
