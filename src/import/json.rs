//! The NodeLink reader: see [`NodeLink`].
//!
//! The reader streams: serde_json reads the file through a buffer, and
//! each node and edge is turned into records as soon as it is read (no
//! parsed tree of the whole file). Positions come from a count of the
//! bytes serde_json has taken, which also checks that they are UTF-8.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::io::BufRead;
use std::rc::Rc;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::staged::{Attr, GraphEdge, GraphNode, GraphReader, Loaded, parse_error};
use super::track::{Track, Tracked, skip_bom};
use crate::error::{Error, Location};

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
/// are skipped and counted.
///
/// Without [`edges_key`](NodeLink::edges_key), the edges are the `edges`
/// list, else the `links` list; a file with both where `links` comes first
/// is an error (name the list with `edges_key`). The file is read as it
/// goes, never held whole: memory is that of the records it holds.
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

    fn read(&self, file: &str, mut reader: impl BufRead) -> crate::error::Result<Loaded> {
        // A byte-order mark (Windows editors write one) is not JSON, but it
        // says nothing: it is skipped, and positions count from after it.
        skip_bom(&mut reader).map_err(|e| Error::io(file, e))?;
        let counted = Tracked::new(reader);
        let ctx = Ctx {
            file,
            track: Rc::clone(&counted.track),
            graph: RefCell::new(GraphReader::default()),
            failure: RefCell::new(None),
            edges_key: self.edges.as_deref(),
            lists: RefCell::new(Lists::default()),
        };
        let mut de = serde_json::Deserializer::from_reader(counted);
        let parsed = Top { ctx: &ctx }
            .deserialize(&mut de)
            .and_then(|()| de.end());
        // A syntax error anywhere comes first, as when the whole file was
        // parsed before it was read.
        if let Err(e) = parsed {
            return Err(ctx.serde_error(&e));
        }
        if let Some(e) = ctx.failure.take() {
            return Err(e);
        }
        if !ctx.lists.borrow().nodes {
            return Err(parse_error("missing \"nodes\" list", ctx.loc((1, 1))));
        }
        ctx.graph.into_inner().finish()
    }
}

super::staged::streaming_reader!(
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

let text = r#"{"nodes": [{"id": "IU", "kind": "person"}],
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

/// An attribute value (objects and nulls are not read).
fn attr(v: Value) -> Option<Attr> {
    Some(match v {
        Value::String(s) => Attr::Text(s),
        Value::Bool(b) => Attr::Bool(b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Attr::Int(i),
            None => Attr::Float(n.as_f64().unwrap_or(0.0)),
        },
        Value::Array(items) => Attr::List(items.iter().filter_map(scalar).collect()),
        _ => return None,
    })
}

/// Which lists the file had.
#[derive(Default)]
struct Lists {
    nodes: bool,
    edges: bool,
    /// Edges read from a `links` list.
    links: usize,
}

/// What the visitors share.
struct Ctx<'a> {
    file: &'a str,
    track: Rc<RefCell<Track>>,
    graph: RefCell<GraphReader>,
    /// The first error in what the file says (not its syntax): the rest
    /// of the file is only checked for syntax.
    failure: RefCell<Option<Error>>,
    edges_key: Option<&'a str>,
    lists: RefCell<Lists>,
}

impl Ctx<'_> {
    fn loc(&self, (line, column): (usize, usize)) -> Location {
        Location {
            file: self.file.to_string(),
            line,
            column,
        }
    }

    fn here(&self) -> (usize, usize) {
        self.track.borrow().here()
    }

    /// Keeps `e` when it is the first error.
    fn fail(&self, e: Error) {
        self.failure.borrow_mut().get_or_insert(e);
    }

    fn failed(&self) -> bool {
        self.failure.borrow().is_some()
    }

    /// serde_json's error at the position the bytes read end (serde_json
    /// counts columns in bytes; the track in characters).
    fn serde_error(&self, e: &serde_json::Error) -> Error {
        let t = self.track.borrow();
        if let Some(bad) = t.bad {
            return parse_error("invalid UTF-8", self.loc(bad));
        }
        if e.is_io() {
            return Error::io(self.file, std::io::Error::other(e.to_string()));
        }
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_string();
        parse_error(message, self.loc(t.here()))
    }

    /// Which list a top-level key holds.
    fn list_of(&self, key: &str) -> Option<List> {
        let mut lists = self.lists.borrow_mut();
        match (key, self.edges_key) {
            ("nodes", _) => {
                lists.nodes = true;
                Some(List::Nodes)
            }
            (k, Some(wanted)) => (k == wanted).then_some(List::Edges),
            ("edges", None) => {
                lists.edges = true;
                Some(List::Edges)
            }
            ("links", None) if !lists.edges => Some(List::Links),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum List {
    Nodes,
    Edges,
    Links,
}

/// The top-level object.
struct Top<'c, 'a> {
    ctx: &'c Ctx<'a>,
}

impl<'de> DeserializeSeed<'de> for Top<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a node-link object with a \"nodes\" list")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match self.ctx.list_of(&key) {
                Some(List::Edges) if self.ctx.lists.borrow().links > 0 => {
                    let e = parse_error(
                        format!(
                            "both a \"links\" and an \"{key}\" list, \"links\" first: name the one to read"
                        ),
                        self.ctx.loc(self.ctx.here()),
                    );
                    self.ctx.fail(e);
                    map.next_value::<IgnoredAny>()?;
                }
                Some(list) => map.next_value_seed(Items {
                    ctx: self.ctx,
                    list,
                })?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// A list of nodes or edges.
struct Items<'c, 'a> {
    ctx: &'c Ctx<'a>,
    list: List,
}

impl<'de> DeserializeSeed<'de> for Items<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Items<'_, '_> {
    /// A value that is not a list: an error for nodes, no edges else.
    fn not_a_list<E: de::Error>(&self) -> Result<(), E> {
        if self.list == List::Nodes {
            let e = parse_error("\"nodes\" is not a list", self.ctx.loc(self.ctx.here()));
            self.ctx.fail(e);
        }
        Ok(())
    }
}

impl<'de> Visitor<'de> for Items<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        while seq
            .next_element_seed(Item {
                ctx: self.ctx,
                list: self.list,
                i,
            })?
            .is_some()
        {
            i += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.not_a_list()
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.not_a_list()
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.not_a_list()
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.not_a_list()
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.not_a_list()
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.not_a_list()
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.not_a_list()
    }
}

/// One node or edge, turned into records as soon as it is read.
struct Item<'c, 'a> {
    ctx: &'c Ctx<'a>,
    list: List,
    i: usize,
}

impl<'de> DeserializeSeed<'de> for Item<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Item<'_, '_> {
    /// The error of a node without an id or an edge without its ends.
    fn incomplete(&self, at: (usize, usize)) -> Error {
        let i = self.i;
        let message = match self.list {
            List::Nodes => format!("node {i} has no \"id\""),
            _ => format!("edge {i} has no \"source\" or \"target\""),
        };
        parse_error(message, self.ctx.loc(at))
    }

    fn not_an_object<E: de::Error>(&self) -> Result<(), E> {
        self.ctx.fail(self.incomplete(self.ctx.here()));
        Ok(())
    }
}

impl<'de> Visitor<'de> for Item<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let ctx = self.ctx;
        if ctx.failed() {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(());
        }
        let start = ctx.here();
        let mut attrs = HashMap::new();
        // The id (or source and target) with where its value is written.
        let mut ends: [Option<(String, (usize, usize))>; 3] = [None, None, None];
        while let Some(key) = map.next_key::<String>()? {
            let end = match (self.list, key.as_str()) {
                (List::Nodes, "id") => Some(0),
                (List::Edges | List::Links, "source") => Some(1),
                (List::Edges | List::Links, "target") => Some(2),
                _ => None,
            };
            ctx.track.borrow_mut().marking = end.is_some();
            let value: Value = map.next_value()?;
            if let Some(end) = end {
                let at = ctx.track.borrow().marked;
                ends[end] = scalar(&value).map(|v| (v, at));
            } else if !(self.list != List::Nodes && key == "key")
                && let Some(a) = attr(value)
            {
                attrs.insert(key, a);
            }
        }
        let [id, source, target] = ends;
        let done = match self.list {
            List::Nodes => {
                let Some((id, at)) = id else {
                    ctx.fail(self.incomplete(start));
                    return Ok(());
                };
                let location = ctx.loc(at);
                ctx.graph.borrow_mut().node(GraphNode {
                    id,
                    attrs,
                    location,
                })
            }
            list => {
                let (Some((source, s_at)), Some((target, t_at))) = (source, target) else {
                    ctx.fail(self.incomplete(start));
                    return Ok(());
                };
                if list == List::Links {
                    ctx.lists.borrow_mut().links += 1;
                }
                ctx.graph.borrow_mut().edge(GraphEdge {
                    source,
                    target,
                    attrs,
                    location: ctx.loc(s_at),
                    ends: [ctx.loc(s_at), ctx.loc(t_at)],
                })
            }
        };
        if let Err(e) = done {
            ctx.fail(e);
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.not_an_object()
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.not_an_object()
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.not_an_object()
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.not_an_object()
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.not_an_object()
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.not_an_object()
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.not_an_object()
    }
}
