//! The compact traversal index behind every query: who appears in which work,
//! as flat `u32` tables (compressed sparse rows).
//!
//! Layout, for `n` appearances:
//!
//! * `apps` holds the appearances sorted by person (stable: a person's
//!   appearances keep their order), so a person's row is the contiguous range
//!   `apps[person_start[p]..person_start[p + 1]]` and needs no index table;
//! * the work side is a CSR table of indices into `apps`
//!   (`work_apps[work_start[w]..work_start[w + 1]]`), in credit order, with
//!   two parallel arrays for traversals that need neither the credit nor the
//!   group: the person (`work_people`) and a one-byte summary of what filters
//!   test (`work_flags`).
//!
//! The flat breadth-first search and the union-find of this file use only
//! vectors sized to the people and works, allocated once per call: no
//! hashing and no allocation per node.

use crate::filter::Filter;
use crate::model::{RoleKind, WorkKind};

/// "No group": the appearance comes from a person's own credit.
pub(crate) const DIRECT: u32 = u32::MAX;

/// "Not reached" in the distance arrays of this module.
const UNSEEN: u32 = u32::MAX;

/// One person's appearance in one work, through one credit: the unit every
/// traversal walks. A group's credit yields one appearance per member (with
/// `via` set to the group).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Appearance {
    pub(crate) person: u32,
    pub(crate) work: u32,
    pub(crate) credit: u32,
    pub(crate) via: u32,
    pub(crate) role: RoleKind,
    pub(crate) unverified: bool,
}

impl Appearance {
    /// What a filter tests of the appearance itself, in one byte: the role
    /// (bits 0–4), unverified (bit 5), through a group (bit 6).
    #[inline]
    fn flags(&self) -> u8 {
        self.role as u8 | u8::from(self.unverified) << 5 | u8::from(self.via != DIRECT) << 6
    }
}

/// Appearances indexed by person and by work, with the work attributes that
/// filters test.
#[derive(Clone, Debug, Default)]
pub(crate) struct TraversalIndex {
    /// Sorted by person, stable.
    pub(crate) apps: Vec<Appearance>,
    person_start: Vec<u32>,
    /// `apps[i].work` and `apps[i].flags()` as flat columns, so that whole-
    /// graph searches read 5 bytes per appearance instead of 20.
    person_works: Vec<u32>,
    person_flags: Vec<u8>,
    work_start: Vec<u32>,
    work_apps: Vec<u32>,
    work_people: Vec<u32>,
    work_flags: Vec<u8>,
    work_year: Vec<i32>,
    work_kind: Vec<WorkKind>,
}

/// A filter compiled for the flat traversals: a table from appearance flags
/// to "admitted", and whether works must be tested one by one.
struct Compiled<'f> {
    admits: [bool; 128],
    filter: &'f Filter,
    test_works: bool,
}

impl<'f> Compiled<'f> {
    fn new(filter: &'f Filter) -> Compiled<'f> {
        let mut admits = [false; 128];
        for (flags, slot) in admits.iter_mut().enumerate() {
            let role = flags & 0x1f;
            let unverified = flags & 0x20 != 0;
            let via = flags & 0x40 != 0;
            *slot = RoleKind::ALL
                .get(role)
                .is_some_and(|&k| filter.roles.contains(k))
                && (filter.unverified || !unverified)
                && (filter.groups || !via);
        }
        let test_works = filter.years.is_some()
            || WorkKind::ALL
                .iter()
                .any(|&k| filter.kinds & (1 << k as u8) == 0);
        Compiled {
            admits,
            filter,
            test_works,
        }
    }
}

impl TraversalIndex {
    /// Builds the index of `people` people and `work_year.len()` works.
    /// `apps` may come in any order; appearances of one person keep theirs.
    pub(crate) fn new(
        people: usize,
        work_year: Vec<i32>,
        work_kind: Vec<WorkKind>,
        mut apps: Vec<Appearance>,
    ) -> TraversalIndex {
        if !apps.is_sorted_by_key(|a| a.person) {
            apps.sort_by_key(|a| a.person);
        }
        TraversalIndex::from_sorted(people, work_year, work_kind, apps)
    }

    /// Builds the index from appearances already sorted by person.
    pub(crate) fn from_sorted(
        people: usize,
        work_year: Vec<i32>,
        work_kind: Vec<WorkKind>,
        apps: Vec<Appearance>,
    ) -> TraversalIndex {
        debug_assert!(apps.is_sorted_by_key(|a| a.person));
        let works = work_year.len();
        let mut person_start = vec![0u32; people + 1];
        for a in &apps {
            person_start[a.person as usize + 1] += 1;
        }
        for i in 0..people {
            person_start[i + 1] += person_start[i];
        }
        let mut work_start = vec![0u32; works + 1];
        for a in &apps {
            work_start[a.work as usize + 1] += 1;
        }
        for i in 0..works {
            work_start[i + 1] += work_start[i];
        }
        // Each work's row in credit order (the order of the data files).
        let mut order: Vec<u32> = (0..apps.len() as u32).collect();
        if !apps.is_sorted_by_key(|a| a.credit) {
            order.sort_by_key(|&i| apps[i as usize].credit);
        }
        let mut fill = work_start.clone();
        let mut work_apps = vec![0u32; apps.len()];
        for i in order {
            let slot = &mut fill[apps[i as usize].work as usize];
            work_apps[*slot as usize] = i;
            *slot += 1;
        }
        let work_people = work_apps.iter().map(|&i| apps[i as usize].person).collect();
        let work_flags = work_apps
            .iter()
            .map(|&i| apps[i as usize].flags())
            .collect();
        let person_works = apps.iter().map(|a| a.work).collect();
        let person_flags = apps.iter().map(Appearance::flags).collect();
        TraversalIndex {
            apps,
            person_start,
            person_works,
            person_flags,
            work_start,
            work_apps,
            work_people,
            work_flags,
            work_year,
            work_kind,
        }
    }

    /// Whether the filter counts this appearance.
    #[inline]
    pub(crate) fn admits(&self, app: &Appearance, filter: &Filter) -> bool {
        filter.roles.contains(app.role)
            && (filter.unverified || !app.unverified)
            && (filter.groups || app.via == DIRECT)
            && filter.admits_work(
                self.work_kind[app.work as usize],
                self.work_year[app.work as usize],
            )
    }

    #[inline]
    pub(crate) fn person_app_range(&self, person: u32) -> std::ops::Range<usize> {
        let i = person as usize;
        match (self.person_start.get(i), self.person_start.get(i + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    #[inline]
    fn work_range(&self, work: u32) -> std::ops::Range<usize> {
        let i = work as usize;
        match (self.work_start.get(i), self.work_start.get(i + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// Every appearance of a person, admitted or not (a contiguous slice).
    pub(crate) fn person_apps(&self, person: u32) -> &[Appearance] {
        &self.apps[self.person_app_range(person)]
    }

    /// The indices (into `apps`, which are credit ids for imported data) of
    /// every appearance in a work, admitted or not.
    pub(crate) fn work_app_ids(&self, work: u32) -> &[u32] {
        &self.work_apps[self.work_range(work)]
    }

    /// A work's release year and kind.
    pub(crate) fn work_attributes(&self, work: usize) -> (i32, WorkKind) {
        (self.work_year[work], self.work_kind[work])
    }

    /// The admitted appearances of a person.
    pub(crate) fn of_person<'a>(
        &'a self,
        person: u32,
        filter: &'a Filter,
    ) -> impl Iterator<Item = &'a Appearance> + 'a {
        self.person_apps(person)
            .iter()
            .filter(move |a| self.admits(a, filter))
    }

    /// The admitted appearances in a work.
    pub(crate) fn in_work<'a>(
        &'a self,
        work: u32,
        filter: &'a Filter,
    ) -> impl Iterator<Item = &'a Appearance> + 'a {
        self.work_app_ids(work)
            .iter()
            .map(|&i| &self.apps[i as usize])
            .filter(move |a| self.admits(a, filter))
    }

    /// The number of people the index was built for.
    pub(crate) fn people(&self) -> usize {
        self.person_start.len().saturating_sub(1)
    }

    /// The number of works the index was built for.
    pub(crate) fn works(&self) -> usize {
        self.work_start.len().saturating_sub(1)
    }

    #[inline]
    fn work_ok(&self, c: &Compiled<'_>, w: usize) -> bool {
        !c.test_works || c.filter.admits_work(self.work_kind[w], self.work_year[w])
    }

    /// Breadth-first search from `source` over person → work → person hops
    /// on flat arrays. Returns, for each distance `d`, how many people are
    /// `d` hops away (`counts[0] == 1`, the source itself); empty when the
    /// source is out of range.
    ///
    /// Direction-optimising: a level whose frontier is small is expanded
    /// top-down (from the frontier's works); a large one bottom-up (every
    /// unreached work looks for a member on the frontier, then every
    /// unreached person for such a work), which reads the tables in order
    /// instead of jumping around them.
    pub(crate) fn distance_counts(&self, source: u32, filter: &Filter) -> Vec<u64> {
        let people = self.people();
        if source as usize >= people {
            return Vec::new();
        }
        let c = Compiled::new(filter);
        let mut plevel = vec![UNSEEN; people];
        let mut wlevel = vec![UNSEEN; self.works()];
        let mut frontier: Vec<u32> = vec![source];
        let mut frontier_known = true;
        let mut counts = vec![1u64];
        plevel[source as usize] = 0;
        let mut d = 0u32;
        let mut reached = 1u64;
        loop {
            let size = counts[d as usize];
            if size == 0 {
                counts.pop();
                break;
            }
            let mut found = 0u64;
            if size * 20 < people as u64 || reached * 2 > people as u64 && size * 5 < people as u64
            {
                // Top-down.
                if !frontier_known {
                    frontier.clear();
                    frontier.extend((0..people as u32).filter(|&p| plevel[p as usize] == d));
                }
                let mut next = Vec::new();
                for &p in &frontier {
                    let r = self.person_app_range(p);
                    for (&w, &f) in self.person_works[r.clone()]
                        .iter()
                        .zip(&self.person_flags[r])
                    {
                        let w = w as usize;
                        if wlevel[w] != UNSEEN || !c.admits[f as usize] {
                            continue;
                        }
                        wlevel[w] = d;
                        if !self.work_ok(&c, w) {
                            continue;
                        }
                        let r = self.work_start[w] as usize..self.work_start[w + 1] as usize;
                        for (&q, &f) in self.work_people[r.clone()].iter().zip(&self.work_flags[r])
                        {
                            if plevel[q as usize] == UNSEEN && c.admits[f as usize] {
                                plevel[q as usize] = d + 1;
                                next.push(q);
                            }
                        }
                    }
                }
                found = next.len() as u64;
                frontier = next;
                frontier_known = true;
            } else {
                // Bottom-up: works that have a member at level d…
                for (w, level) in wlevel.iter_mut().enumerate() {
                    if *level != UNSEEN || !self.work_ok(&c, w) {
                        continue;
                    }
                    let r = self.work_start[w] as usize..self.work_start[w + 1] as usize;
                    let hit = self.work_people[r.clone()]
                        .iter()
                        .zip(&self.work_flags[r])
                        .any(|(&q, &f)| plevel[q as usize] == d && c.admits[f as usize]);
                    if hit {
                        *level = d;
                    }
                }
                // …then people in one of those works.
                for (level, ends) in plevel.iter_mut().zip(self.person_start.windows(2)) {
                    if *level != UNSEEN {
                        continue;
                    }
                    let r = ends[0] as usize..ends[1] as usize;
                    let hit = self.person_works[r.clone()]
                        .iter()
                        .zip(&self.person_flags[r])
                        .any(|(&w, &f)| wlevel[w as usize] == d && c.admits[f as usize]);
                    if hit {
                        *level = d + 1;
                        found += 1;
                    }
                }
                frontier_known = false;
            }
            reached += found;
            counts.push(found);
            d += 1;
        }
        counts
    }

    /// The connected components of the co-appearance graph of the people
    /// who have at least one admitted appearance: for each such person, a
    /// component number (`u32::MAX` for people without one), and the number
    /// of components. Union-find with path halving, on two flat vectors.
    pub(crate) fn component_labels(&self, filter: &Filter) -> (Vec<u32>, usize) {
        let c = Compiled::new(filter);
        let people = self.people();
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
        for w in 0..self.works() {
            if !self.work_ok(&c, w) {
                continue;
            }
            let r = self.work_start[w] as usize..self.work_start[w + 1] as usize;
            let mut first = None;
            for (&q, &f) in self.work_people[r.clone()].iter().zip(&self.work_flags[r]) {
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
        let mut label = vec![UNSEEN; people];
        let mut count = 0usize;
        for p in 0..people {
            if !active[p] {
                continue;
            }
            let r = root(&mut parent, p as u32) as usize;
            if label[r] == UNSEEN {
                label[r] = count as u32;
                count += 1;
            }
            label[p] = label[r];
        }
        for (p, on) in active.iter().enumerate() {
            if !on {
                label[p] = UNSEEN;
            }
        }
        (label, count)
    }

    /// The sizes of the components of [`TraversalIndex::component_labels`],
    /// largest first.
    pub(crate) fn component_sizes(&self, filter: &Filter) -> Vec<u32> {
        let (labels, count) = self.component_labels(filter);
        let mut sizes = vec![0u32; count];
        for l in labels {
            if l != UNSEEN {
                sizes[l as usize] += 1;
            }
        }
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        sizes
    }
}

/// A fast hasher for the `u32` ids of the traversal index: one multiply
/// (Fibonacci hashing). Ids are dense integers chosen by the crate, not by
/// an adversary, so SipHash's protection is not needed where searches keep
/// per-query maps of the part of the graph they reach.
#[derive(Clone, Copy, Default)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, id: u32) {
        self.0 = (u64::from(id) ^ self.0).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A `HashMap` keyed by index ids, with [`IdHasher`].
pub(crate) type IdMap<V> =
    std::collections::HashMap<u32, V, std::hash::BuildHasherDefault<IdHasher>>;
