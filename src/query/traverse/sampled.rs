//! Searches that sample: a uniformly random shortest path between two
//! people of the person projection, for the Riondato–Kornaropoulos
//! estimate of betweenness ("Fast approximation of betweenness centrality
//! through sampling", WSDM 2014), and the small random generator they use.

use crate::query::graph::CoGraph;
use crate::query::traverse::UNREACHED;

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

/// Draws shortest paths on a [`CoGraph`], reusing its vectors.
pub(crate) struct PathSampler<'g> {
    g: &'g CoGraph,
    dist: Vec<u32>,
    sigma: Vec<f64>,
    order: Vec<u32>,
    preds: Vec<u32>,
}

impl<'g> PathSampler<'g> {
    pub(crate) fn new(g: &'g CoGraph) -> PathSampler<'g> {
        PathSampler {
            g,
            dist: vec![UNREACHED; g.len()],
            sigma: vec![0.0; g.len()],
            order: Vec::new(),
            preds: Vec::new(),
        }
    }

    /// A shortest path from `u` to `v` drawn uniformly among all of them:
    /// its interior people go to `out` (cleared first). Returns the length,
    /// or `None` when `v` is out of reach. A breadth-first search from `u`
    /// with path counts, stopped at `v`'s level, then a walk back choosing
    /// each predecessor `z` of `w` with probability `σ(z) / σ(w)`.
    pub(crate) fn sample(
        &mut self,
        u: u32,
        v: u32,
        rng: &mut Rng,
        out: &mut Vec<u32>,
    ) -> Option<usize> {
        out.clear();
        for &p in &self.order {
            self.dist[p as usize] = UNREACHED;
            self.sigma[p as usize] = 0.0;
        }
        self.order.clear();
        if u == v {
            return Some(0);
        }
        self.dist[u as usize] = 0;
        self.sigma[u as usize] = 1.0;
        self.order.push(u);
        let mut head = 0;
        while head < self.order.len() {
            let p = self.order[head];
            head += 1;
            let d = self.dist[p as usize];
            if d >= self.dist[v as usize] {
                break;
            }
            let sp = self.sigma[p as usize];
            for &q in self.g.neighbours(p) {
                let dq = &mut self.dist[q as usize];
                if *dq == UNREACHED {
                    *dq = d + 1;
                    self.order.push(q);
                }
                if *dq == d + 1 {
                    self.sigma[q as usize] += sp;
                }
            }
        }
        let len = self.dist[v as usize];
        if len == UNREACHED {
            return None;
        }
        let mut w = v;
        while self.dist[w as usize] > 1 {
            let dw = self.dist[w as usize];
            self.preds.clear();
            self.preds.extend(
                self.g
                    .neighbours(w)
                    .iter()
                    .copied()
                    .filter(|&z| self.dist[z as usize] == dw - 1),
            );
            let mut roll = rng.unit() * self.sigma[w as usize];
            let mut pick = *self.preds.last().expect("a predecessor");
            for &z in &self.preds {
                let s = self.sigma[z as usize];
                if roll < s {
                    pick = z;
                    break;
                }
                roll -= s;
            }
            out.push(pick);
            w = pick;
        }
        Some(len as usize)
    }
}
