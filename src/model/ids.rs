//! String identifiers for the things a plan names. Files refer to ids, never to indices.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, Eq, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl PartialEq for $name {
            /// Equal text. Ids of one plan mostly share their length and prefix ("T-00417"), so the
            /// last byte is compared before the whole text: scans over many ids stay cheap.
            fn eq(&self, other: &Self) -> bool {
                let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
                a.len() == b.len() && a.last() == b.last() && a == b
            }
        }

        impl std::hash::Hash for $name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.0.hash(state);
            }
        }

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                Self(text.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> Self {
                Self(text)
            }
        }
    };
}

string_id!(
    /// A task's stable id, such as `CHAT-001`.
    TaskId
);
string_id!(
    /// A phase's (module's, epic's) stable id, such as `phase-1`.
    PhaseId
);
string_id!(
    /// A sprint's stable id, such as `sprint-2`.
    SprintId
);
string_id!(
    /// A milestone's stable id, such as `m3`.
    MilestoneId
);
string_id!(
    /// The key of a status in the plan's legend, such as `DONE`.
    StatusKey
);
