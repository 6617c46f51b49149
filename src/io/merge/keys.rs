//! How lists in a plan's value tree are told apart: keyed collections (items with an id, a key or
//! another identifying field), sets of strings, or plain values compared whole.

use crate::model::PathStep;
use serde_json::Value;
use std::collections::HashSet;

/// The fields that identify items of a list, tried in order; the first that every item of all the
/// versions has, with unique values in each version, keys the list. `task` + `at` keys the status
/// history, `lanes` + `lane` the WIP limits; the rest fit registers without ids.
const KEY_CANDIDATES: [&[&str]; 11] = [
    &["id"],
    &["key"],
    &["task", "at"],
    &["lanes", "lane"],
    &["period"],
    &["name"],
    &["title"],
    &["heading"],
    &["label"],
    &["text"],
    &["date", "text"],
];

/// How a list merges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// Items are records identified by these fields: merged item by item.
    Keyed(&'static [&'static str]),
    /// Distinct strings (tags, dependencies): merged as a set, order kept.
    StringSet,
    /// Anything else: compared whole.
    Atomic,
}

/// Decides how lists (the same list in up to three versions) merge.
pub fn list_kind(lists: &[&[Value]]) -> ListKind {
    let items = || lists.iter().flat_map(|list| list.iter());
    if items().next().is_none() {
        return ListKind::Atomic;
    }
    if items().all(Value::is_object) {
        for candidate in KEY_CANDIDATES {
            if lists.iter().all(|list| keys_unique(list, candidate)) {
                return ListKind::Keyed(candidate);
            }
        }
        return ListKind::Atomic;
    }
    if items().all(Value::is_string)
        && lists.iter().all(|list| {
            let mut seen = HashSet::new();
            list.iter().all(|item| seen.insert(item.to_string()))
        })
    {
        return ListKind::StringSet;
    }
    ListKind::Atomic
}

fn keys_unique(list: &[Value], fields: &[&str]) -> bool {
    let mut seen = HashSet::new();
    list.iter()
        .all(|item| key_of(item, fields).is_some_and(|key| seen.insert(key)))
}

/// An item's key as one comparable string (its key values as JSON text), or `None` when it lacks a
/// key field or has an empty one.
pub fn key_of(item: &Value, fields: &[&str]) -> Option<String> {
    let mut key = String::new();
    for field in fields {
        let value = item.get(field)?;
        if value.is_null() || value.as_str() == Some("") {
            return None;
        }
        key.push_str(&value.to_string());
        key.push('\u{1f}');
    }
    Some(key)
}

/// The path step that finds an item again by its key fields.
pub fn item_step(item: &Value, fields: &[&str]) -> PathStep {
    PathStep::Item(
        fields
            .iter()
            .map(|field| {
                let value = item.get(field).unwrap_or(&Value::Null);
                ((*field).to_owned(), value.to_string())
            })
            .collect(),
    )
}

/// Whether an item is the one a path step names.
pub fn item_matches(item: &Value, key: &[(String, String)]) -> bool {
    key.iter().all(|(field, text)| {
        item.get(field)
            .is_some_and(|value| &value.to_string() == text)
    })
}

/// How people name an item of a list: `task CHAT-003`, `status DONE`, `risks "Vendor delay"`.
pub fn item_label(list: &str, item: &Value, fields: &[&str]) -> String {
    let noun = match list {
        "tasks" => "task",
        "phases" => "phase",
        "sprints" => "sprint",
        "milestones" => "milestone",
        "legend" => "status",
        "status_history" => "status change",
        "checklist" => "checklist item",
        "criteria" => "criterion",
        "fields" => "field",
        other => other,
    };
    let key: Vec<String> = fields
        .iter()
        .filter_map(|field| item.get(field))
        .map(|value| match value {
            Value::String(text) if noun == list => format!("\"{text}\""),
            Value::String(text) => text.clone(),
            other => other.to_string(),
        })
        .collect();
    format!("{noun} {}", key.join(" "))
}

/// The merged order of a list's keys: the side that reordered the items both kept decides the order
/// (ours when both did), and items only the other side (or the base) has are placed after the item
/// they followed there.
pub fn merge_order(
    base: &[String],
    ours: &[String],
    theirs: &[String],
    keep: &HashSet<String>,
) -> Vec<String> {
    let sets: [HashSet<&String>; 3] = [base, ours, theirs].map(|list| list.iter().collect());
    let everywhere = |list: &[String]| -> Vec<String> {
        list.iter()
            .filter(|key| sets.iter().all(|set| set.contains(key)))
            .cloned()
            .collect()
    };
    let (primary, secondary) = if everywhere(ours) == everywhere(base) {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut order: Vec<String> = primary
        .iter()
        .filter(|key| keep.contains(*key))
        .cloned()
        .collect();
    let mut placed: HashSet<String> = order.iter().cloned().collect();
    for source in [secondary, base] {
        for (index, key) in source.iter().enumerate() {
            if !keep.contains(key) || placed.contains(key) {
                continue;
            }
            let after = source[..index]
                .iter()
                .rev()
                .find_map(|before| order.iter().position(|placed| placed == before));
            order.insert(after.map_or(0, |position| position + 1), key.clone());
            placed.insert(key.clone());
        }
    }
    order
}
