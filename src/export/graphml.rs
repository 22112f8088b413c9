//! GraphML, as NetworkX (`read_graphml`), Gephi and yEd read it.
//!
//! Every attribute has a typed `<key>` (`attr.name`, `attr.type`); nodes
//! carry `label`, `kind` (`person` or `work`), `bipartite` (0 or 1, as
//! NetworkX's bipartite algorithms expect), `hangul`, `aliases` (joined
//! with `; `), `work_kind`, `year` and `born`; bipartite edges carry
//! `role`, `role_kind`, `billing`, `character`, `via`, `unverified`,
//! `year` and `weight`; projection edges `weight` (shared works), `shared`,
//! `newman`, `works` (keys) and `titles`, both lists joined with `; `.
//! Values the data does not give are left out, not written empty.
//!
//! Alongside the plain keys, each node has yEd `nodegraphics` (a
//! `y:ShapeNode` with the DOT style sheet's fill, border and label) so that
//! yEd shows labels and colours.
//!
//! # Example
//!
//! ```
//! use hallyu::{Explorer, Filter};
//! use hallyu::export::{graphml, Network, Shape};
//!
//! let explorer = Explorer::bundled();
//! let text = graphml::to_graphml(&Network::new(&explorer, &Filter::new(), Shape::Bipartite));
//! assert!(text.contains(r#"<key id="label" for="node" attr.name="label" attr.type="string"/>"#));
//! assert!(text.contains(r#"<node id="park-seo-joon">"#));
//! ```

use std::fmt::Write as _;

use super::network::{
    CREDIT_COLUMNS, NODE_COLUMNS, Network, NetworkNode, PAIR_COLUMNS, Shape, Type, float,
    node_style, xml,
};

/// The GraphML namespace.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{graphml, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// assert!(graphml::to_graphml(&net).contains(&format!("<graphml xmlns=\"{}\"", graphml::NAMESPACE)));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// The GraphML text of a network.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{graphml, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Projection)?;
/// let text = graphml::to_graphml(&net);
/// assert!(text.contains(r#"<node id="lee-min-ho">"#));
/// assert!(text.contains(r#"<data key="titles">Kiss</data>"#));
/// assert_eq!(text.matches("<edge ").count(), net.edges().len());
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn to_graphml(network: &Network) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<graphml xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xmlns:y=\"http://www.yworks.com/xml/graphml\" \
         xsi:schemaLocation=\"{NAMESPACE} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">"
    );
    let label = [("label", Type::Text)];
    for (name, ty) in label.iter().chain(NODE_COLUMNS) {
        let ty = ty.name("int");
        let _ = writeln!(
            out,
            "  <key id=\"{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    let weight = [("weight", Type::Float)];
    let edge_keys: Vec<&(&str, Type)> = match network.shape() {
        Shape::Bipartite => CREDIT_COLUMNS
            .iter()
            .chain(&[("edge_year", Type::Int)])
            .chain(&weight)
            .collect(),
        Shape::Projection => weight.iter().chain(PAIR_COLUMNS).collect(),
    };
    for (id, ty) in edge_keys {
        let ty = ty.name("int");
        let name = id.strip_prefix("edge_").unwrap_or(id);
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    out.push_str("  <key id=\"graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n");
    out.push_str("  <graph id=\"G\" edgedefault=\"undirected\">\n");
    for (i, n) in network.nodes().iter().enumerate() {
        node(&mut out, n, i);
    }
    let nodes = network.nodes();
    for (i, e) in network.edges().iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            xml(&nodes[e.source].key),
            xml(&nodes[e.target].key)
        );
        let mut data = |key: &str, value: &str| {
            let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", xml(value));
        };
        match &e.credit {
            Some(c) => {
                data("role", &c.role);
                data("role_kind", c.role_kind.name());
                if let Some(b) = c.billing {
                    data("billing", &b.to_string());
                }
                if let Some(ch) = &c.character {
                    data("character", ch);
                }
                if let Some(v) = &c.via {
                    data("via", v);
                }
                data("unverified", if c.unverified { "true" } else { "false" });
                if let Some(y) = nodes[e.target].year {
                    data("edge_year", &y.to_string());
                }
                data("weight", &float(e.weight));
            }
            None => {
                let works: Vec<_> = network.edge_works(e).collect();
                data("weight", &float(e.weight));
                data("shared", &works.len().to_string());
                data("newman", &float(e.newman));
                let keys: Vec<&str> = works.iter().map(|w| w.key.as_str()).collect();
                let titles: Vec<&str> = works.iter().map(|w| w.title.as_str()).collect();
                data("works", &keys.join("; "));
                data("titles", &titles.join("; "));
            }
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// A node, with yEd graphics placed on a grid (yEd lays out on request).
fn node(out: &mut String, n: &NetworkNode, i: usize) {
    let _ = writeln!(out, "    <node id=\"{}\">", xml(&n.key));
    let mut data = |key: &str, value: &str| {
        let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", xml(value));
    };
    data("label", &n.label);
    data("kind", n.kind_name());
    data("bipartite", &n.bipartite().to_string());
    if let Some(h) = &n.hangul {
        data("hangul", h);
    }
    if !n.aliases.is_empty() {
        data("aliases", &n.aliases.join("; "));
    }
    if let Some(k) = n.work_kind() {
        data("work_kind", k.name());
    }
    if let Some(y) = n.year {
        data("year", &y.to_string());
    }
    if let Some(b) = n.born {
        data("born", &b.to_string());
    }
    let (fill, stroke, _, shape) = node_style(n.kind);
    let _ = writeln!(
        out,
        "      <data key=\"graphics\"><y:ShapeNode><y:Geometry height=\"30.0\" width=\"{:.1}\" x=\"{}.0\" y=\"{}.0\"/>\
         <y:Fill color=\"{fill}\" transparent=\"false\"/>\
         <y:BorderStyle color=\"{stroke}\" type=\"line\" width=\"1.0\"/>\
         <y:NodeLabel>{}</y:NodeLabel><y:Shape type=\"{shape}\"/></y:ShapeNode></data>",
        (n.label.chars().count() as f64 * 7.0 + 20.0).max(40.0),
        (i % 20) * 200,
        (i / 20) * 60,
        xml(&n.label)
    );
    out.push_str("    </node>\n");
}
