//! The core number of every person of the projection: Batagelj and
//! Zaveršnik's bucket algorithm, `O(people + co-appearances)`.

use crate::graph::cograph::CoGraph;

/// The core number of every person of `g` (0 for a person who is not a
/// node, or has no co-star): the largest `k` such that the person stays
/// when everyone with fewer than `k` co-stars is removed, again and again.
/// Batagelj and Zaveršnik's algorithm: people in buckets by their
/// remaining degree, taken from the smallest, each lowering the degree of
/// its co-stars still in a higher bucket.
pub(crate) fn core_numbers(g: &CoGraph) -> Vec<u32> {
    let n = g.len();
    let mut deg: Vec<u32> = (0..n as u32)
        .map(|p| g.neighbours(p).len() as u32)
        .collect();
    let max = deg.iter().copied().max().unwrap_or(0) as usize;
    // bin[d]: where the people of degree d start in `vert`.
    let mut bin = vec![0u32; max + 2];
    for &d in &deg {
        bin[d as usize + 1] += 1;
    }
    for d in 1..bin.len() {
        bin[d] += bin[d - 1];
    }
    let mut vert = vec![0u32; n];
    let mut pos = vec![0u32; n];
    let mut next = bin.clone();
    for p in 0..n {
        let d = deg[p] as usize;
        pos[p] = next[d];
        vert[next[d] as usize] = p as u32;
        next[d] += 1;
    }
    for i in 0..n {
        let v = vert[i];
        let dv = deg[v as usize];
        for &u in g.neighbours(v) {
            let du = deg[u as usize];
            if du > dv {
                // Swap u with the first person of its bucket, then shrink
                // the bucket by one from the front.
                let pu = pos[u as usize];
                let pw = bin[du as usize];
                let w = vert[pw as usize];
                if u != w {
                    vert.swap(pu as usize, pw as usize);
                    pos[u as usize] = pw;
                    pos[w as usize] = pu;
                }
                bin[du as usize] += 1;
                deg[u as usize] = du - 1;
            }
        }
    }
    deg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_triangle_with_a_tail() {
        // 0-1-2 a triangle, 3 hangs on 2, 4 alone.
        let g = CoGraph::from_edges(5, &[(0, 1), (1, 2), (0, 2), (2, 3)]);
        assert_eq!(core_numbers(&g), [2, 2, 2, 1, 0]);
    }

    #[test]
    fn a_clique_of_five_and_a_path() {
        let mut edges = Vec::new();
        for a in 0..5 {
            for b in a + 1..5 {
                edges.push((a, b));
            }
        }
        edges.extend([(4, 5), (5, 6), (6, 7)]);
        let g = CoGraph::from_edges(8, &edges);
        assert_eq!(core_numbers(&g), [4, 4, 4, 4, 4, 1, 1, 1]);
    }
}
