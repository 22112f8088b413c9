//! [`Projection`]: the person co-appearance graph as keys, its sizes
//! stated and its lists cut.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;

use super::*;

/// The person co-appearance graph under a filter (`hallyu projection`):
/// its people (keys, in graph order) and its pairs (the two keys and the
/// keys of the works they share), each list cut at the limit with its
/// total beside it. The text is one tab-separated line per pair.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Options, Projection};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let p = Projection::of(&explorer, &Filter::new(), &Options::new().unlimited());
/// assert_eq!(p.nodes.len(), p.total_nodes);
/// let (a, b, works) = &p.edges[0];
/// assert!(p.to_string().starts_with(&format!("{a}\t{b}\t{}\n", works.join(","))));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Projection {
    /// How many people the graph has (`nodes` holds at most the limit).
    pub total_nodes: usize,
    /// The keys of its first people.
    pub nodes: Vec<String>,
    /// How many pairs it has (`edges` holds at most the limit).
    pub total_edges: usize,
    /// Its first pairs: the two keys and the keys of the works they share
    /// (JSON: `[a, b, [work, …]]`).
    pub edges: Vec<(String, String, Vec<String>)>,
}

impl Projection {
    /// The co-appearance graph of `filter` ([`Explorer::projection`]); the
    /// options' limit caps both lists.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Options, Projection};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let p = Projection::of(&explorer, &Filter::new(), &Options::new().limit(2));
    /// assert_eq!((p.nodes.len(), p.edges.len()), (2, 2));
    /// assert_eq!(p.total_nodes, explorer.projection(&Filter::new()).node_count());
    /// assert!(p.to_string().ends_with(&format!("… and {} more pairs\n", p.total_edges - 2)));
    /// ```
    pub fn of(explorer: &Explorer, filter: &Filter, options: &Options) -> Projection {
        let graph = explorer.projection(filter);
        let key = |p: PersonId| explorer.key(p.into()).into_owned();
        Projection {
            total_nodes: graph.node_count(),
            nodes: graph
                .graph()
                .node_weights()
                .take(options.limit)
                .map(|&p| key(p))
                .collect(),
            total_edges: graph.edge_count(),
            edges: graph
                .edges()
                .take(options.limit)
                .map(|(a, b, works)| {
                    let works = works.iter().map(|&w| explorer.get(w).key().into_owned());
                    (key(a), key(b), works.collect())
                })
                .collect(),
        }
    }
}

impl fmt::Display for Projection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (a, b, works) in &self.edges {
            writeln!(f, "{a}\t{b}\t{}", works.join(","))?;
        }
        match self.total_edges - self.edges.len() {
            0 => Ok(()),
            more => writeln!(f, "… and {more} more pairs"),
        }
    }
}
