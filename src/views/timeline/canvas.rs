//! The timeline canvas: paints the scene of the visible rows and days, and turns gestures into edits
//! (one edit per gesture, on release). Every bar, handle and milestone is an accessible widget named
//! after what it stands for, so screen readers and tests find it by label.

use super::{Drag, TimelineState};
use crate::analysis::{DatedSchedule, format_loop, loop_if_added};
use crate::edit::{Edit, TaskChange};
use crate::export::timeline::axis::snap_days;
use crate::export::timeline::{
    Frame, Palette, Row, Rows, TimelineInput, header_height, layout, rows_height,
};
use crate::export::{Hit, Point, Scene, bounds};
use crate::model::{Plan, TaskId, shift};
use crate::views::scene_paint::{paint_scene, rect as screen_rect};
use crate::views::{Request, ViewContext};
use chrono::NaiveDate;
use egui::{CursorIcon, Key, Modifiers, Pos2, Response, Sense, Ui, Vec2};

/// One accessible, interactive thing on the canvas.
struct Target {
    hit: Hit,
    response: Response,
}

/// Paints the canvas and handles its gestures.
pub(super) fn canvas_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut TimelineState) {
    let Some(rows) = state.rows(ctx, ui.ctx()) else {
        ui.weak("Laying out the rows…");
        return;
    };
    let (area, background) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    state.chart_width = state.chart_width_of(area.width());
    if state.fit_pending {
        state.fit(ctx);
    }
    let chart_height = area.height() - header_height(ctx.plan);
    navigate_ui(ui, &background, area, state, &rows, chart_height);
    keyboard(ui, ctx, state, &rows);
    let palette = if ui.visuals().dark_mode {
        Palette::dark()
    } else {
        Palette::light()
    };
    let selected = ctx.selected.and_then(|id| ctx.plan.task_index(id));
    let input = TimelineInput {
        plan: ctx.plan,
        analysis: &ctx.derived.analysis,
        dated: &ctx.derived.dated,
        rows: &rows,
        options: &state.options,
        palette: &palette,
        selected,
        hovered: state.hovered.or(match state.drag {
            Some(Drag::Connect { from }) => Some(from),
            _ => None,
        }),
    };
    let frame = Frame {
        width: area.width(),
        height: area.height(),
        origin: state.origin,
        per_day: state.per_day,
        scroll: state.scroll,
    };
    let scene = layout(&input, &frame);
    paint_scene(&ui.painter_at(area), &scene, area.min);
    let targets = targets_ui(ui, &scene, area);
    if background.clicked() {
        ctx.select(None);
    }
    state.hovered = targets.iter().find_map(|t| match t.hit {
        Hit::Task(i) | Hit::TaskEnd(i) | Hit::Connect(i) if t.response.hovered() => Some(i),
        _ => None,
    });
    for target in &targets {
        respond(ctx, state, target, &rows);
    }
    if let Some(drag) = state.drag {
        follow_drag(ui, ctx, state, drag, &scene, area);
    }
}

/// Registers a widget for every hit primitive, clipped like it is painted.
fn targets_ui(ui: &mut Ui, scene: &Scene, area: egui::Rect) -> Vec<Target> {
    let mut found = Vec::new();
    scene.visit(|item, clip| {
        let (Some(hit), Some(shape_rect)) = (item.hit, bounds(&item.shape)) else {
            return;
        };
        let mut rect = screen_rect(shape_rect, area.min.to_vec2());
        if let Some(clip) = clip {
            rect = rect.intersect(screen_rect(*clip, area.min.to_vec2()));
        }
        rect = rect.intersect(area);
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            return;
        }
        found.push((hit, rect, item.label.clone()));
    });
    found
        .into_iter()
        .map(|(hit, rect, label)| {
            let sense = match hit {
                Hit::Task(_) | Hit::Milestone(_) => Sense::click_and_drag(),
                Hit::TaskEnd(_) | Hit::Connect(_) | Hit::ColumnEdge(_) => Sense::drag(),
                Hit::Group(_)
                | Hit::Phase(_)
                | Hit::Sprint(_)
                | Hit::SprintBar(_)
                | Hit::WeekBar(_)
                | Hit::BurnDay(_)
                | Hit::ForecastBar(_) => Sense::click(),
            };
            let response = ui.interact(rect, ui.scope_id().with(("timeline", hit)), sense);
            let label = label.unwrap_or_default();
            response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone()));
            let cursor = match hit {
                Hit::TaskEnd(_) | Hit::ColumnEdge(_) => Some(CursorIcon::ResizeHorizontal),
                Hit::Connect(_) => Some(CursorIcon::Crosshair),
                Hit::Task(_) | Hit::Milestone(_) => Some(CursorIcon::Grab),
                _ => None,
            };
            let response = match cursor {
                Some(icon) => response.on_hover_cursor(icon),
                None => response,
            };
            Target { hit, response }
        })
        .collect()
}

/// Clicks and the start of drags on one target.
fn respond(ctx: &mut ViewContext<'_>, state: &mut TimelineState, target: &Target, rows: &Rows) {
    let response = &target.response;
    // Drags count from where the button went down, not from where egui saw the drag begin.
    let pointer_x = response
        .ctx
        .input(|i| i.pointer.press_origin())
        .or(response.interact_pointer_pos())
        .map_or(0.0, |p| p.x);
    match target.hit {
        Hit::Task(index) => {
            let id = ctx.plan.tasks[index].id.clone();
            if response.double_clicked() {
                ctx.requests.push(Request::Inspect(id));
            } else if response.clicked() {
                ctx.select(Some(id));
            } else if response.drag_started() {
                ctx.select(Some(id));
                state.drag = Some(Drag::Move {
                    task: index,
                    from_x: pointer_x,
                });
            }
        }
        Hit::TaskEnd(index) if response.drag_started() => {
            state.drag = Some(Drag::Resize {
                task: index,
                from_x: pointer_x,
            });
        }
        Hit::Connect(index) if response.drag_started() => {
            state.drag = Some(Drag::Connect { from: index });
        }
        Hit::Milestone(index) if response.drag_started() => {
            state.drag = Some(Drag::Milestone {
                index,
                from_x: pointer_x,
            });
        }
        Hit::ColumnEdge(index) if response.drag_started() => {
            state.drag = Some(Drag::Column {
                index,
                from_x: pointer_x,
                width: state.options.columns[index],
            });
        }
        Hit::Group(row) if response.clicked() => {
            if let Some(Row::Group(group)) = rows.rows.get(row)
                && !state.options.collapsed.remove(&group.key)
            {
                state.options.collapsed.insert(group.key.clone());
            }
        }
        _ => {}
    }
}

/// Days a drag has moved, snapped to days or weeks by zoom.
fn dragged_days(state: &TimelineState, from_x: f32, to_x: f32) -> i64 {
    let snap = snap_days(state.per_day);
    let days = f64::from(to_x - from_x) / f64::from(state.per_day);
    ((days / snap as f64).round() as i64) * snap
}

/// Shows a drag's preview while the button is down and commits it, as one edit, on release.
fn follow_drag(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut TimelineState,
    drag: Drag,
    scene: &Scene,
    area: egui::Rect,
) {
    let (pointer, down) = ui.input(|i| (i.pointer.interact_pos(), i.pointer.primary_down()));
    let Some(pointer) = pointer else {
        state.drag = None;
        return;
    };
    let dated = &ctx.derived.dated;
    let plan = ctx.plan;
    let (hint, edit) = match drag {
        Drag::Move { task, from_x } => {
            let days = dragged_days(state, from_x, pointer.x);
            ghost(
                ui,
                scene,
                area,
                Hit::Task(task),
                days as f32 * state.per_day,
                0.0,
            );
            move_edit(plan, dated, task, days)
        }
        Drag::Resize { task, from_x } => {
            let days = dragged_days(state, from_x, pointer.x);
            ghost(
                ui,
                scene,
                area,
                Hit::Task(task),
                0.0,
                days as f32 * state.per_day,
            );
            resize_edit(plan, dated, task, days)
        }
        Drag::Milestone { index, from_x } => {
            let days = dragged_days(state, from_x, pointer.x);
            milestone_edit(plan, dated, index, days)
        }
        Drag::Connect { from } => {
            let start = scene
                .hit_rect(Hit::Connect(from))
                .map_or(pointer, |r| screen_rect(r, area.min.to_vec2()).center());
            ui.painter().line_segment(
                [start, pointer],
                egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
            );
            connect_edit(plan, from, task_under(scene, area, pointer))
        }
        Drag::Column {
            index,
            from_x,
            width,
        } => {
            state.options.columns[index] = (width + pointer.x - from_x).clamp(28.0, 480.0);
            (None, None)
        }
    };
    if let Some(hint) = &hint {
        egui::Area::new(ui.scope_id().with("timeline-drag-hint"))
            .fixed_pos(pointer + Vec2::new(14.0, 16.0))
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(hint.as_str());
                });
            });
    }
    if !down {
        state.drag = None;
        match edit {
            Some(Ok(edit)) => ctx.edit(edit),
            Some(Err(refusal)) => state.message = Some(format!("Refused: {refusal}")),
            None => {}
        }
    }
}

/// What a drag would do: a hint for the pointer, and the edit (or refusal) to make on release.
type DragOutcome = (Option<String>, Option<Result<Edit, String>>);

fn move_edit(plan: &Plan, schedule: &DatedSchedule, task: usize, days: i64) -> DragOutcome {
    let Some(dates) = schedule.tasks[task] else {
        return (None, None);
    };
    if dates.placement != crate::analysis::Placement::Planned {
        return (
            Some("Started and finished work stays where it happened".to_owned()),
            None,
        );
    }
    let start = schedule.calendar.next_working_day(shift(dates.start, days));
    let hint = format!("Start no earlier than {}", long_date(start));
    if days == 0 {
        return (Some(hint), None);
    }
    let id = plan.tasks[task].id.clone();
    let edit = Edit::UpdateTask {
        id,
        change: TaskChange::Start(Some(start)),
    };
    (Some(hint), Some(Ok(edit)))
}

fn resize_edit(plan: &Plan, schedule: &DatedSchedule, task: usize, days: i64) -> DragOutcome {
    let Some(dates) = schedule.tasks[task] else {
        return (None, None);
    };
    let finish = shift(dates.finish, days).max(dates.start);
    let working = schedule
        .calendar
        .working_days_between(dates.start, shift(finish, 1))
        .max(1);
    let hours_per_day = if plan.meta.hours_per_day > 0.0 {
        plan.meta.hours_per_day
    } else {
        8.0
    };
    let hours = working as f64 * hours_per_day;
    let hint = format!(
        "{working} working day{} ({hours} h), until {}",
        if working == 1 { "" } else { "s" },
        long_date(finish)
    );
    if days == 0 {
        return (Some(hint), None);
    }
    let edit = Edit::UpdateTask {
        id: plan.tasks[task].id.clone(),
        change: TaskChange::Hours {
            to: Some(hours),
            at: crate::views::now(),
        },
    };
    (Some(hint), Some(Ok(edit)))
}

fn milestone_edit(plan: &Plan, schedule: &DatedSchedule, index: usize, days: i64) -> DragOutcome {
    let Some(dates) = schedule.milestones[index] else {
        return (None, None);
    };
    let date = shift(dates.date, days);
    let hint = format!("{} on {}", plan.milestones[index].name, long_date(date));
    if days == 0 {
        return (Some(hint), None);
    }
    let mut milestone = plan.milestones[index].clone();
    milestone.date = Some(date);
    milestone.week = None;
    (
        Some(hint),
        Some(Ok(Edit::PutMilestone(Box::new(milestone)))),
    )
}

fn connect_edit(plan: &Plan, from: usize, to: Option<usize>) -> DragOutcome {
    let prerequisite = &plan.tasks[from].id;
    let Some(to) = to.filter(|&to| to != from) else {
        return (
            Some(format!("Drop on the task that waits for {prerequisite}")),
            None,
        );
    };
    let dependant = &plan.tasks[to].id;
    if plan.tasks[to].depends_on.contains(prerequisite) {
        return (
            Some(format!("{dependant} already depends on {prerequisite}")),
            None,
        );
    }
    if let Some(ids) = loop_if_added(plan, dependant, prerequisite) {
        let refusal = format!("that dependency would create a loop: {}", format_loop(&ids));
        return (
            Some(format!("Loop: {}", format_loop(&ids))),
            Some(Err(refusal)),
        );
    }
    let edit = Edit::AddDependency {
        task: dependant.clone(),
        on: prerequisite.clone(),
    };
    (
        Some(format!("Make {dependant} depend on {prerequisite}")),
        Some(Ok(edit)),
    )
}

/// The task whose bar is under a point.
fn task_under(scene: &Scene, area: egui::Rect, pointer: Pos2) -> Option<usize> {
    let point = Point::new(pointer.x - area.min.x, pointer.y - area.min.y);
    let mut found = None;
    scene.visit(|item, _| {
        if let Some(Hit::Task(index)) = item.hit
            && bounds(&item.shape).is_some_and(|r| r.contains(point))
        {
            found = Some(index);
        }
    });
    found
}

/// A translucent copy of a bar, moved and/or stretched, showing where a drag will put it.
fn ghost(ui: &Ui, scene: &Scene, area: egui::Rect, hit: Hit, moved: f32, stretched: f32) {
    let Some(bar) = scene.hit_rect(hit) else {
        return;
    };
    let mut rect = screen_rect(bar, area.min.to_vec2()).translate(Vec2::new(moved, 0.0));
    rect.max.x = (rect.max.x + stretched).max(rect.min.x + 2.0);
    let color = ui.visuals().selection.stroke.color;
    ui.painter_at(area).rect(
        rect.expand(1.0),
        3.0,
        color.gamma_multiply(0.25),
        egui::Stroke::new(1.5, color),
        egui::StrokeKind::Outside,
    );
}

fn long_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// Scrolling, zooming around the pointer, and panning by dragging empty space.
fn navigate_ui(
    ui: &Ui,
    background: &Response,
    area: egui::Rect,
    state: &mut TimelineState,
    rows: &Rows,
    chart_height: f32,
) {
    let table = area.width() - state.chart_width;
    if background.dragged() && state.drag.is_none() {
        let delta = background.drag_delta();
        state.origin -= f64::from(delta.x / state.per_day);
        state.scroll -= delta.y;
    }
    if ui.rect_contains_pointer(area) {
        let (scroll, zoom, modifiers, pointer) = ui.input(|i| {
            (
                i.smooth_scroll_delta,
                i.zoom_delta(),
                i.modifiers,
                i.pointer.hover_pos(),
            )
        });
        if (zoom - 1.0).abs() > f32::EPSILON {
            let anchor = pointer.map_or(state.chart_width / 2.0, |p| {
                (p.x - area.min.x - table).max(0.0)
            });
            state.zoom_to(state.per_day * zoom, anchor);
        } else if scroll != Vec2::ZERO {
            let (dx, dy) = if modifiers.shift && scroll.x == 0.0 {
                (scroll.y, 0.0)
            } else {
                (scroll.x, scroll.y)
            };
            state.origin -= f64::from(dx / state.per_day);
            state.scroll -= dy;
        }
    }
    state.scroll = state.scroll.clamp(
        0.0,
        (rows_height(rows, state.options.mode) - chart_height.max(0.0)).max(0.0),
    );
}

/// ↑/↓ move the selection, Shift+←/→ move the selected bar by a day, Home scrolls to today.
fn keyboard(ui: &Ui, ctx: &mut ViewContext<'_>, state: &mut TimelineState, rows: &Rows) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let (up, down, left, right, home) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::SHIFT, Key::ArrowLeft),
            i.consume_key(Modifiers::SHIFT, Key::ArrowRight),
            i.consume_key(Modifiers::NONE, Key::Home),
        )
    });
    if home {
        state.scroll_to(ctx.derived.dated.today);
    }
    let selected = ctx.selected.and_then(|id| ctx.plan.task_index(id));
    if up || down {
        let current = selected.and_then(|i| rows.task_row[i]).map(|r| r as usize);
        let task_rows = rows
            .rows
            .iter()
            .enumerate()
            .filter_map(|(at, row)| match row {
                Row::Task { index, .. } => Some((at, *index)),
                _ => None,
            });
        let next = match (current, down) {
            (None, _) => task_rows.clone().next(),
            (Some(at), true) => task_rows.clone().find(|(row, _)| *row > at),
            (Some(at), false) => task_rows.clone().rfind(|(row, _)| *row < at),
        };
        if let Some((row, index)) = next {
            ctx.select(Some(ctx.plan.tasks[index].id.clone()));
            let top = row as f32 * crate::export::timeline::row_height(state.options.mode);
            if top < state.scroll {
                state.scroll = top;
            } else if top > state.scroll + 400.0 {
                state.scroll = top - 400.0;
            }
        }
    }
    if let Some(index) = selected.filter(|_| left || right) {
        let days = if right { 1 } else { -1 };
        if let (_, Some(Ok(edit))) = nudge_edit(ctx.plan, &ctx.derived.dated, index, days) {
            ctx.edit(edit);
        }
    }
}

/// Moves a task's start by working days.
fn nudge_edit(plan: &Plan, schedule: &DatedSchedule, task: usize, days: i64) -> DragOutcome {
    let Some(dates) = schedule.tasks[task] else {
        return (None, None);
    };
    let from = schedule.calendar.offset_of(schedule.anchor, dates.start);
    let start = schedule.calendar.date_of(schedule.anchor, from + days);
    let edit = Edit::UpdateTask {
        id: TaskId::clone(&plan.tasks[task].id),
        change: TaskChange::Start(Some(start)),
    };
    (None, Some(Ok(edit)))
}
