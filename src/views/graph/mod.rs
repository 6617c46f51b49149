//! The dependency graph canvas: task cards laid out left to right, arrows from prerequisite to
//! dependant, the critical path, loops, and editing dependencies by drawing.
//!
//! `mod.rs` holds the view's state and the frame's outline; `toolbar.rs` the controls above the canvas,
//! `interact.rs` the pointer and keyboard, `draw.rs` the painting, `minimap.rs` the overview. The layout
//! itself is pure (`crate::analysis::GraphLayout`) and cached here on the plan revision.

mod camera;
mod draw;
mod edge_boxes;
mod interact;
mod minimap;
mod toolbar;

pub use camera::Camera;

use super::ViewContext;
use super::background::Background;
use crate::model::{PhaseId, Plan, SprintId, StatusKey, Task, TaskId};
use edge_boxes::LaidOut;
use egui::Ui;
use std::collections::HashSet;
use std::sync::Arc;

/// Below this zoom, cards are plain coloured boxes and edges cannot be picked one by one.
pub const DETAIL_ZOOM: f32 = 0.45;

/// Which tasks the canvas shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphFilter {
    /// Only this phase.
    pub phase: Option<PhaseId>,
    /// Only this sprint.
    pub sprint: Option<SprintId>,
    /// Only this status.
    pub status: Option<StatusKey>,
}

impl GraphFilter {
    /// Whether a task passes, by index.
    fn passes(&self, plan: &Plan, index: usize) -> bool {
        self.passes_task(&plan.tasks[index])
    }

    /// Whether a task passes the filter.
    fn passes_task(&self, task: &Task) -> bool {
        self.phase
            .as_ref()
            .is_none_or(|p| task.phase.as_ref() == Some(p))
            && self
                .sprint
                .as_ref()
                .is_none_or(|s| task.sprint.as_ref() == Some(s))
            && self.status.as_ref().is_none_or(|s| &task.status == s)
    }
}

/// A dependency picked on the canvas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickedEdge {
    /// The prerequisite.
    pub from: TaskId,
    /// The dependant.
    pub to: TaskId,
    /// True when the edge comes from a phase dependency (it cannot be deleted here).
    pub implied: bool,
}

/// Something the toolbar asks the canvas to do once it knows its size.
#[derive(Clone, Copy, Debug, PartialEq)]
enum CameraRequest {
    FitAll,
    ZoomToSelection,
    Zoom(f32),
    Focus(usize),
}

/// The graph view's own state: camera, cached layout, gestures in progress, toggles and filters.
#[derive(Debug)]
pub struct GraphState {
    /// Pan and zoom.
    pub camera: Camera,
    /// Highlight the critical path.
    pub show_critical: bool,
    /// Which tasks are shown.
    pub filter: GraphFilter,
    /// The search text.
    pub search: String,
    /// The dependency picked on the canvas (Delete removes it).
    pub picked_edge: Option<PickedEdge>,
    /// The last refusal or hint, shown in the toolbar.
    pub message: Option<String>,
    layout: Background<u64, LaidOut>,
    shown: Option<(u64, GraphFilter, Arc<Vec<bool>>)>,
    minimap_dots: Option<minimap::Dots>,
    lit: Option<(u64, usize, Arc<HashSet<usize>>)>,
    camera_request: Option<CameraRequest>,
    node_drag: Option<(usize, egui::Vec2)>,
    connecting: Option<usize>,
}

impl Default for GraphState {
    fn default() -> Self {
        Self {
            camera: Camera::default(),
            show_critical: true,
            filter: GraphFilter::default(),
            search: String::new(),
            picked_edge: None,
            message: None,
            layout: Background::default(),
            shown: None,
            minimap_dots: None,
            lit: None,
            camera_request: Some(CameraRequest::FitAll),
            node_drag: None,
            connecting: None,
        }
    }
}

impl GraphState {
    /// The layout for the plan revision in `ctx`, computed when the revision changed (never per
    /// frame); for a large plan on a worker thread, the previous layout staying meanwhile. `None`
    /// while no layout fits the plan's tasks.
    fn layout(&mut self, ctx: &ViewContext<'_>, repaint: &egui::Context) -> Option<Arc<LaidOut>> {
        let plan = Arc::clone(ctx.plan);
        let analysis = Arc::clone(&ctx.derived.analysis);
        let on_worker = plan.tasks.len() >= ctx.derived.background_from;
        self.layout
            .get(&ctx.derived.revision, on_worker, repaint, move || {
                LaidOut::compute(&plan, &analysis)
            })
            .filter(|laid| laid.layout.positions.len() == ctx.plan.tasks.len())
    }

    /// Which tasks pass the filter, by index; worked out when the plan or the filter changed.
    fn shown(&mut self, ctx: &ViewContext<'_>) -> Arc<Vec<bool>> {
        let revision = ctx.derived.revision;
        let unfiltered = self.filter == GraphFilter::default();
        if let Some((at, filter, shown)) = &mut self.shown
            && *filter == self.filter
            && (*at == revision || (unfiltered && shown.len() == ctx.plan.tasks.len()))
        {
            // With no filter every task is shown: the same list serves every revision, so what is
            // made from it (the minimap) is not made again.
            *at = revision;
            return Arc::clone(shown);
        }
        let shown: Arc<Vec<bool>> = Arc::new(if self.filter == GraphFilter::default() {
            vec![true; ctx.plan.tasks.len()]
        } else {
            ctx.plan
                .tasks
                .iter()
                .map(|task| self.filter.passes_task(task))
                .collect()
        });
        self.shown = Some((revision, self.filter.clone(), Arc::clone(&shown)));
        shown
    }

    /// The tasks lit when hovering a task: itself, everything upstream and everything downstream.
    fn lit(&mut self, ctx: &ViewContext<'_>, index: usize) -> Arc<HashSet<usize>> {
        let revision = ctx.derived.revision;
        if let Some((at, lit_index, lit)) = &self.lit
            && *at == revision
            && *lit_index == index
        {
            return Arc::clone(lit);
        }
        let analysis = &ctx.derived.analysis;
        let mut lit: HashSet<usize> = analysis.upstream(index).into_iter().collect();
        lit.extend(analysis.downstream(index));
        lit.insert(index);
        let lit = Arc::new(lit);
        self.lit = Some((revision, index, Arc::clone(&lit)));
        lit
    }
}

/// Draws the graph view: a toolbar and the canvas.
pub fn graph_ui(ui: &mut Ui, ctx: &mut ViewContext<'_>, state: &mut GraphState) {
    if ctx.derived.analysis.schedule.times.len() != ctx.plan.tasks.len() {
        ui.weak("The dependency analysis is not ready yet.");
        return;
    }
    let laid = state.layout(ctx, ui.ctx());
    let any_moved = laid.as_ref().is_some_and(|laid| laid.any_moved);
    toolbar::toolbar_ui(ui, ctx, state, any_moved);
    ui.separator();
    if ctx.plan.tasks.is_empty() {
        ui.weak("No tasks yet: add one with Ctrl+T.");
        return;
    }
    let Some(laid) = laid else {
        ui.weak("Laying out the graph…");
        return;
    };
    interact::canvas_ui(ui, ctx, state, &laid.layout, &laid.edges);
}
