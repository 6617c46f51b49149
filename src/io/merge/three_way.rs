//! The three-way merge of value trees: records field by field, keyed lists item by item with their
//! order merged, sets of strings as sets, anything else whole. Where both sides changed a value
//! differently, ours is kept and a [`Conflict`] recorded.

use super::keys::{ListKind, item_label, item_step, key_of, list_kind, merge_order};
use crate::model::{Conflict, PathStep};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// Where the merge is in the tree: the path, the item people would name, and the field within it.
#[derive(Clone, Debug)]
struct Place {
    path: Vec<PathStep>,
    item: String,
    field: String,
}

impl Place {
    fn root() -> Self {
        Self {
            path: Vec::new(),
            item: "plan".to_owned(),
            field: String::new(),
        }
    }

    fn field(&self, name: &str) -> Self {
        let mut path = self.path.clone();
        path.push(PathStep::Field(name.to_owned()));
        let field = if self.field.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.field)
        };
        Self {
            path,
            item: self.item.clone(),
            field,
        }
    }

    /// An item of the list this place is at, named `label` and found by `step`.
    fn item(&self, label: String, step: PathStep) -> Self {
        let mut path = self.path.clone();
        path.push(step);
        // Top-level collections name items of their own; nested lists (a checklist) add to the field.
        let (item, field) = if self.path.len() == 1 {
            (label, String::new())
        } else {
            (self.item.clone(), format!("{} {label}", self.field))
        };
        Self { path, item, field }
    }

    /// The name of the list this place is at (its last field).
    fn list_name(&self) -> &str {
        match self.path.last() {
            Some(PathStep::Field(name)) => name,
            _ => "",
        }
    }
}

/// A three-way merge in progress: the conflicts found so far.
#[derive(Debug, Default)]
pub struct Merger {
    /// Conflicts in tree order.
    pub conflicts: Vec<Conflict>,
}

/// Reads a missing value and `null` alike.
fn present(value: Option<&Value>) -> Option<&Value> {
    value.filter(|v| !v.is_null())
}

fn text(value: Option<&Value>) -> Option<String> {
    present(value).map(Value::to_string)
}

impl Merger {
    /// Merges whole trees (plans as values).
    pub fn merge_root(&mut self, base: &Value, ours: &Value, theirs: &Value) -> Value {
        self.merge(&Place::root(), Some(base), Some(ours), Some(theirs))
            .unwrap_or(Value::Null)
    }

    fn merge(
        &mut self,
        place: &Place,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        let (base, ours, theirs) = (present(base), present(ours), present(theirs));
        if ours == theirs || theirs == base {
            return ours.cloned();
        }
        if ours == base {
            return theirs.cloned();
        }
        match (ours, theirs) {
            (Some(Value::Object(o)), Some(Value::Object(t))) => {
                let empty = Map::new();
                let b = base.and_then(Value::as_object).unwrap_or(&empty);
                Some(Value::Object(self.merge_record(place, b, o, t)))
            }
            (Some(Value::Array(o)), Some(Value::Array(t))) => {
                let b: &[Value] = base.and_then(Value::as_array).map_or(&[], Vec::as_slice);
                match list_kind(&[b, o, t]) {
                    ListKind::Keyed(fields) => {
                        Some(Value::Array(self.merge_keyed(place, fields, b, o, t)))
                    }
                    ListKind::StringSet => Some(Value::Array(merge_set(b, o, t))),
                    ListKind::Atomic => self.conflict(place, base, ours, theirs),
                }
            }
            _ => self.conflict(place, base, ours, theirs),
        }
    }

    fn conflict(
        &mut self,
        place: &Place,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        self.conflicts.push(Conflict {
            item: place.item.clone(),
            field: place.field.clone(),
            path: place.path.clone(),
            base: text(base),
            ours: text(ours),
            theirs: text(theirs),
        });
        ours.cloned()
    }

    fn merge_record(
        &mut self,
        place: &Place,
        base: &Map<String, Value>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let names: std::collections::BTreeSet<&String> = base
            .keys()
            .chain(ours.keys())
            .chain(theirs.keys())
            .collect();
        let mut merged = Map::new();
        for name in names {
            let value = self.merge(
                &place.field(name),
                base.get(name),
                ours.get(name),
                theirs.get(name),
            );
            if let Some(value) = value {
                merged.insert(name.clone(), value);
            }
        }
        merged
    }

    fn merge_keyed(
        &mut self,
        place: &Place,
        fields: &'static [&'static str],
        base: &[Value],
        ours: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        let index = |list: &[Value]| -> (Vec<String>, HashMap<String, usize>) {
            let keys: Vec<String> = list
                .iter()
                .map(|item| key_of(item, fields).unwrap_or_default())
                .collect();
            let positions = keys.iter().cloned().zip(0..).collect();
            (keys, positions)
        };
        let (b_keys, b_at) = index(base);
        let (o_keys, o_at) = index(ours);
        let (t_keys, t_at) = index(theirs);
        let mut merged: HashMap<String, Value> = HashMap::new();
        let all: Vec<&String> = o_keys.iter().chain(&t_keys).chain(&b_keys).collect();
        for key in all {
            if merged.contains_key(key) {
                continue;
            }
            let b = b_at.get(key).map(|&i| &base[i]);
            let o = o_at.get(key).map(|&i| &ours[i]);
            let t = t_at.get(key).map(|&i| &theirs[i]);
            let Some(sample) = o.or(t).or(b) else {
                continue;
            };
            let item_place = place.item(
                item_label(place.list_name(), sample, fields),
                item_step(sample, fields),
            );
            let value = match (b, o, t) {
                (_, Some(_), Some(_)) => self.merge(&item_place, b, o, t),
                // Deleted on one side: gone if the other left it alone, else a conflict that keeps
                // the edited item.
                (Some(b), Some(kept), None) | (Some(b), None, Some(kept)) => {
                    if kept == b {
                        None
                    } else {
                        self.conflict(&item_place, Some(b), o, t);
                        Some(kept.clone())
                    }
                }
                (None, Some(added), None) | (None, None, Some(added)) => Some(added.clone()),
                (_, None, None) => None,
            };
            if let Some(value) = value {
                merged.insert(key.clone(), value);
            }
        }
        let keep: HashSet<String> = merged.keys().cloned().collect();
        let mut items: Vec<Value> = merge_order(&b_keys, &o_keys, &t_keys, &keep)
            .into_iter()
            .filter_map(|key| merged.remove(&key))
            .collect();
        if fields.contains(&"at") {
            // A log: entries from both sides in time order.
            items.sort_by(|a, b| {
                let at = |v: &Value| v.get("at").map(Value::to_string).unwrap_or_default();
                at(a).cmp(&at(b))
            });
        }
        items
    }
}

/// Merges lists of distinct strings as sets: an entry stays unless a side removed it, entries added on
/// either side are kept, and the order is merged like a keyed list's.
fn merge_set(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let texts = |list: &[Value]| -> Vec<String> {
        list.iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    };
    let (b, o, t) = (texts(base), texts(ours), texts(theirs));
    let keep: HashSet<String> = o
        .iter()
        .chain(&t)
        .filter(|entry| {
            let (in_b, in_o, in_t) = (b.contains(entry), o.contains(entry), t.contains(entry));
            (in_o && in_t) || (!in_b && (in_o || in_t))
        })
        .cloned()
        .collect();
    merge_order(&b, &o, &t, &keep)
        .into_iter()
        .map(Value::String)
        .collect()
}
