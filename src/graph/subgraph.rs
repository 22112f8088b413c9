//! A part of a graph as a graph of its own, made through the builder from
//! the columns (and the details, when the graph has them): what
//! [`Explorer::neighbourhood`](crate::Explorer::neighbourhood) returns, on
//! the bundled data and on an IMDb import alike.

use super::{Details, Graph, GraphBuilder, Table, UNKNOWN_YEAR};
use crate::id::{Entity, GroupId, OrganisationId, PersonId, WorkId};
use crate::model::Records;
use crate::model::role_of;

/// Which records and credits to keep: their positions, sorted, without
/// duplicates. Work is proportional to the selection, not to the graph.
#[derive(Clone, Debug, Default)]
pub(crate) struct Selection {
    pub(crate) people: Vec<u32>,
    pub(crate) groups: Vec<u32>,
    pub(crate) works: Vec<u32>,
    pub(crate) organisations: Vec<u32>,
    pub(crate) credits: Vec<u32>,
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
fn pick<T: Clone>(list: &[T], keep: &[u32]) -> Vec<T> {
    keep.iter()
        .filter_map(|&i| list.get(i as usize).cloned())
        .collect()
}

/// The new position of `i` in a selection: its rank in the sorted list.
fn renumbered(kept: &[u32], i: u32) -> Option<u32> {
    kept.binary_search(&i).ok().map(|n| n as u32)
}

impl Graph {
    /// The kept records and the kept credits between them (a credit with an
    /// end that is not kept is dropped), in the original order.
    pub(crate) fn subgraph(&self, keep: &Selection) -> Graph {
        let mut b = GraphBuilder::new();
        for &i in &keep.people {
            let t = &self.people;
            b.person(&t.key(i), t.name(i), self.born(self.pid(i)));
            copy_names(t, i, &mut b.people);
        }
        for &i in &keep.groups {
            let t = &self.groups;
            b.group(&t.key(i), t.name(i));
            copy_names(t, i, &mut b.groups);
        }
        for &i in &keep.works {
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
        for &i in &keep.organisations {
            let t = &self.organisations;
            b.organisation(&t.key(i), t.name(i));
            copy_names(t, i, &mut b.organisations);
        }
        let tag = b.tag;
        let new = |e: Entity| -> Option<Entity> {
            let n = match e {
                Entity::Person(x) => renumbered(&keep.people, x.0),
                Entity::Group(x) => renumbered(&keep.groups, x.0),
                Entity::Work(x) => renumbered(&keep.works, x.0),
                Entity::Organisation(x) => renumbered(&keep.organisations, x.0),
            }?;
            Some(match e {
                Entity::Person(_) => PersonId(n, tag).into(),
                Entity::Group(_) => GroupId(n, tag).into(),
                Entity::Work(_) => WorkId(n, tag).into(),
                Entity::Organisation(_) => OrganisationId(n, tag).into(),
            })
        };
        let details = self.details();
        let mut credits = Vec::with_capacity(keep.credits.len());
        for &c in &keep.credits {
            let id = self.cid(c);
            let Some((from, to)) = self.ends(id) else {
                continue;
            };
            let (Some(f), Some(t)) = (new(from), new(to)) else {
                continue;
            };
            credits.push(c);
            let role = match details.and_then(|d| d.records.credits.get(c as usize)) {
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
