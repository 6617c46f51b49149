//! The core must stay pure: no UI crates, no dialogs, no file-system paths.

use std::path::Path;

const CORE: [&str; 7] = [
    "src/model",
    "src/edit.rs",
    "src/history.rs",
    "src/history",
    "src/analysis",
    "src/io",
    "src/export",
];
const FORBIDDEN: [&str; 10] = [
    "egui",
    "eframe",
    "rfd",
    "std::fs",
    "File::open",
    "File::create",
    "OpenOptions",
    "Path::new",
    "PathBuf",
    "read_to_string(",
];

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("core folder is readable") {
            rust_files(&entry.expect("entry").path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_owned());
    }
}

#[test]
fn core_modules_mention_no_ui_crate_and_open_no_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in CORE {
        rust_files(&root.join(folder), &mut files);
    }
    assert!(
        files.len() >= 10,
        "the core folders should hold the core's files, found {}",
        files.len()
    );
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("source is readable");
        for (number, line) in text.lines().enumerate() {
            for word in FORBIDDEN {
                if line.contains(word) {
                    offences.push(format!(
                        "{}:{}: `{word}` in: {}",
                        file.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the core must stay pure:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_purity_scan_catches_a_forbidden_word() {
    let line = "use egui::Ui;";
    assert!(FORBIDDEN.iter().any(|word| line.contains(word)));
}
