//! Conflicts a three-way merge left for a person to resolve.
//!
//! `waymark merge` records each place where both sides changed the same thing differently (or one side
//! deleted what the other edited) in [`crate::model::Plan::conflicts`]. The merged plan keeps a value
//! for each (ours, or the edited side against a deletion) so it stays loadable; choosing a [`Side`]
//! writes that side's value at the conflict's [`PathStep`]s and drops the conflict.

use serde::{Deserialize, Serialize};

/// One step from the plan down to a conflicting value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PathStep {
    /// A field of a record, by name as saved (`tasks`, `status`, `hours`…).
    Field(String),
    /// An item of a keyed list, by the values of its key fields: field name and the value as JSON text
    /// (`("id", "\"CHAT-003\"")`).
    Item(Vec<(String, String)>),
}

/// Which version of a conflicting value to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The common ancestor's value.
    Base,
    /// The value on the branch merged into (git's `%A`).
    Ours,
    /// The value on the branch merged in (git's `%B`).
    Theirs,
}

impl Side {
    /// Every side, in the order the conflicts panel offers them.
    pub const ALL: [Self; 3] = [Self::Ours, Self::Theirs, Self::Base];

    /// The side's name as the app and the CLI say it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Base => "base",
            Self::Ours => "ours",
            Self::Theirs => "theirs",
        }
    }
}

/// A value both sides of a merge changed differently.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Conflict {
    /// What holds the value, as people say it: `task CHAT-003`, `status DONE`, `plan`.
    pub item: String,
    /// The field within the item (`status`, `estimate.hours`); empty when the whole item was deleted on
    /// one side and edited on the other.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub field: String,
    /// Where the value sits, from the plan down.
    pub path: Vec<PathStep>,
    /// The common ancestor's value as JSON text; `None` when it had none (or no such item).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// Our value as JSON text; `None` when we have none (or deleted the item).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ours: Option<String>,
    /// Their value as JSON text; `None` when they have none (or deleted the item).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theirs: Option<String>,
}

impl Conflict {
    /// The value one side had, as JSON text (`None`: absent or deleted).
    pub fn value(&self, side: Side) -> Option<&str> {
        match side {
            Side::Base => self.base.as_deref(),
            Side::Ours => self.ours.as_deref(),
            Side::Theirs => self.theirs.as_deref(),
        }
    }

    /// Where the conflict is, as people say it: `task CHAT-003, status` or `task CHAT-003`.
    pub fn place(&self) -> String {
        if self.field.is_empty() {
            self.item.clone()
        } else {
            format!("{}, {}", self.item, self.field)
        }
    }
}
