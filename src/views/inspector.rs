//! The inspector: every field of the selected task, each change committed as one edit.

mod relations;

use super::ViewContext;
use super::widgets::{Drafts, status_chip};
use super::widgets::{from_jiff, to_jiff};
use crate::edit::TaskChange;
use crate::model::{ChecklistItem, Plan, Priority, Task, TaskId};
use chrono::NaiveDate;
use egui::{ComboBox, Grid, RichText, ScrollArea, Ui};
use egui_extras::DatePickerButton;

/// The inspector's own UI state.
#[derive(Clone, Debug, Default)]
pub struct InspectorState {
    /// The task the drafts belong to.
    task: Option<TaskId>,
    /// Text being typed, committed when its field loses focus.
    drafts: Drafts,
    /// The search text of the dependency picker.
    dependency_search: String,
    /// The text of a new checklist item.
    new_item: String,
    /// The selected task's "Blocked by" and "Blocks" lists, kept for its revision.
    relations: relations::Relations,
}

/// Draws the inspector for the selected task, or a hint when none is selected.
pub fn inspector_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut InspectorState) {
    let Some(task) = ctx.selected.and_then(|id| ctx.plan.task(id)) else {
        ui.add_space(20.0);
        ui.vertical_centered(|ui| {
            ui.weak("Select a task to see and edit its details.");
        });
        return;
    };
    if state.task.as_ref() != Some(&task.id) {
        state.task = Some(task.id.clone());
        state.drafts.clear();
        state.dependency_search.clear();
        state.new_item.clear();
    }
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(task.id.as_str());
            ui.add_space(4.0);
            Grid::new("inspector-fields")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .striped(false)
                .show(ui, |ui| {
                    fields_ui(ui, ctx, state, task);
                });
            ui.separator();
            dependencies_ui(ui, ctx, state, task);
            ui.separator();
            if let Some(index) = ctx.plan.task_index(&task.id) {
                relations::relations_ui(ui, ctx, &mut state.relations, index);
                ui.separator();
            }
            checklist_ui(ui, ctx, state, task);
            ui.separator();
            long_text_ui(ui, ctx, state, task);
            extra_ui(ui, ctx.plan, task);
        });
}

fn fields_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut InspectorState, task: &Task) {
    let plan = ctx.plan;
    let id = &task.id;
    text_row(ui, ctx, state, id, "Title", &task.title, TaskChange::Title);

    let label = ui.label("Status");
    ComboBox::from_id_salt("inspector-status")
        .selected_text(plan.status_label(&task.status))
        .show_ui(ui, |ui| {
            for status in &plan.legend {
                if ui
                    .selectable_label(status.key == task.status, &status.label)
                    .clicked()
                {
                    ctx.change(
                        id,
                        TaskChange::Status {
                            to: status.key.clone(),
                            at: super::now(),
                        },
                    );
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();

    let label = ui.label("Priority");
    ComboBox::from_id_salt("inspector-priority")
        .selected_text(
            task.priority
                .map_or("None".to_owned(), |p| format!("{p} ({})", p.meaning())),
        )
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(task.priority.is_none(), "None")
                .clicked()
            {
                ctx.change(id, TaskChange::Priority(None));
            }
            for priority in Priority::ALL {
                let text = format!("{priority} ({})", priority.meaning());
                if ui
                    .selectable_label(task.priority == Some(priority), text)
                    .clicked()
                {
                    ctx.change(id, TaskChange::Priority(Some(priority)));
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();

    text_row(ui, ctx, state, id, "Owner", &task.owner, TaskChange::Owner);

    let label = ui.label("Phase");
    let phase_name = task.phase.as_ref().map_or("None", |p| {
        plan.phase(p).map_or(p.as_str(), |p| p.name.as_str())
    });
    ComboBox::from_id_salt("inspector-phase")
        .selected_text(phase_name)
        .show_ui(ui, |ui| {
            if ui.selectable_label(task.phase.is_none(), "None").clicked() {
                ctx.change(id, TaskChange::Phase(None));
            }
            for phase in &plan.phases {
                if ui
                    .selectable_label(task.phase.as_ref() == Some(&phase.id), &phase.name)
                    .clicked()
                {
                    ctx.change(id, TaskChange::Phase(Some(phase.id.clone())));
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();

    let label = ui.label("Sprint");
    let sprint_name = task.sprint.as_ref().map_or("Backlog", |s| {
        plan.sprint(s).map_or(s.as_str(), |s| s.name.as_str())
    });
    ComboBox::from_id_salt("inspector-sprint")
        .selected_text(sprint_name)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(task.sprint.is_none(), "Backlog")
                .clicked()
            {
                ctx.change(
                    id,
                    TaskChange::Sprint {
                        to: None,
                        at: super::now(),
                    },
                );
            }
            for sprint in &plan.sprints {
                if ui
                    .selectable_label(task.sprint.as_ref() == Some(&sprint.id), &sprint.name)
                    .clicked()
                {
                    ctx.change(
                        id,
                        TaskChange::Sprint {
                            to: Some(sprint.id.clone()),
                            at: super::now(),
                        },
                    );
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();

    let parent = task.parent.as_ref().map_or("", |p| p.as_str());
    let label = ui.label("Parent");
    if let Some(text) = state.drafts.text_ui(ui, "parent", &label, parent, false) {
        let parent = text.trim();
        ctx.change(
            id,
            TaskChange::Parent((!parent.is_empty()).then(|| TaskId::from(parent))),
        );
    }
    ui.end_row();

    number_row(
        ui,
        ctx,
        state,
        id,
        "Estimate (h)",
        task.estimate.hours,
        |to| TaskChange::Hours {
            to,
            at: super::now(),
        },
    );
    number_row(ui, ctx, state, id, "Points", task.estimate.points, |to| {
        TaskChange::Points {
            to,
            at: super::now(),
        }
    });
    date_row(ui, ctx, id, "Start", task.start, TaskChange::Start);
    date_row(ui, ctx, id, "Due", task.due, TaskChange::Due);
    date_row(
        ui,
        ctx,
        id,
        "Completed",
        task.completed,
        TaskChange::Completed,
    );

    let list = task.artifacts.join("\n");
    let label = ui.label("Artifacts");
    if let Some(text) = state.drafts.text_ui(ui, "artifacts", &label, &list, true) {
        ctx.change(id, TaskChange::Artifacts(split_list(&text, '\n')));
    }
    ui.end_row();

    let tags = task.tags.join(", ");
    let label = ui.label("Tags");
    if let Some(text) = state.drafts.text_ui(ui, "tags", &label, &tags, false) {
        ctx.change(id, TaskChange::Tags(split_list(&text, ',')));
    }
    ui.end_row();
}

fn text_row(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut InspectorState,
    id: &TaskId,
    name: &str,
    current: &str,
    change: fn(String) -> TaskChange,
) {
    let label = ui.label(name);
    if let Some(text) = state.drafts.text_ui(ui, name, &label, current, false) {
        ctx.change(id, change(text));
    }
    ui.end_row();
}

fn number_row(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut InspectorState,
    id: &TaskId,
    name: &str,
    current: Option<f64>,
    change: fn(Option<f64>) -> TaskChange,
) {
    let label = ui.label(name);
    let shown = current.map(|v| v.to_string()).unwrap_or_default();
    if let Some(text) = state.drafts.text_ui(ui, name, &label, &shown, false) {
        let text = text.trim().trim_end_matches('h').trim();
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() && value >= 0.0 => ctx.change(id, change(Some(value))),
            _ if text.is_empty() => ctx.change(id, change(None)),
            _ => {}
        }
    }
    ui.end_row();
}

fn date_row(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    id: &TaskId,
    name: &str,
    current: Option<NaiveDate>,
    change: fn(Option<NaiveDate>) -> TaskChange,
) {
    ui.label(name);
    ui.horizontal(|ui| match current {
        Some(date) => {
            let mut picked = to_jiff(date);
            let button = DatePickerButton::new(&mut picked)
                .id_salt(name)
                .calendar_week(true);
            if ui.add(button).changed()
                && let Some(picked) = from_jiff(picked).filter(|picked| *picked != date)
            {
                ctx.change(id, change(Some(picked)));
            }
            if ui
                .small_button("✖")
                .on_hover_text(format!("Clear the {} date", name.to_lowercase()))
                .clicked()
            {
                ctx.change(id, change(None));
            }
        }
        None => {
            if ui
                .button("Set…")
                .on_hover_text(format!("Set the {} date to today", name.to_lowercase()))
                .clicked()
            {
                ctx.change(id, change(Some(super::now().date())));
            }
        }
    });
    ui.end_row();
}

fn dependencies_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut InspectorState,
    task: &Task,
) {
    let plan = ctx.plan;
    ui.label(RichText::new(format!("Depends on ({})", task.depends_on.len())).strong());
    for on in &task.depends_on {
        ui.horizontal(|ui| {
            if ui
                .small_button("✖")
                .on_hover_text(format!("Remove the dependency on {on}"))
                .clicked()
            {
                ctx.edit(crate::edit::Edit::RemoveDependency {
                    task: task.id.clone(),
                    on: on.clone(),
                });
            }
            match plan.task(on) {
                Some(prerequisite) => {
                    ui.label(format!("{on} {}", prerequisite.title));
                    status_chip(ui, plan, &prerequisite.status);
                }
                None => {
                    ui.colored_label(ui.visuals().error_fg_color, format!("{on} (unknown task)"));
                }
            }
        });
    }
    ui.horizontal(|ui| {
        let label = ui.label("Add");
        ui.add(
            egui::TextEdit::singleline(&mut state.dependency_search)
                .hint_text("search id or title")
                .desired_width(180.0),
        )
        .labelled_by(label.id);
    });
    let needle = state.dependency_search.trim().to_lowercase();
    if needle.is_empty() {
        return;
    }
    let candidates = plan
        .tasks
        .iter()
        .filter(|other| other.id != task.id && !task.depends_on.contains(&other.id))
        .filter(|other| {
            other.id.as_str().to_lowercase().contains(&needle)
                || other.title.to_lowercase().contains(&needle)
        })
        .take(8);
    for other in candidates {
        if ui
            .button(format!("+ {} {}", other.id, other.title))
            .clicked()
        {
            ctx.edit(crate::edit::Edit::AddDependency {
                task: task.id.clone(),
                on: other.id.clone(),
            });
            state.dependency_search.clear();
        }
    }
}

fn checklist_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut InspectorState, task: &Task) {
    let (done, total) = task.checklist_progress();
    ui.label(RichText::new(format!("Checklist ({done}/{total})")).strong());
    for (index, item) in task.checklist.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut ticked = item.done;
            if ui.checkbox(&mut ticked, &item.text).changed() {
                let mut checklist = task.checklist.clone();
                checklist[index].done = ticked;
                ctx.change(&task.id, TaskChange::Checklist(checklist));
            }
            if ui
                .small_button("✖")
                .on_hover_text("Remove this item")
                .clicked()
            {
                let mut checklist = task.checklist.clone();
                checklist.remove(index);
                ctx.change(&task.id, TaskChange::Checklist(checklist));
            }
        });
    }
    ui.horizontal(|ui| {
        let label = ui.label("New item");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.new_item)
                    .hint_text("what must be true")
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Add item").clicked() || entered) && !state.new_item.trim().is_empty() {
            let mut checklist = task.checklist.clone();
            checklist.push(ChecklistItem::new(state.new_item.trim()));
            ctx.change(&task.id, TaskChange::Checklist(checklist));
            state.new_item.clear();
        }
    });
}

fn long_text_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut InspectorState, task: &Task) {
    type Row<'a> = (&'a str, &'a str, fn(String) -> TaskChange);
    let fields: [Row<'_>; 4] = [
        ("Description", &task.description, TaskChange::Description),
        ("Notes", &task.notes, TaskChange::Notes),
        ("Verification", &task.verification, TaskChange::Verification),
        ("Hints", &task.hints, TaskChange::Hints),
    ];
    for (name, current, change) in fields {
        let label = ui.label(RichText::new(name).strong());
        if let Some(text) = state.drafts.text_ui(ui, name, &label, current, true) {
            ctx.change(&task.id, change(text));
        }
    }
}

fn extra_ui(ui: &mut Ui, plan: &Plan, task: &Task) {
    if !task.fields.is_empty() {
        ui.separator();
        for field in &task.fields {
            ui.label(RichText::new(&field.name).strong());
            ui.label(&field.value);
        }
    }
    let changes: Vec<_> = plan
        .status_history
        .iter()
        .filter(|c| c.task == task.id)
        .collect();
    if !changes.is_empty() {
        ui.separator();
        ui.label(RichText::new("Status history").strong());
        for change in changes.iter().rev().take(10) {
            ui.weak(format!(
                "{}  {} → {}",
                change.at.format("%Y-%m-%d %H:%M"),
                plan.status_label(&change.from),
                plan.status_label(&change.to)
            ));
        }
    }
}

fn split_list(text: &str, separator: char) -> Vec<String> {
    text.split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
