//! The controls above the timeline: mode, grouping, zoom, toggles, and the banner of an assumed start.

use super::{TimelineState, calendar::CalendarDialog};
use crate::edit::Edit;
use crate::export::timeline::axis::{DAY_ZOOM, MONTH_ZOOM, QUARTER_ZOOM, WEEK_ZOOM, YEAR_ZOOM};
use crate::export::timeline::{GroupBy, TimelineMode};
use crate::views::ViewContext;
use egui::{RichText, Ui};

/// The named zoom levels, closest first.
pub const ZOOM_LEVELS: [(&str, f32); 5] = [
    ("Day", DAY_ZOOM),
    ("Week", WEEK_ZOOM),
    ("Month", MONTH_ZOOM),
    ("Quarter", QUARTER_ZOOM),
    ("Year", YEAR_ZOOM),
];

/// The toolbar row(s).
pub(super) fn toolbar_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut TimelineState) {
    let before = (state.options.clone(), state.per_day, state.origin);
    buttons_ui(ui, ctx, state);
    if before != (state.options.clone(), state.per_day, state.origin) || state.fit_pending {
        // The canvas below already drew with the new settings; the toolbar redraws next frame.
        ui.ctx().request_repaint();
    }
}

fn buttons_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut TimelineState) {
    ui.horizontal_wrapped(|ui| {
        let options = &mut state.options;
        for (mode, name) in [
            (TimelineMode::Roadmap, "Roadmap"),
            (TimelineMode::Gantt, "Gantt"),
        ] {
            if ui.selectable_label(options.mode == mode, name).clicked() && options.mode != mode {
                options.mode = mode;
                state.scroll = 0.0;
                state.fit_pending = true;
            }
        }
        ui.separator();
        if options.mode == TimelineMode::Gantt {
            egui::ComboBox::from_label("Group by")
                .selected_text(options.group_by.label())
                .show_ui(ui, |ui| {
                    for group in GroupBy::ALL {
                        ui.selectable_value(&mut options.group_by, group, group.label());
                    }
                });
            ui.separator();
        }
        let center = state.chart_width / 2.0;
        for (name, per_day) in ZOOM_LEVELS {
            let current = (state.per_day - per_day).abs() < 0.01;
            if ui
                .selectable_label(current, name)
                .on_hover_text(format!("Zoom to {} scale", name.to_lowercase()))
                .clicked()
            {
                state.zoom_to(per_day, center);
            }
        }
        if ui
            .button("−")
            .on_hover_text("Zoom out (Ctrl+scroll)")
            .clicked()
        {
            state.zoom_to(state.per_day / 1.5, center);
        }
        if ui
            .button("+")
            .on_hover_text("Zoom in (Ctrl+scroll)")
            .clicked()
        {
            state.zoom_to(state.per_day * 1.5, center);
        }
        ui.separator();
        if ui
            .button("Today")
            .on_hover_text("Scroll to today (Home)")
            .clicked()
        {
            state.scroll_to(ctx.derived.dated.today);
        }
        if ui
            .button("Fit plan")
            .on_hover_text("Show the whole plan")
            .clicked()
        {
            state.fit(ctx);
        }
        ui.separator();
        let options = &mut state.options;
        ui.checkbox(&mut options.show_critical, "Critical path");
        ui.checkbox(&mut options.show_slack, "Slack");
        if options.mode == TimelineMode::Gantt {
            ui.checkbox(&mut options.show_arrows, "Arrows");
        }
        ui.checkbox(&mut options.show_table, "Table");
        ui.separator();
        if ui
            .button("Calendar…")
            .on_hover_text("Start date, working days, holidays and sprint length")
            .clicked()
        {
            state.calendar = Some(CalendarDialog::of(ctx.plan));
        }
        if let Some(message) = &state.message {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, message);
        }
    });
}

/// The banner of a plan without a start date: says what is assumed and offers to set it.
pub(super) fn assumed_start_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut TimelineState) {
    let assumed = ctx.derived.dated.anchor;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "ℹ This plan has no start date; week 1 is assumed to start on {}.",
                assumed.format("%A %-d %B %Y")
            ))
            .color(ui.visuals().warn_fg_color),
        );
        let picked = state.start_pick.get_or_insert(assumed);
        crate::views::widgets::date_picker_ui(ui, picked, "timeline-start-date");
        if ui.button("Set start date").clicked() {
            let mut meta = ctx.plan.meta.clone();
            meta.start = Some(*picked);
            ctx.edit(Edit::SetMeta(Box::new(meta)));
            state.start_pick = None;
        }
    });
}
