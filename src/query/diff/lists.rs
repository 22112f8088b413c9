//! The lists made from the [`Detail`]s of the records that differ:
//! records and credits added, removed and changed, co-star pairs new and
//! lost.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::summary::{CreditKey, Detail, Fields, Item, NONE, Own, has_costar};
use crate::query::answer::{
    ChangedCredit, ChangedRecord, CreditChanges, FieldChange, PairChanges, PersonPair,
    RecordChanges,
};

/// A record in the old version, the new, or both.
pub(super) type Both<'a> = (Option<&'a Detail>, Option<&'a Detail>);

/// The own parts of a record in the old version, the new, or both (none
/// when its own hash is the same in both).
fn owns<'a>(
    list: &'a [Both<'a>],
) -> impl Iterator<Item = (Option<&'a Detail>, Option<&'a Detail>)> + 'a {
    list.iter()
        .copied()
        .filter(|(o, n)| o.or(*n).is_some_and(|d| d.own.is_some()))
}

fn own(d: &Detail) -> &Own {
    d.own.as_ref().expect("a detail with its own part")
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
    for pair in owns(list) {
        match pair {
            (None, Some(n)) => added.push((n.key.as_str(), own(n))),
            (Some(o), None) => removed.push((o.key.as_str(), own(o))),
            (Some(o), Some(n)) if own(o).fields != own(n).fields => {
                changed.push((n.key.as_str(), (own(o), own(n))))
            }
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
            id: n.record.id.clone(),
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
    for (o, n) in owns(list) {
        let mine = o.map_or(&[][..], |d| &own(d).credits);
        let theirs = n.map_or(&[][..], |d| &own(d).credits);
        let (mut rest_old, mut rest_new) = (Vec::new(), Vec::new());
        let exact =
            |a: &Item, b: &Item| (&a.to, &a.word, &a.fields).cmp(&(&b.to, &b.word, &b.fields));
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

/// The co-star pairs new and lost, from the people whose co-stars differ
/// (only they can be in such a pair: a new pair is in both its people's
/// lists of the new version and in neither of the old). A new pair is
/// counted at its first person in the new key order, a lost one at its
/// first person in the old key order (or at the one only the old version
/// holds). The lists follow those orders.
pub(super) fn pairs<'a>(list: &[Both<'a>], limit: usize) -> PairChanges {
    fn costars(d: Option<&Detail>) -> Option<&[(u32, u32)]> {
        d.and_then(|d| d.costars.as_deref())
    }
    let by_rank = |side: &mut dyn Iterator<Item = Option<&'a Detail>>| -> HashMap<u32, &'a Detail> {
        side.flatten()
            .filter(|d| d.costars.is_some())
            .map(|d| (d.rank, d))
            .collect()
    };
    let old = by_rank(&mut list.iter().map(|b| b.0));
    let new = by_rank(&mut list.iter().map(|b| b.1));
    let mut fresh: Vec<((u32, u32), (u32, u32))> = Vec::new();
    let mut lost: Vec<((u32, u32), (u32, u32))> = Vec::new();
    for &(o, n) in list {
        let (mine, theirs) = (costars(o), costars(n));
        if let (Some(n), Some(theirs)) = (n, theirs) {
            for &(q, _) in theirs {
                if q > n.rank && !mine.is_some_and(|m| has_costar(m, q)) {
                    fresh.push(((n.rank, q), (n.rank, q)));
                }
            }
        }
        let (Some(o), Some(mine)) = (o, mine) else {
            continue;
        };
        for &(r, in_new) in mine {
            let counted = match theirs {
                Some(t) => r > o.rank && in_new != NONE && !has_costar(t, in_new),
                None => in_new != NONE || r > o.rank,
            };
            if counted {
                let pair = (o.rank.min(r), o.rank.max(r));
                lost.push((pair, pair));
            }
        }
    }
    let person = |map: &HashMap<u32, &Detail>, rank: u32| {
        let d = map
            .get(&rank)
            .expect("both people of a changed pair differ");
        d.person.clone().expect("a person's detail")
    };
    let pair = |map: &HashMap<u32, &Detail>, (a, b): (u32, u32)| PersonPair {
        a: person(map, a),
        b: person(map, b),
    };
    PairChanges {
        total_new: fresh.len(),
        total_lost: lost.len(),
        new: first(fresh, limit, |k| pair(&new, k)),
        lost: first(lost, limit, |k| pair(&old, k)),
    }
}
