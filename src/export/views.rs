//! Every exportable view of a plan as pages, from the plan alone: what `waymark export` and
//! `waymark print` draw. The app prints its views with their on-screen settings instead.

use super::page::{PagedDocument, PrintContext, TimelineSource, timeline_pages};
use super::timeline::{TimelineMode, TimelineOptions};
use crate::analysis::{Analysis, DatedOptions, DatedSchedule};
use crate::model::{PageSetup, Plan};
use chrono::NaiveDate;

/// A view that can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportView {
    /// The Gantt chart: every task on the time axis.
    Timeline,
    /// The roadmap: phases, sprints and milestones on the time axis.
    Roadmap,
    /// The velocity chart.
    Velocity,
    /// The dependency graph in its current layout.
    Graph,
    /// The board's columns and cards.
    Board,
}

impl ExportView {
    /// Every view, in the order the command line lists them.
    pub const ALL: [Self; 5] = [
        Self::Timeline,
        Self::Roadmap,
        Self::Velocity,
        Self::Graph,
        Self::Board,
    ];

    /// The view's name in page headers.
    pub fn title(self) -> &'static str {
        match self {
            Self::Timeline => "Gantt chart",
            Self::Roadmap => "Roadmap",
            Self::Velocity => "Velocity",
            Self::Graph => "Dependency graph",
            Self::Board => "Board",
        }
    }
}

/// The days a plan is drawn from: today and, optionally, a start date other than the plan's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportDays {
    /// The day to schedule from.
    pub today: NaiveDate,
    /// A start date replacing the plan's.
    pub start: Option<NaiveDate>,
}

/// Lays a view of a plan out on pages.
pub fn view_pages(
    plan: &Plan,
    view: ExportView,
    setup: &PageSetup,
    print: &PrintContext,
    days: ExportDays,
) -> PagedDocument {
    let analysis = Analysis::of(plan);
    let dated = DatedSchedule::compute(
        plan,
        &analysis,
        DatedOptions {
            today: days.today,
            start: days.start,
        },
    );
    match view {
        ExportView::Timeline
        | ExportView::Roadmap
        | ExportView::Velocity
        | ExportView::Graph
        | ExportView::Board => {
            let options = TimelineOptions {
                mode: if view == ExportView::Roadmap {
                    TimelineMode::Roadmap
                } else {
                    TimelineMode::Gantt
                },
                ..TimelineOptions::default()
            };
            timeline_pages(
                &TimelineSource {
                    plan,
                    analysis: &analysis,
                    dated: &dated,
                    options: &options,
                },
                setup,
                print,
            )
        }
    }
}
