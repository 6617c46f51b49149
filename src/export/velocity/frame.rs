//! What every velocity chart shares: the title, notes and legend above the plot, the value axis
//! with round ticks, labels under the plot, amounts and dates in words, and the empty-state message.

use crate::analysis::velocity::Unit;
use crate::export::font::{Weight, fit, fit_weighted, text_width};
use crate::export::timeline::Palette;
use crate::export::{Anchor, Point, Rect, Rgba, Scene, Shape, Stroke};
use chrono::{Datelike, NaiveDate};

/// Space around the chart.
pub const MARGIN: f32 = 16.0;
/// Font size of the title.
pub const TITLE_SIZE: f32 = 15.0;
/// Font size of notes, the legend and axis labels.
pub const TEXT_SIZE: f32 = 11.5;
/// Font size of small labels (second lines, values on bars).
pub const SMALL_SIZE: f32 = 10.0;
/// Height of one line of notes or labels.
pub const LINE: f32 = 16.0;
/// Room under the plot for two lines of category labels.
pub const LABELS_BELOW: f32 = 2.0 * LINE + 6.0;

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug)]
pub enum Mark {
    /// A filled square.
    Fill(Rgba),
    /// An outlined square.
    Outline(Rgba),
    /// A short line (dashed or not).
    Line(Stroke),
    /// A diamond.
    Diamond(Rgba),
}

/// Draws the title, the notes (one line each, shortened to fit) and the legend; returns the y
/// below them.
pub fn header(
    scene: &mut Scene,
    palette: &Palette,
    title: &str,
    notes: &[String],
    legend: &[(Mark, &str)],
) -> f32 {
    let width = scene.width - 2.0 * MARGIN;
    let mut y = MARGIN + TITLE_SIZE / 2.0;
    let title = fit_weighted(title, TITLE_SIZE, width, Weight::Bold).into_owned();
    scene.bold_text(
        Point::new(MARGIN, y),
        title,
        TITLE_SIZE,
        palette.text,
        Anchor::Start,
    );
    y += TITLE_SIZE / 2.0 + 6.0;
    for note in notes {
        y += LINE / 2.0;
        let text = fit(note, TEXT_SIZE, width).into_owned();
        scene.text(
            Point::new(MARGIN, y),
            text,
            TEXT_SIZE,
            palette.weak,
            Anchor::Start,
        );
        y += LINE / 2.0;
    }
    if legend.is_empty() {
        return y + 4.0;
    }
    y += 4.0 + LINE / 2.0;
    let mut x = MARGIN;
    for (mark, label) in legend {
        let needed = 18.0 + text_width(label, TEXT_SIZE) + 16.0;
        if x > MARGIN && x + needed > scene.width - MARGIN {
            x = MARGIN;
            y += LINE;
        }
        legend_mark(scene, *mark, Point::new(x + 6.0, y));
        scene.text(
            Point::new(x + 16.0, y),
            *label,
            TEXT_SIZE,
            palette.text,
            Anchor::Start,
        );
        x += needed;
    }
    y + LINE / 2.0 + 8.0
}

fn legend_mark(scene: &mut Scene, mark: Mark, center: Point) {
    let square = Rect::from_edges(
        center.x - 5.0,
        center.y - 5.0,
        center.x + 5.0,
        center.y + 5.0,
    );
    let shape = match mark {
        Mark::Fill(color) => Shape::Rect {
            rect: square,
            fill: Some(color),
            stroke: None,
            radius: 2.0,
        },
        Mark::Outline(color) => Shape::Rect {
            rect: square,
            fill: None,
            stroke: Some(Stroke::solid(1.5, color)),
            radius: 2.0,
        },
        Mark::Line(stroke) => Shape::Line {
            points: vec![
                Point::new(center.x - 7.0, center.y),
                Point::new(center.x + 7.0, center.y),
            ],
            stroke: Stroke {
                dash: stroke.dash.map(|d| d.min(3.0)),
                ..stroke
            },
            arrow: false,
        },
        Mark::Diamond(color) => Shape::Diamond {
            center,
            radius: 5.0,
            fill: color,
            stroke: None,
        },
    };
    scene.push(shape);
}

/// The plot: where values go, from zero at the bottom to `max` at the top.
#[derive(Clone, Copy, Debug)]
pub struct Plot {
    /// The area inside the axes.
    pub area: Rect,
    /// The value at the top edge.
    pub max: f64,
}

impl Plot {
    /// The y of a value.
    pub fn y(&self, value: f64) -> f32 {
        let share = if self.max > 0.0 {
            value / self.max
        } else {
            0.0
        };
        self.area.max.y - (share.clamp(0.0, 1.0) as f32) * self.area.height()
    }
}

/// Lays out a plot below `top` for values up to `highest`, and draws its value axis: round ticks,
/// grid lines and tick labels written by `label`.
pub fn value_axis(
    scene: &mut Scene,
    palette: &Palette,
    top: f32,
    highest: f64,
    integral: bool,
    label: impl Fn(f64) -> String,
) -> Plot {
    let ticks = ticks(highest, 5, integral);
    let max = ticks.last().copied().unwrap_or(1.0);
    let labels: Vec<String> = ticks.iter().map(|v| label(*v)).collect();
    let widest = labels
        .iter()
        .map(|l| text_width(l, SMALL_SIZE))
        .fold(0.0, f32::max);
    let left = MARGIN + widest + 8.0;
    let bottom = (scene.height - MARGIN - LABELS_BELOW).max(top + 20.0);
    let area = Rect::from_edges(
        left,
        top + 6.0,
        (scene.width - MARGIN).max(left + 20.0),
        bottom,
    );
    let plot = Plot { area, max };
    for (value, text) in ticks.iter().zip(labels) {
        let y = plot.y(*value);
        let color = if *value == 0.0 {
            palette.weak
        } else {
            palette.grid
        };
        scene.push(Shape::Line {
            points: vec![Point::new(area.min.x, y), Point::new(area.max.x, y)],
            stroke: Stroke::solid(1.0, color),
            arrow: false,
        });
        scene.text(
            Point::new(area.min.x - 6.0, y),
            text,
            SMALL_SIZE,
            palette.weak,
            Anchor::End,
        );
    }
    plot
}

/// Round tick values from zero to at least `max`: steps of 1, 2, 2.5 or 5 times a power of ten,
/// about `count` of them (whole steps only when `integral`).
pub fn ticks(max: f64, count: usize, integral: bool) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let raw = max / count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let mut step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw * 0.999)
        .unwrap_or(10.0 * power);
    if integral {
        step = step.max(1.0).round();
    }
    let n = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// Labels under the plot, centred on `xs`, each at most `room` wide; when they do not fit side by
/// side only every k-th is written. A label's second line (after `\n`) is smaller and weaker.
pub fn category_labels(
    scene: &mut Scene,
    palette: &Palette,
    plot: &Plot,
    labels: &[(f32, String)],
    room: f32,
) {
    let widest = labels
        .iter()
        .map(|(_, l)| {
            l.lines()
                .map(|s| text_width(s, SMALL_SIZE))
                .fold(0.0, f32::max)
        })
        .fold(0.0, f32::max);
    let step = if room > 0.0 && widest + 6.0 > room {
        ((widest + 6.0) / room).ceil() as usize
    } else {
        1
    };
    let room = room * step as f32 - 4.0;
    let y = plot.area.max.y + 4.0 + LINE / 2.0;
    for (x, label) in labels.iter().step_by(step.max(1)) {
        let mut lines = label.lines();
        if let Some(first) = lines.next() {
            let text = fit(first, SMALL_SIZE, room).into_owned();
            scene.text(
                Point::new(*x, y),
                text,
                SMALL_SIZE,
                palette.text,
                Anchor::Middle,
            );
        }
        if let Some(second) = lines.next() {
            let text = fit(second, SMALL_SIZE, room).into_owned();
            scene.text(
                Point::new(*x, y + LINE),
                text,
                SMALL_SIZE,
                palette.weak,
                Anchor::Middle,
            );
        }
    }
}

/// A message in the middle of the chart, in place of a plot: what is missing and how to get it.
/// Long messages wrap at word boundaries.
pub fn message(scene: &mut Scene, palette: &Palette, top: f32, text: &str) {
    let width = (scene.width - 4.0 * MARGIN).max(40.0);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}"), TEXT_SIZE + 1.0) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    let middle = f32::midpoint(top, scene.height);
    let first = middle - (lines.len() as f32 - 1.0) * LINE / 2.0;
    for (i, line) in lines.into_iter().enumerate() {
        scene.text(
            Point::new(scene.width / 2.0, first + i as f32 * (LINE + 2.0)),
            line,
            TEXT_SIZE + 1.0,
            palette.weak,
            Anchor::Middle,
        );
    }
}

/// An invisible rectangle standing for something, so the window can hit-test it and name it.
pub fn hit_area(scene: &mut Scene, rect: Rect, hit: crate::export::Hit, label: String) {
    scene.push_hit(
        Shape::Rect {
            rect,
            fill: None,
            stroke: None,
            radius: 0.0,
        },
        hit,
        Some(label),
    );
}

/// An amount with its unit: "38 h", "12.5 pts", "1 task".
pub fn amount(value: f64, unit: Unit) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let number = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    };
    let one = (rounded - 1.0).abs() < f64::EPSILON;
    let label = match unit {
        Unit::Points if one => "pt",
        Unit::Count if one => "task",
        other => other.label(),
    };
    format!("{number} {label}")
}

/// A number without its unit, for tick labels: "40", "2.5".
pub fn number(value: f64) -> String {
    if value.fract().abs() < 1e-9 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// A day in words: "Fri 12 June", with the year when it is not `today`'s.
pub fn long_date(day: NaiveDate, today: NaiveDate) -> String {
    if day.year() == today.year() {
        day.format("%a %-d %B").to_string()
    } else {
        day.format("%a %-d %B %Y").to_string()
    }
}

/// A short day: "12 Jan".
pub fn short_date(day: NaiveDate) -> String {
    day.format("%-d %b").to_string()
}
