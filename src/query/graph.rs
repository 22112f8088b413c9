//! The person co-appearance graph behind the analytics, in two forms:
//!
//! * [`Bfs`] walks person → work → person on the compact index directly,
//!   with flat arrays sized to the people and works (no projection built);
//! * [`CoGraph`] is the projection as a CSR table (distinct co-stars and the
//!   number of shared works), for the measures that run one search per
//!   person (closeness, betweenness, the centre ranking).
//!
//! Both see the same graph: one node per person of the explorer, an edge
//! between two people when they both have an admitted appearance on the same
//! work.

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::TraversalIndex;

/// "Not reached" in a distance array.
pub(crate) const UNREACHED: u32 = u32::MAX;

/// Breadth-first search over person → work → person hops, reusable: every
/// run resets only what the previous run touched.
pub(crate) struct Bfs<'a> {
    index: &'a TraversalIndex,
    filter: &'a Filter,
    /// Distance of each person from the last source, [`UNREACHED`] if not reached.
    pub(crate) dist: Vec<u32>,
    /// The people reached by the last run, in order of discovery.
    pub(crate) order: Vec<u32>,
    /// `work_round[w] == round` when work `w` was expanded in this run.
    work_round: Vec<u32>,
    /// `person_round[p] == stamp` marks people already listed by [`Bfs::costars`].
    person_round: Vec<u32>,
    round: u32,
    stamp: u32,
}

impl<'a> Bfs<'a> {
    pub(crate) fn new(explorer: &'a Explorer, filter: &'a Filter) -> Bfs<'a> {
        let people = explorer.people().len();
        Bfs {
            index: &explorer.graph.index,
            filter,
            dist: vec![UNREACHED; people],
            order: Vec::new(),
            work_round: vec![0; explorer.works().len()],
            person_round: vec![0; people],
            round: 0,
            stamp: 0,
        }
    }

    /// Runs from `source`, expanding people up to `max_depth` hops away
    /// (people at `max_depth` are reached but not expanded) and at most
    /// `max_people` people in all.
    pub(crate) fn run(&mut self, source: u32, max_depth: u32, max_people: usize) {
        for &p in &self.order {
            self.dist[p as usize] = UNREACHED;
        }
        self.order.clear();
        self.round = self.round.wrapping_add(1);
        if self.round == 0 {
            self.work_round.fill(0);
            self.round = 1;
        }
        if source as usize >= self.dist.len() || max_people == 0 {
            return;
        }
        self.dist[source as usize] = 0;
        self.order.push(source);
        let mut head = 0;
        while head < self.order.len() {
            let p = self.order[head];
            head += 1;
            let d = self.dist[p as usize];
            if d >= max_depth {
                continue;
            }
            for mine in self.index.of_person(p, self.filter) {
                let w = mine.work as usize;
                if self.work_round[w] == self.round {
                    continue;
                }
                self.work_round[w] = self.round;
                for theirs in self.index.in_work(mine.work, self.filter) {
                    let q = theirs.person as usize;
                    if self.dist[q] == UNREACHED {
                        if self.order.len() >= max_people {
                            return;
                        }
                        self.dist[q] = d + 1;
                        self.order.push(theirs.person);
                    }
                }
            }
        }
    }

    /// Runs from `source` with no bound.
    pub(crate) fn run_all(&mut self, source: u32) {
        self.run(source, u32::MAX, usize::MAX);
    }

    /// Calls `f` once for each distinct co-star of `p` (never `p` itself).
    pub(crate) fn costars(&mut self, p: u32, mut f: impl FnMut(u32)) {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.person_round.fill(0);
            self.stamp = 1;
        }
        let stamp = self.stamp;
        self.person_round[p as usize] = stamp;
        for mine in self.index.of_person(p, self.filter) {
            for theirs in self.index.in_work(mine.work, self.filter) {
                let q = theirs.person;
                if self.person_round[q as usize] != stamp {
                    self.person_round[q as usize] = stamp;
                    f(q);
                }
            }
        }
    }

    /// The distinct co-stars of `p`, in index order.
    pub(crate) fn costar_list(&mut self, p: u32) -> Vec<u32> {
        let mut out = Vec::new();
        self.costars(p, |q| out.push(q));
        out.sort_unstable();
        out
    }
}

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
        let mut offsets = vec![0u32; people + 1];
        for &(a, b, _) in &edges {
            offsets[a as usize + 1] += 1;
            offsets[b as usize + 1] += 1;
        }
        for i in 0..people {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; edges.len() * 2];
        let mut weights = vec![0u32; edges.len() * 2];
        for &(a, b, n) in &edges {
            for (from, to) in [(a, b), (b, a)] {
                let slot = &mut fill[from as usize];
                targets[*slot as usize] = to;
                weights[*slot as usize] = n;
                *slot += 1;
            }
        }
        CoGraph {
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

    /// Breadth-first search from `source`: fills `dist` (which must hold
    /// [`UNREACHED`] everywhere the previous `order` does not say otherwise)
    /// and `order`, after resetting the entries of the previous run.
    pub(crate) fn bfs(&self, source: u32, dist: &mut [u32], order: &mut Vec<u32>) {
        for &p in order.iter() {
            dist[p as usize] = UNREACHED;
        }
        order.clear();
        dist[source as usize] = 0;
        order.push(source);
        let mut head = 0;
        while head < order.len() {
            let p = order[head];
            head += 1;
            let d = dist[p as usize] + 1;
            for &q in self.neighbours(p) {
                if dist[q as usize] == UNREACHED {
                    dist[q as usize] = d;
                    order.push(q);
                }
            }
        }
    }
}

/// Orders people by name, then by id (for names shared by two people).
pub(crate) fn by_name(explorer: &Explorer, a: u32, b: u32) -> std::cmp::Ordering {
    use crate::id::PersonId;
    let name = |p: u32| explorer.name(PersonId(p).into());
    name(a).cmp(name(b)).then(a.cmp(&b))
}
