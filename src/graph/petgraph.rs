//! petgraph's visit traits on the explorer's own graph, so that petgraph's
//! algorithms run on any explorer — an IMDb import included — without a
//! copy: [`PersonWorkGraph`], made by
//! [`Explorer::person_work_graph`](crate::Explorer::person_work_graph).

use petgraph::Undirected;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{
    Data, EdgeRef, GraphBase, GraphProp, IntoEdgeReferences, IntoEdges, IntoNeighbors,
    IntoNodeIdentifiers, NodeCompactIndexable, NodeCount, NodeIndexable, VisitMap, Visitable,
};

use crate::filter::Filter;
use crate::graph::{Appearance, TraversalIndex};
use crate::id::{CreditId, Entity};

/// The undirected person–work graph of an explorer under a filter, as
/// petgraph sees a graph: node `i < people` is person `i`, the next nodes
/// are the works in order; one edge per appearance the filter counts (a
/// group's credit counts for its members, as in every query). Borrowed,
/// not copied: petgraph's algorithms run on an IMDb import as they are.
///
/// Implements `GraphBase`, `GraphProp` (undirected), `Data`, `NodeCount`,
/// `NodeIndexable`, `NodeCompactIndexable`, `IntoNodeIdentifiers`,
/// `IntoNeighbors`, `IntoEdgeReferences`, `IntoEdges` and `Visitable`.
/// Edge weights are the [`CreditId`] of the appearance.
///
/// # Example
///
/// A person–work–person chain is two edges, so petgraph's `dijkstra` with
/// unit costs finds twice the crate's path length:
///
/// ```
/// use hallyu::{Explorer, Filter};
/// use hallyu::petgraph::algo::dijkstra;
///
/// let explorer = Explorer::bundled();
/// let filter = Filter::new();
/// let graph = explorer.person_work_graph(&filter);
/// let (a, b) = (explorer.person("Song Joong-ki")?, explorer.person("IU")?);
/// let costs = dijkstra(graph, graph.node(a.into()), Some(graph.node(b.into())), |_| 1);
/// let hops = explorer.shortest_path(a, b, &filter).unwrap().len();
/// assert_eq!(costs[&graph.node(b.into())], 2 * hops);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct PersonWorkGraph<'e> {
    graph: &'e super::Graph,
    index: &'e TraversalIndex,
    filter: &'e Filter,
}

impl std::fmt::Debug for PersonWorkGraph<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersonWorkGraph")
            .field("people", &self.index.people())
            .field("works", &self.index.works())
            .finish()
    }
}

impl<'e> PersonWorkGraph<'e> {
    pub(crate) fn new(graph: &'e super::Graph, filter: &'e Filter) -> PersonWorkGraph<'e> {
        PersonWorkGraph {
            graph,
            index: &graph.index,
            filter,
        }
    }

    /// The node of a person or a work.
    ///
    /// # Panics
    ///
    /// For a group or an organisation, which are not nodes of this graph
    /// (their credits count through the members), and for an id of another
    /// explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let filter = Filter::new();
    /// let graph = explorer.person_work_graph(&filter);
    /// let iu = explorer.person("IU")?;
    /// assert_eq!(graph.node(iu.into()).index(), iu.index());
    /// // Works follow the people.
    /// let haru = explorer.work("Haru Haru")?;
    /// assert_eq!(graph.node(haru.into()).index(), explorer.people().len() + haru.index());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn node(&self, e: Entity) -> NodeIndex {
        self.graph.check(e);
        match e {
            Entity::Person(p) => NodeIndex::new(p.index()),
            Entity::Work(w) => NodeIndex::new(self.index.people() + w.index()),
            other => panic!("{other:?} is not a node of the person–work graph"),
        }
    }

    /// The person or work of a node.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::petgraph::visit::IntoNeighbors;
    /// use hallyu::{Entity, Explorer, Filter};
    ///
    /// // The works Dara's node links to, by title.
    /// let explorer = Explorer::bundled();
    /// let filter = Filter::new();
    /// let graph = explorer.person_work_graph(&filter);
    /// let dara = graph.node(explorer.person("Dara")?.into());
    /// let titles: Vec<&str> = graph
    ///     .neighbors(dara)
    ///     .map(|n| match graph.entity(n) {
    ///         Entity::Work(w) => explorer.get(w).title(),
    ///         other => panic!("a person's neighbour is a work, not {other:?}"),
    ///     })
    ///     .collect();
    /// assert!(titles.contains(&"Kiss") && titles.contains(&"Cass 2X CF"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn entity(&self, n: NodeIndex) -> Entity {
        let people = self.index.people();
        match n.index() {
            i if i < people => self.graph.pid(i as u32).into(),
            i => self.graph.wid((i - people) as u32).into(),
        }
    }

    fn edge(&self, from_person: bool, app_index: u32, a: &Appearance) -> Edge {
        let p = NodeIndex::new(a.person as usize);
        let w = NodeIndex::new(self.index.people() + a.work as usize);
        let (source, target) = if from_person { (p, w) } else { (w, p) };
        Edge {
            source,
            target,
            id: EdgeIndex::new(app_index as usize),
            credit: self.graph.cid(a.credit),
        }
    }
}

/// An edge of a [`PersonWorkGraph`]: one appearance of a person in a work.
///
/// # Example
///
/// ```
/// use hallyu::petgraph::visit::{EdgeRef, IntoEdges};
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let filter = Filter::new();
/// let graph = explorer.person_work_graph(&filter);
/// let kiss = explorer.work("Kiss")?;
/// let mut seen = Vec::new();
/// for edge in graph.edges(graph.node(kiss.into())) {
///     assert_eq!(edge.source(), graph.node(kiss.into()));
///     // The weight is the credit of the appearance.
///     let credit = explorer.get(*edge.weight());
///     assert_eq!(graph.node(credit.from()), edge.target());
///     seen.push(explorer.name(credit.from()));
/// }
/// seen.sort();
/// seen.dedup();
/// // Teddy Park produced it: not on screen, so no edge.
/// assert_eq!(seen, ["CL", "Kim Woo-bin", "Lee Min-ho", "Sandara Park"]);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    source: NodeIndex,
    target: NodeIndex,
    id: EdgeIndex,
    credit: CreditId,
}

impl EdgeRef for Edge {
    type NodeId = NodeIndex;
    type EdgeId = EdgeIndex;
    type Weight = CreditId;

    fn source(&self) -> NodeIndex {
        self.source
    }

    fn target(&self) -> NodeIndex {
        self.target
    }

    fn weight(&self) -> &CreditId {
        &self.credit
    }

    fn id(&self) -> EdgeIndex {
        self.id
    }
}

/// The visited nodes of a search over a [`PersonWorkGraph`].
///
/// # Example
///
/// ```
/// use hallyu::petgraph::visit::{Bfs, VisitMap, Visitable};
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let filter = Filter::new();
/// let graph = explorer.person_work_graph(&filter);
/// let min_ho = graph.node(explorer.person("lee-min-ho")?.into());
/// let dara = graph.node(explorer.person("Dara")?.into());
///
/// let mut seen = graph.visit_map();
/// assert!(seen.visit(min_ho), "newly visited");
/// assert!(!seen.visit(min_ho), "already visited");
///
/// // A breadth-first search keeps the nodes it found in a `Visited`.
/// let mut bfs = Bfs::new(graph, min_ho);
/// while bfs.next(graph).is_some() {}
/// assert!(bfs.discovered.is_visited(&dara));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Visited(Vec<bool>);

impl VisitMap<NodeIndex> for Visited {
    fn visit(&mut self, a: NodeIndex) -> bool {
        !std::mem::replace(&mut self.0[a.index()], true)
    }

    fn is_visited(&self, a: &NodeIndex) -> bool {
        self.0[a.index()]
    }

    fn unvisit(&mut self, a: NodeIndex) -> bool {
        std::mem::replace(&mut self.0[a.index()], false)
    }
}

impl GraphBase for PersonWorkGraph<'_> {
    type EdgeId = EdgeIndex;
    type NodeId = NodeIndex;
}

impl petgraph::visit::GraphRef for PersonWorkGraph<'_> {}

impl GraphProp for PersonWorkGraph<'_> {
    type EdgeType = Undirected;
}

impl Data for PersonWorkGraph<'_> {
    type NodeWeight = ();
    type EdgeWeight = CreditId;
}

impl NodeCount for PersonWorkGraph<'_> {
    fn node_count(&self) -> usize {
        self.index.people() + self.index.works()
    }
}

impl NodeIndexable for PersonWorkGraph<'_> {
    fn node_bound(&self) -> usize {
        self.node_count()
    }

    fn to_index(&self, a: NodeIndex) -> usize {
        a.index()
    }

    fn from_index(&self, i: usize) -> NodeIndex {
        NodeIndex::new(i)
    }
}

impl NodeCompactIndexable for PersonWorkGraph<'_> {}

impl Visitable for PersonWorkGraph<'_> {
    type Map = Visited;

    fn visit_map(&self) -> Visited {
        Visited(vec![false; self.node_count()])
    }

    fn reset_map(&self, map: &mut Visited) {
        map.0.clear();
        map.0.resize(self.node_count(), false);
    }
}

impl<'e> IntoNodeIdentifiers for PersonWorkGraph<'e> {
    type NodeIdentifiers = std::iter::Map<std::ops::Range<usize>, fn(usize) -> NodeIndex>;

    fn node_identifiers(self) -> Self::NodeIdentifiers {
        (0..self.node_count()).map(NodeIndex::new)
    }
}

impl<'e> IntoEdges for PersonWorkGraph<'e> {
    type Edges = std::vec::IntoIter<Edge>;

    /// The edges of a node, each with the node as its source.
    fn edges(self, a: NodeIndex) -> Self::Edges {
        let people = self.index.people();
        let mut out = Vec::new();
        if a.index() < people {
            for (i, app) in self.index.person_apps(a.index() as u32) {
                if self.index.admits(&app, self.filter) {
                    out.push(self.edge(true, i as u32, &app));
                }
            }
        } else if a.index() < self.node_count() {
            let w = (a.index() - people) as u32;
            for (i, app) in self.index.work_apps(w) {
                if self.index.admits(&app, self.filter) {
                    out.push(self.edge(false, i as u32, &app));
                }
            }
        }
        out.into_iter()
    }
}

impl<'e> IntoNeighbors for PersonWorkGraph<'e> {
    type Neighbors = std::iter::Map<std::vec::IntoIter<Edge>, fn(Edge) -> NodeIndex>;

    fn neighbors(self, a: NodeIndex) -> Self::Neighbors {
        self.edges(a).map(|e| e.target)
    }
}

impl<'e> IntoEdgeReferences for PersonWorkGraph<'e> {
    type EdgeRef = Edge;
    type EdgeReferences = EdgeReferences<'e>;

    fn edge_references(self) -> EdgeReferences<'e> {
        EdgeReferences {
            graph: self,
            next: 0,
            person: 0,
        }
    }
}

/// Every edge of a [`PersonWorkGraph`], person to work, in person order.
///
/// # Example
///
/// ```
/// use hallyu::petgraph::visit::{EdgeRef, IntoEdgeReferences, IntoEdges};
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let filter = Filter::new();
/// let graph = explorer.person_work_graph(&filter);
/// let people = explorer.people().len();
/// // Every edge once, from its person.
/// assert!(graph.edge_references().all(|e| e.source().index() < people));
/// let edges_of = |p: hallyu::PersonId| graph.edges(graph.node(p.into())).count();
/// let per_person: usize = explorer.people().map(edges_of).sum();
/// assert_eq!(graph.edge_references().count(), per_person);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct EdgeReferences<'e> {
    graph: PersonWorkGraph<'e>,
    next: usize,
    /// The person whose row holds `next` (or an earlier one).
    person: u32,
}

impl Iterator for EdgeReferences<'_> {
    type Item = Edge;

    fn next(&mut self) -> Option<Edge> {
        let g = self.graph;
        while self.next < g.index.len() {
            let i = self.next;
            self.next += 1;
            while g.index.person_app_range(self.person).end <= i {
                self.person += 1;
            }
            let app = g.index.app_of(self.person, i);
            if g.index.admits(&app, g.filter) {
                return Some(g.edge(true, i as u32, &app));
            }
        }
        None
    }
}
