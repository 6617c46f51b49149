//! Small value readers shared by the Markdown importer and exporter.

use chrono::NaiveDate;

/// Placeholder text that means "nothing here": `None`, `-`, `TBD`, `N/A`, `None yet`…
pub(super) fn is_placeholder(text: &str) -> bool {
    let lower = LowerKey::new(text.trim().trim_end_matches('.'));
    matches!(
        lower.as_str(),
        "" | "-"
            | "–"
            | "—"
            | "none"
            | "tbd"
            | "n/a"
            | "na"
            | "none yet"
            | "none currently"
            | "nil"
    )
}

/// A `YYYY-MM-DD` date, nothing else on the line.
pub(super) fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Field text with `<br>` for line breaks, as written in one Markdown line.
pub(super) fn one_line(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "<br>")
}

/// The text of a one-line field, `<br>` turned back into line breaks.
pub(super) fn multi_line(text: &str) -> String {
    text.replace("<br>", "\n")
}

/// A number with an optional unit word: "TBD tasks" → (None, "tasks"); "12h" → (12, "h").
pub(super) fn amount(text: &str) -> (Option<f64>, String) {
    let text = text.trim();
    let split = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .map_or(text.len(), |(i, _)| i);
    let (number, unit) = text.split_at(split);
    if let Ok(value) = number.parse::<f64>() {
        return (Some(value), unit.trim().to_owned());
    }
    // "TBD tasks": a placeholder then the unit.
    match text.split_once(' ') {
        Some((first, unit)) if is_placeholder(first) => (None, unit.trim().to_owned()),
        _ => (None, String::new()),
    }
}

/// Splits a list written in one line: commas, semicolons or ` | `, placeholders dropped.
pub(super) fn list(text: &str, separators: &[char]) -> Vec<String> {
    text.split(separators)
        .map(str::trim)
        .filter(|item| !is_placeholder(item))
        .map(str::to_owned)
        .collect()
}

/// A field key in lower case (`str::to_lowercase`), kept on the stack when it is short ASCII text, as
/// keys are: reading a field then allocates nothing for its key.
pub(super) struct LowerKey {
    short: [u8; 32],
    len: usize,
    long: Option<String>,
}

impl LowerKey {
    /// `key` in lower case.
    pub(super) fn new(key: &str) -> Self {
        let mut short = [0u8; 32];
        if key.is_ascii() && key.len() <= short.len() {
            for (to, from) in short.iter_mut().zip(key.bytes()) {
                *to = from.to_ascii_lowercase();
            }
            Self {
                short,
                len: key.len(),
                long: None,
            }
        } else {
            Self {
                short,
                len: 0,
                long: Some(key.to_lowercase()),
            }
        }
    }

    /// The key in lower case.
    pub(super) fn as_str(&self) -> &str {
        match &self.long {
            Some(long) => long,
            None => std::str::from_utf8(&self.short[..self.len]).unwrap_or_default(),
        }
    }
}

/// Wrapping `**bold**` removed when it covers the whole text.
pub(super) fn unbold(text: &str) -> &str {
    text.strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .filter(|inner| !inner.contains("**") && !inner.is_empty())
        .map_or(text, str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_placeholders_and_dates() {
        assert_eq!(amount("TBD tasks"), (None, "tasks".to_owned()));
        assert_eq!(amount("0 tasks"), (Some(0.0), "tasks".to_owned()));
        assert_eq!(amount("12.5h"), (Some(12.5), "h".to_owned()));
        assert!(is_placeholder("None currently"));
        assert!(!is_placeholder("None of the above"));
        assert_eq!(date("2024-01-15"), NaiveDate::from_ymd_opt(2024, 1, 15));
        assert_eq!(unbold("**Session 1: Setup**"), "Session 1: Setup");
        assert_eq!(unbold("**A** and **B**"), "**A** and **B**");
        assert_eq!(multi_line(&one_line("a\nb")), "a\nb");
    }
}
