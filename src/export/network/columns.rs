//! The columns the file writers share: the attributes of a node and of a
//! credit with their types (GraphML and GEXF declare them), their values as
//! text, and the escaping of text for XML and of characters XML forbids.

use super::{NetworkCredit, NetworkNode, NetworkNodeKind};

/// The type of an attribute column, as the typed formats (GraphML, GEXF)
/// declare it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Type {
    Text,
    Int,
    Float,
    Bool,
}

impl Type {
    /// The name GraphML (`attr.type`) and GEXF (`type`) give the type:
    /// `string`, `double`, `boolean`, and the format's own `int` word.
    pub(crate) fn name(self, int: &'static str) -> &'static str {
        match self {
            Type::Text => "string",
            Type::Int => int,
            Type::Float => "double",
            Type::Bool => "boolean",
        }
    }
}

/// The attribute columns of every node (besides its key and label), in
/// the order the typed formats declare them.
pub(crate) const NODE_COLUMNS: &[(&str, Type)] = &[
    ("kind", Type::Text),
    ("bipartite", Type::Int),
    ("hangul", Type::Text),
    ("aliases", Type::Text),
    ("work_kind", Type::Text),
    ("group_kind", Type::Text),
    ("organisation_kind", Type::Text),
    ("year", Type::Int),
    ("released", Type::Text),
    ("born", Type::Int),
    ("confidence", Type::Text),
    ("sources", Type::Text),
    ("notes", Type::Text),
];

/// The values of [`NODE_COLUMNS`] for a node (`None`: not written), lists
/// joined with `; `.
pub(crate) fn node_values(n: &NetworkNode) -> [Option<String>; 13] {
    let group = matches!(n.kind, NetworkNodeKind::Group(_));
    [
        Some(n.kind_name().to_string()),
        n.bipartite().map(|b| b.to_string()),
        n.hangul.clone(),
        (!n.aliases.is_empty()).then(|| n.aliases.join("; ")),
        n.work_kind().map(|k| k.name().to_string()),
        n.kind_word().filter(|_| group).map(str::to_string),
        n.kind_word().filter(|_| !group).map(str::to_string),
        n.year.map(|y| y.to_string()),
        n.released.map(|d| d.to_string()),
        n.born.map(|y| y.to_string()),
        (!n.confidence.is_confirmed()).then(|| n.confidence.word().to_string()),
        (!n.sources.is_empty()).then(|| n.sources.join("; ")),
        n.notes.clone(),
    ]
}

/// The attribute columns of a credit, the edge of the whole graph.
pub(crate) const CREDIT_COLUMNS: &[(&str, Type)] = &[
    ("role", Type::Text),
    ("role_kind", Type::Text),
    ("billing", Type::Text),
    ("character", Type::Text),
    ("song", Type::Text),
    ("since", Type::Int),
    ("until", Type::Int),
    ("unverified", Type::Bool),
    ("confidence", Type::Text),
    ("sources", Type::Text),
    ("notes", Type::Text),
];

/// The values of [`CREDIT_COLUMNS`] for a credit (`None`: not written).
pub(crate) fn credit_values(c: &NetworkCredit) -> [Option<String>; 11] {
    [
        Some(c.role.clone()),
        Some(c.role_kind.name().to_string()),
        c.billing.map(|b| b.to_string()),
        c.character.clone(),
        c.song.clone(),
        c.since.map(|y| y.to_string()),
        c.until.map(|y| y.to_string()),
        Some(c.unverified.to_string()),
        (!c.confidence.is_confirmed()).then(|| c.confidence.word().to_string()),
        (!c.sources.is_empty()).then(|| c.sources.join("; ")),
        c.notes.clone(),
    ]
}

/// The attribute columns of a pair, the edge of the projection (besides
/// its weight).
pub(crate) const PAIR_COLUMNS: &[(&str, Type)] = &[
    ("shared", Type::Int),
    ("newman", Type::Float),
    ("works", Type::Text),
    ("titles", Type::Text),
];

/// Formats a float as the exports write it: integers without a fraction
/// are written `2.0`, others with up to 12 significant decimals.
pub(crate) fn float(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.1}")
    } else {
        let s = format!("{x:.12}");
        let s = s.trim_end_matches('0');
        s.to_string()
    }
}

/// Escapes text for XML content and attribute values: the five markup
/// characters as entities, tab, line feed and carriage return as character
/// references (attribute values keep them, and text keeps a carriage
/// return), and the characters XML 1.0 forbids through
/// [`escape_forbidden`].
pub(crate) fn xml(s: &str) -> std::borrow::Cow<'_, str> {
    let needs = |c: char| {
        matches!(c, '&' | '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r' | '\\') || forbidden(c)
    };
    if !s.chars().any(needs) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in escape_forbidden(s).chars() {
        if let Some(entity) = markup_entity(c) {
            out.push_str(entity);
            continue;
        }
        match c {
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The entity of an XML markup character (`& < > " '`), if `c` is one.
fn markup_entity(c: char) -> Option<&'static str> {
    Some(match c {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&apos;",
        _ => return None,
    })
}

/// Appends text escaped for XML content and attributes, for text drawn as
/// a label (the built-in renderer's SVG, the HTML-like labels of DOT): the
/// markup characters as entities, a tab or line break as a space, the
/// characters XML 1.0 forbids as U+FFFD.
pub(crate) fn xml_label(out: &mut String, text: &str) {
    for c in text.chars() {
        if let Some(entity) = markup_entity(c) {
            out.push_str(entity);
            continue;
        }
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Whether XML 1.0 forbids a character: the C0 controls but tab, line
/// feed and carriage return, and U+FFFE and U+FFFF (surrogates are not
/// `char`s).
pub(crate) fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// The reversible escape of the XML exports (see
/// [`graphml`](super::graphml)): a character XML 1.0 forbids becomes
/// `\u{HEX}`, and a backslash is doubled where what follows it in the
/// escaped text begins with a backslash or `u{`; any other backslash is
/// written as it is. [`crate::import`] undoes it when the file says so.
pub(crate) fn escape_forbidden(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c == '\\' || forbidden(c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if forbidden(c) {
            out.push_str(&format!("\\u{{{:X}}}", c as u32));
        } else if c == '\\' {
            let next = chars.get(i + 1).copied();
            let doubled = match next {
                Some('\\') => true,
                Some(n) if forbidden(n) => true,
                Some('u') => chars.get(i + 2) == Some(&'{'),
                _ => false,
            };
            out.push('\\');
            if doubled {
                out.push('\\');
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The colours and shape the DOT style sheet gives a node: (fill, stroke,
/// GEXF shape, yEd shape).
pub(crate) fn node_style(
    kind: NetworkNodeKind,
) -> (&'static str, &'static str, &'static str, &'static str) {
    use crate::export::diagram::{Emphasis, NodeKind};
    let look = match kind {
        NetworkNodeKind::Person => {
            crate::export::style::node_look(NodeKind::Person, Emphasis::Normal)
        }
        NetworkNodeKind::Group(_) => {
            crate::export::style::node_look(NodeKind::Group, Emphasis::Normal)
        }
        NetworkNodeKind::Work(k) => {
            crate::export::style::node_look(NodeKind::Work(k), Emphasis::Normal)
        }
        NetworkNodeKind::Organisation(_) => {
            crate::export::style::node_look(NodeKind::Organisation, Emphasis::Normal)
        }
    };
    match kind {
        NetworkNodeKind::Person => (look.fill, look.stroke, "disc", "roundrectangle"),
        NetworkNodeKind::Group(_) => (look.fill, look.stroke, "diamond", "octagon"),
        NetworkNodeKind::Work(_) => (look.fill, look.stroke, "square", "rectangle"),
        NetworkNodeKind::Organisation(_) => (look.fill, look.stroke, "triangle", "hexagon"),
    }
}

/// `#RRGGBB` as three bytes.
pub(crate) fn rgb(hex: &str) -> (u8, u8, u8) {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    (byte(0), byte(2), byte(4))
}
