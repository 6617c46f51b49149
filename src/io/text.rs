//! Turning the bytes of a document into text, with clear errors for what is not text.

use thiserror::Error;

/// The largest document Waymark reads: 64 MiB. Larger files are refused before they are read whole.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Why bytes are not a readable text document.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TextError {
    /// The file is bigger than [`MAX_DOCUMENT_BYTES`].
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The bytes contain NUL characters: a binary file, not a plan.
    #[error("this is a binary file, not a text document (a NUL byte on line {line})")]
    Binary {
        /// The line of the first NUL byte.
        line: usize,
    },
    /// The bytes are not valid UTF-8.
    #[error("the file is not valid UTF-8 text (line {line}, column {column})")]
    NotUtf8 {
        /// Line of the first bad byte.
        line: usize,
        /// Column (in bytes) of the first bad byte.
        column: usize,
    },
}

/// Decodes a document: refuses oversize, binary and non-UTF-8 input and strips a UTF-8 byte-order mark.
pub fn decode_text(bytes: &[u8]) -> Result<&str, TextError> {
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(TextError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(TextError::Binary {
            line: line_of(bytes, at),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let at = error.valid_up_to();
        let line_start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        TextError::NotUtf8 {
            line: line_of(bytes, at),
            column: at - line_start + 1,
        }
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn line_of(bytes: &[u8], at: usize) -> usize {
    bytecount_newlines(&bytes[..at]) + 1
}

fn bytecount_newlines(bytes: &[u8]) -> usize {
    bytes.split(|&b| b == b'\n').count() - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_and_bad_utf8_with_lines() {
        assert_eq!(decode_text(b"a\nb\0"), Err(TextError::Binary { line: 2 }));
        assert_eq!(
            decode_text(b"ok\nab\xff"),
            Err(TextError::NotUtf8 { line: 2, column: 3 })
        );
        assert_eq!(decode_text("\u{feff}(x)".as_bytes()), Ok("(x)"));
    }
}
