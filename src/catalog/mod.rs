//! RON data files → a validated [`Catalog`]: loading, merging, validation
//! with file, line and column.
//!
//! This file holds the [`Catalog`], its [`CatalogBuilder`] and the reading
//! of files and of the bundled dataset. The rest is split by concern:
//! `locate.rs` finds the positions of records and fields in a RON text,
//! `validate.rs` checks records (fields, then links between them),
//! `suggest.rs` is the "did you mean" index of ids, and `explorer.rs` turns
//! a catalog into an [`Explorer`](crate::Explorer) (its constructors that
//! read RON data live there, not in the core).

mod explorer;
mod locate;
mod suggest;
mod validate;

use std::collections::HashSet;
use std::path::Path;

use crate::error::{Error, ErrorKind, Location, Result, not_regular};
use crate::model::Records;

use locate::{Locator, parse_message, skip_blanks};
use validate::{normalise, validate_fields, validate_links};

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
/// [`Catalog::PLAUSIBLE_YEARS`]), roles that do not fit their ends, duplicate credits
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
    /// The plausible range of years for releases, births and memberships.
    /// A year outside it is a data error (most likely a typo).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(hallyu::Catalog::PLAUSIBLE_YEARS.contains(&2008));
    /// assert!(!hallyu::Catalog::PLAUSIBLE_YEARS.contains(&208));
    /// ```
    pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2035;

    /// A failed load lists at most this many problems, in the order found;
    /// the rest are counted by a last entry of kind [`ErrorKind::Omitted`]
    /// ("…and 39900 more errors, not listed"), so that the output of a file
    /// full of mistakes stays short.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Catalog, ErrorKind};
    ///
    /// // 150 people without a name: 150 problems.
    /// let people: String = (0..150).map(|i| format!("(id: \"p{i}\", name: \"\"),")).collect();
    /// let err = Catalog::from_str("many.ron", &format!("(people: [{people}])")).unwrap_err();
    /// assert_eq!(err.iter().count(), Catalog::MAX_ERRORS + 1);
    /// assert!(matches!(err.iter().last().unwrap().kind(), ErrorKind::Omitted { count: 50 }));
    /// assert!(err.to_string().starts_with("150 errors:"));
    /// ```
    pub const MAX_ERRORS: usize = 100;

    /// The largest RON file [`Catalog::from_path`] reads: 64 MiB (the
    /// bundled dataset is well under 1 MiB). A larger file is an
    /// [`ErrorKind::Io`] that says so, before anything is read.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Catalog, ErrorKind};
    ///
    /// // A sparse file one byte too large: refused before it is read.
    /// let path = std::env::temp_dir().join("hallyu-doc-max-file-size.ron");
    /// let file = std::fs::File::create(&path).unwrap();
    /// file.set_len(Catalog::MAX_FILE_SIZE + 1).unwrap();
    /// let err = Catalog::from_path(&path).unwrap_err();
    /// std::fs::remove_file(&path).unwrap();
    /// assert!(matches!(err.kind(), ErrorKind::Io { .. }));
    /// assert!(err.to_string().contains("has 67108865 bytes, more than the 67108864"));
    /// ```
    pub const MAX_FILE_SIZE: u64 = 64 << 20;

    /// The dataset shipped with the crate (the files of `data/`, compiled in).
    ///
    /// # Panics
    ///
    /// Never in a released build: the shipped data is validated by the
    /// crate's tests.
    ///
    /// # Example
    ///
    /// ```
    /// let catalog = hallyu::Catalog::bundled();
    /// let haru = catalog.records().works.iter().find(|w| w.id == "haru-haru").unwrap();
    /// assert_eq!(haru.released.to_string(), "2008-08-08");
    /// assert_eq!(catalog.location_of("haru-haru").unwrap().file, "data/music_videos.ron");
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Catalog;
    ///
    /// let text = r#"(people: [(id: "iu", name: "IU", hangul: "아이유")])"#;
    /// let catalog = Catalog::from_str("iu.ron", text)?;
    /// assert_eq!(catalog.records().people[0].hangul.as_deref(), Some("아이유"));
    ///
    /// let err = Catalog::from_str("iu.ron", r#"(people: [(id: "IU", name: "IU")])"#).unwrap_err();
    /// assert!(err.to_string().starts_with("iu.ron:1:16: "), "{err}");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Catalog;
    ///
    /// let dir = std::env::temp_dir().join("hallyu-doc-catalog-from-path");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("a.ron"), r#"(people: [(id: "iu", name: "IU")])"#).unwrap();
    /// std::fs::write(dir.join("b.ron"), r#"(
    ///     works: [(id: "dream", title: "Dream", kind: Film, released: "2023")],
    ///     credits: [(from: "iu", to: "dream", role: Cast(billing: Lead))],
    /// )"#).unwrap();
    /// std::fs::write(dir.join("notes.txt"), "not read").unwrap();
    /// let catalog = Catalog::from_path(&dir)?;
    /// assert_eq!(catalog.records().credits.len(), 1);
    /// assert!(catalog.location_of("dream").unwrap().file.ends_with("b.ron"));
    ///
    /// assert!(Catalog::from_path(dir.join("missing.ron")).is_err());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Catalog;
    /// use hallyu::model::{Confidence, Credit, Role};
    ///
    /// let text = r#"(
    ///     people: [(id: "iu", name: "IU")],
    ///     works: [(id: "dream", title: "Dream", kind: Film, released: "2023")],
    /// )"#;
    /// let mut records = Catalog::from_str("dream.ron", text)?.into_records();
    /// records.credits.push(Credit {
    ///     from: "iu".to_string(),
    ///     to: "drem".to_string(),
    ///     role: Role::Performer,
    ///     notes: None,
    ///     sources: Vec::new(),
    ///     confidence: Confidence::Confirmed,
    /// });
    /// let err = Catalog::from_records("code", records.clone()).unwrap_err();
    /// assert_eq!(err.to_string(), "code:1:1: unknown id \"drem\" (did you mean \"dream\"?)");
    ///
    /// records.credits[0].to = "dream".to_string();
    /// assert_eq!(Catalog::from_records("code", records)?.records().credits.len(), 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn from_records(name: &str, records: Records) -> Result<Catalog> {
        let mut builder = CatalogBuilder::new();
        builder.add_records(name, records);
        builder.build()
    }

    /// The merged records.
    ///
    /// # Example
    ///
    /// ```
    /// let catalog = hallyu::Catalog::bundled();
    /// let iu = catalog.records().people.iter().find(|p| p.id == "iu").unwrap();
    /// assert_eq!(iu.hangul.as_deref(), Some("아이유"));
    /// ```
    pub fn records(&self) -> &Records {
        &self.records
    }

    /// Consumes the catalog and returns its records.
    ///
    /// # Example
    ///
    /// ```
    /// let records = hallyu::Catalog::bundled().into_records();
    /// let bigbang = records.groups.into_iter().find(|g| g.id == "bigbang").unwrap();
    /// assert_eq!(bigbang.hangul.as_deref(), Some("빅뱅"));
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// let text = r#"(
    ///     people: [(id: "iu", name: "IU")],
    ///     works: [(id: "dream", title: "Dream", kind: Film, released: "2023")],
    /// )"#;
    /// let catalog = hallyu::Catalog::from_str("mine.ron", text)?;
    /// assert_eq!(catalog.location_of("dream").unwrap().to_string(), "mine.ron:3:18");
    /// assert_eq!(catalog.location_of("iu").map(|l| l.line), Some(2));
    /// assert_eq!(catalog.location_of("gong-yoo"), None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// let catalog = hallyu::CatalogBuilder::new().build()?;
    /// assert!(catalog.records().people.is_empty(), "nothing added, nothing to merge");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new() -> CatalogBuilder {
        CatalogBuilder::default()
    }

    /// Adds one RON document; `name` is used in error positions.
    ///
    /// # Example
    ///
    /// ```
    /// let mut builder = hallyu::CatalogBuilder::new();
    /// builder
    ///     .add_str("a.ron", r#"(people: [(id: "iu", name: "IU")])"#)
    ///     .add_str("b.ron", r#"(people: [(id: "iu", name: "IU")])"#);
    /// let err = builder.build().unwrap_err();
    /// let expected = "b.ron:1:16: duplicate id \"iu\" (first defined at a.ron:1:16)";
    /// assert_eq!(err.to_string(), expected);
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Catalog, CatalogBuilder};
    ///
    /// // People made elsewhere, credits written in RON.
    /// let people = r#"(people: [(id: "iu", name: "IU")])"#;
    /// let people = Catalog::from_str("people.ron", people)?.into_records();
    /// let mut builder = CatalogBuilder::new();
    /// builder.add_records("generated", people).add_str("works.ron", r#"(
    ///     works: [(id: "dream", title: "Dream", kind: Film, released: "2023")],
    ///     credits: [(from: "iu", to: "dream", role: Cast(billing: Lead))],
    /// )"#);
    /// let catalog = builder.build()?;
    /// assert_eq!(catalog.location_of("iu").unwrap().to_string(), "generated:1:1");
    /// assert_eq!(catalog.records().credits[0].from, "iu");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn add_records(&mut self, name: &str, mut records: Records) -> &mut CatalogBuilder {
        normalise(&mut records);
        let locator = Locator::without_text(name);
        self.files.push(ParsedFile { records, locator });
        self
    }

    /// Adds a RON file, or every `*.ron` file of a directory in name order
    /// (see [`Catalog::from_path`] for what is refused).
    ///
    /// # Example
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("hallyu-doc-add-path");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("people.ron"), r#"(people: [(id: "iu", name: "IU")])"#).unwrap();
    /// let mut builder = hallyu::CatalogBuilder::new();
    /// builder.add_path(&dir).add_str("works.ron", r#"(
    ///     works: [(id: "dream", title: "Dream", kind: Film, released: "2023")],
    ///     credits: [(from: "iu", to: "dream", role: Cast(billing: Lead))],
    /// )"#);
    /// let catalog = builder.build()?;
    /// assert_eq!(catalog.records().people[0].name, "IU");
    ///
    /// let mut builder = hallyu::CatalogBuilder::new();
    /// builder.add_path(dir.join("missing"));
    /// assert!(matches!(builder.build().unwrap_err().kind(), hallyu::ErrorKind::Io { .. }));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{CatalogBuilder, ErrorKind};
    ///
    /// let mut builder = CatalogBuilder::new();
    /// builder.add_str("a.ron", r#"(people: [(id: "iu", name: "")])"#);
    /// builder.add_str("b.ron", r#"(credits: [(from: "iu", to: "dram", role: Performer)])"#);
    /// let err = builder.build().unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::Many(list) if list.len() == 2));
    /// let lines: Vec<String> = err.to_string().lines().map(String::from).collect();
    /// assert_eq!(lines, [
    ///     "2 errors:",
    ///     "a.ron:1:28: \"iu\": empty name",
    ///     "b.ron:1:29: unknown id \"dram\"",
    /// ]);
    /// ```
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
