//! The colours a scene is drawn in (timeline, board, dependency graph, velocity charts): one set for
//! a light page or window, one for a dark window.

use crate::export::Rgba;
use crate::model::Priority;

/// The colours of a scene.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Behind everything.
    pub background: Rgba,
    /// Behind the header and the table's heading.
    pub header: Rgba,
    /// Behind group heading rows.
    pub group: Rgba,
    /// Every other row's band.
    pub band: Rgba,
    /// Weekends and holidays.
    pub off_day: Rgba,
    /// Grid and separator lines.
    pub grid: Rgba,
    /// Text.
    pub text: Rgba,
    /// Secondary text.
    pub weak: Rgba,
    /// Text on dark fills.
    pub on_dark: Rgba,
    /// Text on light fills.
    pub on_light: Rgba,
    /// Dependency arrows.
    pub arrow: Rgba,
    /// The critical path.
    pub critical: Rgba,
    /// Late work.
    pub late: Rgba,
    /// The today line.
    pub today: Rgba,
    /// Milestones.
    pub milestone: Rgba,
    /// Summary bars of groups and phases without a status.
    pub summary: Rgba,
    /// The selection.
    pub selection: Rgba,
    /// Sprint bands, alternating.
    pub sprints: [Rgba; 2],
    /// Behind a card (board) or a task node (graph).
    pub card: Rgba,
    /// Warnings: finished work whose prerequisites are not done.
    pub warning: Rgba,
    /// Errors: blocked work, loops, tasks that cannot be scheduled, a column over its WIP limit.
    pub error: Rgba,
    /// Finished work: chart bars and lines, a finished checklist.
    pub done: Rgba,
    /// Chart bars of planned or committed work.
    pub planned: Rgba,
    /// Priorities P0 to P3.
    pub priorities: [Rgba; 4],
}

/// Priority colours, the same on light and dark backgrounds: red for P0 down to grey for P3.
const PRIORITIES: [Rgba; 4] = [
    Rgba::rgb(0xdc, 0x26, 0x26),
    Rgba::rgb(0xea, 0x80, 0x0c),
    Rgba::rgb(0x25, 0x63, 0xeb),
    Rgba::rgb(0x71, 0x71, 0x7a),
];

impl Palette {
    /// The colour of a priority.
    pub const fn priority(&self, priority: Priority) -> Rgba {
        self.priorities[match priority {
            Priority::P0 => 0,
            Priority::P1 => 1,
            Priority::P2 => 2,
            Priority::P3 => 3,
        }]
    }
}

impl Palette {
    /// Colours for paper and light themes.
    pub const fn light() -> Self {
        Self {
            background: Rgba::rgb(255, 255, 255),
            header: Rgba::rgb(243, 244, 246),
            group: Rgba::rgb(234, 237, 242),
            band: Rgba([15, 23, 42, 8]),
            off_day: Rgba([15, 23, 42, 14]),
            grid: Rgba::rgb(218, 222, 228),
            text: Rgba::rgb(31, 35, 40),
            weak: Rgba::rgb(96, 104, 115),
            on_dark: Rgba::rgb(255, 255, 255),
            on_light: Rgba::rgb(20, 24, 30),
            arrow: Rgba::rgb(120, 128, 140),
            critical: Rgba::rgb(217, 119, 6),
            late: Rgba::rgb(220, 38, 38),
            today: Rgba::rgb(225, 29, 72),
            milestone: Rgba::rgb(109, 40, 217),
            summary: Rgba::rgb(71, 85, 105),
            selection: Rgba::rgb(37, 99, 235),
            sprints: [Rgba::rgb(219, 234, 254), Rgba::rgb(224, 231, 255)],
            card: Rgba::rgb(255, 255, 255),
            warning: Rgba::rgb(180, 83, 9),
            error: Rgba::rgb(220, 38, 38),
            done: Rgba::rgb(22, 163, 74),
            planned: Rgba::rgb(148, 163, 184),
            priorities: PRIORITIES,
        }
    }

    /// Colours for dark themes.
    pub const fn dark() -> Self {
        Self {
            background: Rgba::rgb(27, 29, 33),
            header: Rgba::rgb(38, 41, 46),
            group: Rgba::rgb(45, 49, 56),
            band: Rgba([255, 255, 255, 7]),
            off_day: Rgba([255, 255, 255, 12]),
            grid: Rgba::rgb(60, 64, 72),
            text: Rgba::rgb(226, 230, 236),
            weak: Rgba::rgb(150, 158, 170),
            on_dark: Rgba::rgb(255, 255, 255),
            on_light: Rgba::rgb(20, 24, 30),
            arrow: Rgba::rgb(140, 148, 160),
            critical: Rgba::rgb(245, 158, 11),
            late: Rgba::rgb(248, 81, 73),
            today: Rgba::rgb(244, 63, 94),
            milestone: Rgba::rgb(167, 139, 250),
            summary: Rgba::rgb(148, 163, 184),
            selection: Rgba::rgb(96, 165, 250),
            sprints: [Rgba::rgb(30, 58, 95), Rgba::rgb(40, 48, 96)],
            card: Rgba::rgb(16, 17, 20),
            warning: Rgba::rgb(251, 191, 36),
            error: Rgba::rgb(248, 81, 73),
            done: Rgba::rgb(74, 222, 128),
            planned: Rgba::rgb(100, 116, 139),
            priorities: PRIORITIES,
        }
    }
}
