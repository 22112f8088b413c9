//! The Graphml reader: see [`Graphml`].

use std::collections::HashMap;
use std::io::BufRead;
use std::rc::Rc;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::staged::{
    Attr, GraphEdge, GraphNode, GraphReader, Loaded, at, parse_error, unescape_forbidden,
};
use super::track::{Tracked, skip_bom};
use crate::error::{ErrorKind, Location};

/// The GraphML reader: `Graphml::new().from_path("graph.graphml")`.
///
/// GraphML as NetworkX (`write_graphml`), yEd and Gephi write it.
///
/// Keys are read with their types (`int`, `long`, `integer`, `float`,
/// `double`, `boolean`, `string`) and defaults; yEd graphics are ignored.
/// People and works are told apart as in [`NodeLink`](super::NodeLink): a
/// `bipartite` (0 or 1) or a `kind` attribute; attributes and skips are
/// the same.
///
/// # Example
///
/// ```
/// use hallyu::{Filter, import::Graphml};
///
/// let text = r#"<?xml version="1.0"?>
/// <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
///   <key id="d0" for="node" attr.name="bipartite" attr.type="int"/>
///   <graph edgedefault="undirected">
///     <node id="Evelyn"><data key="d0">0</data></node>
///     <node id="Laura"><data key="d0">0</data></node>
///     <node id="E1"><data key="d0">1</data></node>
///     <edge source="Evelyn" target="E1"/>
///     <edge source="Laura" target="E1"/>
///   </graph>
/// </graphml>"#;
/// let loaded = Graphml::new().from_reader("davis.graphml", text.as_bytes())?;
/// let ex = &loaded.explorer;
/// assert_eq!(ex.co_appearances(ex.person("Laura")?, &Filter::new()).len(), 1);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Graphml {}

/// A declared attribute: its name, type, default, and what it is for.
#[derive(Clone, Debug)]
pub(super) struct Key {
    pub(super) name: String,
    pub(super) ty: String,
    pub(super) default: Option<String>,
    pub(super) for_: String,
}

impl Graphml {
    /// A reader.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Graphml;
    ///
    /// let text = r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
    ///   <key id="k" for="node" attr.name="kind" attr.type="string"/>
    ///   <graph edgedefault="undirected">
    ///     <node id="iu"><data key="k">person</data></node>
    ///     <node id="palette"><data key="k">mv</data></node>
    ///     <edge source="iu" target="palette"/>
    ///   </graph>
    /// </graphml>"#;
    /// let loaded = Graphml::new().from_reader("palette.graphml", text.as_bytes())?;
    /// assert_eq!((loaded.report.people, loaded.report.works, loaded.report.credits), (1, 1, 1));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new() -> Graphml {
        Graphml::default()
    }

    fn read(&self, file: &str, reader: impl BufRead) -> crate::error::Result<Loaded> {
        let mut st = State::default();
        events(file, reader, &mut st)?;
        let mut loaded = st.graph.finish()?;
        let mut skipped = st.unread;
        skipped.append(&mut loaded.report.skipped);
        loaded.report.skipped = skipped;
        Ok(loaded)
    }
}

/// What kind of text an XML reader is given.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Text {
    /// Character data.
    Plain,
    /// A CDATA section.
    CData,
    /// A character or entity reference, resolved.
    Reference,
}

/// What the GraphML and GEXF readers do with the events of their XML.
pub(super) trait Handler {
    /// The name of the format, for errors.
    const FORMAT: &'static str;
    /// The name the root element must have.
    const ROOT: &'static str;
    /// The start of element `name` (its local name) at `here`.
    fn open(&mut self, name: &str, e: &BytesStart<'_>, here: Location) -> crate::error::Result<()>;
    /// The end of element `name`.
    fn close(&mut self, name: &str) -> crate::error::Result<()>;
    /// Text at `here`.
    fn text(&mut self, s: &str, here: Location, kind: Text);
}

/// Reads an XML file event by event through a buffer (never whole), after
/// a byte-order mark if there is one, giving each start, end and text to
/// `handler`: malformed XML, bytes that are not UTF-8, a file that ends
/// inside an element and a root element that is not `H::ROOT` are errors
/// at their line and column.
pub(super) fn events<H: Handler>(
    file: &str,
    mut reader: impl BufRead,
    handler: &mut H,
) -> crate::error::Result<()> {
    // A byte-order mark says nothing (positions count from after it).
    skip_bom(&mut reader).map_err(|e| crate::error::Error::io(file, e))?;
    let tracked = Tracked::new(reader);
    let track = Rc::clone(&tracked.track);
    let loc = |(line, column): (usize, usize)| Location {
        file: file.to_string(),
        line,
        column,
    };
    let (format, root) = (H::FORMAT, H::ROOT);
    let mut reader = Reader::from_reader(tracked);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<String> = Vec::new();
    let mut buf = Vec::new();
    let mut rooted = false;
    loop {
        buf.clear();
        let start = track.borrow().next();
        let event = reader.read_event_into(&mut buf);
        if let Some(bad) = track.borrow().bad {
            return Err(parse_error("invalid UTF-8", loc(bad)));
        }
        let event = event.map_err(|e| parse_error(format!("malformed XML: {e}"), loc(start)))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = e.local_name().as_ref().to_string();
                let here = loc(start);
                if stack.is_empty() {
                    if name != root {
                        return Err(parse_error(
                            format!("not {format}: the root element is <{name}>, not <{root}>"),
                            here,
                        ));
                    }
                    rooted = true;
                }
                handler.open(&name, e, here)?;
                if matches!(event, Event::Empty(_)) {
                    handler.close(&name)?;
                } else {
                    stack.push(name);
                }
            }
            Event::End(_) => handler.close(&stack.pop().unwrap_or_default())?,
            Event::Text(t) => handler.text(&t.xml10_content(), loc(start), Text::Plain),
            Event::CData(t) => handler.text(&t.xml10_content(), loc(start), Text::CData),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                        .unwrap_or("")
                        .to_string(),
                };
                handler.text(&resolved, loc(start), Text::Reference);
            }
            Event::Eof => {
                if let Some(open) = stack.last() {
                    return Err(parse_error(
                        format!("the file ends inside <{open}>"),
                        loc(track.borrow().next()),
                    ));
                }
                break;
            }
            _ => {}
        }
    }
    if !rooted {
        return Err(parse_error(
            format!("not {format}: no <{root}> element (the file is empty or holds only text)"),
            loc((1, 1)),
        ));
    }
    Ok(())
}

/// The node or edge being read, until its end tag.
enum Current {
    Node(GraphNode),
    Edge(GraphEdge),
}

/// What the reader has read so far: the keys, the node or edge being
/// read; every node and edge goes to the records at its end tag.
#[derive(Default)]
struct State {
    keys: HashMap<String, Key>,
    graph: GraphReader,
    /// The node or edge whose data is being read.
    current: Option<Current>,
    /// The data element being read: key, where, text, and whether it has
    /// child elements (yEd graphics).
    data: Option<(String, Location, String, bool)>,
    /// The key whose `<default>` is being read, and its text.
    key_default: Option<(String, String)>,
    /// The graph's own data (`text_escape`, `shape`).
    graph_data: HashMap<String, Attr>,
    /// Elements and text the reader does not read, for the report.
    unread: Vec<(Location, String)>,
}

impl Handler for State {
    const FORMAT: &'static str = "GraphML";
    const ROOT: &'static str = "graphml";

    fn open(&mut self, name: &str, e: &BytesStart<'_>, here: Location) -> crate::error::Result<()> {
        if let Some(d) = self.data.as_mut() {
            d.3 = true;
        }
        match name {
            "key" => {
                let a = attributes(e, &here)?;
                let id = (a.get("id").cloned())
                    .ok_or_else(|| parse_error("a <key> without an id", here.clone()))?;
                self.keys.insert(
                    id.clone(),
                    Key {
                        name: a.get("attr.name").cloned().unwrap_or(id.clone()),
                        ty: a.get("attr.type").cloned().unwrap_or("string".into()),
                        default: None,
                        for_: a.get("for").cloned().unwrap_or("all".into()),
                    },
                );
                self.key_default = Some((id, String::new()));
            }
            "node" if self.data.is_none() => {
                let a = attributes(e, &here)?;
                let id = (a.get("id").cloned())
                    .ok_or_else(|| parse_error("a <node> without an id", here.clone()))?;
                self.flush()?;
                self.current = Some(Current::Node(GraphNode {
                    id,
                    attrs: HashMap::new(),
                    location: here,
                }));
            }
            "edge" if self.data.is_none() => {
                let a = attributes(e, &here)?;
                let (Some(s), Some(t)) = (a.get("source"), a.get("target")) else {
                    return Err(parse_error("an <edge> without a source or a target", here));
                };
                self.flush()?;
                self.current = Some(Current::Edge(GraphEdge {
                    source: s.clone(),
                    target: t.clone(),
                    attrs: HashMap::new(),
                    location: here.clone(),
                    ends: [here.clone(), here],
                }));
            }
            "data" if self.data.is_none() => {
                let a = attributes(e, &here)?;
                let key = (a.get("key").cloned())
                    .ok_or_else(|| parse_error("a <data> without a key", here.clone()))?;
                if !self.keys.contains_key(&key) {
                    return Err(parse_error(
                        format!("<data> of an undeclared key \"{key}\""),
                        here,
                    ));
                }
                self.data = Some((key, here, String::new(), false));
            }
            "graphml" | "default" | "graph" | "desc" => {}
            _ if self.data.is_some() => {} // yEd graphics inside <data>
            other => (self.unread).push((here, format!("element <{other}> is not read"))),
        }
        Ok(())
    }

    /// Text inside the data or the key default being read; other text is
    /// reported.
    fn text(&mut self, s: &str, here: Location, kind: Text) {
        if let Some(d) = self.data.as_mut() {
            d.2.push_str(s);
        } else if kind == Text::CData {
        } else if let Some((_, v)) = self.key_default.as_mut() {
            v.push_str(s);
        } else if kind == Text::Plain && !s.trim().is_empty() {
            (self.unread).push((here, "text outside <data> is not read".into()));
        }
    }

    fn close(&mut self, name: &str) -> crate::error::Result<()> {
        match name {
            "data" => {
                if let Some((key, here, value, nested)) = self.data.take() {
                    if nested {
                        return Ok(());
                    }
                    let k = &self.keys[&key];
                    let v = typed(k, &value, &here)?;
                    match &mut self.current {
                        Some(Current::Node(n)) => {
                            n.attrs.insert(k.name.clone(), v);
                        }
                        Some(Current::Edge(e)) => {
                            e.attrs.insert(k.name.clone(), v);
                        }
                        None => {
                            self.graph_data.insert(k.name.clone(), v);
                        }
                    }
                }
            }
            "default" => {}
            "key" => {
                if let Some((id, value)) = self.key_default.take()
                    && !value.trim().is_empty()
                    && let Some(k) = self.keys.get_mut(&id)
                {
                    k.default = Some(value.trim().to_string());
                }
            }
            "node" | "edge" if self.data.is_none() => self.flush()?,
            _ => {}
        }
        Ok(())
    }
}

impl State {
    /// The node or edge read so far, with the defaults of its keys and
    /// its names unescaped, to the records.
    fn flush(&mut self) -> crate::error::Result<()> {
        let Some(current) = self.current.take() else {
            return Ok(());
        };
        // Names escaped by hallyu's XML exports (see `export::graphml`).
        let escaped = matches!(self.graph_data.get("text_escape"),
            Some(Attr::Text(t)) if t == "backslash-u");
        let un = |s: &mut String| {
            if escaped && let std::borrow::Cow::Owned(o) = unescape_forbidden(s) {
                *s = o;
            }
        };
        let fill = |attrs: &mut HashMap<String, Attr>, for_: &str, location: &Location| {
            for k in self.keys.values() {
                if let Some(d) = &k.default
                    && (k.for_ == for_ || k.for_ == "all")
                    && !attrs.contains_key(&k.name)
                {
                    attrs.insert(k.name.clone(), typed(k, d, location)?);
                }
            }
            for v in attrs.values_mut() {
                if let Attr::Text(t) = v {
                    un(t);
                }
            }
            Ok::<_, crate::error::Error>(())
        };
        match current {
            Current::Node(mut n) => {
                fill(&mut n.attrs, "node", &n.location)?;
                un(&mut n.id);
                self.graph.node(n)
            }
            Current::Edge(mut e) => {
                fill(&mut e.attrs, "edge", &e.location)?;
                un(&mut e.source);
                un(&mut e.target);
                self.graph.edge(e)
            }
        }
    }
}

super::staged::streaming_reader!(
    Graphml,
    "Malformed XML, a node or edge without its ids, an unknown or duplicate id, data of an undeclared key, a bad number, invalid UTF-8, a truncated file: each at its file, line and column.",
    r##"use hallyu::{Filter, import::Graphml};

let dir = std::env::temp_dir().join(format!("hallyu-doc-graphml-{}", std::process::id()));
std::fs::create_dir_all(&dir)?;
let path = dir.join("palette.graphml");
std::fs::write(&path, r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="b" for="node" attr.name="bipartite" attr.type="int"/>
  <key id="r" for="edge" attr.name="role" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="IU"><data key="b">0</data></node>
    <node id="G-Dragon"><data key="b">0</data></node>
    <node id="Palette"><data key="b">1</data></node>
    <edge source="IU" target="Palette"><data key="r">performer</data></edge>
    <edge source="G-Dragon" target="Palette"><data key="r">featured</data></edge>
  </graph>
</graphml>"#)?;
let ex = Graphml::new().from_path(&path)?.explorer;
let costars = ex.co_appearances(ex.person("IU")?, &Filter::new());
assert_eq!(ex.get(costars.as_slice()[0].person).name(), "G-Dragon");
std::fs::remove_dir_all(&dir)?;
# Ok::<(), Box<dyn std::error::Error>>(())"##,
    r##"use hallyu::import::Graphml;

let text = r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="undirected">
    <node id="IU"/>
  </graph>
</graphml>"#;
let err = Graphml::new().from_reader("broken.graphml", text.as_bytes()).unwrap_err();
assert_eq!(
    err.to_string(),
    "broken.graphml:3:5: node \"IU\" has neither a \"bipartite\" nor a \"kind\" attribute"
);
# Ok::<(), hallyu::Error>(())"##
);

pub(super) fn typed(k: &Key, value: &str, here: &Location) -> crate::error::Result<Attr> {
    let v = value.trim();
    let bad = |what: &'static str| {
        at(
            ErrorKind::InvalidValue {
                what,
                value: value.to_string(),
                expected: vec![format!("a value of type {}", k.ty)],
            },
            here.clone(),
        )
    };
    Ok(match k.ty.as_str() {
        "int" | "long" | "integer" => Attr::Int(v.parse().map_err(|_| bad("number"))?),
        "float" | "double" => Attr::Float(v.parse().map_err(|_| bad("number"))?),
        "boolean" => match v.to_lowercase().as_str() {
            "true" | "1" => Attr::Bool(true),
            "false" | "0" => Attr::Bool(false),
            _ => return Err(bad("boolean")),
        },
        _ => Attr::Text(value.to_string()),
    })
}

pub(super) fn attributes(
    e: &BytesStart<'_>,
    here: &Location,
) -> crate::error::Result<HashMap<String, String>> {
    let mut out = HashMap::new();
    for a in e.attributes() {
        let a =
            a.map_err(|err| parse_error(format!("malformed attribute: {err}"), here.clone()))?;
        let key = a.key.local_name().as_ref().to_string();
        let full = a.key.as_ref().to_string();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| parse_error(format!("malformed attribute: {err}"), here.clone()))?
            .into_owned();
        // `attr.name` and `attr.type` keep their dotted names.
        out.insert(if full.contains('.') { full } else { key }, value);
    }
    Ok(out)
}
