//! Paths with conditions, over the person–work graph itself (people and
//! works as nodes): a bidirectional search that leaves out given people,
//! works and person–work links, and Yen's k shortest loopless paths built
//! on it.
//!
//! A path here is its nodes (person, work, person, …, person) and, for each
//! link between a person and a work, the appearance that makes it (the
//! first the index gives for that person and work, as the plain shortest
//! path takes it).

use std::collections::{BTreeMap, HashSet};

use crate::filter::Filter;
use crate::graph::{Appearance, IdMap, TraversalIndex, UNKNOWN_YEAR};

use super::Hop;

/// A node of the person–work graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Node {
    Person(u32),
    Work(u32),
}

/// What a search must not pass through: people, works, and person–work
/// links (as `(person, work)`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Blocked {
    pub(crate) people: HashSet<u32>,
    pub(crate) works: HashSet<u32>,
    pub(crate) links: HashSet<(u32, u32)>,
}

impl Blocked {
    fn node(&mut self, n: Node) {
        match n {
            Node::Person(p) => self.people.insert(p),
            Node::Work(w) => self.works.insert(w),
        };
    }

    fn link(&mut self, a: Node, b: Node) {
        match (a, b) {
            (Node::Person(p), Node::Work(w)) | (Node::Work(w), Node::Person(p)) => {
                self.links.insert((p, w));
            }
            _ => {}
        }
    }

    fn admits(&self, app: &Appearance) -> bool {
        !self.people.contains(&app.person)
            && !self.works.contains(&app.work)
            && !self.links.contains(&(app.person, app.work))
    }
}

/// A path of the person–work graph: `nodes` alternate, `apps[i]` links
/// `nodes[i]` and `nodes[i + 1]`.
#[derive(Clone, Debug)]
pub(crate) struct Route {
    pub(crate) nodes: Vec<Node>,
    pub(crate) apps: Vec<Appearance>,
}

impl Route {
    /// The hops person → work → person of a route from a person to a
    /// person.
    pub(crate) fn hops(&self) -> Vec<Hop> {
        self.apps
            .chunks_exact(2)
            .map(|pair| Hop {
                from: pair[0].person,
                from_app: pair[0],
                to: pair[1].person,
                to_app: pair[1],
            })
            .collect()
    }
}

/// The neighbours of a node that the filter admits and `blocked` leaves,
/// each once, with the appearance that links them.
fn neighbours(
    index: &TraversalIndex,
    filter: &Filter,
    blocked: &Blocked,
    n: Node,
    mut f: impl FnMut(Node, Appearance),
) {
    match n {
        Node::Person(p) => {
            let mut last = u32::MAX;
            for app in index.of_person(p, filter) {
                if app.work != last && blocked.admits(&app) {
                    f(Node::Work(app.work), app);
                }
                last = app.work;
            }
        }
        Node::Work(w) => {
            let mut seen = HashSet::new();
            for app in index.in_work(w, filter) {
                if blocked.admits(&app) && seen.insert(app.person) {
                    f(Node::Person(app.person), app);
                }
            }
        }
    }
}

/// How a node was reached: depth, and the node and appearance it came
/// from.
type Links = IdMap<(u32, Option<(Node, Appearance)>)>;

/// The key of a node in one map: people even, works odd.
fn key(n: Node) -> u32 {
    match n {
        Node::Person(p) => p.wrapping_mul(2),
        Node::Work(w) => w.wrapping_mul(2) | 1,
    }
}

/// A shortest route from `from` to `to` that `blocked` leaves (neither end
/// is checked against it): a bidirectional breadth-first search expanding
/// the smaller side, the meeting node of least total depth (the first met
/// on a tie).
pub(crate) fn shortest(
    index: &TraversalIndex,
    from: Node,
    to: Node,
    filter: &Filter,
    blocked: &Blocked,
) -> Option<Route> {
    if from == to {
        return Some(Route {
            nodes: vec![from],
            apps: Vec::new(),
        });
    }
    // Positions beyond the index (a person with no appearance at all):
    // no neighbours, so no route.
    let within = |n: Node| match n {
        Node::Person(p) => (p as usize) < index.people(),
        Node::Work(w) => (w as usize) < index.works(),
    };
    if !within(from) || !within(to) {
        return None;
    }
    // 64-bit keys would be cleaner; people and works are below 2^31 in any
    // index this crate builds (u32 positions, at most ~2^31 records).
    let mut seen: [Links; 2] = [Links::default(), Links::default()];
    let mut nodes_of: [IdMap<Node>; 2] = [IdMap::default(), IdMap::default()];
    for (side, n) in [(0, from), (1, to)] {
        seen[side].insert(key(n), (0, None));
        nodes_of[side].insert(key(n), n);
    }
    let mut frontier = [vec![from], vec![to]];
    loop {
        if frontier[0].is_empty() || frontier[1].is_empty() {
            return None;
        }
        let side = usize::from(frontier[1].len() < frontier[0].len());
        let other = 1 - side;
        let mut next = Vec::new();
        let mut best: Option<(u32, Node)> = None;
        for &n in &frontier[side] {
            let depth = seen[side][&key(n)].0;
            neighbours(index, filter, blocked, n, |m, app| {
                let k = key(m);
                if seen[side].contains_key(&k) {
                    return;
                }
                seen[side].insert(k, (depth + 1, Some((n, app))));
                nodes_of[side].insert(k, m);
                next.push(m);
                if let Some(&(d, _)) = seen[other].get(&k) {
                    let total = depth + 1 + d;
                    if best.is_none_or(|(t, _)| total < t) {
                        best = Some((total, m));
                    }
                }
            });
        }
        if let Some((_, meet)) = best {
            return Some(join(&seen, meet));
        }
        frontier[side] = next;
    }
}

/// The route from side 0's start through `meet` to side 1's start.
fn join(seen: &[Links; 2], meet: Node) -> Route {
    let mut nodes = vec![meet];
    let mut apps = Vec::new();
    let mut cur = meet;
    while let Some((prev, app)) = seen[0][&key(cur)].1 {
        nodes.push(prev);
        apps.push(app);
        cur = prev;
    }
    nodes.reverse();
    apps.reverse();
    let mut cur = meet;
    while let Some((prev, app)) = seen[1][&key(cur)].1 {
        nodes.push(prev);
        apps.push(app);
        cur = prev;
    }
    Route { nodes, apps }
}

/// Yen's k shortest loopless routes from `a` to `b`, shortest first; routes
/// of one length in the order of their nodes' positions (people before
/// works at each place, then by position). Each search leaves out what
/// `base` blocks.
pub(crate) fn k_shortest(
    index: &TraversalIndex,
    a: u32,
    b: u32,
    k: usize,
    filter: &Filter,
    base: &Blocked,
) -> Vec<Route> {
    let (a, b) = (Node::Person(a), Node::Person(b));
    let Some(first) = shortest(index, a, b, filter, base) else {
        return Vec::new();
    };
    let mut found = vec![first];
    // Candidates by (length, nodes), so that one found twice is kept once.
    let mut candidates: BTreeMap<(usize, Vec<Node>), Vec<Appearance>> = BTreeMap::new();
    while found.len() < k {
        let last = found.last().expect("one route at least").clone();
        for i in 0..last.nodes.len().saturating_sub(1) {
            let spur = last.nodes[i];
            let root = &last.nodes[..=i];
            let mut blocked = base.clone();
            for r in &found {
                if r.nodes.len() > i + 1 && &r.nodes[..=i] == root {
                    blocked.link(r.nodes[i], r.nodes[i + 1]);
                }
            }
            for &n in &root[..i] {
                blocked.node(n);
            }
            let Some(tail) = shortest(index, spur, b, filter, &blocked) else {
                continue;
            };
            let mut nodes = root[..i].to_vec();
            nodes.extend_from_slice(&tail.nodes);
            let mut apps = last.apps[..i].to_vec();
            apps.extend_from_slice(&tail.apps);
            if !found.iter().any(|r| r.nodes == nodes) {
                candidates.entry((nodes.len(), nodes)).or_insert(apps);
            }
        }
        let Some(((_, nodes), apps)) = candidates.pop_first() else {
            break;
        };
        found.push(Route { nodes, apps });
    }
    found
}

/// One side of the time-respecting search: its states, the labels of each
/// person (their states, each better than the ones before), the works it
/// has entered, its frontier and depth.
///
/// A state's `time` is the year of the work that reached it on the
/// forward side, that year negated on the backward side, so that on both
/// sides a smaller time is better and a work can be entered from a state
/// when its own time is at least the state's.
#[derive(Default)]
struct Side {
    states: Vec<State>,
    labels: IdMap<Vec<usize>>,
    entered: IdMap<()>,
    frontier: Vec<usize>,
    depth: u32,
}

/// A (person, time) state: its depth and the hop that made it (the work,
/// the state it came from and both appearances: the state's person's
/// first, then the other's).
struct State {
    person: u32,
    time: i64,
    depth: u32,
    from: Option<(u32, usize, Appearance, Appearance)>,
}

impl Side {
    fn start(p: u32) -> Side {
        let mut side = Side::default();
        side.states.push(State {
            person: p,
            time: i64::MIN,
            depth: 0,
            from: None,
        });
        side.labels.insert(p, vec![0]);
        side.frontier.push(0);
        side
    }

    /// The least deep of `p`'s states that joins a state of `p` at `time`
    /// on the other side: the forward year no later than the backward one
    /// (a start, at `i64::MIN`, joins any).
    fn meets(&self, p: u32, time: i64) -> Option<usize> {
        let labels = self.labels.get(&p)?;
        labels.iter().copied().find(|&s| {
            let other = self.states[s].time;
            time == i64::MIN || other == i64::MIN || time + other <= 0
        })
    }

    /// The works and people of one more level: each work whose time is at
    /// least a frontier state's and that this side has not entered yet
    /// gives each of its people a state at the work's time, kept when it
    /// is better than the person's last. Calls `met` with each new state.
    fn expand(
        &mut self,
        index: &TraversalIndex,
        filter: &Filter,
        blocked: &Blocked,
        sign: i64,
        mut met: impl FnMut(&State, usize),
    ) {
        let frontier = std::mem::take(&mut self.frontier);
        self.depth += 1;
        for s in frontier {
            let (p, since) = (self.states[s].person, self.states[s].time);
            for app in index.of_person(p, filter) {
                let w = app.work;
                let year = index.work_attributes(w as usize).0;
                if year == UNKNOWN_YEAR
                    || sign * i64::from(year) < since
                    || self.entered.contains_key(&w)
                    || !blocked.admits(&app)
                {
                    continue;
                }
                self.entered.insert(w, ());
                let time = sign * i64::from(year);
                for theirs in index.in_work(w, filter) {
                    let q = theirs.person;
                    if !blocked.admits(&theirs) {
                        continue;
                    }
                    let labels = self.labels.entry(q).or_default();
                    if labels.last().is_some_and(|&l| self.states[l].time <= time) {
                        continue;
                    }
                    let id = self.states.len();
                    labels.push(id);
                    self.states.push(State {
                        person: q,
                        time,
                        depth: self.depth,
                        from: Some((w, s, theirs, app)),
                    });
                    self.frontier.push(id);
                    met(&self.states[id], id);
                }
            }
        }
    }

    /// The people, works and appearances from state `s` back to the side's
    /// start, `s`'s person first.
    fn trail(&self, mut s: usize, nodes: &mut Vec<Node>, apps: &mut Vec<Appearance>) {
        nodes.push(Node::Person(self.states[s].person));
        while let Some((w, prev, here, there)) = self.states[s].from {
            apps.extend([here, there]);
            nodes.extend([Node::Work(w), Node::Person(self.states[prev].person)]);
            s = prev;
        }
    }
}

/// A shortest time-respecting route from person `a` to person `b` that
/// `blocked` leaves: each hop's work released no earlier than the previous
/// hop's (by year; a work with no known year is on no such route). `None`
/// when there is none.
///
/// A bidirectional breadth-first search over states (person, year): from
/// `a` forward (the year of the work that reached the person: any later
/// work may follow) and from `b` backward (the year of the work that leads
/// on: any earlier work may precede), the side with the smaller frontier
/// first. A state is kept only when it is better than every state of its
/// person with fewer or as many hops (an older year forward, a newer one
/// backward); entering a work gives each of its people the work's year
/// whoever entered it, so each side enters each work once. The first level
/// that makes a forward and a backward state of one person meet (the
/// forward year no later than the backward one) gives the fewest hops: of
/// its meetings, the first of least depth in all.
pub(crate) fn in_order(
    index: &TraversalIndex,
    a: u32,
    b: u32,
    filter: &Filter,
    blocked: &Blocked,
) -> Option<Route> {
    if a as usize >= index.people() || b as usize >= index.people() {
        return None;
    }
    if a == b {
        return Some(Route {
            nodes: vec![Node::Person(a)],
            apps: Vec::new(),
        });
    }
    let mut sides = [Side::start(a), Side::start(b)];
    loop {
        if sides[0].frontier.is_empty() || sides[1].frontier.is_empty() {
            return None;
        }
        let side = usize::from(sides[1].frontier.len() < sides[0].frontier.len());
        let [forward, backward] = &mut sides;
        let (this, other, sign) = if side == 0 {
            (forward, &*backward, 1)
        } else {
            (backward, &*forward, -1)
        };
        // The best meeting: total depth, this side's state, the other's.
        let mut best: Option<(u32, usize, usize)> = None;
        this.expand(index, filter, blocked, sign, |state, id| {
            if let Some(o) = other.meets(state.person, state.time) {
                let total = state.depth + other.states[o].depth;
                if best.is_none_or(|(t, _, _)| total < t) {
                    best = Some((total, id, o));
                }
            }
        });
        if let Some((_, id, o)) = best {
            let (f, bk) = if side == 0 { (id, o) } else { (o, id) };
            let mut nodes = Vec::new();
            let mut apps = Vec::new();
            sides[0].trail(f, &mut nodes, &mut apps);
            nodes.reverse();
            apps.reverse();
            let mut tail = Vec::new();
            let mut tail_apps = Vec::new();
            sides[1].trail(bk, &mut tail, &mut tail_apps);
            nodes.extend_from_slice(&tail[1..]);
            apps.extend(tail_apps);
            return Some(Route { nodes, apps });
        }
    }
}

/// The route from `a` to `b` that maximises the strength of its links: a
/// shortest route (Dijkstra) over the person projection where a link
/// between two people weighs `1 / (the works they share)`, so that two
/// close collaborators make a light link and a one-off cameo a heavy one.
/// Gives the people on it and its weight; `None` when no chain links them.
pub(crate) fn strongest(
    index: &TraversalIndex,
    a: u32,
    b: u32,
    filter: &Filter,
) -> Option<(Vec<u32>, f64)> {
    use std::cmp::Ordering;
    use std::collections::BinaryHeap;
    #[derive(PartialEq)]
    struct Item(f64, u32);
    impl Eq for Item {}
    impl PartialOrd for Item {
        fn partial_cmp(&self, other: &Item) -> Option<Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for Item {
        // A min-heap on the weight, then the position.
        fn cmp(&self, other: &Item) -> Ordering {
            other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
        }
    }
    if a as usize >= index.people() || b as usize >= index.people() {
        return None;
    }
    let mut best: IdMap<(f64, u32)> = IdMap::default(); // weight, previous
    best.insert(a, (0.0, u32::MAX));
    let mut done: IdMap<()> = IdMap::default();
    let mut heap = BinaryHeap::from([Item(0.0, a)]);
    while let Some(Item(w, p)) = heap.pop() {
        if done.insert(p, ()).is_some() {
            continue;
        }
        if p == b {
            let mut people = vec![b];
            let mut cur = b;
            while let Some(&(_, prev)) = best.get(&cur) {
                if prev == u32::MAX {
                    break;
                }
                people.push(prev);
                cur = prev;
            }
            people.reverse();
            return Some((people, w));
        }
        // The co-stars of p, with the works each shares with p.
        let mut shared: IdMap<u32> = IdMap::default();
        let mut last = u32::MAX;
        for mine in index.of_person(p, filter) {
            if mine.work == last {
                continue;
            }
            last = mine.work;
            let mut seen = HashSet::new();
            for theirs in index.in_work(mine.work, filter) {
                if theirs.person != p && seen.insert(theirs.person) {
                    *shared.entry(theirs.person).or_insert(0) += 1;
                }
            }
        }
        for (q, n) in shared {
            if done.contains_key(&q) {
                continue;
            }
            let total = w + 1.0 / f64::from(n);
            if best.get(&q).is_none_or(|&(old, _)| total < old) {
                best.insert(q, (total, p));
                heap.push(Item(total, q));
            }
        }
    }
    None
}

/// The simple routes from `a` to `b` of at most `max_hops` hops (a depth-
/// first walk: no person and no work twice), counted; the first `keep` of
/// them kept, in the order of the walk. The count stops at `cap` (then it
/// is a lower bound, and the second value is `false`).
pub(crate) fn simple_routes(
    index: &TraversalIndex,
    a: u32,
    b: u32,
    max_hops: usize,
    filter: &Filter,
    keep: usize,
    cap: u64,
) -> (u64, bool, Vec<Route>) {
    struct Walk<'a> {
        index: &'a TraversalIndex,
        filter: &'a Filter,
        b: u32,
        max: usize,
        keep: usize,
        cap: u64,
        count: u64,
        on_people: HashSet<u32>,
        on_works: HashSet<u32>,
        nodes: Vec<Node>,
        apps: Vec<Appearance>,
        kept: Vec<Route>,
    }
    impl Walk<'_> {
        fn from(&mut self, p: u32) {
            if self.count >= self.cap {
                return;
            }
            if p == self.b {
                self.count += 1;
                if self.kept.len() < self.keep {
                    self.kept.push(Route {
                        nodes: self.nodes.clone(),
                        apps: self.apps.clone(),
                    });
                }
                return;
            }
            if self.nodes.len() / 2 >= self.max {
                return;
            }
            let works: Vec<Appearance> = {
                let mut last = u32::MAX;
                self.index
                    .of_person(p, self.filter)
                    .filter(|m| {
                        let new = m.work != last;
                        last = m.work;
                        new
                    })
                    .collect()
            };
            for mine in works {
                if self.on_works.contains(&mine.work) {
                    continue;
                }
                let cast: Vec<Appearance> = {
                    let mut seen = HashSet::new();
                    self.index
                        .in_work(mine.work, self.filter)
                        .filter(|t| seen.insert(t.person))
                        .collect()
                };
                self.on_works.insert(mine.work);
                for theirs in cast {
                    let q = theirs.person;
                    if self.on_people.contains(&q) {
                        continue;
                    }
                    self.on_people.insert(q);
                    self.nodes.extend([Node::Work(mine.work), Node::Person(q)]);
                    self.apps.extend([mine, theirs]);
                    self.from(q);
                    self.nodes.truncate(self.nodes.len() - 2);
                    self.apps.truncate(self.apps.len() - 2);
                    self.on_people.remove(&q);
                }
                self.on_works.remove(&mine.work);
            }
        }
    }
    if a as usize >= index.people() || b as usize >= index.people() || a == b {
        return (0, true, Vec::new());
    }
    let mut walk = Walk {
        index,
        filter,
        b,
        max: max_hops,
        keep,
        cap,
        count: 0,
        on_people: HashSet::from([a]),
        on_works: HashSet::new(),
        nodes: vec![Node::Person(a)],
        apps: Vec::new(),
        kept: Vec::new(),
    };
    walk.from(a);
    let exact = walk.count < cap;
    (walk.count, exact, walk.kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_people_and_works_differ() {
        assert_ne!(key(Node::Person(3)), key(Node::Work(3)));
        assert_eq!(key(Node::Person(3)) / 2, key(Node::Work(3)) / 2);
    }
}
