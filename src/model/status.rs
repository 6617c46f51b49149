//! The status legend: which statuses a plan uses, how they look and how they are written.

use super::StatusKey;
use serde::{Deserialize, Serialize};

/// What a status means for planning, whatever its label.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum StatusCategory {
    /// Work that has not started.
    #[default]
    NotStarted,
    /// Work under way.
    Active,
    /// Finished work.
    Done,
    /// Work that cannot go on until something else happens.
    Blocked,
    /// Work that will not be done (deferred, cancelled, handed back to a human).
    Dropped,
}

impl StatusCategory {
    /// Every category, in workflow order.
    pub const ALL: [Self; 5] = [
        Self::NotStarted,
        Self::Active,
        Self::Done,
        Self::Blocked,
        Self::Dropped,
    ];

    /// A short human name for the category.
    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Not started",
            Self::Active => "Active",
            Self::Done => "Done",
            Self::Blocked => "Blocked",
            Self::Dropped => "Dropped",
        }
    }
}

/// One entry of the legend.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatusDef {
    /// The key tasks refer to, e.g. `IN PROGRESS`.
    pub key: StatusKey,
    /// The label shown to people, e.g. `In progress`.
    pub label: String,
    /// What the status means.
    pub category: StatusCategory,
    /// Display colour as RGB.
    pub color: [u8; 3],
    /// Other ways documents write this status (`[x]`, `✅`, `completed`…).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What the legend says the status means, if anything.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The most tasks the board column should hold at once (work-in-progress limit), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wip_limit: Option<u32>,
}

impl StatusDef {
    /// A legend entry with no aliases or description.
    pub fn new(key: &str, label: &str, category: StatusCategory, color: [u8; 3]) -> Self {
        Self {
            key: StatusKey::from(key),
            label: label.to_owned(),
            category,
            color,
            aliases: Vec::new(),
            description: String::new(),
            wip_limit: None,
        }
    }

    /// Adds the ways a document may write this status.
    #[must_use]
    pub fn with_aliases(mut self, aliases: &[&str]) -> Self {
        self.aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
        self
    }
}

/// The legend a new plan starts with: TODO, IN PROGRESS, DONE, BLOCKED.
pub fn default_legend() -> Vec<StatusDef> {
    vec![
        StatusDef::new(
            "TODO",
            "To do",
            StatusCategory::NotStarted,
            [0x8a, 0x93, 0xa0],
        )
        .with_aliases(&["[ ]", "todo", "not started", "🔴", "⬜", "❌"]),
        StatusDef::new(
            "IN PROGRESS",
            "In progress",
            StatusCategory::Active,
            [0x3b, 0x82, 0xf6],
        )
        .with_aliases(&["in-progress", "in progress", "🟡", "🔄", "⏳"]),
        StatusDef::new("DONE", "Done", StatusCategory::Done, [0x22, 0xa0, 0x5a]).with_aliases(&[
            "[x]",
            "[X]",
            "completed",
            "complete",
            "done",
            "✅",
            "🟢",
        ]),
        StatusDef::new(
            "BLOCKED",
            "Blocked",
            StatusCategory::Blocked,
            [0xdc, 0x4a, 0x3c],
        )
        .with_aliases(&["blocked", "⚠️"]),
    ]
}
