//! Derived facts about a plan: the dependency graph, loops, validity checks and summary counts.
//! Pure functions of a [`crate::model::Plan`]; the app caches them on the plan's revision.

mod blocking;
mod check;
mod graph;
mod stats;

pub use blocking::unfinished_prerequisites;
pub use check::{Problem, check_plan};
pub use graph::{DependencyGraph, dependency_chain, format_loop, loop_if_added};
pub use stats::PlanStats;
