//! The in-app file chooser that answers when no native dialog can be shown.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use waymark::app::Command;
use waymark::io::{plan_from_ron, plan_to_ron};
use waymark::model::Plan;
use waymark::views::Request;

/// The app with native dialogs off and a recent file in `folder`, so the chooser starts there.
fn harness_in(
    folder: &std::path::Path,
) -> egui_kittest::Harness<'static, waymark::app::WaymarkApp> {
    let mut harness = super::harness();
    let app = harness.state_mut();
    app.use_in_app_dialogs("no XDG portal answered");
    app.settings.recent = vec![folder.join("earlier.ron")];
    harness.run();
    harness
}

#[test]
fn open_by_typing_a_path_with_tab_completion() {
    let folder = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        folder.path().join("orchard.ron"),
        plan_to_ron(&Plan::new("Orchard")),
    )
    .expect("write");
    std::fs::write(folder.path().join("notes.txt"), "not a plan").expect("write");
    let mut harness = harness_in(folder.path());
    harness.state_mut().request(Request::Command(Command::Open));
    harness.run();
    harness.get_by_label("Open plan");
    harness.get_by_label_contains("because no XDG portal answered");
    harness.get_by_label("🗋 orchard.ron");
    assert!(
        harness.query_by_label("🗋 notes.txt").is_none(),
        "only plan files are listed"
    );
    harness.get_by_label(&format!("In {}", folder.path().display()));

    let field = harness.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .type_text("orc");
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    let expected = folder.path().join("orchard.ron").display().to_string();
    let field = harness.get_by_role_and_label(Role::TextInput, "Path");
    assert_eq!(field.value().as_deref(), Some(expected.as_str()));
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().plan().meta.title, "Orchard");
    assert_eq!(
        harness.state().document.path.as_deref(),
        Some(folder.path().join("orchard.ron").as_path())
    );
    assert!(harness.query_by_label("Open plan").is_none());
}

#[test]
fn save_as_writes_where_the_path_field_says() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_in(folder.path());
    harness
        .state_mut()
        .request(Request::Command(Command::SaveAs));
    harness.run();
    harness.get_by_label("Save plan as");
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    let saved = std::fs::read_dir(folder.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .expect("a plan was saved in the folder");
    let plan = plan_from_ron(&std::fs::read_to_string(&saved).expect("read")).expect("loads");
    assert_eq!(&plan, harness.state().plan());
    assert_eq!(harness.state().document.path.as_ref(), Some(&saved));
}

#[test]
fn cancel_closes_the_chooser_and_changes_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_in(folder.path());
    let before = harness.state().plan().clone();
    harness
        .state_mut()
        .request(Request::Command(Command::Import));
    harness.run();
    harness.get_by_label("Import plan");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Import plan").is_none());
    assert_eq!(harness.state().plan(), &before);
}
