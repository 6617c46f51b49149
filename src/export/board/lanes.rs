//! Swimlanes: how the board splits its columns into horizontal lanes.

use crate::model::{PhaseId, Plan, Priority, SprintId, Task};

/// What the board's lanes are made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Swimlane {
    /// One lane holding every card.
    #[default]
    None,
    /// One lane per sprint, and one for the backlog.
    Sprint,
    /// One lane per phase, and one for tasks without a phase.
    Phase,
    /// One lane per owner, and one for unassigned tasks.
    Owner,
    /// One lane per priority, and one for tasks without a priority.
    Priority,
}

impl Swimlane {
    /// Every choice, in toolbar order.
    pub const ALL: [Self; 5] = [
        Self::None,
        Self::Sprint,
        Self::Phase,
        Self::Owner,
        Self::Priority,
    ];

    /// The choice's name in the toolbar.
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "No lanes",
            Self::Sprint => "Sprint",
            Self::Phase => "Phase",
            Self::Owner => "Owner",
            Self::Priority => "Priority",
        }
    }
}

/// One lane: the value every card in it shares.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LaneKey {
    /// The single lane when the board has no swimlanes.
    All,
    /// A sprint, or the backlog.
    Sprint(Option<SprintId>),
    /// A phase, or none.
    Phase(Option<PhaseId>),
    /// An owner; empty means unassigned.
    Owner(String),
    /// A priority, or none.
    Priority(Option<Priority>),
}

impl LaneKey {
    /// The lane a task belongs to.
    pub fn of(task: &Task, swimlane: Swimlane) -> Self {
        match swimlane {
            Swimlane::None => Self::All,
            Swimlane::Sprint => Self::Sprint(task.sprint.clone()),
            Swimlane::Phase => Self::Phase(task.phase.clone()),
            Swimlane::Owner => Self::Owner(task.owner.clone()),
            Swimlane::Priority => Self::Priority(task.priority),
        }
    }

    /// How the plan names this lane for its WIP limit: the lane kind and the lane's key (see
    /// [`crate::model::LaneLimit`]); `None` for the single lane of a board without swimlanes.
    pub fn limit_key(&self) -> Option<(&'static str, String)> {
        match self {
            Self::All => None,
            Self::Sprint(sprint) => Some((
                "sprint",
                sprint
                    .as_ref()
                    .map_or(String::new(), |s| s.as_str().to_owned()),
            )),
            Self::Phase(phase) => Some((
                "phase",
                phase
                    .as_ref()
                    .map_or(String::new(), |p| p.as_str().to_owned()),
            )),
            Self::Owner(owner) => Some(("owner", owner.clone())),
            Self::Priority(priority) => Some((
                "priority",
                priority.map_or(String::new(), |p| p.to_string()),
            )),
        }
    }

    /// The lane's own WIP limit in a plan.
    pub fn wip_limit(&self, plan: &Plan) -> Option<u32> {
        let (lanes, lane) = self.limit_key()?;
        plan.lane_wip_limit(lanes, &lane)
    }

    /// The lane's name as shown in its header.
    pub fn title(&self, plan: &Plan) -> String {
        match self {
            Self::All => "All tasks".to_owned(),
            Self::Sprint(None) => "Backlog".to_owned(),
            Self::Sprint(Some(id)) => plan.sprint(id).map_or(id.to_string(), |s| s.name.clone()),
            Self::Phase(None) => "No phase".to_owned(),
            Self::Phase(Some(id)) => plan.phase(id).map_or(id.to_string(), |p| p.name.clone()),
            Self::Owner(owner) if owner.is_empty() => "Unassigned".to_owned(),
            Self::Owner(owner) => owner.clone(),
            Self::Priority(None) => "No priority".to_owned(),
            Self::Priority(Some(priority)) => format!("{priority} {}", priority.meaning()),
        }
    }
}

/// Every lane of a plan for a swimlane choice, in display order: the plan's sprints or phases in plan
/// order, owners alphabetically, priorities most urgent first, and the "none" lane last.
pub fn lanes(plan: &Plan, swimlane: Swimlane) -> Vec<LaneKey> {
    match swimlane {
        Swimlane::None => vec![LaneKey::All],
        Swimlane::Sprint => plan
            .sprints
            .iter()
            .map(|s| LaneKey::Sprint(Some(s.id.clone())))
            .chain([LaneKey::Sprint(None)])
            .collect(),
        Swimlane::Phase => plan
            .phases
            .iter()
            .map(|p| LaneKey::Phase(Some(p.id.clone())))
            .chain([LaneKey::Phase(None)])
            .collect(),
        Swimlane::Owner => owners(plan)
            .into_iter()
            .map(LaneKey::Owner)
            .chain([LaneKey::Owner(String::new())])
            .collect(),
        Swimlane::Priority => Priority::ALL
            .iter()
            .map(|p| LaneKey::Priority(Some(*p)))
            .chain([LaneKey::Priority(None)])
            .collect(),
    }
}

/// The plan's owners, sorted, without duplicates or the empty owner.
pub fn owners(plan: &Plan) -> Vec<String> {
    let mut owners: Vec<String> = plan
        .tasks
        .iter()
        .filter(|t| !t.owner.is_empty())
        .map(|t| t.owner.clone())
        .collect();
    owners.sort();
    owners.dedup();
    owners
}
