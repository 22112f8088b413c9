//! The curated RON data, a Wikidata import and an IMDb import in one
//! explorer, records matched by cross-identifiers, each credit keeping
//! which sources state it.

use std::collections::HashMap;

use super::wikidata::{CrossId, Scheme, Wikidata};
use crate::catalog::Catalog;
use crate::error::Result;
use crate::explorer::Explorer;
use crate::model::{Confidence, Credit, Ids, PartialDate, Person, Records, Role, Work};

/// Where a record or credit of a merged explorer comes from.
///
/// # Example
///
/// ```
/// assert_eq!(hallyu::import::Origin::Wikidata.to_string(), "Wikidata");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Origin {
    /// The curated RON data.
    #[default]
    Ron,
    /// A Wikidata import ([`Sparql`](super::Sparql)).
    Wikidata,
    /// An IMDb import ([`Imdb`](super::Imdb)).
    Imdb,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Origin::Ron => "RON",
            Origin::Wikidata => "Wikidata",
            Origin::Imdb => "IMDb",
        })
    }
}

/// Two sources disagreeing on a value: both are reported, the first
/// source's is kept (RON before Wikidata before IMDb); nothing is resolved
/// silently.
///
/// # Example
///
/// ```
/// use hallyu::import::{Merge, Origin, Scheme, Sparql};
///
/// // The fixture with Seungri leaving in 2020 (a test value, not a fact).
/// let text = std::fs::read_to_string("tests/fixtures/wikidata/groups.json")?
///     .replace("2019-01-01T00:00:00Z", "2020-01-01T00:00:00Z");
/// let merged = Merge::new(hallyu::Catalog::bundled().into_records())
///     .link("seungri", Scheme::Wikidata, "X-SEUNGRI")
///     .link("bigbang", Scheme::Wikidata, "X-BIGBANG")
///     .wikidata(Sparql::new().from_str("altered.json", &text)?)
///     .build()?;
/// let c = &merged.conflicts[0];
/// assert_eq!((c.subject.as_str(), c.field.as_str()), ("seungri → bigbang", "membership years"));
/// assert_eq!((c.values[0].0, c.values[1].0), (Origin::Ron, Origin::Wikidata));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Conflict {
    /// The record (`id`) or credit (`from → to`) concerned.
    pub subject: String,
    /// What differs (`hangul`, `released`, `membership years`, `billing`).
    pub field: String,
    /// Each source's value, the kept one first.
    pub values: Vec<(Origin, String)>,
}

/// What [`Merge::build`] joined and left out.
///
/// # Example
///
/// ```
/// let merged = hallyu::import::Merge::new(hallyu::Catalog::bundled().into_records()).build()?;
/// assert_eq!(merged.report.matched, 0); // one source: nothing to match
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct MergeReport {
    /// Records of one source found to be records of an earlier source.
    pub matched: usize,
    /// Credits stated by more than one source (kept once, with every
    /// source).
    pub corroborated: usize,
    /// IMDb works without a year, left out with their credits (the records
    /// need a release year).
    pub skipped_works: usize,
    /// Credits left out because one of their ends was left out.
    pub skipped_credits: usize,
    /// Records whose id an earlier source used for another record: renamed
    /// with a `-wikidata` or `-imdb` suffix.
    pub renamed: usize,
    /// What each source brought, in the order merged (RON, Wikidata
    /// imports, IMDb imports).
    pub sources: Vec<SourceCounts>,
}

/// What one source of a [`Merge`] brought: the records and credits it
/// read, how many of its records were records of an earlier source, how
/// many of its credits an earlier source already stated.
///
/// # Example
///
/// ```
/// use hallyu::import::{Merge, Origin, Sparql};
///
/// let read = Sparql::new().from_path("tests/fixtures/wikidata/casts.json")?;
/// let merged = Merge::default().wikidata(read).label("casts.json").build()?;
/// let s = &merged.report.sources[1]; // after the (empty) RON records
/// assert_eq!((s.origin, s.label.as_str(), s.works, s.people), (Origin::Wikidata, "casts.json", 1, 2));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct SourceCounts {
    /// Which kind of source.
    pub origin: Origin,
    /// Its name ([`Merge::label`]; the origin's name by default).
    pub label: String,
    /// People read.
    pub people: usize,
    /// Groups read.
    pub groups: usize,
    /// Works read.
    pub works: usize,
    /// Credits read (memberships included).
    pub credits: usize,
    /// Its records found to be records of an earlier source.
    pub matched: usize,
    /// Its credits that an earlier source already stated.
    pub corroborated: usize,
}

/// A merged explorer with the origin of every credit and the conflicts.
///
/// # Example
///
/// ```
/// use hallyu::import::{Merge, Origin};
///
/// let merged = Merge::new(hallyu::Catalog::bundled().into_records()).build()?;
/// let ex = &merged.explorer;
/// let haru = ex.work("Haru Haru")?;
/// let credit = ex.credits_of(haru.into()).next().unwrap();
/// assert_eq!(merged.origins(ex.get(credit).record().unwrap()), [Origin::Ron]);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct Merged {
    /// The explorer over every source.
    pub explorer: Explorer,
    /// Values two sources disagree on.
    pub conflicts: Vec<Conflict>,
    /// What was matched and left out.
    pub report: MergeReport,
    origins: HashMap<(String, String, Role), Vec<Origin>>,
}

impl Merged {
    /// The sources that state `credit` (a credit of [`Merged::explorer`]),
    /// in the order RON, Wikidata, IMDb; empty for a credit of another
    /// explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::{Merge, Origin};
    ///
    /// let merged = Merge::new(hallyu::Catalog::bundled().into_records()).build()?;
    /// let ex = &merged.explorer;
    /// let c = ex.credits().next().unwrap();
    /// assert_eq!(merged.origins(ex.get(c).record().unwrap()), [Origin::Ron]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn origins(&self, credit: &Credit) -> &[Origin] {
        self.origins
            .get(&(credit.from.clone(), credit.to.clone(), credit.role.clone()))
            .map_or(&[], Vec::as_slice)
    }
}

/// Joins the RON records, Wikidata imports and IMDb imports into one
/// explorer, ending in [`Merge::build`].
///
/// # Matching
///
/// A record of a later source is a record of an earlier one when their
/// cross-identifiers meet: a Wikidata record whose `Q…` id (or IMDb id,
/// P345) is [linked](Merge::link) to a RON id is that RON record; an IMDb
/// record whose key a Wikidata record holds as its IMDb id is that
/// Wikidata record (or the RON record it is), or the RON record linked to
/// that key. Names are never matched: two records with one name stay two.
///
/// # Credits
///
/// A credit of a matched pair that an earlier source already states is
/// kept once, with the sources of both ([`Merged::origins`] tells which);
/// a cast credit without billing (Wikidata's) agrees with any cast credit.
/// Where two sources disagree — membership years, a billing, a record's
/// Hangul or release date — the first source's value is kept and both are
/// reported in [`Merged::conflicts`]. Wikidata and IMDb records are
/// [`Confidence::Secondary`].
///
/// # Example
///
/// ```
/// use hallyu::import::{Merge, Scheme, Sparql};
///
/// let ron = hallyu::Catalog::bundled().into_records();
/// let wikidata = Sparql::new().from_path("tests/fixtures/wikidata/groups.json")?;
/// // The fixture's ids are placeholders: link them to the RON records.
/// let merged = Merge::new(ron)
///     .link("seungri", Scheme::Wikidata, "X-SEUNGRI")
///     .link("bigbang", Scheme::Wikidata, "X-BIGBANG")
///     .wikidata(wikidata)
///     .build()?;
/// assert_eq!(merged.report.matched, 2);
/// assert_eq!(merged.report.corroborated, 1); // Seungri in BIGBANG until 2019
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Merge {
    ron: Records,
    ron_label: Option<String>,
    links: Vec<(String, Scheme, String)>,
    wikidata: Vec<(Option<String>, Wikidata)>,
    imdb: Vec<(Option<String>, Records)>,
    /// The source [`Merge::label`] names.
    last: Origin,
}

impl Merge {
    /// A merge starting from the curated records.
    ///
    /// # Example
    ///
    /// ```
    /// let merged = hallyu::import::Merge::new(hallyu::Catalog::bundled().into_records()).build()?;
    /// assert!(merged.explorer.person("IU").is_ok());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new(ron: Records) -> Merge {
        Merge {
            ron,
            ..Merge::default()
        }
    }

    /// States that the RON record `ron_id` has the id `value` in `scheme`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::{Merge, Scheme};
    ///
    /// let merge = Merge::new(hallyu::Catalog::bundled().into_records())
    ///     .link("lee-min-ho", Scheme::Imdb, "nm9900001"); // a placeholder id
    /// assert!(merge.build().is_ok());
    /// ```
    pub fn link(mut self, ron_id: &str, scheme: Scheme, value: &str) -> Merge {
        self.links
            .push((ron_id.to_string(), scheme, value.to_string()));
        self
    }

    /// Adds a Wikidata import.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::{Merge, Sparql};
    ///
    /// let read = Sparql::new().from_path("tests/fixtures/wikidata/casts.json")?;
    /// let merged = Merge::default().wikidata(read).build()?;
    /// assert!(merged.explorer.work("The Heirs").is_ok());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn wikidata(mut self, import: Wikidata) -> Merge {
        self.wikidata.push((None, import));
        self.last = Origin::Wikidata;
        self
    }

    /// Names the source added last (the RON records before any other) in
    /// [`MergeReport::sources`], as a file name or a path.
    ///
    /// # Example
    ///
    /// ```
    /// let merged = hallyu::import::Merge::new(hallyu::Catalog::bundled().into_records())
    ///     .label("bundled")
    ///     .build()?;
    /// assert_eq!(merged.report.sources[0].label, "bundled");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn label(mut self, label: impl Into<String>) -> Merge {
        let label = Some(label.into());
        match self.last {
            Origin::Wikidata => self.wikidata.last_mut().expect("added").0 = label,
            Origin::Imdb => self.imdb.last_mut().expect("added").0 = label,
            Origin::Ron => self.ron_label = label,
        }
        self
    }

    /// Adds an IMDb import (its people, works and credits, keys `nm…` and
    /// `tt…`).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::{Imdb, Merge};
    ///
    /// let imported = Imdb::new().from_dir("tests/fixtures/merge/imdb")?;
    /// let merged = Merge::default().imdb(&imported.explorer).build()?;
    /// assert_eq!(merged.explorer.works().len(), 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn imdb(mut self, explorer: &Explorer) -> Merge {
        self.imdb.push((None, records_of(explorer)));
        self.last = Origin::Imdb;
        self
    }

    /// The merged explorer.
    ///
    /// # Errors
    ///
    /// The checks of [`Catalog::from_records`] on the merged records (an
    /// invalid name or year in a source, a link naming no RON record).
    ///
    /// # Example
    ///
    /// ```
    /// let err = hallyu::import::Merge::default()
    ///     .link("nobody", hallyu::import::Scheme::Imdb, "nm1")
    ///     .build()
    ///     .unwrap_err();
    /// assert!(err.to_string().contains("nobody"), "{err}");
    /// ```
    pub fn build(self) -> Result<Merged> {
        let mut m = State::default();
        for (id, _, _) in &self.links {
            if !m.known(&self.ron, id) {
                return Err(crate::error::Error::new(crate::error::ErrorKind::Invalid {
                    id: id.clone(),
                    message: format!("a link names \"{id}\", which is no RON record"),
                }));
            }
        }
        let label = |l: Option<String>, o: Origin| l.unwrap_or_else(|| o.to_string());
        m.add(
            self.ron,
            &[],
            (Origin::Ron, label(self.ron_label, Origin::Ron)),
        );
        for (id, scheme, value) in self.links {
            m.ids.insert((scheme, value), id);
        }
        for (l, w) in self.wikidata {
            let source = (Origin::Wikidata, label(l, Origin::Wikidata));
            m.add(w.records, &w.ids, source);
        }
        for (l, r) in self.imdb {
            m.add(r, &[], (Origin::Imdb, label(l, Origin::Imdb)));
        }
        let State {
            records,
            origins,
            conflicts,
            mut report,
            ..
        } = m;
        // Credits whose ends were left out.
        let mut present = std::collections::HashSet::new();
        for id in records.people.iter().map(|p| &p.id) {
            present.insert(id.clone());
        }
        for id in records.groups.iter().map(|g| &g.id) {
            present.insert(id.clone());
        }
        for id in records.works.iter().map(|w| &w.id) {
            present.insert(id.clone());
        }
        for id in records.organisations.iter().map(|o| &o.id) {
            present.insert(id.clone());
        }
        let mut records = records;
        let mut kept_origins = HashMap::new();
        let credits = std::mem::take(&mut records.credits);
        for (c, o) in credits.into_iter().zip(origins) {
            if present.contains(&c.from) && present.contains(&c.to) {
                kept_origins.insert((c.from.clone(), c.to.clone(), c.role.clone()), o);
                records.credits.push(c);
            } else {
                report.skipped_credits += 1;
            }
        }
        let catalog = Catalog::from_records("merged", records)?;
        Ok(Merged {
            explorer: Explorer::new(catalog),
            conflicts,
            report,
            origins: kept_origins,
        })
    }
}

/// An IMDb import's records: people, works with a year, credits.
fn records_of(ex: &Explorer) -> Records {
    let mut r = Records::default();
    for p in ex.people() {
        let v = ex.get(p);
        let key = v.key().into_owned();
        let ids = imdb_ids(&key);
        r.people.push(Person {
            sources: vec![format!("https://www.imdb.com/name/{key}/")],
            id: key,
            name: v.name().to_string(),
            hangul: v.hangul().map(str::to_string),
            aliases: Vec::new(),
            disambiguation: None,
            professions: Vec::new(),
            born: v.born().map(PartialDate::year),
            notes: None,
            confidence: Confidence::Secondary,
            unverified: Vec::new(),
            ids,
        });
    }
    for w in ex.works() {
        let v = ex.get(w);
        let key = v.key().into_owned();
        // A work without a year has no release date: `Merge::build` counts
        // it when its id is missing (year 0 marks it here).
        let released = v.year().map_or(PartialDate::year(0), PartialDate::year);
        let ids = imdb_ids(&key);
        r.works.push(Work {
            sources: vec![format!("https://www.imdb.com/title/{key}/")],
            id: key,
            title: v.title().to_string(),
            hangul: v.hangul().map(str::to_string),
            aliases: Vec::new(),
            kind: v.kind(),
            released,
            ended: None,
            album: None,
            network: None,
            notes: None,
            confidence: Confidence::Secondary,
            unverified: Vec::new(),
            ids,
            collections: Vec::new(),
        });
    }
    for c in ex.credits() {
        let v = ex.get(c);
        let to = ex.key(v.to()).into_owned();
        r.credits.push(Credit {
            from: ex.key(v.from()).into_owned(),
            sources: vec![format!("https://www.imdb.com/title/{to}/")],
            to,
            role: v.role().into_owned(),
            notes: None,
            confidence: Confidence::Secondary,
        });
    }
    r
}

/// The ids of an IMDb record: its key.
fn imdb_ids(key: &str) -> Ids {
    Ids {
        imdb: Some(key.to_string()),
        ..Ids::default()
    }
}

#[derive(Default)]
struct State {
    records: Records,
    /// Per credit of `records.credits`, its sources.
    origins: Vec<Vec<Origin>>,
    conflicts: Vec<Conflict>,
    report: MergeReport,
    /// (scheme, value) → merged id.
    ids: HashMap<(Scheme, String), String>,
    /// Merged id → (section, position): 0 people, 1 groups, 2 works, 3
    /// organisations.
    at: HashMap<String, (u8, usize)>,
    /// (from, to, family) → credit position.
    credits: HashMap<(String, String, String), usize>,
    /// Merged id → the source of its record (whose values are kept).
    first: HashMap<String, Origin>,
}

/// The family of a role: credits of one family on one pair are one fact.
fn family(role: &Role) -> String {
    match role {
        Role::Cast { .. }
        | Role::Other {
            on_screen: true, ..
        } => "cast".to_string(),
        Role::Other { name, .. } => format!("other:{name}"),
        other => other.name().to_string(),
    }
}

impl State {
    fn known(&self, ron: &Records, id: &str) -> bool {
        ron.people.iter().any(|p| p.id == id)
            || ron.groups.iter().any(|g| g.id == id)
            || ron.works.iter().any(|w| w.id == id)
            || ron.organisations.iter().any(|o| o.id == id)
    }

    /// The merged id of a record `id` of source `origin` with cross ids
    /// `cross`; `None` when it is new.
    fn matched(&self, keys: &[(Scheme, String)]) -> Option<String> {
        keys.iter().find_map(|k| self.ids.get(k).cloned())
    }

    fn add(&mut self, records: Records, cross: &[CrossId], (origin, label): (Origin, String)) {
        let before = (self.report.matched, self.report.corroborated);
        let mut counts = SourceCounts {
            origin,
            label,
            people: records.people.len(),
            groups: records.groups.len(),
            works: records.works.len(),
            credits: records.credits.len(),
            ..SourceCounts::default()
        };
        self.add_records(records, cross, origin);
        counts.matched = self.report.matched - before.0;
        counts.corroborated = self.report.corroborated - before.1;
        self.report.sources.push(counts);
    }

    fn add_records(&mut self, records: Records, cross: &[CrossId], origin: Origin) {
        let mut by_record: HashMap<&str, Vec<&CrossId>> = HashMap::new();
        for c in cross {
            by_record.entry(c.record.as_str()).or_default().push(c);
        }
        // Source id → merged id.
        let mut rename: HashMap<String, String> = HashMap::new();
        let suffix = match origin {
            Origin::Ron => "",
            Origin::Wikidata => "-wikidata",
            Origin::Imdb => "-imdb",
        };
        let mut place = |state: &mut State,
                         id: &str,
                         section: u8,
                         ids: &Ids|
         -> (String, Option<(u8, usize)>) {
            // The record's own ids, those the source gives beside it, and
            // an IMDb record's key.
            let mut keys: Vec<(Scheme, String)> = [
                (Scheme::Imdb, &ids.imdb),
                (Scheme::Wikidata, &ids.wikidata),
                (Scheme::MusicBrainz, &ids.musicbrainz),
            ]
            .into_iter()
            .filter_map(|(scheme, v)| v.clone().map(|v| (scheme, v)))
            .collect();
            if let Some(cross) = by_record.get(id) {
                keys.extend(cross.iter().map(|c| (c.scheme, c.value.clone())));
            }
            if origin == Origin::Imdb {
                keys.push((Scheme::Imdb, id.to_string()));
            }
            let merged = match state.matched(&keys) {
                Some(m) if state.at.get(&m).is_some_and(|&(s, _)| s == section) => {
                    state.report.matched += 1;
                    let at = state.at[&m];
                    (m, Some(at))
                }
                _ => {
                    let mut new = id.to_string();
                    if state.at.contains_key(&new) {
                        state.report.renamed += 1;
                        new = format!("{id}{suffix}");
                    }
                    (new, None)
                }
            };
            for k in keys {
                state.ids.entry(k).or_insert_with(|| merged.0.clone());
            }
            rename.insert(id.to_string(), merged.0.clone());
            merged
        };
        for mut p in records.people {
            let (id, existing) = place(self, &p.id, 0, &p.ids);
            match existing {
                Some((_, i)) => {
                    let old = &mut self.records.people[i];
                    let kept = self.first[&id];
                    fill(
                        &mut self.conflicts,
                        &id,
                        "hangul",
                        &mut old.hangul,
                        p.hangul,
                        (kept, origin),
                    );
                    let (a, b) = (old.born.map(|d| d.year), p.born.map(|d| d.year));
                    if let (Some(a), Some(b)) = (a, b)
                        && a != b
                    {
                        self.conflicts
                            .push(conflict(&id, "born", a, b, (kept, origin)));
                    }
                    fill_ids(
                        &mut self.conflicts,
                        &id,
                        &mut old.ids,
                        p.ids,
                        (kept, origin),
                    );
                    old.sources.extend(p.sources);
                }
                None => {
                    p.id = id.clone();
                    self.first.insert(id.clone(), origin);
                    self.at.insert(id, (0, self.records.people.len()));
                    self.records.people.push(p);
                }
            }
        }
        for mut g in records.groups {
            let (id, existing) = place(self, &g.id, 1, &g.ids);
            match existing {
                Some((_, i)) => {
                    let old = &mut self.records.groups[i];
                    let kept = self.first[&id];
                    fill(
                        &mut self.conflicts,
                        &id,
                        "hangul",
                        &mut old.hangul,
                        g.hangul,
                        (kept, origin),
                    );
                    fill_ids(
                        &mut self.conflicts,
                        &id,
                        &mut old.ids,
                        g.ids,
                        (kept, origin),
                    );
                    old.sources.extend(g.sources);
                }
                None => {
                    g.id = id.clone();
                    self.first.insert(id.clone(), origin);
                    self.at.insert(id, (1, self.records.groups.len()));
                    self.records.groups.push(g);
                }
            }
        }
        for mut w in records.works {
            if w.released.year == 0 {
                self.report.skipped_works += 1;
                continue;
            }
            let (id, existing) = place(self, &w.id, 2, &w.ids);
            match existing {
                Some((_, i)) => {
                    let old = &mut self.records.works[i];
                    let kept = self.first[&id];
                    fill(
                        &mut self.conflicts,
                        &id,
                        "hangul",
                        &mut old.hangul,
                        w.hangul,
                        (kept, origin),
                    );
                    if old.released.year != w.released.year {
                        let (a, b) = (old.released, w.released);
                        self.conflicts
                            .push(conflict(&id, "released", a, b, (kept, origin)));
                    }
                    fill_ids(
                        &mut self.conflicts,
                        &id,
                        &mut old.ids,
                        w.ids,
                        (kept, origin),
                    );
                    old.sources.extend(w.sources);
                }
                None => {
                    w.id = id.clone();
                    self.first.insert(id.clone(), origin);
                    self.at.insert(id, (2, self.records.works.len()));
                    self.records.works.push(w);
                }
            }
        }
        for mut o in records.organisations {
            let (id, existing) = place(self, &o.id, 3, &Ids::default());
            if existing.is_none() {
                o.id = id.clone();
                self.first.insert(id.clone(), origin);
                self.at.insert(id, (3, self.records.organisations.len()));
                self.records.organisations.push(o);
            }
        }
        for mut c in records.credits {
            let map = |id: &String| rename.get(id).cloned().unwrap_or_else(|| id.clone());
            c.from = map(&c.from);
            c.to = map(&c.to);
            let key = (c.from.clone(), c.to.clone(), family(&c.role));
            let Some(&i) = self.credits.get(&key) else {
                self.credits.insert(key, self.records.credits.len());
                self.records.credits.push(c);
                self.origins.push(vec![origin]);
                continue;
            };
            let old = &mut self.records.credits[i];
            let subject = format!("{} → {}", c.from, c.to);
            match (&mut old.role, &c.role) {
                (a, b) if *a == *b => {}
                (
                    Role::Member { since, until },
                    Role::Member {
                        since: s2,
                        until: u2,
                    },
                ) => {
                    let differs =
                        |a: &Option<i32>, b: &Option<i32>| a.is_some() && b.is_some() && a != b;
                    if differs(since, s2) || differs(until, u2) {
                        self.conflicts.push(Conflict {
                            subject,
                            field: "membership years".to_string(),
                            values: vec![
                                (self.origins[i][0], years(*since, *until)),
                                (origin, years(*s2, *u2)),
                            ],
                        });
                    } else {
                        *since = since.or(*s2);
                        *until = until.or(*u2);
                    }
                }
                // A cast credit without billing agrees with any.
                (
                    _,
                    Role::Other {
                        on_screen: true, ..
                    },
                )
                | (
                    Role::Other {
                        on_screen: true, ..
                    },
                    _,
                ) => {}
                (Role::Cast { billing: a, .. }, Role::Cast { billing: b, .. }) if a != b => {
                    self.conflicts.push(Conflict {
                        subject,
                        field: "billing".to_string(),
                        values: vec![(self.origins[i][0], a.to_string()), (origin, b.to_string())],
                    });
                }
                _ => {}
            }
            self.report.corroborated += 1;
            old.sources.extend(c.sources);
            if !self.origins[i].contains(&origin) {
                self.origins[i].push(origin);
            }
        }
    }
}

/// Fills the ids a record lacks from a later source's record; a
/// different id is a conflict.
fn fill_ids(
    conflicts: &mut Vec<Conflict>,
    id: &str,
    old: &mut Ids,
    new: Ids,
    origins: (Origin, Origin),
) {
    fill(conflicts, id, "IMDb id", &mut old.imdb, new.imdb, origins);
    fill(
        conflicts,
        id,
        "Wikidata id",
        &mut old.wikidata,
        new.wikidata,
        origins,
    );
    let mb = (&mut old.musicbrainz, new.musicbrainz);
    fill(conflicts, id, "MusicBrainz id", mb.0, mb.1, origins);
}

/// Membership years as text: `2012–2019`, `2012–`, `?–2019`.
fn years(since: Option<i32>, until: Option<i32>) -> String {
    let y = |y: Option<i32>| y.map_or_else(|| "?".to_string(), |y| y.to_string());
    match until {
        Some(_) => format!("{}–{}", y(since), y(until)),
        None => format!("{}–", y(since)),
    }
}

/// Fills a missing value from a later source; a different one is a
/// conflict.
fn fill(
    conflicts: &mut Vec<Conflict>,
    id: &str,
    field: &str,
    old: &mut Option<String>,
    new: Option<String>,
    (kept, origin): (Origin, Origin),
) {
    match (old.as_ref(), new) {
        (None, new) => *old = new,
        (Some(a), Some(b)) if *a != b => conflicts.push(Conflict {
            subject: id.to_string(),
            field: field.to_string(),
            values: vec![(kept, a.clone()), (origin, b)],
        }),
        _ => {}
    }
}

fn conflict(
    id: &str,
    field: &str,
    kept: impl std::fmt::Display,
    other: impl std::fmt::Display,
    (kept_origin, origin): (Origin, Origin),
) -> Conflict {
    Conflict {
        subject: id.to_string(),
        field: field.to_string(),
        values: vec![(kept_origin, kept.to_string()), (origin, other.to_string())],
    }
}
