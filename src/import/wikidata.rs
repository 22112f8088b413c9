//! Wikidata's answers to the queries of `data/wikidata/*.rq`, in the W3C
//! "SPARQL 1.1 Query Results JSON Format" (`application/sparql-results+json`),
//! → [`Records`] with their cross-identifiers.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::staged::parse_error;
use crate::error::{Error, Location, Result};
use crate::model::{
    Confidence, Credit, Group, GroupKind, PartialDate, Person, Records, Role, Work, WorkKind,
};

/// A reader of SPARQL JSON results of the shapes of `data/wikidata/*.rq`.
///
/// # Variables
///
/// A row binds some of these variables (others are ignored):
///
/// | variable | value | becomes |
/// |---|---|---|
/// | `person`, `group`, `work` | an entity IRI (`http://www.wikidata.org/entity/Q…`) | a person, group or work whose id is the IRI's last segment in lowercase (`q…`); its sources cite the IRI |
/// | `personLabel`, `groupLabel`, `workLabel` | a literal | the name or title (a record without one is left out, counted) |
/// | `personKo`, `groupKo`, `workKo` | a literal with `xml:lang` `ko` | the Hangul |
/// | `personImdb`, `workImdb` | IMDb id (P345) | a [`CrossId`] of [`Scheme::Imdb`] |
/// | `personMb`, `groupMb` | MusicBrainz artist id (P434) | a [`CrossId`] of [`Scheme::MusicBrainz`] |
/// | `groupKind` | `boy band`, `boy group`, `girl group`, `band`, `duo` | the group's kind; any other or none: `Band`, counted in [`WikidataReport::unknown_group_kinds`] |
/// | `kind` | `film`, `drama`, `mv`, `variety` | the work's kind |
/// | `released` | a date (`xsd:dateTime`, `2008-08-08T00:00:00Z`) | the work's release (a work without one is left out, counted) |
/// | `start`, `end` | dates (qualifiers P580, P582) | a membership's first and last year |
/// | `role` | `cast` (P161) or `performer` (P175) | the credit of `person` or `group` on `work` |
///
/// A row with `person` and `group` and no `work` is a membership; one with
/// `work`, `role` and a `person` or `group` is a credit. Cast credits carry
/// no billing (Wikidata gives none): they are
/// `Role::Other { name: "cast member", on_screen: true }`, so that no
/// billing is invented. Everything read is [`Confidence::Secondary`]:
/// Wikidata is a secondary database. Two rows giving one membership
/// different years are kept apart in [`WikidataReport::conflicts`]: the
/// first row's years stay, and the conflict is reported, not resolved.
///
/// # Example
///
/// ```
/// use hallyu::import::Sparql;
/// use hallyu::model::Role;
///
/// let text = r#"{"head": {"vars": ["person", "personLabel", "group", "groupLabel", "end"]},
///   "results": {"bindings": [{
///     "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1"},
///     "personLabel": {"type": "literal", "value": "Seungri", "xml:lang": "en"},
///     "group": {"type": "uri", "value": "http://www.wikidata.org/entity/Q2"},
///     "groupLabel": {"type": "literal", "value": "BIGBANG", "xml:lang": "en"},
///     "end": {"type": "literal", "value": "2019-01-01T00:00:00Z",
///             "datatype": "http://www.w3.org/2001/XMLSchema#dateTime"}}]}}"#;
/// let read = Sparql::new().from_str("members.json", text)?;
/// let credit = &read.records.credits[0];
/// assert_eq!((credit.from.as_str(), credit.to.as_str()), ("q1", "q2"));
/// assert_eq!(credit.role, Role::Member { since: None, until: Some(2019) });
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Sparql {
    skip_bad_rows: bool,
}

/// What [`Sparql`] read: the records, their cross-identifiers and the
/// report.
///
/// # Example
///
/// ```
/// use hallyu::import::Sparql;
///
/// let read = Sparql::new().from_path("tests/fixtures/wikidata/groups.json")?;
/// assert!(read.records.groups.iter().any(|g| g.name == "BIGBANG"));
/// assert_eq!(read.report.rows, read.report.members + read.report.skipped.len());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Wikidata {
    /// People, groups, works and credits, ids `q…`.
    pub records: Records,
    /// The identifiers each record has in other databases.
    pub ids: Vec<CrossId>,
    /// What was read and left out.
    pub report: WikidataReport,
}

/// An identifier of a record in another database.
///
/// # Example
///
/// ```
/// use hallyu::import::{Scheme, Sparql};
///
/// let read = Sparql::new().from_path("tests/fixtures/wikidata/casts.json")?;
/// assert!(read.ids.iter().any(|c| c.scheme == Scheme::Imdb));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct CrossId {
    /// The record's id in the records read.
    pub record: String,
    /// Which database.
    pub scheme: Scheme,
    /// The id there (`nm0000001`, a MusicBrainz UUID, `Q…`).
    pub value: String,
}

/// The databases of [`CrossId`].
///
/// # Example
///
/// ```
/// use hallyu::import::Scheme;
///
/// assert_eq!(Scheme::Imdb.property(), Some("P345"));
/// assert_eq!(Scheme::MusicBrainz.property(), Some("P434"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Scheme {
    /// Wikidata itself (the `Q…` id).
    Wikidata,
    /// IMDb (`nm…`, `tt…`), Wikidata's P345.
    Imdb,
    /// MusicBrainz artist ids, Wikidata's P434.
    MusicBrainz,
}

impl Scheme {
    /// The Wikidata property that holds this identifier.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(hallyu::import::Scheme::Wikidata.property(), None);
    /// ```
    pub fn property(self) -> Option<&'static str> {
        match self {
            Scheme::Wikidata => None,
            Scheme::Imdb => Some("P345"),
            Scheme::MusicBrainz => Some("P434"),
        }
    }
}

/// What [`Sparql`] read and left out.
///
/// # Example
///
/// ```
/// use hallyu::import::Sparql;
///
/// let read = Sparql::new().from_path("tests/fixtures/wikidata/casts.json")?;
/// let r = &read.report;
/// assert_eq!(r.rows, r.members + r.credits + r.duplicates + r.skipped.len());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WikidataReport {
    /// Rows (bindings) read.
    pub rows: usize,
    /// Memberships kept.
    pub members: usize,
    /// Credits on works kept.
    pub credits: usize,
    /// Rows that repeat a kept membership or credit.
    pub duplicates: usize,
    /// Groups whose kind the rows do not give, kept as `Band`.
    pub unknown_group_kinds: usize,
    /// Rows left out, each with where it is and why (no label, no release
    /// date, an unknown role or kind, a malformed value with
    /// [`Sparql::skip_bad_rows`]).
    pub skipped: Vec<(Location, String)>,
    /// Rows that disagree with an earlier row (membership years), each with
    /// where it is and what differs; the earlier row's value is kept.
    pub conflicts: Vec<(Location, String)>,
}

#[derive(Deserialize)]
struct Results {
    results: Bindings,
}

#[derive(Deserialize)]
struct Bindings {
    bindings: Vec<HashMap<String, Term>>,
}

#[derive(Deserialize)]
struct Term {
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(rename = "xml:lang", default)]
    lang: Option<String>,
}

impl Sparql {
    /// A reader that fails on the first malformed value.
    ///
    /// # Example
    ///
    /// ```
    /// let read = hallyu::import::Sparql::new().from_str("empty.json", r#"{"head": {"vars": []}, "results": {"bindings": []}}"#)?;
    /// assert_eq!(read.report.rows, 0);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new() -> Sparql {
        Sparql::default()
    }

    /// Whether to skip rows with a malformed value (an entity that is not
    /// an IRI, a date that is not a date), each counted in
    /// [`WikidataReport::skipped`] with its location, instead of failing.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Sparql;
    ///
    /// let text = r#"{"head": {"vars": ["person", "personLabel", "group", "groupLabel", "start"]},
    ///   "results": {"bindings": [{
    ///     "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1"},
    ///     "personLabel": {"type": "literal", "value": "CL"},
    ///     "group": {"type": "uri", "value": "http://www.wikidata.org/entity/Q2"},
    ///     "groupLabel": {"type": "literal", "value": "2NE1"},
    ///     "start": {"type": "literal", "value": "soon"}}]}}"#;
    /// let err = Sparql::new().from_str("m.json", text).unwrap_err();
    /// assert_eq!(err.location().unwrap().line, 7);
    /// let read = Sparql::new().skip_bad_rows(true).from_str("m.json", text)?;
    /// assert_eq!(read.report.skipped.len(), 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn skip_bad_rows(mut self, yes: bool) -> Sparql {
        self.skip_bad_rows = yes;
        self
    }

    /// Reads one results file.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the file cannot be
    /// read; [`ErrorKind::Parse`](crate::ErrorKind::Parse) at file, line
    /// and column for JSON that is not SPARQL results, or a malformed value.
    ///
    /// # Example
    ///
    /// ```
    /// let read = hallyu::import::Sparql::new().from_path("tests/fixtures/wikidata/music_videos.json")?;
    /// assert!(read.records.works.iter().any(|w| w.title == "Haru Haru"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn from_path(&self, path: impl AsRef<Path>) -> Result<Wikidata> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        self.from_str(&path.display().to_string(), &text)
    }

    /// Reads several results files into one [`Wikidata`]: an entity in
    /// several files is one record (the first file's name wins).
    ///
    /// # Errors
    ///
    /// As [`Sparql::from_path`], for the first file that fails.
    ///
    /// # Example
    ///
    /// ```
    /// let dir = std::path::Path::new("tests/fixtures/wikidata");
    /// let files = ["groups.json", "music_videos.json"].map(|f| dir.join(f));
    /// let read = hallyu::import::Sparql::new().from_paths(&files)?;
    /// // G-Dragon is in both files, once in the records.
    /// assert_eq!(read.records.people.iter().filter(|p| p.name == "G-Dragon").count(), 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn from_paths(&self, paths: &[impl AsRef<Path>]) -> Result<Wikidata> {
        let mut state = State::default();
        for path in paths {
            let path = path.as_ref();
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            self.read(&path.display().to_string(), &text, &mut state)?;
        }
        Ok(state.finish())
    }

    /// Reads results from a string; `file` names it in errors.
    ///
    /// # Errors
    ///
    /// As [`Sparql::from_path`].
    ///
    /// # Example
    ///
    /// ```
    /// let err = hallyu::import::Sparql::new().from_str("x.json", "{\"head\": {}}").unwrap_err();
    /// assert!(err.to_string().contains("results"), "{err}");
    /// ```
    pub fn from_str(&self, file: &str, text: &str) -> Result<Wikidata> {
        let mut state = State::default();
        self.read(file, text, &mut state)?;
        Ok(state.finish())
    }

    fn read(&self, file: &str, text: &str, state: &mut State) -> Result<()> {
        let at = |offset: usize| location(file, text, offset);
        let results: Results = serde_json::from_str(text).map_err(|e| {
            let line = e.line().max(1);
            let loc = Location {
                file: file.to_string(),
                line,
                column: e.column().max(1),
            };
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |m| m.0);
            parse_error(format!("not SPARQL JSON results: {message}"), loc)
        })?;
        // Each row's place in the text: the `{` of each binding, in order.
        let mut cursor = text.find("\"bindings\"").unwrap_or(0);
        for row in &results.results.bindings {
            state.report.rows += 1;
            let start = next_object(text, &mut cursor);
            let outcome = state.row(row, &|value: &str| {
                at(text[start..]
                    .find(&serde_json::to_string(value).unwrap_or_default())
                    .map_or(start, |i| start + i))
            });
            match outcome {
                Ok(()) => {}
                Err(Skip::Left(why)) => state.report.skipped.push((at(start), why)),
                Err(Skip::Bad(e)) if self.skip_bad_rows => {
                    let loc = e.location().cloned().unwrap_or_else(|| at(start));
                    state.report.skipped.push((loc, e.to_string()));
                }
                Err(Skip::Bad(e)) => return Err(e),
            }
        }
        Ok(())
    }
}

/// The field of `ids` for `scheme`.
fn slot(ids: &mut crate::model::Ids, scheme: Scheme) -> &mut Option<String> {
    match scheme {
        Scheme::Imdb => &mut ids.imdb,
        Scheme::Wikidata => &mut ids.wikidata,
        Scheme::MusicBrainz => &mut ids.musicbrainz,
    }
}

/// The start of the next binding object after `cursor`.
fn next_object(text: &str, cursor: &mut usize) -> usize {
    // Skip the `[` of the list, then find the next `{` at the row's depth:
    // a row's terms are objects too, so count depth.
    let bytes = text.as_bytes();
    let mut i = *cursor;
    let mut depth = 0i32;
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            if b == b'\\' {
                i += 1;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b'{' {
            if depth == 0 {
                // Find the end of this row to move the cursor past it.
                let start = i;
                let mut d = 0i32;
                let mut s = false;
                let mut j = i;
                while j < bytes.len() {
                    let c = bytes[j];
                    if s {
                        if c == b'\\' {
                            j += 1;
                        } else if c == b'"' {
                            s = false;
                        }
                    } else if c == b'"' {
                        s = true;
                    } else if c == b'{' {
                        d += 1;
                    } else if c == b'}' {
                        d -= 1;
                        if d == 0 {
                            break;
                        }
                    }
                    j += 1;
                }
                *cursor = j + 1;
                return start;
            }
            depth += 1;
        } else if b == b'}' {
            depth -= 1;
        }
        i += 1;
    }
    *cursor
}

/// The line and column (in characters) of byte `offset` of `text`.
fn location(file: &str, text: &str, offset: usize) -> Location {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location {
        file: file.to_string(),
        line,
        column: before[line_start..].chars().count() + 1,
    }
}

enum Skip {
    /// Left out by rule, with why.
    Left(String),
    /// Malformed.
    Bad(Error),
}

#[derive(Default)]
struct State {
    records: Records,
    ids: Vec<CrossId>,
    report: WikidataReport,
    /// Record id → position in its section.
    people: HashMap<String, usize>,
    groups: HashMap<String, usize>,
    works: HashMap<String, usize>,
    /// (from, to, role word) → credit position.
    credits: HashMap<(String, String, &'static str), usize>,
}

impl State {
    fn finish(mut self) -> Wikidata {
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

    fn row(
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

/// A streaming reader of Wikidata's entity dump (`latest-all.json`, or
/// `.json.gz` with the `gzip` feature): a JSON array with one entity per
/// line, each line but the last ending in a comma.
///
/// It keeps what the queries of `data/wikidata/` would: films (Q11424),
/// television series (Q5398426) and music videos (Q193977) whose country of
/// origin (P495) is South Korea (Q884), with their cast (P161) and
/// performers (P175); groups from South Korea with parts (P527), with their
/// members and the members' own "member of" (P463) statements, qualifier
/// years (P580, P582) becoming membership years; and the people those
/// name. Labels in English become names, in Korean Hangul; P345 and P434
/// become [`CrossId`]s. Groups' kinds are not told by the dump's class ids:
/// they are counted in [`WikidataReport::unknown_group_kinds`].
///
/// The file is read twice, one line at a time: the first pass keeps the
/// Korean works and groups (and the ids they name), the second the people
/// they name or who name them. Memory holds those records, never the
/// dump; a line longer than 64 MiB is an error.
///
/// # Example
///
/// ```
/// use hallyu::import::Dump;
///
/// let dir = std::env::temp_dir().join(format!("hallyu-doc-dump-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let path = dir.join("latest-all.json");
/// let id = |q: &str| format!(r#"{{"entity-type":"item","id":"{q}"}}"#);
/// let claim = |p: &str, q: &str| format!(
///     r#"{{"mainsnak":{{"snaktype":"value","property":"{p}","datavalue":{{"value":{},"type":"wikibase-entityid"}}}}}}"#, id(q));
/// let group = format!(
///     r#"{{"type":"item","id":"Q2","labels":{{"en":{{"language":"en","value":"2NE1"}}}},"claims":{{"P495":[{}],"P527":[{}]}}}}"#,
///     claim("P495", "Q884"), claim("P527", "Q1"));
/// let cl = r#"{"type":"item","id":"Q1","labels":{"en":{"language":"en","value":"CL"}},"claims":{}}"#;
/// let other = r#"{"type":"item","id":"Q3","labels":{"en":{"language":"en","value":"Someone else"}},"claims":{}}"#;
/// std::fs::write(&path, format!("[\n{cl},\n{group},\n{other}\n]\n"))?;
/// let read = Dump::new().from_path(&path)?;
/// assert_eq!(read.records.people.len(), 1); // CL; not the unconnected Q3
/// assert_eq!(read.report.members, 1);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Dump {
    skip_bad_rows: bool,
}

/// The most bytes of one line of the dump.
const MAX_DUMP_LINE: usize = 64 << 20;

#[derive(Deserialize, Default)]
struct DumpEntity {
    #[serde(default)]
    id: String,
    #[serde(default)]
    labels: DumpLabels,
    #[serde(default)]
    claims: DumpClaims,
}

#[derive(Deserialize, Default)]
struct DumpLabels {
    en: Option<DumpLabel>,
    ko: Option<DumpLabel>,
}

#[derive(Deserialize)]
struct DumpLabel {
    value: String,
}

#[derive(Deserialize, Default)]
#[allow(non_snake_case)]
struct DumpClaims {
    #[serde(default)]
    P31: Vec<Statement>,
    #[serde(default)]
    P161: Vec<Statement>,
    #[serde(default)]
    P175: Vec<Statement>,
    #[serde(default)]
    P345: Vec<Statement>,
    #[serde(default)]
    P434: Vec<Statement>,
    #[serde(default)]
    P463: Vec<Statement>,
    #[serde(default)]
    P495: Vec<Statement>,
    #[serde(default)]
    P527: Vec<Statement>,
    #[serde(default)]
    P577: Vec<Statement>,
    #[serde(default)]
    P580: Vec<Statement>,
}

#[derive(Deserialize)]
struct Statement {
    mainsnak: Snak,
    #[serde(default)]
    qualifiers: Qualifiers,
}

#[derive(Deserialize, Default)]
#[allow(non_snake_case)]
struct Qualifiers {
    #[serde(default)]
    P580: Vec<Snak>,
    #[serde(default)]
    P582: Vec<Snak>,
}

#[derive(Deserialize)]
struct Snak {
    datavalue: Option<DataValue>,
}

#[derive(Deserialize)]
struct DataValue {
    value: serde_json::Value,
}

impl Snak {
    /// The item id (`Q…`) of an entity value.
    fn item(&self) -> Option<&str> {
        self.datavalue.as_ref()?.value.get("id")?.as_str()
    }
    /// A string value (an external id).
    fn string(&self) -> Option<&str> {
        self.datavalue.as_ref()?.value.as_str()
    }
    /// A time value (`+2006-08-19T00:00:00Z`).
    fn time(&self) -> Option<&str> {
        self.datavalue.as_ref()?.value.get("time")?.as_str()
    }
}

fn items(statements: &[Statement]) -> impl Iterator<Item = &str> {
    statements.iter().filter_map(|s| s.mainsnak.item())
}

/// A Korean work of the first pass: the entity, its kind, its release and
/// the ids it credits with their role words.
type KeptWork = (Kept, WorkKind, Option<String>, Vec<(String, &'static str)>);

/// A Korean group of the first pass and its parts with their qualifier
/// dates.
type KeptGroup = (Kept, Vec<(String, Option<String>, Option<String>)>);

/// Maps one row of the SPARQL shape into `state`, counting a skip.
fn emit(state: &mut State, row: &HashMap<String, Term>, file: &str, line: usize) {
    let at = |_: &str| dump_line(file, line);
    match state.row(row, &at) {
        Ok(()) => {}
        Err(Skip::Left(why)) => state.report.skipped.push((at(""), why)),
        Err(Skip::Bad(e)) => state.report.skipped.push((at(""), e.to_string())),
    }
}

/// Line `line` of the dump `file` (column 1: an entity is one line).
fn dump_line(file: &str, line: usize) -> Location {
    Location {
        file: file.to_string(),
        line,
        column: 1,
    }
}

/// What one pass keeps of an entity.
struct Kept {
    /// The entity's line in the dump, for the reports.
    line: usize,
    id: String,
    en: Option<String>,
    ko: Option<String>,
    imdb: Option<String>,
    mb: Option<String>,
}

impl Dump {
    /// A reader that fails on the first malformed line.
    ///
    /// # Example
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-dump-new-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(dir.join("empty.json"), "[\n]\n")?;
    /// let read = hallyu::import::Dump::new().from_path(dir.join("empty.json"))?;
    /// assert_eq!(read.report.rows, 0);
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Dump {
        Dump::default()
    }

    /// Whether to skip malformed lines (each in
    /// [`WikidataReport::skipped`] with its line) instead of failing.
    ///
    /// # Example
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-dump-skip-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(dir.join("bad.json"), "[\n{\"id\": 3},\n]\n")?;
    /// let err = hallyu::import::Dump::new().from_path(dir.join("bad.json")).unwrap_err();
    /// assert_eq!(err.location().unwrap().line, 2);
    /// let read = hallyu::import::Dump::new().skip_bad_rows(true).from_path(dir.join("bad.json"))?;
    /// assert_eq!(read.report.skipped.len(), 1);
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn skip_bad_rows(mut self, yes: bool) -> Dump {
        self.skip_bad_rows = yes;
        self
    }

    /// Reads the dump at `path` (twice, streaming).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when it cannot be read (a
    /// `.gz` file without the `gzip` feature included);
    /// [`ErrorKind::Parse`](crate::ErrorKind::Parse) at file, line and
    /// column for a line that is not an entity, unless
    /// [`Dump::skip_bad_rows`].
    ///
    /// # Example
    ///
    /// ```
    /// let err = hallyu::import::Dump::new().from_path("no/such/latest-all.json").unwrap_err();
    /// assert!(matches!(err.kind(), hallyu::ErrorKind::Io { .. }));
    /// ```
    pub fn from_path(&self, path: impl AsRef<Path>) -> Result<Wikidata> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let mut state = State::default();
        // Pass 1: Korean works and groups, and the people they name.
        let mut works: Vec<KeptWork> = Vec::new();
        let mut groups: Vec<KeptGroup> = Vec::new();
        let mut named: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut group_ids: std::collections::HashSet<String> = std::collections::HashSet::new();
        self.each(path, &file, &mut state.report, true, |e, line| {
            let korean = items(&e.claims.P495).any(|q| q == "Q884");
            if !korean {
                return;
            }
            let kind = items(&e.claims.P31).find_map(|c| match c {
                "Q11424" => Some(WorkKind::Film),
                "Q5398426" => Some(WorkKind::Drama),
                "Q193977" => Some(WorkKind::MusicVideo),
                _ => None,
            });
            if let Some(kind) = kind {
                let released = e
                    .claims
                    .P577
                    .iter()
                    .chain(&e.claims.P580)
                    .find_map(|s| s.mainsnak.time())
                    .map(str::to_string);
                let mut credits = Vec::new();
                for q in items(&e.claims.P161) {
                    credits.push((q.to_string(), "cast"));
                }
                for q in items(&e.claims.P175) {
                    credits.push((q.to_string(), "performer"));
                }
                named.extend(credits.iter().map(|c| c.0.clone()));
                works.push((kept(&e, line), kind, released, credits));
            } else if !e.claims.P527.is_empty() {
                let members: Vec<_> = e
                    .claims
                    .P527
                    .iter()
                    .filter_map(|s| {
                        let q = s.mainsnak.item()?;
                        let year = |v: &[Snak]| v.iter().find_map(Snak::time).map(str::to_string);
                        Some((
                            q.to_string(),
                            year(&s.qualifiers.P580),
                            year(&s.qualifiers.P582),
                        ))
                    })
                    .collect();
                named.extend(members.iter().map(|m| m.0.clone()));
                group_ids.insert(e.id.clone());
                groups.push((kept(&e, line), members));
            }
        })?;
        // Pass 2: the people named, and anyone who names a kept group.
        let mut people: HashMap<String, Kept> = HashMap::new();
        // (person, group, start, end, the person's line)
        type MemberOf = (String, String, Option<String>, Option<String>, usize);
        let mut member_of: Vec<MemberOf> = Vec::new();
        let rows_first = state.report.rows;
        self.each(path, &file, &mut state.report, false, |e, line| {
            let joins: Vec<_> = e
                .claims
                .P463
                .iter()
                .filter_map(|s| {
                    let g = s.mainsnak.item()?;
                    group_ids.contains(g).then(|| {
                        let year = |v: &[Snak]| v.iter().find_map(Snak::time).map(str::to_string);
                        (
                            g.to_string(),
                            year(&s.qualifiers.P580),
                            year(&s.qualifiers.P582),
                        )
                    })
                })
                .collect();
            let is_group = group_ids.contains(&e.id);
            if !is_group && (named.contains(&e.id) || !joins.is_empty()) {
                for (g, start, end) in joins {
                    member_of.push((e.id.clone(), g, start, end, line));
                }
                people.insert(e.id.clone(), kept(&e, line));
            }
        })?;
        state.report.rows = rows_first;
        // Rows in the shape of the SPARQL results, through the same mapping.
        let iri = |q: &str| format!("http://www.wikidata.org/entity/{q}");
        let term = |v: String| Term {
            kind: "literal".to_string(),
            value: v,
            lang: None,
        };
        let uri = |q: &str| Term {
            kind: "uri".to_string(),
            value: iri(q),
            lang: None,
        };
        let add = |row: &mut HashMap<String, Term>, var: &str, k: &Kept| {
            row.insert(var.to_string(), uri(&k.id));
            if let Some(en) = &k.en {
                row.insert(format!("{var}Label"), term(en.clone()));
            }
            if let Some(ko) = &k.ko {
                row.insert(format!("{var}Ko"), term(ko.clone()));
            }
            if let Some(imdb) = &k.imdb {
                row.insert(format!("{var}Imdb"), term(imdb.clone()));
            }
            if let Some(mb) = &k.mb {
                row.insert(format!("{var}Mb"), term(mb.clone()));
            }
        };
        let group_of: HashMap<&str, &Kept> =
            groups.iter().map(|(k, _)| (k.id.as_str(), k)).collect();
        let membership = |p: &Kept, g: &Kept, start: &Option<String>, end: &Option<String>| {
            let mut row = HashMap::new();
            add(&mut row, "person", p);
            add(&mut row, "group", g);
            if let Some(s) = start {
                row.insert("start".to_string(), term(s.clone()));
            }
            if let Some(e) = end {
                row.insert("end".to_string(), term(e.clone()));
            }
            row
        };
        for (g, members) in &groups {
            for (q, start, end) in members {
                if let Some(p) = people.get(q) {
                    emit(&mut state, &membership(p, g, start, end), &file, g.line);
                }
            }
        }
        for (p, g, start, end, line) in &member_of {
            if let (Some(p), Some(g)) = (people.get(p), group_of.get(g.as_str())) {
                emit(&mut state, &membership(p, g, start, end), &file, *line);
            }
        }
        for (w, kind, released, credits) in &works {
            for (q, role) in credits {
                let mut row = HashMap::new();
                add(&mut row, "work", w);
                let word = match kind {
                    WorkKind::Film => "film",
                    WorkKind::MusicVideo => "mv",
                    _ => "drama",
                };
                row.insert("kind".to_string(), term(word.to_string()));
                if let Some(r) = released {
                    row.insert("released".to_string(), term(r.clone()));
                }
                row.insert("role".to_string(), term((*role).to_string()));
                if let Some(g) = group_of.get(q.as_str()) {
                    add(&mut row, "group", g);
                } else if let Some(p) = people.get(q) {
                    add(&mut row, "person", p);
                } else {
                    state.report.skipped.push((
                        dump_line(&file, w.line),
                        format!("{}: {q} is not in the dump", w.id),
                    ));
                    continue;
                }
                emit(&mut state, &row, &file, w.line);
            }
        }
        Ok(state.finish())
    }

    /// Calls `f` with each entity line of the dump; counts the lines in
    /// `report.rows` and skips or fails on malformed ones (only on the
    /// first pass: the second sees the same lines).
    fn each(
        &self,
        path: &Path,
        file: &str,
        report: &mut WikidataReport,
        first: bool,
        mut f: impl FnMut(DumpEntity, usize),
    ) -> Result<()> {
        let mut reader = open_dump(path)?;
        let mut buf = Vec::new();
        let mut line = 0usize;
        loop {
            buf.clear();
            line += 1;
            let n =
                read_line(&mut reader, &mut buf, MAX_DUMP_LINE).map_err(|e| Error::io(path, e))?;
            if n == 0 {
                return Ok(());
            }
            let loc = |column: usize| Location {
                file: file.to_string(),
                line,
                column,
            };
            if n > MAX_DUMP_LINE {
                return Err(parse_error(
                    format!("line longer than {MAX_DUMP_LINE} bytes"),
                    loc(1),
                ));
            }
            let mut text: &[u8] = &buf;
            while let [rest @ .., b'\n' | b'\r' | b' ' | b','] = text {
                text = rest;
            }
            if matches!(text, b"[" | b"]" | b"") {
                continue;
            }
            if first {
                report.rows += 1;
            }
            match serde_json::from_slice::<DumpEntity>(text) {
                Ok(e) if !e.id.is_empty() => f(e, line),
                Ok(_) => {
                    if first {
                        let err = parse_error("an entity without an id", loc(1));
                        if self.skip_bad_rows {
                            report.skipped.push((loc(1), err.to_string()));
                        } else {
                            return Err(err);
                        }
                    }
                }
                Err(e) => {
                    if first {
                        let err = parse_error(
                            format!(
                                "not an entity: {}",
                                e.to_string()
                                    .rsplit_once(" at line ")
                                    .map_or(e.to_string(), |m| m.0.to_string())
                            ),
                            loc(e.column().max(1)),
                        );
                        if self.skip_bad_rows {
                            report
                                .skipped
                                .push((loc(e.column().max(1)), err.to_string()));
                        } else {
                            return Err(err);
                        }
                    }
                }
            }
        }
    }
}

fn kept(e: &DumpEntity, line: usize) -> Kept {
    Kept {
        line,
        id: e.id.clone(),
        en: e.labels.en.as_ref().map(|l| l.value.clone()),
        ko: e.labels.ko.as_ref().map(|l| l.value.clone()),
        imdb: e
            .claims
            .P345
            .iter()
            .find_map(|s| s.mainsnak.string())
            .map(str::to_string),
        mb: e
            .claims
            .P434
            .iter()
            .find_map(|s| s.mainsnak.string())
            .map(str::to_string),
    }
}

/// The dump, plain or gzip (by its `.gz` name).
fn open_dump(path: &Path) -> Result<Box<dyn std::io::BufRead>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let buffered = std::io::BufReader::with_capacity(1 << 20, file);
    if path.extension().is_some_and(|e| e == "gz") {
        #[cfg(feature = "gzip")]
        return Ok(Box::new(std::io::BufReader::with_capacity(
            1 << 20,
            flate2::read::MultiGzDecoder::new(buffered),
        )));
        #[cfg(not(feature = "gzip"))]
        return Err(Error::io(
            path,
            std::io::Error::other("a .gz dump needs the gzip feature"),
        ));
    }
    Ok(Box::new(buffered))
}

/// Reads one line into `buf`, keeping at most `max + 1` bytes of it (the
/// rest of a longer line is read and dropped); returns the line's length
/// (`max + 1` for a longer one), 0 at the end.
fn read_line(
    r: &mut dyn std::io::BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<usize> {
    let mut total = 0;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok(total.min(max + 1));
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = (max + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..take.min(room)]);
        total += take;
        r.consume(take);
        if done {
            return Ok(total.min(max + 1));
        }
    }
}
