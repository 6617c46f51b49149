//! The menu bar and the view switcher, both read from the command table.

use super::{Command, WaymarkApp};
use crate::views::{Request, ViewKind};
use egui::{Button, Ui};

/// Draws the menu bar and, under it, the view switcher.
pub fn menu_bar_ui(ui: &mut Ui, app: &mut WaymarkApp) {
    egui::Panel::top("menu-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu_ui(ui, app));
            ui.menu_button("Edit", |ui| edit_menu_ui(ui, app));
            ui.menu_button("View", |ui| view_menu_ui(ui, app));
        });
    });
    egui::Panel::top("view-switcher").show(ui, |ui| {
        ui.horizontal(|ui| {
            for view in ViewKind::ALL {
                let response = ui
                    .selectable_label(app.settings.view == view, view.title())
                    .on_hover_text(view.description());
                if response.clicked() {
                    app.request(Request::Command(Command::Show(view)));
                }
            }
            ui.separator();
            ui.strong(app.plan().meta.title.clone());
        });
    });
}

/// A menu entry for a command with its shortcut; queues the command and closes the menu when clicked.
fn command_button(ui: &mut Ui, app: &mut WaymarkApp, command: Command, text: &str, enabled: bool) {
    command_entry(ui, app, command, text, enabled, false);
}

/// A menu entry that also shows whether it is the current choice (the shown view).
fn command_entry(
    ui: &mut Ui,
    app: &mut WaymarkApp,
    command: Command,
    text: &str,
    enabled: bool,
    selected: bool,
) {
    let mut button = Button::new(text).selected(selected);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip())
        .clicked()
    {
        app.request(Request::Command(command));
        ui.close();
    }
}

fn file_menu_ui(ui: &mut Ui, app: &mut WaymarkApp) {
    command_button(ui, app, Command::New, Command::New.text(), true);
    command_button(ui, app, Command::Open, Command::Open.text(), true);
    ui.menu_button("Open recent", |ui| {
        if app.settings.recent.is_empty() {
            ui.weak("No recent files");
        }
        for path in app.settings.recent.clone() {
            if ui.button(path.display().to_string()).clicked() {
                app.request(Request::OpenPath(path));
                ui.close();
            }
        }
        if !app.settings.recent.is_empty() {
            ui.separator();
            if ui.button("Clear recent files").clicked() {
                app.settings.recent.clear();
                ui.close();
            }
        }
    });
    ui.separator();
    // A read-only file cannot be saved over: Save asks where to save instead.
    let save = if app.document.read_only {
        Command::SaveAs.text()
    } else {
        Command::Save.text()
    };
    command_button(ui, app, Command::Save, save, true);
    command_button(ui, app, Command::SaveAs, Command::SaveAs.text(), true);
    ui.separator();
    command_button(ui, app, Command::Import, Command::Import.text(), true);
    command_button(
        ui,
        app,
        Command::ImportCsvMapped,
        Command::ImportCsvMapped.text(),
        true,
    );
    command_button(ui, app, Command::Export, Command::Export.text(), true);
    ui.separator();
    command_button(ui, app, Command::Print, Command::Print.text(), true);
    command_button(
        ui,
        app,
        Command::ExportView,
        Command::ExportView.text(),
        true,
    );
    ui.separator();
    command_button(ui, app, Command::Quit, Command::Quit.text(), true);
}

fn edit_menu_ui(ui: &mut Ui, app: &mut WaymarkApp) {
    let history = &app.document.history;
    let undo = history
        .undo_label()
        .map_or("Undo".to_owned(), |label| format!("Undo: {label}"));
    let redo = history
        .redo_label()
        .map_or("Redo".to_owned(), |label| format!("Redo: {label}"));
    let (can_undo, can_redo) = (
        history.undo_label().is_some(),
        history.redo_label().is_some(),
    );
    command_button(ui, app, Command::Undo, &undo, can_undo);
    command_button(ui, app, Command::Redo, &redo, can_redo);
    ui.separator();
    let selected = app.ui_state.selected.is_some();
    command_button(ui, app, Command::AddTask, Command::AddTask.text(), true);
    command_button(
        ui,
        app,
        Command::DuplicateTask,
        Command::DuplicateTask.text(),
        selected,
    );
    command_button(
        ui,
        app,
        Command::DeleteTask,
        Command::DeleteTask.text(),
        selected,
    );
}

fn view_menu_ui(ui: &mut Ui, app: &mut WaymarkApp) {
    for view in ViewKind::ALL {
        let command = Command::Show(view);
        let marker = if app.settings.view == view {
            "● "
        } else {
            "    "
        };
        command_button(ui, app, command, &format!("{marker}{}", view.title()), true);
    }
    ui.separator();
    let inspector = if app.settings.inspector_open {
        "Hide inspector"
    } else {
        "Show inspector"
    };
    command_button(ui, app, Command::ToggleInspector, inspector, true);
    let theme = if app.settings.dark {
        "Light theme"
    } else {
        "Dark theme"
    };
    command_button(ui, app, Command::ToggleTheme, theme, true);
}
