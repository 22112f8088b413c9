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
    /// Per work, how many members were taken out as leaves (people whose
    /// only work it is; see [`Compact::without_leaves`]); empty when none
    /// were.
    pub(crate) leaves: Vec<u32>,
}

/// Where a search starts in a [`Compact`] taken apart by
/// [`Compact::without_leaves`]: at a person that is still in it, or at the
/// one work of a person taken out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Start {
    /// A person (local id).
    Person(u32),
    /// The one work (local id) of a person taken out as a leaf.
    Work(u32),
}

impl From<u32> for Start {
    fn from(person: u32) -> Start {
        Start::Person(person)
    }
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

    /// The component without its leaves: the people with one work only
    /// are taken out and counted per work ([`Compact::leaves`]), and the
    /// others keep their order and get new local ids (works keep theirs).
    /// Returns it with, for every person of `self`, where a search from
    /// them starts in it.
    ///
    /// A leaf is one hop beyond its work's other members, whoever the
    /// source is: a search that reaches the work at level `d` reaches its
    /// leaves at `d + 1` and goes no further through them. So the leaves
    /// need no place in the passes (on the large synthetic set they are
    /// 44% of the people), and all the leaves of one work have the same
    /// distances: one search from their work serves them all.
    pub(crate) fn without_leaves(&self) -> (Compact, Vec<Start>) {
        let mut starts = Vec::with_capacity(self.len());
        let mut kept: Vec<u32> = Vec::new();
        let mut new = vec![u32::MAX; self.len()];
        let mut leaves = vec![0u32; self.works()];
        for (p, new) in new.iter_mut().enumerate() {
            match self.works_of(p) {
                &[w] => {
                    leaves[w as usize] += 1;
                    starts.push(Start::Work(w));
                }
                _ => {
                    *new = kept.len() as u32;
                    starts.push(Start::Person(kept.len() as u32));
                    kept.push(p as u32);
                }
            }
        }
        let (p_off, p_adj) = renumbered(
            &kept,
            |p| self.works_of(p),
            &(0..self.works() as u32).collect::<Vec<_>>(),
        );
        let mut w_off = Vec::with_capacity(self.works() + 1);
        let mut w_adj = Vec::with_capacity(p_adj.len());
        w_off.push(0u32);
        for w in 0..self.works() {
            w_adj.extend(
                self.cast_of(w)
                    .iter()
                    .map(|&q| new[q as usize])
                    .filter(|&q| q != u32::MAX),
            );
            w_off.push(w_adj.len() as u32);
        }
        let people: Vec<u32> = kept.iter().map(|&p| self.people[p as usize]).collect();
        let mut by_id: Vec<u32> = (0..people.len() as u32).collect();
        by_id.sort_unstable_by_key(|&l| people[l as usize]);
        let core = Compact {
            reach: kept.iter().map(|&p| self.reach[p as usize]).collect(),
            people,
            by_id,
            p_off,
            p_adj,
            w_off,
            w_adj,
            node_count: self.node_count,
            leaves,
        };
        (core, starts)
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
