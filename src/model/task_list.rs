//! The plan's tasks in a persistent vector (an RRB tree of chunks, [`imbl::Vector`]), each task
//! behind its own [`Arc`]: copying a plan costs a few pointers whatever its size, and changing a task
//! copies only that task and the chunk pointing at it when someone else (an analysis on a worker
//! thread, the recovery writer) still holds the old version. Inserting or removing in the middle
//! costs a logarithmic number of chunks, not a move of every later task.
//!
//! [`TaskList`] reads like a `Vec<Task>`: indexing, iteration, `push`, `insert`, `remove`,
//! `retain`. Mutable access (`tasks[i].title = …`, `iter_mut`) copies a task only if it is shared.

use super::Task;
use imbl::shared_ptr::DefaultSharedPtr as Shared;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ops::{Index, IndexMut};
use std::sync::Arc;

/// Tasks in board order, each behind its own [`Arc`] (copy on write per task).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskList(imbl::Vector<Arc<Task>>);

/// Borrows a shared task.
fn task_of(task: &Arc<Task>) -> &Task {
    task
}

/// A task to change, copied first when it is shared.
fn task_mut(task: &mut Arc<Task>) -> &mut Task {
    Arc::make_mut(task)
}

/// Iterates over the tasks of a [`TaskList`].
pub type Iter<'a> =
    std::iter::Map<imbl::vector::Iter<'a, Arc<Task>, Shared>, fn(&Arc<Task>) -> &Task>;
/// Iterates mutably over the tasks of a [`TaskList`], copying each shared task it yields.
pub type IterMut<'a> =
    std::iter::Map<imbl::vector::IterMut<'a, Arc<Task>, Shared>, fn(&mut Arc<Task>) -> &mut Task>;

impl TaskList {
    /// No tasks.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many tasks there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The tasks in order.
    pub fn iter(&self) -> Iter<'_> {
        self.0.iter().map(task_of as fn(&Arc<Task>) -> &Task)
    }

    /// The tasks in order, to change (each shared task is copied as it is reached).
    pub fn iter_mut(&mut self) -> IterMut<'_> {
        self.0
            .iter_mut()
            .map(task_mut as fn(&mut Arc<Task>) -> &mut Task)
    }

    /// The task at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&Task> {
        self.0.get(index).map(task_of)
    }

    /// The first task.
    pub fn first(&self) -> Option<&Task> {
        self.0.front().map(task_of)
    }

    /// The first task, to change.
    pub fn first_mut(&mut self) -> Option<&mut Task> {
        self.0.front_mut().map(task_mut)
    }

    /// The last task.
    pub fn last(&self) -> Option<&Task> {
        self.0.back().map(task_of)
    }

    /// Adds a task at the end.
    pub fn push(&mut self, task: Task) {
        self.0.push_back(Arc::new(task));
    }

    /// Inserts a task at `index`, moving the ones after it along (a pointer each).
    ///
    /// # Panics
    /// When `index` is past the end, like [`Vec::insert`].
    pub fn insert(&mut self, index: usize, task: Task) {
        self.0.insert(index, Arc::new(task));
    }

    /// Removes and returns the task at `index`.
    ///
    /// # Panics
    /// When `index` is out of bounds, like [`Vec::remove`].
    pub fn remove(&mut self, index: usize) -> Task {
        Arc::unwrap_or_clone(self.0.remove(index))
    }

    /// Changes the tasks `matches` picks with `change`; the others are only read, so a task shared
    /// with an older version of the plan is copied only when it is changed.
    pub fn update_where(
        &mut self,
        mut matches: impl FnMut(&Task) -> bool,
        mut change: impl FnMut(&mut Task),
    ) {
        let picked: Vec<usize> = self
            .iter()
            .enumerate()
            .filter(|(_, task)| matches(task))
            .map(|(index, _)| index)
            .collect();
        for index in picked {
            change(Arc::make_mut(&mut self.0[index]));
        }
    }

    /// Keeps only the tasks `keep` accepts, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&Task) -> bool) {
        self.0.retain(|task| keep(task));
    }

    /// Swaps two tasks.
    ///
    /// # Panics
    /// When either index is out of bounds, like [`Vec::swap`].
    pub fn swap(&mut self, a: usize, b: usize) {
        self.0.swap(a, b);
    }

    /// Removes and returns the last task.
    pub fn pop(&mut self) -> Option<Task> {
        self.0.pop_back().map(Arc::unwrap_or_clone)
    }

    /// Sorts the tasks stably with `compare`.
    pub fn sort_by(&mut self, mut compare: impl FnMut(&Task, &Task) -> std::cmp::Ordering) {
        let mut tasks: Vec<Arc<Task>> = self.0.iter().cloned().collect();
        tasks.sort_by(|a, b| compare(a, b));
        self.0 = tasks.into_iter().collect();
    }

    /// The tasks as a plain vector (each shared task is copied).
    pub fn to_vec(&self) -> Vec<Task> {
        self.iter().cloned().collect()
    }
}

impl Index<usize> for TaskList {
    type Output = Task;

    fn index(&self, index: usize) -> &Task {
        &self.0[index]
    }
}

impl IndexMut<usize> for TaskList {
    fn index_mut(&mut self, index: usize) -> &mut Task {
        Arc::make_mut(&mut self.0[index])
    }
}

impl<'a> IntoIterator for &'a TaskList {
    type Item = &'a Task;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut TaskList {
    type Item = &'a mut Task;
    type IntoIter = IterMut<'a>;

    fn into_iter(self) -> IterMut<'a> {
        self.iter_mut()
    }
}

impl IntoIterator for TaskList {
    type Item = Task;
    type IntoIter =
        std::iter::Map<imbl::vector::ConsumingIter<Arc<Task>, Shared>, fn(Arc<Task>) -> Task>;

    fn into_iter(self) -> Self::IntoIter {
        self.0
            .into_iter()
            .map(Arc::unwrap_or_clone as fn(Arc<Task>) -> Task)
    }
}

impl FromIterator<Task> for TaskList {
    fn from_iter<I: IntoIterator<Item = Task>>(tasks: I) -> Self {
        Self(tasks.into_iter().map(Arc::new).collect())
    }
}

impl From<Vec<Task>> for TaskList {
    fn from(tasks: Vec<Task>) -> Self {
        tasks.into_iter().collect()
    }
}

impl Serialize for TaskList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for TaskList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Task>::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaskId;

    fn task(id: &str) -> Task {
        Task {
            id: TaskId(id.to_owned()),
            ..Task::default()
        }
    }

    #[test]
    fn a_copy_shares_every_task_until_one_changes() {
        let original: TaskList = ["A", "B"].into_iter().map(task).collect();
        let mut copy = original.clone();
        assert!(Arc::ptr_eq(&original.0[0], &copy.0[0]));
        copy[1].title = "changed".to_owned();
        assert!(Arc::ptr_eq(&original.0[0], &copy.0[0]), "A is still shared");
        assert!(!Arc::ptr_eq(&original.0[1], &copy.0[1]), "B was copied");
        assert_eq!(original[1].title, "");
        assert_eq!(copy[1].title, "changed");
    }

    #[test]
    fn updating_some_tasks_copies_only_those() {
        let original: TaskList = ["A", "B", "C"].into_iter().map(task).collect();
        let mut copy = original.clone();
        copy.update_where(|t| t.id.as_str() != "B", |t| t.notes.push('!'));
        assert!(Arc::ptr_eq(&original.0[1], &copy.0[1]), "B was only read");
        assert!(!Arc::ptr_eq(&original.0[0], &copy.0[0]));
        assert_eq!((copy[0].notes.as_str(), copy[1].notes.as_str()), ("!", ""));
    }

    #[test]
    fn it_is_written_and_read_as_a_plain_sequence_of_tasks() {
        let tasks: TaskList = ["A", "B"].into_iter().map(task).collect();
        let text = ron::to_string(&tasks).expect("writes");
        assert_eq!(text, ron::to_string(&tasks.to_vec()).expect("writes"));
        let back: TaskList = ron::from_str(&text).expect("reads");
        assert_eq!(back, tasks);
    }
}
