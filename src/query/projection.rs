//! The person–person co-appearance graph as a petgraph graph.

use petgraph::Undirected;
use petgraph::graph::{Graph, NodeIndex};

use crate::algo::co_pairs;
use crate::algo::node_set;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{PersonId, Tag, WorkId};

/// The person co-appearance graph, created by [`Explorer::projection`]:
/// one node per person with a credit the filter counts, one undirected
/// edge per pair of people who share a counted work, holding the shared
/// works.
///
/// The petgraph graph is offered read-only, as an escape hatch for
/// petgraph's algorithms. Nodes are in person order; a node's weight is its
/// [`PersonId`] and [`Projection::node`] finds a person's node. An edge's
/// weight is the list of shared works, oldest first, so its length is the
/// strength of the tie.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let projection = explorer.projection(&Filter::new());
/// let c = explorer.components(&Filter::new());
/// assert_eq!(projection.node_count() + c.left_out(), explorer.people().len());
/// let (a, b) = (explorer.person("G-Dragon")?, explorer.person("Daesung")?);
/// assert!(projection.works_between(a, b).len() >= 2); // BIGBANG's videos
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Projection {
    graph: Graph<PersonId, Vec<WorkId>, Undirected>,
    /// Each person's node index, `u32::MAX` for people outside the node set.
    node_of: Vec<u32>,
    /// The explorer's tag, to tell its ids from others'.
    tag: Tag,
}

impl Projection {
    /// The petgraph graph.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let projection = explorer.projection(&Filter::new());
    /// let me = explorer.person("Park Seo-joon")?;
    /// let node = projection.node(me).unwrap();
    /// let graph = projection.graph();
    /// assert_eq!(graph[node], me);
    /// assert_eq!(graph.neighbors(node).count(), 27); // his co-stars
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn graph(&self) -> &Graph<PersonId, Vec<WorkId>, Undirected> {
        &self.graph
    }

    /// The petgraph graph, owned.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let graph = explorer.projection(&Filter::new()).into_graph();
    /// assert_eq!((graph.node_count(), graph.edge_count()), (149, 524));
    /// ```
    pub fn into_graph(self) -> Graph<PersonId, Vec<WorkId>, Undirected> {
        self.graph
    }

    /// The node of a person in [`Projection::graph`], or `None` when the
    /// person has no credit the filter counts.
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let projection = explorer.projection(&Filter::new());
    /// let iu = explorer.person("IU")?;
    /// assert_eq!(projection.graph()[projection.node(iu).unwrap()], iu);
    /// assert_eq!(projection.node(explorer.person("Tamar Herman")?), None); // in no work
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    #[track_caller]
    pub fn node(&self, person: PersonId) -> Option<NodeIndex> {
        assert!(
            person.1 == self.tag && person.index() < self.node_of.len(),
            "{person:?} is not an id of the explorer of this projection (@{})",
            self.tag.0
        );
        match self.node_of.get(person.index()) {
            Some(&n) if n != u32::MAX => Some(NodeIndex::new(n as usize)),
            _ => None,
        }
    }

    /// The works two people share, oldest first (empty when they share
    /// none).
    ///
    /// # Panics
    ///
    /// When `a` or `b` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let projection = explorer.projection(&Filter::new());
    /// let me = explorer.person("Park Seo-joon")?;
    /// let works = projection.works_between(me, explorer.person("Choi Woo-shik")?);
    /// assert_eq!(works.len(), 5);
    /// assert_eq!(explorer.get(works[0]).title(), "Parasite"); // the oldest
    /// assert!(projection.works_between(me, explorer.person("Junsu")?).is_empty());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn works_between(&self, a: PersonId, b: PersonId) -> &[WorkId] {
        let (Some(x), Some(y)) = (self.node(a), self.node(b)) else {
            return &[];
        };
        self.graph
            .find_edge(x, y)
            .map_or(&[], |e| self.graph[e].as_slice())
    }

    /// The number of people (nodes).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let projection = explorer.projection(&f);
    /// assert_eq!(projection.node_count(), 149);
    /// assert_eq!(projection.node_count(), explorer.centre_ranking(&f).len());
    /// ```
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// The number of co-appearing pairs (edges).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let projection = explorer.projection(&Filter::new());
    /// assert_eq!(projection.edge_count(), 524);
    /// assert_eq!(projection.edge_count(), projection.edges().count());
    /// ```
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Every edge as `(a, b, works)` with `a < b`, sorted.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let projection = explorer.projection(&Filter::new());
    /// let (a, b, works) = projection.edges().max_by_key(|(_, _, works)| works.len()).unwrap();
    /// let names = (explorer.get(a).name(), explorer.get(b).name());
    /// assert_eq!(names, ("Choi Woo-shik", "Park Seo-joon")); // the strongest tie
    /// assert_eq!(works.len(), 5);
    /// let shared: usize = projection.edges().map(|(_, _, works)| works.len()).sum();
    /// assert_eq!(shared, 626); // pairs of people and a work they share
    /// ```
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
    /// The number of co-appearances under `filter`: over the works the
    /// filter counts, `c · (c − 1) / 2` for a cast of `c` people. The
    /// projection ([`Explorer::projection`]) has at most this many edges
    /// and holds exactly this many (pair, work) entries, so its memory
    /// grows with it: a title with a cast of 100,000 is five billion. One
    /// pass over the works, nothing built; the
    /// `projection` command and the answer
    /// [`Projection`](crate::query::answer::Projection) refuse above
    /// [`answer::Projection::MAX_PAIRS`](crate::query::answer::Projection::MAX_PAIRS).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let pairs = explorer.co_appearance_count(&f);
    /// let projection = explorer.projection(&f);
    /// let entries: usize = projection.edges().map(|(_, _, works)| works.len()).sum();
    /// assert_eq!(pairs, entries as u64);
    /// assert!(pairs >= projection.edge_count() as u64);
    /// ```
    pub fn co_appearance_count(&self, filter: &Filter) -> u64 {
        crate::algo::co_pair_count(self.graph.index(), filter)
    }

    /// The person co-appearance graph under a filter, weighted by shared
    /// works: the graph every analytic of this crate works on.
    ///
    /// The nodes are the people with a credit the filter counts (the node
    /// set of every whole-graph measure; people alone on their works are
    /// isolated nodes); two people are joined when they both have a credit
    /// the filter counts on the same work.
    ///
    /// It is built whatever its size, which grows with the square of the
    /// largest casts ([`Explorer::co_appearance_count`] entries): on data
    /// with huge casts, check that count first (the
    /// answer [`Projection`](crate::query::answer::Projection) refuses above
    /// [`MAX_PAIRS`](crate::query::answer::Projection::MAX_PAIRS)).
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
        let (nodes, count) = node_set(self.graph.index(), filter);
        let mut graph = Graph::with_capacity(count, 0);
        let node_of: Vec<u32> = self
            .people()
            .map(|p| {
                if nodes[p.index()] {
                    graph.add_node(p).index() as u32
                } else {
                    u32::MAX
                }
            })
            .collect();
        let pairs = co_pairs(self.graph.index(), filter);
        let mut i = 0;
        while i < pairs.len() {
            let (a, b, _) = pairs[i];
            let mut works = Vec::new();
            while i < pairs.len() && (pairs[i].0, pairs[i].1) == (a, b) {
                works.push(self.graph.wid(pairs[i].2));
                i += 1;
            }
            works.sort_by(|&x, &y| self.release_order(x, y));
            graph.add_edge(
                NodeIndex::new(node_of[a as usize] as usize),
                NodeIndex::new(node_of[b as usize] as usize),
                works,
            );
        }
        Projection {
            graph,
            node_of,
            tag: self.graph.tag(),
        }
    }
}
