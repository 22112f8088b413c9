//! Multi-source bit-parallel breadth-first search (Then et al., "The More
//! the Merrier: Efficient Multi-Source Graph Traversal", PVLDB 8(4), 2014)
//! over one connected component of the person–work graph, compacted
//! ([`Compact`]).
//!
//! One pass runs up to `64 · W` searches at once: source `i` is bit `i` of
//! a `[u64; W]` lane word. Each level is one sweep: every person not yet
//! reached by every search ORs together the words of their works (pull),
//! and a person reached writes their new lanes into their works' words for
//! the next level at once, while those lines are in cache; when the last
//! level reached few people, the level pushes from the works they touch
//! instead. A pull gathers 32 people's words before it writes any, so that
//! the random reads, which are most of its time, overlap (it branches on
//! no work's word until all 32 are in). The leaves of the works that lanes
//! reached are counted after it, in a sweep in work order. The per-search
//! histogram comes from bit-sliced counters fed by a carry-save adder tree
//! (a few word operations per person and level, not one per bit). A pass
//! runs with the vector instructions the processor has, found at run time
//! (`pulp`): AVX2 does each `[u64; 8]` operation in two instructions where
//! baseline x86-64 takes four.
//!
//! On a component without its leaves ([`Compact::without_leaves`]) a
//! work's leaves are counted, one level on, when a search first reaches
//! the work, and a search may start at a work (for its leaves).
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
use crate::graph::compact::{Compact, Start, renumbered};
use crate::graph::counting::group_by;
use crate::graph::csr::Compiled;

use super::sliced::{Sliced, is_zero};

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
            leaves: Vec::new(),
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
            leaves: wold
                .iter()
                .filter_map(|&o| self.leaves.get(o as usize).copied())
                .collect(),
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
///
/// Each level is one sweep. A person reached at a level ORs their new lanes
/// into their works' word for the next level at once (the works' lines are
/// in cache: they were just read, 32 people at a time), so no sweep over
/// the frontier is needed to find the works it touches. The works keep two words, read and
/// written by turns, each block of 256 lanes of the two in one 64-byte span
/// (see [`slot`]). A word is never cleared
/// between levels: a lane left over from an earlier level has reached every
/// member of that work already, and `seen` masks it out.
pub(crate) struct MultiBfs<'g, const W: usize> {
    g: &'g Compact,
    seen: Vec<[u64; W]>,
    /// Per work, the lanes that reached it: `[level parity]`.
    wbits: Vec<Pair<W>>,
    /// The people reached at the last level and their new lanes (complete
    /// unless `overflow`); a person may be listed twice with other lanes.
    list: Vec<(u32, [u64; W])>,
    next_list: Vec<(u32, [u64; W])>,
    /// The works a small level touches, and a stamp per work for it.
    wlist: Vec<u32>,
    wmark: Vec<u32>,
    stamp: u32,
    /// The works searches start from (for leaves taken out), until the
    /// first level has read them.
    wstart: Vec<(u32, [u64; W])>,
    /// The leaves one level further on than the level being counted.
    ahead: Sliced<W>,
    /// The works with leaves, in id order; per work, its place in that
    /// list (`u32::MAX` for none); per work with leaves, the lanes that
    /// have reached it (and so counted its leaves).
    leafy: Vec<u32>,
    leafy_at: Vec<u32>,
    reached: Vec<[u64; W]>,
    /// Links read by the levels so far (a person's to their works in a
    /// pull, a work's to its cast in a push), over every run.
    pub(crate) links_read: u64,
}

/// Where lane word `j` of level parity `side` lies in a work's pair of
/// words. Up to 256 lanes the two words are whole, one after the other;
/// beyond, they go in blocks of 256 lanes, each block's two words side by
/// side (64 bytes), so that a pull's read and its write of a block touch
/// the same 64 bytes (as for 256 lanes).
#[inline(always)]
fn slot<const W: usize>(side: usize, j: usize) -> (usize, usize) {
    if W <= 4 {
        (side, j)
    } else {
        let p = (j / 4) * 8 + side * 4 + j % 4;
        (p / W, p % W)
    }
}

/// A work's two lane words (see [`slot`]), on a 64-byte boundary: an
/// allocator's large blocks start 16 bytes past one, and a pair of 128
/// bytes there would span three lines instead of two (a fifth more time
/// for 512-lane passes on the large synthetic set). Below 256 lanes a pair
/// is padded to 64 bytes.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Pair<const W: usize>([[u64; W]; 2]);

impl<const W: usize> Pair<W> {
    const ZERO: Self = Pair([[0; W]; 2]);
}

/// A work's lanes of level parity `side`.
#[inline(always)]
fn word<const W: usize>(x: &Pair<W>, side: usize) -> [u64; W] {
    std::array::from_fn(|j| {
        let (a, b) = slot::<W>(side, j);
        x.0[a][b]
    })
}

/// Adds `v` to a work's lanes of level parity `side`.
#[inline(always)]
fn or_into<const W: usize>(x: &mut Pair<W>, side: usize, v: &[u64; W]) {
    for j in 0..W {
        let (a, b) = slot::<W>(side, j);
        x.0[a][b] |= v[j];
    }
}

/// People gathered at once in a pull.
const BATCH: usize = 32;

/// Counts person `q`, reached at level `next` by the lanes `new` (into
/// `counter`), adds the distances to `sums` and `q`'s reach to the bounds
/// on the next level's counts (`upper`), where asked for.
#[inline(always)]
fn on_new<const W: usize>(
    g: &Compact,
    q: usize,
    new: &[u64; W],
    next: u32,
    counter: &mut Sliced<W>,
    sums: Option<&mut [u64]>,
    upper: Option<&mut [u64]>,
) {
    counter.add(new);
    if let Some(s) = sums {
        let c: u32 = new.iter().map(|x| x.count_ones()).sum();
        s[q] += u64::from(next) * u64::from(c);
    }
    if let Some(upper) = upper {
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
}

/// Counts `leaves` (into `counter`) for the lanes of `x` not yet in
/// `reached`, and adds them to it: a work's leaves, counted once for each
/// search when it first reaches the work.
#[inline(always)]
fn count_fresh<const W: usize>(
    x: &[u64; W],
    reached: &mut [u64; W],
    leaves: u32,
    counter: &mut Sliced<W>,
) {
    let mut fresh = [0u64; W];
    for j in 0..W {
        fresh[j] = x[j] & !reached[j];
    }
    if !is_zero(&fresh) {
        for j in 0..W {
            reached[j] |= fresh[j];
        }
        counter.add_times(&fresh, leaves);
    }
}

impl<'g, const W: usize> MultiBfs<'g, W> {
    /// The number of sources of one pass.
    pub(crate) const LANES: usize = 64 * W;

    pub(crate) fn new(g: &'g Compact) -> Self {
        let mut leafy_at = vec![u32::MAX; g.works()];
        let mut leafy = Vec::new();
        for (w, &l) in g.leaves.iter().enumerate() {
            if l > 0 {
                leafy_at[w] = leafy.len() as u32;
                leafy.push(w as u32);
            }
        }
        MultiBfs {
            g,
            seen: vec![[0; W]; g.len()],
            wbits: vec![Pair::ZERO; g.works()],
            list: Vec::new(),
            next_list: Vec::new(),
            wlist: Vec::new(),
            wmark: vec![0; g.works()],
            stamp: 0,
            wstart: Vec::new(),
            ahead: Sliced::new(),
            links_read: 0,
            leafy: leafy.clone(),
            leafy_at,
            reached: vec![[0; W]; leafy.len()],
        }
    }

    /// Counts the leaves of work `w` (into `counter`) for the lanes of `x`
    /// that reach it for the first time.
    #[inline(always)]
    fn count_leaves(&mut self, w: usize, x: &[u64; W], counter: &mut Sliced<W>) {
        if let Some(reached) = self.reached.get_mut(self.leafy_at[w] as usize) {
            count_fresh(x, reached, self.g.leaves[w], counter);
        }
    }

    /// Counts, into `counter`, the leaves of the works that lanes reached
    /// for the first time in a pull (written on `side`): a sweep in id
    /// order over the works with leaves, kept out of the pull's random
    /// reads.
    #[inline(always)]
    fn count_leaves_after_pull(&mut self, side: usize, counter: &mut Sliced<W>) {
        for (&w, reached) in self.leafy.iter().zip(self.reached.iter_mut()) {
            let x = word(&self.wbits[w as usize], side);
            count_fresh(&x, reached, self.g.leaves[w as usize], counter);
        }
    }

    /// Writes the listed people's lanes (kept to `active`), and those of
    /// the works searches start from, into their works' word `side`,
    /// counting the leaves of the works they reach first; lists the works
    /// touched (`wlist`) and returns the number of people those works hold
    /// (an upper bound on the work of pushing from them).
    #[inline(always)]
    fn mark_listed(&mut self, side: usize, active: &[u64; W], counter: &mut Sliced<W>) -> usize {
        if self.stamp == u32::MAX {
            self.wmark.fill(0);
            self.stamp = 0;
        }
        self.stamp += 1;
        self.wlist.clear();
        let mut touched = 0usize;
        let g = self.g;
        let (list, mut wstart) = (
            std::mem::take(&mut self.list),
            std::mem::take(&mut self.wstart),
        );
        let listed = list.iter().map(|&(p, f)| (g.works_of(p as usize), f));
        let started = wstart.iter().map(|(w, f)| (std::slice::from_ref(w), *f));
        for (works, f) in listed.chain(started) {
            let mut f = f;
            for j in 0..W {
                f[j] &= active[j];
            }
            if is_zero(&f) {
                continue;
            }
            for &w in works {
                let w = w as usize;
                if self.wmark[w] != self.stamp {
                    self.wmark[w] = self.stamp;
                    self.wlist.push(w as u32);
                    touched += g.cast_of(w).len();
                }
                or_into(&mut self.wbits[w], side, &f);
                self.count_leaves(w, &f, counter);
            }
        }
        self.list = list;
        wstart.clear();
        self.wstart = wstart;
        touched
    }

    /// Runs one search from each of `sources` (local ids of people, or
    /// [`Start`]s on a component without leaves; at most [`Self::LANES`]);
    /// `hist[i]` receives the histogram of search `i` (entry 0 is the
    /// source). `sums`, when given, gets for every person the sum of their
    /// distances from the sources. After each level, `level_end` returns
    /// the lanes to stop (their histograms stay truncated); `bounds` asks
    /// for [`LevelEnd::next_bound`]. `sums` and `bounds` need a component
    /// with its leaves. Runs with the processor's vector instructions (see
    /// [`Run`]).
    pub(crate) fn run<S: Copy + Into<Start>>(
        &mut self,
        sources: &[S],
        hist: &mut [Vec<u64>],
        sums: Option<&mut [u64]>,
        bounds: bool,
        level_end: impl FnMut(&LevelEnd<'_>) -> [u64; W],
    ) {
        pulp::Arch::new().dispatch(Run {
            bfs: self,
            sources,
            hist,
            sums,
            bounds,
            level_end,
        });
    }

    /// [`MultiBfs::run`], inlined into the function that `pulp` builds for
    /// the processor's vector instructions.
    #[inline(always)]
    fn run_here<S: Copy + Into<Start>>(
        &mut self,
        sources: &[S],
        hist: &mut [Vec<u64>],
        mut sums: Option<&mut [u64]>,
        bounds: bool,
        mut level_end: impl FnMut(&LevelEnd<'_>) -> [u64; W],
    ) {
        let g = self.g;
        let n = g.len();
        let lanes = sources.len().min(Self::LANES);
        debug_assert!(g.leaves.is_empty() || (sums.is_none() && !bounds));
        self.seen.fill([0; W]);
        self.wbits.fill(Pair::ZERO);
        self.reached.fill([0; W]);
        self.list.clear();
        self.wstart.clear();
        self.ahead = Sliced::new();
        let mut counter = Sliced::<W>::new();
        let mut active = [0u64; W];
        for (i, &s) in sources[..lanes].iter().enumerate() {
            let (j, b) = (i / 64, 1u64 << (i % 64));
            active[j] |= b;
            let mut bit = [0u64; W];
            bit[j] = b;
            match s.into() {
                Start::Person(p) => {
                    self.seen[p as usize][j] |= b;
                    self.list.push((p, bit));
                }
                Start::Work(w) => {
                    // The source is one of the work's leaves: the others
                    // are at distance 1.
                    or_into(&mut self.wbits[w as usize], 0, &bit);
                    self.reached[self.leafy_at[w as usize] as usize][j] |= b;
                    counter.add_times(&bit, g.leaves[w as usize] - 1);
                    self.wstart.push((w, bit));
                }
            }
        }
        for h in hist[..lanes].iter_mut() {
            h.clear();
            h.push(1);
        }
        let mut count = vec![0u64; lanes];
        let mut upper = vec![0u64; lanes];
        // Whether `list` missed people of the last level (it is kept only
        // while small); the works' word `side` is then complete instead.
        let mut overflow = false;
        let list_limit = n / 16 + 1;
        let mut side = 0usize;
        let mut depth = 0u32;
        // Before the first level: the bound on level 1 is the sources' reach.
        if bounds {
            for (i, &s) in sources[..lanes].iter().enumerate() {
                if let Start::Person(p) = s.into() {
                    upper[i] = u64::from(g.reach[p as usize]);
                }
            }
        }
        loop {
            let next = depth + 1;
            let mut found = false;
            if bounds {
                upper.fill(0);
            }
            let push = !overflow && self.mark_listed(side, &active, &mut counter) * 8 <= g.links();
            self.next_list.clear();
            overflow = false;
            if push {
                // Push from the few works the last level touched.
                for &w in &self.wlist {
                    self.links_read += g.cast_of(w as usize).len() as u64;
                    let v = word(&self.wbits[w as usize], side);
                    for &q in g.cast_of(w as usize) {
                        let seen = &mut self.seen[q as usize];
                        let mut new = [0u64; W];
                        let mut any = 0;
                        for j in 0..W {
                            new[j] = v[j] & active[j] & !seen[j];
                            any |= new[j];
                        }
                        if any == 0 {
                            continue;
                        }
                        for j in 0..W {
                            seen[j] |= new[j];
                        }
                        found = true;
                        self.next_list.push((q, new));
                        let q = q as usize;
                        let bound = bounds.then_some(&mut upper[..]);
                        on_new(g, q, &new, next, &mut counter, sums.as_deref_mut(), bound);
                    }
                }
            } else {
                // Pull into everyone not yet reached by every search, and
                // write their new lanes into their works' other word.
                let (read, write) = (side, 1 - side);
                // In batches: first each person's new lanes, from their
                // works (loads that wait on nothing, so that many cache
                // misses are in flight at once), then what those bring.
                let mut gathered = [[0u64; W]; BATCH];
                for first in (0..n).step_by(BATCH) {
                    let batch = first..(first + BATCH).min(n);
                    for (q, got) in batch.clone().zip(gathered.iter_mut()) {
                        let seen = &self.seen[q];
                        let mut any = 0;
                        for j in 0..W {
                            got[j] = active[j] & !seen[j];
                            any |= got[j];
                        }
                        if any == 0 {
                            continue;
                        }
                        let works = g.works_of(q);
                        self.links_read += works.len() as u64;
                        let mut acc = [0u64; W];
                        for &w in works {
                            let v = word(&self.wbits[w as usize], read);
                            for j in 0..W {
                                acc[j] |= v[j];
                            }
                        }
                        for j in 0..W {
                            got[j] &= acc[j];
                        }
                    }
                    for (q, new) in batch.zip(gathered.iter()) {
                        if is_zero(new) {
                            continue;
                        }
                        for j in 0..W {
                            self.seen[q][j] |= new[j];
                        }
                        for &w in g.works_of(q) {
                            or_into(&mut self.wbits[w as usize], write, new);
                        }
                        found = true;
                        if self.next_list.len() < list_limit {
                            self.next_list.push((q as u32, *new));
                        } else {
                            overflow = true;
                        }
                        let bound = bounds.then_some(&mut upper[..]);
                        on_new(g, q, new, next, &mut counter, sums.as_deref_mut(), bound);
                    }
                }
                // The leaves the people of this level reach are next level's.
                let mut ahead = std::mem::replace(&mut self.ahead, Sliced::new());
                self.count_leaves_after_pull(write, &mut ahead);
                self.ahead = ahead;
            }
            counter.take(&mut count);
            // The leaves the people of this level reach are next level's.
            std::mem::swap(&mut counter, &mut self.ahead);
            if !found && count.iter().all(|&c| c == 0) {
                return;
            }
            std::mem::swap(&mut self.list, &mut self.next_list);
            side = 1 - side;
            depth = next;
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

/// One call of [`MultiBfs::run`], to compile for the processor at hand:
/// `pulp` finds its vector instructions at run time (AVX2 and the like on
/// x86-64) and calls [`pulp::WithSimd::with_simd`] from a function built
/// for them, into which the whole pass is inlined (so every `[u64; W]`
/// operation of the pass runs on AVX2's 256-bit registers where the
/// processor has them). The whole centre of everyone on the large
/// synthetic set took a tenth less time than with baseline x86-64 (256 s
/// against 286 s, one run each); the crate itself stays without `unsafe`.
struct Run<'a, 'g, const W: usize, S, F> {
    bfs: &'a mut MultiBfs<'g, W>,
    sources: &'a [S],
    hist: &'a mut [Vec<u64>],
    sums: Option<&'a mut [u64]>,
    bounds: bool,
    level_end: F,
}

impl<const W: usize, S, F> pulp::WithSimd for Run<'_, '_, W, S, F>
where
    S: Copy + Into<Start>,
    F: FnMut(&LevelEnd<'_>) -> [u64; W],
{
    type Output = ();

    #[inline(always)]
    fn with_simd<V: pulp::Simd>(self, _: V) {
        let Run {
            bfs,
            sources,
            hist,
            sums,
            bounds,
            level_end,
        } = self;
        bfs.run_here(sources, hist, sums, bounds, level_end);
    }
}

/// The memory traffic of `sweeps` pull levels without their work: every
/// person's lane word and their works' words read, and written back, as a
/// pull level that reaches everyone does, but no lanes are masked, counted
/// or listed. What a pass costs beyond this is computing; this much it
/// cannot go below (the floor of the lane passes on this machine). Returns
/// the links read. Compiled with the same vector instructions as the passes
/// ([`MultiBfs::run`]).
pub(crate) fn touch_sweeps<const W: usize>(g: &Compact, sweeps: usize) -> u64 {
    pulp::Arch::new().dispatch(Sweeps::<W> { g, sweeps })
}

/// One call of [`touch_sweeps`], to compile for the processor at hand.
struct Sweeps<'g, const W: usize> {
    g: &'g Compact,
    sweeps: usize,
}

impl<const W: usize> pulp::WithSimd for Sweeps<'_, W> {
    type Output = u64;

    #[inline(always)]
    fn with_simd<V: pulp::Simd>(self, _: V) -> u64 {
        sweep_here::<W>(self.g, self.sweeps)
    }
}

#[inline(always)]
fn sweep_here<const W: usize>(g: &Compact, sweeps: usize) -> u64 {
    let mut seen = vec![[0u64; W]; g.len()];
    let mut wbits = vec![Pair::<W>::ZERO; g.works()];
    let mut links = 0u64;
    for sweep in 0..sweeps {
        let (read, write) = (sweep % 2, 1 - sweep % 2);
        for (q, mine) in seen.iter_mut().enumerate() {
            let works = g.works_of(q);
            links += works.len() as u64;
            let mut acc = [0u64; W];
            for &w in works {
                let v = word(&wbits[w as usize], read);
                for j in 0..W {
                    acc[j] |= v[j];
                }
            }
            // A changing lane, so that no read or write can be left out.
            acc[q % W] |= 1 << (sweep % 64);
            for j in 0..W {
                mine[j] |= acc[j];
            }
            for &w in works {
                or_into(&mut wbits[w as usize], write, &acc);
            }
        }
    }
    std::hint::black_box((&seen, &wbits));
    links
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every lane word of both parities has a slot of its own, a block of
    /// 256 lanes keeps its two words in one 64-byte span, and the spans are
    /// on 64-byte boundaries.
    #[test]
    fn slots_are_distinct_and_blocks_share_64_bytes() {
        fn check<const W: usize>() {
            let mut x = [[0u64; W]; 2];
            for side in 0..2 {
                for j in 0..W {
                    let (a, b) = slot::<W>(side, j);
                    assert_eq!(x[a][b], 0, "W = {W}: side {side}, word {j} shares a slot");
                    x[a][b] = 1;
                    if W > 4 {
                        let byte = (a * W + b) * 8;
                        assert_eq!(byte / 64, j / 4, "W = {W}: side {side}, word {j}");
                    }
                }
            }
            let v: [u64; W] = std::array::from_fn(|j| j as u64 + 1);
            let mut y = Pair::<W>::ZERO;
            or_into(&mut y, 1, &v);
            assert_eq!(word(&y, 1), v);
            assert_eq!(word(&y, 0), [0; W]);
            // Whole pairs of 64-byte spans: no block straddles a boundary.
            let pairs = vec![Pair::<W>::ZERO; 3];
            for p in &pairs {
                assert_eq!(std::ptr::from_ref(p).addr() % 64, 0, "W = {W}");
            }
        }
        check::<1>();
        check::<2>();
        check::<4>();
        check::<8>();
    }
}
