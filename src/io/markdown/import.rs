//! The line-by-line reader: a stack of open headings and a stack of open list items, both plain
//! vectors, so nesting depth never turns into recursion.

use std::collections::HashMap;

use super::blocks;
use super::headings::{self, Kind, Section};
use super::legend;
use super::outline::More;
use super::positions::{self, Named};
use super::prose;
use super::scan::{self, Line, Mark};
use super::titles;
use super::values;
use super::{NOTE_END, NoteMarker, note_marker};
use crate::io::status_words::{recognise_status, recognise_status_text, split_leading_emoji};
use crate::io::{ImportError, ImportReport, Imported, TextError};
use crate::model::{
    ChecklistItem, Idea, Milestone, MilestoneId, NoteSection, Phase, PhaseId, Plan, Sprint,
    SprintId, StatusCategory, StatusDef, StatusKey, Task, VelocityRecord,
};

/// What an open heading stands for.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Ctx {
    /// Before the first section: the title block.
    Title,
    /// A phase (index into `plan.phases`).
    Phase(usize),
    /// A sprint.
    Sprint(usize),
    /// A milestone.
    Milestone(usize),
    /// A velocity period ("### Week 1" under "Velocity Tracking").
    Period(usize),
    /// A recognised section.
    Section(Section),
    /// "Tasks", "Milestones": holds things, names nothing.
    Neutral,
    /// A group of tasks (its name), or a note if nothing is recognised under it.
    Generic(String),
    /// A heading that turned out to be a task (it has a `**Status**:` field).
    HeadingTask(usize),
}

/// An open heading.
pub(super) struct Open {
    pub level: u8,
    pub raw: String,
    pub ctx: Ctx,
    pub body: Vec<Option<String>>,
    pub first_unknown: Option<usize>,
    pub used: bool,
    pub slot: usize,
    pub criteria_for: Option<usize>,
    /// The anchor a note made of this section gets.
    pub anchor: String,
}

/// What an open list item stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum ListKind {
    /// A task (index into `Builder::tasks`).
    Task(usize),
    /// A checklist label (`**Acceptance Criteria**:`) of a task.
    Checklist(usize),
    /// A bold group label (`1. **Core Infrastructure**:`), with where its line sits in the body.
    Label(String, Option<(usize, usize)>),
    /// Anything else.
    Other,
}

/// Facts about a task that are resolved once the whole document is read.
#[derive(Default)]
pub(super) struct TaskRefs {
    pub explicit_id: Option<String>,
    pub parent_index: Option<usize>,
    pub parent_ref: Option<(String, usize)>,
    pub deps: Vec<(String, usize)>,
    pub sprint_ref: Option<(String, usize)>,
    /// Whether a sprint the reference names is added to the plan when it has none of that name
    /// (a task table's sprint column).
    pub create_sprint: bool,
    /// The phase a task table gave the task (an index into `plan.phases`): its id is read once
    /// the whole document is, since a phase heading further down may give the phase its id.
    pub phase_index: Option<usize>,
    /// The line the task was read from.
    pub line: usize,
}

/// The importer's state.
pub(super) struct Builder {
    /// The plan read so far, but for its tasks.
    pub plan: Plan,
    /// The tasks read so far, in a plain vector while the document is read (a task list keeps
    /// copy-on-write versions and an id index, which a reader that changes each task many times
    /// pays for at every change); they become the plan's when it is finished.
    pub tasks: Vec<Task>,
    pub report: ImportReport,
    pub stack: Vec<Open>,
    pub list: Vec<(usize, ListKind)>,
    pub task_refs: Vec<TaskRefs>,
    pub phase_deps: Vec<(usize, String, usize)>,
    pub from_table: Vec<bool>,
    /// The plan's phases, sprints and milestones by id and name.
    pub named: Named,
    pub milestone_refs: Vec<(usize, Vec<String>, Vec<String>, usize)>,
    pub velocity_sprints: Vec<(usize, String, usize)>,
    pub register_phases: Vec<(bool, usize, String, usize)>,
    pub notes: Vec<Option<NoteSection>>,
    pub table: Vec<(usize, String)>,
    pub added_statuses: Vec<StatusKey>,
    /// The anchor of the last phase, sprint, milestone or register section read.
    pub anchor: String,
    /// The line being read.
    pub line: usize,
    /// The legend's length and the statuses texts were found to name with it ([`Self::known_status`]).
    pub known_statuses: (usize, HashMap<String, Option<StatusKey>>),
    /// The state of the structures read in `outline`, `calendar`, `inline` and `prose`.
    pub more: More,
}

/// Reads a Markdown plan.
pub fn import_markdown(text: &str) -> Result<Imported, ImportError> {
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        return Err(TextError::Binary { line }.into());
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty(
            "the Markdown document is empty".to_owned(),
        ));
    }
    let lines = blocks::split_lines(text);
    let (kinds, indented) = blocks::classify_lines_and_code(&lines);
    let (document_legend, legend_lines) = legend::read_legend(&lines, &kinds);
    let mut builder = Builder::new(document_legend);
    builder.more.indented = indented;
    builder.more.day_order = super::dates::DayOrder::of(&lines);
    builder.read(&lines, &kinds, &legend_lines);
    Ok(builder.finish())
}

impl Builder {
    fn new(document_legend: Vec<StatusDef>) -> Self {
        let mut plan = Plan::new("");
        if !document_legend.is_empty() {
            plan.legend = document_legend;
        }
        Self {
            plan,
            tasks: Vec::new(),
            report: ImportReport {
                format: "Markdown".to_owned(),
                ..ImportReport::default()
            },
            stack: vec![Open {
                level: 0,
                raw: String::new(),
                ctx: Ctx::Title,
                body: Vec::new(),
                first_unknown: None,
                used: true,
                slot: 0,
                criteria_for: None,
                anchor: String::new(),
            }],
            list: Vec::new(),
            task_refs: Vec::new(),
            phase_deps: Vec::new(),
            from_table: Vec::new(),
            named: Named::default(),
            milestone_refs: Vec::new(),
            velocity_sprints: Vec::new(),
            register_phases: Vec::new(),
            notes: vec![None],
            table: Vec::new(),
            added_statuses: Vec::new(),
            anchor: String::new(),
            line: 0,
            known_statuses: (0, HashMap::new()),
            more: More::default(),
        }
    }

    fn read(&mut self, lines: &[&str], kinds: &[Line], legend_lines: &[bool]) {
        let mut title_seen = false;
        let mut index = 0;
        while index < lines.len() {
            let raw = lines[index];
            let number = index + 1;
            self.line = number;
            index += 1;
            let line = kinds[index - 1].clone();
            if !matches!(line, Line::TableRow) {
                self.flush_table();
            }
            if let Some(anchor) = note_marker(raw) {
                index = self.verbatim_note(lines, index, (String::new(), 0), anchor);
                continue;
            }
            if legend_lines[number - 1] {
                self.mark_used();
                continue;
            }
            if self.structured_line(lines, kinds, index - 1) {
                continue;
            }
            match line {
                Line::Blank => self.blank(),
                Line::Rule => {}
                Line::Verbatim => self.keep_verbatim(raw, number),
                Line::TableRow => self.table.push((number, raw.to_owned())),
                Line::Heading { level, text } => {
                    self.list.clear();
                    if let Some(anchor) = lines.get(index).and_then(|next| note_marker(next)) {
                        self.close_to(level);
                        let heading = (text.to_owned(), level);
                        index = self.verbatim_note(lines, index + 1, heading, anchor);
                    } else if !title_seen && level == 1 {
                        title_seen = true;
                        headings::split_explicit_id(text)
                            .0
                            .clone_into(&mut self.plan.meta.title);
                    } else {
                        self.heading(level, text);
                    }
                }
                Line::Item { indent, mark, text } => self.item(indent, mark, text, raw, number),
                Line::Text(text) => {
                    self.list.clear();
                    self.text(text, raw, number);
                }
            }
        }
        self.flush_table();
        self.settle_dates(lines);
        self.close_to(0);
        let root = self.stack.pop();
        if let Some(root) = root {
            self.close(root);
        }
    }

    /// Reads a note written between Waymark's note markers, verbatim; it stands after `anchor`
    /// when the marker names one, else after the last anchor read. Returns the next line index.
    fn verbatim_note(
        &mut self,
        lines: &[&str],
        from: usize,
        (heading, level): (String, u8),
        NoteMarker(anchor): NoteMarker,
    ) -> usize {
        let end = lines[from..]
            .iter()
            .position(|line| line.trim() == NOTE_END)
            .map_or(lines.len(), |at| from + at);
        let body = lines[from..end].join("\n");
        self.notes.push(Some(NoteSection {
            heading,
            level,
            body,
            after: anchor.unwrap_or_else(|| self.anchor.clone()),
        }));
        end + 1
    }

    fn blank(&mut self) {
        let open = self.top();
        if open
            .body
            .last()
            .is_some_and(|line| line.as_deref() != Some(""))
        {
            open.body.push(Some(String::new()));
        }
    }

    pub(super) fn top(&mut self) -> &mut Open {
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    /// Marks every open heading and list label as holding something recognised.
    pub(super) fn mark_used(&mut self) {
        for open in &mut self.stack {
            open.used = true;
        }
        let mut cleared = Vec::new();
        for (_, kind) in &mut self.list {
            if let ListKind::Label(_, at) = kind {
                cleared.extend(at.take());
            }
        }
        for (open, at) in cleared {
            if let Some(line) = self
                .stack
                .get_mut(open)
                .and_then(|open| open.body.get_mut(at))
            {
                *line = None;
            }
        }
    }

    /// Keeps a line the importer does not understand in the open section's note.
    pub(super) fn keep(&mut self, raw: &str, number: usize) -> (usize, usize) {
        let depth = self.stack.len() - 1;
        let open = self.top();
        open.first_unknown.get_or_insert(number);
        open.body.push(Some(raw.trim_end().to_owned()));
        (depth, open.body.len() - 1)
    }

    /// Keeps a line of code, HTML or a comment in the open section's note, byte for byte.
    fn keep_verbatim(&mut self, raw: &str, number: usize) {
        let open = self.top();
        open.first_unknown.get_or_insert(number);
        open.body.push(Some(raw.to_owned()));
    }

    fn close_to(&mut self, level: u8) {
        while self.stack.len() > 1 && self.stack.last().is_some_and(|open| open.level >= level) {
            if let Some(open) = self.stack.pop() {
                self.close(open);
            }
        }
    }

    fn close(&mut self, open: Open) {
        let mut body: Vec<String> = open.body.into_iter().flatten().collect();
        while body.last().is_some_and(String::is_empty) {
            body.pop();
        }
        let keep_heading = !open.used && matches!(open.ctx, Ctx::Generic(_));
        if body.is_empty() && !keep_heading {
            return;
        }
        if let Some(line) = open.first_unknown {
            let what = if open.raw.is_empty() {
                "text before the first section".to_owned()
            } else {
                format!("section \"{}\"", open.raw)
            };
            self.report
                .warn(Some(line), format!("{what} not understood; kept as a note"));
        }
        self.notes[open.slot] = Some(NoteSection {
            heading: open.raw,
            level: open.level,
            body: body.join("\n"),
            after: open.anchor,
        });
    }

    fn heading(&mut self, level: u8, raw_text: &str) {
        self.close_to(level);
        self.heading_starts(level, raw_text);
        let status = self.heading_status(raw_text);
        let text = status.map_or(raw_text, |(_, rest)| rest);
        let heading = headings::analyse(text);
        let in_velocity = self
            .stack
            .iter()
            .any(|open| matches!(open.ctx, Ctx::Section(Section::Velocity) | Ctx::Period(_)));
        if !in_velocity {
            if let Some(anchor) = headings::anchor(&heading) {
                self.anchor = anchor;
            }
            self.record_title(&heading.kind, text);
        }
        let ctx = if in_velocity {
            let week = heading
                .weeks
                .or_else(|| headings::week_range(&heading.name))
                .filter(|w| w.first == w.last)
                .map(|w| w.first);
            self.plan.velocity.push(VelocityRecord {
                period: heading.name.clone(),
                week,
                ..VelocityRecord::default()
            });
            self.mark_used();
            Ctx::Period(self.plan.velocity.len() - 1)
        } else {
            match heading.kind {
                Kind::Phase => Ctx::Phase(self.phase_for(&heading)),
                Kind::Sprint => Ctx::Sprint(self.sprint_for(&heading)),
                Kind::Milestone => Ctx::Milestone(self.milestone_for(&heading)),
                Kind::Section(section) => Ctx::Section(section),
                Kind::Neutral => Ctx::Neutral,
                Kind::Generic => Ctx::Generic(heading.name.clone()),
            }
        };
        let structural = matches!(ctx, Ctx::Phase(_) | Ctx::Sprint(_) | Ctx::Milestone(_));
        // A release of sprints (`### Release 1 (Sprints 1–3)`) gives them a version; the tasks
        // right under it are in its group, as under any other heading.
        let release = matches!(ctx, Ctx::Generic(_)) && self.release_heading(text);
        self.notes.push(None);
        self.stack.push(Open {
            level,
            raw: raw_text.to_owned(),
            ctx,
            body: Vec::new(),
            first_unknown: None,
            used: false,
            slot: self.notes.len() - 1,
            criteria_for: None,
            anchor: self.anchor.clone(),
        });
        if structural {
            self.mark_used();
        }
        if release {
            self.top().used = true;
        }
        if let Some((word, _)) = status {
            self.apply_heading_status(word);
        }
    }

    /// Keeps the heading of a register section, or the heading sprints or milestones stand under.
    fn record_title(&mut self, kind: &Kind, text: &str) {
        let (key, heading) = match kind {
            Kind::Section(section) => match titles::section_key(*section) {
                Some(key) => (key, text),
                None => return,
            },
            Kind::Sprint | Kind::Milestone => {
                let Some(parent) = self.stack.last().filter(|open| {
                    open.level > 0 && matches!(open.ctx, Ctx::Neutral | Ctx::Generic(_))
                }) else {
                    return;
                };
                let key = if *kind == Kind::Sprint {
                    "sprints"
                } else {
                    "milestones"
                };
                (key, parent.raw.as_str())
            }
            _ => return,
        };
        let heading = heading.to_owned();
        titles::record(&mut self.plan, key, &heading);
    }

    pub(super) fn phase_for(&mut self, heading: &headings::Heading) -> usize {
        let found = self
            .phase_with_id(&heading.id)
            .or_else(|| self.table_phase_named(&heading.name.to_lowercase()));
        let index = found.unwrap_or_else(|| {
            self.plan.phases.push(Phase::default());
            self.from_table.push(false);
            self.plan.phases.len() - 1
        });
        self.from_table[index] = false;
        let phase = &mut self.plan.phases[index];
        phase.id = PhaseId(heading.id.clone());
        phase.name.clone_from(&heading.name);
        if heading.weeks.is_some() {
            phase.weeks = heading.weeks;
        }
        self.named.phase_ids.add(heading.id.clone(), index);
        let phase = &self.plan.phases[index];
        let (name, tail) = (
            positions::phase_name(phase),
            positions::phase_name_tail(phase),
        );
        self.named.phase_names.add(name, index);
        self.named.phase_name_tails.add(tail, index);
        index
    }

    /// The first phase a table added (not yet merged with a heading) whose name is `name` (lower
    /// case), or the part of it after a `: ` ("phase 2: beta" for a table's "Beta").
    fn table_phase_named(&mut self, name: &str) -> Option<usize> {
        let suffixes = name.match_indices(": ").map(|(at, _)| &name[at + 2..]);
        let from_table = &self.from_table;
        std::iter::once(name)
            .chain(suffixes)
            .filter_map(|candidate| {
                self.named.phase_names.first(
                    &self.plan.phases,
                    positions::phase_name,
                    candidate,
                    |at| from_table[at],
                )
            })
            .min()
    }

    pub(super) fn sprint_for(&mut self, heading: &headings::Heading) -> usize {
        let index = self.sprint_with_id(&heading.id).unwrap_or_else(|| {
            self.plan.sprints.push(Sprint {
                id: SprintId(heading.id.clone()),
                ..Sprint::default()
            });
            self.plan.sprints.len() - 1
        });
        let sprint = &mut self.plan.sprints[index];
        sprint.name.clone_from(&heading.name);
        self.named
            .sprint_names
            .add(heading.name.to_lowercase(), index);
        if !heading.version.is_empty() {
            sprint.version.clone_from(&heading.version);
        }
        if heading.weeks.is_some() {
            sprint.weeks = heading.weeks;
        }
        index
    }

    fn milestone_for(&mut self, heading: &headings::Heading) -> usize {
        let index = self.milestone_with_id(&heading.id).unwrap_or_else(|| {
            self.plan.milestones.push(Milestone {
                id: MilestoneId(heading.id.clone()),
                ..Milestone::default()
            });
            self.plan.milestones.len() - 1
        });
        let milestone = &mut self.plan.milestones[index];
        milestone.name.clone_from(&heading.name);
        if let Some(weeks) = heading.weeks {
            milestone.week = Some(weeks.last);
        }
        index
    }

    /// The innermost heading context that is not a heading task's own.
    pub(super) fn ctx(&self) -> Ctx {
        self.stack
            .last()
            .map_or(Ctx::Title, |open| open.ctx.clone())
    }

    /// The innermost open section of a kind, and the name of its heading.
    pub(super) fn section(&self) -> Option<(Section, String)> {
        self.stack.iter().rev().find_map(|open| match &open.ctx {
            Ctx::Section(section) => Some((*section, headings::analyse(&open.raw).name)),
            _ => None,
        })
    }

    /// The innermost open phase.
    pub(super) fn open_phase(&self) -> Option<usize> {
        self.stack.iter().rev().find_map(|open| match open.ctx {
            Ctx::Phase(index) => Some(index),
            _ => None,
        })
    }

    fn item(&mut self, indent: usize, mark: Mark, text: &str, raw: &str, number: usize) {
        while self.list.last().is_some_and(|(open, _)| *open >= indent) {
            self.list.pop();
        }
        let parent = self.list.last().map(|(_, kind)| kind.clone());
        let in_register = self.section().is_some_and(|(s, _)| s != Section::Notes);
        let status_item = match mark {
            Mark::Checkbox(inside) => Some((self.checkbox_status(inside), text)),
            Mark::Plain if !in_register => self.emoji_status(text),
            Mark::Plain => None,
        };
        let kind = if let Some((status, title)) = status_item {
            self.status_item(parent, &status, title, mark)
        } else if let Some((key, value)) = scan::bold_field(text) {
            self.field_item(parent.as_ref(), key, value, raw, number)
        } else if !matches!(parent, Some(ListKind::Task(_) | ListKind::Checklist(_)))
            && self.calendar_line(text, true, number)
        {
            ListKind::Other
        } else {
            match parent {
                Some(ListKind::Task(task)) if prose::is_dependency_bullet(text) => {
                    self.prose_dependencies(task, text, number);
                    self.mark_used();
                }
                Some(ListKind::Task(task) | ListKind::Checklist(task)) => {
                    self.tasks[task].checklist.push(ChecklistItem::new(text));
                    self.prose_dependencies(task, text, number);
                    self.mark_used();
                }
                _ => {
                    if !self.heading_task_bullet(text, number) && !self.context_item(text, number) {
                        self.keep(raw, number);
                    }
                }
            }
            ListKind::Other
        };
        self.list.push((indent, kind));
    }

    fn status_item(
        &mut self,
        parent: Option<ListKind>,
        status: &StatusKey,
        title: &str,
        mark: Mark,
    ) -> ListKind {
        let done = self.plan.category(status) == StatusCategory::Done;
        let criteria_for = self.stack.last().and_then(|open| open.criteria_for);
        self.mark_used();
        match (parent, self.ctx()) {
            (Some(ListKind::Checklist(task)), _) => {
                self.checklist(task, title, done);
                ListKind::Other
            }
            (Some(ListKind::Task(task)), _) => {
                ListKind::Task(self.new_task(title, status, Some(task)))
            }
            (_, Ctx::Milestone(m)) => {
                self.plan.milestones[m].criteria.push(ChecklistItem {
                    text: title.to_owned(),
                    done,
                });
                ListKind::Other
            }
            (_, Ctx::Section(Section::Ideas)) if matches!(mark, Mark::Checkbox(_)) => {
                self.plan.ideas.push(Idea {
                    text: title.to_owned(),
                    done,
                });
                ListKind::Other
            }
            (_, Ctx::HeadingTask(task)) if criteria_for == Some(task) => {
                self.checklist(task, title, done);
                ListKind::Other
            }
            (_, Ctx::HeadingTask(task)) => ListKind::Task(self.new_task(title, status, Some(task))),
            _ => ListKind::Task(self.new_task(title, status, None)),
        }
    }

    fn checklist(&mut self, task: usize, text: &str, done: bool) {
        self.tasks[task].checklist.push(ChecklistItem {
            text: text.to_owned(),
            done,
        });
    }

    fn field_item(
        &mut self,
        parent: Option<&ListKind>,
        key: &str,
        value: &str,
        raw: &str,
        number: usize,
    ) -> ListKind {
        match parent {
            Some(&ListKind::Task(task)) => {
                self.mark_used();
                if value.is_empty() && is_checklist_key(key) {
                    ListKind::Checklist(task)
                } else {
                    self.task_field(task, key, value, number);
                    ListKind::Other
                }
            }
            Some(&ListKind::Checklist(task)) => {
                let text = raw.trim().trim_start_matches(['-', '*', '+']).trim();
                self.checklist(task, text, false);
                ListKind::Other
            }
            _ => {
                if self.context_field(key, value, number) {
                    self.mark_used();
                    ListKind::Other
                } else if value.is_empty() {
                    let at = self.keep(raw, number);
                    ListKind::Label(key.to_owned(), Some(at))
                } else {
                    self.keep(raw, number);
                    ListKind::Other
                }
            }
        }
    }

    fn text(&mut self, text: &str, raw: &str, number: usize) {
        let was_group = matches!(self.ctx(), Ctx::Generic(_));
        let understood = if let Some((key, value)) = scan::bold_field(text) {
            self.context_field(key, value, number)
        } else if let Some((key, value)) =
            scan::plain_field(text, &["last updated", "updated", "current sprint"])
        {
            self.context_field(key, value, number)
        } else {
            self.context_text(text)
        };
        // Metadata found under a group heading does not make the heading a container: a heading
        // that holds nothing else is still kept as a note.
        let still_group = matches!(self.ctx(), Ctx::Generic(_));
        if understood && !(was_group && still_group) {
            self.mark_used();
        } else if !understood {
            self.keep(raw, number);
        }
    }

    /// The status a checkbox means in this document's legend.
    fn checkbox_status(&mut self, inside: char) -> StatusKey {
        let category = match inside {
            'x' | 'X' => StatusCategory::Done,
            '-' | '~' | '/' => StatusCategory::Active,
            _ => StatusCategory::NotStarted,
        };
        self.category_status(category)
    }

    /// The legend's first status of a category, adding the built-in one when the legend lacks it.
    pub(super) fn category_status(&mut self, category: StatusCategory) -> StatusKey {
        let before = self.plan.legend.len();
        let key = legend::ensure_category(&mut self.plan.legend, category);
        if self.plan.legend.len() > before {
            self.added_statuses.push(key.clone());
        }
        key
    }

    /// `✅ Done thing`, `Done thing ✅` or `Done thing - COMPLETE` → the status and the title. A
    /// bold field (`**Web status**: ✅`) is a field whatever its value ends with.
    fn emoji_status<'t>(&mut self, text: &'t str) -> Option<(StatusKey, &'t str)> {
        let (word, rest) = split_leading_emoji(text)
            .filter(|(_, rest)| !rest.is_empty())
            .or_else(|| {
                scan::bold_field(text)
                    .is_none()
                    .then(|| trailing_status(text))
                    .flatten()
            })?;
        let key = recognise_status(&self.plan.legend, word).or_else(|| {
            let category = crate::io::builtin_category(word)?;
            Some(self.category_status(category))
        })?;
        Some((key, rest))
    }

    /// The status written in a field or cell, adding it to the legend when nothing knows it.
    pub(super) fn status_key(&mut self, text: &str, number: usize) -> StatusKey {
        if let Some(key) = self.known_status(text) {
            return key;
        }
        let category = crate::io::builtin_category(text).or_else(|| {
            split_leading_emoji(text).and_then(|(emoji, rest)| {
                crate::io::builtin_category(rest).or_else(|| crate::io::builtin_category(emoji))
            })
        });
        if let Some(category) = category {
            return self.category_status(category);
        }
        let word = text.trim();
        self.report.warn(
            Some(number),
            format!("status \"{word}\" is in no legend; added to the plan's legend"),
        );
        let category = crate::io::status_words::guess_category(word);
        let status = StatusDef::new(
            word,
            word,
            category,
            crate::io::status_words::category_colour(category),
        );
        self.plan.legend.push(status);
        StatusKey::from(word)
    }

    /// The legend status `text` names ([`recognise_status_text`]), remembered for each text until
    /// the legend grows: a plan writes the same few statuses thousands of times.
    pub(super) fn known_status(&mut self, text: &str) -> Option<StatusKey> {
        /// Texts beyond this many are looked up each time (the memory stays small).
        const REMEMBERED: usize = 1024;
        let (length, known) = &mut self.known_statuses;
        if *length != self.plan.legend.len() {
            known.clear();
            *length = self.plan.legend.len();
        }
        if let Some(found) = known.get(text) {
            return found.clone();
        }
        let found = recognise_status_text(&self.plan.legend, text);
        if known.len() < REMEMBERED {
            known.insert(text.to_owned(), found.clone());
        }
        found
    }

    /// A new task in the current context; `parent` for subtasks.
    pub(super) fn new_task(
        &mut self,
        title: &str,
        status: &StatusKey,
        parent: Option<usize>,
    ) -> usize {
        let (title, mut explicit_id) = headings::split_explicit_id(title);
        let mut tags = Vec::new();
        let title = match headings::split_bold_id(title) {
            Some((rest, id, tag)) if explicit_id.is_none() => {
                explicit_id = Some(id);
                tags.extend(tag.map(str::to_owned));
                rest
            }
            _ => title,
        };
        let (phase, sprint, group) = match parent {
            Some(parent) => {
                let p = &self.tasks[parent];
                (p.phase.clone(), p.sprint.clone(), p.group.clone())
            }
            None => self.placement(self.stack.len()),
        };
        self.tasks.push(Task {
            title: values::unbold(title).to_owned(),
            status: status.clone(),
            phase,
            sprint,
            group,
            tags,
            ..Task::default()
        });
        self.task_refs.push(TaskRefs {
            explicit_id: explicit_id.map(str::to_owned),
            parent_index: parent,
            line: self.line,
            ..TaskRefs::default()
        });
        let index = self.tasks.len() - 1;
        self.prose_dependencies(index, title, self.line);
        index
    }

    /// The phase, sprint and group a task gets from the first `depth` open headings and the open
    /// list labels.
    pub(super) fn placement(&self, depth: usize) -> (Option<PhaseId>, Option<SprintId>, String) {
        let mut phase = None;
        let mut sprint = None;
        let mut group: Vec<String> = Vec::new();
        for open in &self.stack[..depth] {
            match &open.ctx {
                Ctx::Phase(index) => {
                    phase = Some(self.plan.phases[*index].id.clone());
                    group.clear();
                }
                Ctx::Sprint(index) => {
                    sprint = Some(self.plan.sprints[*index].id.clone());
                    group.clear();
                }
                Ctx::Generic(name) => group.push(name.clone()),
                _ => {}
            }
        }
        if let Some(index) = self.more.line_sprint.filter(|_| depth == self.stack.len()) {
            sprint = Some(self.plan.sprints[index].id.clone());
            group.clear();
        }
        group.extend(self.list.iter().filter_map(|(_, kind)| match kind {
            ListKind::Label(name, _) => Some(values::unbold(name).to_owned()),
            _ => None,
        }));
        (phase, sprint, group.join(" / "))
    }
}

/// A status written after a title: a status emoji (`Book the dry dock ✅`) or a status word after a
/// dash (`Replace the anodes - COMPLETE`); the status and the title.
pub(super) fn trailing_status(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_end();
    let (title, word) = text
        .rsplit_once(char::is_whitespace)
        .filter(|(_, last)| last.chars().all(|c| !c.is_ascii() && !c.is_alphanumeric()))
        .or_else(|| {
            let (title, word) = [" - ", " — ", " – "]
                .iter()
                .filter_map(|dash| text.rsplit_once(dash))
                .max_by_key(|(title, _)| title.len())?;
            let short = word.split_whitespace().count() <= 3;
            (short && crate::io::builtin_category(word).is_some()).then_some((title, word))
        })?;
    let title = title
        .trim_end()
        .trim_end_matches(['-', '—', '–'])
        .trim_end();
    (!title.is_empty()).then_some((word.trim(), title))
}

/// `**Acceptance Criteria**:` and its synonyms introduce a task's checklist.
pub(super) fn is_checklist_key(key: &str) -> bool {
    matches!(
        super::values::LowerKey::new(key).as_str(),
        "acceptance criteria" | "checklist" | "criteria" | "definition of done"
    )
}
