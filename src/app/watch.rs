//! Watching the open file for changes made by others (git, another editor). A worker thread wakes on
//! `notify` events for the file's folder, and every 2 s in any case (the whole watch where `notify` is
//! unavailable); when the file's size, time or permissions moved, it reads and parses the file there and
//! hands the result to the app, which picks it up at the start of a frame. Waymark's own saves are
//! recognised by the hash of the bytes written and never come back as a change.

use crate::io::plan_from_ron;
use crate::model::Plan;
use crate::recovery::FileStamp;
use notify::Watcher;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, SystemTime};

/// How often the file is checked when no event woke the watcher.
pub const POLL_INTERVAL: Duration = Duration::from_secs(2);

/// A change to the watched file.
#[derive(Debug)]
pub struct DiskChange {
    /// Whether the file (or its folder) is read-only now.
    pub read_only: bool,
    /// New contents, when they changed: the stamp, the text and the parsed plan (or why it did not
    /// parse).
    pub contents: Option<DiskContents>,
}

/// A version of the file read from disk.
#[derive(Debug)]
pub struct DiskContents {
    /// Which version.
    pub stamp: FileStamp,
    /// Its text, kept to compare against later.
    pub text: Arc<str>,
    /// The plan it holds, or why it could not be read.
    pub plan: Result<Plan, String>,
}

/// The watch on one file; dropping it stops the worker.
#[derive(Debug)]
pub struct FileWatch {
    path: PathBuf,
    known_hash: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    changes: Receiver<DiskChange>,
    /// Kept alive for its events; `None` where `notify` cannot watch (then only the 2 s check runs).
    _watcher: Option<notify::RecommendedWatcher>,
}

impl Drop for FileWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// True when the file or its folder cannot be written (by their permission bits).
pub fn is_read_only(path: &Path) -> bool {
    let read_only = |p: &Path| fs::metadata(p).is_ok_and(|m| m.permissions().readonly());
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    read_only(path) || read_only(folder)
}

impl FileWatch {
    /// Starts watching `path`, whose contents are known to be `known`. `wake` is called after a change
    /// is handed over (the app asks for a frame).
    pub fn start(path: PathBuf, known: FileStamp, wake: impl Fn() + Send + 'static) -> Self {
        let known_hash = Arc::new(AtomicU64::new(known.hash));
        let stop = Arc::new(AtomicBool::new(false));
        let (change_sender, changes) = channel();
        let (event_sender, events) = channel();
        let watcher = notify_watcher(&path, event_sender);
        let worker = Worker {
            path: path.clone(),
            known_hash: Arc::clone(&known_hash),
            stop: Arc::clone(&stop),
            seen: (known.len, known.modified, is_read_only(&path)),
        };
        std::thread::spawn(move || worker.run(&events, &change_sender, &wake));
        Self {
            path,
            known_hash,
            stop,
            changes,
            _watcher: watcher,
        }
    }

    /// The watched file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records contents Waymark itself wrote (or accepted), so they are not reported as a change.
    pub fn set_known(&self, stamp: &FileStamp) {
        self.known_hash.store(stamp.hash, Ordering::Relaxed);
    }

    /// The newest change handed over since the last call, if any.
    pub fn poll(&self) -> Option<DiskChange> {
        let mut latest: Option<DiskChange> = None;
        for change in self.changes.try_iter() {
            latest = Some(match latest {
                // Keep new contents seen earlier when a later change only touched permissions.
                Some(earlier) if change.contents.is_none() => DiskChange {
                    read_only: change.read_only,
                    contents: earlier.contents,
                },
                _ => change,
            });
        }
        latest
    }
}

/// A `notify` watcher on the file's folder (a save by rename replaces the file itself), sending one
/// wake-up per event that names the file. `None` where `notify` cannot watch.
fn notify_watcher(path: &Path, events: Sender<()>) -> Option<notify::RecommendedWatcher> {
    let name = path.file_name()?.to_owned();
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && event.paths.iter().any(|p| p.file_name() == Some(&name))
        {
            // The worker may have stopped; then nobody needs waking.
            let _ignored = events.send(());
        }
    })
    .ok()?;
    watcher
        .watch(&folder, notify::RecursiveMode::NonRecursive)
        .ok()?;
    Some(watcher)
}

struct Worker {
    path: PathBuf,
    known_hash: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    seen: (u64, Option<SystemTime>, bool),
}

impl Worker {
    fn run(mut self, events: &Receiver<()>, changes: &Sender<DiskChange>, wake: &dyn Fn()) {
        loop {
            match events.recv_timeout(POLL_INTERVAL) {
                Ok(()) => {
                    // A save is often several events; let them settle and take them as one.
                    std::thread::sleep(Duration::from_millis(50));
                    while events.try_recv().is_ok() {}
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => std::thread::sleep(POLL_INTERVAL),
            }
            if self.stop.load(Ordering::Relaxed) {
                return;
            }
            if let Some(change) = self.check() {
                if changes.send(change).is_err() {
                    return;
                }
                wake();
            }
        }
    }

    /// Looks at the file; returns a change when its permissions or contents moved.
    fn check(&mut self) -> Option<DiskChange> {
        let metadata = fs::metadata(&self.path).ok()?;
        let seen = (
            metadata.len(),
            metadata.modified().ok(),
            is_read_only(&self.path),
        );
        if seen == self.seen {
            return None;
        }
        let read_only_moved = seen.2 != self.seen.2;
        let contents_moved = (seen.0, seen.1) != (self.seen.0, self.seen.1);
        self.seen = seen;
        let contents = if contents_moved {
            self.settle();
            self.read()
        } else {
            None
        };
        (read_only_moved || contents.is_some()).then_some(DiskChange {
            read_only: seen.2,
            contents,
        })
    }

    /// Waits until the file stops changing (another program may still be writing it), at most 1 s.
    fn settle(&mut self) {
        for _ in 0..10 {
            std::thread::sleep(Duration::from_millis(100));
            let Ok(metadata) = fs::metadata(&self.path) else {
                return;
            };
            let now = (metadata.len(), metadata.modified().ok());
            if now == (self.seen.0, self.seen.1) {
                return;
            }
            (self.seen.0, self.seen.1) = now;
        }
    }

    fn read(&self) -> Option<DiskContents> {
        let (stamp, bytes) = FileStamp::read(&self.path).ok()?;
        if stamp.hash == self.known_hash.load(Ordering::Relaxed) {
            return None;
        }
        let text: Arc<str> = String::from_utf8_lossy(&bytes).into();
        let plan = plan_from_ron(&text).map_err(|e| e.to_string());
        Some(DiskContents { stamp, text, plan })
    }
}
