//! How Waymark learns that a native file dialog failed. rfd 0.17 returns `None` both when the person
//! cancels and when no dialog could be shown (no XDG portal, no zenity); the failure is only reported
//! through the `log` crate, as an error from `rfd::backend::…`. This logger keeps those errors per thread
//! so the dialog's thread can tell a failure from a cancel.

use std::sync::Mutex;
use std::thread::ThreadId;

/// Errors rfd logged, with the thread that logged them.
static FAILURES: Mutex<Vec<(ThreadId, String)>> = Mutex::new(Vec::new());

struct RfdErrors;

impl log::Log for RfdErrors {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Error && metadata.target().starts_with("rfd")
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        if let Ok(mut failures) = FAILURES.lock() {
            failures.push((std::thread::current().id(), record.args().to_string()));
        }
    }

    fn flush(&self) {}
}

static LOGGER: RfdErrors = RfdErrors;

/// Installs the logger (once; when another logger is already installed, failures are not detected).
pub fn install() {
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(log::LevelFilter::Error);
    }
}

/// The last error rfd logged on this thread, taking all of this thread's errors.
pub fn take_failure() -> Option<String> {
    let me = std::thread::current().id();
    let mut failures = FAILURES.lock().ok()?;
    let mut last = None;
    failures.retain(|(thread, message)| {
        if *thread == me {
            last = Some(message.clone());
            false
        } else {
            true
        }
    });
    last
}

/// Why a native dialog cannot be shown here, checked before trying: turned off with
/// `WAYMARK_NATIVE_DIALOGS=0`, or (on Linux) no D-Bus session for the XDG portal and no zenity.
pub fn unavailable_reason() -> Option<String> {
    if std::env::var_os("WAYMARK_NATIVE_DIALOGS").is_some_and(|v| v == "0") {
        return Some("native dialogs are turned off (WAYMARK_NATIVE_DIALOGS=0)".to_owned());
    }
    if cfg!(target_os = "linux")
        && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none()
        && !on_path("zenity")
    {
        return Some(
            "there is no D-Bus session for the XDG desktop portal, and zenity is not installed"
                .to_owned(),
        );
    }
    None
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}
