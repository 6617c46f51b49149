//! Dependencies written in prose inside a task's title, description or bullets: "Blocked by X",
//! "blocked on X", "after X is done" (this task depends on X) and "must complete before Y" (Y
//! depends on this task). A reference that names exactly one task (by id, title or words only one
//! title holds, as for dependency fields) becomes a dependency; any other is reported with its
//! line and kept as a field (`Dependencies`, or `Must complete before`).
//!
//! The phrases are found at word starts by a case-insensitive byte comparison, in one pass over
//! the text: nothing is allocated for text that holds none of them.

use super::import::Builder;
use super::resolve::find_task;
use crate::model::{Field, TaskId};
use std::collections::HashMap;

/// The field that keeps a "must complete before" reference that names no task.
const BEFORE_FIELD: &str = "Must complete before";

/// Phrases after which a reference to a task this one depends on follows.
const BLOCKED: [&str; 3] = ["blocked by ", "blocked on ", "waiting on "];
/// Phrases after which a reference to a task that depends on this one follows.
const BEFORE: [&str; 3] = [
    "must complete before ",
    "must be completed before ",
    "must finish before ",
];
/// What ends an "after X …" phrase.
const AFTER_ENDS: [&str; 5] = [
    "is done",
    "is complete",
    "is completed",
    "is finished",
    "is merged",
];

/// True when `hay` starts with `needle` (lower-case ASCII), ignoring ASCII case.
fn starts_ci(hay: &[u8], needle: &str) -> bool {
    hay.len() >= needle.len()
        && hay
            .iter()
            .zip(needle.as_bytes())
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
}

/// Where `needle` (lower-case ASCII) first occurs in `hay` at the start of a word, ignoring
/// ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    word_starts(hay).find(|&at| starts_ci(&hay.as_bytes()[at..], needle))
}

/// The byte offsets where words start: one pass, nothing allocated.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len()).filter(move |&at| {
        bytes[at].is_ascii_alphabetic() && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
    })
}

/// The reference after a phrase: up to a closing bracket, a semicolon, a sentence's end or the
/// end of the text, quotes and emphasis removed.
fn reference(text: &str) -> &str {
    let mut end = text.len();
    for stop in [")", "]", ";", ". ", ", "] {
        if let Some(at) = text.find(stop) {
            end = end.min(at);
        }
    }
    text[..end]
        .trim()
        .trim_end_matches('.')
        .trim_matches(['"', '*', '_', '`', '“', '”'])
        .trim()
}

/// Every dependency phrase in `text`: (true for "must complete before", the reference).
pub(super) fn phrases(text: &str) -> Vec<(bool, &str)> {
    let mut found = Vec::new();
    for (reverse, words) in [(false, &BLOCKED[..]), (true, &BEFORE[..])] {
        for phrase in words {
            if let Some(at) = find_ci(text, phrase) {
                let target = reference(&text[at + phrase.len()..]);
                if !target.is_empty() {
                    found.push((reverse, target));
                }
            }
        }
    }
    if let Some(at) = find_ci(text, "after ") {
        let rest = &text[at + 6..];
        if let Some((end, _)) = AFTER_ENDS
            .iter()
            .filter_map(|end| find_ci(rest, end).map(|at| (at, end)))
            .min()
        {
            let target = reference(&rest[..end]);
            if !target.is_empty() {
                found.push((false, target));
            }
        }
    }
    found
}

/// True when a bullet is nothing but a dependency phrase ("Blocked by the API design").
pub(super) fn is_dependency_bullet(text: &str) -> bool {
    let text = text.trim_start_matches(['*', '_']);
    BLOCKED
        .iter()
        .chain(&BEFORE)
        .chain(&["after "])
        .any(|phrase| find_ci(text, phrase) == Some(0))
        && !phrases(text).is_empty()
}

impl Builder {
    /// Records the dependencies written in prose in `text`, part of task `task`, on line `number`.
    pub(super) fn prose_dependencies(&mut self, task: usize, text: &str, number: usize) {
        // One pass over the words first: most text holds no phrase and costs nothing more.
        let bytes = text.as_bytes();
        let candidate = word_starts(text).any(|at| {
            matches!(bytes[at].to_ascii_lowercase(), b'a' | b'b' | b'm' | b'w')
                && ["blocked ", "must ", "after ", "waiting on "]
                    .iter()
                    .any(|word| starts_ci(&bytes[at..], word))
        });
        if !candidate {
            return;
        }
        for (reverse, target) in phrases(text) {
            if reverse {
                self.more.before.push((task, target.to_owned(), number));
            } else {
                self.task_refs[task].deps.push((target.to_owned(), number));
            }
        }
    }

    /// Makes each task named after "must complete before" depend on the task that named it.
    pub(super) fn resolve_before(&mut self, ids: &HashMap<String, usize>) {
        let before = std::mem::take(&mut self.more.before);
        if before.is_empty() {
            return;
        }
        let mut titles = None;
        for (task, target, line) in before {
            match find_task(&target, ids, &mut titles, &self.tasks) {
                Some(found) if found != task => {
                    let id: TaskId = self.tasks[task].id.clone();
                    let later = &mut self.tasks[found].depends_on;
                    if !later.contains(&id) {
                        later.push(id);
                    }
                }
                Some(_) => {}
                None => {
                    self.report.warn(
                        Some(line),
                        format!("\"must complete before {target}\" names no task; kept as a field"),
                    );
                    let fields = &mut self.tasks[task].fields;
                    let kept = fields
                        .iter()
                        .any(|f| f.name == BEFORE_FIELD && f.value == target);
                    if !kept {
                        fields.push(Field {
                            name: BEFORE_FIELD.to_owned(),
                            value: target,
                        });
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found() {
        assert_eq!(
            phrases("Deploy (blocked by Set up CI)"),
            vec![(false, "Set up CI")]
        );
        assert_eq!(
            phrases("Blocked on \"Legal review\"; chase Friday"),
            vec![(false, "Legal review")]
        );
        assert_eq!(
            phrases("Must complete before Launch."),
            vec![(true, "Launch")]
        );
        assert_eq!(
            phrases("Start after the schema is done, then test"),
            vec![(false, "the schema")]
        );
        assert!(phrases("Ship after lunch").is_empty());
        assert!(is_dependency_bullet("Blocked by Set up CI"));
        assert!(!is_dependency_bullet("Check the logs"));
    }
}
