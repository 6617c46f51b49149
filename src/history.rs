//! Undo and redo of edits, the revision counter, and dirty tracking against the saved state.

use crate::edit::{Edit, EditError};
use crate::model::Plan;

/// How many undo steps are kept; older ones are forgotten.
pub const UNDO_DEPTH: usize = 100;

/// A plan snapshot with the label of the edit that left it.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    plan: Plan,
    state: u64,
}

/// The open plan and its edit history. The only way to change the plan is through [`History::apply`],
/// [`History::undo`], [`History::redo`] or [`History::replace`].
#[derive(Clone, Debug)]
pub struct History {
    plan: Plan,
    undo: Vec<Step>,
    redo: Vec<Step>,
    revision: u64,
    state: u64,
    next_state: u64,
    saved_state: Option<u64>,
}

impl History {
    /// Starts a history on a plan that is as it is on disk (not dirty).
    pub fn new(plan: Plan) -> Self {
        Self {
            plan,
            undo: Vec::new(),
            redo: Vec::new(),
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

    /// A number that changes whenever the plan changes; caches of derived data compare against it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies an edit as one undo step and returns its label. A refused edit leaves the plan as it was.
    pub fn apply(&mut self, edit: &Edit) -> Result<String, EditError> {
        let label = edit.label(&self.plan);
        let before = self.plan.clone();
        if let Err(error) = edit.apply(&mut self.plan) {
            self.plan = before;
            return Err(error);
        }
        if self.plan == before {
            return Ok(label);
        }
        self.undo.push(Step {
            label: label.clone(),
            plan: before,
            state: self.state,
        });
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.state = self.next_state;
        self.next_state += 1;
        self.revision += 1;
        Ok(label)
    }

    /// Undoes the last edit and returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let step = self.undo.pop()?;
        let label = step.label.clone();
        let current = self.swap_in(step);
        self.redo.push(current);
        Some(label)
    }

    /// Redoes the last undone edit and returns its label, or `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<String> {
        let step = self.redo.pop()?;
        let label = step.label.clone();
        let current = self.swap_in(step);
        self.undo.push(current);
        Some(label)
    }

    fn swap_in(&mut self, step: Step) -> Step {
        let previous = Step {
            label: step.label,
            plan: std::mem::replace(&mut self.plan, step.plan),
            state: self.state,
        };
        self.state = step.state;
        self.revision += 1;
        previous
    }

    /// The label of the edit undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
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
