//! Which tasks wait on prerequisites that are not finished yet.

use crate::model::{Plan, StatusCategory, TaskId};
use std::collections::HashMap;

/// For every task with at least one direct prerequisite whose status is neither done nor dropped, those
/// prerequisites in the task's own order. Tasks that wait on nothing are left out; prerequisites the plan
/// does not have are ignored (the plan check reports them).
pub fn unfinished_prerequisites(plan: &Plan) -> HashMap<TaskId, Vec<TaskId>> {
    let finished: HashMap<&TaskId, bool> = plan
        .tasks
        .iter()
        .map(|task| {
            let category = plan.category(&task.status);
            (
                &task.id,
                matches!(category, StatusCategory::Done | StatusCategory::Dropped),
            )
        })
        .collect();
    plan.tasks
        .iter()
        .filter_map(|task| {
            let open: Vec<TaskId> = task
                .depends_on
                .iter()
                .filter(|on| finished.get(on) == Some(&false))
                .cloned()
                .collect();
            (!open.is_empty()).then(|| (task.id.clone(), open))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Task;

    #[test]
    fn only_unfinished_direct_prerequisites_count() {
        let mut plan = Plan::new("p");
        plan.tasks = vec![
            Task::new("A", "a", "DONE"),
            Task::new("B", "b", "IN PROGRESS"),
            Task::new("C", "c", "TODO"),
            Task::new("D", "d", "TODO"),
        ]
        .into();
        plan.tasks[2].depends_on = vec!["A".into(), "B".into(), "MISSING".into()];
        plan.tasks[3].depends_on = vec!["A".into()];
        let open = unfinished_prerequisites(&plan);
        assert_eq!(open.len(), 1);
        assert_eq!(open[&TaskId::from("C")], vec![TaskId::from("B")]);
    }
}
