//! The visual style sheet shared by the DOT exporter and the built-in
//! renderer: how each node kind and each credit role looks, and what a
//! legend shows for a diagram.
//!
//! Both pictures read the same [`NodeLook`] and [`EdgeLook`], so a person is
//! the same blue rounded box and a cameo the same dashed line whichever
//! engine draws it.

use std::collections::BTreeSet;

use super::diagram::{CLUSTER_COLOURS, Diagram, DiagramEdge, DiagramNode, Emphasis, NodeKind};
use crate::model::{RoleKind, WorkKind};

/// What a legend shows for a diagram: the node kinds present, then one entry
/// per edge look present (roles that look alike share an entry), then
/// unverified and highlighted samples when the diagram has such edges.
pub(crate) struct LegendEntries {
    pub(crate) node_kinds: Vec<NodeKind>,
    pub(crate) edges: Vec<(EdgeLook, String)>,
    /// The clusters drawn, in index order: (fill, stroke, name); the
    /// clusters past the palette share one grey entry, "other communities".
    pub(crate) clusters: Vec<(&'static str, &'static str, String)>,
}

impl LegendEntries {
    /// The sample boxes: each cluster drawn (a person's box in its colour,
    /// with its name), then each node kind (its box, with its name).
    pub(crate) fn samples(&self) -> Vec<(NodeLook, String)> {
        let clusters = self.clusters.iter().map(|(fill, stroke, name)| {
            let mut look = node_look(NodeKind::Person, Emphasis::Normal);
            (look.fill, look.stroke) = (fill, stroke);
            (look, name.clone())
        });
        let kinds = self.node_kinds.iter().map(|kind| {
            (
                node_look(*kind, Emphasis::Normal),
                kind_label(*kind).to_string(),
            )
        });
        clusters.chain(kinds).collect()
    }
}

pub(crate) fn legend_entries(diagram: &Diagram) -> LegendEntries {
    let mut kinds: Vec<NodeKind> = Vec::new();
    let order = |k: &NodeKind| match k {
        NodeKind::Person => 0,
        NodeKind::Group => 1,
        NodeKind::Work(w) => 2 + *w as usize,
        NodeKind::Organisation => 100,
    };
    // A kind whose every node is filled with its cluster's colour is shown
    // by the clusters' entries instead.
    for n in diagram.nodes.iter().filter(|n| n.cluster.is_none()) {
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
    let drawn: BTreeSet<usize> = diagram.nodes.iter().filter_map(|n| n.cluster).collect();
    let mut clusters = Vec::new();
    for &c in drawn.iter().filter(|&&c| c < CLUSTER_COLOURS) {
        let (fill, stroke) = cluster_colors(c);
        let name = diagram.clusters.get(c).cloned().unwrap_or_default();
        clusters.push((fill, stroke, name));
    }
    if drawn.iter().any(|&c| c >= CLUSTER_COLOURS) {
        let (fill, stroke) = cluster_colors(CLUSTER_COLOURS);
        clusters.push((fill, stroke, "other communities".to_string()));
    }
    LegendEntries {
        node_kinds: kinds,
        edges,
        clusters,
    }
}

/// The colours of clusters (communities), by index: ColorBrewer's
/// qualitative "Set3" (Cynthia Brewer, colorbrewer2.org, 12 classes) less
/// its grey, which is kept for the nodes outside the clusters shown; the
/// most distinct first, the two palest (a green and a yellow, near the
/// fills of dramas and music videos) last. Each fill is light enough for a
/// black label; each stroke is its hue at 32 % lightness.
const CLUSTER_PALETTE: [(&str, &str); CLUSTER_COLOURS] = [
    ("#8DD3C7", "#247F6F"),
    ("#FB8072", "#A01404"),
    ("#80B1D3", "#225A82"),
    ("#FDB462", "#A25602"),
    ("#B3DE69", "#618C18"),
    ("#BEBADA", "#372E76"),
    ("#FCCDE5", "#9C0753"),
    ("#BC80BD", "#752D77"),
    ("#FFED6F", "#A38F00"),
    ("#CCEBC5", "#338221"),
    ("#FFFFB3", "#A3A300"),
];

/// The fill and stroke of the nodes of no cluster with a colour of its own
/// (Set3's grey).
pub(crate) const CLUSTER_OTHER: (&str, &str) = ("#D9D9D9", "#6B7280");

/// The fill and stroke of cluster `c`: its colour of the palette, grey
/// past the palette's end.
pub(crate) fn cluster_colors(c: usize) -> (&'static str, &'static str) {
    CLUSTER_PALETTE.get(c).copied().unwrap_or(CLUSTER_OTHER)
}

/// How a node of a diagram is drawn: the look of its kind, filled with the
/// colour of its cluster when it has one, then its emphasis.
pub(crate) fn look_of(node: &DiagramNode) -> NodeLook {
    node_look_in(node.kind, node.cluster, node.emphasis)
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

pub(crate) const GROUP_STROKE: &str = "#6D28D9";
const HIGHLIGHT: &str = "#DC2626";
const HIGHLIGHT_TEXT: &str = "#B91C1C";
pub(crate) const FADED_FILL: &str = "#F9FAFB";
pub(crate) const FADED_STROKE: &str = "#D1D5DB";
const FADED_TEXT: &str = "#9CA3AF";

pub(crate) fn work_colors(kind: WorkKind) -> (&'static str, &'static str) {
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
    node_look_in(kind, None, emphasis)
}

/// The look of a node of this kind, in this cluster, with this emphasis.
pub(crate) fn node_look_in(kind: NodeKind, cluster: Option<usize>, emphasis: Emphasis) -> NodeLook {
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
    if let Some(c) = cluster {
        (look.fill, look.stroke) = cluster_colors(c);
    }
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

/// Above this many credits, with nothing highlighted, a picture is drawn as
/// a network rather than in columns (by the built-in renderer and, with
/// [`Layout::Auto`](super::dot::Layout::Auto), by Graphviz's `neato`).
pub(crate) const NETWORK_EDGES: usize = 90;

/// Up to this many nodes: the network layout compares every pair of
/// nodes, so larger pictures stay in columns.
pub(crate) const NETWORK_NODES: usize = 400;

/// Whether a diagram is large enough, and plain enough (no path, no centre),
/// to be drawn as a network, and small enough for the layout's cost: the
/// whole catalog.
pub(crate) fn wants_network(diagram: &Diagram) -> bool {
    let n = diagram.nodes.len();
    let valid = diagram
        .edges
        .iter()
        .filter(|e| e.from < n && e.to < n)
        .count();
    valid > NETWORK_EDGES && n <= NETWORK_NODES && !diagram.has_highlight()
}
