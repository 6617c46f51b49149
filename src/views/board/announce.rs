//! Telling a screen reader where a card is and where a moved card landed: every card's accessible
//! label names its place ("In progress, 2 of 5"), and after a move the board's status line, an
//! AccessKit live region, says "Moved PAY-003 to In progress, 2 of 5".

use crate::export::board::BoardIndex;
use crate::model::{Plan, TaskId};
use egui::accesskit::Live;
use egui::{Label, RichText, Ui};

/// A card's place on the board: "To do, 1 of 4", "To do in Sprint 2, 1 of 3" with lanes shown, or
/// "Sprint 2, 1 of 3" in planning mode, where a lane holds every status.
pub fn place_text(
    plan: &Plan,
    index: &BoardIndex,
    lane: usize,
    column: usize,
    row: usize,
    lanes_shown: bool,
) -> String {
    let Some(facts) = index.lanes.get(lane) else {
        return String::new();
    };
    let count = facts.cells.get(column).map_or(0, Vec::len);
    let status = index
        .columns
        .get(column)
        .and_then(|c| c.status.as_ref())
        .map(|s| plan.status_label(s));
    let cell = match (status, lanes_shown) {
        (Some(status), true) => format!("{status} in {}", facts.title),
        (Some(status), false) => status.to_owned(),
        (None, _) => facts.title.clone(),
    };
    format!("{cell}, {} of {count}", row + 1)
}

/// The board's announcement of the last move.
#[derive(Clone, Debug, Default)]
pub struct Announcer {
    /// A card moved by the last frame's edit, with the revision the edit was made at.
    pending: Option<(TaskId, u64)>,
    /// What the live region says.
    message: Option<String>,
}

impl Announcer {
    /// Notes that an edit moving `id` was asked for at `revision`; it is announced once applied.
    pub fn moved(&mut self, id: TaskId, revision: u64) {
        self.pending = Some((id, revision));
    }

    /// Turns a move made last frame into its announcement, once the plan's revision shows it applied
    /// (a refused edit leaves the revision alone and is not announced).
    pub fn update(&mut self, plan: &Plan, index: &BoardIndex, revision: u64, lanes_shown: bool) {
        let Some((id, asked_at)) = self.pending.take() else {
            return;
        };
        if asked_at == revision {
            return;
        }
        let place = plan
            .task_index(&id)
            .and_then(|task| index.locate(task))
            .map_or_else(
                || "a place the filter hides".to_owned(),
                |(lane, column, row)| place_text(plan, index, lane, column, row, lanes_shown),
            );
        self.message = Some(format!("Moved {id} to {place}"));
    }

    /// The status line: the last move, read out by screen readers when it changes.
    pub fn ui(&self, ui: &mut Ui) {
        let Some(message) = &self.message else {
            return;
        };
        ui.separator();
        let response = ui.add(Label::new(RichText::new(message).weak()).truncate());
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_live(Live::Polite));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::board::{BoardFilter, Swimlane};
    use crate::model::Task;

    fn plan() -> Plan {
        let mut plan = Plan::new("p");
        plan.tasks = vec![
            Task::new("A-1", "a", "TODO"),
            Task::new("A-2", "b", "TODO"),
            Task::new("A-3", "c", "DONE"),
        ]
        .into();
        plan
    }

    fn index(plan: &Plan) -> BoardIndex {
        BoardIndex::build(
            plan,
            &|_| false,
            &BoardFilter::default(),
            Swimlane::None,
            true,
        )
    }

    #[test]
    fn a_place_names_the_column_and_the_position_in_it() {
        let plan = plan();
        let index = index(&plan);
        let (lane, column, row) = index.locate(1).expect("A-2 is on the board");
        let status = plan.status_label(&plan.tasks[1].status).to_owned();
        assert_eq!(
            place_text(&plan, &index, lane, column, row, false),
            format!("{status}, 2 of 2")
        );
    }

    #[test]
    fn a_move_is_announced_only_once_the_revision_moved_on() {
        let plan = plan();
        let index = index(&plan);
        let mut announcer = Announcer::default();
        announcer.moved(TaskId::from("A-3"), 4);
        announcer.update(&plan, &index, 4, false);
        assert_eq!(announcer.message, None, "a refused edit says nothing");
        announcer.moved(TaskId::from("A-3"), 4);
        announcer.update(&plan, &index, 5, false);
        let status = plan.status_label(&plan.tasks[2].status).to_owned();
        assert_eq!(
            announcer.message.as_deref(),
            Some(format!("Moved A-3 to {status}, 1 of 1").as_str())
        );
        announcer.update(&plan, &index, 6, false);
        assert!(
            announcer.message.is_some(),
            "the message stays until the next move"
        );
    }
}
