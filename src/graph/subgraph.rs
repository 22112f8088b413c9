//! A part of a graph as a graph of its own, made through the builder from
//! the columns (and the details, when the graph has them): what
//! [`Explorer::neighbourhood`](crate::Explorer::neighbourhood) returns, on
//! the bundled data and on an IMDb import alike.

use super::{Details, Graph, GraphBuilder, Table, UNKNOWN_YEAR};
use crate::id::{CreditId, Entity, GroupId, OrganisationId, PersonId, WorkId};
use crate::model::Records;
use crate::records::role_of;

/// Which records and credits to keep, one flag each.
#[derive(Clone, Debug, Default)]
pub(crate) struct Selection {
    pub(crate) people: Vec<bool>,
    pub(crate) groups: Vec<bool>,
    pub(crate) works: Vec<bool>,
    pub(crate) organisations: Vec<bool>,
    pub(crate) credits: Vec<bool>,
}

/// Copies the Hangul name, aliases and mark of record `i` of `from` to the
/// record just pushed on `to`.
fn copy_names(from: &Table, i: u32, to: &mut Table) {
    if let Some(h) = from.hangul(i) {
        to.set_hangul(h);
    }
    for a in from.aliases(i) {
        to.add_alias(a);
    }
    if from.is_unverified(i) {
        to.mark_unverified();
    }
}

/// The kept items of `list`, cloned, in order.
fn pick<T: Clone>(list: &[T], keep: &[bool]) -> Vec<T> {
    list.iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(x, _)| x.clone())
        .collect()
}

/// The positions flagged in `keep`, renumbered from 0 (`u32::MAX` for the
/// others).
fn renumber(keep: &[bool], len: usize) -> Vec<u32> {
    let mut next = 0;
    (0..len)
        .map(|i| {
            if keep.get(i) == Some(&true) {
                next += 1;
                next - 1
            } else {
                u32::MAX
            }
        })
        .collect()
}

impl Graph {
    /// The kept records and the kept credits between them (a credit with an
    /// end that is not kept is dropped), in the original order.
    pub(crate) fn subgraph(&self, keep: &Selection) -> Graph {
        let mut b = GraphBuilder::new();
        let people = renumber(&keep.people, self.people.len());
        let groups = renumber(&keep.groups, self.groups.len());
        let works = renumber(&keep.works, self.works.len());
        let orgs = renumber(&keep.organisations, self.organisations.len());
        let kept = |map: &[u32]| {
            map.iter()
                .enumerate()
                .filter(|(_, n)| **n != u32::MAX)
                .map(|(i, _)| i as u32)
                .collect::<Vec<u32>>()
        };
        for i in kept(&people) {
            let t = &self.people;
            b.person(&t.key(i), t.name(i), self.born(PersonId(i)));
            copy_names(t, i, &mut b.people);
        }
        for i in kept(&groups) {
            let t = &self.groups;
            b.group(&t.key(i), t.name(i));
            copy_names(t, i, &mut b.groups);
        }
        for i in kept(&works) {
            let t = &self.works;
            let (year, kind) = self.index.work_attributes(i as usize);
            b.work(
                &t.key(i),
                t.name(i),
                kind,
                (year != UNKNOWN_YEAR).then_some(year),
            );
            copy_names(t, i, &mut b.works);
        }
        for i in kept(&orgs) {
            let t = &self.organisations;
            b.organisation(&t.key(i), t.name(i));
            copy_names(t, i, &mut b.organisations);
        }
        let new = |e: Entity| -> Option<Entity> {
            let n = match e {
                Entity::Person(x) => people[x.index()],
                Entity::Group(x) => groups[x.index()],
                Entity::Work(x) => works[x.index()],
                Entity::Organisation(x) => orgs[x.index()],
            };
            (n != u32::MAX).then(|| match e {
                Entity::Person(_) => PersonId(n).into(),
                Entity::Group(_) => GroupId(n).into(),
                Entity::Work(_) => WorkId(n).into(),
                Entity::Organisation(_) => OrganisationId(n).into(),
            })
        };
        let details = self.details();
        let mut credits = vec![false; self.credit_count()];
        for (c, kept) in credits.iter_mut().enumerate() {
            let id = CreditId(c as u32);
            let Some((from, to)) = self.ends(id) else {
                continue;
            };
            let (Some(f), Some(t)) = (new(from), new(to)) else {
                continue;
            };
            if keep.credits.get(c) != Some(&true) {
                continue;
            }
            *kept = true;
            let role = match details.and_then(|d| d.records.credits.get(c)) {
                Some(credit) => credit.role.clone(),
                None => role_of(
                    self.role_kind(id)
                        .unwrap_or(crate::model::RoleKind::Performer),
                ),
            };
            b.credit(f, t, &role, self.credit_unverified(id));
        }
        if let Some(d) = details {
            let r = &d.records;
            b.details(Details {
                records: Records {
                    people: pick(&r.people, &keep.people),
                    groups: pick(&r.groups, &keep.groups),
                    works: pick(&r.works, &keep.works),
                    organisations: pick(&r.organisations, &keep.organisations),
                    credits: pick(&r.credits, &credits),
                },
                credit_locations: pick(&d.credit_locations, &credits),
            });
        }
        b.build()
    }
}
