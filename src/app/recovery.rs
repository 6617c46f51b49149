//! Crash recovery in the app: unsaved work is written to the recovery folder a moment after the last
//! edit (on a worker thread), removed again by a save, a clean quit or a discard, and offered back on the
//! next start after a crash. A panic writes the work first, then a short crash report.

use super::WaymarkApp;
use super::document::Document;
use crate::io::plan_to_ron;
use crate::model::Plan;
use crate::recovery::{RecoveryEntry, RecoveryMeta, RecoveryStore};
use chrono::{DateTime, Utc};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long after the last edit the work is written (each new edit starts the wait again).
pub const RECOVERY_DELAY: Duration = Duration::from_secs(2);

/// What the worker thread does, in order.
enum Job {
    Write {
        id: String,
        meta: RecoveryMeta,
        plan: Box<Plan>,
    },
    Remove(String),
}

/// The recovery writer: the folder, the worker thread, and what has been written.
pub struct Recovery {
    store: Option<RecoveryStore>,
    jobs: Option<Sender<Job>>,
    errors: Receiver<String>,
    worker: Option<JoinHandle<()>>,
    /// The document id and revision key last written.
    written: Option<(String, u64)>,
    /// The unsaved revision waiting to be written, when it was first seen and at what time of day.
    pending: Option<(u64, Instant, DateTime<Utc>)>,
    /// Work left by a crashed session, offered one at a time.
    pub offers: Vec<RecoveryEntry>,
}

impl std::fmt::Debug for Recovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recovery")
            .field("store", &self.store)
            .field("written", &self.written)
            .field("offers", &self.offers.len())
            .finish_non_exhaustive()
    }
}

impl Default for Recovery {
    /// No recovery folder: nothing is written (tests that do not ask for one).
    fn default() -> Self {
        Self::new(None)
    }
}

impl Recovery {
    /// A writer for a folder (or none), with its worker thread.
    pub fn new(store: Option<RecoveryStore>) -> Self {
        let (jobs, job_receiver) = channel::<Job>();
        let (error_sender, errors) = channel();
        let worker = store.clone().map(|store| {
            std::thread::spawn(move || {
                for job in job_receiver {
                    match job {
                        Job::Write { id, meta, plan } => {
                            let text = plan_to_ron(&plan);
                            if let Err(message) = store.write(&id, &meta, &text) {
                                let _ignored = error_sender.send(message);
                            }
                        }
                        Job::Remove(id) => store.remove(&id),
                    }
                }
            })
        });
        Self {
            store,
            jobs: Some(jobs),
            errors,
            worker,
            written: None,
            pending: None,
            offers: Vec::new(),
        }
    }

    /// The folder, when there is one.
    pub fn store(&self) -> Option<&RecoveryStore> {
        self.store.as_ref()
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            // The worker only stops when the app does.
            let _ignored = jobs.send(job);
        }
    }

    /// Writes or removes the document's recovery file as its state asks; returns how long until the
    /// next write is due, and any error the worker reported.
    fn tick(&mut self, document: &Document) -> (Option<Duration>, Option<String>) {
        let error = self.errors.try_iter().last();
        if self.store.is_none() {
            return (None, error);
        }
        let id = &document.recovery_id;
        let key = document.revision_key();
        if let Some((written_id, _)) = &self.written
            && (written_id != id || !document.history.is_dirty())
        {
            self.send(Job::Remove(written_id.clone()));
            self.written = None;
        }
        if !document.history.is_dirty()
            || self
                .written
                .as_ref()
                .is_some_and(|(w, k)| w == id && *k == key)
        {
            self.pending = None;
            return (None, error);
        }
        if self.pending.is_none_or(|(k, ..)| k != key) {
            self.pending = Some((key, Instant::now(), Utc::now()));
        }
        let Some((_, first_seen, at)) = self.pending else {
            return (None, error);
        };
        if let Some(left) = RECOVERY_DELAY
            .checked_sub(first_seen.elapsed())
            .filter(|left| !left.is_zero())
        {
            return (Some(left), error);
        }
        self.send(Job::Write {
            id: id.clone(),
            meta: meta_for(document, at),
            plan: Box::new(document.plan().clone()),
        });
        self.written = Some((id.clone(), key));
        self.pending = None;
        (None, error)
    }

    /// Takes over a recovered entry: it is this document's now, removed by a save or a discard.
    pub fn adopt(&mut self, id: &str) {
        self.written = Some((id.to_owned(), u64::MAX));
    }

    /// Removes the document's recovery file and waits for the worker to finish (a clean quit).
    pub fn finish(&mut self, document: &Document) {
        if let Some((id, _)) = self.written.take() {
            self.send(Job::Remove(id));
        }
        self.send(Job::Remove(document.recovery_id.clone()));
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            // A worker that panicked has nothing left to do.
            let _ignored = worker.join();
        }
    }

    /// Writes the document's recovery file now, on this thread (after a panic).
    fn write_now(&self, document: &Document) -> Option<String> {
        let store = self.store.as_ref()?;
        if !document.history.is_dirty() {
            return None;
        }
        let meta = meta_for(document, Utc::now());
        let written = store.write(&document.recovery_id, &meta, &plan_to_ron(document.plan()));
        Some(match written {
            Ok(()) => format!(
                "Unsaved work: {} ({} tasks)",
                store.plan_path(&document.recovery_id).display(),
                meta.tasks
            ),
            Err(message) => format!("Unsaved work could not be written: {message}"),
        })
    }
}

fn meta_for(document: &Document, last_edit: DateTime<Utc>) -> RecoveryMeta {
    RecoveryMeta {
        original: document.path.clone(),
        title: document.plan().meta.title.clone(),
        last_edit,
        tasks: document.plan().tasks.len(),
        pid: std::process::id(),
        original_stamp: document.disk_stamp,
    }
}

/// The message and place of the last panic, kept by the panic hook for the crash report.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Installs a panic hook that keeps the panic's message for the crash report. Panics on the window's
/// thread are caught around the frame, which writes the unsaved work and then the report; a panic on
/// another thread writes a report straight away.
pub fn install_panic_hook(store: Option<RecoveryStore>) {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        default_hook(info);
        let thread = std::thread::current();
        let text = format!(
            "thread '{}' panicked: {info}",
            thread.name().unwrap_or("unnamed")
        );
        if thread.name() == Some("main") {
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = Some(text);
            }
        } else if let Some(store) = &store {
            store.write_crash_report(
                &format!("thread-{}", std::process::id()),
                &report(&text, None),
            );
        }
    }));
}

fn report(panic: &str, work: Option<&str>) -> String {
    format!(
        "Waymark {} crashed at {}.\n{panic}\n{}\n",
        env!("CARGO_PKG_VERSION"),
        Utc::now().to_rfc3339(),
        work.unwrap_or("No unsaved work.")
    )
}

impl WaymarkApp {
    /// Keeps the recovery file in step with the document; called once a frame.
    pub(super) fn recovery_tick(&mut self, ctx: &egui::Context) {
        let (due, error) = self.recovery.tick(&self.document);
        if let Some(due) = due {
            ctx.request_repaint_after(due);
        }
        if let Some(message) = error {
            self.toasts
                .error(format!("Could not write the recovery file: {message}"));
        }
    }

    /// After a panic in a frame: writes the unsaved work, then the crash report beside it.
    pub(super) fn write_crash_files(&self) {
        let work = self.recovery.write_now(&self.document);
        let panic = LAST_PANIC
            .lock()
            .ok()
            .and_then(|mut last| last.take())
            .unwrap_or_else(|| "panicked".to_owned());
        if let Some(store) = self.recovery.store() {
            store.write_crash_report(&self.document.recovery_id, &report(&panic, work.as_deref()));
        }
    }
}
