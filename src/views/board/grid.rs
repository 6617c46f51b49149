//! A scrolling grid of lanes × columns of cards. Only the cards inside the viewport are laid out and
//! painted; while a card is carried, the cell under the pointer is highlighted and a line shows where it
//! would land.

use super::BoardState;
use super::announce::place_text;
use super::card::card_ui;
use super::columns::quick_add_ui;
use super::drag::{CardDrag, DropTarget};
use super::lane_header::lane_header_ui;
use super::layout::GridLayout;
use super::planning::sprint_header_ui;
use super::projection::end_line_ui;
use crate::export::board::BoardIndex;
use crate::export::board::geometry::LANE_HEADER_HEIGHT;
use crate::views::ViewContext;
use egui::{Align2, CornerRadius, FontId, Rect, ScrollArea, Stroke, Ui};

/// Which grid is drawn; decides the lane headers and whether cells have a quick-add row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GridKind {
    /// The status board.
    Board,
    /// The planning backlog list.
    Backlog,
    /// The planning sprint panels.
    Sprints,
}

impl GridKind {
    fn header_height(self, lanes_shown: bool) -> f32 {
        match self {
            Self::Board if lanes_shown => LANE_HEADER_HEIGHT,
            Self::Board | Self::Backlog => 0.0,
            Self::Sprints => 74.0,
        }
    }
}

/// Draws the lanes `lanes` (indices into `index.lanes`) of the board index as a scrolling grid.
pub fn grid_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut BoardState,
    index: &BoardIndex,
    lanes: &[usize],
    kind: GridKind,
    column_width: f32,
) {
    let lanes_shown = kind != GridKind::Board || state.swimlane != super::Swimlane::None;
    let header = kind.header_height(lanes_shown);
    let layout = GridLayout::new(
        column_width,
        index.columns.len(),
        kind == GridKind::Board,
        lanes.iter().map(|&l| {
            let lane = &index.lanes[l];
            let rows = lane.cells.iter().map(Vec::len).max().unwrap_or(0);
            (header, rows, state.collapsed.contains(&lane.key))
        }),
    );
    let plan = ctx.plan;
    let carrying = egui::DragAndDrop::payload::<CardDrag>(ui.ctx());
    ScrollArea::vertical()
        .id_salt(("board-grid", kind))
        .auto_shrink([false, false])
        .content_margin(0.0)
        .show_viewport(ui, |ui, viewport| {
            let size = layout.size();
            ui.set_width(size.x);
            ui.set_height(size.y);
            let origin = ui.max_rect().min.to_vec2();
            let clip = ui.clip_rect();
            for (l, geometry) in layout.lanes.iter().enumerate() {
                if geometry.bottom < viewport.top() || geometry.top > viewport.bottom() {
                    continue;
                }
                let lane = &index.lanes[lanes[l]];
                if header > 0.0 {
                    let rect =
                        Rect::from_x_y_ranges(0.0..=size.x, geometry.top..=geometry.top + header)
                            .translate(origin);
                    match kind {
                        GridKind::Sprints => sprint_header_ui(ui, ctx, state, lane, rect),
                        _ => lane_header_ui(ui, ctx, state, index, lane, rect),
                    }
                }
                if geometry.collapsed {
                    continue;
                }
                for (c, cell) in lane.cells.iter().enumerate() {
                    let cell_rect = layout.cell_rect(l, c).translate(origin);
                    ui.painter().rect_filled(
                        cell_rect,
                        CornerRadius::same(6),
                        ui.visuals().faint_bg_color,
                    );
                    if layout.quick_add {
                        let rect = layout.quick_add_rect(l, c).translate(origin);
                        quick_add_ui(ui, ctx, state, index, lanes[l], c, rect);
                    }
                    if cell.is_empty() {
                        let rect = layout.card_rect(l, c, 0).translate(origin);
                        ui.painter().text(
                            rect.center(),
                            Align2::CENTER_CENTER,
                            "No tasks",
                            FontId::proportional(13.0),
                            ui.visuals().weak_text_color(),
                        );
                    }
                    for row in layout.visible_rows(l, cell.len(), viewport.top(), viewport.bottom())
                    {
                        let rect = layout.card_rect(l, c, row).translate(origin);
                        let place = place_text(plan, index, lanes[l], c, row, lanes_shown);
                        let task = &plan.tasks[cell[row]];
                        card_ui(ui, ctx, state, task, rect, &place);
                        if kind == GridKind::Backlog
                            && let Some(text) = state.projection.ends.get(&task.id)
                        {
                            end_line_ui(ui, rect, text);
                        }
                    }
                }
            }
            let pointer = ui.ctx().pointer_latest_pos();
            if let (Some(_), Some(pointer)) = (&carrying, pointer) {
                let room = (viewport.top() > 0.0, viewport.bottom() < size.y);
                scroll_near_edge(ui, clip, pointer, room);
            }
            if let (Some(_), Some(pointer)) = (&carrying, pointer)
                && clip.contains(pointer)
                && let Some((l, c, slot)) = layout.hit(pointer - origin, |l, c| {
                    index.lanes[lanes[l]].cells[c].len()
                })
            {
                state.hover = Some(DropTarget {
                    lane: lanes[l],
                    column: c,
                    slot: Some(slot),
                });
                let accent = ui.visuals().selection.stroke.color;
                ui.painter().rect_stroke(
                    layout.cell_rect(l, c).translate(origin),
                    CornerRadius::same(6),
                    Stroke::new(2.0, accent),
                    egui::StrokeKind::Inside,
                );
                let y = layout.slot_y(l, slot) + origin.y;
                let x = layout.column_left(c) + origin.x;
                ui.painter().line_segment(
                    [
                        egui::pos2(x + 4.0, y),
                        egui::pos2(x + column_width - 4.0, y),
                    ],
                    Stroke::new(3.0, accent),
                );
            }
        });
}

/// How close to the top or bottom of the grid a carried card starts scrolling it, in points.
const EDGE: f32 = 48.0;
/// The fastest the grid scrolls under a carried card, in points per second.
const EDGE_SPEED: f32 = 900.0;

/// While a card is carried near the top or bottom of the grid, scrolls the grid that way, faster the
/// closer the pointer gets to (or the further it goes past) the edge, so far cells can be reached.
/// `room` says whether there is more above and below the viewport; at the ends nothing happens.
fn scroll_near_edge(ui: &Ui, clip: Rect, pointer: egui::Pos2, room: (bool, bool)) {
    let speed = edge_speed(clip, pointer);
    let (above, below) = room;
    if (speed < 0.0 && !above) || (speed > 0.0 && !below) || speed == 0.0 {
        return;
    }
    let dt = ui.input(|i| i.stable_dt).min(0.1);
    ui.scroll_with_delta_animation(
        egui::vec2(0.0, -speed * dt),
        egui::style::ScrollAnimation::none(),
    );
    ui.ctx().request_repaint();
}

/// The scroll speed for a pointer: positive scrolls down (towards later cards), negative up, zero away
/// from the edges or outside the grid's width.
fn edge_speed(clip: Rect, pointer: egui::Pos2) -> f32 {
    if !clip.x_range().contains(pointer.x) || clip.height() < 3.0 * EDGE {
        return 0.0;
    }
    let down = (pointer.y - (clip.bottom() - EDGE)) / EDGE;
    let up = ((clip.top() + EDGE) - pointer.y) / EDGE;
    if (0.0..=2.0).contains(&down) {
        EDGE_SPEED * down.min(1.0)
    } else if (0.0..=2.0).contains(&up) {
        -EDGE_SPEED * up.min(1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn the_grid_scrolls_only_near_its_edges() {
        let clip = Rect::from_min_max(pos2(0.0, 100.0), pos2(300.0, 500.0));
        assert!(close(edge_speed(clip, pos2(150.0, 300.0)), 0.0), "middle");
        assert!(
            edge_speed(clip, pos2(150.0, 480.0)) > 0.0,
            "near the bottom"
        );
        assert!(
            close(edge_speed(clip, pos2(150.0, 520.0)), EDGE_SPEED),
            "just past it"
        );
        assert!(edge_speed(clip, pos2(150.0, 120.0)) < 0.0, "near the top");
        assert!(
            close(edge_speed(clip, pos2(150.0, 700.0)), 0.0),
            "far below"
        );
        assert!(
            close(edge_speed(clip, pos2(400.0, 480.0)), 0.0),
            "beside the grid"
        );
        assert!(
            edge_speed(clip, pos2(150.0, 460.0)) < edge_speed(clip, pos2(150.0, 490.0)),
            "faster closer to the edge"
        );
    }
}
