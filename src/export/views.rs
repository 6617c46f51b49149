//! Every exportable view of a plan as pages, from the plan alone: what `waymark export` and
//! `waymark print` draw. The app prints its views with their on-screen settings instead.

use super::page::{
    LegendEntry, LegendMark, PagedDocument, PrintContext, TimelineSource, drawing_area,
    scene_pages, timeline_pages,
};
use super::timeline::Palette;
use super::timeline::{TimelineMode, TimelineOptions};
use super::{BoardSettings, board_scene, graph_scene};
use crate::analysis::velocity::{VelocityOptions, VelocityReport};
use crate::analysis::{Analysis, DatedOptions, DatedSchedule, GraphLayout};
use crate::export::velocity::velocity_overview;
use crate::model::{LegendPages, PageSetup, Plan, PrintScale};
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

/// How the views are set up on screen; the command line uses the defaults.
#[derive(Clone, Debug, Default)]
pub struct ViewSettings {
    /// The timeline's mode, grouping, collapsed groups and columns (its mode is set by the view).
    pub timeline: TimelineOptions,
    /// The board's lanes, filter and collapsed lanes.
    pub board: BoardSettings,
}

/// Lays a view of a plan out on pages.
pub fn view_pages(
    plan: &Plan,
    view: ExportView,
    setup: &PageSetup,
    print: &PrintContext,
    days: ExportDays,
) -> PagedDocument {
    view_pages_with(plan, view, setup, print, days, &ViewSettings::default())
}

/// Lays a view of a plan out on pages, drawn with the views' settings.
pub fn view_pages_with(
    plan: &Plan,
    view: ExportView,
    setup: &PageSetup,
    print: &PrintContext,
    days: ExportDays,
    settings: &ViewSettings,
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
        ExportView::Timeline | ExportView::Roadmap => {
            let options = TimelineOptions {
                mode: if view == ExportView::Roadmap {
                    TimelineMode::Roadmap
                } else {
                    TimelineMode::Gantt
                },
                ..settings.timeline.clone()
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
        ExportView::Graph => {
            let layout = GraphLayout::compute(plan, &analysis);
            let drawing = graph_scene(plan, &analysis, &layout, &Palette::light());
            let detail = format!("{} tasks", plan.tasks.len());
            scene_pages(&drawing, setup, print, &detail, &graph_legend())
        }
        ExportView::Board => {
            let drawing = board_scene(plan, &settings.board, &Palette::light());
            let detail = format!("{} tasks", plan.tasks.len());
            scene_pages(&drawing, setup, print, &detail, &[])
        }
        ExportView::Velocity => {
            let report = VelocityReport::compute(plan, VelocityOptions::default(), days.today);
            // The charts are drawn for the page's drawing area, one sheet that fits one page.
            let (width, height) = drawing_area(setup, false);
            let drawing = velocity_overview(
                plan,
                &report,
                width.max(200.0),
                height.max(150.0),
                &Palette::light(),
            );
            let one_page = PageSetup {
                scale: PrintScale::FitPages { wide: 1, tall: 1 },
                legend: LegendPages::None,
                ..setup.clone()
            };
            let detail = format!("as of {}", days.today.format("%-d %b %Y"));
            scene_pages(&drawing, &one_page, print, &detail, &[])
        }
    }
}

/// The graph's legend: what its colours mean.
pub fn graph_legend() -> Vec<LegendEntry> {
    let palette = Palette::light();
    vec![
        LegendEntry {
            label: "Critical path".to_owned(),
            mark: LegendMark::Swatch(palette.critical),
        },
        LegendEntry {
            label: "Dependency loop".to_owned(),
            mark: LegendMark::Swatch(palette.error),
        },
    ]
}
