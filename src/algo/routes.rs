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

/// A shortest time-respecting route from person `a` to person `b` that
/// `blocked` leaves: each hop's work released no earlier than the previous
/// hop's (by year; a work with no known year is on no such route). Of the
/// routes with fewest hops, one whose last work is the oldest, the first
/// found. `None` when there is none.
///
/// A breadth-first search over states (person, year of the work that
/// reached them): a state is kept only when it reaches its person with an
/// older work than any state of fewer or as many hops did (any chain that
/// goes on from the newer one goes on from the older). Entering a work
/// gives each of its people the work's year whoever entered it, so each
/// work is entered once, at the first level it can be.
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
    let year = |w: u32| index.work_attributes(w as usize).0;
    // The oldest year each person was reached with; the state's link back
    // (the work and the person's appearance in it); the work's (the state
    // that entered it and that person's appearance).
    let mut oldest: IdMap<i32> = IdMap::default();
    let mut state_from: std::collections::HashMap<(u32, i32), (u32, Appearance)> =
        std::collections::HashMap::new();
    let mut work_from: IdMap<((u32, i32), Appearance)> = IdMap::default();
    oldest.insert(a, UNKNOWN_YEAR);
    let mut frontier = vec![(a, UNKNOWN_YEAR)];
    while !frontier.is_empty() {
        let mut next = Vec::new();
        for &(p, since) in &frontier {
            let mut works = Vec::new();
            neighbours(index, filter, blocked, Node::Person(p), |w, app| {
                let Node::Work(w) = w else { return };
                let y = year(w);
                if y != UNKNOWN_YEAR && y >= since && !work_from.contains_key(&w) {
                    works.push((w, app));
                }
            });
            for (w, app) in works {
                work_from.insert(w, ((p, since), app));
                let y = year(w);
                neighbours(index, filter, blocked, Node::Work(w), |q, theirs| {
                    let Node::Person(q) = q else { return };
                    if oldest.get(&q).is_none_or(|&old| y < old) {
                        oldest.insert(q, y);
                        state_from.entry((q, y)).or_insert((w, theirs));
                        if q != b {
                            next.push((q, y));
                        }
                    }
                });
            }
        }
        if let Some(&y) = oldest.get(&b) {
            // Back from (b, y): the work, the state that entered it, …
            let mut nodes = vec![Node::Person(b)];
            let mut apps = Vec::new();
            let mut state = (b, y);
            while state.0 != a {
                let (w, theirs) = state_from[&state];
                let (prev, mine) = work_from[&w];
                nodes.extend([Node::Work(w), Node::Person(prev.0)]);
                apps.extend([theirs, mine]);
                state = prev;
            }
            nodes.reverse();
            apps.reverse();
            return Some(Route { nodes, apps });
        }
        frontier = next;
    }
    None
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
