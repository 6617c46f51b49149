//! The sprint board: the plan's statuses as columns of cards, optional swimlanes, filters, quick add,
//! and a planning mode with the backlog beside the sprints. Cards move by drag and drop or keyboard;
//! every move is one edit, pushed as a request and applied after drawing.

mod announce;
mod card;
mod columns;
mod drag;
mod filters;
mod grid;
mod keyboard;
mod lane_header;
mod layout;
mod planning;
mod projection;

pub use crate::export::board::{
    BoardFilter, BoardIndex, LaneKey, Swimlane, card_label, column_count_text,
};
pub use drag::{CardDrag, DropTarget, drop_edit, new_position};
pub use planning::{SprintDraft, capacity_text, move_unfinished, next_sprint};

use super::ViewContext;
use super::background::Background;
use crate::export::BoardSettings;
use crate::model::{Task, TaskId};
use card::{CardLook, paint_card};
use egui::{ComboBox, LayerId, Order, Rect, Ui, vec2};
use std::collections::HashSet;
use std::sync::Arc;

/// A title being edited in place on a card.
#[derive(Clone, Debug, PartialEq, Eq)]
struct TitleDraft {
    id: TaskId,
    text: String,
    focused: bool,
}

impl TitleDraft {
    fn new(task: &Task) -> Self {
        Self {
            id: task.id.clone(),
            text: task.title.clone(),
            focused: false,
        }
    }
}

/// A task title being typed in a cell's quick-add row.
#[derive(Clone, Debug, PartialEq, Eq)]
struct QuickAdd {
    lane: usize,
    column: usize,
    text: String,
    focused: bool,
}

type IndexKey = (u64, BoardFilter, Swimlane, bool);

/// Everything the board remembers between frames.
#[derive(Debug, Default)]
pub struct BoardState {
    /// Planning mode: backlog and sprint panels instead of status columns.
    pub planning: bool,
    /// What the lanes are made of.
    pub swimlane: Swimlane,
    /// Which cards are shown.
    pub filter: BoardFilter,
    /// Collapsed lanes.
    pub collapsed: HashSet<LaneKey>,
    editing: Option<TitleDraft>,
    quick_add: Option<QuickAdd>,
    hover: Option<DropTarget>,
    wip_draft: String,
    new_sprint: Option<SprintDraft>,
    /// The cards in lanes and columns, and the number of tasks the plan had when they were sorted.
    index: Arc<(usize, BoardIndex)>,
    index_key: Option<IndexKey>,
    lanes: Background<IndexKey, (usize, BoardIndex)>,
    announcer: announce::Announcer,
    projection: projection::Projection,
}

impl BoardState {
    /// Sorts the cards into lanes and columns again when the plan, filter, lanes or mode changed
    /// (never per frame); for a large plan on a worker thread, the old lanes staying meanwhile.
    fn refresh_index(&mut self, ctx: &ViewContext<'_>, repaint: &egui::Context) {
        let swimlane = if self.planning {
            Swimlane::Sprint
        } else {
            self.swimlane
        };
        let key = (
            ctx.derived.revision,
            self.filter.clone(),
            swimlane,
            self.planning,
        );
        if self.index_key.as_ref() != Some(&key) {
            self.quick_add = None;
            self.index_key = Some(key.clone());
        }
        let plan = Arc::clone(ctx.plan);
        let blocked_by = Arc::clone(&ctx.derived.unfinished_prerequisites);
        let (filter, by_status) = (self.filter.clone(), !self.planning);
        let on_worker = plan.tasks.len() >= ctx.derived.background_from;
        let built = self.lanes.get(&key, on_worker, repaint, move || {
            let blocked = |id: &TaskId| blocked_by.contains_key(id);
            let index = BoardIndex::build(&plan, &blocked, &filter, swimlane, by_status);
            (plan.tasks.len(), index)
        });
        if let Some(built) = built {
            self.index = built;
        }
    }

    /// True when the lanes shown were sorted for the newest plan, filter and mode.
    fn index_current(&self) -> bool {
        self.index_key
            .as_ref()
            .is_some_and(|key| !self.lanes.is_updating(key))
    }

    /// The cards in lanes and columns, as last sorted.
    fn index(&self) -> &BoardIndex {
        &self.index.1
    }

    /// True when the lanes shown were sorted for a plan with as many tasks as this one: their
    /// task indices fit (while a worker sorts a plan that gained or lost tasks, they do not).
    fn index_fits(&self, ctx: &ViewContext<'_>) -> bool {
        self.index.0 == ctx.plan.tasks.len()
    }

    /// What an export of the board shows: the status columns with the lanes, filter and collapsed lanes
    /// the window shows (in planning mode too, where the window shows the backlog and sprints).
    pub fn export_settings(&self) -> BoardSettings {
        BoardSettings {
            swimlane: self.swimlane,
            filter: self.filter.clone(),
            collapsed: self.collapsed.clone(),
            ..BoardSettings::default()
        }
    }

    /// Where the projected sprints end in the backlog; remade when the derived facts change.
    fn projection(&mut self, ctx: &ViewContext<'_>) -> &projection::Projection {
        let revision = ctx.derived.revision;
        if self.projection.revision != revision || revision == 0 {
            self.projection =
                projection::Projection::of(ctx.plan, ctx.derived.velocity.as_deref(), revision);
        }
        &self.projection
    }

    /// Whether cards sit in lanes (sprints in planning mode, or the chosen swimlanes).
    fn lanes_shown(&self) -> bool {
        self.planning || self.swimlane != Swimlane::None
    }
}

/// Draws the board: toolbar, then the status columns or the planning view; applies a drop once, after.
pub fn board_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut BoardState) {
    state.refresh_index(ctx, ui.ctx());
    let lanes_shown = state.lanes_shown();
    // A move is announced from the lanes sorted after it, not from the ones shown while a worker
    // sorts them (which would give the card's place before the move).
    if state.index_fits(ctx) && state.index_current() {
        state
            .announcer
            .update(ctx.plan, &state.index.1, ctx.derived.revision, lanes_shown);
    }
    toolbar_ui(ui, ctx, state);
    ui.separator();
    state.refresh_index(ctx, ui.ctx());
    if !state.index_fits(ctx) {
        ui.weak("Sorting the cards into lanes…");
        return;
    }
    let index = Arc::clone(&state.index);
    let index = &index.1;
    state.hover = None;
    if index.columns.is_empty() {
        ui.weak("This plan's legend has no statuses, so the board has no columns.");
    } else if state.planning {
        planning::planning_ui(ui, ctx, state, index);
    } else {
        columns::board_columns_ui(ui, ctx, state, index);
    }
    keyboard::keyboard_moves(ui, ctx, state, index);
    finish_drag(ui, ctx, state, index);
}

fn toolbar_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut BoardState) {
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.planning, false, "Board");
        ui.selectable_value(&mut state.planning, true, "Planning");
        ui.separator();
        if !state.planning {
            let label = ui.label("Lanes");
            ComboBox::from_id_salt("board-lanes")
                .selected_text(state.swimlane.label())
                .show_ui(ui, |ui| {
                    for lane in Swimlane::ALL {
                        ui.selectable_value(&mut state.swimlane, lane, lane.label());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.separator();
        }
        let index = state.index();
        ui.label(if index.shown == index.total {
            format!("{} tasks", index.total)
        } else {
            format!("{} of {} tasks", index.shown, index.total)
        });
        if let Some(key) = &state.index_key
            && state.lanes.is_updating(key)
        {
            ui.weak("updating…")
                .on_hover_text("The cards are being sorted into lanes for the latest change");
        }
        state.announcer.ui(ui);
    });
    ui.horizontal_wrapped(|ui| {
        let owners = state.index().owners.clone();
        filters::filter_bar_ui(ui, ctx.plan, &owners, &mut state.filter);
    });
}

/// Paints the carried card at the pointer and, on release over a target, pushes the one edit that
/// moves it. Released anywhere else, the drag is cancelled.
fn finish_drag(ui: &Ui, ctx: &mut ViewContext<'_>, state: &mut BoardState, index: &BoardIndex) {
    let Some(carried) = egui::DragAndDrop::payload::<CardDrag>(ui.ctx()) else {
        return;
    };
    let Some(task) = ctx.plan.task(&carried.0) else {
        return;
    };
    if ui.input(|i| i.pointer.any_released()) {
        egui::DragAndDrop::clear_payload(ui.ctx());
        if let Some(edit) = state
            .hover
            .take()
            .and_then(|target| drop_edit(ctx.plan, index, &task.id, target, super::now()))
        {
            ctx.edit(edit);
            state.announcer.moved(task.id.clone(), ctx.derived.revision);
        }
        return;
    }
    if let Some(pointer) = ui.ctx().pointer_latest_pos() {
        let layer = LayerId::new(Order::Tooltip, ui.scope_id().with("carried-card"));
        let painter = ui.ctx().layer_painter(layer);
        let rect =
            Rect::from_min_size(pointer - vec2(20.0, 14.0), vec2(220.0, layout::CARD_HEIGHT));
        let look = CardLook {
            waiting_on: ctx
                .derived
                .unfinished_prerequisites
                .get(&task.id)
                .map(Vec::as_slice),
            selected: true,
            faded: false,
        };
        paint_card(&painter, ui.visuals(), ctx.plan, task, look, rect);
    }
}
