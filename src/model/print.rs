//! How a plan is printed and exported to pages: paper, scale, what is printed and what goes on every
//! page. Kept in the plan file so a plan prints the same way next week.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Millimetres to points (1 pt = 1/72 inch).
const POINTS_PER_MM: f32 = 72.0 / 25.4;

/// A paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 in.
    Letter,
    /// 8.5 × 14 in.
    Legal,
    /// 11 × 17 in.
    Tabloid,
    /// 297 × 420 mm.
    A3,
    /// 420 × 594 mm.
    A2,
    /// 594 × 841 mm.
    A1,
    /// 841 × 1189 mm.
    A0,
    /// Any size, in millimetres (portrait: width before height).
    Custom {
        /// Width in millimetres.
        width_mm: f32,
        /// Height in millimetres.
        height_mm: f32,
    },
}

impl Paper {
    /// The named sizes, in menu order.
    pub const NAMED: [Self; 8] = [
        Self::A4,
        Self::Letter,
        Self::Legal,
        Self::Tabloid,
        Self::A3,
        Self::A2,
        Self::A1,
        Self::A0,
    ];

    /// The paper's name as CUPS and people write it ("A4", "Letter", "Custom 200×300 mm").
    pub fn name(self) -> String {
        match self {
            Self::A4 => "A4".to_owned(),
            Self::Letter => "Letter".to_owned(),
            Self::Legal => "Legal".to_owned(),
            Self::Tabloid => "Tabloid".to_owned(),
            Self::A3 => "A3".to_owned(),
            Self::A2 => "A2".to_owned(),
            Self::A1 => "A1".to_owned(),
            Self::A0 => "A0".to_owned(),
            Self::Custom {
                width_mm,
                height_mm,
            } => format!("Custom {width_mm}×{height_mm} mm"),
        }
    }

    /// The CUPS `media` option for this paper.
    pub fn cups_media(self) -> String {
        match self {
            Self::Custom {
                width_mm,
                height_mm,
            } => format!("Custom.{width_mm}x{height_mm}mm"),
            named => named.name(),
        }
    }

    /// Reads a paper name ("a4", "letter", "A3"), or a custom size as `WIDTHxHEIGHTmm` ("200x300mm").
    pub fn parse(text: &str) -> Option<Self> {
        let lower = text.trim().to_ascii_lowercase();
        if let Some(named) = Self::NAMED
            .into_iter()
            .find(|paper| paper.name().to_ascii_lowercase() == lower)
        {
            return Some(named);
        }
        let (width, height) = lower.strip_suffix("mm")?.split_once('x')?;
        let width_mm: f32 = width.trim().parse().ok()?;
        let height_mm: f32 = height.trim().parse().ok()?;
        let sensible = |mm: f32| (20.0..=5000.0).contains(&mm);
        (sensible(width_mm) && sensible(height_mm)).then_some(Self::Custom {
            width_mm,
            height_mm,
        })
    }

    /// Portrait width and height in points.
    pub fn portrait_points(self) -> (f32, f32) {
        let mm = |w: f32, h: f32| (w * POINTS_PER_MM, h * POINTS_PER_MM);
        match self {
            Self::A4 => mm(210.0, 297.0),
            Self::Letter => (612.0, 792.0),
            Self::Legal => (612.0, 1008.0),
            Self::Tabloid => (792.0, 1224.0),
            Self::A3 => mm(297.0, 420.0),
            Self::A2 => mm(420.0, 594.0),
            Self::A1 => mm(594.0, 841.0),
            Self::A0 => mm(841.0, 1189.0),
            Self::Custom {
                width_mm,
                height_mm,
            } => mm(width_mm.min(height_mm), width_mm.max(height_mm)),
        }
    }
}

/// How the drawing is scaled onto paper.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum PrintScale {
    /// Fit the whole drawing onto so many pages across and down.
    FitPages {
        /// Pages across.
        wide: u32,
        /// Pages down.
        tall: u32,
    },
    /// Fit the width onto one page across; rows run onto as many pages down as they need.
    FitWidth,
    /// A fixed time scale: one week takes this many centimetres; pages follow from it.
    WeekWidth {
        /// Centimetres per week.
        cm: f32,
    },
}

impl Default for PrintScale {
    fn default() -> Self {
        Self::FitPages { wide: 1, tall: 1 }
    }
}

/// Which dates are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PrintRange {
    /// From the plan's first date to its last.
    #[default]
    WholePlan,
    /// What the view shows on screen.
    Visible,
    /// Between two dates, both included.
    Dates {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
}

/// Which rows are printed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PrintRows {
    /// Every row, collapsed groups opened.
    #[default]
    All,
    /// The rows as the view shows them (collapsed groups stay collapsed).
    AsShown,
    /// One group, by its key ("phase:P1", "owner:Ana").
    Group(String),
}

/// Where the legend goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegendPages {
    /// On the first page only.
    #[default]
    First,
    /// On every page.
    Every,
    /// Nowhere.
    None,
}

/// Everything about printing a plan onto pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageSetup {
    /// Paper size.
    pub paper: Paper,
    /// Landscape (wider than tall) rather than portrait.
    pub landscape: bool,
    /// Margin on every side, in millimetres.
    pub margin_mm: f32,
    /// How the drawing is scaled.
    pub scale: PrintScale,
    /// Which dates.
    pub range: PrintRange,
    /// Which rows.
    pub rows: PrintRows,
    /// Where the legend goes.
    pub legend: LegendPages,
}

impl Default for PageSetup {
    fn default() -> Self {
        Self {
            paper: Paper::A4,
            landscape: true,
            margin_mm: 10.0,
            scale: PrintScale::default(),
            range: PrintRange::WholePlan,
            rows: PrintRows::All,
            legend: LegendPages::First,
        }
    }
}

impl PageSetup {
    /// The page's width and height in points, turned for landscape.
    pub fn page_points(&self) -> (f32, f32) {
        let (short, long) = self.paper.portrait_points();
        if self.landscape {
            (long, short)
        } else {
            (short, long)
        }
    }

    /// The margin in points.
    pub fn margin_points(&self) -> f32 {
        self.margin_mm.clamp(0.0, 50.0) * POINTS_PER_MM
    }
}
