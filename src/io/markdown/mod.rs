//! Markdown plan documents in and out.
//!
//! [`import_markdown`] reads the dialects project leads write (PLAN templates with status words,
//! roadmaps with ✅/❌ and sprints of sessions, progress trackers with modules, week ranges,
//! milestones, velocity and register tables, milestone checklists with phases, metrics and
//! risks, task tables); [`export_markdown`] writes a plan in a form the importer reads back to the same plan.
//!
//! # Rules the importer follows
//!
//! - **Legend first.** A `Legend:` line (`🔴 Not Started | 🟢 Complete`), a "Status Legend"
//!   section (`- **DONE** - …`) or Waymark's legend table becomes the plan's legend (emoji become
//!   aliases). Without one the default legend is used. Checkboxes and well-known words map to the
//!   legend's first status of their category; a category the legend lacks gets Waymark's status
//!   (with a warning); an unknown status word is added to the legend (with a warning).
//! - **Headings.** `Phase 1: …`, `Module 0: …`, `Epic …`, `Current Phase: X` open a phase;
//!   `Sprint 2: … (v0.5.0)` a sprint; `Milestone 3: … (Week 6)` a milestone. `(Week 3-4)` gives
//!   week ranges, `{#id}` an explicit id. Known section words (legend, velocity, blockers, known
//!   issues, update log, metrics, reviews, risks, ideas, links, notes) open registers; "Tasks",
//!   "Milestones", "Sprints" only hold things. Any other heading (`#### Database Setup`,
//!   `### 1.1 Project Infrastructure`) is a **group**: tasks under it get `Task::group`, nested
//!   groups joined with ` / ` (groups restart under each phase or sprint). A group heading whose
//!   body has a `**Status**:` line is itself a task (the PLAN template's feature headings).
//! - **List items.** A checkbox item, or a plain item starting with a status emoji (✅ ❌ 🔄 …),
//!   is a task; nested under a task it is a **subtask** (`parent`). Under a milestone it is a
//!   criterion, under "Ideas" an idea, after `**Acceptance Criteria**:` a checklist item.
//!   A **plain bullet under a task is a checklist item** (unticked), so a sprint's sessions
//!   (`- [ ] **Session 1: …**`) are tasks of the sprint and their bullets their checklists.
//!   `**Key**: value` bullets under a task are its fields (whatever the value ends with: a
//!   trailing status emoji makes no task of a field); a bold label item
//!   (`1. **Core Infrastructure**:`) groups the items nested under it.
//! - **Fields.** Status, Description, Notes, Dependencies/Depends on, Completed, Priority, Owner,
//!   Sprint, Estimate, Start/Target Start, Due/Target End, Tags, Artifacts, Verification, Hints,
//!   Parent; any other bold field is kept in `Task::fields` (phases: `Phase::fields`, e.g.
//!   Progress). `Last Updated:`, `Current Sprint:` and fields before the first section are
//!   plan metadata.
//! - **Dependencies** name tasks by id, by exact title or by words only one title holds
//!   ("Authentication must be complete first"); phases by id, name or `Module 0, 1` numbers, or
//!   "all previous modules". A phase's "Blockers" bullet `Depends on …` is a phase dependency.
//!   What cannot be resolved is kept as a field and reported with its line. **In prose**
//!   (`prose.rs`), "blocked by X", "blocked on X", "after X is done" in a task's title,
//!   description or bullets make it depend on X, and "must complete before Y" makes Y depend on
//!   it (a bullet that is only such a phrase is not a checklist item); an unresolved one is kept
//!   as a `Dependencies` or `Must complete before` field. Titles are looked up through a map and
//!   a trigram index (`lookup.rs`), so references by words cost linear time.
//! - **Sprint calendars** (`calendar.rs`): `- Sprint 04 (2 weeks): 2026-03-02 → 2026-03-13`,
//!   `**Sprint 02 (Feb 16-Feb 27):**`, `Sprint 5: 2026-04-06 - 2026-04-17` give sprints with
//!   start and end; items below a bold or plain sprint line (until the next heading or sprint
//!   line) are in that sprint. `Release 1 (Sprints 01-03)`, as a line or a heading, names the
//!   release those sprints ship (`Sprint::version`, when they name none). Dates (`dates.rs`)
//!   without a year take the nearest full date's year, else Last Updated's, else the nearest
//!   bare year; with none, the dates stay in the sprint's name, with a warning.
//! - **Inline statuses** (`inline.rs`): a status emoji or word in a heading (`### ✅ Auth`,
//!   `## Payments 🔄`, `### Search — ⏳`, `### Export - COMPLETE`) makes a group heading a task
//!   (its plain bullets its checklist) or gives a phase its status (a sprint: closed when done);
//!   register headings keep their emoji. `**Status**: shipped (commit abc123)` gives the status
//!   and keeps the rest in a `Status detail` field.
//! - **Outlines and continuations** (`outline.rs`): under a heading that names a status
//!   ("Completed", "Done", "Yet to complete", "To do", "Backlog", "In progress", "Blocked"), plain
//!   lines are tasks with that status, indentation giving subtasks, even where `CommonMark` sees
//!   indented code (fenced code and HTML stay notes); a date or range after a title gives due, or
//!   start and due. A paragraph under a task item (lazy lines, or indented after a blank line) is
//!   its description.
//! - **Tables** are recognised by their header cells; placeholder cells (`None`, `-`, `—`,
//!   `n/a`, `TBD`, blank) are empty and rows of placeholders are skipped. Register tables
//!   (blockers, known issues, update log, velocity, metrics, risks, reviews, links, status
//!   history, overall progress by phase) come first.
//! - **Task tables** (`task_tables.rs`): a table with a title column (Task, Story, Feature, Item,
//!   Deliverable, Title, Name…) and a status, owner, progress, id, date or priority column is one
//!   task per row. Columns are matched by meaning, case-insensitively: id/#/key, status/state
//!   (emoji, word or both, through the legend), progress/%, owner/assigned to/who, start,
//!   finish/end/due/target, priority, notes/comments, description, sprint/iteration (a sprint the
//!   plan lacks is added), phase/module/epic, points, estimate/hours, depends on/blocked by
//!   (resolved like dependency fields). Any other column is read as a task field of its header's
//!   name (so known field names such as Tags or Completed still work), and a value a column cannot
//!   take is kept under its header; a second column of one meaning ("Owner", then "Assignee")
//!   is kept as a field named with its column number. A row holding only `**Sprint 2**` or `Phase 2: Beta` opens
//!   that sprint or phase for the rows below; the headings above give the rows their phase, sprint
//!   and group as they do list items (under a heading task the rows are its subtasks). Several
//!   status columns (`iOS status`, `Web status`) give each status as a field and the least
//!   advanced one as the task's status (not started < blocked < in progress < done; dropped holds
//!   nothing back). A header that names tasks ("Task", "Story", not "Name") is never read as an
//!   overall-progress or velocity table even with a Phase or Planned column. A row without a
//!   title (or id) is kept as a note, with a warning on its line.
//! - **Anything else** is kept, in document order, as a note section under its heading, with a
//!   warning giving its first line. Waymark writes notes between `<!-- waymark:note -->` markers
//!   so they come back verbatim.
//! - **Notes stay in place.** Each note records its anchor (`NoteSection::after`): the last
//!   phase, sprint, milestone or register section before it (`phase:module-2`, `sprint:s2`,
//!   `milestone:m3`, `section:velocity`; empty for the top). The exporter writes each note at the
//!   end of its anchor's last block (after all of a phase's tasks, before the next section),
//!   keeping the notes' order; a note that cannot go there (its anchor is gone, or comes before
//!   the note before it in the export) follows the previous note and names its anchor in the
//!   marker (`<!-- waymark:note after="phase:x" -->`), so the round trip stays exact.
//! - **Section wording.** A register section's heading ("Checkpoints & Reviews", "📈 Velocity
//!   Tracking") and the heading sprints or milestones stand under ("Projected Development
//!   Sprints") are kept in `Plan::section_headings` when they differ from Waymark's own, and the
//!   exporter writes them instead of its own.
//!
//! - **`CommonMark` first.** A `CommonMark` parser (`pulldown-cmark`, with GFM tables, task lists and
//!   strikethrough) decides what each line is (`blocks.rs`): fenced and indented code, HTML blocks
//!   and comments are never tasks and are kept in the notes byte for byte; setext headings and
//!   tables without outer pipes are read like their other spellings.
//!
//! The reader then works line by line with explicit stacks (no recursion), so deep nesting and
//! large documents cost linear time.

mod blocks;
mod calendar;
pub(super) mod dates;
mod export;
mod fields;
mod headings;
mod import;
mod inline;
mod legend;
mod lookup;
mod outline;
mod positions;
mod prose;
mod resolve;
mod scan;
mod tables;
mod task_tables;
mod titles;
mod values;

pub use export::export_markdown;
pub use import::import_markdown;

/// Opens a note section Waymark wrote; its lines are kept verbatim until [`NOTE_END`].
const NOTE_START: &str = "<!-- waymark:note -->";
/// Opens a note section that names its anchor because it is not written right after it.
const NOTE_START_AFTER: &str = "<!-- waymark:note after=\"";
/// Closes a note section.
const NOTE_END: &str = "<!-- /waymark:note -->";

/// A line that opens a note section, with the anchor it names (plain markers name none).
struct NoteMarker(Option<String>);

/// Reads a note marker line.
fn note_marker(line: &str) -> Option<NoteMarker> {
    let line = line.trim_start();
    // Both markers open a comment: any other line is passed over without trimming its end.
    if !line.starts_with("<!--") {
        return None;
    }
    let line = line.trim_end();
    if line == NOTE_START {
        return Some(NoteMarker(None));
    }
    let anchor = line
        .strip_prefix(NOTE_START_AFTER)?
        .strip_suffix("\" -->")?;
    Some(NoteMarker(Some(
        anchor
            .replace("&#10;", "\n")
            .replace("&quot;", "\"")
            .replace("&amp;", "&"),
    )))
}

/// The marker that opens a note section, naming its anchor when `explicit`.
fn note_start(anchor: &str, explicit: bool) -> String {
    if explicit {
        let escaped = anchor
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('\n', "&#10;");
        format!("{NOTE_START_AFTER}{escaped}\" -->")
    } else {
        NOTE_START.to_owned()
    }
}
