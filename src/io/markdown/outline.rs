//! Structures the line reader hands over before its own rules: outlines without list markers under
//! a status heading, paragraphs that continue a task item, and the state these and the sprint
//! calendars keep while the document is read.
//!
//! - **Outlines.** Under a heading that names a status ("Completed", "Done", "Yet to complete",
//!   "To do", "Backlog", "In progress", "Blocked"…), plain lines are tasks with that status, even
//!   when indented four columns or more (which `CommonMark` reads as indented code); a deeper line
//!   is a subtask of the line above it. Fenced code and HTML are never read this way. A date or a
//!   range after the title (`Set up CI 2026-02-03`, `Beta test (Mar 2 - Mar 20)`) gives the due
//!   date, or the start and due dates. A line that reads as prose (longer than
//!   [`LONGEST_ITEM`] characters, or two sentences or more, or wrapped from or onto such a line) is
//!   no task: it is kept in the section's note.
//! - **Continuations.** A paragraph under a task item (a lazy continuation line, or an indented
//!   paragraph after a blank line) is the task's description.

use super::dates::{self, DayOrder, Years};
use super::import::{Builder, ListKind};
use super::scan::{self, Line};
use crate::io::status_words::{normalise_status, recognise_status};
use crate::model::{StatusCategory, StatusKey};
use chrono::NaiveDate;

/// What the reader keeps for these structures while it reads.
#[derive(Default)]
pub(super) struct More {
    /// Dates written without a year, settled once the whole document is read.
    pub undated: Vec<Undated>,
    /// The sprint a bold or plain sprint calendar line opened: items below it belong to it.
    pub line_sprint: Option<usize>,
    /// Releases read (`Release 1 (Sprints 01-03)`): name, first and last sprint number.
    pub releases: Vec<(String, u32, u32)>,
    /// The open outline section.
    pub outline: Option<Outline>,
    /// Which lines are indented code (empty when none is).
    pub indented: Vec<bool>,
    /// The task whose description the last paragraph line continued.
    pub describing: Option<usize>,
    /// "must complete before Y": the task, the reference and its line.
    pub before: Vec<(usize, String, usize)>,
    /// Which lines of the outline paragraph being read are prose, from its first line's index.
    pub prose: (usize, Vec<bool>),
    /// The order of the document's slash dates.
    pub day_order: DayOrder,
    /// How many slash dates were read day first although they could be read either way.
    pub ambiguous_dates: usize,
}

/// What a date without a year belongs to.
pub(super) enum Target {
    /// A sprint (its index): the start and end.
    Sprint(usize),
    /// A task (its index): the due date, or the start and due dates.
    Task(usize),
}

/// A date or range written without a year, waiting for the document's years.
pub(super) struct Undated {
    /// What it dates.
    pub target: Target,
    /// The dates.
    pub span: dates::Span,
    /// The text the dates were written as, put back after the name or title when no year is found.
    pub written: String,
    /// The line they were read from.
    pub line: usize,
}

/// An open outline section: its heading level, its status, and the open outline lines (indent
/// and task), innermost last.
type Outline = (u8, StatusKey, Vec<(usize, usize)>);

/// The status category a heading that opens an outline names.
pub(super) fn outline_category(name: &str) -> Option<StatusCategory> {
    let name = normalise_status(name);
    Some(match name.as_str() {
        "completed" | "complete" | "done" | "finished" | "shipped" => StatusCategory::Done,
        "in progress" | "doing" | "ongoing" | "wip" | "in flight" => StatusCategory::Active,
        "to do" | "todo" | "yet to complete" | "yet to do" | "not started" | "backlog"
        | "pending" | "planned" | "remaining" | "upcoming" | "not yet done" => {
            StatusCategory::NotStarted
        }
        "blocked" | "on hold" | "waiting" => StatusCategory::Blocked,
        _ => return None,
    })
}

/// Longest line, in characters, that an outline item is; a longer one is prose.
const LONGEST_ITEM: usize = 100;

/// Which lines of a paragraph are prose rather than outline items: a line longer than
/// [`LONGEST_ITEM`] characters or holding two sentences, and the lines wrapped from or onto it (a
/// line that ends without a full stop, followed by one that starts in lower case).
fn prose_lines(paragraph: &[&str]) -> Vec<bool> {
    let mut prose: Vec<bool> = paragraph
        .iter()
        .map(|line| line.chars().count() > LONGEST_ITEM || two_sentences(line))
        .collect();
    let wrapped = |at: usize| {
        !paragraph[at].ends_with(['.', '!', '?', ':'])
            && paragraph[at + 1].starts_with(|c: char| c.is_lowercase())
    };
    for at in 1..prose.len() {
        if prose[at - 1] && wrapped(at - 1) {
            prose[at] = true;
        }
    }
    for at in (1..prose.len()).rev() {
        if prose[at] && wrapped(at - 1) {
            prose[at - 1] = true;
        }
    }
    prose
}

/// Whether a line holds the end of a sentence followed by another: `.`, `!` or `?`, a space, and
/// a capital letter. A full stop after an initial or a short capitalised word ("J.", "Dr.", "St.")
/// ends no sentence.
fn two_sentences(line: &str) -> bool {
    line.char_indices().any(|(at, c)| {
        if !matches!(c, '.' | '!' | '?') {
            return false;
        }
        let mut after = line[at + 1..].chars();
        if after.next() != Some(' ') || !after.next().is_some_and(char::is_uppercase) {
            return false;
        }
        let word = line[..at].rsplit(' ').next().unwrap_or_default();
        let abbreviation =
            c == '.' && word.chars().count() <= 3 && word.starts_with(char::is_uppercase);
        !abbreviation
    })
}

/// Leading white space, a tab counting four columns.
fn indent_of(raw: &str) -> usize {
    raw.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

impl Builder {
    /// Called for every heading before it is read: ends what a heading ends, and opens an outline
    /// when the heading names a status.
    pub(super) fn heading_starts(&mut self, level: u8, name: &str) {
        self.more.line_sprint = None;
        self.more.describing = None;
        if self
            .more
            .outline
            .as_ref()
            .is_some_and(|(open, _, _)| level <= *open)
        {
            self.more.outline = None;
        }
        let name = super::headings::strip_decoration(name).trim_end_matches(':');
        if let Some(category) = outline_category(name) {
            let status = recognise_status(&self.plan.legend, name)
                .filter(|key| self.plan.category(key) == category)
                .unwrap_or_else(|| self.category_status(category));
            self.more.outline = Some((level, status, Vec::new()));
        } else if let Some((_, _, open)) = &mut self.more.outline {
            // A sub-heading keeps its section's status but starts a new outline.
            open.clear();
        }
    }

    /// A paragraph or code line the new structures read; true when it was read. `index` is the
    /// line's index in `lines`.
    pub(super) fn structured_line(&mut self, lines: &[&str], kinds: &[Line], index: usize) -> bool {
        let raw = lines[index];
        let number = index + 1;
        let text = match kinds[index] {
            Line::Text(text) => text,
            Line::Verbatim if self.more.indented.get(index).copied().unwrap_or(false) => raw.trim(),
            _ => return false,
        };
        let paragraph = matches!(kinds[index], Line::Text(_));
        let after_blank = index > 0 && matches!(kinds[index - 1], Line::Blank);
        if paragraph && self.continuation(raw, text, after_blank, number) {
            return true;
        }
        if self.more.outline.is_some() && scan::bold_field(text).is_none() {
            self.list.clear();
            if self.is_prose(lines, kinds, index) {
                self.keep(raw, number);
            } else {
                self.outline_line(raw, text, number);
            }
            return true;
        }
        if !paragraph {
            return false;
        }
        self.more.describing = None;
        self.calendar_line(text, false, number)
    }

    /// Whether the outline line at `index` is prose. The lines of its paragraph are judged once,
    /// when its first line is read, so a long paragraph costs linear time.
    fn is_prose(&mut self, lines: &[&str], kinds: &[Line], index: usize) -> bool {
        let (from, prose) = &self.more.prose;
        if let Some(known) = index.checked_sub(*from).and_then(|at| prose.get(at)) {
            return *known;
        }
        let text_at = |at: usize| match kinds.get(at) {
            Some(Line::Text(text)) => Some(*text),
            Some(Line::Verbatim) if self.more.indented.get(at).copied().unwrap_or(false) => {
                lines.get(at).map(|raw| raw.trim())
            }
            _ => None,
        };
        let paragraph: Vec<&str> = (index..).map_while(text_at).collect();
        self.more.prose = (index, prose_lines(&paragraph));
        self.more.prose.1.first().copied().unwrap_or(false)
    }

    /// A plain line of an outline: a task with the section's status, a subtask when deeper.
    fn outline_line(&mut self, raw: &str, text: &str, number: usize) {
        let indent = indent_of(raw);
        let Some((_, status, open)) = &mut self.more.outline else {
            return;
        };
        while open.last().is_some_and(|(at, _)| *at >= indent) {
            open.pop();
        }
        let parent = open.last().map(|(_, task)| *task);
        let status = status.clone();
        let trailing = dates::trailing(text, self.more.day_order);
        self.more.ambiguous_dates += trailing.map_or(0, |(_, span)| span.ambiguous());
        let (title, days) = match trailing {
            // Dates without a year are settled once the whole document is read.
            Some((title, span)) if span.needs_year() => (title, None),
            Some((title, span)) => {
                if let Some(days) = span.days(None) {
                    (title, Some(days))
                } else {
                    self.warn_undated(number, text, "title");
                    (text, None)
                }
            }
            None => (text, None),
        };
        let task = self.new_task(title, &status, parent);
        if let Some(days) = days {
            self.set_task_dates(task, days);
        }
        if let Some((title, span)) = trailing.filter(|(_, span)| span.needs_year()) {
            self.more.undated.push(Undated {
                target: Target::Task(task),
                span,
                written: text[title.len()..].to_owned(),
                line: number,
            });
        }
        if let Some((_, _, open)) = &mut self.more.outline {
            open.push((indent, task));
        }
        self.mark_used();
    }

    fn set_task_dates(&mut self, task: usize, (first, last): (NaiveDate, Option<NaiveDate>)) {
        let made = &mut self.tasks[task];
        match last {
            Some(last) => {
                made.start = Some(first);
                made.due = Some(last);
            }
            None => made.due = Some(first),
        }
    }

    /// Reports dates that cannot be read (no year, or no such day), kept in a name or title.
    pub(super) fn warn_undated(&mut self, number: usize, text: &str, kept_in: &str) {
        self.report.warn(
            Some(number),
            format!("no year for the dates of \"{text}\"; kept in the {kept_in}"),
        );
    }

    /// Gives the dates written without a year the nearest year in the document (see
    /// [`Years::near`]); the years are only looked for when some date needs one. Dates that find
    /// none stay in the sprint's name or the task's title, with a warning. Slash dates that could
    /// be read either way are reported once, with their count.
    pub(super) fn settle_dates(&mut self, lines: &[&str]) {
        if let Some(warning) = super::dates::ambiguous_dates_warning(self.more.ambiguous_dates) {
            self.report.warn(None, warning);
        }
        let undated = std::mem::take(&mut self.more.undated);
        if undated.is_empty() {
            return;
        }
        let years = Years::of(lines);
        for Undated {
            target,
            span,
            written,
            line,
        } in undated
        {
            let year = years.near(line, self.plan.meta.updated);
            match (target, span.days(year)) {
                (Target::Sprint(index), Some((start, end))) => {
                    let sprint = &mut self.plan.sprints[index];
                    sprint.start = Some(start);
                    sprint.end = end.or(sprint.end);
                }
                (Target::Task(index), Some(days)) => self.set_task_dates(index, days),
                (Target::Sprint(index), None) => {
                    let name = &mut self.plan.sprints[index].name;
                    let text = format!("{name}{written}");
                    self.warn_undated(line, &text, "sprint's name");
                    self.named.sprint_names.add(text.to_lowercase(), index);
                    self.plan.sprints[index].name = text;
                }
                (Target::Task(index), None) => {
                    let title = &mut self.tasks[index].title;
                    title.push_str(&written);
                    let text = title.clone();
                    self.warn_undated(line, &text, "title");
                }
            }
        }
    }

    /// A paragraph line under a task item: the task's description. True when it was one.
    fn continuation(&mut self, raw: &str, text: &str, after_blank: bool, number: usize) -> bool {
        let indent = indent_of(raw);
        let item = if after_blank {
            self.list
                .iter()
                .rev()
                .find(|(at, _)| *at < indent)
                .map(|(_, kind)| kind)
        } else {
            self.list.last().map(|(_, kind)| kind)
        };
        let Some(&ListKind::Task(task)) = item else {
            return false;
        };
        let description = &mut self.tasks[task].description;
        if !description.is_empty() {
            let separator = if after_blank || self.more.describing != Some(task) {
                "\n\n"
            } else {
                "\n"
            };
            description.push_str(separator);
        }
        description.push_str(text);
        self.more.describing = Some(task);
        self.prose_dependencies(task, text, number);
        self.mark_used();
        true
    }
}
