//! The views: each draws the plan and pushes [`Request`]s; none of them changes the plan.

mod background;
pub mod board;
mod context;
pub mod graph;
pub mod inspector;
mod scene_paint;
pub mod table;
pub mod timeline;
pub mod velocity;
pub mod widgets;

pub use background::spawn_worker;
pub use context::{Request, ViewContext, now};
pub use scene_paint::{paint_scene, scene_font_family, scene_font_family_of};

use egui::Key;
use serde::{Deserialize, Serialize};

/// The views of a plan the window can show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ViewKind {
    /// All tasks in a sortable table.
    #[default]
    Table,
    /// The sprint board.
    Board,
    /// The dependency graph canvas.
    Graph,
    /// Milestone timelines.
    Timeline,
    /// The velocity chart.
    Velocity,
}

impl ViewKind {
    /// Every view, in switcher order.
    pub const ALL: [Self; 5] = [
        Self::Table,
        Self::Board,
        Self::Graph,
        Self::Timeline,
        Self::Velocity,
    ];

    /// The view's name.
    pub fn title(self) -> &'static str {
        match self {
            Self::Table => "Table",
            Self::Board => "Board",
            Self::Graph => "Graph",
            Self::Timeline => "Timeline",
            Self::Velocity => "Velocity",
        }
    }

    /// What the view shows.
    pub fn description(self) -> &'static str {
        match self {
            Self::Table => "Every task in a sortable, filterable table",
            Self::Board => "The sprint board: cards in status columns, sprints and the backlog",
            Self::Graph => {
                "The dependency graph: tasks as nodes, dependencies as arrows, the critical path"
            }
            Self::Timeline => "Phases, tasks and milestones on a time axis",
            Self::Velocity => "Completed work per sprint or week, burndown and forecast",
        }
    }

    /// The key that, with Ctrl, shows the view.
    pub fn shortcut_key(self) -> Key {
        match self {
            Self::Table => Key::Num1,
            Self::Board => Key::Num2,
            Self::Graph => Key::Num3,
            Self::Timeline => Key::Num4,
            Self::Velocity => Key::Num5,
        }
    }
}
