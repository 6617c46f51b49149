//! The "Resolve conflicts" panel: choosing a side, undoing the choice, and saving with conflicts left.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::app::{Command, Document, Settings, WaymarkApp};
use waymark::io::merge_plans;
use waymark::model::{Plan, Task, TaskId};
use waymark::views::Request;

/// A merged plan with one conflict: the title of LAMP-001 changed both ways.
fn merged() -> Plan {
    let mut base = Plan::new("Reading lamp");
    base.tasks = vec![
        Task::new("LAMP-001", "Pick a shade", "TODO"),
        Task::new("LAMP-002", "Wire the base", "TODO"),
    ]
    .into();
    let mut ours = base.clone();
    "Pick a linen shade".clone_into(&mut ours.tasks[0].title);
    let mut theirs = base.clone();
    "Pick a paper shade".clone_into(&mut theirs.tasks[0].title);
    merge_plans(Some(&base), &ours, &theirs)
        .expect("merges")
        .plan
}

fn harness(plan: Plan) -> Harness<'static, WaymarkApp> {
    let app = super::on_fixed_day(WaymarkApp::new(
        Document::untitled(plan, 0),
        Settings::default(),
    ));
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut WaymarkApp| app.ui_root(ui), app);
    harness.run();
    harness
}

fn title(app: &WaymarkApp) -> String {
    app.plan()
        .task(&TaskId::from("LAMP-001"))
        .map(|t| t.title.clone())
        .unwrap_or_default()
}

#[test]
fn choosing_theirs_resolves_the_conflict_and_undo_brings_it_back() {
    let mut harness = harness(merged());
    harness.get_by_label("Resolve conflicts");
    harness.get_by_label_contains("task LAMP-001, title");
    assert_eq!(title(harness.state()), "Pick a linen shade");
    harness
        .get_by_role_and_label(Role::Button, "Keep theirs: Pick a paper shade")
        .click();
    harness.run();
    assert_eq!(title(harness.state()), "Pick a paper shade");
    assert!(harness.state().plan().conflicts.is_empty());
    assert!(
        harness.query_by_label("Resolve conflicts").is_none(),
        "the panel closes"
    );

    harness.state_mut().request(Request::Command(Command::Undo));
    harness.run();
    assert_eq!(harness.state().plan().conflicts.len(), 1);
    assert_eq!(title(harness.state()), "Pick a linen shade");
    harness.get_by_label("Resolve conflicts");

    harness
        .get_by_role_and_label(Role::Button, "Keep base: Pick a shade")
        .click();
    harness.run();
    assert_eq!(title(harness.state()), "Pick a shade");
}

#[test]
fn saving_with_unresolved_conflicts_warns_and_keeps_them_in_the_file() {
    let mut harness = harness(merged());
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("lamp.ron");
    harness.state_mut().request(Request::SaveTo(path.clone()));
    harness.run();
    let message = harness
        .state()
        .toasts
        .latest()
        .map(|t| t.text.clone())
        .unwrap_or_default();
    assert!(message.contains("1 conflict unresolved"), "{message}");
    let text = std::fs::read_to_string(&path).expect("saved");
    let saved = waymark::io::plan_from_ron(&text).expect("loads");
    assert_eq!(saved.conflicts.len(), 1);
}
