//! The last step of every import: the plan is made one that `waymark check` accepts.
//!
//! A reference that names nothing in the plan (a dependency, a parent, a sprint, a phase) is taken
//! off the task and kept, as written, in a field of the task ("Unresolved dependencies"…), with a
//! warning giving its line. Ids used twice get a suffix, statuses missing from the legend are added
//! to it, and a parent chain that loops is cut. A dependency loop is the source's own: it is kept as
//! written and named in the report. On a plan that is already valid (every plan Waymark exported)
//! nothing changes, so round trips stay exact.

use super::ImportReport;
use super::status_words::category_colour;
use crate::analysis::{DependencyGraph, format_loop};
use crate::model::{Field, Plan, StatusCategory, StatusDef, TaskId};
use std::collections::{HashMap, HashSet};

/// The field an unresolved dependency is kept in.
pub const UNRESOLVED_DEPENDENCIES: &str = "Unresolved dependencies";
/// The field an unresolved parent is kept in.
pub const UNRESOLVED_PARENT: &str = "Unresolved parent";
/// The field an unresolved sprint is kept in.
pub const UNRESOLVED_SPRINT: &str = "Unresolved sprint";
/// The field an unresolved phase is kept in.
pub const UNRESOLVED_PHASE: &str = "Unresolved phase";

/// Makes `plan` valid. `lines[i]` is the source line of `plan.tasks[i]`, when known.
pub(crate) fn settle(plan: &mut Plan, report: &mut ImportReport, lines: &[Option<usize>]) {
    let line = |index: usize| lines.get(index).copied().flatten();
    unique_ids(plan, report, &line);
    let facts = Facts::of(plan);
    let mut missing_statuses = Vec::new();
    for &index in &facts.to_mend {
        let task = &mut plan.tasks[index];
        let at = line(index);
        let mut unknown = Vec::new();
        for (at, dep) in std::mem::take(&mut task.depends_on).into_iter().enumerate() {
            if facts.known(index, at) {
                task.depends_on.push(dep);
            } else {
                unknown.push(dep);
            }
        }
        if !unknown.is_empty() {
            let names: Vec<&str> = unknown.iter().map(TaskId::as_str).collect();
            report.warn(
                at,
                format!(
                    "{} depends on {}, which no task of the plan is; kept in the field \"{UNRESOLVED_DEPENDENCIES}\"",
                    task.id,
                    names.join(", ")
                ),
            );
            keep(&mut task.fields, UNRESOLVED_DEPENDENCIES, &names.join(", "));
        }
        if let Some(parent) = task.parent.take_if(|_| facts.parent[index].is_none()) {
            report.warn(
                at,
                format!(
                    "the parent {parent} of {} is no other task of the plan; kept in the field \"{UNRESOLVED_PARENT}\"",
                    task.id
                ),
            );
            keep(&mut task.fields, UNRESOLVED_PARENT, parent.as_str());
        }
        if let Some(sprint) = task.sprint.take_if(|s| !facts.sprints.contains(&s.0)) {
            report.warn(
                at,
                format!(
                    "{} names the sprint \"{sprint}\", which the plan does not have; kept in the field \"{UNRESOLVED_SPRINT}\"",
                    task.id
                ),
            );
            keep(&mut task.fields, UNRESOLVED_SPRINT, &sprint.0);
        }
        if let Some(phase) = task.phase.take_if(|p| !facts.phases.contains(&p.0)) {
            report.warn(
                at,
                format!(
                    "{} names the phase \"{phase}\", which the plan does not have; kept in the field \"{UNRESOLVED_PHASE}\"",
                    task.id
                ),
            );
            keep(&mut task.fields, UNRESOLVED_PHASE, &phase.0);
        }
    }
    for task in &plan.tasks {
        if !missing_statuses.contains(&task.status)
            && !plan.legend.iter().any(|s| s.key == task.status)
        {
            missing_statuses.push(task.status.clone());
        }
    }
    for key in missing_statuses {
        report.warn(
            None,
            format!("the status \"{key}\" was in no legend; added as not started"),
        );
        let category = StatusCategory::NotStarted;
        plan.legend.push(StatusDef::new(
            key.as_str(),
            key.as_str(),
            category,
            category_colour(category),
        ));
    }
    let mut parents = facts.parent;
    cut_parent_loops(plan, report, &mut parents, &line);
    // Dependencies that all point back up the plan, and no phase dependencies, make no loop:
    // the graph is only built when one could be there.
    if facts.backward && plan.phases.iter().all(|p| p.depends_on.is_empty()) {
        return;
    }
    let graph = DependencyGraph::with_phases(plan);
    for cycle in graph.cycles(plan) {
        let first = cycle
            .first()
            .and_then(|id| graph.index.get(id))
            .map(|node| graph.graph[*node]);
        report.warn(
            first.and_then(line),
            format!(
                "the source has a dependency loop: {}; kept as written",
                format_loop(&cycle)
            ),
        );
        report.loops += 1;
    }
}

/// What [`settle`] needs to know of a plan with unique ids, found in one pass that only reads it
/// (so the ids need not be copied): which tasks need mending and how.
struct Facts {
    /// The tasks with a reference that names nothing, in plan order.
    to_mend: Vec<usize>,
    /// For the tasks to mend: which of their dependencies name a task (by task, in order).
    known_deps: HashMap<usize, Vec<bool>>,
    /// Each task's parent (its index), when it names another task of the plan.
    parent: Vec<Option<usize>>,
    /// The ids of the plan's phases and sprints.
    phases: HashSet<String>,
    sprints: HashSet<String>,
    /// Whether every dependency names a task earlier in the plan.
    backward: bool,
}

impl Facts {
    fn of(plan: &Plan) -> Self {
        let ids: HashMap<&str, usize> = plan
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let phases: HashSet<String> = plan.phases.iter().map(|p| p.id.0.clone()).collect();
        let sprints: HashSet<String> = plan.sprints.iter().map(|s| s.id.0.clone()).collect();
        let mut facts = Self {
            to_mend: Vec::new(),
            known_deps: HashMap::new(),
            parent: Vec::with_capacity(plan.tasks.len()),
            phases,
            sprints,
            backward: true,
        };
        for (index, task) in plan.tasks.iter().enumerate() {
            let mut all_known = true;
            for dep in &task.depends_on {
                match ids.get(dep.as_str()) {
                    Some(&at) => facts.backward &= at < index,
                    None => all_known = false,
                }
            }
            if !all_known {
                let known = task
                    .depends_on
                    .iter()
                    .map(|dep| ids.contains_key(dep.as_str()))
                    .collect();
                facts.known_deps.insert(index, known);
            }
            let parent = task
                .parent
                .as_ref()
                .and_then(|p| ids.get(p.as_str()).copied())
                .filter(|&p| p != index);
            let broken =
                |id: Option<&String>, set: &HashSet<String>| id.is_some_and(|id| !set.contains(id));
            if !all_known
                || (task.parent.is_some() && parent.is_none())
                || broken(task.sprint.as_ref().map(|s| &s.0), &facts.sprints)
                || broken(task.phase.as_ref().map(|p| &p.0), &facts.phases)
            {
                facts.to_mend.push(index);
            }
            facts.parent.push(parent);
        }
        facts
    }

    /// Whether the dependency at `at` of the task at `index` names a task of the plan.
    fn known(&self, index: usize, at: usize) -> bool {
        self.known_deps
            .get(&index)
            .is_none_or(|known| known.get(at).copied().unwrap_or(true))
    }
}
/// Adds `value` to the field `name`, after what it already holds.
pub(crate) fn keep(fields: &mut Vec<Field>, name: &str, value: &str) {
    match fields.iter_mut().find(|f| f.name == name) {
        Some(field) => {
            field.value.push_str(", ");
            field.value.push_str(value);
        }
        None => fields.push(Field {
            name: name.to_owned(),
            value: value.to_owned(),
        }),
    }
}

/// Gives every task whose id an earlier task already has the first free `id-2`, `id-3`….
pub(crate) fn unique_ids(
    plan: &mut Plan,
    report: &mut ImportReport,
    line: &dyn Fn(usize) -> Option<usize>,
) {
    for (index, id) in unique_id_renames(plan.tasks.iter().map(|t| &t.id), report, line) {
        plan.tasks[index].id = id;
    }
}

/// The new ids [`unique_ids`] gives (by position), for tasks with these `ids`; each renaming is
/// reported.
pub(crate) fn unique_id_renames<'a>(
    ids: impl Iterator<Item = &'a TaskId> + Clone,
    report: &mut ImportReport,
    line: &dyn Fn(usize) -> Option<usize>,
) -> Vec<(usize, TaskId)> {
    let mut distinct: HashSet<&str> = HashSet::with_capacity(ids.size_hint().0);
    if ids.clone().all(|id| distinct.insert(id.as_str())) {
        return Vec::new();
    }
    let mut seen: HashSet<TaskId> = HashSet::with_capacity(distinct.len());
    let all: HashSet<&TaskId> = ids.clone().collect();
    let mut renames = Vec::new();
    for (index, original) in ids.enumerate() {
        if seen.insert(original.clone()) {
            continue;
        }
        let mut n = 2;
        let mut id = TaskId(format!("{original}-{n}"));
        while seen.contains(&id) || all.contains(&id) {
            n += 1;
            id = TaskId(format!("{original}-{n}"));
        }
        report.warn(
            line(index),
            format!("the id {original} is used twice; this task became {id}"),
        );
        seen.insert(id.clone());
        renames.push((index, id));
    }
    renames
}

/// Cuts the parent link that closes a loop of parents (A's parent B, B's parent A). `parents[i]` is
/// the index of the parent of `plan.tasks[i]`; a cut link is taken off both.
fn cut_parent_loops(
    plan: &mut Plan,
    report: &mut ImportReport,
    parents: &mut [Option<usize>],
    line: &dyn Fn(usize) -> Option<usize>,
) {
    // 0: not seen, 1: on the walk being made, 2: leads to a root.
    let mut state = vec![0u8; plan.tasks.len()];
    let mut walk = Vec::new();
    for start in 0..plan.tasks.len() {
        let mut at = start;
        walk.clear();
        while state[at] == 0 {
            state[at] = 1;
            walk.push(at);
            match parents[at] {
                Some(parent) => at = parent,
                None => break,
            }
        }
        if state[at] == 1 && parents[at].is_some() {
            // The walk came back to a task on it: cut the link that closed the loop.
            if let Some(&last) = walk.last() {
                parents[last] = None;
                let task = &mut plan.tasks[last];
                if let Some(parent) = task.parent.take() {
                    report.warn(
                        line(last),
                        format!(
                            "the parents of {} go round in a loop; its parent {parent} is kept in the field \"{UNRESOLVED_PARENT}\"",
                            task.id
                        ),
                    );
                    keep(&mut task.fields, UNRESOLVED_PARENT, parent.as_str());
                }
            }
        }
        for &index in &walk {
            state[index] = 2;
        }
    }
}
