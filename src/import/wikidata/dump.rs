//! [`Dump`], the streaming reader of Wikidata's entity dump: two passes
//! over its lines, the entities kept turned into rows of the SPARQL shape.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::rows::{Skip, State, Term};
use super::{Wikidata, WikidataReport};
use crate::error::{Error, Location, Result};
use crate::import::staged::parse_error;
use crate::model::WorkKind;

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
/// become [`CrossId`](super::CrossId)s. Groups' kinds are not told by the dump's class ids:
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
