//! The table of app commands: each has its menu text, tooltip and keyboard shortcut in one place, so
//! the menus, the shortcut handler and the tests read the same table.

use crate::views::ViewKind;
use egui::{Key, KeyboardShortcut, Modifiers};

/// An action a person can take from a menu or a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start a new, empty plan.
    New,
    /// Open a plan file.
    Open,
    /// Save to the current file (asks for one when there is none).
    Save,
    /// Save to a new file.
    SaveAs,
    /// Import a Markdown, CSV, MS Project XML or `GanttProject` document as a new plan.
    Import,
    /// Import a CSV document, choosing what each column becomes first.
    ImportCsvMapped,
    /// Export the plan as Markdown, CSV, MS Project XML or `GanttProject`.
    Export,
    /// Print the view shown, on pages set up in the print dialog.
    Print,
    /// Export the view shown as PDF, SVG or PNG.
    ExportView,
    /// Quit Waymark.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Add a task.
    AddTask,
    /// Duplicate the selected task.
    DuplicateTask,
    /// Delete the selected task.
    DeleteTask,
    /// Show one of the views.
    Show(ViewKind),
    /// Show or hide the inspector.
    ToggleInspector,
    /// Switch between the light and dark themes.
    ToggleTheme,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Self; 22] = [
        Self::New,
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::Import,
        Self::ImportCsvMapped,
        Self::Export,
        Self::Print,
        Self::ExportView,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::AddTask,
        Self::DuplicateTask,
        Self::DeleteTask,
        Self::Show(ViewKind::Table),
        Self::Show(ViewKind::Board),
        Self::Show(ViewKind::Graph),
        Self::Show(ViewKind::Timeline),
        Self::Show(ViewKind::Velocity),
        Self::ToggleInspector,
        Self::ToggleTheme,
    ];

    /// The text in menus ("Save as…" ends in an ellipsis because a dialog follows).
    pub fn text(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Import => "Import…",
            Self::ImportCsvMapped => "Import CSV with column mapping…",
            Self::Export => "Export plan…",
            Self::Print => "Print…",
            Self::ExportView => "Export view…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::AddTask => "Add task",
            Self::DuplicateTask => "Duplicate task",
            Self::DeleteTask => "Delete task",
            Self::Show(view) => view.title(),
            Self::ToggleInspector => "Inspector",
            Self::ToggleTheme => "Dark theme",
        }
    }

    /// A one-line explanation, shown as a tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::New => "Start a new, empty plan",
            Self::Open => "Open a Waymark plan (.ron)",
            Self::Save => "Save the plan to its file",
            Self::SaveAs => "Save the plan to a new file",
            Self::Import => {
                "Import a Markdown, CSV, MS Project XML or GanttProject plan as a new, unsaved plan"
            }
            Self::ImportCsvMapped => {
                "Import a CSV table, choosing for each column the task field it fills"
            }
            Self::Export => {
                "Write the plan as Markdown (.md), CSV (.csv), MS Project XML (.xml), GanttProject (.gan) or iCalendar (.ics)"
            }
            Self::Print => "Print the view shown on a CUPS printer, with page setup and a preview",
            Self::ExportView => {
                "Write the view shown as a PDF, SVG or PNG, on pages set up like a print"
            }
            Self::Quit => "Quit Waymark",
            Self::Undo => "Undo the last change",
            Self::Redo => "Redo the last undone change",
            Self::AddTask => "Add a task to the plan",
            Self::DuplicateTask => "Copy the selected task under a new id",
            Self::DeleteTask => "Delete the selected task",
            Self::Show(view) => view.description(),
            Self::ToggleInspector => "Show or hide the task inspector",
            Self::ToggleTheme => "Switch between the light and dark themes",
        }
    }

    /// The main keyboard shortcut.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Self::New => key(CTRL, Key::N),
            Self::Open => key(CTRL, Key::O),
            Self::Save => key(CTRL, Key::S),
            Self::SaveAs => key(CTRL_SHIFT, Key::S),
            Self::Import => key(CTRL_SHIFT, Key::O),
            Self::Export => key(CTRL, Key::E),
            Self::Print => key(CTRL, Key::P),
            Self::ExportView => key(CTRL_SHIFT, Key::E),
            Self::Quit => key(CTRL, Key::Q),
            Self::Undo => key(CTRL, Key::Z),
            Self::Redo => key(CTRL_SHIFT, Key::Z),
            Self::AddTask => key(CTRL, Key::T),
            Self::DuplicateTask => key(CTRL, Key::D),
            Self::DeleteTask => key(Modifiers::NONE, Key::Delete),
            Self::Show(view) => key(CTRL, view.shortcut_key()),
            Self::ToggleInspector => key(CTRL, Key::I),
            Self::ToggleTheme | Self::ImportCsvMapped => None,
        }
    }

    /// True for commands whose shortcut would also mean something to a focused text field (Ctrl+Z in a
    /// text field undoes typing; Delete deletes a character), so they only act when no text field has focus.
    pub fn yields_to_text_input(self) -> bool {
        matches!(
            self,
            Self::Undo | Self::Redo | Self::DeleteTask | Self::DuplicateTask
        )
    }

    /// Other shortcuts that do the same (Ctrl+Y for redo).
    pub fn alternate_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Self::Redo => Some(KeyboardShortcut::new(CTRL, Key::Y)),
            _ => None,
        }
    }
}
