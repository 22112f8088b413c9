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
use crate::query::traverse::{group_by, offsets};

/// "No group": the appearance comes from a person's own credit.
pub(crate) const DIRECT: u32 = u32::MAX;

/// The bit of an appearance's flags that says it comes through a group.
pub(crate) const VIA_FLAG: u8 = 1 << 6;

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
        self.role as u8
            | u8::from(self.unverified) << 5
            | if self.via != DIRECT { VIA_FLAG } else { 0 }
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
pub(crate) struct Compiled<'f> {
    pub(crate) admits: [bool; 128],
    filter: &'f Filter,
    test_works: bool,
}

impl<'f> Compiled<'f> {
    pub(crate) fn new(filter: &'f Filter) -> Compiled<'f> {
        let mut admits = [false; 128];
        for (flags, slot) in admits.iter_mut().enumerate() {
            let role = flags & 0x1f;
            let unverified = flags & 0x20 != 0;
            let via = flags & usize::from(VIA_FLAG) != 0;
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
        // Sorted by person already: the person side needs only the offsets.
        let person_start = offsets(people, apps.iter().map(|a| a.person as usize));
        // Each work's row in credit order (the order of the data files).
        let mut order: Vec<u32> = (0..apps.len() as u32).collect();
        if !apps.is_sorted_by_key(|a| a.credit) {
            order.sort_by_key(|&i| apps[i as usize].credit);
        }
        let (work_start, work_apps) = group_by(works, &order, |&i| apps[i as usize].work as usize);
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
        range(&self.person_start, person)
    }

    #[inline]
    fn work_range(&self, work: u32) -> std::ops::Range<usize> {
        range(&self.work_start, work)
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

    /// The (work, flags) of every appearance of a person, admitted or not.
    #[inline]
    pub(crate) fn person_row(&self, p: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        row(
            &self.person_works,
            &self.person_flags,
            self.person_app_range(p),
        )
    }

    /// The (person, flags) of every appearance in a work, admitted or not.
    #[inline]
    pub(crate) fn work_row(&self, w: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        row(&self.work_people, &self.work_flags, self.work_range(w))
    }

    /// Whether the compiled filter admits work `w` (kind and year).
    #[inline]
    pub(crate) fn work_ok(&self, c: &Compiled<'_>, w: usize) -> bool {
        !c.test_works || c.filter.admits_work(self.work_kind[w], self.work_year[w])
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

/// Row `i` of a CSR table with these row starts; empty for a row out of
/// range.
#[inline]
fn range(start: &[u32], i: u32) -> std::ops::Range<usize> {
    let i = i as usize;
    match (start.get(i), start.get(i + 1)) {
        (Some(&a), Some(&b)) => a as usize..b as usize,
        _ => 0..0,
    }
}

/// The (other end, flags) pairs of one row: `ends` and `flags` side by side.
#[inline]
fn row<'a>(
    ends: &'a [u32],
    flags: &'a [u8],
    r: std::ops::Range<usize>,
) -> impl Iterator<Item = (u32, u8)> + 'a {
    ends[r.clone()]
        .iter()
        .copied()
        .zip(flags[r].iter().copied())
}

/// A `HashMap` keyed by index ids, with [`IdHasher`].
pub(crate) type IdMap<V> =
    std::collections::HashMap<u32, V, std::hash::BuildHasherDefault<IdHasher>>;
