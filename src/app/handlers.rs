//! Handling what the frame asked for, after drawing: requests, commands, dialogs, shortcuts, the
//! unsaved-changes guard. Every plan change goes through the history here.

use super::effects::{DialogPurpose, Effects, file_name, with_ron_extension};
use super::print_dialog::PrintPurpose;
use super::prompt::{Guarded, PromptAnswer, prompt_ui};
use super::{Command, Document, WaymarkApp, sample_plan};
use crate::edit::Edit;
use crate::io::Loaded;
use crate::model::{Plan, StatusCategory, Task, TaskId};
use crate::views::Request;
use std::path::PathBuf;

impl WaymarkApp {
    /// Handles every queued request in order: edits through the history, then commands.
    pub fn run_requests(&mut self, ctx: &egui::Context) {
        if self.requests.is_empty() {
            return;
        }
        // What the requests change is drawn on the next frame.
        ctx.request_repaint();
        for request in std::mem::take(&mut self.requests) {
            match request {
                Request::Edit(edit) => self.apply_edit(&edit),
                Request::Select(id) => self.ui_state.selected = id,
                Request::Inspect(id) => {
                    self.ui_state.selected = Some(id);
                    self.settings.inspector_open = true;
                }
                Request::Command(command) => self.run_command(ctx, command),
                Request::OpenPath(path) => self.guarded(ctx, Guarded::OpenPath(path)),
                Request::SaveTo(path) => self.save_to(ctx, with_ron_extension(path)),
            }
        }
    }

    fn apply_edit(&mut self, edit: &Edit) {
        match self.document.history.apply(edit) {
            Ok(label) => self.toasts.info(label),
            Err(error) => self
                .toasts
                .error(format!("{}: {error}", edit.label(self.document.plan()))),
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.guarded(ctx, Guarded::New),
            Command::Open => self.guarded(ctx, Guarded::Open),
            Command::Import => self.guarded(ctx, Guarded::Import),
            Command::ImportCsvMapped => self.guarded(ctx, Guarded::ImportCsvMapped),
            Command::Export => {
                let name = self.suggested_file_name().replace(".ron", ".md");
                self.effects.ask(ctx, DialogPurpose::Export, &name);
            }
            Command::Print => self.open_print_dialog(ctx, PrintPurpose::Print),
            Command::ExportView => self.open_print_dialog(ctx, PrintPurpose::Export),
            Command::Quit => self.guarded(ctx, Guarded::Quit),
            Command::Save => self.save(ctx),
            Command::SaveAs => {
                self.effects
                    .ask(ctx, DialogPurpose::SaveAs, &self.suggested_file_name());
            }
            Command::Undo => match self.document.history.undo() {
                Some(label) => self.toasts.info(format!("Undo: {label}")),
                None => self.toasts.info("Nothing to undo"),
            },
            Command::Redo => match self.document.history.redo() {
                Some(label) => self.toasts.info(format!("Redo: {label}")),
                None => self.toasts.info("Nothing to redo"),
            },
            Command::AddTask | Command::DuplicateTask | Command::DeleteTask => {
                self.task_command(command);
            }
            Command::Show(view) => self.settings.view = view,
            Command::ToggleInspector => {
                self.settings.inspector_open = !self.settings.inspector_open;
            }
            Command::ToggleTheme => self.settings.dark = !self.settings.dark,
        }
    }

    fn task_command(&mut self, command: Command) {
        let plan = self.document.plan();
        let selected = self.ui_state.selected.as_ref().and_then(|id| plan.task(id));
        let index = self
            .ui_state
            .selected
            .as_ref()
            .and_then(|id| plan.task_index(id));
        let edit = match (command, selected) {
            (Command::AddTask, _) => {
                let task = new_task(plan, selected);
                Some((
                    task.id.clone(),
                    Edit::AddTask {
                        task: Box::new(task),
                        index: index.map(|i| i + 1),
                    },
                ))
            }
            (Command::DuplicateTask, Some(original)) => {
                let mut copy = original.clone();
                copy.id = plan.fresh_task_id(id_prefix(&original.id));
                copy.title = format!("{} (copy)", original.title);
                Some((
                    copy.id.clone(),
                    Edit::AddTask {
                        task: Box::new(copy),
                        index: index.map(|i| i + 1),
                    },
                ))
            }
            (Command::DeleteTask, Some(task)) => {
                let next = index.and_then(|i| {
                    plan.tasks
                        .get(i + 1)
                        .or_else(|| i.checked_sub(1).and_then(|j| plan.tasks.get(j)))
                });
                let next = next.map(|t| t.id.clone()).unwrap_or_default();
                Some((next, Edit::DeleteTask(task.id.clone())))
            }
            _ => None,
        };
        if let Some((select, edit)) = edit {
            self.apply_edit(&edit);
            if self.document.plan().task(&select).is_some() {
                self.ui_state.selected = Some(select);
            } else if matches!(edit, Edit::DeleteTask(_)) {
                self.ui_state.selected = None;
            }
        }
    }

    /// Runs an action that would drop the document, asking first when it has unsaved changes.
    fn guarded(&mut self, ctx: &egui::Context, action: Guarded) {
        if self.document.history.is_dirty() && !self.guard.allow_close {
            self.guard.asking = Some(action);
        } else {
            self.proceed(ctx, action);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, action: Guarded) {
        match action {
            Guarded::New => {
                self.replace_document(Document::untitled(
                    Plan::new("Untitled plan"),
                    self.document.generation + 1,
                ));
                self.toasts.info("New plan");
            }
            Guarded::Open => self.effects.ask(ctx, DialogPurpose::Open, ""),
            Guarded::Import => self.effects.ask(ctx, DialogPurpose::Import, ""),
            Guarded::ImportCsvMapped => {
                self.csv_mapping.asked = true;
                self.effects.ask(ctx, DialogPurpose::Import, "");
            }
            Guarded::OpenPath(path) => self.open_path(path),
            Guarded::Quit => {
                self.guard.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Opens a plan file, or imports a Markdown or CSV document (which then shows its report).
    pub(super) fn open_path(&mut self, path: PathBuf) {
        let asked = std::mem::take(&mut self.csv_mapping.asked);
        match Effects::read_csv_text(&path) {
            Ok(Some(text)) => {
                if self.offer_csv_mapping(text, file_name(&path), asked) {
                    return;
                }
            }
            Ok(None) => {}
            Err(message) => {
                self.toasts.error(message);
                return;
            }
        }
        match Effects::load_stamped(&path) {
            Ok((
                Loaded {
                    plan,
                    report: Some(report),
                },
                _,
            )) => self.begin_import(plan, report, file_name(&path)),
            Ok((Loaded { plan, report: None }, version)) => {
                let tasks = plan.tasks.len();
                self.settings.remember(path.clone());
                self.toasts
                    .info(format!("Opened {} ({tasks} tasks)", file_name(&path)));
                self.replace_document(Document::opened(plan, path, self.document.generation + 1));
                self.matches_disk(version);
            }
            Err(message) => self.toasts.error(message),
        }
    }

    pub(super) fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.ui_state.selected = None;
    }

    fn save(&mut self, ctx: &egui::Context) {
        match self.document.path.clone() {
            Some(path) if !self.document.read_only => self.save_to(ctx, path),
            Some(path) => {
                self.toasts.info(format!(
                    "{} is read-only: choose where to save",
                    file_name(&path)
                ));
                self.effects
                    .ask(ctx, DialogPurpose::SaveAs, &self.suggested_file_name());
            }
            None => self
                .effects
                .ask(ctx, DialogPurpose::SaveAs, &self.suggested_file_name()),
        }
    }

    /// Saves to a file, asking first when that would overwrite someone else's change to the open file.
    fn save_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        if self.save_would_overwrite(&path) {
            self.disk.confirm_overwrite = Some(path);
        } else {
            self.write_plan(ctx, path);
        }
    }

    /// Writes the plan to a file and marks it saved.
    pub(super) fn write_plan(&mut self, ctx: &egui::Context, path: PathBuf) {
        match Effects::save(&path, self.document.plan()) {
            Ok(version) => {
                self.document.history.mark_saved();
                self.settings.remember(path.clone());
                self.toasts.info(format!("Saved {}", file_name(&path)));
                if let Some(warning) = self.unresolved_conflicts_warning() {
                    self.toasts.error(warning);
                }
                self.document.set_path(path);
                self.matches_disk(version);
                if let Some(action) = self.guard.after_save.take() {
                    self.proceed(ctx, action);
                }
            }
            Err(message) => {
                self.guard.after_save = None;
                self.toasts.error(message);
            }
        }
    }

    pub(super) fn suggested_file_name(&self) -> String {
        let title = &self.document.plan().meta.title;
        let stem: String = title
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
            .collect();
        let stem = stem.trim().replace(' ', "-").to_lowercase();
        format!("{}.ron", if stem.is_empty() { "plan" } else { &stem })
    }

    /// Takes the answer of a finished file dialog; when no native dialog could be shown, opens the
    /// in-app chooser instead.
    pub(super) fn poll_dialogs(&mut self) {
        let Some(answer) = self.effects.poll() else {
            return;
        };
        match answer.failure {
            Some(reason) => self.open_chooser(answer.purpose, reason),
            None => self.dialog_answered(answer.purpose, answer.path),
        }
    }

    /// Acts on the file chosen in a dialog (native or in-app), or on a cancel.
    pub(super) fn dialog_answered(&mut self, purpose: DialogPurpose, path: Option<PathBuf>) {
        match (purpose, path) {
            (DialogPurpose::Open | DialogPurpose::Import, Some(path)) => self.open_path(path),
            (DialogPurpose::Export, Some(path)) => self.export_to(&path),
            (DialogPurpose::ExportView(_), Some(path)) => self.export_pages_to(path),
            (DialogPurpose::SaveAs, Some(path)) => self.requests.push(Request::SaveTo(path)),
            (_, None) => {
                self.guard.after_save = None;
                self.csv_mapping.asked = false;
            }
        }
    }

    /// Shows the unsaved-changes prompt while one is pending, and acts on the answer.
    pub(super) fn prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(action) = self.guard.asking.clone() else {
            return;
        };
        let Some(answer) = prompt_ui(ctx, &self.document.display_name()) else {
            return;
        };
        self.guard.asking = None;
        match answer {
            PromptAnswer::Cancel => {}
            PromptAnswer::Discard => {
                if action == Guarded::Quit {
                    self.guard.allow_close = true;
                }
                self.proceed(ctx, action);
            }
            PromptAnswer::Save => {
                self.guard.after_save = Some(action);
                self.save(ctx);
            }
        }
    }

    /// Turns pressed shortcuts into commands. Shortcuts with more modifiers are checked first, so
    /// Ctrl+Shift+S is not taken for Ctrl+S.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let mut bindings: Vec<(egui::KeyboardShortcut, Command)> = Command::ALL
            .iter()
            .filter(|command| !(typing && command.yields_to_text_input()))
            .flat_map(|&command| {
                [command.shortcut(), command.alternate_shortcut()]
                    .into_iter()
                    .flatten()
                    .map(move |s| (s, command))
            })
            .collect();
        bindings.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
        for (shortcut, command) in bindings {
            if ctx.input_mut(|input| input.consume_shortcut(&shortcut)) {
                self.requests.push(Request::Command(command));
            }
        }
    }

    /// Opens a plan file dropped on the window; a Markdown or CSV file is imported.
    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.requests.push(Request::OpenPath(path));
        }
    }

    /// Stops the window from closing over unsaved changes and asks instead.
    pub(super) fn close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|input| input.viewport().close_requested())
            && self.document.history.is_dirty()
            && !self.guard.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.guard.asking = Some(Guarded::Quit);
        }
    }

    /// Replaces the document with the bundled sample (used by tests and "New from sample").
    pub fn open_sample(&mut self) {
        self.replace_document(Document::untitled(
            sample_plan(),
            self.document.generation + 1,
        ));
    }
}

fn modifier_count(modifiers: egui::Modifiers) -> u8 {
    u8::from(modifiers.shift)
        + u8::from(modifiers.alt)
        + u8::from(modifiers.command || modifiers.ctrl)
}

/// The id prefix of a task id: `CHAT` for `CHAT-001`.
fn id_prefix(id: &TaskId) -> &str {
    id.as_str()
        .rsplit_once('-')
        .map_or("TASK", |(prefix, _)| prefix)
}

/// A new task next to the selected one: same prefix, phase and sprint; the first not-started status.
fn new_task(plan: &Plan, beside: Option<&Task>) -> Task {
    let status = plan
        .first_status_in(StatusCategory::NotStarted)
        .or_else(|| plan.legend.first().map(|s| &s.key))
        .cloned()
        .unwrap_or_default();
    let mut task = Task {
        id: plan.fresh_task_id(beside.map_or("TASK", |t| id_prefix(&t.id))),
        title: "New task".to_owned(),
        status,
        ..Task::default()
    };
    if let Some(beside) = beside {
        task.phase.clone_from(&beside.phase);
        task.sprint.clone_from(&beside.sprint);
    }
    task
}
