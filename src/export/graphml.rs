//! GraphML, as NetworkX (`read_graphml`), Gephi and yEd read it.
//!
//! The whole graph ([`Shape::Bipartite`]): every person, group, work and
//! organisation is a node, every stored credit an edge whose `id` is its
//! key (`c0`, `c1`, …), so that NetworkX's `read_graphml` gives a
//! `MultiGraph` with the parallel credits (two roles of one person on one
//! work) as parallel edges.
//!
//! Every attribute has a typed `<key>` (`attr.name`, `attr.type`); nodes
//! carry `label`, `kind` (`person`, `group`, `work` or `organisation`),
//! `bipartite` (0 for people, 1 for works, as NetworkX's bipartite
//! algorithms expect; none for groups and organisations), `hangul`,
//! `aliases` (joined with `; `), `work_kind`, `group_kind`,
//! `organisation_kind`, `year`, `released` (a full date), `born`,
//! `confidence` (when not confirmed), `sources` (joined with `; `) and
//! `notes`; credit edges carry `role` (the word), `role_kind` (the exact
//! kind: `lead`, `member`, `signed-to`, `other-crew`, …), `billing`,
//! `character`, `song`, `since` and `until` (of a membership),
//! `unverified`, `confidence`, `sources`, `notes`, `year` (the work's) and
//! `weight`; projection edges `weight` (shared works), `shared`, `newman`,
//! `works` (keys) and `titles`, both lists joined with `; `. Values the
//! data does not give are left out, not written empty.
//!
//! # Well-formed whatever the names
//!
//! Markup characters are entities; tab, line feed and carriage return are
//! character references (`&#9;`, `&#10;`, `&#13;`), so that attribute
//! values keep them. Characters XML 1.0 forbids (the C0 controls but tab,
//! line feed and carriage return; U+FFFE, U+FFFF) cannot be written even
//! as references, so they are escaped reversibly: such a character becomes
//! `\u{HEX}` (`\u{1}`), and a backslash is doubled only where what
//! follows it in the written text begins with a backslash or `u{`, so a
//! name's ordinary backslashes are written as they are. The graph's
//! `text_escape` attribute ([`TEXT_ESCAPE`]) tells a reader; hallyu's
//! GraphML reader undoes the escape when it is there. The GEXF export
//! does the same.
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
    CREDIT_COLUMNS, NODE_COLUMNS, Network, NetworkNode, PAIR_COLUMNS, Shape, Type, credit_values,
    float, node_style, node_values, xml,
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
    let _ = writeln!(
        out,
        "  <key id=\"text_escape\" for=\"graph\" attr.name=\"text_escape\" attr.type=\"string\"/>"
    );
    let _ = writeln!(
        out,
        "  <key id=\"shape\" for=\"graph\" attr.name=\"shape\" attr.type=\"string\"/>"
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
        // Node and edge keys share names (`confidence`, `sources`): the
        // edge's ids are prefixed where a node key has the same id.
        let name = id.strip_prefix("edge_").unwrap_or(id);
        let id = if NODE_COLUMNS.iter().any(|(n, _)| n == id) {
            format!("edge_{id}")
        } else {
            id.to_string()
        };
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    out.push_str("  <key id=\"graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n");
    out.push_str("  <graph id=\"G\" edgedefault=\"undirected\">\n");
    let _ = writeln!(out, "    <data key=\"text_escape\">{TEXT_ESCAPE}</data>");
    let _ = writeln!(
        out,
        "    <data key=\"shape\">{}</data>",
        match network.shape() {
            Shape::Bipartite => "bipartite",
            Shape::Projection => "projection",
        }
    );
    for (i, n) in network.nodes().iter().enumerate() {
        node(&mut out, n, i);
    }
    let nodes = network.nodes();
    for e in network.edges() {
        let _ = writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            xml(&e.key),
            xml(&nodes[e.source].key),
            xml(&nodes[e.target].key)
        );
        let mut data = |key: &str, value: &str| {
            let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", xml(value));
        };
        match &e.credit {
            Some(c) => {
                for ((name, _), v) in CREDIT_COLUMNS.iter().zip(credit_values(c)) {
                    if let Some(v) = v {
                        let id = if NODE_COLUMNS.iter().any(|(n, _)| n == name) {
                            format!("edge_{name}")
                        } else {
                            name.to_string()
                        };
                        data(&id, &v);
                    }
                }
                if let Some(y) = nodes[e.target].year.or(nodes[e.source].year) {
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

/// The value of the graph's `text_escape` attribute in the XML exports:
/// it tells a reader that names went through the escape described in
/// [the module docs](self) (hallyu's readers undo it only then).
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
/// use hallyu::export::{graphml, Network, Shape};
///
/// let explorer = Explorer::bundled();
/// let text = graphml::to_graphml(&Network::new(&explorer, &Filter::new(), Shape::Projection));
/// assert!(text.contains(&format!("<data key=\"text_escape\">{}</data>", graphml::TEXT_ESCAPE)));
/// ```
pub const TEXT_ESCAPE: &str = "backslash-u";

/// A node, with yEd graphics placed on a grid (yEd lays out on request).
fn node(out: &mut String, n: &NetworkNode, i: usize) {
    let _ = writeln!(out, "    <node id=\"{}\">", xml(&n.key));
    let mut data = |key: &str, value: &str| {
        let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", xml(value));
    };
    data("label", &n.label);
    for ((name, _), v) in NODE_COLUMNS.iter().zip(node_values(n)) {
        if let Some(v) = v {
            data(name, &v);
        }
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
