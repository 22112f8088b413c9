//! [`GraphBuilder`]: the one way into a [`Graph`]. Every source (the RON
//! catalog, the IMDb importer, …) adds records and credits here and nothing
//! else; the builder expands group credits to the members of the work's
//! year, builds the traversal index and seals the tables.

use super::table::Key;
use super::{Credits, Details, Graph, Table, UNKNOWN_BORN, UNKNOWN_YEAR};
use crate::graph::csr::{Appearance, Columns, TraversalIndex, Years};
use crate::id::{CreditId, Entity, GroupId, OrganisationId, PersonId, Tag, WorkId};
use crate::model::{Role, RoleKind, WorkKind};

/// A credit that is not one person's own appearance in a work: a group's
/// credit, a membership, a label, a tie-in, …
#[derive(Clone, Debug)]
struct Other {
    credit: u32,
    from: Entity,
    to: Entity,
    kind: RoleKind,
    unverified: bool,
    /// For memberships: the years, both ends inclusive.
    since: Option<i32>,
    until: Option<i32>,
}

/// Collects records and credits, then builds the [`Graph`].
#[derive(Debug, Default)]
pub(crate) struct GraphBuilder {
    pub(crate) people: Table,
    pub(crate) groups: Table,
    pub(crate) works: Table,
    pub(crate) organisations: Table,
    born: Vec<i16>,
    work_year: Years,
    work_kind: Vec<WorkKind>,
    /// People's own appearances in works, in credit order, as columns.
    apps: Columns,
    others: Vec<Other>,
    credits: u32,
    details: Option<Box<Details>>,
    /// The tag of the graph being built, fresh for each builder.
    pub(crate) tag: Tag,
}

impl GraphBuilder {
    pub(crate) fn new() -> GraphBuilder {
        GraphBuilder {
            tag: Tag::fresh(),
            ..GraphBuilder::default()
        }
    }

    /// Room for this many credits.
    pub(crate) fn reserve_credits(&mut self, credits: usize) {
        self.apps.person.reserve_exact(credits);
        self.apps.work.reserve_exact(credits);
        self.apps.flags.reserve_exact(credits);
    }

    /// Adds a person; Hangul and aliases go to `builder.people` right after.
    pub(crate) fn person<'k>(
        &mut self,
        key: impl Into<Key<'k>>,
        name: &str,
        born: Option<i32>,
    ) -> PersonId {
        self.born.push(born_year(born));
        PersonId(self.people.push(key, name), self.tag)
    }

    /// Takes `people` as the people (none may have been added), with their
    /// birth years: for an importer that has the table already, so that it
    /// is not copied.
    pub(crate) fn people_table(&mut self, people: Table, born: impl Iterator<Item = Option<i32>>) {
        debug_assert_eq!(self.people.len(), 0);
        self.people = people;
        self.born = born.map(born_year).collect();
    }

    /// Takes `works` as the works (none may have been added), with their
    /// kinds and years, as [`GraphBuilder::people_table`] the people.
    pub(crate) fn works_table(
        &mut self,
        works: Table,
        kinds: Vec<WorkKind>,
        years: impl Iterator<Item = Option<i32>>,
    ) {
        debug_assert_eq!(self.works.len(), 0);
        self.works = works;
        self.work_kind = kinds;
        self.work_year = Years::default();
        self.work_year.reserve(self.work_kind.len());
        for year in years {
            self.work_year.push(year.unwrap_or(UNKNOWN_YEAR));
        }
    }

    /// Adds a group.
    pub(crate) fn group<'k>(&mut self, key: impl Into<Key<'k>>, name: &str) -> GroupId {
        GroupId(self.groups.push(key, name), self.tag)
    }

    /// Adds a work with its kind and year.
    pub(crate) fn work<'k>(
        &mut self,
        key: impl Into<Key<'k>>,
        title: &str,
        kind: WorkKind,
        year: Option<i32>,
    ) -> WorkId {
        self.work_year.push(year.unwrap_or(UNKNOWN_YEAR));
        self.work_kind.push(kind);
        WorkId(self.works.push(key, title), self.tag)
    }

    /// Adds an organisation.
    pub(crate) fn organisation<'k>(
        &mut self,
        key: impl Into<Key<'k>>,
        name: &str,
    ) -> OrganisationId {
        OrganisationId(self.organisations.push(key, name), self.tag)
    }

    /// Adds a credit. Both ends must have been added.
    pub(crate) fn credit(
        &mut self,
        from: Entity,
        to: Entity,
        role: &Role,
        unverified: bool,
    ) -> CreditId {
        let credit = self.credits;
        self.credits += 1;
        let kind = role.kind();
        match (from, to) {
            (Entity::Person(p), Entity::Work(w)) => {
                self.apps.push(p.0, w.0, credit, kind, unverified);
            }
            _ => {
                let (since, until) = match role {
                    Role::Member { since, until } => (*since, *until),
                    _ => (None, None),
                };
                self.others.push(Other {
                    credit,
                    from,
                    to,
                    kind,
                    unverified,
                    since,
                    until,
                });
            }
        }
        CreditId(credit, self.tag)
    }

    /// Adds a person's own appearance in a work, as
    /// [`GraphBuilder::credit`] adds the verified credit of a person in a
    /// work with the role of this kind (without making the role).
    pub(crate) fn appearance(&mut self, person: u32, work: u32, kind: RoleKind) {
        let credit = self.credits;
        self.credits += 1;
        self.apps.push(person, work, credit, kind, false);
    }

    /// The number of credits added.
    pub(crate) fn credits(&self) -> usize {
        self.credits as usize
    }

    /// Keeps the full records of a rich source.
    pub(crate) fn details(&mut self, details: Details) {
        self.details = Some(Box::new(details));
    }

    /// Builds the graph.
    pub(crate) fn build(mut self) -> Graph {
        for t in [
            &mut self.people,
            &mut self.groups,
            &mut self.works,
            &mut self.organisations,
        ] {
            t.seal();
        }
        let n = self.credits as usize;
        let people = self.people.len();
        // The credits are read from the index when each is a person's own
        // appearance, in person order (as an import adds them).
        let simple =
            self.others.is_empty() && self.apps.credit.is_empty() && self.apps.person.is_sorted();
        let mut credits = Credits {
            len: n,
            ..Credits::default()
        };
        if !simple {
            let apps = std::mem::take(&mut self.apps);
            let mut apps: Vec<Appearance> = (0..apps.len()).map(|i| apps.get(i)).collect();
            self.fill_credit_columns(&apps, &mut credits);
            self.expand_groups(&mut apps);
            self.apps = Columns::of_appearances(apps);
        }
        let unverified_people: Vec<bool> = (0..people as u32)
            .map(|p| self.people.is_unverified(p))
            .collect();
        let unverified_works: Vec<bool> = (0..self.works.len() as u32)
            .map(|w| self.works.is_unverified(w))
            .collect();
        if unverified_people
            .iter()
            .chain(&unverified_works)
            .any(|&u| u)
        {
            self.apps
                .mark_unverified(&unverified_people, &unverified_works);
        }
        self.apps.person.shrink_to_fit();
        self.apps.work.shrink_to_fit();
        self.apps.flags.shrink_to_fit();
        memory_phase("before the index");
        let index = TraversalIndex::new(people, self.work_year, self.work_kind, self.apps);
        memory_phase("index built");
        self.born.shrink_to_fit();
        Graph {
            people: self.people,
            groups: self.groups,
            works: self.works,
            organisations: self.organisations,
            born: self.born,
            credits,
            index,
            details: self.details,
            tag: self.tag,
        }
    }

    /// Writes the credit columns and each record's list of credits.
    fn fill_credit_columns(&self, apps: &[Appearance], credits: &mut Credits) {
        let n = credits.len;
        let nobody = Entity::Person(PersonId(0, self.tag));
        let mut ends = vec![(nobody, nobody); n];
        let mut kinds = vec![RoleKind::Performer; n];
        let mut unverified = vec![false; n];
        for a in apps {
            let c = a.credit as usize;
            ends[c] = (
                PersonId(a.person, self.tag).into(),
                WorkId(a.work, self.tag).into(),
            );
            kinds[c] = a.role;
            unverified[c] = a.unverified;
        }
        for o in &self.others {
            let c = o.credit as usize;
            ends[c] = (o.from, o.to);
            kinds[c] = o.kind;
            unverified[c] = o.unverified;
        }
        let (p, g, w) = (self.people.len(), self.groups.len(), self.works.len());
        let code = |e: Entity| match e {
            Entity::Person(x) => x.index(),
            Entity::Group(x) => p + x.index(),
            Entity::Work(x) => p + g + x.index(),
            Entity::Organisation(x) => p + g + w + x.index(),
        };
        let records = p + g + w + self.organisations.len();
        let mut start = vec![0u32; records + 1];
        for &(a, b) in &ends {
            start[code(a) + 1] += 1;
            if b != a {
                start[code(b) + 1] += 1;
            }
        }
        for i in 0..records {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut of = vec![0u32; start[records] as usize];
        for (c, &(a, b)) in ends.iter().enumerate() {
            for e in [a, b].into_iter().take(if a == b { 1 } else { 2 }) {
                let slot = &mut fill[code(e)];
                of[*slot as usize] = c as u32;
                *slot += 1;
            }
        }
        credits.ends = ends;
        credits.kinds = kinds;
        credits.unverified = unverified;
        credits.start = start;
        credits.of = of;
    }

    /// A group's credit on a work counts once more for each person who was
    /// a member in the work's year (`via` the group).
    fn expand_groups(&self, apps: &mut Vec<Appearance>) {
        let mut members: Vec<(u32, &Other)> = self
            .others
            .iter()
            .filter_map(|o| match (o.from, o.to, o.kind) {
                (Entity::Person(_), Entity::Group(g), RoleKind::Member) => Some((g.0, o)),
                _ => None,
            })
            .collect();
        members.sort_by_key(|&(g, o)| (g, o.credit));
        let mut extra = Vec::new();
        for o in &self.others {
            let (Entity::Group(g), Entity::Work(w)) = (o.from, o.to) else {
                continue;
            };
            let year = self.work_year.get(w.index());
            let from = members.partition_point(|&(x, _)| x < g.0);
            for &(_, m) in members[from..].iter().take_while(|&&(x, _)| x == g.0) {
                let Entity::Person(p) = m.from else { continue };
                let known = year != UNKNOWN_YEAR;
                if m.since.is_none_or(|s| known && s <= year)
                    && m.until.is_none_or(|u| known && year <= u)
                {
                    extra.push(Appearance {
                        person: p.0,
                        work: w.0,
                        credit: o.credit,
                        via: g.0,
                        role: o.kind,
                        unverified: o.unverified || m.unverified,
                    });
                }
            }
        }
        if !extra.is_empty() {
            apps.extend(extra);
            // Credit order, as the data files list them (stable: members in
            // the order of their membership credits).
            apps.sort_by_key(|a| a.credit);
        }
    }
}

/// A birth year as kept: clamped to the `i16` range, [`UNKNOWN_BORN`] for
/// none.
fn born_year(born: Option<i32>) -> i16 {
    born.map_or(UNKNOWN_BORN, |y| y.clamp(-32767, 32767) as i16)
}

/// With `HALLYU_MEMORY` set in the environment, prints to stderr the time
/// since the first call, the processor time of the process (user and
/// system, every thread, from `/proc/self/stat`: on a busy machine it
/// says what a phase costs when the wall time does not), the resident
/// memory now and its peak since the previous call (both from
/// `/proc/self/status`), then resets the peak (`/proc/self/clear_refs`), so
/// that each phase of a load reports its own peak; the largest of them is
/// the peak of the whole load. Does nothing otherwise, or off Linux. For
/// measuring where a load's time and memory go, not for production use.
pub(crate) fn memory_phase(phase: &str) {
    static ON: std::sync::OnceLock<Option<std::time::Instant>> = std::sync::OnceLock::new();
    let Some(start) =
        ON.get_or_init(|| std::env::var_os("HALLYU_MEMORY").map(|_| std::time::Instant::now()))
    else {
        return;
    };
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return;
    };
    let mib = |field: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |kib| kib >> 10)
    };
    // utime and stime, the 14th and 15th fields, in ticks of (on Linux,
    // always) 1/100 s; the fields after the command, which may hold spaces,
    // start at the third.
    let cpu = std::fs::read_to_string("/proc/self/stat").map_or(0.0, |stat| {
        let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let ticks: u64 = after
            .split_whitespace()
            .skip(11)
            .take(2)
            .filter_map(|t| t.parse::<u64>().ok())
            .sum();
        ticks as f64 / 100.0
    });
    eprintln!(
        "memory: {phase:<28} {:>7.2} s, cpu {:>7.2} s, rss {:>6} MiB, peak since last {:>6} MiB",
        start.elapsed().as_secs_f64(),
        cpu,
        mib("VmRSS:"),
        mib("VmHWM:")
    );
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}
