//! One connected component of a filter's person–work graph with its own
//! dense ids ([`Compact`]), the graph form of the multi-source searches of
//! [`algo::multi`](crate::algo::multi), which also builds it.

/// One connected component of the filter's person–work graph, with its own
/// dense ids (local ids): people `0..len()` and the works linking at least
/// two of them, each person–work link once. `Compact::largest` (in
/// [`algo::multi`](crate::algo::multi)) numbers
/// them in id order; `Compact::in_search_order` renumbers them in the
/// order a breadth-first search reaches them, so that neighbours sit near
/// each other in memory.
pub(crate) struct Compact {
    /// Local id → person id.
    pub(crate) people: Vec<u32>,
    /// The local ids in person id order.
    pub(crate) by_id: Vec<u32>,
    pub(crate) p_off: Vec<u32>,
    pub(crate) p_adj: Vec<u32>,
    pub(crate) w_off: Vec<u32>,
    pub(crate) w_adj: Vec<u32>,
    /// For each person, Σ over their works of (cast − 1): an upper bound on
    /// their number of distinct neighbours.
    pub(crate) reach: Vec<u32>,
    /// How many people are nodes of the filter's graph (every component).
    pub(crate) node_count: usize,
}

impl Compact {
    /// The local id of person `person` (a person id), if in the component.
    pub(crate) fn local(&self, person: u32) -> Option<u32> {
        self.by_id
            .binary_search_by_key(&person, |&l| self.people[l as usize])
            .ok()
            .map(|i| self.by_id[i])
    }

    /// The number of people of the component.
    pub(crate) fn len(&self) -> usize {
        self.people.len()
    }

    pub(crate) fn works(&self) -> usize {
        self.w_off.len() - 1
    }

    #[inline]
    pub(crate) fn works_of(&self, p: usize) -> &[u32] {
        &self.p_adj[self.p_off[p] as usize..self.p_off[p + 1] as usize]
    }

    #[inline]
    pub(crate) fn cast_of(&self, w: usize) -> &[u32] {
        &self.w_adj[self.w_off[w] as usize..self.w_off[w + 1] as usize]
    }

    /// The number of person–work links.
    pub(crate) fn links(&self) -> usize {
        self.p_adj.len()
    }

    /// The number of works of person `p` (local id).
    pub(crate) fn degree(&self, p: usize) -> usize {
        self.works_of(p).len()
    }
}

/// The CSR table whose row `i` is row `old[i]` of `rows`, its entries
/// renumbered by `new` and sorted.
pub(crate) fn renumbered<'a>(
    old: &[u32],
    rows: impl Fn(usize) -> &'a [u32],
    new: &[u32],
) -> (Vec<u32>, Vec<u32>) {
    let mut off = Vec::with_capacity(old.len() + 1);
    let mut adj = Vec::new();
    off.push(0u32);
    for &o in old {
        let start = adj.len();
        adj.extend(rows(o as usize).iter().map(|&x| new[x as usize]));
        adj[start..].sort_unstable();
        off.push(adj.len() as u32);
    }
    (off, adj)
}
