//! A swimlane's header: name, count against the lane's WIP limit, estimate, marks when over a limit,
//! and a ⋯ menu that sets the lane's own limit. Clicking the header collapses or expands the lane.

use super::BoardState;
use super::columns::wip_limit_menu_ui;
use crate::edit::Edit;
use crate::export::board::{
    BoardIndex, LaneCounts, LaneFacts, lane_header_text, lane_over_column_limit,
};
use crate::views::ViewContext;
use crate::views::widgets::format_hours;
use egui::{
    Align, Align2, CornerRadius, FontId, Layout, Rect, Role, Sense, Ui, UiBuilder, WidgetInfo, vec2,
};

/// A lane's header: its name and counts; click collapses or expands it.
pub fn lane_header_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut BoardState,
    index: &BoardIndex,
    lane: &LaneFacts,
    rect: Rect,
) {
    let plan = ctx.plan;
    let column_limits: Vec<Option<u32>> = plan.legend.iter().map(|s| s.wip_limit).collect();
    let own_limit = lane.key.wip_limit(plan);
    let collapsed = state.collapsed.contains(&lane.key);
    let shown: usize = lane.cells.iter().map(Vec::len).sum();
    let text = lane_header_text(
        &lane.title,
        LaneCounts {
            shown,
            total: lane.total,
            filtered: state.filter.is_active(),
            limit: own_limit,
        },
        &format_hours(lane.total_hours),
        collapsed,
        lane_over_column_limit(index, lane, &column_limits),
    );
    let over = own_limit.is_some_and(|limit| lane.total > limit as usize);
    let id = ui.scope_id().with(("lane", &lane.key));
    let response = ui.interact(rect, id, Sense::click());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &text));
    let fill = if over {
        ui.visuals().error_fg_color.gamma_multiply(0.25)
    } else if response.hovered() {
        ui.visuals().widgets.hovered.weak_bg_fill
    } else {
        ui.visuals().widgets.inactive.weak_bg_fill
    };
    ui.painter()
        .rect_filled(rect.shrink2(vec2(0.0, 1.0)), CornerRadius::same(4), fill);
    let color = if over {
        ui.visuals().error_fg_color
    } else {
        ui.visuals().strong_text_color()
    };
    let text_rect = ui.painter().text(
        rect.left_center() + vec2(8.0, 0.0),
        Align2::LEFT_CENTER,
        &text,
        FontId::proportional(13.5),
        color,
    );
    if response.clicked() {
        if collapsed {
            state.collapsed.remove(&lane.key);
        } else {
            state.collapsed.insert(lane.key.clone());
        }
    }
    lane_menu_ui(ui, ctx, state, lane, text_rect.right(), rect);
}

/// The ⋯ button after the header text, opening the lane's WIP-limit menu.
fn lane_menu_ui(
    ui: &mut Ui,
    ctx: &mut ViewContext<'_>,
    state: &mut BoardState,
    lane: &LaneFacts,
    left: f32,
    rect: Rect,
) {
    let Some((lanes, key)) = lane.key.limit_key() else {
        return;
    };
    let plan = ctx.plan;
    let current = plan.lane_wip_limit(lanes, &key);
    let place = Rect::from_x_y_ranges(left + 6.0..=left + 36.0, rect.y_range());
    let mut ui = ui.new_child(
        UiBuilder::new()
            .id_salt(("lane-limit", &lane.key))
            .max_rect(place)
            .layout(Layout::left_to_right(Align::Center)),
    );
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    let name = format!("WIP limit of {}", lane.title);
    let (button, _) = egui::containers::menu::MenuButton::new("⋯")
        .config(config)
        .ui(&mut ui, |ui| {
            if let Some(choice) = wip_limit_menu_ui(ui, &mut state.wip_draft, current) {
                ctx.edit(Edit::SetLaneWipLimit {
                    lanes: lanes.to_owned(),
                    lane: key.clone(),
                    limit: choice.limit(),
                });
            }
        });
    button.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
    button.on_hover_text(format!("{} lane: WIP limit", lane.title));
}
