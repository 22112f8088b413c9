//! The records as a reader collects them ([`Staged`]): keyed, each repeated
//! key an error and each repeated credit a skip, with what a file says of
//! their provenance; and the one step into the graph builder.

use std::collections::HashMap;

use super::files::at;
use super::{Loaded, ReadReport};
use crate::error::{Error, ErrorKind, Location};
use crate::explorer::Explorer;
use crate::graph::{Details, GraphBuilder};
use crate::id::Entity;
use crate::model::{
    Confidence, Credit, Group, GroupKind, Ids, Organisation, OrganisationKind, PartialDate, Person,
    RecordKind, Records, Role, Work, WorkKind,
};
use crate::search::hangul::to_nfc;

/// A name in NFC, as the readers keep names (see [`to_nfc`]).
fn nfc_owned(s: String) -> String {
    match to_nfc(&s) {
        std::borrow::Cow::Owned(normal) => normal,
        std::borrow::Cow::Borrowed(_) => s,
    }
}

/// A record's key and names as the readers keep them: the name, the Hangul
/// name and the aliases in NFC (see [`to_nfc`]).
struct Names {
    id: String,
    name: String,
    hangul: Option<String>,
    aliases: Vec<String>,
}

impl Names {
    fn new(key: &str, name: &str, hangul: Option<String>, aliases: Vec<String>) -> Names {
        Names {
            id: key.to_string(),
            name: to_nfc(name).into_owned(),
            hangul: hangul.map(nfc_owned),
            aliases: aliases.into_iter().map(nfc_owned).collect(),
        }
    }
}

/// A `$record` (a person, group or organisation) of a key and its names
/// (made [`Names`]), without provenance yet ([`Staged::provenance`] sets
/// it), with the other fields given.
macro_rules! named {
    ($record:ident($key:expr, $name:expr, $hangul:expr, $aliases:expr),
     $($field:ident: $value:expr),* $(,)?) => {{
        let Names { id, name, hangul, aliases } = Names::new($key, $name, $hangul, $aliases);
        $record {
            id,
            name,
            hangul,
            aliases,
            notes: None,
            sources: Vec::new(),
            confidence: Confidence::Confirmed,
            unverified: Vec::new(),
            $($field: $value),*
        }
    }};
}

/// Adds the record `make` makes to `list` under `key`, kept in `by_key`
/// with its location; a repeated key is a [`ErrorKind::DuplicateId`].
fn keyed<T>(
    list: &mut Vec<T>,
    by_key: &mut HashMap<String, (usize, Location)>,
    key: &str,
    location: Location,
    make: impl FnOnce() -> T,
) -> crate::error::Result<usize> {
    if let Some((_, first)) = by_key.get(key) {
        return Err(duplicate(key, first, location));
    }
    let i = list.len();
    list.push(make());
    by_key.insert(key.to_string(), (i, location));
    Ok(i)
}

/// Records as a reader collects them, keyed, with the positions of their
/// credits.
#[derive(Debug, Default)]
pub(crate) struct Staged {
    pub(crate) records: Records,
    pub(crate) credit_locations: Vec<Location>,
    /// Whether each work's year is known.
    pub(crate) year_known: Vec<bool>,
    pub(crate) people_by_key: HashMap<String, (usize, Location)>,
    pub(crate) works_by_key: HashMap<String, (usize, Location)>,
    pub(crate) groups_by_key: HashMap<String, (usize, Location)>,
    pub(crate) organisations_by_key: HashMap<String, (usize, Location)>,
    pub(crate) report: ReadReport,
    /// The kind and position of both ends of every credit.
    credit_ends: Vec<[(RecordKind, usize); 2]>,
    /// Every credit by its ends and a hash of its role, with its position
    /// (to tell a repeat from another role of the same hash).
    credit_set: HashMap<(RecordKind, usize, RecordKind, usize, u64), usize>,
}

/// What a data file may say of a record or credit besides its names.
#[derive(Clone, Debug, Default)]
pub(crate) struct Provenance {
    pub(crate) confidence: Confidence,
    pub(crate) sources: Vec<String>,
    pub(crate) notes: Option<String>,
}

impl Staged {
    /// Adds a person; a repeated key is a [`ErrorKind::DuplicateId`].
    pub(crate) fn person(
        &mut self,
        key: &str,
        name: &str,
        hangul: Option<String>,
        aliases: Vec<String>,
        born: Option<i32>,
        location: Location,
    ) -> crate::error::Result<usize> {
        let (list, by_key) = (&mut self.records.people, &mut self.people_by_key);
        let make = || {
            named!(Person(key, name, hangul, aliases),
                disambiguation: None, professions: Vec::new(),
                born: born.map(PartialDate::year), ids: Ids::default())
        };
        keyed(list, by_key, key, location, make)
    }

    /// Adds a work; a repeated key is a [`ErrorKind::DuplicateId`]. An
    /// unknown year is kept as unknown (written `0000` in the record, with
    /// `released` in its `unverified` list, as
    /// [`Explorer::to_records`] does).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn work(
        &mut self,
        key: &str,
        title: &str,
        kind: WorkKind,
        year: Option<i32>,
        hangul: Option<String>,
        aliases: Vec<String>,
        location: Location,
    ) -> crate::error::Result<usize> {
        let (list, by_key) = (&mut self.records.works, &mut self.works_by_key);
        let i = keyed(list, by_key, key, location, || {
            let Names {
                id,
                name,
                hangul,
                aliases,
            } = Names::new(key, title, hangul, aliases);
            Work {
                hangul,
                aliases,
                ..Work::bare(id, name, kind, year.map(PartialDate::year))
            }
        })?;
        self.year_known.push(year.is_some());
        Ok(i)
    }

    /// Adds a credit of person `p` on work `w`; an exact repeat is skipped
    /// and counted.
    pub(crate) fn credit(
        &mut self,
        p: usize,
        w: usize,
        role: Role,
        generic: bool,
        unverified: bool,
        location: Location,
    ) {
        let provenance = Provenance {
            confidence: if unverified {
                Confidence::Unverified
            } else {
                Confidence::Confirmed
            },
            ..Provenance::default()
        };
        self.link(
            [(RecordKind::Person, p), (RecordKind::Work, w)],
            role,
            generic,
            provenance,
            location,
        );
    }

    /// Adds a credit between any two records (the role fits its ends: the
    /// caller checks); an exact repeat is skipped and counted.
    pub(crate) fn link(
        &mut self,
        ends: [(RecordKind, usize); 2],
        role: Role,
        generic: bool,
        provenance: Provenance,
        location: Location,
    ) {
        let [(fk, f), (tk, t)] = ends;
        let hash = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            role.hash(&mut h);
            h.finish()
        };
        match self.credit_set.entry((fk, f, tk, t, hash)) {
            std::collections::hash_map::Entry::Occupied(first) => {
                if self.records.credits[*first.get()].role == role {
                    self.report
                        .skipped
                        .push((location, "a repeated credit".to_string()));
                    return;
                }
                // Another role with the same hash: kept, not a repeat.
            }
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(self.records.credits.len());
            }
        }
        if generic {
            self.report.generic_roles += 1;
        }
        let key = |kind: RecordKind, i: usize| match kind {
            RecordKind::Person => self.records.people[i].id.clone(),
            RecordKind::Group => self.records.groups[i].id.clone(),
            RecordKind::Work => self.records.works[i].id.clone(),
            RecordKind::Organisation => self.records.organisations[i].id.clone(),
        };
        let (from, to) = (key(fk, f), key(tk, t));
        self.records.credits.push(Credit {
            from,
            to,
            role,
            notes: provenance.notes,
            sources: provenance.sources,
            confidence: provenance.confidence,
        });
        self.credit_ends.push(ends);
        self.credit_locations.push(location);
    }

    /// Adds a group; a repeated key is a [`ErrorKind::DuplicateId`].
    pub(crate) fn group(
        &mut self,
        key: &str,
        name: &str,
        kind: GroupKind,
        hangul: Option<String>,
        aliases: Vec<String>,
        location: Location,
    ) -> crate::error::Result<usize> {
        let (list, by_key) = (&mut self.records.groups, &mut self.groups_by_key);
        let make = || named!(Group(key, name, hangul, aliases), kind: kind, ids: Ids::default());
        keyed(list, by_key, key, location, make)
    }

    /// Adds an organisation; a repeated key is a [`ErrorKind::DuplicateId`].
    pub(crate) fn organisation(
        &mut self,
        key: &str,
        name: &str,
        kind: OrganisationKind,
        hangul: Option<String>,
        aliases: Vec<String>,
        location: Location,
    ) -> crate::error::Result<usize> {
        let (list, by_key) = (
            &mut self.records.organisations,
            &mut self.organisations_by_key,
        );
        let make = || named!(Organisation(key, name, hangul, aliases), kind: kind);
        keyed(list, by_key, key, location, make)
    }

    /// Sets the confidence, sources and notes of a record just added.
    pub(crate) fn provenance(&mut self, kind: RecordKind, i: usize, p: Provenance) {
        let r = &mut self.records;
        let (confidence, sources, notes) = match kind {
            RecordKind::Person => {
                let x = &mut r.people[i];
                (&mut x.confidence, &mut x.sources, &mut x.notes)
            }
            RecordKind::Group => {
                let x = &mut r.groups[i];
                (&mut x.confidence, &mut x.sources, &mut x.notes)
            }
            RecordKind::Work => {
                let x = &mut r.works[i];
                (&mut x.confidence, &mut x.sources, &mut x.notes)
            }
            RecordKind::Organisation => {
                let x = &mut r.organisations[i];
                (&mut x.confidence, &mut x.sources, &mut x.notes)
            }
        };
        *confidence = p.confidence;
        *sources = p.sources;
        *notes = p.notes;
    }

    /// Records a skip.
    pub(crate) fn skip(&mut self, location: Location, why: impl Into<String>) {
        self.report.skipped.push((location, why.into()));
    }

    /// Builds the explorer: the same graph builder as the RON catalog,
    /// with the records kept as details.
    pub(crate) fn finish(self) -> Loaded {
        crate::graph::memory_phase("records staged");
        let Staged {
            records,
            credit_locations,
            year_known,
            credit_ends,
            mut report,
            ..
        } = self;
        let mut b = GraphBuilder::new();
        fn names(
            t: &mut crate::graph::Table,
            hangul: &Option<String>,
            aliases: &[String],
            c: Confidence,
        ) {
            if let Some(h) = hangul {
                t.set_hangul(h);
            }
            for a in aliases {
                t.add_alias(a);
            }
            if c.is_unverified() {
                t.mark_unverified();
            }
        }
        let mut people = Vec::with_capacity(records.people.len());
        for p in &records.people {
            let id = b.person(&p.id, &p.name, p.born.map(|d| d.year));
            names(&mut b.people, &p.hangul, &p.aliases, p.confidence);
            people.push(Entity::Person(id));
        }
        let mut groups = Vec::with_capacity(records.groups.len());
        for g in &records.groups {
            let id = b.group(&g.id, &g.name);
            names(&mut b.groups, &g.hangul, &g.aliases, g.confidence);
            groups.push(Entity::Group(id));
        }
        let mut works = Vec::with_capacity(records.works.len());
        for (i, w) in records.works.iter().enumerate() {
            let year = year_known[i].then_some(w.released.year);
            let id = b.work(&w.id, &w.title, w.kind, year);
            names(&mut b.works, &w.hangul, &w.aliases, w.confidence);
            works.push(Entity::Work(id));
        }
        let mut organisations = Vec::with_capacity(records.organisations.len());
        for o in &records.organisations {
            let id = b.organisation(&o.id, &o.name);
            names(&mut b.organisations, &o.hangul, &o.aliases, o.confidence);
            organisations.push(Entity::Organisation(id));
        }
        let entity = |(kind, i): (RecordKind, usize)| match kind {
            RecordKind::Person => people[i],
            RecordKind::Group => groups[i],
            RecordKind::Work => works[i],
            RecordKind::Organisation => organisations[i],
        };
        for (c, ends) in records.credits.iter().zip(&credit_ends) {
            b.credit(
                entity(ends[0]),
                entity(ends[1]),
                &c.role,
                c.confidence.is_unverified(),
            );
        }
        report.people = records.people.len();
        report.works = records.works.len();
        report.credits = records.credits.len();
        report.groups = records.groups.len();
        report.organisations = records.organisations.len();
        b.details(Details {
            records,
            credit_locations,
        });
        let explorer = Explorer::from_graph(b.build());
        crate::graph::memory_phase("explorer ready");
        Loaded { explorer, report }
    }
}

pub(super) fn duplicate(key: &str, first: &Location, location: Location) -> Error {
    at(
        ErrorKind::DuplicateId {
            id: key.to_string(),
            first: Some(first.clone()),
        },
        location,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(n: usize) -> Location {
        Location {
            file: "t.csv".into(),
            line: n,
            column: 1,
        }
    }

    /// Each kind of record keeps its key as given and its name, Hangul name
    /// and aliases in NFC, with no provenance yet; a repeated key is an
    /// error that makes nothing.
    #[test]
    fn every_record_keeps_its_names_in_nfc() {
        let nfd = "\u{1107}\u{1161}\u{11a8}"; // 박, as three jamo
        let mut s = Staged::default();
        let names = || (Some(nfd.to_string()), vec![nfd.to_string(), "Park".into()]);
        let (h, a) = names();
        let p = s.person("k\u{1107}", nfd, h, a, Some(1990), line(1));
        let (h, a) = names();
        let g = s.group("g", nfd, GroupKind::Band, h, a, line(2));
        let (h, a) = names();
        let o = s.organisation("o", nfd, OrganisationKind::Label, h, a, line(3));
        let (h, a) = names();
        let w = s.work("w", nfd, WorkKind::Film, None, h, a, line(4));
        let r = &s.records;
        let (p, g) = (&r.people[p.unwrap()], &r.groups[g.unwrap()]);
        let (o, w) = (&r.organisations[o.unwrap()], &r.works[w.unwrap()]);
        for (name, hangul, aliases) in [
            (&p.name, &p.hangul, &p.aliases),
            (&g.name, &g.hangul, &g.aliases),
            (&o.name, &o.hangul, &o.aliases),
            (&w.title, &w.hangul, &w.aliases),
        ] {
            assert_eq!(name, "박");
            assert_eq!(hangul.as_deref(), Some("박"));
            assert_eq!(aliases, &["박", "Park"]);
        }
        assert_eq!(p.id, "k\u{1107}", "the key is kept as given");
        assert_eq!(p.born, Some(PartialDate::year(1990)));
        assert_eq!((g.kind, o.kind), (GroupKind::Band, OrganisationKind::Label));
        assert_eq!(w.unverified, ["released"], "an unknown year is marked");
        for (confidence, sources, notes, unverified) in [
            (p.confidence, &p.sources, &p.notes, &p.unverified),
            (g.confidence, &g.sources, &g.notes, &g.unverified),
            (o.confidence, &o.sources, &o.notes, &o.unverified),
        ] {
            assert_eq!(confidence, Confidence::Confirmed);
            assert!(sources.is_empty() && notes.is_none() && unverified.is_empty());
        }
        let again = s.group("g", "other", GroupKind::Band, None, Vec::new(), line(5));
        assert!(matches!(
            again.unwrap_err().kind(),
            ErrorKind::DuplicateId { .. }
        ));
        assert_eq!(s.records.groups.len(), 1);
    }
}
