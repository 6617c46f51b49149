//! The document's own status legend, read before anything else so every status in the document
//! is recognised with it: a `Legend:` line (`🔴 Not Started | 🟡 In Progress`), a "Status Legend"
//! section (`- **DONE** - Feature completed`), or Waymark's legend table.

use super::headings::{self, Kind, Section};
use super::scan::{self, Line};
use super::values;
use crate::io::status_words::{category_colour, guess_category, split_leading_emoji};
use crate::model::{StatusCategory, StatusDef, StatusKey};

/// The legend the document defines (empty when it has none) and which lines it used.
pub(super) fn read_legend(lines: &[&str], kinds: &[Line]) -> (Vec<StatusDef>, Vec<bool>) {
    let mut legend: Vec<StatusDef> = Vec::new();
    let mut used = vec![false; lines.len()];
    let mut section_level: Option<u8> = None;
    let mut table_header: Option<Vec<String>> = None;
    for (index, raw) in lines.iter().enumerate() {
        let line = kinds[index].clone();
        if let Line::Heading { level, text } = line {
            section_level = section_level.filter(|&open| level > open);
            if headings::analyse(text).kind == Kind::Section(Section::Legend) {
                section_level = Some(level);
            }
            table_header = None;
            continue;
        }
        let mut found = Vec::new();
        match line {
            Line::Text(text) | Line::Item { text, .. } if legend_field(text).is_some() => {
                let value = legend_field(text).unwrap_or_default();
                found.extend(value.split('|').filter_map(entry_from_words));
            }
            Line::Item { text, .. } if section_level.is_some() => {
                found.extend(entry_from_words(text));
            }
            Line::TableRow if section_level.is_some() => {
                let cells = scan::table_cells(raw);
                match &table_header {
                    None => table_header = Some(cells),
                    Some(_) if scan::is_table_separator(&cells) => {}
                    Some(header) => found.extend(entry_from_row(header, &cells)),
                }
                used[index] = true;
            }
            _ => {}
        }
        if !found.is_empty() {
            used[index] = true;
        }
        for entry in found {
            if !legend.iter().any(|known| known.key == entry.key) {
                legend.push(entry);
            }
        }
    }
    (legend, used)
}

fn legend_field(text: &str) -> Option<&str> {
    // Either spelling names the legend in ASCII letters: most lines are passed over at once.
    let bytes = text.as_bytes();
    let names_legend = (0..bytes.len().saturating_sub(5))
        .any(|at| bytes[at] | 0x20 == b'l' && bytes[at..at + 6].eq_ignore_ascii_case(b"legend"));
    if !names_legend {
        return None;
    }
    scan::bold_field(text)
        .filter(|(key, _)| key.eq_ignore_ascii_case("legend"))
        .or_else(|| scan::plain_field(text, &["legend", "status legend"]))
        .map(|(_, value)| value)
}

/// "🔴 Not Started", "**DONE** - Feature completed and tested", "BLOCKED: waiting".
fn entry_from_words(text: &str) -> Option<StatusDef> {
    let text = text.trim();
    let (emoji, rest) = split_leading_emoji(text).unwrap_or(("", text));
    let (label, description) = if let Some(after) = rest.strip_prefix("**") {
        let close = after.find("**")?;
        let tail = after[close + 2..].trim_start_matches([' ', '-', ':', '–', '—']);
        (after[..close].trim(), tail.trim())
    } else if let Some((label, description)) = rest
        .split_once(" - ")
        .or_else(|| rest.split_once(" – "))
        .or_else(|| rest.split_once(": "))
    {
        (label.trim(), description.trim())
    } else {
        (rest, "")
    };
    let label = label.trim_end_matches(':').trim();
    if label.is_empty() {
        return None;
    }
    let category = if emoji.is_empty() {
        guess_category(label)
    } else {
        crate::io::builtin_category(label)
            .or_else(|| crate::io::builtin_category(emoji))
            .unwrap_or_else(|| guess_category(label))
    };
    let mut status = StatusDef::new(label, label, category, category_colour(category));
    if !emoji.is_empty() {
        status.aliases.push(emoji.to_owned());
    }
    description.clone_into(&mut status.description);
    Some(status)
}

/// A row of Waymark's legend table: Key | Label | Category | Colour | Also written as | Description.
fn entry_from_row(header: &[String], cells: &[String]) -> Option<StatusDef> {
    let cell = |name: &str| {
        header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
            .and_then(|i| cells.get(i))
            .map_or("", String::as_str)
    };
    let key = cell("Key");
    if key.is_empty() {
        return entry_from_words(cells.first()?);
    }
    let category = StatusCategory::ALL
        .into_iter()
        .find(|c| c.label().eq_ignore_ascii_case(cell("Category")))
        .unwrap_or_else(|| guess_category(key));
    let colour = parse_colour(cell("Colour")).unwrap_or_else(|| category_colour(category));
    let mut status = StatusDef::new(key, cell("Label"), category, colour);
    status.aliases = cell("Also written as")
        .split("; ")
        .filter(|alias| !alias.is_empty())
        .map(str::to_owned)
        .collect();
    status.description = values::multi_line(cell("Description"));
    Some(status)
}

/// `#rrggbb`.
pub(super) fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Adds the built-in status of a category when the document's legend lacks one, so checkboxes
/// and well-known words still find a status. Returns the key.
pub(super) fn ensure_category(legend: &mut Vec<StatusDef>, category: StatusCategory) -> StatusKey {
    if let Some(status) = legend.iter().find(|s| s.category == category) {
        return status.key.clone();
    }
    let builtin = crate::model::default_legend()
        .into_iter()
        .find(|s| s.category == category)
        .unwrap_or_else(|| {
            StatusDef::new(
                category.label(),
                category.label(),
                category,
                category_colour(category),
            )
        });
    let key = builtin.key.clone();
    legend.push(builtin);
    key
}
