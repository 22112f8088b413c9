//! The person–person co-appearance graph as a petgraph graph.

use petgraph::Undirected;
use petgraph::graph::{Graph, NodeIndex};

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{PersonId, WorkId};
use crate::query::graph::co_pairs;

/// The person co-appearance graph, created by [`Explorer::projection`]:
/// one node per person, one undirected edge per pair of people who share
/// a counted work, holding the shared works.
///
/// The petgraph graph is offered read-only, as an escape hatch for
/// petgraph's algorithms. Node `i` is the person with index `i`
/// ([`PersonId::index`]); its weight is the [`PersonId`]. An edge's weight
/// is the list of shared works, oldest first, so its length is the
/// strength of the tie.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let projection = explorer.projection(&Filter::new());
/// assert_eq!(projection.node_count(), explorer.people().len());
/// let (a, b) = (explorer.person("G-Dragon")?, explorer.person("Daesung")?);
/// assert!(projection.works_between(a, b).len() >= 2); // BIGBANG's videos
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Projection {
    graph: Graph<PersonId, Vec<WorkId>, Undirected>,
}

impl Projection {
    /// The petgraph graph.
    pub fn graph(&self) -> &Graph<PersonId, Vec<WorkId>, Undirected> {
        &self.graph
    }

    /// The petgraph graph, owned.
    pub fn into_graph(self) -> Graph<PersonId, Vec<WorkId>, Undirected> {
        self.graph
    }

    /// The node of a person in [`Projection::graph`].
    pub fn node(&self, person: PersonId) -> NodeIndex {
        NodeIndex::new(person.index())
    }

    /// The works two people share, oldest first (empty when they share
    /// none).
    pub fn works_between(&self, a: PersonId, b: PersonId) -> &[WorkId] {
        self.graph
            .find_edge(self.node(a), self.node(b))
            .map_or(&[], |e| self.graph[e].as_slice())
    }

    /// The number of people (nodes).
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// The number of co-appearing pairs (edges).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Every edge as `(a, b, works)` with `a < b`, sorted.
    pub fn edges(&self) -> impl Iterator<Item = (PersonId, PersonId, &[WorkId])> + '_ {
        self.graph.raw_edges().iter().map(|e| {
            (
                self.graph[e.source()],
                self.graph[e.target()],
                e.weight.as_slice(),
            )
        })
    }
}

impl Explorer {
    /// The person co-appearance graph under a filter, weighted by shared
    /// works: the graph every analytic of this crate works on.
    ///
    /// Every person of the explorer is a node (people without a counted work
    /// are isolated); two people are joined when they both have a credit the
    /// filter counts on the same work.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    /// use hallyu::petgraph::algo::connected_components;
    ///
    /// let explorer = Explorer::bundled();
    /// let projection = explorer.projection(&Filter::new());
    /// let a = explorer.person("Park Seo-joon")?;
    /// let b = explorer.person("Choi Woo-shik")?;
    /// let works = projection.works_between(a, b);
    /// assert!(works.iter().any(|&w| explorer.get(w).title() == "Parasite"));
    /// assert_eq!(works.len(), explorer.shared_works(a, b, &Filter::new()).len());
    /// assert_eq!(connected_components(projection.graph()), explorer.components(&Filter::new()).len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn projection(&self, filter: &Filter) -> Projection {
        let mut graph = Graph::with_capacity(self.people().len(), 0);
        for p in self.people() {
            graph.add_node(p);
        }
        let pairs = co_pairs(self, filter);
        let mut i = 0;
        while i < pairs.len() {
            let (a, b, _) = pairs[i];
            let mut works = Vec::new();
            while i < pairs.len() && (pairs[i].0, pairs[i].1) == (a, b) {
                works.push(WorkId(pairs[i].2));
                i += 1;
            }
            works.sort_by(|&x, &y| self.release_order(x, y));
            graph.add_edge(
                NodeIndex::new(a as usize),
                NodeIndex::new(b as usize),
                works,
            );
        }
        Projection { graph }
    }
}
