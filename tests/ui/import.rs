//! Importing a CSV document: the report window, Keep and Discard, and a failed import.

use super::{harness, task};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use waymark::views::Request;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn keep_shows_the_imported_plan_as_an_unsaved_document() {
    let mut harness = harness();
    harness
        .state_mut()
        .request(Request::OpenPath(fixture("csv_garden.csv")));
    harness.run();
    harness.get_by_label("Import report");
    harness.get_by_label("csv_garden.csv was read as CSV.");
    harness.get_by_label("Tasks");
    harness.snapshot("import_report");
    harness.get_by_role_and_label(Role::Button, "Keep").click();
    harness.run();
    assert!(harness.query_by_label("Import report").is_none());
    let app = harness.state();
    assert_eq!(app.plan().tasks.len(), 6);
    assert_eq!(
        app.plan().meta.title,
        "Community Garden Rollout v1.3 - Spring Plan"
    );
    assert!(app.document.history.is_dirty(), "an import is unsaved");
    assert_eq!(app.document.path, None);
    assert!(app.pending_import.is_none());
}

#[test]
fn discard_returns_to_the_previous_document_untouched() {
    let mut harness = harness();
    let before = harness.state().plan().clone();
    harness
        .state_mut()
        .request(Request::OpenPath(fixture("csv_workshop.csv")));
    harness.run();
    assert_eq!(
        harness.state().plan().tasks.len(),
        4,
        "the import shows behind the report"
    );
    harness
        .get_by_role_and_label(Role::Button, "Discard")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(*app.plan(), before);
    assert!(!app.document.history.is_dirty());
    assert!(app.pending_import.is_none());
}

#[test]
fn warnings_are_listed_with_their_lines_and_a_failed_import_changes_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let ragged = folder.path().join("ragged.csv");
    std::fs::write(&ragged, "id,task,status\nA,One,todo\nB,Two\n").expect("write");
    let broken = folder.path().join("broken.csv");
    std::fs::write(&broken, "id,task\nA,\"open\n").expect("write");

    let mut harness = harness();
    let before = harness.state().plan().clone();
    harness.state_mut().request(Request::OpenPath(broken));
    harness.run();
    assert!(harness.query_by_label("Import report").is_none());
    assert_eq!(*harness.state().plan(), before);
    let toast = harness
        .state()
        .toasts
        .latest()
        .expect("an error")
        .text
        .clone();
    assert!(
        toast.contains("line 2: a quoted cell is never closed"),
        "{toast}"
    );

    harness.state_mut().request(Request::OpenPath(ragged));
    harness.run();
    harness.get_by_label("Line 3: 2 cells where the header has 3; the missing cells are empty");
    harness.get_by_role_and_label(Role::Button, "Keep").click();
    harness.run();
    assert_eq!(harness.state().plan().tasks.len(), 2);
}

#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dropped_csv_asks_about_unsaved_changes_then_imports() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Add task")
        .click();
    harness.run();
    let edited = harness.state().plan().clone();
    assert!(harness.state().document.history.is_dirty());
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(fixture(
            "csv_workshop.csv",
        ))));
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Don't save")
        .click();
    harness.run();
    harness.get_by_label("csv_workshop.csv was read as CSV.");
    harness
        .get_by_role_and_label(Role::Button, "Discard")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(*app.plan(), edited, "Discard brings back the edited plan");
    assert!(app.document.history.is_dirty());
}

const CREW: &str = "Ref,What,Lead,Helper,Budget\nR1,Dig beds,Ana,Sam,40\nR2,Lay pipe,Sam,Ana,25\n";

/// Picks a field for a column in the mapping dialog, as a person would: open its list, click the field.
fn choose(
    harness: &mut egui_kittest::Harness<'_, waymark::app::WaymarkApp>,
    column: &str,
    field: &str,
) {
    harness
        .get_by_role_and_label(Role::ComboBox, column)
        .click();
    harness.run();
    harness
        .get_by_role(Role::ListBox)
        .get_by_label(field)
        .click();
    harness.run();
}

#[test]
fn an_ambiguous_csv_is_mapped_by_hand_and_the_mapping_is_remembered() {
    let folder = tempfile::tempdir().expect("temp dir");
    let crew = folder.path().join("crew.csv");
    std::fs::write(&crew, CREW).expect("write");
    let mut harness = harness();
    harness.state_mut().request(Request::OpenPath(crew));
    harness.run();
    harness.get_by_label("Map CSV columns");
    harness.get_by_label("Lay pipe");
    assert!(harness.query_by_label("Import report").is_none());
    choose(&mut harness, "Ref", "Id");
    choose(&mut harness, "What", "Title");
    choose(&mut harness, "Helper", "Owner");
    choose(&mut harness, "Budget", "Ignore");
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    harness.run();
    assert!(harness.query_by_label("Map CSV columns").is_none());
    harness.get_by_label("crew.csv was read as CSV.");
    harness.get_by_role_and_label(Role::Button, "Keep").click();
    harness.run();
    let plan = harness.state().plan().clone();
    assert_eq!(plan.tasks.len(), 2);
    let dig = task(harness.state(), "R1");
    assert_eq!(
        (dig.title.as_str(), dig.owner.as_str()),
        ("Dig beds", "Sam")
    );
    assert!(
        dig.fields
            .iter()
            .any(|f| f.name == "Lead" && f.value == "Ana")
    );
    assert!(!dig.fields.iter().any(|f| f.name == "Budget"), "ignored");
    assert_eq!(harness.state().settings.csv_mappings.len(), 1);

    // Another file with the same header: its columns come pre-selected as chosen before.
    let more = folder.path().join("more.csv");
    std::fs::write(&more, "REF,What,Lead,Helper,Budget\nR9,Water,Ana,Kim,5\n").expect("write");
    harness.state_mut().request(Request::OpenPath(more));
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Don't save")
        .click();
    harness.run();
    harness.get_by_label("Map CSV columns");
    let helper = harness.get_by_role_and_label(Role::ComboBox, "Helper");
    assert_eq!(helper.value().as_deref(), Some("Owner"));
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Keep").click();
    harness.run();
    let water = task(harness.state(), "R9");
    assert_eq!(
        (water.title.as_str(), water.owner.as_str()),
        ("Water", "Kim")
    );
}

#[test]
fn cancel_in_the_mapping_dialog_leaves_the_plan_untouched() {
    let folder = tempfile::tempdir().expect("temp dir");
    let crew = folder.path().join("crew.csv");
    std::fs::write(&crew, CREW).expect("write");
    let mut harness = harness();
    let before = harness.state().plan().clone();
    harness.state_mut().request(Request::OpenPath(crew));
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(harness.query_by_label("Map CSV columns").is_none());
    assert!(harness.state().pending_import.is_none());
    assert_eq!(*harness.state().plan(), before);
    assert!(harness.state().settings.csv_mappings.is_empty());
}

#[test]
fn the_file_menu_asks_for_a_mapping_even_for_a_clear_header() {
    let folder = tempfile::tempdir().expect("temp dir");
    let clear = folder.path().join("clear.csv");
    std::fs::write(&clear, "id,task,owner\nA,Sow,Ana\nB,Weed,Sam\n").expect("write");
    let mut harness = harness();
    harness
        .state_mut()
        .use_in_app_dialogs("no XDG portal answered");
    harness.state_mut().settings.recent = vec![folder.path().join("earlier.ron")];
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label("Import CSV with column mapping…")
        .click();
    harness.run();
    harness.get_by_label("Import plan");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    // Cancelled: a later plain import of a clear header goes straight to the report.
    harness
        .state_mut()
        .request(Request::OpenPath(clear.clone()));
    harness.run();
    assert!(harness.query_by_label("Map CSV columns").is_none());
    harness
        .get_by_role_and_label(Role::Button, "Discard")
        .click();
    harness.run();

    harness
        .state_mut()
        .request(Request::Command(waymark::app::Command::ImportCsvMapped));
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .type_text("clear.csv");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Map CSV columns");
    let owner = harness.get_by_role_and_label(Role::ComboBox, "owner");
    assert_eq!(
        owner.value().as_deref(),
        Some("Owner"),
        "Waymark's reading is pre-selected"
    );
    choose(&mut harness, "owner", "Keep as a field");
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Keep").click();
    harness.run();
    let sow = task(harness.state(), "A");
    assert_eq!(sow.owner, "", "the owner column was kept as a field");
    assert!(
        sow.fields
            .iter()
            .any(|f| f.name == "owner" && f.value == "Ana")
    );
}

#[test]
fn a_csv_given_at_startup_is_mapped_like_file_import() {
    let folder = tempfile::tempdir().expect("temp dir");
    let crew = folder.path().join("crew.csv");
    std::fs::write(&crew, CREW).expect("write");
    let clear = folder.path().join("clear.csv");
    std::fs::write(&clear, "id,task,owner\nA,Sow,Ana\nB,Weed,Sam\n").expect("write");
    let mut harness = harness();
    let sample = harness.state().plan().clone();

    // A clear header with nothing remembered: the plain import Waymark started on stays.
    assert!(!harness.state_mut().map_startup_csv(&clear));
    harness.run();
    assert!(harness.query_by_label("Map CSV columns").is_none());

    // A doubtful header: the mapping dialog, over the sample plan, as File → Import… shows it.
    assert!(harness.state_mut().map_startup_csv(&crew));
    harness.run();
    harness.get_by_label("Map CSV columns");
    assert_eq!(harness.state().plan().tasks, sample.tasks);
    choose(&mut harness, "Ref", "Id");
    choose(&mut harness, "What", "Title");
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    harness.run();
    harness.get_by_label("crew.csv was read as CSV.");
    harness.get_by_role_and_label(Role::Button, "Keep").click();
    harness.run();
    assert_eq!(harness.state().plan().tasks.len(), 2);
    assert_eq!(task(harness.state(), "R2").title, "Lay pipe");

    // A clear header whose mapping is remembered: the dialog again, with the remembered choices.
    let mut harness = super::harness();
    let signature = waymark::io::csv_columns("id,task,owner\n")
        .expect("a header")
        .signature();
    let choices = vec![
        waymark::io::CsvChoice::Keep,
        waymark::io::CsvChoice::Keep,
        waymark::io::CsvChoice::Ignore,
    ];
    harness
        .state_mut()
        .settings
        .remember_csv_mapping(signature, choices);
    assert!(harness.state_mut().map_startup_csv(&clear));
    harness.run();
    harness.get_by_label("Map CSV columns");
    let owner = harness.get_by_role_and_label(Role::ComboBox, "owner");
    assert_eq!(owner.value().as_deref(), Some("Ignore"));
}

#[test]
fn a_document_given_at_startup_opens_with_its_report() {
    let path = fixture("csv_jira_export.csv");
    let text = std::fs::read(&path).expect("fixture is readable");
    let read = || {
        let loaded = waymark::io::Format::Csv.read(&text).expect("imports");
        (loaded.plan, loaded.report.expect("an import has a report"))
    };
    let mut harness = harness();
    let sample = harness.state().plan().clone();

    // Discard: back to the sample plan Waymark started on.
    let (plan, report) = read();
    harness.state_mut().import_at_startup(&path, plan, report);
    harness.run();
    harness.get_by_label("csv_jira_export.csv was read as CSV.");
    harness.get_by_label_contains("Recognised a Jira export");
    harness.get_by_label_contains("GH-99");
    harness
        .get_by_role_and_label(Role::Button, "Discard")
        .click();
    harness.run();
    assert_eq!(harness.state().plan().tasks, sample.tasks);

    // Keep: the imported plan, unsaved.
    let (plan, report) = read();
    harness.state_mut().import_at_startup(&path, plan, report);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Keep").click();
    harness.run();
    assert!(harness.query_by_label("Import report").is_none());
    assert_eq!(harness.state().plan().tasks.len(), 6);
    assert_eq!(task(harness.state(), "GH-2").title, "Soil moisture sensors");
    assert!(
        harness.state().document.history.is_dirty(),
        "an import is unsaved"
    );
    assert_eq!(harness.state().document.path, None);
}
