//! Which tasks differ between two versions of a plan: added, removed and changed, by id.

use crate::model::{Plan, Task, TaskId};
use std::collections::HashMap;

/// How one version of a plan differs from another, task by task, in plan order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskChanges {
    /// Tasks only in the newer version, with their titles.
    pub added: Vec<(TaskId, String)>,
    /// Tasks only in the older version, with their titles.
    pub removed: Vec<(TaskId, String)>,
    /// Tasks in both whose fields differ, with their newer titles.
    pub changed: Vec<(TaskId, String)>,
}

impl TaskChanges {
    /// True when no task differs.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The tasks added, removed and changed from `before` to `after`.
pub fn task_changes(before: &Plan, after: &Plan) -> TaskChanges {
    let by_id = |plan: &Plan| -> HashMap<TaskId, usize> {
        plan.tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect()
    };
    let (old, new) = (by_id(before), by_id(after));
    let entry = |task: &Task| (task.id.clone(), task.title.clone());
    let mut changes = TaskChanges::default();
    for task in &after.tasks {
        match old.get(&task.id).map(|&i| &before.tasks[i]) {
            None => changes.added.push(entry(task)),
            Some(previous) if previous != task => changes.changed.push(entry(task)),
            Some(_) => {}
        }
    }
    changes.removed = before
        .tasks
        .iter()
        .filter(|t| !new.contains_key(&t.id))
        .map(entry)
        .collect();
    changes
}
