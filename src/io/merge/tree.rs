//! A plan as a generic value tree (JSON values), so merges and diffs work on every field, including
//! fields added after this code was written.

use super::MergeError;
use crate::model::Plan;
use serde_json::Value;

/// The plan as a value tree.
pub fn plan_to_tree(plan: &Plan) -> Result<Value, MergeError> {
    serde_json::to_value(plan).map_err(|e| MergeError::Tree(e.to_string()))
}

/// The plan a value tree describes.
pub fn plan_from_tree(tree: Value) -> Result<Plan, MergeError> {
    serde_json::from_value(tree).map_err(|e| MergeError::Tree(e.to_string()))
}
