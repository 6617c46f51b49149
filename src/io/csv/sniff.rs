//! Telling a CSV table from other text (for `.txt` files).

use super::reader::{sniff_delimiter, split_line};

/// True when text reads as a table with a header row: after `#` comment lines, the first line has at
/// least three short, non-empty cells and most of the following lines (of the first twenty) have as many.
pub fn looks_like_csv(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = sniff_delimiter(text);
    let mut lines = text
        .lines()
        .take(500)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let Some(header) = lines.next().and_then(|l| split_line(l, delimiter)) else {
        return false;
    };
    let header_ok = header.len() >= 3
        && header
            .iter()
            .all(|cell| !cell.is_empty() && cell.chars().count() <= 40)
        && !header[0].starts_with(['-', '*', '|', '>', '+']);
    if !header_ok {
        return false;
    }
    let counts: Vec<bool> = lines
        .take(20)
        .map(|l| split_line(l, delimiter).is_some_and(|cells| cells.len() == header.len()))
        .collect();
    let matching = counts.iter().filter(|&&same| same).count();
    !counts.is_empty() && matching * 2 > counts.len()
}

#[cfg(test)]
mod tests {
    use super::looks_like_csv;

    #[test]
    fn tells_tables_from_markdown() {
        assert!(looks_like_csv(
            "# plan\n#\nid,task,status\nA-1,Dig,todo\nA-2,\"Sow, water\",done\n"
        ));
        assert!(looks_like_csv("id;task;status\nA-1;Dig;todo\n"));
        assert!(!looks_like_csv(
            "# Plan\n\n- [ ] Dig, rake, sow\n- [x] Buy seeds\n"
        ));
        assert!(!looks_like_csv("id,task,status\n"));
        assert!(!looks_like_csv(
            "Some prose, with commas, here.\nAnd more prose.\n"
        ));
    }
}
