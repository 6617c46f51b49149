//! The open document: the plan's history and where it lives on disk.

use crate::history::History;
use crate::model::Plan;
use crate::recovery::{FileStamp, id_for_path, id_for_untitled};
use std::path::PathBuf;

/// The plan being edited, its undo history, and its file.
#[derive(Debug)]
pub struct Document {
    /// The plan and its undo history.
    pub history: History,
    /// The file it was opened from or saved to; `None` for a new or imported plan.
    pub path: Option<PathBuf>,
    /// A number that changes whenever another document is opened, so caches of the old one are dropped.
    pub generation: u64,
    /// Names this document's recovery file (from the path's hash, or fresh for a plan with no file).
    pub recovery_id: String,
    /// The file cannot be written: the title says "read-only" and Save asks where to save instead.
    pub read_only: bool,
    /// The version of the file on disk the plan was loaded from or last saved as; a save over a file
    /// that no longer matches it asks first.
    pub disk_stamp: Option<FileStamp>,
}

impl Document {
    /// A document read from a file, clean.
    pub fn opened(plan: Plan, path: PathBuf, generation: u64) -> Self {
        Self {
            history: History::new(plan),
            recovery_id: id_for_path(&path),
            path: Some(path),
            generation,
            read_only: false,
            disk_stamp: None,
        }
    }

    /// A document with no file yet (the bundled sample, a new plan), clean until edited.
    pub fn untitled(plan: Plan, generation: u64) -> Self {
        Self {
            history: History::new(plan),
            path: None,
            generation,
            recovery_id: id_for_untitled(),
            read_only: false,
            disk_stamp: None,
        }
    }

    /// A document made by an import: no file, and unsaved (dirty) from the start.
    pub fn imported(plan: Plan, generation: u64) -> Self {
        Self {
            history: History::unsaved(plan),
            path: None,
            generation,
            recovery_id: id_for_untitled(),
            read_only: false,
            disk_stamp: None,
        }
    }

    /// Points the document at a new file (after Save as…): its recovery id follows the path.
    pub fn set_path(&mut self, path: PathBuf) {
        self.recovery_id = id_for_path(&path);
        self.path = Some(path);
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        self.history.plan()
    }

    /// The name shown in the title bar: the file name, or the plan's title.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None if self.plan().meta.title.is_empty() => "Untitled plan".to_owned(),
            None => self.plan().meta.title.clone(),
        }
    }

    /// The window title: name, a dirty marker, and the app name.
    pub fn window_title(&self) -> String {
        let dirty = if self.history.is_dirty() { "● " } else { "" };
        let read_only = if self.read_only { " (read-only)" } else { "" };
        format!("{dirty}{}{read_only} — Waymark", self.display_name())
    }

    /// A revision number unique across documents, for caches.
    pub fn revision_key(&self) -> u64 {
        (self.generation << 40) ^ self.history.revision()
    }
}
