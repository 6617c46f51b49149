//! The same moves without a mouse: Ctrl+Alt+←/→ moves the selected card across columns, Ctrl+Alt+↑/↓
//! reorders it, Enter edits its title.

use super::drag::{DropTarget, drop_edit};
use super::{BoardState, TitleDraft};
use crate::export::board::BoardIndex;
use crate::views::ViewContext;
use egui::{Key, Modifiers, Ui};

/// Handles the board's keys for the selected card, when no text field has the keyboard.
pub fn keyboard_moves(
    ui: &Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut BoardState,
    index: &BoardIndex,
) {
    if ui.ctx().egui_wants_keyboard_input() || state.editing.is_some() {
        return;
    }
    let plan = ctx.plan;
    let Some(id) = ctx.selected else {
        return;
    };
    let Some(task_index) = plan.task_index(id) else {
        return;
    };
    let Some((lane, column, position)) = index.locate(task_index) else {
        return;
    };
    let chord = Modifiers::CTRL | Modifiers::ALT;
    let pressed = |key| ui.input_mut(|i| i.consume_key(chord, key));
    let target = if pressed(Key::ArrowLeft) && column > 0 && !state.planning {
        Some(DropTarget {
            lane,
            column: column - 1,
            slot: None,
        })
    } else if pressed(Key::ArrowRight) && column + 1 < index.columns.len() && !state.planning {
        Some(DropTarget {
            lane,
            column: column + 1,
            slot: None,
        })
    } else if pressed(Key::ArrowUp) && position > 0 {
        Some(DropTarget {
            lane,
            column,
            slot: Some(position - 1),
        })
    } else if pressed(Key::ArrowDown) {
        Some(DropTarget {
            lane,
            column,
            slot: Some(position + 2),
        })
    } else {
        None
    };
    if let Some(edit) = target.and_then(|t| drop_edit(plan, index, id, t, crate::views::now())) {
        ctx.edit(edit);
        state.announcer.moved(id.clone(), ctx.derived.revision);
    }
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
        && let Some(task) = plan.task(id)
    {
        state.editing = Some(TitleDraft::new(task));
    }
}
