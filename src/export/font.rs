//! The bundled font and its metrics: how wide a text is at a size, and where its baseline sits.

use std::borrow::Cow;
use std::sync::OnceLock;

/// `DejaVu Sans`, the font scene text is drawn and measured with.
pub static DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// `DejaVu Sans Bold`, for titles and headings.
pub static DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The family name of [`DEJAVU_SANS`] (and of its bold face), as exporters write it.
pub const FAMILY: &str = "DejaVu Sans";

/// How heavy a text is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Weight {
    /// The regular face.
    #[default]
    Regular,
    /// The bold face.
    Bold,
}

impl Weight {
    /// The font file of the weight.
    pub fn font(self) -> &'static [u8] {
        match self {
            Self::Regular => DEJAVU_SANS,
            Self::Bold => DEJAVU_SANS_BOLD,
        }
    }
}

struct Metrics {
    face: Option<ttf_parser::Face<'static>>,
    units_per_em: f32,
    ascender: f32,
    descender: f32,
    ascii: [f32; 128],
}

impl Metrics {
    /// The advance of a character in font units (a missing glyph counts 0.6 em).
    fn units_of(&self, c: char) -> f32 {
        match self.ascii.get(c as usize) {
            Some(width) => *width,
            None => self
                .face
                .as_ref()
                .and_then(|face| advance(face, c))
                .unwrap_or(0.6 * self.units_per_em),
        }
    }
}

fn metrics(weight: Weight) -> &'static Metrics {
    static REGULAR: OnceLock<Metrics> = OnceLock::new();
    static BOLD: OnceLock<Metrics> = OnceLock::new();
    let cell = match weight {
        Weight::Regular => &REGULAR,
        Weight::Bold => &BOLD,
    };
    cell.get_or_init(|| load_metrics(weight.font()))
}

fn load_metrics(font: &'static [u8]) -> Metrics {
    let face = ttf_parser::Face::parse(font, 0).ok();
    let units_per_em = face
        .as_ref()
        .map_or(2048.0, |f| f32::from(f.units_per_em()));
    let mut ascii = [0.55 * units_per_em; 128];
    if let Some(face) = &face {
        for (code, width) in ascii.iter_mut().enumerate() {
            if let Some(advance) = char::from_u32(code as u32).and_then(|c| advance(face, c)) {
                *width = advance;
            }
        }
    }
    Metrics {
        units_per_em,
        ascender: face
            .as_ref()
            .map_or(0.76 * units_per_em, |f| f32::from(f.ascender())),
        descender: face
            .as_ref()
            .map_or(-0.24 * units_per_em, |f| f32::from(f.descender())),
        face,
        ascii,
    }
}

fn advance(face: &ttf_parser::Face<'_>, c: char) -> Option<f32> {
    let glyph = face.glyph_index(c)?;
    face.glyph_hor_advance(glyph).map(f32::from)
}

/// How wide `text` is, in points, at a font size in points, in the regular face.
pub fn text_width(text: &str, size: f32) -> f32 {
    weighted_width(text, size, Weight::Regular)
}

/// How wide `text` is, in points, at a font size in points, in a weight.
pub fn weighted_width(text: &str, size: f32, weight: Weight) -> f32 {
    let metrics = metrics(weight);
    let units: f32 = text.chars().map(|c| metrics.units_of(c)).sum();
    units * size / metrics.units_per_em
}

/// One glyph of a text in the bundled font: its id, its advance in ems and the bytes of its character.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedGlyph {
    /// The glyph id in [`DEJAVU_SANS`] (0, the "missing" glyph, when the font has none).
    pub id: u16,
    /// How far the pen moves after it, in ems.
    pub advance: f32,
    /// The character's bytes in the text.
    pub bytes: std::ops::Range<usize>,
}

/// The glyphs of a text in a weight, one per character, advanced exactly as [`weighted_width`] measures (no kerning or
/// ligatures), so exported text takes the room the layout gave it.
pub fn glyph_run(text: &str, weight: Weight) -> Vec<PlacedGlyph> {
    let metrics = metrics(weight);
    text.char_indices()
        .map(|(at, c)| {
            let id = metrics
                .face
                .as_ref()
                .and_then(|face| face.glyph_index(c))
                .map_or(0, |glyph| glyph.0);
            let units = metrics.units_of(c);
            PlacedGlyph {
                id,
                advance: units / metrics.units_per_em,
                bytes: at..at + c.len_utf8(),
            }
        })
        .collect()
}

/// How far the baseline sits below the vertical middle of a line of text at a size.
pub fn baseline_below_middle(size: f32) -> f32 {
    let metrics = metrics(Weight::Regular);
    f32::midpoint(metrics.ascender, metrics.descender) * size / metrics.units_per_em
}

/// `text` shortened with an ellipsis so it is at most `max_width` wide at `size`; empty when not even
/// the ellipsis fits.
pub fn fit(text: &str, size: f32, max_width: f32) -> Cow<'_, str> {
    fit_weighted(text, size, max_width, Weight::Regular)
}

/// [`fit`] in a weight.
pub fn fit_weighted(text: &str, size: f32, max_width: f32, weight: Weight) -> Cow<'_, str> {
    if weighted_width(text, size, weight) <= max_width {
        return Cow::Borrowed(text);
    }
    let ellipsis = weighted_width("…", size, weight);
    if ellipsis > max_width {
        return Cow::Borrowed("");
    }
    let mut width = ellipsis;
    let mut end = 0;
    for (index, c) in text.char_indices() {
        let next = weighted_width(c.encode_utf8(&mut [0; 4]), size, weight);
        if width + next > max_width {
            break;
        }
        width += next;
        end = index + c.len_utf8();
    }
    Cow::Owned(format!("{}…", text[..end].trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let short = text_width("Plan", 12.0);
        assert!(short > 15.0 && short < 40.0, "{short}");
        assert!(text_width("Plan plan", 12.0) > short);
        assert!((text_width("Plan", 24.0) - 2.0 * short).abs() < 0.01);
        assert!(text_width("WWW", 12.0) > text_width("iii", 12.0));
        assert!(
            weighted_width("Plan", 12.0, Weight::Bold) > short,
            "bold is wider"
        );
    }

    #[test]
    fn fitting_adds_an_ellipsis_only_when_needed() {
        assert_eq!(fit("Short", 12.0, 200.0), "Short");
        let fitted = fit("A rather long task title that will not fit", 12.0, 80.0);
        assert!(fitted.ends_with('…'), "{fitted}");
        assert!(text_width(&fitted, 12.0) <= 80.0);
        assert_eq!(fit("Anything", 12.0, 2.0), "");
    }
}
