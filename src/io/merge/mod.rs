//! Three-way merge and diff of plans, by id, for git (`waymark merge`, `waymark diff`).
//!
//! Plans are compared as generic value trees (their serde form), so every field merges, including
//! fields added later: records merge field by field; lists whose items carry an `id` (or a `key`,
//! `task` + `at`, a name or title…) merge item by item with their order merged; lists of distinct
//! strings (dependencies, tags) merge as sets; any other value is taken whole. The same value changed
//! differently on both sides, or an item deleted on one side and edited on the other, is a
//! [`Conflict`]: ours is kept (the edited item against a deletion) and the conflict is recorded in
//! [`Plan::conflicts`], so the result is always a loadable plan.

mod diff;
mod keys;
mod resolve;
mod three_way;
mod tree;

pub use diff::{FieldChange, ItemChange, ItemRef, PlanDiff, diff_plans};
pub use resolve::resolve_conflict;

use crate::model::{Conflict, Plan};
use serde_json::Value;
use thiserror::Error;
use three_way::Merger;
use tree::{plan_from_tree, plan_to_tree};

/// Why a merge, diff or conflict resolution could not be done.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MergeError {
    /// A plan could not be turned into a value tree or back (a bug, or a hand-edited conflict value).
    #[error("the merged plan could not be built: {0}")]
    Tree(String),
    /// The plan has no conflict with that number.
    #[error("there is no conflict number {}", .0 + 1)]
    NoSuchConflict(usize),
    /// The item a conflict names is no longer in the plan.
    #[error("the conflict at {0} names something the plan no longer has")]
    PathGone(String),
}

/// The result of a three-way merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged plan; its `conflicts` hold the conflicts found (and any the sides still had).
    pub plan: Plan,
    /// How many conflicts this merge found.
    pub new_conflicts: usize,
}

/// Merges `ours` and `theirs`, two versions of `base`; `None` for a base means the sides share no
/// ancestor (both added the file), so every difference between them conflicts.
pub fn merge_plans(base: Option<&Plan>, ours: &Plan, theirs: &Plan) -> Result<Merged, MergeError> {
    let tree_without_conflicts = |plan: &Plan| -> Result<Value, MergeError> {
        let mut tree = plan_to_tree(plan)?;
        if let Some(record) = tree.as_object_mut() {
            record.remove("conflicts");
        }
        Ok(tree)
    };
    let base_tree = match base {
        Some(base) => tree_without_conflicts(base)?,
        None => Value::Object(serde_json::Map::new()),
    };
    let mut merger = Merger::default();
    let tree = merger.merge_root(
        &base_tree,
        &tree_without_conflicts(ours)?,
        &tree_without_conflicts(theirs)?,
    );
    let mut plan = plan_from_tree(tree)?;
    let new_conflicts = merger.conflicts.len();
    let mut conflicts: Vec<Conflict> = ours.conflicts.clone();
    for conflict in theirs.conflicts.iter().chain(&merger.conflicts) {
        if !conflicts.contains(conflict) {
            conflicts.push(conflict.clone());
        }
    }
    plan.conflicts = conflicts;
    Ok(Merged {
        plan,
        new_conflicts,
    })
}
