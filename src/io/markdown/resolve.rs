//! What can only be settled once the whole document is read: task ids, parents, sprints,
//! dependencies by id or by name, phase dependencies, milestone and register references.

use super::headings;
use super::import::Builder;
use super::lookup::Titles;
use super::values::is_placeholder;
use crate::io::Imported;
use crate::model::{Blocker, Field, KnownIssue, PhaseId, SprintId, Task, TaskId, TaskList};
use std::collections::{HashMap, HashSet};

/// The id the importer gives the task at `index` when the document names none.
pub(super) fn automatic_id(index: usize) -> String {
    format!("T-{:03}", index + 1)
}

impl Builder {
    /// Settles references and counts.
    pub(super) fn finish(mut self) -> Imported {
        self.assign_ids();
        // An id written twice names its first task: the later ones are renamed before anything
        // refers to them, so a dependency found by title names the task it found.
        let lines: Vec<Option<usize>> = self.task_refs.iter().map(|r| Some(r.line)).collect();
        let line = |index: usize| lines.get(index).copied().flatten();
        let ids = self.tasks.iter().map(|t| &t.id);
        for (index, id) in crate::io::settle::unique_id_renames(ids, &mut self.report, &line) {
            self.tasks[index].id = id;
        }
        let mut ids: HashMap<String, usize> = HashMap::with_capacity(self.tasks.len());
        for (index, task) in self.tasks.iter().enumerate() {
            ids.entry(task.id.0.clone()).or_insert(index);
        }
        for (task, refs) in self.tasks.iter_mut().zip(&self.task_refs) {
            if let Some(phase) = refs.phase_index {
                task.phase = Some(self.plan.phases[phase].id.clone());
            }
        }
        self.resolve_parents(&ids);
        self.resolve_sprints();
        // Fields kept from "must complete before" come first, as an export writes them.
        self.resolve_before(&ids);
        self.resolve_dependencies(&ids);
        self.resolve_releases();
        self.resolve_phase_dependencies();
        self.resolve_milestones(&ids);
        self.resolve_registers();
        for key in std::mem::take(&mut self.added_statuses) {
            self.report.warn(
                None,
                format!("the document's legend has no \"{key}\" status; Waymark's was added"),
            );
        }
        self.plan.tasks = TaskList::from(std::mem::take(&mut self.tasks));
        super::titles::keep_written(&mut self.plan);
        self.plan.notes = std::mem::take(&mut self.notes)
            .into_iter()
            .flatten()
            .collect();
        crate::io::settle::settle(&mut self.plan, &mut self.report, &lines);
        self.report.count(&self.plan);
        Imported {
            plan: self.plan,
            report: self.report,
        }
    }

    fn assign_ids(&mut self) {
        // The ids the document wrote are moved onto their tasks; an automatic id skips them all.
        let written: HashSet<&str> = self
            .task_refs
            .iter()
            .filter_map(|r| r.explicit_id.as_deref())
            .collect();
        let mut made: HashSet<String> = HashSet::new();
        let automatic: Vec<Option<String>> = self
            .task_refs
            .iter()
            .enumerate()
            .map(|(index, refs)| {
                if refs.explicit_id.is_some() {
                    return None;
                }
                let base = automatic_id(index);
                let mut id = base.clone();
                let mut n = 2;
                while written.contains(id.as_str()) || made.contains(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                made.insert(id.clone());
                Some(id)
            })
            .collect();
        for ((task, refs), automatic) in self
            .tasks
            .iter_mut()
            .zip(&mut self.task_refs)
            .zip(automatic)
        {
            if let Some(id) = automatic.or_else(|| refs.explicit_id.take()) {
                task.id = TaskId(id);
            }
        }
    }

    fn resolve_parents(&mut self, ids: &HashMap<String, usize>) {
        for index in 0..self.tasks.len() {
            let refs = &self.task_refs[index];
            let parent = if let Some((text, line)) = &refs.parent_ref {
                if let Some(&parent) = ids.get(text.trim()) {
                    Some(parent)
                } else {
                    let message = format!("parent \"{text}\" names no task");
                    self.report.warn(Some(*line), message);
                    None
                }
            } else {
                refs.parent_index
            };
            self.tasks[index].parent = parent.map(|p| self.tasks[p].id.clone());
        }
    }

    /// The sprint `text` names: by id, by name or by the id its words make.
    fn sprint_id(&mut self, text: &str) -> Option<SprintId> {
        let text = text.trim();
        let index = self
            .sprint_with_id(text)
            .or_else(|| self.sprint_named(&text.to_lowercase()))
            .or_else(|| self.sprint_with_id(&headings::analyse(text).id))?;
        Some(self.plan.sprints[index].id.clone())
    }

    /// A sprint named in a task table that the plan lacks, added to it (unless its name makes
    /// no id).
    fn new_sprint(&mut self, text: &str) -> Option<SprintId> {
        let heading = headings::analyse(text);
        if heading.id.is_empty() {
            return None;
        }
        let index = self.sprint_for(&heading);
        Some(self.plan.sprints[index].id.clone())
    }

    fn resolve_sprints(&mut self) {
        for index in 0..self.tasks.len() {
            if let Some((text, line)) = self.task_refs[index].sprint_ref.take() {
                // Sprints a task table named are added as they are met.
                let found = self.sprint_id(&text).or_else(|| {
                    if self.task_refs[index].create_sprint {
                        self.new_sprint(&text)
                    } else {
                        None
                    }
                });
                match found {
                    Some(id) => self.tasks[index].sprint = Some(id),
                    None => self
                        .report
                        .warn(Some(line), format!("sprint \"{text}\" is not in the plan")),
                }
            }
        }
        for (index, text, line) in std::mem::take(&mut self.velocity_sprints) {
            match self.sprint_id(&text) {
                Some(id) => self.plan.velocity[index].sprint = Some(id),
                None => self
                    .report
                    .warn(Some(line), format!("sprint \"{text}\" is not in the plan")),
            }
        }
    }

    fn resolve_dependencies(&mut self, ids: &HashMap<String, usize>) {
        let mut titles = None;
        for index in 0..self.tasks.len() {
            let deps = std::mem::take(&mut self.task_refs[index].deps);
            let mut unresolved = Vec::new();
            for (text, line) in deps {
                for token in split_references(&text) {
                    match find_task(token, ids, &mut titles, &self.tasks) {
                        Some(target) if target != index => {
                            let id = self.tasks[target].id.clone();
                            let task = &mut self.tasks[index];
                            if !task.depends_on.contains(&id) {
                                task.depends_on.push(id);
                            }
                        }
                        Some(_) => {}
                        None => {
                            self.report.warn(
                                Some(line),
                                format!("dependency \"{token}\" names no task; kept as a field"),
                            );
                            if !unresolved.iter().any(|kept: &String| kept == token) {
                                unresolved.push(token.to_owned());
                            }
                        }
                    }
                }
            }
            if !unresolved.is_empty() {
                self.tasks[index].fields.push(Field {
                    name: "Dependencies".to_owned(),
                    value: unresolved.join(", "),
                });
            }
        }
    }

    /// The phase `text` names: by id, by name, by the part of a name after its `: ` ("Beta" for
    /// "Phase 2: Beta") or by the id its words make.
    fn phase_id(&mut self, text: &str) -> Option<PhaseId> {
        let text = text.trim();
        let lower = text.to_lowercase();
        let index = self
            .phase_with_id(text)
            .or_else(|| self.phase_named(&lower))
            .or_else(|| self.phase_named_after_colon(&lower))
            .or_else(|| self.phase_with_id(&headings::analyse(text).id))?;
        Some(self.plan.phases[index].id.clone())
    }

    fn resolve_phase_dependencies(&mut self) {
        for (index, text, line) in std::mem::take(&mut self.phase_deps) {
            let mut found = Vec::new();
            let mut missing = Vec::new();
            let lower = text.to_lowercase();
            if lower.contains("all previous") || lower.contains("all earlier") {
                found.extend(self.plan.phases[..index].iter().map(|p| p.id.clone()));
            } else {
                let mut word = String::new();
                for token in split_references(&strip_phase_words(&text)) {
                    let mut words = token.split_whitespace();
                    let first = words.next().unwrap_or_default();
                    let spelled = if first.chars().all(|c| c.is_ascii_digit()) && !word.is_empty() {
                        format!("{word} {token}")
                    } else {
                        if words.next().is_some() {
                            first.clone_into(&mut word);
                        }
                        token.to_owned()
                    };
                    match self.phase_id(&spelled) {
                        Some(id) => found.push(id),
                        None => missing.push(token.to_owned()),
                    }
                }
            }
            for token in &missing {
                self.report.warn(
                    Some(line),
                    format!("phase \"{token}\" is not in the plan; kept as a field"),
                );
            }
            let phase = &mut self.plan.phases[index];
            for id in found {
                if id != phase.id && !phase.depends_on.contains(&id) {
                    phase.depends_on.push(id);
                }
            }
            if !missing.is_empty() {
                phase.fields.push(Field {
                    name: "Depends on".to_owned(),
                    value: missing.join(", "),
                });
            }
        }
    }

    fn resolve_milestones(&mut self, ids: &HashMap<String, usize>) {
        for (index, phases, tasks, line) in std::mem::take(&mut self.milestone_refs) {
            for text in phases {
                match self.phase_id(&text) {
                    Some(id) => self.plan.milestones[index].phases.push(id),
                    None => self
                        .report
                        .warn(Some(line), format!("phase \"{text}\" is not in the plan")),
                }
            }
            for text in tasks {
                match ids.get(text.as_str()) {
                    Some(&task) => {
                        let id = self.tasks[task].id.clone();
                        self.plan.milestones[index].tasks.push(id);
                    }
                    None => self
                        .report
                        .warn(Some(line), format!("task \"{text}\" is not in the plan")),
                }
            }
        }
    }

    fn resolve_registers(&mut self) {
        for (is_blocker, index, text, line) in std::mem::take(&mut self.register_phases) {
            if text.is_empty() {
                continue;
            }
            let Some(id) = self.phase_id(&text) else {
                self.report
                    .warn(Some(line), format!("phase \"{text}\" is not in the plan"));
                continue;
            };
            if is_blocker {
                self.plan.blockers[index].phase = Some(id);
            } else {
                self.plan.known_issues[index].phase = Some(id);
            }
        }
        // A row that gave the register nothing it keeps (its phase, if any, named none) is no
        // entry: it would be written as a row of blanks, which is skipped.
        self.plan.blockers.retain(|b| *b != Blocker::default());
        self.plan
            .known_issues
            .retain(|i| *i != KnownIssue::default());
    }
}

/// Splits "A, B and C" into its parts, placeholders dropped, quotes and a final full stop removed.
fn split_references(text: &str) -> impl Iterator<Item = &str> {
    text.trim()
        .trim_end_matches('.')
        .split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .map(|part| part.trim().trim_matches('"').trim())
        .filter(|part| !is_placeholder(part))
}

const FILLER: [&str; 12] = [
    "must be completed first",
    "must be complete first",
    "must be done first",
    "must be completed",
    "must be complete",
    "must be done",
    "to be complete",
    "is required",
    "completion",
    "complete",
    "finished",
    "first",
];

fn strip_phase_words(text: &str) -> String {
    let mut rest = text.trim().trim_end_matches('.');
    for prefix in ["depends on", "requires", "after"] {
        if rest
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        {
            rest = rest[prefix.len()..].trim();
        }
    }
    for filler in FILLER {
        let cut = rest.len().saturating_sub(filler.len());
        if rest
            .get(cut..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(filler))
        {
            rest = rest[..cut].trim();
        }
    }
    rest.to_owned()
}

/// The task a reference names: its id, its exact title, or the one task whose title holds the words.
pub(super) fn find_task(
    token: &str,
    ids: &HashMap<String, usize>,
    titles: &mut Option<Titles>,
    tasks: &[Task],
) -> Option<usize> {
    if let Some(&index) = ids.get(token) {
        return Some(index);
    }
    let words = strip_phase_words(token).to_lowercase();
    if words.is_empty() {
        return None;
    }
    // The titles are lower-cased on the first reference that is no id.
    let titles = titles.get_or_insert_with(|| Titles::new(tasks.iter().map(|t| t.title.as_str())));
    titles.exact(&words).or_else(|| titles.only_holding(&words))
}
