//! The colours the timeline and the velocity charts are drawn in: one set for a light page or window,
//! one for a dark window.

use crate::export::Rgba;

/// The colours of a timeline or a velocity chart.
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
    /// Chart bars of planned or committed work.
    pub planned: Rgba,
    /// Chart bars and lines of finished work.
    pub done: Rgba,
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
            planned: Rgba::rgb(148, 163, 184),
            done: Rgba::rgb(22, 163, 74),
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
            planned: Rgba::rgb(100, 116, 139),
            done: Rgba::rgb(74, 222, 128),
        }
    }
}
