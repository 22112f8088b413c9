//! What changed between two versions of the data: [`Explorer::diff`] and
//! its [`DiffOptions`]. Records are matched by key (within their kind),
//! credits by their ends' keys and role word; co-star pairs, distances and
//! components are compared person by person through the same keys.
//!
//! Memory: the two explorers, a position map per kind of record (4 bytes a
//! record), the components and distances of both versions (4 bytes a
//! person each), and the changes found. Co-star pairs are compared one
//! person at a time, in key order, and never all held.

use crate::algo::{self, Bfs, UNREACHED};
use crate::error::{ErrorKind, Result};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::split;
use crate::id::{CreditId, Entity, PersonId};
use crate::model::RecordKind;
use crate::query::answer::{
    ChangedCredit, ChangedRecord, ComponentChange, ComponentChanges, ComponentSummary,
    CreditChanges, Diff, DistanceChange, DistanceChanges, FieldChange, PairChanges, PersonPair,
    RecordChanges, Totals,
};
use crate::query::answer::{Credit, Person, Record, role_words};
use std::cmp::Ordering;

/// No counterpart in the other version.
const NONE: u32 = u32::MAX;

/// The people of a component shown beside its size.
const SAMPLE: usize = 3;

/// The options of [`Explorer::diff`]: the person whose distances are
/// compared, and how many items each list shows (the totals are always
/// counted in full).
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
///
/// let options = DiffOptions::new().from("IU").limit(5);
/// assert_eq!((options.get_from(), options.get_limit()), (Some("IU"), 5));
/// assert_eq!(DiffOptions::new().get_limit(), DiffOptions::DEFAULT_LIMIT);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffOptions {
    from: Option<String>,
    limit: usize,
}

impl DiffOptions {
    /// The default number of items each list shows: 20.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(hallyu::query::DiffOptions::DEFAULT_LIMIT, 20);
    /// ```
    pub const DEFAULT_LIMIT: usize = 20;

    /// No distances compared; at most [`DiffOptions::DEFAULT_LIMIT`] items
    /// a list.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new(), DiffOptions::default());
    /// assert_eq!(DiffOptions::new().get_from(), None);
    /// ```
    pub fn new() -> DiffOptions {
        DiffOptions {
            from: None,
            limit: DiffOptions::DEFAULT_LIMIT,
        }
    }

    /// Compares every person's distance from this person (a key, a name,
    /// an alias or Hangul; looked up in the new version, then the old).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new().from("park-seo-joon").get_from(), Some("park-seo-joon"));
    /// ```
    pub fn from(mut self, person: impl Into<String>) -> DiffOptions {
        self.from = Some(person.into());
        self
    }

    /// Shows at most `limit` items of each list.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new().limit(3).get_limit(), 3);
    /// ```
    pub fn limit(mut self, limit: usize) -> DiffOptions {
        self.limit = limit;
        self
    }

    /// The person whose distances are compared, as given.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new().from("IU").get_from(), Some("IU"));
    /// ```
    pub fn get_from(&self) -> Option<&str> {
        self.from.as_deref()
    }

    /// The number of items each list shows, at most.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new().get_limit(), 20);
    /// ```
    pub fn get_limit(&self) -> usize {
        self.limit
    }
}

impl Default for DiffOptions {
    fn default() -> DiffOptions {
        DiffOptions::new()
    }
}

const KINDS: [RecordKind; 4] = [
    RecordKind::Person,
    RecordKind::Group,
    RecordKind::Work,
    RecordKind::Organisation,
];

/// The position maps of one kind of record: old → new and new → old
/// ([`NONE`] where the key is in one version only).
struct Map {
    old_to_new: Vec<u32>,
    new_to_old: Vec<u32>,
}

impl Map {
    fn of(old: &Explorer, new: &Explorer, kind: RecordKind) -> Map {
        let (a, b) = (old.graph.table(kind), new.graph.table(kind));
        let mut old_to_new = vec![NONE; a.len()];
        let mut new_to_old = vec![NONE; b.len()];
        for i in 0..a.len() as u32 {
            let found = match a.text_key(i) {
                Some(k) => b.find_key(k),
                None => b.find_key(&a.key(i)),
            };
            if let Some(j) = found {
                old_to_new[i as usize] = j;
                new_to_old[j as usize] = i;
            }
        }
        Map {
            old_to_new,
            new_to_old,
        }
    }
}

/// A field's name and value, as compared.
type Fields = Vec<(&'static str, Option<String>)>;

/// A list of strings joined with `; `, `None` when empty.
fn joined<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let v: Vec<&str> = items.collect();
    (!v.is_empty()).then(|| v.join("; "))
}

fn flag(yes: bool) -> Option<String> {
    yes.then(|| "true".to_string())
}

fn debug_list<T: std::fmt::Debug>(v: &[T]) -> Option<String> {
    (!v.is_empty()).then(|| {
        v.iter()
            .map(|x| format!("{x:?}"))
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// The fields of a record that every source gives (the name, Hangul,
/// aliases, birth year, kind, release date, verification), and with
/// `rich` those only a full record keeps.
fn record_fields(ex: &Explorer, e: Entity, rich: bool) -> Fields {
    let name = if matches!(e, Entity::Work(_)) {
        "title"
    } else {
        "name"
    };
    let mut out: Fields = vec![
        (name, Some(ex.name(e).to_string())),
        ("hangul", ex.hangul(e).map(str::to_string)),
        ("aliases", joined(ex.aliases(e))),
    ];
    let unverified = match e {
        Entity::Person(p) => {
            let r = ex.get(p);
            out.push(("born", r.born().map(|y| y.to_string())));
            r.is_unverified()
        }
        Entity::Work(w) => {
            let r = ex.get(w);
            out.push(("kind", Some(r.kind().name().to_string())));
            out.push(("released", r.released().map(|d| d.to_string())));
            r.is_unverified()
        }
        Entity::Group(g) => ex.get(g).is_unverified(),
        Entity::Organisation(o) => ex.get(o).is_unverified(),
    };
    out.push(("unverified", flag(unverified)));
    let Some(records) = ex.records().filter(|_| rich) else {
        return out;
    };
    let i = split(e).1 as usize;
    let common = |notes: &Option<String>, sources: &[String], confidence, fields: &[String]| {
        [
            ("notes", notes.clone()),
            ("sources", joined(sources.iter().map(String::as_str))),
            ("confidence", Some(format!("{confidence:?}"))),
            (
                "unverified fields",
                joined(fields.iter().map(String::as_str)),
            ),
        ]
    };
    match e {
        Entity::Person(_) => {
            let r = &records.people[i];
            out.push(("disambiguation", r.disambiguation.clone()));
            out.push(("professions", debug_list(&r.professions)));
            out.extend(common(&r.notes, &r.sources, r.confidence, &r.unverified));
        }
        Entity::Group(_) => {
            let r = &records.groups[i];
            out.push(("group kind", Some(format!("{:?}", r.kind))));
            out.extend(common(&r.notes, &r.sources, r.confidence, &r.unverified));
        }
        Entity::Work(_) => {
            let r = &records.works[i];
            out.push(("ended", r.ended.map(|d| d.to_string())));
            out.push(("album", r.album.clone()));
            out.push(("network", r.network.clone()));
            out.push((
                "collections",
                joined(r.collections.iter().map(String::as_str)),
            ));
            out.extend(common(&r.notes, &r.sources, r.confidence, &r.unverified));
        }
        Entity::Organisation(_) => {
            let r = &records.organisations[i];
            out.push(("organisation kind", Some(format!("{:?}", r.kind))));
            out.extend(common(&r.notes, &r.sources, r.confidence, &r.unverified));
        }
    }
    out
}

/// The fields of a credit: its role in words and verification, and with
/// `rich` its confidence, sources and notes.
fn credit_fields(ex: &Explorer, c: CreditId, rich: bool) -> Fields {
    let r = ex.get(c);
    let mut out: Fields = vec![
        ("role", Some(role_words(&r.role()))),
        ("unverified", flag(r.is_unverified())),
    ];
    if let Some(k) = r.record().filter(|_| rich) {
        out.push(("confidence", Some(format!("{:?}", k.confidence))));
        out.push(("sources", joined(k.sources.iter().map(String::as_str))));
        out.push(("notes", k.notes.clone()));
    }
    out
}

/// The fields that differ between two lists made by the same function.
fn changes(old: &Fields, new: &Fields) -> Vec<FieldChange> {
    old.iter()
        .zip(new)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, b)| FieldChange::new(a.0, a.1.as_deref(), b.1.as_deref()))
        .collect()
}

/// Sorts `items` by their key, keeps the first `limit` and resolves them.
fn first<K: Ord, T, U>(mut items: Vec<(K, T)>, limit: usize, f: impl FnMut(T) -> U) -> Vec<U> {
    items.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    items
        .into_iter()
        .take(limit)
        .map(|(_, t)| t)
        .map(f)
        .collect()
}

/// The records of one kind added, removed and changed.
fn records(
    old: &Explorer,
    new: &Explorer,
    kind: RecordKind,
    map: &Map,
    limit: usize,
) -> RecordChanges {
    let rich = old.records().is_some() && new.records().is_some();
    let (a, b) = (&old.graph, &new.graph);
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut changed = Vec::new();
    for (i, &j) in map.old_to_new.iter().enumerate() {
        let e = a.join(kind, i as u32);
        if j == NONE {
            removed.push((old.key(e).into_owned(), e));
            continue;
        }
        let f = b.join(kind, j);
        if record_fields(old, e, rich) != record_fields(new, f, rich) {
            changed.push((new.key(f).into_owned(), (e, f)));
        }
    }
    for (j, &i) in map.new_to_old.iter().enumerate() {
        if i == NONE {
            let f = b.join(kind, j as u32);
            added.push((new.key(f).into_owned(), f));
        }
    }
    RecordChanges {
        total_added: added.len(),
        added: first(added, limit, |f| Record::of(new, f)),
        total_removed: removed.len(),
        removed: first(removed, limit, |e| Record::of(old, e)),
        total_changed: changed.len(),
        changed: first(changed, limit, |(e, f)| ChangedRecord {
            id: new.key(f).into_owned(),
            label: new.label(f),
            fields: changes(&record_fields(old, e, rich), &record_fields(new, f, rich)),
        }),
    }
}

/// A credit as compared: the other end (as a position of the new
/// version's kind, [`NONE`] when it has no counterpart there), the role's
/// word, its fields and its id.
struct Item {
    to: (RecordKind, u32),
    word: String,
    fields: Fields,
    id: CreditId,
}

/// The credits that start at `e` (of `ex`), as items; `to_new` maps the
/// other end to the new version's positions.
fn items(
    ex: &Explorer,
    e: Entity,
    to_new: &dyn Fn(RecordKind, u32) -> u32,
    rich: bool,
) -> Vec<Item> {
    let mut v: Vec<Item> = ex
        .credits_of(e)
        .filter_map(|c| {
            let r = ex.get(c);
            (r.from() == e).then(|| {
                let (kind, i) = split(r.to());
                Item {
                    to: (kind, to_new(kind, i)),
                    word: r.role().word().to_string(),
                    fields: credit_fields(ex, c, rich),
                    id: c,
                }
            })
        })
        .collect();
    v.sort_by(|a, b| (a.to, &a.word, &a.fields).cmp(&(b.to, &b.word, &b.fields)));
    v
}

/// Where an item of [`merge`] is: in the old list only, the new only, or
/// both.
enum Side<'a, T> {
    Old(&'a T),
    New(&'a T),
    Both(&'a T, &'a T),
}

/// Walks two sorted lists together, calling `f` with each item or pair of
/// equal items.
fn merge<'a, T>(
    a: &'a [T],
    b: &'a [T],
    cmp: impl Fn(&T, &T) -> Ordering,
    mut f: impl FnMut(Side<'a, T>),
) {
    let (mut x, mut y) = (0, 0);
    while x < a.len() || y < b.len() {
        let order = match (a.get(x), b.get(y)) {
            (Some(p), Some(q)) => cmp(p, q),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        match order {
            Ordering::Less => f(Side::Old(&a[x])),
            Ordering::Greater => f(Side::New(&b[y])),
            Ordering::Equal => f(Side::Both(&a[x], &b[y])),
        }
        x += usize::from(order != Ordering::Greater);
        y += usize::from(order != Ordering::Less);
    }
}

/// The sort key of a credit's line: its ends' keys and role word.
type CreditKey = (String, String, String);

fn credit_key(ex: &Explorer, c: CreditId) -> CreditKey {
    let (from, to) = ex.ends(c);
    let word = ex.get(c).role().word().to_string();
    (ex.key(from).into_owned(), ex.key(to).into_owned(), word)
}

/// The credits added, removed and changed, found record by record: each
/// record's own credits (those it is the `from` of) in both versions.
fn credits(old: &Explorer, new: &Explorer, maps: &[Map; 4], limit: usize) -> CreditChanges {
    let rich = old.records().is_some() && new.records().is_some();
    let slot = |kind: RecordKind| KINDS.iter().position(|&k| k == kind).expect("a kind");
    let old_to_new = |kind: RecordKind, i: u32| maps[slot(kind)].old_to_new[i as usize];
    let same = |_: RecordKind, i: u32| i;
    let mut added: Vec<(CreditKey, CreditId)> = Vec::new();
    let mut removed: Vec<(CreditKey, CreditId)> = Vec::new();
    let mut changed: Vec<(CreditKey, (CreditId, CreditId))> = Vec::new();
    for (k, &kind) in KINDS.iter().enumerate() {
        for (i, &j) in maps[k].old_to_new.iter().enumerate() {
            let e = old.graph.join(kind, i as u32);
            let mine = items(old, e, &old_to_new, rich);
            if j == NONE {
                removed.extend(mine.iter().map(|x| (credit_key(old, x.id), x.id)));
                continue;
            }
            let theirs = items(new, new.graph.join(kind, j), &same, rich);
            // Exact matches first (both lists are sorted by end, word and
            // fields)…
            let (mut rest_old, mut rest_new) = (Vec::new(), Vec::new());
            let exact =
                |a: &Item, b: &Item| (a.to, &a.word, &a.fields).cmp(&(b.to, &b.word, &b.fields));
            merge(&mine, &theirs, exact, |side| match side {
                Side::Old(a) => rest_old.push(a),
                Side::New(b) => rest_new.push(b),
                Side::Both(..) => {}
            });
            // …then the rest paired by end and word, in order: changed.
            let loose = |a: &&Item, b: &&Item| (a.to, &a.word).cmp(&(b.to, &b.word));
            merge(&rest_old, &rest_new, loose, |side| match side {
                Side::Old(a) => removed.push((credit_key(old, a.id), a.id)),
                Side::New(b) => added.push((credit_key(new, b.id), b.id)),
                Side::Both(a, b) => changed.push((credit_key(new, b.id), (a.id, b.id))),
            });
        }
        for (j, &i) in maps[k].new_to_old.iter().enumerate() {
            if i == NONE {
                let f = new.graph.join(kind, j as u32);
                let theirs = items(new, f, &same, rich);
                added.extend(theirs.iter().map(|x| (credit_key(new, x.id), x.id)));
            }
        }
    }
    CreditChanges {
        total_added: added.len(),
        added: first(added, limit, |c| Credit::of(new, c)),
        total_removed: removed.len(),
        removed: first(removed, limit, |c| Credit::of(old, c)),
        total_changed: changed.len(),
        changed: first(changed, limit, |(a, b)| {
            let (from, to) = new.ends(b);
            ChangedCredit {
                from: new.key(from).into_owned(),
                to: new.key(to).into_owned(),
                role: new.get(b).role().word().to_string(),
                from_label: new.label(from),
                to_label: new.label(to),
                fields: changes(&credit_fields(old, a, rich), &credit_fields(new, b, rich)),
            }
        }),
    }
}

/// Each person's place in key order.
fn key_ranks(ex: &Explorer) -> Vec<u32> {
    let order = ex.graph.people().in_key_order();
    let mut rank = vec![0u32; order.len()];
    for (r, &p) in order.iter().enumerate() {
        rank[p as usize] = r as u32;
    }
    rank
}

/// The co-star pairs (under the filter) new and lost, in one pass over
/// the people of the new version in key order: each person's co-stars in
/// both versions, listed once each and compared; then the co-stars of the
/// people only the old version holds (all their pairs are lost). A new
/// pair is counted at its first person in the new key order, a lost one at
/// its first person in the old key order (or at the one only the old
/// version holds). The new pairs are listed as they come; the first lost
/// ones, in the old key order, are kept in a heap of at most `limit`.
fn pairs(
    old: &Explorer,
    new: &Explorer,
    people: &Map,
    filter: &Filter,
    limit: usize,
) -> PairChanges {
    let (rank_old, rank_new) = (key_ranks(old), key_ranks(new));
    let mut walk_old = Bfs::new(old.graph.index(), filter);
    let mut walk_new = Bfs::new(new.graph.index(), filter);
    let mut out = PairChanges::default();
    let mut lost: std::collections::BinaryHeap<(u32, u32)> = std::collections::BinaryHeap::new();
    let mut note_lost = |total: &mut usize, a: u32, b: u32| {
        *total += 1;
        let pair = (
            rank_old[a as usize].min(rank_old[b as usize]),
            rank_old[a as usize].max(rank_old[b as usize]),
        );
        if lost.len() < limit {
            lost.push(pair);
        } else if lost.peek().is_some_and(|&top| pair < top) {
            lost.pop();
            lost.push(pair);
        }
    };
    for &p in new.graph.people().in_key_order() {
        let mine = walk_new.costar_list(p);
        let o = people.new_to_old[p as usize];
        let theirs = if o == NONE {
            Vec::new()
        } else {
            walk_old.costar_list(o)
        };
        let mut fresh: Vec<u32> = mine
            .iter()
            .copied()
            .filter(|&q| rank_new[q as usize] > rank_new[p as usize])
            .filter(|&q| {
                let m = people.new_to_old[q as usize];
                m == NONE || theirs.binary_search(&m).is_err()
            })
            .collect();
        out.total_new += fresh.len();
        if out.new.len() < limit {
            fresh.sort_unstable_by_key(|&q| rank_new[q as usize]);
            for &q in fresh.iter().take(limit - out.new.len()) {
                out.new.push(PersonPair {
                    a: Person::of(new, new.graph.pid(p)),
                    b: Person::of(new, new.graph.pid(q)),
                });
            }
        }
        // Lost: old co-stars later in the old key order who are in the new
        // version but no longer co-stars (those only the old version holds
        // are counted below).
        for &r in &theirs {
            let m = people.old_to_new[r as usize];
            if m != NONE
                && rank_old[r as usize] > rank_old[o as usize]
                && mine.binary_search(&m).is_err()
            {
                note_lost(&mut out.total_lost, o, r);
            }
        }
    }
    for (o, _) in people
        .old_to_new
        .iter()
        .enumerate()
        .filter(|(_, m)| **m == NONE)
    {
        let o = o as u32;
        for r in walk_old.costar_list(o) {
            let both = people.old_to_new[r as usize] != NONE;
            if both || rank_old[r as usize] > rank_old[o as usize] {
                note_lost(&mut out.total_lost, o, r);
            }
        }
    }
    let order = old.graph.people().in_key_order();
    out.lost = lost
        .into_sorted_vec()
        .into_iter()
        .map(|(a, b)| PersonPair {
            a: Person::of(old, old.graph.pid(order[a as usize])),
            b: Person::of(old, old.graph.pid(order[b as usize])),
        })
        .collect();
    out
}

/// A person by key, else by name.
fn find(ex: &Explorer, name: &str) -> Result<PersonId> {
    match ex.by_key(name) {
        Some(Entity::Person(p)) => Ok(p),
        _ => ex.person(name),
    }
}

/// The distances from the chosen person in both versions, compared.
fn distances(
    old: &Explorer,
    new: &Explorer,
    people: &Map,
    rank: &[u32],
    name: &str,
    filter: &Filter,
    limit: usize,
) -> Result<DistanceChanges> {
    let (in_old, in_new) = match find(new, name) {
        Ok(p) => {
            let o = people.new_to_old[p.index()];
            (
                if o == NONE { None } else { Some(o) },
                Some(p.index() as u32),
            )
        }
        Err(e) if matches!(e.kind(), ErrorKind::NotFound { .. }) => match find(old, name) {
            Ok(p) => (Some(p.index() as u32), None),
            Err(_) => return Err(e),
        },
        Err(e) => return Err(e),
    };
    let from = match in_new {
        Some(p) => Person::of(new, new.graph.pid(p)),
        None => Person::of(old, old.graph.pid(in_old.expect("found in one"))),
    };
    let levels = |ex: &Explorer, s: Option<u32>| match s {
        Some(s) => algo::levels(ex.graph.index(), s, filter).level,
        None => vec![UNREACHED; ex.people().len()],
    };
    let (a, b) = (levels(old, in_old), levels(new, in_new));
    let reached = |v: &[u32]| v.iter().filter(|&&d| d != UNREACHED).count();
    let mut changed = Vec::new();
    for (q, &o) in people.new_to_old.iter().enumerate() {
        if o == NONE || a[o as usize] == b[q] {
            continue;
        }
        let (x, y) = (a[o as usize], b[q]);
        let size = if x == UNREACHED || y == UNREACHED {
            u32::MAX
        } else {
            x.abs_diff(y)
        };
        changed.push(((std::cmp::Reverse(size), rank[q]), (q as u32, x, y)));
    }
    let some = |d: u32| (d != UNREACHED).then_some(d);
    Ok(DistanceChanges {
        from,
        reached_old: reached(&a),
        reached_new: reached(&b),
        total_changed: changed.len(),
        changed: first(changed, limit, |(q, x, y)| DistanceChange {
            person: Person::of(new, new.graph.pid(q)),
            old: some(x),
            new: some(y),
        }),
    })
}

/// The components merged and split, matched through the people in both
/// versions.
fn components(
    old: &Explorer,
    new: &Explorer,
    people: &Map,
    filter: &Filter,
    limit: usize,
) -> ComponentChanges {
    let (la, na) = algo::component_labels(old.graph.index(), filter);
    let (lb, nb) = algo::component_labels(new.graph.index(), filter);
    let sizes = |labels: &[u32], n: usize| {
        let mut s = vec![0usize; n];
        for &l in labels.iter().filter(|&&l| l != UNREACHED) {
            s[l as usize] += 1;
        }
        s
    };
    let (sa, sb) = (sizes(&la, na), sizes(&lb, nb));
    let mut links: Vec<(u32, u32)> = Vec::new();
    for (q, &o) in people.new_to_old.iter().enumerate() {
        if o != NONE && la[o as usize] != UNREACHED && lb[q] != UNREACHED {
            links.push((la[o as usize], lb[q]));
        }
    }
    links.sort_unstable();
    links.dedup();
    // Splits: an old component linked to two or more new ones.
    let split = events(&links, &sa, &sb, limit);
    links.iter_mut().for_each(|l| *l = (l.1, l.0));
    links.sort_unstable();
    let merged = events(&links, &sb, &sa, limit);
    let sample = |ex: &Explorer, labels: &[u32], wanted: &[u32]| {
        let mut out: std::collections::HashMap<u32, Vec<Person>> =
            wanted.iter().map(|&l| (l, Vec::new())).collect();
        for (p, l) in labels.iter().enumerate() {
            if let Some(v) = out.get_mut(l).filter(|v| v.len() < SAMPLE) {
                v.push(Person::of(ex, ex.graph.pid(p as u32)));
            }
        }
        out
    };
    let resolve = |list: Vec<(u32, usize, Vec<u32>)>,
                   whole: (&Explorer, &[u32], &[usize]),
                   parts: (&Explorer, &[u32], &[usize])| {
        let wanted: Vec<u32> = list.iter().map(|e| e.0).collect();
        let wanted_parts: Vec<u32> = list.iter().flat_map(|e| e.2.iter().copied()).collect();
        let mut s1 = sample(whole.0, whole.1, &wanted);
        let s2 = sample(parts.0, parts.1, &wanted_parts);
        list.into_iter()
            .map(|(c, total, ps)| ComponentChange {
                component: ComponentSummary {
                    people: whole.2[c as usize],
                    sample: s1.remove(&c).unwrap_or_default(),
                },
                total_parts: total,
                parts: ps
                    .iter()
                    .map(|&p| ComponentSummary {
                        people: parts.2[p as usize],
                        sample: s2.get(&p).cloned().unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect::<Vec<_>>()
    };
    let (total_split, split) = split;
    let (total_merged, merged) = merged;
    ComponentChanges {
        old: na,
        new: nb,
        total_merged,
        merged: resolve(merged, (new, &lb, &sb), (old, &la, &sa)),
        total_split,
        split: resolve(split, (old, &la, &sa), (new, &lb, &sb)),
    }
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

fn totals(ex: &Explorer) -> Totals {
    Totals {
        people: ex.people().len(),
        groups: ex.groups().len(),
        works: ex.works().len(),
        organisations: ex.organisations().len(),
        credits: ex.credits().len(),
    }
}

impl Explorer {
    /// What changed from this version of the data (the old) to `new`,
    /// by key: records and credits added, removed and changed (every
    /// record and credit, whatever the filter); co-star pairs new and
    /// lost, the distances from [`DiffOptions::from`] and the components
    /// merged or split, under `filter`. The two explorers may come from
    /// sources of different kinds; fields only a full record keeps (notes,
    /// sources, …) are compared only when both have full records.
    ///
    /// Whole-graph: every record and credit of both is read, the co-stars
    /// of every person listed once in each version. The centre ranking is
    /// not compared: it costs a search from every person, in each version.
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
        let old = self;
        let limit = options.limit;
        let maps = KINDS.map(|k| Map::of(old, new, k));
        let rank_new = key_ranks(new);
        let distances = match &options.from {
            Some(name) => Some(distances(
                old, new, &maps[0], &rank_new, name, filter, limit,
            )?),
            None => None,
        };
        drop(rank_new);
        Ok(Diff {
            old: totals(old),
            new: totals(new),
            people: records(old, new, RecordKind::Person, &maps[0], limit),
            groups: records(old, new, RecordKind::Group, &maps[1], limit),
            works: records(old, new, RecordKind::Work, &maps[2], limit),
            organisations: records(old, new, RecordKind::Organisation, &maps[3], limit),
            credits: credits(old, new, &maps, limit),
            pairs: pairs(old, new, &maps[0], filter, limit),
            distances,
            components: components(old, new, &maps[0], filter, limit),
        })
    }
}
