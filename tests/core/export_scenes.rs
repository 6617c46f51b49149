//! The board and the dependency graph as scenes: every card and node is there, in its place and colour,
//! inside the scene; an empty plan gives a message rather than nothing.

use std::time::Instant;
use waymark::analysis::{Analysis, GraphLayout};
use waymark::export::board::geometry::CARD_TITLE_TEXT;
use waymark::export::board::{BoardFilter, Swimlane};
use waymark::export::font::text_width;
use waymark::export::timeline::Palette;
use waymark::export::{
    Anchor, BoardSettings, Hit, Rect, Scene, Shape, board_scene, bounds, graph_scene,
};
use waymark::model::{ChecklistItem, Plan, Priority, Sprint, SprintId, Task, generate_plan};

fn small_plan() -> Plan {
    let mut plan = Plan::new("Shop");
    plan.sprints = vec![Sprint {
        id: SprintId::from("s1"),
        name: "Sprint 1".into(),
        ..Sprint::default()
    }];
    plan.tasks = vec![
        Task::new("SHOP-1", "Design the checkout page", "DONE"),
        Task::new(
            "SHOP-2",
            "Build the payment form with card validation, saved addresses, gift cards, coupons and \
             a receipt that is mailed to the customer",
            "IN PROGRESS",
        ),
        Task::new("SHOP-3", "Write tests", "TODO"),
        Task::new("SHOP-4", "Launch", "TODO"),
        Task::new("SHOP-5", "Wait for legal", "BLOCKED"),
        Task::new(
            "SHOP-6",
            "Supercalifragilisticexpialidociousnessless",
            "TODO",
        ),
    ]
    .into();
    let t = &mut plan.tasks;
    t[1].depends_on = vec!["SHOP-1".into()];
    t[2].depends_on = vec!["SHOP-2".into()];
    t[3].depends_on = vec!["SHOP-2".into(), "SHOP-3".into()];
    t[0].estimate.hours = Some(8.0);
    t[1].estimate.hours = Some(24.0);
    t[2].estimate.hours = Some(4.0);
    t[5].estimate.points = Some(3.0);
    t[3].estimate.hours = Some(2.5);
    t[1].owner = "Ada Lovelace-Byron of the very long surname".into();
    t[1].priority = Some(Priority::P0);
    t[2].owner = "Grace".into();
    t[2].checklist = vec![ChecklistItem::new("unit"), ChecklistItem::new("ui")];
    t[2].sprint = Some(SprintId::from("s1"));
    t[3].sprint = Some(SprintId::from("s1"));
    plan
}

/// The texts drawn for a task at a size, in painting order.
fn texts_at(scene: &Scene, index: usize, size: f32) -> Vec<String> {
    let mut texts = Vec::new();
    scene.visit(|item, _| {
        if let Shape::Text { text, size: s, .. } = &item.shape
            && item.hit == Some(Hit::Task(index))
            && (*s - size).abs() < 1e-3
        {
            texts.push(text.clone());
        }
    });
    texts
}

/// The first text of the scene that starts with `prefix`, with its position.
fn text_starting(scene: &Scene, prefix: &str) -> Option<(f32, f32)> {
    let mut found = None;
    scene.visit(|item, _| {
        if let Shape::Text { text, pos, .. } = &item.shape
            && found.is_none()
            && text.starts_with(prefix)
        {
            found = Some((pos.x, pos.y));
        }
    });
    found
}

fn card(scene: &Scene, index: usize) -> Rect {
    scene
        .hit_rect(Hit::Task(index))
        .unwrap_or_else(|| panic!("no card for task {index}"))
}

/// Every primitive and every text lies inside the scene.
fn assert_inside(scene: &Scene) {
    assert!(
        scene.width > 0.0 && scene.height > 0.0,
        "a scene has a size"
    );
    let area = Rect::from_edges(0.0, 0.0, scene.width, scene.height);
    scene.visit(|item, clip| {
        if let Shape::Text {
            pos,
            text,
            size,
            anchor,
            ..
        } = &item.shape
        {
            let width = text_width(text, *size);
            let (left, right) = match anchor {
                Anchor::Start => (pos.x, pos.x + width),
                Anchor::Middle => (pos.x - width / 2.0, pos.x + width / 2.0),
                Anchor::End => (pos.x - width, pos.x),
            };
            assert!(
                left >= -0.01 && right <= scene.width + 0.01,
                "{text:?} runs out of the scene"
            );
            assert!(area.contains(*pos), "{text:?} at {pos:?} is outside");
        } else if let Some(rect) = bounds(&item.shape) {
            assert!(
                area.contains(rect.min) && area.contains(rect.max),
                "{:?} is outside {area:?}",
                item.shape
            );
        }
        if let Some(clip) = clip {
            assert!(area.contains(clip.min) && area.contains(clip.max));
        }
    });
}

#[test]
fn every_title_is_on_a_card_whole_or_cut_with_an_ellipsis() {
    let plan = small_plan();
    let scene = board_scene(&plan, &BoardSettings::default(), &Palette::light());
    for (index, task) in plan.tasks.iter().enumerate() {
        let lines = texts_at(&scene, index, CARD_TITLE_TEXT);
        assert!(
            !lines.is_empty() && lines.len() <= 2,
            "{}: {lines:?}",
            task.id
        );
        // Lines break at spaces, or inside a word longer than a line.
        let squeeze = |text: &str| text.split_whitespace().collect::<String>();
        let (shown, title) = (squeeze(&lines.concat()), squeeze(&task.title));
        let whole = shown == title;
        let cut = shown
            .strip_suffix('…')
            .is_some_and(|start| !start.is_empty() && title.starts_with(start));
        assert!(whole || cut, "{}: {lines:?}", task.id);
        let rect = card(&scene, index);
        assert!(
            lines
                .iter()
                .all(|line| text_width(line, CARD_TITLE_TEXT) <= rect.width() - 20.0 + 0.01),
            "{}: {lines:?} is wider than its card",
            task.id
        );
        let ids = texts_at(&scene, index, 11.5);
        assert!(ids.iter().any(|t| t == task.id.as_str()), "{ids:?}");
    }
    let long = texts_at(&scene, 1, CARD_TITLE_TEXT);
    assert_eq!(long.len(), 2, "a long title takes two lines: {long:?}");
    assert!(long[1].ends_with('…'));
    let small = texts_at(&scene, 1, 11.5);
    assert!(small.contains(&"24 h".to_owned()), "{small:?}");
    assert!(small.iter().any(|t| t.starts_with("Ada")), "{small:?}");
    let pill = format!("P0 {}", Priority::P0.meaning());
    assert!(
        texts_at(&scene, 1, 11.0).contains(&pill),
        "the priority pill"
    );
    let third = texts_at(&scene, 2, 11.5);
    assert!(third.contains(&"4 h".to_owned()), "{third:?}");
    assert!(texts_at(&scene, 5, 11.5).contains(&"3 pts".to_owned()));
    assert!(third.contains(&"☑ 0/2".to_owned()), "{third:?}");
    assert!(third.contains(&"⚠ blocked by 1".to_owned()), "{third:?}");
}

#[test]
fn cards_sit_in_their_status_column_under_its_header() {
    let plan = small_plan();
    let scene = board_scene(&plan, &BoardSettings::default(), &Palette::dark());
    let mut columns: Vec<(f32, f32)> = Vec::new();
    for status in &plan.legend {
        let count = plan.tasks.iter().filter(|t| t.status == status.key).count();
        let header = format!("{} · {count} · ", status.label);
        let (x, y) = text_starting(&scene, &header)
            .unwrap_or_else(|| panic!("no header {header:?}: {:?}", scene.texts()));
        let cards: Vec<Rect> = (0..plan.tasks.len())
            .filter(|&i| plan.tasks[i].status == status.key)
            .map(|i| card(&scene, i))
            .collect();
        for rect in &cards {
            assert!(
                rect.min.x < x && x < rect.max.x,
                "{} header over its cards",
                status.label
            );
            assert!(rect.min.y > y, "cards below the header");
            assert!((rect.min.x - cards[0].min.x).abs() < 1e-3, "one column");
        }
        if let Some(first) = cards.first() {
            columns.push((first.min.x, first.max.x));
        }
        for pair in cards.windows(2) {
            assert!(pair[0].max.y <= pair[1].min.y, "cards stack in plan order");
        }
    }
    for pair in columns.windows(2) {
        assert!(
            pair[0].1 < pair[1].0,
            "columns in legend order, apart: {columns:?}"
        );
    }
    assert_inside(&scene);
}

#[test]
fn lanes_hold_their_cards_and_filters_hide_cards() {
    let plan = small_plan();
    let settings = BoardSettings {
        swimlane: Swimlane::Sprint,
        ..BoardSettings::default()
    };
    let scene = board_scene(&plan, &settings, &Palette::light());
    let (_, sprint) = text_starting(&scene, "▼ Sprint 1 · 2 tasks").expect("the sprint lane");
    let (_, backlog) = text_starting(&scene, "▼ Backlog · 4 tasks").expect("the backlog lane");
    assert!(sprint < backlog);
    for (index, task) in plan.tasks.iter().enumerate() {
        let rect = card(&scene, index);
        if task.sprint.is_some() {
            assert!(sprint < rect.min.y && rect.max.y < backlog, "{}", task.id);
        } else {
            assert!(rect.min.y > backlog, "{}", task.id);
        }
    }
    assert_inside(&scene);

    let filtered = BoardSettings {
        filter: BoardFilter {
            text: "launch".into(),
            ..BoardFilter::default()
        },
        ..BoardSettings::default()
    };
    let scene = board_scene(&plan, &filtered, &Palette::light());
    assert!(scene.hit_rect(Hit::Task(3)).is_some());
    assert!(scene.hit_rect(Hit::Task(0)).is_none());
    assert!(
        text_starting(&scene, "To do · 1 of 3 · ").is_some(),
        "{:?}",
        scene.texts()
    );
}

fn graph_of(plan: &Plan, palette: &Palette) -> (Analysis, Scene) {
    let analysis = Analysis::of(plan);
    let layout = GraphLayout::compute(plan, &analysis);
    let scene = graph_scene(plan, &analysis, &layout, palette);
    (analysis, scene)
}

fn arrows(scene: &Scene) -> Vec<(String, waymark::export::Rgba)> {
    let mut found = Vec::new();
    scene.visit(|item, _| {
        if let Shape::Line {
            arrow: true,
            stroke,
            ..
        } = &item.shape
        {
            found.push((item.label.clone().unwrap_or_default(), stroke.color));
        }
    });
    found
}

#[test]
fn the_graph_has_one_arrow_per_dependency() {
    let plan = small_plan();
    let (_, scene) = graph_of(&plan, &Palette::light());
    let mut drawn: Vec<String> = arrows(&scene).into_iter().map(|(label, _)| label).collect();
    let mut wanted: Vec<String> = plan
        .tasks
        .iter()
        .flat_map(|t| {
            t.depends_on
                .iter()
                .map(move |on| format!("{on} → {}", t.id))
        })
        .collect();
    drawn.sort();
    wanted.sort();
    assert_eq!(drawn, wanted);
    for (index, task) in plan.tasks.iter().enumerate() {
        let rect = card(&scene, index);
        assert!(
            (rect.width() - waymark::analysis::NODE_SIZE[0]).abs() < 1e-3,
            "a node is as big as in the window"
        );
        let texts = texts_at(&scene, index, 13.0);
        assert_eq!(texts.len(), 1);
        let title = &texts[0];
        assert!(
            title == &task.title
                || title
                    .strip_suffix('…')
                    .is_some_and(|s| task.title.starts_with(s.trim_end())),
            "{title:?}"
        );
    }
    assert!(texts_at(&scene, 1, 11.5).contains(&"24 h".to_owned()));
    assert_inside(&scene);
}

#[test]
fn the_critical_path_is_drawn_in_the_critical_colour() {
    let plan = small_plan();
    for palette in [Palette::light(), Palette::dark()] {
        let (analysis, scene) = graph_of(&plan, &palette);
        let critical = &analysis.schedule.critical_path;
        assert!(
            critical.len() >= 3,
            "the plan has a critical chain: {critical:?}"
        );
        for index in 0..plan.tasks.len() {
            let mut outline = None;
            scene.visit(|item, _| {
                if let Shape::Rect { stroke, .. } = &item.shape
                    && item.hit == Some(Hit::Task(index))
                    && outline.is_none()
                {
                    outline = stroke.map(|s| s.color);
                }
            });
            let on_path = critical.contains(&index);
            assert_eq!(
                outline == Some(palette.critical),
                on_path,
                "task {index}: {outline:?}"
            );
        }
        let critical_arrows: Vec<String> = arrows(&scene)
            .into_iter()
            .filter(|(_, color)| *color == palette.critical)
            .map(|(label, _)| label)
            .collect();
        let path: Vec<String> = critical
            .windows(2)
            .map(|p| format!("{} → {}", plan.tasks[p[0]].id, plan.tasks[p[1]].id))
            .collect();
        assert_eq!(critical_arrows.len(), path.len(), "{critical_arrows:?}");
        let colours: Vec<bool> = arrows(&scene)
            .iter()
            .map(|(_, color)| *color == palette.critical)
            .collect();
        assert!(
            colours.windows(2).all(|pair| pair[0] <= pair[1]),
            "the critical path is painted over the other arrows"
        );
        assert!(path.iter().all(|p| critical_arrows.contains(p)));
    }
}

#[test]
fn loops_are_drawn_in_the_error_colour() {
    let mut plan = small_plan();
    plan.tasks[0].depends_on = vec!["SHOP-4".into()];
    let palette = Palette::light();
    let (analysis, scene) = graph_of(&plan, &palette);
    assert!(!analysis.loop_edges.is_empty());
    let red: Vec<String> = arrows(&scene)
        .into_iter()
        .filter(|(_, color)| *color == palette.error)
        .map(|(label, _)| label)
        .collect();
    assert!(red.contains(&"SHOP-4 → SHOP-1".to_owned()), "{red:?}");
    assert_eq!(red.len(), analysis.loop_edges.len());
    let mut outline = None;
    scene.visit(|item, _| {
        if let Shape::Rect { stroke, .. } = &item.shape
            && item.hit == Some(Hit::Task(0))
            && outline.is_none()
        {
            outline = stroke.map(|s| s.color);
        }
    });
    assert_eq!(
        outline,
        Some(palette.error),
        "a task in a loop cannot be scheduled"
    );
    assert_inside(&scene);
}

#[test]
fn dragged_nodes_far_out_stay_inside_the_scene() {
    let mut plan = small_plan();
    plan.tasks[4].graph_position = Some([-900.0, -400.0]);
    plan.tasks[3].graph_position = Some([-300.0, 1200.0]);
    let (_, scene) = graph_of(&plan, &Palette::light());
    assert_inside(&scene);
    assert!(scene.height > 1600.0, "{}", scene.height);
}

#[test]
fn empty_plans_give_a_message_not_an_empty_page() {
    let plan = Plan::new("Empty");
    let board = board_scene(&plan, &BoardSettings::default(), &Palette::light());
    assert!(board.width > 100.0 && board.height > 50.0);
    let texts = board.texts();
    assert_eq!(
        texts.iter().filter(|t| **t == "No tasks").count(),
        plan.legend.len(),
        "{texts:?}"
    );
    assert_inside(&board);

    let mut no_legend = Plan::new("No legend");
    no_legend.legend.clear();
    let board = board_scene(&no_legend, &BoardSettings::default(), &Palette::light());
    assert!(board.texts().iter().any(|t| t.contains("no statuses")));
    assert_inside(&board);

    let (_, graph) = graph_of(&plan, &Palette::dark());
    assert!(graph.width > 100.0 && graph.height > 50.0);
    assert!(graph.texts().iter().any(|t| t.contains("no tasks")));
    assert_inside(&graph);
}

#[test]
fn large_plans_give_whole_scenes() {
    let plan = generate_plan(2_000, 3_000, 7);
    let started = Instant::now();
    let (analysis, graph) = graph_of(&plan, &Palette::light());
    let graph_time = started.elapsed();
    let started = Instant::now();
    let board = board_scene(&plan, &BoardSettings::default(), &Palette::light());
    let board_time = started.elapsed();
    eprintln!("2,000 tasks: graph (analysis, layout, scene) {graph_time:?}, board {board_time:?}");
    assert_eq!(arrows(&graph).len(), analysis.graph.graph.edge_count());
    for index in 0..plan.tasks.len() {
        assert!(graph.hit_rect(Hit::Task(index)).is_some());
        assert!(board.hit_rect(Hit::Task(index)).is_some());
    }
    assert_inside(&graph);
    assert_inside(&board);
}
