//! Multi-source bit-parallel breadth-first search (Then et al., "The More
//! the Merrier: Efficient Multi-Source Graph Traversal", PVLDB 8(4), 2014)
//! over one connected component of the person–work graph, compacted
//! ([`Compact`]).
//!
//! One pass runs up to `64 · W` searches at once: source `i` is bit `i` of
//! a `[u64; W]` lane word. Each level takes two sweeps: works OR together
//! the frontier words of their members (push, from the people on the
//! frontier), then every person not yet reached by every search ORs
//! together the words of their works (pull; or push from the works touched
//! when they are few). The per-search histogram comes from bit-sliced
//! counters (one adder per person and level, not one per bit).
//!
//! [`MultiBfs::run`] also gives per-person sums of distances from the
//! sources (for sampling estimates) and stops searches early when a
//! callback says so at the end of a level (for pruned top-k searches).

// The lane loops run over the W words of a lane set side by side, several
// arrays at once: indices read better than zipped iterators there.
#![allow(clippy::needless_range_loop)]

use crate::algo::{UNREACHED, component_labels};
use crate::filter::Filter;
use crate::graph::TraversalIndex;
use crate::graph::compact::{Compact, renumbered};
use crate::graph::counting::group_by;
use crate::graph::csr::Compiled;

impl Compact {
    /// The largest component of the filter's graph (the one with the
    /// smallest member among equals).
    pub(crate) fn largest(index: &TraversalIndex, filter: &Filter) -> Compact {
        let (label, count) = component_labels(index, filter);
        let mut sizes = vec![0usize; count];
        for &l in &label {
            if l != UNREACHED {
                sizes[l as usize] += 1;
            }
        }
        let node_count = sizes.iter().sum();
        // Labels are numbered by smallest member: the first maximum wins.
        let best = (0..count).max_by(|&a, &b| sizes[a].cmp(&sizes[b]).then(b.cmp(&a)));
        let mut local = vec![UNREACHED; index.people()];
        let mut people = Vec::new();
        if let Some(best) = best {
            for (p, &l) in label.iter().enumerate() {
                if l == best as u32 {
                    local[p] = people.len() as u32;
                    people.push(p as u32);
                }
            }
        }
        let c = Compiled::new(filter);
        // (work, person) links, works renumbered densely.
        let mut links: Vec<(u32, u32)> = Vec::new();
        let mut cast: Vec<u32> = Vec::new();
        let mut works = 0u32;
        for w in 0..index.works() {
            if !index.work_ok(&c, w) {
                continue;
            }
            cast.clear();
            cast.extend(
                index
                    .work_row(w as u32)
                    .filter(|&(q, f)| c.admits[f as usize] && local[q as usize] != UNREACHED)
                    .map(|(q, _)| local[q as usize]),
            );
            cast.sort_unstable();
            cast.dedup();
            if cast.len() < 2 {
                continue;
            }
            links.extend(cast.iter().map(|&q| (works, q)));
            works += 1;
        }
        let (w_off, by_work) = group_by(works as usize, &links, |l| l.0 as usize);
        let w_adj = by_work.iter().map(|l| l.1).collect();
        let (p_off, by_person) = group_by(people.len(), &by_work, |l| l.1 as usize);
        let p_adj: Vec<u32> = by_person.iter().map(|l| l.0).collect();
        let reach = (0..people.len())
            .map(|p| {
                p_adj[p_off[p] as usize..p_off[p + 1] as usize]
                    .iter()
                    .map(|&w| w_off[w as usize + 1] - w_off[w as usize] - 1)
                    .sum()
            })
            .collect();
        Compact {
            by_id: (0..people.len() as u32).collect(),
            people,
            p_off,
            p_adj,
            w_off,
            w_adj,
            reach,
            node_count,
        }
    }

    /// The same component, its people and works renumbered in the order in
    /// which a breadth-first search from the person with the most works
    /// (the lowest id among equals) first reaches them: the people a level
    /// of a search reaches next to each other, and their works too. A
    /// multi-source pass over people that are near each other in this
    /// order reads far fewer cache lines (and its searches end together).
    pub(crate) fn in_search_order(self) -> Compact {
        let n = self.len();
        let Some(first) = (0..n).max_by_key(|&p| (self.degree(p), std::cmp::Reverse(p))) else {
            return self;
        };
        // Old → new ids, and the people (old ids) in the new order.
        let mut pnew = vec![UNREACHED; n];
        let mut wnew = vec![UNREACHED; self.works()];
        let mut queue: Vec<u32> = Vec::with_capacity(n);
        let mut wold: Vec<u32> = Vec::with_capacity(self.works());
        for root in std::iter::once(first).chain(0..n) {
            if pnew[root] != UNREACHED {
                continue;
            }
            pnew[root] = queue.len() as u32;
            queue.push(root as u32);
            let mut head = queue.len() - 1;
            while let Some(&p) = queue.get(head) {
                head += 1;
                for &w in self.works_of(p as usize) {
                    if wnew[w as usize] != UNREACHED {
                        continue;
                    }
                    wnew[w as usize] = wold.len() as u32;
                    wold.push(w);
                    for &q in self.cast_of(w as usize) {
                        if pnew[q as usize] == UNREACHED {
                            pnew[q as usize] = queue.len() as u32;
                            queue.push(q);
                        }
                    }
                }
            }
        }
        let (p_off, p_adj) = renumbered(&queue, |p| self.works_of(p), &wnew);
        let (w_off, w_adj) = renumbered(&wold, |w| self.cast_of(w), &pnew);
        let by_id = self.by_id.iter().map(|&o| pnew[o as usize]).collect();
        Compact {
            people: queue.iter().map(|&o| self.people[o as usize]).collect(),
            by_id,
            reach: queue.iter().map(|&o| self.reach[o as usize]).collect(),
            p_off,
            p_adj,
            w_off,
            w_adj,
            node_count: self.node_count,
        }
    }

    /// A lower bound on every person's sum of distances to the rest of the
    /// component, for all at once in `levels` sweeps (the neighbourhood
    /// bound of Bergamini et al.): at most `γ₁(v)` = Σ (cast − 1) people
    /// are at distance 1, and at most `γ_{d+1}(v)` = Σ over co-stars `u`
    /// of `γ_d(u)` at distance `d + 1`; the bound fills the nearest levels
    /// first, and puts everyone left at `levels + 1`.
    pub(crate) fn farness_bounds(&self, levels: u32) -> Vec<u64> {
        let n = self.len() as u64;
        let mut gamma: Vec<u64> = self.reach.iter().map(|&r| u64::from(r).min(n)).collect();
        let mut rest: Vec<u64> = vec![n.saturating_sub(1); self.len()];
        let mut bound = vec![0u64; self.len()];
        let mut cast = vec![0u64; self.works()];
        for d in 1..=u64::from(levels) {
            for v in 0..self.len() {
                let here = gamma[v].min(rest[v]);
                bound[v] += d * here;
                rest[v] -= here;
            }
            if d == u64::from(levels) {
                break;
            }
            for (w, c) in cast.iter_mut().enumerate() {
                *c = self.cast_of(w).iter().map(|&u| gamma[u as usize]).sum();
            }
            for (v, g) in gamma.iter_mut().enumerate() {
                let mine = *g;
                let next: u64 = self
                    .works_of(v)
                    .iter()
                    .map(|&w| cast[w as usize] - mine)
                    .sum();
                *g = next.min(n);
            }
        }
        for v in 0..self.len() {
            bound[v] += (u64::from(levels) + 1) * rest[v];
        }
        bound
    }
}

/// Bit-sliced counters: `c[i]` holds bit `i` of every lane's count.
struct Sliced<const W: usize> {
    c: [[u64; W]; 33],
}

impl<const W: usize> Sliced<W> {
    fn new() -> Self {
        Sliced { c: [[0; W]; 33] }
    }

    /// Adds one to the count of every lane set in `x`: a ripple-carry
    /// increment of all the lanes' counters at once, the `W` words side by
    /// side (vector instructions), until no lane carries.
    #[inline]
    fn add(&mut self, x: &[u64; W]) {
        let mut carry = *x;
        let mut i = 0;
        while !is_zero(&carry) {
            let c = &mut self.c[i];
            for j in 0..W {
                let t = c[j] & carry[j];
                c[j] ^= carry[j];
                carry[j] = t;
            }
            i += 1;
        }
    }

    /// Each lane's count, then zero.
    fn take(&mut self, out: &mut [u64]) {
        for (lane, o) in out.iter_mut().enumerate() {
            let (j, b) = (lane / 64, lane % 64);
            *o = (0..33).map(|i| ((self.c[i][j] >> b) & 1) << i).sum();
        }
        self.c = [[0; W]; 33];
    }
}

/// What a level's end tells [`MultiBfs::run`]'s callback, per lane.
pub(crate) struct LevelEnd<'a> {
    /// The level just completed.
    pub(crate) depth: u32,
    /// People first reached at `depth`, per lane.
    pub(crate) count: &'a [u64],
    /// An upper bound on the people at `depth + 1`, per lane (only when
    /// asked for).
    pub(crate) next_bound: &'a [u64],
}

/// A reusable multi-source search over a [`Compact`] component, `64 · W`
/// sources per pass.
pub(crate) struct MultiBfs<'g, const W: usize> {
    g: &'g Compact,
    seen: Vec<[u64; W]>,
    frontier: Vec<[u64; W]>,
    wvisit: Vec<[u64; W]>,
    flist: Vec<u32>,
    wlist: Vec<u32>,
    /// Whether `wvisit` may hold words outside `wlist`.
    wdirty: bool,
}

const ZERO: u64 = 0;

#[inline]
fn is_zero<const W: usize>(x: &[u64; W]) -> bool {
    x.iter().all(|&v| v == ZERO)
}

impl<'g, const W: usize> MultiBfs<'g, W> {
    /// The number of sources of one pass.
    pub(crate) const LANES: usize = 64 * W;

    pub(crate) fn new(g: &'g Compact) -> Self {
        MultiBfs {
            g,
            seen: vec![[0; W]; g.len()],
            frontier: vec![[0; W]; g.len()],
            wvisit: vec![[0; W]; g.works()],
            flist: Vec::new(),
            wlist: Vec::new(),
            wdirty: false,
        }
    }

    /// Runs one search from each of `sources` (local ids, at most
    /// [`Self::LANES`]); `hist[i]` receives the histogram of search `i`
    /// (entry 0 is the source). `sums`, when given, gets for every person
    /// the sum of their distances from the sources. After each level,
    /// `level_end` returns the lanes to stop (their histograms stay
    /// truncated); `bounds` asks for [`LevelEnd::next_bound`].
    pub(crate) fn run(
        &mut self,
        sources: &[u32],
        hist: &mut [Vec<u64>],
        mut sums: Option<&mut [u64]>,
        bounds: bool,
        mut level_end: impl FnMut(&LevelEnd<'_>) -> [u64; W],
    ) {
        let g = self.g;
        let n = g.len();
        let lanes = sources.len().min(Self::LANES);
        self.seen.fill([0; W]);
        self.frontier.fill([0; W]);
        self.wvisit.fill([0; W]);
        self.flist.clear();
        self.wlist.clear();
        self.wdirty = false;
        let mut active = [0u64; W];
        for (i, &s) in sources[..lanes].iter().enumerate() {
            let (j, b) = (i / 64, 1u64 << (i % 64));
            active[j] |= b;
            let s = s as usize;
            if is_zero(&self.frontier[s]) {
                self.flist.push(s as u32);
            }
            self.seen[s][j] |= b;
            self.frontier[s][j] |= b;
        }
        for h in hist[..lanes].iter_mut() {
            h.clear();
            h.push(1);
        }
        let mut counter = Sliced::<W>::new();
        let mut count = vec![0u64; lanes];
        let mut upper = vec![0u64; lanes];
        // The frontier list is kept while it is small; `sparse` says so.
        let mut sparse = true;
        let sparse_limit = n / 16 + 1;
        let mut depth = 0u32;
        // Before the first level: the bound on level 1 is the sources' reach.
        if bounds {
            for (i, &s) in sources[..lanes].iter().enumerate() {
                upper[i] = u64::from(g.reach[s as usize]);
            }
        }
        loop {
            // Sweep 1: works touched by the frontier, pushed from it.
            let wdense;
            if sparse {
                if self.wdirty {
                    self.wvisit.fill([0; W]);
                    self.wdirty = false;
                } else {
                    for &w in &self.wlist {
                        self.wvisit[w as usize] = [0; W];
                    }
                }
                self.wlist.clear();
                let mut touched = 0usize;
                for &p in &self.flist {
                    let mut f = self.frontier[p as usize];
                    for j in 0..W {
                        f[j] &= active[j];
                    }
                    if is_zero(&f) {
                        continue;
                    }
                    for &w in g.works_of(p as usize) {
                        let v = &mut self.wvisit[w as usize];
                        if is_zero(v) {
                            self.wlist.push(w);
                            touched += g.cast_of(w as usize).len();
                        }
                        for j in 0..W {
                            v[j] |= f[j];
                        }
                    }
                }
                wdense = touched * 8 > g.links();
            } else {
                self.wvisit.fill([0; W]);
                self.wdirty = true;
                self.wlist.clear();
                for p in 0..n {
                    let f = self.frontier[p];
                    if is_zero(&f) {
                        continue;
                    }
                    for &w in g.works_of(p) {
                        let v = &mut self.wvisit[w as usize];
                        for j in 0..W {
                            v[j] |= f[j] & active[j];
                        }
                    }
                }
                wdense = true;
            }
            // Sweep 2: people first reached at depth + 1.
            let next = depth + 1;
            let mut found = false;
            if bounds {
                upper.fill(0);
            }
            let mut on_new = |q: usize, new: &[u64; W], counter: &mut Sliced<W>| {
                counter.add(new);
                if let Some(s) = sums.as_deref_mut() {
                    let c: u32 = new.iter().map(|x| x.count_ones()).sum();
                    s[q] += u64::from(next) * u64::from(c);
                }
                if bounds {
                    let r = u64::from(g.reach[q].saturating_sub(1));
                    for (j, &x) in new.iter().enumerate() {
                        let mut x = x;
                        while x != 0 {
                            let lane = j * 64 + x.trailing_zeros() as usize;
                            upper[lane] += r;
                            x &= x - 1;
                        }
                    }
                }
            };
            if !wdense {
                // Push from the few touched works.
                for &p in &self.flist {
                    self.frontier[p as usize] = [0; W];
                }
                self.flist.clear();
                for &w in &self.wlist {
                    let v = self.wvisit[w as usize];
                    for &q in g.cast_of(w as usize) {
                        let q = q as usize;
                        let seen = &mut self.seen[q];
                        let mut new = [0u64; W];
                        let mut any = 0;
                        for j in 0..W {
                            new[j] = v[j] & !seen[j];
                            any |= new[j];
                        }
                        if any == 0 {
                            continue;
                        }
                        for j in 0..W {
                            seen[j] |= new[j];
                        }
                        let fr = &mut self.frontier[q];
                        if is_zero(fr) {
                            self.flist.push(q as u32);
                        }
                        for j in 0..W {
                            fr[j] |= new[j];
                        }
                        found = true;
                        on_new(q, &new, &mut counter);
                    }
                }
                sparse = self.flist.len() <= sparse_limit;
            } else {
                // Pull into everyone not yet reached by every search.
                self.flist.clear();
                let mut listed = 0usize;
                for q in 0..n {
                    let seen = self.seen[q];
                    let mut open = 0;
                    for j in 0..W {
                        open |= active[j] & !seen[j];
                    }
                    if open == 0 {
                        self.frontier[q] = [0; W];
                        continue;
                    }
                    let mut acc = [0u64; W];
                    for &w in g.works_of(q) {
                        let v = &self.wvisit[w as usize];
                        for j in 0..W {
                            acc[j] |= v[j];
                        }
                    }
                    let mut new = [0u64; W];
                    let mut any = 0;
                    for j in 0..W {
                        new[j] = acc[j] & !seen[j];
                        any |= new[j];
                    }
                    self.frontier[q] = new;
                    if any == 0 {
                        continue;
                    }
                    for j in 0..W {
                        self.seen[q][j] |= new[j];
                    }
                    found = true;
                    listed += 1;
                    if listed <= sparse_limit {
                        self.flist.push(q as u32);
                    }
                    on_new(q, &new, &mut counter);
                }
                sparse = listed <= sparse_limit;
            }
            if !found {
                return;
            }
            depth = next;
            counter.take(&mut count);
            for (i, h) in hist[..lanes].iter_mut().enumerate() {
                let lane_on = active[i / 64] >> (i % 64) & 1 == 1;
                if lane_on && count[i] > 0 {
                    h.push(count[i]);
                }
            }
            let stop = level_end(&LevelEnd {
                depth,
                count: &count,
                next_bound: &upper,
            });
            let mut any = 0;
            for j in 0..W {
                active[j] &= !stop[j];
                any |= active[j];
            }
            if any == 0 {
                return;
            }
        }
    }
}

/// Runs `f` on `threads` threads, each with its own searcher of width `W`,
/// sharing `g`.
pub(crate) fn with_searchers<const W: usize, R: Send>(
    g: &Compact,
    threads: usize,
    f: impl Fn(&mut MultiBfs<'_, W>) -> R + Sync,
) -> Vec<R> {
    let threads = threads.max(1);
    if threads == 1 {
        return vec![f(&mut MultiBfs::new(g))];
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| scope.spawn(|| f(&mut MultiBfs::new(g))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a search thread panicked"))
            .collect()
    })
}
