//! The rows of a timeline: group headings and tasks (Gantt), or phases (roadmap), in order.
//! Built once per plan revision and settings; a frame lays out only the rows it shows.

use super::{GroupBy, TimelineMode, TimelineOptions};
use crate::analysis::{DatedSchedule, Span};
use crate::model::Plan;
use std::collections::HashMap;

/// One row of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    /// A group heading with the tasks under it.
    Group(Group),
    /// A task, indented by how deep it is in its parent chain.
    Task {
        /// Index in `plan.tasks`.
        index: usize,
        /// 0 for a top-level task, 1 for a subtask…
        depth: u8,
    },
    /// A phase (roadmap).
    Phase(usize),
    /// A sprint (roadmap of a plan without phases).
    Sprint(usize),
}

/// A group heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// A key that stays the same across revisions ("phase:P1", "owner:Ana"), for collapsing.
    pub key: String,
    /// What the heading says.
    pub label: String,
    /// The days the group spans.
    pub span: Option<Span>,
    /// How many tasks it holds.
    pub count: usize,
    /// True when its tasks are hidden.
    pub collapsed: bool,
}

/// The rows, and where each task is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rows {
    /// Rows in order.
    pub rows: Vec<Row>,
    /// The row of each task (by index in `plan.tasks`), when it has one.
    pub task_row: Vec<Option<u32>>,
}

impl Rows {
    /// The rows of a plan in a mode and grouping.
    pub fn build(plan: &Plan, dated: &DatedSchedule, options: &TimelineOptions) -> Self {
        let mut rows = Vec::new();
        match options.mode {
            TimelineMode::Roadmap if plan.phases.is_empty() => {
                rows.extend((0..plan.sprints.len()).map(Row::Sprint));
            }
            TimelineMode::Roadmap => rows.extend((0..plan.phases.len()).map(Row::Phase)),
            TimelineMode::Gantt => gantt_rows(plan, dated, options, &mut rows),
        }
        Self::from_rows(rows, plan.tasks.len())
    }

    /// Rows in a given order, with each task's row found.
    fn from_rows(rows: Vec<Row>, task_count: usize) -> Self {
        let mut task_row = vec![None; task_count];
        for (at, row) in rows.iter().enumerate() {
            if let Row::Task { index, .. } = row {
                task_row[*index] = Some(at as u32);
            }
        }
        Self { rows, task_row }
    }

    /// Only one group: its heading and the rows under it (all rows when no group has the key).
    #[must_use]
    pub fn only_group(&self, key: &str) -> Self {
        let Some(start) = self
            .rows
            .iter()
            .position(|row| matches!(row, Row::Group(group) if group.key == key))
        else {
            return self.clone();
        };
        let end = self.rows[start + 1..]
            .iter()
            .position(|row| matches!(row, Row::Group(_)))
            .map_or(self.rows.len(), |offset| start + 1 + offset);
        Self::from_rows(self.rows[start..end].to_vec(), self.task_row.len())
    }

    /// The group heading rows' keys, in order.
    pub fn group_keys(&self) -> Vec<&str> {
        self.rows
            .iter()
            .filter_map(|row| match row {
                Row::Group(group) => Some(group.key.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// One group before it becomes rows.
struct Bucket {
    key: String,
    label: String,
    span: Option<Span>,
    tasks: Vec<usize>,
}

fn gantt_rows(plan: &Plan, dated: &DatedSchedule, options: &TimelineOptions, rows: &mut Vec<Row>) {
    let buckets = match options.group_by {
        GroupBy::None => {
            let all: Vec<usize> = (0..plan.tasks.len()).collect();
            push_tasks(plan, &all, rows);
            return;
        }
        GroupBy::Phase => by_phase(plan, dated),
        GroupBy::Sprint => by_sprint(plan, dated),
        GroupBy::Milestone => by_milestone(plan, dated),
        GroupBy::Owner => by_owner(plan),
    };
    for bucket in buckets {
        let collapsed = options.collapsed.contains(&bucket.key);
        let span = bucket.span.or_else(|| tasks_span(dated, &bucket.tasks));
        rows.push(Row::Group(Group {
            key: bucket.key,
            label: bucket.label,
            span,
            count: bucket.tasks.len(),
            collapsed,
        }));
        if !collapsed {
            push_tasks(plan, &bucket.tasks, rows);
        }
    }
}

fn push_tasks(plan: &Plan, tasks: &[usize], rows: &mut Vec<Row>) {
    let index_of: HashMap<_, _> = plan
        .tasks
        .iter()
        .enumerate()
        .map(|(index, task)| (&task.id, index))
        .collect();
    for &index in tasks {
        let mut depth = 0u8;
        let mut at = index;
        while let Some(parent) = plan.tasks[at].parent.as_ref().and_then(|p| index_of.get(p)) {
            depth += 1;
            at = *parent;
            if depth >= 4 {
                break;
            }
        }
        rows.push(Row::Task { index, depth });
    }
}

fn union(a: Option<Span>, b: Option<Span>) -> Option<Span> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Span {
            start: a.start.min(b.start),
            finish: a.finish.max(b.finish),
        }),
        (a, b) => a.or(b),
    }
}

fn tasks_span(dated: &DatedSchedule, tasks: &[usize]) -> Option<Span> {
    tasks
        .iter()
        .filter_map(|&index| dated.tasks[index])
        .map(|dates| Span {
            start: dates.start,
            finish: dates.finish,
        })
        .reduce(|a, b| Span {
            start: a.start.min(b.start),
            finish: a.finish.max(b.finish),
        })
}

fn by_phase(plan: &Plan, dated: &DatedSchedule) -> Vec<Bucket> {
    let mut tasks: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut loose = Vec::new();
    for (index, task) in plan.tasks.iter().enumerate() {
        match task.phase.as_ref().filter(|p| plan.phase(p).is_some()) {
            Some(phase) => tasks.entry(phase.as_str()).or_default().push(index),
            None => loose.push(index),
        }
    }
    let mut buckets: Vec<Bucket> = plan
        .phases
        .iter()
        .enumerate()
        .map(|(at, phase)| Bucket {
            key: format!("phase:{}", phase.id),
            label: phase.name.clone(),
            span: union(dated.phases[at], dated.phase_work[at]),
            tasks: tasks.remove(phase.id.as_str()).unwrap_or_default(),
        })
        .filter(|bucket| !bucket.tasks.is_empty() || bucket.span.is_some())
        .collect();
    push_rest(&mut buckets, "phase:", "No phase", loose);
    buckets
}

fn by_sprint(plan: &Plan, dated: &DatedSchedule) -> Vec<Bucket> {
    let mut tasks: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut loose = Vec::new();
    for (index, task) in plan.tasks.iter().enumerate() {
        match task.sprint.as_ref().filter(|s| plan.sprint(s).is_some()) {
            Some(sprint) => tasks.entry(sprint.as_str()).or_default().push(index),
            None => loose.push(index),
        }
    }
    let mut buckets: Vec<Bucket> = plan
        .sprints
        .iter()
        .enumerate()
        .map(|(at, sprint)| Bucket {
            key: format!("sprint:{}", sprint.id),
            label: sprint.name.clone(),
            span: dated.sprints[at],
            tasks: tasks.remove(sprint.id.as_str()).unwrap_or_default(),
        })
        .collect();
    push_rest(&mut buckets, "sprint:", "Backlog", loose);
    buckets
}

fn by_milestone(plan: &Plan, dated: &DatedSchedule) -> Vec<Bucket> {
    let mut placed = vec![false; plan.tasks.len()];
    let mut buckets: Vec<Bucket> = plan
        .milestones
        .iter()
        .enumerate()
        .map(|(at, milestone)| {
            let mut tasks: Vec<usize> = milestone
                .tasks
                .iter()
                .filter_map(|id| plan.task_index(id))
                .chain(
                    plan.tasks
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| {
                            t.phase
                                .as_ref()
                                .is_some_and(|p| milestone.phases.contains(p))
                        })
                        .map(|(index, _)| index),
                )
                .filter(|&index| !std::mem::replace(&mut placed[index], true))
                .collect();
            tasks.sort_unstable();
            let date = dated.milestones[at].map(|m| m.date);
            let span = tasks_span(dated, &tasks)
                .map(|s| Span {
                    start: s.start.min(date.unwrap_or(s.start)),
                    finish: s.finish.max(date.unwrap_or(s.finish)),
                })
                .or_else(|| {
                    date.map(|d| Span {
                        start: d,
                        finish: d,
                    })
                });
            Bucket {
                key: format!("milestone:{}", milestone.id),
                label: milestone.name.clone(),
                span,
                tasks,
            }
        })
        .collect();
    let loose = (0..plan.tasks.len()).filter(|&i| !placed[i]).collect();
    push_rest(
        &mut buckets,
        "milestone:",
        "Not linked to a milestone",
        loose,
    );
    buckets
}

fn by_owner(plan: &Plan) -> Vec<Bucket> {
    let mut owners: std::collections::BTreeMap<String, Vec<usize>> =
        std::collections::BTreeMap::new();
    let mut loose = Vec::new();
    for (index, task) in plan.tasks.iter().enumerate() {
        let owner = task.owner.trim();
        if owner.is_empty() {
            loose.push(index);
        } else {
            owners.entry(owner.to_owned()).or_default().push(index);
        }
    }
    let mut buckets: Vec<Bucket> = owners
        .into_iter()
        .map(|(owner, tasks)| Bucket {
            key: format!("owner:{owner}"),
            label: owner,
            span: None,
            tasks,
        })
        .collect();
    push_rest(&mut buckets, "owner:", "Unassigned", loose);
    buckets
}

/// Adds the bucket of tasks that fit no group, when there are any.
fn push_rest(buckets: &mut Vec<Bucket>, prefix: &str, label: &str, tasks: Vec<usize>) {
    if !tasks.is_empty() {
        buckets.push(Bucket {
            key: format!("{prefix}∅"),
            label: label.to_owned(),
            span: None,
            tasks,
        });
    }
}
