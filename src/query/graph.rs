//! The person co-appearance projection as a CSR table ([`CoGraph`]:
//! distinct co-stars and the number of shared works), for the measures that
//! run one search per person (closeness, betweenness, the centre ranking).
//! It sees the same graph as the searches of
//! [`traverse`](crate::query::traverse) on the person–work index: an edge
//! between two people when they both have an admitted appearance on the
//! same work.

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::query::traverse::{Hops, Marks, group_by, node_set};
use std::ops::ControlFlow;

/// Every pair of people who share an admitted work, as `(a, b, work)` with
/// `a < b`, sorted and without duplicates.
pub(crate) fn co_pairs(explorer: &Explorer, filter: &Filter) -> Vec<(u32, u32, u32)> {
    let index = &explorer.graph.index;
    let mut pairs = Vec::new();
    let mut cast: Vec<u32> = Vec::new();
    for w in 0..explorer.works().len() as u32 {
        cast.clear();
        cast.extend(index.in_work(w, filter).map(|a| a.person));
        cast.sort_unstable();
        cast.dedup();
        for (i, &a) in cast.iter().enumerate() {
            for &b in &cast[i + 1..] {
                pairs.push((a, b, w));
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The person projection as a CSR table: for each person, the distinct
/// co-stars and how many works they share.
pub(crate) struct CoGraph {
    /// The people of the filter's graph ([`node_set`]).
    pub(crate) nodes: Vec<bool>,
    /// How many they are.
    pub(crate) node_count: usize,
    offsets: Vec<u32>,
    targets: Vec<u32>,
    weights: Vec<u32>,
}

impl CoGraph {
    pub(crate) fn new(explorer: &Explorer, filter: &Filter) -> CoGraph {
        let people = explorer.people().len();
        let pairs = co_pairs(explorer, filter);
        // Collapse (a, b, work) runs into weighted edges.
        let mut edges: Vec<(u32, u32, u32)> = Vec::new();
        for &(a, b, _) in &pairs {
            match edges.last_mut() {
                Some((x, y, n)) if (*x, *y) == (a, b) => *n += 1,
                _ => edges.push((a, b, 1)),
            }
        }
        let both: Vec<(u32, u32, u32)> = edges
            .iter()
            .flat_map(|&(a, b, n)| [(a, b, n), (b, a, n)])
            .collect();
        let (offsets, rows) = group_by(people, &both, |e| e.0 as usize);
        let targets = rows.iter().map(|e| e.1).collect();
        let weights = rows.iter().map(|e| e.2).collect();
        let (nodes, node_count) = node_set(&explorer.graph.index, filter);
        CoGraph {
            nodes,
            node_count,
            offsets,
            targets,
            weights,
        }
    }

    /// The number of people (nodes).
    pub(crate) fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    fn range(&self, p: u32) -> std::ops::Range<usize> {
        self.offsets[p as usize] as usize..self.offsets[p as usize + 1] as usize
    }

    /// The distinct co-stars of `p`.
    pub(crate) fn neighbours(&self, p: u32) -> &[u32] {
        &self.targets[self.range(p)]
    }

    /// The number of works `p` shares with each co-star, in the order of
    /// [`CoGraph::neighbours`].
    pub(crate) fn weights(&self, p: u32) -> &[u32] {
        &self.weights[self.range(p)]
    }
}

impl Hops for &CoGraph {
    fn nodes(&self) -> usize {
        self.len()
    }

    fn marks(&self) -> usize {
        0
    }

    fn expand(
        &self,
        p: u32,
        _marks: &mut Marks,
        mut f: impl FnMut(u32) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        for &q in self.neighbours(p) {
            f(q)?;
        }
        ControlFlow::Continue(())
    }
}

/// Orders people by name, then by id (for names shared by two people).
pub(crate) fn by_name(explorer: &Explorer, a: u32, b: u32) -> std::cmp::Ordering {
    use crate::id::PersonId;
    let name = |p: u32| explorer.name(PersonId(p).into());
    name(a).cmp(name(b)).then(a.cmp(&b))
}
