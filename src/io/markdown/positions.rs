//! Finding a document's phases, sprints and milestones by id or by name in constant time, so a
//! document with thousands of phase headings, sprint lines or references to them reads in linear
//! time (a scan of every phase for every heading is quadratic).

use std::collections::HashMap;

use super::import::Builder;
use crate::model::{Milestone, Phase, Sprint};

/// Positions in a list by a key of each element.
///
/// The list may grow at its end: elements after those seen are indexed on the next lookup. An
/// element whose key changes in place is added under its new key with [`Positions::add`]; its old
/// entry goes stale, and every entry is checked against the element's key when looked up, so a
/// stale one is skipped.
#[derive(Default)]
pub(super) struct Positions {
    by_key: HashMap<String, Vec<usize>>,
    seen: usize,
}

impl Positions {
    /// Indexes `at` under `key` (positions under one key stay in order).
    pub(super) fn add(&mut self, key: String, at: usize) {
        let positions = self.by_key.entry(key).or_default();
        if let Err(slot) = positions.binary_search(&at) {
            positions.insert(slot, at);
        }
    }

    /// The first of `items` whose key (`key_of`) is `key` and for which `holds` is true.
    pub(super) fn first<T>(
        &mut self,
        items: &[T],
        key_of: impl Fn(&T) -> String,
        key: &str,
        holds: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        for (at, item) in items.iter().enumerate().skip(self.seen) {
            self.add(key_of(item), at);
        }
        self.seen = self.seen.max(items.len());
        self.by_key
            .get(key)?
            .iter()
            .copied()
            .find(|&at| at < items.len() && key_of(&items[at]) == key && holds(at))
    }
}

/// The indexes the reader keeps of the plan's phases, sprints and milestones.
#[derive(Default)]
pub(super) struct Named {
    /// Phases by id.
    pub phase_ids: Positions,
    /// Phases by lower-case name.
    pub phase_names: Positions,
    /// Phases by the part of their lower-case name after its first `: `.
    pub phase_name_tails: Positions,
    /// Sprints by id.
    pub sprint_ids: Positions,
    /// Sprints by lower-case name.
    pub sprint_names: Positions,
    /// Milestones by id.
    pub milestone_ids: Positions,
}

/// A phase's id, as [`Named::phase_ids`] keys it.
pub(super) fn phase_id(phase: &Phase) -> String {
    phase.id.0.clone()
}

/// A phase's lower-case name, as [`Named::phase_names`] keys it.
pub(super) fn phase_name(phase: &Phase) -> String {
    phase.name.to_lowercase()
}

/// The part of a phase's lower-case name after its first `: ` (empty when it has none), as
/// [`Named::phase_name_tails`] keys it.
pub(super) fn phase_name_tail(phase: &Phase) -> String {
    phase
        .name
        .to_lowercase()
        .split_once(": ")
        .map(|(_, tail)| tail.to_owned())
        .unwrap_or_default()
}

/// A sprint's id, as [`Named::sprint_ids`] keys it.
pub(super) fn sprint_id(sprint: &Sprint) -> String {
    sprint.id.0.clone()
}

/// A sprint's lower-case name, as [`Named::sprint_names`] keys it.
pub(super) fn sprint_name(sprint: &Sprint) -> String {
    sprint.name.to_lowercase()
}

/// A milestone's id, as [`Named::milestone_ids`] keys it.
pub(super) fn milestone_id(milestone: &Milestone) -> String {
    milestone.id.0.clone()
}

impl Builder {
    /// The first phase with this id.
    pub(super) fn phase_with_id(&mut self, id: &str) -> Option<usize> {
        let phases = &self.plan.phases;
        self.named.phase_ids.first(phases, phase_id, id, |_| true)
    }

    /// The first phase with this name (lower case).
    pub(super) fn phase_named(&mut self, name: &str) -> Option<usize> {
        let phases = &self.plan.phases;
        self.named
            .phase_names
            .first(phases, phase_name, name, |_| true)
    }

    /// The first phase whose name has `tail` (lower case, not empty) after its first `: `.
    pub(super) fn phase_named_after_colon(&mut self, tail: &str) -> Option<usize> {
        if tail.is_empty() {
            return None;
        }
        let phases = &self.plan.phases;
        let tails = &mut self.named.phase_name_tails;
        tails.first(phases, phase_name_tail, tail, |_| true)
    }

    /// The first sprint with this id.
    pub(super) fn sprint_with_id(&mut self, id: &str) -> Option<usize> {
        let sprints = &self.plan.sprints;
        self.named
            .sprint_ids
            .first(sprints, sprint_id, id, |_| true)
    }

    /// The first milestone with this id.
    pub(super) fn milestone_with_id(&mut self, id: &str) -> Option<usize> {
        let milestones = &self.plan.milestones;
        self.named
            .milestone_ids
            .first(milestones, milestone_id, id, |_| true)
    }

    /// The first sprint with this name (lower case).
    pub(super) fn sprint_named(&mut self, name: &str) -> Option<usize> {
        let sprints = &self.plan.sprints;
        self.named
            .sprint_names
            .first(sprints, sprint_name, name, |_| true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_element_with_a_key_as_the_list_grows_and_changes() {
        let mut items = vec!["a".to_owned(), "b".to_owned(), "a".to_owned()];
        let mut positions = Positions::default();
        let key = |s: &String| s.clone();
        assert_eq!(positions.first(&items, key, "a", |_| true), Some(0));
        assert_eq!(positions.first(&items, key, "a", |at| at > 0), Some(2));
        items.push("c".to_owned());
        assert_eq!(positions.first(&items, key, "c", |_| true), Some(3));
        // A key changed in place: the old entry is skipped, the new one found once added.
        items[0] = "c".to_owned();
        positions.add("c".to_owned(), 0);
        assert_eq!(positions.first(&items, key, "a", |_| true), Some(2));
        assert_eq!(positions.first(&items, key, "c", |_| true), Some(0));
        assert_eq!(positions.first(&items, key, "z", |_| true), None);
    }
}
