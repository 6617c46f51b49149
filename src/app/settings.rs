//! What Waymark remembers between runs (window size and position are kept by eframe itself).

use crate::io::CsvChoice;
use crate::views::ViewKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// How many recent files are kept.
pub const MAX_RECENT: usize = 10;

/// Remembered preferences and history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Dark theme (light otherwise).
    pub dark: bool,
    /// The view shown.
    pub view: ViewKind,
    /// Whether the inspector panel is shown.
    pub inspector_open: bool,
    /// The column mapping last chosen for a CSV header, by the header's signature.
    pub csv_mappings: BTreeMap<String, Vec<CsvChoice>>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            dark: true,
            view: ViewKind::Table,
            inspector_open: true,
            csv_mappings: BTreeMap::new(),
        }
    }
}

impl Settings {
    /// The key settings are stored under.
    pub const KEY: &'static str = "waymark-settings";

    /// Puts a file at the top of the recent list.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
