//! Derived data cached on the plan's revision: recomputed when the plan changes, never per frame.

use crate::analysis::{Problem, check_plan, unfinished_prerequisites};
use crate::model::{Plan, TaskId};
use std::collections::HashMap;

/// Facts derived from the plan, as of one revision.
#[derive(Clone, Debug, Default)]
pub struct Derived {
    /// The plan revision these facts describe.
    pub revision: u64,
    /// What is wrong with the plan (unknown ids, loops, duplicates).
    pub problems: Vec<Problem>,
    /// Tasks waiting on prerequisites that are neither done nor dropped, with those prerequisites.
    pub unfinished_prerequisites: HashMap<TaskId, Vec<TaskId>>,
    /// False until the first computation, so that revision 0 of the first document is not mistaken
    /// for "already computed".
    computed: bool,
}

impl Derived {
    /// Computes the facts for a plan at a revision.
    pub fn compute(plan: &Plan, revision: u64) -> Self {
        Self {
            revision,
            problems: check_plan(plan),
            unfinished_prerequisites: unfinished_prerequisites(plan),
            computed: true,
        }
    }

    /// Recomputes when the revision has moved on; returns true when it did.
    pub fn refresh(&mut self, plan: &Plan, revision: u64) -> bool {
        if self.computed && self.revision == revision {
            return false;
        }
        *self = Self::compute(plan, revision);
        true
    }
}
