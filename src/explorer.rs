//! [`Explorer`]: the built graph, its name index and accessors.

use std::collections::HashMap;
use std::ops::Index;

use crate::catalog::Catalog;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::id::{CreditId, Entity, GroupId, OrganisationId, PersonId, WorkId};
use crate::import::store::Store;
use crate::index::{Appearance, DIRECT, TraversalIndex};
use crate::model::{Credit, Group, Organisation, Person, Role, Work};
use crate::search::{Match, MatchKind, Matches, NameIndex, Tier};

/// The graph of a [`Catalog`], built once and read by every query.
///
/// Build it with [`Explorer::bundled`] (the shipped dataset),
/// [`Explorer::from_path`] or [`Explorer::new`]. Look records up by name with
/// [`Explorer::person`], [`Explorer::work`], … and read them with indexing:
/// `explorer[person_id]` is a [`Person`].
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
/// assert!(shared.iter().any(|s| explorer[s.work].title == "Gyopo Hairstyle"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Explorer {
    data: Data,
    pub(crate) index: TraversalIndex,
}

/// Where the records live: a catalog with its indexes, or the compact store
/// of an imported dataset (names in one arena, records made on demand).
#[derive(Clone, Debug)]
enum Data {
    Catalog(Box<Built>),
    Imported(Box<Store>),
}

/// The indexes of an explorer built from a [`Catalog`].
#[derive(Clone, Debug)]
struct Built {
    catalog: Catalog,
    keys: HashMap<String, Entity>,
    names: NameIndex<Entity>,
    ends: Vec<(Entity, Entity)>,
    credits_of: HashMap<Entity, Vec<CreditId>>,
    graph: petgraph::Graph<Entity, CreditId>,
    /// People whose normalised name another person shares.
    homonyms: std::collections::HashSet<PersonId>,
}

impl Explorer {
    /// Builds the explorer of a validated catalog.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::new(hallyu::Catalog::bundled());
    /// assert!(explorer.people().count() > 40);
    /// ```
    pub fn new(catalog: Catalog) -> Explorer {
        let r = catalog.records();
        let mut keys = HashMap::new();
        let mut names = NameIndex::default();
        let mut add =
            |entity: Entity, id: &str, name: &str, hangul: &Option<String>, aliases: &[String]| {
                keys.insert(id.to_string(), entity);
                names.insert(id, Tier::Key, entity);
                names.insert(name, Tier::Name, entity);
                if let Some(h) = hangul {
                    names.insert(h, Tier::Name, entity);
                }
                for a in aliases {
                    names.insert(a, Tier::Alias, entity);
                }
            };
        for (i, p) in r.people.iter().enumerate() {
            add(
                Entity::Person(PersonId::new(i)),
                &p.id,
                &p.name,
                &p.hangul,
                &p.aliases,
            );
        }
        for (i, g) in r.groups.iter().enumerate() {
            add(
                Entity::Group(GroupId::new(i)),
                &g.id,
                &g.name,
                &g.hangul,
                &g.aliases,
            );
        }
        for (i, w) in r.works.iter().enumerate() {
            add(
                Entity::Work(WorkId::new(i)),
                &w.id,
                &w.title,
                &w.hangul,
                &w.aliases,
            );
        }
        for (i, o) in r.organisations.iter().enumerate() {
            add(
                Entity::Organisation(OrganisationId::new(i)),
                &o.id,
                &o.name,
                &o.hangul,
                &o.aliases,
            );
        }

        let mut ends = Vec::with_capacity(r.credits.len());
        let mut credits_of: HashMap<Entity, Vec<CreditId>> = HashMap::new();
        let mut graph = petgraph::Graph::new();
        let mut nodes = HashMap::new();
        let mut node = |graph: &mut petgraph::Graph<Entity, CreditId>, e: Entity| {
            *nodes.entry(e).or_insert_with(|| graph.add_node(e))
        };
        for (i, c) in r.credits.iter().enumerate() {
            // The catalog is validated: both ends exist.
            let (from, to) = (keys[&c.from], keys[&c.to]);
            let id = CreditId::new(i);
            ends.push((from, to));
            credits_of.entry(from).or_default().push(id);
            credits_of.entry(to).or_default().push(id);
            let (a, b) = (node(&mut graph, from), node(&mut graph, to));
            graph.add_edge(a, b, id);
        }

        // Appearances: every credit from a person or group to a work; a
        // group's credit once more for each member of that time.
        let mut members: HashMap<GroupId, Vec<(PersonId, &Credit)>> = HashMap::new();
        for (c, &(from, to)) in r.credits.iter().zip(&ends) {
            if let (Entity::Person(p), Entity::Group(g), Role::Member { .. }) = (from, to, &c.role)
            {
                members.entry(g).or_default().push((p, c));
            }
        }
        let person_unverified: Vec<bool> = r
            .people
            .iter()
            .map(|p| p.confidence.is_unverified())
            .collect();
        let work_unverified: Vec<bool> = r
            .works
            .iter()
            .map(|w| w.confidence.is_unverified())
            .collect();
        let mut apps = Vec::new();
        for (i, (c, &(from, to))) in r.credits.iter().zip(&ends).enumerate() {
            let Entity::Work(w) = to else { continue };
            let year = r.works[w.index()].released.year;
            let doubtful = c.confidence.is_unverified() || work_unverified[w.index()];
            let mut push = |p: PersonId, via: u32, extra: bool| {
                apps.push(Appearance {
                    person: p.0,
                    work: w.0,
                    credit: i as u32,
                    via,
                    role: c.role.kind(),
                    unverified: doubtful || extra || person_unverified[p.index()],
                });
            };
            match from {
                Entity::Person(p) => push(p, DIRECT, false),
                Entity::Group(g) => {
                    for (p, m) in members.get(&g).into_iter().flatten() {
                        let Role::Member { since, until } = m.role else {
                            continue;
                        };
                        if since.is_none_or(|s| s <= year) && until.is_none_or(|u| year <= u) {
                            push(*p, g.0, m.confidence.is_unverified());
                        }
                    }
                }
                _ => {}
            }
        }
        let index = TraversalIndex::new(
            r.people.len(),
            r.works.iter().map(|w| w.released.year).collect(),
            r.works.iter().map(|w| w.kind).collect(),
            apps,
        );
        let mut by_name: HashMap<String, Vec<PersonId>> = HashMap::new();
        for (i, p) in r.people.iter().enumerate() {
            by_name
                .entry(crate::search::normalize(&p.name))
                .or_default()
                .push(PersonId::new(i));
        }
        let homonyms = by_name
            .into_values()
            .filter(|v| v.len() > 1)
            .flatten()
            .collect();
        let built = Built {
            catalog,
            keys,
            names,
            ends,
            credits_of,
            graph,
            homonyms,
        };
        Explorer {
            data: Data::Catalog(Box::new(built)),
            index,
        }
    }

    /// The explorer of an imported dataset.
    pub(crate) fn imported(store: Store, index: TraversalIndex) -> Explorer {
        Explorer {
            data: Data::Imported(Box::new(store)),
            index,
        }
    }

    /// Whether the explorer holds an imported dataset (see
    /// [`import`](crate::import)) rather than a catalog.
    pub fn is_imported(&self) -> bool {
        matches!(self.data, Data::Imported(_))
    }

    /// The explorer of the dataset shipped with the crate.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let haru = explorer.work("Haru Haru")?;
    /// assert_eq!(explorer[haru].released.year, 2008);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn bundled() -> Explorer {
        Explorer::new(Catalog::bundled())
    }

    /// Loads a RON file or a directory of them and builds the explorer.
    ///
    /// # Errors
    ///
    /// Everything [`Catalog::from_path`] reports.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Explorer> {
        Ok(Explorer::new(Catalog::from_path(path)?))
    }

    /// The catalog the explorer was built from.
    ///
    /// For an imported dataset the catalog is made on the first call, from
    /// the compact form: it takes far more memory than the explorer itself
    /// (a few hundred bytes per record), so large imports should not ask.
    pub fn catalog(&self) -> &Catalog {
        match &self.data {
            Data::Catalog(b) => &b.catalog,
            Data::Imported(s) => s.catalog(&self.index),
        }
    }

    /// The number of records of each kind: people, groups, works,
    /// organisations, credits.
    fn counts(&self) -> [usize; 5] {
        match &self.data {
            Data::Catalog(b) => {
                let r = b.catalog.records();
                [
                    r.people.len(),
                    r.groups.len(),
                    r.works.len(),
                    r.organisations.len(),
                    r.credits.len(),
                ]
            }
            Data::Imported(s) => [s.people.len(), 0, s.works.len(), 0, self.index.apps.len()],
        }
    }

    /// Every person, in data order.
    pub fn people(&self) -> impl ExactSizeIterator<Item = PersonId> + '_ {
        (0..self.counts()[0]).map(PersonId::new)
    }

    /// Every group, in data order.
    pub fn groups(&self) -> impl ExactSizeIterator<Item = GroupId> + '_ {
        (0..self.counts()[1]).map(GroupId::new)
    }

    /// Every work, in data order.
    pub fn works(&self) -> impl ExactSizeIterator<Item = WorkId> + '_ {
        (0..self.counts()[2]).map(WorkId::new)
    }

    /// Every organisation, in data order.
    pub fn organisations(&self) -> impl ExactSizeIterator<Item = OrganisationId> + '_ {
        (0..self.counts()[3]).map(OrganisationId::new)
    }

    /// Every credit, in data order.
    pub fn credits(&self) -> impl ExactSizeIterator<Item = CreditId> + '_ {
        (0..self.counts()[4]).map(CreditId::new)
    }

    /// The record with this stable key (`park-seo-joon`, or an IMDb key
    /// such as `nm0000102` for imported data), if there is one.
    pub fn by_key(&self, key: &str) -> Option<Entity> {
        match &self.data {
            Data::Catalog(b) => b.keys.get(key).copied(),
            Data::Imported(s) => s.by_key(key),
        }
    }

    /// The stable key of a record.
    pub fn key(&self, entity: Entity) -> &str {
        match entity {
            Entity::Person(id) => &self[id].id,
            Entity::Group(id) => &self[id].id,
            Entity::Work(id) => &self[id].id,
            Entity::Organisation(id) => &self[id].id,
        }
    }

    /// The name of a record (a work's title).
    pub fn name(&self, entity: Entity) -> &str {
        if let Data::Imported(s) = &self.data {
            return s.name(entity);
        }
        match entity {
            Entity::Person(id) => &self[id].name,
            Entity::Group(id) => &self[id].name,
            Entity::Work(id) => &self[id].title,
            Entity::Organisation(id) => &self[id].name,
        }
    }

    /// Orders two works by release date, then title, without building the
    /// records of an imported dataset (whose dates are years).
    pub(crate) fn release_order(&self, a: WorkId, b: WorkId) -> std::cmp::Ordering {
        match &self.data {
            Data::Catalog(_) => {
                let (x, y) = (&self[a], &self[b]);
                (x.released, &x.title).cmp(&(y.released, &y.title))
            }
            Data::Imported(_) => {
                let year = |w: WorkId| self.index.work_attributes(w.index()).0;
                (year(a), self.name(a.into())).cmp(&(year(b), self.name(b.into())))
            }
        }
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
        match (&self.data, entity) {
            (Data::Catalog(b), Entity::Person(p)) if b.homonyms.contains(&p) => {
                format!("{} [{}]", self.name(entity), self.key(entity)).into()
            }
            _ => self.name(entity).into(),
        }
    }

    /// A readable label: the name with Hangul for people and groups
    /// (`Park Seo-joon (박서준)`), the title with the year for works
    /// (`Haru Haru (2008)`).
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
        let with_hangul = |name: &str, hangul: &Option<String>| match hangul {
            Some(h) => format!("{name} ({h})"),
            None => name.to_string(),
        };
        match entity {
            Entity::Person(id) if self.is_imported() => self.name(id.into()).to_string(),
            Entity::Person(id) => with_hangul(&self.display_name(entity), &self[id].hangul),
            Entity::Group(id) => with_hangul(&self[id].name, &self[id].hangul),
            Entity::Work(id) => {
                let year = self.index.work_attributes(id.index()).0;
                format!("{} ({year})", self.name(id.into()))
            }
            Entity::Organisation(id) => with_hangul(&self[id].name, &self[id].hangul),
        }
    }

    /// The two ends of a credit: (`from`, `to`).
    pub fn ends(&self, credit: CreditId) -> (Entity, Entity) {
        match &self.data {
            Data::Catalog(b) => b.ends[credit.index()],
            Data::Imported(_) => {
                let app = &self.index.apps[credit.index()];
                (
                    Entity::Person(PersonId(app.person)),
                    Entity::Work(WorkId(app.work)),
                )
            }
        }
    }

    /// Every credit that starts or ends at this record, in data order.
    pub fn credits_of(&self, entity: Entity) -> &[CreditId] {
        match &self.data {
            Data::Catalog(b) => b.credits_of.get(&entity).map_or(&[], Vec::as_slice),
            Data::Imported(s) => s.credits_of(entity, &self.index),
        }
    }

    /// Where a credit is written in the data files (`None` for imported
    /// data, whose lines are not kept).
    pub fn credit_location(&self, credit: CreditId) -> Option<&Location> {
        match &self.data {
            Data::Catalog(b) => b.catalog.credit_location(credit.index()),
            Data::Imported(_) => None,
        }
    }

    /// The whole catalog as a petgraph graph, read-only: one node per record
    /// that has a credit, one edge per credit (from → to). An escape hatch
    /// for petgraph's algorithms; node indices are not ids. For an imported
    /// dataset the graph is made on the first call.
    pub fn graph(&self) -> &petgraph::Graph<Entity, CreditId> {
        match &self.data {
            Data::Catalog(b) => &b.graph,
            Data::Imported(s) => s.graph(&self.index),
        }
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
    ///
    /// On an imported dataset only exact names are found, for now.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, MatchKind};
    ///
    /// let explorer = Explorer::bundled();
    /// let best = explorer.search("Seo-joon Park").next().unwrap();
    /// assert_eq!(explorer.key(best.value), "park-seo-joon");
    /// assert_eq!(best.how, MatchKind::WesternOrder);
    /// ```
    pub fn search(&self, query: &str) -> Matches<'_, Entity> {
        match &self.data {
            Data::Catalog(b) => b.names.search(query, |_| true),
            Data::Imported(s) => Matches::from_vec(
                s.find_name(query)
                    .into_iter()
                    .map(|e| Match::exact(e, MatchKind::Name, self.name(e)))
                    .collect(),
            ),
        }
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
        let found = match &self.data {
            Data::Catalog(b) => b.names.find(name, &accept),
            Data::Imported(s) => s
                .find_name(name)
                .into_iter()
                .filter(|&e| accept(e))
                .collect(),
        };
        match found.as_slice() {
            [one] => Ok(*one),
            [] => {
                // Suggestions need a scan of every name: not on imported data.
                let nearest = match &self.data {
                    Data::Catalog(b) => b.names.nearest(name, 3, &accept),
                    Data::Imported(_) => Vec::new(),
                };
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
        let mut s = format!("{} ({}", self.key(e), self.label(e));
        if let Entity::Person(p) = e {
            if let Some(d) = &self[p].disambiguation {
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

macro_rules! index_by {
    ($id:ty, $out:ty, $field:ident, |$s:ident, $ix:ident, $i:ident| $imported:expr) => {
        impl Index<$id> for Explorer {
            type Output = $out;

            fn index(&self, id: $id) -> &$out {
                match &self.data {
                    Data::Catalog(b) => &b.catalog.records().$field[id.index()],
                    Data::Imported($s) => {
                        let ($ix, $i) = (&self.index, id.index());
                        let _ = $ix;
                        $imported
                    }
                }
            }
        }
    };
}

index_by!(PersonId, Person, people, |s, _ix, i| s.person(i));
index_by!(GroupId, Group, groups, |_s, _ix, i| panic!(
    "an imported dataset has no group {i}"
));
index_by!(WorkId, Work, works, |s, ix, i| s.work(i, ix));
index_by!(
    OrganisationId,
    Organisation,
    organisations,
    |_s, _ix, i| panic!("an imported dataset has no organisation {i}")
);
index_by!(CreditId, Credit, credits, |s, ix, i| s.credit(i, ix));
