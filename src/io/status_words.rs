//! Recognising statuses as documents write them: checkboxes, emoji, words in many spellings.

use crate::model::{StatusCategory, StatusDef, StatusKey};

/// Normalises status text for matching: trims, drops emphasis markers, variation selectors and
/// surrounding punctuation, folds case and separators (`in-progress`, `In Progress`, `IN_PROGRESS` match).
pub fn normalise_status(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{fe0e}' | '\u{fe0f}' | '*' | '_' | '`'))
        .map(|c| if c == '-' { ' ' } else { c })
        .collect();
    cleaned
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '(' | ')'))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The category a well-known status word, checkbox or emoji stands for, whatever the legend says.
pub fn builtin_category(text: &str) -> Option<StatusCategory> {
    let word = normalise_status(text);
    let category = match word.as_str() {
        "[x]" | "✅" | "✔" | "☑" | "🟢" | "done" | "complete" | "completed" | "finished"
        | "closed" | "resolved" | "shipped" => StatusCategory::Done,
        "🟡" | "🔄" | "⏳" | "in progress" | "inprogress" | "active" | "doing" | "started"
        | "wip" | "in review" | "review" | "ongoing" => StatusCategory::Active,
        "⚠" | "⛔" | "🚧" | "blocked" | "on hold" | "waiting" | "stuck" => {
            StatusCategory::Blocked
        }
        "deferred"
        | "cancelled"
        | "canceled"
        | "dropped"
        | "won't do"
        | "wont do"
        | "cannot do"
        | "cannot do, revert to human"
        | "revert to human"
        | "abandoned"
        | "skipped" => StatusCategory::Dropped,
        "[ ]" | "❌" | "🔴" | "⬜" | "✨" | "todo" | "to do" | "not started" | "open" | "new"
        | "planned" | "backlog" | "pending" | "tbd" => StatusCategory::NotStarted,
        _ => return None,
    };
    Some(category)
}

/// The legend status a written status means: its key, label or an alias, compared after
/// [`normalise_status`]; a status of punctuation only (`(`, `---`), which normalises to nothing,
/// by its key as written. `None` when the legend has no such status.
pub fn find_in_legend(legend: &[StatusDef], text: &str) -> Option<StatusKey> {
    if !text.is_empty() && is_plain(text) {
        // Plain text is its own normal form but for ASCII case: compared without building it.
        let lower = std::cell::OnceCell::new();
        let word = || lower.get_or_init(|| text.to_ascii_lowercase()).as_str();
        let matches = |written: &str| {
            if is_plain(written) {
                written.eq_ignore_ascii_case(text)
            } else {
                normalise_status(written) == word()
            }
        };
        return legend
            .iter()
            .find(|status| {
                matches(status.key.as_str())
                    || matches(&status.label)
                    || status.aliases.iter().any(|alias| matches(alias))
            })
            .map(|status| status.key.clone());
    }
    let word = normalise_status(text);
    if word.is_empty() {
        let text = text.trim();
        return legend
            .iter()
            .find(|status| !text.is_empty() && status.key.as_str() == text)
            .map(|status| status.key.clone());
    }
    legend
        .iter()
        .find(|status| {
            normalises_to(status.key.as_str(), &word)
                || normalises_to(&status.label, &word)
                || status
                    .aliases
                    .iter()
                    .any(|alias| normalises_to(alias, &word))
        })
        .map(|status| status.key.clone())
}

/// True when `normalise_status(text) == word`. Most legend words are already plain ("DONE",
/// "in progress", "🔴"): those are compared without building their normal form, which keeps a
/// 10,000-task import from making a million small strings.
fn normalises_to(text: &str, word: &str) -> bool {
    if is_plain(text) {
        text.eq_ignore_ascii_case(word)
    } else {
        normalise_status(text) == word
    }
}

/// True when [`normalise_status`] changes nothing in `text` but the case of ASCII letters: no
/// emphasis, separators, padding or doubled spaces, and only symbols (no letters) beyond ASCII.
fn is_plain(text: &str) -> bool {
    let trimmed = |c: char| c.is_whitespace() || matches!(c, ':' | '.' | '(' | ')');
    if text.starts_with(trimmed) || text.ends_with(trimmed) {
        return false;
    }
    // One pass: no doubled space, and nothing the normal form drops, maps or lower-cases beyond ASCII.
    let mut after_space = false;
    text.chars().all(|c| {
        let plain = if c == ' ' {
            !after_space
        } else if c.is_ascii() {
            !matches!(c, '*' | '_' | '`' | '-') && !c.is_whitespace()
        } else {
            // Symbols and emoji: no case, no space, no variation selector.
            !c.is_alphabetic() && !c.is_whitespace() && !matches!(c, '\u{fe0e}' | '\u{fe0f}')
        };
        after_space = c == ' ';
        plain
    })
}

/// The legend status for a written status: first the legend's own words, then the well-known words
/// mapped to the legend's first status of that category. `None` when neither knows it.
pub fn recognise_status(legend: &[StatusDef], text: &str) -> Option<StatusKey> {
    find_in_legend(legend, text).or_else(|| {
        let category = builtin_category(text)?;
        legend
            .iter()
            .find(|s| s.category == category)
            .map(|s| s.key.clone())
    })
}

/// Like [`recognise_status`], for text that puts an emoji beside a word ("🔴 Not Started",
/// "✅ Done"): tries the whole text, then the words after the leading emoji, then the emoji alone.
pub fn recognise_status_text(legend: &[StatusDef], text: &str) -> Option<StatusKey> {
    let text = text.trim();
    recognise_status(legend, text).or_else(|| {
        let (emoji, rest) = split_leading_emoji(text)?;
        recognise_status(legend, rest).or_else(|| recognise_status(legend, emoji))
    })
}

/// Splits a leading emoji (symbols, not letters or digits) from the words after it.
pub fn split_leading_emoji(text: &str) -> Option<(&str, &str)> {
    let end = text
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || c.is_alphanumeric() || c.is_ascii())
        .map_or(text.len(), |(i, _)| i);
    (end > 0).then(|| (&text[..end], text[end..].trim()))
}

/// The category a legend label most likely means: the well-known words first, then words it
/// contains ("Feature completed" → done); not started when nothing fits.
pub fn guess_category(label: &str) -> StatusCategory {
    if let Some(category) = builtin_category(label) {
        return category;
    }
    let lower = normalise_status(label);
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&[
        "cannot",
        "revert",
        "human",
        "hand back",
        "defer",
        "cancel",
        "drop",
        "won't",
    ]) {
        StatusCategory::Dropped
    } else if has(&["block", "wait", "hold"]) {
        StatusCategory::Blocked
    } else if has(&["progress", "doing", "active", "review"]) {
        StatusCategory::Active
    } else if has(&["done", "complete", "finish", "closed"]) {
        StatusCategory::Done
    } else {
        StatusCategory::NotStarted
    }
}

/// The colour Waymark gives a status of a category when the document names none.
pub fn category_colour(category: StatusCategory) -> [u8; 3] {
    match category {
        StatusCategory::NotStarted => [0x8a, 0x93, 0xa0],
        StatusCategory::Active => [0x3b, 0x82, 0xf6],
        StatusCategory::Done => [0x22, 0xa0, 0x5a],
        StatusCategory::Blocked => [0xdc, 0x4a, 0x3c],
        StatusCategory::Dropped => [0x6b, 0x72, 0x80],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_legend;

    /// Status texts with case, punctuation, emoji, accents, checkboxes and Roman numerals.
    const SAMPLES: [&str; 23] = [
        "DONE",
        "done",
        "In Progress",
        "in-progress",
        "**Done**",
        "  done ",
        "Done.",
        "(done)",
        "in  progress",
        "🔴",
        "✅\u{fe0f}",
        "✅",
        "ÉTÉ",
        "été",
        "Blocked: legal",
        "a\tb",
        "",
        "[x]",
        "[ ]",
        "on_hold",
        "`wip`",
        "Ⅰ",
        "ⅰ",
    ];

    #[test]
    fn the_quick_comparison_agrees_with_the_normal_form() {
        let texts = SAMPLES;
        for text in texts {
            for other in texts {
                let word = normalise_status(other);
                assert_eq!(
                    normalises_to(text, &word),
                    normalise_status(text) == word,
                    "{text:?} against {other:?}"
                );
            }
        }
    }

    #[test]
    fn the_legend_lookup_agrees_with_the_normal_form() {
        // A legend entry always has a label.
        let texts: Vec<&str> = SAMPLES.into_iter().filter(|t| !t.is_empty()).collect();
        for &written in &texts {
            let mut status = StatusDef::new("KEY", written, StatusCategory::Done, [0, 0, 0]);
            status.aliases.push(format!("{written}!"));
            let legend = [status];
            for text in texts
                .iter()
                .flat_map(|t| [(*t).to_owned(), format!("{t}!")])
            {
                let word = normalise_status(&text);
                let expected = (normalise_status(written) == word
                    || normalise_status(&format!("{written}!")) == word)
                    .then(|| StatusKey::from("KEY"));
                assert_eq!(
                    find_in_legend(&legend, &text),
                    expected,
                    "{text:?} against {written:?}"
                );
            }
        }
    }

    #[test]
    fn recognises_spellings_checkboxes_and_emoji() {
        let legend = default_legend();
        for (text, key) in [
            ("[x]", "DONE"),
            ("[X]", "DONE"),
            ("✅", "DONE"),
            ("**DONE**", "DONE"),
            ("completed", "DONE"),
            ("in-progress", "IN PROGRESS"),
            ("🔄", "IN PROGRESS"),
            ("In Progress", "IN PROGRESS"),
            ("[ ]", "TODO"),
            ("❌", "TODO"),
            ("🔴 Not Started", "TODO"),
            ("⚠\u{fe0f}", "BLOCKED"),
        ] {
            let found = recognise_status(&legend, text).or_else(|| {
                // "🔴 Not Started": the label after the emoji also names the status.
                text.split_once(' ')
                    .and_then(|(_, rest)| recognise_status(&legend, rest))
            });
            assert_eq!(found, Some(StatusKey::from(key)), "{text}");
        }
        assert_eq!(
            recognise_status(&legend, "deferred"),
            None,
            "the default legend has no dropped status"
        );
        assert_eq!(builtin_category("deferred"), Some(StatusCategory::Dropped));
        assert_eq!(recognise_status(&legend, "banana"), None);
        assert_eq!(
            recognise_status_text(&legend, "🔴 Not Started"),
            Some(StatusKey::from("TODO"))
        );
        assert_eq!(
            guess_category("CANNOT DO, REVERT TO HUMAN"),
            StatusCategory::Dropped
        );
        assert_eq!(guess_category("Feature completed"), StatusCategory::Done);
    }
}
