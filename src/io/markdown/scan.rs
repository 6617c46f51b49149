//! The pieces of one Markdown line: what a line is ([`Line`], decided by the parser in `blocks`),
//! list markers, checkboxes, bold fields and table cells. No recursion, no backtracking, so any
//! nesting depth costs only the length of the line.

/// What a list item starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    /// `- [ ]`, `- [x]`, `1. [x]`…: the character inside the brackets.
    Checkbox(char),
    /// `-`, `*`, `+` or `1.` with no checkbox.
    Plain,
}

/// One classified line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Line<'a> {
    /// Nothing but white space.
    Blank,
    /// `---`, `***`, `___`.
    Rule,
    /// `## Heading`.
    Heading {
        /// 1 to 6.
        level: u8,
        /// The text after the hashes, trimmed.
        text: &'a str,
    },
    /// A list item.
    Item {
        /// Leading white space (a tab counts 4).
        indent: usize,
        /// Checkbox or plain.
        mark: Mark,
        /// The text after the marker (and checkbox), trimmed.
        text: &'a str,
    },
    /// `| a | b |`.
    TableRow,
    /// Any other text, trimmed.
    Text(&'a str),
    /// A line of a code block, an HTML block or a comment: never a task, kept byte for byte.
    Verbatim,
}

/// The text after a list marker (`- `, `* `, `+ `, `12. `, `3) `), or `None` when the line is no item.
pub(super) fn list_marker(text: &str) -> Option<&str> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = text.strip_prefix(bullet) {
            return Some(rest.trim_start());
        }
    }
    if matches!(text, "-" | "*" | "+") {
        return Some("");
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &text[digits..];
        for end in [". ", ") "] {
            if let Some(rest) = rest.strip_prefix(end) {
                return Some(rest.trim_start());
            }
        }
    }
    None
}

/// The checkbox at the start of an item's text (`[ ]`, `[x]`, `[-]`, `[~]`, `[/]`) and the rest.
pub(super) fn checkbox(text: &str) -> (Mark, &str) {
    let mut chars = text.chars();
    if let (Some('['), Some(inside), Some(']')) = (chars.next(), chars.next(), chars.next()) {
        let rest = chars.as_str();
        if matches!(inside, ' ' | 'x' | 'X' | '-' | '~' | '/')
            && (rest.is_empty() || rest.starts_with(' '))
        {
            return (Mark::Checkbox(inside), rest.trim());
        }
    }
    (Mark::Plain, text.trim())
}

/// A bold field, `**Key**: value` or `**Key:** value`: the key and the trimmed value (maybe empty).
pub(super) fn bold_field(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("**")?;
    let close = double_star(rest)?;
    let key = rest[..close].trim();
    let after = &rest[close + 2..];
    let (key, value) = if let Some(key) = key.strip_suffix(':') {
        (key.trim(), after)
    } else {
        (key, after.trim_start().strip_prefix(':')?)
    };
    if key.is_empty() || key.contains('*') {
        return None;
    }
    Some((key, value.trim()))
}

/// Where the first `**` in `text` starts (a byte search: cheaper than a substring search for two
/// bytes, and this runs on every line).
pub(super) fn double_star(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find('*') {
        let at = from + at;
        if bytes.get(at + 1) == Some(&b'*') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A plain `Key: value` line whose key is one of `keys` (case-insensitive), emphasis around the
/// line allowed (`_Last updated: 2025-01-02_`).
pub(super) fn plain_field<'a>(text: &'a str, keys: &[&str]) -> Option<(&'a str, &'a str)> {
    let text = text.trim_matches(|c| c == '_' || c == '*');
    let (key, value) = text.split_once(':')?;
    let key = key.trim();
    keys.iter()
        .any(|k| k.eq_ignore_ascii_case(key))
        .then(|| (key, value.trim()))
}

/// The cells of a table row, unescaping `\|`.
pub(super) fn table_cells(row: &str) -> Vec<String> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = if row.ends_with('|') && !row.ends_with("\\|") {
        &row[..row.len() - 1]
    } else {
        row
    };
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell).trim().to_owned()),
            _ => cell.push(c),
        }
    }
    cells.push(cell.trim().to_owned());
    cells
}

/// True for the `|---|:--:|` row under a table header.
pub(super) fn is_table_separator(cells: &[String]) -> bool {
    cells.iter().all(|cell| {
        let inner = cell.trim_matches(':');
        !inner.is_empty() && inner.chars().all(|c| c == '-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_checkboxes_and_fields() {
        assert_eq!(list_marker("- [x] Done"), Some("[x] Done"));
        assert_eq!(list_marker("12. Step"), Some("Step"));
        assert_eq!(list_marker("1.1 Project"), None);
        assert_eq!(checkbox("[-] Half"), (Mark::Checkbox('-'), "Half"));
        assert_eq!(checkbox("[link] x"), (Mark::Plain, "[link] x"));
        assert_eq!(bold_field("**Status**: DONE"), Some(("Status", "DONE")));
        assert_eq!(bold_field("**Status:** DONE"), Some(("Status", "DONE")));
        assert_eq!(bold_field("**Bold** text"), None);
        assert_eq!(table_cells("| a \\| b | c |"), vec!["a | b", "c"]);
    }
}
