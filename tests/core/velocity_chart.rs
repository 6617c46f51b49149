//! The velocity charts as scenes, on the bundled sample (today 2026-02-02: five finished sprints,
//! Sprint 3 just started) and on plans without history: what the charts say, and that bars are as
//! tall as their numbers.

use chrono::NaiveDate;
use waymark::analysis::velocity::{BurnScope, SprintState, Unit, VelocityOptions, VelocityReport};
use waymark::export::timeline::Palette;
use waymark::export::velocity::{
    NO_VELOCITY, VelocityChart, long_date, ticks, velocity_scene, velocity_scene_on,
};
use waymark::export::{Hit, Rect, Scene, Shape};
use waymark::model::{Plan, SprintId, Task};

const WIDTH: f32 = 900.0;
const HEIGHT: f32 = 560.0;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 2, 2).expect("valid day")
}

fn sample() -> Plan {
    waymark::app::sample_plan()
}

fn report(plan: &Plan, unit: Option<Unit>) -> VelocityReport {
    let options = VelocityOptions {
        unit,
        ..VelocityOptions::default()
    };
    VelocityReport::compute(plan, options, today())
}

fn scene(plan: &Plan, chart: VelocityChart, scope: &BurnScope) -> Scene {
    velocity_scene(
        plan,
        &report(plan, None),
        chart,
        scope,
        WIDTH,
        HEIGHT,
        &Palette::light(),
    )
}

fn has_text(scene: &Scene, wanted: &str) -> bool {
    scene.texts().iter().any(|t| t.contains(wanted))
}

/// Filled rectangles of a colour whose middle is inside `column`.
fn bars_in(scene: &Scene, column: Rect, fill: waymark::export::Rgba) -> Vec<Rect> {
    let mut found = Vec::new();
    scene.visit(|item, _| {
        if let Shape::Rect {
            rect,
            fill: Some(colour),
            ..
        } = &item.shape
        {
            let middle = waymark::export::Point::new(
                f32::midpoint(rect.min.x, rect.max.x),
                f32::midpoint(rect.min.y, rect.max.y),
            );
            if *colour == fill && column.contains(middle) {
                found.push(*rect);
            }
        }
    });
    found
}

#[test]
fn the_velocity_chart_names_every_sprint_and_the_average() {
    let plan = sample();
    let scene = scene(&plan, VelocityChart::Velocity, &BurnScope::Plan);
    assert!(has_text(&scene, "Velocity: hours completed per sprint"));
    for name in [
        "Prototype 1",
        "Prototype 2",
        "Prototype 3",
        "Sprint 1",
        "Sprint 2",
        "Sprint 3",
    ] {
        assert!(has_text(&scene, name), "{name} is labelled");
    }
    // The last three finished sprints completed 36, 52 and 24 h.
    assert!(has_text(
        &scene,
        "Average of the last 3 finished sprints: 37.3 h (median 36 h), trend falling"
    ));
    assert!(has_text(&scene, "average 37.3 h"));
    assert!(has_text(&scene, "running"), "Sprint 3 is under way");
}

#[test]
fn bars_are_as_tall_as_their_numbers() {
    let plan = sample();
    let report = report(&plan, None);
    let palette = Palette::light();
    let scene = velocity_scene(
        &plan,
        &report,
        VelocityChart::Velocity,
        &BurnScope::Plan,
        WIDTH,
        HEIGHT,
        &palette,
    );
    let mut per_unit = Vec::new();
    for sprint in report
        .sprints
        .iter()
        .filter(|s| s.state == SprintState::Finished)
    {
        let index = plan
            .sprints
            .iter()
            .position(|s| s.id == sprint.sprint)
            .expect("a plan sprint");
        let column = scene
            .hit_rect(Hit::SprintBar(index))
            .expect("a hit area per sprint");
        let committed = bars_in(&scene, column, palette.planned);
        let completed = bars_in(&scene, column, palette.done);
        assert_eq!(
            (committed.len(), completed.len()),
            (1, 1),
            "{}",
            sprint.name
        );
        per_unit.push(committed[0].height() / sprint.committed as f32);
        per_unit.push(completed[0].height() / sprint.completed as f32);
        assert!(
            (committed[0].max.y - column.max.y).abs() < 0.01,
            "bars stand on the axis"
        );
    }
    assert_eq!(per_unit.len(), 10);
    let first = per_unit[0];
    assert!(first > 1.0, "bars have height");
    for ratio in per_unit {
        assert!((ratio - first).abs() < 0.01, "{ratio} vs {first}");
    }
}

#[test]
fn the_sprint_readout_has_every_number() {
    let plan = sample();
    let scene = scene(&plan, VelocityChart::Velocity, &BurnScope::Plan);
    let mut labels = Vec::new();
    scene.visit(|item, _| {
        if let (Some(Hit::SprintBar(_)), Some(label)) = (item.hit, &item.label) {
            labels.push(label.clone());
        }
    });
    assert_eq!(labels.len(), 6);
    assert!(
        labels.contains(
            &"Sprint 2: committed 78 h, completed 24 h, added 8 h, removed 12 h, carried over 50 h"
                .to_owned()
        )
    );
}

#[test]
fn the_forecast_gives_its_dates_in_words() {
    let plan = sample();
    let report = report(&plan, None);
    let forecast = &report.forecast;
    let scene = scene(&plan, VelocityChart::Forecast, &BurnScope::Plan);
    for (p, day) in [(50, forecast.p50), (85, forecast.p85), (95, forecast.p95)] {
        let day = day.expect("five sprints are enough for a forecast");
        let words = format!("{p}% likely by {}", long_date(day, today()));
        assert!(has_text(&scene, &words), "{words}");
    }
    assert!(has_text(
        &scene,
        "216 h remaining, based on 5 sprints, 10,000 trials"
    ));
    let mut bars = 0;
    scene.visit(|item, _| bars += usize::from(matches!(item.hit, Some(Hit::ForecastBar(_)))));
    assert_eq!(bars, forecast.buckets.len());
    assert_eq!(long_date(today(), today()), "Mon 2 February");
    assert_eq!(
        long_date(NaiveDate::from_ymd_opt(2027, 6, 11).expect("day"), today()),
        "Fri 11 June 2027"
    );
}

#[test]
fn a_sprint_burndown_marks_the_days_scope_moved() {
    let plan = sample();
    let scene = scene(
        &plan,
        VelocityChart::Burndown,
        &BurnScope::Sprint(SprintId::from("s2")),
    );
    assert!(has_text(&scene, "Burndown and burnup: Sprint 2"));
    assert!(has_text(
        &scene,
        "19 Jan – 30 Jan · 74 h in scope, 24 h completed, 50 h remaining · scope moved on 2 days"
    ));
    let mut days = 0;
    let mut diamonds = 0;
    scene.visit(|item, _| {
        days += usize::from(matches!(item.hit, Some(Hit::BurnDay(_))));
        // Scope markers are outlined; the legend's diamond is not.
        diamonds += usize::from(matches!(
            item.shape,
            Shape::Diamond {
                stroke: Some(_),
                ..
            }
        ));
    });
    assert_eq!(days, 12, "19 to 30 January");
    assert_eq!(diamonds, 2, "UI-004 came in, IMP-002 went out");
}

#[test]
fn without_history_the_charts_say_what_is_missing() {
    let mut plan = Plan::new("Fresh");
    plan.tasks.push(Task::new("A-1", "Something to do", "TODO"));
    let palette = Palette::light();
    let draw = |chart| {
        velocity_scene_on(
            &plan,
            today(),
            None,
            chart,
            &BurnScope::Plan,
            600.0,
            400.0,
            &palette,
        )
    };
    assert!(has_text(
        &draw(VelocityChart::Velocity),
        "No finished work with dates yet"
    ));
    let forecast = draw(VelocityChart::Forecast);
    assert!(
        has_text(&forecast, "No forecast yet"),
        "{:?}",
        forecast.texts()
    );
    assert!(has_text(
        &draw(VelocityChart::Burndown),
        "Nothing dates this scope yet"
    ));
    assert!(NO_VELOCITY.contains("velocity appears as tasks are completed"));
}

#[test]
fn units_change_every_number_and_title() {
    let plan = sample();
    let report = report(&plan, Some(Unit::Count));
    let scene = velocity_scene(
        &plan,
        &report,
        VelocityChart::Velocity,
        &BurnScope::Plan,
        WIDTH,
        HEIGHT,
        &Palette::dark(),
    );
    assert!(has_text(&scene, "Velocity: tasks completed per sprint"));
    assert_eq!(scene.background, Some(Palette::dark().background));
}

#[test]
fn ticks_are_round_and_cover_the_highest_value() {
    assert_eq!(ticks(78.0, 5, false), vec![0.0, 20.0, 40.0, 60.0, 80.0]);
    assert_eq!(ticks(3.0, 5, true), vec![0.0, 1.0, 2.0, 3.0]);
    assert_eq!(ticks(1.0, 4, false), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    assert_eq!(
        ticks(0.0, 5, true),
        vec![0.0, 1.0],
        "an empty chart still has an axis"
    );
    let wide = ticks(1234.0, 5, false);
    assert!(
        *wide.last().expect("ticks") >= 1234.0 && wide.len() <= 7,
        "{wide:?}"
    );
}

#[test]
fn a_plan_without_sprints_is_measured_per_week() {
    let mut plan = Plan::new("Weekly");
    for (id, hours, done) in [
        ("W-1", 6.0, "2026-01-06"),
        ("W-2", 4.0, "2026-01-08"),
        ("W-3", 8.0, "2026-01-21"),
    ] {
        let mut task = Task::new(id, id, "DONE");
        task.estimate.hours = Some(hours);
        task.completed = done.parse().ok();
        plan.tasks.push(task);
    }
    let report = report(&plan, Some(Unit::Hours));
    let scene = velocity_scene(
        &plan,
        &report,
        VelocityChart::Velocity,
        &BurnScope::Plan,
        WIDTH,
        HEIGHT,
        &Palette::light(),
    );
    assert!(has_text(&scene, "Velocity: hours completed per week"));
    let mut weeks = Vec::new();
    scene.visit(|item, _| {
        if let (Some(Hit::WeekBar(_)), Some(label)) = (item.hit, &item.label) {
            weeks.push(label.clone());
        }
    });
    // W02 to W06 (today's week), the empty W03 and W05 included.
    assert_eq!(weeks.len(), 5, "{weeks:?}");
    assert_eq!(weeks[0], "2026-W02: completed 10 h");
    assert_eq!(weeks[1], "2026-W03: completed 0 h");
    assert_eq!(weeks[2], "2026-W04: completed 8 h");
    assert!(weeks[4].ends_with("(this week, so far)"));
}

#[test]
#[expect(
    clippy::float_cmp,
    reason = "the sample's hours are whole numbers, exact in f64"
)]
fn work_carried_over_by_a_late_close_counts_in_the_next_sprint_from_the_close() {
    let mut plan = sample();
    let late = NaiveDate::from_ymd_opt(2026, 2, 3).expect("day");
    waymark::edit::Edit::CloseSprint {
        sprint: SprintId::from("s2"),
        move_unfinished_to: Some(SprintId::from("s3")),
        at: late.and_hms_opt(10, 0, 0).expect("time"),
    }
    .apply(&mut plan)
    .expect("Sprint 2 closes");
    let report = VelocityReport::compute(&plan, VelocityOptions::default(), late);
    let row = |id: &str| {
        report
            .sprints
            .iter()
            .find(|s| s.sprint == SprintId::from(id))
            .expect("measured")
    };
    // Sprint 3 started on 2 February; the four unfinished tasks (50 h) came in with the close.
    assert_eq!(row("s3").committed, 60.0);
    assert_eq!(row("s3").added, 50.0);
    assert_eq!(row("s2").carried_over, 50.0, "Sprint 2 keeps its numbers");
    assert_eq!(row("s2").completed, 24.0);
}

#[test]
fn a_plan_under_way_burns_down_only_the_work_left_at_the_start() {
    let plan = sample();
    let report = report(&plan, None);
    let burn = report
        .burndown_until(&plan, &BurnScope::Plan, report.forecast.p85)
        .expect("the plan has a start date");
    let first = burn.days[0];
    let (scope, completed) = (first.scope.expect("known"), first.completed.expect("known"));
    // By 5 January, the start, the prototype sprints had finished 92 h of the 384 h.
    assert!(completed >= 92.0, "{completed}");
    assert!(first.ideal < scope - 90.0, "{} vs {scope}", first.ideal);
    let last = burn.days.last().expect("days");
    assert_eq!(
        Some(last.date),
        report.forecast.p85,
        "the ideal runs to the 85% date"
    );
    assert!(last.ideal.abs() < 1e-9);
    assert!(last.scope.is_none(), "no actual numbers after today");
}
