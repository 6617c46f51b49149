//! Derived facts about a plan: the dependency graph, loops, the schedule and critical path, the graph
//! layout, validity checks, summary counts and velocity.
//! Pure functions of a [`crate::model::Plan`]; the app caches them on the plan's revision.

mod blocking;
mod check;
mod dated;
mod diff;
mod facts;
mod graph;
mod layout;
mod phases;
mod schedule;
mod stats;
pub mod velocity;

pub use blocking::unfinished_prerequisites;
pub use check::{Problem, check_plan, check_with};
pub use dated::{
    DatedOptions, DatedSchedule, MilestoneDates, Placement, Span, TaskDates, assumed_start,
};
pub use diff::{TaskChanges, task_changes};
pub use facts::Analysis;
pub use graph::{DependencyGraph, dependency_chain, format_loop, loop_if_added};
pub use layout::{GraphLayout, NODE_SIZE};
pub use phases::phase_edges;
pub use schedule::{EPSILON, Schedule, TaskTimes};
pub use stats::PlanStats;
