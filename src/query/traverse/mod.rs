//! Every walk over the graph, in one place: the breadth-first search
//! ([`Bfs`], bounded or not, from one source or many, over the person–work
//! graph or over the person projection), the bidirectional search behind
//! shortest paths, the direction-optimising search behind whole-graph
//! distances, the union-find behind components, and the counting sort that
//! builds every CSR table of the crate. No other module walks the graph.
//!
//! Two submodules hold the whole-graph searches at scale:
//! [`multi`] the multi-source bit-parallel search over one component
//! (64–256 searches per pass, behind the centre of everyone, the top-k
//! centre and the diameter), and [`sampled`] the random shortest paths of
//! approximate betweenness.
//!
//! All of them work on flat vectors sized to the people (and works),
//! allocated once per call or per reusable searcher: no hashing and no
//! allocation per node, except in the bidirectional search, which keeps
//! per-query maps of the part of the graph it reaches so that a short path
//! in an IMDb-sized graph costs nothing proportional to the whole graph.

use std::ops::ControlFlow;

use crate::filter::Filter;
use crate::graph::Graph;
use crate::graph::csr::Compiled;
use crate::graph::{Appearance, IdMap, TraversalIndex};
use crate::query::costars::Credited;
use crate::query::path::Step;

/// "Not reached", in every distance array of the crate.
pub(crate) const UNREACHED: u32 = u32::MAX;

// ---------------------------------------------------------------------------
// CSR construction

/// The row offsets (`n + 1` of them) of a CSR table whose rows hold as many
/// items as `keys` names each row.
pub(crate) fn offsets(n: usize, keys: impl Iterator<Item = usize>) -> Vec<u32> {
    let mut start = vec![0u32; n + 1];
    for k in keys {
        start[k + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    start
}

/// Groups `items` by `key(item)` in `0..n` (a stable counting sort): returns
/// the row offsets (`n + 1` of them) and the items in row order. Every CSR
/// table of the crate is made by this function.
pub(crate) fn group_by<T: Copy>(
    n: usize,
    items: &[T],
    key: impl Fn(&T) -> usize,
) -> (Vec<u32>, Vec<T>) {
    let start = offsets(n, items.iter().map(&key));
    let mut grouped: Vec<T> = Vec::with_capacity(items.len());
    if let Some(&first) = items.first() {
        grouped.resize(items.len(), first);
        let mut fill = start.clone();
        for &x in items {
            let slot = &mut fill[key(&x)];
            grouped[*slot as usize] = x;
            *slot += 1;
        }
    }
    (start, grouped)
}

// ---------------------------------------------------------------------------
// Breadth-first search

/// Per-run marks: `first(i)` is true the first time `i` is seen in a run.
pub(crate) struct Marks {
    stamp: Vec<u32>,
    round: u32,
}

impl Marks {
    fn new(n: usize) -> Marks {
        Marks {
            stamp: vec![0; n],
            round: 0,
        }
    }

    /// Starts a new run; every mark is clear again.
    fn next_round(&mut self) {
        self.round = self.round.wrapping_add(1);
        if self.round == 0 {
            self.stamp.fill(0);
            self.round = 1;
        }
    }

    #[inline]
    fn first(&mut self, i: u32) -> bool {
        let s = &mut self.stamp[i as usize];
        let new = *s != self.round;
        *s = self.round;
        new
    }
}

/// A graph of people that [`Bfs`] can walk: the person–work graph under a
/// filter ([`Bipartite`]) or the person projection
/// ([`CoGraph`](crate::query::graph::CoGraph)).
pub(crate) trait Hops {
    /// The number of people (nodes).
    fn nodes(&self) -> usize;

    /// The size of the scratch marks an expansion needs (the works, for the
    /// person–work graph).
    fn marks(&self) -> usize;

    /// Calls `f` for every neighbour of `p` (possibly more than once), using
    /// `marks` to skip what this run has already expanded; stops when `f`
    /// breaks.
    fn expand(
        &self,
        p: u32,
        marks: &mut Marks,
        f: impl FnMut(u32) -> ControlFlow<()>,
    ) -> ControlFlow<()>;
}

/// The person–work graph under a filter: person → work → person hops.
pub(crate) struct Bipartite<'a> {
    pub(crate) index: &'a TraversalIndex,
    pub(crate) filter: &'a Filter,
}

impl Hops for Bipartite<'_> {
    fn nodes(&self) -> usize {
        self.index.people()
    }

    fn marks(&self) -> usize {
        self.index.works()
    }

    fn expand(
        &self,
        p: u32,
        marks: &mut Marks,
        mut f: impl FnMut(u32) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        for mine in self.index.of_person(p, self.filter) {
            if !marks.first(mine.work) {
                continue;
            }
            for theirs in self.index.in_work(mine.work, self.filter) {
                f(theirs.person)?;
            }
        }
        ControlFlow::Continue(())
    }
}

/// Breadth-first search over a graph of people, reusable: every run resets
/// only what the previous run touched.
pub(crate) struct Bfs<'a, G: Hops = Bipartite<'a>> {
    graph: G,
    /// Distance of each person from the last sources, [`UNREACHED`] if not
    /// reached.
    pub(crate) dist: Vec<u32>,
    /// The people reached by the last run, in order of discovery.
    pub(crate) order: Vec<u32>,
    marks: Marks,
    /// People already listed by [`Bfs::costars`].
    listed: Marks,
    _graph: std::marker::PhantomData<&'a ()>,
}

impl<'a> Bfs<'a, Bipartite<'a>> {
    /// A search over the person–work graph of an explorer under a filter.
    pub(crate) fn new(explorer: &'a crate::Explorer, filter: &'a Filter) -> Bfs<'a, Bipartite<'a>> {
        Bfs::over(Bipartite {
            index: &explorer.graph.index,
            filter,
        })
    }
}

impl<'a, G: Hops> Bfs<'a, G> {
    /// A search over `graph`.
    pub(crate) fn over(graph: G) -> Bfs<'a, G> {
        let n = graph.nodes();
        let marks = Marks::new(graph.marks());
        Bfs {
            graph,
            dist: vec![UNREACHED; n],
            order: Vec::new(),
            marks,
            listed: Marks::new(n),
            _graph: std::marker::PhantomData,
        }
    }

    /// Runs from `sources`, expanding people up to `max_depth` hops away
    /// (people at `max_depth` are reached but not expanded) and at most
    /// `max_people` people in all. Sources out of range are ignored.
    pub(crate) fn run_from(&mut self, sources: &[u32], max_depth: u32, max_people: usize) {
        for &p in &self.order {
            self.dist[p as usize] = UNREACHED;
        }
        self.order.clear();
        self.marks.next_round();
        for &s in sources {
            if self.order.len() >= max_people {
                return;
            }
            if let Some(d) = self.dist.get_mut(s as usize)
                && *d == UNREACHED
            {
                *d = 0;
                self.order.push(s);
            }
        }
        let mut head = 0;
        while head < self.order.len() {
            let p = self.order[head];
            head += 1;
            let d = self.dist[p as usize];
            if d >= max_depth {
                continue;
            }
            let (dist, order) = (&mut self.dist, &mut self.order);
            let flow = self.graph.expand(p, &mut self.marks, |q| {
                if dist[q as usize] == UNREACHED {
                    if order.len() >= max_people {
                        return ControlFlow::Break(());
                    }
                    dist[q as usize] = d + 1;
                    order.push(q);
                }
                ControlFlow::Continue(())
            });
            if flow.is_break() {
                return;
            }
        }
    }

    /// Runs from `source`, bounded as [`Bfs::run_from`].
    pub(crate) fn run(&mut self, source: u32, max_depth: u32, max_people: usize) {
        self.run_from(&[source], max_depth, max_people);
    }

    /// Runs from `source` with no bound.
    pub(crate) fn run_all(&mut self, source: u32) {
        self.run(source, u32::MAX, usize::MAX);
    }

    /// Calls `f` once for each distinct neighbour of `p` (never `p` itself).
    pub(crate) fn costars(&mut self, p: u32, mut f: impl FnMut(u32)) {
        self.marks.next_round();
        self.listed.next_round();
        self.listed.first(p);
        let listed = &mut self.listed;
        let _ = self.graph.expand(p, &mut self.marks, |q| {
            if listed.first(q) {
                f(q);
            }
            ControlFlow::Continue(())
        });
    }

    /// The distinct neighbours of `p`, in id order.
    pub(crate) fn costar_list(&mut self, p: u32) -> Vec<u32> {
        let mut out = Vec::new();
        self.costars(p, |q| out.push(q));
        out.sort_unstable();
        out
    }
}

// ---------------------------------------------------------------------------
// Whole-graph searches on the index

/// The people of the filter's co-appearance graph: those with at least one
/// credit the filter counts. A director, a composer or a record kept only
/// as unverified (under the default filter) is not a node. Returns one flag
/// a person and the number of nodes; every whole-graph measure (components,
/// distances, centre ranking, centrality) uses this set.
pub(crate) fn node_set(index: &TraversalIndex, filter: &Filter) -> (Vec<bool>, usize) {
    let is_node = node_test(index, filter);
    let mut count = 0;
    let nodes = (0..index.people() as u32)
        .map(|p| {
            let node = is_node(p);
            count += usize::from(node);
            node
        })
        .collect();
    (nodes, count)
}

/// How many works each person shares with someone else under the filter
/// (0 for a person who is not a node, or whose every work is theirs
/// alone), and how many people are nodes (see [`node_set`]).
pub(crate) fn shared_works(index: &TraversalIndex, filter: &Filter) -> (Vec<u32>, usize) {
    let c = Compiled::new(filter);
    // Both passes on every core; `for_each_chunk`'s bitmaps go unused.
    let mut cast = vec![0u32; index.works()];
    for_each_chunk(
        &mut cast,
        &mut vec![0; index.works().div_ceil(64)],
        |start, chunk, _| {
            for (w, n) in (start..).zip(chunk) {
                if index.work_ok(&c, w) {
                    let admitted = index
                        .work_row(w as u32)
                        .filter(|&(_, f)| c.admits[f as usize]);
                    *n = admitted.count() as u32;
                }
            }
            []
        },
    );
    let mut shared = vec![0u32; index.people()];
    let mut unused = vec![0; index.people().div_ceil(64)];
    let [nodes] = for_each_chunk(&mut shared, &mut unused, |start, chunk, _| {
        let mut nodes = 0;
        for (p, n) in (start as u32..).zip(chunk) {
            let mut node = false;
            for (w, f) in index.person_row(p) {
                let cast = cast[w as usize];
                if c.admits[f as usize] && cast > 0 {
                    node = true;
                    *n += u32::from(cast > 1);
                }
            }
            nodes += u64::from(node);
        }
        [nodes]
    });
    (shared, nodes as usize)
}

/// Whether a person is a node of the filter's co-appearance graph (see
/// [`node_set`]), for one person at a time.
pub(crate) fn node_test<'a>(
    index: &'a TraversalIndex,
    filter: &'a Filter,
) -> impl Fn(u32) -> bool + 'a {
    let c = Compiled::new(filter);
    move |p| {
        index
            .person_row(p)
            .any(|(w, f)| c.admits[f as usize] && index.work_ok(&c, w as usize))
    }
}

/// A top-down step whose frontier holds more than this share (1/ALPHA) of
/// all appearances goes bottom-up even when the frontier has few people: a
/// few busy people can reach most of the graph in one step (Beamer et al.,
/// "Direction-Optimizing Breadth-First Search", SC 2012, whose α = 14 this
/// is; the bound counts the frontier's appearances, not their edges).
const ALPHA: u64 = 14;

/// A bottom-up step pushes the works of the frontier's people when they
/// hold fewer than this share (1/PUSH) of all appearances, instead of
/// having every work look for a member on the frontier (on the large
/// synthetic set, from its busiest person: 61-66 ms against 87-95 ms).
const PUSH: u64 = 4;

/// The level of every person from `source` (0 for the source,
/// [`UNREACHED`] for people out of reach), by a direction-optimising
/// breadth-first search: a level whose frontier is small (in people and in
/// appearances, see [`ALPHA`]) is expanded top-down (from the frontier's
/// works); a large one bottom-up (the frontier's works are marked, pushed
/// when they are few (see [`PUSH`]) or else found by every unreached work
/// looking for a member on the frontier, then every unreached person looks
/// for such a work), which reads the tables in order instead of jumping
/// around them. Empty when the source is out of range.
pub(crate) fn levels(index: &TraversalIndex, source: u32, filter: &Filter) -> Vec<u32> {
    let people = index.people();
    if source as usize >= people {
        return Vec::new();
    }
    let c = Compiled::new(filter);
    let mut plevel = vec![UNREACHED; people];
    let mut wlevel = vec![UNREACHED; index.works()];
    // The people at the current level and the works reached at it, as
    // bitmaps: the bottom-up steps test them for every row they read, and a
    // bit per record stays in the cache where a level number does not.
    let mut pfront = vec![0u64; people.div_ceil(64)];
    let mut pnext = vec![0u64; people.div_ceil(64)];
    let mut wfront = vec![0u64; index.works().div_ceil(64)];
    // Everyone and every work reached so far, for the top-down steps'
    // random tests (a bitmap stays in the cache where the levels do not).
    let mut pseen = vec![0u64; people.div_ceil(64)];
    let mut wseen = vec![0u64; index.works().div_ceil(64)];
    let set = |bits: &mut [u64], i: usize| {
        let (word, bit) = (i / 64, 1 << (i % 64));
        let new = bits[word] & bit == 0;
        bits[word] |= bit;
        new
    };
    let mut frontier: Vec<u32> = vec![source];
    let mut frontier_known = true;
    plevel[source as usize] = 0;
    pfront[source as usize / 64] |= 1 << (source % 64);
    pseen[source as usize / 64] |= 1 << (source % 64);
    let (mut d, mut size, mut reached) = (0u32, 1u64, 1u64);
    // The appearances of the frontier's people.
    let mut credits = index.person_app_range(source).len() as u64;
    while size > 0 {
        let found;
        let small =
            size * 20 < people as u64 || reached * 2 > people as u64 && size * 5 < people as u64;
        if small && credits * ALPHA <= index.len() as u64 {
            // Top-down.
            if !frontier_known {
                frontier.clear();
                frontier.extend(ones(&pfront));
            }
            let mut next = Vec::new();
            for &p in &frontier {
                for (w, f) in index.person_row(p) {
                    let w = w as usize;
                    if !c.admits[f as usize] || !set(&mut wseen, w) {
                        continue;
                    }
                    wlevel[w] = d;
                    if !index.work_ok(&c, w) {
                        continue;
                    }
                    for (q, f) in index.work_row(w as u32) {
                        if c.admits[f as usize] && set(&mut pseen, q as usize) {
                            plevel[q as usize] = d + 1;
                            next.push(q);
                        }
                    }
                }
            }
            pfront.fill(0);
            credits = 0;
            for &q in &next {
                pfront[q as usize / 64] |= 1 << (q % 64);
                credits += index.person_app_range(q).len() as u64;
            }
            found = next.len() as u64;
            frontier = next;
            frontier_known = true;
        } else {
            // Bottom-up. First the works that have a member at level d:
            // pushed from the frontier when its appearances are few, else
            // pulled by every work not yet reached, each part on its own
            // core…
            if credits * PUSH < index.len() as u64 {
                wfront.fill(0);
                let mut push = |p: u32| {
                    for (w, f) in index.person_row(p) {
                        let w = w as usize;
                        if wlevel[w] == UNREACHED && c.admits[f as usize] {
                            wlevel[w] = d;
                            if index.work_ok(&c, w) {
                                wfront[w / 64] |= 1 << (w % 64);
                            }
                        }
                    }
                };
                if frontier_known {
                    frontier.iter().for_each(|&p| push(p));
                } else {
                    ones(&pfront).for_each(push);
                }
            } else {
                let front = &pfront;
                for_each_chunk(&mut wlevel, &mut wfront, |start, chunk, bits| {
                    bits.fill(0);
                    for (i, level) in chunk.iter_mut().enumerate() {
                        let w = start + i;
                        if *level != UNREACHED || !index.work_ok(&c, w) {
                            continue;
                        }
                        if any_set(index.work_row(w as u32), front, &c.admits) {
                            *level = d;
                            bits[i / 64] |= 1 << (i % 64);
                        }
                    }
                    []
                });
            }
            // …then people in one of those works.
            let works = &wfront;
            [found, credits] = for_each_chunk(&mut plevel, &mut pnext, |start, chunk, bits| {
                bits.fill(0);
                let (mut found, mut credits) = (0, 0);
                for (i, level) in chunk.iter_mut().enumerate() {
                    if *level != UNREACHED {
                        continue;
                    }
                    let row = index.person_app_range((start + i) as u32);
                    if any_set(index.person_row((start + i) as u32), works, &c.admits) {
                        *level = d + 1;
                        bits[i / 64] |= 1 << (i % 64);
                        found += 1;
                        credits += row.len() as u64;
                    }
                }
                [found, credits]
            });
            for (seen, new) in pseen.iter_mut().zip(&pnext) {
                *seen |= new;
            }
            for (seen, new) in wseen.iter_mut().zip(&wfront) {
                *seen |= new;
            }
            std::mem::swap(&mut pfront, &mut pnext);
            frontier_known = false;
        }
        reached += found;
        size = found;
        d += 1;
    }
    plevel
}

/// Whether an admitted entry of a row has its bit set in `bits`. The
/// tests are ORed together without a branch each (rows are short and the
/// outcome unpredictable), and checked every eight entries, so that a long
/// row still stops early.
#[inline]
fn any_set(row: impl Iterator<Item = (u32, u8)>, bits: &[u64], admits: &[bool; 128]) -> bool {
    let mut acc = 0u64;
    for (k, (i, f)) in row.enumerate() {
        acc |= bits[i as usize / 64] >> (i % 64) & u64::from(admits[usize::from(f & 127)]);
        if k % 8 == 7 && acc & 1 != 0 {
            return true;
        }
    }
    acc & 1 != 0
}

/// Runs `f(start, chunk, bits)` over consecutive chunks of `items` (and the
/// matching words of the bitmap `bits`, one bit per item), one chunk per
/// core (in this thread alone when the slice is small), and adds up the
/// counts the calls return. Chunks start at multiples of 64, so that no two
/// threads share a word of the bitmap.
fn for_each_chunk<const N: usize>(
    items: &mut [u32],
    bits: &mut [u64],
    f: impl Fn(usize, &mut [u32], &mut [u64]) -> [u64; N] + Sync,
) -> [u64; N] {
    debug_assert_eq!(bits.len(), items.len().div_ceil(64));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || items.len() < 1 << 16 {
        return f(0, items, bits);
    }
    let size = items.len().div_ceil(threads).next_multiple_of(64);
    std::thread::scope(|scope| {
        let f = &f;
        let parts: Vec<_> = items
            .chunks_mut(size)
            .zip(bits.chunks_mut(size / 64))
            .enumerate()
            .map(|(i, (chunk, words))| scope.spawn(move || f(i * size, chunk, words)))
            .collect();
        let mut total = [0; N];
        for part in parts {
            let counts = part.join().expect("a search thread does not panic");
            for (t, c) in total.iter_mut().zip(counts) {
                *t += c;
            }
        }
        total
    })
}

/// The positions of the set bits of a bitmap, in order.
fn ones(bits: &[u64]) -> impl Iterator<Item = u32> + '_ {
    bits.iter().enumerate().flat_map(|(i, &word)| {
        let mut word = word;
        std::iter::from_fn(move || {
            (word != 0).then(|| {
                let bit = word.trailing_zeros();
                word &= word - 1;
                (i * 64) as u32 + bit
            })
        })
    })
}

/// The connected components of the co-appearance graph of the people who
/// have at least one admitted appearance: for each such person, a
/// component number (numbered in order of each component's smallest
/// member; [`UNREACHED`] for people without an admitted appearance), and
/// the number of components. Union-find with path halving, on two flat
/// vectors.
pub(crate) fn component_labels(index: &TraversalIndex, filter: &Filter) -> (Vec<u32>, usize) {
    let c = Compiled::new(filter);
    let people = index.people();
    let mut parent: Vec<u32> = (0..people as u32).collect();
    let mut active = vec![false; people];
    fn root(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let up = parent[parent[x as usize] as usize];
            parent[x as usize] = up;
            x = up;
        }
        x
    }
    for w in 0..index.works() {
        if !index.work_ok(&c, w) {
            continue;
        }
        let mut first = None;
        for (q, f) in index.work_row(w as u32) {
            if !c.admits[f as usize] {
                continue;
            }
            active[q as usize] = true;
            match first {
                None => first = Some(root(&mut parent, q)),
                Some(a) => {
                    let b = root(&mut parent, q);
                    if a != b {
                        // Keep the smaller id as the root: deterministic.
                        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                        parent[hi as usize] = lo;
                        first = Some(lo);
                    }
                }
            }
        }
    }
    // Relabel roots 0, 1, … in order of their smallest member.
    let mut label = vec![UNREACHED; people];
    let mut count = 0usize;
    for p in 0..people {
        if !active[p] {
            continue;
        }
        let r = root(&mut parent, p as u32) as usize;
        if label[r] == UNREACHED {
            label[r] = count as u32;
            count += 1;
        }
        label[p] = label[r];
    }
    (label, count)
}

// ---------------------------------------------------------------------------
// Bidirectional search

/// How a person was reached: depth, and the link back (previous person and
/// both appearances on the shared work).
#[derive(Clone, Copy)]
struct Reached {
    depth: u32,
    via: Option<(u32, Appearance, Appearance)>,
}

/// Bidirectional BFS over person → work → person hops, expanding the side
/// whose frontier is smaller. Returns the steps from `a` to `b`.
pub(crate) fn bidirectional(g: &Graph, a: u32, b: u32, filter: &Filter) -> Option<Vec<Step>> {
    let index = &g.index;
    if a as usize >= index.people() || b as usize >= index.people() {
        return None;
    }
    if a == b {
        return Some(Vec::new());
    }
    let start = |p| {
        let mut m = IdMap::default();
        m.insert(
            p,
            Reached {
                depth: 0,
                via: None,
            },
        );
        m
    };
    let mut seen = [start(a), start(b)];
    let mut frontier = [vec![a], vec![b]];
    let mut works_done = [IdMap::<()>::default(), IdMap::default()];
    loop {
        if frontier[0].is_empty() || frontier[1].is_empty() {
            return None;
        }
        let side = usize::from(frontier[1].len() < frontier[0].len());
        let other = 1 - side;
        let mut next = Vec::new();
        let mut best: Option<(u32, u32)> = None; // (total length, meeting person)
        for &p in &frontier[side] {
            let depth = seen[side][&p].depth;
            for mine in index.of_person(p, filter) {
                if works_done[side].insert(mine.work, ()).is_some() {
                    continue;
                }
                for theirs in index.in_work(mine.work, filter) {
                    let q = theirs.person;
                    if seen[side].contains_key(&q) {
                        continue;
                    }
                    let via = Some((p, mine, theirs));
                    seen[side].insert(
                        q,
                        Reached {
                            depth: depth + 1,
                            via,
                        },
                    );
                    next.push(q);
                    if let Some(r) = seen[other].get(&q) {
                        let total = depth + 1 + r.depth;
                        if best.is_none_or(|(t, _)| total < t) {
                            best = Some((total, q));
                        }
                    }
                }
            }
        }
        if let Some((_, meet)) = best {
            return Some(join(g, &seen, meet));
        }
        frontier[side] = next;
    }
}

/// Rebuilds the steps a → meet → b from both sides' links.
fn join(g: &Graph, seen: &[IdMap<Reached>; 2], meet: u32) -> Vec<Step> {
    let step = |from: u32, from_app: &Appearance, to: u32, to_app: &Appearance| Step {
        from: g.pid(from),
        from_credit: Credited::of(g, from_app),
        work: g.wid(from_app.work),
        to_credit: Credited::of(g, to_app),
        to: g.pid(to),
    };
    // Side 0 grew from a; its links point back towards a.
    let mut steps = Vec::new();
    let mut cur = meet;
    while let Some((prev, prev_app, cur_app)) = seen[0][&cur].via {
        steps.push(step(prev, &prev_app, cur, &cur_app));
        cur = prev;
    }
    steps.reverse();
    // Side 1 grew from b; its links point back towards b.
    let mut cur = meet;
    while let Some((prev, prev_app, cur_app)) = seen[1][&cur].via {
        steps.push(step(cur, &cur_app, prev, &prev_app));
        cur = prev;
    }
    steps
}

// ---------------------------------------------------------------------------
// Whole-graph searches at scale

pub(crate) mod multi;
pub(crate) mod sampled;
