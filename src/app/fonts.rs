//! Fonts: egui's own, plus `DejaVu Sans` as a fallback for the arrows, bullets and shapes plan documents
//! use (→, ●, ▲) that egui's bundled fonts lack. Characters no font has are drawn as boxes, never dropped.
//! `DejaVu Sans` is also a family of its own, which scene text (the timeline) is drawn in, because the
//! core measures that text with the same font; its bold face is the family scene headings use.

use crate::export::Weight;
use crate::export::font::{DEJAVU_SANS, DEJAVU_SANS_BOLD};
use crate::views::{scene_font_family, scene_font_family_of};
use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

/// Adds the fallback font to both families and as the scene family. Call once per context.
pub fn install_fonts(ctx: &egui::Context) {
    let fallback = [FontFamily::Proportional, FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        });
    let scene = InsertFontFamily {
        family: scene_font_family(),
        priority: FontPriority::Highest,
    };
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        FontData::from_static(DEJAVU_SANS),
        fallback.chain([scene]).collect(),
    ));
    ctx.add_font(FontInsert::new(
        "DejaVuSansBold",
        FontData::from_static(DEJAVU_SANS_BOLD),
        vec![InsertFontFamily {
            family: scene_font_family_of(Weight::Bold),
            priority: FontPriority::Highest,
        }],
    ));
}
