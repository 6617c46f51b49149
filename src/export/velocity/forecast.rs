//! The forecast chart: a histogram of the trials' finish days, with the P50, P85 and P95 lines and
//! their dates in words.

use super::frame::{
    Mark, SMALL_SIZE, amount, category_labels, header, hit_area, long_date, message, number,
    short_date, value_axis,
};
use crate::analysis::velocity::{Forecast, TRIALS, Unit};
use crate::export::timeline::Palette;
use crate::export::{Anchor, Hit, Point, Rect, Scene, Shape, Stroke};
use chrono::NaiveDate;

/// The percentiles drawn, with how likely each is.
const PERCENTILES: [(&str, u32); 3] = [("P50", 50), ("P85", 85), ("P95", 95)];

/// The dates of a forecast in words, one line per percentile: "85% likely by Fri 12 June".
pub fn forecast_lines(forecast: &Forecast, today: NaiveDate) -> Vec<String> {
    [forecast.p50, forecast.p85, forecast.p95]
        .into_iter()
        .zip(PERCENTILES)
        .filter_map(|(day, (_, p))| day.map(|d| format!("{p}% likely by {}", long_date(d, today))))
        .collect()
}

/// Draws the forecast of a scope named `name`.
pub fn forecast_chart(
    scene: &mut Scene,
    forecast: &Forecast,
    unit: Unit,
    name: &str,
    today: NaiveDate,
    palette: &Palette,
) {
    let title = format!("Forecast: when {name} is done");
    let basis = format!(
        "{} remaining, {}, {} trials",
        amount(forecast.remaining, unit),
        forecast.basis,
        thousands(TRIALS)
    );
    if let Some(reason) = &forecast.reason {
        let top = header(scene, palette, &title, &[basis], &[]);
        message(
            scene,
            palette,
            top,
            &format!(
                "No forecast yet: {reason}. Each finished sprint or week of recorded work adds one."
            ),
        );
        return;
    }
    if forecast.remaining <= f64::EPSILON {
        let top = header(scene, palette, &title, &[basis], &[]);
        message(
            scene,
            palette,
            top,
            "Nothing remains: every task in scope is done or dropped.",
        );
        return;
    }
    let mut notes = vec![forecast_lines(forecast, today).join(" · "), basis];
    if let Some(caution) = &forecast.caution {
        notes.push(format!("Note: {caution}."));
    }
    if forecast.beyond > 0 {
        notes.push(format!(
            "{} trials did not finish within the chart.",
            forecast.beyond
        ));
    }
    let period = match forecast.period {
        crate::analysis::velocity::Period::Week => "week",
        crate::analysis::velocity::Period::Sprint { .. } => "sprint",
    };
    let bars_label = format!("Share of trials finishing that {period}");
    let legend = [
        (Mark::Fill(palette.selection), bars_label.as_str()),
        (
            Mark::Line(Stroke::dashed(2.0, palette.today, 4.0)),
            "P50 / P85 / P95",
        ),
    ];
    let top = header(scene, palette, &title, &notes, &legend);
    let (Some(first), Some(last)) = (forecast.buckets.first(), forecast.buckets.last()) else {
        message(
            scene,
            palette,
            top,
            "The trials did not finish within ten years at this pace.",
        );
        return;
    };
    let share = |trials: usize| trials as f64 * 100.0 / TRIALS as f64;
    let highest = forecast
        .buckets
        .iter()
        .map(|b| share(b.trials))
        .fold(0.0, f64::max)
        * 1.15;
    let plot = value_axis(scene, palette, top, highest, false, |v| {
        format!("{}%", number(v))
    });
    let slots = last.periods - first.periods + 1;
    let step = plot.area.width() / slots as f32;
    let width = (step * 0.8).clamp(1.0, 64.0);
    let x = |periods: usize| plot.area.min.x + ((periods - first.periods) as f32 + 0.5) * step;
    for (k, bucket) in forecast.buckets.iter().enumerate() {
        let center = x(bucket.periods);
        let top = plot.y(share(bucket.trials));
        scene.push(Shape::Rect {
            rect: Rect::from_edges(
                center - width / 2.0,
                top,
                center + width / 2.0,
                plot.area.max.y,
            ),
            fill: Some(palette.selection),
            stroke: None,
            radius: 1.5,
        });
        let label = format!(
            "{}: {} of trials finish then ({} of {})",
            long_date(bucket.date, today),
            format_share(share(bucket.trials)),
            bucket.trials,
            thousands(TRIALS)
        );
        hit_area(
            scene,
            Rect::from_edges(
                center - step / 2.0,
                plot.area.min.y,
                center + step / 2.0,
                plot.area.max.y,
            ),
            Hit::ForecastBar(k),
            label,
        );
    }
    percentile_lines(scene, forecast, &plot, palette, &x);
    let labels: Vec<(f32, String)> = (first.periods..=last.periods)
        .map(|p| (x(p), short_date(forecast.period.finish(today, p))))
        .collect();
    category_labels(scene, palette, &plot, &labels, step);
}

/// A count with thousands separated: "10,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn format_share(percent: f64) -> String {
    if percent >= 1.0 {
        format!("{percent:.0}%")
    } else {
        format!("{percent:.1}%")
    }
}

fn percentile_lines(
    scene: &mut Scene,
    forecast: &Forecast,
    plot: &super::frame::Plot,
    palette: &Palette,
    x: &dyn Fn(usize) -> f32,
) {
    let mut placed: Vec<(usize, Vec<&str>, chrono::NaiveDate)> = Vec::new();
    for (day, (name, _)) in [forecast.p50, forecast.p85, forecast.p95]
        .into_iter()
        .zip(PERCENTILES)
    {
        let Some(bucket) = day.and_then(|d| forecast.buckets.iter().find(|b| b.date == d)) else {
            continue;
        };
        match placed.iter_mut().find(|(p, _, _)| *p == bucket.periods) {
            Some((_, names, _)) => names.push(name),
            None => placed.push((bucket.periods, vec![name], bucket.date)),
        }
    }
    for (row, (periods, names, date)) in placed.iter().enumerate() {
        let at = x(*periods);
        scene.push(Shape::Line {
            points: vec![
                Point::new(at, plot.area.min.y),
                Point::new(at, plot.area.max.y),
            ],
            stroke: Stroke::dashed(2.0, palette.today, 4.0),
            arrow: false,
        });
        let anchor = if at > plot.area.max.x - 80.0 {
            Anchor::End
        } else {
            Anchor::Start
        };
        let dx = if anchor == Anchor::End { -4.0 } else { 4.0 };
        scene.text(
            Point::new(at + dx, plot.area.min.y + 6.0 + row as f32 * 14.0),
            format!("{} {}", names.join(" · "), short_date(*date)),
            SMALL_SIZE,
            palette.today,
            anchor,
        );
    }
}
