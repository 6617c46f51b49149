//! Statuses written inline: in a heading (`### ✅ Authentication`, `## Payments 🔄`,
//! `### Search — ⏳`, `## Export - COMPLETE`), and status words followed by more words
//! (`**Status**: shipped (commit abc123)`).
//!
//! A heading with a status is a task (a phase or sprint heading gets the status instead); the
//! status is not left in its name. A register or neutral heading ("🚧 Active Blockers",
//! "🔄 Update Log") and a status section's heading ("✅ Completed") keep their emoji as
//! decoration. A status value whose first words are a status gives that status; the rest is kept
//! in the task's `Status detail` field.

use super::headings::{self, Kind};
use super::import::{Builder, Ctx};
use crate::io::status_words::{recognise_status_text, split_leading_emoji};
use crate::model::{ChecklistItem, Field, StatusCategory, StatusDef, StatusKey};

/// The field that keeps the words after a status word.
pub(super) const STATUS_DETAIL: &str = "Status detail";

/// The words after a status without the separator before them: ", waiting" gives "waiting".
fn without_separator(rest: &str) -> &str {
    rest.trim_start()
        .trim_start_matches([',', ';', ':', '-', '—', '–'])
        .trim()
}

/// The status word or emoji a heading's text starts or ends with (`✅ Auth`, `Payments 🔄`,
/// `Export - COMPLETE`) and the text without it, when the legend or the built-in words know it (a
/// decorative emoji such as 🚀 is no status). The exporter uses it to tell which headings the
/// importer would take a status from.
pub(super) fn split_status_word<'t>(
    legend: &[StatusDef],
    text: &'t str,
) -> Option<(&'t str, &'t str)> {
    let (word, rest) = split_leading_emoji(text)
        .filter(|(_, rest)| !rest.is_empty())
        .or_else(|| super::import::trailing_status(text))?;
    let known = recognise_status_text(legend, word).is_some()
        || crate::io::builtin_category(word).is_some();
    known.then_some((word, rest))
}

impl Builder {
    /// Splits a status off a heading's text: the status word or emoji and the heading without it.
    /// `None` when the heading has none, or is a register or neutral heading.
    pub(super) fn heading_status<'t>(&mut self, text: &'t str) -> Option<(&'t str, &'t str)> {
        let (word, rest) = split_status_word(&self.plan.legend, text)?;
        // "✅ Completed" heads an outline section: its emoji only repeats the section's status.
        if super::outline::outline_category(rest.trim_end_matches(':')).is_some() {
            return None;
        }
        let heading = headings::analyse(rest);
        match heading.kind {
            Kind::Section(_) | Kind::Neutral => None,
            // "Phase: 🔄" names its phase by the emoji: nothing else would be left as its name.
            Kind::Phase | Kind::Sprint | Kind::Milestone if heading.name.is_empty() => None,
            _ => Some((word, rest)),
        }
    }

    /// Gives the heading just opened the status written in it: a phase's status, a sprint closed
    /// when done, or a group heading made a task.
    pub(super) fn apply_heading_status(&mut self, word: &str) {
        let number = self.line;
        match self.ctx() {
            Ctx::Phase(phase) => {
                let key = self.status_key(word, number);
                self.plan.phases[phase].status = Some(key);
            }
            Ctx::Sprint(sprint) => {
                let key = self.status_key(word, number);
                self.plan.sprints[sprint].closed = self.plan.category(&key) == StatusCategory::Done;
            }
            Ctx::Generic(_) => {
                self.context_field("Status", word, number);
                self.mark_used();
            }
            _ => {}
        }
    }

    /// A plain bullet right under a heading that is a task: a dependency when it is only a
    /// dependency phrase, else a checklist item. True when it was either.
    pub(super) fn heading_task_bullet(&mut self, text: &str, number: usize) -> bool {
        let Ctx::HeadingTask(task) = self.ctx() else {
            return false;
        };
        if super::prose::is_dependency_bullet(text) {
            self.prose_dependencies(task, text, number);
        } else {
            self.tasks[task].checklist.push(ChecklistItem::new(text));
        }
        self.mark_used();
        true
    }

    /// The status a status value gives, and the words after it: `shipped (commit abc123)` gives
    /// the done status and "(commit abc123)". A value that is a status as a whole has no rest
    /// (and is recognised once, as before: the split is only tried when that fails).
    pub(super) fn status_with_rest<'v>(
        &mut self,
        value: &'v str,
        number: usize,
    ) -> (StatusKey, &'v str) {
        if let Some(key) = self.known_status(value) {
            return (key, "");
        }
        let (word, rest) = self.split_status(value.trim());
        (self.status_key(word, number), rest)
    }

    /// Splits the first words that are a status off a value that is not one as a whole.
    fn split_status<'v>(&self, value: &'v str) -> (&'v str, &'v str) {
        let known = |text: &str| {
            recognise_status_text(&self.plan.legend, text).is_some()
                || crate::io::builtin_category(text).is_some()
        };
        if value.is_empty() || crate::io::builtin_category(value).is_some() {
            return (value, "");
        }
        // After a separator: "DONE - merged", "Blocked (waiting on legal)", "done; see log".
        if let Some(at) = value
            .find(['(', ';', ',', '—', '–', '['])
            .or_else(|| value.find(" - "))
        {
            let (head, rest) = value.split_at(at);
            if !head.trim().is_empty() && known(head) {
                return (head.trim(), without_separator(rest));
            }
        }
        // The first one, two or three words.
        let mut found = None;
        for end in value.match_indices(' ').map(|(at, _)| at).take(3) {
            if known(&value[..end]) {
                found = Some(end);
            }
        }
        match found {
            Some(end) => (value[..end].trim(), without_separator(&value[end..])),
            None => (value, ""),
        }
    }

    /// Keeps the words after a task's status in its `Status detail` field.
    pub(super) fn keep_status_detail(&mut self, task: usize, rest: &str) {
        if rest.is_empty() {
            return;
        }
        let fields = &mut self.tasks[task].fields;
        match fields.iter_mut().find(|f| f.name == STATUS_DETAIL) {
            Some(field) => rest.clone_into(&mut field.value),
            None => fields.push(Field {
                name: STATUS_DETAIL.to_owned(),
                value: rest.to_owned(),
            }),
        }
    }
}
