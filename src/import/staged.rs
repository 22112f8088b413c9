//! What the CSV, node-link JSON and GraphML readers share: the records they
//! collect, the vocabulary they map (role and kind words), the report, and
//! the one step into the graph builder.

use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Location};
use crate::explorer::Explorer;
use crate::graph::{Details, GraphBuilder};
use crate::id::Entity;
use crate::model::{
    Billing, Confidence, Credit, PartialDate, Person, Records, Role, Work, WorkKind,
};
use crate::search::hangul::to_nfc;

/// What a reader read, kept and left out: every skip is counted.
///
/// # Example
///
/// ```
/// use hallyu::import::Csv;
///
/// let text = "person,work,role,kind,notes\nIU,Palette,dancer,mv,x\nIU,Golden Hour,performer,concert,y\n";
/// let report = Csv::new().from_reader("iu.csv", text.as_bytes())?.report;
/// assert_eq!((report.people, report.works, report.credits), (1, 2, 2));
/// assert_eq!((report.generic_roles, report.generic_kinds), (1, 1)); // `dancer`, `concert`
/// assert_eq!(report.skipped[0].1, "column \"notes\" is not read");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadReport {
    /// People kept.
    pub people: usize,
    /// Works kept.
    pub works: usize,
    /// Credits kept.
    pub credits: usize,
    /// Rows, nodes or edges left out, each with where it is and why
    /// (an edge between two people, a repeated credit, a group node, …).
    pub skipped: Vec<(Location, String)>,
    /// Derived ids that two different names would have shared: the name,
    /// the id it got instead (with a `-2`, `-3`, … suffix), and the other
    /// name that had the plain id.
    pub collisions: Vec<SlugCollision>,
    /// Credits whose role word the model has no variant for, kept as
    /// [`Role::Other`].
    pub generic_roles: usize,
    /// Works whose kind word the model does not know, kept as
    /// [`WorkKind::Other`].
    pub generic_kinds: usize,
}

/// Two names that derive the same id; see [`ReadReport::collisions`].
///
/// # Example
///
/// ```
/// use hallyu::import::{Csv, SlugCollision};
///
/// let text = "person,work\nKim Ji-won,Fight for My Way\nKim Ji Won,Doctor Stranger\n";
/// let report = Csv::new().from_reader("kim.csv", text.as_bytes())?.report;
/// assert_eq!(
///     report.collisions,
///     [SlugCollision {
///         slug: "kim-ji-won".to_string(),
///         first: "Kim Ji-won".to_string(),
///         second: "Kim Ji Won".to_string(),
///         given: "kim-ji-won-2".to_string(),
///     }]
/// );
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlugCollision {
    /// The id both names derive.
    pub slug: String,
    /// The name that kept it.
    pub first: String,
    /// The name that got [`SlugCollision::given`] instead.
    pub second: String,
    /// The id given to the second name.
    pub given: String,
}

/// A reader's result: the explorer and the report.
///
/// # Example
///
/// ```
/// use hallyu::{Filter, import::Csv};
///
/// let text = "person,work\nIU,Palette\nG-Dragon,Palette\n";
/// let loaded = Csv::new().from_reader("palette.csv", text.as_bytes())?;
/// let ex = &loaded.explorer;
/// assert_eq!(ex.co_appearances(ex.person("g-dragon")?, &Filter::new()).len(), 1);
/// assert_eq!(loaded.report.credits, 2);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Debug)]
pub struct Loaded {
    /// The explorer, ready for every query.
    pub explorer: Explorer,
    /// What was read, kept and left out.
    pub report: ReadReport,
}

/// The id derived from a name: lowercase letters and digits (Hangul kept)
/// in runs joined by single hyphens; `x` when nothing is left.
///
/// # Example
///
/// ```
/// assert_eq!(hallyu::import::slug("Park Seo-joon"), "park-seo-joon");
/// assert_eq!(hallyu::import::slug("Tom Hanks"), "tom-hanks");
/// assert_eq!(hallyu::import::slug("J.T. Walsh"), "j-t-walsh");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '\u{2019}' {
            gap = true;
        }
    }
    if out.is_empty() { "x".to_string() } else { out }
}

fn norm(word: &str) -> String {
    word.trim()
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The role a word stands for, with a billing when the source gives one.
/// Returns the role and whether the word was mapped to the generic
/// [`Role::Other`].
///
/// | word | role |
/// |---|---|
/// | `performer`, `self`, `host` | `Performer` |
/// | `featured`, `feat`, `featuring` | `Featured` |
/// | `lead`, `supporting`, `cameo` | `Cast` with that billing |
/// | `cast`, `actor`, `actress`, `acted in` with a billing | `Cast` with that billing |
/// | the same without a billing | `Other { name: word, on_screen: true, character }`: no billing is invented |
/// | `director`, `directed` | `Director` |
/// | `composer`, `composed` | `Composer` |
/// | `lyricist` | `Lyricist` |
/// | `music producer` | `MusicProducer` |
/// | `soundtrack` | `Soundtrack` |
/// | `writer`, `wrote`, `screenwriter`, `producer`, `produced`, `editor`, `cinematographer`, `crew`, `reviewed`, `crew of` | `Other { name: word, on_screen: false }` |
/// | anything else (`participant`, `guest`, …) | `Other { name: word, on_screen: true }` |
/// | no role at all | `Other { name: "appearance", on_screen: true }` |
///
/// Words are compared in lowercase, with `_` and `-` read as spaces.
pub(crate) fn role_of_word(
    word: Option<&str>,
    billing: Option<Billing>,
    character: Option<String>,
) -> (Role, bool) {
    let Some(raw) = word.map(str::trim).filter(|w| !w.is_empty()) else {
        return match billing {
            Some(billing) => (Role::Cast { billing, character }, false),
            None => (
                Role::Other {
                    name: "appearance".into(),
                    on_screen: true,
                    character,
                },
                true,
            ),
        };
    };
    let w = norm(raw);
    let other = |on_screen, character| Role::Other {
        name: raw.to_string(),
        on_screen,
        character,
    };
    let cast = |billing, character| Role::Cast { billing, character };
    let role = match w.as_str() {
        "performer" | "self" | "host" => Role::Performer,
        "featured" | "feat" | "featuring" => Role::Featured,
        "lead" => cast(Billing::Lead, character),
        "supporting" => cast(Billing::Supporting, character),
        "cameo" => cast(Billing::Cameo, character),
        "cast" | "actor" | "actress" | "acted in" if billing.is_some() => {
            cast(billing.expect("checked"), character)
        }
        "director" | "directed" => Role::Director,
        "composer" | "composed" => Role::Composer,
        "lyricist" => Role::Lyricist,
        "music producer" => Role::MusicProducer,
        "soundtrack" => Role::Soundtrack { song: None },
        "writer" | "wrote" | "screenwriter" | "producer" | "produced" | "editor"
        | "cinematographer" | "crew" | "reviewed" | "crew of" => {
            return (other(false, character), true);
        }
        _ => return (other(true, character), true),
    };
    (role, false)
}

/// The work kind a word stands for (`mv`, `music video`, `drama`, `film`,
/// `movie`, `variety`, `commercial`), else [`WorkKind::Other`]; the flag
/// says whether the word was unknown.
pub(crate) fn kind_of_word(word: Option<&str>) -> (WorkKind, bool) {
    let Some(w) = word.map(str::trim).filter(|w| !w.is_empty()) else {
        return (WorkKind::Other, false);
    };
    if norm(w) == "movie" {
        return (WorkKind::Film, false);
    }
    match w.parse::<WorkKind>() {
        Ok(k) => (k, false),
        Err(_) => (WorkKind::Other, norm(w) != "other"),
    }
}

/// A billing word: `lead`, `supporting` or `cameo`.
pub(crate) fn billing_of_word(word: &str) -> Option<Option<Billing>> {
    match norm(word).as_str() {
        "" => Some(None),
        "lead" => Some(Some(Billing::Lead)),
        "supporting" => Some(Some(Billing::Supporting)),
        "cameo" => Some(Some(Billing::Cameo)),
        _ => None,
    }
}

/// An error at a position.
pub(crate) fn at(kind: ErrorKind, location: Location) -> Error {
    Error::new(kind).at(Some(location))
}

/// A syntax or shape error at a position.
pub(crate) fn parse_error(message: impl Into<String>, location: Location) -> Error {
    at(
        ErrorKind::Parse {
            message: message.into(),
        },
        location,
    )
}

/// An I/O error on a path, kept as the error's source.
pub(crate) fn io_error(path: &std::path::Path, e: std::io::Error) -> Error {
    Error::io(path, e)
}

/// The 1-based line and column (in characters) of a byte offset.
pub(crate) fn position(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

/// Line and column of byte offsets that come in increasing order, in time
/// proportional to the text (an offset before the last one starts over).
#[derive(Debug)]
pub(crate) struct Positions<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
    column: usize,
}

impl<'t> Positions<'t> {
    pub(crate) fn new(text: &'t str) -> Positions<'t> {
        Positions {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub(crate) fn at(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            *self = Positions::new(self.text);
        }
        let segment = &self.text[self.offset..offset];
        match segment.rfind('\n') {
            Some(i) => {
                self.line += segment.bytes().filter(|&b| b == b'\n').count();
                self.column = segment[i + 1..].chars().count() + 1;
            }
            None => self.column += segment.chars().count(),
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

/// The bytes of a file and the name its errors print. Anything but a
/// regular file (a FIFO would block, a device such as `/dev/zero` never
/// ends) is refused by type before it is opened, and again on the file
/// opened (the path may have changed); a regular file is read to the size
/// it had then.
pub(crate) fn read_path(path: &std::path::Path) -> crate::error::Result<(String, Vec<u8>)> {
    use std::io::Read;
    super::tsv::regular_file(path)?;
    let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let meta = file.metadata().map_err(|e| io_error(path, e))?;
    if !meta.is_file() {
        return Err(crate::error::not_regular(path, &meta.file_type()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(meta.len())
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    Ok((path.display().to_string(), bytes))
}

/// Everything a reader gives; `name` is the file name errors print.
pub(crate) fn read_all(
    name: &str,
    mut reader: impl std::io::Read,
) -> crate::error::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| crate::error::Error::io(name, e))?;
    Ok(bytes)
}

/// `from_path` and `from_reader` of a one-file reader `$ty` whose
/// `read(&self, file, bytes)` parses a file's bytes; `$errors` is the
/// `# Errors` text of `from_path`, `$path_example` and `$reader_example` the
/// code of their examples.
macro_rules! one_file_reader {
    ($ty:ident, $errors:literal, $path_example:literal, $reader_example:literal) => {
        impl $ty {
            /// Reads a file.
            ///
            /// # Errors
            ///
            #[doc = $errors]
            ///
            /// # Example
            ///
            /// ```
            #[doc = $path_example]
            /// ```
            pub fn from_path(
                &self,
                path: impl AsRef<std::path::Path>,
            ) -> $crate::error::Result<super::staged::Loaded> {
                let (name, bytes) = super::staged::read_path(path.as_ref())?;
                self.read(&name, &bytes)
            }

            /// Reads from a reader; `name` is the file name errors print.
            ///
            /// # Errors
            ///
            #[doc = concat!("As [`", stringify!($ty), "::from_path`].")]
            ///
            /// # Example
            ///
            /// ```
            #[doc = $reader_example]
            /// ```
            pub fn from_reader(
                &self,
                name: &str,
                reader: impl std::io::Read,
            ) -> $crate::error::Result<super::staged::Loaded> {
                self.read(name, &super::staged::read_all(name, reader)?)
            }
        }
    };
}
pub(crate) use one_file_reader;

/// Bytes as UTF-8, or an error at the first invalid byte.
pub(crate) fn utf8<'a>(file: &str, bytes: &'a [u8]) -> crate::error::Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        let text = std::str::from_utf8(&bytes[..good]).expect("valid prefix");
        let (line, column) = position(text, good);
        parse_error(
            "invalid UTF-8",
            Location {
                file: file.to_string(),
                line,
                column,
            },
        )
    })
}

/// A name in NFC, as the readers keep names (see [`to_nfc`]).
fn nfc_owned(s: String) -> String {
    match to_nfc(&s) {
        std::borrow::Cow::Owned(normal) => normal,
        std::borrow::Cow::Borrowed(_) => s,
    }
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
    pub(crate) report: ReadReport,
    credit_set: std::collections::HashSet<(usize, usize, String)>,
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
        keyed(list, by_key, key, location, || Person {
            id: key.to_string(),
            name: to_nfc(name).into_owned(),
            hangul: hangul.map(nfc_owned),
            aliases: aliases.into_iter().map(nfc_owned).collect(),
            disambiguation: None,
            professions: Vec::new(),
            born: born.map(PartialDate::year),
            notes: None,
            sources: Vec::new(),
            confidence: Confidence::Confirmed,
            unverified: Vec::new(),
        })
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
        let i = keyed(list, by_key, key, location, || Work {
            hangul: hangul.map(nfc_owned),
            aliases: aliases.into_iter().map(nfc_owned).collect(),
            ..Work::bare(
                key.to_string(),
                to_nfc(title).into_owned(),
                kind,
                year.map(PartialDate::year),
            )
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
        let fingerprint = (p, w, format!("{role:?}"));
        if !self.credit_set.insert(fingerprint) {
            self.report
                .skipped
                .push((location, "a repeated credit".to_string()));
            return;
        }
        if generic {
            self.report.generic_roles += 1;
        }
        self.records.credits.push(Credit {
            from: self.records.people[p].id.clone(),
            to: self.records.works[w].id.clone(),
            role,
            notes: None,
            sources: Vec::new(),
            confidence: if unverified {
                Confidence::Unverified
            } else {
                Confidence::Confirmed
            },
        });
        self.credit_locations.push(location);
    }

    /// Records a skip.
    pub(crate) fn skip(&mut self, location: Location, why: impl Into<String>) {
        self.report.skipped.push((location, why.into()));
    }

    /// Builds the explorer: the same graph builder as the RON catalog,
    /// with the records kept as details.
    pub(crate) fn finish(self) -> Loaded {
        let Staged {
            records,
            credit_locations,
            year_known,
            mut report,
            ..
        } = self;
        let mut b = GraphBuilder::new();
        let mut people = Vec::with_capacity(records.people.len());
        for p in &records.people {
            let id = b.person(&p.id, &p.name, p.born.map(|d| d.year));
            if let Some(h) = &p.hangul {
                b.people.set_hangul(h);
            }
            for a in &p.aliases {
                b.people.add_alias(a);
            }
            people.push(id);
        }
        let mut works = Vec::with_capacity(records.works.len());
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, w) in records.works.iter().enumerate() {
            let year = year_known[i].then_some(w.released.year);
            let id = b.work(&w.id, &w.title, w.kind, year);
            if let Some(h) = &w.hangul {
                b.works.set_hangul(h);
            }
            for a in &w.aliases {
                b.works.add_alias(a);
            }
            works.push(id);
            index.insert(&w.id, i);
        }
        let person_index: HashMap<&str, usize> = records
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        for c in &records.credits {
            let p = people[person_index[c.from.as_str()]];
            let w = works[index[c.to.as_str()]];
            b.credit(
                Entity::Person(p),
                Entity::Work(w),
                &c.role,
                c.confidence.is_unverified(),
            );
        }
        drop(index);
        drop(person_index);
        report.people = records.people.len();
        report.works = records.works.len();
        report.credits = records.credits.len();
        b.details(Details {
            records,
            credit_locations,
        });
        Loaded {
            explorer: Explorer::from_graph(b.build()),
            report,
        }
    }
}

fn duplicate(key: &str, first: &Location, location: Location) -> Error {
    at(
        ErrorKind::DuplicateId {
            id: key.to_string(),
            first: Some(first.clone()),
        },
        location,
    )
}

/// Gives names ids: the given id, or a slug of the name made unique, with
/// collisions reported.
#[derive(Debug, Default)]
pub(crate) struct Slugs {
    by_identity: HashMap<String, String>,
    taken: HashMap<String, String>,
}

impl Slugs {
    /// The id of the record named `name` (`identity` tells records apart:
    /// the name, or the title and year).
    /// Both are taken in NFC, as the names are kept.
    pub(crate) fn id(&mut self, identity: &str, name: &str, report: &mut ReadReport) -> String {
        let (identity, name) = (&*to_nfc(identity), &*to_nfc(name));
        if let Some(id) = self.by_identity.get(identity) {
            return id.clone();
        }
        let base = slug(name);
        let mut id = base.clone();
        let mut n = 1;
        while self.taken.contains_key(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        if n > 1 {
            report.collisions.push(SlugCollision {
                slug: base.clone(),
                first: self.taken[&base].clone(),
                second: name.to_string(),
                given: id.clone(),
            });
        }
        self.taken.insert(id.clone(), name.to_string());
        self.by_identity.insert(identity.to_string(), id.clone());
        id
    }
}

/// An attribute value of a graph file.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Attr {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    List(Vec<String>),
}

impl Attr {
    fn text(&self) -> String {
        match self {
            Attr::Text(s) => s.clone(),
            Attr::Int(i) => i.to_string(),
            Attr::Float(f) => f.to_string(),
            Attr::Bool(b) => b.to_string(),
            Attr::List(l) => l.join("; "),
        }
    }

    fn int(&self) -> Option<i64> {
        match self {
            Attr::Int(i) => Some(*i),
            Attr::Float(f) if f.fract() == 0.0 => Some(*f as i64),
            Attr::Float(_) => None,
            Attr::Text(s) => s.trim().parse().ok(),
            Attr::Bool(b) => Some(i64::from(*b)),
            Attr::List(_) => None,
        }
    }

    fn list(&self) -> Vec<String> {
        match self {
            Attr::List(l) => l.clone(),
            other => other
                .text()
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        }
    }
}

/// A node of a graph file.
#[derive(Clone, Debug)]
pub(crate) struct GraphNode {
    pub(crate) id: String,
    pub(crate) attrs: HashMap<String, Attr>,
    pub(crate) location: Location,
}

/// An edge of a graph file.
#[derive(Clone, Debug)]
pub(crate) struct GraphEdge {
    pub(crate) source: String,
    pub(crate) target: String,
    pub(crate) attrs: HashMap<String, Attr>,
    pub(crate) location: Location,
    /// Where the source and target ids are written.
    pub(crate) ends: [Location; 2],
}

/// Fills the records from the nodes and edges of a NetworkX-style graph
/// file: people and works told apart by `bipartite` (0 or 1) or `kind`
/// (`person`, `work` or a work kind).
pub(crate) fn from_graph(
    nodes: Vec<GraphNode>,
    edges: Vec<GraphEdge>,
) -> crate::error::Result<Loaded> {
    let mut s = Staged::default();
    let mut person_of: HashMap<String, usize> = HashMap::new();
    let mut work_of: HashMap<String, usize> = HashMap::new();
    let mut seen: HashMap<String, Location> = HashMap::new();
    for n in &nodes {
        if let Some(first) = seen.get(&n.id) {
            return Err(duplicate(&n.id, first, n.location.clone()));
        }
        seen.insert(n.id.clone(), n.location.clone());
        let kind = n.attrs.get("kind").map(Attr::text).map(|k| norm(&k));
        let bipartite = n.attrs.get("bipartite").and_then(Attr::int);
        let is_work = match (kind.as_deref(), bipartite) {
            (Some("person"), _) => false,
            (Some("group" | "organisation" | "organization"), _) => {
                s.skip(
                    n.location.clone(),
                    format!("node \"{}\" is a {}", n.id, kind.unwrap_or_default()),
                );
                continue;
            }
            (Some("work"), _) => true,
            (Some(k), None) if kind_of_word(Some(k)).0 != WorkKind::Other || k == "other" => true,
            (_, Some(0)) => false,
            (_, Some(1)) => true,
            (_, Some(b)) => {
                return Err(at(
                    ErrorKind::InvalidValue {
                        what: "bipartite",
                        value: b.to_string(),
                        expected: vec!["0 (people)".into(), "1 (works)".into()],
                    },
                    n.location.clone(),
                ));
            }
            (Some(k), None) => {
                return Err(at(
                    ErrorKind::InvalidValue {
                        what: "node kind",
                        value: k.to_string(),
                        expected: vec!["person".into(), "work".into(), "a work kind".into()],
                    },
                    n.location.clone(),
                ));
            }
            (None, None) => {
                return Err(parse_error(
                    format!(
                        "node \"{}\" has neither a \"bipartite\" nor a \"kind\" attribute",
                        n.id
                    ),
                    n.location.clone(),
                ));
            }
        };
        let label = n
            .attrs
            .get("label")
            .or_else(|| n.attrs.get("name"))
            .or_else(|| n.attrs.get("title"))
            .map(Attr::text)
            .unwrap_or_else(|| n.id.clone());
        let hangul = n.attrs.get("hangul").map(Attr::text);
        let aliases = n.attrs.get("aliases").map(Attr::list).unwrap_or_default();
        let number = |name: &'static str| -> crate::error::Result<Option<i32>> {
            match n.attrs.get(name) {
                None => Ok(None),
                Some(Attr::Text(t)) if t.trim().is_empty() => Ok(None),
                Some(a) => a
                    .int()
                    .and_then(|i| i32::try_from(i).ok())
                    .map(Some)
                    .ok_or_else(|| {
                        at(
                            ErrorKind::InvalidValue {
                                what: name,
                                value: a.text(),
                                expected: vec!["a whole number".into()],
                            },
                            n.location.clone(),
                        )
                    }),
            }
        };
        if is_work {
            let word = n
                .attrs
                .get("work_kind")
                .map(Attr::text)
                .or_else(|| kind.clone().filter(|k| k != "work"));
            let (wk, generic) = kind_of_word(word.as_deref());
            s.report.generic_kinds += usize::from(generic);
            let year = match number("year")? {
                Some(y) => Some(y),
                None => number("start")?,
            };
            let i = s.work(&n.id, &label, wk, year, hangul, aliases, n.location.clone())?;
            work_of.insert(n.id.clone(), i);
        } else {
            let born = number("born")?;
            let i = s.person(&n.id, &label, hangul, aliases, born, n.location.clone())?;
            person_of.insert(n.id.clone(), i);
        }
    }
    for e in edges {
        for (end, loc) in [(&e.source, &e.ends[0]), (&e.target, &e.ends[1])] {
            if !seen.contains_key(end) {
                let suggestion = crate::search::closest(end, seen.keys().map(String::as_str))
                    .map(str::to_string);
                return Err(at(
                    ErrorKind::UnknownReference {
                        id: end.clone(),
                        suggestion,
                    },
                    loc.clone(),
                ));
            }
        }
        let (p, w) = match (
            person_of.get(&e.source),
            work_of.get(&e.target),
            person_of.get(&e.target),
            work_of.get(&e.source),
        ) {
            (Some(&p), Some(&w), _, _) | (_, _, Some(&p), Some(&w)) => (p, w),
            _ => {
                s.skip(
                    e.location.clone(),
                    format!(
                        "edge \"{}\" – \"{}\" does not link a person and a work",
                        e.source, e.target
                    ),
                );
                continue;
            }
        };
        let billing = match e.attrs.get("billing").map(Attr::text) {
            None => None,
            Some(b) => billing_of_word(&b).ok_or_else(|| {
                at(
                    ErrorKind::InvalidValue {
                        what: "billing",
                        value: b.clone(),
                        expected: ["lead", "supporting", "cameo"].map(String::from).to_vec(),
                    },
                    e.location.clone(),
                )
            })?,
        };
        let (role, generic) = role_of_word(
            e.attrs.get("role").map(Attr::text).as_deref(),
            billing,
            e.attrs.get("character").map(Attr::text),
        );
        let unverified = matches!(e.attrs.get("unverified"), Some(Attr::Bool(true)))
            || matches!(e.attrs.get("unverified"), Some(Attr::Text(t)) if t == "true");
        s.credit(p, w, role, generic, unverified, e.location.clone());
    }
    Ok(s.finish())
}
