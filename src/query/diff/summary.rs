//! The compact summary of one version that the other is compared against:
//! its keys in key order, one hash per record of what the comparison reads
//! of it, and the full [`Detail`] of a record, made only for the records
//! whose hashes differ or whose key one version lacks.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;

use crate::algo::{Bfs, Bipartite};
use crate::explorer::Explorer;
use crate::graph::{Key, Table, numeric, split};
use crate::id::{CreditId, Entity};
use crate::model::RecordKind;
use crate::query::answer::{Credit, Person, Record, role_words};

/// No counterpart in the other version.
pub(super) const NONE: u32 = u32::MAX;

/// The kinds of record, in the order of the summary's columns.
pub(super) const KINDS: [RecordKind; 4] = [
    RecordKind::Person,
    RecordKind::Group,
    RecordKind::Work,
    RecordKind::Organisation,
];

/// The column of a kind in [`KINDS`].
pub(super) fn slot(kind: RecordKind) -> u8 {
    KINDS.iter().position(|&k| k == kind).expect("a kind") as u8
}

/// The co-star walker of one version.
pub(super) type Walk<'a> = Bfs<'a, Bipartite<'a>>;

/// The keys of one kind of record, in key order: the numeric parts of
/// IMDb-style keys (5 bytes a record), or the text.
pub(super) enum Keys {
    Numeric {
        prefix: [u8; 2],
        numbers: Vec<u32>,
        widths: Vec<u8>,
    },
    Text(Vec<Box<str>>),
}

impl Keys {
    pub(super) fn of(table: &Table) -> Keys {
        let order = table.in_key_order();
        match order.iter().next().map(|i| table.key_of(i)) {
            Some(Key::Text(_)) => Keys::Text(
                order
                    .iter()
                    .map(|i| match table.key_of(i) {
                        Key::Text(s) => s.into(),
                        Key::Numeric(..) => unreachable!("one kind of key a table"),
                    })
                    .collect(),
            ),
            first => {
                let prefix = match first {
                    Some(Key::Numeric(p, ..)) => p,
                    _ => [0, 0],
                };
                let (mut numbers, mut widths) = (Vec::new(), Vec::new());
                for i in order.iter() {
                    if let Key::Numeric(_, n, w) = table.key_of(i) {
                        numbers.push(n);
                        widths.push(w);
                    }
                }
                Keys::Numeric {
                    prefix,
                    numbers,
                    widths,
                }
            }
        }
    }

    /// The rank (place in key order) of `key`, when this version has it.
    pub(super) fn find(&self, key: Key<'_>) -> Option<u32> {
        match self {
            Keys::Numeric {
                prefix,
                numbers,
                widths,
            } => {
                let (p, n, w) = match key {
                    Key::Numeric(p, n, w) => (p, n, w),
                    Key::Text(s) => numeric(s)?,
                };
                if p != *prefix {
                    return None;
                }
                let at = numbers.partition_point(|&x| x < n);
                (at..numbers.len())
                    .take_while(|&r| numbers[r] == n)
                    .find(|&r| widths[r] == w)
                    .map(|r| r as u32)
            }
            Keys::Text(v) => {
                let mut buf = [0u8; 24];
                let s = spell(key, &mut buf);
                v.binary_search_by(|x| (**x).cmp(s)).ok().map(|r| r as u32)
            }
        }
    }

    /// Bytes held.
    pub(super) fn bytes(&self) -> usize {
        match self {
            Keys::Numeric { numbers, .. } => numbers.len() * 5,
            Keys::Text(v) => v.iter().map(|k| k.len() + 16).sum(),
        }
    }
}

/// A key as text; numeric keys are spelt into `buf` (no allocation).
fn spell<'a>(key: Key<'a>, buf: &'a mut [u8; 24]) -> &'a str {
    match key {
        Key::Text(s) => s,
        Key::Numeric(p, n, w) => {
            let mut c = std::io::Cursor::new(&mut buf[..]);
            let w = usize::from(w);
            write!(c, "{}{}{n:0w$}", char::from(p[0]), char::from(p[1])).expect("24 bytes");
            let len = c.position() as usize;
            std::str::from_utf8(&buf[..len]).expect("ASCII")
        }
    }
}

/// The hash of a key's text, however it is stored.
fn key_hash(key: Key<'_>) -> u64 {
    let mut buf = [0u8; 24];
    hash_of(spell(key, &mut buf))
}

fn hash_of<T: Hash + ?Sized>(x: &T) -> u64 {
    let mut h = DefaultHasher::new();
    x.hash(&mut h);
    h.finish()
}

/// A field's name and value, as compared.
pub(super) type Fields = Vec<(&'static str, Option<String>)>;

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

/// The credits that start at `e` (those it is the `from` of).
fn own_credits(ex: &Explorer, e: Entity) -> impl Iterator<Item = CreditId> + '_ {
    ex.credits_of(e).filter(move |&c| ex.get(c).from() == e)
}

/// One hash of what the comparison reads of record `e` itself: its fields
/// and its own credits (the other end's key, the role's word and the
/// fields, as a sorted list of hashes). Two versions of a record with equal
/// hashes are taken as equal (a 64-bit hash: two that differ collide with a
/// chance of 2⁻⁶⁴).
pub(super) fn own_hash(ex: &Explorer, e: Entity, rich: bool) -> u64 {
    let mut h = DefaultHasher::new();
    record_fields(ex, e, rich).hash(&mut h);
    let mut credits: Vec<u64> = own_credits(ex, e)
        .map(|c| {
            let r = ex.get(c);
            let (kind, i) = split(r.to());
            let to = key_hash(ex.graph.table(kind).key_of(i));
            hash_of(&(slot(kind), to, r.role().word(), credit_fields(ex, c, rich)))
        })
        .collect();
    credits.sort_unstable();
    credits.hash(&mut h);
    h.finish()
}

/// One hash of the keys of person `p`'s co-stars under the walker's
/// filter (a sorted list of hashes).
pub(super) fn costar_hash(ex: &Explorer, p: u32, walk: &mut Walk<'_>) -> u64 {
    let people = ex.graph.people();
    let mut costars: Vec<u64> = Vec::new();
    walk.costars(p, |q| costars.push(key_hash(people.key_of(q))));
    costars.sort_unstable();
    hash_of(&costars)
}

/// The sort key of a credit's line: its ends' keys and role word.
pub(super) type CreditKey = (String, String, String);

/// A credit as compared: the other end (its kind's column and key), the
/// role's word, its fields, its line's sort key and its answer.
pub(super) struct Item {
    pub(super) to: (u8, String),
    pub(super) word: String,
    pub(super) fields: Fields,
    pub(super) key: CreditKey,
    pub(super) credit: Credit,
}

/// What the comparison reads of a record itself, with its answer.
pub(super) struct Own {
    pub(super) record: Record,
    pub(super) fields: Fields,
    /// Its own credits, sorted by other end, word and fields.
    pub(super) credits: Vec<Item>,
}

/// Everything the comparison needs of one record of one version, kept
/// only for the records whose hashes differ between the versions (or that
/// one version lacks): what differs of the two parts, [`Own`] and a
/// person's co-stars.
pub(super) struct Detail {
    /// The key.
    pub(super) key: String,
    /// The place in its version's key order.
    pub(super) rank: u32,
    /// The place of the same key in the other version's key order
    /// ([`NONE`] when it lacks it).
    pub(super) other: u32,
    /// The record's fields and credits, when their hash differs.
    pub(super) own: Option<Own>,
    /// A person's answer (`None` for other kinds).
    pub(super) person: Option<Person>,
    /// A person's co-stars under the filter when their hash differs: each
    /// one's rank in this version and in the new version ([`NONE`] when
    /// not in it), sorted by the latter.
    pub(super) costars: Option<Vec<(u32, u32)>>,
}

/// Which parts of a [`Detail`] to make: its own, its co-stars.
pub(super) type Parts = (bool, bool);

impl Detail {
    /// The record of `kind` at `rank` in `ex`'s key order, with the parts
    /// asked for; `ranks` gives a person (by position) their rank in this
    /// version and in the new one.
    pub(super) fn of(
        ex: &Explorer,
        kind: RecordKind,
        (rank, other): (u32, u32),
        (own, costars): Parts,
        rich: bool,
        walk: &mut Walk<'_>,
        ranks: &dyn Fn(u32) -> (u32, u32),
    ) -> Detail {
        let table = ex.graph.table(kind);
        let i = table.in_key_order().at(rank as usize);
        let e = ex.graph.join(kind, i);
        let own = own.then(|| {
            let mut credits: Vec<Item> = own_credits(ex, e)
                .map(|c| {
                    let r = ex.get(c);
                    let (kind, i) = split(r.to());
                    let word = r.role().word().to_string();
                    let to = ex.graph.table(kind).key(i);
                    Item {
                        key: (ex.key(e).into_owned(), to.clone(), word.clone()),
                        to: (slot(kind), to),
                        word,
                        fields: credit_fields(ex, c, rich),
                        credit: Credit::of(ex, c),
                    }
                })
                .collect();
            credits.sort_by(|a, b| (&a.to, &a.word, &a.fields).cmp(&(&b.to, &b.word, &b.fields)));
            Own {
                record: Record::of(ex, e),
                fields: record_fields(ex, e, rich),
                credits,
            }
        });
        let (person, costars) = match e {
            Entity::Person(p) => {
                let costars = costars.then(|| {
                    let mut v: Vec<(u32, u32)> = Vec::new();
                    walk.costars(i, |q| v.push(ranks(q)));
                    v.sort_unstable_by_key(|x| x.1);
                    v
                });
                (Some(Person::of(ex, p)), costars)
            }
            _ => (None, None),
        };
        Detail {
            key: ex.key(e).into_owned(),
            rank,
            other,
            own,
            person,
            costars,
        }
    }
}

/// Whether `list` (a [`Detail`]'s co-stars) holds the person of rank
/// `new_rank` in the new version.
pub(super) fn has_costar(list: &[(u32, u32)], new_rank: u32) -> bool {
    new_rank != NONE && list.binary_search_by_key(&new_rank, |x| x.1).is_ok()
}

/// Each person's place in key order.
pub(super) fn key_ranks(ex: &Explorer) -> Vec<u32> {
    let order = ex.graph.people().in_key_order();
    let mut rank = vec![0u32; order.len()];
    for (r, p) in order.iter().enumerate() {
        rank[p as usize] = r as u32;
    }
    rank
}
