//! Writing a plan as Markdown that [`super::import_markdown`] reads back to the same plan.

use super::headings::{self, Kind};
use super::inline;
use super::resolve::automatic_id;
use super::titles;
use super::values::one_line;
use super::{NOTE_END, note_start};
use crate::model::{
    Milestone, NoteSection, Phase, Plan, Sprint, StatusCategory, StatusDef, StatusKey, Task,
    TaskId, WeekRange, default_legend,
};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Writes the plan as a Markdown document.
pub fn export_markdown(plan: &Plan) -> String {
    let mut out = Writer::default();
    header(&mut out, plan);
    if plan.legend != default_legend() {
        legend(&mut out, plan);
    }
    if !plan.sprints.is_empty() {
        out.heading(2, titles::title(plan, "sprints"));
        out.blank();
        for sprint in &plan.sprints {
            sprint_block(&mut out, &plan.legend, sprint);
        }
    }
    TaskWalk::new(plan).write(&mut out);
    if !plan.milestones.is_empty() {
        out.heading(2, titles::title(plan, "milestones"));
        out.blank();
        for milestone in &plan.milestones {
            milestone_block(&mut out, plan, milestone);
        }
    }
    registers(&mut out, plan);
    out.finish(&plan.notes)
}

/// The document being written, with the places where note sections may go.
struct Writer {
    text: String,
    /// The anchor the importer would have read last at this point of the text.
    anchor: String,
    /// Places before a section heading where notes may go.
    places: Vec<Place>,
    /// Where the text stood right after the last heading that names nothing ("## Sprints").
    after_heading: usize,
    /// Whether the text being written belongs to the anchor's block (its heading or a heading
    /// under it came last), rather than to a section that names nothing ("## Tasks").
    in_block: bool,
}

impl Default for Writer {
    fn default() -> Self {
        Self {
            text: String::new(),
            anchor: String::new(),
            places: Vec::new(),
            after_heading: 0,
            in_block: true,
        }
    }
}

/// A place before a section heading (or the end of the document).
struct Place {
    /// Where in the text.
    offset: usize,
    /// The anchor read before it.
    anchor: String,
    /// Whether the anchor's block ends here (a phase heading written again for another group of
    /// its tasks goes on with the block; a section that names nothing is no block).
    ends_block: bool,
}

impl Writer {
    /// Writes a heading; a top-level or anchoring heading is a place where notes may go, unless
    /// it comes right under a heading that names nothing ("## Sprints" then "### Sprint 1").
    fn heading(&mut self, level: usize, text: &str) {
        let anchor = headings::anchor(&headings::analyse(text));
        let right_under =
            self.after_heading > 0 && self.text[self.after_heading..].trim().is_empty();
        if (level <= 2 || anchor.is_some()) && !right_under {
            self.places.push(Place {
                offset: self.text.len(),
                anchor: self.anchor.clone(),
                ends_block: self.in_block && anchor.as_ref() != Some(&self.anchor),
            });
        }
        let names_nothing = anchor.is_none();
        if let Some(anchor) = anchor {
            self.anchor = anchor;
            self.in_block = true;
        } else if level <= 2 {
            self.in_block = false;
        }
        self.line(&format!("{} {text}", "#".repeat(level)));
        if names_nothing {
            self.after_heading = self.text.len();
        }
    }

    /// Puts each note section back at the end of its anchor's last block, keeping the notes'
    /// order. A note whose anchor has no block left follows the note before it and names its
    /// anchor.
    fn finish(mut self, notes: &[NoteSection]) -> String {
        self.places.push(Place {
            offset: self.text.len(),
            anchor: self.anchor.clone(),
            ends_block: self.in_block,
        });
        let mut placed: Vec<(usize, String)> = Vec::with_capacity(notes.len());
        let mut from = 0;
        for note in notes {
            let found = (from..self.places.len()).rfind(|&at| {
                let place = &self.places[at];
                place.anchor == note.after && place.ends_block
            });
            let at = found.unwrap_or(from);
            from = at;
            placed.push((self.places[at].offset, note_text(note, found.is_none())));
        }
        let mut text = String::with_capacity(self.text.len());
        let mut copied = 0;
        for (offset, note) in placed {
            text.push_str(&self.text[copied..offset]);
            copied = offset;
            if !text.is_empty() && !text.ends_with("\n\n") {
                text.push('\n');
            }
            text.push_str(&note);
        }
        text.push_str(&self.text[copied..]);
        text
    }

    fn line(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
    }

    fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    fn field(&mut self, indent: &str, key: &str, value: &str) {
        let bullet = if indent.is_empty() && !key.is_empty() {
            String::new()
        } else {
            format!("{indent}- ")
        };
        let _ = writeln!(self.text, "{bullet}**{key}**: {}", one_line(value));
    }

    fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        self.line(&format!("| {} |", header.join(" | ")));
        self.line(&format!("|{}", "---|".repeat(header.len())));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
            self.line(&format!("| {} |", cells.join(" | ")));
        }
        self.blank();
    }
}

/// A note section between Waymark's markers, followed by a blank line.
fn note_text(note: &NoteSection, name_anchor: bool) -> String {
    let mut text = String::new();
    if note.level > 0 {
        let _ = writeln!(
            text,
            "{} {}",
            "#".repeat(usize::from(note.level)),
            note.heading
        );
    }
    let _ = writeln!(text, "{}", note_start(&note.after, name_anchor));
    if !note.body.is_empty() {
        let _ = writeln!(text, "{}", note.body);
    }
    let _ = writeln!(text, "{NOTE_END}\n");
    text
}

fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn ids<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn header(out: &mut Writer, plan: &Plan) {
    let meta = &plan.meta;
    if !meta.title.is_empty() {
        out.line(&format!("# {}", meta.title));
        out.blank();
    }
    if !meta.description.is_empty() {
        out.field("", "Description", &meta.description);
    }
    if let Some(updated) = meta.updated {
        out.line(&format!("Last Updated: {updated}"));
    }
    if !meta.current.is_empty() {
        out.field("", "Current", &meta.current);
    }
    if let Some(start) = meta.start {
        out.field("", "Start", &start.to_string());
    }
    if (meta.hours_per_day - 8.0).abs() > f64::EPSILON {
        out.field("", "Hours per day", &meta.hours_per_day.to_string());
    }
    for entry in &meta.extra {
        out.field("", &entry.key, &entry.value);
    }
    out.blank();
}

fn legend(out: &mut Writer, plan: &Plan) {
    out.heading(2, "Status Legend");
    out.blank();
    let rows: Vec<Vec<String>> = plan
        .legend
        .iter()
        .map(|s| {
            let [r, g, b] = s.color;
            vec![
                s.key.to_string(),
                s.label.clone(),
                s.category.label().to_owned(),
                format!("#{r:02x}{g:02x}{b:02x}"),
                s.aliases.join("; "),
                s.description.clone(),
            ]
        })
        .collect();
    out.table(
        &[
            "Key",
            "Label",
            "Category",
            "Colour",
            "Also written as",
            "Description",
        ],
        &rows,
    );
}

/// A heading the importer reads back as `kind` with this name and id.
fn structure_heading(
    legend: &[StatusDef],
    kind: &Kind,
    word: &str,
    name: &str,
    id: &str,
    weeks: Option<WeekRange>,
    version: &str,
) -> String {
    let plain = headings::analyse(name);
    let mut text = if plain.kind == *kind && plain.name == name && plain.weeks.is_none() {
        name.to_owned()
    } else {
        format!("{word}: {name}")
    };
    if !version.is_empty() {
        let _ = write!(text, " ({version})");
    }
    if let Some(weeks) = weeks {
        if weeks.first == weeks.last {
            let _ = write!(text, " (Week {})", weeks.first);
        } else {
            let _ = write!(text, " (Week {}-{})", weeks.first, weeks.last);
        }
    }
    // A status word or emoji at either end would be read as the heading's status, not its name
    // (`Phase: Payments 🔄`): an id after it keeps it in the name.
    let status_at_end = !id.is_empty() && inline::split_status_word(legend, &text).is_some();
    if status_at_end || headings::analyse(&text).id != id {
        let _ = write!(text, " {{#{id}}}");
    }
    text
}

fn version_in_heading(version: &str) -> bool {
    let heading = headings::analyse(&format!("Sprint 1 ({version})"));
    !version.is_empty() && heading.version == version
}

fn sprint_block(out: &mut Writer, legend: &[StatusDef], sprint: &Sprint) {
    let in_heading = version_in_heading(&sprint.version);
    let version = if in_heading {
        sprint.version.as_str()
    } else {
        ""
    };
    out.heading(
        3,
        &structure_heading(
            legend,
            &Kind::Sprint,
            "Sprint",
            &sprint.name,
            sprint.id.as_str(),
            sprint.weeks,
            version,
        ),
    );
    out.blank();
    if !in_heading && !sprint.version.is_empty() {
        out.field("", "Version", &sprint.version);
    }
    if !sprint.goal.is_empty() {
        out.field("", "Goal", &sprint.goal);
    }
    if let Some(start) = sprint.start {
        out.field("", "Start", &start.to_string());
    }
    if let Some(end) = sprint.end {
        out.field("", "End", &end.to_string());
    }
    if let Some(hours) = sprint.capacity_hours {
        out.field("", "Capacity", &format!("{hours}h"));
    }
    if sprint.closed {
        out.field("", "Closed", "yes");
    }
    out.blank();
}

fn sprint_heading(legend: &[StatusDef], sprint: &Sprint) -> String {
    let version = if version_in_heading(&sprint.version) {
        sprint.version.as_str()
    } else {
        ""
    };
    structure_heading(
        legend,
        &Kind::Sprint,
        "Sprint",
        &sprint.name,
        sprint.id.as_str(),
        sprint.weeks,
        version,
    )
}

fn phase_heading(legend: &[StatusDef], phase: &Phase) -> String {
    structure_heading(
        legend,
        &Kind::Phase,
        "Phase",
        &phase.name,
        phase.id.as_str(),
        phase.weeks,
        "",
    )
}

fn phase_fields(out: &mut Writer, phase: &Phase) {
    if let Some(status) = &phase.status {
        out.field("", "Status", status.as_str());
    }
    if let Some(start) = phase.start {
        out.field("", "Start", &start.to_string());
    }
    if let Some(end) = phase.end {
        out.field("", "End", &end.to_string());
    }
    if !phase.depends_on.is_empty() {
        out.field("", "Depends on", &ids(&phase.depends_on));
    }
    if !phase.description.is_empty() {
        out.field("", "Description", &phase.description);
    }
    if !phase.notes.is_empty() {
        out.field("", "Notes", &phase.notes);
    }
    for field in &phase.fields {
        out.field("", &field.name, &field.value);
    }
}

fn milestone_block(out: &mut Writer, plan: &Plan, milestone: &Milestone) {
    let weeks = milestone.week.map(|week| WeekRange {
        first: week,
        last: week,
    });
    out.heading(
        3,
        &structure_heading(
            &plan.legend,
            &Kind::Milestone,
            "Milestone",
            &milestone.name,
            milestone.id.as_str(),
            weeks,
            "",
        ),
    );
    out.blank();
    if let Some(date) = milestone.date {
        out.field("", "Date", &date.to_string());
    }
    if !milestone.phases.is_empty() {
        out.field("", "Phases", &ids(&milestone.phases));
    }
    if !milestone.tasks.is_empty() {
        out.field("", "Tasks", &ids(&milestone.tasks));
    }
    for item in &milestone.criteria {
        out.line(&format!(
            "- [{}] {}",
            if item.done { 'x' } else { ' ' },
            item.text
        ));
    }
    let _ = plan;
    out.blank();
}

/// Where a top-level task line sits: its phase (or, without one, its sprint) and its group.
#[derive(Clone, PartialEq, Eq)]
struct Container<'a> {
    phase: Option<usize>,
    sprint: Option<usize>,
    group: &'a str,
}

struct TaskWalk<'a> {
    plan: &'a Plan,
    phase_index: HashMap<&'a str, usize>,
    sprint_index: HashMap<&'a str, usize>,
    emitted: Vec<bool>,
}

impl<'a> TaskWalk<'a> {
    fn new(plan: &'a Plan) -> Self {
        Self {
            plan,
            phase_index: plan
                .phases
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i))
                .collect(),
            sprint_index: plan
                .sprints
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), i))
                .collect(),
            emitted: vec![false; plan.phases.len()],
        }
    }

    fn container(&self, task: &'a Task) -> Container<'a> {
        let phase = task
            .phase
            .as_ref()
            .and_then(|p| self.phase_index.get(p.as_str()).copied());
        let sprint = if phase.is_none() {
            task.sprint
                .as_ref()
                .and_then(|s| self.sprint_index.get(s.as_str()).copied())
        } else {
            None
        };
        Container {
            phase,
            sprint,
            group: &task.group,
        }
    }

    fn emit_phase(&mut self, out: &mut Writer, index: usize) {
        let phase = &self.plan.phases[index];
        out.heading(2, &phase_heading(&self.plan.legend, phase));
        out.blank();
        if !self.emitted[index] {
            self.emitted[index] = true;
            phase_fields(out, phase);
            out.blank();
        }
    }

    fn open(&mut self, out: &mut Writer, container: &Container) {
        let mut level = 3;
        if let Some(phase) = container.phase {
            for earlier in 0..phase {
                if !self.emitted[earlier] {
                    self.emit_phase(out, earlier);
                }
            }
            self.emit_phase(out, phase);
        } else if let Some(sprint) = container.sprint {
            out.heading(
                2,
                &sprint_heading(&self.plan.legend, &self.plan.sprints[sprint]),
            );
            out.blank();
        } else if container.group.is_empty() {
            out.heading(2, "Tasks");
            out.blank();
        } else {
            level = 2;
        }
        if !container.group.is_empty() {
            for segment in container.group.split(" / ") {
                out.heading(level, segment);
                level += 1;
            }
            out.blank();
        }
    }

    fn write(mut self, out: &mut Writer) {
        let plan = self.plan;
        let mut current: Option<Container> = None;
        let mut ancestors: Vec<&TaskId> = Vec::new();
        let mut sprints: Vec<Option<&crate::model::SprintId>> = Vec::new();
        for (index, task) in plan.tasks.iter().enumerate() {
            let container = self.container(task);
            let same = current.as_ref() == Some(&container);
            let nest_at = task.parent.as_ref().filter(|_| same).and_then(|parent| {
                let at = ancestors.iter().rposition(|id| *id == parent)?;
                (task.sprint.is_some() || task.sprint.as_ref() == sprints[at]).then_some(at)
            });
            let context_sprint = if let Some(at) = nest_at {
                ancestors.truncate(at + 1);
                sprints.truncate(at + 1);
                sprints[at]
            } else {
                if !same {
                    self.open(out, &container);
                    current = Some(container.clone());
                }
                ancestors.clear();
                sprints.clear();
                container.sprint.map(|s| &plan.sprints[s].id)
            };
            let depth = ancestors.len();
            task_lines(
                out,
                plan,
                task,
                index,
                depth,
                context_sprint,
                nest_at.is_none(),
            );
            ancestors.push(&task.id);
            sprints.push(task.sprint.as_ref());
        }
        if current.is_some() {
            out.blank();
        }
        for index in 0..plan.phases.len() {
            if !self.emitted[index] {
                self.emit_phase(out, index);
            }
        }
    }
}

fn checkbox(plan: &Plan, status: &StatusKey) -> (char, Option<StatusKey>) {
    let done = plan.category(status) == StatusCategory::Done;
    let order = if done { ['x', ' '] } else { [' ', 'x'] };
    for mark in order {
        let category = if mark == 'x' {
            StatusCategory::Done
        } else {
            StatusCategory::NotStarted
        };
        if let Some(implied) = plan.first_status_in(category) {
            return (mark, Some(implied.clone()));
        }
    }
    (' ', None)
}

fn task_lines(
    out: &mut Writer,
    plan: &Plan,
    task: &Task,
    index: usize,
    depth: usize,
    context_sprint: Option<&crate::model::SprintId>,
    top_level: bool,
) {
    let indent = "  ".repeat(depth);
    let (mark, implied) = checkbox(plan, &task.status);
    let mut line = format!("{indent}- [{mark}] {}", task.title);
    if task.id.as_str() != automatic_id(index) {
        let _ = write!(line, " {{#{}}}", task.id);
    }
    out.line(&line);
    let sub = format!("{indent}  ");
    if implied.as_ref() != Some(&task.status) {
        out.field(&sub, "Status", task.status.as_str());
    }
    if let Some(priority) = task.priority {
        out.field(&sub, "Priority", &priority.to_string());
    }
    if !task.owner.is_empty() {
        out.field(&sub, "Owner", &task.owner);
    }
    if task.sprint.as_ref() != context_sprint
        && let Some(sprint) = &task.sprint
    {
        out.field(&sub, "Sprint", sprint.as_str());
    }
    let estimate = [
        task.estimate.hours.map(|h| format!("{h}h")),
        task.estimate.points.map(|p| format!("{p} pts")),
    ];
    let estimate: Vec<String> = estimate.into_iter().flatten().collect();
    if !estimate.is_empty() {
        out.field(&sub, "Estimate", &estimate.join(", "));
    }
    for (key, date) in [
        ("Start", task.start),
        ("Due", task.due),
        ("Completed", task.completed),
    ] {
        if let Some(date) = date {
            out.field(&sub, key, &date.to_string());
        }
    }
    if !task.depends_on.is_empty() {
        out.field(&sub, "Depends on", &ids(&task.depends_on));
    }
    if top_level && let Some(parent) = &task.parent {
        out.field(&sub, "Parent", parent.as_str());
    }
    for (key, text) in [
        ("Description", &task.description),
        ("Notes", &task.notes),
        ("Verification", &task.verification),
        ("Hints", &task.hints),
    ] {
        if !text.is_empty() {
            out.field(&sub, key, text);
        }
    }
    if !task.tags.is_empty() {
        out.field(&sub, "Tags", &task.tags.join(", "));
    }
    if !task.artifacts.is_empty() {
        out.field(&sub, "Artifacts", &task.artifacts.join(" | "));
    }
    for field in &task.fields {
        out.field(&sub, &field.name, &field.value);
    }
    if !task.checklist.is_empty() {
        out.field(&sub, "Acceptance Criteria", "");
        for item in &task.checklist {
            out.line(&format!(
                "{sub}  - [{}] {}",
                if item.done { 'x' } else { ' ' },
                item.text
            ));
        }
    }
}

fn registers(out: &mut Writer, plan: &Plan) {
    let section = |out: &mut Writer, title: &str, header: &[&str], rows: Vec<Vec<String>>| {
        if !rows.is_empty() {
            out.heading(2, title);
            out.blank();
            out.table(header, &rows);
        }
    };
    let opt = |id: Option<&dyn std::fmt::Display>| id.map(ToString::to_string).unwrap_or_default();
    section(
        out,
        titles::title(plan, "velocity"),
        &[
            "Period",
            "Week",
            "Sprint",
            "Planned",
            "Completed",
            "Blocked",
            "Unit",
        ],
        plan.velocity
            .iter()
            .map(|v| {
                vec![
                    v.period.clone(),
                    v.week.map(|w| w.to_string()).unwrap_or_default(),
                    opt(v.sprint.as_ref().map(|s| s as &dyn std::fmt::Display)),
                    number(v.planned),
                    number(v.completed),
                    number(v.blocked),
                    v.unit.clone(),
                ]
            })
            .collect(),
    );
    section(
        out,
        titles::title(plan, "blockers"),
        &[
            "ID",
            "Blocker",
            "Phase",
            "Task",
            "Impact",
            "Status",
            "Resolution",
        ],
        plan.blockers
            .iter()
            .map(|b| {
                vec![
                    b.id.clone(),
                    b.title.clone(),
                    opt(b.phase.as_ref().map(|p| p as &dyn std::fmt::Display)),
                    opt(b.task.as_ref().map(|t| t as &dyn std::fmt::Display)),
                    b.impact.clone(),
                    b.status.clone(),
                    b.resolution.clone(),
                ]
            })
            .collect(),
    );
    section(
        out,
        titles::title(plan, "known-issues"),
        &["ID", "Issue", "Phase", "Severity", "Status", "Fix"],
        plan.known_issues
            .iter()
            .map(|k| {
                vec![
                    k.id.clone(),
                    k.title.clone(),
                    opt(k.phase.as_ref().map(|p| p as &dyn std::fmt::Display)),
                    k.severity.clone(),
                    k.status.clone(),
                    k.fix.clone(),
                ]
            })
            .collect(),
    );
    section(
        out,
        titles::title(plan, "risks"),
        &["Risk", "Likelihood", "Impact", "Mitigation"],
        plan.risks
            .iter()
            .map(|r| {
                vec![
                    r.title.clone(),
                    r.likelihood.clone(),
                    r.impact.clone(),
                    r.mitigation.clone(),
                ]
            })
            .collect(),
    );
    section(
        out,
        titles::title(plan, "metrics"),
        &["Metric", "Target", "Current", "Group"],
        plan.metrics
            .iter()
            .map(|m| {
                vec![
                    m.name.clone(),
                    m.target.clone(),
                    m.current.clone(),
                    m.group.clone(),
                ]
            })
            .collect(),
    );
    section(
        out,
        titles::title(plan, "reviews"),
        &["Review", "Group"],
        plan.reviews
            .iter()
            .map(|r| vec![r.text.clone(), r.group.clone()])
            .collect(),
    );
    section(
        out,
        titles::title(plan, "links"),
        &["Link", "URL"],
        plan.links
            .iter()
            .map(|l| vec![l.label.clone(), l.url.clone()])
            .collect(),
    );
    section(
        out,
        titles::title(plan, "update-log"),
        &["Date", "Update", "By"],
        plan.update_log
            .iter()
            .map(|e| {
                vec![
                    opt(e.date.as_ref().map(|d| d as &dyn std::fmt::Display)),
                    e.text.clone(),
                    e.author.clone(),
                ]
            })
            .collect(),
    );
    section(
        out,
        titles::title(plan, "status-history"),
        &["Task", "From", "To", "At"],
        plan.status_history
            .iter()
            .map(|c| {
                vec![
                    c.task.to_string(),
                    c.from.to_string(),
                    c.to.to_string(),
                    c.at.format("%Y-%m-%dT%H:%M:%S%.f").to_string(),
                ]
            })
            .collect(),
    );
    if !plan.ideas.is_empty() {
        out.heading(2, titles::title(plan, "ideas"));
        out.blank();
        for idea in &plan.ideas {
            out.line(&format!(
                "- [{}] {}",
                if idea.done { 'x' } else { ' ' },
                idea.text
            ));
        }
        out.blank();
    }
}
