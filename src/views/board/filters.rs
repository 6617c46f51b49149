//! The board's filters: text, owner, priority, phase, only blocked, only mine.

use crate::model::{PhaseId, Plan, Priority, Task};
use egui::{ComboBox, TextEdit, Ui};

/// Which cards the board shows. The default shows every card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardFilter {
    /// Text searched in id, title and notes (any case).
    pub text: String,
    /// Only this owner's cards (empty: unassigned cards).
    pub owner: Option<String>,
    /// Only cards of this priority.
    pub priority: Option<Priority>,
    /// Only cards of this phase.
    pub phase: Option<PhaseId>,
    /// Only cards waiting on unfinished prerequisites.
    pub only_blocked: bool,
    /// Only the cards of the person picked as "me".
    pub only_mine: bool,
    /// Who "me" is, for "only mine".
    pub me: String,
}

impl BoardFilter {
    /// True when some card may be hidden.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty()
            || self.owner.is_some()
            || self.priority.is_some()
            || self.phase.is_some()
            || self.only_blocked
            || self.only_mine
    }

    /// Whether a card passes; `blocked` says whether it waits on unfinished prerequisites.
    pub fn matches(&self, task: &Task, blocked: bool) -> bool {
        let needle = self.text.trim().to_lowercase();
        let text_ok = needle.is_empty()
            || [task.id.as_str(), &task.title, &task.notes]
                .iter()
                .any(|field| field.to_lowercase().contains(&needle));
        text_ok
            && self.owner.as_ref().is_none_or(|o| &task.owner == o)
            && self.priority.is_none_or(|p| task.priority == Some(p))
            && self
                .phase
                .as_ref()
                .is_none_or(|p| task.phase.as_ref() == Some(p))
            && (!self.only_blocked || blocked)
            && (!self.only_mine || task.owner == self.me)
    }
}

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
