//! The timeline on pages: a scale chosen from the page setup, then one timeline frame per page, so the
//! task names and the time scale repeat on every page and rows break only between rows.

use super::decorate::{LegendEntry, LegendMark, Sheet};
use super::{
    PageSummary, PagedDocument, PrintContext, SMALLEST_READABLE_PT, Tiles, cull, smallest_text,
};
use crate::analysis::{Analysis, DatedSchedule};
use crate::export::timeline::axis::day_number;
use crate::export::timeline::{
    Frame, Palette, Rows, TimelineInput, TimelineOptions, header_height, layout, row_height,
    table_width,
};
use crate::export::{Hit, Rect, Rgba, Scene, Shape, Transform, bounds};
use crate::model::{LegendPages, PageSetup, Plan, PrintRange, PrintRows, PrintScale};
use chrono::{Duration, NaiveDate};

/// The fewest points a day gets in the drawing, so bars stay visible when fitting.
const MIN_PER_DAY: f32 = 1.5;
/// Room after the last day, in drawing points, for the labels beside the last bars and milestones.
const LABEL_ROOM: f32 = 170.0;
/// The largest scale: text is never printed bigger than on screen.
const MAX_SCALE: f32 = 1.0;
/// The scale of a fixed time scale print (12 pt row text prints at 9.6 pt).
const FIXED_SCALE: f32 = 0.8;
/// Points per centimetre.
const POINTS_PER_CM: f32 = 72.0 / 2.54;
/// Most pages one print makes, whatever the setup asks.
const MAX_PAGES: u32 = 2_000;

/// What a timeline is printed from.
pub struct TimelineSource<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its dependency analysis.
    pub analysis: &'a Analysis,
    /// Its dated schedule.
    pub dated: &'a DatedSchedule,
    /// The view's settings (mode, grouping, collapsed groups, columns).
    pub options: &'a TimelineOptions,
}

/// The sizes scaling works with, in drawing units.
#[derive(Clone, Copy, Debug)]
struct Dims {
    table: f32,
    header: f32,
    row: f32,
    rows: usize,
    days: f32,
}

impl Dims {
    /// The largest scale that puts the drawing on `wide` × `tall` pages of a content size.
    fn fit_scale(&self, content: Rect, wide: u32, tall: u32) -> f32 {
        let (w, h) = (content.width(), content.height());
        let per_page_rows = self.rows.div_ceil(tall.max(1) as usize).max(1);
        let vertical = h / (self.header + per_page_rows as f32 * self.row);
        let wide = wide.max(1) as f32;
        let horizontal = wide * w / (wide * self.table + self.days * MIN_PER_DAY + LABEL_ROOM);
        vertical
            .min(horizontal)
            .min(self.table_limit(w))
            .min(MAX_SCALE)
    }

    /// The scale above which the table would take more than 60 % of a page.
    fn table_limit(&self, w: f32) -> f32 {
        if self.table > 0.0 {
            0.6 * w / self.table
        } else {
            MAX_SCALE
        }
    }

    /// Rows that fit on one page at a scale (at least one).
    fn rows_per_page(&self, content: Rect, scale: f32) -> usize {
        (((content.height() / scale - self.header) / self.row).floor() as usize).max(1)
    }
}

/// Lays a timeline out on pages by a page setup.
pub fn timeline_pages(
    source: &TimelineSource<'_>,
    setup: &PageSetup,
    print: &PrintContext,
) -> PagedDocument {
    let plan = source.plan;
    let mut options = source.options.clone();
    if setup.rows == PrintRows::All {
        options.collapsed.clear();
    }
    let mut rows = Rows::build(plan, source.dated, &options);
    if let PrintRows::Group(key) = &setup.rows {
        rows = rows.only_group(key);
    }
    let (first, last) = print_range(source.dated, setup.range, print.visible);
    let (width, height) = setup.page_points();
    let sheet = Sheet {
        width,
        height,
        margin: setup.margin_points(),
    };
    let content = sheet.content(setup.legend != LegendPages::None);
    // A little room before the first day; room after the last is kept in points (LABEL_ROOM).
    let span_days = (day_number(last) - day_number(first) + 1.0) as f32;
    let pad_before = (span_days * 0.02).max(1.0);
    let dims = Dims {
        table: if options.show_table {
            table_width(&options)
        } else {
            0.0
        },
        header: header_height(plan),
        row: row_height(options.mode),
        rows: rows.rows.len(),
        days: span_days + pad_before,
    };

    let (scale, per_day, wide) = match setup.scale {
        PrintScale::FitPages { wide, tall } => {
            let wide = wide.clamp(1, 100);
            let scale = dims.fit_scale(content, wide, tall.clamp(1, 100));
            (scale, fit_per_day(&dims, content, scale, wide), wide)
        }
        PrintScale::FitWidth => {
            let scale = dims.fit_scale(content, 1, u32::MAX);
            (scale, fit_per_day(&dims, content, scale, 1), 1)
        }
        PrintScale::WeekWidth { cm } => {
            let scale = FIXED_SCALE.min(dims.table_limit(content.width()));
            let per_day = cm.clamp(0.1, 100.0) * POINTS_PER_CM / 7.0 / scale;
            let chart = content.width() / scale - dims.table;
            let wide = (dims.days * per_day / chart.max(1.0)).ceil().max(1.0) as u32;
            (scale, per_day, wide.min(MAX_PAGES))
        }
    };
    let rows_per_page = dims.rows_per_page(content, scale);
    let tall = (dims.rows.div_ceil(rows_per_page).max(1) as u32).min(MAX_PAGES / wide.max(1));
    let days_per_page = f64::from((content.width() / scale - dims.table).max(1.0) / per_day);
    let origin = day_number(first) - f64::from(pad_before);

    let palette = Palette::light();
    let input = TimelineInput {
        plan,
        analysis: source.analysis,
        dated: source.dated,
        rows: &rows,
        options: &options,
        palette: &palette,
        selected: None,
        hovered: None,
    };
    let place = Transform {
        scale,
        dx: content.min.x,
        dy: content.min.y,
    };
    let mut tiles = Vec::new();
    let mut empty_skipped = 0;
    let mut smallest: Option<f32> = None;
    for row in 0..tall {
        let first_row = row as usize * rows_per_page;
        let rows_here = rows_per_page.min(dims.rows.saturating_sub(first_row));
        for column in 0..wide {
            let frame = Frame {
                width: content.width() / scale,
                height: dims.header + rows_here as f32 * dims.row,
                origin: origin + f64::from(column) * days_per_page,
                per_day,
                scroll: first_row as f32 * dims.row,
            };
            let drawing = layout(&input, &frame);
            let chart = Rect::from_edges(
                dims.table.min(frame.width * 0.6),
                0.0,
                frame.width,
                frame.height,
            );
            if (row, column) != (0, 0) && !shows_plan(&drawing, &chart) {
                empty_skipped += 1;
                continue;
            }
            if let Some(size) = smallest_text(&drawing) {
                smallest = Some(smallest.map_or(size, |s: f32| s.min(size)));
            }
            let mut page = Scene::new(width, height, Some(Rgba::rgb(255, 255, 255)));
            let whole = Rect::from_edges(0.0, 0.0, frame.width, frame.height);
            page.push(Shape::Clip {
                rect: place.rect(whole),
                items: cull(&drawing.items, &whole)
                    .iter()
                    .map(|item| place.item(item))
                    .collect(),
            });
            tiles.push((page, column, row));
        }
    }

    let smallest_text = smallest.unwrap_or(12.0) * scale;
    let advice = (smallest_text < SMALLEST_READABLE_PT)
        .then(|| advise(&dims, content, smallest_text / scale, wide, tall))
        .flatten();
    let range = format!(
        "{} – {}",
        first.format("%-d %b %Y"),
        last.format("%-d %b %Y")
    );
    let legend = legend(plan, &palette);
    Tiles {
        pages: tiles,
        sheet,
    }
    .assemble(
        setup,
        print,
        &range,
        &legend,
        PageSummary {
            pages_wide: wide,
            pages_tall: tall,
            empty_skipped,
            scale,
            smallest_text,
            advice,
        },
    )
}

/// Points per day that spread the days over `wide` pages at a scale, leaving [`LABEL_ROOM`] after the
/// last day for the labels beside the last bars.
fn fit_per_day(dims: &Dims, content: Rect, scale: f32, wide: u32) -> f32 {
    let chart = (content.width() / scale - dims.table).max(1.0);
    let room = LABEL_ROOM.min(chart * 0.4);
    ((wide as f32 * chart - room) / dims.days).max(0.05)
}

/// The first and last day to print.
fn print_range(
    dated: &DatedSchedule,
    range: PrintRange,
    visible: Option<(NaiveDate, NaiveDate)>,
) -> (NaiveDate, NaiveDate) {
    let whole = || {
        dated.extent().map_or(
            (dated.today, dated.today + Duration::days(30)),
            |(first, last)| (first.min(dated.anchor), last.max(first)),
        )
    };
    match range {
        PrintRange::WholePlan => whole(),
        PrintRange::Visible => visible.unwrap_or_else(whole),
        PrintRange::Dates { from, to } => (from.min(to), to.max(from)),
    }
}

/// True when a page shows something of the plan (a bar, a milestone, a sprint) right of the table.
fn shows_plan(drawing: &Scene, chart: &Rect) -> bool {
    let mut found = false;
    drawing.visit(|item, clip| {
        if found || matches!(item.hit, None | Some(Hit::ColumnEdge(_))) {
            return;
        }
        let Some(area) = bounds(&item.shape) else {
            return;
        };
        let inside_clip = clip.is_none_or(|clip| clip.intersects(&area));
        found = inside_clip && area.intersects(chart) && area.max.x > chart.min.x;
    });
    found
}

/// How to get readable text: the page grid with the fewest pages (at least as many across and down as
/// now, at most four times as many or 64 in all) whose text reaches the readable size, or else the
/// one that comes closest.
fn advise(dims: &Dims, content: Rect, smallest_font: f32, wide: u32, tall: u32) -> Option<String> {
    let size_on = |(w, t): (u32, u32)| dims.fit_scale(content, w, t) * smallest_font;
    let most = (wide * tall * 4).max(64);
    let mut grids: Vec<(u32, u32)> = (wide..=wide * 2 + 15)
        .flat_map(|w| (tall..=tall * 4 + 63).map(move |t| (w, t)))
        .filter(|&(w, t)| w * t <= most && (w, t) != (wide, tall))
        .collect();
    // Fewest pages first; between equals, more pages down (rows read better than cut time).
    grids.sort_by_key(|&(w, t)| (w * t, w));
    let best = grids
        .iter()
        .copied()
        .find(|&grid| size_on(grid) >= SMALLEST_READABLE_PT)
        .or_else(|| {
            grids
                .iter()
                .copied()
                .max_by(|a, b| size_on(*a).total_cmp(&size_on(*b)))
        })?;
    let (w, t) = best;
    let grid = match (w == wide, t == tall) {
        (false, true) => format!("{w} pages wide"),
        (true, false) => format!("{t} pages tall"),
        _ => format!("{w} × {t} pages"),
    };
    Some(format!("{grid} would give {:.1} pt", size_on(best)))
}

/// The legend of a timeline: the plan's status colours, then the marks.
fn legend(plan: &Plan, palette: &Palette) -> Vec<LegendEntry> {
    let mut entries: Vec<LegendEntry> = plan
        .legend
        .iter()
        .map(|status| LegendEntry {
            label: status.label.clone(),
            mark: LegendMark::Swatch(Rgba::rgb(status.color[0], status.color[1], status.color[2])),
        })
        .collect();
    entries.extend([
        LegendEntry {
            label: "Critical path".to_owned(),
            mark: LegendMark::Outline(palette.critical),
        },
        LegendEntry {
            label: "Late".to_owned(),
            mark: LegendMark::Outline(palette.late),
        },
        LegendEntry {
            label: "Milestone".to_owned(),
            mark: LegendMark::Diamond(palette.milestone),
        },
        LegendEntry {
            label: "Today".to_owned(),
            mark: LegendMark::Line(palette.today),
        },
    ]);
    entries
}
