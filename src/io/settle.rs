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
    let ids: HashMap<TaskId, usize> = plan
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    let phases: HashSet<String> = plan.phases.iter().map(|p| p.id.0.clone()).collect();
    let sprints: HashSet<String> = plan.sprints.iter().map(|s| s.id.0.clone()).collect();
    let mut missing_statuses = Vec::new();
    for (index, task) in plan.tasks.iter_mut().enumerate() {
        let at = line(index);
        let (known, unknown): (Vec<TaskId>, Vec<TaskId>) = std::mem::take(&mut task.depends_on)
            .into_iter()
            .partition(|dep| ids.contains_key(dep));
        task.depends_on = known;
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
        if let Some(parent) = task
            .parent
            .take_if(|p| !ids.contains_key(p) || *p == task.id)
        {
            report.warn(
                at,
                format!(
                    "the parent {parent} of {} is no other task of the plan; kept in the field \"{UNRESOLVED_PARENT}\"",
                    task.id
                ),
            );
            keep(&mut task.fields, UNRESOLVED_PARENT, parent.as_str());
        }
        if let Some(sprint) = task.sprint.take_if(|s| !sprints.contains(&s.0)) {
            report.warn(
                at,
                format!(
                    "{} names the sprint \"{sprint}\", which the plan does not have; kept in the field \"{UNRESOLVED_SPRINT}\"",
                    task.id
                ),
            );
            keep(&mut task.fields, UNRESOLVED_SPRINT, &sprint.0);
        }
        if let Some(phase) = task.phase.take_if(|p| !phases.contains(&p.0)) {
            report.warn(
                at,
                format!(
                    "{} names the phase \"{phase}\", which the plan does not have; kept in the field \"{UNRESOLVED_PHASE}\"",
                    task.id
                ),
            );
            keep(&mut task.fields, UNRESOLVED_PHASE, &phase.0);
        }
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
    cut_parent_loops(plan, report, &ids, &line);
    let graph = DependencyGraph::with_phases(plan);
    for cycle in graph.cycles(plan) {
        let first = cycle.first().and_then(|id| ids.get(id)).copied();
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
    let mut seen: HashSet<TaskId> = HashSet::with_capacity(plan.tasks.len());
    let all: HashSet<TaskId> = plan.tasks.iter().map(|t| t.id.clone()).collect();
    for (index, task) in plan.tasks.iter_mut().enumerate() {
        if seen.insert(task.id.clone()) {
            continue;
        }
        let original = task.id.clone();
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
        task.id = id;
    }
}

/// Cuts the parent link that closes a loop of parents (A's parent B, B's parent A).
fn cut_parent_loops(
    plan: &mut Plan,
    report: &mut ImportReport,
    ids: &HashMap<TaskId, usize>,
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
            match plan.tasks[at].parent.as_ref().and_then(|p| ids.get(p)) {
                Some(&parent) => at = parent,
                None => break,
            }
        }
        if state[at] == 1 && plan.tasks[at].parent.is_some() {
            // The walk came back to a task on it: cut the link that closed the loop.
            if let Some(&last) = walk.last() {
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
