//! The canvas' pointer and keyboard: pan, zoom, picking cards and edges, dragging cards, drawing new
//! dependencies, and Delete on a picked edge. Widgets get accessible labels (`CHAT-001`,
//! `Connect from CHAT-001`, `CHAT-001 → CHAT-002`) so people with screen readers and tests find them.

use super::camera::card_rect;
use super::draw::{self, EdgeOnScreen, Scene};
use super::edge_boxes::EdgeBox;
use super::{CameraRequest, DETAIL_ZOOM, GraphState, PickedEdge, minimap};
use crate::analysis::{GraphLayout, format_loop, loop_if_added};
use crate::edit::{Edit, TaskChange};
use crate::views::ViewContext;
use egui::{
    Key, Modifiers, PointerButton, Pos2, Rect, Response, Role, Sense, Ui, Vec2, WidgetInfo, vec2,
};
use std::sync::Arc;

/// Draws the canvas and handles its input.
pub(super) fn canvas_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut GraphState,
    layout: &Arc<GraphLayout>,
    edge_boxes: &[EdgeBox],
) {
    let (canvas, background) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let [x0, y0, x1, y1] = layout.bounds;
    let content = Rect::from_min_max(Pos2::new(x0, y0), Pos2::new(x1, y1));
    if let Some(request) = state.camera_request.take() {
        apply_camera_request(state, ctx, layout, canvas, content, request);
    }
    pan_and_zoom(ui, &background, canvas, state);

    let plan = ctx.plan;
    let analysis = &ctx.derived.analysis;
    let node_drag = state.node_drag;
    let position = |index: usize| {
        let [x, y] = layout.positions[index];
        let shift = match node_drag {
            Some((dragged, delta)) if dragged == index => delta,
            _ => Vec2::ZERO,
        };
        card_rect([x + shift.x, y + shift.y])
    };
    let shown = state.shown(ctx);
    let view = Rect::from_min_max(
        state.camera.to_layout(canvas, canvas.min),
        state.camera.to_layout(canvas, canvas.max),
    );
    let visible: Vec<usize> = (0..plan.tasks.len())
        .filter(|&index| shown[index] && view.intersects(position(index)))
        .collect();
    let dragged = node_drag.map(|(index, _)| index);
    let edges = draw::edges_on_screen(
        edge_boxes,
        &shown,
        view,
        dragged,
        canvas,
        &state.camera,
        &position,
    );
    let detail = state.camera.zoom >= DETAIL_ZOOM;

    if detail {
        edge_widgets_ui(ui, ctx, state, &edges);
    }
    let mut hovered = None;
    let mut handles = Vec::new();
    for &index in &visible {
        let screen = state.camera.rect_to_screen(canvas, position(index));
        let response = node_widget(ui, ctx, state, layout, index, screen);
        if response.hovered() || response.dragged() {
            hovered = Some(index);
        }
        if detail {
            handles.push((index, screen));
        }
    }
    for (index, screen) in handles {
        handle_widget(ui, ctx, state, layout, canvas, index, screen);
    }
    if background.clicked() {
        pick_edge_at(ui, ctx, state, &edges);
    }
    let minimap = minimap::minimap_ui(ui, state, canvas, content);
    delete_picked_edge(ui, ctx, state);

    let lit = hovered
        .filter(|_| state.connecting.is_none())
        .map(|index| state.lit(ctx, index));
    let target = state
        .connecting
        .and_then(|source| connect_target(ui, state, canvas, &visible, &position, source));
    let scene = Scene {
        plan,
        analysis,
        canvas,
        camera: state.camera,
        selected: ctx.selected.and_then(|id| plan.task_index(id)),
        picked: state.picked_edge.as_ref(),
        lit: lit.as_deref(),
        show_critical: state.show_critical,
        visuals: ui.visuals().clone(),
    };
    let painter = ui.painter_at(canvas);
    draw::edges(&painter, &scene, &edges);
    for &index in &visible {
        draw::card(&painter, &scene, index, position(index));
    }
    if let Some(source) = state.connecting {
        let verdict = target.map(|target| (target, connect_verdict(ctx, source, target)));
        draw::connecting(
            ui,
            &painter,
            &scene,
            position(source),
            verdict
                .as_ref()
                .map(|(t, v)| (position(*t), v.as_ref().err())),
        );
    }
    if let Some(minimap) = minimap {
        minimap::paint(
            &painter,
            &scene.visuals,
            &minimap,
            &state.camera,
            canvas,
            layout,
            &shown,
            &mut state.minimap_dots,
        );
    }
}

fn apply_camera_request(
    state: &mut GraphState,
    ctx: &ViewContext<'_>,
    layout: &GraphLayout,
    canvas: Rect,
    content: Rect,
    request: CameraRequest,
) {
    let focus = |state: &mut GraphState, index: usize| {
        state.camera.zoom = state.camera.zoom.max(1.0);
        state
            .camera
            .center_on(canvas, card_rect(layout.positions[index]).center());
    };
    match request {
        CameraRequest::FitAll => state.camera.fit(canvas, content),
        CameraRequest::Zoom(factor) => state.camera.zoom_by(canvas, factor, canvas.center()),
        CameraRequest::Focus(index) => focus(state, index),
        CameraRequest::ZoomToSelection => {
            if let Some(index) = ctx.selected.and_then(|id| ctx.plan.task_index(id)) {
                focus(state, index);
            }
        }
    }
}

/// Drag on empty space or with the middle button pans; scrolling pans; Ctrl+scroll and pinch zoom at
/// the pointer; + and − zoom at the centre while the pointer is over the canvas.
fn pan_and_zoom(ui: &Ui, background: &Response, canvas: Rect, state: &mut GraphState) {
    if background.dragged_by(PointerButton::Primary) {
        state.camera.offset += background.drag_delta();
    }
    let over = ui.rect_contains_pointer(canvas);
    if !over {
        return;
    }
    let (middle, delta, scroll, zoom, pointer) = ui.input(|i| {
        (
            i.pointer.middle_down(),
            i.pointer.delta(),
            i.smooth_scroll_delta,
            i.zoom_delta(),
            i.pointer.hover_pos(),
        )
    });
    if middle {
        state.camera.offset += delta;
    }
    state.camera.offset += scroll;
    if (zoom - 1.0).abs() > f32::EPSILON {
        state
            .camera
            .zoom_by(canvas, zoom, pointer.unwrap_or(canvas.center()));
    }
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let (zoom_in, zoom_out) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::Plus)
                || i.consume_key(Modifiers::NONE, Key::Equals),
            i.consume_key(Modifiers::NONE, Key::Minus),
        )
    });
    if zoom_in {
        state.camera.zoom_by(canvas, 1.25, canvas.center());
    }
    if zoom_out {
        state.camera.zoom_by(canvas, 0.8, canvas.center());
    }
}

fn labelled(response: &Response, label: &str) {
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, label));
}

/// A card: click selects it (shared with the inspector), drag moves it (one edit on release).
fn node_widget(
    ui: &Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut GraphState,
    layout: &GraphLayout,
    index: usize,
    screen: Rect,
) -> Response {
    let task = &ctx.plan.tasks[index];
    let response = ui.interact(
        screen,
        ui.scope_id().with(("graph-node", index)),
        Sense::click_and_drag(),
    );
    labelled(&response, task.id.as_str());
    if response.clicked() {
        ctx.select(Some(task.id.clone()));
        state.picked_edge = None;
    }
    if response.drag_started_by(PointerButton::Primary) {
        state.node_drag = Some((index, Vec2::ZERO));
    }
    if response.dragged_by(PointerButton::Primary)
        && let Some((dragged, delta)) = state.node_drag.as_mut()
        && *dragged == index
    {
        *delta += response.drag_delta() / state.camera.zoom;
    }
    if response.drag_stopped()
        && let Some((dragged, delta)) = state.node_drag.take()
        && dragged == index
        && delta != Vec2::ZERO
    {
        let origin = layout.positions[index];
        ctx.change(
            &task.id,
            TaskChange::GraphPosition(Some([origin[0] + delta.x, origin[1] + delta.y])),
        );
    }
    response
}

/// The connector on a card's right edge: drag it onto another card to make that card depend on this one.
fn handle_widget(
    ui: &Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut GraphState,
    layout: &GraphLayout,
    canvas: Rect,
    index: usize,
    screen: Rect,
) {
    let size = (14.0 * state.camera.zoom).clamp(10.0, 18.0);
    let rect = Rect::from_center_size(draw::handle_center(screen), vec2(size, size));
    let response = ui.interact(
        rect,
        ui.scope_id().with(("graph-handle", index)),
        Sense::drag(),
    );
    let task = &ctx.plan.tasks[index];
    labelled(&response, &format!("Connect from {}", task.id));
    if response.drag_started() {
        state.connecting = Some(index);
        state.message = None;
    }
    if response.drag_stopped() && state.connecting == Some(index) {
        state.connecting = None;
        let pointer = ui.input(|i| i.pointer.latest_pos());
        let target = pointer.and_then(|pointer| {
            let at = state.camera.to_layout(canvas, pointer);
            (0..ctx.plan.tasks.len()).find(|&other| {
                other != index
                    && state.filter.passes(ctx.plan, other)
                    && card_rect(layout.positions[other]).contains(at)
            })
        });
        if let Some(target) = target {
            match connect_verdict(ctx, index, target) {
                Ok(()) => ctx.edit(Edit::AddDependency {
                    task: ctx.plan.tasks[target].id.clone(),
                    on: task.id.clone(),
                }),
                Err(reason) => state.message = Some(format!("Refused: {reason}")),
            }
        }
    }
}

/// The card under the pointer while a connection is drawn.
fn connect_target(
    ui: &Ui,
    state: &GraphState,
    canvas: Rect,
    visible: &[usize],
    position: &impl Fn(usize) -> Rect,
    source: usize,
) -> Option<usize> {
    let pointer = ui.input(|i| i.pointer.latest_pos())?;
    let at = state.camera.to_layout(canvas, pointer);
    visible
        .iter()
        .copied()
        .find(|&index| index != source && position(index).contains(at))
}

/// Whether `target` may depend on `source`; the error says why not, naming the loop it would close.
pub(super) fn connect_verdict(
    ctx: &ViewContext<'_>,
    source: usize,
    target: usize,
) -> Result<(), String> {
    let from = &ctx.plan.tasks[source].id;
    let to = &ctx.plan.tasks[target].id;
    if from == to {
        return Err(format!("{to} cannot depend on itself"));
    }
    if ctx.plan.tasks[target].depends_on.contains(from) {
        return Err(format!("{to} already depends on {from}"));
    }
    match loop_if_added(ctx.plan, to, from) {
        Some(ids) => Err(format!("that would close a loop: {}", format_loop(&ids))),
        None => Ok(()),
    }
}

/// A small knob in the middle of each visible edge, labelled `A → B`; clicking it picks the edge.
fn edge_widgets_ui(ui: &Ui, ctx: &ViewContext<'_>, state: &mut GraphState, edges: &[EdgeOnScreen]) {
    for edge in edges {
        let rect = Rect::from_center_size(edge.middle(), vec2(14.0, 14.0));
        let response = ui.interact(
            rect,
            ui.scope_id().with(("graph-edge", edge.from, edge.to)),
            Sense::click(),
        );
        let (from, to) = (&ctx.plan.tasks[edge.from].id, &ctx.plan.tasks[edge.to].id);
        labelled(&response, &format!("{from} → {to}"));
        if response.clicked() {
            pick(ctx, state, edge);
        }
    }
}

fn pick(ctx: &ViewContext<'_>, state: &mut GraphState, edge: &EdgeOnScreen) {
    let picked = PickedEdge {
        from: ctx.plan.tasks[edge.from].id.clone(),
        to: ctx.plan.tasks[edge.to].id.clone(),
        implied: edge.implied,
    };
    state.message = Some(if edge.implied {
        format!(
            "{} → {} comes from a phase dependency; change it on the phase",
            picked.from, picked.to
        )
    } else {
        format!(
            "Picked {} → {}: press Delete to remove it",
            picked.from, picked.to
        )
    });
    state.picked_edge = Some(picked);
}

/// A click on empty space picks the nearest edge within a few points, or clears the pick.
fn pick_edge_at(ui: &Ui, ctx: &ViewContext<'_>, state: &mut GraphState, edges: &[EdgeOnScreen]) {
    let Some(pointer) = ui.input(|i| i.pointer.interact_pos()) else {
        return;
    };
    let nearest = edges
        .iter()
        .map(|edge| (edge.distance_to(pointer), edge))
        .filter(|(distance, _)| *distance <= 6.0)
        .min_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((_, edge)) = nearest {
        pick(ctx, state, edge);
    } else {
        state.picked_edge = None;
        state.message = None;
    }
}

/// Delete removes the picked edge. The key is consumed here, while drawing, before the app's "Delete
/// task" shortcut sees it.
fn delete_picked_edge(ui: &Ui, ctx: &mut ViewContext<'_>, state: &mut GraphState) {
    let Some(picked) = state.picked_edge.clone() else {
        return;
    };
    if ui.ctx().egui_wants_keyboard_input()
        || !ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Delete))
    {
        return;
    }
    if picked.implied {
        return;
    }
    ctx.edit(Edit::RemoveDependency {
        task: picked.to.clone(),
        on: picked.from.clone(),
    });
    state.picked_edge = None;
    state.message = None;
}
