//! [`Sparql`], the reader of Wikidata's SPARQL JSON results: the results
//! parsed whole, each row located in the text and mapped into records.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::Wikidata;
use super::rows::{Skip, State, Term};
use crate::error::{Error, Location, Result};
use crate::import::staged::parse_error;

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
/// | `personImdb`, `workImdb` | IMDb id (P345) | a [`CrossId`](super::CrossId) of [`Scheme::Imdb`](super::Scheme::Imdb) |
/// | `personMb`, `groupMb` | MusicBrainz artist id (P434) | a [`CrossId`](super::CrossId) of [`Scheme::MusicBrainz`](super::Scheme::MusicBrainz) |
/// | `groupKind` | `boy band`, `boy group`, `girl group`, `band`, `duo` | the group's kind; any other or none: `Band`, counted in [`WikidataReport::unknown_group_kinds`](super::WikidataReport::unknown_group_kinds) |
/// | `kind` | `film`, `drama`, `mv`, `variety` | the work's kind |
/// | `released` | a date (`xsd:dateTime`, `2008-08-08T00:00:00Z`) | the work's release (a work without one is left out, counted) |
/// | `start`, `end` | dates (qualifiers P580, P582) | a membership's first and last year |
/// | `role` | `cast` (P161) or `performer` (P175) | the credit of `person` or `group` on `work` |
///
/// A row with `person` and `group` and no `work` is a membership; one with
/// `work`, `role` and a `person` or `group` is a credit. Cast credits carry
/// no billing (Wikidata gives none): they are
/// `Role::Other { name: "cast member", on_screen: true }`, so that no
/// billing is invented. Everything read is
/// [`Confidence::Secondary`](crate::model::Confidence::Secondary): Wikidata
/// is a secondary database. Two rows giving one membership different years
/// are kept apart in
/// [`WikidataReport::conflicts`](super::WikidataReport::conflicts): the
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

#[derive(Deserialize)]
struct Results {
    results: Bindings,
}

#[derive(Deserialize)]
struct Bindings {
    bindings: Vec<HashMap<String, Term>>,
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
    /// [`WikidataReport::skipped`](super::WikidataReport::skipped) with its
    /// location, instead of failing.
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
