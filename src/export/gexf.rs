//! GEXF 1.3, as Gephi and NetworkX (`read_gexf`) read it.
//!
//! The whole graph ([`Shape::Bipartite`]) has every person, group, work
//! and organisation as a node and every stored credit as an edge whose
//! `id` is its key (`c0`, `c1`, …): NetworkX's `read_gexf` gives a
//! `MultiGraph` when one person has two credits on one work. Node and
//! edge attributes are those of the [`graphml`](super::graphml) export.
//! Names are written as the GraphML export writes them: newlines and tabs
//! as character references (so that labels keep them), characters XML 1.0
//! forbids through the same reversible escape (`<keywords>` in `<meta>`
//! says `text_escape=backslash-u`).
//!
//! The graph is `mode="dynamic"` with `timeformat="integer"`: works and
//! their credits carry `start` = the year of release, so that Gephi's
//! timeline replays the graph year by year (people have no `start`: they
//! exist from the beginning). Nodes have `viz:color`, `viz:shape` (`disc`
//! for people, `square` for works) and `viz:size`, with the fill colours of
//! the DOT style sheet; edges have a `weight` (1 for a credit, the number
//! of shared works in the projection). Attributes (`kind`, `bipartite`,
//! `hangul`, `work_kind`, `year`, `born`; `role`, `role_kind`, `billing`,
//! `via`; `shared`, `newman`, `works`) are declared in `<attributes>`.
//!
//! # Example
//!
//! ```
//! use hallyu::{Explorer, Filter};
//! use hallyu::export::{gexf, Network, Shape};
//!
//! let explorer = Explorer::bundled();
//! let text = gexf::to_gexf(&Network::new(&explorer, &Filter::new(), Shape::Bipartite));
//! assert!(text.contains(r#"<gexf xmlns="http://gexf.net/1.3""#));
//! assert!(text.contains(r#"mode="dynamic""#));
//! ```

use std::fmt::Write as _;

use super::network::{
    CREDIT_COLUMNS, NODE_COLUMNS, Network, NetworkNodeKind, PAIR_COLUMNS, Shape, Type,
    credit_values, float, node_style, node_values, rgb, xml,
};

/// The GEXF 1.3 namespace.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{gexf, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// assert!(gexf::to_gexf(&net).contains(&format!("<gexf xmlns=\"{}\"", gexf::NAMESPACE)));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const NAMESPACE: &str = "http://gexf.net/1.3";
/// The GEXF 1.3 visualisation namespace.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{gexf, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let text = gexf::to_gexf(&net);
/// assert!(text.contains(&format!("xmlns:viz=\"{}\"", gexf::VIZ_NAMESPACE)));
/// assert!(text.contains("<viz:shape value=\"disc\"/>"));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const VIZ_NAMESPACE: &str = "http://gexf.net/1.3/viz";

/// The `<attributes>` of a class (`node`, `edge`): ids `n0`, `n1`, … or
/// `e0`, `e1`, ….
fn attributes(out: &mut String, class: &str, columns: &[(&str, Type)]) {
    let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
    let prefix = &class[..1];
    for (i, (name, ty)) in columns.iter().enumerate() {
        let ty = ty.name("integer");
        let _ = writeln!(
            out,
            "      <attribute id=\"{prefix}{i}\" title=\"{name}\" type=\"{ty}\"/>"
        );
    }
    out.push_str("    </attributes>\n");
}

/// The GEXF 1.3 text of a network.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{gexf, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let text = gexf::to_gexf(&net);
/// assert!(text.contains(r#"<node id="lee-min-ho" label="Lee Min-ho">"#));
/// assert!(text.contains(r#"<node id="kiss" label="Kiss" start="2009">"#));
/// assert_eq!(text.matches("<edge ").count(), net.edges().len());
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn to_gexf(network: &Network) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<gexf xmlns=\"{NAMESPACE}\" xmlns:viz=\"{VIZ_NAMESPACE}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">"
    );
    out.push_str("  <meta>\n    <creator>hallyu</creator>\n");
    // Tells a reader that names went through the escape of forbidden
    // characters (see the module docs).
    let _ = writeln!(
        out,
        "    <keywords>text_escape={}</keywords>",
        super::graphml::TEXT_ESCAPE
    );
    let _ = writeln!(
        out,
        "    <description>{}</description>\n  </meta>",
        match network.shape() {
            Shape::Bipartite => "people, groups, works and organisations, linked by credits",
            Shape::Projection => "people, linked by the works they share",
        }
    );
    let _ = writeln!(
        out,
        "  <graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"integer\">"
    );
    attributes(&mut out, "node", NODE_COLUMNS);
    let edge_columns = match network.shape() {
        Shape::Bipartite => CREDIT_COLUMNS,
        Shape::Projection => PAIR_COLUMNS,
    };
    attributes(&mut out, "edge", edge_columns);
    out.push_str("    <nodes>\n");
    for n in network.nodes() {
        let start = n
            .year
            .map(|y| format!(" start=\"{y}\""))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\"{start}>",
            xml(&n.key),
            xml(&n.label)
        );
        attvalues(&mut out, 'n', &node_values(n));
        let (fill, _, shape, _) = node_style(n.kind);
        let (r, g, b) = rgb(fill);
        let size = match n.kind {
            NetworkNodeKind::Person | NetworkNodeKind::Group(_) => 10.0,
            NetworkNodeKind::Work(_) | NetworkNodeKind::Organisation(_) => 6.0,
        };
        let _ = writeln!(
            out,
            "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\" a=\"1.0\"/>\n        \
             <viz:size value=\"{size:.1}\"/>\n        <viz:shape value=\"{shape}\"/>\n      </node>"
        );
    }
    out.push_str("    </nodes>\n    <edges>\n");
    let nodes = network.nodes();
    for e in network.edges() {
        let start = match e.credit {
            Some(_) => nodes[e.target].year.or(nodes[e.source].year),
            None => network.edge_works(e).filter_map(|w| w.year).min(),
        };
        let start = start.map(|y| format!(" start=\"{y}\"")).unwrap_or_default();
        let _ = writeln!(
            out,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\"{start}>",
            xml(&e.key),
            xml(&nodes[e.source].key),
            xml(&nodes[e.target].key),
            float(e.weight)
        );
        match &e.credit {
            Some(c) => attvalues(&mut out, 'e', &credit_values(c)),
            None => {
                let works: Vec<_> = network.edge_works(e).collect();
                let keys: Vec<&str> = works.iter().map(|w| w.key.as_str()).collect();
                let titles: Vec<&str> = works.iter().map(|w| w.title.as_str()).collect();
                let values = [
                    Some(works.len().to_string()),
                    Some(float(e.newman)),
                    Some(keys.join("; ")),
                    Some(titles.join("; ")),
                ];
                attvalues(&mut out, 'e', &values);
            }
        }
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

fn attvalues(out: &mut String, prefix: char, values: &[Option<String>]) {
    out.push_str("        <attvalues>\n");
    for (i, v) in values.iter().enumerate() {
        if let Some(v) = v {
            let _ = writeln!(
                out,
                "          <attvalue for=\"{prefix}{i}\" value=\"{}\"/>",
                xml(v)
            );
        }
    }
    out.push_str("        </attvalues>\n");
}
