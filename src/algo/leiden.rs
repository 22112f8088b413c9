//! Communities of the projection by Leiden (Traag, Waltman & van Eck,
//! "From Louvain to Leiden: guaranteeing well-connected communities",
//! Scientific Reports 9, 5233, 2019), maximising modularity with a
//! resolution γ, edges weighted by shared works.
//!
//! Each level: the fast local moving of nodes ([`super::louvain`]); then
//! the refinement, which merges the nodes of each community, starting from
//! singletons, into well-connected sub-communities (a node joins one of
//! the well-connected sub-communities of its community chosen at random,
//! with a probability growing as `exp(gain / θ)`, only among those that do
//! not lower the modularity); then the aggregation of the *refined*
//! partition, each aggregate node starting the next level in the community
//! of the unrefined partition it came from. The whole is repeated from its
//! own answer while an iteration gains at least 0.001 in modularity (at
//! most ten times). Every random choice comes from the seed, so the same
//! seed gives the same answer.

use super::louvain::{Level, SplitMix, Tally, aggregate, local_moves, renumber};
use crate::graph::cograph::CoGraph;

/// The randomness θ of the refinement (that of the paper and of igraph).
const THETA: f64 = 0.01;

/// The most iterations of the whole algorithm (each starts from the
/// answer of the one before; they stop when one gains less than
/// [`GAIN`] in modularity).
const ITERATIONS: usize = 10;

/// The least gain in modularity worth another iteration.
const GAIN: f64 = 1e-3;

/// The communities of the nodes of `g`, its edges weighted by shared works:
/// one community number a person (numbered from 0 in order of each
/// community's first member; `u32::MAX` for a person who is not a node),
/// and how many communities there are. Every community is connected.
/// Deterministic for a `seed`; `resolution` is γ of the modularity (higher,
/// smaller communities).
pub(crate) fn communities(g: &CoGraph, resolution: f64, seed: u64) -> (Vec<u32>, usize) {
    let people: Vec<u32> = (0..g.len() as u32)
        .filter(|&p| g.nodes[p as usize])
        .collect();
    let mut index = vec![u32::MAX; g.len()];
    for (i, &p) in people.iter().enumerate() {
        index[p as usize] = i as u32;
    }
    let first = Level::of(g, &people, &index);
    let two_m: f64 = first.degrees().iter().sum();
    let mut rng = SplitMix(seed);
    let mut partition: Vec<u32> = (0..people.len() as u32).collect();
    if two_m > 0.0 {
        let mut quality = f64::NEG_INFINITY;
        for _ in 0..ITERATIONS {
            let next = iteration(&first, partition.clone(), two_m, resolution, &mut rng);
            let q = level_modularity(&first, &next, two_m, resolution);
            if q < quality + GAIN {
                if q > quality {
                    partition = next;
                }
                break;
            }
            (partition, quality) = (next, q);
        }
    }
    // Every community connected (Leiden's guarantee, kept when an
    // iteration stops early), numbered in order of their first person.
    let (piece, count) = split_connected(&first, &partition);
    let mut out = vec![u32::MAX; g.len()];
    for (i, &p) in people.iter().enumerate() {
        out[p as usize] = piece[i];
    }
    (out, count)
}

/// One iteration of Leiden from the partition `start` of the first level
/// (labels below its number of nodes): the partition it ends with,
/// renumbered in order of first node.
fn iteration(
    first: &Level,
    mut community: Vec<u32>,
    two_m: f64,
    resolution: f64,
    rng: &mut SplitMix,
) -> Vec<u32> {
    // membership[i]: the node of the current level holding node i of the first.
    let mut membership: Vec<u32> = (0..first.len() as u32).collect();
    let mut owned;
    let mut level = first;
    loop {
        local_moves(level, &mut community, two_m, resolution, rng);
        let count = renumber(&mut community);
        if count == level.len() {
            break;
        }
        let (mut refined, pieces) = refine(level, &community, count, two_m, resolution, rng);
        if pieces == level.len() {
            // Nothing merged: aggregating would give the same level.
            break;
        }
        // Each refined piece starts the next level in its community.
        let mut next = vec![0u32; pieces];
        for (u, &r) in refined.iter().enumerate() {
            next[r as usize] = community[u];
        }
        for m in &mut membership {
            *m = refined[*m as usize];
        }
        owned = aggregate(level, &refined, pieces);
        level = &owned;
        refined.clear();
        community = next;
    }
    let mut out: Vec<u32> = membership.iter().map(|&m| community[m as usize]).collect();
    renumber(&mut out);
    out
}

/// Leiden's refinement of the partition `community` (labels below
/// `count`): within each community, from singletons, each well-connected
/// node still alone joins, at random, a well-connected sub-community of its
/// community that it does not make worse. The sub-communities, numbered
/// from 0 in order of first node, and how many.
fn refine(
    level: &Level,
    community: &[u32],
    count: usize,
    two_m: f64,
    resolution: f64,
    rng: &mut SplitMix,
) -> (Vec<u32>, usize) {
    let n = level.len();
    let degree = level.degrees();
    let mut total_of = vec![0.0f64; count];
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); count];
    for u in 0..n {
        total_of[community[u] as usize] += degree[u];
        members[community[u] as usize].push(u as u32);
    }
    let mut refined: Vec<u32> = (0..n as u32).collect();
    let mut total = degree.clone();
    let mut size = vec![1u32; n];
    // outside[r]: the weight from sub-community r to the rest of its community.
    let mut outside: Vec<f64> = (0..n)
        .map(|u| {
            level
                .row(u)
                .filter(|&(v, _)| v != u && community[v] == community[u])
                .map(|(_, w)| w)
                .sum()
        })
        .collect();
    // Well connected to the rest of a community of total degree `s`.
    let connected = |out: f64, k: f64, s: f64| out >= resolution * k * (s - k) / two_m - 1e-9;
    let mut tally = Tally::new(n);
    let mut weights = Vec::new();
    for (c, nodes) in members.iter_mut().enumerate() {
        let s = total_of[c];
        rng.shuffle(nodes);
        for &v in nodes.iter() {
            let v = v as usize;
            if size[v] != 1 || refined[v] != v as u32 || !connected(outside[v], degree[v], s) {
                continue;
            }
            for (x, w) in level.row(v) {
                if x != v && community[x] as usize == c {
                    tally.add(refined[x], w);
                }
            }
            // The gain of v joining r (its own singleton: 0), unnormalised as
            // in the paper: w(v, r) − γ k_v K_r / 2m.
            let k = degree[v];
            let mut best = 0.0f64;
            let mut candidates = vec![(v as u32, 0.0)];
            for &r in &tally.touched {
                let r_total = total[r as usize];
                let gain = tally.get(r) - resolution * k * r_total / two_m;
                if gain >= 0.0 && connected(outside[r as usize], r_total, s) {
                    candidates.push((r, gain));
                    best = best.max(gain);
                }
            }
            weights.clear();
            weights.extend(candidates.iter().map(|&(_, g)| ((g - best) / THETA).exp()));
            let mut pick = rng.unit() * weights.iter().sum::<f64>();
            let mut chosen = candidates[candidates.len() - 1].0;
            for (&(r, _), &w) in candidates.iter().zip(&weights) {
                if pick < w {
                    chosen = r;
                    break;
                }
                pick -= w;
            }
            if chosen != v as u32 {
                let r = chosen as usize;
                outside[r] += outside[v] - 2.0 * tally.get(chosen);
                total[r] += k;
                size[r] += 1;
                size[v] = 0;
                refined[v] = chosen;
            }
            tally.clear();
        }
    }
    let pieces = renumber(&mut refined);
    (refined, pieces)
}

/// The modularity of `partition` (labels below the number of nodes) on
/// `level`, whose weights sum to `two_m`.
fn level_modularity(level: &Level, partition: &[u32], two_m: f64, resolution: f64) -> f64 {
    let n = level.len();
    let (mut inner, mut total) = (vec![0.0f64; n], vec![0.0f64; n]);
    for u in 0..n {
        let c = partition[u] as usize;
        total[c] += level.degree(u);
        inner[c] += level
            .row(u)
            .filter(|&(v, _)| partition[v] as usize == c)
            .map(|(_, w)| w)
            .sum::<f64>();
    }
    inner
        .iter()
        .zip(&total)
        .map(|(&l, &d)| l / two_m - resolution * (d / two_m) * (d / two_m))
        .sum()
}

/// Each community of `partition` split into its connected pieces on
/// `level` (splitting never lowers the modularity): the pieces, numbered
/// from 0 in order of their first node, and how many there are.
fn split_connected(level: &Level, partition: &[u32]) -> (Vec<u32>, usize) {
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
                if piece[v] == u32::MAX && partition[v] == partition[s] {
                    piece[v] = count;
                    stack.push(v);
                }
            }
        }
        count += 1;
    }
    (piece, count as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::louvain::modularity;

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

    #[test]
    fn a_ring_of_cliques_is_one_community_a_clique_at_any_seed() {
        // Ten 5-cliques in a ring, each joined to the next by one edge:
        // the best partition is the cliques (Fortunato & Barthélemy's ring).
        let mut edges = Vec::new();
        for c in 0..10u32 {
            for a in 0..5 {
                for b in a + 1..5 {
                    edges.push((c * 5 + a, c * 5 + b));
                }
            }
            edges.push((c * 5, (c * 5 + 7) % 50));
        }
        let g = CoGraph::from_edges(50, &edges);
        for seed in 0..20 {
            let (c, n) = communities(&g, 1.0, seed);
            assert_eq!(n, 10, "seed {seed}");
            for clique in c.chunks(5) {
                assert!(clique.iter().all(|&x| x == clique[0]), "seed {seed}: {c:?}");
            }
        }
    }

    #[test]
    fn the_refinement_never_joins_nodes_of_a_community_that_share_no_edge() {
        // Two edges 0-1 and 2-3 given as one community: the refinement
        // keeps them apart (a sub-community grows only along edges).
        let g = CoGraph::from_edges(4, &[(0, 1), (2, 3)]);
        let people = [0, 1, 2, 3];
        let level = Level::of(&g, &people, &people);
        for seed in 0..10 {
            let mut rng = SplitMix(seed);
            let (refined, pieces) = refine(&level, &[0, 0, 0, 0], 1, 4.0, 1.0, &mut rng);
            assert!(pieces >= 2, "{refined:?}");
            assert_ne!(refined[0], refined[2]);
            assert_ne!(refined[1], refined[3]);
        }
    }
}
