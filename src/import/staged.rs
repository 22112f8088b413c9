//! What the CSV, node-link JSON and GraphML readers share: the records they
//! collect, the vocabulary they map (role and kind words), the report, and
//! the one step into the graph builder.

use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Location};
use crate::explorer::Explorer;
use crate::graph::{Details, GraphBuilder};
use crate::id::Entity;
use crate::model::{
    Billing, Confidence, Credit, Group, GroupKind, Organisation, OrganisationKind, PartialDate,
    Person, RecordKind, Records, Role, RoleKind, Work, WorkKind,
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
    /// Credits kept (memberships, contracts and links between works
    /// among them).
    pub credits: usize,
    /// Groups kept.
    pub groups: usize,
    /// Organisations kept.
    pub organisations: usize,
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

/// A file opened for a streaming reader, with the name its errors print:
/// refused as [`read_path`] refuses it, read to the size it had then,
/// through a buffer.
pub(crate) fn open_path(
    path: &std::path::Path,
) -> crate::error::Result<(String, std::io::BufReader<std::io::Take<std::fs::File>>)> {
    use std::io::Read;
    super::tsv::regular_file(path)?;
    let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let meta = file.metadata().map_err(|e| io_error(path, e))?;
    if !meta.is_file() {
        return Err(crate::error::not_regular(path, &meta.file_type()));
    }
    crate::graph::memory_phase("load started");
    let reader = std::io::BufReader::with_capacity(1 << 16, file.take(meta.len()));
    Ok((path.display().to_string(), reader))
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
/// `read(&self, file, reader)` streams from a buffered reader (the file
/// is never held whole); `$errors` is the `# Errors` text of `from_path`,
/// `$path_example` and `$reader_example` the code of their examples.
macro_rules! streaming_reader {
    ($ty:ident, $errors:literal, $path_example:literal, $reader_example:literal) => {
        impl $ty {
            /// Reads a file, as it goes (the file is never held whole).
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
                let (name, reader) = super::staged::open_path(path.as_ref())?;
                self.read(&name, reader)
            }

            /// Reads from a reader, as it goes; `name` is the file name
            /// errors print.
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
                self.read(name, std::io::BufReader::with_capacity(1 << 16, reader))
            }
        }
    };
}
pub(crate) use streaming_reader;

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
            ids: crate::model::Ids::default(),
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
        keyed(list, by_key, key, location, || Group {
            id: key.to_string(),
            name: to_nfc(name).into_owned(),
            hangul: hangul.map(nfc_owned),
            aliases: aliases.into_iter().map(nfc_owned).collect(),
            kind,
            notes: None,
            sources: Vec::new(),
            confidence: Confidence::Confirmed,
            unverified: Vec::new(),
            ids: crate::model::Ids::default(),
        })
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
        keyed(list, by_key, key, location, || Organisation {
            id: key.to_string(),
            name: to_nfc(name).into_owned(),
            hangul: hangul.map(nfc_owned),
            aliases: aliases.into_iter().map(nfc_owned).collect(),
            kind,
            notes: None,
            sources: Vec::new(),
            confidence: Confidence::Confirmed,
            unverified: Vec::new(),
        })
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

/// The role that exact attributes name: `role_kind` (a
/// [`RoleKind`] name, as the exports write it) with the `role` word (kept
/// for [`Role::Other`]), `billing`, `character`, `song`, `since` and
/// `until`. `None` when there is no `role_kind` or it names no kind.
pub(crate) fn role_of_kind(
    kind: Option<&str>,
    word: Option<&str>,
    character: Option<String>,
    song: Option<String>,
    since: Option<i32>,
    until: Option<i32>,
) -> Option<Role> {
    let kind: RoleKind = kind?.trim().parse().ok()?;
    let cast = |billing| Role::Cast {
        billing,
        character: character.clone(),
    };
    let other = |on_screen| Role::Other {
        name: word
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .unwrap_or("appearance")
            .to_string(),
        on_screen,
        character: character.clone(),
    };
    Some(match kind {
        RoleKind::Lead => cast(Billing::Lead),
        RoleKind::Supporting => cast(Billing::Supporting),
        RoleKind::Cameo => cast(Billing::Cameo),
        RoleKind::Soundtrack => Role::Soundtrack { song },
        RoleKind::Member => Role::Member { since, until },
        RoleKind::OtherOnScreen => other(true),
        RoleKind::OtherCrew => other(false),
        k => crate::model::role_of(k),
    })
}

/// Undoes the escape of the XML exports (`\u{HEX}` for a character XML 1.0
/// forbids, `\\` for a backslash before such an escape): see
/// `export::graphml`.
pub(crate) fn unescape_forbidden(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\\') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(tail) = after.strip_prefix('\\') {
            out.push('\\');
            rest = tail;
        } else if let Some(tail) = after.strip_prefix("u{")
            && let Some(end) = tail.find('}')
            && let Ok(code) = u32::from_str_radix(&tail[..end], 16)
            && let Some(c) = char::from_u32(code)
        {
            out.push(c);
            rest = &tail[end + 1..];
        } else {
            out.push('\\');
            rest = after;
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

const NODE_READ: [&str; 17] = [
    "kind",
    "bipartite",
    "label",
    "name",
    "title",
    "hangul",
    "aliases",
    "work_kind",
    "group_kind",
    "organisation_kind",
    "year",
    "start",
    "released",
    "born",
    "confidence",
    "sources",
    "notes",
];
const EDGE_READ: [&str; 17] = [
    "role",
    "role_kind",
    "billing",
    "character",
    "song",
    "since",
    "until",
    "unverified",
    "confidence",
    "sources",
    "notes",
    "weight",
    "year",
    "key",
    "id",
    "via",
    "start",
];
/// Fills the records from the nodes and edges of a NetworkX-style graph
/// file, node by node and edge by edge as the streaming readers give them
/// (each is turned into records at once): people and works told apart by
/// `bipartite` (0 or 1) or `kind` (`person`, `group`, `work`,
/// `organisation` or a work kind). Edges with a `role_kind` keep their
/// exact role (a membership with its years, a contract, a link between
/// works); others are read as a person's (or group's) credit on a work by
/// their `role` word. An edge whose role does not fit its ends, a
/// self-loop and an exact repeat are skipped and counted. An edge whose ends are not known yet (an edge written
/// before its nodes) waits until the end of the file.
#[derive(Default)]
pub(crate) struct GraphReader {
    s: Staged,
    /// Attributes no reader reads, reported once each (what the exports
    /// write for other programs, such as `weight`, is not reported).
    /// By owner: nodes, then edges.
    unread: [std::collections::BTreeMap<String, Location>; 2],
    /// Edges read before one of their nodes.
    waiting: Vec<GraphEdge>,
}

impl GraphReader {
    /// The record with id `id` (ids are unique across kinds), with where
    /// it was defined: the staged records' own keys, not a copy.
    fn record(&self, id: &str) -> Option<(RecordKind, usize, &Location)> {
        let s = &self.s;
        [
            (RecordKind::Person, &s.people_by_key),
            (RecordKind::Group, &s.groups_by_key),
            (RecordKind::Work, &s.works_by_key),
            (RecordKind::Organisation, &s.organisations_by_key),
        ]
        .into_iter()
        .find_map(|(kind, by_key)| by_key.get(id).map(|(i, l)| (kind, *i, l)))
    }

    /// The kind of the record with id `id`, when it has been read.
    pub(crate) fn kind_of(&self, id: &str) -> Option<RecordKind> {
        self.record(id).map(|(kind, _, _)| kind)
    }

    /// Where the record with id `id` was defined.
    fn defined_at(&self, id: &str) -> Option<&Location> {
        self.record(id).map(|(_, _, l)| l)
    }

    /// Adds a node: a person, group, work or organisation.
    pub(crate) fn node(&mut self, n: GraphNode) -> crate::error::Result<()> {
        for name in n.attrs.keys().filter(|k| !NODE_READ.contains(&k.as_str())) {
            note_unread(&mut self.unread[0], name, &n.location);
        }
        if let Some(first) = self.defined_at(&n.id) {
            return Err(duplicate(&n.id, first, n.location.clone()));
        }
        let s = &mut self.s;
        let kind = n.attrs.get("kind").map(Attr::text).map(|k| norm(&k));
        let bipartite = n.attrs.get("bipartite").and_then(Attr::int);
        let record_kind = match (kind.as_deref(), bipartite) {
            (Some("person"), _) => RecordKind::Person,
            (Some("group"), _) => RecordKind::Group,
            (Some("organisation" | "organization"), _) => RecordKind::Organisation,
            (Some("work"), _) => RecordKind::Work,
            (Some(k), None) if kind_of_word(Some(k)).0 != WorkKind::Other || k == "other" => {
                RecordKind::Work
            }
            (_, Some(0)) => RecordKind::Person,
            (_, Some(1)) => RecordKind::Work,
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
                        expected: vec![
                            "person".into(),
                            "group".into(),
                            "work".into(),
                            "organisation".into(),
                            "a work kind".into(),
                        ],
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
            number_attr(&n.attrs, name, &n.location)
        };
        let provenance = provenance_of(&n.attrs, &n.location)?;
        let i = match record_kind {
            RecordKind::Work => {
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
                if let Some(d) = n.attrs.get("released").map(Attr::text)
                    && let Ok(date) = d.trim().parse::<PartialDate>()
                    && Some(date.year) == year
                {
                    s.records.works[i].released = date;
                }
                i
            }
            RecordKind::Person => {
                let born = number("born")?;
                s.person(&n.id, &label, hangul, aliases, born, n.location.clone())?
            }
            RecordKind::Group => {
                let word = n.attrs.get("group_kind").map(Attr::text);
                let kind = word.as_deref().and_then(GroupKind::from_word);
                s.report.generic_kinds += usize::from(kind.is_none());
                let kind = kind.unwrap_or(GroupKind::Band);
                s.group(&n.id, &label, kind, hangul, aliases, n.location.clone())?
            }
            RecordKind::Organisation => {
                let word = n.attrs.get("organisation_kind").map(Attr::text);
                let kind = word.as_deref().and_then(OrganisationKind::from_word);
                s.report.generic_kinds += usize::from(kind.is_none());
                let kind = kind.unwrap_or(OrganisationKind::Label);
                s.organisation(&n.id, &label, kind, hangul, aliases, n.location.clone())?
            }
        };
        s.provenance(record_kind, i, provenance);
        Ok(())
    }

    /// Adds an edge, or keeps it for the end when one of its ends is not
    /// known yet.
    pub(crate) fn edge(&mut self, e: GraphEdge) -> crate::error::Result<()> {
        if self.record(&e.source).is_none() || self.record(&e.target).is_none() {
            self.waiting.push(e);
            return Ok(());
        }
        self.known_edge(e)
    }

    fn known_edge(&mut self, e: GraphEdge) -> crate::error::Result<()> {
        for name in e.attrs.keys().filter(|k| !EDGE_READ.contains(&k.as_str())) {
            note_unread(&mut self.unread[1], name, &e.location);
        }
        let end = |id: &str| self.record(id).map(|(kind, i, _)| (kind, i));
        let (Some(a), Some(b)) = (end(&e.source), end(&e.target)) else {
            return Ok(()); // not reached: the caller checks both ends
        };
        let s = &mut self.s;
        if e.source == e.target {
            s.skip(
                e.location.clone(),
                format!("edge \"{}\" – \"{}\" is a self-loop", e.source, e.target),
            );
            return Ok(());
        }
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
        let word = e.attrs.get("role").map(Attr::text);
        let character = e.attrs.get("character").map(Attr::text);
        let exact = role_of_kind(
            e.attrs.get("role_kind").map(Attr::text).as_deref(),
            word.as_deref(),
            character.clone(),
            e.attrs.get("song").map(Attr::text),
            number_attr(&e.attrs, "since", &e.location)?,
            number_attr(&e.attrs, "until", &e.location)?,
        );
        let (role, generic) = match exact {
            Some(role) => (role, false),
            None => role_of_word(word.as_deref(), billing, character),
        };
        // The ends in the order the role takes them (the file's edges are
        // undirected).
        let ends = if role.fits(a.0, b.0) {
            [a, b]
        } else if role.fits(b.0, a.0) {
            [b, a]
        } else {
            s.skip(
                e.location.clone(),
                format!(
                    "edge \"{}\" – \"{}\" links {} and {}: a {} role links {}",
                    e.source,
                    e.target,
                    article(a.0),
                    article(b.0),
                    role.word(),
                    role.expected_ends()
                ),
            );
            return Ok(());
        };
        let mut provenance = provenance_of(&e.attrs, &e.location)?;
        if !e.attrs.contains_key("confidence") {
            let unverified = matches!(e.attrs.get("unverified"), Some(Attr::Bool(true)))
                || matches!(e.attrs.get("unverified"), Some(Attr::Text(t)) if t == "true");
            if unverified {
                provenance.confidence = Confidence::Unverified;
            }
        }
        s.link(ends, role, generic, provenance, e.location.clone());
        Ok(())
    }

    /// The edges that waited for their nodes, then the records and the
    /// graph; the attributes not read are reported first.
    pub(crate) fn finish(mut self) -> crate::error::Result<Loaded> {
        for e in std::mem::take(&mut self.waiting) {
            for (end, loc) in [(&e.source, &e.ends[0]), (&e.target, &e.ends[1])] {
                if self.record(end).is_none() {
                    let s = &self.s;
                    let ids = (s.people_by_key.keys())
                        .chain(s.groups_by_key.keys())
                        .chain(s.works_by_key.keys())
                        .chain(s.organisations_by_key.keys())
                        .map(String::as_str);
                    let suggestion = crate::search::closest(end, ids).map(str::to_string);
                    return Err(at(
                        ErrorKind::UnknownReference {
                            id: end.clone(),
                            suggestion,
                        },
                        loc.clone(),
                    ));
                }
            }
            self.known_edge(e)?;
        }
        let [nodes, edges] = std::mem::take(&mut self.unread);
        let mut skipped: Vec<(Location, String)> = (nodes.into_iter().map(|n| ("node", n)))
            .chain(edges.into_iter().map(|e| ("edge", e)))
            .map(|(owner, (name, location))| {
                let why = format!("{owner} attribute \"{name}\" is not read");
                (location, why)
            })
            .collect();
        skipped.append(&mut self.s.report.skipped);
        self.s.report.skipped = skipped;
        Ok(self.s.finish())
    }
}

/// Notes where an attribute no reader reads first appears.
fn note_unread(
    unread: &mut std::collections::BTreeMap<String, Location>,
    name: &str,
    at: &Location,
) {
    if unread.get(name).is_none() {
        unread.insert(name.to_string(), at.clone());
    }
}

/// A whole-number attribute, `None` when absent or empty.
fn number_attr(
    attrs: &HashMap<String, Attr>,
    name: &'static str,
    location: &Location,
) -> crate::error::Result<Option<i32>> {
    match attrs.get(name) {
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
                    location.clone(),
                )
            }),
    }
}

/// The `confidence`, `sources` and `notes` attributes.
fn provenance_of(
    attrs: &HashMap<String, Attr>,
    location: &Location,
) -> crate::error::Result<Provenance> {
    let confidence = match attrs.get("confidence").map(Attr::text) {
        None => Confidence::Confirmed,
        Some(w) => Confidence::from_word(&w).ok_or_else(|| {
            at(
                ErrorKind::InvalidValue {
                    what: "confidence",
                    value: w.clone(),
                    expected: ["confirmed", "secondary", "unverified"]
                        .map(String::from)
                        .to_vec(),
                },
                location.clone(),
            )
        })?,
    };
    Ok(Provenance {
        confidence,
        sources: attrs.get("sources").map(Attr::list).unwrap_or_default(),
        notes: attrs.get("notes").map(Attr::text),
    })
}

/// A record kind with its article: `a person`, `an organisation`.
pub(crate) fn article(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Person => "a person",
        RecordKind::Group => "a group",
        RecordKind::Work => "a work",
        RecordKind::Organisation => "an organisation",
    }
}
