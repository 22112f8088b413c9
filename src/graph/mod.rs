//! The one graph every source fills: records as columns, credits, the
//! traversal index and, for sources that have them, the full records.
//!
//! ```text
//! Catalog (RON) ──┐
//! Imdb (TSV) ─────┼──▶ GraphBuilder ──▶ Graph ──▶ Explorer (names, queries)
//! other readers ──┘
//! ```
//!
//! A [`Graph`] knows nothing of where its records came from. Every record
//! has a key, a name and (where the source gives them) a Hangul name,
//! aliases and an unverified mark, in [`Table`] columns; works have a kind
//! and a year in the traversal index; credits have their two ends, a role
//! and an unverified mark. Sources with more to say (sources, notes,
//! characters, membership years, file positions) also fill [`Details`].

mod builder;
pub(crate) mod cograph;
pub(crate) mod compact;
pub(crate) mod counting;
pub(crate) mod csr;
pub(crate) mod petgraph;
mod subgraph;
mod table;

pub(crate) use builder::{GraphBuilder, memory_phase};
pub(crate) use csr::{Appearance, DIRECT, IdMap, TraversalIndex};
pub(crate) use subgraph::Selection;
pub(crate) use table::{Key, Table, numeric};

use crate::error::Location;
use crate::id::{CreditId, Entity, GroupId, OrganisationId, PersonId, Tag, WorkId};
use crate::model::{Records, RoleKind};

/// The year of a work that no source gives.
pub(crate) const UNKNOWN_YEAR: i32 = i32::MIN;

/// The birth year that no source gives (birth years are kept as `i16`).
pub(crate) const UNKNOWN_BORN: i16 = i16::MIN;

/// The full records of a rich source (the RON catalog), in the order of the
/// graph's tables, and where each credit is written.
#[derive(Clone, Debug, Default)]
pub(crate) struct Details {
    pub(crate) records: Records,
    pub(crate) credit_locations: Vec<Location>,
}

/// The credits: both ends, the role and the unverified mark. When every
/// credit is one person's own appearance in a work, in the order of the
/// traversal index (as an import produces them), the columns are left empty
/// and read from the index instead.
#[derive(Clone, Debug, Default)]
struct Credits {
    len: usize,
    ends: Vec<(Entity, Entity)>,
    kinds: Vec<RoleKind>,
    unverified: Vec<bool>,
    /// The credits of each record (people, then groups, works and
    /// organisations), as a CSR table; empty when read from the index.
    start: Vec<u32>,
    of: Vec<u32>,
}

/// The graph: see the [module docs](self).
#[derive(Clone, Debug, Default)]
pub(crate) struct Graph {
    people: Table,
    groups: Table,
    works: Table,
    organisations: Table,
    /// Birth years of people, [`UNKNOWN_BORN`] when unknown.
    born: Vec<i16>,
    credits: Credits,
    index: TraversalIndex,
    details: Option<Box<Details>>,
    /// Which graph this is: every id it hands out carries it.
    tag: Tag,
}

/// The credits of one record, in credit order.
///
/// # Example
///
/// ```
/// use hallyu::model::RoleKind;
///
/// let explorer = hallyu::Explorer::bundled();
/// let haru = explorer.work("Haru Haru")?;
/// let credits = explorer.credits_of(haru.into());
/// assert_eq!(credits.len(), credits.clone().count());
/// // In data order: BIGBANG's credit as the performer comes first.
/// let first = explorer.get(credits.clone().next().unwrap());
/// assert_eq!((explorer.name(first.from()), first.role_kind()), ("BIGBANG", RoleKind::Performer));
/// let producers = credits.filter(|&c| explorer.get(c).role_kind() == RoleKind::MusicProducer);
/// let names: Vec<&str> = producers.map(|c| explorer.name(explorer.get(c).from())).collect();
/// assert_eq!(names, ["G-Dragon", "Daishi Dance"]);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct CreditIds<'g> {
    inner: CreditIdsInner<'g>,
    tag: Tag,
}

#[derive(Clone, Debug)]
enum CreditIdsInner<'g> {
    Range(std::ops::Range<u32>),
    Slice(std::slice::Iter<'g, u32>),
    Work(csr::WorkAppIds<'g>),
}

impl Iterator for CreditIds<'_> {
    type Item = CreditId;

    fn next(&mut self) -> Option<CreditId> {
        match &mut self.inner {
            CreditIdsInner::Range(r) => r.next(),
            CreditIdsInner::Slice(s) => s.next().copied(),
            CreditIdsInner::Work(w) => w.next(),
        }
        .map(|c| CreditId(c, self.tag))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.inner {
            CreditIdsInner::Range(r) => r.size_hint(),
            CreditIdsInner::Slice(s) => s.size_hint(),
            CreditIdsInner::Work(w) => w.size_hint(),
        }
    }
}

impl ExactSizeIterator for CreditIds<'_> {}

impl Graph {
    /// The traversal index every walk reads (`algo/` walks it; the layers
    /// above hand it to `algo/` and read rows through its methods).
    pub(crate) fn index(&self) -> &TraversalIndex {
        &self.index
    }

    /// The people's table.
    pub(crate) fn people(&self) -> &Table {
        &self.people
    }

    /// The groups' table.
    pub(crate) fn groups(&self) -> &Table {
        &self.groups
    }

    /// The works' table.
    pub(crate) fn works(&self) -> &Table {
        &self.works
    }

    /// The organisations' table.
    pub(crate) fn organisations(&self) -> &Table {
        &self.organisations
    }

    /// Which graph this is: the tag every id it hands out carries.
    pub(crate) fn tag(&self) -> Tag {
        self.tag
    }

    /// The table of one kind of record.
    pub(crate) fn table(&self, kind: crate::model::RecordKind) -> &Table {
        use crate::model::RecordKind as K;
        match kind {
            K::Person => &self.people,
            K::Group => &self.groups,
            K::Work => &self.works,
            K::Organisation => &self.organisations,
        }
    }

    /// Whether the entity is a record of this graph: made by it (or a
    /// clone), so also in range.
    pub(crate) fn contains(&self, e: Entity) -> bool {
        let (kind, i) = split(e);
        e.tag() == self.tag && (i as usize) < self.table(kind).len()
    }

    /// Panics with a message that says what went wrong when `e` is not a
    /// record of this graph: the one check behind every `# Panics` section
    /// about ids.
    #[track_caller]
    pub(crate) fn check(&self, e: Entity) {
        assert!(
            self.contains(e),
            "{e:?} is not an id of this explorer (@{}): ids are only valid for the explorer that made them",
            self.tag.0
        );
    }

    /// [`Graph::check`] for a credit.
    #[track_caller]
    pub(crate) fn check_credit(&self, c: CreditId) {
        assert!(
            c.1 == self.tag && c.index() < self.credit_count(),
            "{c:?} is not an id of this explorer (@{}, {} credits): ids are only valid for the explorer that made them",
            self.tag.0,
            self.credit_count()
        );
    }

    /// The id of the person at a position.
    pub(crate) fn pid(&self, i: u32) -> PersonId {
        PersonId(i, self.tag)
    }

    /// The id of the work at a position.
    pub(crate) fn wid(&self, i: u32) -> WorkId {
        WorkId(i, self.tag)
    }

    /// The id of the group at a position.
    pub(crate) fn gid(&self, i: u32) -> GroupId {
        GroupId(i, self.tag)
    }

    /// The id of the organisation at a position.
    pub(crate) fn oid(&self, i: u32) -> OrganisationId {
        OrganisationId(i, self.tag)
    }

    /// The id of the credit at a position.
    pub(crate) fn cid(&self, i: u32) -> CreditId {
        CreditId(i, self.tag)
    }

    /// The entity of a kind at a position.
    pub(crate) fn join(&self, kind: crate::model::RecordKind, i: u32) -> Entity {
        use crate::model::RecordKind as K;
        let t = self.tag;
        match kind {
            K::Person => Entity::Person(PersonId(i, t)),
            K::Group => Entity::Group(GroupId(i, t)),
            K::Work => Entity::Work(WorkId(i, t)),
            K::Organisation => Entity::Organisation(OrganisationId(i, t)),
        }
    }

    /// The number of credits.
    pub(crate) fn credit_count(&self) -> usize {
        self.credits.len
    }

    /// The birth year of a person.
    pub(crate) fn born(&self, p: PersonId) -> Option<i32> {
        self.born
            .get(p.index())
            .copied()
            .filter(|&y| y != UNKNOWN_BORN)
            .map(i32::from)
    }

    /// The full records, when the source had them.
    pub(crate) fn details(&self) -> Option<&Details> {
        self.details.as_deref()
    }

    /// Whether the credits are read from the traversal index: the builder
    /// leaves the CSR table empty then, also when there is no credit at all
    /// (which `ends.is_empty() && len > 0` missed: a graph without credits
    /// then indexed the empty table).
    fn derived(&self) -> bool {
        self.credits.start.is_empty()
    }

    /// The two ends of a credit.
    pub(crate) fn ends(&self, c: CreditId) -> Option<(Entity, Entity)> {
        if self.derived() {
            let a = self.index.app(c.index())?;
            return Some((self.pid(a.person).into(), self.wid(a.work).into()));
        }
        self.credits.ends.get(c.index()).copied()
    }

    /// The kind of role of a credit.
    pub(crate) fn role_kind(&self, c: CreditId) -> Option<RoleKind> {
        if self.derived() {
            return self.index.role_at(c.index()).map(|(role, _)| role);
        }
        self.credits.kinds.get(c.index()).copied()
    }

    /// Whether a credit is kept only as an unverified claim.
    pub(crate) fn credit_unverified(&self, c: CreditId) -> bool {
        if self.derived() {
            return self.index.role_at(c.index()).is_some_and(|(_, u)| u);
        }
        self.credits
            .unverified
            .get(c.index())
            .copied()
            .unwrap_or(false)
    }

    /// The position of an entity in the credits' CSR table.
    fn code(&self, e: Entity) -> usize {
        let (p, g, w) = (self.people.len(), self.groups.len(), self.works.len());
        match e {
            Entity::Person(x) => x.index(),
            Entity::Group(x) => p + x.index(),
            Entity::Work(x) => p + g + x.index(),
            Entity::Organisation(x) => p + g + w + x.index(),
        }
    }

    /// Every credit that starts or ends at a record, in credit order.
    pub(crate) fn credits_of(&self, e: Entity) -> CreditIds<'_> {
        let tag = self.tag;
        let empty = CreditIds {
            inner: CreditIdsInner::Range(0..0),
            tag,
        };
        if !self.contains(e) {
            return empty;
        }
        if self.derived() {
            return match e {
                Entity::Person(p) => {
                    let r = self.index.person_app_range(p.0);
                    CreditIds {
                        inner: CreditIdsInner::Range(r.start as u32..r.end as u32),
                        tag,
                    }
                }
                Entity::Work(w) => CreditIds {
                    inner: CreditIdsInner::Work(self.index.work_app_ids(w.0)),
                    tag,
                },
                _ => empty,
            };
        }
        let i = self.code(e);
        let (a, b) = (self.credits.start[i], self.credits.start[i + 1]);
        CreditIds {
            inner: CreditIdsInner::Slice(self.credits.of[a as usize..b as usize].iter()),
            tag,
        }
    }
}

/// The kind and position of an entity.
pub(crate) fn split(e: Entity) -> (crate::model::RecordKind, u32) {
    use crate::model::RecordKind as K;
    match e {
        Entity::Person(PersonId(i, _)) => (K::Person, i),
        Entity::Group(GroupId(i, _)) => (K::Group, i),
        Entity::Work(WorkId(i, _)) => (K::Work, i),
        Entity::Organisation(OrganisationId(i, _)) => (K::Organisation, i),
    }
}
