//! The plan's calendar dialog: start date, working days, holidays, hours per day and sprint length,
//! applied as one edit.

use super::TimelineState;
use crate::edit::Edit;
use crate::model::{Calendar, Plan};
use crate::views::ViewContext;
use chrono::{NaiveDate, Weekday};
use egui::Ui;

const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "Mon"),
    (Weekday::Tue, "Tue"),
    (Weekday::Wed, "Wed"),
    (Weekday::Thu, "Thu"),
    (Weekday::Fri, "Fri"),
    (Weekday::Sat, "Sat"),
    (Weekday::Sun, "Sun"),
];

/// The dialog's draft of the calendar settings.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct CalendarDialog {
    start: Option<NaiveDate>,
    hours_per_day: f64,
    work_week: [bool; 7],
    holidays: Vec<NaiveDate>,
    new_holiday: NaiveDate,
    sprint_weeks: u32,
}

impl CalendarDialog {
    /// A draft of a plan's settings.
    pub fn of(plan: &Plan) -> Self {
        let calendar = plan.meta.calendar.normalized();
        Self {
            start: plan.meta.start,
            hours_per_day: plan.meta.hours_per_day,
            work_week: WEEKDAYS.map(|(day, _)| calendar.work_week.contains(&day)),
            holidays: calendar.holidays,
            new_holiday: plan.meta.start.unwrap_or_default(),
            sprint_weeks: plan.meta.sprint_weeks.unwrap_or(2),
        }
    }

    fn apply(&self, plan: &Plan) -> Edit {
        let mut meta = plan.meta.clone();
        meta.start = self.start;
        meta.hours_per_day = self.hours_per_day.max(0.5);
        meta.calendar = Calendar {
            work_week: WEEKDAYS
                .iter()
                .zip(self.work_week)
                .filter(|(_, on)| *on)
                .map(|((day, _), _)| *day)
                .collect(),
            holidays: self.holidays.clone(),
        }
        .normalized();
        meta.sprint_weeks = (self.sprint_weeks != 2 || plan.meta.sprint_weeks.is_some())
            .then_some(self.sprint_weeks.max(1));
        Edit::SetMeta(Box::new(meta))
    }
}

/// The dialog, when open.
pub(super) fn calendar_dialog_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut TimelineState,
) {
    let Some(draft) = state.calendar.as_mut() else {
        return;
    };
    let mut open = true;
    let mut done = false;
    egui::Window::new("Plan calendar")
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("plan-calendar")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    ui.label("Start date");
                    ui.horizontal(|ui| {
                        let mut has_start = draft.start.is_some();
                        if ui.checkbox(&mut has_start, "").changed() {
                            draft.start =
                                has_start.then(|| draft.start.unwrap_or(draft.new_holiday));
                        }
                        if let Some(start) = draft.start.as_mut() {
                            crate::views::widgets::date_picker_ui(ui, start, "calendar-start");
                        } else {
                            ui.weak("none (week 1 is assumed)");
                        }
                    });
                    ui.end_row();
                    ui.label("Working days");
                    ui.horizontal(|ui| {
                        for ((_, name), on) in WEEKDAYS.iter().zip(draft.work_week.iter_mut()) {
                            ui.toggle_value(on, *name);
                        }
                    });
                    ui.end_row();
                    ui.label("Hours per day");
                    ui.add(
                        egui::DragValue::new(&mut draft.hours_per_day)
                            .range(0.5..=24.0)
                            .speed(0.25)
                            .suffix(" h"),
                    );
                    ui.end_row();
                    ui.label("Sprint length");
                    ui.add(
                        egui::DragValue::new(&mut draft.sprint_weeks)
                            .range(1..=12)
                            .suffix(" weeks"),
                    );
                    ui.end_row();
                    ui.label("Holidays");
                    ui.vertical(|ui| {
                        let mut remove = None;
                        for (index, day) in draft.holidays.iter().enumerate() {
                            ui.horizontal(|ui| {
                                ui.label(day.format("%a %-d %b %Y").to_string());
                                if ui
                                    .small_button("✖")
                                    .on_hover_text("Remove this holiday")
                                    .clicked()
                                {
                                    remove = Some(index);
                                }
                            });
                        }
                        if let Some(index) = remove {
                            draft.holidays.remove(index);
                        }
                        ui.horizontal(|ui| {
                            crate::views::widgets::date_picker_ui(
                                ui,
                                &mut draft.new_holiday,
                                "calendar-holiday",
                            );
                            if ui.button("Add holiday").clicked()
                                && !draft.holidays.contains(&draft.new_holiday)
                            {
                                draft.holidays.push(draft.new_holiday);
                                draft.holidays.sort_unstable();
                            }
                        });
                    });
                    ui.end_row();
                });
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Apply").clicked() {
                    ctx.edit(draft.apply(ctx.plan));
                    done = true;
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
        });
    if done || !open {
        state.calendar = None;
    }
}
