//! What a view gets to draw with, and the requests it can make.

use crate::app::{Command, Derived};
use crate::edit::{Edit, TaskChange};
use crate::model::{Plan, TaskId};
use chrono::NaiveDateTime;
use std::path::PathBuf;
use std::sync::Arc;

/// Something a view or menu asks for; the app handles requests in order after the frame's UI pass.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Run a command from the command table.
    Command(Command),
    /// Apply an edit to the plan (one undo step).
    Edit(Edit),
    /// Select a task, or clear the selection.
    Select(Option<TaskId>),
    /// Select a task and show it in the inspector.
    Inspect(TaskId),
    /// Open a plan file (asks about unsaved changes first).
    OpenPath(PathBuf),
    /// Save the plan to this file (what a Save as… dialog answers).
    SaveTo(PathBuf),
}

/// A read-only look at the plan for a view, and a queue to push requests into.
pub struct ViewContext<'a> {
    /// The plan, read-only (shared, so a worker thread can keep a copy while it builds from it).
    pub plan: &'a Arc<Plan>,
    /// Derived data, cached on the plan's revision.
    pub derived: &'a Derived,
    /// The selected task.
    pub selected: Option<&'a TaskId>,
    /// Requests for the app to handle after drawing.
    pub requests: &'a mut Vec<Request>,
}

impl ViewContext<'_> {
    /// Asks for an edit.
    pub fn edit(&mut self, edit: Edit) {
        self.requests.push(Request::Edit(edit));
    }

    /// Asks for a change of one task field.
    pub fn change(&mut self, id: &TaskId, change: TaskChange) {
        self.edit(Edit::UpdateTask {
            id: id.clone(),
            change,
        });
    }

    /// Asks to select a task.
    pub fn select(&mut self, id: Option<TaskId>) {
        self.requests.push(Request::Select(id));
    }

    /// Asks to run a command.
    pub fn command(&mut self, command: Command) {
        self.requests.push(Request::Command(command));
    }
}

/// The local time now, for the status history; the core never reads the clock itself.
pub fn now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}
