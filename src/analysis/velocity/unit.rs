//! What velocity counts: story points, hours or tasks.

use crate::model::{Estimate, Plan};
use serde::Serialize;
use std::fmt;

/// The unit velocity numbers are in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Story points (a task without points counts 0).
    #[default]
    Points,
    /// Estimated hours (a task without hours counts 0).
    Hours,
    /// Tasks, each counting 1.
    Count,
}

impl Unit {
    /// Every unit, in the order a switcher shows them.
    pub const ALL: [Self; 3] = [Self::Points, Self::Hours, Self::Count];

    /// The unit a plan is best measured in: points when most tasks have points, else hours when most
    /// have hours, else the task count.
    pub fn default_for(plan: &Plan) -> Self {
        let half = plan.tasks.len() / 2;
        let with = |f: fn(&Estimate) -> bool| plan.tasks.iter().filter(|t| f(&t.estimate)).count();
        if !plan.tasks.is_empty() && with(|e| e.points.is_some()) > half {
            Self::Points
        } else if !plan.tasks.is_empty() && with(|e| e.hours.is_some()) > half {
            Self::Hours
        } else {
            Self::Count
        }
    }

    /// Reads `points`, `hours` or `count` (and the short forms `pts`, `h`, `tasks`), any case.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "points" | "point" | "pts" | "pt" | "sp" => Some(Self::Points),
            "hours" | "hour" | "h" | "hrs" => Some(Self::Hours),
            "count" | "tasks" | "task" | "items" => Some(Self::Count),
            _ => None,
        }
    }

    /// The size of one estimate in this unit.
    pub fn size(self, estimate: &Estimate) -> f64 {
        match self {
            Self::Points => estimate.points.unwrap_or(0.0),
            Self::Hours => estimate.hours.unwrap_or(0.0),
            Self::Count => 1.0,
        }
    }

    /// The short label numbers are shown with and velocity records are written in: `pts`, `h`, `tasks`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Points => "pts",
            Self::Hours => "h",
            Self::Count => "tasks",
        }
    }

    /// True when a velocity record written in `unit` (as the document wrote it) counts in this unit.
    /// A record without a recognisable unit is taken to be in this one.
    pub fn matches_record(self, unit: &str) -> bool {
        Self::parse(unit).is_none_or(|u| u == self)
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Points => "points",
            Self::Hours => "hours",
            Self::Count => "count",
        })
    }
}
