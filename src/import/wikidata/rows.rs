//! One row of SPARQL bindings → records, cross-identifiers and the report
//! ([`State`]), shared by the SPARQL reader and the dump reader, which
//! turns the entities it keeps into rows of the same shape.

use std::collections::HashMap;

use serde::Deserialize;

use super::{CrossId, Scheme, Wikidata, WikidataReport};
use crate::error::{Error, Location};
use crate::import::staged::parse_error;
use crate::model::{
    Confidence, Credit, Group, GroupKind, PartialDate, Person, Records, Role, Work, WorkKind,
};

#[derive(Deserialize)]
pub(super) struct Term {
    #[serde(rename = "type")]
    pub(super) kind: String,
    pub(super) value: String,
    #[serde(rename = "xml:lang", default)]
    pub(super) lang: Option<String>,
}

/// The field of `ids` for `scheme`.
fn slot(ids: &mut crate::model::Ids, scheme: Scheme) -> &mut Option<String> {
    match scheme {
        Scheme::Imdb => &mut ids.imdb,
        Scheme::Wikidata => &mut ids.wikidata,
        Scheme::MusicBrainz => &mut ids.musicbrainz,
    }
}

pub(super) enum Skip {
    /// Left out by rule, with why.
    Left(String),
    /// Malformed.
    Bad(Error),
}

#[derive(Default)]
pub(super) struct State {
    records: Records,
    ids: Vec<CrossId>,
    pub(super) report: WikidataReport,
    /// Record id → position in its section.
    people: HashMap<String, usize>,
    groups: HashMap<String, usize>,
    works: HashMap<String, usize>,
    /// (from, to, role word) → credit position.
    credits: HashMap<(String, String, &'static str), usize>,
}

impl State {
    pub(super) fn finish(mut self) -> Wikidata {
        self.ids.sort();
        self.ids.dedup();
        // Each record carries its own ids too (the first of each scheme).
        for c in &self.ids {
            let r = &mut self.records;
            let ids = if let Some(&i) = self.people.get(&c.record) {
                &mut r.people[i].ids
            } else if let Some(&i) = self.groups.get(&c.record) {
                &mut r.groups[i].ids
            } else if let Some(&i) = self.works.get(&c.record) {
                &mut r.works[i].ids
            } else {
                continue;
            };
            if slot(ids, c.scheme).is_none() {
                *slot(ids, c.scheme) = Some(c.value.clone());
                // Only an id of the database's form: a placeholder such as
                // a fixture's `X-…` stays a cross-identifier only.
                if !ids.malformed().is_empty() {
                    *slot(ids, c.scheme) = None;
                }
            }
        }
        Wikidata {
            records: self.records,
            ids: self.ids,
            report: self.report,
        }
    }

    pub(super) fn row(
        &mut self,
        row: &HashMap<String, Term>,
        at: &dyn Fn(&str) -> Location,
    ) -> std::result::Result<(), Skip> {
        let bad = |value: &str, message: String| Skip::Bad(parse_error(message, at(value)));
        let entity = |var: &str| -> std::result::Result<Option<(String, String)>, Skip> {
            let Some(t) = row.get(var) else {
                return Ok(None);
            };
            if t.kind != "uri" {
                return Err(bad(
                    &t.value,
                    format!(
                        "{var}: expected an entity IRI, found a {} \"{}\"",
                        t.kind, t.value
                    ),
                ));
            }
            let last = t.value.rsplit('/').next().unwrap_or_default();
            let id = last.to_ascii_lowercase();
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                return Err(bad(
                    &t.value,
                    format!(
                        "{var}: \"{}\" does not end in an entity id such as Q42",
                        t.value
                    ),
                ));
            }
            Ok(Some((id, t.value.clone())))
        };
        let literal = |var: &str| row.get(var).map(|t| t.value.as_str());
        let year = |var: &str| -> std::result::Result<Option<i32>, Skip> {
            match row.get(var) {
                None => Ok(None),
                Some(t) => date(&t.value)
                    .map(|d| Some(d.year))
                    .ok_or_else(|| bad(&t.value, format!("{var}: \"{}\" is not a date", t.value))),
            }
        };
        let korean = |var: &str| {
            row.get(var)
                .filter(|t| t.lang.as_deref().is_none_or(|l| l == "ko"))
                .map(|t| t.value.clone())
        };

        let person = entity("person")?;
        let group = entity("group")?;
        let work = entity("work")?;
        let (start, end) = (year("start")?, year("end")?);
        let released = match row.get("released") {
            None => None,
            Some(t) => Some(date(&t.value).ok_or_else(|| {
                bad(&t.value, format!("released: \"{}\" is not a date", t.value))
            })?),
        };
        // Records first: a row without a label for one of its entities is
        // left out whole.
        let secondary = |iri: &str| (vec![iri.to_string()], Confidence::Secondary);
        if let Some((id, iri)) = &person {
            let name = literal("personLabel")
                .ok_or_else(|| Skip::Left(format!("{id}: no personLabel")))?;
            if !self.people.contains_key(id) {
                let (sources, confidence) = secondary(iri);
                self.people.insert(id.clone(), self.records.people.len());
                self.records.people.push(Person {
                    id: id.clone(),
                    name: name.to_string(),
                    hangul: korean("personKo"),
                    aliases: Vec::new(),
                    disambiguation: None,
                    professions: Vec::new(),
                    born: None,
                    notes: None,
                    sources,
                    confidence,
                    unverified: Vec::new(),
                    ids: crate::model::Ids::default(),
                });
            }
            self.cross(id, iri, literal("personImdb"), literal("personMb"));
        }
        if let Some((id, iri)) = &group {
            let name =
                literal("groupLabel").ok_or_else(|| Skip::Left(format!("{id}: no groupLabel")))?;
            let kind = match literal("groupKind") {
                Some("boy band" | "boy group") => Some(GroupKind::BoyGroup),
                Some("girl group") => Some(GroupKind::GirlGroup),
                Some("band") => Some(GroupKind::Band),
                Some("duo") => Some(GroupKind::Duo),
                _ => None,
            };
            if let (Some(&i), Some(kind)) = (self.groups.get(id), kind) {
                // A later row names the kind an earlier one did not.
                let g = &mut self.records.groups[i];
                if g.notes.is_some() {
                    g.kind = kind;
                    g.notes = None;
                    self.report.unknown_group_kinds -= 1;
                }
            }
            if !self.groups.contains_key(id) {
                if kind.is_none() {
                    self.report.unknown_group_kinds += 1;
                }
                let (sources, confidence) = secondary(iri);
                self.groups.insert(id.clone(), self.records.groups.len());
                self.records.groups.push(Group {
                    id: id.clone(),
                    name: name.to_string(),
                    hangul: korean("groupKo"),
                    aliases: Vec::new(),
                    kind: kind.unwrap_or(GroupKind::Band),
                    notes: kind
                        .is_none()
                        .then(|| "Wikidata's rows give no kind of group: Band stands for any musical group.".to_string()),
                    sources,
                    confidence,
                    unverified: Vec::new(),
                    ids: crate::model::Ids::default(),
                });
            }
            self.cross(id, iri, None, literal("groupMb"));
        }
        if let Some((id, iri)) = &work {
            let title =
                literal("workLabel").ok_or_else(|| Skip::Left(format!("{id}: no workLabel")))?;
            if !self.works.contains_key(id) {
                let kind = match literal("kind") {
                    Some("film") => WorkKind::Film,
                    Some("drama") => WorkKind::Drama,
                    Some("mv") => WorkKind::MusicVideo,
                    Some("variety") => WorkKind::Variety,
                    other => {
                        return Err(Skip::Left(format!(
                            "{id}: unknown kind {other:?} (expected film, drama, mv or variety)"
                        )));
                    }
                };
                let released =
                    released.ok_or_else(|| Skip::Left(format!("{id}: no release date")))?;
                let (sources, confidence) = secondary(iri);
                self.works.insert(id.clone(), self.records.works.len());
                self.records.works.push(Work {
                    id: id.clone(),
                    title: title.to_string(),
                    hangul: korean("workKo"),
                    aliases: Vec::new(),
                    kind,
                    released,
                    ended: None,
                    album: None,
                    network: None,
                    notes: None,
                    sources,
                    confidence,
                    unverified: Vec::new(),
                    ids: crate::model::Ids::default(),
                    collections: Vec::new(),
                });
            }
            self.cross(id, iri, literal("workImdb"), None);
        }

        // Then the link.
        let subject = person.as_ref().or(group.as_ref());
        let (from, to, role, word, source) = match (&work, &person, &group) {
            (None, Some(p), Some(g)) => (
                &p.0,
                &g.0,
                Role::Member {
                    since: start,
                    until: end,
                },
                "member",
                &p.1,
            ),
            (Some(w), _, _) if subject.is_some() => {
                let s = subject.expect("checked");
                let (role, word) = match literal("role") {
                    Some("cast") => (
                        Role::Other {
                            name: "cast member".to_string(),
                            on_screen: true,
                            character: None,
                        },
                        "cast",
                    ),
                    Some("performer") => (Role::Performer, "performer"),
                    other => {
                        return Err(Skip::Left(format!(
                            "{} on {}: unknown role {other:?} (expected cast or performer)",
                            s.0, w.0
                        )));
                    }
                };
                (&s.0, &w.0, role, word, &w.1)
            }
            _ => {
                return Err(Skip::Left(
                    "no membership or credit in this row".to_string(),
                ));
            }
        };
        let key = (from.clone(), to.clone(), word);
        if let Some(&i) = self.credits.get(&key) {
            self.report.duplicates += 1;
            let earlier = &self.records.credits[i].role;
            if *earlier != role {
                self.report.conflicts.push((
                    at(from),
                    format!("{from} → {to}: {role:?} here, {earlier:?} in an earlier row (kept)"),
                ));
            }
            return Ok(());
        }
        if word == "member" {
            self.report.members += 1;
        } else {
            self.report.credits += 1;
        }
        self.credits.insert(key, self.records.credits.len());
        self.records.credits.push(Credit {
            from: from.clone(),
            to: to.clone(),
            role,
            notes: None,
            sources: vec![source.clone()],
            confidence: Confidence::Secondary,
        });
        Ok(())
    }

    fn cross(&mut self, id: &str, iri: &str, imdb: Option<&str>, mb: Option<&str>) {
        let last = iri.rsplit('/').next().unwrap_or_default();
        for (scheme, value) in [
            (Scheme::Wikidata, Some(last)),
            (Scheme::Imdb, imdb),
            (Scheme::MusicBrainz, mb),
        ] {
            if let Some(value) = value {
                self.ids.push(CrossId {
                    record: id.to_string(),
                    scheme,
                    value: value.to_string(),
                });
            }
        }
    }
}

/// A SPARQL date (`2006-08-19T00:00:00Z`, `+2006-08-19…`, `2006-08-19`,
/// `2006`) → its date; the month and day are kept only when not `00`.
fn date(value: &str) -> Option<PartialDate> {
    let v = value.strip_prefix('+').unwrap_or(value);
    let v = v.split('T').next()?;
    let mut parts = v.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: Option<u8> = match parts.next() {
        None => None,
        Some(m) => Some(m.parse().ok()?),
    };
    let day: Option<u8> = match parts.next() {
        None => None,
        Some(d) => Some(d.parse().ok()?),
    };
    let month = month.filter(|&m| (1..=12).contains(&m));
    let day = day.filter(|&d| month.is_some() && (1..=31).contains(&d));
    Some(PartialDate { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date("2006-08-19T00:00:00Z").map(|d| d.year), Some(2006));
        assert_eq!(date("+2012-00-00T00:00:00Z").map(|d| d.month), Some(None));
        assert_eq!(date("soon"), None);
    }
}
