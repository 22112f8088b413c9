//! [`Explorer`]: the built graph, its name index and accessors.

use std::sync::OnceLock;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::graph::{CreditIds, Graph, split};
use crate::id::{CreditId, Entity, GroupId, OrganisationId, PersonId, WorkId};
use crate::model::{Credit, PartialDate, Person, RecordKind, Records, Work};
use crate::search::{Matches, NameIndex, Tier};

/// The graph of a [`Catalog`](crate::Catalog), built once and read by every
/// query.
///
/// Build it with [`Explorer::bundled`] (the shipped dataset),
/// [`Explorer::from_path`] or [`Explorer::new`]. Look records up by name with
/// [`Explorer::person`], [`Explorer::work`], … and read them with indexing:
/// `explorer.get(person_id)` is a [`PersonRef`](crate::PersonRef).
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let seo_joon = explorer.person("Park Seo-joon")?;
/// let woo_shik = explorer.person("choi woo shik")?;
/// let shared = explorer.shared_works(seo_joon, woo_shik, &Filter::new());
/// assert!(shared.iter().any(|s| explorer.get(s.work).title() == "Gyopo Hairstyle"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Explorer {
    pub(crate) graph: Graph,
    /// Built on the first lookup by name.
    names: OnceLock<NameIndex<Entity>>,
    /// The hashes of the normalised names that two or more people share,
    /// sorted; built on the first call that prints a name.
    homonyms: OnceLock<Vec<u64>>,
    /// Every person's place in name order (`Table::name_ranks`), built on
    /// the first call that lists co-stars.
    name_ranks: OnceLock<Vec<u32>>,
    /// The owned petgraph form, made on the first call of [`Explorer::graph`].
    petgraph: OnceLock<petgraph::Graph<Entity, CreditId>>,
}

impl Explorer {
    /// The explorer of a graph any source built.
    pub(crate) fn from_graph(graph: Graph) -> Explorer {
        Explorer {
            graph,
            names: OnceLock::new(),
            homonyms: OnceLock::new(),
            name_ranks: OnceLock::new(),
            petgraph: OnceLock::new(),
        }
    }

    /// The full records the explorer was built from, when its source had
    /// them (a RON catalog does; an IMDb import keeps only the columns).
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// assert!(explorer.records().unwrap().people.len() > 40);
    /// ```
    pub fn records(&self) -> Option<&Records> {
        self.graph.details().map(|d| &d.records)
    }

    /// The sources (URLs) a record cites, when its source keeps them (empty
    /// for imported data).
    ///
    /// # Panics
    ///
    /// When `entity` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// assert!(explorer.sources(iu.into()).iter().all(|s| s.starts_with("http")));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn sources(&self, entity: Entity) -> &[String] {
        self.check(entity);
        let Some(r) = self.records() else { return &[] };
        let i = split(entity).1 as usize;
        let list = match entity {
            Entity::Person(_) => r.people.get(i).map(|x| &x.sources),
            Entity::Group(_) => r.groups.get(i).map(|x| &x.sources),
            Entity::Work(_) => r.works.get(i).map(|x| &x.sources),
            Entity::Organisation(_) => r.organisations.get(i).map(|x| &x.sources),
        };
        list.map_or(&[], Vec::as_slice)
    }

    /// The Hangul name of any record, when the source gives it.
    ///
    /// # Panics
    ///
    /// When `entity` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let bigbang = explorer.group("BIGBANG")?;
    /// assert_eq!(explorer.hangul(bigbang.into()), Some("빅뱅"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn hangul(&self, entity: Entity) -> Option<&str> {
        self.check(entity);
        let (kind, i) = split(entity);
        self.graph.table(kind).hangul(i)
    }

    /// The other names of any record, in data order.
    ///
    /// # Panics
    ///
    /// When `entity` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let beast = explorer.group("BEAST")?;
    /// assert_eq!(explorer.aliases(beast.into()).collect::<Vec<_>>(), ["B2ST", "Highlight"]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn aliases(&self, entity: Entity) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.check(entity);
        let (kind, i) = split(entity);
        self.graph.table(kind).aliases(i)
    }

    /// The free-form notes of a record, when its source keeps them.
    ///
    /// # Panics
    ///
    /// When `entity` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let zea = explorer.group("ZE:A")?;
    /// assert_eq!(explorer.notes(zea.into()), Some("Group activities halted in 2017."));
    /// assert_eq!(explorer.notes(explorer.group("BIGBANG")?.into()), None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn notes(&self, entity: Entity) -> Option<&str> {
        self.check(entity);
        let r = self.records()?;
        let i = split(entity).1 as usize;
        match entity {
            Entity::Person(_) => r.people.get(i)?.notes.as_deref(),
            Entity::Group(_) => r.groups.get(i)?.notes.as_deref(),
            Entity::Work(_) => r.works.get(i)?.notes.as_deref(),
            Entity::Organisation(_) => r.organisations.get(i)?.notes.as_deref(),
        }
    }

    /// Every record as model records, made from the columns when the source
    /// kept no full records: what
    /// [`Catalog::from_records`](crate::Catalog::from_records) reads, when the
    /// records meet the catalog's rules for curated data. An import may
    /// break them (a title from before 1900, a person IMDb gives no name, a
    /// work without a date, written as year 0 and marked `unverified:
    /// ["released"]`); the catalog then names each such record in its
    /// error. Costs a few hundred bytes a record: not for an IMDb-sized
    /// import.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let records = explorer.to_records();
    /// assert_eq!(records.works.len(), explorer.works().len());
    /// ```
    pub fn to_records(&self) -> Records {
        if let Some(r) = self.records() {
            return r.clone();
        }
        let names = |hangul: Option<&str>, aliases: &mut dyn Iterator<Item = &str>| {
            (
                hangul.map(str::to_string),
                aliases.map(str::to_string).collect(),
            )
        };
        let people = self
            .people()
            .map(|id| {
                let p = self.get(id);
                let (hangul, aliases) = names(p.hangul(), &mut p.aliases());
                Person {
                    id: p.key().into_owned(),
                    name: p.name().to_string(),
                    hangul,
                    aliases,
                    disambiguation: None,
                    professions: Vec::new(),
                    born: p.born().map(PartialDate::year),
                    notes: None,
                    sources: Vec::new(),
                    confidence: confidence(p.is_unverified()),
                    ids: crate::model::Ids::default(),
                    unverified: Vec::new(),
                }
            })
            .collect();
        let works = self
            .works()
            .map(|id| {
                let w = self.get(id);
                let (hangul, aliases) = names(w.hangul(), &mut w.aliases());
                Work {
                    hangul,
                    aliases,
                    confidence: confidence(w.is_unverified()),
                    ..Work::bare(
                        w.key().into_owned(),
                        w.title().to_string(),
                        w.kind(),
                        w.released(),
                    )
                }
            })
            .collect();
        let credits = self
            .credits()
            .map(|id| {
                let c = self.get(id);
                Credit {
                    from: self.key(c.from()).into_owned(),
                    to: self.key(c.to()).into_owned(),
                    role: c.role().into_owned(),
                    notes: None,
                    sources: Vec::new(),
                    confidence: confidence(c.is_unverified()),
                }
            })
            .collect();
        Records {
            people,
            works,
            credits,
            ..Records::default()
        }
    }

    /// The number of records of each kind: people, groups, works,
    /// organisations, credits.
    fn counts(&self) -> [usize; 5] {
        let g = &self.graph;
        [
            g.people().len(),
            g.groups().len(),
            g.works().len(),
            g.organisations().len(),
            g.credit_count(),
        ]
    }

    /// Every person, in data order.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// assert!(explorer.people().any(|p| p == iu));
    /// assert_eq!(explorer.people().len(), explorer.records().unwrap().people.len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn people(&self) -> impl ExactSizeIterator<Item = PersonId> + '_ {
        (0..self.counts()[0] as u32).map(|i| self.graph.pid(i))
    }

    /// Every group, in data order.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let names: Vec<&str> = explorer.groups().map(|g| explorer.get(g).name()).collect();
    /// assert!(names.contains(&"BIGBANG") && names.contains(&"Wooga Squad"));
    /// ```
    pub fn groups(&self) -> impl ExactSizeIterator<Item = GroupId> + '_ {
        (0..self.counts()[1] as u32).map(|i| self.graph.gid(i))
    }

    /// Every work, in data order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::WorkId;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// // The twelve music videos of the seed article.
    /// let in_article = |w: WorkId| explorer.get(w).collections().any(|c| c == "article");
    /// assert_eq!(explorer.works().filter(|&w| in_article(w)).count(), 12);
    /// ```
    pub fn works(&self) -> impl ExactSizeIterator<Item = WorkId> + '_ {
        (0..self.counts()[2] as u32).map(|i| self.graph.wid(i))
    }

    /// Every organisation, in data order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::OrganisationKind;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let broadcasters: Vec<&str> = explorer
    ///     .organisations()
    ///     .map(|o| explorer.get(o))
    ///     .filter(|o| o.record().unwrap().kind == OrganisationKind::Broadcaster)
    ///     .map(|o| o.name())
    ///     .collect();
    /// assert_eq!(broadcasters, ["KBS", "MBC", "SBS"]);
    /// ```
    pub fn organisations(&self) -> impl ExactSizeIterator<Item = OrganisationId> + '_ {
        (0..self.counts()[3] as u32).map(|i| self.graph.oid(i))
    }

    /// Every credit, in data order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RoleKind;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// // KBS, MBC and SBS banned the "I Remember" video.
    /// let bans = explorer.credits().map(|c| explorer.get(c));
    /// let bans = bans.filter(|c| c.role_kind() == RoleKind::BannedBy);
    /// let works: Vec<&str> = bans.map(|c| explorer.name(c.from())).collect();
    /// assert_eq!(works, ["I Remember"; 3]);
    /// ```
    pub fn credits(&self) -> impl ExactSizeIterator<Item = CreditId> + '_ {
        (0..self.counts()[4] as u32).map(|i| self.graph.cid(i))
    }

    /// Panics with a clear message when `e` is not a record of this explorer.
    #[track_caller]
    pub(crate) fn check(&self, e: Entity) {
        self.graph.check(e);
    }

    /// [`Explorer::check`] for each of some people.
    #[track_caller]
    pub(crate) fn check_all(&self, people: &[PersonId]) {
        for &p in people {
            self.graph.check(p.into());
        }
    }

    /// Whether `e` is a record of this explorer. Every id carries a tag of
    /// the explorer that made it (a clone holds the same records and shares
    /// it), so an id of another explorer is told apart even when a record
    /// sits at its position here. Every method that takes an id panics on
    /// an id of another explorer, as its `# Panics` section says: this is
    /// the way to ask first.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// assert!(explorer.contains(iu.into()));
    ///
    /// let other = hallyu::Explorer::bundled();
    /// assert!(!other.contains(iu.into()), "same data, but another explorer");
    /// assert!(explorer.clone().contains(iu.into()), "a clone holds the same records");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn contains(&self, e: Entity) -> bool {
        self.graph.contains(e)
    }

    /// The record with this stable key (`park-seo-joon`, or an IMDb key
    /// such as `nm0000102` for imported data), if there is one.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// assert_eq!(explorer.by_key("iu"), Some(explorer.person("IU")?.into()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn by_key(&self, key: &str) -> Option<Entity> {
        let key = key.trim();
        let g = &self.graph;
        g.people()
            .find_key(key)
            .map(|i| g.join(RecordKind::Person, i))
            .or_else(|| {
                g.groups()
                    .find_key(key)
                    .map(|i| g.join(RecordKind::Group, i))
            })
            .or_else(|| g.works().find_key(key).map(|i| g.join(RecordKind::Work, i)))
            .or_else(|| {
                g.organisations()
                    .find_key(key)
                    .map(|i| g.join(RecordKind::Organisation, i))
            })
    }

    /// The stable key of a record.
    ///
    /// # Panics
    ///
    /// When `entity` is not a record of this explorer.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let id = explorer.person("박서준")?;
    /// assert_eq!(explorer.key(id.into()), "park-seo-joon");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn key(&self, entity: Entity) -> std::borrow::Cow<'_, str> {
        self.check(entity);
        let (kind, i) = split(entity);
        let table = self.graph.table(kind);
        match table.text_key(i) {
            Some(k) => k.into(),
            None => table.key(i).into(),
        }
    }

    /// The name of a record (a work's title).
    ///
    /// # Panics
    ///
    /// When `entity` is not a record of this explorer.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let haru = explorer.work("하루하루")?;
    /// assert_eq!(explorer.name(haru.into()), "Haru Haru");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn name(&self, entity: Entity) -> &str {
        self.check(entity);
        let (kind, i) = split(entity);
        self.graph.table(kind).name(i)
    }

    /// Orders two works by release date, then title.
    pub(crate) fn release_order(&self, a: WorkId, b: WorkId) -> std::cmp::Ordering {
        let (x, y) = (self.get(a), self.get(b));
        (x.released(), x.title()).cmp(&(y.released(), y.title()))
    }

    /// The name of a record, made unique: a person who shares a name with
    /// another person is followed by their id (`Lee Min-ho [lee-min-ho-1993]`).
    /// Used wherever answers print people.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let young = explorer.person("lee-min-ho-1993")?;
    /// assert_eq!(explorer.display_name(young.into()), "Lee Min-ho [lee-min-ho-1993]");
    /// let iu = explorer.person("IU")?;
    /// assert_eq!(explorer.display_name(iu.into()), "IU");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn display_name(&self, entity: Entity) -> std::borrow::Cow<'_, str> {
        match entity {
            Entity::Person(p) if self.is_homonym(p) => {
                format!("{} [{}]", self.name(entity), self.key(entity)).into()
            }
            _ => self.name(entity).into(),
        }
    }

    /// Whether another person shares this person's normalised name. The
    /// first call hashes every person's normalised name (8 bytes a person);
    /// two distinct names whose 64-bit hashes collide (odds about 1 in 10⁷
    /// over 14 million names) would both be shown with their key, which
    /// is harmless.
    pub(crate) fn is_homonym(&self, p: PersonId) -> bool {
        let t = &self.graph.people();
        let hashes = self.homonyms.get_or_init(|| {
            let mut all: Vec<u64> = (0..t.len() as u32).map(|i| name_hash(t.name(i))).collect();
            all.sort_unstable();
            let mut shared: Vec<u64> = all
                .chunk_by(|a, b| a == b)
                .filter(|run| run.len() > 1)
                .map(|run| run[0])
                .collect();
            shared.shrink_to_fit();
            shared
        });
        !hashes.is_empty()
            && p.index() < t.len()
            && hashes.binary_search(&name_hash(t.name(p.0))).is_ok()
    }

    /// Every person's place in the order of names, equal names by id (4
    /// bytes a person, built on the first call).
    pub(crate) fn person_name_ranks(&self) -> &[u32] {
        self.name_ranks
            .get_or_init(|| self.graph.people().name_ranks())
    }

    /// A readable label: the name with Hangul for people and groups
    /// (`Park Seo-joon (박서준)`), the title with the year for works
    /// (`Haru Haru (2008)`).
    ///
    /// # Panics
    ///
    /// When `entity` is not a record of this explorer.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let id = explorer.person("박서준")?;
    /// assert_eq!(explorer.label(id.into()), "Park Seo-joon (박서준)");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn label(&self, entity: Entity) -> String {
        self.check(entity);
        let (kind, i) = split(entity);
        let name = self.display_name(entity);
        match entity {
            Entity::Work(w) => match self.get(w).year() {
                Some(year) => format!("{name} ({year})"),
                None => format!("{name} (year unknown)"),
            },
            _ => match self.graph.table(kind).hangul(i) {
                Some(h) => format!("{name} ({h})"),
                None => name.into_owned(),
            },
        }
    }

    /// The two ends of a credit: (`from`, `to`).
    ///
    /// # Panics
    ///
    /// When `credit` is not a credit of this explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RoleKind;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let cf = explorer.work("Cass 2X CF")?;
    /// let tie_in = explorer
    ///     .credits_of(cf.into())
    ///     .find(|&c| explorer.get(c).role_kind() == RoleKind::TieIn)
    ///     .unwrap();
    /// let brewery = explorer.organisation("Oriental Brewery")?;
    /// assert_eq!(explorer.ends(tie_in), (cf.into(), brewery.into()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn ends(&self, credit: CreditId) -> (Entity, Entity) {
        let c = self.get(credit);
        (c.from(), c.to())
    }

    /// Every credit that starts or ends at this record, in data order.
    ///
    /// # Panics
    ///
    /// When `entity` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let haru = explorer.work("Haru Haru")?;
    /// assert!(explorer.credits_of(haru.into()).len() >= 3);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn credits_of(&self, entity: Entity) -> CreditIds<'_> {
        self.check(entity);
        self.graph.credits_of(entity)
    }

    /// Where a credit is written in the data files (`None` for imported
    /// data, whose lines are not kept).
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let haru = explorer.work("Haru Haru")?;
    /// let credit = explorer.credits_of(haru.into()).next().unwrap();
    /// assert_eq!(explorer.credit_location(credit).unwrap().file, "data/music_videos.ron");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn credit_location(&self, credit: CreditId) -> Option<&Location> {
        self.get(credit).location()
    }

    /// The whole graph as an owned petgraph graph: one node per record, one
    /// edge per credit (from → to). Node `i` is person `i`, then groups,
    /// works and organisations follow in order. Made on the first call.
    ///
    /// To run petgraph's algorithms without a copy, use
    /// [`Explorer::person_work_graph`], which implements petgraph's visit
    /// traits on the explorer's own columns.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::petgraph::graph::NodeIndex;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let graph = explorer.graph();
    /// assert_eq!(graph.edge_count(), explorer.credits().len());
    /// let iu = explorer.person("IU")?;
    /// assert_eq!(graph[NodeIndex::new(iu.index())], iu.into());
    /// let bigbang = explorer.group("BIGBANG")?;
    /// let node = NodeIndex::new(explorer.people().len() + bigbang.index());
    /// assert_eq!(graph[node], bigbang.into());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn graph(&self) -> &petgraph::Graph<Entity, CreditId> {
        self.petgraph.get_or_init(|| {
            let mut graph = petgraph::Graph::with_capacity(
                self.counts()[..4].iter().sum(),
                self.graph.credit_count(),
            );
            let mut nodes = Vec::new();
            for e in self
                .people()
                .map(Entity::from)
                .chain(self.groups().map(Entity::from))
                .chain(self.works().map(Entity::from))
                .chain(self.organisations().map(Entity::from))
            {
                nodes.push(graph.add_node(e));
            }
            let (p, g, w) = (self.counts()[0], self.counts()[1], self.counts()[2]);
            let code = |e: Entity| match e {
                Entity::Person(x) => x.index(),
                Entity::Group(x) => p + x.index(),
                Entity::Work(x) => p + g + x.index(),
                Entity::Organisation(x) => p + g + w + x.index(),
            };
            for c in self.credits() {
                let (a, b) = self.ends(c);
                graph.add_edge(nodes[code(a)], nodes[code(b)], c);
            }
            graph
        })
    }

    /// The person–work graph under a filter as petgraph sees a graph,
    /// borrowed: petgraph's algorithms (`dijkstra`, `connected_components`,
    /// `Bfs`, …) run on it, on an IMDb import too, without a copy.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    /// use hallyu::petgraph::algo::connected_components;
    ///
    /// let explorer = Explorer::bundled();
    /// let filter = Filter::new();
    /// let graph = explorer.person_work_graph(&filter);
    /// // Components of the bipartite graph: every co-appearance component
    /// // (with its works), and each person or work no counted credit links.
    /// let c = explorer.components(&filter);
    /// let linked: usize = c.iter().map(|k| k.people.len() + k.works.len()).sum();
    /// let alone = explorer.people().len() + explorer.works().len() - linked;
    /// assert_eq!(connected_components(graph), c.len() + alone);
    /// ```
    pub fn person_work_graph<'e>(
        &'e self,
        filter: &'e crate::filter::Filter,
    ) -> crate::graph::petgraph::PersonWorkGraph<'e> {
        crate::graph::petgraph::PersonWorkGraph::new(&self.graph, filter)
    }

    fn names(&self) -> &NameIndex<Entity> {
        self.names.get_or_init(|| {
            let mut names = NameIndex::default();
            for kind in RecordKind::ALL {
                let table = self.graph.table(kind);
                for i in 0..table.len() as u32 {
                    let e = self.graph.join(kind, i);
                    names.insert(&table.key(i), Tier::Key, e);
                    for (name, alias) in table.names_of(i) {
                        let tier = if alias { Tier::Alias } else { Tier::Name };
                        names.insert(name, tier, e);
                    }
                }
            }
            names.shrink_to_fit();
            names.prepare();
            names
        })
    }

    /// Finds any record by id, name, title, alias or Hangul, ignoring case,
    /// spaces and punctuation.
    ///
    /// An exact id wins; then canonical names and Hangul; then aliases.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotFound`] with the nearest names, or
    /// [`ErrorKind::Ambiguous`] listing the candidates.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Entity, Explorer};
    ///
    /// let explorer = Explorer::bundled();
    /// assert!(matches!(explorer.lookup("BIGBANG")?, Entity::Group(_)));
    /// let err = explorer.lookup("Park Seo-jon").unwrap_err();
    /// assert!(err.to_string().contains("did you mean \"Park Seo-joon\""));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn lookup(&self, name: &str) -> Result<Entity> {
        self.find(name, "record", |_| true)
    }

    /// Finds a person by id, name, alias or Hangul.
    ///
    /// # Errors
    ///
    /// As [`Explorer::lookup`].
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let a = explorer.person("kim so hyun")?;
    /// assert_eq!(a, explorer.person("Kim So-hyun")?);
    /// assert_eq!(a, explorer.person("김소현")?);
    /// assert_eq!(explorer.person("Dara")?, explorer.person("Sandara Park")?);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn person(&self, name: &str) -> Result<PersonId> {
        match self.find(name, "person", |e| matches!(e, Entity::Person(_)))? {
            Entity::Person(id) => Ok(id),
            _ => unreachable!("find only accepts people"),
        }
    }

    /// Finds a work by id, title, alternative title or Hangul title.
    ///
    /// # Errors
    ///
    /// As [`Explorer::lookup`].
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let haru = explorer.work("Haru Haru")?;
    /// assert_eq!(explorer.work("Day by Day")?, haru);
    /// assert_eq!(explorer.work("하루하루")?, haru);
    /// assert!(explorer.work("IU").unwrap_err().is_not_found(), "a person, not a work");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn work(&self, name: &str) -> Result<WorkId> {
        match self.find(name, "work", |e| matches!(e, Entity::Work(_)))? {
            Entity::Work(id) => Ok(id),
            _ => unreachable!("find only accepts works"),
        }
    }

    /// Finds a group by id, name, alias or Hangul.
    ///
    /// # Errors
    ///
    /// As [`Explorer::lookup`].
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let beast = explorer.group("B2ST")?;
    /// assert_eq!(explorer.get(beast).name(), "BEAST");
    /// assert_eq!(explorer.group("우가팸")?, explorer.group("Wooga family")?);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn group(&self, name: &str) -> Result<GroupId> {
        match self.find(name, "group", |e| matches!(e, Entity::Group(_)))? {
            Entity::Group(id) => Ok(id),
            _ => unreachable!("find only accepts groups"),
        }
    }

    /// Finds an organisation by id, name, alias or Hangul.
    ///
    /// # Errors
    ///
    /// As [`Explorer::lookup`].
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let kbs = explorer.organisation("Korean Broadcasting System")?;
    /// assert_eq!(explorer.get(kbs).name(), "KBS");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn organisation(&self, name: &str) -> Result<OrganisationId> {
        match self.find(name, "organisation", |e| {
            matches!(e, Entity::Organisation(_))
        })? {
            Entity::Organisation(id) => Ok(id),
            _ => unreachable!("find only accepts organisations"),
        }
    }

    /// Every record that `query` may stand for, best first, each with how
    /// it matched: the id, the name, an alias, the Hangul name, its
    /// romanisations (Revised, McCune–Reischauer, Yale, usual spellings),
    /// Western order, initials (초성), keyboard keys or a typo. See
    /// [`Matches::clear_winner`] for when one candidate is clearly ahead.
    /// The same index serves every source: on an IMDb import, names
    /// without Hangul get the Latin-side keys. It is built on the first
    /// lookup by name.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::search::MatchKind;
    ///
    /// let explorer = Explorer::bundled();
    /// let best = explorer.search("Seo-joon Park").next().unwrap();
    /// assert_eq!(explorer.key(best.value), "park-seo-joon");
    /// assert_eq!(best.how, MatchKind::WesternOrder);
    /// ```
    pub fn search(&self, query: &str) -> Matches<'_, Entity> {
        self.names().search(query, |_| true)
    }

    /// Whether the name index of [`Explorer::search`] has been built. It is
    /// built on the first search by name (seconds and hundreds of megabytes
    /// on an IMDb import); a lookup by key ([`Explorer::by_key`], or
    /// [`Explorer::person`] and the like given a key) never builds it.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// explorer.person("park-seo-joon")?; // a key
    /// assert!(!explorer.has_name_index());
    /// explorer.person("Park Seo-joon")?; // a name
    /// assert!(explorer.has_name_index());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn has_name_index(&self) -> bool {
        self.names.get().is_some()
    }

    fn find(
        &self,
        name: &str,
        what: &'static str,
        accept: impl Fn(Entity) -> bool,
    ) -> Result<Entity> {
        if let Some(e) = self.by_key(name.trim())
            && accept(e)
        {
            return Ok(e);
        }
        let found = self.names().find(name, &accept);
        match found.as_slice() {
            [one] => Ok(*one),
            [] => {
                // Suggestions need a scan of every name: not on imported data.
                let nearest = self.names().nearest(name, 3, &accept);
                let suggestions = nearest.into_iter().map(|e| self.name(e).to_string());
                let mut suggestions: Vec<String> = suggestions.collect();
                suggestions.dedup();
                Err(Error::new(ErrorKind::NotFound {
                    what,
                    query: name.to_string(),
                    suggestions,
                }))
            }
            many => {
                let candidates = many.iter().map(|&e| self.describe(e)).collect();
                Err(Error::new(ErrorKind::Ambiguous {
                    query: name.to_string(),
                    candidates,
                }))
            }
        }
    }

    /// `id (Name, disambiguation)` for ambiguity messages.
    fn describe(&self, e: Entity) -> String {
        // The label without the key that display_name adds to homonyms:
        // the key is already there.
        let (kind, i) = split(e);
        let mut s = format!("{} ({}", self.key(e), self.graph.table(kind).name(i));
        if let Some(h) = self.graph.table(kind).hangul(i) {
            s.push_str(&format!(" ({h})"));
        }
        if let Entity::Work(w) = e
            && let Some(y) = self.get(w).year()
        {
            s.push_str(&format!(" ({y})"));
        }
        if let Entity::Person(p) = e {
            if let Some(d) = self.get(p).disambiguation() {
                s.push_str(", ");
                s.push_str(d);
            }
        } else {
            s.push_str(&format!(", {}", e.kind()));
        }
        s.push(')');
        s
    }
}

/// FNV-1a of the normalised name ([`normalise`](crate::search::normalise)),
/// computed without building it.
fn name_hash(name: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    let mut buf = [0u8; 4];
    for c in name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
    {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn confidence(unverified: bool) -> crate::model::Confidence {
    if unverified {
        crate::model::Confidence::Unverified
    } else {
        crate::model::Confidence::Confirmed
    }
}
