//! Derived data cached on the plan's revision: recomputed when the plan changes, never per frame.
//!
//! Small plans are analysed at once, in the frame that needs it. Large plans (see
//! [`BACKGROUND_FROM_TASKS`]) are analysed on a worker thread: the views keep the previous facts,
//! the status bar shows "updating…", and the result is picked up at the start of a later frame (the
//! worker asks for a repaint when it is done). The velocity report goes to a worker thread from
//! [`VELOCITY_BACKGROUND_FROM_TASKS`]. Workers read the plan through a shared [`Arc`], so starting
//! one copies nothing.

use crate::analysis::velocity::{Unit, VelocityOptions, VelocityReport};
use crate::analysis::{
    Analysis, DatedOptions, DatedSchedule, Problem, check_with, unfinished_prerequisites,
};
use crate::model::{Plan, TaskId};
use crate::views::spawn_worker;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Plans with at least this many tasks are analysed on a worker thread.
pub const BACKGROUND_FROM_TASKS: usize = 20_000;
/// Plans with at least this many tasks get their velocity report (with its 10,000-trial forecast) on
/// a worker thread even when the rest is computed in the frame: from here it costs milliseconds.
pub const VELOCITY_BACKGROUND_FROM_TASKS: usize = 1_000;

/// Facts derived from the plan, as of one revision, and the job that brings them up to date.
#[derive(Debug)]
pub struct Derived {
    /// A number that changes whenever the plan or these facts change: views cache what they build
    /// from the plan and these facts on it.
    pub revision: u64,
    /// What is wrong with the plan (unknown ids, loops, duplicates).
    pub problems: Vec<Problem>,
    /// The dependency analysis: graph, loops, schedule, critical path. While an update runs after
    /// the plan gained or lost tasks, this is empty (its task indices would not fit the plan).
    pub analysis: Arc<Analysis>,
    /// Tasks waiting on prerequisites that are neither done nor dropped, with those prerequisites.
    pub unfinished_prerequisites: Arc<HashMap<TaskId, Vec<TaskId>>>,
    /// The plan on the calendar, as of `today` (empty, like `analysis`, while it would not fit).
    pub dated: Arc<DatedSchedule>,
    /// Velocity, burndowns and the forecast in the plan's default unit, as of `today` (none before
    /// the first analysis, and, like `analysis`, while it would not fit the plan).
    pub velocity: Option<Arc<VelocityReport>>,
    /// For plans whose velocity is measured on a worker: the report in the other units too, so
    /// switching the unit costs the frame nothing.
    pub velocity_other_units: Vec<Arc<VelocityReport>>,
    /// The day the facts are computed for.
    pub today: NaiveDate,
    /// Plans with at least this many tasks are analysed on a worker thread (tests lower it).
    pub background_from: usize,
    /// The plan revision the facts describe (`None` before the first).
    facts_of: Option<u64>,
    /// The plan revision the views are showing.
    plan_revision: Option<u64>,
    /// The analysis running on a worker thread, if any.
    job: Option<Job>,
    /// The velocity report running on a worker thread, if any.
    velocity_job: Option<VelocityJob>,
}

/// The facts computed for one plan revision.
#[derive(Debug)]
struct Facts {
    revision: u64,
    today: NaiveDate,
    problems: Vec<Problem>,
    analysis: Analysis,
    dated: DatedSchedule,
    /// Velocity reports, the plan's default unit first (none when left to a velocity worker).
    velocity: Vec<Arc<VelocityReport>>,
    unfinished_prerequisites: HashMap<TaskId, Vec<TaskId>>,
}

impl Facts {
    /// The facts, with the velocity reports `velocity` asks for.
    fn compute(plan: &Plan, revision: u64, today: NaiveDate, velocity: Measure) -> Self {
        let analysis = Analysis::of(plan);
        Self {
            revision,
            today,
            problems: check_with(plan, &analysis),
            dated: DatedSchedule::compute(plan, &analysis, DatedOptions::on(today)),
            velocity: match velocity {
                Measure::Later => Vec::new(),
                Measure::DefaultUnit => vec![velocity_report(plan, today)],
                Measure::EveryUnit => velocity_reports(plan, today),
            },
            analysis,
            unfinished_prerequisites: unfinished_prerequisites(plan),
        }
    }
}

/// Which velocity reports come with the facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Measure {
    /// None: a velocity worker makes them.
    Later,
    /// The plan's default unit (small plans: another unit is quick to make when asked for).
    DefaultUnit,
    /// Every unit (on a worker, for large plans).
    EveryUnit,
}

/// The velocity report of a plan on a day.
fn velocity_report(plan: &Plan, today: NaiveDate) -> Arc<VelocityReport> {
    Arc::new(VelocityReport::compute(
        plan,
        VelocityOptions::default(),
        today,
    ))
}

/// The velocity reports of a plan in every unit, the plan's default unit first.
fn velocity_reports(plan: &Plan, today: NaiveDate) -> Vec<Arc<VelocityReport>> {
    let default = velocity_report(plan, today);
    let default_unit = default.unit;
    let others = Unit::ALL
        .into_iter()
        .filter(|unit| *unit != default_unit)
        .map(|unit| {
            let options = VelocityOptions {
                unit: Some(unit),
                ..VelocityOptions::default()
            };
            Arc::new(VelocityReport::compute(plan, options, today))
        });
    std::iter::once(default).chain(others).collect()
}

/// Velocity reports being computed on a worker thread, for a plan revision.
#[derive(Debug)]
struct VelocityJob {
    revision: u64,
    receiver: Receiver<Vec<Arc<VelocityReport>>>,
}

/// An analysis running on a worker thread.
#[derive(Debug)]
struct Job {
    receiver: Receiver<Facts>,
}

impl Default for Derived {
    /// Facts of no revision, so the first refresh always computes.
    fn default() -> Self {
        Self {
            revision: 0,
            problems: Vec::new(),
            analysis: Arc::default(),
            unfinished_prerequisites: Arc::default(),
            dated: Arc::default(),
            velocity: None,
            velocity_other_units: Vec::new(),
            today: NaiveDate::default(),
            background_from: BACKGROUND_FROM_TASKS,
            facts_of: None,
            plan_revision: None,
            job: None,
            velocity_job: None,
        }
    }
}

impl Derived {
    /// Computes the facts for a plan at a revision on a day, here and now.
    pub fn compute(plan: &Plan, revision: u64, today: NaiveDate) -> Self {
        let mut derived = Self {
            background_from: usize::MAX,
            ..Self::default()
        };
        derived.install(
            Facts::compute(plan, revision, today, Measure::DefaultUnit),
            plan,
        );
        derived.plan_revision = Some(revision);
        derived
    }

    /// Brings the facts up to date with the plan at `revision` on `today`, at the start of a frame: takes a
    /// finished background result, then starts an analysis if the facts are behind (on a worker
    /// thread for a large plan, which asks `ctx` for a repaint when done). Returns true when
    /// anything the views see changed.
    pub fn refresh(
        &mut self,
        plan: &Arc<Plan>,
        revision: u64,
        today: NaiveDate,
        ctx: &egui::Context,
    ) -> bool {
        let mut changed = self.take_result(plan) | self.take_velocity(revision);
        if self.plan_revision != Some(revision) {
            self.plan_revision = Some(revision);
            self.revision += 1;
            changed = true;
            if self.analysis.schedule.times.len() != plan.tasks.len() {
                let old = (
                    std::mem::take(&mut self.analysis),
                    std::mem::take(&mut self.dated),
                    self.velocity.take(),
                );
                if plan.tasks.len() >= self.background_from {
                    drop_later(old);
                }
            }
        }
        let current = self.facts_of == Some(revision) && self.today == today;
        if current || self.job.is_some() {
            return changed;
        }
        if plan.tasks.len() < self.background_from {
            let later = plan.tasks.len() >= VELOCITY_BACKGROUND_FROM_TASKS;
            let measure = if later {
                Measure::Later
            } else {
                Measure::DefaultUnit
            };
            let previous = self.velocity.take();
            self.install(Facts::compute(plan, revision, today, measure), plan);
            if later {
                // The previous report is shown until the new one comes, when the tasks still fit.
                self.velocity =
                    previous.filter(|_| self.analysis.schedule.times.len() == plan.tasks.len());
                self.start_velocity(plan, revision, today, ctx);
            }
            return true;
        }
        let (sender, receiver) = channel();
        let plan = Arc::clone(plan);
        let ctx = ctx.clone();
        spawn_worker(move || {
            // The plan is shared with the UI thread: its id index is made here, not in a frame.
            plan.tasks.index_ids();
            let facts = Facts::compute(&plan, revision, today, Measure::EveryUnit);
            // The plan is let go before the app hears of the result, so its next edit copies nothing.
            drop(plan);
            // The app may have closed meanwhile; then nobody wants the result.
            if sender.send(facts).is_ok() {
                ctx.request_repaint();
            }
        });
        self.job = Some(Job { receiver });
        changed
    }

    /// True while a background analysis or velocity report runs: the facts shown may be behind.
    pub fn is_updating(&self) -> bool {
        self.job.is_some() || self.velocity_job.is_some()
    }

    /// Computes the velocity report of a plan revision on a worker thread.
    fn start_velocity(
        &mut self,
        plan: &Arc<Plan>,
        revision: u64,
        today: NaiveDate,
        ctx: &egui::Context,
    ) {
        let (sender, receiver) = channel();
        let plan = Arc::clone(plan);
        let ctx = ctx.clone();
        spawn_worker(move || {
            let reports = velocity_reports(&plan, today);
            drop(plan);
            if sender.send(reports).is_ok() {
                ctx.request_repaint();
            }
        });
        self.velocity_job = Some(VelocityJob { revision, receiver });
    }

    /// Shows the reports a velocity worker made: the first is in the plan's default unit.
    fn show_velocity(&mut self, mut reports: Vec<Arc<VelocityReport>>) {
        if reports.is_empty() {
            return;
        }
        self.velocity = Some(reports.remove(0));
        self.velocity_other_units = reports;
        self.revision += 1;
    }

    /// Takes a finished velocity report of the current plan revision, if one has come in.
    fn take_velocity(&mut self, revision: u64) -> bool {
        let Some(job) = &self.velocity_job else {
            return false;
        };
        match job.receiver.try_recv() {
            Ok(reports) => {
                let current = job.revision == revision;
                self.velocity_job = None;
                if current {
                    self.show_velocity(reports);
                }
                current
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.velocity_job = None;
                false
            }
        }
    }

    /// Waits for a running background analysis and takes its result (tests and benches use this to
    /// be deterministic). Returns true when there was one.
    pub fn wait(&mut self, plan: &Plan) -> bool {
        let mut waited = false;
        if let Some(job) = self.job.take() {
            if let Ok(facts) = job.receiver.recv() {
                self.install(facts, plan);
            }
            waited = true;
        }
        if let Some(job) = self.velocity_job.take() {
            if let Ok(reports) = job.receiver.recv()
                && self.facts_of == Some(job.revision)
            {
                self.show_velocity(reports);
            }
            waited = true;
        }
        waited
    }

    /// Takes the result of a finished background analysis, if there is one.
    fn take_result(&mut self, plan: &Plan) -> bool {
        let Some(job) = &self.job else {
            return false;
        };
        match job.receiver.try_recv() {
            Ok(facts) => {
                self.job = None;
                self.install(facts, plan);
                true
            }
            Err(TryRecvError::Empty) => false,
            // The worker died (a panic in the analysis): try again at the next refresh.
            Err(TryRecvError::Disconnected) => {
                self.job = None;
                self.facts_of = None;
                false
            }
        }
    }

    /// Shows new facts. An analysis of an older plan that has a different number of tasks is left
    /// out: its task indices would not fit.
    fn install(&mut self, facts: Facts, plan: &Plan) {
        let fits = facts.analysis.schedule.times.len() == plan.tasks.len();
        let large = plan.tasks.len() >= self.background_from;
        self.facts_of = Some(facts.revision);
        self.revision += 1;
        self.today = facts.today;
        let mut reports = facts.velocity.into_iter();
        let (analysis, dated, velocity, other_units) = if fits {
            (
                facts.analysis,
                facts.dated,
                reports.next(),
                reports.collect(),
            )
        } else {
            (
                Analysis::default(),
                DatedSchedule::default(),
                None,
                Vec::new(),
            )
        };
        let old = (
            std::mem::replace(&mut self.problems, facts.problems),
            std::mem::replace(
                &mut self.unfinished_prerequisites,
                Arc::new(facts.unfinished_prerequisites),
            ),
            std::mem::replace(&mut self.analysis, Arc::new(analysis)),
            std::mem::replace(&mut self.dated, Arc::new(dated)),
            std::mem::replace(&mut self.velocity, velocity),
            std::mem::replace(&mut self.velocity_other_units, other_units),
        );
        if large {
            drop_later(old);
        }
    }
}

/// Lets a worker thread free what the facts of a large plan held: freeing a 100,000-task analysis
/// takes longer than a frame.
fn drop_later<T: Send + 'static>(value: T) {
    spawn_worker(move || drop(value));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate_plan;

    #[test]
    fn a_large_plan_is_analysed_in_the_background_and_the_old_facts_stay_meanwhile() {
        let ctx = egui::Context::default();
        let mut derived = Derived {
            background_from: 10,
            ..Derived::default()
        };
        let first = Arc::new(generate_plan(50, 100, 1));
        derived.refresh(&first, 1, NaiveDate::default(), &ctx);
        assert!(derived.is_updating());
        assert!(derived.wait(&first));
        assert!(!derived.is_updating());
        assert_eq!(derived.analysis.schedule.times.len(), 50);
        let mut second = (*first).clone();
        let (two, three) = (second.tasks[2].id.clone(), second.tasks[3].id.clone());
        second.tasks[3].depends_on.push(two);
        second.tasks[2].depends_on.push(three);
        let second = Arc::new(second);
        let key = derived.revision;
        assert!(derived.refresh(&second, 2, NaiveDate::default(), &ctx));
        assert_ne!(
            derived.revision, key,
            "views rebuild from the new plan at once"
        );
        assert!(derived.is_updating());
        assert!(
            derived.problems.is_empty(),
            "the old facts are shown meanwhile"
        );
        assert_eq!(derived.analysis.schedule.times.len(), 50);
        derived.wait(&second);
        assert!(!derived.problems.is_empty(), "the new loop is found");
        assert!(
            !derived.refresh(&second, 2, NaiveDate::default(), &ctx),
            "nothing more to do"
        );
    }

    #[test]
    fn a_small_plan_is_analysed_in_the_frame() {
        let ctx = egui::Context::default();
        let mut derived = Derived::default();
        let plan = Arc::new(generate_plan(30, 60, 2));
        assert!(derived.refresh(&plan, 7, NaiveDate::default(), &ctx));
        assert!(!derived.is_updating());
        assert_eq!(derived.analysis.schedule.times.len(), 30);
        assert!(derived.velocity.is_some(), "velocity comes with the facts");
        assert!(!derived.refresh(&plan, 7, NaiveDate::default(), &ctx));
    }

    #[test]
    fn a_mid_size_plans_velocity_is_computed_on_a_worker() {
        let ctx = egui::Context::default();
        let mut derived = Derived::default();
        let plan = Arc::new(generate_plan(VELOCITY_BACKGROUND_FROM_TASKS, 2_000, 4));
        assert!(derived.refresh(&plan, 3, NaiveDate::default(), &ctx));
        assert_eq!(
            derived.analysis.schedule.times.len(),
            plan.tasks.len(),
            "the analysis is computed in the frame"
        );
        assert!(derived.is_updating(), "the velocity report is on its way");
        assert!(derived.wait(&plan));
        assert!(derived.velocity.is_some());
        let mut units: Vec<Unit> = derived
            .velocity_other_units
            .iter()
            .map(|report| report.unit)
            .collect();
        units.push(derived.velocity.as_ref().expect("a report").unit);
        units.sort_by_key(|unit| Unit::ALL.iter().position(|u| u == unit));
        assert_eq!(units, Unit::ALL, "every unit is ready for the switcher");
        assert!(!derived.is_updating());
    }

    #[test]
    fn an_old_analysis_that_does_not_fit_the_plan_is_not_shown() {
        let ctx = egui::Context::default();
        let mut derived = Derived {
            background_from: 10,
            ..Derived::default()
        };
        let first = Arc::new(generate_plan(40, 80, 3));
        derived.refresh(&first, 1, NaiveDate::default(), &ctx);
        derived.wait(&first);
        let mut fewer = (*first).clone();
        fewer.tasks.pop();
        let fewer = Arc::new(fewer);
        derived.refresh(&fewer, 2, NaiveDate::default(), &ctx);
        assert!(derived.is_updating());
        assert!(derived.analysis.schedule.times.is_empty());
        assert!(derived.velocity.is_none(), "no velocity of the old plan");
        derived.wait(&fewer);
        assert_eq!(derived.analysis.schedule.times.len(), 39);
        assert!(
            derived.velocity.is_some(),
            "velocity computed on the worker"
        );
    }
}
