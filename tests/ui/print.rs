//! The print and export dialog: its page count follows the settings, an export writes the pages and
//! keeps the page setup in the plan as one undo step.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};
use waymark::app::{Command, WaymarkApp};
use waymark::model::PrintScale;
use waymark::views::Request;

/// Types a number into a drag value found by its name: focus puts it in text mode, then the typed
/// number replaces the old one.
fn enter_number(harness: &mut Harness<'static, WaymarkApp>, name: &str, number: &str) {
    harness.get_by_label(name).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(number.to_owned()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// Steps the app until a condition holds (the dialog's pages are made on a worker thread).
fn wait_for(
    harness: &mut Harness<'static, WaymarkApp>,
    what: &str,
    done: impl Fn(&WaymarkApp) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

fn page_count(app: &WaymarkApp) -> String {
    app.print_dialog()
        .and_then(waymark::app::PrintDialog::page_count)
        .unwrap_or_default()
}

#[test]
fn the_print_dialogs_page_count_follows_its_settings() {
    let mut harness = super::harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::P);
    harness.run();
    wait_for(&mut harness, "the first count", |app| {
        page_count(app).starts_with("1 page (1 wide × 1 tall)")
    });
    harness.get_by_label_contains("smallest text");

    enter_number(&mut harness, "Pages wide", "2");
    wait_for(&mut harness, "two pages wide", |app| {
        page_count(app).starts_with("2 pages (2 wide × 1 tall)")
    });
    harness.get_by_label("Page 2");

    enter_number(&mut harness, "Pages tall", "2");
    wait_for(&mut harness, "a second row of pages", |app| {
        let count = page_count(app);
        count.contains("(2 wide × 2 tall)")
    });
    // Closing without printing leaves the plan as it was.
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.state().print_dialog().is_none());
    assert!(harness.state().plan().meta.page_setup.is_none());
}

#[test]
fn exporting_a_view_writes_its_pages_and_keeps_the_setup_in_the_plan() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = super::harness();
    harness
        .state_mut()
        .use_in_app_dialogs("no XDG portal answered");
    harness
        .state_mut()
        .request(Request::Command(Command::ExportView));
    // One frame opens the dialog; its workers (printers, page count) repaint as they finish, so
    // the frames after are stepped until the count is in.
    harness.step();
    wait_for(&mut harness, "the count", |app| !page_count(app).is_empty());
    enter_number(&mut harness, "Pages wide", "2");
    wait_for(&mut harness, "two pages", |app| {
        page_count(app).starts_with("2 pages")
    });
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label_contains("because no XDG portal answered");
    let target = folder.path().join("gantt.pdf");
    let field = harness.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .type_text(&target.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    wait_for(&mut harness, "the export", |app| {
        app.print_dialog().is_none()
    });
    let bytes = std::fs::read(&target).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF"));
    let setup = harness.state().plan().meta.page_setup.clone();
    assert_eq!(
        setup.map(|s| s.scale),
        Some(PrintScale::FitPages { wide: 2, tall: 1 }),
        "the setup is kept in the plan"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness.state().plan().meta.page_setup.is_none(),
        "one undo step takes it back"
    );
}
