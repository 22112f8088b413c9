//! RON data files → a validated [`Catalog`]: loading, merging, validation
//! with file, line and column.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::error::{Error, ErrorKind, Location, Result, not_regular};
use crate::graph::{Details, Graph, GraphBuilder, Table};
use crate::id::Entity;
use crate::model::{Confidence, Credit, RecordKind, Records, Role};
use crate::search::{closest, edit_distance_within};

/// The plausible range of years for releases, births and memberships.
/// A year outside it is a data error (most likely a typo).
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2035;

/// A validated set of records, merged from one or more RON files.
///
/// Build it with [`Catalog::from_str`], [`Catalog::from_path`] (a file or a
/// directory of `*.ron` files), [`CatalogBuilder`] for several sources, or
/// take the shipped dataset with [`Catalog::bundled`]. Then turn it into an
/// [`Explorer`](crate::Explorer) to ask questions.
///
/// Loading checks, and reports with file, line and column: RON syntax,
/// unknown or missing fields, wrong types, invalid ids (slugs), duplicate
/// ids, references to ids that do not exist (with a suggestion), empty names
/// and titles, Hangul fields without Hangul, implausible years (outside
/// [`PLAUSIBLE_YEARS`]), roles that do not fit their ends, duplicate credits
/// and `unverified` marks that name no field, and invisible or control
/// characters (zero-width spaces, bidirectional controls, escapes,
/// newlines, …) in names, titles, Hangul names and aliases. Every problem
/// of every file is reported, not only the first, up to
/// [`Catalog::MAX_ERRORS`] (the rest are counted). References into a file
/// that failed to parse are not reported: its syntax error is. Names,
/// titles, Hangul names and aliases are put in Unicode normal form C (NFC)
/// on load.
///
/// # Example
///
/// ```
/// use hallyu::Catalog;
///
/// let text = r#"(
///     people: [(id: "iu", name: "IU", sources: ["https://example.org"])],
///     works: [(id: "dream", title: "Dream", kind: Film, released: "2023-04-26")],
///     credits: [(from: "iu", to: "dream", role: Cast(billing: Lead))],
/// )"#;
/// let catalog = Catalog::from_str("mine.ron", text)?;
/// assert_eq!(catalog.records().people.len(), 1);
///
/// let err = Catalog::from_str("bad.ron", &text.replace("to: \"dream\"", "to: \"drem\"")).unwrap_err();
/// assert_eq!(err.to_string(), "bad.ron:4:32: unknown id \"drem\" (did you mean \"dream\"?)");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    records: Records,
    origins: Origins,
}

/// Where each record came from, section by section, in the same order as the
/// merged [`Records`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Origins {
    people: Vec<Location>,
    groups: Vec<Location>,
    works: Vec<Location>,
    organisations: Vec<Location>,
    credits: Vec<Location>,
}

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

impl Catalog {
    /// A failed load lists at most this many problems, in the order found;
    /// the rest are counted by a last entry of kind [`ErrorKind::Omitted`]
    /// ("…and 39900 more errors, not listed"), so that the output of a file
    /// full of mistakes stays short.
    pub const MAX_ERRORS: usize = 100;

    /// The largest RON file [`Catalog::from_path`] reads: 64 MiB (the
    /// bundled dataset is well under 1 MiB). A larger file is an
    /// [`ErrorKind::Io`] that says so, before anything is read.
    pub const MAX_FILE_SIZE: u64 = 64 << 20;

    /// The dataset shipped with the crate (the files of `data/`, compiled in).
    ///
    /// # Panics
    ///
    /// Never in a released build: the shipped data is validated by the
    /// crate's tests.
    pub fn bundled() -> Catalog {
        let mut builder = CatalogBuilder::new();
        for (name, text) in BUNDLED {
            builder.add_str(name, text);
        }
        builder
            .build()
            .unwrap_or_else(|e| panic!("the bundled dataset is invalid:\n{e}"))
    }

    /// Loads one RON document; `name` is used in error positions.
    ///
    /// # Errors
    ///
    /// Any problem listed in the [type's docs](Catalog), with its position.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(name: &str, text: &str) -> Result<Catalog> {
        let mut builder = CatalogBuilder::new();
        builder.add_str(name, text);
        builder.build()
    }

    /// Loads a RON file, or every `*.ron` file of a directory (in name
    /// order), and merges them.
    ///
    /// Only regular files are read: a FIFO, a device (`/dev/zero`) or a
    /// socket is refused by its type before it is opened, and a file larger
    /// than [`Catalog::MAX_FILE_SIZE`] before it is read. In a directory,
    /// every entry named `*.ron` must be such a file: a broken or looping
    /// symbolic link, a FIFO, a directory named `x.ron` or an entry that
    /// cannot be read is an error, never skipped. Entries not named `*.ron`
    /// are not read.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`] when the path or an entry cannot be read or is
    /// not a regular file, a located error for invalid UTF-8, and any
    /// problem listed in the [type's docs](Catalog).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Catalog> {
        let mut builder = CatalogBuilder::new();
        builder.add_path(path);
        builder.build()
    }

    /// Validates records made in code.
    ///
    /// # Errors
    ///
    /// The problems listed in the [type's docs](Catalog) that records can
    /// have once parsed (duplicate ids, unknown references, …), located at
    /// `name:1:1`.
    pub fn from_records(name: &str, records: Records) -> Result<Catalog> {
        let mut builder = CatalogBuilder::new();
        builder.add_records(name, records);
        builder.build()
    }

    /// The merged records.
    pub fn records(&self) -> &Records {
        &self.records
    }

    /// Consumes the catalog and returns its records.
    pub fn into_records(self) -> Records {
        self.records
    }

    /// The catalog written back as one RON document, which loads again into
    /// an equal catalog (up to the positions of its records).
    ///
    /// # Example
    ///
    /// ```
    /// let catalog = hallyu::Catalog::bundled();
    /// let text = catalog.to_ron();
    /// let again = hallyu::Catalog::from_str("again.ron", &text)?;
    /// assert_eq!(again.records(), catalog.records());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .struct_names(false)
            .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
        ron::ser::to_string_pretty(&self.records, config)
            .unwrap_or_else(|e| panic!("records always serialise: {e}"))
    }

    /// Where the record with this id is defined, if it exists.
    pub fn location_of(&self, id: &str) -> Option<&Location> {
        let r = &self.records;
        let o = &self.origins;
        r.people
            .iter()
            .position(|p| p.id == id)
            .map(|i| &o.people[i])
            .or_else(|| {
                r.groups
                    .iter()
                    .position(|g| g.id == id)
                    .map(|i| &o.groups[i])
            })
            .or_else(|| r.works.iter().position(|w| w.id == id).map(|i| &o.works[i]))
            .or_else(|| {
                r.organisations
                    .iter()
                    .position(|x| x.id == id)
                    .map(|i| &o.organisations[i])
            })
    }

    /// Fills a graph builder with the catalog's records (the catalog is
    /// valid, so every credit's ends exist) and keeps the full records as
    /// the graph's details.
    pub(crate) fn into_graph(self) -> Graph {
        let Catalog { records, origins } = self;
        let mut b = GraphBuilder::new();
        let mut keys: HashMap<&str, Entity> = HashMap::new();
        fn names(t: &mut Table, hangul: &Option<String>, aliases: &[String], c: Confidence) {
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
        for p in &records.people {
            let id = b.person(&p.id, &p.name, p.born.map(|d| d.year));
            names(&mut b.people, &p.hangul, &p.aliases, p.confidence);
            keys.insert(&p.id, id.into());
        }
        for g in &records.groups {
            let id = b.group(&g.id, &g.name);
            names(&mut b.groups, &g.hangul, &g.aliases, g.confidence);
            keys.insert(&g.id, id.into());
        }
        for w in &records.works {
            let id = b.work(&w.id, &w.title, w.kind, Some(w.released.year));
            names(&mut b.works, &w.hangul, &w.aliases, w.confidence);
            keys.insert(&w.id, id.into());
        }
        for o in &records.organisations {
            let id = b.organisation(&o.id, &o.name);
            names(&mut b.organisations, &o.hangul, &o.aliases, o.confidence);
            keys.insert(&o.id, id.into());
        }
        for c in &records.credits {
            let (from, to) = (keys[c.from.as_str()], keys[c.to.as_str()]);
            b.credit(from, to, &c.role, c.confidence.is_unverified());
        }
        drop(keys);
        b.details(Details {
            records,
            credit_locations: origins.credits,
        });
        b.build()
    }
}

/// Gathers several RON sources and merges them into one [`Catalog`].
///
/// Problems are collected as sources are added and reported together by
/// [`CatalogBuilder::build`].
///
/// # Example
///
/// ```
/// use hallyu::CatalogBuilder;
///
/// let mut builder = CatalogBuilder::new();
/// builder.add_str("people.ron", r#"(people: [(id: "iu", name: "IU")])"#);
/// builder.add_str("works.ron", r#"(
///     works: [(id: "dream", title: "Dream", kind: Film, released: "2023")],
///     credits: [(from: "iu", to: "dream", role: Cast(billing: Lead))],
/// )"#);
/// let catalog = builder.build()?;
/// assert_eq!(catalog.records().credits.len(), 1);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct CatalogBuilder {
    files: Vec<ParsedFile>,
    errors: Vec<Error>,
    /// The ids that files which failed to parse seem to define: references
    /// to them are not reported (the syntax error is).
    broken_ids: HashSet<String>,
}

#[derive(Debug)]
struct ParsedFile {
    records: Records,
    locator: Locator,
}

impl CatalogBuilder {
    /// An empty builder.
    pub fn new() -> CatalogBuilder {
        CatalogBuilder::default()
    }

    /// Adds one RON document; `name` is used in error positions.
    pub fn add_str(&mut self, name: &str, text: &str) -> &mut CatalogBuilder {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        match options.from_str::<Records>(text) {
            Ok(mut records) => {
                normalise(&mut records);
                let locator = Locator::new(name, text);
                self.files.push(ParsedFile { records, locator });
            }
            Err(e) => {
                self.broken_ids.extend(declared_ids(text));
                let (line, column) = skip_blanks(text, e.span.start.line, e.span.start.col);
                let location = Location {
                    file: name.to_string(),
                    line,
                    column,
                };
                let message = parse_message(&e.code);
                self.errors
                    .push(Error::new(ErrorKind::Parse { message }).at(Some(location)));
            }
        }
        self
    }

    /// Adds records made in code (for example by an importer or a
    /// generator); `name` is used in error positions, which for such records
    /// point at the record's place in its list (`name:credits[3]` is not
    /// available, so line 1, column 1 is given).
    pub fn add_records(&mut self, name: &str, mut records: Records) -> &mut CatalogBuilder {
        normalise(&mut records);
        let locator = Locator {
            file: name.to_string(),
            sections: HashMap::new(),
        };
        self.files.push(ParsedFile { records, locator });
        self
    }

    /// Adds a RON file, or every `*.ron` file of a directory in name order
    /// (see [`Catalog::from_path`] for what is refused).
    pub fn add_path(&mut self, path: impl AsRef<Path>) -> &mut CatalogBuilder {
        let path = path.as_ref();
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.add_dir(path),
            Ok(meta) => self.add_file(path, &meta),
            Err(e) => self.errors.push(io_error(path, &e)),
        }
        self
    }

    fn add_dir(&mut self, path: &Path) {
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => {
                self.errors.push(io_error(path, &e));
                return;
            }
        };
        let mut files = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    let p = entry.path();
                    if p.extension().is_some_and(|x| x == "ron") {
                        files.push(p);
                    }
                }
                Err(e) => self.errors.push(Error::new(ErrorKind::Io {
                    path: path.to_path_buf(),
                    message: format!("an entry of this directory cannot be read: {e}"),
                })),
            }
        }
        files.sort();
        if files.is_empty() {
            self.errors.push(Error::new(ErrorKind::Io {
                path: path.to_path_buf(),
                message: "the directory holds no .ron file".to_string(),
            }));
        }
        for file in files {
            match std::fs::metadata(&file) {
                Ok(meta) if meta.is_dir() => self.errors.push(Error::new(ErrorKind::Io {
                    path: file,
                    message: "a directory named *.ron: only files are read".to_string(),
                })),
                Ok(meta) => self.add_file(&file, &meta),
                Err(e) => self.errors.push(io_error(&file, &e)),
            }
        }
    }

    /// Reads one file whose metadata (following links) is `meta`.
    fn add_file(&mut self, path: &Path, meta: &std::fs::Metadata) {
        if !meta.is_file() {
            self.errors.push(not_regular(path, &meta.file_type()));
            return;
        }
        let bytes = match read_bounded(path, meta) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.errors.push(e);
                return;
            }
        };
        let name = path.display().to_string();
        match std::str::from_utf8(&bytes) {
            Ok(text) => {
                self.add_str(&name, text);
            }
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                let text = String::from_utf8_lossy(good);
                let line = 1 + text.matches('\n').count();
                let column = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
                let message = format!(
                    "invalid UTF-8 (byte 0x{:02x}): data files must be UTF-8",
                    bytes[e.valid_up_to()]
                );
                let location = Location {
                    file: name,
                    line,
                    column,
                };
                self.broken_ids
                    .extend(declared_ids(&String::from_utf8_lossy(&bytes)));
                self.errors
                    .push(Error::new(ErrorKind::Parse { message }).at(Some(location)));
            }
        }
    }

    /// Merges and validates everything added.
    ///
    /// # Errors
    ///
    /// Every problem found, as one [`Error`] (of kind [`ErrorKind::Many`]
    /// when there are several).
    pub fn build(self) -> Result<Catalog> {
        let CatalogBuilder {
            files,
            mut errors,
            broken_ids,
        } = self;
        let mut records = Records::default();
        let mut origins = Origins::default();
        let mut spots = Vec::new();
        for file in files {
            let loc = &file.locator;
            let r = file.records;
            let at = |section: &str, i: usize, field: &str| loc.field(section, i, field);
            origins
                .people
                .extend((0..r.people.len()).map(|i| at("people", i, "id")));
            origins
                .groups
                .extend((0..r.groups.len()).map(|i| at("groups", i, "id")));
            origins
                .works
                .extend((0..r.works.len()).map(|i| at("works", i, "id")));
            origins
                .organisations
                .extend((0..r.organisations.len()).map(|i| at("organisations", i, "id")));
            origins
                .credits
                .extend((0..r.credits.len()).map(|i| at("credits", i, "from")));
            for i in 0..r.credits.len() {
                spots.push([
                    at("credits", i, "from"),
                    at("credits", i, "to"),
                    at("credits", i, "role"),
                ]);
            }
            validate_fields(&r, loc, &mut errors);
            records.people.extend(r.people);
            records.groups.extend(r.groups);
            records.works.extend(r.works);
            records.organisations.extend(r.organisations);
            records.credits.extend(r.credits);
        }
        validate_links(&records, &origins, &spots, &broken_ids, &mut errors);
        if errors.len() > Catalog::MAX_ERRORS {
            let count = errors.len() - Catalog::MAX_ERRORS;
            let at = errors[Catalog::MAX_ERRORS].location().cloned();
            errors.truncate(Catalog::MAX_ERRORS);
            errors.push(Error::new(ErrorKind::Omitted { count }).at(at));
        }
        Error::collect(errors)?;
        Ok(Catalog { records, origins })
    }
}

/// An I/O error on `path`, saying when the path is a symbolic link that
/// leads nowhere or loops.
fn io_error(path: &Path, e: &std::io::Error) -> Error {
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        && std::fs::metadata(path).is_err();
    let message = if link {
        format!("a broken or looping symbolic link: {e}")
    } else {
        e.to_string()
    };
    Error::io(path, std::io::Error::new(e.kind(), message))
}

/// The bytes of a regular file of at most [`Catalog::MAX_FILE_SIZE`]
/// bytes, checked again on the file opened (the path may have changed) and
/// read no further than the cap (the size may have been wrong).
fn read_bounded(path: &Path, meta: &std::fs::Metadata) -> Result<Vec<u8>> {
    use std::io::Read;
    let too_big = |size: u64| {
        Error::new(ErrorKind::Io {
            path: path.to_path_buf(),
            message: format!(
                "the file has {size} bytes, more than the {} a RON file may have \
                 (Catalog::MAX_FILE_SIZE)",
                Catalog::MAX_FILE_SIZE
            ),
        })
    };
    if meta.len() > Catalog::MAX_FILE_SIZE {
        return Err(too_big(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| io_error(path, &e))?;
    let opened = file.metadata().map_err(|e| io_error(path, &e))?;
    if !opened.is_file() {
        return Err(not_regular(path, &opened.file_type()));
    }
    let mut bytes = Vec::with_capacity(opened.len().min(Catalog::MAX_FILE_SIZE) as usize);
    file.take(Catalog::MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, &e))?;
    if bytes.len() as u64 > Catalog::MAX_FILE_SIZE {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The ids a RON text that does not parse seems to define: every string
/// written as the value of a field `id` (`id: "park-seo-joon"`, also
/// `r#id`). References to them are not reported as unknown: the file's
/// syntax error is, and the references are checked once it is fixed.
fn declared_ids(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (at, _) in text.match_indices("id") {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let word_start = match before {
            Some(b'#') => at >= 2 && bytes[at - 2] == b'r',
            Some(b) => !(b.is_ascii_alphanumeric() || b == b'_'),
            None => true,
        };
        if !word_start {
            continue;
        }
        let mut i = at + 2;
        let skip = |i: &mut usize| {
            while *i < bytes.len() && bytes[*i].is_ascii_whitespace() {
                *i += 1;
            }
        };
        skip(&mut i);
        if bytes.get(i) != Some(&b':') {
            continue;
        }
        i += 1;
        skip(&mut i);
        if bytes.get(i) != Some(&b'"') {
            continue;
        }
        let start = i + 1;
        if let Some(len) = bytes[start..].iter().position(|&b| b == b'"' || b == b'\n') {
            out.push(text[start..start + len].to_string());
        }
    }
    out
}

/// Names and titles in Unicode normal form C, so that a name typed with
/// combining marks (NFD, as macOS file names are) and the same name
/// precomposed are one name. Marks naming an alias follow their alias.
fn normalise(r: &mut Records) {
    fn nfc(s: &mut String) {
        if let std::borrow::Cow::Owned(normal) = crate::search::hangul::to_nfc(s) {
            *s = normal;
        }
    }
    fn names(
        name: &mut String,
        hangul: &mut Option<String>,
        aliases: &mut [String],
        marks: &mut [String],
    ) {
        nfc(name);
        hangul.iter_mut().for_each(nfc);
        aliases.iter_mut().for_each(nfc);
        marks.iter_mut().for_each(nfc);
    }
    for p in &mut r.people {
        names(
            &mut p.name,
            &mut p.hangul,
            &mut p.aliases,
            &mut p.unverified,
        );
    }
    for g in &mut r.groups {
        names(
            &mut g.name,
            &mut g.hangul,
            &mut g.aliases,
            &mut g.unverified,
        );
    }
    for w in &mut r.works {
        names(
            &mut w.title,
            &mut w.hangul,
            &mut w.aliases,
            &mut w.unverified,
        );
    }
    for o in &mut r.organisations {
        names(
            &mut o.name,
            &mut o.hangul,
            &mut o.aliases,
            &mut o.unverified,
        );
    }
}

/// The first character of a name that cannot be seen or that controls the
/// terminal: a control character (a tab, a newline, an escape), a
/// zero-width or bidirectional formatting character, a soft hyphen, a
/// byte-order mark. Returns its 1-based position in characters and the
/// character.
pub(crate) fn invisible(s: &str) -> Option<(usize, char)> {
    s.chars().enumerate().find_map(|(i, c)| {
        let bad = c.is_control()
            || matches!(
                c,
                '\u{00AD}'
                    | '\u{034F}'
                    | '\u{061C}'
                    | '\u{115F}'
                    | '\u{1160}'
                    | '\u{17B4}'
                    | '\u{17B5}'
                    | '\u{180E}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2060}'..='\u{206F}'
                    | '\u{3164}'
                    | '\u{FEFF}'
                    | '\u{FFA0}'
                    | '\u{FFF9}'..='\u{FFFB}'
                    | '\u{1D173}'..='\u{1D17A}'
                    | '\u{E0000}'..='\u{E007F}'
            );
        bad.then_some((i + 1, c))
    })
}

/// An index of ids for "did you mean" suggestions: the ids sorted (for
/// prefixes), and the character bigrams of each id (for typos). An edit
/// changes at most two bigrams of a word padded at both ends, so an id
/// within edit distance `k` of a query of `n` characters shares at least
/// `n + 1 - 2k` of the query's bigrams: only those ids are compared with
/// the query, in a band (see [`edit_distance_within`]).
///
/// [`Suggestions::closest`] gives the same answer as
/// [`closest`] over every id, without a scan.
pub(crate) struct Suggestions<'a> {
    sorted: Vec<&'a str>,
    /// Bigram → (position in `sorted`, how many times the id has it).
    grams: HashMap<(char, char), Vec<(u32, u32)>>,
    /// Ids by length in characters, for queries too short to filter by
    /// bigrams.
    by_len: std::collections::BTreeMap<usize, Vec<u32>>,
    max_len: usize,
    /// Per-id counters, reused by every query.
    counts: std::cell::RefCell<Vec<u32>>,
}

/// The bigrams of `s` padded with `\0` at both ends, with their counts.
fn bigrams(s: &str) -> Vec<((char, char), u32)> {
    let mut grams: Vec<(char, char)> = std::iter::once('\0')
        .chain(s.chars())
        .zip(s.chars().chain(std::iter::once('\0')))
        .collect();
    grams.sort_unstable();
    let mut out: Vec<((char, char), u32)> = Vec::new();
    for g in grams {
        match out.last_mut() {
            Some((last, n)) if *last == g => *n += 1,
            _ => out.push((g, 1)),
        }
    }
    out
}

impl<'a> Suggestions<'a> {
    pub(crate) fn new(ids: impl Iterator<Item = &'a str>) -> Suggestions<'a> {
        let mut sorted: Vec<&str> = ids.collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut grams: HashMap<(char, char), Vec<(u32, u32)>> = HashMap::new();
        let mut by_len: std::collections::BTreeMap<usize, Vec<u32>> = Default::default();
        let mut max_len = 0;
        for (i, id) in sorted.iter().enumerate() {
            for (g, n) in bigrams(id) {
                grams.entry(g).or_default().push((i as u32, n));
            }
            let len = id.chars().count();
            by_len.entry(len).or_default().push(i as u32);
            max_len = max_len.max(len);
        }
        let counts = std::cell::RefCell::new(vec![0; sorted.len()]);
        Suggestions {
            sorted,
            grams,
            by_len,
            max_len,
            counts,
        }
    }

    /// The closest id to `query`, if it is close enough to be a likely typo
    /// or a shortened id: the same rule as [`closest`].
    pub(crate) fn closest(&self, query: &str) -> Option<&'a str> {
        let n = query.chars().count();
        let limit = (n / 3).clamp(1, 4);
        let mut best: Option<(usize, &'a str)> = None;
        fn offer<'a>(best: &mut Option<(usize, &'a str)>, d: usize, c: &'a str) {
            if best.is_none_or(|b| (d, c) < b) {
                *best = Some((d, c));
            }
        }
        // A shortened id: the first id (in order) that starts with the query.
        if n >= 3 {
            let at = self.sorted.partition_point(|s| *s < query);
            if let Some(c) = self.sorted.get(at).filter(|c| c.starts_with(query)) {
                offer(&mut best, limit, c);
            }
        }
        if n > self.max_len + limit {
            return best.map(|(_, c)| c);
        }
        let need = (n + 1).saturating_sub(2 * limit);
        if need == 0 {
            // A query of at most one character (no prefix rule): the ids
            // of nearby lengths, compared one by one.
            let window = self
                .by_len
                .range(n.saturating_sub(limit)..=n + limit)
                .flat_map(|(_, v)| v.iter().map(|&i| self.sorted[i as usize]));
            return closest(query, window);
        }
        let mut counts = self.counts.borrow_mut();
        let mut touched: Vec<u32> = Vec::new();
        for (g, k) in bigrams(query) {
            for &(i, m) in self.grams.get(&g).map_or(&[][..], Vec::as_slice) {
                let slot = &mut counts[i as usize];
                if *slot == 0 {
                    touched.push(i);
                }
                *slot += k.min(m);
            }
        }
        // Most shared bigrams first: an id sharing `s` of them is at least
        // (n + 1 - s) / 2 edits away, so the search stops once that bound
        // passes the best distance found.
        let mut candidates: Vec<(u32, u32)> = touched
            .iter()
            .map(|&i| (std::mem::take(&mut counts[i as usize]), i))
            .filter(|&(shared, _)| shared as usize >= need)
            .collect();
        drop(counts);
        candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (shared, i) in candidates {
            let bound = (n + 1 - (shared as usize).min(n + 1)).div_ceil(2);
            let within = best.map_or(limit, |(d, _)| d);
            if bound > within {
                break;
            }
            let c = self.sorted[i as usize];
            if let Some(d) = edit_distance_within(query, c, within) {
                offer(&mut best, d, c);
            }
        }
        best.map(|(_, c)| c)
    }
}

/// ron's spans may start on the blanks before the offending value; moves a
/// 1-based (line, column) forward to the first non-blank character.
fn skip_blanks(text: &str, line: usize, column: usize) -> (usize, usize) {
    let Some(rest) = text.split('\n').nth(line.saturating_sub(1)) else {
        return (line, column);
    };
    let mut col = column;
    for c in rest.chars().skip(column.saturating_sub(1)) {
        if c == ' ' || c == '\t' {
            col += 1;
        } else {
            return (line, col);
        }
    }
    (line, column)
}

fn parse_message(code: &ron::Error) -> String {
    let text = code.to_string();
    // ron's messages start with a capital letter and may end with a period;
    // ours are one lowercase phrase.
    let mut chars = text.chars();
    let first = chars
        .next()
        .map(|c| c.to_lowercase().collect::<String>())
        .unwrap_or_default();
    let rest: String = chars.collect();
    format!("{first}{rest}").trim_end_matches('.').to_string()
}

/// Whether `id` is a slug: lowercase ASCII letters and digits in runs joined
/// by single hyphens.
pub(crate) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Whether a string holds at least one Hangul syllable or jamo.
pub(crate) fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
    })
}

const PERSON_FIELDS: &[&str] = &[
    "name",
    "hangul",
    "aliases",
    "born",
    "professions",
    "disambiguation",
];
const WORK_FIELDS: &[&str] = &[
    "title", "hangul", "aliases", "released", "ended", "album", "network",
];
const NAME_FIELDS: &[&str] = &["name", "hangul", "aliases"];

/// Checks of one record's own fields.
struct FieldCheck<'a> {
    loc: &'a Locator,
    section: &'static str,
    index: usize,
    id: &'a str,
}

impl FieldCheck<'_> {
    fn fail(&self, field: &str, message: String) -> Error {
        Error::new(ErrorKind::Invalid {
            id: self.id.to_string(),
            message,
        })
        .at(Some(self.loc.field(self.section, self.index, field)))
    }

    fn check(
        &self,
        (name_field, name): (&'static str, &str),
        hangul: Option<&str>,
        unverified: &[String],
        allowed: &[&str],
        aliases: &[String],
        errors: &mut Vec<Error>,
    ) {
        if !is_slug(self.id) {
            errors.push(self.fail(
                "id",
                "invalid id: ids are lowercase slugs such as \"park-seo-joon\" (a-z, 0-9, single hyphens)"
                    .to_string(),
            ));
        }
        if name.trim().is_empty() {
            errors.push(self.fail(name_field, format!("empty {name_field}")));
        }
        let texts = std::iter::once((name_field, name))
            .chain(hangul.map(|h| ("hangul", h)))
            .chain(aliases.iter().map(|a| ("aliases", a.as_str())));
        for (field, text) in texts {
            if let Some((at, c)) = invisible(text) {
                errors.push(self.fail(
                    field,
                    format!(
                        "{field} holds an invisible or control character, U+{:04X}, at \
                         character {at}: names must be visible text",
                        c as u32
                    ),
                ));
            }
        }
        if let Some(h) = hangul
            && !has_hangul(h)
        {
            errors.push(self.fail("hangul", format!("hangul \"{h}\" contains no Hangul")));
        }
        // A set of the aliases, so that each `aliases:value` mark is one
        // lookup (100,000 marks against 100,000 aliases were 10¹⁰ compares).
        let alias_set: HashSet<&str> = if unverified.iter().any(|m| m.contains(':')) {
            aliases.iter().map(String::as_str).collect()
        } else {
            HashSet::new()
        };
        for mark in unverified {
            let (field, value) = match mark.split_once(':') {
                Some((f, v)) => (f, Some(v)),
                None => (mark.as_str(), None),
            };
            if !allowed.contains(&field) {
                errors.push(self.fail(
                    "unverified",
                    format!(
                        "unverified mark \"{mark}\" names no field (expected one of {})",
                        allowed.join(", ")
                    ),
                ));
            } else if let Some(value) = value {
                let found = field == "aliases" && alias_set.contains(value);
                if !found {
                    errors.push(self.fail(
                        "unverified",
                        format!("unverified mark \"{mark}\": {field} holds no \"{value}\""),
                    ));
                }
            }
        }
    }

    fn year(&self, field: &str, year: i32, errors: &mut Vec<Error>) {
        if !PLAUSIBLE_YEARS.contains(&year) {
            errors.push(self.fail(
                field,
                format!(
                    "implausible year {year} in {field} (expected {} to {})",
                    PLAUSIBLE_YEARS.start(),
                    PLAUSIBLE_YEARS.end()
                ),
            ));
        }
    }
}

/// The checks of one record's names (`$name_field`, and the `id`,
/// `hangul`, `aliases` and `unverified` fields every kind of record has);
/// gives the record's [`FieldCheck`] for its other fields.
macro_rules! check_names {
    ($loc:expr, $section:literal, $index:expr, $r:expr, $name_field:ident, $allowed:expr, $errors:expr) => {{
        let c = FieldCheck {
            loc: $loc,
            section: $section,
            index: $index,
            id: &$r.id,
        };
        c.check(
            (stringify!($name_field), &$r.$name_field),
            $r.hangul.as_deref(),
            &$r.unverified,
            $allowed,
            &$r.aliases,
            $errors,
        );
        c
    }};
}

fn validate_fields(r: &Records, loc: &Locator, errors: &mut Vec<Error>) {
    for (index, p) in r.people.iter().enumerate() {
        let c = check_names!(loc, "people", index, p, name, PERSON_FIELDS, errors);
        if let Some(born) = p.born {
            c.year("born", born.year, errors);
        }
    }
    for (index, g) in r.groups.iter().enumerate() {
        check_names!(loc, "groups", index, g, name, NAME_FIELDS, errors);
    }
    for (index, w) in r.works.iter().enumerate() {
        let c = check_names!(loc, "works", index, w, title, WORK_FIELDS, errors);
        c.year("released", w.released.year, errors);
        if let Some(ended) = w.ended {
            c.year("ended", ended.year, errors);
            if ended < w.released {
                errors.push(c.fail(
                    "ended",
                    format!("ends ({ended}) before it is released ({})", w.released),
                ));
            }
        }
    }
    for (index, o) in r.organisations.iter().enumerate() {
        check_names!(loc, "organisations", index, o, name, NAME_FIELDS, errors);
    }
    for (index, credit) in r.credits.iter().enumerate() {
        if let Role::Member { since, until } = credit.role {
            let id = format!("{} → {}", credit.from, credit.to);
            let c = FieldCheck {
                loc,
                section: "credits",
                index,
                id: &id,
            };
            for year in since.iter().chain(until.iter()) {
                c.year("role", *year, errors);
            }
            if let (Some(s), Some(u)) = (since, until)
                && u < s
            {
                errors.push(c.fail(
                    "role",
                    format!("membership ends ({u}) before it begins ({s})"),
                ));
            }
        }
    }
}

fn validate_links<'r>(
    r: &'r Records,
    o: &Origins,
    spots: &[[Location; 3]],
    broken_ids: &HashSet<String>,
    errors: &mut Vec<Error>,
) {
    let mut kinds: HashMap<&str, (RecordKind, &Location)> = HashMap::new();
    let all = [
        (
            RecordKind::Person,
            r.people.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
            &o.people,
        ),
        (
            RecordKind::Group,
            r.groups.iter().map(|x| x.id.as_str()).collect(),
            &o.groups,
        ),
        (
            RecordKind::Work,
            r.works.iter().map(|x| x.id.as_str()).collect(),
            &o.works,
        ),
        (
            RecordKind::Organisation,
            r.organisations.iter().map(|x| x.id.as_str()).collect(),
            &o.organisations,
        ),
    ];
    for (kind, ids, locations) in &all {
        for (id, location) in ids.iter().zip(locations.iter()) {
            if let Some((_, first)) = kinds.get(id) {
                errors.push(
                    Error::new(ErrorKind::DuplicateId {
                        id: id.to_string(),
                        first: Some((*first).clone()),
                    })
                    .at(Some(location.clone())),
                );
            } else {
                kinds.insert(id, (*kind, location));
            }
        }
    }
    let mut seen: HashSet<(&str, &str, &Role)> = HashSet::new();
    // Built on the first unknown id, and asked only while errors are
    // listed (at most `MAX_ERRORS`), each distinct id once.
    let mut index: Option<Suggestions<'_>> = None;
    let mut asked: HashMap<&str, Option<String>> = HashMap::new();
    for (credit, [from_at, to_at, role_at]) in r.credits.iter().zip(spots) {
        let Credit { from, to, role, .. } = credit;
        let mut resolve = |id: &'r str, at: &Location| {
            let found = kinds.get(id).map(|(k, _)| *k);
            if found.is_none() && !broken_ids.contains(id) {
                let suggestion = if errors.len() < Catalog::MAX_ERRORS {
                    let index =
                        index.get_or_insert_with(|| Suggestions::new(kinds.keys().copied()));
                    asked
                        .entry(id)
                        .or_insert_with(|| index.closest(id).map(str::to_string))
                        .clone()
                } else {
                    None
                };
                errors.push(
                    Error::new(ErrorKind::UnknownReference {
                        id: id.to_string(),
                        suggestion,
                    })
                    .at(Some(at.clone())),
                );
            }
            found
        };
        let (Some(fk), Some(tk)) = (resolve(from, from_at), resolve(to, to_at)) else {
            continue;
        };
        if from == to {
            errors.push(
                Error::new(ErrorKind::Invalid {
                    id: from.clone(),
                    message: format!("credit links \"{from}\" to itself"),
                })
                .at(Some(from_at.clone())),
            );
        } else if !role.fits(fk, tk) {
            errors.push(
                Error::new(ErrorKind::Invalid {
                    id: format!("{from} → {to}"),
                    message: format!(
                        "role {} does not fit a {fk} → {tk} credit (it links {})",
                        role.name(),
                        role.expected_ends()
                    ),
                })
                .at(Some(role_at.clone())),
            );
        } else if !seen.insert((from, to, role)) {
            errors.push(
                Error::new(ErrorKind::Invalid {
                    id: format!("{from} → {to}"),
                    message: format!("duplicate credit ({})", role.name()),
                })
                .at(Some(from_at.clone())),
            );
        }
    }
}

/// Finds the positions of records and fields in a RON text that parsed.
///
/// RON's parser reports positions only for its own errors, so validation
/// errors are located by scanning the text once: each record of each
/// top-level section, and within it the first value of each field.
#[derive(Debug, Clone)]
pub(crate) struct Locator {
    file: String,
    sections: HashMap<String, Vec<RecordSpan>>,
}

#[derive(Debug, Clone, Default)]
struct RecordSpan {
    start: (usize, usize),
    fields: Vec<(String, (usize, usize))>,
}

impl Locator {
    pub(crate) fn new(file: &str, text: &str) -> Locator {
        let mut sections: HashMap<String, Vec<RecordSpan>> = HashMap::new();
        let chars: Vec<char> = text.chars().collect();
        let (mut i, mut line, mut col) = (0usize, 1usize, 1usize);
        let mut stack: Vec<char> = Vec::new();
        let mut keys: Vec<Option<String>> = vec![None];
        let mut pending_field: Option<String> = None;
        // Advances over one char, keeping line and column.
        macro_rules! bump {
            () => {{
                if chars[i] == '\n' {
                    line += 1;
                    col = 1;
                } else {
                    col += 1;
                }
                i += 1;
            }};
        }
        while i < chars.len() {
            let c = chars[i];
            let here = (line, col);
            let depth = stack.len();
            // A value token at record level or deeper is attributed to the
            // pending field of the current record.
            let value_at = move |sections: &mut HashMap<String, Vec<RecordSpan>>,
                                 pending: &mut Option<String>,
                                 keys: &[Option<String>]| {
                if depth >= 3
                    && let (Some(Some(section)), Some(field)) = (keys.get(1), pending.take())
                    && let Some(rec) = sections.get_mut(section).and_then(|v| v.last_mut())
                {
                    rec.fields.push((field, here));
                }
            };
            match c {
                '/' if chars.get(i + 1) == Some(&'/') => {
                    while i < chars.len() && chars[i] != '\n' {
                        bump!();
                    }
                }
                '/' if chars.get(i + 1) == Some(&'*') => {
                    let mut level = 0usize;
                    while i < chars.len() {
                        if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                            level += 1;
                            bump!();
                        } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                            level -= 1;
                            bump!();
                            if level == 0 {
                                bump!();
                                break;
                            }
                        }
                        bump!();
                    }
                }
                '#' if depth == 0 => {
                    // An attribute such as #![enable(implicit_some)].
                    let mut level = 0i32;
                    while i < chars.len() {
                        match chars[i] {
                            '[' => level += 1,
                            ']' => {
                                level -= 1;
                                if level == 0 {
                                    bump!();
                                    break;
                                }
                            }
                            _ => {}
                        }
                        bump!();
                    }
                }
                '"' | '\'' => {
                    value_at(&mut sections, &mut pending_field, &keys);
                    let quote = c;
                    bump!();
                    while i < chars.len() && chars[i] != quote {
                        if chars[i] == '\\' {
                            bump!();
                        }
                        if i < chars.len() {
                            bump!();
                        }
                    }
                    if i < chars.len() {
                        bump!();
                    }
                }
                'r' if matches!(chars.get(i + 1), Some('"') | Some('#'))
                    && chars[i + 1..].iter().find(|&&c| c != '#') == Some(&'"') =>
                {
                    value_at(&mut sections, &mut pending_field, &keys);
                    bump!();
                    let mut hashes = 0;
                    while i < chars.len() && chars[i] == '#' {
                        hashes += 1;
                        bump!();
                    }
                    if i < chars.len() {
                        bump!(); // opening quote
                    }
                    while i < chars.len() {
                        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                            for _ in 0..=hashes {
                                bump!();
                            }
                            break;
                        }
                        bump!();
                    }
                }
                'r' if chars.get(i + 1) == Some(&'#') => {
                    // A raw identifier (`r#id`): the word after `r#` is the
                    // key or value.
                    bump!();
                    bump!();
                }
                '(' | '[' | '{' => {
                    if c == '('
                        && depth == 2
                        && stack[1] == '['
                        && let Some(Some(section)) = keys.get(1)
                    {
                        sections
                            .entry(section.clone())
                            .or_default()
                            .push(RecordSpan {
                                start: here,
                                fields: Vec::new(),
                            });
                    }
                    value_at(&mut sections, &mut pending_field, &keys);
                    stack.push(c);
                    keys.truncate(stack.len());
                    keys.push(None);
                    bump!();
                }
                ')' | ']' | '}' => {
                    stack.pop();
                    keys.truncate(stack.len() + 1);
                    bump!();
                }
                c if c.is_alphanumeric() || c == '_' || c == '-' || c == '+' || c == '.' => {
                    let start = i;
                    while i < chars.len()
                        && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '-' | '+' | '.'))
                    {
                        bump!();
                    }
                    let word: String = chars[start..i].iter().collect();
                    // Is it a key (followed by ':')?
                    let mut j = i;
                    while j < chars.len() && chars[j].is_whitespace() {
                        j += 1;
                    }
                    if chars.get(j) == Some(&':') {
                        if let Some(slot) = keys.last_mut() {
                            *slot = Some(word.clone());
                        }
                        if depth == 3 {
                            pending_field = Some(word);
                        }
                    } else {
                        value_at(&mut sections, &mut pending_field, &keys);
                    }
                }
                _ => bump!(),
            }
        }
        Locator {
            file: file.to_string(),
            sections,
        }
    }

    /// The position of `field` in the `index`-th record of `section`; the
    /// record's start when the field is not written; the file's start when
    /// the record is not found.
    pub(crate) fn field(&self, section: &str, index: usize, field: &str) -> Location {
        let (line, column) = self
            .sections
            .get(section)
            .and_then(|records| records.get(index))
            .map(|rec| {
                rec.fields
                    .iter()
                    .find(|(f, _)| f == field)
                    .map_or(rec.start, |(_, pos)| *pos)
            })
            .unwrap_or((1, 1));
        Location {
            file: self.file.clone(),
            line,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index answers as the scan over every id did.
    #[test]
    fn suggestions_agree_with_the_scan() {
        let mut ids: Vec<String> = Vec::new();
        let mut x = 12345u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let alphabet = b"abcde-";
        for _ in 0..400 {
            let len = 1 + (next() % 12) as usize;
            ids.push(
                (0..len)
                    .map(|_| alphabet[(next() % 6) as usize] as char)
                    .collect(),
            );
        }
        ids.push("wooga-squad".to_string());
        ids.push("박서준".to_string());
        let index = Suggestions::new(ids.iter().map(String::as_str));
        let mut queries: Vec<String> = Vec::new();
        for _ in 0..2000 {
            let len = (next() % 14) as usize;
            queries.push(
                (0..len)
                    .map(|_| alphabet[(next() % 6) as usize] as char)
                    .collect(),
            );
        }
        queries.extend(["wooga", "wooga-sqad", "박서", "박", "", "x"].map(String::from));
        for q in &queries {
            assert_eq!(
                index.closest(q),
                closest(q, ids.iter().map(String::as_str)),
                "{q:?}"
            );
        }
    }
}
