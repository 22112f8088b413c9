//! The GEXF reader: see [`Gexf`].

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::BufRead;

use quick_xml::events::BytesStart;

use super::graphml::{Handler, Key, Text, attributes, events, typed};
use super::staged::{
    Attr, GraphEdge, GraphNode, GraphReader, Loaded, parse_error, unescape_forbidden,
};
use crate::error::Location;
use crate::model::RecordKind;

/// The GEXF reader: `Gexf::new().from_path("graph.gexf")`.
///
/// GEXF 1.1 to 1.3, as hallyu's export ([`export::gexf`](crate::export::gexf)),
/// Gephi and NetworkX (`write_gexf`) write it. Node and edge attributes are
/// read from `<attvalues>` by the titles `<attributes>` declares, with
/// their types and defaults; a node's `label` is its name, and a whole
/// number in `start` its year when it has no `year`. People, groups, works
/// and organisations are told apart as in [`Graphml`](super::Graphml): a
/// `kind` or a `bipartite` (0 or 1) attribute; attributes, roles and skips
/// are the same. Names that hallyu's export escaped (`<keywords>` says
/// `text_escape=backslash-u`) are unescaped.
///
/// **Nodes without a `kind` or `bipartite` attribute** (a graph drawn in
/// Gephi, NetworkX's without attributes) are told apart by the edges: a
/// neighbour of a person or group is a work, a neighbour of a work a
/// person; in a part of the graph with no such neighbour, the first node
/// in the file is a person, its neighbours works, theirs people, and so
/// on. A graph where this gives two linked nodes the same side is not
/// bipartite: an error at that edge. `viz:` elements are ignored; other
/// elements, and text outside `<meta>`, are counted in the report.
///
/// # Example
///
/// ```
/// use hallyu::{Filter, import::Gexf};
///
/// // No attributes: Evelyn (first in the file) is a person, E1 a work.
/// let text = r#"<?xml version="1.0" encoding="UTF-8"?>
/// <gexf xmlns="http://gexf.net/1.3" version="1.3">
///   <graph defaultedgetype="undirected">
///     <nodes>
///       <node id="Evelyn" label="Evelyn"/><node id="E1" label="E1"/>
///       <node id="Laura" label="Laura"/>
///     </nodes>
///     <edges>
///       <edge id="0" source="Evelyn" target="E1"/><edge id="1" source="Laura" target="E1"/>
///     </edges>
///   </graph>
/// </gexf>"#;
/// let loaded = Gexf::new().from_reader("davis.gexf", text.as_bytes())?;
/// let ex = &loaded.explorer;
/// assert_eq!((loaded.report.people, loaded.report.works), (2, 1));
/// assert_eq!(ex.co_appearances(ex.person("Laura")?, &Filter::new()).len(), 1);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Gexf {}

impl Gexf {
    /// A reader.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Gexf;
    ///
    /// let text = r#"<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>
    ///   <attributes class="node"><attribute id="0" title="kind" type="string"/></attributes>
    ///   <nodes>
    ///     <node id="iu" label="IU"><attvalues><attvalue for="0" value="person"/></attvalues></node>
    ///     <node id="palette" label="Palette"><attvalues><attvalue for="0" value="mv"/></attvalues></node>
    ///   </nodes>
    ///   <edges><edge id="0" source="iu" target="palette"/></edges>
    /// </graph></gexf>"#;
    /// let loaded = Gexf::new().from_reader("palette.gexf", text.as_bytes())?;
    /// assert_eq!((loaded.report.people, loaded.report.works, loaded.report.credits), (1, 1, 1));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new() -> Gexf {
        Gexf::default()
    }

    fn read(&self, file: &str, reader: impl BufRead) -> crate::error::Result<Loaded> {
        let mut st = State::default();
        events(file, reader, &mut st)?;
        st.flush()?;
        st.sides()?;
        let mut loaded = st.graph.finish()?;
        let mut skipped = st.unread;
        skipped.append(&mut loaded.report.skipped);
        loaded.report.skipped = skipped;
        Ok(loaded)
    }
}

super::staged::streaming_reader!(
    Gexf,
    "Malformed XML, a file that is not GEXF, a node or edge without its ids, an unknown or duplicate id, a value of an undeclared attribute, a bad number, nodes without a kind that cannot be told apart, invalid UTF-8, a truncated file: each at its file, line and column.",
    r##"use hallyu::{Filter, import::Gexf};

let dir = std::env::temp_dir().join(format!("hallyu-doc-gexf-{}", std::process::id()));
std::fs::create_dir_all(&dir)?;
let path = dir.join("palette.gexf");
std::fs::write(&path, r#"<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>
  <attributes class="node"><attribute id="b" title="bipartite" type="integer"/></attributes>
  <attributes class="edge"><attribute id="r" title="role" type="string"/></attributes>
  <nodes>
    <node id="IU" label="IU"><attvalues><attvalue for="b" value="0"/></attvalues></node>
    <node id="G-Dragon" label="G-Dragon"><attvalues><attvalue for="b" value="0"/></attvalues></node>
    <node id="Palette" label="Palette"><attvalues><attvalue for="b" value="1"/></attvalues></node>
  </nodes>
  <edges>
    <edge id="0" source="IU" target="Palette"><attvalues><attvalue for="r" value="performer"/></attvalues></edge>
    <edge id="1" source="G-Dragon" target="Palette"><attvalues><attvalue for="r" value="featured"/></attvalues></edge>
  </edges>
</graph></gexf>"#)?;
let ex = Gexf::new().from_path(&path)?.explorer;
let costars = ex.co_appearances(ex.person("IU")?, &Filter::new());
assert_eq!(ex.get(costars.as_slice()[0].person).name(), "G-Dragon");
std::fs::remove_dir_all(&dir)?;
# Ok::<(), Box<dyn std::error::Error>>(())"##,
    r##"use hallyu::import::Gexf;

let text = r#"<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes>
  <node id="a"/><node id="b"/><node id="c"/>
  </nodes><edges>
  <edge source="a" target="b"/><edge source="b" target="c"/><edge source="c" target="a"/>
</edges></graph></gexf>"#;
let err = Gexf::new().from_reader("triangle.gexf", text.as_bytes()).unwrap_err();
assert_eq!(
    err.to_string(),
    "triangle.gexf:4:32: edge \"b\" – \"c\" links two nodes of one side: \
     the graph is not bipartite, and its nodes have no \"kind\" or \"bipartite\" attribute"
);
# Ok::<(), hallyu::Error>(())"##
);

/// The node or edge being read, until its end tag.
enum Current {
    Node(GraphNode),
    Edge(GraphEdge),
}

/// What the reader has read so far.
#[derive(Default)]
struct State {
    /// Declared attributes by class and id (`node`/`edge`, `0`).
    keys: HashMap<(String, String), Key>,
    /// The class of the `<attributes>` being read.
    class: Option<String>,
    /// The attribute whose `<default>` is being read, and its text.
    default: Option<((String, String), String)>,
    /// The text of `<keywords>`, while it is read.
    keywords: Option<String>,
    /// Inside `<meta>` (its text is not reported).
    meta: bool,
    /// Names went through the exports' escape.
    escaped: bool,
    current: Option<Current>,
    graph: GraphReader,
    /// Nodes without a kind, and the edges that touch them, until the end.
    plain: Vec<GraphNode>,
    plain_ids: HashSet<String>,
    plain_edges: Vec<GraphEdge>,
    /// Elements and text the reader does not read, for the report.
    unread: Vec<(Location, String)>,
}

/// A whole number, if the text is one.
fn whole(s: &str) -> Option<Attr> {
    s.trim().parse().ok().map(Attr::Int)
}

impl Handler for State {
    const FORMAT: &'static str = "GEXF";
    const ROOT: &'static str = "gexf";

    fn open(&mut self, name: &str, e: &BytesStart<'_>, here: Location) -> crate::error::Result<()> {
        match name {
            "meta" => self.meta = true,
            "keywords" => self.keywords = Some(String::new()),
            "attributes" => {
                let a = attributes(e, &here)?;
                self.class = Some(a.get("class").cloned().unwrap_or_else(|| "node".into()));
            }
            "attribute" if self.class.is_some() => {
                let a = attributes(e, &here)?;
                let id = (a.get("id").cloned())
                    .ok_or_else(|| parse_error("an <attribute> without an id", here.clone()))?;
                let class = self.class.clone().unwrap_or_default();
                let key = Key {
                    name: a.get("title").cloned().unwrap_or(id.clone()),
                    ty: a.get("type").cloned().unwrap_or("string".into()),
                    default: None,
                    for_: class.clone(),
                };
                self.keys.insert((class.clone(), id.clone()), key);
                self.default = Some(((class, id), String::new()));
            }
            "node" => {
                let a = attributes(e, &here)?;
                let id = (a.get("id").cloned())
                    .ok_or_else(|| parse_error("a <node> without an id", here.clone()))?;
                self.flush()?;
                let mut attrs = HashMap::new();
                if let Some(l) = a.get("label") {
                    attrs.insert("label".to_string(), Attr::Text(l.clone()));
                }
                if let Some(y) = a.get("start").and_then(|s| whole(s)) {
                    attrs.insert("start".to_string(), y);
                }
                self.current = Some(Current::Node(GraphNode {
                    id,
                    attrs,
                    location: here,
                }));
            }
            "edge" => {
                let a = attributes(e, &here)?;
                let (Some(s), Some(t)) = (a.get("source"), a.get("target")) else {
                    return Err(parse_error("an <edge> without a source or a target", here));
                };
                self.flush()?;
                let mut attrs = HashMap::new();
                if let Some(w) = a.get("weight").and_then(|w| w.trim().parse().ok()) {
                    attrs.insert("weight".to_string(), Attr::Float(w));
                }
                if let Some(l) = a.get("label") {
                    attrs.insert("label".to_string(), Attr::Text(l.clone()));
                }
                self.current = Some(Current::Edge(GraphEdge {
                    source: s.clone(),
                    target: t.clone(),
                    attrs,
                    location: here.clone(),
                    ends: [here.clone(), here],
                }));
            }
            "attvalue" => self.attvalue(e, &here)?,
            "gexf" | "creator" | "description" | "graph" | "default" | "options" | "nodes"
            | "edges" | "attvalues" | "color" | "size" | "shape" | "position" | "thickness" => {}
            _ if self.meta => {}
            other => (self.unread).push((here, format!("element <{other}> is not read"))),
        }
        Ok(())
    }

    fn text(&mut self, s: &str, here: Location, kind: Text) {
        if let Some(k) = self.keywords.as_mut() {
            k.push_str(s);
        } else if let Some((_, d)) = self.default.as_mut() {
            d.push_str(s);
        } else if !self.meta && kind == Text::Plain && !s.trim().is_empty() {
            (self.unread).push((here, "text outside <meta> is not read".into()));
        }
    }

    fn close(&mut self, name: &str) -> crate::error::Result<()> {
        match name {
            "meta" => self.meta = false,
            "keywords" => {
                let k = self.keywords.take().unwrap_or_default();
                self.escaped |= k
                    .split([',', ' ', ';'])
                    .any(|w| w.trim() == "text_escape=backslash-u");
            }
            "attributes" => self.class = None,
            "attribute" => {
                if let Some((id, value)) = self.default.take()
                    && !value.trim().is_empty()
                    && let Some(k) = self.keys.get_mut(&id)
                {
                    k.default = Some(value.trim().to_string());
                }
            }
            "node" | "edge" => self.flush()?,
            _ => {}
        }
        Ok(())
    }
}

impl State {
    /// An `<attvalue>` of the node or edge being read.
    fn attvalue(&mut self, e: &BytesStart<'_>, here: &Location) -> crate::error::Result<()> {
        let (class, attrs) = match &mut self.current {
            Some(Current::Node(n)) => ("node", &mut n.attrs),
            Some(Current::Edge(e)) => ("edge", &mut e.attrs),
            None => {
                self.unread.push((
                    here.clone(),
                    "an <attvalue> outside a node or edge is not read".into(),
                ));
                return Ok(());
            }
        };
        let a = attributes(e, here)?;
        // `for` since GEXF 1.2, `id` before.
        let Some(id) = a.get("for").or_else(|| a.get("id")) else {
            return Err(parse_error("an <attvalue> without \"for\"", here.clone()));
        };
        let Some(k) = self.keys.get(&(class.to_string(), id.clone())) else {
            return Err(parse_error(
                format!("<attvalue> of an undeclared {class} attribute \"{id}\""),
                here.clone(),
            ));
        };
        let value = a.get("value").map_or("", String::as_str);
        attrs.insert(k.name.clone(), typed(k, value, here)?);
        Ok(())
    }

    /// The node or edge read so far, with the defaults of its attributes
    /// and its names unescaped, to the records (or kept, when it has no
    /// kind).
    fn flush(&mut self) -> crate::error::Result<()> {
        let Some(current) = self.current.take() else {
            return Ok(());
        };
        let escaped = self.escaped;
        let un = |s: &mut String| {
            if escaped && let std::borrow::Cow::Owned(o) = unescape_forbidden(s) {
                *s = o;
            }
        };
        let keys = &self.keys;
        let fill = |attrs: &mut HashMap<String, Attr>, class: &str, location: &Location| {
            for k in keys.values().filter(|k| k.for_ == class) {
                if let Some(d) = &k.default
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
                if n.attrs.contains_key("kind") || n.attrs.contains_key("bipartite") {
                    return self.graph.node(n);
                }
                self.plain_ids.insert(n.id.clone());
                self.plain.push(n);
                Ok(())
            }
            Current::Edge(mut e) => {
                fill(&mut e.attrs, "edge", &e.location)?;
                un(&mut e.source);
                un(&mut e.target);
                if self.plain_ids.contains(&e.source) || self.plain_ids.contains(&e.target) {
                    self.plain_edges.push(e);
                    return Ok(());
                }
                self.graph.edge(e)
            }
        }
    }

    /// Tells apart the nodes without a kind by their edges (see [`Gexf`]),
    /// then gives them and their edges to the records.
    fn sides(&mut self) -> crate::error::Result<()> {
        let plain = std::mem::take(&mut self.plain);
        let edges = std::mem::take(&mut self.plain_edges);
        let index: HashMap<&str, usize> = plain
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let mut side: Vec<Option<u8>> = vec![None; plain.len()];
        let mut next: Vec<Vec<(usize, usize)>> = vec![Vec::new(); plain.len()];
        let mut queue = VecDeque::new();
        for (k, e) in edges.iter().enumerate() {
            let (s, t) = (index.get(e.source.as_str()), index.get(e.target.as_str()));
            match (s, t) {
                (Some(&a), Some(&b)) => {
                    next[a].push((b, k));
                    next[b].push((a, k));
                }
                (Some(&a), None) | (None, Some(&a)) => {
                    let other = if s.is_some() { &e.target } else { &e.source };
                    let fixed = match self.graph.kind_of(other) {
                        Some(RecordKind::Person | RecordKind::Group) => Some(1),
                        Some(RecordKind::Work) => Some(0),
                        _ => None,
                    };
                    if let Some(f) = fixed {
                        self.place(&mut side, &mut queue, a, f, e)?;
                    }
                }
                (None, None) => {}
            }
        }
        // From the nodes a neighbour placed, then from the first node of
        // each part still without a side.
        for first in std::iter::once(None).chain((0..plain.len()).map(Some)) {
            if let Some(first) = first
                && side[first].is_none()
            {
                side[first] = Some(0);
                queue.push_back(first);
            }
            while let Some(a) = queue.pop_front() {
                let other = 1 - side[a].unwrap_or(0);
                for &(b, k) in &next[a] {
                    self.place(&mut side, &mut queue, b, other, &edges[k])?;
                }
            }
        }
        for (mut n, s) in plain.into_iter().zip(side) {
            n.attrs.insert(
                "bipartite".to_string(),
                Attr::Int(i64::from(s.unwrap_or(0))),
            );
            self.graph.node(n)?;
        }
        for e in edges {
            self.graph.edge(e)?;
        }
        Ok(())
    }

    /// Puts node `i` on side `s`, or fails at `edge` when it is on the
    /// other.
    fn place(
        &self,
        side: &mut [Option<u8>],
        queue: &mut VecDeque<usize>,
        i: usize,
        s: u8,
        edge: &GraphEdge,
    ) -> crate::error::Result<()> {
        match side[i] {
            Some(t) if t == s => Ok(()),
            Some(_) if edge.source == edge.target => Ok(()), // a self-loop: skipped later
            Some(_) => Err(parse_error(
                format!(
                    "edge \"{}\" – \"{}\" links two nodes of one side: the graph is not \
                     bipartite, and its nodes have no \"kind\" or \"bipartite\" attribute",
                    edge.source, edge.target
                ),
                edge.location.clone(),
            )),
            None => {
                side[i] = Some(s);
                queue.push_back(i);
                Ok(())
            }
        }
    }
}
