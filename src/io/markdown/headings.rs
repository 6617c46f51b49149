//! What a heading names: a phase, a sprint, a milestone, a known section, or just a group.

use crate::model::WeekRange;

/// The sections Waymark recognises by their heading words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Section {
    /// "Status Legend".
    Legend,
    /// "Velocity Tracking".
    Velocity,
    /// "Blockers", "Active Blockers".
    Blockers,
    /// "Known Issues".
    KnownIssues,
    /// "Update Log", "Changelog".
    UpdateLog,
    /// "Status History".
    StatusHistory,
    /// "Key Metrics".
    Metrics,
    /// "Weekly Reviews", "Checkpoints & Reviews".
    Reviews,
    /// "Risk Management".
    Risks,
    /// "Ideas / Future Enhancements".
    Ideas,
    /// "Resources & Links".
    Links,
    /// "Notes" (a phase's notes when inside a phase).
    Notes,
}

/// What kind of heading it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// "Phase 1: Foundation", "Module 0: …", "Epic 2", "Current Phase: Planning".
    Phase,
    /// "Sprint 2: … (v0.5.0)", "Iteration 3".
    Sprint,
    /// "Milestone 3: CRM Ready (Week 6)".
    Milestone,
    /// A recognised register or legend section.
    Section(Section),
    /// A heading that only holds other things: "Tasks", "Milestones", "Sprints", "Phases".
    Neutral,
    /// Anything else: a group of tasks, a task itself (when it has a status field) or a note.
    Generic,
}

/// A heading, analysed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Heading {
    /// What it is.
    pub kind: Kind,
    /// The name: the text without leading emoji, trailing `(Week …)`/`(v…)` and `{#id}`.
    pub name: String,
    /// The id the heading gives, explicit (`{#id}`) or made from its words (`Module 0` → `module-0`).
    pub id: String,
    /// `(Week 3-4)`.
    pub weeks: Option<WeekRange>,
    /// `(v0.5.0)`.
    pub version: String,
}

const PHASE_WORDS: [&str; 4] = ["phase", "module", "epic", "stage"];
const SPRINT_WORDS: [&str; 2] = ["sprint", "iteration"];
const CURRENT: &str = "current phase:";

/// Analyses a heading's text.
pub(super) fn analyse(text: &str) -> Heading {
    let (text, explicit_id) = split_explicit_id(text);
    let mut name = strip_decoration(text).to_owned();
    let mut weeks = None;
    let mut version = String::new();
    while let Some(open) = name.ends_with(')').then(|| name.rfind('(')).flatten() {
        let inner = name[open + 1..name.len() - 1].trim().to_owned();
        if let Some(range) = week_range(&inner).filter(|_| weeks.is_none()) {
            weeks = Some(range);
        } else if is_version(&inner) && version.is_empty() {
            version = inner;
        } else {
            break;
        }
        name.truncate(open);
        name = name.trim_end().to_owned();
    }
    let (kind, mut id, name) = classify_name(&name);
    if let Some(explicit) = explicit_id {
        explicit.clone_into(&mut id);
    }
    Heading {
        kind,
        name,
        id,
        weeks,
        version,
    }
}

fn classify_name(name: &str) -> (Kind, String, String) {
    let lower = name.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches(':');
    let structural = if PHASE_WORDS.contains(&first) {
        Some((Kind::Phase, ""))
    } else if SPRINT_WORDS.contains(&first) {
        Some((Kind::Sprint, ""))
    } else if first == "milestone" {
        Some((Kind::Milestone, "m"))
    } else {
        None
    };
    if let Some((kind, short)) = structural {
        // "Phase 1: Foundation" is numbered; "Phase: 1 Foundation" is named.
        let colon = lower
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with(':'));
        if let Some(number) = number_after_word(name).filter(|_| !colon) {
            let prefix = if short.is_empty() {
                format!("{first}-")
            } else {
                short.to_owned()
            };
            return (kind, format!("{prefix}{number}"), name.to_owned());
        }
        if let Some((_, rest)) = name
            .split_once(':')
            .filter(|(head, _)| head.trim().eq_ignore_ascii_case(first) && !head.contains(' '))
        {
            let rest = rest.trim();
            return (kind, slug(rest), rest.to_owned());
        }
    }
    if let Some(rest) = name
        .get(..CURRENT.len())
        .filter(|head| head.eq_ignore_ascii_case(CURRENT))
        .map(|_| name[CURRENT.len()..].trim())
    {
        return (Kind::Phase, slug(rest), rest.to_owned());
    }
    let kind = match lower.as_str() {
        "tasks" | "milestones" | "sprints" | "phases" | "modules" => Kind::Neutral,
        _ => section_of(&lower).map_or(Kind::Generic, Kind::Section),
    };
    (kind, slug(name), name.to_owned())
}

fn section_of(lower: &str) -> Option<Section> {
    let has = |word: &str| lower.contains(word);
    Some(if has("legend") {
        Section::Legend
    } else if has("velocity") {
        Section::Velocity
    } else if has("blocker") {
        Section::Blockers
    } else if has("known issue") {
        Section::KnownIssues
    } else if has("update log") || has("changelog") || has("change log") {
        Section::UpdateLog
    } else if has("status history") {
        Section::StatusHistory
    } else if has("metric") {
        Section::Metrics
    } else if has("risk") {
        Section::Risks
    } else if has("review") || has("checkpoint") {
        Section::Reviews
    } else if has("idea") || has("future enhancement") {
        Section::Ideas
    } else if has("link") || has("resource") {
        Section::Links
    } else if lower == "notes" {
        Section::Notes
    } else {
        return None;
    })
}

/// The number right after the first word: "Module 0: Foundation" → "0".
fn number_after_word(name: &str) -> Option<String> {
    let mut words = name.split_whitespace();
    words.next()?;
    let word = words.next()?.trim_end_matches([':', '.', ',']);
    (!word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .then(|| word.to_owned())
}

/// Splits a trailing `{#id}` off.
pub(super) fn split_explicit_id(text: &str) -> (&str, Option<&str>) {
    let trimmed = text.trim_end();
    if let Some(open) = trimmed
        .ends_with('}')
        .then(|| trimmed.rfind("{#"))
        .flatten()
    {
        let id = trimmed[open + 2..trimmed.len() - 1].trim();
        if !id.is_empty() && !id.contains(char::is_whitespace) {
            return (trimmed[..open].trim_end(), Some(id));
        }
    }
    (trimmed, None)
}

/// A checkbox item's id written in bold before its title: `**R2.1 (api)** Ship the client` gives
/// ("Ship the client", "R2.1", Some("api")). The bold text must look like an id (letters, then a
/// number, with dots or dashes: `M03`, `R2.1`, `API-12`), optionally followed by a word in
/// parentheses, and a title must follow.
pub(super) fn split_bold_id(text: &str) -> Option<(&str, &str, Option<&str>)> {
    let rest = text.trim_start().strip_prefix("**")?;
    let end = rest.find("**")?;
    let (inside, title) = (rest[..end].trim(), rest[end + 2..].trim());
    let title = title.trim_start_matches([':', '—', '–', '-']).trim();
    if title.is_empty() {
        return None;
    }
    let (id, tag) = match inside.split_once('(') {
        Some((id, tag)) => {
            let tag = tag.strip_suffix(')')?.trim();
            (id.trim(), (!tag.is_empty()).then_some(tag))
        }
        None => (inside, None),
    };
    looks_like_id(id).then_some((title, id, tag))
}

/// A heading that starts with an id and a dash: `M03 — Billing` gives ("Billing", "M03"); decimal
/// ids such as `M03.1` are kept.
pub(super) fn split_dash_id(text: &str) -> Option<(&str, &str)> {
    let (id, title) = [" — ", " – ", " - ", ": "]
        .iter()
        .filter_map(|dash| text.split_once(dash))
        .min_by_key(|(id, _)| id.len())?;
    let (id, title) = (id.trim(), title.trim());
    (looks_like_id(id) && !title.is_empty()).then_some((title, id))
}

/// `M03`, `R2.1`, `API-12`, `T_7`: letters first, then digits, with dots, dashes or underscores
/// between numbers; nothing else.
fn looks_like_id(text: &str) -> bool {
    let letters = text.chars().take_while(char::is_ascii_alphabetic).count();
    let rest = &text[letters..];
    let rest = rest.strip_prefix(['-', '_']).unwrap_or(rest);
    (1..=10).contains(&letters)
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
        && !rest.ends_with(['.', '-', '_'])
}

/// Drops leading emoji and symbols ("🚀 Module 0" → "Module 0").
pub(super) fn strip_decoration(text: &str) -> &str {
    text.trim_start_matches(|c: char| c.is_whitespace() || (!c.is_ascii() && !c.is_alphanumeric()))
        .trim_end()
}

/// "Week 3-4", "Weeks 3–4", "Week 2".
pub(super) fn week_range(text: &str) -> Option<WeekRange> {
    let lower = text.to_lowercase();
    let rest = lower
        .strip_prefix("weeks")
        .or_else(|| lower.strip_prefix("week"))?
        .trim();
    let (first, last) = if let Some((a, b)) = rest.split_once(['-', '–', '—']) {
        (a.trim().parse().ok()?, b.trim().parse().ok()?)
    } else {
        let week = rest.parse().ok()?;
        (week, week)
    };
    (first <= last).then_some(WeekRange { first, last })
}

fn is_version(text: &str) -> bool {
    let rest = text.strip_prefix(['v', 'V']).unwrap_or("");
    rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

/// A lower-case id made from words: "Bulk Sender" → "bulk-sender".
pub(super) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The anchor a heading sets for the note sections after it (see `NoteSection::after`): phases,
/// sprints, milestones and register sections set one; groups, "Tasks" and "Notes" do not.
pub(super) fn anchor(heading: &Heading) -> Option<String> {
    // The legend anchors notes too, though its heading wording is not kept.
    let section = |section: Section| {
        let name = match section {
            Section::Legend => "legend",
            other => super::titles::section_key(other)?,
        };
        Some(format!("section:{name}"))
    };
    match &heading.kind {
        Kind::Phase => Some(format!("phase:{}", heading.id)),
        Kind::Sprint => Some(format!("sprint:{}", heading.id)),
        Kind::Milestone => Some(format!("milestone:{}", heading.id)),
        Kind::Section(kind) => section(*kind),
        Kind::Neutral | Kind::Generic => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_ids_before_titles_are_read() {
        assert_eq!(
            split_bold_id("**R2.1 (api)** Ship the client"),
            Some(("Ship the client", "R2.1", Some("api")))
        );
        assert_eq!(
            split_bold_id("**M03**: Billing"),
            Some(("Billing", "M03", None))
        );
        assert_eq!(split_bold_id("**Session 1: Setup**"), None);
        assert_eq!(split_bold_id("**Setup** the database"), None);
        assert_eq!(split_bold_id("**R2.1**"), None, "an id alone is a title");
        assert_eq!(split_dash_id("M03 — Billing"), Some(("Billing", "M03")));
        assert_eq!(
            split_dash_id("M03.1 - Invoices"),
            Some(("Invoices", "M03.1"))
        );
        assert_eq!(split_dash_id("Phase two — Billing"), None);
    }

    #[test]
    fn recognises_structure_headings() {
        let module = analyse("🚀 Module 0: Foundation (Week 1-2)");
        assert_eq!(module.kind, Kind::Phase);
        assert_eq!(module.name, "Module 0: Foundation");
        assert_eq!(module.id, "module-0");
        assert_eq!(module.weeks, Some(WeekRange { first: 1, last: 2 }));
        let sprint = analyse("Sprint 2: User Authentication (v0.5.0) ");
        assert_eq!(
            (sprint.kind, sprint.id.as_str(), sprint.version.as_str()),
            (Kind::Sprint, "sprint-2", "v0.5.0")
        );
        let milestone = analyse("Milestone: Launch (Week 6) {#m9}");
        assert_eq!(
            (
                milestone.kind,
                milestone.name.as_str(),
                milestone.id.as_str()
            ),
            (Kind::Milestone, "Launch", "m9")
        );
        // The colon form names the phase, even with a name that starts with a number.
        let named = analyse("Phase: 0 Launch");
        assert_eq!(
            (named.kind, named.name.as_str(), named.id.as_str()),
            (Kind::Phase, "0 Launch", "0-launch")
        );
        assert_eq!(analyse("📋 Current Phase: Planning").kind, Kind::Phase);
        assert_eq!(analyse("📝 Tasks").kind, Kind::Neutral);
        assert_eq!(analyse("1.1 Project Infrastructure").kind, Kind::Generic);
        assert_eq!(
            analyse("🐛 Blockers").kind,
            Kind::Section(Section::Blockers)
        );
    }
}
