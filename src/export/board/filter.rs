//! Which cards the board shows: text, owner, priority, phase, only blocked, only mine.

use crate::model::{PhaseId, Priority, Task};

/// Which cards the board shows. The default shows every card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardFilter {
    /// Text searched in id, title and notes (any case).
    pub text: String,
    /// Only this owner's cards (empty: unassigned cards).
    pub owner: Option<String>,
    /// Only cards of this priority.
    pub priority: Option<Priority>,
    /// Only cards of this phase.
    pub phase: Option<PhaseId>,
    /// Only cards waiting on unfinished prerequisites.
    pub only_blocked: bool,
    /// Only the cards of the person picked as "me".
    pub only_mine: bool,
    /// Who "me" is, for "only mine".
    pub me: String,
}

impl BoardFilter {
    /// True when some card may be hidden.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty()
            || self.owner.is_some()
            || self.priority.is_some()
            || self.phase.is_some()
            || self.only_blocked
            || self.only_mine
    }

    /// Whether a card passes; `blocked` says whether it waits on unfinished prerequisites.
    pub fn matches(&self, task: &Task, blocked: bool) -> bool {
        let needle = self.text.trim().to_lowercase();
        let text_ok = needle.is_empty()
            || [task.id.as_str(), &task.title, &task.notes]
                .iter()
                .any(|field| field.to_lowercase().contains(&needle));
        text_ok
            && self.owner.as_ref().is_none_or(|o| &task.owner == o)
            && self.priority.is_none_or(|p| task.priority == Some(p))
            && self
                .phase
                .as_ref()
                .is_none_or(|p| task.phase.as_ref() == Some(p))
            && (!self.only_blocked || blocked)
            && (!self.only_mine || task.owner == self.me)
    }
}
