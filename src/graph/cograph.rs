//! The person co-appearance projection as a CSR table ([`CoGraph`]:
//! distinct co-stars and the number of shared works), for the measures that
//! run one search per person (closeness, betweenness, the centre ranking).
//! [`algo::co_graph`](crate::algo::co_graph) builds it from the person–work
//! index: an edge between two people when they both have an admitted
//! appearance on the same work.

/// The person projection as a CSR table: for each person, the distinct
/// co-stars and how many works they share.
pub(crate) struct CoGraph {
    /// The people of the filter's graph (`algo::node_set`).
    pub(crate) nodes: Vec<bool>,
    /// How many they are.
    pub(crate) node_count: usize,
    pub(crate) offsets: Vec<u32>,
    pub(crate) targets: Vec<u32>,
    pub(crate) weights: Vec<u32>,
}

impl CoGraph {
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
