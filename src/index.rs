//! The compact traversal index behind every query: who appears in which work,
//! as two CSR (compressed sparse row) tables of `u32`s.

use crate::filter::Filter;
use crate::model::{RoleKind, WorkKind};

/// "No group": the appearance comes from a person's own credit.
pub(crate) const DIRECT: u32 = u32::MAX;

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

/// Rows of `u32`s stored back to back: row `i` is `targets[offsets[i]..offsets[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Csr {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Csr {
    /// Builds `rows` rows from (row, value) pairs, keeping the pairs' order
    /// within each row.
    pub(crate) fn build(rows: usize, pairs: &[(u32, u32)]) -> Csr {
        let mut offsets = vec![0u32; rows + 1];
        for &(r, _) in pairs {
            offsets[r as usize + 1] += 1;
        }
        for i in 0..rows {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; pairs.len()];
        for &(r, v) in pairs {
            let slot = &mut fill[r as usize];
            targets[*slot as usize] = v;
            *slot += 1;
        }
        Csr { offsets, targets }
    }

    pub(crate) fn row(&self, i: u32) -> &[u32] {
        let i = i as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.targets[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// Appearances indexed by person and by work, with the work attributes that
/// filters test.
#[derive(Clone, Debug, Default)]
pub(crate) struct TraversalIndex {
    pub(crate) apps: Vec<Appearance>,
    by_person: Csr,
    by_work: Csr,
    work_year: Vec<i32>,
    work_kind: Vec<WorkKind>,
}

impl TraversalIndex {
    pub(crate) fn new(
        people: usize,
        work_year: Vec<i32>,
        work_kind: Vec<WorkKind>,
        apps: Vec<Appearance>,
    ) -> TraversalIndex {
        let by_person: Vec<(u32, u32)> =
            apps.iter().enumerate().map(|(i, a)| (a.person, i as u32)).collect();
        let by_work: Vec<(u32, u32)> =
            apps.iter().enumerate().map(|(i, a)| (a.work, i as u32)).collect();
        TraversalIndex {
            by_person: Csr::build(people, &by_person),
            by_work: Csr::build(work_year.len(), &by_work),
            apps,
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
            && filter.admits_work(self.work_kind[app.work as usize], self.work_year[app.work as usize])
    }

    /// The admitted appearances of a person.
    pub(crate) fn of_person<'a>(
        &'a self,
        person: u32,
        filter: &'a Filter,
    ) -> impl Iterator<Item = &'a Appearance> + 'a {
        self.by_person
            .row(person)
            .iter()
            .map(|&i| &self.apps[i as usize])
            .filter(move |a| self.admits(a, filter))
    }

    /// The admitted appearances in a work.
    pub(crate) fn in_work<'a>(
        &'a self,
        work: u32,
        filter: &'a Filter,
    ) -> impl Iterator<Item = &'a Appearance> + 'a {
        self.by_work
            .row(work)
            .iter()
            .map(|&i| &self.apps[i as usize])
            .filter(move |a| self.admits(a, filter))
    }

    /// The number of people the index was built for.
    pub(crate) fn people(&self) -> usize {
        self.by_person.offsets.len().saturating_sub(1)
    }
}
