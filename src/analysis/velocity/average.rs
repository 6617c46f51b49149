//! The mean, median and trend of the last few sprints or weeks.

use serde::Serialize;

/// Which way velocity is heading over the periods averaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    /// Fewer than two periods: no direction yet.
    Unknown,
    /// Up by more than a tenth of the mean per period.
    Rising,
    /// Within a tenth of the mean per period.
    Steady,
    /// Down by more than a tenth of the mean per period.
    Falling,
}

/// The average of the last `last` finished sprints or weeks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Averages {
    /// How many periods were asked for (N).
    pub last: usize,
    /// How many were there to average (at most N).
    pub used: usize,
    /// Their mean; none without periods.
    pub mean: Option<f64>,
    /// Their median; none without periods.
    pub median: Option<f64>,
    /// The least-squares slope over them, in units per period; none below two periods.
    pub slope: Option<f64>,
    /// The slope in words.
    pub trend: Trend,
}

impl Averages {
    /// The averages of the last `last` of `samples` (oldest first).
    pub fn of(samples: &[f64], last: usize) -> Self {
        let window = &samples[samples.len().saturating_sub(last)..];
        let n = window.len();
        let mean = (n > 0).then(|| window.iter().sum::<f64>() / n as f64);
        let median = (n > 0).then(|| {
            let mut sorted = window.to_vec();
            sorted.sort_by(f64::total_cmp);
            if n % 2 == 1 {
                sorted[n / 2]
            } else {
                f64::midpoint(sorted[n / 2 - 1], sorted[n / 2])
            }
        });
        let slope = (n >= 2).then(|| {
            let mid = (n - 1) as f64 / 2.0;
            let avg = mean.unwrap_or(0.0);
            let (num, den) = window
                .iter()
                .enumerate()
                .fold((0.0, 0.0), |(num, den), (i, y)| {
                    let dx = i as f64 - mid;
                    (num + dx * (y - avg), den + dx * dx)
                });
            num / den
        });
        let trend = match (slope, mean) {
            (Some(slope), Some(mean)) => {
                let tolerance = mean.abs() * 0.1;
                if slope > tolerance && slope > 1e-9 {
                    Trend::Rising
                } else if slope < -tolerance && slope < -1e-9 {
                    Trend::Falling
                } else {
                    Trend::Steady
                }
            }
            _ => Trend::Unknown,
        };
        Self {
            last,
            used: n,
            mean,
            median,
            slope,
            trend,
        }
    }
}
