//! The compact traversal index behind every query: who appears in which work,
//! as flat columns (compressed sparse rows), 12 bytes per appearance for an
//! import.
//!
//! Layout, for `n` appearances (a position is an appearance's place in the
//! person order):
//!
//! * the person side: appearances sorted by person (stable: a person's
//!   appearances keep their order), so a person's row is the contiguous range
//!   `person_start[p]..person_start[p + 1]` of the columns `person_works`
//!   (the work, `u32`) and `person_flags` (one byte: the role, unverified,
//!   through a group; what filters test);
//! * two more columns that are left empty when they say nothing:
//!   `credits` (the credit of each position; empty when it is the position,
//!   as for every import) and `vias` (the group; empty when no appearance
//!   comes through one). A position's person is found from `person_start`;
//! * the work side: a CSR table (rows `work_start[w]..work_start[w + 1]`),
//!   in credit order, of the person (`work_people`) and the flags
//!   (`work_flags`), so that traversals read neither the person side nor
//!   the credit, and of the positions. A position is stored as its rank in
//!   its person's row (`work_ranks`, `u16`: the position is
//!   `person_start[person] + rank`) when every person's row holds at most
//!   2¹⁶ appearances, as in every import; otherwise whole (`work_apps`).
//!
//! An [`Appearance`] is not stored: it is put together from the columns when
//! a query asks for one.
//!
//! The flat breadth-first search and the union-find of this file use only
//! vectors sized to the people and works, allocated once per call: no
//! hashing and no allocation per node.

use crate::filter::Filter;
use crate::graph::UNKNOWN_YEAR;
use crate::graph::counting::{group_by, offsets};
use crate::model::{RoleKind, WorkKind};

/// "No group": the appearance comes from a person's own credit.
pub(crate) const DIRECT: u32 = u32::MAX;

/// The bit of an appearance's flags that says it is unverified.
const UNVERIFIED_FLAG: u8 = 1 << 5;

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
    pub(crate) fn flags(&self) -> u8 {
        flags(self.role, self.unverified, self.via != DIRECT)
    }
}

/// An appearance's flags: see [`Appearance::flags`].
#[inline]
pub(crate) fn flags(role: RoleKind, unverified: bool, via: bool) -> u8 {
    role as u8 | if unverified { UNVERIFIED_FLAG } else { 0 } | if via { VIA_FLAG } else { 0 }
}

/// Appearances as columns, the form the builder collects them in and the
/// index is built from: the person, the work, the [flags](flags), and
/// the credit and the group, each left empty when it says nothing (the
/// credit is the position; no group).
#[derive(Clone, Debug, Default)]
pub(crate) struct Columns {
    pub(crate) person: Vec<u32>,
    pub(crate) work: Vec<u32>,
    pub(crate) flags: Vec<u8>,
    pub(crate) credit: Vec<u32>,
    pub(crate) via: Vec<u32>,
}

impl Columns {
    /// The number of appearances.
    pub(crate) fn len(&self) -> usize {
        self.person.len()
    }

    /// The credit of appearance `i`.
    #[inline]
    pub(crate) fn credit(&self, i: usize) -> u32 {
        self.credit.get(i).copied().unwrap_or(i as u32)
    }

    /// Appearance `i` in full.
    pub(crate) fn get(&self, i: usize) -> Appearance {
        let f = self.flags[i];
        Appearance {
            person: self.person[i],
            work: self.work[i],
            credit: self.credit(i),
            via: self.via.get(i).copied().unwrap_or(DIRECT),
            role: role_of_flags(f),
            unverified: f & UNVERIFIED_FLAG != 0,
        }
    }

    /// Marks unverified the appearances of unverified people and works.
    pub(crate) fn mark_unverified(&mut self, people: &[bool], works: &[bool]) {
        for (i, f) in self.flags.iter_mut().enumerate() {
            if people[self.person[i] as usize] || works[self.work[i] as usize] {
                *f |= UNVERIFIED_FLAG;
            }
        }
    }

    /// Adds an appearance of a person's own credit.
    pub(crate) fn push(
        &mut self,
        person: u32,
        work: u32,
        credit: u32,
        role: RoleKind,
        unverified: bool,
    ) {
        if self.credit.is_empty() && credit as usize != self.len() {
            // The first credit that is not its position: the column is
            // written from now on.
            self.credit = (0..self.len() as u32).collect();
        }
        if !self.credit.is_empty() {
            self.credit.push(credit);
        }
        self.person.push(person);
        self.work.push(work);
        self.flags.push(flags(role, unverified, false));
    }

    /// The appearances, sorted by person (stable), as columns; the credit
    /// and group columns stay empty when they say nothing.
    pub(crate) fn of_appearances(mut apps: Vec<Appearance>) -> Columns {
        if !apps.is_sorted_by_key(|a| a.person) {
            apps.sort_by_key(|a| a.person);
        }
        let identity = apps.iter().enumerate().all(|(i, a)| a.credit as usize == i);
        let grouped = apps.iter().any(|a| a.via != DIRECT);
        Columns {
            person: apps.iter().map(|a| a.person).collect(),
            work: apps.iter().map(|a| a.work).collect(),
            flags: apps.iter().map(Appearance::flags).collect(),
            credit: if identity {
                Vec::new()
            } else {
                apps.iter().map(|a| a.credit).collect()
            },
            via: if grouped {
                apps.iter().map(|a| a.via).collect()
            } else {
                Vec::new()
            },
        }
    }
}

/// Works' years ([`UNKNOWN_YEAR`] when unknown), two bytes each while
/// every year fits in an `i16` (as for every import and every catalog),
/// four bytes each from the first that does not.
#[derive(Clone, Debug, Default)]
pub(crate) struct Years {
    /// The years as `i16` (`i16::MIN` for unknown); emptied when `wide`
    /// takes over.
    narrow: Vec<i16>,
    /// Every year, once one did not fit in `narrow`; empty until then.
    wide: Vec<i32>,
}

impl Years {
    /// A year as stored in `narrow`, if it fits.
    fn narrow(year: i32) -> Option<i16> {
        if year == UNKNOWN_YEAR {
            Some(i16::MIN)
        } else {
            i16::try_from(year).ok().filter(|&y| y != i16::MIN)
        }
    }

    /// Room for this many more years.
    pub(crate) fn reserve(&mut self, works: usize) {
        self.narrow.reserve_exact(works);
    }

    /// Adds a year.
    pub(crate) fn push(&mut self, year: i32) {
        if self.wide.is_empty() {
            if let Some(y) = Years::narrow(year) {
                self.narrow.push(y);
                return;
            }
            self.wide = (0..self.narrow.len()).map(|i| self.get(i)).collect();
            self.narrow = Vec::new();
        }
        self.wide.push(year);
    }

    /// The number of years.
    pub(crate) fn len(&self) -> usize {
        self.narrow.len().max(self.wide.len())
    }

    /// Year `i`.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> i32 {
        match self.wide.get(i) {
            Some(&y) => y,
            None => match self.narrow[i] {
                i16::MIN => UNKNOWN_YEAR,
                y => i32::from(y),
            },
        }
    }

    fn shrink_to_fit(&mut self) {
        self.narrow.shrink_to_fit();
        self.wide.shrink_to_fit();
    }
}

/// The role kind of an appearance's flags.
#[inline]
fn role_of_flags(f: u8) -> RoleKind {
    RoleKind::ALL[usize::from(f & 0x1f)]
}

/// Appearances indexed by person and by work, with the work attributes that
/// filters test.
#[derive(Clone, Debug, Default)]
pub(crate) struct TraversalIndex {
    person_start: Vec<u32>,
    /// The work and the flags of each position (sorted by person).
    person_works: Vec<u32>,
    person_flags: Vec<u8>,
    /// The credit of each position; empty when it is the position.
    credits: Vec<u32>,
    /// The group of each position; empty when there is none.
    vias: Vec<u32>,
    work_start: Vec<u32>,
    /// The position of each work slot, whole; empty when `work_ranks`
    /// holds them.
    work_apps: Vec<u32>,
    /// The position of each work slot as its rank in its person's row;
    /// empty when `work_apps` holds them.
    work_ranks: Vec<u16>,
    work_people: Vec<u32>,
    work_flags: Vec<u8>,
    work_year: Years,
    work_kind: Vec<WorkKind>,
}

/// A filter compiled for the flat traversals: a table from appearance flags
/// to "admitted", and whether works must be tested one by one.
pub(crate) struct Compiled<'f> {
    pub(crate) admits: [bool; 128],
    filter: &'f Filter,
    pub(crate) test_works: bool,
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
        let test_works = filter.tests_works();
        Compiled {
            admits,
            filter,
            test_works,
        }
    }
}

/// The positions of a work side's slots: whole, or as ranks in their
/// people's rows.
enum Positions {
    Whole(Vec<u32>),
    Ranks(Vec<u16>),
}

/// Whether every row of these offsets holds at most 2¹⁶ items, so that a
/// rank in a row fits in a `u16`.
fn ranks_fit(start: &[u32]) -> bool {
    start.windows(2).all(|s| s[1] - s[0] <= 1 << 16)
}

/// The rows of `works` works (offsets, then each row's positions, people
/// and flags) from appearances in person order (`person_start`): a
/// counting sort over the identity order, filling the people as it goes.
/// The positions are ranks in the people's rows when they fit
/// ([`ranks_fit`]).
fn work_rows_in_person_order(
    works: usize,
    person_start: &[u32],
    work: &[u32],
    flags: &[u8],
) -> (Vec<u32>, Positions, Vec<u32>, Vec<u8>) {
    if ranks_fit(person_start) {
        let (start, ranks, people, row_flags) =
            scatter_work_rows(works, person_start, work, flags, |i, first| {
                (i - first) as u16
            });
        (start, Positions::Ranks(ranks), people, row_flags)
    } else {
        let (start, apps, people, row_flags) =
            scatter_work_rows(works, person_start, work, flags, |i, _| i as u32);
        (start, Positions::Whole(apps), people, row_flags)
    }
}

/// [`work_rows_in_person_order`] with the position of appearance `i` of a
/// row starting at `first` stored as `position(i, first)`.
///
/// The scatter, bound by the memory's latency (a likely cache miss for each
/// appearance and column), runs on two threads: each reads every
/// appearance and fills the rows of its half of the works (halves by
/// appearances), its write positions the offsets of its works, found by
/// the bounds check of its slice of them. The offsets are shifted back
/// from the write positions at the end (each then the end of its row), so
/// that no second array of them is needed.
fn scatter_work_rows<T: Copy + Default + Send>(
    works: usize,
    person_start: &[u32],
    work: &[u32],
    flags: &[u8],
    position: impl Fn(usize, usize) -> T + Sync,
) -> (Vec<u32>, Vec<T>, Vec<u32>, Vec<u8>) {
    let mut fill = offsets(works, work.iter().map(|&w| w as usize));
    let n = work.len();
    let (mut apps, mut people, mut row_flags) =
        (vec![T::default(); n], vec![0u32; n], vec![0u8; n]);
    // The first work of the second half, and its first position.
    let mid = fill.partition_point(|&s| (s as usize) < n / 2).min(works);
    let at = fill[mid] as usize;
    // The rows of works `first..` (as many as `fill` has write positions),
    // whose first position is `base`.
    let scatter = |first: usize,
                   fill: &mut [u32],
                   apps: &mut [T],
                   people: &mut [u32],
                   row_flags: &mut [u8]| {
        let base = fill.first().map_or(0, |&s| s as usize);
        for (p, span) in person_start.windows(2).enumerate() {
            for i in span[0] as usize..span[1] as usize {
                let Some(slot) = fill.get_mut((work[i] as usize).wrapping_sub(first)) else {
                    continue;
                };
                let k = *slot as usize - base;
                *slot += 1;
                apps[k] = position(i, span[0] as usize);
                people[k] = p as u32;
                row_flags[k] = flags[i];
            }
        }
    };
    {
        let (fill_a, fill_b) = fill[..works].split_at_mut(mid);
        let (apps_a, apps_b) = apps.split_at_mut(at);
        let (people_a, people_b) = people.split_at_mut(at);
        let (flags_a, flags_b) = row_flags.split_at_mut(at);
        std::thread::scope(|s| {
            s.spawn(|| scatter(0, fill_a, apps_a, people_a, flags_a));
            scatter(mid, fill_b, apps_b, people_b, flags_b);
        });
    }
    // Each write position is now the end of its row, the start of the next.
    fill.copy_within(0..works, 1);
    fill[0] = 0;
    (fill, apps, people, row_flags)
}

impl TraversalIndex {
    /// Builds the index of `people` people and `work_year.len()` works from
    /// appearances sorted by person (stable).
    pub(crate) fn new(
        people: usize,
        mut work_year: Years,
        work_kind: Vec<WorkKind>,
        mut apps: Columns,
    ) -> TraversalIndex {
        work_year.shrink_to_fit();
        debug_assert!(apps.person.is_sorted());
        let works = work_year.len();
        let person_start = offsets(people, apps.person.iter().map(|&p| p as usize));
        crate::graph::memory_phase("index: person offsets");
        // Each work's row in credit order (the order of the data files).
        let (work_start, positions, work_people, work_flags) = if apps.credit.is_sorted() {
            // Credit order is person order (an import's): one pass over the
            // people fills the rows, without the person column.
            apps.person = Vec::new();
            work_rows_in_person_order(works, &person_start, &apps.work, &apps.flags)
        } else {
            let mut order: Vec<u32> = (0..apps.len() as u32).collect();
            order.sort_by_key(|&i| apps.credit[i as usize]);
            let (work_start, work_apps) =
                group_by(works, &order, |&i| apps.work[i as usize] as usize);
            drop(order);
            let work_people: Vec<u32> =
                work_apps.iter().map(|&i| apps.person[i as usize]).collect();
            let work_flags = work_apps.iter().map(|&i| apps.flags[i as usize]).collect();
            let positions = if ranks_fit(&person_start) {
                let rank = |(&i, &p): (&u32, &u32)| (i - person_start[p as usize]) as u16;
                Positions::Ranks(work_apps.iter().zip(&work_people).map(rank).collect())
            } else {
                Positions::Whole(work_apps)
            };
            (work_start, positions, work_people, work_flags)
        };
        let (work_apps, work_ranks) = match positions {
            Positions::Whole(apps) => (apps, Vec::new()),
            Positions::Ranks(ranks) => (Vec::new(), ranks),
        };
        crate::graph::memory_phase("index: work rows");
        let Columns {
            work,
            flags,
            credit,
            via,
            ..
        } = apps;
        TraversalIndex {
            person_start,
            person_works: work,
            person_flags: flags,
            credits: credit,
            vias: via,
            work_start,
            work_apps,
            work_ranks,
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
                self.work_year.get(app.work as usize),
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

    /// The number of appearances.
    pub(crate) fn len(&self) -> usize {
        self.person_works.len()
    }

    /// The appearance at position `i` (of person `person`, in work `work`).
    #[inline]
    fn at(&self, i: usize, person: u32, work: u32, f: u8) -> Appearance {
        Appearance {
            person,
            work,
            credit: self.credits.get(i).copied().unwrap_or(i as u32),
            via: if f & VIA_FLAG == 0 {
                DIRECT
            } else {
                self.vias[i]
            },
            role: role_of_flags(f),
            unverified: f & UNVERIFIED_FLAG != 0,
        }
    }

    /// The appearance at position `i` (whose id is `i` for imported data),
    /// if there is one. The person is found by a binary search of the
    /// person offsets: for single look-ups, not for walks.
    pub(crate) fn app(&self, i: usize) -> Option<Appearance> {
        if i >= self.len() {
            return None;
        }
        let person = self.person_start.partition_point(|&s| s as usize <= i) - 1;
        Some(self.app_of(person as u32, i))
    }

    /// The appearance at position `i`, which is one of `person`'s.
    #[inline]
    pub(crate) fn app_of(&self, person: u32, i: usize) -> Appearance {
        self.at(i, person, self.person_works[i], self.person_flags[i])
    }

    /// The role and the unverified mark of the appearance at position `i`.
    pub(crate) fn role_at(&self, i: usize) -> Option<(RoleKind, bool)> {
        let f = *self.person_flags.get(i)?;
        Some((role_of_flags(f), f & UNVERIFIED_FLAG != 0))
    }

    /// Every appearance of a person, admitted or not, with its position.
    pub(crate) fn person_apps(
        &self,
        person: u32,
    ) -> impl Iterator<Item = (usize, Appearance)> + '_ {
        let r = self.person_app_range(person);
        let start = r.start;
        row(&self.person_works, &self.person_flags, r)
            .enumerate()
            .map(move |(k, (w, f))| (start + k, self.at(start + k, person, w, f)))
    }

    /// Every appearance in a work, admitted or not, with its position, in
    /// credit order.
    pub(crate) fn work_apps(&self, work: u32) -> impl Iterator<Item = (usize, Appearance)> + '_ {
        self.work_app_ids(work)
            .zip(self.work_row(work))
            .map(move |(i, (p, f))| (i as usize, self.at(i as usize, p, work, f)))
    }

    /// The positions (which are credit ids for imported data) of every
    /// appearance in a work, admitted or not, in credit order.
    pub(crate) fn work_app_ids(&self, work: u32) -> WorkAppIds<'_> {
        WorkAppIds {
            index: self,
            slots: self.work_range(work),
        }
    }

    /// The position of work slot `k` (an index of the work side's columns).
    /// Reads only what cannot panic, so that a caller that drops the
    /// position pays nothing for it once inlined.
    #[inline]
    fn slot_position(&self, k: usize) -> u32 {
        match self.work_apps.get(k) {
            Some(&i) => i,
            None => {
                let p = self.work_people.get(k).map_or(0, |&p| p as usize);
                let first = self.person_start.get(p).copied().unwrap_or(0);
                first + self.work_ranks.get(k).map_or(0, |&r| u32::from(r))
            }
        }
    }

    /// How a position is credited: the credit, and the group ([`DIRECT`]
    /// for none).
    #[inline]
    pub(crate) fn credited(&self, i: usize) -> (u32, u32) {
        let credit = self.credits.get(i).copied().unwrap_or(i as u32);
        let via = if self.person_flags[i] & VIA_FLAG == 0 {
            DIRECT
        } else {
            self.vias[i]
        };
        (credit, via)
    }

    /// A work's release year and kind.
    pub(crate) fn work_attributes(&self, work: usize) -> (i32, WorkKind) {
        (self.work_year.get(work), self.work_kind[work])
    }

    /// The admitted appearances of a person.
    pub(crate) fn of_person<'a>(
        &'a self,
        person: u32,
        filter: &'a Filter,
    ) -> impl Iterator<Item = Appearance> + 'a {
        self.person_apps(person)
            .map(|(_, a)| a)
            .filter(move |a| self.admits(a, filter))
    }

    /// The admitted appearances in a work.
    pub(crate) fn in_work<'a>(
        &'a self,
        work: u32,
        filter: &'a Filter,
    ) -> impl Iterator<Item = Appearance> + 'a {
        self.work_apps(work)
            .map(|(_, a)| a)
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

    /// Every person's row as bare columns (the works and the flags), for
    /// the searches that read rows by position.
    pub(crate) fn person_rows(&self) -> Rows<'_> {
        Rows {
            start: &self.person_start,
            ends: &self.person_works,
            flags: &self.person_flags,
        }
    }

    /// Every work's row as bare columns (the people and the flags).
    pub(crate) fn work_rows(&self) -> Rows<'_> {
        Rows {
            start: &self.work_start,
            ends: &self.work_people,
            flags: &self.work_flags,
        }
    }

    /// Whether the compiled filter admits work `w` (kind and year).
    #[inline]
    pub(crate) fn work_ok(&self, c: &Compiled<'_>, w: usize) -> bool {
        !c.test_works
            || c.filter
                .admits_work(self.work_kind[w], self.work_year.get(w))
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

/// The positions of a work's appearances, in credit order: see
/// [`TraversalIndex::work_app_ids`].
#[derive(Clone)]
pub(crate) struct WorkAppIds<'a> {
    index: &'a TraversalIndex,
    slots: std::ops::Range<usize>,
}

impl Iterator for WorkAppIds<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        let k = self.slots.next()?;
        Some(self.index.slot_position(k))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.slots.size_hint()
    }
}

impl ExactSizeIterator for WorkAppIds<'_> {}

impl std::fmt::Debug for WorkAppIds<'_> {
    /// The slots only: the index is large.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkAppIds")
            .field("slots", &self.slots)
            .finish()
    }
}

/// One side of the index as bare columns: row `r` is positions
/// `start[r]..start[r + 1]` of `ends` (the other end of each appearance)
/// and `flags`.
#[derive(Clone, Copy)]
pub(crate) struct Rows<'a> {
    pub(crate) start: &'a [u32],
    pub(crate) ends: &'a [u32],
    pub(crate) flags: &'a [u8],
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

#[cfg(test)]
mod tests {
    use super::*;

    fn years(years: &[i32]) -> Years {
        let mut column = Years::default();
        for &y in years {
            column.push(y);
        }
        column
    }

    #[test]
    fn years_narrow_until_one_does_not_fit() {
        let all = [
            2008,
            UNKNOWN_YEAR,
            -32767,
            32767,
            0,
            40_000,
            i32::MAX,
            -32768,
            1999,
        ];
        for n in 1..=all.len() {
            let column = years(&all[..n]);
            assert_eq!((0..n).map(|i| column.get(i)).collect::<Vec<_>>(), all[..n]);
            assert_eq!(column.len(), n);
            assert_eq!(column.wide.is_empty(), n <= 5, "{n} years");
        }
        // i16::MIN is the narrow column's unknown year: a real one widens.
        let column = years(&[1, -32768]);
        assert!(!column.wide.is_empty());
        assert_eq!((column.get(0), column.get(1)), (1, -32768));
    }

    /// Appearances of `rows[p]` works (`(work, credit)` each) per person,
    /// in person order.
    fn columns(rows: &[Vec<(u32, u32)>]) -> Columns {
        let mut apps = Vec::new();
        for (p, row) in rows.iter().enumerate() {
            for &(work, credit) in row {
                apps.push(Appearance {
                    person: p as u32,
                    work,
                    credit,
                    via: DIRECT,
                    role: RoleKind::Lead,
                    unverified: false,
                });
            }
        }
        Columns::of_appearances(apps)
    }

    /// Checks every work's positions against a scan of the person side:
    /// the positions of the work's appearances, in credit order, each with
    /// its person.
    fn check_work_positions(index: &TraversalIndex, works: u32) {
        for w in 0..works {
            let mut expected: Vec<(u32, u32, u32)> = Vec::new();
            for p in 0..index.people() as u32 {
                for (i, a) in index.person_apps(p) {
                    if a.work == w {
                        expected.push((a.credit, i as u32, p));
                    }
                }
            }
            expected.sort_unstable();
            let ids: Vec<u32> = index.work_app_ids(w).collect();
            let people: Vec<u32> = index.work_row(w).map(|(p, _)| p).collect();
            assert_eq!(ids.len(), index.work_app_ids(w).len());
            let got: Vec<(u32, u32)> = ids.into_iter().zip(people).collect();
            let want: Vec<(u32, u32)> = expected.iter().map(|&(_, i, p)| (i, p)).collect();
            assert_eq!(got, want, "work {w}");
            for (i, a) in index.work_apps(w) {
                assert_eq!(index.app(i), Some(a));
            }
        }
    }

    #[test]
    fn positions_as_ranks_when_every_row_fits_in_16_bits() {
        // Credits in person order (an import's) and out of it.
        let in_order = columns(&[
            vec![(0, 0), (2, 1), (2, 2)],
            vec![(1, 3)],
            vec![],
            vec![(2, 4), (0, 5)],
        ]);
        let shuffled = columns(&[vec![(1, 4), (0, 2)], vec![(0, 0), (1, 1)], vec![(1, 3)]]);
        for (apps, people, works) in [(in_order, 4, 3), (shuffled, 3, 2)] {
            let index = TraversalIndex::new(
                people,
                years(&vec![2000; works]),
                vec![WorkKind::Film; works],
                apps,
            );
            assert!(index.work_apps.is_empty() && !index.work_ranks.is_empty());
            check_work_positions(&index, works as u32);
        }
    }

    #[test]
    fn positions_whole_when_a_row_is_longer_than_16_bits() {
        // One person in 70,000 works, the next in some of the same, in
        // credit order and out of it.
        let long: Vec<(u32, u32)> = (0..70_000).map(|w| (w, w)).collect();
        let short = vec![(5, 70_000), (69_999, 70_001)];
        for rows in [vec![long.clone(), short.clone()], vec![short, long]] {
            let index = TraversalIndex::new(
                2,
                years(&[2000; 70_000]),
                vec![WorkKind::Film; 70_000],
                columns(&rows),
            );
            assert!(!index.work_apps.is_empty() && index.work_ranks.is_empty());
            for w in [0, 5, 69_998, 69_999] {
                let ids: Vec<u32> = index.work_app_ids(w).collect();
                let people: Vec<u32> = index.work_row(w).map(|(p, _)| p).collect();
                for (&i, &p) in ids.iter().zip(&people) {
                    assert_eq!(
                        index.app(i as usize).map(|a| (a.person, a.work)),
                        Some((p, w))
                    );
                }
                assert_eq!(people.len(), if w == 5 || w == 69_999 { 2 } else { 1 });
            }
        }
        // Rows of exactly 2¹⁶ still fit.
        let full: Vec<(u32, u32)> = (0..1 << 16).map(|w| (w % 3, w)).collect();
        let index = TraversalIndex::new(
            1,
            years(&[2000; 3]),
            vec![WorkKind::Film; 3],
            columns(&[full]),
        );
        assert!(index.work_apps.is_empty());
        check_work_positions(&index, 3);
    }
}
