//! Searches that sample: a uniformly random shortest path between two
//! people of the person projection, for the Riondato–Kornaropoulos
//! estimate of betweenness ("Fast approximation of betweenness centrality
//! through sampling", WSDM 2014), and the small random generator they use.

use crate::algo::UNREACHED;
use crate::graph::cograph::CoGraph;

/// splitmix64: small, fast, reproducible.
#[derive(Clone, Debug)]
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One side of a bidirectional search: levels and path counts from one end.
struct Side {
    dist: Vec<u32>,
    sigma: Vec<f64>,
    /// Everyone reached, in order; the last level is `order[level..]`.
    order: Vec<u32>,
    level: usize,
    /// The number of neighbours of the last level: the cost of expanding it.
    cost: usize,
}

impl Side {
    fn new(n: usize) -> Side {
        Side {
            dist: vec![UNREACHED; n],
            sigma: vec![0.0; n],
            order: Vec::new(),
            level: 0,
            cost: 0,
        }
    }

    fn start(&mut self, g: &CoGraph, p: u32) {
        for &q in &self.order {
            self.dist[q as usize] = UNREACHED;
            self.sigma[q as usize] = 0.0;
        }
        self.order.clear();
        self.dist[p as usize] = 0;
        self.sigma[p as usize] = 1.0;
        self.order.push(p);
        self.level = 0;
        self.cost = g.neighbours(p).len();
    }

    /// Expands the last level by one, with path counts, and puts in `meet`
    /// the new people the other side has reached.
    fn expand(&mut self, g: &CoGraph, other: &[u32], meet: &mut Vec<u32>) {
        let (from, to) = (self.level, self.order.len());
        let d = self.dist[self.order[from] as usize] + 1;
        self.level = to;
        self.cost = 0;
        for i in from..to {
            let p = self.order[i];
            let sp = self.sigma[p as usize];
            for &q in g.neighbours(p) {
                let dq = &mut self.dist[q as usize];
                if *dq == UNREACHED {
                    *dq = d;
                    self.order.push(q);
                    self.cost += g.neighbours(q).len();
                    if other[q as usize] != UNREACHED {
                        meet.push(q);
                    }
                }
                if *dq == d {
                    self.sigma[q as usize] += sp;
                }
            }
        }
    }

    /// From `w` back to this side's end, each predecessor `z` of a person
    /// `x` chosen with probability `σ(z) / σ(x)`: the people strictly
    /// between `w` and the end go to `out`.
    fn walk(
        &self,
        g: &CoGraph,
        mut w: u32,
        rng: &mut Rng,
        preds: &mut Vec<u32>,
        out: &mut Vec<u32>,
    ) {
        while self.dist[w as usize] > 1 {
            let dw = self.dist[w as usize];
            preds.clear();
            preds.extend(
                g.neighbours(w)
                    .iter()
                    .copied()
                    .filter(|&z| self.dist[z as usize] == dw - 1),
            );
            w = pick(
                preds,
                |z| self.sigma[z as usize],
                self.sigma[w as usize],
                rng,
            );
            out.push(w);
        }
    }
}

/// One of `items`, each with probability `weight(item) / total`.
fn pick(items: &[u32], weight: impl Fn(u32) -> f64, total: f64, rng: &mut Rng) -> u32 {
    let mut roll = rng.unit() * total;
    for &z in items {
        let s = weight(z);
        if roll < s {
            return z;
        }
        roll -= s;
    }
    *items.last().expect("a candidate")
}

/// Draws shortest paths on a [`CoGraph`], reusing its vectors.
pub(crate) struct PathSampler<'g> {
    g: &'g CoGraph,
    from: Side,
    to: Side,
    meet: Vec<u32>,
    preds: Vec<u32>,
}

impl<'g> PathSampler<'g> {
    pub(crate) fn new(g: &'g CoGraph) -> PathSampler<'g> {
        PathSampler {
            g,
            from: Side::new(g.len()),
            to: Side::new(g.len()),
            meet: Vec::new(),
            preds: Vec::new(),
        }
    }

    /// A shortest path from `u` to `v` drawn uniformly among all of them:
    /// its interior people go to `out` (cleared first). Returns the length,
    /// or `None` when `v` is out of reach.
    ///
    /// A balanced bidirectional search, as in KADABRA (Borassi and Natale,
    /// ESA 2016): whole levels with path counts `σ` from both ends, always
    /// the cheaper side, until a level reaches people the other side has
    /// reached. Those people `z` are exactly the ones at that distance from
    /// one end and at the other side's depth from the other, and every
    /// shortest path crosses one of them: `z` is chosen with probability
    /// `σ_u(z) σ_v(z) / σ_uv`, then a walk back to each end chooses each
    /// predecessor `y` of `x` with probability `σ(y) / σ(x)`. Each path
    /// has probability `1 / σ_uv`. On a small world this visits about the
    /// square root of what one search from `u` to `v`'s level does.
    pub(crate) fn sample(
        &mut self,
        u: u32,
        v: u32,
        rng: &mut Rng,
        out: &mut Vec<u32>,
    ) -> Option<usize> {
        out.clear();
        if u == v {
            return Some(0);
        }
        let g = self.g;
        self.from.start(g, u);
        self.to.start(g, v);
        self.meet.clear();
        while self.meet.is_empty() {
            let (grow, other) = if self.from.cost <= self.to.cost {
                (&mut self.from, &self.to)
            } else {
                (&mut self.to, &self.from)
            };
            grow.expand(g, &other.dist, &mut self.meet);
            // A side that runs out before the two meet has searched the
            // whole of its component.
            if grow.level == grow.order.len() {
                return None;
            }
        }
        let (from, to) = (&self.from, &self.to);
        let weight = |z: u32| from.sigma[z as usize] * to.sigma[z as usize];
        let total: f64 = self.meet.iter().map(|&z| weight(z)).sum();
        let z = pick(&self.meet, weight, total, rng);
        let len = from.dist[z as usize] + to.dist[z as usize];
        if from.dist[z as usize] > 0 && to.dist[z as usize] > 0 {
            out.push(z);
        }
        from.walk(g, z, rng, &mut self.preds, out);
        to.walk(g, z, rng, &mut self.preds, out);
        Some(len as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shortest path is drawn equally often: corner to corner of a
    /// 4 × 5 grid there are C(7, 3) = 35, through people at every distance
    /// from both ends; and none is drawn between two components.
    #[test]
    fn shortest_paths_are_drawn_uniformly() {
        let (w, h) = (5u32, 4u32);
        let mut edges = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let p = y * w + x;
                if x + 1 < w {
                    edges.push((p, p + 1));
                }
                if y + 1 < h {
                    edges.push((p, p + w));
                }
            }
        }
        // Two people apart from the grid, joined to each other.
        edges.push((20, 21));
        let g = CoGraph::from_edges(22, &edges);
        let mut sampler = PathSampler::new(&g);
        let mut rng = Rng(9);
        let mut seen = std::collections::HashMap::new();
        let mut out = Vec::new();
        let draws = 35_000;
        for i in 0..draws {
            // Both directions, so that both sides do the choosing.
            let (u, v) = if i % 2 == 0 { (0, 19) } else { (19, 0) };
            assert_eq!(sampler.sample(u, v, &mut rng, &mut out), Some(7));
            assert_eq!(out.len(), 6);
            out.sort_unstable();
            *seen.entry(out.clone()).or_insert(0usize) += 1;
        }
        assert_eq!(seen.len(), 35);
        // 1,000 draws each expected: a standard deviation of about 31.
        for (path, &count) in &seen {
            assert!((850..1150).contains(&count), "{path:?} drawn {count} times");
        }
        assert_eq!(sampler.sample(0, 20, &mut rng, &mut out), None);
        assert_eq!(sampler.sample(21, 7, &mut rng, &mut out), None);
        assert_eq!(sampler.sample(20, 21, &mut rng, &mut out), Some(1));
        assert!(out.is_empty());
        assert_eq!(sampler.sample(3, 3, &mut rng, &mut out), Some(0));
        assert_eq!(sampler.sample(0, 2, &mut rng, &mut out), Some(2));
        assert_eq!(out, [1]);
    }
}
