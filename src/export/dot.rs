//! Graphviz DOT export of a [`Diagram`], built as a graphviz-rust AST.
//!
//! The text is never pasted together: [`to_graph`] builds a
//! [`dot_structures::Graph`](graphviz_rust::dot_structures::Graph) and
//! [`to_dot`] prints it. Every string that comes from the data (node keys,
//! labels, the title) and every attribute value passes through one function,
//! [`quote`], which wraps it in double quotes and escapes `\`, `"` and line
//! breaks, so that names such as `Seoul Rain "Remix"`, `Back\slash Dance`,
//! `Rooftop <Live>` or `첫눈` come out as valid DOT that Graphviz and
//! [`graphviz_rust::parse`] both accept. [`unquote`] reverses it.
//!
//! The same diagram and options always give the same text.
//!
//! # Styling
//!
//! - people are rounded blue boxes, groups rounded purple boxes with a double
//!   border, works square boxes coloured by kind (music video amber, drama
//!   green, film red, variety cyan, commercial orange), organisations grey
//!   boxes with cut corners;
//! - lead roles are bold, supporting roles solid, cameos dashed, performers
//!   blue, featured artists teal, memberships purple and dotted, soundtrack
//!   credits grey and dashed, crew credits (director, composer, lyricist,
//!   music producer) thin and brown;
//! - unverified credits are dotted and grey;
//! - [`Emphasis::Highlight`] draws in thick red, [`Emphasis::Faded`] in light
//!   grey;
//! - a legend (a cluster with a sample of every kind and role present) and the
//!   title as the graph label.
//!
//! # Example
//!
//! ```
//! use hallyu::export::dot::{self, Direction, DotOptions};
//! use hallyu::export::{Diagram, NodeKind};
//! use hallyu::model::{RoleKind, WorkKind};
//!
//! let mut d = Diagram::new("Gyopo Hairstyle");
//! let p = d.add_node("park-seo-joon", NodeKind::Person, "Park Seo-joon (박서준)");
//! let w = d.add_node("gyopo", NodeKind::Work(WorkKind::MusicVideo), "Seoul Rain \"Remix\"");
//! d.add_edge(p, w, RoleKind::Lead, "");
//!
//! let options = DotOptions::new().direction(Direction::TopToBottom).legend(false);
//! let text = dot::to_dot(&d, &options);
//! assert!(text.contains(r#"label="Seoul Rain \"Remix\"""#));
//! assert!(text.contains(r#"rankdir="TB""#));
//!
//! // The text parses back, and the labels unquote to the originals.
//! let graph = graphviz_rust::parse(&text).expect("valid DOT");
//! assert_eq!(dot::to_graph(&d, &options), graph);
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::diagram::{Diagram, DiagramEdge, DiagramNode, Emphasis, NodeKind};
use super::style::{
    Arrow, Dash, EdgeLook, GROUP_STROKE, NodeLook, Shape, edge_look, legend_entries, look_of,
    work_colors,
};
use crate::model::{RoleKind, WorkKind};

mod options;
pub use options::{Clusters, Direction, DotOptions, Layout};

/// The font families asked for, in order: Korean fonts first, so that Hangul
/// labels render, then a generic family.
///
/// Graphviz (through fontconfig and Pango) and SVG viewers both accept a
/// comma-separated list.
///
/// # Example
///
/// ```
/// use hallyu::export::dot::{to_dot, DotOptions, FONT_FAMILIES};
/// use hallyu::export::{Diagram, NodeKind};
///
/// let mut d = Diagram::new("");
/// d.add_node("iu", NodeKind::Person, "IU (아이유)");
/// let text = to_dot(&d, &DotOptions::new());
/// assert!(text.contains(&format!("fontname=\"{FONT_FAMILIES}\"")));
/// assert!(FONT_FAMILIES.ends_with("sans-serif"));
/// ```
pub const FONT_FAMILIES: &str = "NanumGothic,Noto Sans CJK KR,Noto Sans KR,sans-serif";

/// Turns any text into a DOT id: wrapped in double quotes, with `\` written
/// `\\`, `"` written `\"` and a line break written `\n`. A NUL character,
/// which Graphviz cannot read, becomes U+FFFD.
///
/// This is the one function between user strings and the DOT AST; the
/// result is valid DOT whatever the text holds (Hangul, emoji, `<>`, `{}`,
/// `&`, an empty string), and Graphviz shows it unchanged as a label.
///
/// # Example
///
/// ```
/// use hallyu::export::dot::{quote, unquote};
/// use graphviz_rust::dot_structures::Id;
///
/// let id = quote("Back\\slash \"Remix\"\n박서준");
/// assert_eq!(id, Id::Escaped(r#""Back\\slash \"Remix\"\n박서준""#.to_string()));
/// assert_eq!(unquote(&id), "Back\\slash \"Remix\"\n박서준");
/// ```
pub fn quote(text: &str) -> Id {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

/// The text of a DOT id: the reverse of [`quote`] for quoted ids (the quotes
/// removed, `\\`, `\"` and `\n` turned back into `\`, `"` and a line break, a
/// backslash before a line break dropped as DOT does); plain and HTML ids as
/// they are; an anonymous id as the empty string.
///
/// # Example
///
/// ```
/// use graphviz_rust::dot_structures::Id;
/// use hallyu::export::dot::{quote, unquote};
///
/// assert_eq!(unquote(&Id::Escaped(r#""첫눈 \"Live\"""#.to_string())), "첫눈 \"Live\"");
/// assert_eq!(unquote(&Id::Plain("iu".to_string())), "iu");
/// assert_eq!(unquote(&quote("a\\b\nc")), "a\\b\nc");
/// ```
pub fn unquote(id: &Id) -> String {
    match id {
        Id::Escaped(s) => {
            let inner = s
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .unwrap_or(s);
            let mut out = String::with_capacity(inner.len());
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                if c != '\\' {
                    out.push(c);
                    continue;
                }
                match chars.next() {
                    Some('\\') => out.push('\\'),
                    Some('"') => out.push('"'),
                    Some('n') => out.push('\n'),
                    Some('\n') => {}
                    Some(other) => {
                        out.push('\\');
                        out.push(other);
                    }
                    None => out.push('\\'),
                }
            }
            out
        }
        Id::Html(s) | Id::Plain(s) => s.clone(),
        Id::Anonymous(_) => String::new(),
    }
}

/// The diagram as a graphviz-rust DOT graph (a `digraph`).
///
/// Node ids are the diagram's keys; an edge whose ends are not nodes of the
/// diagram is left out, and of two nodes with the same key the first wins.
/// The legend, when on, is a subgraph `cluster_legend` whose node ids start
/// with `legend:` (made longer if a key of the diagram already starts so).
///
/// # Example
///
/// ```
/// use graphviz_rust::dot_structures::{Graph, Id, Stmt};
/// use hallyu::export::dot::{to_graph, DotOptions};
/// use hallyu::export::{Diagram, NodeKind};
///
/// let mut d = Diagram::new("");
/// d.add_node("iu", NodeKind::Person, "IU (아이유)");
/// let Graph::DiGraph { stmts, .. } = to_graph(&d, &DotOptions::new().legend(false)) else {
///     panic!("a digraph");
/// };
/// let ids: Vec<&Id> = stmts
///     .iter()
///     .filter_map(|s| match s {
///         Stmt::Node(n) => Some(&n.id.0),
///         _ => None,
///     })
///     .collect();
/// assert_eq!(ids, [&Id::Escaped("\"iu\"".to_string())]);
/// ```
pub fn to_graph(diagram: &Diagram, options: &DotOptions) -> Graph {
    let first = first_with_key(diagram);
    let mut stmts = Vec::new();
    let layout = options.layout.for_diagram(diagram);
    let bundles = bundles(diagram, &first);

    // Graph, node and edge defaults.
    let mut graph_attrs = vec![
        attr("rankdir", options.direction.rankdir()),
        attr("layout", layout.name()),
        attr("fontname", &options.font),
        attr("bgcolor", "white"),
        attr("pad", "0.3"),
    ];
    match layout {
        Layout::Auto | Layout::Dot => {
            graph_attrs.push(attr("nodesep", "0.18"));
            graph_attrs.push(attr("ranksep", "0.9"));
            graph_attrs.push(attr("newrank", "true"));
        }
        Layout::Neato => {
            graph_attrs.push(attr("overlap", "prism"));
            graph_attrs.push(attr("overlap_scaling", "-4"));
            graph_attrs.push(attr("splines", "true"));
            graph_attrs.push(attr("sep", "+14"));
            graph_attrs.push(attr("esep", "+6"));
        }
    }
    if !diagram.title.is_empty() {
        graph_attrs.push(attr("label", &diagram.title));
        graph_attrs.push(attr("labelloc", "t"));
        graph_attrs.push(attr("fontsize", "20"));
    }
    stmts.push(Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)));
    stmts.push(Stmt::GAttribute(GraphAttributes::Node(vec![
        attr("fontname", &options.font),
        attr("fontsize", "12"),
        attr("margin", "0.14,0.06"),
        attr("height", "0.4"),
    ])));
    stmts.push(Stmt::GAttribute(GraphAttributes::Edge(vec![
        attr("fontname", &options.font),
        attr("fontsize", "10"),
        attr("arrowsize", "0.7"),
    ])));

    // Nodes, in clusters or not.
    let cluster_of = clusters(diagram, options.clusters, &first);
    let mut cluster_nodes: BTreeMap<usize, Vec<Stmt>> = BTreeMap::new();
    let mut loose = Vec::new();
    for (i, node) in diagram.nodes.iter().enumerate() {
        if first[i] != i {
            continue;
        }
        let mut n = node_stmt(node);
        if layout != Layout::Neato {
            // `dot` aims every edge at the centre of its end: a box tall
            // enough for its arrivals spreads their arrowheads apart.
            let arrivals = bundles.iter().filter(|b| b.to == i).count();
            if arrivals > 2 {
                let inches = (arrivals as f64 * 11.0 + 8.0) / 72.0;
                n.attributes.push(attr("height", &number(inches.max(0.4))));
            }
        }
        let stmt = Stmt::Node(n);
        match cluster_of.assignment.get(&i) {
            Some(&c) => cluster_nodes.entry(c).or_default().push(stmt),
            None => loose.push(stmt),
        }
    }
    for (c, nodes) in cluster_nodes {
        let (label, color) = &cluster_of.labels[c];
        let mut body = vec![
            Stmt::Attribute(attr("label", label)),
            Stmt::Attribute(attr("style", "rounded,dashed")),
            Stmt::Attribute(attr("color", color)),
            Stmt::Attribute(attr("fontsize", "12")),
            Stmt::Attribute(attr("fontcolor", color)),
        ];
        body.extend(nodes);
        stmts.push(Stmt::Subgraph(Subgraph {
            id: quote(&format!("cluster_{c}")),
            stmts: body,
        }));
    }
    stmts.extend(loose);

    // Edges: parallel credits between the same two ends as one edge.
    for bundle in &bundles {
        stmts.push(Stmt::Edge(bundle_stmt(diagram, bundle)));
    }

    if options.legend && !diagram.nodes.is_empty() {
        if layout == Layout::Neato {
            stmts.push(Stmt::Subgraph(legend_table(diagram)));
        } else {
            stmts.extend(legend(diagram));
        }
    }

    Graph::DiGraph {
        id: quote("hallyu"),
        strict: false,
        stmts,
    }
}

/// The diagram as DOT text: [`to_graph`], printed.
///
/// # Example
///
/// ```
/// use hallyu::export::dot::{to_dot, DotOptions};
/// use hallyu::export::{Diagram, NodeKind};
///
/// let mut d = Diagram::new("");
/// d.add_node("iu", NodeKind::Person, "IU (아이유)");
/// let text = to_dot(&d, &DotOptions::new().legend(false));
/// assert!(text.starts_with("digraph \"hallyu\" {"));
/// assert!(text.contains(r#""iu"[label="IU (아이유)""#));
/// assert_eq!(text, to_dot(&d, &DotOptions::new().legend(false)));
/// ```
pub fn to_dot(diagram: &Diagram, options: &DotOptions) -> String {
    let mut text = to_graph(diagram, options).print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// For each node, the index of the first node with the same key.
pub(crate) fn first_with_key(diagram: &Diagram) -> Vec<usize> {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(diagram.nodes.len());
    diagram
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| *seen.entry(n.key.as_str()).or_insert(i))
        .collect()
}

fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), quote(value))
}

fn node_attrs(look: &NodeLook, label: &str) -> Vec<Attribute> {
    let mut attrs = vec![attr("label", label)];
    attrs.push(attr("shape", "box"));
    let style = match look.shape {
        Shape::Rounded | Shape::Double => "rounded,filled",
        Shape::Square => "filled",
        Shape::Notched => "filled,diagonals",
    };
    attrs.push(attr("style", style));
    if look.shape == Shape::Double {
        attrs.push(attr("peripheries", "2"));
    }
    attrs.push(attr("fillcolor", look.fill));
    attrs.push(attr("color", look.stroke));
    attrs.push(attr("fontcolor", look.text));
    attrs.push(attr("penwidth", &number(look.stroke_width)));
    attrs.push(attr("class", look.class));
    attrs
}

fn node_stmt(node: &DiagramNode) -> Node {
    let look = look_of(node);
    let mut attributes = node_attrs(&look, &node.label);
    // A path large, its context small.
    match node.emphasis {
        Emphasis::Normal => {}
        Emphasis::Highlight => attributes.push(attr("fontsize", "15")),
        Emphasis::Faded => {
            attributes.push(attr("fontsize", "10"));
            attributes.push(attr("height", "0.3"));
        }
    }
    Node {
        id: NodeId(quote(&node.key), None),
        attributes,
    }
}

fn edge_attrs(look: &EdgeLook, label: &str) -> Vec<Attribute> {
    let mut attrs = Vec::new();
    if !label.is_empty() {
        attrs.push(attr("label", label));
        // A leader from the label to its own edge.
        attrs.push(attr("decorate", "true"));
    }
    let style = match look.dash {
        Dash::Solid if look.bold => "bold",
        Dash::Solid => "solid",
        Dash::Dashed => "dashed",
        Dash::Dotted => "dotted",
    };
    attrs.push(attr("style", style));
    attrs.push(attr("color", look.color));
    attrs.push(attr("fontcolor", look.text));
    attrs.push(attr("penwidth", &number(look.width)));
    let head = match look.arrow {
        Arrow::Normal => "normal",
        Arrow::Empty => "empty",
        Arrow::Tee => "tee",
    };
    attrs.push(attr("arrowhead", head));
    attrs.push(attr("class", &format!("{}{}", look.class, look.state)));
    attrs
}

/// The credits drawn as one DOT edge: every valid edge of the diagram
/// between the same two (first-of-key) nodes, in order.
pub(crate) struct Bundle {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) edges: Vec<usize>,
}

/// The diagram's edges grouped by their two ends, in order of first
/// appearance; edges whose ends are not nodes are left out.
pub(crate) fn bundles(diagram: &Diagram, first: &[usize]) -> Vec<Bundle> {
    let mut out: Vec<Bundle> = Vec::new();
    let mut at: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, edge) in diagram.edges.iter().enumerate() {
        let (Some(&from), Some(&to)) = (first.get(edge.from), first.get(edge.to)) else {
            continue;
        };
        let b = *at.entry((from, to)).or_insert_with(|| {
            out.push(Bundle {
                from,
                to,
                edges: Vec::new(),
            });
            out.len() - 1
        });
        out[b].edges.push(i);
    }
    out
}

fn bundle_stmt(diagram: &Diagram, bundle: &Bundle) -> Edge {
    let (from, to) = (&diagram.nodes[bundle.from], &diagram.nodes[bundle.to]);
    // The strongest credit gives the look; the labels are combined.
    let rank = |e: &DiagramEdge| {
        let emphasis = match e.emphasis {
            Emphasis::Highlight => 2,
            Emphasis::Normal => 1,
            Emphasis::Faded => 0,
        };
        (emphasis, !e.unverified)
    };
    let mut strongest = &diagram.edges[bundle.edges[0]];
    for &e in &bundle.edges[1..] {
        if rank(&diagram.edges[e]) > rank(strongest) {
            strongest = &diagram.edges[e];
        }
    }
    let mut labels: Vec<&str> = Vec::new();
    for &e in &bundle.edges {
        let l = diagram.edges[e].label.as_str();
        if !l.is_empty() && !labels.contains(&l) {
            labels.push(l);
        }
    }
    let look = edge_look(strongest.role, strongest.unverified, strongest.emphasis);
    let mut attributes = edge_attrs(&look, &labels.join(" / "));
    if strongest.emphasis == Emphasis::Faded && !labels.is_empty() {
        attributes.push(attr("fontsize", "8"));
    }
    let tooltip: Vec<String> = bundle
        .edges
        .iter()
        .map(|&e| edge_tooltip(from, to, &diagram.edges[e]))
        .collect();
    attributes.push(attr("tooltip", &tooltip.join("; ")));
    Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(quote(&from.key), None)),
            Vertex::N(NodeId(quote(&to.key), None)),
        ),
        attributes,
    }
}

fn edge_tooltip(from: &DiagramNode, to: &DiagramNode, edge: &DiagramEdge) -> String {
    let mut s = format!("{} —{}→ {}", from.label, edge.role.label(), to.label);
    if edge.unverified {
        s.push_str(" (unverified)");
    }
    s
}

/// Prints a number the short way: `1.5`, `2`, `0.75`.
pub(crate) fn number(x: f64) -> String {
    let mut s = String::new();
    let _ = write!(s, "{:.2}", x);
    while s.contains('.') && (s.ends_with('0') || s.ends_with('.')) {
        s.pop();
    }
    s
}

struct ClusterPlan {
    assignment: HashMap<usize, usize>,
    labels: Vec<(String, &'static str)>,
}

fn clusters(diagram: &Diagram, mode: Clusters, first: &[usize]) -> ClusterPlan {
    let mut plan = ClusterPlan {
        assignment: HashMap::new(),
        labels: Vec::new(),
    };
    match mode {
        Clusters::None => {}
        Clusters::ByWorkKind => {
            let mut by_kind: BTreeMap<WorkKind, usize> = BTreeMap::new();
            let present: BTreeSet<WorkKind> = diagram
                .nodes
                .iter()
                .filter_map(|n| match n.kind {
                    NodeKind::Work(k) => Some(k),
                    _ => None,
                })
                .collect();
            for kind in present {
                by_kind.insert(kind, plan.labels.len());
                plan.labels
                    .push((plural(kind).to_string(), work_colors(kind).1));
            }
            for (i, n) in diagram.nodes.iter().enumerate() {
                if let NodeKind::Work(k) = n.kind
                    && first[i] == i
                    && let Some(&c) = by_kind.get(&k)
                {
                    plan.assignment.insert(i, c);
                }
            }
        }
        Clusters::ByGroup => {
            let mut group_cluster: HashMap<usize, usize> = HashMap::new();
            for edge in &diagram.edges {
                if edge.role != RoleKind::Member {
                    continue;
                }
                let (Some(&p), Some(&g)) = (first.get(edge.from), first.get(edge.to)) else {
                    continue;
                };
                // A person goes with the first group; a group that is itself
                // a member of another cluster heads none.
                if diagram.nodes[g].kind != NodeKind::Group || plan.assignment.contains_key(&p) {
                    continue;
                }
                let c = match group_cluster.get(&g) {
                    Some(&c) => c,
                    None if plan.assignment.contains_key(&g) => continue,
                    None => {
                        let c = plan.labels.len();
                        plan.labels.push((String::new(), GROUP_STROKE));
                        group_cluster.insert(g, c);
                        plan.assignment.insert(g, c);
                        c
                    }
                };
                plan.assignment.insert(p, c);
            }
        }
    }
    plan
}

fn plural(kind: WorkKind) -> &'static str {
    match kind {
        WorkKind::MusicVideo => "Music videos",
        WorkKind::Drama => "Dramas",
        WorkKind::Film => "Films",
        WorkKind::Variety => "Variety shows",
        WorkKind::Commercial => "Commercials",
        WorkKind::Other => "Other works",
    }
}

/// A prefix no key of the diagram starts with, for the legend's node ids.
fn legend_prefix(diagram: &Diagram) -> String {
    let mut prefix = "legend:".to_string();
    while diagram.nodes.iter().any(|n| n.key.starts_with(&prefix)) {
        prefix.insert(0, '_');
    }
    prefix
}

/// The legend for `dot`: a cluster with a sample box per node kind and a
/// sample edge per line style (drawn by Graphviz itself, so dashes, dots
/// and arrowheads are the real ones), each edge ending at its name.
fn legend(diagram: &Diagram) -> Vec<Stmt> {
    let prefix = legend_prefix(diagram);
    let entries = legend_entries(diagram);
    let mut body = vec![
        Stmt::Attribute(attr("label", "Legend")),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::Attribute(attr("color", "#D1D5DB")),
        Stmt::Attribute(attr("fontsize", "12")),
        Stmt::Attribute(attr("fontcolor", "#6B7280")),
        Stmt::Attribute(attr("margin", "10")),
    ];
    let mut edges = Vec::new();
    let (mut starts, mut names) = (Vec::new(), Vec::new());
    for (i, (look, label)) in entries.samples().into_iter().enumerate() {
        let mut attrs = node_attrs(&look, &label);
        attrs.push(attr("fontsize", "10"));
        attrs.push(attr("height", "0.3"));
        body.push(Stmt::Node(Node {
            id: NodeId(quote(&format!("{prefix}node{i}")), None),
            attributes: attrs,
        }));
    }
    for (i, (look, label)) in entries.edges.iter().enumerate() {
        let start = format!("{prefix}edge{i}");
        let name = format!("{prefix}edge{i}:name");
        starts.push(Stmt::Node(Node {
            id: NodeId(quote(&start), None),
            // As tall as the name it points at, so that the line is level.
            attributes: vec![
                attr("shape", "plaintext"),
                attr("label", ""),
                attr("width", "0.05"),
                attr("height", "0.2"),
                attr("margin", "0.02,0"),
                attr("fontsize", "10"),
            ],
        }));
        names.push(Stmt::Node(Node {
            id: NodeId(quote(&name), None),
            attributes: vec![
                attr("shape", "plaintext"),
                attr("label", label),
                attr("fontsize", "10"),
                attr("fontcolor", "#374151"),
                attr("height", "0.2"),
                attr("margin", "0.02,0"),
            ],
        }));
        let mut attrs = edge_attrs(look, "");
        attrs.push(attr("minlen", "1"));
        attrs.push(attr("weight", "20"));
        edges.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(quote(&start), None)),
                Vertex::N(NodeId(quote(&name), None)),
            ),
            attributes: attrs,
        }));
    }
    // The samples in one column, their names in the next: short, straight
    // lines whatever the graph's ranks.
    for (side, nodes) in [("starts", starts), ("names", names)] {
        if nodes.is_empty() {
            continue;
        }
        let mut stmts = vec![Stmt::Attribute(attr("rank", "same"))];
        stmts.extend(nodes);
        body.push(Stmt::Subgraph(Subgraph {
            id: quote(&format!("{prefix}{side}")),
            stmts,
        }));
    }
    body.extend(edges);
    vec![Stmt::Subgraph(Subgraph {
        id: quote("cluster_legend"),
        stmts: body,
    })]
}

/// The legend for `neato`, which has no clusters: one node whose label is
/// an HTML table of sample boxes and of each line style named in words in
/// its colour (no glyphs, which Korean fonts may lack).
fn legend_table(diagram: &Diagram) -> Subgraph {
    let prefix = legend_prefix(diagram);
    let entries = legend_entries(diagram);
    let mut rows = String::from(
        r##"<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="12" COLOR="#6B7280">Legend</FONT></TD></TR>"##,
    );
    for (look, label) in entries.samples() {
        let style = if matches!(look.shape, Shape::Rounded) {
            r#" STYLE="ROUNDED""#
        } else {
            ""
        };
        rows.push_str(&format!(
            r#"<TR><TD COLSPAN="2" BORDER="1" BGCOLOR="{}" COLOR="{}"{style}>{}</TD></TR>"#,
            look.fill,
            look.stroke,
            html_escape(&label)
        ));
    }
    for (look, label) in &entries.edges {
        let line = match look.dash {
            Dash::Solid if look.bold => "bold line",
            Dash::Solid => "line",
            Dash::Dashed => "dashed",
            Dash::Dotted => "dotted",
        };
        rows.push_str(&format!(
            r#"<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="{}">{line}</FONT></TD><TD ALIGN="LEFT"><FONT POINT-SIZE="11" COLOR="{}">{}</FONT></TD></TR>"#,
            look.color,
            "#374151",
            html_escape(label)
        ));
    }
    let table = format!(
        r##"<<TABLE BORDER="1" STYLE="ROUNDED" COLOR="#D1D5DB" BGCOLOR="white" CELLBORDER="0" CELLSPACING="3" CELLPADDING="3">{rows}</TABLE>>"##
    );
    let node = Node {
        id: NodeId(quote(&format!("{prefix}table")), None),
        attributes: vec![
            attr("shape", "plaintext"),
            attr("margin", "0"),
            Attribute(Id::Plain("label".into()), Id::Html(table)),
        ],
    };
    Subgraph {
        id: quote("cluster_legend"),
        stmts: vec![Stmt::Attribute(attr("style", "invis")), Stmt::Node(node)],
    }
}

/// Escapes text for an HTML-like Graphviz label (an XML fragment): the
/// markup characters as entities, a line break or tab as a space, every
/// character XML cannot hold as U+FFFD.
fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    super::network::xml_label(&mut out, text);
    out
}
