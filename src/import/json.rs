//! The NodeLink reader: see [`NodeLink`].

use std::collections::HashMap;

use serde_json::Value;

use super::staged::{Attr, GraphEdge, GraphNode, Loaded, Positions, from_graph, parse_error, utf8};
use crate::error::Location;

/// The 1-based column, in characters, of serde_json's column on a line,
/// which counts bytes.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line - 1) else {
        return byte_column.max(1);
    };
    let mut end = byte_column.saturating_sub(1).min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    l[..end].chars().count() + 1
}

/// The node-link JSON reader: `NodeLink::new().from_path("graph.json")`.
///
/// Node-link JSON as NetworkX writes it (`node_link_data`, 3.4 and later):
/// `nodes` with an `id`, `edges` (or `links`) with `source` and `target`.
///
/// People and works are told apart by a `bipartite` attribute (0 for
/// people, 1 for works, as NetworkX's bipartite generators set it) or a
/// `kind` attribute (`person`, `work`, or a work kind such as `film`).
/// Node attributes read: `label` (else `name`, `title`, else the id),
/// `hangul`, `aliases` (a list or a `;`-separated string), `work_kind`,
/// `year` (else `start`), `born`. Edge attributes read: `role`, `billing`,
/// `character`, `unverified`; role words are mapped as the
/// [module docs](crate::import#roles) say, a missing role is a generic
/// on-screen appearance. An edge that does not link a person and a work,
/// and a group or organisation node, are skipped and counted.
///
/// Only with the `serde` feature (on by default).
///
/// # Example
///
/// ```
/// use hallyu::{Filter, import::NodeLink};
///
/// let text = r#"{"directed": false, "multigraph": false, "graph": {},
///   "nodes": [{"id": "Evelyn", "bipartite": 0}, {"id": "Laura", "bipartite": 0},
///             {"id": "E1", "bipartite": 1}],
///   "edges": [{"source": "Evelyn", "target": "E1"}, {"source": "Laura", "target": "E1"}]}"#;
/// let loaded = NodeLink::new().from_reader("davis.json", text.as_bytes())?;
/// let ex = &loaded.explorer;
/// assert_eq!(ex.co_appearances(ex.person("Evelyn")?, &Filter::new()).len(), 1);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct NodeLink {
    edges: Option<String>,
}

impl NodeLink {
    /// A reader that takes the edges from `edges`, else from `links`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::NodeLink;
    ///
    /// let text = r#"{"nodes": [{"id": "iu", "kind": "person"}, {"id": "palette", "kind": "mv"}],
    ///                "links": [{"source": "iu", "target": "palette", "role": "performer"}]}"#;
    /// let loaded = NodeLink::new().from_reader("d3.json", text.as_bytes())?; // no `edges`: `links`
    /// assert_eq!(loaded.report.credits, 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new() -> NodeLink {
        NodeLink::default()
    }

    /// Takes the edges from this key only (`"links"`, `"edges"`).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::NodeLink;
    ///
    /// let text = r#"{"nodes": [{"id": "iu", "kind": "person"}, {"id": "palette", "kind": "mv"}],
    ///                "edges": [],
    ///                "links": [{"source": "iu", "target": "palette"}]}"#;
    /// let default = NodeLink::new().from_reader("g.json", text.as_bytes())?;
    /// let links = NodeLink::new().edges_key("links").from_reader("g.json", text.as_bytes())?;
    /// assert_eq!((default.report.credits, links.report.credits), (0, 1));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn edges_key(mut self, key: impl Into<String>) -> NodeLink {
        self.edges = Some(key.into());
        self
    }

    fn read(&self, file: &str, bytes: &[u8]) -> crate::error::Result<Loaded> {
        let text = utf8(file, bytes)?;
        // A byte-order mark (Windows editors write one) is not JSON, but it
        // says nothing: it is skipped, and positions count from after it.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let loc = |line: usize, column: usize| Location {
            file: file.to_string(),
            line,
            column,
        };
        let value: Value = serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m)
                .to_string();
            let line = e.line().max(1);
            parse_error(message, loc(line, char_column(text, line, e.column())))
        })?;
        let mut finder = Finder { text, cursor: 0 };
        let mut positions = Positions::new(text);
        let mut position = |_: &str, at: usize| positions.at(at);
        let Some(nodes) = value.get("nodes").and_then(Value::as_array) else {
            return Err(parse_error("missing \"nodes\" list", loc(1, 1)));
        };
        finder.seek("\"nodes\"");
        let mut out_nodes = Vec::new();
        for (i, n) in nodes.iter().enumerate() {
            let Some(id) = n.get("id").and_then(scalar) else {
                let at = finder.next_object();
                let (l, c) = position(text, at);
                return Err(parse_error(format!("node {i} has no \"id\""), loc(l, c)));
            };
            let at = finder.find_value(&id);
            let (l, c) = position(text, at);
            out_nodes.push(GraphNode {
                id,
                attrs: attrs(n, &["id"]),
                location: loc(l, c),
            });
        }
        let key = match &self.edges {
            Some(k) => k.as_str(),
            None if value.get("edges").is_some() => "edges",
            None => "links",
        };
        let edges = value.get(key).and_then(Value::as_array);
        let mut out_edges = Vec::new();
        if let Some(edges) = edges {
            finder.cursor = 0;
            finder.seek(&format!("\"{key}\""));
            for (i, e) in edges.iter().enumerate() {
                let (Some(source), Some(target)) = (
                    e.get("source").and_then(scalar),
                    e.get("target").and_then(scalar),
                ) else {
                    let at = finder.next_object();
                    let (l, c) = position(text, at);
                    return Err(parse_error(
                        format!("edge {i} has no \"source\" or \"target\""),
                        loc(l, c),
                    ));
                };
                let s_at = finder.find_value(&source);
                let t_at = finder.find_value(&target);
                let (sl, sc) = position(text, s_at);
                let (tl, tc) = position(text, t_at);
                out_edges.push(GraphEdge {
                    source,
                    target,
                    attrs: attrs(e, &["source", "target", "key"]),
                    location: loc(sl, sc),
                    ends: [loc(sl, sc), loc(tl, tc)],
                });
            }
        }
        // The parsed tree is not needed past this point: dropped before the
        // records are staged and the graph built, so they do not coexist.
        drop(value);
        from_graph(out_nodes, out_edges)
    }
}

super::staged::one_file_reader!(
    NodeLink,
    "A syntax error, a missing `nodes` list or `id`, an unknown or duplicate id, a bad number, invalid UTF-8, a truncated file: each at its file, line and column.",
    r##"use hallyu::{Filter, import::NodeLink};

let dir = std::env::temp_dir().join(format!("hallyu-doc-node-link-{}", std::process::id()));
std::fs::create_dir_all(&dir)?;
let path = dir.join("palette.json");
std::fs::write(&path, r#"{"nodes": [{"id": "IU", "bipartite": 0}, {"id": "G-Dragon", "bipartite": 0},
                                   {"id": "Palette", "bipartite": 1, "year": 2017}],
                         "edges": [{"source": "IU", "target": "Palette", "role": "performer"},
                                   {"source": "G-Dragon", "target": "Palette", "role": "featured"}]}"#)?;
let ex = NodeLink::new().from_path(&path)?.explorer;
let costars = ex.co_appearances(ex.person("IU")?, &Filter::new());
assert_eq!(ex.get(costars.as_slice()[0].person).name(), "G-Dragon");
std::fs::remove_dir_all(&dir)?;
# Ok::<(), Box<dyn std::error::Error>>(())"##,
    r##"use hallyu::import::NodeLink;

let text = r#"{"nodes": [{"id": "IU"}],
 "edges": [{"source": "IU"}]}"#;
let err = NodeLink::new().from_reader("broken.json", text.as_bytes()).unwrap_err();
assert_eq!(err.to_string(), "broken.json:2:12: edge 0 has no \"source\" or \"target\"");
# Ok::<(), hallyu::Error>(())"##
);

/// An id as text: strings as they are, numbers written out.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn attrs(v: &Value, skip: &[&str]) -> HashMap<String, Attr> {
    let mut out = HashMap::new();
    if let Some(m) = v.as_object() {
        for (k, v) in m {
            if skip.contains(&k.as_str()) {
                continue;
            }
            let a = match v {
                Value::String(s) => Attr::Text(s.clone()),
                Value::Bool(b) => Attr::Bool(*b),
                Value::Number(n) => match n.as_i64() {
                    Some(i) => Attr::Int(i),
                    None => Attr::Float(n.as_f64().unwrap_or(0.0)),
                },
                Value::Array(items) => Attr::List(items.iter().filter_map(scalar).collect()),
                _ => continue,
            };
            out.insert(k.clone(), a);
        }
    }
    out
}

/// Finds where values are written, moving forward through the text (the
/// JSON value keeps no positions).
struct Finder<'t> {
    text: &'t str,
    cursor: usize,
}

impl Finder<'_> {
    fn seek(&mut self, needle: &str) -> usize {
        if let Some(i) = self.text[self.cursor..].find(needle) {
            self.cursor += i + needle.len();
        }
        self.cursor
    }

    /// The start of the next value `id` (a JSON string or a number).
    fn find_value(&mut self, id: &str) -> usize {
        let quoted = serde_json::to_string(id).unwrap_or_default();
        let rest = &self.text[self.cursor..];
        let found = rest.find(&quoted).or_else(|| rest.find(id));
        match found {
            Some(i) => {
                let at = self.cursor + i;
                self.cursor = at + 1;
                at
            }
            None => self.cursor,
        }
    }

    fn next_object(&mut self) -> usize {
        match self.text[self.cursor..].find('{') {
            Some(i) => {
                self.cursor += i + 1;
                self.cursor - 1
            }
            None => self.cursor,
        }
    }
}
