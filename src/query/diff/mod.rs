//! What changed between two versions of the data: [`Explorer::diff`] and
//! its [`DiffOptions`]. Records are matched by key (within their kind),
//! credits by their ends' keys and role word; co-star pairs, distances,
//! components and the top of the centre ranking are compared person by
//! person through the same keys.
//!
//! In three steps, so that one version is held at a time:
//!
//! 1. [`Explorer::diff_base`] summarises the new version in a [`DiffBase`]:
//!    for each record, in key order, its key and a 64-bit hash of what the
//!    comparison reads of the record itself (its fields and its own
//!    credits), and for a person a second hash, of their co-stars' keys
//!    under the filter; each person's component label; the distances from
//!    [`DiffOptions::from`]; the top of the centre ranking.
//! 2. [`DiffBase::compare`] reads the old version: each record whose key the
//!    summary lacks, or whose hashes differ, is kept (a `Detail`: the part
//!    that differs — its fields and credits with the answers that show them,
//!    or a person's co-stars as ranks); the distances, components and centre
//!    are compared whole.
//! 3. [`DiffPending::finish`] reads the new version again for the same
//!    parts of the same records, and makes every list from the two sides'
//!    details.
//!
//! A record whose hashes are the same in both versions is taken as
//! unchanged (two different lists collide with a chance of 2⁻⁶⁴); any change
//! to a record, its credits or a person's co-stars changes a hash, and a new
//! or lost co-star pair changes both its people's co-stars, so the lists made
//! from the details alone are whole.
//!
//! Memory (bytes): the summary holds, a record, its key (5 for an
//! IMDb-style key, else its text) and an 8-byte hash; a person, 8 more of
//! co-stars' hash, 4 of component label and, with [`DiffOptions::from`], 4
//! of distance: 25 to 29 a person and 13 a work, nothing a credit. Step 2
//! adds, an old person, 4 (their rank in the new version), 4 of key rank
//! while the hashes are compared, then 4 of component label, and 4 of
//! distance with [`DiffOptions::from`]; the details are in proportion to the
//! records that differ (with their credits and co-stars). Peak: one
//! explorer, the summary, and these: 1.25 times one load on the large
//! synthetic set, 1.40 on the xl one (BENCHMARKS.md, `## large: diff`,
//! `## xl: diff`). The centre's top
//! ([`DiffOptions::centre`]) has the working memory of
//! [`Explorer::centre_top`] on top of the explorer.

mod lists;
mod options;
mod summary;

use std::ops::ControlFlow;

use crate::algo::{self, Bfs, UNREACHED};
use crate::error::{Error, ErrorKind, Result};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::memory_phase;
use crate::id::{Entity, PersonId};
use crate::model::RecordKind;
use crate::query::CentreOptions;
use crate::query::answer::{
    CentreChanges, CentreMove, ComponentChange, ComponentChanges, ComponentSummary, Diff,
    DistanceChange, DistanceChanges, Person, Totals,
};
use lists::{Both, first};
pub use options::DiffOptions;
use summary::{Detail, KINDS, Keys, NONE, Walk, costar_hash, key_ranks, own_hash};

/// The people of a component shown beside its size.
const SAMPLE: usize = 3;

/// One kind of record of the summarised version, in key order: the keys,
/// the hash of each record's own fields and credits
/// ([`summary::own_hash`]), with full records also those hashes with the
/// fields only full records keep, and each person's co-stars' hash
/// ([`summary::costar_hash`]).
struct Column {
    keys: Keys,
    hashes: Vec<u64>,
    rich: Option<Vec<u64>>,
    costars: Vec<u64>,
}

/// The chosen person of [`DiffOptions::from`] in the summarised version.
enum From {
    NotAsked,
    /// Found: everyone's distance from them (by rank), their answer.
    Found(Vec<u32>, Person),
    /// Not found there (the error to give when the other version lacks
    /// them too).
    Missing(Error),
}

/// The top of the centre ranking of one version: each seat's key, answer
/// and mean distance, best first.
type Seats = Vec<(String, Person, Option<f64>)>;

/// The new version of the data summarised for a comparison
/// ([`Explorer::diff_base`]): what [`DiffBase::compare`] needs of it, in
/// compact columns in key order, so that the new version's explorer can be
/// dropped before the old one is loaded.
///
/// Memory, a record: its key (5 bytes for an IMDb-style key, the text
/// otherwise) and an 8-byte hash of its fields and own credits; a person: 8
/// bytes of co-stars' hash, 4 of component label, and 4 of distance with
/// [`DiffOptions::from`]; the centre's top. On the large synthetic set (1.1
/// million people, 0.5 million works) about 35 MB, against about 130 MB
/// for the explorer.
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
/// use hallyu::{Explorer, Filter};
///
/// let (old, new) = (Explorer::bundled(), Explorer::bundled());
/// let base = new.diff_base(&DiffOptions::new(), &Filter::new())?;
/// assert!(base.bytes() > 0);
/// let diff = base.compare(&old)?.finish(&new)?;
/// assert!(diff.is_empty());
/// # Ok::<(), hallyu::Error>(())
/// ```
pub struct DiffBase {
    options: DiffOptions,
    filter: Filter,
    totals: Totals,
    columns: Vec<Column>,
    /// The people's component labels, by rank.
    labels: Vec<u32>,
    components: usize,
    from: From,
    centre: Option<Seats>,
}

/// A comparison half done ([`DiffBase::compare`]): everything about the
/// old version is resolved, and the details of the old records that
/// differ are kept; [`DiffPending::finish`] reads the new version again
/// for the other half. Holds memory in proportion to the changes found.
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let base = explorer.diff_base(&DiffOptions::new().from("IU"), &Filter::new())?;
/// let pending = base.compare(&explorer)?;
/// assert_eq!(pending.differing(), 0);
/// assert!(pending.finish(&explorer)?.is_empty());
/// # Ok::<(), hallyu::Error>(())
/// ```
pub struct DiffPending {
    options: DiffOptions,
    filter: Filter,
    old: Totals,
    new: Totals,
    rich: bool,
    labels: Vec<u32>,
    /// The old records that differ, by kind.
    details: Vec<Vec<Detail>>,
    /// The ranks of the new records the old version lacks, by kind.
    added: Vec<Vec<u32>>,
    /// The distances, the changed people by their new rank.
    distances: Option<PendingDistances>,
    /// The components; the new components' labels whose samples are to
    /// be taken (merged: each whole; split: each part).
    components: (ComponentChanges, Vec<u32>, Vec<Vec<u32>>),
    /// The centre; the keys of those who left, whose new mean is to be
    /// found.
    centre: Option<CentreChanges>,
}

/// The distances compared, the people listed by their rank in the new
/// version, with their distances old and new.
type PendingDistances = (DistanceChanges, Vec<(u32, Option<u32>, Option<u32>)>);

/// A person by key, else by name.
fn find(ex: &Explorer, name: &str) -> Result<PersonId> {
    match ex.by_key(name) {
        Some(Entity::Person(p)) => Ok(p),
        _ => ex.person(name),
    }
}

fn totals(ex: &Explorer) -> Totals {
    Totals {
        people: ex.people().len(),
        groups: ex.groups().len(),
        works: ex.works().len(),
        organisations: ex.organisations().len(),
        credits: ex.credits().len(),
    }
}

/// The person at `rank` in `ex`'s key order.
fn at_rank(ex: &Explorer, rank: u32) -> PersonId {
    ex.graph
        .pid(ex.graph.people().in_key_order().at(rank as usize))
}

/// Positions to ranks: `by_rank` (indexed by rank) as indexed by position.
fn by_position(ex: &Explorer, by_rank: &[u32]) -> Vec<u32> {
    let mut out = vec![UNREACHED; by_rank.len()];
    for (r, p) in ex.graph.people().in_key_order().iter().enumerate() {
        out[p as usize] = by_rank[r];
    }
    out
}

/// The first [`SAMPLE`] people (in data order) of each of the components
/// `wanted`, given each person's label by position.
fn samples(
    ex: &Explorer,
    labels: &[u32],
    wanted: &[u32],
) -> std::collections::HashMap<u32, Vec<Person>> {
    let mut out: std::collections::HashMap<u32, Vec<Person>> =
        wanted.iter().map(|&l| (l, Vec::new())).collect();
    for (p, l) in labels.iter().enumerate() {
        if let Some(v) = out.get_mut(l).filter(|v| v.len() < SAMPLE) {
            v.push(Person::of(ex, ex.graph.pid(p as u32)));
        }
    }
    out
}

/// The components of one side linked to two or more of the other
/// (`links` sorted and distinct): how many, and the largest `limit`, each
/// with its count of parts and its largest `limit` parts.
fn events(
    links: &[(u32, u32)],
    whole: &[usize],
    part: &[usize],
    limit: usize,
) -> (usize, Vec<(u32, usize, Vec<u32>)>) {
    let mut found = Vec::new();
    for run in links.chunk_by(|x, y| x.0 == y.0) {
        if run.len() >= 2 {
            let mut parts: Vec<u32> = run.iter().map(|l| l.1).collect();
            parts.sort_by_key(|&p| (std::cmp::Reverse(part[p as usize]), p));
            let total = parts.len();
            parts.truncate(limit);
            found.push((run[0].0, total, parts));
        }
    }
    let total = found.len();
    found.sort_by_key(|e| (std::cmp::Reverse(whole[e.0 as usize]), e.0));
    found.truncate(limit);
    (total, found)
}

/// How many people each component holds.
fn sizes(labels: &[u32], n: usize) -> Vec<usize> {
    let mut s = vec![0usize; n];
    for &l in labels.iter().filter(|&&l| l != UNREACHED) {
        s[l as usize] += 1;
    }
    s
}

/// The top `n` of `ex`'s centre ranking.
fn seats(ex: &Explorer, n: usize, filter: &Filter) -> Seats {
    let top = ex.centre_top(n, CentreOptions::new(), filter);
    top.entries()
        .iter()
        .map(|e| {
            let key = ex.key(e.person.into()).into_owned();
            (key, Person::of(ex, e.person), e.mean_distance)
        })
        .collect()
}

/// The mean distance of the person `key` within `ex`'s main component
/// (`None` when `ex` lacks them or they are not in it).
fn mean_of(ex: &Explorer, key: &str, filter: &Filter) -> Option<f64> {
    let Some(Entity::Person(p)) = ex.by_key(key) else {
        return None;
    };
    let mut mean = None;
    ex.centre_of(&[p], CentreOptions::new(), filter, |row| {
        mean = row.mean_distance();
        ControlFlow::Continue(())
    });
    mean
}

impl DiffBase {
    /// Bytes held by the summary's columns.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let base = explorer.diff_base(&DiffOptions::new(), &Filter::new())?;
    /// // At least a hash and a label a person.
    /// assert!(base.bytes() >= explorer.people().len() * 12);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn bytes(&self) -> usize {
        let columns: usize = self
            .columns
            .iter()
            .map(|c| {
                let rich = c.rich.as_ref().map_or(0, |r| 8 * r.len());
                c.keys.bytes() + 8 * (c.hashes.len() + c.costars.len()) + rich
            })
            .sum();
        let levels = match &self.from {
            From::Found(levels, _) => 4 * levels.len(),
            _ => 0,
        };
        columns + 4 * self.labels.len() + levels
    }

    /// Compares the old version `old` with the summarised new one:
    /// matches every record by key and compares their hashes, keeps the
    /// details of those that differ (or that one version lacks), and
    /// resolves the distances, components and centre, whose new side the
    /// summary holds. The answer is finished by [`DiffPending::finish`]
    /// with the new version.
    ///
    /// # Errors
    ///
    /// When [`DiffOptions::from`] names nobody in either version, or more
    /// than one person in the new version.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    /// use hallyu::{Catalog, Explorer, Filter};
    ///
    /// let old = Explorer::bundled();
    /// let mut records = old.to_records();
    /// records.people.retain(|p| p.id != "iu");
    /// records.credits.retain(|c| c.from != "iu" && c.to != "iu");
    /// let new = Explorer::new(Catalog::from_records("edited", records)?);
    /// let pending = new.diff_base(&DiffOptions::new(), &Filter::new())?.compare(&old)?;
    /// assert!(pending.differing() > 1); // IU and her co-stars
    /// assert_eq!(pending.finish(&new)?.people.total_removed, 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn compare(self, old: &Explorer) -> Result<DiffPending> {
        let rich = self.columns[0].rich.is_some() && old.records().is_some();
        let filter = &self.filter;
        let mut walk: Walk<'_> = Bfs::new(old.graph.index(), filter);
        let ranks = key_ranks(old);
        // Each old person's rank in the new version.
        let people = old.graph.people();
        let to_new: Vec<u32> = (0..old.people().len() as u32)
            .map(|i| self.columns[0].keys.find(people.key_of(i)).unwrap_or(NONE))
            .collect();
        let rank_pair = |q: u32| (ranks[q as usize], to_new[q as usize]);
        let mut details = Vec::new();
        let mut added = Vec::new();
        for (k, &kind) in KINDS.iter().enumerate() {
            let column = &self.columns[k];
            let hashes = match (&column.rich, rich) {
                (Some(r), true) => r,
                _ => &column.hashes,
            };
            let table = old.graph.table(kind);
            let mut matched = vec![false; hashes.len()];
            let mut mine = Vec::new();
            for (r, i) in table.in_key_order().iter().enumerate() {
                let q = match kind {
                    RecordKind::Person => to_new[i as usize],
                    _ => column.keys.find(table.key_of(i)).unwrap_or(NONE),
                };
                let e = old.graph.join(kind, i);
                let parts = if q == NONE {
                    (true, kind == RecordKind::Person)
                } else {
                    matched[q as usize] = true;
                    let own = own_hash(old, e, rich) != hashes[q as usize];
                    let costars = kind == RecordKind::Person
                        && costar_hash(old, i, &mut walk) != column.costars[q as usize];
                    (own, costars)
                };
                if parts.0 || parts.1 {
                    let at = (r as u32, q);
                    mine.push(Detail::of(
                        old, kind, at, parts, rich, &mut walk, &rank_pair,
                    ));
                }
            }
            details.push(mine);
            added.push(
                (0..hashes.len() as u32)
                    .filter(|&q| !matched[q as usize])
                    .collect(),
            );
        }
        memory_phase("diff: old version compared");
        drop((walk, ranks));
        let distances = self.distances(old, &to_new)?;
        let components = self.components(old, &to_new);
        let centre = self.centre.as_ref().map(|new| {
            let old_seats = seats(old, self.options.centre, filter);
            let place = |s: &Seats, key: &str| s.iter().position(|x| x.0 == key);
            let mut entered = Vec::new();
            let mut moved = Vec::new();
            for (n, (key, person, mean)) in new.iter().enumerate() {
                let was = place(&old_seats, key);
                let change = CentreMove {
                    person: person.clone(),
                    old_rank: was.map(|o| o + 1),
                    new_rank: Some(n + 1),
                    old_mean: match was {
                        Some(o) => old_seats[o].2,
                        None => mean_of(old, key, filter),
                    },
                    new_mean: *mean,
                };
                match was {
                    None => entered.push(change),
                    Some(o) if o != n => moved.push(change),
                    _ => {}
                }
            }
            moved.sort_by_key(|m| {
                let (o, n) = (m.old_rank.unwrap_or(0), m.new_rank.unwrap_or(0));
                (std::cmp::Reverse(o.abs_diff(n)), n)
            });
            let left = old_seats
                .iter()
                .enumerate()
                .filter(|(_, s)| place(new, &s.0).is_none())
                .map(|(o, (_, person, mean))| CentreMove {
                    person: person.clone(),
                    old_rank: Some(o + 1),
                    new_rank: None,
                    old_mean: *mean,
                    new_mean: None,
                })
                .collect();
            CentreChanges {
                top: self.options.centre,
                entered,
                left,
                moved,
            }
        });
        memory_phase("diff: distances, components, centre");
        Ok(DiffPending {
            rich,
            old: totals(old),
            new: self.totals,
            labels: self.labels,
            details,
            added,
            distances,
            components,
            centre,
            options: self.options,
            filter: self.filter,
        })
    }

    /// The distances from the chosen person in both versions, compared;
    /// `to_new` gives each old person's rank in the new version.
    fn distances(&self, old: &Explorer, to_new: &[u32]) -> Result<Option<PendingDistances>> {
        let filter = &self.filter;
        let none = Vec::new();
        let (source, levels, from) = match &self.from {
            From::NotAsked => return Ok(None),
            From::Found(levels, person) => {
                let source = match old.by_key(&person.id) {
                    Some(Entity::Person(p)) => Some(p),
                    _ => None,
                };
                (source, levels, person.clone())
            }
            From::Missing(e) => {
                let name = self.options.from.as_deref().unwrap_or_default();
                match find(old, name) {
                    Ok(p) => (Some(p), &none, Person::of(old, p)),
                    Err(_) => return Err(e.clone()),
                }
            }
        };
        let a = match source {
            Some(s) => algo::levels(old.graph.index(), s.index() as u32, filter).level,
            None => vec![UNREACHED; old.people().len()],
        };
        let b = |q: u32| levels.get(q as usize).copied().unwrap_or(UNREACHED);
        let reached = |v: &mut dyn Iterator<Item = u32>| v.filter(|&d| d != UNREACHED).count();
        let mut changed = Vec::new();
        for (o, &q) in to_new.iter().enumerate() {
            let (x, y) = (a[o], b(q));
            if q == NONE || x == y {
                continue;
            }
            let size = if x == UNREACHED || y == UNREACHED {
                u32::MAX
            } else {
                x.abs_diff(y)
            };
            changed.push(((std::cmp::Reverse(size), q), (q, x, y)));
        }
        let some = |d: u32| (d != UNREACHED).then_some(d);
        let answer = DistanceChanges {
            from,
            reached_old: reached(&mut a.iter().copied()),
            reached_new: reached(&mut levels.iter().copied()),
            total_changed: changed.len(),
            changed: Vec::new(),
        };
        let list = first(changed, self.options.limit, |(q, x, y)| {
            (q, some(x), some(y))
        });
        Ok(Some((answer, list)))
    }

    /// The components merged and split, matched through the people in both
    /// versions; the samples of the new components are taken by
    /// [`DiffPending::finish`].
    fn components(
        &self,
        old: &Explorer,
        to_new: &[u32],
    ) -> (ComponentChanges, Vec<u32>, Vec<Vec<u32>>) {
        let limit = self.options.limit;
        let (la, na) = algo::component_labels(old.graph.index(), &self.filter);
        let (lb, nb) = (&self.labels, self.components);
        let (sa, sb) = (sizes(&la, na), sizes(lb, nb));
        let mut links: Vec<(u32, u32)> = Vec::new();
        for (o, &q) in to_new.iter().enumerate() {
            if q != NONE && la[o] != UNREACHED && lb[q as usize] != UNREACHED {
                links.push((la[o], lb[q as usize]));
            }
        }
        links.sort_unstable();
        links.dedup();
        // Splits: an old component linked to two or more new ones.
        let (total_split, split) = events(&links, &sa, &sb, limit);
        links.iter_mut().for_each(|l| *l = (l.1, l.0));
        links.sort_unstable();
        let (total_merged, merged) = events(&links, &sb, &sa, limit);
        let wanted: Vec<u32> = split
            .iter()
            .map(|e| e.0)
            .chain(merged.iter().flat_map(|e| e.2.iter().copied()))
            .collect();
        let s = samples(old, &la, &wanted);
        let summary = |people: usize, sample: Vec<Person>| ComponentSummary { people, sample };
        let old_sample = |l: u32| s.get(&l).cloned().unwrap_or_default();
        let split_changes = split
            .iter()
            .map(|(c, total, parts)| ComponentChange {
                component: summary(sa[*c as usize], old_sample(*c)),
                total_parts: *total,
                parts: parts
                    .iter()
                    .map(|&p| summary(sb[p as usize], Vec::new()))
                    .collect(),
            })
            .collect();
        let merged_changes = merged
            .iter()
            .map(|(c, total, parts)| ComponentChange {
                component: summary(sb[*c as usize], Vec::new()),
                total_parts: *total,
                parts: parts
                    .iter()
                    .map(|&p| summary(sa[p as usize], old_sample(p)))
                    .collect(),
            })
            .collect();
        (
            ComponentChanges {
                old: na,
                new: nb,
                total_merged,
                merged: merged_changes,
                total_split,
                split: split_changes,
            },
            merged.into_iter().map(|e| e.0).collect(),
            split.into_iter().map(|e| e.2).collect(),
        )
    }
}

impl DiffPending {
    /// How many old records differ from the new version (or are not in
    /// it): the details held.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let base = explorer.diff_base(&DiffOptions::new(), &Filter::new())?;
    /// assert_eq!(base.compare(&explorer)?.differing(), 0);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn differing(&self) -> usize {
        self.details.iter().map(Vec::len).sum()
    }

    /// Finishes the comparison with the new version, `new` (the version
    /// [`Explorer::diff_base`] summarised, loaded again): the details of
    /// its records that differ, then every list.
    ///
    /// # Errors
    ///
    /// When `new` does not hold as many records of each kind as the
    /// summarised version.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    /// use hallyu::{Catalog, Explorer, Filter};
    ///
    /// let old = Explorer::bundled();
    /// let mut records = old.to_records();
    /// records.works.iter_mut().find(|w| w.id == "haru-haru").unwrap().title = "Haru".into();
    /// let new = Explorer::new(Catalog::from_records("edited", records)?);
    /// let pending = new.diff_base(&DiffOptions::new(), &Filter::new())?.compare(&old)?;
    /// assert_eq!(pending.finish(&new)?.works.total_changed, 1);
    /// // Another version than the summarised one is refused.
    /// let mut fewer = old.to_records();
    /// fewer.credits.pop();
    /// let other = Explorer::new(Catalog::from_records("fewer", fewer)?);
    /// let pending = new.diff_base(&DiffOptions::new(), &Filter::new())?.compare(&old)?;
    /// assert!(pending.finish(&other).is_err());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn finish(self, new: &Explorer) -> Result<Diff> {
        if totals(new) != self.new {
            let n = totals(new);
            return Err(Error::invalid_value(
                "new version",
                &format!(
                    "{} people, {} works, {} credits",
                    n.people, n.works, n.credits
                ),
                [format!(
                    "the version the summary was made from: {} people, {} works, {} credits",
                    self.new.people, self.new.works, self.new.credits
                )],
            ));
        }
        let limit = self.options.limit;
        let filter = &self.filter;
        let mut walk: Walk<'_> = Bfs::new(new.graph.index(), filter);
        let ranks = key_ranks(new);
        let rank_pair = |q: u32| (ranks[q as usize], ranks[q as usize]);
        let person = |kind: RecordKind| kind == RecordKind::Person;
        let theirs: Vec<Vec<Detail>> = KINDS
            .iter()
            .enumerate()
            .map(|(k, &kind)| {
                let changed = self.details[k].iter().filter(|d| d.other != NONE);
                let changed =
                    changed.map(|d| ((d.other, d.rank), (d.own.is_some(), d.costars.is_some())));
                let added = self.added[k]
                    .iter()
                    .map(|&q| ((q, NONE), (true, person(kind))));
                changed
                    .chain(added)
                    .map(|(at, parts)| {
                        Detail::of(new, kind, at, parts, self.rich, &mut walk, &rank_pair)
                    })
                    .collect()
            })
            .collect();
        drop(walk);
        memory_phase("diff: new details");
        let both: Vec<Vec<Both<'_>>> = (0..KINDS.len())
            .map(|k| {
                let by_rank: std::collections::HashMap<u32, &Detail> =
                    theirs[k].iter().map(|d| (d.rank, d)).collect();
                let mut list: Vec<Both<'_>> = self.details[k]
                    .iter()
                    .map(|d| (Some(d), by_rank.get(&d.other).copied()))
                    .collect();
                list.extend(
                    theirs[k]
                        .iter()
                        .filter(|d| d.other == NONE)
                        .map(|d| (None, Some(d))),
                );
                list
            })
            .collect();
        let distances = self.distances.map(|(mut answer, list)| {
            answer.changed = list
                .into_iter()
                .map(|(q, old, new_distance)| DistanceChange {
                    person: Person::of(new, at_rank(new, q)),
                    old,
                    new: new_distance,
                })
                .collect();
            answer
        });
        let (mut components, merged, split) = self.components;
        let labels = by_position(new, &self.labels);
        let wanted: Vec<u32> = merged
            .iter()
            .chain(split.iter().flatten())
            .copied()
            .collect();
        let s = samples(new, &labels, &wanted);
        let sample = |l: &u32| s.get(l).cloned().unwrap_or_default();
        for (m, l) in components.merged.iter_mut().zip(&merged) {
            m.component.sample = sample(l);
        }
        for (m, ls) in components.split.iter_mut().zip(&split) {
            for (p, l) in m.parts.iter_mut().zip(ls) {
                p.sample = sample(l);
            }
        }
        let centre = self.centre.map(|mut c| {
            for m in &mut c.left {
                m.new_mean = mean_of(new, &m.person.id, filter);
            }
            c
        });
        let credits_list: Vec<Both<'_>> = both.iter().flatten().copied().collect();
        Ok(Diff {
            old: self.old,
            new: self.new,
            people: lists::records(&both[0], limit),
            groups: lists::records(&both[1], limit),
            works: lists::records(&both[2], limit),
            organisations: lists::records(&both[3], limit),
            credits: lists::credits(&credits_list, limit),
            pairs: lists::pairs(&both[0], limit),
            distances,
            components,
            centre,
        })
    }
}

impl Explorer {
    /// Summarises this version of the data, the new one, for a comparison
    /// with an old one that is not loaded yet ([`DiffBase`]): what
    /// changed is then `base.compare(&old)?.finish(&new)?`, with the new
    /// version loaded again for the last step, so that only one explorer
    /// is held at a time (`hallyu diff` does so). The filter and options
    /// are those of [`Explorer::diff`].
    ///
    /// # Errors
    ///
    /// When [`DiffOptions::from`] names more than one person here.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let old = Explorer::bundled();
    /// let new = Explorer::bundled();
    /// let options = DiffOptions::new().from("IU").centre(3);
    /// let base = new.diff_base(&options, &Filter::new())?;
    /// let diff = base.compare(&old)?.finish(&new)?;
    /// assert_eq!(diff, old.diff(&new, &options, &Filter::new())?);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn diff_base(&self, options: &DiffOptions, filter: &Filter) -> Result<DiffBase> {
        let from = match &options.from {
            None => From::NotAsked,
            Some(name) => match find(self, name) {
                Ok(p) => {
                    let levels = algo::levels(self.graph.index(), p.index() as u32, filter).level;
                    let by_rank: Vec<u32> = self
                        .graph
                        .people()
                        .in_key_order()
                        .iter()
                        .map(|q| levels[q as usize])
                        .collect();
                    From::Found(by_rank, Person::of(self, p))
                }
                Err(e) if matches!(e.kind(), ErrorKind::NotFound { .. }) => From::Missing(e),
                Err(e) => return Err(e),
            },
        };
        let rich = self.records().is_some();
        let mut walk: Walk<'_> = Bfs::new(self.graph.index(), filter);
        let columns = KINDS
            .iter()
            .map(|&kind| {
                let table = self.graph.table(kind);
                let order = table.in_key_order();
                let hash = |rich: bool| -> Vec<u64> {
                    order
                        .iter()
                        .map(|i| own_hash(self, self.graph.join(kind, i), rich))
                        .collect()
                };
                let costars = match kind {
                    RecordKind::Person => order
                        .iter()
                        .map(|i| costar_hash(self, i, &mut walk))
                        .collect(),
                    _ => Vec::new(),
                };
                Column {
                    keys: Keys::of(table),
                    hashes: hash(false),
                    rich: rich.then(|| hash(true)),
                    costars,
                }
            })
            .collect();
        drop(walk);
        let (labels, components) = algo::component_labels(self.graph.index(), filter);
        let labels = self
            .graph
            .people()
            .in_key_order()
            .iter()
            .map(|p| labels[p as usize])
            .collect();
        let centre = (options.centre > 0).then(|| seats(self, options.centre, filter));
        memory_phase("diff: new version summarised");
        Ok(DiffBase {
            options: options.clone(),
            filter: filter.clone(),
            totals: totals(self),
            columns,
            labels,
            components,
            from,
            centre,
        })
    }

    /// What changed from this version of the data (the old) to `new`,
    /// by key: records and credits added, removed and changed (every
    /// record and credit, whatever the filter); co-star pairs new and
    /// lost, the distances from [`DiffOptions::from`], the components
    /// merged or split and the top of the centre ranking
    /// ([`DiffOptions::centre`]), under `filter`. The two explorers may
    /// come from sources of different kinds; fields only a full record
    /// keeps (notes, sources, …) are compared only when both have full
    /// records.
    ///
    /// The same comparison as `new.diff_base(…)?.compare(self)?.finish(new)`
    /// ([`DiffBase`]), with both versions at hand.
    ///
    /// # Errors
    ///
    /// When [`DiffOptions::from`] names nobody in either version, or more
    /// than one person.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    /// use hallyu::{Catalog, Explorer, Filter};
    ///
    /// let old = Explorer::bundled();
    /// let mut records = old.to_records();
    /// records.works.iter_mut().find(|w| w.id == "haru-haru").unwrap().title = "Haru".into();
    /// let new = Explorer::new(Catalog::from_records("edited", records)?);
    /// let diff = old.diff(&new, &DiffOptions::new(), &Filter::new())?;
    /// assert_eq!(diff.works.total_changed, 1);
    /// assert_eq!(diff.works.changed[0].fields[0].to_string(), "title: \"Haru Haru\" → \"Haru\"");
    /// assert_eq!(diff.credits.total_added + diff.pairs.total_new, 0);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn diff(&self, new: &Explorer, options: &DiffOptions, filter: &Filter) -> Result<Diff> {
        new.diff_base(options, filter)?.compare(self)?.finish(new)
    }
}
