//! Undo and redo of edits, the revision counter, and dirty tracking against the saved state.
//!
//! Each undo step keeps only what its edit changed (see [`record`]): one task for a field change, the
//! phases for a phase edit, the cut end of the status history. Applying a step's record undoes the
//! edit and gives the record that redoes it. The steps kept are bounded by memory
//! ([`UNDO_BUDGET_BYTES`]), dropping the oldest first.

mod record;

use crate::edit::{Edit, EditError};
use crate::model::Plan;
use record::{Record, apply_recorded};
use std::collections::VecDeque;
use std::sync::Arc;

/// How much memory the undo and redo steps may hold together (an estimate of their records' sizes);
/// the oldest undo steps are forgotten beyond it.
pub const UNDO_BUDGET_BYTES: usize = 256 * 1024 * 1024;

/// One undoable (or redoable) edit: its label, the record that reverts it, and the state it returns to.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    record: Record,
    state: u64,
    bytes: usize,
}

impl Step {
    fn new(label: String, record: Record, state: u64) -> Self {
        let bytes = size_of::<Self>() + label.len() + record.bytes();
        Self {
            label,
            record,
            state,
            bytes,
        }
    }
}

/// The open plan and its edit history. The only way to change the plan is through [`History::apply`],
/// [`History::undo`] or [`History::redo`].
#[derive(Clone, Debug)]
pub struct History {
    plan: Arc<Plan>,
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    bytes: usize,
    budget: usize,
    revision: u64,
    state: u64,
    next_state: u64,
    saved_state: Option<u64>,
}

impl History {
    /// Starts a history on a plan that is as it is on disk (not dirty).
    pub fn new(plan: Plan) -> Self {
        Self {
            plan: Arc::new(plan),
            undo: VecDeque::new(),
            redo: Vec::new(),
            bytes: 0,
            budget: UNDO_BUDGET_BYTES,
            revision: 0,
            state: 0,
            next_state: 1,
            saved_state: Some(0),
        }
    }

    /// Starts a history on a plan that has never been saved (an import, a new plan): dirty from the start.
    pub fn unsaved(plan: Plan) -> Self {
        let mut history = Self::new(plan);
        history.saved_state = None;
        history
    }

    /// The plan as it is now.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan as it is now, as the shared pointer a worker thread can keep a copy of.
    pub fn plan_shared(&self) -> &Arc<Plan> {
        &self.plan
    }

    /// The plan as it is now, shared: a background job can read it while the app goes on. The next
    /// edit copies the plan first if the job still holds it (copy on write).
    pub fn shared_plan(&self) -> Arc<Plan> {
        Arc::clone(&self.plan)
    }

    /// A number that changes whenever the plan changes; caches of derived data compare against it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies an edit as one undo step and returns its label. A refused edit leaves the plan as it
    /// was; an edit that changes nothing adds no step.
    pub fn apply(&mut self, edit: &Edit) -> Result<String, EditError> {
        let label = edit.label(&self.plan);
        let record = apply_recorded(edit, Arc::make_mut(&mut self.plan))?;
        if record.is_noop(&self.plan) {
            return Ok(label);
        }
        self.clear_redo();
        self.push_undo(Step::new(label.clone(), record, self.state));
        self.state = self.next_state;
        self.next_state += 1;
        self.revision += 1;
        Ok(label)
    }

    /// Undoes the last edit and returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let step = self.undo.pop_back()?;
        self.bytes -= step.bytes;
        let label = step.label.clone();
        let inverse = self.swap_in(step);
        self.bytes += inverse.bytes;
        self.redo.push(inverse);
        Some(label)
    }

    /// Redoes the last undone edit and returns its label, or `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<String> {
        let step = self.redo.pop()?;
        self.bytes -= step.bytes;
        let label = step.label.clone();
        let inverse = self.swap_in(step);
        self.push_undo(inverse);
        Some(label)
    }

    /// Applies a step's record and returns the step that reverses it.
    fn swap_in(&mut self, step: Step) -> Step {
        let inverse = step.record.apply(Arc::make_mut(&mut self.plan));
        let previous = Step::new(step.label, inverse, self.state);
        self.state = step.state;
        self.revision += 1;
        previous
    }

    /// Forgets the undone steps (a new edit makes them unreachable).
    fn clear_redo(&mut self) {
        self.bytes -= self.redo.iter().map(|step| step.bytes).sum::<usize>();
        self.redo.clear();
    }

    /// Adds an undo step, then forgets the oldest steps while the history holds more than its budget.
    /// The newest step is always kept.
    fn push_undo(&mut self, step: Step) {
        self.bytes += step.bytes;
        self.undo.push_back(step);
        while self.bytes > self.budget && self.undo.len() > 1 {
            if let Some(oldest) = self.undo.pop_front() {
                self.bytes -= oldest.bytes;
            }
        }
    }

    /// Sets how much memory the undo and redo steps may hold (see [`UNDO_BUDGET_BYTES`]); older undo
    /// steps beyond it are forgotten from the next edit on.
    pub fn set_undo_budget(&mut self, bytes: usize) {
        self.budget = bytes;
    }

    /// How many edits can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// An estimate of the memory the undo and redo steps hold, in bytes.
    pub fn undo_bytes(&self) -> usize {
        self.bytes
    }

    /// The label of the edit undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|step| step.label.as_str())
    }

    /// The label of the edit redo would reapply.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// True when the plan differs from what was last saved (or was never saved).
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.state)
    }

    /// Records that the plan as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_state = Some(self.state);
    }
}
