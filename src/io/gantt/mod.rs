//! `GanttProject`'s `.gan` files: nested `<task>` elements, `<depend>` links, resources and allocations.
//!
//! What it carries: the plan's title, description and start date (the view date); phases as top-level
//! tasks with their tasks and subtasks nested inside; tasks with title, duration in days, completion,
//! priority, owner (a resource and an allocation), notes, dependencies (finish-to-start `depend`s);
//! milestones (`meeting="true"`) with their date and the tasks they gather. Waymark's ids, kinds,
//! status keys, exact hour estimates, start and due dates ride in custom columns (`Waymark ID`,
//! `Waymark kind`, `Waymark status`, `Waymark hours`, `Waymark start`, `Waymark due`), so an export
//! reads back to the same plan; other custom columns become task fields.
//!
//! What it cannot carry: sprints, velocity, status history, registers, notes sections, the legend,
//! hours per day, descriptions, checklists, tags, artifacts, graph positions, a milestone's phases.
//! Reading, start-to-start, finish-to-finish and start-to-finish links and lags are kept as plain
//! dependencies with a warning.

mod read;
mod write;

pub use read::import_gantt;
pub use write::export_gantt;

/// The custom columns Waymark writes, by name.
const COLUMN_ID: &str = "Waymark ID";
/// See [`COLUMN_ID`].
const COLUMN_KIND: &str = "Waymark kind";
/// See [`COLUMN_ID`].
const COLUMN_STATUS: &str = "Waymark status";
/// See [`COLUMN_ID`].
const COLUMN_HOURS: &str = "Waymark hours";
/// See [`COLUMN_ID`].
const COLUMN_START: &str = "Waymark start";
/// See [`COLUMN_ID`].
const COLUMN_DUE: &str = "Waymark due";

/// Every Waymark column, in the order they are declared.
const COLUMNS: [&str; 6] = [
    COLUMN_ID,
    COLUMN_KIND,
    COLUMN_STATUS,
    COLUMN_HOURS,
    COLUMN_START,
    COLUMN_DUE,
];
