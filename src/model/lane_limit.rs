//! Work-in-progress limits of board swimlanes.

use super::{PhaseId, Plan, Priority, SprintId};
use serde::{Deserialize, Serialize};

/// The most cards one swimlane of the board should hold at once.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(default)]
pub struct LaneLimit {
    /// What the lanes are made of: `sprint`, `phase`, `owner` or `priority`.
    pub lanes: String,
    /// The lane's key: a sprint or phase id, an owner, a priority (`P1`); empty for the lane of
    /// tasks without one (the backlog, no phase, unassigned, no priority).
    pub lane: String,
    /// The limit, at least 1.
    pub limit: u32,
}

impl Plan {
    /// The WIP limit of one swimlane, if it has one.
    pub fn lane_wip_limit(&self, lanes: &str, lane: &str) -> Option<u32> {
        self.lane_wip_limits
            .iter()
            .find(|l| l.lanes == lanes && l.lane == lane)
            .map(|l| l.limit)
    }

    /// A swimlane's name as people say it ("Sprint 2", "the backlog", "P1"); `None` when the plan
    /// has no such lane.
    pub fn lane_name(&self, lanes: &str, lane: &str) -> Option<String> {
        let name = match (lanes, lane) {
            ("sprint", "") => "the backlog".to_owned(),
            ("sprint", id) => self.sprint(&SprintId::from(id))?.name.clone(),
            ("phase", "") => "tasks without a phase".to_owned(),
            ("phase", id) => self.phase(&PhaseId::from(id))?.name.clone(),
            ("owner", "") => "unassigned tasks".to_owned(),
            ("owner", owner) => owner.to_owned(),
            ("priority", "") => "tasks without a priority".to_owned(),
            ("priority", text) => Priority::parse(text)?.to_string(),
            _ => return None,
        };
        Some(name)
    }
}
