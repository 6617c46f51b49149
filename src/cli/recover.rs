//! `waymark recover --list`: what unsaved work waits in the recovery folder.

use crate::recovery::RecoveryStore;
use std::process::ExitCode;

/// Prints each piece of waiting work (where it belongs, when it was last edited, how many tasks), or
/// says there is none. Work whose process still runs is marked "open now".
pub fn list() -> Result<ExitCode, String> {
    let store = RecoveryStore::default_location()
        .ok_or("neither XDG_DATA_HOME nor HOME is set, so there is no recovery folder")?;
    let entries = store.list();
    if entries.is_empty() {
        println!("No unsaved work is waiting in {}", store.dir().display());
        return Ok(ExitCode::SUCCESS);
    }
    println!("Unsaved work in {}:", store.dir().display());
    for entry in &entries {
        let place = entry.meta.original.as_ref().map_or_else(
            || format!("{} (never saved)", entry.meta.name()),
            |path| path.display().to_string(),
        );
        let open = if entry.is_orphaned() {
            ""
        } else {
            " (open now)"
        };
        println!(
            "{place}\tlast edited {}\t{} tasks\t{}{open}",
            entry.meta.last_edit_text(),
            entry.meta.tasks,
            store.plan_path(&entry.id).display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
