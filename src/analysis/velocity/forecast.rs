//! A Monte Carlo forecast of when the remaining work will be done: many trials, each drawing past
//! weekly throughput (or sprint velocity) at random, with replacement, until the work is covered.
//!
//! Deterministic: the same samples, remaining work and `today` always give the same dates.

use super::weeks::IsoWeek;
use crate::model::SplitMix;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

/// How many trials a forecast runs.
pub const TRIALS: usize = 10_000;

/// The fixed seed of the trials' random draws.
pub const SEED: u64 = 0x5745_594D_4152_4B21;

/// The most periods a trial runs before it gives up (ten years of weeks).
pub const MAX_PERIODS: usize = 520;

/// Below this many samples there is no forecast.
pub const MIN_SAMPLES: usize = 3;

/// Below this many samples the forecast says its range is wide.
pub const FEW_SAMPLES: usize = 5;

/// What one sample covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// A calendar week; a finish in week n from now falls on that week's Friday.
    Week,
    /// A sprint of this many days; a finish after n sprints falls n sprint lengths after today (on
    /// the Friday before when that is a weekend).
    Sprint {
        /// The sprint length in days.
        days: u32,
    },
}

impl Period {
    /// "week" or "sprint", with an `s` when there are several.
    fn noun(self, n: usize) -> String {
        let word = match self {
            Self::Week => "week",
            Self::Sprint { .. } => "sprint",
        };
        if n == 1 {
            word.to_owned()
        } else {
            format!("{word}s")
        }
    }

    /// The day the work is done when it takes `n` periods from `today`.
    pub fn finish(self, today: NaiveDate, n: usize) -> NaiveDate {
        if n == 0 {
            return today;
        }
        match self {
            Self::Week => IsoWeek::of(today).plus(n as u64).friday(),
            Self::Sprint { days } => {
                let day = today + Days::new(u64::from(days) * n as u64);
                match day.weekday() {
                    Weekday::Sat => day - Days::new(1),
                    Weekday::Sun => day - Days::new(2),
                    _ => day,
                }
            }
        }
    }
}

/// How many trials finished on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ForecastBucket {
    /// Periods from today.
    pub periods: usize,
    /// The finish day.
    pub date: NaiveDate,
    /// Trials that finished then.
    pub trials: usize,
}

/// A forecast of the day the remaining work is done.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Forecast {
    /// The work left, in the analysis unit.
    pub remaining: f64,
    /// How many past periods were sampled.
    pub samples: usize,
    /// What a sample covers.
    pub period: Period,
    /// Half the trials finished by this day; none when there is no forecast (see `reason`) or
    /// the day is more than [`MAX_PERIODS`] periods away.
    pub p50: Option<NaiveDate>,
    /// 85% of the trials finished by this day.
    pub p85: Option<NaiveDate>,
    /// 95% of the trials finished by this day.
    pub p95: Option<NaiveDate>,
    /// Trials per finish day, earliest first (for a histogram).
    pub buckets: Vec<ForecastBucket>,
    /// Trials that did not finish within [`MAX_PERIODS`] periods.
    pub beyond: usize,
    /// What the forecast rests on: "based on 6 weeks".
    pub basis: String,
    /// A caution to show beside the dates, such as "only 4 weeks of history: the range is wide".
    pub caution: Option<String>,
    /// Why there is no forecast, when there is none.
    pub reason: Option<String>,
}

/// Forecasts when `remaining` work is done from `today`, drawing from `samples` (the work finished in
/// each past period, oldest first, periods without finished work included) over [`TRIALS`] trials.
pub fn forecast(samples: &[f64], period: Period, remaining: f64, today: NaiveDate) -> Forecast {
    let n = samples.len();
    let mut out = Forecast {
        remaining,
        samples: n,
        period,
        p50: None,
        p85: None,
        p95: None,
        buckets: Vec::new(),
        beyond: 0,
        basis: format!("based on {n} {}", period.noun(n)),
        caution: None,
        reason: None,
    };
    if remaining <= f64::EPSILON {
        out.p50 = Some(today);
        out.p85 = Some(today);
        out.p95 = Some(today);
        out.buckets.push(ForecastBucket {
            periods: 0,
            date: today,
            trials: TRIALS,
        });
        return out;
    }
    if n < MIN_SAMPLES {
        out.reason = Some(format!(
            "needs at least {MIN_SAMPLES} finished {} of history to forecast; there {} {n}",
            period.noun(MIN_SAMPLES),
            if n == 1 { "is" } else { "are" }
        ));
        return out;
    }
    if samples.iter().all(|s| *s <= 0.0 || !s.is_finite()) {
        out.reason = Some(format!(
            "no work was finished in the {n} sampled {}",
            period.noun(n)
        ));
        return out;
    }
    if n < FEW_SAMPLES {
        out.caution = Some(format!(
            "only {n} {} of history: the range is wide",
            period.noun(n)
        ));
    }
    let counts = run_trials(samples, remaining);
    out.beyond = counts[MAX_PERIODS + 1];
    let percentile = |p: f64| {
        let target = (p * TRIALS as f64).ceil() as usize;
        let mut seen = 0;
        counts.iter().enumerate().find_map(|(k, c)| {
            seen += c;
            (seen >= target && k <= MAX_PERIODS).then(|| period.finish(today, k))
        })
    };
    out.p50 = percentile(0.50);
    out.p85 = percentile(0.85);
    out.p95 = percentile(0.95);
    out.buckets = counts[..=MAX_PERIODS]
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(k, c)| ForecastBucket {
            periods: k,
            date: period.finish(today, k),
            trials: *c,
        })
        .collect();
    if out.p50.is_none() || out.p95.is_none() {
        out.caution = Some(format!(
            "at this pace the work may take more than {MAX_PERIODS} {}",
            period.noun(MAX_PERIODS)
        ));
    }
    out
}

/// How many trials needed each number of periods; the last slot counts trials that gave up.
fn run_trials(samples: &[f64], remaining: f64) -> Vec<usize> {
    let mut counts = vec![0; MAX_PERIODS + 2];
    let mut rng = SplitMix::new(SEED);
    let n = samples.len() as u64;
    for _ in 0..TRIALS {
        let mut done = 0.0;
        let mut periods = 0;
        while done < remaining - 1e-9 && periods <= MAX_PERIODS {
            // Multiply-shift picks an index without a division: uniform enough for a forecast.
            let pick = ((u128::from(rng.next_u64()) * u128::from(n)) >> 64) as usize;
            done += samples[pick];
            periods += 1;
        }
        counts[periods.min(MAX_PERIODS + 1)] += 1;
    }
    counts
}
