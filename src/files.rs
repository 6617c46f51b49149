//! The only place outside the app's effects that touches the file system: reading documents with a size
//! limit and saving them atomically. Shared by the GUI and the CLI.

use crate::io::MAX_DOCUMENT_BYTES;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A file could not be read or written.
#[derive(Debug, Error)]
pub enum FileError {
    /// Reading failed.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is over the size limit; it was not read.
    #[error("{path} is too large to open ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Writing failed; the previous file is intact.
    #[error("could not save {path}: {source}. The previous file is unchanged")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Reads a whole document, refusing files over [`MAX_DOCUMENT_BYTES`] without reading them.
pub fn read_document(path: &Path) -> Result<Vec<u8>, FileError> {
    let read_error = |source| FileError::Read {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > MAX_DOCUMENT_BYTES {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    Ok(bytes)
}

/// The end of the name of a save's temporary file: `.plan.ron.<process id>.waymark-tmp`.
const TEMP_SUFFIX: &str = ".waymark-tmp";

/// Saves bytes atomically: writes a temporary file beside the target, flushes and syncs it, then renames
/// it over the target. On any failure the temporary file is removed and the old file is left as it was.
/// A process killed while saving cannot remove its temporary file; the next save of the same file
/// does (see [`remove_abandoned_temps`]), so at most one is ever left.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let write_error = |source| FileError::Write {
        path: path.to_owned(),
        source,
    };
    if path.is_dir() {
        return Err(write_error(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "that path is a folder",
        )));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned());
    remove_abandoned_temps(&folder, &name);
    let temp = folder.join(format!(".{name}.{}{TEMP_SUFFIX}", std::process::id()));
    let result = write_and_sync(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    if let Err(source) = result {
        let _ignored = fs::remove_file(&temp);
        return Err(write_error(source));
    }
    if let Ok(dir) = fs::File::open(&folder) {
        // Make the rename itself durable where the platform allows; failure here loses nothing.
        let _ignored = dir.sync_all();
    }
    Ok(())
}

fn write_and_sync(temp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::File::create(temp)?;
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()
}

/// Removes the temporary files that saves of `name` in `folder` left when their process was killed:
/// those whose process no longer runs (where `/proc` tells), or else that are over an hour old.
fn remove_abandoned_temps(folder: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !still_saving(pid, &entry) {
            let _ignored = fs::remove_file(entry.path());
        }
    }
}

/// Whether the process that wrote a temporary file may still be saving.
fn still_saving(pid: u32, entry: &fs::DirEntry) -> bool {
    let processes = Path::new("/proc");
    if processes.join("self").exists() {
        return processes.join(pid.to_string()).exists();
    }
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_none_or(|age| age < std::time::Duration::from_hours(1))
}

/// The path for one file, or numbered paths (`plan-1.png`, `plan-2.png`…) for several: how an export
/// of several pages to SVG or PNG names its files.
pub fn numbered_paths(path: &Path, count: usize) -> Vec<PathBuf> {
    if count <= 1 {
        return vec![path.to_owned()];
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    (1..=count)
        .map(|n| path.with_file_name(format!("{stem}-{n}.{extension}")))
        .collect()
}
