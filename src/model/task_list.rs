//! The plan's tasks in a persistent vector (an RRB tree of chunks, [`imbl::Vector`]), each task
//! behind its own [`Arc`]: copying a plan costs a few pointers whatever its size, and changing a task
//! copies only that task and the chunk pointing at it when someone else (an analysis on a worker
//! thread, the recovery writer) still holds the old version. Inserting or removing in the middle
//! costs a logarithmic number of chunks, not a move of every later task.
//!
//! [`TaskList`] reads like a `Vec<Task>`: indexing, iteration, `push`, `insert`, `remove`,
//! `retain`. Mutable access (`tasks[i].title = …`, `iter_mut`) copies a task only if it is shared.

use super::id_index::{IdIndex, Positions, refers_to};
use super::{Task, TaskId};
use imbl::shared_ptr::DefaultSharedPtr as Shared;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ops::{Index, IndexMut};
use std::sync::{Arc, OnceLock};

/// Below this many tasks a lookup by id reads them all instead of building an index.
const INDEXED_FROM: usize = 64;

/// Tasks in board order, each behind its own [`Arc`] (copy on write per task), with an index of
/// their ids built on the first lookup and kept through later changes.
#[derive(Clone, Default)]
pub struct TaskList {
    /// The tasks.
    tasks: imbl::Vector<Arc<Task>>,
    /// Where each id is, once someone looked one up.
    index: OnceLock<IdIndex>,
}

impl Positions for imbl::Vector<Arc<Task>> {
    fn count(&self) -> usize {
        self.len()
    }

    fn at(&self, index: usize) -> Option<&Task> {
        self.get(index).map(task_of)
    }

    fn scan(&self, id: &TaskId) -> Option<usize> {
        self.iter().position(|task| &task.id == id)
    }
}

impl PartialEq for TaskList {
    fn eq(&self, other: &Self) -> bool {
        self.tasks == other.tasks
    }
}

impl std::fmt::Debug for TaskList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

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

    /// The position of the task with this id (with duplicate ids, one of them).
    pub fn position_of(&self, id: &TaskId) -> Option<usize> {
        if self.tasks.len() < INDEXED_FROM {
            return self.tasks.scan(id);
        }
        self.index
            .get_or_init(|| IdIndex::build(self.iter()))
            .find(&self.tasks, id)
    }

    /// Builds the index of ids now if there is none, e.g. on a worker thread holding a plan the UI
    /// thread shares, so that the UI's next lookup finds it made.
    pub fn index_ids(&self) {
        if self.tasks.len() >= INDEXED_FROM {
            self.index.get_or_init(|| IdIndex::build(self.iter()));
        }
    }

    /// The positions of the tasks that depend on `id` or have it as parent, in order.
    pub fn referring_to(&self, id: &TaskId) -> Vec<usize> {
        if self.tasks.len() < INDEXED_FROM {
            let refers = |(_, task): &(usize, &Task)| refers_to(task, id);
            return self
                .iter()
                .enumerate()
                .filter(refers)
                .map(|(at, _)| at)
                .collect();
        }
        self.index
            .get_or_init(|| IdIndex::build(self.iter()))
            .referring(&self.tasks, id)
    }

    /// Tells the index, if there is one, of a change about to be made; drops it when it asks to.
    fn tell_index(&mut self, change: impl FnOnce(&mut IdIndex, &imbl::Vector<Arc<Task>>) -> bool) {
        if let Some(index) = self.index.get_mut()
            && !change(index, &self.tasks)
        {
            self.index = OnceLock::new();
        }
    }

    /// How many tasks there are.
    pub fn len(&self) -> usize {
        self.tasks.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty()
    }

    /// The tasks in order.
    pub fn iter(&self) -> Iter<'_> {
        self.tasks.iter().map(task_of as fn(&Arc<Task>) -> &Task)
    }

    /// The tasks in order, to change (each shared task is copied as it is reached).
    pub fn iter_mut(&mut self) -> IterMut<'_> {
        self.index = OnceLock::new();
        self.tasks
            .iter_mut()
            .map(task_mut as fn(&mut Arc<Task>) -> &mut Task)
    }

    /// The task at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&Task> {
        self.tasks.get(index).map(task_of)
    }

    /// The first task.
    pub fn first(&self) -> Option<&Task> {
        self.tasks.front().map(task_of)
    }

    /// The first task, to change.
    pub fn first_mut(&mut self) -> Option<&mut Task> {
        self.tell_index(|index, tasks| index.touched(tasks, &[0]));
        self.tasks.front_mut().map(task_mut)
    }

    /// The last task.
    pub fn last(&self) -> Option<&Task> {
        self.tasks.back().map(task_of)
    }

    /// Adds a task at the end.
    pub fn push(&mut self, task: Task) {
        let end = self.tasks.len();
        self.tell_index(|index, tasks| index.inserted(tasks, end));
        self.tasks.push_back(Arc::new(task));
    }

    /// Inserts a task at `index`, moving the ones after it along (a pointer each).
    ///
    /// # Panics
    /// When `index` is past the end, like [`Vec::insert`].
    pub fn insert(&mut self, index: usize, task: Task) {
        self.tell_index(|ids, tasks| ids.inserted(tasks, index));
        self.tasks.insert(index, Arc::new(task));
    }

    /// Removes and returns the task at `index`.
    ///
    /// # Panics
    /// When `index` is out of bounds, like [`Vec::remove`].
    pub fn remove(&mut self, index: usize) -> Task {
        self.tell_index(|ids, tasks| ids.removed(tasks, index));
        Arc::unwrap_or_clone(self.tasks.remove(index))
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
            self.tell_index(|ids, tasks| ids.touched(tasks, &[index]));
            change(Arc::make_mut(&mut self.tasks[index]));
        }
    }

    /// Keeps only the tasks `keep` accepts, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&Task) -> bool) {
        self.index = OnceLock::new();
        self.tasks.retain(|task| keep(task));
    }

    /// Swaps two tasks.
    ///
    /// # Panics
    /// When either index is out of bounds, like [`Vec::swap`].
    pub fn swap(&mut self, a: usize, b: usize) {
        self.tell_index(|ids, tasks| ids.touched(tasks, &[a, b]));
        self.tasks.swap(a, b);
    }

    /// Removes and returns the last task.
    pub fn pop(&mut self) -> Option<Task> {
        if let Some(last) = self.tasks.len().checked_sub(1) {
            self.tell_index(|ids, tasks| ids.removed(tasks, last));
        }
        self.tasks.pop_back().map(Arc::unwrap_or_clone)
    }

    /// Sorts the tasks stably with `compare`.
    pub fn sort_by(&mut self, mut compare: impl FnMut(&Task, &Task) -> std::cmp::Ordering) {
        self.index = OnceLock::new();
        let mut tasks: Vec<Arc<Task>> = self.tasks.iter().cloned().collect();
        tasks.sort_by(|a, b| compare(a, b));
        self.tasks = tasks.into_iter().collect();
    }

    /// The tasks as a plain vector (each shared task is copied).
    pub fn to_vec(&self) -> Vec<Task> {
        self.iter().cloned().collect()
    }
}

impl Index<usize> for TaskList {
    type Output = Task;

    fn index(&self, index: usize) -> &Task {
        &self.tasks[index]
    }
}

impl IndexMut<usize> for TaskList {
    fn index_mut(&mut self, index: usize) -> &mut Task {
        self.tell_index(|ids, tasks| ids.touched(tasks, &[index]));
        Arc::make_mut(&mut self.tasks[index])
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
        self.tasks
            .into_iter()
            .map(Arc::unwrap_or_clone as fn(Arc<Task>) -> Task)
    }
}

impl FromIterator<Task> for TaskList {
    fn from_iter<I: IntoIterator<Item = Task>>(tasks: I) -> Self {
        Self {
            tasks: tasks.into_iter().map(Arc::new).collect(),
            index: OnceLock::new(),
        }
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
        assert!(Arc::ptr_eq(&original.tasks[0], &copy.tasks[0]));
        copy[1].title = "changed".to_owned();
        assert!(
            Arc::ptr_eq(&original.tasks[0], &copy.tasks[0]),
            "A is still shared"
        );
        assert!(
            !Arc::ptr_eq(&original.tasks[1], &copy.tasks[1]),
            "B was copied"
        );
        assert_eq!(original[1].title, "");
        assert_eq!(copy[1].title, "changed");
    }

    #[test]
    fn updating_some_tasks_copies_only_those() {
        let original: TaskList = ["A", "B", "C"].into_iter().map(task).collect();
        let mut copy = original.clone();
        copy.update_where(|t| t.id.as_str() != "B", |t| t.notes.push('!'));
        assert!(
            Arc::ptr_eq(&original.tasks[1], &copy.tasks[1]),
            "B was only read"
        );
        assert!(!Arc::ptr_eq(&original.tasks[0], &copy.tasks[0]));
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

    /// Every id, and every task referring to it, is found where a full read finds them, through
    /// inserts, removals, renames, swaps, pushes and dependency changes, with the index kept (and
    /// rebuilt when its journal is full).
    #[test]
    fn lookups_by_id_agree_with_reading_every_task_through_changes() {
        let mut rng = crate::model::SplitMix::new(7);
        let mut tasks: TaskList = (0..200).map(|n| task(&format!("T-{n}"))).collect();
        let mut next = 200;
        for round in 0..3_000 {
            let len = tasks.len();
            let at = usize::try_from(rng.next_u64()).unwrap_or(0) % len.max(1);
            match rng.next_u64() % 13 {
                0 => tasks.insert(at, task(&format!("T-{next}"))),
                1 if len > 80 => {
                    tasks.remove(at);
                }
                2 => tasks[at].id = TaskId(format!("T-{next}")),
                3 => tasks.swap(at, (at + 7) % len),
                4 => tasks.push(task(&format!("T-{next}"))),
                5 => {
                    let on = tasks[(at * 3 + 1) % len].id.clone();
                    tasks[at].depends_on.push(on);
                }
                6 => tasks[at].parent = Some(tasks[(at + 5) % len].id.clone()),
                7 => tasks[at].depends_on.clear(),
                8 if len > 80 => {
                    // A delete undone: the task goes back where it was.
                    let removed = tasks.remove(at);
                    tasks.insert(at, removed);
                }
                9 => {
                    // A change undone: the task is put back as it was.
                    let old = tasks[at].clone();
                    tasks[at].parent = Some(TaskId::from("elsewhere"));
                    tasks[at] = old;
                }
                10 if len > 80 => {
                    tasks.pop();
                }
                11 => tasks.update_where(|t| t.id.as_str().ends_with('7'), |t| t.notes.push('.')),
                _ => tasks[at].title = format!("round {round}"),
            }
            next += 1;
            for (position, task) in tasks.iter().enumerate() {
                assert_eq!(tasks.position_of(&task.id), Some(position), "round {round}");
            }
            for probe in [at.min(tasks.len() - 1), (at + 1) % tasks.len()] {
                let id = tasks[probe].id.clone();
                let referring: Vec<usize> = (0..tasks.len())
                    .filter(|&at| refers_to(&tasks[at], &id))
                    .collect();
                assert_eq!(tasks.referring_to(&id), referring, "round {round}");
            }
            let gone = TaskId(format!("T-{}", next * 3));
            let expected = tasks.iter().position(|t| t.id == gone);
            assert_eq!(tasks.position_of(&gone), expected, "round {round}");
        }
    }

    #[test]
    fn a_renamed_task_is_found_by_its_new_id_and_not_its_old_one() {
        let mut tasks: TaskList = (0..100).map(|n| task(&format!("T-{n}"))).collect();
        assert_eq!(tasks.position_of(&TaskId("T-50".into())), Some(50));
        tasks[50].id = TaskId("NEW".into());
        tasks.remove(10);
        assert_eq!(tasks.position_of(&TaskId("NEW".into())), Some(49));
        assert_eq!(tasks.position_of(&TaskId("T-50".into())), None);
        assert_eq!(tasks.position_of(&TaskId("T-51".into())), Some(50));
    }
}
