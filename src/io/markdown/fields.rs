//! Bold fields (`**Status**: DONE`) and plain items, given to whatever the open heading stands for.

use super::headings::{self, Section};
use super::import::{Builder, Ctx, is_checklist_key};
use super::values::{self, LowerKey, amount, date, is_placeholder, multi_line};
use crate::model::{
    Blocker, Cadence, Field, Idea, KnownIssue, Link, LogEntry, Metric, Priority, Risk,
};
use std::borrow::Cow;

impl Builder {
    /// A field under a heading (or a bold list item outside any task). True when understood.
    pub(super) fn context_field(&mut self, key: &str, value: &str, number: usize) -> bool {
        let lower = LowerKey::new(key);
        let lower = lower.as_str();
        match self.ctx() {
            Ctx::HeadingTask(task) => {
                if value.is_empty() && is_checklist_key(key) {
                    self.top().criteria_for = Some(task);
                } else {
                    self.top().criteria_for = None;
                    self.task_field(task, key, value, number);
                }
                true
            }
            Ctx::Generic(name) if lower == "status" => {
                let title = strip_numbering(&name).to_owned();
                let (title, dash_id) = match headings::split_dash_id(&title) {
                    Some((title, id)) => (title.to_owned(), Some(id.to_owned())),
                    None => (title, None),
                };
                let status = self.status_key(value, number);
                let depth = self.stack.len() - 1;
                let (phase, sprint, group) = self.placement(depth);
                let task = self.new_task(&title, &status, None);
                let explicit = headings::split_explicit_id(&self.top().raw)
                    .1
                    .map(str::to_owned)
                    .or(dash_id);
                let made = &mut self.tasks[task];
                made.phase = phase;
                made.sprint = sprint;
                made.group = group;
                if explicit.is_some() {
                    self.task_refs[task].explicit_id = explicit;
                }
                self.top().ctx = Ctx::HeadingTask(task);
                true
            }
            Ctx::Phase(phase) => self.phase_field(phase, lower, key, value, number),
            Ctx::Sprint(sprint) => self.sprint_field(sprint, lower, value, number),
            Ctx::Milestone(milestone) => self.milestone_field(milestone, lower, value, number),
            Ctx::Period(period) => self.period_field(period, lower, value, number),
            Ctx::Section(Section::Links) => {
                self.plan.links.push(Link {
                    label: key.to_owned(),
                    url: value.to_owned(),
                });
                true
            }
            ctx => self.meta_field(lower, key, value, ctx == Ctx::Title),
        }
    }

    fn meta_field(&mut self, lower: &str, key: &str, value: &str, title_block: bool) -> bool {
        let meta = &mut self.plan.meta;
        match lower {
            "last updated" | "updated" => match date(value) {
                Some(day) => meta.updated = Some(day),
                None => return false,
            },
            "current sprint" | "current phase" | "current" => value.clone_into(&mut meta.current),
            "start" | "start date" | "plan start" => match date(value) {
                Some(day) => meta.start = Some(day),
                None => return false,
            },
            "hours per day" => match value.parse() {
                Ok(hours) => meta.hours_per_day = hours,
                Err(_) => return false,
            },
            "description" if title_block => meta.description = multi_line(value),
            _ if title_block => meta.extra.push(crate::model::MetaEntry {
                key: key.to_owned(),
                value: value.to_owned(),
            }),
            _ => return false,
        }
        true
    }

    /// A field of a task.
    pub(super) fn task_field(&mut self, index: usize, key: &str, value: &str, number: usize) {
        let lower = LowerKey::new(key);
        let lower = lower.as_str();
        let (status, detail) = if lower == "status" {
            let (key, rest) = self.status_with_rest(value, number);
            (Some(key), rest)
        } else {
            (None, "")
        };
        self.keep_status_detail(index, detail);
        let refs = &mut self.task_refs[index];
        let task = &mut self.tasks[index];
        let mut keep = false;
        match lower {
            "status" => task.status = status.unwrap_or_default(),
            "description" => task.description = multi_line(value),
            "notes" | "note" => task.notes = multi_line(value),
            "dependencies" | "depends on" | "dependency" | "blocked by" | "requires"
            | "prerequisites" => refs.deps.push((value.to_owned(), number)),
            "priority" => match Priority::parse(value) {
                Some(priority) => task.priority = Some(priority),
                None => keep = true,
            },
            "owner" | "assignee" | "assigned to" => value.clone_into(&mut task.owner),
            "sprint" | "iteration" => refs.sprint_ref = Some((value.to_owned(), number)),
            "parent" => refs.parent_ref = Some((value.to_owned(), number)),
            "id" => refs.explicit_id = Some(value.to_owned()),
            "estimate" | "estimated hours" | "hours" | "points" | "story points" => {
                // `~~40~~ **34 points**`: the struck-out values are revisions, kept as text.
                let current = without_struck_out(value);
                keep = !read_estimate(task, lower, &current);
                if !keep && current.len() != value.len() {
                    task.fields.push(Field {
                        name: format!("{key} revisions"),
                        value: value.to_owned(),
                    });
                }
            }
            "completed" | "completion date" | "completed on" | "done on" => {
                keep = set_date(&mut task.completed, value);
            }
            "start" | "target start" | "start date" => keep = set_date(&mut task.start, value),
            "due" | "due date" | "target end" | "deadline" => keep = set_date(&mut task.due, value),
            "tags" => task.tags = values::list(value, &[',']),
            "artifacts" => task.artifacts = values::list(value, &['|']),
            "verification" => task.verification = multi_line(value),
            "hints" | "codex hints" => task.hints = multi_line(value),
            _ => keep = true,
        }
        if keep {
            task.fields.push(Field {
                name: key.to_owned(),
                value: multi_line(value),
            });
        }
    }

    fn phase_field(
        &mut self,
        index: usize,
        lower: &str,
        key: &str,
        value: &str,
        number: usize,
    ) -> bool {
        let (status, detail) = if lower == "status" && !is_placeholder(value) {
            let (key, rest) = self.status_with_rest(value, number);
            (Some(key), rest)
        } else {
            (None, "")
        };
        if !detail.is_empty() {
            self.plan.phases[index].fields.push(Field {
                name: super::inline::STATUS_DETAIL.to_owned(),
                value: detail.to_owned(),
            });
        }
        let phase = &mut self.plan.phases[index];
        let keep = match lower {
            "status" => {
                phase.status = status;
                false
            }
            "start" | "target start" | "started" | "start date" => {
                set_date(&mut phase.start, value)
            }
            "end" | "target end" | "completed" | "end date" | "finished" => {
                set_date(&mut phase.end, value)
            }
            "description" => {
                phase.description = multi_line(value);
                false
            }
            "notes" => {
                phase.notes = multi_line(value);
                false
            }
            "depends on" | "dependencies" => {
                self.phase_deps.push((index, value.to_owned(), number));
                false
            }
            _ => true,
        };
        if keep {
            self.plan.phases[index].fields.push(Field {
                name: key.to_owned(),
                value: multi_line(value),
            });
        }
        true
    }

    fn sprint_field(&mut self, index: usize, lower: &str, value: &str, number: usize) -> bool {
        let done = (lower == "status").then(|| {
            let key = self.status_key(value, number);
            self.plan.category(&key) == crate::model::StatusCategory::Done
        });
        let sprint = &mut self.plan.sprints[index];
        match lower {
            "version" => value.clone_into(&mut sprint.version),
            "goal" => sprint.goal = multi_line(value),
            "start" => return !set_date(&mut sprint.start, value),
            "end" => return !set_date(&mut sprint.end, value),
            "capacity" => match amount(value) {
                (Some(hours), _) => sprint.capacity_hours = Some(hours),
                (None, _) => return false,
            },
            "closed" => sprint.closed = matches!(value.to_lowercase().as_str(), "yes" | "true"),
            "status" => sprint.closed = done.unwrap_or(false),
            "weeks" => match headings::week_range(&format!("Week {value}")) {
                Some(weeks) => sprint.weeks = Some(weeks),
                None => return false,
            },
            _ => return false,
        }
        true
    }

    fn milestone_field(&mut self, index: usize, lower: &str, value: &str, number: usize) -> bool {
        let milestone = &mut self.plan.milestones[index];
        match lower {
            "date" | "target date" => return !set_date(&mut milestone.date, value),
            "week" => match value.parse() {
                Ok(week) => milestone.week = Some(week),
                Err(_) => return false,
            },
            "phases" => {
                self.milestone_refs
                    .push((index, values::list(value, &[',']), Vec::new(), number));
            }
            "tasks" => {
                self.milestone_refs
                    .push((index, Vec::new(), values::list(value, &[',']), number));
            }
            _ => return false,
        }
        true
    }

    fn period_field(&mut self, index: usize, lower: &str, value: &str, number: usize) -> bool {
        let record = &mut self.plan.velocity[index];
        let (number_value, unit) = amount(value);
        let slot = match lower {
            "planned" => &mut record.planned,
            "completed" | "done" => &mut record.completed,
            "blocked" => &mut record.blocked,
            "sprint" => {
                self.velocity_sprints
                    .push((index, value.to_owned(), number));
                return true;
            }
            _ => return false,
        };
        *slot = number_value;
        if record.unit.is_empty() {
            record.unit = unit;
        }
        true
    }

    /// A plain list item outside any task: a register entry when the section is one.
    pub(super) fn context_item(&mut self, text: &str, number: usize) -> bool {
        let Some((section, group)) = self.section() else {
            return false;
        };
        match section {
            Section::Reviews => self.plan.reviews.push(Cadence {
                text: text.to_owned(),
                group,
            }),
            Section::Metrics => {
                let at = text.find(['>', '<', '≥', '≤', '=']);
                let (name, target) = at.map_or((text, ""), |at| text.split_at(at));
                self.plan.metrics.push(Metric {
                    name: name.trim().to_owned(),
                    target: target.trim().to_owned(),
                    group,
                    ..Metric::default()
                });
            }
            Section::Risks => self.plan.risks.push(Risk {
                title: text.to_owned(),
                ..Risk::default()
            }),
            Section::Ideas => self.plan.ideas.push(Idea {
                text: text.to_owned(),
                done: false,
            }),
            Section::Links => {
                let Some(link) = markdown_link(text) else {
                    return false;
                };
                self.plan.links.push(link);
            }
            Section::KnownIssues => self.plan.known_issues.push(KnownIssue {
                title: text.to_owned(),
                ..KnownIssue::default()
            }),
            Section::UpdateLog => {
                let (day, rest) = text
                    .split_once(':')
                    .map_or((None, text), |(d, r)| (date(d), r));
                self.plan.update_log.push(LogEntry {
                    date: day,
                    text: if day.is_some() { rest.trim() } else { text }.to_owned(),
                    ..LogEntry::default()
                });
            }
            Section::Blockers | Section::Notes => {
                return self.context_text_in(section, text, number);
            }
            Section::Legend | Section::Velocity | Section::StatusHistory => return false,
        }
        true
    }

    /// A plain paragraph line: only a phase's blockers and notes take these.
    pub(super) fn context_text(&mut self, text: &str) -> bool {
        match self.section() {
            Some((section @ (Section::Blockers | Section::Notes), _)) => {
                self.context_text_in(section, text, 0)
            }
            _ => false,
        }
    }

    fn context_text_in(&mut self, section: Section, text: &str, number: usize) -> bool {
        if is_placeholder(text) {
            return true;
        }
        let phase = self.open_phase();
        match (section, phase) {
            (Section::Notes, Some(phase)) => {
                let notes = &mut self.plan.phases[phase].notes;
                if !notes.is_empty() {
                    notes.push('\n');
                }
                notes.push_str(text);
                true
            }
            (Section::Blockers, phase) => {
                let lower = text.to_lowercase();
                match (phase, lower.strip_prefix("depends on")) {
                    (Some(phase), Some(_)) => {
                        self.phase_deps.push((phase, text.to_owned(), number));
                    }
                    _ => self.plan.blockers.push(Blocker {
                        title: text.to_owned(),
                        phase: phase.map(|p| self.plan.phases[p].id.clone()),
                        ..Blocker::default()
                    }),
                }
                true
            }
            _ => false,
        }
    }
}

/// "1. User Authentication" → "User Authentication".
fn strip_numbering(text: &str) -> &str {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0
        && let Some(rest) = text[digits..]
            .strip_prefix(". ")
            .or_else(|| text[digits..].strip_prefix(") "))
    {
        return rest.trim();
    }
    text
}

/// Sets a date from text; true when the text is not a date (the caller keeps it as a field).
fn set_date(slot: &mut Option<chrono::NaiveDate>, value: &str) -> bool {
    if is_placeholder(value) {
        return false;
    }
    match date(value) {
        Some(day) => {
            *slot = Some(day);
            false
        }
        None => true,
    }
}

/// A value without its struck-out parts and bold marks: `~~40~~ **34 points**` gives `34 points`.
fn without_struck_out(value: &str) -> Cow<'_, str> {
    if !value.contains('~') && !value.contains('*') {
        return Cow::Borrowed(value.trim());
    }
    let mut kept = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(start) = rest.find("~~") {
        kept.push_str(&rest[..start]);
        let Some(end) = rest[start + 2..].find("~~") else {
            rest = &rest[start..];
            break;
        };
        rest = &rest[start + 2 + end + 2..];
    }
    kept.push_str(rest);
    Cow::Owned(kept.replace("**", "").trim().to_owned())
}

/// "12h", "3 pts", "12h, 3 pts"; true when understood.
fn read_estimate(task: &mut crate::model::Task, key: &str, value: &str) -> bool {
    for part in value.split(',') {
        match amount(part) {
            (Some(number), unit) => {
                let unit = LowerKey::new(&unit);
                let points = matches!(unit.as_str(), "pts" | "pt" | "points" | "sp")
                    || (unit.as_str().is_empty() && key.contains("points"));
                if points {
                    task.estimate.points = Some(number);
                } else {
                    task.estimate.hours = Some(number);
                }
            }
            (None, _) => return false,
        }
    }
    true
}

/// `[label](url)`.
fn markdown_link(text: &str) -> Option<Link> {
    let rest = text.strip_prefix('[')?;
    let (label, rest) = rest.split_once("](")?;
    let url = rest.strip_suffix(')')?;
    Some(Link {
        label: label.to_owned(),
        url: url.to_owned(),
    })
}
