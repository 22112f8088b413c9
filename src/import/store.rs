//! The compact form of an imported dataset: names in one string arena,
//! numeric keys, and records ([`Person`], [`Work`], [`Credit`]) made only
//! when someone asks for them.

use std::sync::OnceLock;

use crate::catalog::Catalog;
use crate::id::{CreditId, Entity, PersonId, WorkId};
use crate::index::TraversalIndex;
use crate::model::{Billing, Credit, PartialDate, Person, Records, Role, RoleKind, Work};
use crate::search::normalize;

/// Records made on first access, in chunks, so that an untouched record
/// costs one null pointer per chunk of [`CHUNK`].
#[derive(Clone, Debug)]
pub(crate) struct Lazy<T> {
    chunks: Vec<OnceLock<Chunk<T>>>,
}

/// [`CHUNK`] slots, each filled on first access.
type Chunk<T> = Box<[OnceLock<Box<T>>]>;

const CHUNK: usize = 256;

impl<T> Lazy<T> {
    pub(crate) fn new(len: usize) -> Lazy<T> {
        Lazy {
            chunks: (0..len.div_ceil(CHUNK)).map(|_| OnceLock::new()).collect(),
        }
    }

    pub(crate) fn get(&self, i: usize, make: impl FnOnce() -> T) -> &T {
        let chunk =
            self.chunks[i / CHUNK].get_or_init(|| (0..CHUNK).map(|_| OnceLock::new()).collect());
        chunk[i % CHUNK].get_or_init(|| Box::new(make()))
    }
}

/// One section (people or works): IMDb keys as numbers and the names in
/// one arena.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table {
    /// `nm` or `tt`.
    pub(crate) prefix: &'static str,
    /// The number of each key (`nm0000102` → 102).
    pub(crate) ids: Vec<u32>,
    /// The number of digits of each key (IMDb pads to 7).
    pub(crate) widths: Vec<u8>,
    /// Every name, back to back.
    pub(crate) text: String,
    /// Where each name ends in `text`.
    pub(crate) ends: Vec<u32>,
    /// Record positions sorted by key, for lookups.
    pub(crate) by_key: Vec<u32>,
}

impl Table {
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    pub(crate) fn name(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    pub(crate) fn key(&self, i: usize) -> String {
        format!(
            "{}{:0w$}",
            self.prefix,
            self.ids[i],
            w = self.widths[i] as usize
        )
    }

    /// Sorts the lookup table; call once all rows are in.
    pub(crate) fn seal(&mut self) {
        let mut by_key: Vec<u32> = (0..self.ids.len() as u32).collect();
        if !self.ids.is_sorted() {
            by_key.sort_unstable_by_key(|&i| self.ids[i as usize]);
        }
        self.by_key = by_key;
    }

    /// The record with this exact key.
    pub(crate) fn find_key(&self, key: &str) -> Option<usize> {
        let digits = key.strip_prefix(self.prefix)?;
        if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = digits.parse().ok()?;
        let at = self.by_key.partition_point(|&i| self.ids[i as usize] < n);
        let &i = self.by_key.get(at)?;
        (self.ids[i as usize] == n && self.widths[i as usize] as usize == digits.len())
            .then_some(i as usize)
    }
}

/// An imported dataset, as the [`Explorer`](crate::Explorer) holds it.
#[derive(Clone, Debug)]
pub(crate) struct Store {
    /// The three files, for locations: names, titles, principals.
    pub(crate) files: [String; 3],
    pub(crate) people: Table,
    pub(crate) works: Table,
    /// Birth years, 0 when unknown.
    pub(crate) born: Vec<i16>,
    person_records: Lazy<Person>,
    work_records: Lazy<Work>,
    credit_records: Lazy<Credit>,
    /// (hash of the normalised name, entity code) sorted; built on first
    /// lookup by name. Codes below `people.len()` are people, the rest works.
    names: OnceLock<Vec<(u64, u32)>>,
    /// `0..credits` as ids, for [`Explorer::credits_of`](crate::Explorer::credits_of) on people.
    all_credits: OnceLock<Vec<CreditId>>,
    /// The work side of the index as ids, for `credits_of` on works.
    work_credits: OnceLock<Vec<CreditId>>,
    graph: OnceLock<petgraph::Graph<Entity, CreditId>>,
    catalog: OnceLock<Catalog>,
}

impl Store {
    pub(crate) fn new(
        files: [String; 3],
        people: Table,
        works: Table,
        born: Vec<i16>,
        credits: usize,
    ) -> Store {
        Store {
            files,
            person_records: Lazy::new(people.len()),
            work_records: Lazy::new(works.len()),
            credit_records: Lazy::new(credits),
            people,
            works,
            born,
            names: OnceLock::new(),
            all_credits: OnceLock::new(),
            work_credits: OnceLock::new(),
            graph: OnceLock::new(),
            catalog: OnceLock::new(),
        }
    }

    pub(crate) fn person(&self, i: usize) -> &Person {
        self.person_records.get(i, || self.make_person(i))
    }

    fn make_person(&self, i: usize) -> Person {
        let id = self.people.key(i);
        Person {
            sources: vec![format!("https://www.imdb.com/name/{id}/")],
            id,
            name: self.people.name(i).to_string(),
            hangul: None,
            aliases: Vec::new(),
            disambiguation: None,
            professions: Vec::new(),
            born: (self.born[i] != 0).then(|| PartialDate::year(i32::from(self.born[i]))),
            notes: None,
            confidence: Default::default(),
            unverified: Vec::new(),
        }
    }

    pub(crate) fn work(&self, i: usize, index: &TraversalIndex) -> &Work {
        self.work_records.get(i, || self.make_work(i, index))
    }

    fn make_work(&self, i: usize, index: &TraversalIndex) -> Work {
        let id = self.works.key(i);
        let (year, kind) = index.work_attributes(i);
        Work {
            sources: vec![format!("https://www.imdb.com/title/{id}/")],
            id,
            title: self.works.name(i).to_string(),
            hangul: None,
            aliases: Vec::new(),
            kind,
            released: PartialDate::year(year),
            ended: None,
            album: None,
            network: None,
            notes: None,
            confidence: Default::default(),
            unverified: Vec::new(),
            collections: Vec::new(),
        }
    }

    pub(crate) fn credit(&self, i: usize, index: &TraversalIndex) -> &Credit {
        self.credit_records.get(i, || {
            let app = &index.apps[i];
            Credit {
                from: self.people.key(app.person as usize),
                to: self.works.key(app.work as usize),
                role: role_of(app.role),
                notes: None,
                sources: Vec::new(),
                confidence: Default::default(),
            }
        })
    }

    /// Every credit id of a person or work, in credit order.
    pub(crate) fn credits_of(&self, entity: Entity, index: &TraversalIndex) -> &[CreditId] {
        match entity {
            Entity::Person(p) => {
                let all = self
                    .all_credits
                    .get_or_init(|| (0..index.apps.len()).map(CreditId::new).collect());
                let apps = index.person_apps(p.0);
                match apps.first() {
                    Some(first) => &all[first.credit as usize..first.credit as usize + apps.len()],
                    None => &[],
                }
            }
            Entity::Work(w) => {
                let ids = self.work_credits.get_or_init(|| {
                    (0..index.works() as u32)
                        .flat_map(|w| index.work_app_ids(w).iter().map(|&i| CreditId(i)))
                        .collect()
                });
                let start = index.work_offset(w.0);
                &ids[start..start + index.work_app_ids(w.0).len()]
            }
            _ => &[],
        }
    }

    /// The record with this IMDb key (`nm0000102`, `tt0087332`).
    pub(crate) fn by_key(&self, key: &str) -> Option<Entity> {
        let key = key.trim();
        self.people
            .find_key(key)
            .map(|i| Entity::Person(PersonId::new(i)))
            .or_else(|| {
                self.works
                    .find_key(key)
                    .map(|i| Entity::Work(WorkId::new(i)))
            })
    }

    /// The people and works whose normalised name is `query`'s.
    pub(crate) fn find_name(&self, query: &str) -> Vec<Entity> {
        let wanted = normalize(query);
        if wanted.is_empty() {
            return Vec::new();
        }
        let names = self.names.get_or_init(|| {
            let people = self.people.len();
            let mut names: Vec<(u64, u32)> = (0..people)
                .map(|i| (hash(&normalize(self.people.name(i))), i as u32))
                .chain(
                    (0..self.works.len())
                        .map(|i| (hash(&normalize(self.works.name(i))), (people + i) as u32)),
                )
                .collect();
            names.sort_unstable();
            names
        });
        let h = hash(&wanted);
        let start = names.partition_point(|&(x, _)| x < h);
        names[start..]
            .iter()
            .take_while(|&&(x, _)| x == h)
            .map(|&(_, code)| self.entity(code))
            .filter(|&e| normalize(self.name(e)) == wanted)
            .collect()
    }

    fn entity(&self, code: u32) -> Entity {
        let people = self.people.len() as u32;
        if code < people {
            Entity::Person(PersonId(code))
        } else {
            Entity::Work(WorkId(code - people))
        }
    }

    pub(crate) fn name(&self, entity: Entity) -> &str {
        match entity {
            Entity::Person(p) => self.people.name(p.index()),
            Entity::Work(w) => self.works.name(w.index()),
            _ => "",
        }
    }

    /// The petgraph form, made on first use.
    pub(crate) fn graph(&self, index: &TraversalIndex) -> &petgraph::Graph<Entity, CreditId> {
        self.graph.get_or_init(|| {
            let people = self.people.len();
            let mut graph =
                petgraph::Graph::with_capacity(people + self.works.len(), index.apps.len());
            let persons: Vec<_> = (0..people)
                .map(|i| graph.add_node(Entity::Person(PersonId::new(i))))
                .collect();
            let works: Vec<_> = (0..self.works.len())
                .map(|i| graph.add_node(Entity::Work(WorkId::new(i))))
                .collect();
            for (i, a) in index.apps.iter().enumerate() {
                graph.add_edge(
                    persons[a.person as usize],
                    works[a.work as usize],
                    CreditId::new(i),
                );
            }
            graph
        })
    }

    /// The whole dataset as a catalog, made on first use (it costs far more
    /// memory than the compact form).
    pub(crate) fn catalog(&self, index: &TraversalIndex) -> &Catalog {
        self.catalog.get_or_init(|| {
            let records = Records {
                people: (0..self.people.len())
                    .map(|i| self.make_person(i))
                    .collect(),
                works: (0..self.works.len())
                    .map(|i| self.make_work(i, index))
                    .collect(),
                credits: (0..index.apps.len())
                    .map(|i| self.credit(i, index).clone())
                    .collect(),
                ..Records::default()
            };
            let [a, b, c] = &self.files;
            Catalog::trusted([a, b, c], records)
        })
    }
}

/// The role of an imported credit.
fn role_of(kind: RoleKind) -> Role {
    let cast = |billing| Role::Cast {
        billing,
        character: None,
    };
    match kind {
        RoleKind::Lead => cast(Billing::Lead),
        RoleKind::Supporting => cast(Billing::Supporting),
        RoleKind::Cameo => cast(Billing::Cameo),
        RoleKind::Director => Role::Director,
        RoleKind::Composer => Role::Composer,
        RoleKind::Lyricist => Role::Lyricist,
        RoleKind::MusicProducer => Role::MusicProducer,
        RoleKind::Soundtrack => Role::Soundtrack { song: None },
        RoleKind::Featured => Role::Featured,
        _ => Role::Performer,
    }
}

/// FNV-1a: a stable 64-bit hash, enough to bucket names.
fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
