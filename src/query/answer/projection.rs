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
/// let p = Projection::of(&explorer, &Filter::new(), &Options::new().unlimited())?;
/// assert_eq!(p.nodes.len(), p.total_nodes);
/// let (a, b, works) = &p.edges[0];
/// assert!(p.to_string().starts_with(&format!("{a}\t{b}\t{}\n", works.join(","))));
/// # Ok::<(), hallyu::Error>(())
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
    /// The largest projection built, in co-appearances
    /// ([`Explorer::co_appearance_count`]): 1,000,000. The projection grows
    /// with the square of a cast (a title with 100,000 people in it is five
    /// billion co-appearances), and so do its answer and its exports: at
    /// the limit (one clique of 1,414 people) the answer's JSON takes about
    /// 0.7 GB and 2 s, the node-link JSON export 1.8 GB and 6 s (a clique of
    /// 4,400, ten times over, took 17 GB and two minutes). Above it
    /// [`Projection::of`] and [`Projection::check`] refuse, before anything
    /// is built.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Projection;
    ///
    /// assert_eq!(Projection::MAX_PAIRS, 1_000_000);
    /// ```
    pub const MAX_PAIRS: u64 = 1_000_000;

    /// The number of co-appearances of `filter`'s projection, or an error
    /// when it is above [`Projection::MAX_PAIRS`]: one pass over the works,
    /// nothing built. The `projection` command and its exports
    /// (`export --projection`) ask this first.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue)
    /// naming the count and the limit, and how to narrow the filter.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Projection;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let pairs = Projection::check(&explorer, &Filter::new())?;
    /// assert_eq!(pairs, explorer.co_appearance_count(&Filter::new()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn check(explorer: &Explorer, filter: &Filter) -> crate::error::Result<u64> {
        let pairs = explorer.co_appearance_count(filter);
        if pairs > Projection::MAX_PAIRS {
            return Err(crate::error::Error::new(
                crate::error::ErrorKind::InvalidValue {
                    what: "projection size",
                    value: format!("{pairs} co-appearances"),
                    expected: vec![format!(
                        "at most {} (the projection and its exports grow with the square of a \
                         cast); narrow the filter (--kinds, --years, --roles)",
                        Projection::MAX_PAIRS
                    )],
                },
            ));
        }
        Ok(pairs)
    }

    /// The co-appearance graph of `filter` ([`Explorer::projection`]); the
    /// options' limit caps both lists.
    ///
    /// # Errors
    ///
    /// As [`Projection::check`]: above [`Projection::MAX_PAIRS`]
    /// co-appearances, nothing is built.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Options, Projection};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let p = Projection::of(&explorer, &Filter::new(), &Options::new().limit(2))?;
    /// assert_eq!((p.nodes.len(), p.edges.len()), (2, 2));
    /// assert_eq!(p.total_nodes, explorer.projection(&Filter::new()).node_count());
    /// assert!(p.to_string().ends_with(&format!("… and {} more pairs\n", p.total_edges - 2)));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(
        explorer: &Explorer,
        filter: &Filter,
        options: &Options,
    ) -> crate::error::Result<Projection> {
        Projection::check(explorer, filter)?;
        let graph = explorer.projection(filter);
        let key = |p: PersonId| explorer.key(p.into()).into_owned();
        Ok(Projection {
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
        })
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
