//! `waymark git-setup [DIR]`: makes git merge `.ron` plans with `waymark merge`.
//!
//! Adds `*.ron merge=waymark` to the repository's `.gitattributes` (once) and sets the driver in the
//! repository's git config to this very binary, by absolute path, so the merge works whatever `PATH`
//! git runs with.

use clap::Args;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The line `.gitattributes` needs.
pub const ATTRIBUTE: &str = "*.ron merge=waymark";

/// Where to set up.
#[derive(Debug, Args)]
pub struct GitSetupArgs {
    /// A folder inside the repository (the current one when left out).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// Writes the attribute and the driver.
pub fn run(args: &GitSetupArgs) -> Result<ExitCode, String> {
    let top = git(&args.dir, &["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(top.trim());
    let attributes = top.join(".gitattributes");
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", attributes.display())),
    };
    if existing.lines().any(|line| line.trim() == ATTRIBUTE) {
        println!("{} already has {ATTRIBUTE}", attributes.display());
    } else {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(ATTRIBUTE);
        text.push('\n');
        std::fs::write(&attributes, text).map_err(|e| format!("{}: {e}", attributes.display()))?;
        println!("added {ATTRIBUTE} to {}", attributes.display());
    }
    let exe = std::env::current_exe()
        .and_then(|exe| exe.canonicalize())
        .map_err(|e| format!("cannot tell where this waymark binary is: {e}"))?;
    let driver = format!("{} merge %O %A %B -o %A", shell_quote(&exe));
    git(
        &top,
        &["config", "merge.waymark.name", "Waymark plan merge"],
    )?;
    git(&top, &["config", "merge.waymark.driver", &driver])?;
    println!("set merge.waymark.driver to \"{driver}\" in the repository's git config");
    Ok(ExitCode::SUCCESS)
}

/// Runs git in a folder and returns what it printed.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("could not run git: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "git {} in {}: {}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// A path as one word for the shell git runs the driver with.
fn shell_quote(path: &Path) -> String {
    let text = path.display().to_string();
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
