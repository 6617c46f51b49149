//! The PNG back-end of a scene: the SVG rendered by resvg with the bundled font only, so the pixels
//! are the same on every machine.

use super::font::{DEJAVU_SANS, DEJAVU_SANS_BOLD, FAMILY};
use super::{ExportError, Scene, svg::to_svg};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};
use std::sync::{Arc, OnceLock};

/// The default resolution: twice a screen's 96 dpi.
pub const DEFAULT_DPI: f32 = 192.0;
/// The largest image side in pixels, so a huge page at a high resolution fails clearly.
pub const MAX_SIDE: u32 = 30_000;

/// Renders a scene to PNG bytes at a resolution in dots per inch (72 dpi: one pixel per point).
pub fn to_png(scene: &Scene, dpi: f32) -> Result<Vec<u8>, ExportError> {
    let pixmap = render(scene, dpi)?;
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Render(e.to_string()))
}

/// Renders a scene to premultiplied RGBA pixels at a resolution: the width, the height and the pixels.
pub fn to_rgba(scene: &Scene, dpi: f32) -> Result<(u32, u32, Vec<u8>), ExportError> {
    let pixmap = render(scene, dpi)?;
    Ok((pixmap.width(), pixmap.height(), pixmap.take()))
}

/// The pixel size of a scene at a resolution.
pub fn pixel_size(scene: &Scene, dpi: f32) -> (u32, u32) {
    let scale = dpi / 72.0;
    (
        (scene.width * scale).round().max(1.0) as u32,
        (scene.height * scale).round().max(1.0) as u32,
    )
}

fn render(scene: &Scene, dpi: f32) -> Result<Pixmap, ExportError> {
    if !(9.0..=2400.0).contains(&dpi) {
        return Err(ExportError::Render(format!(
            "a resolution of {dpi} dpi is outside 9–2400 dpi"
        )));
    }
    let (width, height) = pixel_size(scene, dpi);
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(ExportError::Render(format!(
            "the image would be {width} × {height} pixels (at most {MAX_SIDE} a side): lower the dpi"
        )));
    }
    let options = usvg::Options {
        font_family: FAMILY.to_owned(),
        fontdb: bundled_fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&to_svg(scene), &options)
        .map_err(|e| ExportError::Render(e.to_string()))?;
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| ExportError::Render(format!("cannot make a {width} × {height} image")))?;
    // The SVG is sized in points; one point is dpi/72 pixels.
    let size = tree.size();
    let transform = Transform::from_scale(
        width as f32 / size.width().max(1.0),
        height as f32 / size.height().max(1.0),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(pixmap)
}

/// A font database holding only the bundled font, shared by every render.
fn bundled_fonts() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| {
        let mut database = fontdb::Database::new();
        database.load_font_data(DEJAVU_SANS.to_vec());
        database.load_font_data(DEJAVU_SANS_BOLD.to_vec());
        database.set_sans_serif_family(FAMILY);
        Arc::new(database)
    }))
}
