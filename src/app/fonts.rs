//! Fonts: egui's own, plus `DejaVu Sans` as a fallback for the arrows, bullets and shapes plan documents
//! use (→, ●, ▲) that egui's bundled fonts lack. Characters no font has are drawn as boxes, never dropped.

use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Adds the fallback font to both families. Call once per context.
pub fn install_fonts(ctx: &egui::Context) {
    let families = [FontFamily::Proportional, FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        FontData::from_static(DEJAVU_SANS),
        families,
    ));
}
