//! The headings a document gave its sections ("Checkpoints & Reviews", "Projected Development
//! Sprints"), kept in `Plan::section_headings` so the export reads like the original.

use super::headings::{self, Kind, Section};
use crate::model::{MetaEntry, Plan};

/// Each section's key and the heading Waymark writes when the document gave none.
const DEFAULTS: [(&str, &str); 12] = [
    ("sprints", "Sprints"),
    ("milestones", "Milestones"),
    ("velocity", "Velocity"),
    ("blockers", "Blockers"),
    ("known-issues", "Known Issues"),
    ("risks", "Risks"),
    ("metrics", "Metrics"),
    ("reviews", "Reviews"),
    ("links", "Resources & Links"),
    ("update-log", "Update Log"),
    ("status-history", "Status History"),
    ("ideas", "Ideas"),
];

/// The key of a register section whose heading is kept (the legend and notes are not).
pub(super) fn section_key(section: Section) -> Option<&'static str> {
    Some(match section {
        Section::Velocity => "velocity",
        Section::Blockers => "blockers",
        Section::KnownIssues => "known-issues",
        Section::UpdateLog => "update-log",
        Section::StatusHistory => "status-history",
        Section::Metrics => "metrics",
        Section::Reviews => "reviews",
        Section::Risks => "risks",
        Section::Ideas => "ideas",
        Section::Links => "links",
        Section::Legend | Section::Notes => return None,
    })
}

/// The heading to write for a section: the document's when the importer reads it as the same
/// section again, else Waymark's.
pub(super) fn title<'a>(plan: &'a Plan, key: &'a str) -> &'a str {
    plan.section_headings
        .iter()
        .find(|entry| entry.key == key && reads_back(key, &entry.value))
        .map(|entry| entry.value.as_str())
        .or_else(|| {
            DEFAULTS
                .iter()
                .find(|(known, _)| *known == key)
                .map(|(_, heading)| *heading)
        })
        .unwrap_or(key)
}

/// Whether a heading is read back as the section `key` (sprints and milestones stand under a
/// heading that names nothing else).
fn reads_back(key: &str, heading: &str) -> bool {
    match headings::analyse(heading).kind {
        Kind::Section(section) => section_key(section) == Some(key),
        Kind::Neutral | Kind::Generic => matches!(key, "sprints" | "milestones"),
        Kind::Phase | Kind::Sprint | Kind::Milestone => false,
    }
}

/// Keeps the first heading a document gave a section.
pub(super) fn record(plan: &mut Plan, key: &str, heading: &str) {
    if !plan.section_headings.iter().any(|entry| entry.key == key) {
        plan.section_headings.push(MetaEntry {
            key: key.to_owned(),
            value: heading.to_owned(),
        });
    }
}

/// Drops the headings an export would not write (Waymark's own, and those of empty sections)
/// and puts the rest in Waymark's section order, which does not depend on the document's.
pub(super) fn keep_written(plan: &mut Plan) {
    let mut headings = std::mem::take(&mut plan.section_headings);
    headings.sort_by_key(|entry| DEFAULTS.iter().position(|(key, _)| *key == entry.key));
    headings.retain(|entry| {
        let default = DEFAULTS
            .iter()
            .find(|(key, _)| *key == entry.key)
            .map(|(_, heading)| *heading);
        default != Some(entry.value.as_str()) && has_content(plan, &entry.key)
    });
    plan.section_headings = headings;
}

fn has_content(plan: &Plan, key: &str) -> bool {
    match key {
        "sprints" => !plan.sprints.is_empty(),
        "milestones" => !plan.milestones.is_empty(),
        "velocity" => !plan.velocity.is_empty(),
        "blockers" => !plan.blockers.is_empty(),
        "known-issues" => !plan.known_issues.is_empty(),
        "risks" => !plan.risks.is_empty(),
        "metrics" => !plan.metrics.is_empty(),
        "reviews" => !plan.reviews.is_empty(),
        "links" => !plan.links.is_empty(),
        "update-log" => !plan.update_log.is_empty(),
        "status-history" => !plan.status_history.is_empty(),
        "ideas" => !plan.ideas.is_empty(),
        _ => false,
    }
}
