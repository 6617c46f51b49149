//! The block structure of a Markdown document, from a `CommonMark` parser (`pulldown-cmark`, with GFM
//! tables, task lists and strikethrough), turned into one [`Line`] per source line.
//!
//! The parser decides what each line is: a heading (ATX or setext), the first line of a list item,
//! a table row, a thematic break, or text. Lines inside fenced or indented code, HTML blocks and
//! comments are [`Line::Verbatim`]: they are never tasks and are kept byte for byte. Line numbers
//! come from the parser's source offsets. Note sections Waymark wrote (between its note markers)
//! are not parsed at all: the reader copies them verbatim, and each stretch of the document between
//! them is parsed on its own, so a note can never change how the rest of the document reads.
//!
//! Parsing is linear in the length of the document (pulldown-cmark is a linear pull parser; every
//! line is classified a bounded number of times).

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};

use super::scan::{self, Line};
use super::{NOTE_END, note_marker};

/// Splits `text` into lines exactly as [`str::lines`] does.
pub(super) fn split_lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

/// Classifies every line of `lines` (the lines of one document, from [`split_lines`]).
#[cfg(test)]
pub(super) fn classify_lines<'a>(lines: &[&'a str]) -> Vec<Line<'a>> {
    classify_lines_and_code(lines).0
}

/// Classifies every line of `lines`, and says which lines are indented code (the second vector
/// is empty when no line is): an outline under a status heading reads those as tasks.
pub(super) fn classify_lines_and_code<'a>(lines: &[&'a str]) -> (Vec<Line<'a>>, Vec<bool>) {
    let mut kinds: Vec<Option<Line<'a>>> = vec![None; lines.len()];
    let mut indented = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        // A stretch of ordinary Markdown runs up to the next note marker.
        let mut end = start;
        while end < lines.len() && note_marker(lines[end]).is_none() {
            end += 1;
        }
        classify_stretch(lines, start..end, &mut kinds, &mut indented);
        if end < lines.len() {
            // The marker, the note and its end marker are copied by the reader, not parsed.
            let close = lines[end + 1..]
                .iter()
                .position(|line| line.trim() == NOTE_END)
                .map_or(lines.len(), |at| end + 1 + at + 1);
            for kind in &mut kinds[end..close.min(lines.len())] {
                *kind = Some(Line::Verbatim);
            }
            start = close;
        } else {
            start = end;
        }
    }
    let kinds = kinds
        .into_iter()
        .zip(lines)
        .map(|(kind, raw)| kind.unwrap_or_else(|| plain(raw)))
        .collect();
    (kinds, indented)
}

/// A line the parser placed in no block of its own: blank, or a line of a paragraph. A paragraph
/// line that starts with a list marker is read as an item all the same: `CommonMark` makes it a lazy
/// continuation when it is indented four or more columns past its parent item, but in a plan it is
/// a deeper item written with sloppy indentation (the reader nests items by their indent).
fn plain(raw: &str) -> Line<'_> {
    let text = raw.trim();
    if text.is_empty() {
        Line::Blank
    } else if text.starts_with('|') {
        Line::TableRow
    } else if scan::list_marker(text).is_some() {
        item_line(raw)
    } else {
        Line::Text(text)
    }
}

/// Parses `lines[range]` and records what the parser found on each of its lines.
fn classify_stretch<'a>(
    lines: &[&'a str],
    range: Range<usize>,
    kinds: &mut [Option<Line<'a>>],
    indented: &mut Vec<bool>,
) {
    if range.is_empty() {
        return;
    }
    // The stretch's text, and the byte offset (in it) where each of its lines starts.
    let mut text = String::new();
    let mut starts = Vec::with_capacity(range.len());
    for raw in &lines[range.clone()] {
        starts.push(text.len());
        text.push_str(raw);
        text.push('\n');
    }
    let first = range.start;
    let line_of = |offset: usize| first + starts.partition_point(|&s| s <= offset) - 1;
    let last_line = |span: &Range<usize>| line_of(span.end.max(span.start + 1) - 1);
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    // Inside a block quote nothing is classified further: its lines stay text, as they always were.
    let mut quote_depth = 0usize;
    for (event, span) in Parser::new_ext(&text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_)) => {
                if quote_depth == 0 {
                    for line in line_of(span.start)..=last_line(&span) {
                        kinds[line].get_or_insert(Line::Text(lines[line].trim()));
                    }
                }
                quote_depth += 1;
            }
            Event::End(pulldown_cmark::TagEnd::BlockQuote(_)) => {
                quote_depth = quote_depth.saturating_sub(1);
            }
            _ if quote_depth > 0 => {}
            Event::Start(tag @ (Tag::CodeBlock(_) | Tag::HtmlBlock)) => {
                let lines = line_of(span.start)..=last_line(&span);
                if matches!(tag, Tag::CodeBlock(CodeBlockKind::Indented)) {
                    indented.resize(kinds.len(), false);
                    indented[lines.clone()].fill(true);
                }
                for kind in &mut kinds[lines] {
                    *kind = Some(Line::Verbatim);
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let at = line_of(span.start);
                let end = last_line(&span);
                kinds[at] = Some(heading_line(lines[at], level as u8));
                for kind in &mut kinds[at + 1..=end] {
                    // The underline of a setext heading.
                    *kind = Some(Line::Rule);
                }
            }
            Event::Start(Tag::Table(_)) => {
                for line in line_of(span.start)..=last_line(&span) {
                    if lines[line].contains('|') {
                        kinds[line] = Some(Line::TableRow);
                    }
                }
            }
            Event::Start(Tag::Item) => {
                let at = line_of(span.start);
                // Of several items opening on one line (`- - x`), the outermost one counts.
                if kinds[at].is_none() {
                    kinds[at] = Some(item_line(lines[at]));
                }
            }
            Event::Rule => {
                let at = line_of(span.start);
                kinds[at] = Some(Line::Rule);
            }
            _ => {}
        }
    }
}

/// An ATX heading's text without its hashes, or a setext heading's first line.
fn heading_line(raw: &str, level: u8) -> Line<'_> {
    let text = raw.trim();
    let hashes = text.chars().take_while(|&c| c == '#').count();
    let text = if hashes > 0 && hashes <= 6 {
        let rest = text[hashes..].trim();
        // A closing sequence of hashes is not part of the text.
        let closed = rest.trim_end_matches('#');
        if closed.is_empty() || closed.ends_with(' ') {
            closed.trim_end()
        } else {
            rest
        }
    } else {
        text
    };
    Line::Heading { level, text }
}

/// The first line of a list item: its indent, checkbox and text.
fn item_line(raw: &str) -> Line<'_> {
    let text = raw.trim();
    let indent = raw
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    match scan::list_marker(text) {
        Some(rest) => {
            let (mark, text) = scan::checkbox(rest);
            Line::Item { indent, mark, text }
        }
        // The item's marker is not at the start of the line (it follows another block's marker).
        None => Line::Text(text),
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::Mark;
    use super::*;

    fn classify(text: &str) -> Vec<Line<'_>> {
        let lines = split_lines(text);
        // The lines borrow from `text`, so the classification can outlive the vector.
        classify_lines(&lines)
    }

    #[test]
    fn items_headings_rules_and_text() {
        let kinds = classify("### 1.1 Project ###\n\n  - [x] Done thing\n1.1 Project\n\n---\n");
        assert_eq!(
            kinds,
            vec![
                Line::Heading {
                    level: 3,
                    text: "1.1 Project"
                },
                Line::Blank,
                Line::Item {
                    indent: 2,
                    mark: Mark::Checkbox('x'),
                    text: "Done thing"
                },
                Line::Text("1.1 Project"),
                Line::Blank,
                Line::Rule,
            ]
        );
    }

    #[test]
    fn code_html_and_comments_are_verbatim() {
        let text = "```\n- [ ] not a task\n```\n\n    - [ ] indented code\n\n<!--\n- [ ] comment\n-->\n\n<div>\n- [ ] html\n</div>\n";
        let kinds = classify(text);
        for (number, kind) in kinds.iter().enumerate() {
            assert!(
                !matches!(kind, Line::Item { .. }),
                "line {} became an item: {kind:?}",
                number + 1
            );
        }
        assert_eq!(kinds[1], Line::Verbatim);
        assert_eq!(kinds[4], Line::Verbatim);
        assert_eq!(kinds[7], Line::Verbatim);
        assert_eq!(kinds[11], Line::Verbatim);
    }

    #[test]
    fn setext_headings_and_tables() {
        let kinds = classify("Plan\n====\n\na | b\n--|--\n1 | 2\n");
        assert_eq!(
            kinds[0],
            Line::Heading {
                level: 1,
                text: "Plan"
            }
        );
        assert_eq!(kinds[1], Line::Rule);
        assert_eq!(kinds[3], Line::TableRow);
        assert_eq!(kinds[5], Line::TableRow);
    }

    #[test]
    fn a_note_region_is_not_parsed() {
        let text = "<!-- waymark:note -->\n```\n- [ ] x\n<!-- /waymark:note -->\n- [ ] task\n";
        let kinds = classify(text);
        assert!(kinds[..4].iter().all(|k| *k == Line::Verbatim));
        assert!(matches!(kinds[4], Line::Item { .. }));
    }
}
