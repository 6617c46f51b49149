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

use std::ops::{Range, RangeInclusive};

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

/// About how many lines one parse covers: a long stretch is parsed piece by piece, so the parser's
/// tree stays small (in the cache, and made again from the same memory each time).
const PIECE_LINES: usize = 2_000;

/// What the parser found that the classification uses, with its byte span in the piece parsed.
#[derive(Clone, Copy)]
enum Found {
    QuoteStart,
    QuoteEnd,
    /// A code block (indented when true) or an HTML block (`None`).
    Verbatim(Option<bool>),
    Heading(u8),
    Table,
    Item,
    Rule,
}

/// The text of the lines of a piece, where each line starts in it, and what the parser found.
#[derive(Default)]
struct Piece {
    text: String,
    starts: Vec<usize>,
    found: Vec<(Found, Range<usize>)>,
}

/// Parses `lines[range]` and records what the parser found on each of its lines.
///
/// A long stretch is parsed in pieces, each ending before a line that starts a block at the left
/// margin after a blank line: there every block of `CommonMark` is closed (a paragraph, list, quote,
/// table or indented code ends at such a line), but for fenced code and HTML blocks, which run over
/// blank lines. A piece in which one of those reaches its last line is made longer, so each line
/// is classified as a parse of the whole stretch classifies it.
fn classify_stretch<'a>(
    lines: &[&'a str],
    range: Range<usize>,
    kinds: &mut [Option<Line<'a>>],
    indented: &mut Vec<bool>,
) {
    classify_in_pieces(lines, range, kinds, indented, PIECE_LINES);
}

/// [`classify_stretch`] with pieces of about `piece_lines` lines.
fn classify_in_pieces<'a>(
    lines: &[&'a str],
    range: Range<usize>,
    kinds: &mut [Option<Line<'a>>],
    indented: &mut Vec<bool>,
    piece_lines: usize,
) {
    let mut piece = Piece::default();
    let mut from = range.start;
    while from < range.end {
        // A piece that must be made longer is made twice as long, so parsing again costs at most
        // as much as the piece itself.
        let mut length = piece_lines;
        let to = loop {
            let to = next_split(lines, (from + length).min(range.end), range.end);
            if parse_piece(lines, from..to, &mut piece) || to == range.end {
                break to;
            }
            length *= 2;
        };
        record_piece(lines, from, &piece, kinds, indented);
        from = to;
    }
}

/// The first line at or after `at` (before `end`) that starts a block at the left margin after a
/// blank line; `end` when there is none.
fn next_split(lines: &[&str], at: usize, end: usize) -> usize {
    let blank = |line: &str| line.bytes().all(|b| b == b' ' || b == b'\t');
    (at.max(1)..end)
        .find(|&i| {
            blank(lines[i - 1])
                && lines[i]
                    .bytes()
                    .next()
                    .is_some_and(|b| b != b' ' && b != b'\t')
        })
        .unwrap_or(end)
}

/// Parses `lines[range]` into `piece`; false when a fenced code block or an HTML block reaches the
/// piece's last line that is not blank (it may run on past the piece).
fn parse_piece(lines: &[&str], range: Range<usize>, piece: &mut Piece) -> bool {
    piece.text.clear();
    piece.starts.clear();
    piece.found.clear();
    for raw in &lines[range.clone()] {
        piece.starts.push(piece.text.len());
        push_without_emphasis(&mut piece.text, raw);
        piece.text.push('\n');
    }
    let last_text = lines[range.clone()]
        .iter()
        .rposition(|line| !line.trim().is_empty())
        .map_or(0, |at| piece.starts[at]);
    // Strikethrough, footnotes and the other inline extensions change no block: only the tables
    // and task lists that do are read.
    let mut options = Options::ENABLE_TASKLISTS;
    if piece.text.contains('|') {
        options |= Options::ENABLE_TABLES;
    }
    let mut closed = true;
    for (event, span) in Parser::new_ext(&piece.text, options).into_offset_iter() {
        let found = match event {
            Event::Start(Tag::BlockQuote(_)) => Found::QuoteStart,
            Event::End(pulldown_cmark::TagEnd::BlockQuote(_)) => Found::QuoteEnd,
            Event::Start(Tag::CodeBlock(kind)) => {
                Found::Verbatim(Some(matches!(kind, CodeBlockKind::Indented)))
            }
            Event::Start(Tag::HtmlBlock) => Found::Verbatim(None),
            Event::Start(Tag::Heading { level, .. }) => Found::Heading(level as u8),
            Event::Start(Tag::Table(_)) => Found::Table,
            Event::Start(Tag::Item) => Found::Item,
            Event::Rule => Found::Rule,
            _ => continue,
        };
        let runs_on = matches!(found, Found::Verbatim(kind) if kind != Some(true))
            && span.end.max(span.start + 1) > last_text;
        closed &= !runs_on;
        piece.found.push((found, span));
    }
    closed
}

/// Appends `raw` to `text` with its emphasis markers (`*` not followed by a space, and `_`) made
/// plain letters, so the parser does not build (and then match) an inline node for each of them:
/// a plan's `- **Owner**: ana` lines are full of them, and they decide no block. Each byte stays in
/// its place, so offsets still point into the document. A line where such a marker could start a
/// block or take part in one is copied as it is: one made only of markers (a thematic break such
/// as `***` or `> - _ _ _`), and one with a `|` (a table row), a `<` (an HTML block), or a `` ` ``
/// or `~` (a fence and its info string).
fn push_without_emphasis(text: &mut String, raw: &str) {
    let bytes = raw.as_bytes();
    // One pass over the line: has it emphasis, a block's character, anything but markers?
    let (mut emphasis, mut block, mut markers_only) = (false, false, true);
    for &byte in bytes {
        match byte {
            b'*' | b'_' => emphasis = true,
            b'|' | b'<' | b'`' | b'~' => block = true,
            b'0'..=b'9' | b'-' | b'+' | b'>' | b'.' | b')' | b' ' | b'\t' => {}
            _ => markers_only = false,
        }
    }
    let keep = !emphasis || block || markers_only;
    if keep {
        text.push_str(raw);
        return;
    }
    let mut from = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        let emphasis = byte == b'_'
            || (byte == b'*' && !matches!(bytes.get(at + 1), None | Some(b' ' | b'\t')));
        if emphasis {
            text.push_str(&raw[from..at]);
            text.push('e');
            from = at + 1;
        }
    }
    text.push_str(&raw[from..]);
}

/// Records what the parser found in a piece whose first line is `lines[first]`.
fn record_piece<'a>(
    lines: &[&'a str],
    first: usize,
    piece: &Piece,
    kinds: &mut [Option<Line<'a>>],
    indented: &mut Vec<bool>,
) {
    let mut lines_of = LinesOf {
        starts: &piece.starts,
        first,
        at: 0,
    };
    // Inside a block quote nothing is classified further: its lines stay text, as they always were.
    let mut quote_depth = 0usize;
    for (found, span) in &piece.found {
        match *found {
            Found::QuoteStart => {
                if quote_depth == 0 {
                    for line in lines_of.span(span) {
                        kinds[line].get_or_insert(Line::Text(lines[line].trim()));
                    }
                }
                quote_depth += 1;
            }
            Found::QuoteEnd => {
                quote_depth = quote_depth.saturating_sub(1);
            }
            _ if quote_depth > 0 => {}
            Found::Verbatim(kind) => {
                let lines = lines_of.span(span);
                if kind == Some(true) {
                    indented.resize(kinds.len(), false);
                    indented[lines.clone()].fill(true);
                }
                for kind in &mut kinds[lines] {
                    *kind = Some(Line::Verbatim);
                }
            }
            Found::Heading(level) => {
                let covered = lines_of.span(span);
                let (at, end) = (*covered.start(), *covered.end());
                kinds[at] = Some(heading_line(lines[at], level));
                for kind in &mut kinds[at + 1..=end] {
                    // The underline of a setext heading.
                    *kind = Some(Line::Rule);
                }
            }
            Found::Table => {
                for line in lines_of.span(span) {
                    if lines[line].contains('|') {
                        kinds[line] = Some(Line::TableRow);
                    }
                }
            }
            Found::Item => {
                let at = *lines_of.span(span).start();
                // Of several items opening on one line (`- - x`), the outermost one counts.
                if kinds[at].is_none() {
                    kinds[at] = Some(item_line(lines[at]));
                }
            }
            Found::Rule => {
                let at = *lines_of.span(span).start();
                kinds[at] = Some(Line::Rule);
            }
        }
    }
}

/// The lines of a piece that spans of it cover. Spans come in the order their blocks start, so the
/// first line is found by walking on from the last span's (a span that starts earlier is found by
/// a binary search), and the last by walking on from the first.
struct LinesOf<'p> {
    /// Where each line of the piece starts in its text.
    starts: &'p [usize],
    /// The document line of the piece's first line.
    first: usize,
    /// The piece line the last span started on.
    at: usize,
}

impl LinesOf<'_> {
    /// The document lines `span` covers (its first line when it is empty).
    fn span(&mut self, span: &Range<usize>) -> RangeInclusive<usize> {
        let starts = self.starts;
        let on_or_after = |mut line: usize, offset: usize| {
            while line + 1 < starts.len() && starts[line + 1] <= offset {
                line += 1;
            }
            line
        };
        if starts[self.at] > span.start {
            self.at = starts
                .partition_point(|&s| s <= span.start)
                .saturating_sub(1);
        }
        self.at = on_or_after(self.at, span.start);
        let last = on_or_after(self.at, span.end.max(span.start + 1) - 1);
        self.first + self.at..=self.first + last
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

    /// Each line's kind and whether it is indented code, parsed in pieces of about `piece_lines`.
    fn classify_with(text: &str, piece_lines: usize) -> (Vec<Line<'_>>, Vec<bool>) {
        let lines = split_lines(text);
        let mut kinds = vec![None; lines.len()];
        let mut indented = Vec::new();
        classify_in_pieces(
            &lines,
            0..lines.len(),
            &mut kinds,
            &mut indented,
            piece_lines,
        );
        indented.resize(lines.len(), false);
        let kinds = kinds
            .into_iter()
            .zip(&lines)
            .map(|(kind, raw)| kind.unwrap_or_else(|| plain(raw)))
            .collect();
        (kinds, indented)
    }

    /// Documents with every kind of block, tricky ones first, then the Markdown fixtures.
    fn sample_documents() -> Vec<&'static str> {
        vec![
            "```\n- [ ] code\n\nstill code\n\n- [ ] more code\n```\n\n- [ ] task\n",
            "<!--\n- [ ] comment\n\nstill comment\n\n-->\n\n- [ ] task\n",
            "<div>\nhtml\n\n- [ ] after html\n\n<script>\nx\n\ny\n</script>\n\nz\n",
            "- a\n\n  para in a\n\n- b\n\nafter\n\n> quote\n\n> quote two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n    code\n\nx\n",
            "~~~\nopen fence never closed\n\n# not a heading\n\n- [ ] not a task\n",
            "- ```\n  in item\n\nout\n\n1. one\n\n2. two\n\nPlan\n===\n\n---\n\n[ref]: /url\n\n[x][ref]\n",
            "* item *with* stars\n**bold** para\n***\n_ _ _\n__init__ file\n- **Owner**: a_b\n  * nested *x*\n  *\n  **\n",
            "<a *b>\n*x*\n\n```c*\ncode *x*\n```\n\n| a *b* | c_d |\n|---|---|\n| *1* | 2 |\n\n[ref_x]: /a_b \"t*t\"\n===\n",
            "1. **One**\n2) *Two*\n   ***\n\n* * *\n*\tx\n> **quoted** *x*\n> - _y_\n\n**Heading**\n---\n",
            include_str!("../../../tests/fixtures/md_code_and_html.md"),
            include_str!("../../../tests/fixtures/md_plan_template.md"),
            include_str!("../../../tests/fixtures/md_roadmap.md"),
            include_str!("../../../tests/fixtures/md_tracker.md"),
            include_str!("../../../tests/fixtures/md_outline.md"),
            include_str!("../../../tests/fixtures/md_task_tables.md"),
            include_str!("../../../tests/fixtures/md_continuations.md"),
            include_str!("../../../tests/fixtures/md_sprint_calendar.md"),
        ]
    }

    #[test]
    fn pieces_classify_as_the_whole_does() {
        for text in sample_documents() {
            let whole = classify_with(text, usize::MAX / 4);
            for piece_lines in 1..=4 {
                assert_eq!(
                    classify_with(text, piece_lines),
                    whole,
                    "{piece_lines}: {text}"
                );
            }
        }
    }

    /// The blocks (and thematic breaks) the parser finds in `text`: their kind and span.
    fn blocks_of(text: &str) -> Vec<(String, Range<usize>)> {
        let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
        Parser::new_ext(text, options)
            .into_offset_iter()
            .filter_map(|(event, span)| {
                let kind = match event {
                    Event::Start(
                        tag @ (Tag::Paragraph
                        | Tag::Heading { .. }
                        | Tag::BlockQuote(_)
                        | Tag::CodeBlock(_)
                        | Tag::HtmlBlock
                        | Tag::List(_)
                        | Tag::Item
                        | Tag::Table(_)
                        | Tag::TableHead
                        | Tag::TableRow
                        | Tag::TableCell),
                    ) => format!("{tag:?}"),
                    Event::Rule => "rule".to_owned(),
                    _ => return None,
                };
                Some((kind, span))
            })
            .collect()
    }

    #[test]
    fn plain_emphasis_changes_no_block() {
        for text in sample_documents() {
            let (mut raw, mut plain) = (String::new(), String::new());
            for line in split_lines(text) {
                raw.push_str(line);
                raw.push('\n');
                push_without_emphasis(&mut plain, line);
                plain.push('\n');
            }
            assert_eq!(raw.len(), plain.len());
            assert_eq!(blocks_of(&raw), blocks_of(&plain), "{text}");
        }
        let mut plain = String::new();
        push_without_emphasis(&mut plain, "  - **Owner**: a_b * c");
        assert_eq!(plain, "  - eeOwneree: aeb * c");
    }

    /// Pieces of Markdown that start, end or take part in blocks, and emphasis around them.
    const FRAGMENTS: &[&str] = &[
        "*", "**", "_", "__", " ", "  ", "\t", "-", "+", "#", ">", "1.", "2)", "`", "```", "~~~",
        "<a *b>", "<div>", "</div>", "<!--", "-->", "|", "---|", "word", "[ ]", "[x]", "===",
        "---", "[r]:", "/u_r", "\"t*\"", "\\", "&amp;",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn plain_emphasis_changes_no_block_of_random_markdown(
            lines in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..6),
                1..12,
            )
        ) {
            let (mut raw, mut plain) = (String::new(), String::new());
            for line in lines.iter().map(|fragments| fragments.concat()) {
                raw.push_str(&line);
                raw.push('\n');
                push_without_emphasis(&mut plain, &line);
                plain.push('\n');
            }
            proptest::prop_assert_eq!(blocks_of(&raw), blocks_of(&plain), "{}", raw);
        }
    }

    #[test]
    fn a_note_region_is_not_parsed() {
        let text = "<!-- waymark:note -->\n```\n- [ ] x\n<!-- /waymark:note -->\n- [ ] task\n";
        let kinds = classify(text);
        assert!(kinds[..4].iter().all(|k| *k == Line::Verbatim));
        assert!(matches!(kinds[4], Line::Item { .. }));
    }
}
