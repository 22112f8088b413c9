//! The person co-appearance projection as a CSR table ([`CoGraph`]:
//! distinct co-stars and the number of shared works), for the measures that
//! run one search per person (closeness, betweenness, the centre ranking).
//! It sees the same graph as the searches of
//! [`traverse`](crate::query::traverse) on the person–work index: an edge
//! between two people when they both have an admitted appearance on the
//! same work.

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::query::traverse::{Hops, Marks, node_set};
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
    /// Builds the projection person by person: each person's works, each
    /// work's cast, counted into a scratch row. Memory is the edges only,
    /// never the (person, person, work) triples: 1,000 people sharing 1,000
    /// works are a million edges, not half a billion triples.
    pub(crate) fn new(explorer: &Explorer, filter: &Filter) -> CoGraph {
        let index = &explorer.graph.index;
        let people = explorer.people().len();
        let mut offsets = Vec::with_capacity(people + 1);
        offsets.push(0u32);
        let (mut targets, mut weights) = (Vec::new(), Vec::new());
        // shared[q]: works shared with q so far; seen_work / seen_in_work
        // stamp what this person has counted, without clearing.
        let mut shared = vec![0u32; people];
        let mut seen_work = vec![u32::MAX; explorer.works().len()];
        let mut seen_in_work = vec![u32::MAX; people];
        let mut row: Vec<u32> = Vec::new();
        for p in 0..people as u32 {
            row.clear();
            for mine in index.of_person(p, filter) {
                let w = mine.work;
                if std::mem::replace(&mut seen_work[w as usize], p) == p {
                    continue;
                }
                for theirs in index.in_work(w, filter) {
                    let q = theirs.person;
                    // Once per work (a member may be credited twice).
                    if q == p || seen_in_work[q as usize] == w {
                        continue;
                    }
                    seen_in_work[q as usize] = w;
                    if shared[q as usize] == 0 {
                        row.push(q);
                    }
                    shared[q as usize] += 1;
                }
                // The next work may list the same people again.
                for theirs in index.in_work(w, filter) {
                    seen_in_work[theirs.person as usize] = u32::MAX;
                }
            }
            row.sort_unstable();
            for &q in &row {
                targets.push(q);
                weights.push(std::mem::take(&mut shared[q as usize]));
            }
            offsets.push(u32::try_from(targets.len()).expect("fewer than 2^32 co-appearances"));
        }
        let (nodes, node_count) = node_set(index, filter);
        CoGraph {
            nodes,
            node_count,
            offsets,
            targets,
            weights,
        }
    }

    /// A projection of `n` people, every one a node, from its edges (each
    /// pair once, in either order), each of weight 1.
    #[cfg(test)]
    pub(crate) fn from_edges(n: usize, edges: &[(u32, u32)]) -> CoGraph {
        let mut rows = vec![Vec::new(); n];
        for &(p, q) in edges {
            rows[p as usize].push(q);
            rows[q as usize].push(p);
        }
        let mut offsets = vec![0u32];
        let mut targets = Vec::new();
        for mut row in rows {
            row.sort_unstable();
            targets.extend(row);
            offsets.push(targets.len() as u32);
        }
        CoGraph {
            nodes: vec![true; n],
            node_count: n,
            offsets,
            weights: vec![1; targets.len()],
            targets,
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
    let name = |p: u32| explorer.name(explorer.graph.pid(p).into());
    name(a).cmp(name(b)).then(a.cmp(&b))
}
