//! Node-link JSON, as NetworkX 3.6 writes it (`node_link_data`) and reads
//! it (`node_link_graph`):
//!
//! ```text
//! {"directed": false, "multigraph": true, "graph": {"shape": "bipartite"},
//!  "nodes": [{"id": "park-seo-joon", "label": …, "kind": "person", "bipartite": 0, …}],
//!  "edges": [{"source": "park-seo-joon", "target": "gyopo-hairstyle", "key": "c12", "role": "cast", …}]}
//! ```
//!
//! The whole graph ([`Shape::Bipartite`]) is a multigraph: every person,
//! group, work and organisation is a node, every stored credit an edge
//! with its `key`, so that `node_link_graph` keeps two credits of one
//! person on one work as parallel edges. The projection is a simple graph
//! of people.
//!
//! [`NodeLinkOptions::links`] writes the edges under `links` instead, as
//! d3 examples and NetworkX up to 3.5 expect (`node_link_graph(d,
//! edges="links")`). Node and edge attributes are those of the
//! [`graphml`](super::graphml) export; absent values are left out.
//! Only with the `serde` feature (on by default).
//!
//! # Example
//!
//! ```
//! use hallyu::{Explorer, Filter};
//! use hallyu::export::{json, Network, Shape};
//!
//! let explorer = Explorer::bundled();
//! let net = Network::new(&explorer, &Filter::new(), Shape::Projection);
//! let text = json::to_node_link(&net, &json::NodeLinkOptions::new());
//! let value: serde_json::Value = serde_json::from_str(&text).unwrap();
//! assert_eq!(value["nodes"].as_array().unwrap().len(), explorer.people().len());
//! assert!(value["edges"][0]["weight"].as_f64().unwrap() >= 1.0);
//! ```

use serde_json::{Map, Value, json};

use super::network::{Network, NetworkNodeKind, Shape};
use crate::model::Confidence;

/// The version of the JSON shape of query results that [`to_json`]
/// writes, documented in `docs/json.md`. Raised when a field changes
/// meaning or disappears (new fields do not raise it).
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::json::{to_json, JSON_VERSION};
///
/// let explorer = Explorer::bundled();
/// let iu = explorer.person("IU")?;
/// let v: serde_json::Value = serde_json::from_str(&to_json("person", &iu.index())).unwrap();
/// assert_eq!(v["version"], JSON_VERSION);
/// assert_eq!(JSON_VERSION, 4);
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const JSON_VERSION: u32 = 4;

/// A query result as versioned JSON: `{"version": 4, "query": query,
/// "result": …}`, where the result is the serde form of the query's type
/// ([`Path`](crate::query::Path), [`CoAppearances`](crate::query::CoAppearances),
/// [`Distances`](crate::query::Distances), [`Components`](crate::query::Components), …).
/// The shape is documented in `docs/json.md`.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let a = explorer.person("Park Seo-joon")?;
/// let b = explorer.person("Choi Woo-shik")?;
/// let path = explorer.shortest_path(a, b, &Filter::new()).unwrap();
/// let text = hallyu::export::json::to_json("shortest_path", &path);
/// let v: serde_json::Value = serde_json::from_str(&text).unwrap();
/// assert_eq!(v["version"], 4);
/// assert_eq!(v["result"]["steps"][0]["from"], a.index());
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn to_json<T: serde::Serialize + ?Sized>(query: &str, result: &T) -> String {
    let value = json!({
        "version": JSON_VERSION,
        "query": query,
        "result": result,
    });
    serde_json::to_string(&value).expect("query results serialise")
}

/// How [`to_node_link`] writes: the edges' key, and pretty printing.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::json::{to_node_link, NodeLinkOptions};
/// use hallyu::export::{Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let text = to_node_link(&net, &NodeLinkOptions::new().links(true).pretty(true));
/// assert!(text.contains("\n  \"links\": ["));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NodeLinkOptions {
    links: bool,
    pretty: bool,
}

impl NodeLinkOptions {
    /// Edges under `edges` (NetworkX 3.6), compact.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::json::{to_value, NodeLinkOptions};
    /// use hallyu::export::{Network, Shape, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
    /// assert_eq!(NodeLinkOptions::new(), NodeLinkOptions::default());
    /// let value = to_value(&net, &NodeLinkOptions::new());
    /// assert!(value["edges"].is_array() && value.get("links").is_none());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new() -> NodeLinkOptions {
        NodeLinkOptions::default()
    }

    /// Writes the edges under `links` (d3, NetworkX ≤ 3.5) when `yes`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::json::{to_value, NodeLinkOptions};
    /// use hallyu::export::{Network, Shape, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
    /// let value = to_value(&net, &NodeLinkOptions::new().links(true));
    /// assert_eq!(value["links"].as_array().unwrap().len(), net.edges().len());
    /// assert!(value.get("edges").is_none());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn links(mut self, yes: bool) -> NodeLinkOptions {
        self.links = yes;
        self
    }

    /// Indents the output when `yes`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::json::{to_node_link, NodeLinkOptions};
    /// use hallyu::export::{Network, Shape, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
    /// assert!(to_node_link(&net, &NodeLinkOptions::new().pretty(true)).starts_with("{\n  \"directed\": false,"));
    /// assert!(to_node_link(&net, &NodeLinkOptions::new()).starts_with("{\"directed\":false,"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn pretty(mut self, yes: bool) -> NodeLinkOptions {
        self.pretty = yes;
        self
    }
}

/// The node-link data of a network, as a JSON value.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::json::{to_value, NodeLinkOptions};
/// use hallyu::export::{Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let value = to_value(&net, &NodeLinkOptions::new());
/// assert_eq!(value["graph"]["shape"], "bipartite");
/// let kiss_node = value["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "kiss").unwrap();
/// assert_eq!((&kiss_node["work_kind"], &kiss_node["year"]), (&"mv".into(), &2009.into()));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn to_value(network: &Network, options: &NodeLinkOptions) -> Value {
    let nodes: Vec<Value> = network
        .nodes()
        .iter()
        .map(|n| {
            let mut m = Map::new();
            m.insert("id".into(), json!(n.key));
            m.insert("label".into(), json!(n.label));
            m.insert("kind".into(), json!(n.kind_name()));
            if let Some(b) = n.bipartite() {
                m.insert("bipartite".into(), json!(b));
            }
            if let Some(h) = &n.hangul {
                m.insert("hangul".into(), json!(h));
            }
            if !n.aliases.is_empty() {
                m.insert("aliases".into(), json!(n.aliases));
            }
            if let Some(k) = n.work_kind() {
                m.insert("work_kind".into(), json!(k.name()));
            }
            if let Some(k) = n.kind_word() {
                let name = match n.kind {
                    NetworkNodeKind::Group(_) => "group_kind",
                    _ => "organisation_kind",
                };
                m.insert(name.into(), json!(k));
            }
            if let Some(y) = n.year {
                m.insert("year".into(), json!(y));
            }
            if let Some(d) = n.released {
                m.insert("released".into(), json!(d.to_string()));
            }
            if let Some(b) = n.born {
                m.insert("born".into(), json!(b));
            }
            provenance(&mut m, n.confidence, &n.sources, n.notes.as_deref());
            Value::Object(m)
        })
        .collect();
    let all = network.nodes();
    let edges: Vec<Value> = network
        .edges()
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("source".into(), json!(all[e.source].key));
            m.insert("target".into(), json!(all[e.target].key));
            m.insert("key".into(), json!(e.key));
            match &e.credit {
                Some(c) => {
                    m.insert("role".into(), json!(c.role));
                    m.insert("role_kind".into(), json!(c.role_kind.name()));
                    if let Some(b) = c.billing {
                        m.insert("billing".into(), json!(b.to_string()));
                    }
                    if let Some(ch) = &c.character {
                        m.insert("character".into(), json!(ch));
                    }
                    if let Some(s) = &c.song {
                        m.insert("song".into(), json!(s));
                    }
                    if let Some(y) = c.since {
                        m.insert("since".into(), json!(y));
                    }
                    if let Some(y) = c.until {
                        m.insert("until".into(), json!(y));
                    }
                    m.insert("unverified".into(), json!(c.unverified));
                    provenance(&mut m, c.confidence, &c.sources, c.notes.as_deref());
                    if let Some(y) = all[e.target].year.or(all[e.source].year) {
                        m.insert("year".into(), json!(y));
                    }
                    m.insert("weight".into(), json!(e.weight));
                }
                None => {
                    let works: Vec<_> = network.edge_works(e).collect();
                    m.insert("weight".into(), json!(e.weight));
                    m.insert("shared".into(), json!(works.len()));
                    m.insert("newman".into(), json!(e.newman));
                    m.insert(
                        "works".into(),
                        Value::Array(works.iter().map(|w| json!(w.key)).collect()),
                    );
                    m.insert(
                        "titles".into(),
                        Value::Array(works.iter().map(|w| json!(w.title)).collect()),
                    );
                }
            }
            Value::Object(m)
        })
        .collect();
    let mut top = Map::new();
    top.insert("directed".into(), json!(false));
    top.insert(
        "multigraph".into(),
        json!(network.shape() == Shape::Bipartite),
    );
    top.insert(
        "graph".into(),
        json!({
            "shape": match network.shape() {
                Shape::Bipartite => "bipartite",
                Shape::Projection => "projection",
            },
        }),
    );
    top.insert("nodes".into(), Value::Array(nodes));
    let key = if options.links { "links" } else { "edges" };
    top.insert(key.into(), Value::Array(edges));
    Value::Object(top)
}

/// The confidence (when not confirmed), sources and notes of a record or
/// credit.
fn provenance(
    m: &mut Map<String, Value>,
    confidence: Confidence,
    sources: &[String],
    notes: Option<&str>,
) {
    if !confidence.is_confirmed() {
        m.insert("confidence".into(), json!(confidence.word()));
    }
    if !sources.is_empty() {
        m.insert("sources".into(), json!(sources));
    }
    if let Some(n) = notes {
        m.insert("notes".into(), json!(n));
    }
}

/// The node-link JSON text of a network.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::json::{to_node_link, to_value, NodeLinkOptions};
/// use hallyu::export::{Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Projection)?;
/// let options = NodeLinkOptions::new();
/// let text = to_node_link(&net, &options);
/// let back: serde_json::Value = serde_json::from_str(&text).unwrap();
/// assert_eq!(back, to_value(&net, &options));
/// assert_eq!(back["edges"][0]["titles"][0], "Kiss");
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn to_node_link(network: &Network, options: &NodeLinkOptions) -> String {
    let value = to_value(network, options);
    let mut text = if options.pretty {
        serde_json::to_string_pretty(&value)
    } else {
        serde_json::to_string(&value)
    }
    .expect("a JSON value serialises");
    text.push('\n');
    text
}
