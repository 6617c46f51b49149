//! Crash consistency of saving: `waymark convert` writing a 10,000-task plan over an existing file is
//! killed at a random moment, 200 times. The file must always hold the old plan or the new one, byte
//! for byte. A killed save cannot clean up, so it may leave its own temporary file; the next save of
//! the same file removes it, so there is never more than one, and none after a save that finished.
//!
//! It takes a few minutes in a debug build, so it is ignored by default:
//! `cargo test --test core crash -- --ignored`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;
use waymark::io::plan_to_ron;
use waymark::model::{SplitMix, generate_plan};

const RUNS: usize = 200;

/// The temporary files of Waymark's saves in a folder.
fn temp_files(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .expect("the folder is readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".waymark-tmp"))
        .collect()
}

fn convert(input: &Path, output: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_waymark"));
    command
        .arg("convert")
        .arg(input)
        .arg("-o")
        .arg(output)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

#[test]
#[ignore = "kills 200 saves; takes minutes: cargo test --test core crash -- --ignored"]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_plan() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let input = folder.path().join("big.ron");
    let target = folder.path().join("target.ron");
    let old = plan_to_ron(&generate_plan(10_000, 20_000, 1));
    let new = plan_to_ron(&generate_plan(10_000, 20_000, 2));
    std::fs::write(&input, &new).expect("input written");

    std::fs::write(&target, &old).expect("target written");
    let start = Instant::now();
    let status = convert(&input, &target).status().expect("waymark runs");
    let full = start.elapsed();
    assert!(status.success());
    assert_eq!(std::fs::read_to_string(&target).expect("readable"), new);

    let mut rng = SplitMix::new(11);
    let (mut kept_old, mut got_new, mut temps_left) = (0, 0, 0);
    for run in 0..RUNS {
        std::fs::write(&target, &old).expect("target reset");
        let mut child = convert(&input, &target).spawn().expect("waymark runs");
        // Anywhere from the start to a little after a whole save usually takes.
        let wait = full.mul_f64(rng.below(1_100) as f64 / 1_000.0);
        std::thread::sleep(wait);
        let _already_done = child.kill();
        child.wait().expect("the child is reaped");
        let bytes = std::fs::read_to_string(&target).expect("the target is readable");
        if bytes == old {
            kept_old += 1;
        } else if bytes == new {
            got_new += 1;
        } else {
            panic!(
                "run {run}: killed after {wait:?}, the target is neither plan ({} bytes)",
                bytes.len()
            );
        }
        let temps = temp_files(folder.path());
        assert!(
            temps.len() <= 1,
            "run {run}: more than the killed save's temporary file: {temps:?}"
        );
        temps_left += temps.len();
    }
    let status = convert(&input, &target).status().expect("waymark runs");
    assert!(status.success());
    assert_eq!(
        temp_files(folder.path()),
        Vec::<String>::new(),
        "a finished save removes what killed ones left"
    );
    println!(
        "{RUNS} kills (a whole save takes {full:?}): {kept_old} kept the old plan, {got_new} had the \
         new one, {temps_left} left a temporary file for the next save to remove"
    );
    assert!(
        kept_old > 0 && got_new > 0,
        "kills should land both before and after the rename"
    );
}
