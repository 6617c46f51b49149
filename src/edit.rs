//! Every change a person can make to a plan, as a value with a human label.
//!
//! Views never mutate the plan: they push [`Edit`]s, and [`crate::history::History`] applies them once per
//! frame, after drawing. An edit that would break the plan is refused with an [`EditError`] that says why.

use crate::analysis::{format_loop, loop_if_added};
use crate::io::{MergeError, resolve_conflict};
use crate::model::{
    ChecklistItem, LaneLimit, Milestone, MilestoneId, Phase, PhaseId, Plan, PlanMeta, Priority,
    ScopeChange, ScopeChangeKind, Side, Sprint, SprintId, StatusCategory, StatusChange, StatusDef,
    StatusKey, Task, TaskId,
};
use chrono::{NaiveDate, NaiveDateTime};
use thiserror::Error;

/// A change to one field of one task.
#[derive(Clone, Debug, PartialEq)]
pub enum TaskChange {
    /// New title.
    Title(String),
    /// New description.
    Description(String),
    /// New status, and when the change happened (recorded in the status history).
    Status {
        /// The new status key.
        to: StatusKey,
        /// When it changed.
        at: NaiveDateTime,
    },
    /// New priority.
    Priority(Option<Priority>),
    /// New owner.
    Owner(String),
    /// New phase.
    Phase(Option<PhaseId>),
    /// New sprint (none: back to the backlog), and when (recorded in the scope history).
    Sprint {
        /// The new sprint.
        to: Option<SprintId>,
        /// When it changed.
        at: NaiveDateTime,
    },
    /// New parent task.
    Parent(Option<TaskId>),
    /// New hour estimate, and when (recorded in the scope history).
    Hours {
        /// The new estimate.
        to: Option<f64>,
        /// When it changed.
        at: NaiveDateTime,
    },
    /// New point estimate, and when (recorded in the scope history).
    Points {
        /// The new estimate.
        to: Option<f64>,
        /// When it changed.
        at: NaiveDateTime,
    },
    /// New prerequisites, replacing the old list.
    DependsOn(Vec<TaskId>),
    /// New start date.
    Start(Option<NaiveDate>),
    /// New due date.
    Due(Option<NaiveDate>),
    /// New completion date.
    Completed(Option<NaiveDate>),
    /// New checklist.
    Checklist(Vec<ChecklistItem>),
    /// New artifacts.
    Artifacts(Vec<String>),
    /// New verification text.
    Verification(String),
    /// New notes.
    Notes(String),
    /// New hints.
    Hints(String),
    /// New tags.
    Tags(Vec<String>),
    /// New place of the task's card on the graph canvas (none: back to the automatic layout).
    GraphPosition(Option<[f32; 2]>),
}

impl TaskChange {
    /// The field's name as people say it.
    pub fn field_name(&self) -> &'static str {
        match self {
            Self::Title(_) => "title",
            Self::Description(_) => "description",
            Self::Status { .. } => "status",
            Self::Priority(_) => "priority",
            Self::Owner(_) => "owner",
            Self::Phase(_) => "phase",
            Self::Sprint { .. } => "sprint",
            Self::Parent(_) => "parent",
            Self::Hours { .. } => "hour estimate",
            Self::Points { .. } => "point estimate",
            Self::DependsOn(_) => "dependencies",
            Self::Start(_) => "start date",
            Self::Due(_) => "due date",
            Self::Completed(_) => "completion date",
            Self::Checklist(_) => "checklist",
            Self::Artifacts(_) => "artifacts",
            Self::Verification(_) => "verification",
            Self::Notes(_) => "notes",
            Self::Hints(_) => "hints",
            Self::Tags(_) => "tags",
            Self::GraphPosition(_) => "graph position",
        }
    }
}

/// One change a person makes to a plan; one undo step.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds a task at a board position (`None`: at the end).
    AddTask {
        /// The new task; its id must be unused.
        task: Box<Task>,
        /// Index in board order.
        index: Option<usize>,
    },
    /// Deletes a task; dependencies on it are removed and its subtasks move up to its parent.
    DeleteTask(TaskId),
    /// Changes one field of a task.
    UpdateTask {
        /// The task.
        id: TaskId,
        /// The change.
        change: TaskChange,
    },
    /// Moves a task to another place in board order.
    MoveTask {
        /// The task.
        id: TaskId,
        /// Its new index in board order (after removal from the old place).
        to: usize,
    },
    /// Makes `task` depend on `on`.
    AddDependency {
        /// The dependant.
        task: TaskId,
        /// The new prerequisite.
        on: TaskId,
    },
    /// Removes the dependency of `task` on `on`.
    RemoveDependency {
        /// The dependant.
        task: TaskId,
        /// The prerequisite to drop.
        on: TaskId,
    },
    /// Replaces the plan's metadata.
    SetMeta(Box<PlanMeta>),
    /// Replaces the status legend.
    SetLegend(Vec<StatusDef>),
    /// Adds a phase, or replaces the one with the same id.
    PutPhase(Box<Phase>),
    /// Deletes a phase; its tasks lose their phase.
    DeletePhase(PhaseId),
    /// Adds a sprint, or replaces the one with the same id.
    PutSprint(Box<Sprint>),
    /// Deletes a sprint; its tasks go back to the backlog.
    DeleteSprint(SprintId),
    /// Adds a milestone, or replaces the one with the same id.
    PutMilestone(Box<Milestone>),
    /// Deletes a milestone.
    DeleteMilestone(MilestoneId),
    /// Sets or removes the work-in-progress limit of one board swimlane.
    SetLaneWipLimit {
        /// What the lanes are made of: `sprint`, `phase`, `owner` or `priority`.
        lanes: String,
        /// The lane's key (a sprint or phase id, an owner, a priority such as `P1`; empty for the
        /// lane of tasks without one).
        lane: String,
        /// The new limit (at least 1); `None` removes it.
        limit: Option<u32>,
    },
    /// Resolves a merge conflict by keeping one side's value.
    ResolveConflict {
        /// The conflict's index in `Plan::conflicts`.
        index: usize,
        /// The side to keep.
        side: Side,
    },
    /// Closes a sprint as one undo step: records its velocity (a velocity record, replacing an
    /// earlier one for the sprint), marks it closed and moves its unfinished tasks to another sprint.
    CloseSprint {
        /// The sprint to close.
        sprint: SprintId,
        /// Where its unfinished tasks go; none leaves them where they are.
        move_unfinished_to: Option<SprintId>,
        /// When it is closed (the record counts up to this day; moves are recorded as carried over).
        at: NaiveDateTime,
    },
    /// Several edits applied together as one undo step.
    Batch {
        /// What the whole change is called.
        label: String,
        /// The edits, in order.
        edits: Vec<Edit>,
    },
}

/// Why an edit was refused. The plan is left as it was.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    /// The edit names a task the plan does not have.
    #[error("there is no task {0}")]
    UnknownTask(TaskId),
    /// A new task reuses an id.
    #[error("a task with id {0} already exists")]
    DuplicateId(TaskId),
    /// A task id is empty.
    #[error("a task needs an id")]
    EmptyId,
    /// The edit names a status the legend does not have.
    #[error("the legend has no status {0}")]
    UnknownStatus(StatusKey),
    /// The edit names a phase the plan does not have.
    #[error("there is no phase {0}")]
    UnknownPhase(PhaseId),
    /// The edit names a sprint the plan does not have.
    #[error("there is no sprint {0}")]
    UnknownSprint(SprintId),
    /// The edit names a milestone the plan does not have.
    #[error("there is no milestone {0}")]
    UnknownMilestone(MilestoneId),
    /// The dependency would close a loop; the loop is given in prerequisite → dependant order.
    #[error("that dependency would create a loop: {}", format_loop(.0))]
    Cycle(Vec<TaskId>),
    /// A task would become its own ancestor.
    #[error("{0} cannot be a subtask of itself or of its own subtasks")]
    ParentLoop(TaskId),
    /// A legend must keep at least one status and all statuses tasks use.
    #[error("the legend must keep every status tasks use (missing {0})")]
    LegendInUse(StatusKey),
    /// A WIP limit names a swimlane the plan does not have.
    #[error("there is no {0} lane {1:?}")]
    UnknownLane(String, String),
    /// A sprint's unfinished work cannot move into the sprint itself.
    #[error("unfinished work of sprint {0} must move to another sprint")]
    SameSprint(SprintId),
    /// A WIP limit of zero would leave no room at all.
    #[error("a WIP limit must be at least 1")]
    ZeroWipLimit,
    /// A merge conflict could not be resolved.
    #[error(transparent)]
    Conflict(#[from] MergeError),
}

impl Edit {
    /// A human label for the edit, such as "Move CHAT-003 to Done", read against the plan before it.
    pub fn label(&self, plan: &Plan) -> String {
        match self {
            Self::AddTask { task, .. } => format!("Add {}", task.id),
            Self::DeleteTask(id) => format!("Delete {id}"),
            Self::UpdateTask { id, change } => match change {
                TaskChange::Status { to, .. } => format!("Move {id} to {}", plan.status_label(to)),
                TaskChange::Sprint {
                    to: Some(sprint), ..
                } => {
                    let name = plan
                        .sprint(sprint)
                        .map_or(sprint.as_str(), |s| s.name.as_str());
                    format!("Move {id} to {name}")
                }
                TaskChange::Sprint { to: None, .. } => format!("Move {id} to the backlog"),
                TaskChange::GraphPosition(Some(_)) => format!("Move {id} on the graph"),
                other => format!("Change {} of {id}", other.field_name()),
            },
            Self::MoveTask { id, .. } => format!("Reorder {id}"),
            Self::AddDependency { task, on } => format!("Make {task} depend on {on}"),
            Self::RemoveDependency { task, on } => format!("Remove dependency of {task} on {on}"),
            Self::SetMeta(_) => "Change plan details".to_owned(),
            Self::SetLegend(_) => "Change status legend".to_owned(),
            Self::PutPhase(phase) => format!("Edit phase {}", phase.name),
            Self::DeletePhase(id) => format!("Delete phase {id}"),
            Self::PutSprint(sprint) => format!("Edit sprint {}", sprint.name),
            Self::DeleteSprint(id) => format!("Delete sprint {id}"),
            Self::PutMilestone(milestone) => format!("Edit milestone {}", milestone.name),
            Self::DeleteMilestone(id) => format!("Delete milestone {id}"),
            Self::SetLaneWipLimit { lanes, lane, limit } => {
                let name = plan.lane_name(lanes, lane).unwrap_or_else(|| lane.clone());
                match limit {
                    Some(limit) => format!("Set WIP limit of {name} to {limit}"),
                    None => format!("Remove WIP limit of {name}"),
                }
            }
            Self::ResolveConflict { index, side } => match plan.conflicts.get(*index) {
                Some(conflict) => format!("Keep {} for {}", side.label(), conflict.place()),
                None => "Resolve conflict".to_owned(),
            },
            Self::CloseSprint {
                sprint,
                move_unfinished_to,
                ..
            } => close_label(plan, sprint, move_unfinished_to.as_ref()),
            Self::Batch { label, .. } => label.clone(),
        }
    }

    /// Applies the edit. On error the plan may be partly changed: callers apply to a copy or restore
    /// (as [`crate::history::History`] does).
    pub fn apply(&self, plan: &mut Plan) -> Result<(), EditError> {
        match self {
            Self::AddTask { task, index } => add_task(plan, task, *index),
            Self::DeleteTask(id) => delete_task(plan, id),
            Self::UpdateTask { id, change } => update_task(plan, id, change),
            Self::MoveTask { id, to } => {
                let from = index_of(plan, id)?;
                let task = plan.tasks.remove(from);
                let to = (*to).min(plan.tasks.len());
                plan.tasks.insert(to, task);
                Ok(())
            }
            Self::AddDependency { task, on } => add_dependency(plan, task, on),
            Self::RemoveDependency { task, on } => {
                let index = index_of(plan, task)?;
                plan.tasks[index].depends_on.retain(|id| id != on);
                Ok(())
            }
            Self::SetMeta(meta) => {
                plan.meta = (**meta).clone();
                Ok(())
            }
            Self::SetLegend(legend) => set_legend(plan, legend),
            Self::PutPhase(phase) => {
                put_by_id(&mut plan.phases, phase, |p| &p.id);
                Ok(())
            }
            Self::DeletePhase(id) => delete_phase(plan, id),
            Self::PutSprint(sprint) => {
                put_by_id(&mut plan.sprints, sprint, |s| &s.id);
                Ok(())
            }
            Self::DeleteSprint(id) => delete_sprint(plan, id),
            Self::PutMilestone(milestone) => {
                put_by_id(&mut plan.milestones, milestone, |m| &m.id);
                Ok(())
            }
            Self::DeleteMilestone(id) => {
                let before = plan.milestones.len();
                plan.milestones.retain(|m| &m.id != id);
                if plan.milestones.len() == before {
                    return Err(EditError::UnknownMilestone(id.clone()));
                }
                Ok(())
            }
            Self::SetLaneWipLimit { lanes, lane, limit } => {
                set_lane_wip_limit(plan, lanes, lane, *limit)
            }
            Self::ResolveConflict { index, side } => Ok(resolve_conflict(plan, *index, *side)?),
            Self::CloseSprint {
                sprint,
                move_unfinished_to,
                at,
            } => close_sprint(plan, sprint, move_unfinished_to.as_ref(), *at),
            Self::Batch { edits, .. } => edits.iter().try_for_each(|edit| edit.apply(plan)),
        }
    }
}

fn index_of(plan: &Plan, id: &TaskId) -> Result<usize, EditError> {
    plan.task_index(id)
        .ok_or_else(|| EditError::UnknownTask(id.clone()))
}

fn put_by_id<T: Clone, K: PartialEq>(items: &mut Vec<T>, item: &T, key: impl Fn(&T) -> &K) {
    match items.iter().position(|existing| key(existing) == key(item)) {
        Some(index) => items[index] = item.clone(),
        None => items.push(item.clone()),
    }
}

fn add_task(plan: &mut Plan, task: &Task, index: Option<usize>) -> Result<(), EditError> {
    if task.id.as_str().trim().is_empty() {
        return Err(EditError::EmptyId);
    }
    if plan.task(&task.id).is_some() {
        return Err(EditError::DuplicateId(task.id.clone()));
    }
    check_references(plan, task)?;
    let index = index.unwrap_or(plan.tasks.len()).min(plan.tasks.len());
    plan.tasks.insert(index, task.clone());
    for on in &task.depends_on {
        if let Some(ids) = loop_if_added(plan, &task.id, on) {
            return Err(EditError::Cycle(ids));
        }
    }
    Ok(())
}

fn check_references(plan: &Plan, task: &Task) -> Result<(), EditError> {
    if plan.status(&task.status).is_none() {
        return Err(EditError::UnknownStatus(task.status.clone()));
    }
    if let Some(phase) = task.phase.as_ref().filter(|p| plan.phase(p).is_none()) {
        return Err(EditError::UnknownPhase(phase.clone()));
    }
    if let Some(sprint) = task.sprint.as_ref().filter(|s| plan.sprint(s).is_none()) {
        return Err(EditError::UnknownSprint(sprint.clone()));
    }
    if let Some(parent) = task.parent.as_ref().filter(|p| plan.task(p).is_none()) {
        return Err(EditError::UnknownTask(parent.clone()));
    }
    if let Some(missing) = task.depends_on.iter().find(|d| plan.task(d).is_none()) {
        return Err(EditError::UnknownTask(missing.clone()));
    }
    Ok(())
}

fn delete_task(plan: &mut Plan, id: &TaskId) -> Result<(), EditError> {
    let index = index_of(plan, id)?;
    let referring = referring_tasks(plan, index);
    remove_task(plan, index, &referring);
    Ok(())
}

/// The indices of the tasks that depend on the task at `index` or are its children.
pub(crate) fn referring_tasks(plan: &Plan, index: usize) -> Vec<usize> {
    let mut referring = plan.tasks.referring_to(&plan.tasks[index].id);
    referring.retain(|&at| at != index);
    referring
}

/// Removes the task at `index`, the dependencies on it from the tasks at `referring` (indices
/// before the removal, from [`referring_tasks`]) and its place in milestones; its children move up
/// to its parent. Only the referring tasks are touched, so a plan shared with an undo step or a
/// worker thread copies no other task.
pub(crate) fn remove_task(plan: &mut Plan, index: usize, referring: &[usize]) {
    let removed = plan.tasks.remove(index);
    let id = &removed.id;
    for &at in referring {
        let task = &mut plan.tasks[if at > index { at - 1 } else { at }];
        task.depends_on.retain(|on| on != id);
        if task.parent.as_ref() == Some(id) {
            task.parent.clone_from(&removed.parent);
        }
    }
    for milestone in &mut plan.milestones {
        milestone.tasks.retain(|task| task != id);
    }
}

fn update_task(plan: &mut Plan, id: &TaskId, change: &TaskChange) -> Result<(), EditError> {
    let index = index_of(plan, id)?;
    match change {
        TaskChange::Status { to, at } => return set_status(plan, index, to, *at),
        TaskChange::Phase(Some(phase)) if plan.phase(phase).is_none() => {
            return Err(EditError::UnknownPhase(phase.clone()));
        }
        TaskChange::Sprint {
            to: Some(sprint), ..
        } if plan.sprint(sprint).is_none() => {
            return Err(EditError::UnknownSprint(sprint.clone()));
        }
        TaskChange::Parent(Some(parent)) => check_parent(plan, id, parent)?,
        TaskChange::DependsOn(ids) => {
            plan.tasks[index].depends_on.clear();
            for on in ids {
                add_dependency(plan, id, on)?;
            }
            return Ok(());
        }
        TaskChange::Sprint { .. } | TaskChange::Hours { .. } | TaskChange::Points { .. } => {
            record_scope_change(plan, index, change);
        }
        _ => {}
    }
    let task = &mut plan.tasks[index];
    match change.clone() {
        TaskChange::Title(value) => task.title = value,
        TaskChange::Description(value) => task.description = value,
        TaskChange::Priority(value) => task.priority = value,
        TaskChange::Owner(value) => task.owner = value,
        TaskChange::Phase(value) => task.phase = value,
        TaskChange::Sprint { to, .. } => task.sprint = to,
        TaskChange::Parent(value) => task.parent = value,
        TaskChange::Hours { to, .. } => task.estimate.hours = to.filter(|h| h.is_finite()),
        TaskChange::Points { to, .. } => task.estimate.points = to.filter(|p| p.is_finite()),
        TaskChange::Start(value) => task.start = value,
        TaskChange::Due(value) => task.due = value,
        TaskChange::Completed(value) => task.completed = value,
        TaskChange::Checklist(value) => task.checklist = value,
        TaskChange::Artifacts(value) => task.artifacts = value,
        TaskChange::Verification(value) => task.verification = value,
        TaskChange::Notes(value) => task.notes = value,
        TaskChange::Hints(value) => task.hints = value,
        TaskChange::Tags(value) => task.tags = value,
        TaskChange::GraphPosition(value) => {
            task.graph_position = value.filter(|[x, y]| x.is_finite() && y.is_finite());
        }
        TaskChange::Status { .. } | TaskChange::DependsOn(_) => {}
    }
    Ok(())
}

/// Appends a sprint or estimate change to the scope history when it changes the task.
fn record_scope_change(plan: &mut Plan, index: usize, change: &TaskChange) {
    let task = &plan.tasks[index];
    let (kind, at) = match change {
        TaskChange::Sprint { to, at } if &task.sprint != to => (
            ScopeChangeKind::Sprint {
                from: task.sprint.clone(),
                to: to.clone(),
                carried: false,
            },
            at,
        ),
        TaskChange::Hours { to, at } if task.estimate.hours != to.filter(|h| h.is_finite()) => (
            ScopeChangeKind::Hours {
                from: task.estimate.hours,
                to: to.filter(|h| h.is_finite()),
            },
            at,
        ),
        TaskChange::Points { to, at } if task.estimate.points != to.filter(|p| p.is_finite()) => (
            ScopeChangeKind::Points {
                from: task.estimate.points,
                to: to.filter(|p| p.is_finite()),
            },
            at,
        ),
        _ => return,
    };
    let record = ScopeChange {
        task: task.id.clone(),
        at: *at,
        change: kind,
    };
    plan.scope_history.push(record);
}

fn check_parent(plan: &Plan, id: &TaskId, parent: &TaskId) -> Result<(), EditError> {
    let mut at = Some(parent);
    let mut steps = 0;
    while let Some(ancestor) = at {
        if ancestor == id || steps > plan.tasks.len() {
            return Err(EditError::ParentLoop(id.clone()));
        }
        let task = plan
            .task(ancestor)
            .ok_or_else(|| EditError::UnknownTask(ancestor.clone()))?;
        at = task.parent.as_ref();
        steps += 1;
    }
    Ok(())
}

fn set_status(
    plan: &mut Plan,
    index: usize,
    to: &StatusKey,
    at: NaiveDateTime,
) -> Result<(), EditError> {
    let category = plan
        .status(to)
        .ok_or_else(|| EditError::UnknownStatus(to.clone()))?
        .category;
    let task = &mut plan.tasks[index];
    if &task.status == to {
        return Ok(());
    }
    let change = StatusChange {
        task: task.id.clone(),
        from: task.status.clone(),
        to: to.clone(),
        at,
    };
    task.status = to.clone();
    if category == StatusCategory::Done {
        task.completed.get_or_insert(at.date());
    } else {
        task.completed = None;
    }
    plan.status_history.push(change);
    Ok(())
}

fn add_dependency(plan: &mut Plan, task: &TaskId, on: &TaskId) -> Result<(), EditError> {
    let index = index_of(plan, task)?;
    index_of(plan, on)?;
    if let Some(ids) = loop_if_added(plan, task, on) {
        return Err(EditError::Cycle(ids));
    }
    let depends_on = &mut plan.tasks[index].depends_on;
    if !depends_on.contains(on) {
        depends_on.push(on.clone());
    }
    Ok(())
}

fn set_legend(plan: &mut Plan, legend: &[StatusDef]) -> Result<(), EditError> {
    if let Some(task) = plan
        .tasks
        .iter()
        .find(|t| !legend.iter().any(|s| s.key == t.status))
    {
        return Err(EditError::LegendInUse(task.status.clone()));
    }
    plan.legend = legend.to_vec();
    Ok(())
}

fn set_lane_wip_limit(
    plan: &mut Plan,
    lanes: &str,
    lane: &str,
    limit: Option<u32>,
) -> Result<(), EditError> {
    let canonical = lanes != "priority"
        || lane.is_empty()
        || Priority::parse(lane).is_some_and(|p| p.to_string() == lane);
    if plan.lane_name(lanes, lane).is_none() || !canonical {
        return Err(EditError::UnknownLane(lanes.to_owned(), lane.to_owned()));
    }
    if limit == Some(0) {
        return Err(EditError::ZeroWipLimit);
    }
    plan.lane_wip_limits
        .retain(|l| l.lanes != lanes || l.lane != lane);
    if let Some(limit) = limit {
        plan.lane_wip_limits.push(LaneLimit {
            lanes: lanes.to_owned(),
            lane: lane.to_owned(),
            limit,
        });
        plan.lane_wip_limits.sort();
    }
    Ok(())
}

fn delete_phase(plan: &mut Plan, id: &PhaseId) -> Result<(), EditError> {
    let before = plan.phases.len();
    plan.phases.retain(|p| &p.id != id);
    if plan.phases.len() == before {
        return Err(EditError::UnknownPhase(id.clone()));
    }
    for task in plan
        .tasks
        .iter_mut()
        .filter(|t| t.phase.as_ref() == Some(id))
    {
        task.phase = None;
    }
    plan.lane_wip_limits
        .retain(|l| l.lanes != "phase" || l.lane != id.as_str());
    for phase in &mut plan.phases {
        phase.depends_on.retain(|p| p != id);
    }
    for milestone in &mut plan.milestones {
        milestone.phases.retain(|p| p != id);
    }
    Ok(())
}

/// The tasks of a sprint that are neither done nor dropped, in plan order.
fn unfinished_in(plan: &Plan, sprint: &SprintId) -> Vec<usize> {
    (0..plan.tasks.len())
        .filter(|&i| plan.tasks[i].sprint.as_ref() == Some(sprint))
        .filter(|&i| {
            !matches!(
                plan.category(&plan.tasks[i].status),
                StatusCategory::Done | StatusCategory::Dropped
            )
        })
        .collect()
}

fn close_label(plan: &Plan, sprint: &SprintId, to: Option<&SprintId>) -> String {
    let name = |id: &SprintId| plan.sprint(id).map_or(id.to_string(), |s| s.name.clone());
    let moved = unfinished_in(plan, sprint).len();
    match to {
        Some(to) if moved > 0 => {
            let tasks = if moved == 1 { "task" } else { "tasks" };
            format!(
                "Close {}, moving {moved} unfinished {tasks} to {}",
                name(sprint),
                name(to)
            )
        }
        _ => format!("Close {}", name(sprint)),
    }
}

fn close_sprint(
    plan: &mut Plan,
    sprint: &SprintId,
    to: Option<&SprintId>,
    at: NaiveDateTime,
) -> Result<(), EditError> {
    let index = plan
        .sprints
        .iter()
        .position(|s| &s.id == sprint)
        .ok_or_else(|| EditError::UnknownSprint(sprint.clone()))?;
    if let Some(to) = to {
        if to == sprint {
            return Err(EditError::SameSprint(to.clone()));
        }
        if plan.sprint(to).is_none() {
            return Err(EditError::UnknownSprint(to.clone()));
        }
    }
    let record = crate::analysis::velocity::sprint_close_record(plan, sprint, at.date());
    match plan
        .velocity
        .iter()
        .position(|r| r.sprint.as_ref() == Some(sprint))
    {
        Some(existing) => plan.velocity[existing] = record,
        None => plan.velocity.push(record),
    }
    plan.sprints[index].closed = true;
    let Some(to) = to else {
        return Ok(());
    };
    for i in unfinished_in(plan, sprint) {
        let task = &mut plan.tasks[i];
        task.sprint = Some(to.clone());
        let change = ScopeChange {
            task: task.id.clone(),
            at,
            change: ScopeChangeKind::Sprint {
                from: Some(sprint.clone()),
                to: Some(to.clone()),
                carried: true,
            },
        };
        plan.scope_history.push(change);
    }
    Ok(())
}

fn delete_sprint(plan: &mut Plan, id: &SprintId) -> Result<(), EditError> {
    let before = plan.sprints.len();
    plan.sprints.retain(|s| &s.id != id);
    if plan.sprints.len() == before {
        return Err(EditError::UnknownSprint(id.clone()));
    }
    plan.lane_wip_limits
        .retain(|l| l.lanes != "sprint" || l.lane != id.as_str());
    for task in plan
        .tasks
        .iter_mut()
        .filter(|t| t.sprint.as_ref() == Some(id))
    {
        task.sprint = None;
    }
    Ok(())
}
