//! The plan document: plain data, no UI, no files.
//!
//! A [`Plan`] holds everything a planning document carries: metadata, the status legend, phases, sprints,
//! milestones, tasks, velocity, status history, registers (blockers, risks, metrics…) and free notes.

mod append_log;
mod calendar;
mod conflict;
mod generate;
mod id_index;
mod ids;
mod lane_limit;
mod plan;
mod print;
mod records;
mod shift;
mod status;
mod structure;
mod task;
mod task_list;

pub use append_log::AppendLog;
pub use calendar::{Calendar, DEFAULT_WORK_WEEK, monday_of, shift};
pub use conflict::{Conflict, PathStep, Side};
pub use generate::{SplitMix, generate_plan};
pub use ids::{MilestoneId, PhaseId, SprintId, StatusKey, TaskId};
pub use lane_limit::LaneLimit;
pub use plan::{MetaEntry, Plan, PlanMeta};
pub use print::{LegendPages, PageSetup, Paper, PrintRange, PrintRows, PrintScale};
pub use records::{
    Blocker, Cadence, Idea, KnownIssue, Link, LogEntry, Metric, NoteSection, Risk, ScopeChange,
    ScopeChangeKind, StatusChange, VelocityRecord,
};
pub use status::{StatusCategory, StatusDef, default_legend};
pub use structure::{Milestone, Phase, Sprint, WeekRange};
pub use task::{ChecklistItem, Estimate, Field, Priority, Task, ThreePoint};
pub use task_list::TaskList;
