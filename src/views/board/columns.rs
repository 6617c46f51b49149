//! The status board: column headers (count, estimate, WIP limit, menu) and quick add.

use super::grid::{GridKind, grid_ui};
use super::{BoardState, QuickAdd};
use crate::edit::Edit;
use crate::export::board::geometry::{
    COLUMN_GAP, COLUMN_HEADER_HEIGHT as HEADER_HEIGHT, MIN_COLUMN_WIDTH,
};
use crate::export::board::{BoardIndex, ColumnFacts, LaneFacts, column_count_text};
use crate::export::format_hours;
use crate::model::{Plan, StatusKey, Task};
use crate::views::ViewContext;
use crate::views::widgets::status_color;
use egui::{
    Align, Align2, CornerRadius, FontId, Key, Layout, Rect, RichText, Role, ScrollArea, Sense,
    TextEdit, Ui, UiBuilder, WidgetInfo, vec2,
};

/// The status columns with their headers, over every lane.
pub fn board_columns_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut BoardState,
    index: &BoardIndex,
) {
    let columns = index.columns.len().max(1) as f32;
    let available = ui.available_width() - 12.0;
    let width = ((available - COLUMN_GAP * (columns - 1.0)) / columns).max(MIN_COLUMN_WIDTH);
    let lanes: Vec<usize> = (0..index.lanes.len())
        .filter(|&l| state.swimlane == super::Swimlane::None || index.lanes[l].is_shown())
        .collect();
    ScrollArea::horizontal()
        .id_salt("board-columns")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = COLUMN_GAP;
                    for column in &index.columns {
                        column_header_ui(ui, ctx, state, column, width);
                    }
                });
                ui.add_space(4.0);
                grid_ui(ui, ctx, state, index, &lanes, GridKind::Board, width);
            });
        });
}

fn column_header_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut BoardState,
    column: &ColumnFacts,
    width: f32,
) {
    let Some(key) = column.status.as_ref() else {
        return;
    };
    let plan = ctx.plan;
    let Some(status) = plan.status(key) else {
        return;
    };
    let over = status
        .wip_limit
        .is_some_and(|limit| column.total > limit as usize);
    let (rect, _) = ui.allocate_exact_size(vec2(width, HEADER_HEIGHT), Sense::hover());
    let fill = if over {
        ui.visuals().error_fg_color.gamma_multiply(0.25)
    } else {
        ui.visuals().faint_bg_color
    };
    ui.painter().rect_filled(rect, CornerRadius::same(6), fill);
    let bar = Rect::from_min_size(rect.left_bottom() - vec2(0.0, 3.0), vec2(width, 3.0));
    ui.painter()
        .rect_filled(bar, CornerRadius::same(1), status_color(plan, key));
    // A child ui: the header's contents never move the row's cursor, so headers line up with columns.
    let mut ui = ui.new_child(
        UiBuilder::new()
            .max_rect(rect.shrink2(vec2(8.0, 2.0)))
            .layout(Layout::right_to_left(Align::Center)),
    );
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::MenuButton::new("⋯")
        .config(config)
        .ui(&mut ui, |ui| column_menu_ui(ui, ctx, state, key))
        .0
        .on_hover_text(format!("{} column: WIP limit", status.label));
    ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
        let count = column_count_text(column, state.filter.is_active(), status.wip_limit);
        let hours = format_hours(column.hours);
        let warn = if over { "⚠ " } else { "" };
        let text = RichText::new(format!("{warn}{} · {count} · {hours}", status.label)).strong();
        let label = ui.add(
            egui::Label::new(if over {
                text.color(ui.visuals().error_fg_color)
            } else {
                text
            })
            .truncate(),
        );
        if over {
            label.on_hover_text("Over the work-in-progress limit");
        }
    });
}

fn column_menu_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut BoardState, key: &StatusKey) {
    let plan = ctx.plan;
    let current = plan.status(key).and_then(|s| s.wip_limit);
    if let Some(choice) = wip_limit_menu_ui(ui, &mut state.wip_draft, current) {
        ctx.edit(set_wip_limit(plan, key, choice.limit()));
    }
}

/// What a WIP-limit menu was asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitChoice {
    /// Set this limit.
    Set(u32),
    /// Remove the limit.
    Remove,
}

impl LimitChoice {
    /// The limit to store: `None` removes it.
    pub fn limit(self) -> Option<u32> {
        match self {
            Self::Set(limit) => Some(limit),
            Self::Remove => None,
        }
    }
}

/// The body of a WIP-limit menu (a column's or a lane's): the current limit, a "WIP limit" field
/// with "Set", and "Remove the limit". Returns the change chosen, and closes the menu then.
pub fn wip_limit_menu_ui(
    ui: &mut Ui,
    draft: &mut String,
    current: Option<u32>,
) -> Option<LimitChoice> {
    ui.label(format!(
        "Work-in-progress limit: {}",
        current.map_or("none".to_owned(), |l| l.to_string())
    ));
    let mut chosen = None;
    ui.horizontal(|ui| {
        let label = ui.label("WIP limit");
        let field = ui
            .add(TextEdit::singleline(draft).desired_width(50.0))
            .labelled_by(label.id);
        let limit = draft.trim().parse::<u32>().ok().filter(|l| *l > 0);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if (ui
            .add_enabled(limit.is_some(), egui::Button::new("Set"))
            .clicked()
            || enter)
            && let Some(limit) = limit
        {
            chosen = Some(LimitChoice::Set(limit));
            draft.clear();
        }
    });
    if ui
        .add_enabled(current.is_some(), egui::Button::new("Remove the limit"))
        .clicked()
    {
        chosen = Some(LimitChoice::Remove);
    }
    if chosen.is_some() {
        ui.close();
    }
    chosen
}

/// The legend edit that sets a column's work-in-progress limit.
pub fn set_wip_limit(plan: &Plan, key: &StatusKey, limit: Option<u32>) -> Edit {
    let mut legend = plan.legend.clone();
    for status in legend.iter_mut().filter(|s| &s.key == key) {
        status.wip_limit = limit;
    }
    Edit::SetLegend(legend)
}

/// The quick-add row of a cell: a "+ Add task" button, or the title field once clicked.
pub fn quick_add_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut BoardState,
    index: &BoardIndex,
    lane: usize,
    column: usize,
    rect: Rect,
) {
    let plan = ctx.plan;
    let Some(status) = index.columns[column].status.clone() else {
        return;
    };
    let lanes_shown = state.swimlane != super::Swimlane::None;
    let facts = &index.lanes[lane];
    let place = if lanes_shown {
        format!("{} in {}", plan.status_label(&status), facts.title)
    } else {
        plan.status_label(&status).to_owned()
    };
    let open = state
        .quick_add
        .as_ref()
        .is_some_and(|q| q.lane == lane && q.column == column);
    if !open {
        let id = ui.scope_id().with(("quick-add", lane, column));
        let response = ui.interact(rect, id, Sense::click());
        let label = format!("Add a task to {place}");
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        let color = if response.hovered() {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        ui.painter().text(
            rect.left_center() + vec2(8.0, 0.0),
            Align2::LEFT_CENTER,
            "+ Add task",
            FontId::proportional(12.5),
            color,
        );
        if response.clicked() {
            state.quick_add = Some(QuickAdd {
                lane,
                column,
                text: String::new(),
                focused: false,
            });
        }
        return;
    }
    let Some(draft) = state.quick_add.as_mut() else {
        return;
    };
    let edit_id = ui.scope_id().with("quick-add-title");
    let response = ui.put(
        rect,
        TextEdit::singleline(&mut draft.text)
            .id(edit_id)
            .hint_text(format!("New task in {place}")),
    );
    response.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "New task title"));
    if !draft.focused {
        response.request_focus();
        draft.focused = true;
        return;
    }
    if response.lost_focus() || !response.has_focus() {
        let entered = ui.input(|i| i.key_pressed(Key::Enter));
        let title = draft.text.trim().to_owned();
        state.quick_add = None;
        if entered && !title.is_empty() {
            let task = new_task(plan, &status, facts, &title);
            let at = facts.cells[column].first().copied();
            let id = task.id.clone();
            ctx.edit(Edit::AddTask {
                task: Box::new(task),
                index: at,
            });
            ctx.select(Some(id));
        }
    }
}

fn new_task(plan: &Plan, status: &StatusKey, lane: &LaneFacts, title: &str) -> Task {
    let prefix = plan
        .tasks
        .iter()
        .find(|t| &t.status == status)
        .or_else(|| plan.tasks.first())
        .and_then(|t| {
            t.id.as_str()
                .rsplit_once('-')
                .map(|(head, _)| head.to_owned())
        })
        .unwrap_or_else(|| "TASK".to_owned());
    let mut task = Task::new("", title, status.as_str());
    task.id = plan.fresh_task_id(&prefix);
    match &lane.key {
        super::LaneKey::All => {}
        super::LaneKey::Sprint(sprint) => task.sprint.clone_from(sprint),
        super::LaneKey::Phase(phase) => task.phase.clone_from(phase),
        super::LaneKey::Owner(owner) => task.owner.clone_from(owner),
        super::LaneKey::Priority(priority) => task.priority = *priority,
    }
    task
}
