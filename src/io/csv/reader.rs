//! Splitting CSV text into comment lines and records, with the line each starts on.

use super::{MAX_CELLS, MAX_COLUMNS};
use crate::io::ImportError;

/// One line or record of a CSV document, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Row {
    /// A `#` comment or a blank line; the text without the `#` and the space after it.
    Comment {
        /// 1-based line.
        line: usize,
        /// The comment text, trimmed at the end (empty for blank lines and a bare `#`).
        text: String,
    },
    /// A record: the cells, unquoted; unquoted cells are trimmed.
    Record {
        /// 1-based line the record starts on.
        line: usize,
        /// The cells.
        cells: Vec<String>,
    },
}

/// A document split into rows, and the delimiter it uses.
#[derive(Clone, Debug)]
pub(super) struct Table {
    /// Comments and records, in order.
    pub rows: Vec<Row>,
    /// `,`, `;` or a tab.
    pub delimiter: char,
    /// Lenient repairs, as (line, message).
    pub warnings: Vec<(usize, String)>,
    /// For records whose unquoted cells had leading spaces (trimmed from the cells): the record's line
    /// and each cell's count of leading spaces (a tab counts 4).
    pub indents: Vec<(usize, Vec<usize>)>,
}

/// Splits a document. The delimiter is sniffed from the first line that is not a comment. Before the first
/// record every `#` line is a comment; after it, a `#` line is a record only when it splits into as many
/// cells as the header (an id such as `#12`), otherwise a comment.
pub(super) fn read_table(text: &str) -> Result<Table, ImportError> {
    let delimiter = sniff_delimiter(text);
    let mut reader = Reader {
        text,
        pos: 0,
        line: 1,
        delimiter,
        warnings: Vec::new(),
        leads: Vec::new(),
    };
    let mut rows = Vec::new();
    let mut header_len = None;
    let mut indents = Vec::new();
    let mut cells_seen = 0usize;
    while reader.pos < text.len() {
        let line = reader.line;
        let line_text = reader.current_line();
        let trimmed = line_text.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            let as_record = header_len.and_then(|len| {
                let cells = split_line(line_text, delimiter)?;
                (trimmed.starts_with('#') && cells.len() == len).then_some(cells)
            });
            reader.skip_line();
            rows.push(match as_record {
                Some(cells) => Row::Record { line, cells },
                None => Row::Comment {
                    line,
                    text: comment_text(trimmed),
                },
            });
            continue;
        }
        let cells = reader.record()?;
        if header_len.is_none() {
            if cells.len() > MAX_COLUMNS {
                return Err(ImportError::Syntax {
                    line,
                    message: format!(
                        "the header has {} columns; Waymark reads at most {MAX_COLUMNS}",
                        cells.len()
                    ),
                });
            }
            header_len = Some(cells.len());
        }
        cells_seen += cells.len();
        if cells_seen > MAX_CELLS {
            return Err(ImportError::Syntax {
                line,
                message: format!("the table has more than {MAX_CELLS} cells; split the file"),
            });
        }
        if reader.leads.iter().any(|&lead| lead > 0) {
            indents.push((line, std::mem::take(&mut reader.leads)));
        }
        rows.push(Row::Record { line, cells });
    }
    Ok(Table {
        rows,
        delimiter,
        warnings: reader.warnings,
        indents,
    })
}

/// The delimiter: whichever of `,` `;` tab occurs most often outside quotes on one line, looking at
/// the first 20 lines that are not comments (a title or counter line above the header has few);
/// comma on a tie or when none occurs.
pub(super) fn sniff_delimiter(text: &str) -> char {
    let mut best = (0usize, ',');
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .take(20)
    {
        let mut counts = [0usize; 3];
        let mut in_quotes = false;
        for c in line.chars() {
            match c {
                '"' => in_quotes = !in_quotes,
                ',' if !in_quotes => counts[0] += 1,
                ';' if !in_quotes => counts[1] += 1,
                '\t' if !in_quotes => counts[2] += 1,
                _ => {}
            }
        }
        for (delimiter, count) in [',', ';', '\t'].into_iter().zip(counts) {
            if count > best.0 {
                best = (count, delimiter);
            }
        }
    }
    best.1
}

/// The cells of one line on its own, or `None` when a quote opens and does not close on it.
pub(super) fn split_line(line: &str, delimiter: char) -> Option<Vec<String>> {
    let mut reader = Reader {
        text: line.trim_end_matches(['\r', '\n']),
        pos: 0,
        line: 1,
        delimiter,
        warnings: Vec::new(),
        leads: Vec::new(),
    };
    reader.record().ok()
}

fn comment_text(trimmed: &str) -> String {
    let text = trimmed.strip_prefix('#').unwrap_or(trimmed);
    text.strip_prefix(' ').unwrap_or(text).trim_end().to_owned()
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    delimiter: char,
    warnings: Vec<(usize, String)>,
    /// The leading spaces of each unquoted cell of the last record read.
    leads: Vec<usize>,
}

impl<'a> Reader<'a> {
    fn current_line(&self) -> &'a str {
        let text = self.text;
        let rest = &text[self.pos..];
        rest.find('\n').map_or(rest, |end| &rest[..end])
    }

    fn skip_line(&mut self) {
        let rest = &self.text[self.pos..];
        match rest.find('\n') {
            Some(end) => {
                self.pos += end + 1;
                self.line += 1;
            }
            None => self.pos = self.text.len(),
        }
    }

    /// Reads one record from the current position to its end of line (which may be several lines on
    /// when a quoted cell holds line breaks).
    fn record(&mut self) -> Result<Vec<String>, ImportError> {
        self.leads.clear();
        let text = &self.text[self.pos..];
        let mut cells = Vec::new();
        let mut at = 0;
        loop {
            let (ending, next) =
                if let Some((cell, ending, next)) = plain_cell(text, at, self.delimiter) {
                    self.leads.push(lead(cell));
                    cells.push(cell.trim().to_owned());
                    (ending, next)
                } else {
                    let (cell, lead, ending, next) = self.cell(text, at)?;
                    self.leads.push(lead);
                    cells.push(cell);
                    (ending, next)
                };
            at = next;
            match ending {
                Ending::Delimiter => {}
                Ending::Line => {
                    self.line += 1;
                    break;
                }
                Ending::End => break,
            }
        }
        self.pos += at;
        Ok(cells)
    }

    /// Reads one cell of `text` from `from`, quoted or not, character by character: the cell, its
    /// leading spaces (0 when quoted), how it ends and where the next one starts.
    fn cell(
        &mut self,
        text: &str,
        from: usize,
    ) -> Result<(String, usize, Ending, usize), ImportError> {
        let mut cell = String::new();
        let mut quoted = false;
        let mut in_quotes = false;
        let mut quote_line = self.line;
        let mut chars = text[from..].char_indices().peekable();
        let mut ending = (Ending::End, text.len());
        while let Some((offset, c)) = chars.next() {
            if in_quotes {
                match c {
                    '"' if chars.peek().is_some_and(|&(_, next)| next == '"') => {
                        chars.next();
                        cell.push('"');
                    }
                    '"' => in_quotes = false,
                    '\r' if chars.peek().is_some_and(|&(_, next)| next == '\n') => {}
                    '\n' => {
                        self.line += 1;
                        cell.push('\n');
                    }
                    other => cell.push(other),
                }
                continue;
            }
            match c {
                '\n' => {
                    ending = (Ending::Line, from + offset + 1);
                    break;
                }
                '\r' if chars.peek().is_none_or(|&(_, next)| next == '\n') => {}
                '"' if !quoted && cell.trim().is_empty() => {
                    quoted = true;
                    in_quotes = true;
                    quote_line = self.line;
                    cell.clear();
                }
                d if d == self.delimiter => {
                    ending = (Ending::Delimiter, from + offset + 1);
                    break;
                }
                other => {
                    if quoted && !other.is_whitespace() && !cell.ends_with(char::is_whitespace) {
                        self.warnings.push((
                            self.line,
                            format!("text after a closing quote was kept: {other}…"),
                        ));
                    }
                    cell.push(other);
                }
            }
        }
        if in_quotes {
            return Err(ImportError::Syntax {
                line: quote_line,
                message: "a quoted cell is never closed (a \" is missing)".to_owned(),
            });
        }
        let lead = if quoted { 0 } else { lead(&cell) };
        let (how, next) = ending;
        Ok((finish_cell(&mut cell, quoted), lead, how, next))
    }
}

/// How a cell ends.
enum Ending {
    /// At a delimiter: more cells follow.
    Delimiter,
    /// At the end of its line: the record ends.
    Line,
    /// At the end of the text.
    End,
}

/// A cell from `from` that holds no quote and no carriage return, as a slice of `text` (untrimmed),
/// with how it ends and where the next one starts; `None` for any other cell. Most cells are
/// such, and are read without being copied character by character.
fn plain_cell(text: &str, from: usize, delimiter: char) -> Option<(&str, Ending, usize)> {
    let delimiter = u8::try_from(delimiter).ok().filter(u8::is_ascii)?;
    let rest = &text.as_bytes()[from..];
    let Some(found) = rest
        .iter()
        .position(|&b| b == delimiter || matches!(b, b'\n' | b'\r' | b'"'))
    else {
        return Some((&text[from..], Ending::End, text.len()));
    };
    let cell = &text[from..from + found];
    match rest[found] {
        b'\n' => Some((cell, Ending::Line, from + found + 1)),
        b'\r' | b'"' => None,
        _ => Some((cell, Ending::Delimiter, from + found + 1)),
    }
}

/// The leading spaces of a cell (a tab counts 4).
fn lead(cell: &str) -> usize {
    cell.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

fn finish_cell(cell: &mut String, quoted: bool) -> String {
    let text = std::mem::take(cell);
    if quoted {
        // Whitespace after the closing quote is not part of the cell.
        text.trim_end_matches([' ', '\t']).to_owned()
    } else {
        text.trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> Vec<(usize, Vec<String>)> {
        read_table(text)
            .expect("reads")
            .rows
            .into_iter()
            .filter_map(|row| match row {
                Row::Record { line, cells } => Some((line, cells)),
                Row::Comment { .. } => None,
            })
            .collect()
    }

    #[test]
    fn splits_quotes_line_breaks_and_crlf() {
        let rows = records("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\r\nlines\", z \r\n");
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[1],
            (2, vec!["1".into(), "x, y".into(), "say \"hi\"".into()])
        );
        assert_eq!(
            rows[2],
            (3, vec!["2".into(), "two\nlines".into(), "z".into()])
        );
    }

    #[test]
    fn comments_sniffing_and_unclosed_quotes() {
        let table = read_table("# Title\n#\nid;name;x\n# SECTION\n#7;seven;x\n").expect("reads");
        assert_eq!(table.delimiter, ';');
        assert_eq!(
            table.rows,
            vec![
                Row::Comment {
                    line: 1,
                    text: "Title".into()
                },
                Row::Comment {
                    line: 2,
                    text: String::new()
                },
                Row::Record {
                    line: 3,
                    cells: vec!["id".into(), "name".into(), "x".into()]
                },
                Row::Comment {
                    line: 4,
                    text: "SECTION".into()
                },
                Row::Record {
                    line: 5,
                    cells: vec!["#7".into(), "seven".into(), "x".into()]
                },
            ]
        );
        assert_eq!(sniff_delimiter("a\tb\tc,d\n"), '\t');
        let error = read_table("a,b\n1,2\n3,\"open\n4,5\n").expect_err("unclosed");
        assert_eq!(
            error,
            ImportError::Syntax {
                line: 3,
                message: "a quoted cell is never closed (a \" is missing)".into()
            }
        );
    }
}
