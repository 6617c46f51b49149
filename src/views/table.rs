//! The table view: every task in a sortable, filterable table. Only the visible rows are laid out.

use super::ViewContext;
use super::background::Background;
use super::widgets::{format_hours, priority_color, status_chip};
use crate::app::Command;
use crate::model::{Plan, Task};
use egui::{Button, RichText, Sense, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};
use std::cmp::Ordering;
use std::sync::Arc;

/// A column of the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortColumn {
    /// Board order (the plan's own order).
    #[default]
    Board,
    /// Task id.
    Id,
    /// Title.
    Title,
    /// Status, in legend order.
    Status,
    /// Priority.
    Priority,
    /// Owner.
    Owner,
    /// Phase.
    Phase,
    /// Sprint.
    Sprint,
    /// Hour estimate.
    Estimate,
    /// Due date.
    Due,
}

const COLUMNS: [(SortColumn, &str); 9] = [
    (SortColumn::Id, "Id"),
    (SortColumn::Title, "Title"),
    (SortColumn::Status, "Status"),
    (SortColumn::Priority, "Priority"),
    (SortColumn::Owner, "Owner"),
    (SortColumn::Phase, "Phase"),
    (SortColumn::Sprint, "Sprint"),
    (SortColumn::Estimate, "Estimate"),
    (SortColumn::Due, "Due"),
];

/// The table's own UI state: sort, filter, and the row order cached for them.
#[derive(Debug, Default)]
pub struct TableState {
    /// The column sorted by.
    pub sort: SortColumn,
    /// Sort from largest to smallest.
    pub descending: bool,
    /// Text filter over id, title, owner, phase, sprint and notes.
    pub filter: String,
    rows: Background<RowsKey, (usize, Vec<usize>)>,
}

/// What the row order depends on: the plan revision, the sort and the filter.
type RowsKey = (u64, SortColumn, bool, String);

impl TableState {
    /// The indices of the tasks shown, in display order, with the number of tasks the plan had when
    /// they were sorted; recomputed only when the plan, sort or filter change (for a large plan on a
    /// worker thread, the previous order staying meanwhile).
    fn rows(&mut self, ctx: &ViewContext<'_>, repaint: &egui::Context) -> Arc<(usize, Vec<usize>)> {
        let key = (
            ctx.derived.revision,
            self.sort,
            self.descending,
            self.filter.clone(),
        );
        let plan = Arc::clone(ctx.plan);
        let (sort, descending, filter) = (self.sort, self.descending, self.filter.clone());
        let on_worker = plan.tasks.len() >= ctx.derived.background_from;
        self.rows
            .get(&key, on_worker, repaint, move || {
                let rows = sorted_rows(&plan, sort, descending, &filter);
                (plan.tasks.len(), rows)
            })
            .unwrap_or_default()
    }
}

fn sorted_rows(plan: &Plan, sort: SortColumn, descending: bool, filter: &str) -> Vec<usize> {
    let needle = filter.trim().to_lowercase();
    let mut rows: Vec<usize> = (0..plan.tasks.len())
        .filter(|&i| needle.is_empty() || matches_filter(&plan.tasks[i], &needle))
        .collect();
    let status_rank = |task: &Task| plan.legend.iter().position(|s| s.key == task.status);
    // Lower-cased once, not at every comparison.
    let titles: Vec<String> = if sort == SortColumn::Title {
        plan.tasks.iter().map(|t| t.title.to_lowercase()).collect()
    } else {
        Vec::new()
    };
    let compare = |a: &usize, b: &usize| -> Ordering {
        let (x, y) = (&plan.tasks[*a], &plan.tasks[*b]);
        match sort {
            SortColumn::Board => a.cmp(b),
            SortColumn::Id => natural_cmp(x.id.as_str(), y.id.as_str()),
            SortColumn::Title => titles[*a].cmp(&titles[*b]),
            SortColumn::Status => status_rank(x).cmp(&status_rank(y)),
            SortColumn::Priority => none_last(x.priority, y.priority),
            SortColumn::Owner => x.owner.cmp(&y.owner),
            SortColumn::Phase => x.phase.cmp(&y.phase),
            SortColumn::Sprint => x.sprint.cmp(&y.sprint),
            SortColumn::Estimate => x
                .estimate
                .hours
                .partial_cmp(&y.estimate.hours)
                .unwrap_or(Ordering::Equal),
            SortColumn::Due => none_last(x.due, y.due),
        }
        .then(a.cmp(b))
    };
    rows.sort_by(compare);
    if descending {
        rows.reverse();
    }
    rows
}

fn matches_filter(task: &Task, needle: &str) -> bool {
    let fields = [
        task.id.as_str(),
        &task.title,
        &task.owner,
        task.phase.as_ref().map_or("", |p| p.as_str()),
        task.sprint.as_ref().map_or("", |s| s.as_str()),
        &task.notes,
    ];
    fields
        .iter()
        .any(|field| field.to_lowercase().contains(needle))
}

fn none_last<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Compares ids so that `T-2` sorts before `T-10`.
fn natural_cmp(a: &str, b: &str) -> Ordering {
    let split = |s: &str| {
        let digits = s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (head, tail) = s.split_at(s.len() - digits);
        (head.to_owned(), tail.parse::<u64>().unwrap_or(0))
    };
    split(a).cmp(&split(b)).then_with(|| a.cmp(b))
}

/// Draws the toolbar and the table.
pub fn table_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut TableState) {
    let plan = ctx.plan;
    let total = plan.tasks.len();
    let shown = state.rows(ctx, ui.ctx()).1.len();
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            TextEdit::singleline(&mut state.filter)
                .hint_text("id, title, owner, phase, sprint, notes")
                .desired_width(260.0),
        )
        .labelled_by(label.id);
        if !state.filter.is_empty()
            && ui
                .small_button("✖")
                .on_hover_text("Clear the filter")
                .clicked()
        {
            state.filter.clear();
        }
        ui.label(if shown == total {
            format!("{total} tasks")
        } else {
            format!("{shown} of {total} tasks")
        });
        ui.separator();
        for command in [
            Command::AddTask,
            Command::DuplicateTask,
            Command::DeleteTask,
        ] {
            let enabled = command == Command::AddTask || ctx.selected.is_some();
            if ui
                .add_enabled(enabled, Button::new(command.text()))
                .on_hover_text(command.tooltip())
                .clicked()
            {
                ctx.command(command);
            }
        }
    });
    ui.separator();
    if total == 0 {
        ui.vertical_centered(|ui| {
            ui.add_space(40.0);
            ui.label("This plan has no tasks yet.");
            if ui.button("Add the first task").clicked() {
                ctx.command(Command::AddTask);
            }
        });
        return;
    }
    let rows = state.rows(ctx, ui.ctx());
    if rows.0 != total {
        ui.weak("Sorting the rows…");
        return;
    }
    let rows = &rows.1;
    let mut clicked_header = None;
    // Every column but the title has a fixed width; the title takes what is left, so nothing is cut off.
    let fixed = [80.0, 100.0, 56.0, 84.0, 96.0, 80.0, 64.0, 84.0];
    let spacing = ui.spacing().item_spacing.x * (fixed.len() + 1) as f32;
    let title_width = (ui.available_width() - fixed.iter().sum::<f32>() - spacing).max(140.0);
    TableBuilder::new(ui)
        .striped(true)
        .sense(Sense::click())
        .column(Column::exact(fixed[0]))
        .column(Column::exact(title_width).clip(true))
        .column(Column::exact(fixed[1]))
        .column(Column::exact(fixed[2]))
        .column(Column::exact(fixed[3]).clip(true))
        .column(Column::exact(fixed[4]).clip(true))
        .column(Column::exact(fixed[5]).clip(true))
        .column(Column::exact(fixed[6]))
        .column(Column::exact(fixed[7]))
        .header(24.0, |mut header| {
            for (column, name) in COLUMNS {
                header.col(|ui| {
                    let arrow = match (state.sort == column, state.descending) {
                        (true, false) => " ⏶",
                        (true, true) => " ⏷",
                        (false, _) => "",
                    };
                    let text = RichText::new(format!("{name}{arrow}")).strong();
                    if ui
                        .add(Button::new(text).frame(false))
                        .on_hover_text(format!("Sort by {}", name.to_lowercase()))
                        .clicked()
                    {
                        clicked_header = Some(column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(24.0, rows.len(), |mut row| {
                let task = &plan.tasks[rows[row.index()]];
                let selected = ctx.selected == Some(&task.id);
                row.set_selected(selected);
                row.col(|ui| {
                    if ui.selectable_label(selected, task.id.as_str()).clicked() {
                        ctx.select(Some(task.id.clone()));
                    }
                });
                row.col(|ui| {
                    let indent = if task.parent.is_some() { "↳ " } else { "" };
                    ui.label(format!("{indent}{}", task.title));
                });
                row.col(|ui| {
                    status_chip(ui, plan, &task.status);
                });
                row.col(|ui| {
                    if let Some(priority) = task.priority {
                        ui.label(
                            RichText::new(priority.to_string())
                                .color(priority_color(priority))
                                .strong(),
                        );
                    }
                });
                row.col(|ui| {
                    ui.label(&task.owner);
                });
                row.col(|ui| {
                    if let Some(phase) = &task.phase {
                        ui.label(
                            plan.phase(phase)
                                .map_or(phase.as_str(), |p| p.name.as_str()),
                        );
                    }
                });
                row.col(|ui| {
                    match &task.sprint {
                        Some(sprint) => ui.label(
                            plan.sprint(sprint)
                                .map_or(sprint.as_str(), |s| s.name.as_str()),
                        ),
                        None => ui.weak("Backlog"),
                    };
                });
                row.col(|ui| {
                    if let Some(hours) = task.estimate.hours {
                        ui.label(format_hours(hours));
                    } else if let Some(points) = task.estimate.points {
                        ui.label(format!("{points} pts"));
                    }
                });
                row.col(|ui| {
                    if let Some(due) = task.due {
                        ui.label(due.format("%Y-%m-%d").to_string());
                    }
                });
                if row.response().clicked() {
                    ctx.select(Some(task.id.clone()));
                }
            });
        });
    if let Some(column) = clicked_header {
        if state.sort == column {
            state.descending = !state.descending;
        } else {
            state.sort = column;
            state.descending = false;
        }
    }
}
