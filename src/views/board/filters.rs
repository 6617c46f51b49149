//! The board's filter bar: text, owner, priority, phase, only blocked, only mine.

use crate::export::board::BoardFilter;
use crate::model::{Plan, Priority};
use egui::{ComboBox, TextEdit, Ui};

/// The filter controls, in one wrapping row.
pub fn filter_bar_ui(ui: &mut Ui, plan: &Plan, owners: &[String], filter: &mut BoardFilter) {
    let label = ui.label("Search");
    ui.add(
        TextEdit::singleline(&mut filter.text)
            .hint_text("id, title, notes")
            .desired_width(150.0),
    )
    .labelled_by(label.id);
    let label = ui.label("Owner");
    ComboBox::from_id_salt("board-owner")
        .selected_text(match &filter.owner {
            None => "Any".to_owned(),
            Some(o) if o.is_empty() => "Unassigned".to_owned(),
            Some(o) => o.clone(),
        })
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.owner, None, "Any owner");
            for owner in owners {
                ui.selectable_value(&mut filter.owner, Some(owner.clone()), owner);
            }
            ui.selectable_value(&mut filter.owner, Some(String::new()), "Unassigned");
        })
        .response
        .labelled_by(label.id);
    let label = ui.label("Priority");
    ComboBox::from_id_salt("board-priority")
        .selected_text(
            filter
                .priority
                .map_or("Any".to_owned(), |p| format!("{p} {}", p.meaning())),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.priority, None, "Any priority");
            for p in Priority::ALL {
                ui.selectable_value(
                    &mut filter.priority,
                    Some(p),
                    format!("{p} {}", p.meaning()),
                );
            }
        })
        .response
        .labelled_by(label.id);
    let label = ui.label("Phase");
    ComboBox::from_id_salt("board-phase")
        .selected_text(filter.phase.as_ref().map_or("Any".to_owned(), |id| {
            plan.phase(id).map_or(id.to_string(), |p| p.name.clone())
        }))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.phase, None, "Any phase");
            for phase in &plan.phases {
                ui.selectable_value(&mut filter.phase, Some(phase.id.clone()), &phase.name);
            }
        })
        .response
        .labelled_by(label.id);
    ui.checkbox(&mut filter.only_blocked, "Only blocked");
    ui.checkbox(&mut filter.only_mine, "Only mine");
    if filter.only_mine {
        let label = ui.label("Me");
        ComboBox::from_id_salt("board-me")
            .selected_text(if filter.me.is_empty() {
                "Who am I?"
            } else {
                &filter.me
            })
            .show_ui(ui, |ui| {
                for owner in owners {
                    ui.selectable_value(&mut filter.me, owner.clone(), owner);
                }
            })
            .response
            .labelled_by(label.id);
    }
    if filter.is_active()
        && ui
            .small_button("✖")
            .on_hover_text("Clear the filters")
            .clicked()
    {
        *filter = BoardFilter {
            me: std::mem::take(&mut filter.me),
            ..BoardFilter::default()
        };
    }
}
