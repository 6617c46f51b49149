//! The comment lines before a CSV header: plan metadata (`# Last Updated: …`) and note blocks
//! (`# Column Definitions:` followed by lines, up to a bare `#`).

use crate::model::{MetaEntry, NoteSection, Plan, PlanMeta};
use chrono::NaiveDate;

/// Reads the preamble's comment texts (already without `#`) into the plan's metadata and notes.
pub(super) fn read_preamble(texts: &[String], plan: &mut Plan) {
    let mut block: Option<NoteSection> = None;
    for (index, text) in texts.iter().enumerate() {
        let text = text.as_str();
        if text.trim().is_empty() {
            plan.notes.extend(block.take());
            continue;
        }
        if let Some(section) = block.as_mut() {
            push_line(&mut section.body, text);
            continue;
        }
        match key_value(text) {
            Some((key, "")) => {
                block = Some(NoteSection {
                    heading: key.to_owned(),
                    level: 2,
                    body: String::new(),
                    ..NoteSection::default()
                });
            }
            Some((key, value)) => set_meta(&mut plan.meta, key, value),
            None if index == 0 && plan.meta.title.is_empty() => {
                text.trim().clone_into(&mut plan.meta.title);
            }
            None => {
                block = Some(NoteSection {
                    heading: String::new(),
                    level: 0,
                    body: text.to_owned(),
                    ..NoteSection::default()
                });
            }
        }
    }
    plan.notes.extend(block);
}

/// The preamble for a plan: metadata as `# Key: value` lines, then each note as a block.
pub(super) fn write_preamble(plan: &Plan, out: &mut String) {
    let meta = &plan.meta;
    let mut line = |key: &str, value: &str| {
        let value = one_line(value);
        if !value.is_empty() {
            comment(out, &format!("{key}: {value}"));
        }
    };
    line("Title", &meta.title);
    line("Description", &meta.description);
    line(
        "Last Updated",
        &meta.updated.map(|d| d.to_string()).unwrap_or_default(),
    );
    line("Current Phase", &meta.current);
    line(
        "Start Date",
        &meta.start.map(|d| d.to_string()).unwrap_or_default(),
    );
    if (meta.hours_per_day - PlanMeta::default().hours_per_day).abs() > f64::EPSILON {
        line("Hours Per Day", &meta.hours_per_day.to_string());
    }
    for entry in &meta.extra {
        line(&entry.key, &entry.value);
    }
    for note in &plan.notes {
        out.push_str("#\n");
        if !note.heading.is_empty() {
            comment(out, &format!("{}:", one_line(&note.heading)));
        }
        for body_line in note.body.lines().filter(|l| !l.trim().is_empty()) {
            comment(out, body_line.trim_end());
        }
    }
}

/// Writes one `# text` comment line.
pub(super) fn comment(out: &mut String, text: &str) {
    out.push_str("# ");
    out.push_str(text);
    out.push('\n');
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn push_line(body: &mut String, line: &str) {
    if !body.is_empty() {
        body.push('\n');
    }
    body.push_str(line);
}

/// `KEY: value` when the key is a short label (words, no sentence), else `None`.
fn key_value(text: &str) -> Option<(&str, &str)> {
    let (key, value) = text.split_once(':')?;
    let key = key.trim();
    let label_like = !key.is_empty()
        && key.len() <= 40
        && key.chars().next().is_some_and(char::is_alphabetic)
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '/' | '&' | '(' | ')'));
    label_like.then(|| (key, value.trim()))
}

fn set_meta(meta: &mut PlanMeta, key: &str, value: &str) {
    let folded = key.to_lowercase().replace(['_', '-'], " ");
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
    match folded.as_str() {
        "title" => value.clone_into(&mut meta.title),
        "description" => value.clone_into(&mut meta.description),
        "last updated" | "updated" | "last update" if date.is_some() => meta.updated = date,
        "current phase" | "current sprint" | "current" => value.clone_into(&mut meta.current),
        "start date" | "plan start" if date.is_some() => meta.start = date,
        "hours per day" if value.parse::<f64>().is_ok_and(|h| h > 0.0 && h <= 24.0) => {
            meta.hours_per_day = value.parse().unwrap_or(meta.hours_per_day);
        }
        _ => meta.extra.push(MetaEntry {
            key: key.to_owned(),
            value: value.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_and_blocks() {
        let texts: Vec<String> = [
            "Roadmap for the garden app",
            "Last Updated: 2026-03-01",
            "Owner: Dana",
            "",
            "SUMMARY:",
            "✅ beds planned",
            "🔄 watering",
            "",
            "CURRENT PHASE: Planting",
        ]
        .map(String::from)
        .to_vec();
        let mut plan = Plan::default();
        read_preamble(&texts, &mut plan);
        assert_eq!(plan.meta.title, "Roadmap for the garden app");
        assert_eq!(plan.meta.updated, NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(plan.meta.current, "Planting");
        assert_eq!(
            plan.meta.extra,
            vec![MetaEntry {
                key: "Owner".into(),
                value: "Dana".into()
            }]
        );
        assert_eq!(plan.notes.len(), 1);
        assert_eq!(plan.notes[0].heading, "SUMMARY");
        assert_eq!(plan.notes[0].body, "✅ beds planned\n🔄 watering");
    }
}
