//! Resolving a recorded merge conflict: the chosen side's value is written at the conflict's path.

use super::MergeError;
use super::tree::{plan_from_tree, plan_to_tree};
use crate::model::{PathStep, Plan, Side};
use serde_json::{Map, Value};

/// Keeps one side's value of the plan's conflict number `index` and drops the conflict. On error the
/// plan is unchanged.
pub fn resolve_conflict(plan: &mut Plan, index: usize, side: Side) -> Result<(), MergeError> {
    let conflict = plan
        .conflicts
        .get(index)
        .ok_or(MergeError::NoSuchConflict(index))?;
    let value = conflict
        .value(side)
        .map(serde_json::from_str::<Value>)
        .transpose()
        .map_err(|e| MergeError::Tree(format!("the recorded {} value: {e}", side.label())))?;
    let mut tree = plan_to_tree(plan)?;
    set_at(&mut tree, &conflict.path, value)
        .map_err(|()| MergeError::PathGone(conflict.place()))?;
    let mut resolved = plan_from_tree(tree)?;
    resolved.conflicts.remove(index);
    *plan = resolved;
    Ok(())
}

/// Writes (or, for `None`, removes) the value at a path.
fn set_at(node: &mut Value, path: &[PathStep], value: Option<Value>) -> Result<(), ()> {
    let (step, rest) = path.split_first().ok_or(())?;
    if rest.is_empty() {
        return put(node, step, value);
    }
    let child = match (node, step) {
        (Value::Object(record), PathStep::Field(name)) => {
            if !record.contains_key(name) {
                if value.is_none() {
                    return Ok(());
                }
                let empty = match rest.first() {
                    Some(PathStep::Item(_)) => Value::Array(Vec::new()),
                    _ => Value::Object(Map::new()),
                };
                record.insert(name.clone(), empty);
            }
            record.get_mut(name).ok_or(())?
        }
        (Value::Array(items), PathStep::Item(key)) => {
            match items
                .iter_mut()
                .find(|item| super::keys::item_matches(item, key))
            {
                Some(item) => item,
                None if value.is_none() => return Ok(()),
                None => return Err(()),
            }
        }
        _ => return Err(()),
    };
    set_at(child, rest, value)
}

fn put(node: &mut Value, step: &PathStep, value: Option<Value>) -> Result<(), ()> {
    match (node, step) {
        (Value::Object(record), PathStep::Field(name)) => {
            match value {
                Some(value) => record.insert(name.clone(), value),
                None => record.remove(name),
            };
            Ok(())
        }
        (Value::Array(items), PathStep::Item(key)) => {
            let at = items
                .iter()
                .position(|item| super::keys::item_matches(item, key));
            match (at, value) {
                (Some(at), Some(value)) => items[at] = value,
                (Some(at), None) => {
                    items.remove(at);
                }
                (None, Some(value)) => items.push(value),
                (None, None) => {}
            }
            Ok(())
        }
        _ => Err(()),
    }
}
