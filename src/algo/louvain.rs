//! Communities of the projection: Louvain's local moving and aggregation,
//! with a refinement after every level that splits each community into its
//! connected pieces (as Leiden guarantees), so that every community of the
//! answer is connected.

use crate::graph::cograph::CoGraph;

/// A weighted graph of one level: CSR rows of `(neighbour, weight)`, and
/// each node's self-loop weight (the weight inside the aggregate).
struct Level {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    self_loops: Vec<f64>,
}

impl Level {
    fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    fn row(&self, u: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let r = self.offsets[u]..self.offsets[u + 1];
        self.targets[r.clone()]
            .iter()
            .zip(&self.weights[r])
            .map(|(&v, &w)| (v as usize, w))
    }

    /// The weighted degree of `u`, a self-loop counted twice (as NetworkX).
    fn degree(&self, u: usize) -> f64 {
        self.row(u).map(|(_, w)| w).sum::<f64>() + 2.0 * self.self_loops[u]
    }
}

/// A small deterministic generator (SplitMix64) for the order of the nodes.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle(&mut self, v: &mut [u32]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// The communities of the nodes of `g`, its edges weighted by shared works:
/// one community number a person (numbered from 0 in order of each
/// community's first member; `u32::MAX` for a person who is not a node),
/// and how many communities there are. Deterministic for a `seed`;
/// `resolution` is γ of the modularity (higher, smaller communities).
pub(crate) fn communities(g: &CoGraph, resolution: f64, seed: u64) -> (Vec<u32>, usize) {
    let people: Vec<u32> = (0..g.len() as u32)
        .filter(|&p| g.nodes[p as usize])
        .collect();
    let mut index = vec![u32::MAX; g.len()];
    for (i, &p) in people.iter().enumerate() {
        index[p as usize] = i as u32;
    }
    // The first level: the nodes and their co-stars.
    let mut offsets = vec![0];
    let (mut targets, mut weights) = (Vec::new(), Vec::new());
    for &p in &people {
        for (&q, &w) in g.neighbours(p).iter().zip(g.weights(p)) {
            targets.push(index[q as usize]);
            weights.push(f64::from(w));
        }
        offsets.push(targets.len());
    }
    let mut level = Level {
        offsets,
        targets,
        weights,
        self_loops: vec![0.0; people.len()],
    };
    let two_m: f64 = (0..level.len()).map(|u| level.degree(u)).sum();
    let mut rng = SplitMix(seed);
    // membership[i]: the node of the current level holding person i.
    let mut membership: Vec<u32> = (0..people.len() as u32).collect();
    if two_m > 0.0 {
        loop {
            let (community, moved) = local_moves(&level, two_m, resolution, &mut rng);
            let (community, count) = split_connected(&level, &community);
            if !moved || count == level.len() {
                for m in &mut membership {
                    *m = community[*m as usize];
                }
                break;
            }
            for m in &mut membership {
                *m = community[*m as usize];
            }
            level = aggregate(&level, &community, count);
        }
    }
    // Number the communities in order of their first person.
    let mut number = vec![u32::MAX; people.len()];
    let mut count = 0u32;
    let mut out = vec![u32::MAX; g.len()];
    for (i, &p) in people.iter().enumerate() {
        let c = membership[i] as usize;
        if number[c] == u32::MAX {
            number[c] = count;
            count += 1;
        }
        out[p as usize] = number[c];
    }
    (out, count as usize)
}

/// Louvain's local moving: every node, in a random order, to the
/// neighbouring community of the largest gain in modularity, until no node
/// moves. Returns each node's community and whether any node moved.
fn local_moves(level: &Level, two_m: f64, resolution: f64, rng: &mut SplitMix) -> (Vec<u32>, bool) {
    let n = level.len();
    let degree: Vec<f64> = (0..n).map(|u| level.degree(u)).collect();
    let mut community: Vec<u32> = (0..n as u32).collect();
    let mut total = degree.clone();
    let mut order: Vec<u32> = (0..n as u32).collect();
    rng.shuffle(&mut order);
    // Weights to each neighbouring community, reset after each node.
    let mut to = vec![0.0f64; n];
    let mut touched: Vec<u32> = Vec::new();
    let m = two_m / 2.0;
    let mut moved_any = false;
    loop {
        let mut moved = 0usize;
        for &u in &order {
            let u = u as usize;
            let own = community[u] as usize;
            for (v, w) in level.row(u) {
                if v == u {
                    continue;
                }
                let c = community[v] as usize;
                if to[c] == 0.0 {
                    touched.push(c as u32);
                }
                to[c] += w;
            }
            let k = degree[u];
            total[own] -= k;
            // The gain of joining c, against staying alone (NetworkX's).
            let gain = |c: usize, to_c: f64| to_c / m - resolution * total[c] * k / (2.0 * m * m);
            let mut best = own;
            let mut best_gain = gain(own, to[own]);
            for &c in &touched {
                let c = c as usize;
                let g = gain(c, to[c]);
                if g > best_gain + 1e-12 {
                    best = c;
                    best_gain = g;
                }
            }
            total[best] += k;
            if best != own {
                community[u] = best as u32;
                moved += 1;
            }
            for &c in &touched {
                to[c as usize] = 0.0;
            }
            to[own] = 0.0;
            touched.clear();
        }
        if moved == 0 {
            break;
        }
        moved_any = true;
    }
    (community, moved_any)
}

/// The refinement: each community split into its connected pieces (within
/// the community, on this level's graph). Splitting a disconnected
/// community never lowers the modularity. Returns the pieces, numbered
/// from 0 in order of their first node, and how many there are.
fn split_connected(level: &Level, community: &[u32]) -> (Vec<u32>, usize) {
    let n = level.len();
    let mut piece = vec![u32::MAX; n];
    let mut count = 0u32;
    let mut stack = Vec::new();
    for s in 0..n {
        if piece[s] != u32::MAX {
            continue;
        }
        piece[s] = count;
        stack.push(s);
        while let Some(u) = stack.pop() {
            for (v, _) in level.row(u) {
                if piece[v] == u32::MAX && community[v] == community[s] {
                    piece[v] = count;
                    stack.push(v);
                }
            }
        }
        count += 1;
    }
    (piece, count as usize)
}

/// The next level: one node a community, the weights between communities
/// summed, the weight inside each a self-loop.
fn aggregate(level: &Level, community: &[u32], count: usize) -> Level {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (u, &c) in community.iter().enumerate() {
        members[c as usize].push(u);
    }
    let mut offsets = vec![0];
    let (mut targets, mut weights) = (Vec::new(), Vec::new());
    let mut self_loops = vec![0.0; count];
    let mut to = vec![0.0f64; count];
    let mut touched: Vec<u32> = Vec::new();
    for (c, list) in members.iter().enumerate() {
        for &u in list {
            self_loops[c] += level.self_loops[u];
            for (v, w) in level.row(u) {
                let d = community[v] as usize;
                if d == c {
                    // Each inner edge is seen from both ends.
                    self_loops[c] += w / 2.0;
                } else {
                    if to[d] == 0.0 {
                        touched.push(d as u32);
                    }
                    to[d] += w;
                }
            }
        }
        touched.sort_unstable();
        for &d in &touched {
            targets.push(d);
            weights.push(std::mem::take(&mut to[d as usize]));
        }
        touched.clear();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_joined_by_one_edge_are_two_communities() {
        let g = CoGraph::from_edges(6, &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]);
        let (c, n) = communities(&g, 1.0, 7);
        assert_eq!(n, 2);
        assert_eq!(c, [0, 0, 0, 1, 1, 1]);
        let q = modularity(&g, &c, n, 1.0);
        assert!((q - 5.0 / 14.0).abs() < 1e-12, "{q}");
        assert_eq!(communities(&g, 1.0, 7), (c, n));
    }
}
