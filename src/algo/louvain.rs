//! The parts of Louvain that Leiden keeps ([`super::leiden`] puts them
//! together): a level's weighted graph, the fast local moving of nodes
//! between communities, the aggregation of a level into the next, and the
//! modularity of a partition.

use std::collections::VecDeque;

use crate::graph::cograph::CoGraph;

/// A weighted graph of one level: CSR rows of `(neighbour, weight)`, and
/// each node's self-loop weight (the weight inside the aggregate).
pub(super) struct Level {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    self_loops: Vec<f64>,
}

impl Level {
    /// The first level: the nodes `people` of `g` (`index` gives each
    /// person's place in `people`) and their co-stars, weighted by the
    /// works they share.
    pub(super) fn of(g: &CoGraph, people: &[u32], index: &[u32]) -> Level {
        let mut offsets = Vec::with_capacity(people.len() + 1);
        offsets.push(0);
        let edges = people.iter().map(|&p| g.neighbours(p).len()).sum();
        let (mut targets, mut weights) = (Vec::with_capacity(edges), Vec::with_capacity(edges));
        for &p in people {
            for (&q, &w) in g.neighbours(p).iter().zip(g.weights(p)) {
                targets.push(index[q as usize]);
                weights.push(f64::from(w));
            }
            offsets.push(targets.len());
        }
        Level {
            offsets,
            targets,
            weights,
            self_loops: vec![0.0; people.len()],
        }
    }

    /// The number of nodes.
    pub(super) fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The neighbours of `u` with the weight of the edge to each.
    pub(super) fn row(&self, u: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let r = self.offsets[u]..self.offsets[u + 1];
        self.targets[r.clone()]
            .iter()
            .zip(&self.weights[r])
            .map(|(&v, &w)| (v as usize, w))
    }

    /// The weighted degree of `u`, a self-loop counted twice (as NetworkX).
    pub(super) fn degree(&self, u: usize) -> f64 {
        self.row(u).map(|(_, w)| w).sum::<f64>() + 2.0 * self.self_loops[u]
    }

    /// Every node's weighted degree.
    pub(super) fn degrees(&self) -> Vec<f64> {
        (0..self.len()).map(|u| self.degree(u)).collect()
    }
}

/// A small deterministic generator (SplitMix64) for the order of the nodes
/// and the random choices of the refinement.
pub(super) struct SplitMix(pub(super) u64);

impl SplitMix {
    /// The next 64 random bits.
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`.
    pub(super) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// `v` in a random order.
    pub(super) fn shuffle(&mut self, v: &mut [u32]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Weights from one node to each neighbouring community: a dense table
/// reset after each node through the list of communities it touched.
pub(super) struct Tally {
    to: Vec<f64>,
    seen: Vec<bool>,
    pub(super) touched: Vec<u32>,
}

impl Tally {
    /// A tally for labels below `n`.
    pub(super) fn new(n: usize) -> Tally {
        Tally {
            to: vec![0.0; n],
            seen: vec![false; n],
            touched: Vec::new(),
        }
    }

    /// Adds `w` to the weight towards `c`.
    pub(super) fn add(&mut self, c: u32, w: f64) {
        if !self.seen[c as usize] {
            self.seen[c as usize] = true;
            self.touched.push(c);
        }
        self.to[c as usize] += w;
    }

    /// The weight towards `c`.
    pub(super) fn get(&self, c: u32) -> f64 {
        self.to[c as usize]
    }

    /// Forgets every weight.
    pub(super) fn clear(&mut self) {
        for &c in &self.touched {
            self.to[c as usize] = 0.0;
            self.seen[c as usize] = false;
        }
        self.touched.clear();
    }
}

/// The fast local moving of Leiden: from the partition `community`
/// (labels below the number of nodes), each node in a random order to the
/// neighbouring community of the largest gain in modularity (or to an
/// empty one when every gain is negative); a node that moved puts its
/// neighbours outside its new community back in the queue, until the queue
/// is empty.
pub(super) fn local_moves(
    level: &Level,
    community: &mut [u32],
    two_m: f64,
    resolution: f64,
    rng: &mut SplitMix,
) {
    let n = level.len();
    let degree = level.degrees();
    let mut total = vec![0.0f64; n];
    let mut size = vec![0u32; n];
    for u in 0..n {
        total[community[u] as usize] += degree[u];
        size[community[u] as usize] += 1;
    }
    let mut empty: Vec<u32> = (0..n as u32).filter(|&c| size[c as usize] == 0).collect();
    let mut order: Vec<u32> = (0..n as u32).collect();
    rng.shuffle(&mut order);
    let mut queue: VecDeque<u32> = order.into();
    let mut queued = vec![true; n];
    let mut tally = Tally::new(n);
    let m = two_m / 2.0;
    while let Some(u) = queue.pop_front() {
        let u = u as usize;
        queued[u] = false;
        let own = community[u];
        for (v, w) in level.row(u) {
            if v != u {
                tally.add(community[v], w);
            }
        }
        let k = degree[u];
        total[own as usize] -= k;
        size[own as usize] -= 1;
        // The gain of joining c (as NetworkX's Louvain): 0 for an empty one.
        let gain =
            |c: u32, to_c: f64| to_c / m - resolution * total[c as usize] * k / (2.0 * m * m);
        let (mut best, mut best_gain) = (own, gain(own, tally.get(own)));
        for &c in &tally.touched {
            let g = gain(c, tally.get(c));
            if g > best_gain + 1e-12 {
                (best, best_gain) = (c, g);
            }
        }
        if best_gain < -1e-12 && size[own as usize] > 0 {
            // Some label is empty: fewer nodes than labels are placed.
            best = empty.pop().unwrap_or(own);
        }
        tally.clear();
        total[best as usize] += k;
        size[best as usize] += 1;
        if size[own as usize] == 0 && best != own {
            empty.push(own);
        }
        if best != own {
            community[u] = best;
            for (v, _) in level.row(u) {
                if !queued[v] && community[v] != best {
                    queued[v] = true;
                    queue.push_back(v as u32);
                }
            }
        }
    }
}

/// Labels numbered from 0 in order of first appearance, and how many.
pub(super) fn renumber(labels: &mut [u32]) -> usize {
    let mut number = vec![u32::MAX; labels.len()];
    let mut count = 0u32;
    for l in labels.iter_mut() {
        if number[*l as usize] == u32::MAX {
            number[*l as usize] = count;
            count += 1;
        }
        *l = number[*l as usize];
    }
    count as usize
}

/// The next level: one node a community (labels below `count`), the
/// weights between communities summed, the weight inside each a self-loop.
pub(super) fn aggregate(level: &Level, community: &[u32], count: usize) -> Level {
    // The nodes of each community, by a counting sort.
    let mut start = vec![0usize; count + 1];
    for &c in community {
        start[c as usize + 1] += 1;
    }
    for c in 0..count {
        start[c + 1] += start[c];
    }
    let mut next = start.clone();
    let mut members = vec![0u32; community.len()];
    for (u, &c) in community.iter().enumerate() {
        members[next[c as usize]] = u as u32;
        next[c as usize] += 1;
    }
    let mut offsets = Vec::with_capacity(count + 1);
    offsets.push(0);
    let (mut targets, mut weights) = (Vec::new(), Vec::new());
    let mut self_loops = vec![0.0; count];
    let mut tally = Tally::new(count);
    for c in 0..count {
        for &u in &members[start[c]..start[c + 1]] {
            let u = u as usize;
            self_loops[c] += level.self_loops[u];
            for (v, w) in level.row(u) {
                let d = community[v] as usize;
                if d == c {
                    // Each inner edge is seen from both ends.
                    self_loops[c] += w / 2.0;
                } else {
                    tally.add(d as u32, w);
                }
            }
        }
        tally.touched.sort_unstable();
        for &d in &tally.touched {
            targets.push(d);
            weights.push(tally.get(d));
        }
        tally.clear();
        offsets.push(targets.len());
    }
    Level {
        offsets,
        targets,
        weights,
        self_loops,
    }
}

/// The modularity of a partition of the nodes of `g` (one community a
/// person, `u32::MAX` for a person who is not a node), edges weighted by
/// shared works, as NetworkX's `modularity` with `resolution`.
pub(crate) fn modularity(g: &CoGraph, community: &[u32], count: usize, resolution: f64) -> f64 {
    let mut inner = vec![0.0f64; count];
    let mut degree = vec![0.0f64; count];
    let mut two_m = 0.0;
    for p in 0..g.len() as u32 {
        let c = community[p as usize];
        if c == u32::MAX {
            continue;
        }
        for (&q, &w) in g.neighbours(p).iter().zip(g.weights(p)) {
            let w = f64::from(w);
            two_m += w;
            degree[c as usize] += w;
            if community[q as usize] == c {
                inner[c as usize] += w;
            }
        }
    }
    if two_m == 0.0 {
        return 0.0;
    }
    inner
        .iter()
        .zip(&degree)
        .map(|(&l, &d)| l / two_m - resolution * (d / two_m) * (d / two_m))
        .sum()
}
