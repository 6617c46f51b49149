//! The dependency analysis on hand-drawn graphs: schedule, slack, critical path, loops, reach, phases,
//! layout. Every expected number below is worked out by hand in the comments.
#![expect(
    clippy::float_cmp,
    reason = "the hand-computed days and positions are whole or half numbers, exact in binary"
)]

use chrono::NaiveDate;
use waymark::analysis::{Analysis, GraphLayout, NODE_SIZE, PlanStats, check_plan};
use waymark::model::{Phase, PhaseId, Plan, Task, TaskId};

fn task(id: &str, status: &str, hours: f64, depends_on: &[&str]) -> Task {
    let mut task = Task::new(id, id, status);
    task.estimate.hours = Some(hours);
    task.depends_on = depends_on.iter().map(|d| TaskId::from(*d)).collect();
    task
}

fn ids(plan: &Plan, indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .map(|&i| plan.tasks[i].id.to_string())
        .collect()
}

fn index(plan: &Plan, id: &str) -> usize {
    plan.task_index(&TaskId::from(id)).expect("task exists")
}

/// A(2 d) → B(1 d) → D(1 d), A → C(3 d) → D, and E(1 d) alone; 8 hours a day.
fn diamond() -> Plan {
    let mut plan = Plan::new("diamond");
    plan.tasks = vec![
        task("A", "TODO", 16.0, &[]),
        task("B", "TODO", 8.0, &["A"]),
        task("C", "TODO", 24.0, &["A"]),
        task("D", "TODO", 8.0, &["B", "C"]),
        task("E", "TODO", 8.0, &[]),
    ]
    .into();
    plan
}

#[test]
fn diamond_schedule_matches_the_hand_computation() {
    let plan = diamond();
    let analysis = Analysis::of(&plan);
    let schedule = &analysis.schedule;
    assert_eq!(ids(&plan, &schedule.order), ["A", "B", "C", "D", "E"]);
    // (earliest start, earliest finish, latest start, latest finish, slack), by hand:
    // A 0–2, B 2–3, C 2–5, D 5–6, E 0–1; end 6. Backwards: D 5–6; B must end by 5 → 4–5;
    // C by 5 → 2–5; A by min(4, 2) = 2 → 0–2; E by 6 → 5–6.
    let expected = [
        ("A", 0.0, 2.0, 0.0, 2.0, 0.0),
        ("B", 2.0, 3.0, 4.0, 5.0, 2.0),
        ("C", 2.0, 5.0, 2.0, 5.0, 0.0),
        ("D", 5.0, 6.0, 5.0, 6.0, 0.0),
        ("E", 0.0, 1.0, 5.0, 6.0, 5.0),
    ];
    for (id, es, ef, ls, lf, slack) in expected {
        let times = schedule.times[index(&plan, id)].expect("scheduled");
        assert_eq!(
            (
                times.earliest_start,
                times.earliest_finish,
                times.latest_start,
                times.latest_finish,
                times.slack
            ),
            (es, ef, ls, lf, slack),
            "{id}"
        );
    }
    assert!((schedule.end - 6.0).abs() < 1e-9);
    assert_eq!(ids(&plan, &schedule.critical_path), ["A", "C", "D"]);
    assert!(analysis.cycles.is_empty());
}

#[test]
fn hours_per_day_fixed_start_and_due_dates_move_the_schedule() {
    let mut plan = diamond();
    plan.meta.hours_per_day = 4.0;
    // At 4 h a day: A 4 d, B 2 d, C 6 d, D 2 d: A 0–4, C 4–10, D 10–12.
    let schedule = Analysis::of(&plan).schedule;
    assert!((schedule.end - 12.0).abs() < 1e-9);

    let mut plan = diamond();
    plan.meta.start = NaiveDate::from_ymd_opt(2026, 1, 5); // a Monday
    // E may not start before the next Monday: 5 working days later.
    plan.tasks[4].start = NaiveDate::from_ymd_opt(2026, 1, 12);
    // D is due on Friday 9 January: it must finish by the end of day 5, one day before it can.
    plan.tasks[3].due = NaiveDate::from_ymd_opt(2026, 1, 9);
    let schedule = Analysis::of(&plan).schedule;
    let e = schedule.times[4].expect("scheduled");
    assert_eq!((e.earliest_start, e.earliest_finish), (5.0, 6.0));
    let d = schedule.times[3].expect("scheduled");
    assert_eq!((d.latest_finish, d.slack), (5.0, -1.0));
    // C and A inherit D's missed day.
    assert_eq!(schedule.times[2].expect("scheduled").slack, -1.0);
    assert_eq!(schedule.times[0].expect("scheduled").slack, -1.0);
    // D and E both end on day 6; the path ends at the first of them in plan order, D.
    assert_eq!(ids(&plan, &schedule.critical_path), ["A", "C", "D"]);
}

#[test]
fn working_days_skip_weekends() {
    let monday = NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
    let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).expect("date");
    let calendar = waymark::model::Calendar::default();
    let working_days = |from, to| calendar.working_days_between(from, to) as f64;
    assert_eq!(working_days(monday, day(5)), 0.0);
    assert_eq!(working_days(monday, day(10)), 5.0); // Saturday: Mon–Fri counted
    assert_eq!(working_days(monday, day(12)), 5.0);
    assert_eq!(working_days(monday, day(14)), 7.0);
    assert_eq!(working_days(day(14), monday), -7.0);
}

#[test]
fn finished_work_takes_no_time_and_blocks_nothing() {
    let mut plan = diamond();
    plan.tasks[0].status = "DONE".into(); // A
    plan.tasks[2].status = "IN PROGRESS".into(); // C
    let analysis = Analysis::of(&plan);
    // A takes 0 d: C 0–3, D 3–4; the path starts at C because A drives nothing.
    assert_eq!(ids(&plan, &analysis.schedule.critical_path), ["C", "D"]);
    let d = index(&plan, "D");
    let mut blocked_by = ids(&plan, &analysis.blocked_by(&plan, d));
    blocked_by.sort();
    assert_eq!(blocked_by, ["B", "C"], "A is done, so it blocks nothing");
    let upstream = ids(&plan, &analysis.upstream(d));
    assert_eq!(
        upstream.last().map(String::as_str),
        Some("A"),
        "nearest first"
    );
    let mut upstream = upstream;
    upstream.sort();
    assert_eq!(upstream, ["A", "B", "C"]);
    let mut downstream = ids(&plan, &analysis.downstream(0));
    downstream.sort();
    assert_eq!(downstream, ["B", "C", "D"]);
    assert!(analysis.downstream(4).is_empty());
}

#[test]
fn a_loop_is_named_kept_and_the_rest_is_still_scheduled() {
    let mut plan = Plan::new("loop");
    plan.tasks = vec![
        task("W", "TODO", 8.0, &[]),
        task("X", "TODO", 8.0, &["Y", "W"]),
        task("Y", "TODO", 8.0, &["X"]),
        task("Z", "TODO", 8.0, &["Y"]),
    ]
    .into();
    let analysis = Analysis::of(&plan);
    assert_eq!(
        analysis.cycles,
        vec![vec![
            TaskId::from("X"),
            TaskId::from("Y"),
            TaskId::from("X")
        ]]
    );
    assert!(analysis.loop_edges.contains(&(1, 2)) && analysis.loop_edges.contains(&(2, 1)));
    assert_eq!(analysis.graph.graph.edge_count(), 4, "no edge is dropped");
    assert!(
        analysis.schedule.times[0].is_some(),
        "W is outside the loop"
    );
    for id in ["X", "Y", "Z"] {
        assert!(
            analysis.schedule.times[index(&plan, id)].is_none(),
            "{id} is in or after the loop"
        );
    }
    assert_eq!(ids(&plan, &analysis.schedule.critical_path), ["W"]);
    let problems: Vec<String> = check_plan(&plan).iter().map(ToString::to_string).collect();
    assert_eq!(problems, ["dependency loop: X → Y → X"]);
    let stats = PlanStats::of(&plan);
    assert_eq!(stats.cycles, vec![vec!["X", "Y", "X"]]);
}

/// Shaped like the progress-tracker seed: Module 2 depends on Modules 0 and 1.
fn modules() -> Plan {
    let mut plan = Plan::new("modules");
    let phase = |id: &str, depends_on: &[&str]| Phase {
        id: PhaseId::from(id),
        name: id.to_owned(),
        depends_on: depends_on.iter().map(|p| PhaseId::from(*p)).collect(),
        ..Phase::default()
    };
    plan.phases = vec![
        phase("module-0", &[]),
        phase("module-1", &[]),
        phase("module-2", &["module-0", "module-1"]),
    ];
    let in_phase = |mut task: Task, phase: &str| {
        task.phase = Some(PhaseId::from(phase));
        task
    };
    plan.tasks = vec![
        in_phase(task("F1", "TODO", 8.0, &[]), "module-0"),
        in_phase(task("F2", "TODO", 8.0, &["F1"]), "module-0"),
        in_phase(task("W1", "TODO", 24.0, &[]), "module-1"),
        in_phase(task("W2", "TODO", 8.0, &[]), "module-1"),
        in_phase(task("C1", "TODO", 8.0, &[]), "module-2"),
        in_phase(task("C2", "TODO", 8.0, &["C1"]), "module-2"),
    ]
    .into();
    plan
}

#[test]
fn phase_dependencies_become_edges_from_exit_tasks_to_entry_tasks() {
    let plan = modules();
    let analysis = Analysis::of(&plan);
    let graph = &analysis.graph;
    assert_eq!(graph.explicit_edges, 2);
    let implied: Vec<(String, String)> = graph
        .graph
        .edge_indices()
        .filter(|&edge| graph.is_implied(edge))
        .map(|edge| {
            let (from, to) = graph.graph.edge_endpoints(edge).expect("edge");
            (
                plan.tasks[from.index()].id.to_string(),
                plan.tasks[to.index()].id.to_string(),
            )
        })
        .collect();
    // Module 0's exit is F2 (F1 leads to it); module 1's exits are W1 and W2; module 2's entry is C1.
    let expected =
        [("F2", "C1"), ("W1", "C1"), ("W2", "C1")].map(|(a, b)| (a.to_owned(), b.to_owned()));
    assert_eq!(implied, expected);
    // C1 waits for the slowest of F2 (ends day 2), W1 (day 3), W2 (day 1): starts day 3.
    let c1 = analysis.schedule.times[index(&plan, "C1")].expect("scheduled");
    assert_eq!(c1.earliest_start, 3.0);
    assert_eq!(
        ids(&plan, &analysis.schedule.critical_path),
        ["W1", "C1", "C2"]
    );
    assert!(
        plan.tasks[4].depends_on.is_empty(),
        "the plan itself is unchanged"
    );
}

#[test]
fn layout_puts_prerequisites_left_and_the_critical_path_on_one_line() {
    for plan in [diamond(), modules(), csv_seed()] {
        let analysis = Analysis::of(&plan);
        let layout = GraphLayout::compute(&plan, &analysis);
        for edge in analysis.graph.graph.edge_indices() {
            let (from, to) = analysis.graph.graph.edge_endpoints(edge).expect("edge");
            assert!(
                layout.positions[from.index()][0] + NODE_SIZE[0] < layout.positions[to.index()][0],
                "{} is not left of {}",
                plan.tasks[from.index()].id,
                plan.tasks[to.index()].id
            );
        }
        let rows: Vec<f32> = analysis
            .schedule
            .critical_path
            .iter()
            .map(|&i| layout.positions[i][1])
            .collect();
        assert!(rows.windows(2).all(|pair| pair[0] == pair[1]), "{rows:?}");
        for (i, a) in layout.positions.iter().enumerate() {
            for b in &layout.positions[i + 1..] {
                let apart =
                    (a[0] - b[0]).abs() >= NODE_SIZE[0] || (a[1] - b[1]).abs() >= NODE_SIZE[1];
                assert!(apart, "cards overlap at {a:?} and {b:?}");
            }
        }
    }
}

#[test]
fn dragged_positions_replace_the_automatic_ones() {
    let mut plan = diamond();
    plan.tasks[1].graph_position = Some([-500.0, 40.0]);
    let layout = GraphLayout::compute(&plan, &Analysis::of(&plan));
    assert_eq!(layout.positions[1], [-500.0, 40.0]);
    assert_eq!(layout.bounds[0], -500.0);
}

fn csv_seed() -> Plan {
    waymark::io::plan_from_ron(include_str!("../fixtures/csv_seed_graph.ron"))
        .expect("fixture loads")
}

#[test]
fn csv_seed_has_its_dependencies_and_a_critical_path() {
    let plan = csv_seed();
    assert_eq!(plan.tasks.len(), 32);
    let analysis = Analysis::of(&plan);
    assert_eq!(analysis.graph.graph.edge_count(), 19);
    assert!(analysis.cycles.is_empty() && analysis.graph.unknown.is_empty());
    // Finished work takes no time. PAY-001 (in progress, 16 h = 2 d) then ADV-005 (32 h = 4 d) end on
    // day 6; the next longest chain, PAY-001 → PAY-002 → PAY-004, ends on day 4.5.
    assert_eq!(
        ids(&plan, &analysis.schedule.critical_path),
        ["PAY-001", "ADV-005"]
    );
    assert!((analysis.schedule.end - 6.0).abs() < 1e-9);
    let stats = PlanStats::of(&plan);
    assert_eq!(stats.critical_path, ["PAY-001", "ADV-005"]);
}

#[test]
fn the_imported_csv_seed_gives_the_same_graph_as_the_hand_made_fixture() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds/002_1e8f555cdad28c5b.txt");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipped: {} is not present", path.display());
        return;
    };
    let imported = waymark::io::Format::Csv
        .read(&bytes)
        .expect("the CSV seed imports")
        .plan;
    let analysis = Analysis::of(&imported);
    assert_eq!(analysis.graph.graph.edge_count(), 19);
    assert!(analysis.cycles.is_empty() && analysis.graph.unknown.is_empty());
    assert_eq!(
        ids(&imported, &analysis.schedule.critical_path),
        ["PAY-001", "ADV-005"]
    );
    assert!((analysis.schedule.end - 6.0).abs() < 1e-9);
    let fixture = csv_seed();
    for task in &fixture.tasks {
        let twin = imported.task(&task.id).expect("same ids");
        assert_eq!(twin.depends_on, task.depends_on, "{}", task.id);
        assert_eq!(twin.estimate.hours, task.estimate.hours, "{}", task.id);
    }
}
