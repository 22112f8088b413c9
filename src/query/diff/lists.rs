//! The lists made from the [`Detail`]s of the records that differ:
//! records and credits added, removed and changed, co-star pairs new and
//! lost.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::summary::{CreditKey, Detail, Fields, Item, NONE};
use crate::query::answer::{
    ChangedCredit, ChangedRecord, CreditChanges, FieldChange, PairChanges, Person, PersonPair,
    RecordChanges,
};

/// A record in the old version, the new, or both.
pub(super) type Both<'a> = (Option<&'a Detail>, Option<&'a Detail>);

/// The fields that differ between two lists made by the same function.
fn changes(old: &Fields, new: &Fields) -> Vec<FieldChange> {
    old.iter()
        .zip(new)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, b)| FieldChange::new(a.0, a.1.as_deref(), b.1.as_deref()))
        .collect()
}

/// Sorts `items` by their key, keeps the first `limit` and resolves them.
pub(super) fn first<K: Ord, T, U>(
    mut items: Vec<(K, T)>,
    limit: usize,
    f: impl FnMut(T) -> U,
) -> Vec<U> {
    items.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    items
        .into_iter()
        .take(limit)
        .map(|(_, t)| t)
        .map(f)
        .collect()
}

/// The records of one kind added, removed and changed.
pub(super) fn records(list: &[Both<'_>], limit: usize) -> RecordChanges {
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut changed = Vec::new();
    for &pair in list {
        match pair {
            (None, Some(n)) => added.push((n.key.as_str(), n)),
            (Some(o), None) => removed.push((o.key.as_str(), o)),
            (Some(o), Some(n)) if o.fields != n.fields => changed.push((n.key.as_str(), (o, n))),
            _ => {}
        }
    }
    RecordChanges {
        total_added: added.len(),
        added: first(added, limit, |n| n.record.clone()),
        total_removed: removed.len(),
        removed: first(removed, limit, |o| o.record.clone()),
        total_changed: changed.len(),
        changed: first(changed, limit, |(o, n)| ChangedRecord {
            id: n.key.clone(),
            label: n.record.label.clone(),
            fields: changes(&o.fields, &n.fields),
        }),
    }
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

/// The credits added, removed and changed, found record by record: each
/// record's own credits (those it is the `from` of) in both versions.
/// Credits with the same ends and word are paired exactly first (same
/// fields), then the rest in order of their fields: changed.
pub(super) fn credits(list: &[Both<'_>], limit: usize) -> CreditChanges {
    let mut added: Vec<(&CreditKey, &Item)> = Vec::new();
    let mut removed: Vec<(&CreditKey, &Item)> = Vec::new();
    let mut changed: Vec<(&CreditKey, (&Item, &Item))> = Vec::new();
    for &(o, n) in list {
        let mine = o.map_or(&[][..], |d| &d.credits);
        let theirs = n.map_or(&[][..], |d| &d.credits);
        let (mut rest_old, mut rest_new) = (Vec::new(), Vec::new());
        let exact = |a: &Item, b: &Item| (&a.to, &a.word, &a.fields).cmp(&(&b.to, &b.word, &b.fields));
        merge(mine, theirs, exact, |side| match side {
            Side::Old(a) => rest_old.push(a),
            Side::New(b) => rest_new.push(b),
            Side::Both(..) => {}
        });
        let loose = |a: &&Item, b: &&Item| (&a.to, &a.word).cmp(&(&b.to, &b.word));
        merge(&rest_old, &rest_new, loose, |side| match side {
            Side::Old(a) => removed.push((&a.key, a)),
            Side::New(b) => added.push((&b.key, b)),
            Side::Both(a, b) => changed.push((&b.key, (a, b))),
        });
    }
    CreditChanges {
        total_added: added.len(),
        added: first(added, limit, |c| c.credit.clone()),
        total_removed: removed.len(),
        removed: first(removed, limit, |c| c.credit.clone()),
        total_changed: changed.len(),
        changed: first(changed, limit, |(a, b)| ChangedCredit {
            from: b.key.0.clone(),
            to: b.key.1.clone(),
            role: b.word.clone(),
            from_label: b.credit.from_label.clone(),
            to_label: b.credit.to_label.clone(),
            fields: changes(&a.fields, &b.fields),
        }),
    }
}

/// The person of a detail of the people's column.
fn person(d: &Detail) -> Person {
    d.person.clone().expect("a person's detail")
}

/// The co-star pairs new and lost, from the people whose co-stars differ
/// (only they can be in such a pair: a new pair is in both its people's
/// lists of the new version and in neither of the old). A new pair is
/// counted at its first person in the new key order, a lost one at its
/// first person in the old key order (or at the one only the old version
/// holds). The lists follow those orders.
pub(super) fn pairs(list: &[Both<'_>], limit: usize) -> PairChanges {
    let old: HashMap<&str, &Detail> = list
        .iter()
        .filter_map(|b| b.0)
        .map(|d| (d.key.as_str(), d))
        .collect();
    let new: HashMap<&str, &Detail> = list
        .iter()
        .filter_map(|b| b.1)
        .map(|d| (d.key.as_str(), d))
        .collect();
    let mut fresh: Vec<((u32, u32), (&Detail, &str))> = Vec::new();
    let mut lost: Vec<((u32, u32), (&Detail, &str))> = Vec::new();
    for &(o, n) in list {
        if let Some(n) = n {
            for (q, key) in &n.costars {
                if *q > n.rank && !o.is_some_and(|o| o.has_costar(key)) {
                    fresh.push(((n.rank, *q), (n, key)));
                }
            }
        }
        let Some(o) = o else { continue };
        // Whether the old co-star `key` is in the new version: those that
        // are not, and those whose pair with `o` is lost, differ.
        let kept = |key: &str| old.get(key).is_none_or(|d| d.other != NONE);
        for (r, key) in &o.costars {
            let counted = match n {
                Some(n) => *r > o.rank && !n.has_costar(key) && kept(key),
                None => kept(key) || *r > o.rank,
            };
            if counted {
                let pair = (o.rank.min(*r), o.rank.max(*r));
                lost.push((pair, (o, key)));
            }
        }
    }
    let other = |map: &HashMap<&str, &Detail>, key: &str| {
        person(map.get(key).expect("both people of a changed pair differ"))
    };
    let (total_new, total_lost) = (fresh.len(), lost.len());
    PairChanges {
        total_new,
        new: first(fresh, limit, |(a, key)| PersonPair {
            a: person(a),
            b: other(&new, key),
        }),
        total_lost,
        lost: first(lost, limit, |(a, key)| {
            let b = old.get(key).expect("both people of a lost pair differ");
            let (a, b) = if a.rank < b.rank { (a, *b) } else { (*b, a) };
            PersonPair {
                a: person(a),
                b: person(b),
            }
        }),
    }
}
