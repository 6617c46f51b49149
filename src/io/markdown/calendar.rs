//! Sprint calendars written as lines rather than headings: `- Sprint 04 (2 weeks): 2026-03-02 →
//! 2026-03-13`, `**Sprint 02 (Feb 16-Feb 27):**`, `Sprint 5: 2026-04-06 - 2026-04-17`; and the
//! releases that group them: `Release 1 (Sprints 01-03)`, `### Release 1 (Sprints 1–3)`.
//!
//! A calendar line gives a sprint its start and end; items below a bold or plain sprint line
//! (until the next heading or sprint line) belong to that sprint. A release names the release
//! its sprints ship (`Sprint::version`, when the sprint names none), so it survives an export.

use super::dates::{self, DayOrder, Span};
use super::headings;
use super::import::Builder;
use super::outline::{Target, Undated};
use crate::model::{Sprint, SprintId};

/// A sprint calendar line, read.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct SprintLine {
    /// "Sprint 04", "Sprint 04 (2 weeks)", "Sprint 5: Payments".
    name: String,
    /// The dates.
    dates: Span,
    /// The dates' text, e.g. "(Feb 16-Feb 27)" or ": 2026-04-06 - 2026-04-17".
    written: String,
}

/// Text without bold marks, a trailing colon and surrounding space.
fn plain(text: &str) -> String {
    text.replace("**", "")
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_owned()
}

/// True when the text starts with "Sprint" or "Iteration" and a number (cheap, allocation-free).
fn starts_with_sprint(text: &str) -> bool {
    let text = text.trim_start().trim_start_matches('*');
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or_default();
    let number = words
        .next()
        .unwrap_or_default()
        .trim_end_matches([':', '*']);
    (first.eq_ignore_ascii_case("sprint") || first.eq_ignore_ascii_case("iteration"))
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// Reads a sprint calendar line: a sprint's name and number, then its dates in parentheses or
/// after a colon, slash dates in the document's `order`. `None` for anything else (a sprint
/// heading's title without dates included).
pub(super) fn sprint_line(text: &str, order: DayOrder) -> Option<SprintLine> {
    if !starts_with_sprint(text) {
        return None;
    }
    let body = plain(text);
    let body = body.as_str();
    // The dates after the colon that follows the number.
    if let Some((name, after)) = body.split_once(':')
        && let Some(found) = dates::span(after, order)
    {
        return Some(SprintLine {
            name: name.trim().to_owned(),
            dates: found,
            written: format!(": {}", after.trim()),
        });
    }
    // The dates in the last parentheses.
    let inner = body.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let found = dates::span(&inner[open + 1..], order)?;
    let name = body[..open].trim();
    (!name.is_empty()).then(|| SprintLine {
        name: name.to_owned(),
        dates: found,
        written: format!(" {}", &body[open..]),
    })
}

/// A release and the sprint numbers it holds: `Release 1 (Sprints 01-03)` gives ("Release 1", 1, 3).
pub(super) fn release_line(text: &str) -> Option<(String, u32, u32)> {
    let trimmed = text
        .trim_start()
        .trim_start_matches(['*', '#'])
        .trim_start();
    if !trimmed
        .get(..7)
        .is_some_and(|head| head.eq_ignore_ascii_case("release"))
    {
        return None;
    }
    let body = plain(trimmed);
    let inner = body.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let range = inner[open + 1..].trim();
    let lower = range.get(..7)?;
    if !lower.eq_ignore_ascii_case("sprints") {
        return None;
    }
    let range = range[7..].trim();
    let (first, last) = range
        .split_once(['-', '–', '—'])
        .map_or((range, range), |(a, b)| (a.trim(), b.trim()));
    let (first, last): (u32, u32) = (first.parse().ok()?, last.parse().ok()?);
    let name = body[..open].trim();
    (first <= last && !name.is_empty()).then(|| (name.to_owned(), first, last))
}

/// The number in a sprint's name or id: "Sprint 04" → 4.
fn sprint_number(sprint: &Sprint) -> Option<u32> {
    let number = |text: &str| {
        let mut words = text.split_whitespace();
        words.next()?;
        words.next()?.trim_end_matches([':', '.']).parse().ok()
    };
    number(&sprint.name).or_else(|| sprint.id.as_str().rsplit('-').next()?.parse().ok())
}

impl Builder {
    /// A sprint calendar line (an item or a paragraph line); true when it was one. A bold or plain
    /// line (`bullet` false) also places the items below it in the sprint.
    pub(super) fn calendar_line(&mut self, text: &str, bullet: bool, number: usize) -> bool {
        if let Some(release) = release_line(text) {
            self.more.releases.push(release);
            self.mark_used();
            return true;
        }
        let Some(line) = sprint_line(text, self.more.day_order) else {
            return false;
        };
        self.more.ambiguous_dates += line.dates.ambiguous();
        // Dates without a year are settled once the whole document is read (`settle_dates`).
        let undated = line.dates.needs_year();
        let days = if undated { None } else { line.dates.days(None) };
        let name = if days.is_some() || undated {
            line.name
        } else {
            let name = format!("{}{}", line.name, line.written);
            self.warn_undated(number, &name, "sprint's name");
            name
        };
        let id = headings::analyse(&name).id;
        let index = self.sprint_with_id(&id).unwrap_or_else(|| {
            self.plan.sprints.push(Sprint {
                id: SprintId(id),
                name,
                ..Sprint::default()
            });
            self.plan.sprints.len() - 1
        });
        if let Some((start, end)) = days {
            let sprint = &mut self.plan.sprints[index];
            sprint.start = Some(start);
            sprint.end = end.or(sprint.end);
        }
        if undated {
            self.more.undated.push(Undated {
                target: Target::Sprint(index),
                span: line.dates,
                written: line.written,
                line: number,
            });
        }
        if !bullet {
            self.more.line_sprint = Some(index);
        }
        self.mark_used();
        true
    }

    /// Records a heading that names a release of sprints (`### Release 1 (Sprints 1–3)`); true
    /// when it was one.
    pub(super) fn release_heading(&mut self, text: &str) -> bool {
        let release = release_line(text);
        let found = release.is_some();
        self.more.releases.extend(release);
        found
    }

    /// Gives each sprint in a release's range the release's name as its version, when it has none;
    /// the first release (in the document) that holds a sprint's number names it.
    pub(super) fn resolve_releases(&mut self) {
        let releases = std::mem::take(&mut self.more.releases);
        if releases.is_empty() {
            return;
        }
        // The sprints still without a version, by number; `next[i]` skips those already named
        // (a disjoint-set over positions), so overlapping releases cost linear time.
        let mut open: Vec<(u32, usize)> = self
            .plan
            .sprints
            .iter()
            .enumerate()
            .filter(|(_, s)| s.version.is_empty())
            .filter_map(|(i, s)| Some((sprint_number(s)?, i)))
            .collect();
        open.sort_unstable();
        let mut next: Vec<usize> = (0..=open.len()).collect();
        let find = |next: &mut Vec<usize>, mut at: usize| {
            let mut root = at;
            while next[root] != root {
                root = next[root];
            }
            while next[at] != root {
                let up = next[at];
                next[at] = root;
                at = up;
            }
            root
        };
        for (name, first, last) in releases {
            let mut at = find(&mut next, open.partition_point(|&(n, _)| n < first));
            while at < open.len() && open[at].0 <= last {
                self.plan.sprints[open[at].1].version.clone_from(&name);
                next[at] = at + 1;
                at = find(&mut next, at + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_and_release_lines() {
        let line = sprint_line(
            "Sprint 04 (2 weeks): 2026-03-02 → 2026-03-13",
            DayOrder::Undecided,
        )
        .expect("a line");
        assert_eq!(line.name, "Sprint 04 (2 weeks)");
        let line = sprint_line("**Sprint 02 (Feb 16-Feb 27):**", DayOrder::Undecided)
            .expect("a bold line");
        assert_eq!(line.name, "Sprint 02");
        assert_eq!(line.written, " (Feb 16-Feb 27)");
        assert!(sprint_line("Sprint 5: 2026-04-06 - 2026-04-17", DayOrder::Undecided).is_some());
        assert_eq!(sprint_line("Sprint 5: Payments", DayOrder::Undecided), None);
        assert_eq!(
            sprint_line("Sprint planning every two weeks", DayOrder::Undecided),
            None
        );
        assert_eq!(
            release_line("Release 1 (Sprints 01-03)"),
            Some(("Release 1".to_owned(), 1, 3))
        );
        assert_eq!(
            release_line("**Release 2 (Sprints 4–6):**"),
            Some(("Release 2".to_owned(), 4, 6))
        );
        assert_eq!(release_line("Release notes"), None);
    }
}
