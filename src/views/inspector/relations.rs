//! The inspector's "Blocked by" and "Blocks" lists and the selected task's schedule facts.

use crate::analysis::{Placement, TaskDates};
use crate::app::Derived;
use crate::model::{Plan, Task};
use crate::views::ViewContext;
use crate::views::widgets::status_chip;
use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Button, RichText, Ui, WidgetInfo};

/// How many related tasks a list shows before it says how many more there are.
const SHOWN: usize = 50;

/// The related tasks of one task at one plan revision, kept so the walks run once per revision.
#[derive(Clone, Debug, Default)]
pub struct Relations {
    /// The revision and task index the lists were computed for.
    key: Option<(u64, usize)>,
    /// Unfinished prerequisites, transitively, nearest first.
    blocked_by: Vec<usize>,
    /// Tasks that wait for this one, transitively, nearest first.
    blocks: Vec<usize>,
}

impl Relations {
    /// The lists for a task, recomputed only when the revision or the task changed.
    fn refresh(&mut self, plan: &Plan, derived: &Derived, index: usize) {
        let key = Some((derived.revision, index));
        if self.key == key {
            return;
        }
        let analysis = &derived.analysis;
        let known = index < analysis.graph.graph.node_count();
        self.key = key;
        self.blocked_by = if known {
            analysis.blocked_by(plan, index)
        } else {
            Vec::new()
        };
        self.blocks = if known {
            analysis.downstream(index)
        } else {
            Vec::new()
        };
    }
}

/// Draws "Blocked by", "Blocks" and the schedule facts of the task at `index`.
pub fn relations_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    relations: &mut Relations,
    index: usize,
) {
    let plan = ctx.plan;
    relations.refresh(plan, ctx.derived, index);
    related_list(ui, ctx, "Blocked by", &relations.blocked_by);
    related_list(ui, ctx, "Blocks", &relations.blocks);
    if let Some(dates) = ctx.derived.dated.tasks.get(index).copied().flatten() {
        schedule_ui(ui, &plan.tasks[index], &dates);
    }
}

fn related_list(ui: &mut Ui, ctx: &mut ViewContext<'_>, heading: &str, indices: &[usize]) {
    let plan = ctx.plan;
    ui.label(RichText::new(format!("{heading} ({})", indices.len())).strong());
    if indices.is_empty() {
        ui.weak("None");
    }
    for &other in indices.iter().take(SHOWN) {
        let Some(task) = plan.tasks.get(other) else {
            continue;
        };
        ui.horizontal(|ui| {
            // The chip first: the link is last so it can be shortened to the panel's width.
            status_chip(ui, plan, &task.status);
            let text = format!("{} {}", task.id, task.title);
            let response = ui
                .add(Button::new(&text).frame(false).truncate())
                .on_hover_text(format!("Select {}", task.id));
            let accessible = format!("{heading} {text}");
            response.widget_info(|| WidgetInfo::labeled(Role::Link, true, &accessible));
            if response.clicked() {
                ctx.select(Some(task.id.clone()));
            }
        });
    }
    if indices.len() > SHOWN {
        ui.weak(format!("… and {} more", indices.len() - SHOWN));
    }
}

/// When the task happens in the dated schedule (the timeline's), its slack and whether it is
/// critical or late.
fn schedule_ui(ui: &mut Ui, task: &Task, dates: &TaskDates) {
    ui.label(RichText::new("Schedule").strong());
    let day = |date: NaiveDate| date.format("%a %-d %b %Y").to_string();
    let placement = match dates.placement {
        Placement::Actual => " (done)",
        Placement::InProgress => " (under way)",
        Placement::Planned | Placement::NoTime => "",
    };
    if dates.is_zero_length() {
        ui.label(format!("On: {}{placement}", day(dates.start)));
    } else {
        ui.label(format!("Starts: {}{placement}", day(dates.start)));
        ui.label(format!("Finishes: {}", day(dates.finish)));
    }
    if dates.placement == Placement::Planned {
        let slack = dates.slack_days;
        let slack_text = format!("Slack: {} working days", format_days(slack));
        if slack < -crate::analysis::EPSILON {
            ui.colored_label(ui.visuals().error_fg_color, slack_text)
                .on_hover_text(format!("{} cannot make its due date", task.id));
        } else {
            ui.label(slack_text);
        }
    }
    if dates.late {
        ui.colored_label(ui.visuals().error_fg_color, "⚠ Finishes after its due date");
    }
    if dates.critical {
        ui.colored_label(ui.visuals().warn_fg_color, "◆ On the critical path");
    }
}

fn format_days(days: f64) -> String {
    if days.abs() < 0.05 {
        "0".to_owned()
    } else if (days - days.round()).abs() < 1e-6 {
        format!("{days:.0}")
    } else {
        format!("{days:.1}")
    }
}
