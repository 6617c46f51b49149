//! One card of the board as scene primitives, laid out like the window's card: id, owner and priority
//! on top, the title in up to two lines, then what it waits on, its checklist and its estimate.

use super::geometry::{
    CARD_PAD_X, CARD_PAD_Y, CARD_PRIORITY_TEXT, CARD_RADIUS, CARD_SMALL_TEXT, CARD_STRIPE,
    CARD_TITLE_OFFSET, CARD_TITLE_TEXT,
};
use super::text::format_hours;
use crate::export::font::{fit, text_width};
use crate::export::shapes::{left_stripe, line_height, rounded, text_at_top, wrap};
use crate::export::timeline::Palette;
use crate::export::{Anchor, Hit, Point, Rect, Rgba, Scene, Shape, Stroke};
use crate::model::{Plan, StatusCategory, Task, TaskId};

/// The text screen readers and tests know a card by.
pub fn card_label(task: &Task) -> String {
    format!("Card {}: {}", task.id, task.title)
}

/// Adds the card of `plan.tasks[index]` at `rect`; `waiting_on` lists its unfinished prerequisites.
/// Every primitive of the card stands for the task.
pub(super) fn card(
    scene: &mut Scene,
    plan: &Plan,
    palette: &Palette,
    index: usize,
    waiting_on: Option<&[TaskId]>,
    rect: Rect,
) {
    let task = &plan.tasks[index];
    let hit = Hit::Task(index);
    let radius = f32::from(CARD_RADIUS);
    let status = plan.status(&task.status).map_or(palette.summary, |s| {
        Rgba::rgb(s.color[0], s.color[1], s.color[2])
    });
    scene.push_hit(
        rounded(
            rect,
            Some(palette.card),
            Some(Stroke::solid(1.0, palette.grid)),
            radius,
        ),
        hit,
        Some(card_label(task)),
    );
    scene.push_hit(left_stripe(rect, CARD_STRIPE, radius, status), hit, None);
    let inner = Rect::from_edges(
        rect.min.x + CARD_PAD_X,
        rect.min.y + CARD_PAD_Y,
        rect.max.x - CARD_PAD_X,
        rect.max.y - CARD_PAD_Y,
    );
    let mut add = |shape: Shape| scene.push_hit(shape, hit, None);
    let small = CARD_SMALL_TEXT;
    add(text_at_top(
        inner.min.x,
        inner.min.y,
        task.id.as_str(),
        small,
        palette.weak,
    ));
    let owner_right = match task.priority {
        Some(priority) => {
            let color = palette.priority(priority);
            let label = format!("{priority} {}", priority.meaning());
            let width = text_width(&label, CARD_PRIORITY_TEXT) + 10.0;
            let pill = Rect::from_edges(
                inner.max.x - width,
                inner.min.y - 1.0,
                inner.max.x,
                inner.min.y + line_height(CARD_PRIORITY_TEXT) + 1.0,
            );
            add(rounded(pill, Some(color.alpha(38)), None, 7.0));
            add(text_at_top(
                pill.min.x + 5.0,
                pill.min.y + 1.0,
                label,
                CARD_PRIORITY_TEXT,
                color,
            ));
            pill.min.x - 4.0
        }
        None => inner.max.x,
    };
    if !task.owner.is_empty() {
        let left = inner.min.x + text_width(task.id.as_str(), small) + 8.0;
        let owner = fit(&task.owner, small, owner_right - left);
        if !owner.is_empty() {
            add(text_at_top(left, inner.min.y, owner, small, palette.weak));
        }
    }
    let title_top = inner.min.y + CARD_TITLE_OFFSET;
    for (line, text) in wrap(&task.title, CARD_TITLE_TEXT, inner.width(), 2)
        .into_iter()
        .enumerate()
    {
        let top = title_top + line as f32 * line_height(CARD_TITLE_TEXT);
        add(text_at_top(
            inner.min.x,
            top,
            text,
            CARD_TITLE_TEXT,
            palette.text,
        ));
    }
    let bottom = inner.max.y - line_height(small) / 2.0;
    let mut right = inner.max.x;
    let mut end_text = |text: String, color: Rgba, right: &mut f32| {
        let width = text_width(&text, small);
        add(Shape::Text {
            pos: Point::new(*right, bottom),
            text,
            size: small,
            color,
            anchor: Anchor::End,
            weight: crate::export::Weight::Regular,
        });
        *right -= width + 10.0;
    };
    if let Some(hours) = task.estimate.hours {
        end_text(format_hours(hours), palette.weak, &mut right);
    } else if let Some(points) = task.estimate.points {
        end_text(format!("{points} pts"), palette.weak, &mut right);
    }
    let (done, total) = task.checklist_progress();
    if total > 0 {
        let color = if done == total {
            palette.done
        } else {
            palette.weak
        };
        end_text(format!("☑ {done}/{total}"), color, &mut right);
    }
    if let Some(open) = waiting_on {
        let finished = plan.category(&task.status) == StatusCategory::Done;
        let plural = if open.len() == 1 { "" } else { "s" };
        let (text, color) = if finished {
            (
                format!("⚠ {} prerequisite{plural} not done", open.len()),
                palette.warning,
            )
        } else {
            (format!("⚠ blocked by {}", open.len()), palette.error)
        };
        let fitted = fit(&text, small, right + 10.0 - inner.min.x);
        scene.push_hit(
            Shape::Text {
                pos: Point::new(inner.min.x, bottom),
                text: fitted.into_owned(),
                size: small,
                color,
                anchor: Anchor::Start,
                weight: crate::export::Weight::Regular,
            },
            hit,
            None,
        );
    }
}
