//! Every walk over the graph, in one place: the breadth-first search
//! ([`Bfs`], bounded or not, from one source or many, over the person–work
//! graph or over the person projection), the bidirectional search behind
//! shortest paths, the direction-optimising search behind whole-graph
//! distances and the union-find behind components. No other module walks the
//! graph. The walks return positions (people, works, appearances) and
//! counts, never answer types: [`query`](crate::query) turns them into
//! answers.
//!
//! [`levels`](mod@levels) holds the bitmap search of one person's distances to
//! everyone (the direction-optimising search above).
//!
//! Two submodules hold the whole-graph searches at scale:
//! [`multi`] the multi-source bit-parallel search over one component
//! (64–512 searches per pass, behind the centre of everyone, the top-k
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
use crate::graph::cograph::CoGraph;
use crate::graph::csr::Compiled;
use crate::graph::{Appearance, IdMap, TraversalIndex};
pub(crate) use costars::{CoStarPairs, co_star_pairs};
pub(crate) use levels::{Levels, levels};

/// "Not reached", in every distance array of the crate.
pub(crate) const UNREACHED: u32 = u32::MAX;

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
/// ([`CoGraph`](crate::graph::cograph::CoGraph)).
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
    /// A search over the person–work graph of an index under a filter.
    pub(crate) fn new(index: &'a TraversalIndex, filter: &'a Filter) -> Bfs<'a, Bipartite<'a>> {
        Bfs::over(Bipartite { index, filter })
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
    /// Returns whether the search stopped at `max_people` with someone
    /// within `max_depth` left out.
    pub(crate) fn run_from(&mut self, sources: &[u32], max_depth: u32, max_people: usize) -> bool {
        for &p in &self.order {
            self.dist[p as usize] = UNREACHED;
        }
        self.order.clear();
        self.marks.next_round();
        for &s in sources {
            if self.order.len() >= max_people {
                return true;
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
                return true;
            }
        }
        false
    }

    /// Runs from `source`, bounded as [`Bfs::run_from`] (and returns what
    /// it returns).
    pub(crate) fn run(&mut self, source: u32, max_depth: u32, max_people: usize) -> bool {
        self.run_from(&[source], max_depth, max_people)
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

/// An upper bound on every node's shared works, hence on their distinct
/// co-stars: the sum over their admitted appearances on admitted works of
/// the work's admitted appearances but one. Returns `(bound, person)` for
/// the nodes of the filter's graph only (see [`node_set`]), in id order.
/// One pass over the appearances; with [`CoCounts`], the top of a degree
/// ranking is found without the projection.
pub(crate) fn costar_bounds(index: &TraversalIndex, filter: &Filter) -> Vec<(u64, u32)> {
    let c = Compiled::new(filter);
    let cast: Vec<u32> = (0..index.works())
        .map(|w| {
            if index.work_ok(&c, w) {
                let admitted = index
                    .work_row(w as u32)
                    .filter(|&(_, f)| c.admits[f as usize]);
                admitted.count() as u32
            } else {
                0
            }
        })
        .collect();
    let mut out = Vec::new();
    for p in 0..index.people() as u32 {
        let mut node = false;
        let mut bound = 0u64;
        for (w, f) in index.person_row(p) {
            let n = cast[w as usize];
            if c.admits[f as usize] && n > 0 {
                node = true;
                bound += u64::from(n - 1);
            }
        }
        if node {
            out.push((bound, p));
        }
    }
    out
}

/// The number of co-appearances of the filter's graph: over the admitted
/// works, `c · (c − 1) / 2` for a cast of `c` distinct admitted people.
/// The projection has at most this many edges, and holds exactly this many
/// (pair, work) entries; one pass over the works' rows, no allocation but
/// a mark per person.
pub(crate) fn co_pair_count(index: &TraversalIndex, filter: &Filter) -> u64 {
    let c = Compiled::new(filter);
    let mut seen = Marks::new(index.people());
    let mut total = 0u64;
    for w in 0..index.works() {
        if !index.work_ok(&c, w) {
            continue;
        }
        seen.next_round();
        let mut cast = 0u64;
        for (q, f) in index.work_row(w as u32) {
            if c.admits[f as usize] && seen.first(q) {
                cast += 1;
            }
        }
        total += cast * cast.saturating_sub(1) / 2;
    }
    total
}

/// One person's distinct co-stars and shared works at a time (the degree
/// and the weighted degree of [`CoGraph`], each shared work counted once
/// per co-star), without building the projection: the work is the
/// person's works and their casts.
pub(crate) struct CoCounts<'a> {
    index: &'a TraversalIndex,
    filter: &'a Filter,
    works: Marks,
    people: Marks,
    in_work: Marks,
}

impl<'a> CoCounts<'a> {
    /// A counter over the index under a filter.
    pub(crate) fn new(index: &'a TraversalIndex, filter: &'a Filter) -> CoCounts<'a> {
        CoCounts {
            index,
            filter,
            works: Marks::new(index.works()),
            people: Marks::new(index.people()),
            in_work: Marks::new(index.people()),
        }
    }

    /// `(distinct co-stars, shared works)` of person `p`.
    pub(crate) fn of(&mut self, p: u32) -> (usize, usize) {
        let (mut degree, mut shared) = (0, 0);
        self.works.next_round();
        self.people.next_round();
        self.people.first(p);
        for mine in self.index.of_person(p, self.filter) {
            if !self.works.first(mine.work) {
                continue;
            }
            self.in_work.next_round();
            self.in_work.first(p);
            for theirs in self.index.in_work(mine.work, self.filter) {
                let q = theirs.person;
                if self.in_work.first(q) {
                    shared += 1;
                    degree += usize::from(self.people.first(q));
                }
            }
        }
        (degree, shared)
    }
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
pub(crate) fn ones(bits: &[u64]) -> impl Iterator<Item = u32> + '_ {
    set_bits(bits.iter().copied())
}

/// The positions of the bits set in a sequence of words, in order.
fn set_bits(words: impl Iterator<Item = u64>) -> impl Iterator<Item = u32> {
    words.enumerate().flat_map(|(i, mut word)| {
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

/// One hop of a path, as positions: the person it starts from and their
/// appearance on the shared work, the person it arrives at and theirs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hop {
    pub(crate) from: u32,
    pub(crate) from_app: Appearance,
    pub(crate) to: u32,
    pub(crate) to_app: Appearance,
}

/// Bidirectional BFS over person → work → person hops, expanding the side
/// whose frontier is smaller. Returns the hops from `a` to `b`.
pub(crate) fn bidirectional(g: &Graph, a: u32, b: u32, filter: &Filter) -> Option<Vec<Hop>> {
    let index = g.index();
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
            return Some(join(&seen, meet));
        }
        frontier[side] = next;
    }
}

/// Rebuilds the hops a → meet → b from both sides' links.
fn join(seen: &[IdMap<Reached>; 2], meet: u32) -> Vec<Hop> {
    let step = |from: u32, from_app: &Appearance, to: u32, to_app: &Appearance| Hop {
        from,
        from_app: *from_app,
        to,
        to_app: *to_app,
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
// The person projection

/// Every pair of people who share an admitted work, as `(a, b, work)` with
/// `a < b`, sorted and without duplicates.
pub(crate) fn co_pairs(index: &TraversalIndex, filter: &Filter) -> Vec<(u32, u32, u32)> {
    let mut pairs = Vec::new();
    let mut cast: Vec<u32> = Vec::new();
    for w in 0..index.works() as u32 {
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

/// The person projection ([`CoGraph`]) of the filter's graph, built person by person: each person's works, each
/// work's cast, counted into a scratch row. Memory is the edges only,
/// never the (person, person, work) triples: 1,000 people sharing 1,000
/// works are a million edges, not half a billion triples.
pub(crate) fn co_graph(index: &TraversalIndex, filter: &Filter) -> CoGraph {
    let people = index.people();
    let mut offsets = Vec::with_capacity(people + 1);
    offsets.push(0u32);
    let (mut targets, mut weights) = (Vec::new(), Vec::new());
    // shared[q]: works shared with q so far; seen_work / seen_in_work
    // stamp what this person has counted, without clearing.
    let mut shared = vec![0u32; people];
    let mut seen_work = vec![u32::MAX; index.works()];
    let mut seen_in_work = vec![u32::MAX; people];
    let mut row: Vec<u32> = Vec::new();
    for p in 0..people as u32 {
        row.clear();
        for mine in index.of_person(p, filter) {
            let w = mine.work;
            if std::mem::replace(&mut seen_work[w as usize], p) == p {
                continue;
            }
            for theirs in index.in_work(w, filter) {
                let q = theirs.person;
                // Once per work (a member may be credited twice).
                if q == p || seen_in_work[q as usize] == w {
                    continue;
                }
                seen_in_work[q as usize] = w;
                if shared[q as usize] == 0 {
                    row.push(q);
                }
                shared[q as usize] += 1;
            }
            // The next work may list the same people again.
            for theirs in index.in_work(w, filter) {
                seen_in_work[theirs.person as usize] = u32::MAX;
            }
        }
        row.sort_unstable();
        for &q in &row {
            targets.push(q);
            weights.push(std::mem::take(&mut shared[q as usize]));
        }
        offsets.push(u32::try_from(targets.len()).expect("fewer than 2^32 co-appearances"));
    }
    let (nodes, node_count) = node_set(index, filter);
    CoGraph {
        nodes,
        node_count,
        offsets,
        targets,
        weights,
    }
}

impl Hops for &CoGraph {
    fn nodes(&self) -> usize {
        self.len()
    }

    fn marks(&self) -> usize {
        0
    }

    fn expand(
        &self,
        p: u32,
        _marks: &mut Marks,
        mut f: impl FnMut(u32) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        for &q in self.neighbours(p) {
            f(q)?;
        }
        ControlFlow::Continue(())
    }
}

// ---------------------------------------------------------------------------
// Whole-graph searches at scale

pub(crate) mod cores;
pub(crate) mod costars;
pub(crate) mod leiden;
pub(crate) mod levels;
pub(crate) mod louvain;
pub(crate) mod multi;
pub(crate) mod routes;
pub(crate) mod sampled;
pub(crate) mod sliced;
