//! Small helpers for the XML formats (MS Project XML, `GanttProject`): escaping text for writing, and
//! turning a parser's error or a wrong root element into an [`ImportError`] that names the line.

use super::ImportError;

/// Escapes text for an XML element or a double-quoted attribute. Characters XML 1.0 cannot hold
/// (control characters other than tab and line breaks) are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' => {}
            c => out.push(c),
        }
    }
    out
}

/// Parses an XML document, or says on which line it is not XML.
pub fn parse<'a>(text: &'a str, what: &str) -> Result<roxmltree::Document<'a>, ImportError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|error| {
        let position = error.pos();
        ImportError::Syntax {
            line: position.row as usize,
            message: format!("this is not {what}: it is not well-formed XML ({error})"),
        }
    })
}

/// Checks the root element's name (namespaces ignored).
pub fn expect_root(
    document: &roxmltree::Document<'_>,
    name: &str,
    what: &str,
) -> Result<(), ImportError> {
    let root = document.root_element();
    if root.tag_name().name() == name {
        return Ok(());
    }
    Err(ImportError::Syntax {
        line: line_of(document, root),
        message: format!(
            "this is not {what}: its root element is <{}>, not <{name}>",
            root.tag_name().name()
        ),
    })
}

/// The 1-based line a node starts on.
pub fn line_of(document: &roxmltree::Document<'_>, node: roxmltree::Node<'_, '_>) -> usize {
    document.text_pos_at(node.range().start).row as usize
}

/// The first child element with a local name.
pub fn child_element<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &str,
) -> Option<roxmltree::Node<'a, 'i>> {
    node.children()
        .find(|child| child.is_element() && child.tag_name().name() == name)
}

/// Every child element with a local name, in document order.
pub fn child_elements<'a, 'i: 'a>(
    node: roxmltree::Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> + 'a {
    node.children()
        .filter(move |child| child.is_element() && child.tag_name().name() == name)
}

/// The text of a child element (by local name), trimmed; `None` when missing or empty.
pub fn child_text<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    child_element(node, name)
        .and_then(|child| child.text())
        .map(str::trim)
        .filter(|text| !text.is_empty())
}
