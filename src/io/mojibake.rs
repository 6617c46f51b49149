//! Repairing mojibake: UTF-8 text that was once decoded as Windows-1252 ("âœ…" for "✅").

use std::borrow::Cow;

/// Reverses one wrong Windows-1252 decoding of UTF-8 text, run by run of non-ASCII characters: a run is
/// replaced only when its Windows-1252 bytes form valid UTF-8 with non-ASCII in it. Ordinary accented
/// text ("café") is left alone, because its bytes are not valid UTF-8.
pub fn repair_mojibake(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut repaired = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_ascii()) {
        repaired.push_str(&rest[..start]);
        let run_len = rest[start..]
            .find(|c: char| c.is_ascii())
            .unwrap_or(rest.len() - start);
        let run = &rest[start..start + run_len];
        match repair_run(run) {
            Some(fixed) => {
                repaired.push_str(&fixed);
                changed = true;
            }
            None => repaired.push_str(run),
        }
        rest = &rest[start + run_len..];
    }
    repaired.push_str(rest);
    if changed {
        Cow::Owned(repaired)
    } else {
        Cow::Borrowed(text)
    }
}

/// The UTF-8 text a run of non-ASCII characters stands for, if it is mojibake.
fn repair_run(run: &str) -> Option<String> {
    let bytes: Vec<u8> = run.chars().map(windows_1252_byte).collect::<Option<_>>()?;
    String::from_utf8(bytes).ok().filter(|fixed| fixed != run)
}

/// The Windows-1252 byte that decodes to a non-ASCII character, if any does.
fn windows_1252_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    // Latin-1 range, and the five C1 positions Windows-1252 leaves undefined (decoders pass them through).
    if (0xA0..=0xFF).contains(&code) || matches!(code, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) {
        return u8::try_from(code).ok();
    }
    let byte = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(byte)
}

#[cfg(test)]
mod tests {
    use super::repair_mojibake;

    #[test]
    fn repairs_emoji_and_leaves_real_text_alone() {
        assert_eq!(repair_mojibake("âœ…"), "✅");
        assert_eq!(repair_mojibake("ðŸ”„"), "🔄");
        assert_eq!(
            repair_mojibake("# âœ… Payments - COMPLETED"),
            "# ✅ Payments - COMPLETED"
        );
        assert_eq!(repair_mojibake("âœ… done — ok"), "✅ done — ok");
        for text in [
            "café",
            "naïve résumé",
            "✅ done",
            "plain",
            "Straße 5 €",
            "日本",
        ] {
            assert_eq!(repair_mojibake(text), text);
        }
    }
}
