//! What a view builds from the plan (board lanes, graph layout, table order), kept for a key and,
//! for large plans, built on a worker thread so that no frame waits for it.
//!
//! While a worker builds the value for a new key, the view keeps showing the value of the previous
//! key. At most one worker runs per cache: when keys change faster than values are built, the
//! newest key is built once the running worker is done.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Runs `work` on a new thread at the lowest priority the system allows, so that a frame on the UI
/// thread is never kept waiting by derived data being rebuilt (on two cores, two workers would
/// otherwise take turns with the UI thread).
pub fn spawn_worker(work: impl FnOnce() + Send + 'static) {
    std::thread::spawn(move || {
        // Where the priority cannot be lowered the work still runs, only without that courtesy.
        let _ = thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min);
        work();
    });
}

/// A value built for a key, here or on a worker thread.
#[derive(Debug)]
pub struct Background<K, V> {
    shown: Option<(K, Arc<V>)>,
    job: Option<(K, Receiver<V>)>,
}

impl<K, V> Default for Background<K, V> {
    fn default() -> Self {
        Self {
            shown: None,
            job: None,
        }
    }
}

impl<K: Clone + PartialEq, V: Send + Sync + 'static> Background<K, V> {
    /// The value for `key`, or, while a worker builds it, the newest value there is (`None` before
    /// the first). With `on_worker` false, a missing value is built here and now by `build`;
    /// otherwise `build` runs on a worker thread, which asks `repaint` for a frame when done.
    pub fn get(
        &mut self,
        key: &K,
        on_worker: bool,
        repaint: &egui::Context,
        build: impl FnOnce() -> V + Send + 'static,
    ) -> Option<Arc<V>> {
        self.take_finished();
        let current = matches!(&self.shown, Some((shown, _)) if shown == key);
        if !current {
            if !on_worker {
                self.job = None;
                self.shown = Some((key.clone(), Arc::new(build())));
            } else if self.job.is_none() {
                let (sender, receiver) = channel();
                let repaint = repaint.clone();
                spawn_worker(move || {
                    // Nobody waits for the value when the view was closed meanwhile.
                    if sender.send(build()).is_ok() {
                        repaint.request_repaint();
                    }
                });
                self.job = Some((key.clone(), receiver));
            }
        }
        self.shown.as_ref().map(|(_, value)| Arc::clone(value))
    }

    /// True while the value shown is not the one for the newest key.
    pub fn is_updating(&self, key: &K) -> bool {
        !matches!(&self.shown, Some((shown, _)) if shown == key)
    }

    /// Shows what a finished worker built.
    fn take_finished(&mut self) {
        let Some((key, receiver)) = &self.job else {
            return;
        };
        match receiver.try_recv() {
            Ok(value) => {
                self.shown = Some((key.clone(), Arc::new(value)));
                self.job = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.job = None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn on_a_worker_the_old_value_stays_until_the_new_one_is_built() {
        let ctx = egui::Context::default();
        let mut cache: Background<u32, String> = Background::default();
        assert_eq!(
            cache.get(&1, false, &ctx, || "one".to_owned()).as_deref(),
            Some(&"one".to_owned())
        );
        let (release, wait) = channel::<()>();
        let shown = cache.get(&2, true, &ctx, move || {
            wait.recv().ok();
            "two".to_owned()
        });
        assert_eq!(shown.as_deref(), Some(&"one".to_owned()), "the old value");
        assert!(cache.is_updating(&2));
        release.send(()).expect("the worker waits");
        let mut shown = None;
        for _ in 0..500 {
            shown = cache.get(&2, true, &ctx, || unreachable!("built once"));
            if !cache.is_updating(&2) {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        assert_eq!(shown.as_deref(), Some(&"two".to_owned()));
    }
}
