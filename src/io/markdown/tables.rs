//! Tables: overall progress, blockers, known issues, update log, velocity, metrics, risks,
//! reviews, links and status history, recognised by their header cells.

use super::import::Builder;
use super::scan;
use super::task_tables;
use super::values::{date, is_placeholder, multi_line};
use crate::model::{
    Blocker, Cadence, KnownIssue, Link, LogEntry, Metric, Phase, PhaseId, Risk, StatusChange,
    StatusKey, TaskId, VelocityRecord,
};

/// The cells of one row, looked up by header name.
struct Row<'a> {
    header: &'a [String],
    cells: Vec<String>,
}

impl Row<'_> {
    /// The cell under the first header that is (or, failing that, contains) one of `names`.
    fn get(&self, names: &[&str]) -> String {
        let exact = self
            .header
            .iter()
            .position(|h| names.iter().any(|n| h == n));
        let loose = || {
            self.header
                .iter()
                .position(|h| names.iter().any(|n| h.contains(n)))
        };
        exact
            .or_else(loose)
            .and_then(|i| self.cells.get(i))
            .filter(|cell| !is_placeholder(cell))
            .map(|cell| multi_line(cell))
            .unwrap_or_default()
    }
}

impl Builder {
    /// Interprets the table collected so far, if any.
    pub(super) fn flush_table(&mut self) {
        if self.table.is_empty() {
            return;
        }
        let lines = std::mem::take(&mut self.table);
        let rows: Vec<Vec<String>> = lines
            .iter()
            .map(|(_, raw)| scan::table_cells(raw))
            .collect();
        let understood = rows.len() >= 2 && scan::is_table_separator(&rows[1]) && {
            let header: Vec<String> = rows[0].iter().map(|h| h.to_lowercase()).collect();
            let tasks = task_tables::layout(&rows[0]);
            let names_tasks = tasks.as_ref().is_some_and(task_tables::Layout::names_tasks);
            let title = tasks.as_ref().map(task_tables::Layout::title);
            let data: Vec<Row> = rows[2..]
                .iter()
                .map(|cells| Row {
                    header: &header,
                    cells: cells.clone(),
                })
                .filter(|row| row.cells.iter().any(|c| !is_placeholder(c)))
                .collect();
            if self.table_rows(&header, &data, lines[0].0, (names_tasks, title)) {
                true
            } else if let Some(layout) = tasks.filter(|_| !data.is_empty()) {
                let task_rows: Vec<(usize, &str, Vec<String>)> = lines[2..]
                    .iter()
                    .zip(rows.into_iter().skip(2))
                    .filter(|(_, cells)| {
                        // A second separator row (a header broken over two lines) is no task.
                        cells.iter().any(|c| !is_placeholder(c)) && !scan::is_table_separator(cells)
                    })
                    .map(|((number, raw), cells)| (*number, raw.as_str(), cells))
                    .collect();
                self.task_table(&layout, &task_rows);
                true
            } else {
                false
            }
        };
        if understood {
            self.mark_used();
        } else {
            for (number, raw) in &lines {
                self.keep(raw, *number);
            }
        }
    }

    /// Reads a register table; false when the header names no register. A table whose header
    /// names tasks (`names_tasks`) is no overall-progress or velocity table, whatever its other
    /// columns say. When the header would make a task table, with its title in column `title`, a
    /// register claims it only if the register's own column (`Risk`, `Blocker`, `Issue`…) comes
    /// no later than that title: the rows are risks or blockers then (`| ID | Blocker | Task |`),
    /// whereas in `| Task | Owner | Status | Risk |` the risk is a field of each task.
    fn table_rows(
        &mut self,
        header: &[String],
        rows: &[Row],
        number: usize,
        (names_tasks, title): (bool, Option<usize>),
    ) -> bool {
        let has = |name: &str| header.iter().any(|h| h.contains(name));
        let names_rows = |name: &str| {
            header
                .iter()
                .position(|h| h.contains(name))
                .is_some_and(|at| title.is_none_or(|title| at <= title))
        };
        if names_rows("blocker") {
            for row in rows {
                let blocker = Blocker {
                    id: row.get(&["id"]),
                    title: row.get(&["blocker"]),
                    task: Some(TaskId(row.get(&["task"]))).filter(|t| !t.0.is_empty()),
                    impact: row.get(&["impact"]),
                    status: row.get(&["status"]),
                    resolution: row.get(&["resolution"]),
                    phase: None,
                };
                self.plan.blockers.push(blocker);
                let phase = row.get(&["phase", "module"]);
                self.register_phases
                    .push((true, self.plan.blockers.len() - 1, phase, number));
            }
        } else if names_rows("issue") {
            for row in rows {
                self.plan.known_issues.push(KnownIssue {
                    id: row.get(&["id"]),
                    title: row.get(&["issue"]),
                    severity: row.get(&["severity"]),
                    status: row.get(&["status"]),
                    fix: row.get(&["fix"]),
                    phase: None,
                });
                let phase = row.get(&["phase", "module"]);
                self.register_phases
                    .push((false, self.plan.known_issues.len() - 1, phase, number));
            }
        } else if names_rows("update") && has("date") {
            for row in rows {
                push_filled(
                    &mut self.plan.update_log,
                    LogEntry {
                        date: date(&row.get(&["date"])),
                        text: row.get(&["update"]),
                        author: row.get(&["by", "author"]),
                    },
                );
            }
        } else if has("planned") && !names_tasks {
            for row in rows {
                let number_in = |names: &[&str]| row.get(names).parse::<f64>().ok();
                self.plan.velocity.push(VelocityRecord {
                    period: row.get(&["period", "week"]),
                    week: row.get(&["week"]).parse().ok(),
                    sprint: None,
                    planned: number_in(&["planned"]),
                    completed: number_in(&["completed"]),
                    blocked: number_in(&["blocked"]),
                    unit: row.get(&["unit"]),
                });
                let sprint = row.get(&["sprint"]);
                if !sprint.is_empty() {
                    self.velocity_sprints
                        .push((self.plan.velocity.len() - 1, sprint, number));
                }
            }
        } else if names_rows("metric") {
            for row in rows {
                push_filled(
                    &mut self.plan.metrics,
                    Metric {
                        name: row.get(&["metric"]),
                        target: row.get(&["target"]),
                        current: row.get(&["current"]),
                        group: row.get(&["group"]),
                    },
                );
            }
        } else if names_rows("risk") {
            for row in rows {
                push_filled(
                    &mut self.plan.risks,
                    Risk {
                        title: row.get(&["risk"]),
                        likelihood: row.get(&["likelihood"]),
                        impact: row.get(&["impact"]),
                        mitigation: row.get(&["mitigation"]),
                    },
                );
            }
        } else if names_rows("review") {
            for row in rows {
                push_filled(
                    &mut self.plan.reviews,
                    Cadence {
                        text: row.get(&["review"]),
                        group: row.get(&["group"]),
                    },
                );
            }
        } else if names_rows("url") {
            for row in rows {
                push_filled(
                    &mut self.plan.links,
                    Link {
                        label: row.get(&["link", "label", "resource"]),
                        url: row.get(&["url"]),
                    },
                );
            }
        } else if has("task") && has("from") && has("to") {
            for row in rows {
                let Ok(at) = row.get(&["at"]).parse() else {
                    self.report.warn(
                        Some(number),
                        "a status change without a valid time was skipped",
                    );
                    continue;
                };
                self.plan.status_history.push(StatusChange {
                    task: TaskId(row.get(&["task"])),
                    from: StatusKey(row.get(&["from"])),
                    to: StatusKey(row.get(&["to"])),
                    at,
                });
            }
        } else if (has("phase") || has("module")) && !names_tasks {
            self.progress_rows(rows, number);
        } else {
            return false;
        }
        true
    }

    /// An overall-progress table: one phase per row, merged later with the phase's own heading.
    fn progress_rows(&mut self, rows: &[Row], number: usize) {
        let named_by_module = rows[..]
            .first()
            .is_some_and(|row| row.header.iter().any(|h| h.contains("module")));
        for row in rows {
            let name = if named_by_module {
                row.get(&["module"])
            } else {
                row.get(&["phase", "name"])
            };
            if name.is_empty() {
                continue;
            }
            let status_text = row.get(&["status"]);
            let status = (!status_text.is_empty()).then(|| self.status_key(&status_text, number));
            let index = if let Some(index) = self.phase_named(&name.to_lowercase()) {
                index
            } else {
                let id = self.free_phase_id(super::headings::slug(&name));
                self.plan.phases.push(Phase {
                    id,
                    name: name.clone(),
                    ..Phase::default()
                });
                self.from_table.push(true);
                self.plan.phases.len() - 1
            };
            let phase = &mut self.plan.phases[index];
            if status.is_some() {
                phase.status = status;
            }
            if let Some(start) = date(&row.get(&["start"])) {
                phase.start = Some(start);
            }
            if let Some(end) = date(&row.get(&["end"])) {
                phase.end = Some(end);
            }
        }
    }
}

impl Builder {
    /// `id`, or the first free `id-2`, `id-3`… when a phase already has it: rows named "2" and
    /// "2%" are two phases.
    fn free_phase_id(&mut self, id: String) -> PhaseId {
        if self.phase_with_id(&id).is_none() {
            return PhaseId(id);
        }
        let mut n = 2;
        while self.phase_with_id(&format!("{id}-{n}")).is_some() {
            n += 1;
        }
        PhaseId(format!("{id}-{n}"))
    }
}

/// Adds a register entry unless the row gave it nothing (its cells were under columns the
/// register does not read): an empty entry would be written as a row of blanks, which is skipped.
fn push_filled<T: Default + PartialEq>(entries: &mut Vec<T>, entry: T) {
    if entry != T::default() {
        entries.push(entry);
    }
}
