//! A drawing-ready picture of part of the graph: nodes with kinds and labels,
//! edges with roles. Every exporter and renderer works from a [`Diagram`].

use std::collections::HashMap;

use crate::model::{RoleKind, WorkKind};

/// What a diagram node stands for; decides its shape and colour.
///
/// # Example
///
/// ```
/// use hallyu::export::{Diagram, NodeKind};
/// use hallyu::model::WorkKind;
///
/// let mut d = Diagram::new("t");
/// let mv = d.add_node("haru-haru", NodeKind::Work(WorkKind::MusicVideo), "Haru Haru (2008)");
/// assert_eq!(d.nodes[mv].kind, NodeKind::Work(WorkKind::MusicVideo));
/// assert_ne!(d.nodes[mv].kind, NodeKind::Person);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NodeKind {
    /// A person.
    Person,
    /// A group.
    Group,
    /// A work of the given kind.
    Work(WorkKind),
    /// An organisation.
    Organisation,
}

/// How many clusters (communities) of a [`Diagram`] have a colour of their
/// own: 11, ColorBrewer's qualitative palette "Set3" less its grey. A
/// cluster numbered from `CLUSTER_COLOURS` on is drawn grey, as are the
/// nodes outside the clusters shown; colours never repeat, so that two
/// nodes of one colour are always of one cluster.
///
/// # Example
///
/// ```
/// use hallyu::export::{CLUSTER_COLOURS, Diagram, NodeKind, dot};
///
/// let mut d = Diagram::new("t");
/// d.clusters = (0..=CLUSTER_COLOURS).map(|c| format!("community {c}")).collect();
/// for c in 0..=CLUSTER_COLOURS {
///     let i = d.add_node(&format!("p{c}"), NodeKind::Person, format!("P{c}"));
///     d.nodes[i].cluster = Some(c);
/// }
/// let text = dot::to_dot(&d, &dot::DotOptions::new());
/// assert!(text.contains(r##""p0"[label="P0" shape="box" style="rounded,filled" fillcolor="#8DD3C7""##));
/// assert!(text.contains(r##""p11"[label="P11" shape="box" style="rounded,filled" fillcolor="#D9D9D9""##));
/// assert!(text.contains("other communities")); // the twelfth is grey
/// ```
pub const CLUSTER_COLOURS: usize = 11;

/// How strongly a node or edge is drawn.
///
/// # Example
///
/// ```
/// use hallyu::export::{Diagram, Emphasis, NodeKind};
///
/// let mut d = Diagram::new("t");
/// let iu = d.add_node("iu", NodeKind::Person, "IU");
/// assert_eq!(d.nodes[iu].emphasis, Emphasis::Normal); // the default
/// d.nodes[iu].emphasis = Emphasis::Highlight;
/// assert_eq!(d.nodes[iu].emphasis, Emphasis::Highlight);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Emphasis {
    /// Drawn normally.
    #[default]
    Normal,
    /// Highlighted (the hops of a path, the centre of a neighbourhood).
    Highlight,
    /// Faded (context around a highlighted path).
    Faded,
}

/// One node of a [`Diagram`].
///
/// # Example
///
/// ```
/// use hallyu::export::{Diagram, DiagramNode, Emphasis, NodeKind};
///
/// let mut d = Diagram::new("t");
/// d.add_node("iu", NodeKind::Person, "IU (아이유)");
/// let expected = DiagramNode {
///     key: "iu".to_string(),
///     kind: NodeKind::Person,
///     label: "IU (아이유)".to_string(),
///     emphasis: Emphasis::Normal,
///     cluster: None,
/// };
/// assert_eq!(d.nodes[0], expected);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagramNode {
    /// The stable key of the record (`park-seo-joon`); the DOT node id.
    pub key: String,
    /// What the node stands for.
    pub kind: NodeKind,
    /// The main label, e.g. `Park Seo-joon (박서준)` or `Haru Haru (2008)`.
    pub label: String,
    /// How strongly it is drawn.
    pub emphasis: Emphasis,
    /// The cluster (a community) the node belongs to, an index into
    /// [`Diagram::clusters`]; it is filled with that cluster's colour of the
    /// palette (by index only: no colour comes from a name). The first
    /// [`CLUSTER_COLOURS`](super::CLUSTER_COLOURS) clusters have colours of
    /// their own; later ones are grey. `None`: the colour of its kind.
    pub cluster: Option<usize>,
}

/// One edge of a [`Diagram`], from a person, group or work to a work, group
/// or organisation (the direction of the data's credit).
///
/// # Example
///
/// ```
/// use hallyu::export::{Diagram, NodeKind};
/// use hallyu::model::{RoleKind, WorkKind};
///
/// let mut d = Diagram::new("t");
/// let a = d.add_node("iu", NodeKind::Person, "IU");
/// let b = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette");
/// let e = d.add_edge(a, b, RoleKind::Performer, "");
/// let edge = &d.edges[e];
/// assert_eq!((edge.from, edge.to, edge.role), (a, b, RoleKind::Performer));
/// assert!(!edge.unverified);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagramEdge {
    /// Index of the source node in [`Diagram::nodes`].
    pub from: usize,
    /// Index of the target node in [`Diagram::nodes`].
    pub to: usize,
    /// The role of the credit; decides the line style.
    pub role: RoleKind,
    /// A short label (a character name, `via BIGBANG`), possibly empty.
    pub label: String,
    /// Whether the credit is unverified (drawn dotted).
    pub unverified: bool,
    /// How strongly it is drawn.
    pub emphasis: Emphasis,
}

/// A picture of part of the graph, ready to be exported as DOT or rendered.
///
/// Made by the view builders of [`crate::export`], or by hand.
///
/// # Example
///
/// ```
/// use hallyu::export::{Diagram, NodeKind};
/// use hallyu::model::{RoleKind, WorkKind};
///
/// let mut d = Diagram::new("Palette");
/// let iu = d.add_node("iu", NodeKind::Person, "IU (아이유)");
/// let gd = d.add_node("g-dragon", NodeKind::Person, "G-Dragon");
/// let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
/// d.add_edge(iu, mv, RoleKind::Performer, "");
/// d.add_edge(gd, mv, RoleKind::Featured, "");
/// assert_eq!((d.nodes.len(), d.edges.len()), (3, 2));
/// assert_eq!(d.title, "Palette");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Diagram {
    /// The title drawn above the picture.
    pub title: String,
    /// The nodes, in a deterministic order.
    pub nodes: Vec<DiagramNode>,
    /// The edges, in a deterministic order.
    pub edges: Vec<DiagramEdge>,
    /// The names of the clusters that [`DiagramNode::cluster`] numbers,
    /// shown in the legend beside their colours (empty: no cluster).
    pub clusters: Vec<String>,
    /// The index of the first node with each key, for [`Diagram::add_node`];
    /// covers `nodes[..indexed]` and is checked on every hit, so nodes pushed
    /// or edited directly are never missed silently.
    keys: HashMap<String, usize>,
    indexed: usize,
}

impl PartialEq for Diagram {
    fn eq(&self, other: &Diagram) -> bool {
        self.title == other.title
            && self.nodes == other.nodes
            && self.edges == other.edges
            && self.clusters == other.clusters
    }
}

impl Eq for Diagram {}

impl Diagram {
    /// Whether anything is drawn highlighted (a path, a person in focus).
    pub(crate) fn has_highlight(&self) -> bool {
        self.nodes.iter().any(|n| n.emphasis == Emphasis::Highlight)
            || self.edges.iter().any(|e| e.emphasis == Emphasis::Highlight)
    }

    /// An empty diagram with a title.
    ///
    /// # Example
    ///
    /// ```
    /// let d = hallyu::export::Diagram::new("Who is in Kiss?");
    /// assert_eq!(d.title, "Who is in Kiss?");
    /// assert!(d.is_empty() && d.edges.is_empty());
    /// ```
    pub fn new(title: impl Into<String>) -> Diagram {
        Diagram {
            title: title.into(),
            nodes: Vec::new(),
            edges: Vec::new(),
            clusters: Vec::new(),
            keys: HashMap::new(),
            indexed: 0,
        }
    }

    /// Adds a node (or returns the index of the node with the same key) and
    /// returns its index.
    ///
    /// Keys are found through a map, in constant time, that follows the
    /// nodes added here or pushed onto [`Diagram::nodes`]; a key edited in
    /// place is not looked up under its new value (a second node with that
    /// key would be drawn once, with a warning) — use
    /// [`Diagram::node_index`], which reads the nodes themselves.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::{Diagram, NodeKind};
    ///
    /// let mut d = Diagram::new("t");
    /// let a = d.add_node("iu", NodeKind::Person, "IU (아이유)");
    /// assert_eq!(d.add_node("iu", NodeKind::Person, "ignored"), a);
    /// assert_eq!(d.nodes[a].label, "IU (아이유)");
    /// assert_eq!(d.node_index("iu"), Some(a));
    /// ```
    pub fn add_node(&mut self, key: &str, kind: NodeKind, label: impl Into<String>) -> usize {
        if let Some(i) = self.indexed_node(key) {
            return i;
        }
        self.keys.insert(key.to_string(), self.nodes.len());
        self.indexed = self.nodes.len() + 1;
        self.nodes.push(DiagramNode {
            key: key.to_string(),
            kind,
            label: label.into(),
            emphasis: Emphasis::Normal,
            cluster: None,
        });
        self.nodes.len() - 1
    }

    /// Adds an edge between two node indices and returns its index.
    ///
    /// Indices are not checked here: exporters and renderers skip an edge
    /// whose ends are not nodes of the diagram (the renderers say so in
    /// their warnings).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::{Diagram, NodeKind};
    /// use hallyu::model::{RoleKind, WorkKind};
    ///
    /// let mut d = Diagram::new("t");
    /// let a = d.add_node("lee-min-ho", NodeKind::Person, "Lee Min-ho");
    /// let b = d.add_node("kiss", NodeKind::Work(WorkKind::MusicVideo), "Kiss (2009)");
    /// assert_eq!(d.add_edge(a, b, RoleKind::Lead, "Kim Jin-hee"), 0);
    /// assert_eq!(d.edges[0].label, "Kim Jin-hee");
    /// let (from, to) = d.ends(&d.edges[0]).unwrap();
    /// assert_eq!((from.key.as_str(), to.key.as_str()), ("lee-min-ho", "kiss"));
    /// ```
    pub fn add_edge(
        &mut self,
        from: usize,
        to: usize,
        role: RoleKind,
        label: impl Into<String>,
    ) -> usize {
        self.edges.push(DiagramEdge {
            from,
            to,
            role,
            label: label.into(),
            unverified: false,
            emphasis: Emphasis::Normal,
        });
        self.edges.len() - 1
    }

    /// The node with this key through the key map: constant time while the
    /// nodes are only added; rebuilt when they were edited in place.
    fn indexed_node(&mut self, key: &str) -> Option<usize> {
        if self.indexed > self.nodes.len() {
            self.keys.clear();
            self.indexed = 0;
        }
        for (i, n) in self.nodes.iter().enumerate().skip(self.indexed) {
            self.keys.entry(n.key.clone()).or_insert(i);
        }
        self.indexed = self.nodes.len();
        match self.keys.get(key) {
            Some(&i) if self.nodes[i].key == key => Some(i),
            Some(_) => {
                // A key was edited in place: start again from the nodes.
                self.keys.clear();
                for (i, n) in self.nodes.iter().enumerate() {
                    self.keys.entry(n.key.clone()).or_insert(i);
                }
                self.keys.get(key).copied()
            }
            None => None,
        }
    }

    /// The index of the node with this key, if there is one.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::{Diagram, NodeKind};
    ///
    /// let mut d = Diagram::new("t");
    /// d.add_node("iu", NodeKind::Person, "IU");
    /// let bb = d.add_node("bigbang", NodeKind::Group, "BIGBANG");
    /// assert_eq!(d.node_index("bigbang"), Some(bb));
    /// assert_eq!(d.node_index("twice"), None);
    /// ```
    pub fn node_index(&self, key: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.key == key)
    }

    /// Whether the diagram has no nodes.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::{Diagram, NodeKind};
    ///
    /// let mut d = Diagram::new("t");
    /// assert!(d.is_empty());
    /// d.add_node("iu", NodeKind::Person, "IU");
    /// assert!(!d.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The two end nodes of an edge, or `None` when an index is out of range.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::{Diagram, NodeKind};
    /// use hallyu::model::{RoleKind, WorkKind};
    ///
    /// let mut d = Diagram::new("t");
    /// let a = d.add_node("iu", NodeKind::Person, "IU");
    /// let b = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette");
    /// d.add_edge(a, b, RoleKind::Performer, "");
    /// d.add_edge(a, 7, RoleKind::Performer, ""); // no node 7
    /// let (from, to) = d.ends(&d.edges[0]).unwrap();
    /// assert_eq!((from.label.as_str(), to.label.as_str()), ("IU", "Palette"));
    /// assert!(d.ends(&d.edges[1]).is_none());
    /// ```
    pub fn ends(&self, edge: &DiagramEdge) -> Option<(&DiagramNode, &DiagramNode)> {
        Some((self.nodes.get(edge.from)?, self.nodes.get(edge.to)?))
    }

    /// Messages for the edges whose ends are not nodes of the diagram; the
    /// exporters and renderers skip those edges.
    pub(crate) fn dangling_edges(&self) -> Vec<String> {
        let n = self.nodes.len();
        self.edges
            .iter()
            .enumerate()
            .filter(|(_, e)| e.from >= n || e.to >= n)
            .map(|(i, e)| {
                format!(
                    "edge {i} ({} -> {}) refers to a node that does not exist \
                     (the diagram has {n} nodes); skipped",
                    e.from, e.to
                )
            })
            .collect()
    }
}
