//! The page setup form of the print and export dialog: paper, orientation, margins, scale, dates,
//! rows and legend. Each widget edits the dialog's copy of the setup; the dialog notices the change.

use crate::export::views::ExportView;
use crate::model::{LegendPages, PageSetup, Paper, PrintRange, PrintRows, PrintScale};
use crate::views::widgets::date_picker_ui;
use chrono::{Duration, NaiveDate};
use egui::{ComboBox, DragValue, Role, Ui};

/// Draws the page setup widgets in a two-column grid. `groups` are the timeline's groups (key, label)
/// for "one group"; `today` seeds a date range.
pub(super) fn setup_form(
    ui: &mut Ui,
    setup: &mut PageSetup,
    view: ExportView,
    groups: &[(String, String)],
    today: NaiveDate,
) {
    ui.label("Paper");
    ui.horizontal(|ui| {
        paper_combo(ui, &mut setup.paper);
        if let Paper::Custom {
            width_mm,
            height_mm,
        } = &mut setup.paper
        {
            ui.add(DragValue::new(width_mm).range(50.0..=2000.0).suffix(" mm"));
            ui.label("×");
            ui.add(DragValue::new(height_mm).range(50.0..=2000.0).suffix(" mm"));
        }
    });
    ui.end_row();

    ui.label("Orientation");
    ui.horizontal(|ui| {
        ui.radio_value(&mut setup.landscape, false, "Portrait");
        ui.radio_value(&mut setup.landscape, true, "Landscape");
    });
    ui.end_row();

    ui.label("Margins");
    ui.add(
        DragValue::new(&mut setup.margin_mm)
            .range(0.0..=50.0)
            .speed(0.5)
            .suffix(" mm"),
    );
    ui.end_row();

    if view == ExportView::Velocity {
        // The velocity charts are drawn for the page: scale, dates, rows and legend do not apply.
        ui.label("Layout");
        ui.weak("The velocity chart, burndown and forecast on one page");
        ui.end_row();
        return;
    }

    ui.label("Scale");
    scale_widgets(ui, &mut setup.scale, view);
    ui.end_row();

    if matches!(view, ExportView::Timeline | ExportView::Roadmap) {
        ui.label("Dates");
        range_widgets(ui, &mut setup.range, today);
        ui.end_row();

        ui.label("Rows");
        rows_widgets(ui, &mut setup.rows, groups);
        ui.end_row();
    }

    ui.label("Legend");
    ui.horizontal(|ui| {
        ui.radio_value(&mut setup.legend, LegendPages::First, "First page");
        ui.radio_value(&mut setup.legend, LegendPages::Every, "Every page");
        ui.radio_value(&mut setup.legend, LegendPages::None, "None");
    });
    ui.end_row();
}

fn paper_combo(ui: &mut Ui, paper: &mut Paper) {
    let combo = ComboBox::from_id_salt("print-paper")
        .selected_text(match *paper {
            Paper::Custom { .. } => "Custom".to_owned(),
            named => named.name(),
        })
        .show_ui(ui, |ui| {
            for named in Paper::NAMED {
                ui.selectable_value(paper, named, named.name());
            }
            let custom = matches!(paper, Paper::Custom { .. });
            if ui.selectable_label(custom, "Custom").clicked() && !custom {
                *paper = Paper::Custom {
                    width_mm: 500.0,
                    height_mm: 700.0,
                };
            }
        });
    named(&combo.response, Role::ComboBox, "Paper");
}

fn scale_widgets(ui: &mut Ui, scale: &mut PrintScale, view: ExportView) {
    ui.vertical(|ui| {
        let fit_pages = matches!(scale, PrintScale::FitPages { .. });
        ui.horizontal(|ui| {
            if ui.radio(fit_pages, "Fit to").clicked() && !fit_pages {
                *scale = PrintScale::FitPages { wide: 1, tall: 1 };
            }
            let (mut wide, mut tall) = match scale {
                PrintScale::FitPages { wide, tall } => (*wide, *tall),
                _ => (1, 1),
            };
            let wide_field = ui.add(DragValue::new(&mut wide).range(1..=50).suffix(" wide"));
            named(&wide_field, Role::SpinButton, "Pages wide");
            ui.label("×");
            let tall_field = ui.add(DragValue::new(&mut tall).range(1..=50).suffix(" tall"));
            named(&tall_field, Role::SpinButton, "Pages tall");
            if wide_field.changed() || tall_field.changed() {
                *scale = PrintScale::FitPages { wide, tall };
            }
        });
        if ui
            .radio(matches!(scale, PrintScale::FitWidth), "Fit to width")
            .clicked()
        {
            *scale = PrintScale::FitWidth;
        }
        if matches!(view, ExportView::Timeline | ExportView::Roadmap) {
            ui.horizontal(|ui| {
                let fixed = matches!(scale, PrintScale::WeekWidth { .. });
                if ui.radio(fixed, "1 week =").clicked() && !fixed {
                    *scale = PrintScale::WeekWidth { cm: 2.0 };
                }
                let mut cm = match scale {
                    PrintScale::WeekWidth { cm } => *cm,
                    _ => 2.0,
                };
                if ui
                    .add(
                        DragValue::new(&mut cm)
                            .range(0.2..=20.0)
                            .speed(0.1)
                            .suffix(" cm"),
                    )
                    .changed()
                {
                    *scale = PrintScale::WeekWidth { cm };
                }
            });
        }
    });
}

fn range_widgets(ui: &mut Ui, range: &mut PrintRange, today: NaiveDate) {
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            ui.radio_value(range, PrintRange::WholePlan, "Whole plan");
            ui.radio_value(range, PrintRange::Visible, "Visible range");
            let dates = matches!(range, PrintRange::Dates { .. });
            if ui.radio(dates, "From–to").clicked() && !dates {
                *range = PrintRange::Dates {
                    from: today,
                    to: today + Duration::days(90),
                };
            }
        });
        if let PrintRange::Dates { from, to } = range {
            ui.horizontal(|ui| {
                date_picker_ui(ui, from, "print-from");
                ui.label("to");
                date_picker_ui(ui, to, "print-to");
            });
            if *to < *from {
                std::mem::swap(from, to);
            }
        }
    });
}

fn rows_widgets(ui: &mut Ui, rows: &mut PrintRows, groups: &[(String, String)]) {
    ui.horizontal(|ui| {
        ui.radio_value(rows, PrintRows::All, "All");
        ui.radio_value(rows, PrintRows::AsShown, "As shown");
        if groups.is_empty() {
            return;
        }
        let one = matches!(rows, PrintRows::Group(_));
        if ui.radio(one, "One group").clicked() && !one {
            *rows = PrintRows::Group(groups[0].0.clone());
        }
        if let PrintRows::Group(key) = rows {
            let label = groups
                .iter()
                .find(|(k, _)| k == key)
                .map_or(key.as_str(), |(_, label)| label.as_str())
                .to_owned();
            let combo = ComboBox::from_id_salt("print-group")
                .selected_text(label)
                .show_ui(ui, |ui| {
                    for (group_key, label) in groups {
                        ui.selectable_value(key, group_key.clone(), label);
                    }
                });
            named(&combo.response, Role::ComboBox, "Group");
        }
    });
}

/// Gives a widget a name for assistive technology (and tests) where its label sits apart from it.
pub(super) fn named(response: &egui::Response, role: Role, name: &str) {
    let enabled = response.enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(role, enabled, name));
}
