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
use crate::model::{RoleKind, WorkKind};

/// The font families asked for, in order: Korean fonts first, so that Hangul
/// labels render, then a generic family.
///
/// Graphviz (through fontconfig and Pango) and SVG viewers both accept a
/// comma-separated list.
pub const FONT_FAMILIES: &str = "NanumGothic,Noto Sans CJK KR,Noto Sans KR,sans-serif";

/// The direction in which the layers of a layout run (the DOT `rankdir`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Direction {
    /// Left to right (`LR`): people on the left, works to their right.
    #[default]
    LeftToRight,
    /// Top to bottom (`TB`).
    TopToBottom,
    /// Right to left (`RL`).
    RightToLeft,
    /// Bottom to top (`BT`).
    BottomToTop,
}

impl Direction {
    /// The DOT `rankdir` value: `LR`, `TB`, `RL` or `BT`.
    pub fn rankdir(self) -> &'static str {
        match self {
            Direction::LeftToRight => "LR",
            Direction::TopToBottom => "TB",
            Direction::RightToLeft => "RL",
            Direction::BottomToTop => "BT",
        }
    }
}

/// Which nodes are boxed together in clusters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Clusters {
    /// No clusters (the default: clusters often make a credit graph harder to
    /// read, as edges loop around them).
    #[default]
    None,
    /// Each group with its members (people linked to it by a membership; a
    /// person in several groups goes with the first).
    ByGroup,
    /// Works by kind: music videos together, dramas together, …
    ByWorkKind,
}

/// The Graphviz layout program the DOT text is meant for (the `layout` graph
/// attribute); also the program [`crate::render`] runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// `dot`: layered, best for bipartite credit graphs and paths.
    #[default]
    Dot,
    /// `neato`: spring model, best for networks of co-stars.
    Neato,
}

impl Layout {
    /// The name of the layout program: `dot` or `neato`.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Neato => "neato",
        }
    }
}

/// How to write a [`Diagram`] as DOT.
///
/// Defaults: left to right, no clusters, a legend, the `dot` layout, the
/// font list [`FONT_FAMILIES`].
///
/// # Example
///
/// ```
/// use hallyu::export::dot::{Clusters, DotOptions, Layout};
///
/// let options = DotOptions::new().clusters(Clusters::ByWorkKind).layout(Layout::Neato);
/// assert_eq!(options.layout_hint(), Layout::Neato);
/// assert!(options.has_legend());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DotOptions {
    direction: Direction,
    clusters: Clusters,
    legend: bool,
    layout: Layout,
    font: String,
}

impl Default for DotOptions {
    fn default() -> DotOptions {
        DotOptions::new()
    }
}

impl DotOptions {
    /// The default options.
    pub fn new() -> DotOptions {
        DotOptions {
            direction: Direction::LeftToRight,
            clusters: Clusters::None,
            legend: true,
            layout: Layout::Dot,
            font: FONT_FAMILIES.to_string(),
        }
    }

    /// Sets the direction of the layers.
    pub fn direction(mut self, direction: Direction) -> DotOptions {
        self.direction = direction;
        self
    }

    /// Sets which nodes are boxed in clusters.
    pub fn clusters(mut self, clusters: Clusters) -> DotOptions {
        self.clusters = clusters;
        self
    }

    /// Draws a legend (`true`, the default) or not.
    pub fn legend(mut self, yes: bool) -> DotOptions {
        self.legend = yes;
        self
    }

    /// Sets the layout program the text is meant for.
    pub fn layout(mut self, layout: Layout) -> DotOptions {
        self.layout = layout;
        self
    }

    /// Sets the font list (comma-separated families, best first).
    pub fn font(mut self, families: impl Into<String>) -> DotOptions {
        self.font = families.into();
        self
    }

    /// The direction of the layers.
    pub fn layer_direction(&self) -> Direction {
        self.direction
    }

    /// Which nodes are boxed in clusters.
    pub fn cluster_mode(&self) -> Clusters {
        self.clusters
    }

    /// Whether a legend is drawn.
    pub fn has_legend(&self) -> bool {
        self.legend
    }

    /// The layout program the text is meant for.
    pub fn layout_hint(&self) -> Layout {
        self.layout
    }

    /// The font list.
    pub fn font_families(&self) -> &str {
        &self.font
    }
}

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
pub fn to_graph(diagram: &Diagram, options: &DotOptions) -> Graph {
    let first = first_with_key(diagram);
    let mut stmts = Vec::new();

    // Graph, node and edge defaults.
    let mut graph_attrs = vec![
        attr("rankdir", options.direction.rankdir()),
        attr("layout", options.layout.name()),
        attr("fontname", &options.font),
        attr("bgcolor", "white"),
        attr("pad", "0.3"),
    ];
    match options.layout {
        Layout::Dot => {
            graph_attrs.push(attr("nodesep", "0.18"));
            graph_attrs.push(attr("ranksep", "0.9"));
            graph_attrs.push(attr("newrank", "true"));
        }
        Layout::Neato => {
            graph_attrs.push(attr("overlap", "false"));
            graph_attrs.push(attr("splines", "true"));
            graph_attrs.push(attr("sep", "+12"));
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
        let stmt = Stmt::Node(node_stmt(node));
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

    // Edges.
    for edge in &diagram.edges {
        let (Some(&from), Some(&to)) = (first.get(edge.from), first.get(edge.to)) else {
            continue;
        };
        stmts.push(Stmt::Edge(edge_stmt(
            &diagram.nodes[from],
            &diagram.nodes[to],
            edge,
        )));
    }

    if options.legend && !diagram.nodes.is_empty() {
        stmts.push(Stmt::Subgraph(legend(diagram)));
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
    let look = node_look(node.kind, node.emphasis);
    Node {
        id: NodeId(quote(&node.key), None),
        attributes: node_attrs(&look, &node.label),
    }
}

fn edge_attrs(look: &EdgeLook, label: &str) -> Vec<Attribute> {
    let mut attrs = Vec::new();
    if !label.is_empty() {
        attrs.push(attr("label", label));
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

fn edge_stmt(from: &DiagramNode, to: &DiagramNode, edge: &DiagramEdge) -> Edge {
    let look = edge_look(edge.role, edge.unverified, edge.emphasis);
    let mut attributes = edge_attrs(&look, &edge.label);
    attributes.push(attr("tooltip", &edge_tooltip(from, to, edge)));
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

fn legend(diagram: &Diagram) -> Subgraph {
    // A prefix no key of the diagram starts with.
    let mut prefix = "legend:".to_string();
    while diagram.nodes.iter().any(|n| n.key.starts_with(&prefix)) {
        prefix.insert(0, '_');
    }
    // One node whose label is an HTML table: a sample box per node kind and
    // a sample line per edge look. Compact, whatever the graph's rank gaps.
    let entries = legend_entries(diagram);
    let mut rows = String::from(
        r##"<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="12" COLOR="#6B7280">Legend</FONT></TD></TR>"##,
    );
    for kind in &entries.node_kinds {
        let look = node_look(*kind, Emphasis::Normal);
        let style = if matches!(look.shape, Shape::Rounded) {
            r#" STYLE="ROUNDED""#
        } else {
            ""
        };
        rows.push_str(&format!(
            r#"<TR><TD COLSPAN="2" BORDER="1" BGCOLOR="{}" COLOR="{}"{style}>{}</TD></TR>"#,
            look.fill,
            look.stroke,
            kind_label(*kind)
        ));
    }
    for (look, label) in &entries.edges {
        let line = match look.dash {
            Dash::Solid => "━━━━━",
            Dash::Dashed => "╺╸╺╸╺╸",
            Dash::Dotted => "┅┅┅┅┅",
        };
        let head = match look.arrow {
            Arrow::Normal => "▶",
            Arrow::Empty => "▷",
            Arrow::Tee => "┫",
        };
        let sample = if look.bold {
            format!("<B>{line}{head}</B>")
        } else {
            format!("{line}{head}")
        };
        rows.push_str(&format!(
            r#"<TR><TD ALIGN="LEFT"><FONT COLOR="{}">{sample}</FONT></TD><TD ALIGN="LEFT"><FONT POINT-SIZE="11" COLOR="{}">{}</FONT></TD></TR>"#,
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

/// Escapes text for an HTML-like Graphviz label.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What a legend shows for a diagram: the node kinds present, then one entry
/// per edge look present (roles that look alike share an entry), then
/// unverified and highlighted samples when the diagram has such edges.
pub(crate) struct LegendEntries {
    pub(crate) node_kinds: Vec<NodeKind>,
    pub(crate) edges: Vec<(EdgeLook, String)>,
}

pub(crate) fn legend_entries(diagram: &Diagram) -> LegendEntries {
    let mut kinds: Vec<NodeKind> = Vec::new();
    let order = |k: &NodeKind| match k {
        NodeKind::Person => 0,
        NodeKind::Group => 1,
        NodeKind::Work(w) => 2 + *w as usize,
        NodeKind::Organisation => 100,
    };
    for n in &diagram.nodes {
        if !kinds.contains(&n.kind) {
            kinds.push(n.kind);
        }
    }
    kinds.sort_by_key(order);

    let n = diagram.nodes.len();
    let valid = |e: &&DiagramEdge| e.from < n && e.to < n;
    let roles: BTreeSet<RoleKind> = diagram.edges.iter().filter(valid).map(|e| e.role).collect();
    let mut edges: Vec<(EdgeLook, String)> = Vec::new();
    for role in roles {
        let look = edge_look(role, false, Emphasis::Normal);
        match edges.iter_mut().find(|(l, _)| l.class == look.class) {
            Some((_, label)) => {
                label.push_str(", ");
                label.push_str(role.label());
            }
            None => edges.push((look, role.label().to_string())),
        }
    }
    if diagram.edges.iter().filter(valid).any(|e| e.unverified) {
        edges.push((
            edge_look(RoleKind::Supporting, true, Emphasis::Normal),
            "unverified".into(),
        ));
    }
    if diagram
        .edges
        .iter()
        .filter(valid)
        .any(|e| e.emphasis == Emphasis::Highlight)
    {
        edges.push((
            edge_look(RoleKind::Supporting, false, Emphasis::Highlight),
            "path".into(),
        ));
    }
    LegendEntries {
        node_kinds: kinds,
        edges,
    }
}

/// The legend's name for a node kind.
pub(crate) fn kind_label(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "person",
        NodeKind::Group => "group",
        NodeKind::Work(w) => w.label(),
        NodeKind::Organisation => "organisation",
    }
}

// ---------------------------------------------------------------------------
// The look of nodes and edges, shared with the built-in SVG renderer.

/// The outline of a node box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Rounded corners (people).
    Rounded,
    /// Rounded corners and a double border (groups).
    Double,
    /// Square corners (works).
    Square,
    /// Square corners with cut diagonals (organisations).
    Notched,
}

/// How a node is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct NodeLook {
    pub(crate) shape: Shape,
    pub(crate) fill: &'static str,
    pub(crate) stroke: &'static str,
    pub(crate) text: &'static str,
    pub(crate) stroke_width: f64,
    pub(crate) class: &'static str,
}

const GROUP_STROKE: &str = "#6D28D9";
const HIGHLIGHT: &str = "#DC2626";
const HIGHLIGHT_TEXT: &str = "#B91C1C";
const FADED_FILL: &str = "#F9FAFB";
const FADED_STROKE: &str = "#D1D5DB";
const FADED_TEXT: &str = "#9CA3AF";

fn work_colors(kind: WorkKind) -> (&'static str, &'static str) {
    match kind {
        WorkKind::MusicVideo => ("#FEF3C7", "#B45309"),
        WorkKind::Drama => ("#DCFCE7", "#15803D"),
        WorkKind::Film => ("#FEE2E2", "#B91C1C"),
        WorkKind::Variety => ("#CFFAFE", "#0E7490"),
        WorkKind::Commercial => ("#FFEDD5", "#C2410C"),
        WorkKind::Other => ("#F3F4F6", "#4B5563"),
    }
}

pub(crate) fn node_look(kind: NodeKind, emphasis: Emphasis) -> NodeLook {
    let mut look = match kind {
        NodeKind::Person => NodeLook {
            shape: Shape::Rounded,
            fill: "#DBEAFE",
            stroke: "#1D4ED8",
            text: "#111827",
            stroke_width: 1.2,
            class: "person",
        },
        NodeKind::Group => NodeLook {
            shape: Shape::Double,
            fill: "#EDE9FE",
            stroke: GROUP_STROKE,
            text: "#111827",
            stroke_width: 1.2,
            class: "group",
        },
        NodeKind::Work(w) => {
            let (fill, stroke) = work_colors(w);
            NodeLook {
                shape: Shape::Square,
                fill,
                stroke,
                text: "#111827",
                stroke_width: 1.2,
                class: match w {
                    WorkKind::MusicVideo => "work mv",
                    WorkKind::Drama => "work drama",
                    WorkKind::Film => "work film",
                    WorkKind::Variety => "work variety",
                    WorkKind::Commercial => "work commercial",
                    WorkKind::Other => "work other",
                },
            }
        }
        NodeKind::Organisation => NodeLook {
            shape: Shape::Notched,
            fill: "#F5F5F4",
            stroke: "#57534E",
            text: "#111827",
            stroke_width: 1.2,
            class: "organisation",
        },
    };
    match emphasis {
        Emphasis::Normal => {}
        Emphasis::Highlight => {
            look.stroke = HIGHLIGHT;
            look.stroke_width = 2.8;
        }
        Emphasis::Faded => {
            look.fill = FADED_FILL;
            look.stroke = FADED_STROKE;
            look.text = FADED_TEXT;
        }
    }
    look
}

/// The dash pattern of an edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dash {
    Solid,
    Dashed,
    Dotted,
}

/// The head of an edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Arrow {
    /// A filled triangle.
    Normal,
    /// An open triangle (sequels).
    Empty,
    /// A bar (bans).
    Tee,
}

/// How an edge is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct EdgeLook {
    pub(crate) color: &'static str,
    pub(crate) text: &'static str,
    pub(crate) width: f64,
    pub(crate) dash: Dash,
    pub(crate) bold: bool,
    pub(crate) arrow: Arrow,
    /// The role's class name (`lead`, `crew`, …).
    pub(crate) class: &'static str,
    /// Extra class names: ` unverified`, ` path`, ` faded`.
    pub(crate) state: &'static str,
}

pub(crate) fn edge_look(role: RoleKind, unverified: bool, emphasis: Emphasis) -> EdgeLook {
    let look = |color, width, dash, class| EdgeLook {
        color,
        text: color,
        width,
        dash,
        bold: false,
        arrow: Arrow::Normal,
        class,
        state: "",
    };
    let mut l = match role {
        RoleKind::Lead => EdgeLook {
            bold: true,
            ..look("#111827", 2.4, Dash::Solid, "lead")
        },
        RoleKind::Supporting => look("#374151", 1.2, Dash::Solid, "supporting"),
        RoleKind::Cameo => look("#4B5563", 1.1, Dash::Dashed, "cameo"),
        RoleKind::Performer => look("#2563EB", 1.6, Dash::Solid, "performer"),
        RoleKind::Featured => look("#0D9488", 1.4, Dash::Solid, "featured"),
        RoleKind::Member => look("#7C3AED", 1.3, Dash::Dotted, "member"),
        RoleKind::Soundtrack => look("#9CA3AF", 1.2, Dash::Dashed, "soundtrack"),
        RoleKind::Director
        | RoleKind::Composer
        | RoleKind::Lyricist
        | RoleKind::MusicProducer
        | RoleKind::OtherCrew => look("#92400E", 0.7, Dash::Solid, "crew"),
        RoleKind::OtherOnScreen => look("#374151", 1.2, Dash::Solid, "on-screen"),
        RoleKind::SignedTo => look("#57534E", 0.9, Dash::Dashed, "signed-to"),
        RoleKind::ProducedBy => look("#57534E", 0.9, Dash::Solid, "produced-by"),
        RoleKind::BannedBy => EdgeLook {
            arrow: Arrow::Tee,
            ..look("#B91C1C", 1.2, Dash::Solid, "banned-by")
        },
        RoleKind::TieIn => look("#C2410C", 1.0, Dash::Dashed, "tie-in"),
        RoleKind::SequelOf => EdgeLook {
            arrow: Arrow::Empty,
            ..look("#15803D", 1.2, Dash::Solid, "sequel-of")
        },
    };
    if unverified {
        l.dash = Dash::Dotted;
        l.bold = false;
        l.color = "#9CA3AF";
        l.text = "#6B7280";
        l.width = l.width.min(1.4);
        l.state = " unverified";
    }
    match emphasis {
        Emphasis::Normal => {}
        Emphasis::Highlight => {
            l.color = HIGHLIGHT;
            l.text = HIGHLIGHT_TEXT;
            l.width = 3.0;
            l.state = if unverified {
                " path unverified"
            } else {
                " path"
            };
        }
        Emphasis::Faded => {
            l.color = FADED_STROKE;
            l.text = FADED_TEXT;
            l.width = l.width.min(1.0);
            l.bold = false;
            l.state = if unverified {
                " faded unverified"
            } else {
                " faded"
            };
        }
    }
    l
}
