//! One card: painted from its task, clickable, draggable, with a context menu and in-place title editing.

use super::drag::CardDrag;
use super::{BoardState, TitleDraft, card_label};
use crate::app::Command;
use crate::edit::TaskChange;
use crate::export::board::geometry::{
    CARD_PAD_X, CARD_PAD_Y, CARD_PRIORITY_TEXT, CARD_RADIUS, CARD_SMALL_TEXT, CARD_STRIPE,
    CARD_TITLE_OFFSET, CARD_TITLE_TEXT,
};
use crate::export::timeline::Palette;
use crate::model::{Plan, Priority, StatusCategory, Task, TaskId};
use crate::views::ViewContext;
use crate::views::widgets::{format_hours, priority_color, status_color};
use egui::text::LayoutJob;
use egui::{
    Align2, Color32, CornerRadius, FontId, Key, Painter, Rect, Response, Role, Sense, Stroke,
    StrokeKind, TextEdit, Ui, Visuals, WidgetInfo, pos2, vec2,
};

/// What a card shows besides its task.
#[derive(Clone, Copy, Debug)]
pub struct CardLook<'a> {
    /// Prerequisites that are not finished, if any.
    pub waiting_on: Option<&'a [TaskId]>,
    /// Drawn highlighted.
    pub selected: bool,
    /// Drawn faded (the card being dragged, at its old place).
    pub faded: bool,
}

/// Paints a card into `rect`; nothing is laid out, so it is cheap enough for thousands of cards.
pub fn paint_card(
    painter: &Painter,
    visuals: &Visuals,
    plan: &Plan,
    task: &Task,
    look: CardLook<'_>,
    rect: Rect,
) {
    let painter = painter.with_clip_rect(painter.clip_rect().intersect(rect.expand(2.0)));
    let alpha = if look.faded { 0.35 } else { 1.0 };
    let fill = visuals.extreme_bg_color.gamma_multiply(alpha);
    let stroke = if look.selected {
        Stroke::new(2.0, visuals.selection.stroke.color)
    } else {
        Stroke::new(
            1.0,
            visuals
                .widgets
                .noninteractive
                .bg_stroke
                .color
                .gamma_multiply(alpha),
        )
    };
    painter.rect(
        rect,
        CornerRadius::same(CARD_RADIUS),
        fill,
        stroke,
        StrokeKind::Inside,
    );
    let stripe = Rect::from_min_size(rect.min, vec2(CARD_STRIPE, rect.height()));
    painter.rect_filled(
        stripe,
        CornerRadius {
            nw: CARD_RADIUS,
            sw: CARD_RADIUS,
            ne: 0,
            se: 0,
        },
        status_color(plan, &task.status).gamma_multiply(alpha),
    );
    let text = visuals.text_color().gamma_multiply(alpha);
    let weak = visuals.weak_text_color().gamma_multiply(alpha);
    let small = FontId::proportional(CARD_SMALL_TEXT);
    let inner = rect.shrink2(vec2(CARD_PAD_X, CARD_PAD_Y));
    let id_rect = painter.text(
        inner.left_top(),
        Align2::LEFT_TOP,
        task.id.as_str(),
        small.clone(),
        weak,
    );
    let owner_right = task.priority.map_or(inner.right(), |p| {
        paint_priority(&painter, p, inner.right_top(), alpha).left() - 4.0
    });
    if !task.owner.is_empty() {
        let owner_clip = Rect::from_x_y_ranges(rect.left()..=owner_right, rect.y_range());
        painter
            .with_clip_rect(painter.clip_rect().intersect(owner_clip))
            .text(
                pos2(id_rect.right() + 8.0, inner.top()),
                Align2::LEFT_TOP,
                &task.owner,
                small.clone(),
                weak,
            );
    }
    let mut job = LayoutJob::simple(
        task.title.clone(),
        FontId::proportional(CARD_TITLE_TEXT),
        text,
        inner.width(),
    );
    job.wrap.max_rows = 2;
    job.wrap.overflow_character = Some('…');
    let title = painter.layout_job(job);
    painter.galley(
        pos2(inner.left(), inner.top() + CARD_TITLE_OFFSET),
        title,
        text,
    );
    let mut right = inner.right();
    let bottom = inner.bottom();
    if let Some(hours) = task.estimate.hours {
        right = painter
            .text(
                pos2(right, bottom),
                Align2::RIGHT_BOTTOM,
                format_hours(hours),
                small.clone(),
                weak,
            )
            .left()
            - 10.0;
    } else if let Some(points) = task.estimate.points {
        right = painter
            .text(
                pos2(right, bottom),
                Align2::RIGHT_BOTTOM,
                format!("{points} pts"),
                small.clone(),
                weak,
            )
            .left()
            - 10.0;
    }
    let (done, total) = task.checklist_progress();
    if total > 0 {
        let color = if done == total { done_color() } else { weak };
        painter.text(
            pos2(right, bottom),
            Align2::RIGHT_BOTTOM,
            format!("☑ {done}/{total}"),
            small.clone(),
            color,
        );
    }
    if let Some(open) = look.waiting_on {
        let finished = plan.category(&task.status) == StatusCategory::Done;
        let plural = if open.len() == 1 { "" } else { "s" };
        let (text, color) = if finished {
            (
                format!("⚠ {} prerequisite{plural} not done", open.len()),
                visuals.warn_fg_color,
            )
        } else {
            (
                format!("⚠ blocked by {}", open.len()),
                visuals.error_fg_color,
            )
        };
        painter.text(
            pos2(inner.left(), bottom),
            Align2::LEFT_BOTTOM,
            text,
            small,
            color.gamma_multiply(alpha),
        );
    }
}

/// The colour of a finished checklist (the scenes' colour).
fn done_color() -> Color32 {
    let [r, g, b, _] = Palette::light().done.0;
    Color32::from_rgb(r, g, b)
}

fn paint_priority(
    painter: &Painter,
    priority: Priority,
    right_top: egui::Pos2,
    alpha: f32,
) -> Rect {
    let color = priority_color(priority).gamma_multiply(alpha);
    let galley = painter.layout_no_wrap(
        format!("{priority} {}", priority.meaning()),
        FontId::proportional(CARD_PRIORITY_TEXT),
        color,
    );
    let pill = Rect::from_min_size(
        pos2(right_top.x - galley.size().x - 10.0, right_top.y - 1.0),
        galley.size() + vec2(10.0, 2.0),
    );
    painter.rect_filled(pill, CornerRadius::same(7), color.gamma_multiply(0.15));
    painter.galley(pill.min + vec2(5.0, 1.0), galley, color);
    pill
}

/// A card as a widget at `rect`: click selects, double-click edits the title, drag carries it, right
/// click opens its menu. Its accessible label ends with its `place` ("In progress, 2 of 5"). Returns the
/// card's response.
pub fn card_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut BoardState,
    task: &Task,
    rect: Rect,
    place: &str,
) -> Response {
    let id = ui.scope_id().with(("card", task.id.as_str()));
    let response = ui.interact(rect, id, Sense::click_and_drag());
    let label = format!("{} — {place}", card_label(task));
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
    response.dnd_set_drag_payload(CardDrag(task.id.clone()));
    let carried = egui::DragAndDrop::payload::<CardDrag>(ui.ctx()).is_some_and(|c| c.0 == task.id);
    let waiting_on = ctx
        .derived
        .unfinished_prerequisites
        .get(&task.id)
        .map(Vec::as_slice);
    let look = CardLook {
        waiting_on,
        selected: ctx.selected == Some(&task.id),
        faded: carried,
    };
    if ui.is_rect_visible(rect) {
        paint_card(ui.painter(), ui.visuals(), ctx.plan, task, look, rect);
    }
    if response.clicked() || response.gained_focus() {
        ctx.select(Some(task.id.clone()));
    }
    if response.double_clicked() {
        state.editing = Some(TitleDraft::new(task));
    }
    if let Some(open) = waiting_on {
        let badge = Rect::from_min_size(
            pos2(rect.left(), rect.bottom() - 22.0),
            vec2(rect.width() * 0.6, 22.0),
        );
        if ui.rect_contains_pointer(badge) && !carried {
            response.clone().on_hover_ui(|ui| {
                ui.label("Waiting on unfinished prerequisites:");
                for on in open {
                    let title = ctx.plan.task(on).map_or("", |t| t.title.as_str());
                    ui.label(format!("{on}  {title}"));
                }
            });
        }
    }
    if state.editing.as_ref().is_some_and(|d| d.id == task.id) {
        title_editor_ui(ui, ctx, state, rect);
    }
    response.context_menu(|ui| card_menu_ui(ui, ctx, task));
    response
}

fn title_editor_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut BoardState, rect: Rect) {
    let Some(draft) = state.editing.as_mut() else {
        return;
    };
    let area = Rect::from_min_size(rect.min + vec2(8.0, 20.0), vec2(rect.width() - 16.0, 24.0));
    let edit_id = ui.scope_id().with(("card-title", draft.id.as_str()));
    let response = ui.put(area, TextEdit::singleline(&mut draft.text).id(edit_id));
    response.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Card title"));
    if !draft.focused {
        response.request_focus();
        draft.focused = true;
        return;
    }
    if response.lost_focus() || !response.has_focus() {
        let cancelled = ui.input(|i| i.key_pressed(Key::Escape));
        let text = draft.text.trim().to_owned();
        let id = draft.id.clone();
        state.editing = None;
        let unchanged = ctx.plan.task(&id).is_none_or(|t| t.title == text);
        if !cancelled && !text.is_empty() && !unchanged {
            ctx.change(&id, TaskChange::Title(text));
        }
    }
}

/// The right-click menu: move to sprint, set status, set priority, assign owner, duplicate, delete.
pub fn card_menu_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, task: &Task) {
    let plan = ctx.plan;
    ui.menu_button("Move to sprint…", |ui| {
        for sprint in &plan.sprints {
            let here = task.sprint.as_ref() == Some(&sprint.id);
            if ui
                .add_enabled(!here, egui::Button::new(&sprint.name))
                .clicked()
            {
                ctx.change(
                    &task.id,
                    TaskChange::Sprint {
                        to: Some(sprint.id.clone()),
                        at: crate::views::now(),
                    },
                );
                ui.close();
            }
        }
        if ui
            .add_enabled(task.sprint.is_some(), egui::Button::new("Backlog"))
            .clicked()
        {
            ctx.change(
                &task.id,
                TaskChange::Sprint {
                    to: None,
                    at: crate::views::now(),
                },
            );
            ui.close();
        }
    });
    ui.menu_button("Set status", |ui| {
        for status in &plan.legend {
            let here = status.key == task.status;
            if ui
                .add_enabled(!here, egui::Button::new(&status.label))
                .clicked()
            {
                ctx.change(
                    &task.id,
                    TaskChange::Status {
                        to: status.key.clone(),
                        at: crate::views::now(),
                    },
                );
                ui.close();
            }
        }
    });
    ui.menu_button("Set priority", |ui| {
        for priority in Priority::ALL.map(Some).into_iter().chain([None]) {
            let text = priority.map_or("None".to_owned(), |p| format!("{p} {}", p.meaning()));
            if ui
                .add_enabled(task.priority != priority, egui::Button::new(text))
                .clicked()
            {
                ctx.change(&task.id, TaskChange::Priority(priority));
                ui.close();
            }
        }
    });
    ui.menu_button("Assign owner", |ui| {
        for owner in crate::export::board::owners(plan)
            .into_iter()
            .chain([String::new()])
        {
            let text = if owner.is_empty() {
                "Unassigned"
            } else {
                owner.as_str()
            };
            if ui
                .add_enabled(task.owner != owner, egui::Button::new(text))
                .clicked()
            {
                ctx.change(&task.id, TaskChange::Owner(owner.clone()));
                ui.close();
            }
        }
    });
    ui.separator();
    for command in [Command::DuplicateTask, Command::DeleteTask] {
        if ui.button(command.text()).clicked() {
            ctx.select(Some(task.id.clone()));
            ctx.command(command);
            ui.close();
        }
    }
}
