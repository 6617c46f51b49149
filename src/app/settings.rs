//! What Waymark remembers between runs (window size and position are kept by eframe itself).

use crate::io::CsvChoice;
use crate::views::ViewKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// How many recent files are kept.
pub const MAX_RECENT: usize = 10;

/// How many remembered CSV column mappings are kept (the most recently used).
pub const MAX_CSV_MAPPINGS: usize = 50;

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
    /// The signatures of `csv_mappings`, most recently used first (settings from before this
    /// list have none: their mappings count as the oldest).
    pub csv_mappings_used: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            dark: true,
            view: ViewKind::Table,
            inspector_open: true,
            csv_mappings: BTreeMap::new(),
            csv_mappings_used: Vec::new(),
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

    /// Remembers the mapping chosen for a CSV header as the most recently used, keeping only the
    /// [`MAX_CSV_MAPPINGS`] most recently used.
    pub fn remember_csv_mapping(&mut self, signature: String, choices: Vec<CsvChoice>) {
        let mappings = &self.csv_mappings;
        self.csv_mappings_used
            .retain(|used| used != &signature && mappings.contains_key(used));
        // Mappings remembered before their use was recorded are older than any recorded one.
        let unrecorded: Vec<String> = mappings
            .keys()
            .filter(|key| **key != signature && !self.csv_mappings_used.contains(key))
            .cloned()
            .collect();
        self.csv_mappings_used.extend(unrecorded);
        self.csv_mappings_used.insert(0, signature.clone());
        self.csv_mappings.insert(signature, choices);
        self.csv_mappings_used.truncate(MAX_CSV_MAPPINGS);
        let kept = &self.csv_mappings_used;
        self.csv_mappings.retain(|key, _| kept.contains(key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(n: usize) -> (String, Vec<CsvChoice>) {
        (format!("header-{n}"), vec![CsvChoice::Keep; n % 3 + 1])
    }

    #[test]
    fn only_the_most_recently_used_csv_mappings_are_kept() {
        let mut settings = Settings::default();
        for n in 0..60 {
            let (signature, choices) = mapping(n);
            settings.remember_csv_mapping(signature, choices);
            // Header 0 is used again every ten imports, so it stays.
            if n % 10 == 9 {
                let (signature, choices) = mapping(0);
                settings.remember_csv_mapping(signature, choices);
            }
        }
        assert_eq!(settings.csv_mappings.len(), MAX_CSV_MAPPINGS);
        assert_eq!(settings.csv_mappings_used.len(), MAX_CSV_MAPPINGS);
        assert_eq!(settings.csv_mappings_used[0], "header-0");
        assert_eq!(settings.csv_mappings_used[1], "header-59");
        assert!(settings.csv_mappings.contains_key("header-0"));
        // 1 to 10 were used least recently; 11 to 59 stay.
        for n in 1..=10 {
            assert!(
                !settings.csv_mappings.contains_key(&format!("header-{n}")),
                "{n}"
            );
        }
        for n in 11..60 {
            assert!(
                settings.csv_mappings.contains_key(&format!("header-{n}")),
                "{n}"
            );
        }
        assert!(
            settings
                .csv_mappings_used
                .iter()
                .all(|used| settings.csv_mappings.contains_key(used))
        );
    }

    #[test]
    fn mappings_from_older_settings_without_a_use_order_go_first() {
        let mut settings = Settings::default();
        for n in 0..MAX_CSV_MAPPINGS {
            let (signature, choices) = mapping(n);
            settings.csv_mappings.insert(signature, choices);
        }
        let (signature, choices) = mapping(1000);
        settings.remember_csv_mapping(signature, choices.clone());
        assert_eq!(settings.csv_mappings.len(), MAX_CSV_MAPPINGS);
        assert_eq!(settings.csv_mappings.get("header-1000"), Some(&choices));
        assert_eq!(settings.csv_mappings_used[0], "header-1000");
        let old_kept = (0..MAX_CSV_MAPPINGS)
            .filter(|n| settings.csv_mappings.contains_key(&format!("header-{n}")))
            .count();
        assert_eq!(old_kept, MAX_CSV_MAPPINGS - 1, "one old mapping made room");
    }
}
