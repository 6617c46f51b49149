//! Finding a task by its id without reading every task.
//!
//! [`IdIndex`] maps the hash of each id to the task's position as it was when the index was built,
//! and keeps a short journal of what happened since: a task inserted, removed, or handed out to be
//! changed (its id may have changed). A lookup follows the built position through the journal and
//! checks the task found there, then looks at the few journaled positions; so an index stays right
//! across edits without being rebuilt, and the map itself is shared by every later version of the
//! plan. When the journal grows long the index is dropped and built again on the next lookup.
//!
//! The tasks that refer to an id (depend on it, or have it as parent) are found the same way: a
//! sorted list of (referred id's hash, position) built on the first such question, followed through
//! the journal from the point it was built, plus the journaled positions, each checked.

use super::{Task, TaskId};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

/// How many changes the journal keeps before the index is rebuilt.
const JOURNAL_LIMIT: usize = 64;

/// The position stored for a hash that two ids share: such ids are looked up by reading every task.
const SHARED_HASH: u32 = u32::MAX;

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) | u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// FNV-1a's starting value.
const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Adds text to an FNV-1a hash.
fn fnv(hash: u64, text: &str) -> u64 {
    text.bytes().fold(hash, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The hash of an id (FNV-1a, 64 bits).
fn hash_of(id: &TaskId) -> u64 {
    fnv(FNV_START, id.as_str())
}

/// A hash of everything about a task the index answers for: its id, its parent and its
/// dependencies. A change that keeps it needs no journal entry.
fn fingerprint(task: &Task) -> u64 {
    let mut hash = fnv(FNV_START, task.id.as_str());
    for id in task.parent.iter().chain(&task.depends_on) {
        hash = fnv(fnv(hash, "\u{1f}"), id.as_str());
    }
    hash
}

/// Whether `task` depends on `id` or has it as parent.
pub(super) fn refers_to(task: &Task, id: &TaskId) -> bool {
    task.parent.as_ref() == Some(id) || task.depends_on.contains(id)
}

/// Something that happened to the task list after the index was built.
#[derive(Clone, Copy, Debug)]
enum Change {
    /// A task was inserted here; the tasks from here on moved one place along.
    Inserted(usize),
    /// The task here was removed; the tasks after it moved one place back. This was its
    /// [`fingerprint`].
    Removed(usize, u64),
    /// The task here was handed out to be changed; this was its [`fingerprint`] before.
    Touched(usize, u64),
}

/// Who refers to what: (hash of the referred id, position of the referring task), sorted, as the
/// tasks were after the first `since` journal entries.
#[derive(Clone, Debug)]
struct Referrers {
    /// The pairs, sorted.
    pairs: Arc<Vec<(u64, u32)>>,
    /// How many journal entries had happened when the pairs were made.
    since: usize,
}

/// Where each task is, by id; see the module documentation.
#[derive(Clone)]
pub(super) struct IdIndex {
    /// The position of each id's hash when the index was built.
    built: Arc<HashMap<u64, u32, BuildHasherDefault<PassThrough>>>,
    /// What happened since, oldest first.
    journal: Vec<Change>,
    /// Who refers to what, once asked.
    referrers: OnceLock<Referrers>,
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "IdIndex({} ids, {} changes)",
            self.built.len(),
            self.journal.len()
        )
    }
}

/// Reads a task list by position.
pub(super) trait Positions {
    /// How many tasks there are.
    fn count(&self) -> usize;
    /// The task at `index`, if there is one.
    fn at(&self, index: usize) -> Option<&Task>;
    /// The first position of `id`, reading every task.
    fn scan(&self, id: &TaskId) -> Option<usize>;
}

impl IdIndex {
    /// Indexes the tasks as they are.
    pub(super) fn build<'a>(tasks: impl ExactSizeIterator<Item = &'a Task>) -> Self {
        let mut built =
            HashMap::with_capacity_and_hasher(tasks.len(), BuildHasherDefault::default());
        for (position, task) in tasks.enumerate() {
            let position = u32::try_from(position).unwrap_or(SHARED_HASH);
            built
                .entry(hash_of(&task.id))
                .and_modify(|at| *at = SHARED_HASH)
                .or_insert(position);
        }
        Self {
            built: Arc::new(built),
            journal: Vec::new(),
            referrers: OnceLock::new(),
        }
    }

    /// The positions of the tasks that depend on `id` or have it as parent, in order.
    pub(super) fn referring(&self, tasks: &impl Positions, id: &TaskId) -> Vec<usize> {
        let referrers = self.referrers.get_or_init(|| {
            let mut pairs: Vec<(u64, u32)> = (0..tasks.count())
                .filter_map(|at| Some((tasks.at(at)?, u32::try_from(at).ok()?)))
                .flat_map(|(task, at)| {
                    let ids = task.parent.iter().chain(&task.depends_on);
                    ids.map(move |on| (hash_of(on), at))
                })
                .collect();
            pairs.sort_unstable();
            Referrers {
                pairs: Arc::new(pairs),
                since: self.journal.len(),
            }
        });
        let hash = hash_of(id);
        let first = referrers.pairs.partition_point(|&(h, _)| h < hash);
        let built = referrers.pairs[first..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .filter_map(|&(_, at)| self.follow(at as usize, referrers.since));
        let journaled = self.journal.iter().enumerate().skip(referrers.since);
        let journaled = journaled.filter_map(|(step, change)| match *change {
            Change::Inserted(at) | Change::Touched(at, _) => self.follow(at, step + 1),
            Change::Removed(..) => None,
        });
        let mut found: Vec<usize> = built
            .chain(journaled)
            .filter(|&at| tasks.at(at).is_some_and(|task| refers_to(task, id)))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The position of `id` in `tasks` (with duplicate ids, the position of one of them).
    pub(super) fn find(&self, tasks: &impl Positions, id: &TaskId) -> Option<usize> {
        let holds = |at: usize| tasks.at(at).is_some_and(|task| &task.id == id);
        match self.built.get(&hash_of(id)) {
            Some(&SHARED_HASH) => return tasks.scan(id),
            Some(&at) => {
                if let Some(now) = self.follow(at as usize, 0).filter(|&now| holds(now)) {
                    return Some(now);
                }
            }
            None => {}
        }
        self.journal
            .iter()
            .enumerate()
            .filter_map(|(step, change)| match *change {
                Change::Inserted(at) | Change::Touched(at, _) => self.follow(at, step + 1),
                Change::Removed(..) => None,
            })
            .filter(|&now| holds(now))
            .min()
    }

    /// Where the task at `at` before journal entry `from` is now, or `None` when it was removed.
    fn follow(&self, mut at: usize, from: usize) -> Option<usize> {
        for change in &self.journal[from..] {
            match *change {
                Change::Inserted(place) if at >= place => at += 1,
                Change::Removed(place, _) if at == place => return None,
                Change::Removed(place, _) if at > place => at -= 1,
                _ => {}
            }
        }
        Some(at)
    }

    /// Notes that a task was inserted at `at`; false when the index should be dropped instead.
    pub(super) fn inserted(&mut self, tasks: &impl Positions, at: usize) -> bool {
        self.record(tasks, [Change::Inserted(at)])
    }

    /// Notes that the task at `at` was removed; false when the index should be dropped instead.
    pub(super) fn removed(&mut self, tasks: &impl Positions, at: usize) -> bool {
        self.record(
            tasks,
            [Change::Removed(at, tasks.at(at).map_or(0, fingerprint))],
        )
    }

    /// Notes that the tasks at `places`, still as they are, are about to be changed; false when
    /// the index should be dropped instead.
    pub(super) fn touched(&mut self, tasks: &impl Positions, places: &[usize]) -> bool {
        let changes = places
            .iter()
            .map(|&at| Change::Touched(at, tasks.at(at).map_or(0, fingerprint)));
        self.record(tasks, changes)
    }

    /// Forgets the changes that turned out to keep every id and reference where it was, then adds
    /// `changes` (all about to be made, none made yet).
    fn record(
        &mut self,
        tasks: &impl Positions,
        changes: impl IntoIterator<Item = Change>,
    ) -> bool {
        self.compact(tasks);
        self.journal.extend(changes);
        self.journal.len() <= JOURNAL_LIMIT && tasks.count() < SHARED_HASH as usize
    }

    /// Forgets a touched task whose id and references are back to what the index knew, and a task
    /// removed and put back in the same place as it was (an undone delete).
    fn compact(&mut self, tasks: &impl Positions) {
        let fingerprint_at = |now: usize| tasks.at(now).map(fingerprint);
        let mut step = 0;
        while step < self.journal.len() {
            match self.journal[step] {
                Change::Touched(at, before) => {
                    let now = self.follow(at, step + 1);
                    // A touched task since removed stays: a removal undone may bring it back.
                    if now.is_some_and(|now| fingerprint_at(now) == Some(before)) {
                        self.hand_on_before(step, at, before);
                        self.forget(step, 1);
                        continue;
                    }
                }
                Change::Removed(at, removed)
                    if matches!(self.journal.get(step + 1), Some(&Change::Inserted(again)) if again == at)
                        && self.on_one_side(step)
                        && self.follow(at, step + 2).and_then(fingerprint_at) == Some(removed) =>
                {
                    self.forget(step, 2);
                    step = step.saturating_sub(1);
                    continue;
                }
                _ => {}
            }
            step += 1;
        }
    }

    /// Before a touch at `step` is forgotten, the next touch of the same task takes over what the
    /// index knew of it (`before`), since that is what the index knows once the first is gone.
    fn hand_on_before(&mut self, step: usize, mut at: usize, before: u64) {
        for change in &mut self.journal[step + 1..] {
            match *change {
                Change::Touched(place, _) if place == at => {
                    *change = Change::Touched(place, before);
                    return;
                }
                Change::Inserted(place) if at >= place => at += 1,
                Change::Removed(place, _) if at == place => return,
                Change::Removed(place, _) if at > place => at -= 1,
                _ => {}
            }
        }
    }

    /// Whether the journal entries `step` and `step + 1` are both before, or both after, the point
    /// where the referrers were listed.
    fn on_one_side(&self, step: usize) -> bool {
        self.referrers
            .get()
            .is_none_or(|referrers| step + 1 < referrers.since || step >= referrers.since)
    }

    /// Removes `count` journal entries from `step` on.
    fn forget(&mut self, step: usize, count: usize) {
        self.journal.drain(step..step + count);
        if let Some(referrers) = self.referrers.get_mut()
            && step < referrers.since
        {
            referrers.since -= count.min(referrers.since - step);
        }
    }
}
