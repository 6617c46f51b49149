//! The dependency graph as a scene: the canvas' current layout ([`GraphLayout`]) drawn at zoom 1, with
//! task nodes as cards (id, estimate or duration, title), dependencies as curves ending in arrowheads,
//! and the critical path highlighted, like the window's graph.

use super::font::{fit, text_width};
use super::shapes::{MARGIN, left_stripe, line_height, message_scene, rounded, text_at_top};
use super::timeline::{Palette, days_text};
use super::{Anchor, Hit, Item, Point, Rect, Rgba, Scene, Shape, Stroke};
use crate::analysis::{Analysis, GraphLayout, NODE_SIZE};
use crate::model::{Plan, StatusCategory};
use std::collections::HashSet;

/// Points sampled along each dependency's curve.
const CURVE_POINTS: usize = 13;
/// Size of the id and estimate on a node.
const SMALL_TEXT: f32 = 11.5;
/// Size of a node's title.
const TITLE_TEXT: f32 = 13.0;
/// Space inside a node, left and right.
const PAD: f32 = 10.0;
/// Corner radius of a node.
const RADIUS: f32 = 6.0;

/// One dependency to draw, as a polyline in layout units.
struct Edge {
    from: usize,
    to: usize,
    implied: bool,
    points: Vec<Point>,
}

/// The graph of a plan as a scene: the layout's bounds plus a margin. Each node stands for its task
/// ([`Hit::Task`]); each dependency is one line with an arrowhead, labelled "A → B".
pub fn graph_scene(
    plan: &Plan,
    analysis: &Analysis,
    layout: &GraphLayout,
    palette: &Palette,
) -> Scene {
    let count = plan.tasks.len().min(layout.positions.len());
    if count == 0 {
        return message_scene("This plan has no tasks, so the graph is empty.", palette);
    }
    let node = |index: usize| {
        let [x, y] = layout.positions[index];
        Rect::from_edges(x, y, x + NODE_SIZE[0], y + NODE_SIZE[1])
    };
    let edges = edges(analysis, count, &node);
    let [mut x0, mut y0, mut x1, mut y1] = layout.bounds;
    for point in edges.iter().flat_map(|edge| &edge.points) {
        x0 = x0.min(point.x);
        y0 = y0.min(point.y);
        x1 = x1.max(point.x);
        y1 = y1.max(point.y);
    }
    let (dx, dy) = (MARGIN - x0, MARGIN - y0);
    let shift = |p: Point| Point::new(p.x + dx, p.y + dy);
    let mut scene = Scene::new(
        x1 - x0 + 2.0 * MARGIN,
        y1 - y0 + 2.0 * MARGIN,
        Some(palette.background),
    );
    let critical = critical_flags(analysis, count);
    let critical_pairs: HashSet<(usize, usize)> = analysis
        .schedule
        .critical_path
        .windows(2)
        .map(|pair| (pair[0], pair[1]))
        .collect();
    // Faint edges first, the critical path and loops last, so they are drawn on top.
    let mut styled: Vec<(u8, Stroke, &Edge)> = edges
        .iter()
        .map(|edge| {
            let (rank, color, width) = if analysis.loop_edges.contains(&(edge.from, edge.to)) {
                (3, palette.error, 2.0)
            } else if critical_pairs.contains(&(edge.from, edge.to)) {
                (2, palette.critical, 2.5)
            } else if edge.implied {
                (0, palette.weak.alpha(150), 1.0)
            } else {
                (1, palette.arrow, 1.3)
            };
            (rank, Stroke::solid(width, color), edge)
        })
        .collect();
    styled.sort_by_key(|(rank, _, _)| *rank);
    for (_, stroke, edge) in styled {
        scene.items.push(Item {
            shape: Shape::Line {
                points: edge.points.iter().copied().map(shift).collect(),
                stroke,
                arrow: true,
            },
            hit: None,
            label: Some(format!(
                "{} → {}",
                plan.tasks[edge.from].id, plan.tasks[edge.to].id
            )),
        });
    }
    for (index, &on_path) in critical.iter().enumerate() {
        let rect = node(index);
        let rect = Rect {
            min: shift(rect.min),
            max: shift(rect.max),
        };
        node_card(&mut scene, plan, analysis, palette, index, rect, on_path);
    }
    scene
}

/// Which tasks lie on the critical path.
fn critical_flags(analysis: &Analysis, count: usize) -> Vec<bool> {
    let mut critical = vec![false; count];
    for &index in &analysis.schedule.critical_path {
        if let Some(flag) = critical.get_mut(index) {
            *flag = true;
        }
    }
    critical
}

/// Every dependency between laid-out tasks, as a curve from the right middle of the prerequisite to
/// the left middle of the dependant (the window's curve, sampled).
fn edges(analysis: &Analysis, count: usize, node: &impl Fn(usize) -> Rect) -> Vec<Edge> {
    let graph = &analysis.graph;
    graph
        .graph
        .edge_indices()
        .filter_map(|edge| {
            let (from, to) = graph.graph.edge_endpoints(edge)?;
            let (from, to) = (from.index(), to.index());
            if from >= count || to >= count {
                return None;
            }
            let (a, b) = (node(from), node(to));
            let start = Point::new(a.max.x, f32::midpoint(a.min.y, a.max.y));
            let end = Point::new(b.min.x, f32::midpoint(b.min.y, b.max.y));
            let bend = ((end.x - start.x).abs() * 0.5).max(40.0);
            let controls = [
                start,
                Point::new(start.x + bend, start.y),
                Point::new(end.x - bend, end.y),
                end,
            ];
            Some(Edge {
                from,
                to,
                implied: graph.is_implied(edge),
                points: (0..CURVE_POINTS)
                    .map(|step| cubic(&controls, step as f32 / (CURVE_POINTS - 1) as f32))
                    .collect(),
            })
        })
        .collect()
}

/// A point on a cubic Bézier curve.
fn cubic(points: &[Point; 4], t: f32) -> Point {
    let u = 1.0 - t;
    let weights = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
    let (x, y) = points
        .iter()
        .zip(weights)
        .fold((0.0, 0.0), |(x, y), (p, w)| (x + p.x * w, y + p.y * w));
    Point::new(x, y)
}

/// One task's node: outlined red when it cannot be scheduled, in the critical colour on the critical
/// path; a status stripe, the id, the estimate (or duration) and the title.
fn node_card(
    scene: &mut Scene,
    plan: &Plan,
    analysis: &Analysis,
    palette: &Palette,
    index: usize,
    rect: Rect,
    critical: bool,
) {
    let task = &plan.tasks[index];
    let hit = Hit::Task(index);
    let times = analysis.schedule.times.get(index).copied().flatten();
    let outline = if times.is_none() {
        Stroke::solid(2.0, palette.error)
    } else if critical {
        Stroke::solid(2.0, palette.critical)
    } else {
        Stroke::solid(1.0, palette.grid)
    };
    let status = plan.status(&task.status).map_or(palette.summary, |s| {
        Rgba::rgb(s.color[0], s.color[1], s.color[2])
    });
    let mut label = format!("{} {}", task.id, task.title);
    if critical {
        label.push_str(", critical");
    }
    scene.push_hit(
        rounded(rect, Some(palette.card), Some(outline), RADIUS),
        hit,
        Some(label),
    );
    scene.push_hit(left_stripe(rect, 5.0, RADIUS, status), hit, None);
    let top = rect.min.y + 7.0;
    let left = rect.min.x + PAD;
    let mut right = rect.max.x - PAD;
    let mut add = |shape: Shape| scene.push_hit(shape, hit, None);
    add(text_at_top(
        left,
        top,
        task.id.as_str(),
        SMALL_TEXT,
        palette.text,
    ));
    let duration = match (task.estimate.hours, times) {
        (Some(hours), _) => Some(super::board::format_hours(hours)),
        (None, Some(times)) if times.duration > 0.0 => Some(days_text(times.duration)),
        _ => None,
    };
    let middle = top + line_height(SMALL_TEXT) / 2.0;
    if let Some(duration) = duration {
        let width = text_width(&duration, SMALL_TEXT);
        add(Shape::Text {
            pos: Point::new(right, middle),
            text: duration,
            size: SMALL_TEXT,
            color: palette.weak,
            anchor: Anchor::End,
            weight: crate::export::Weight::Regular,
        });
        right -= width + 6.0;
    }
    if plan.category(&task.status) == StatusCategory::Blocked {
        add(Shape::Text {
            pos: Point::new(right, middle),
            text: "⚠".to_owned(),
            size: SMALL_TEXT,
            color: palette.error,
            anchor: Anchor::End,
            weight: crate::export::Weight::Regular,
        });
    }
    let title = fit(&task.title, TITLE_TEXT, rect.width() - 2.0 * PAD);
    add(text_at_top(
        left,
        top + line_height(SMALL_TEXT) + 6.0,
        title,
        TITLE_TEXT,
        palette.text,
    ));
}
