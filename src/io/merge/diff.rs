//! What changed between two plans, item by item and field by field, for review (`waymark diff`).

use super::MergeError;
use super::keys::{ListKind, key_of, list_kind};
use super::tree::plan_to_tree;
use crate::model::Plan;
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// The lists reviewers care about most come first; the rest of the plan follows in name order.
const FIRST: [&str; 5] = ["tasks", "phases", "sprints", "milestones", "legend"];

/// An item added or removed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemRef {
    /// The list it is in (`tasks`, `milestones`, `risks`…).
    pub collection: String,
    /// Its key (`PAY-003`; several key fields are joined with a space).
    pub id: String,
    /// Its title or name, when it has one.
    pub title: String,
}

/// One field that differs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field, dotted for nested records (`estimate.hours`, `meta.title`).
    pub field: String,
    /// The old value (`null`: absent).
    pub before: Value,
    /// The new value (`null`: absent).
    pub after: Value,
}

/// An item present in both plans whose fields differ; `collection` `plan` and an empty id for the
/// plan's own fields (metadata, lists without keys).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemChange {
    /// The list it is in, or `plan`.
    pub collection: String,
    /// Its key; empty for the plan itself.
    pub id: String,
    /// The fields that differ.
    pub fields: Vec<FieldChange>,
}

/// The differences between two plans.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PlanDiff {
    /// Items only the second plan has.
    pub added: Vec<ItemRef>,
    /// Items only the first plan has.
    pub removed: Vec<ItemRef>,
    /// Items in both whose fields differ.
    pub changed: Vec<ItemChange>,
}

impl PlanDiff {
    /// Whether the plans are the same.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Compares two plans.
pub fn diff_plans(before: &Plan, after: &Plan) -> Result<PlanDiff, MergeError> {
    let (a, b) = (plan_to_tree(before)?, plan_to_tree(after)?);
    let empty = serde_json::Map::new();
    let a = a.as_object().unwrap_or(&empty);
    let b = b.as_object().unwrap_or(&empty);
    let mut names: Vec<&String> = a.keys().chain(b.keys()).collect();
    names.sort_by_key(|name| {
        (
            FIRST
                .iter()
                .position(|first| first == name)
                .unwrap_or(FIRST.len()),
            name.as_str(),
        )
    });
    names.dedup();
    let mut diff = PlanDiff::default();
    let mut plan_fields = Vec::new();
    for name in names {
        let (old, new) = (a.get(name), b.get(name));
        if old == new {
            continue;
        }
        let lists = (
            old.map_or(Some(&[][..]), |v| v.as_array().map(Vec::as_slice)),
            new.map_or(Some(&[][..]), |v| v.as_array().map(Vec::as_slice)),
        );
        if let (Some(old_items), Some(new_items)) = lists
            && let ListKind::Keyed(fields) = list_kind(&[old_items, new_items])
        {
            diff_list(&mut diff, name, fields, old_items, new_items);
        } else {
            field_changes(name, old, new, &mut plan_fields);
        }
    }
    if !plan_fields.is_empty() {
        diff.changed.push(ItemChange {
            collection: "plan".to_owned(),
            id: String::new(),
            fields: plan_fields,
        });
    }
    Ok(diff)
}

fn diff_list(diff: &mut PlanDiff, collection: &str, fields: &[&str], old: &[Value], new: &[Value]) {
    let find = |items: &[Value], key: &str| -> Option<usize> {
        items
            .iter()
            .position(|item| key_of(item, fields).as_deref() == Some(key))
    };
    let reference = |item: &Value| ItemRef {
        collection: collection.to_owned(),
        id: display_key(item, fields),
        title: ["title", "name", "label", "text"]
            .iter()
            .find_map(|field| item.get(field).and_then(Value::as_str))
            .unwrap_or_default()
            .to_owned(),
    };
    for item in old {
        let key = key_of(item, fields).unwrap_or_default();
        match find(new, &key) {
            None => diff.removed.push(reference(item)),
            Some(at) if &new[at] != item => {
                let mut changes = Vec::new();
                field_changes("", Some(item), Some(&new[at]), &mut changes);
                diff.changed.push(ItemChange {
                    collection: collection.to_owned(),
                    id: display_key(item, fields),
                    fields: changes,
                });
            }
            Some(_) => {}
        }
    }
    for item in new {
        let key = key_of(item, fields).unwrap_or_default();
        if find(old, &key).is_none() {
            diff.added.push(reference(item));
        }
    }
}

fn display_key(item: &Value, fields: &[&str]) -> String {
    let parts: Vec<String> = fields
        .iter()
        .filter_map(|field| item.get(field))
        .map(|value| {
            value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned)
        })
        .collect();
    parts.join(" ")
}

/// Field-level differences, recursing into records so `estimate.hours` is named, not `estimate`.
fn field_changes(
    prefix: &str,
    old: Option<&Value>,
    new: Option<&Value>,
    out: &mut Vec<FieldChange>,
) {
    let (old, new) = (old.filter(|v| !v.is_null()), new.filter(|v| !v.is_null()));
    if old == new {
        return;
    }
    let empty = serde_json::Map::new();
    let record = |value: Option<&Value>| value.map_or(Some(&empty), |v| v.as_object()).cloned();
    // A record that appears or goes is listed field by field too (`estimate.hours`, not `estimate`).
    if let (Some(a), Some(b)) = (record(old), record(new)) {
        let mut names: Vec<&String> = a.keys().chain(b.keys()).collect();
        names.sort();
        names.dedup();
        for name in names {
            let field = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}.{name}")
            };
            field_changes(&field, a.get(name), b.get(name), out);
        }
        return;
    }
    out.push(FieldChange {
        field: prefix.to_owned(),
        before: old.cloned().unwrap_or(Value::Null),
        after: new.cloned().unwrap_or(Value::Null),
    });
}

fn singular(collection: &str) -> &str {
    match collection {
        "tasks" => "task",
        "phases" => "phase",
        "sprints" => "sprint",
        "milestones" => "milestone",
        "legend" => "status",
        other => other,
    }
}

fn shown(value: &Value) -> String {
    match value {
        Value::Null => "(none)".to_owned(),
        other => other.to_string(),
    }
}

impl fmt::Display for PlanDiff {
    /// One line per added or removed item and per changed field, for reading in a terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (sign, items) in [("+", &self.added), ("-", &self.removed)] {
            for item in items {
                write!(f, "{sign} {} {}", singular(&item.collection), item.id)?;
                if item.title.is_empty() {
                    writeln!(f)?;
                } else {
                    writeln!(f, " \"{}\"", item.title)?;
                }
            }
        }
        for change in &self.changed {
            let item = if change.id.is_empty() {
                change.collection.clone()
            } else {
                format!("{} {}", singular(&change.collection), change.id)
            };
            for field in &change.fields {
                writeln!(
                    f,
                    "~ {item} {}: {} → {}",
                    field.field,
                    shown(&field.before),
                    shown(&field.after)
                )?;
            }
        }
        Ok(())
    }
}
