//! The velocity projection in planning mode: at the average velocity, which backlog cards fit into
//! the next sprints, shown as a line "Sprint 7 ends here" under the last card of each.

use crate::analysis::velocity::{Basis, VelocityReport, project_backlog};
use crate::export::velocity::amount;
use crate::model::{Plan, TaskId};
use egui::{FontId, Rect, Stroke, Ui, pos2};
use std::collections::HashMap;

/// How many future sprints the projection fills at most.
const MAX_SPRINTS: usize = 12;

/// Where the projected sprints end, on one plan revision.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Projection {
    /// The derived revision it was made for.
    pub revision: u64,
    /// The last backlog task of each projected sprint, with the line's text.
    pub ends: HashMap<TaskId, String>,
    /// What the projection rests on ("at 37 h per sprint"), or why there is none.
    pub basis: String,
}

impl Projection {
    /// The projection of the plan's backlog at the report's average velocity.
    pub fn of(plan: &Plan, report: Option<&VelocityReport>, revision: u64) -> Self {
        let Some((report, mean)) = report.and_then(|r| r.average.mean.map(|m| (r, m))) else {
            return Self {
                revision,
                ends: HashMap::new(),
                basis: "Sprint ends appear here once a sprint or week of finished work is recorded"
                    .to_owned(),
            };
        };
        let per_sprint = match report.basis {
            Basis::Sprints => mean,
            Basis::Weeks => mean * f64::from(plan.meta.sprint_weeks.unwrap_or(2).max(1)),
        };
        let ends = project_backlog(plan, report.unit, per_sprint, MAX_SPRINTS)
            .into_iter()
            .filter_map(|sprint| {
                let last = sprint.tasks.last()?.clone();
                Some((
                    last,
                    format!("{} ends here", sprint_name(plan, sprint.offset)),
                ))
            })
            .collect();
        Self {
            revision,
            ends,
            basis: format!(
                "Projected at {} per sprint (average of the last {})",
                amount(per_sprint, report.unit),
                report.average.used
            ),
        }
    }
}

/// The name of the sprint `offset` sprints after the plan's last one: "Sprint 4" after "Sprint 3",
/// else "Sprint n" counting the plan's sprints.
fn sprint_name(plan: &Plan, offset: usize) -> String {
    let last = plan.sprints.last().map(|s| s.name.trim());
    let numbered = last.and_then(|name| {
        let (prefix, number) = name.rsplit_once(' ')?;
        Some((prefix.to_owned(), number.parse::<usize>().ok()?))
    });
    match numbered {
        Some((prefix, n)) => format!("{prefix} {}", n + offset),
        None => format!("Sprint {}", plan.sprints.len() + offset),
    }
}

/// Draws the line under a backlog card, with its text at the right as a label widget.
pub fn end_line_ui(ui: &mut Ui, card: Rect, text: &str) {
    let y = card.bottom() + 3.0;
    let color = ui.visuals().warn_fg_color;
    ui.painter().line_segment(
        [pos2(card.left(), y), pos2(card.right(), y)],
        Stroke::new(2.0, color),
    );
    let font = FontId::proportional(11.0);
    let galley = ui.painter().layout_no_wrap(text.to_owned(), font, color);
    let size = galley.size() + egui::vec2(10.0, 2.0);
    let pill = Rect::from_center_size(pos2(card.right() - size.x / 2.0 - 6.0, y), size);
    ui.painter().rect_filled(pill, 4.0, ui.visuals().panel_fill);
    ui.painter()
        .rect_stroke(pill, 4.0, Stroke::new(1.0, color), egui::StrokeKind::Inside);
    ui.put(
        pill,
        egui::Label::new(egui::RichText::new(text).size(11.0).color(color)).selectable(false),
    );
}
