//! The `waymark` binary: a headless command, or the app.

use clap::Parser;
use std::process::ExitCode;
use waymark::cli::{Cli, run};

/// The app's allocator.
///
/// Worker threads build view caches and analyses that the UI thread later drops. With glibc's
/// allocator, freeing memory another thread allocated takes the lock of that thread's arena, and a
/// busy low-priority worker holding it stalled frames for 20–70 ms (seen as
/// `__lll_lock_wait_private` under `Background::get` in a scheduler trace of `benches/edit_frames`).
/// mimalloc hands such frees back to the owning thread without a lock. The window benchmarks use it
/// too (`benches/common`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => waymark::app::run(cli.file),
    }
}
