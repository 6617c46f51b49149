//! Derived data cached on the plan's revision: recomputed when the plan changes, never per frame.

use crate::analysis::{
    Analysis, DatedOptions, DatedSchedule, Problem, check_with, unfinished_prerequisites,
};
use crate::model::{Plan, TaskId};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Facts derived from the plan, as of one revision.
#[derive(Clone, Debug)]
pub struct Derived {
    /// The plan revision these facts describe.
    pub revision: u64,
    /// What is wrong with the plan (unknown ids, loops, duplicates).
    pub problems: Vec<Problem>,
    /// The dependency analysis: graph, loops, schedule, critical path.
    pub analysis: Analysis,
    /// Tasks waiting on prerequisites that are neither done nor dropped, with those prerequisites.
    pub unfinished_prerequisites: HashMap<TaskId, Vec<TaskId>>,
    /// The plan on the calendar, as of `today`.
    pub dated: DatedSchedule,
    /// The day the dated schedule was computed for.
    pub today: NaiveDate,
}

impl Default for Derived {
    /// Facts of no revision, so the first refresh always computes (a new document's revision is 0).
    fn default() -> Self {
        Self {
            revision: u64::MAX,
            problems: Vec::new(),
            analysis: Analysis::default(),
            unfinished_prerequisites: HashMap::new(),
            dated: DatedSchedule::default(),
            today: NaiveDate::default(),
        }
    }
}

impl Derived {
    /// Computes the facts for a plan at a revision, on a day.
    pub fn compute(plan: &Plan, revision: u64, today: NaiveDate) -> Self {
        let analysis = Analysis::of(plan);
        Self {
            revision,
            problems: check_with(plan, &analysis),
            dated: DatedSchedule::compute(plan, &analysis, DatedOptions::on(today)),
            analysis,
            unfinished_prerequisites: unfinished_prerequisites(plan),
            today,
        }
    }

    /// Recomputes when the revision or the day has moved on; returns true when it did.
    pub fn refresh(&mut self, plan: &Plan, revision: u64, today: NaiveDate) -> bool {
        if self.revision == revision && self.today == today {
            return false;
        }
        *self = Self::compute(plan, revision, today);
        true
    }
}
