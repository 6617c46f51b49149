//! Planning mode: the backlog on the left, each sprint as a panel on the right with its dates, goal and
//! a capacity bar; cards are dragged between them.

use super::grid::{GridKind, grid_ui};
use super::{BoardState, LaneKey};
use crate::edit::{Edit, TaskChange};
use crate::export::board::{BoardIndex, LaneFacts};
use crate::model::{Plan, Sprint, SprintId, StatusCategory};
use crate::views::ViewContext;
use crate::views::widgets::format_hours;
use chrono::NaiveDate;
use egui::{Align, CornerRadius, Layout, Rect, RichText, TextEdit, Ui, UiBuilder, vec2};

/// A sprint being created from the board.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SprintDraft {
    /// Its name.
    pub name: String,
    /// First day, as typed (YYYY-MM-DD).
    pub start: String,
    /// Last day, as typed.
    pub end: String,
    /// Capacity in hours, as typed.
    pub capacity: String,
}

const BACKLOG_WIDTH: f32 = 320.0;

/// Draws the backlog list and the sprint panels.
pub fn planning_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut BoardState,
    index: &BoardIndex,
) {
    let backlog = index
        .lanes
        .iter()
        .position(|l| l.key == LaneKey::Sprint(None));
    let sprints: Vec<usize> = (0..index.lanes.len())
        .filter(|&l| Some(l) != backlog)
        .collect();
    let full = ui.available_rect_before_wrap();
    let left = Rect::from_min_size(full.min, vec2(BACKLOG_WIDTH, full.height()));
    let right = Rect::from_min_max(full.min + vec2(BACKLOG_WIDTH + 16.0, 0.0), full.max);
    ui.scope_builder(UiBuilder::new().max_rect(left), |ui| {
        let (count, hours) = backlog.map_or((0, 0.0), |l| {
            let lane = &index.lanes[l];
            (lane.cells[0].len(), lane.shown_hours)
        });
        ui.heading("Backlog");
        ui.weak(format!("{count} tasks · {}", format_hours(hours)));
        ui.weak(state.projection(ctx).basis.clone());
        ui.add_space(4.0);
        if let Some(l) = backlog {
            grid_ui(
                ui,
                ctx,
                state,
                index,
                &[l],
                GridKind::Backlog,
                BACKLOG_WIDTH - 14.0,
            );
        }
    });
    ui.scope_builder(UiBuilder::new().max_rect(right), |ui| {
        ui.horizontal(|ui| {
            ui.heading("Sprints");
            if ui.button("New sprint…").clicked() {
                state.new_sprint = match state.new_sprint {
                    Some(_) => None,
                    None => Some(SprintDraft {
                        name: format!("Sprint {}", ctx.plan.sprints.len() + 1),
                        ..SprintDraft::default()
                    }),
                };
            }
        });
        if state.new_sprint.is_some() {
            new_sprint_ui(ui, ctx, state);
        }
        if sprints.is_empty() {
            ui.add_space(20.0);
            ui.weak("This plan has no sprints yet. Create one with \u{201c}New sprint…\u{201d}, then drag tasks from the backlog into it.");
            return;
        }
        let width = (ui.available_width() - 14.0).max(240.0);
        grid_ui(ui, ctx, state, index, &sprints, GridKind::Sprints, width);
    });
}

fn new_sprint_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut BoardState) {
    let Some(draft) = state.new_sprint.as_mut() else {
        return;
    };
    let mut create = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for (label, text, width, hint) in [
                ("Sprint name", &mut draft.name, 160.0, ""),
                ("Start", &mut draft.start, 90.0, "YYYY-MM-DD"),
                ("End", &mut draft.end, 90.0, "YYYY-MM-DD"),
                ("Capacity (h)", &mut draft.capacity, 50.0, ""),
            ] {
                let label = ui.label(label);
                ui.add(
                    TextEdit::singleline(text)
                        .desired_width(width)
                        .hint_text(hint),
                )
                .labelled_by(label.id);
            }
            create = ui
                .add_enabled(
                    !draft.name.trim().is_empty(),
                    egui::Button::new("Create sprint"),
                )
                .clicked();
        });
    });
    if create {
        let sprint = sprint_from_draft(ctx.plan, draft);
        ctx.edit(Edit::PutSprint(Box::new(sprint)));
        state.new_sprint = None;
    }
}

/// The sprint a filled-in form describes, with a fresh id; unreadable dates and capacity are left out.
pub fn sprint_from_draft(plan: &Plan, draft: &SprintDraft) -> Sprint {
    let date = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    let id = (1..=plan.sprints.len() + 1)
        .map(|n| SprintId(format!("sprint-{n}")))
        .find(|id| plan.sprint(id).is_none())
        .unwrap_or_default();
    Sprint {
        id,
        name: draft.name.trim().to_owned(),
        start: date(&draft.start),
        end: date(&draft.end),
        capacity_hours: draft
            .capacity
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|h| h.is_finite() && *h > 0.0),
        ..Sprint::default()
    }
}

/// The committed-hours text a capacity bar shows: "52 / 60 h", or "52 h" without a capacity.
pub fn capacity_text(committed: f64, capacity: Option<f64>) -> String {
    match capacity {
        Some(capacity) => format!("{} / {}", trim(committed), format_hours(capacity)),
        None => format!("{} committed", format_hours(committed)),
    }
}

fn trim(hours: f64) -> String {
    let text = format_hours(hours);
    text.trim_end_matches(" h").to_owned()
}

/// A sprint panel's header: name, dates, goal, capacity bar, and for a closed sprint the button that
/// moves its unfinished work on.
pub fn sprint_header_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut BoardState,
    lane: &LaneFacts,
    rect: Rect,
) {
    let plan = ctx.plan;
    let LaneKey::Sprint(Some(id)) = &lane.key else {
        return;
    };
    let Some(sprint) = plan.sprint(id) else {
        return;
    };
    ui.painter().rect_filled(
        rect.shrink2(vec2(0.0, 1.0)),
        CornerRadius::same(6),
        ui.visuals().widgets.inactive.weak_bg_fill,
    );
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(rect.shrink(6.0))
            .layout(Layout::top_down(Align::Min)),
    );
    let ui = &mut child;
    {
        ui.spacing_mut().item_spacing.y = 2.0;
        ui.horizontal(|ui| {
            let collapsed = state.collapsed.contains(&lane.key);
            if ui
                .small_button(if collapsed { "▶" } else { "▼" })
                .on_hover_text("Collapse or expand")
                .clicked()
            {
                if collapsed {
                    state.collapsed.remove(&lane.key);
                } else {
                    state.collapsed.insert(lane.key.clone());
                }
            }
            ui.label(RichText::new(&sprint.name).strong());
            if let Some(dates) = sprint_dates(plan, sprint) {
                ui.weak(dates);
            }
            if sprint.closed {
                ui.weak("· closed");
            }
            ui.weak(format!(
                "· {} task{}",
                lane.total,
                if lane.total == 1 { "" } else { "s" }
            ));
            if sprint.closed
                && let Some(next) = next_sprint(plan, id)
            {
                let unfinished = unfinished_in(plan, id);
                if ui
                    .add_enabled(
                        !unfinished.is_empty(),
                        egui::Button::new("Move unfinished to next sprint").small(),
                    )
                    .on_hover_text(format!(
                        "Move {} unfinished tasks to {}",
                        unfinished.len(),
                        next.name
                    ))
                    .clicked()
                {
                    ctx.edit(move_unfinished(plan, sprint, next, crate::views::now()));
                }
            }
        });
        if sprint.goal.is_empty() {
            ui.add_space(14.0);
        } else {
            ui.add(
                egui::Label::new(RichText::new(format!("Goal: {}", sprint.goal)).small())
                    .truncate(),
            );
        }
        capacity_bar_ui(ui, lane.total_hours, sprint.capacity_hours);
    }
}

fn capacity_bar_ui(ui: &mut Ui, committed: f64, capacity: Option<f64>) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(
            vec2(ui.available_width().min(260.0) - 90.0, 10.0),
            egui::Sense::hover(),
        );
        ui.painter()
            .rect_filled(rect, CornerRadius::same(4), ui.visuals().extreme_bg_color);
        if let Some(capacity) = capacity.filter(|c| *c > 0.0) {
            let share = (committed / capacity).clamp(0.0, 1.0) as f32;
            let over = committed > capacity;
            let color = if over {
                ui.visuals().warn_fg_color
            } else {
                egui::Color32::from_rgb(0x22, 0xa0, 0x5a)
            };
            let filled = Rect::from_min_size(rect.min, vec2(rect.width() * share, rect.height()));
            ui.painter()
                .rect_filled(filled, CornerRadius::same(4), color);
            let text = capacity_text(committed, Some(capacity));
            if over {
                ui.colored_label(ui.visuals().warn_fg_color, format!("{text} ⚠"))
                    .on_hover_text("More hours committed than the sprint's capacity");
            } else {
                ui.label(text);
            }
        } else {
            ui.label(capacity_text(committed, None));
        }
    });
}

fn sprint_dates(plan: &Plan, sprint: &Sprint) -> Option<String> {
    let (start, end) = match (sprint.start, sprint.end, sprint.weeks, plan.meta.start) {
        (Some(start), Some(end), _, _) => (start, end),
        (_, _, Some(weeks), Some(plan_start)) => weeks.dates(plan_start),
        _ => return None,
    };
    Some(format!(
        "{} – {}",
        start.format("%b %-d"),
        end.format("%b %-d")
    ))
}

/// The first open sprint after `id` in plan order.
pub fn next_sprint<'a>(plan: &'a Plan, id: &SprintId) -> Option<&'a Sprint> {
    let at = plan.sprints.iter().position(|s| &s.id == id)?;
    plan.sprints[at + 1..].iter().find(|s| !s.closed)
}

fn unfinished_in(plan: &Plan, id: &SprintId) -> Vec<crate::model::TaskId> {
    plan.tasks
        .iter()
        .filter(|t| t.sprint.as_ref() == Some(id))
        .filter(|t| {
            !matches!(
                plan.category(&t.status),
                StatusCategory::Done | StatusCategory::Dropped
            )
        })
        .map(|t| t.id.clone())
        .collect()
}

/// One edit moving every unfinished task of a sprint into the next one, made at `at`.
pub fn move_unfinished(plan: &Plan, from: &Sprint, to: &Sprint, at: chrono::NaiveDateTime) -> Edit {
    let edits: Vec<Edit> = unfinished_in(plan, &from.id)
        .into_iter()
        .map(|id| Edit::UpdateTask {
            id,
            change: TaskChange::Sprint {
                to: Some(to.id.clone()),
                at,
            },
        })
        .collect();
    Edit::Batch {
        label: format!(
            "Move {} unfinished tasks from {} to {}",
            edits.len(),
            from.name,
            to.name
        ),
        edits,
    }
}
