//! Recovery files: unsaved work kept outside the user's files, so a crash loses at most a few seconds.
//! Shared by the app (which writes and offers them) and the CLI (`waymark recover --list`).
//!
//! The folder is `$XDG_DATA_HOME/waymark/recovery/` (by default `~/.local/share/waymark/recovery/`). Each
//! open document with unsaved changes has `<id>.ron` (the plan, an ordinary Waymark file) and `<id>.json`
//! (its [`RecoveryMeta`]: the original path, the time of the last edit, the task count, the process that
//! wrote it). A panic adds `<id>.crash.txt`, a short crash report. The user's own file is never written.

use crate::files::{read_document, write_atomic};
use crate::io::plan_from_ron;
use crate::model::Plan;
use chrono::{DateTime, Local, Utc};
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How a version of a file on disk is recognised: its size and modification time (cheap to check) and
/// a hash of its bytes (to tell a real change from a touch).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// Size in bytes.
    pub len: u64,
    /// Last modification time, where the platform has one.
    pub modified: Option<SystemTime>,
    /// FNV-1a hash of the bytes.
    pub hash: u64,
}

impl FileStamp {
    /// The stamp of bytes that are (or were just written) at `path`: size and time from its metadata.
    pub fn of(path: &Path, bytes: &[u8]) -> Self {
        let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        Self {
            len: bytes.len() as u64,
            modified,
            hash: fnv1a(bytes),
        }
    }

    /// Reads a file and returns its stamp with its bytes.
    pub fn read(path: &Path) -> Result<(Self, Vec<u8>), String> {
        let bytes = read_document(path).map_err(|e| e.to_string())?;
        Ok((Self::of(path, &bytes), bytes))
    }

    /// True when the file's size and modification time are still the ones stamped (no need to read it).
    pub fn looks_unchanged(&self, path: &Path) -> bool {
        fs::metadata(path).is_ok_and(|m| m.len() == self.len && m.modified().ok() == self.modified)
    }

    /// True when the file at `path` holds other bytes than the stamped ones. A missing file is not a
    /// change someone could lose by saving.
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        if !path.exists() || self.looks_unchanged(path) {
            return false;
        }
        match Self::read(path) {
            Ok((now, _)) => now.hash != self.hash,
            Err(_) => false,
        }
    }
}

/// FNV-1a, 64 bits: a stable hash for recognising file contents and naming recovery files.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// What a recovery file is about, written beside it as JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecoveryMeta {
    /// The file the work belongs to; `None` for a new or imported plan that was never saved.
    pub original: Option<PathBuf>,
    /// The plan's title (names untitled work).
    pub title: String,
    /// When the last unsaved edit was made.
    pub last_edit: DateTime<Utc>,
    /// How many tasks the recovered plan has.
    pub tasks: usize,
    /// The process that wrote it; while that process runs, the work is not offered elsewhere.
    pub pid: u32,
    /// The version of the original file the work was based on, to notice a change made since.
    #[serde(default)]
    pub original_stamp: Option<FileStamp>,
}

impl RecoveryMeta {
    /// The name shown for the work: the original's file name, or the plan's title.
    pub fn name(&self) -> String {
        match &self.original {
            Some(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None if self.title.is_empty() => "Untitled plan".to_owned(),
            None => self.title.clone(),
        }
    }

    /// The time of the last edit as people read it: "14:02" today, "3 Nov 14:02" otherwise.
    pub fn last_edit_text(&self) -> String {
        let local = self.last_edit.with_timezone(&Local);
        if local.date_naive() == Local::now().date_naive() {
            local.format("%H:%M").to_string()
        } else {
            local.format("%-d %b %Y %H:%M").to_string()
        }
    }
}

/// Work waiting in the recovery folder.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryEntry {
    /// The id naming its files.
    pub id: String,
    /// What it is about.
    pub meta: RecoveryMeta,
}

impl RecoveryEntry {
    /// True when the process that wrote it is gone (it crashed or was killed), so nobody else owns it.
    pub fn is_orphaned(&self) -> bool {
        self.meta.pid != std::process::id() && !process_alive(self.meta.pid)
    }
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_alive(_pid: u32) -> bool {
    false
}

/// The recovery id of a document saved at `path`: stable across runs, from a hash of the path.
pub fn id_for_path(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    format!(
        "file-{:016x}",
        fnv1a(absolute.as_os_str().as_encoded_bytes())
    )
}

/// A fresh recovery id for a document with no file: the process, the time and a counter.
pub fn id_for_untitled() -> String {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!("{}-{nanos}-{count}", std::process::id());
    format!("untitled-{:016x}", fnv1a(seed.as_bytes()))
}

/// The recovery folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// A store in a given folder (tests use a temporary one).
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The store in `$XDG_DATA_HOME/waymark/recovery`, or `~/.local/share/waymark/recovery`; `None` when
    /// neither variable is set.
    pub fn default_location() -> Option<Self> {
        let data = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| {
                std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share"))
            })?;
        Some(Self::new(data.join("waymark").join("recovery")))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The plan file of an entry.
    pub fn plan_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    fn meta_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// The crash report of an entry.
    pub fn crash_report_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.crash.txt"))
    }

    /// Writes an entry atomically: the plan first, then its description.
    pub fn write(&self, id: &str, meta: &RecoveryMeta, plan_ron: &str) -> Result<(), String> {
        fs::create_dir_all(&self.dir)
            .map_err(|e| format!("could not create {}: {e}", self.dir.display()))?;
        write_atomic(&self.plan_path(id), plan_ron.as_bytes()).map_err(|e| e.to_string())?;
        self.write_meta(id, meta)
    }

    /// Rewrites an entry's description (to claim it for this process after recovering it).
    pub fn write_meta(&self, id: &str, meta: &RecoveryMeta) -> Result<(), String> {
        let json = serde_json::to_string_pretty(meta).map_err(|e| e.to_string())?;
        write_atomic(&self.meta_path(id), json.as_bytes()).map_err(|e| e.to_string())
    }

    /// Removes an entry (after a save, a clean quit or a Discard). Removing what is not there is fine.
    pub fn remove(&self, id: &str) {
        for path in [self.meta_path(id), self.plan_path(id)] {
            // A file that is already gone is what we want.
            let _ignored = fs::remove_file(path);
        }
    }

    /// Every entry waiting, newest edit first. Entries whose description or plan is missing are skipped.
    pub fn list(&self) -> Vec<RecoveryEntry> {
        let Ok(read) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut entries: Vec<RecoveryEntry> = read
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let path = entry.path();
                let id = path
                    .file_name()?
                    .to_str()?
                    .strip_suffix(".json")?
                    .to_owned();
                let text = fs::read_to_string(&path).ok()?;
                let meta = serde_json::from_str(&text).ok()?;
                self.plan_path(&id)
                    .exists()
                    .then_some(RecoveryEntry { id, meta })
            })
            .collect();
        entries.sort_by(|a, b| {
            b.meta
                .last_edit
                .cmp(&a.meta.last_edit)
                .then_with(|| a.id.cmp(&b.id))
        });
        entries
    }

    /// Reads an entry's plan.
    pub fn read_plan(&self, id: &str) -> Result<Plan, String> {
        let bytes = read_document(&self.plan_path(id)).map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&bytes);
        plan_from_ron(&text).map_err(|e| format!("the recovery file could not be read: {e}"))
    }

    /// Writes a crash report beside an entry (best effort: a failure is only printed).
    pub fn write_crash_report(&self, id: &str, report: &str) {
        let written = fs::create_dir_all(&self.dir)
            .map_err(|e| e.to_string())
            .and_then(|()| {
                write_atomic(&self.crash_report_path(id), report.as_bytes())
                    .map_err(|e| e.to_string())
            });
        if let Err(message) = written {
            eprintln!("waymark: could not write the crash report: {message}");
        }
    }
}
