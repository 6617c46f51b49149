//! MS Project XML and `GanttProject` exports read back by MPXJ (the library other tools import with):
//! runs `scripts/validate_mpxj.py` on the seeds and the sample. Says "skipped" where MPXJ or Java is
//! missing (`.ci/run` installs them: `pip install mpxj JPype1`).

use std::path::PathBuf;
use std::process::Command;

#[test]
fn mpxj_reads_every_export_back() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Ok(output) = Command::new("python3")
        .arg(root.join("scripts/validate_mpxj.py"))
        .arg("--waymark")
        .arg(env!("CARGO_BIN_EXE_waymark"))
        .output()
    else {
        println!("skipped: no python3");
        return;
    };
    let said = String::from_utf8_lossy(&output.stdout);
    let errors = String::from_utf8_lossy(&output.stderr);
    match output.status.code() {
        Some(0) => {
            println!("{said}");
            assert!(said.contains(" passed, 0 failed"), "{said}");
        }
        Some(2) => println!("skipped: MPXJ or Java is missing ({})", errors.trim()),
        _ => panic!("MPXJ found problems:\n{said}\n{errors}"),
    }
}
