//! [`open`] and [`Open`]: the reader for a path, told by what the path
//! holds (a directory's files, a file's extension and first bytes), with
//! the import report.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, ErrorKind};
use crate::explorer::Explorer;

use super::{Imdb, Progress, ReadReport, Report};

/// The kind of data a path holds, as [`Open::detect`] tells it.
///
/// # Example
///
/// ```
/// use hallyu::import::{DataKind, Open};
///
/// assert_eq!(Open::detect("data".as_ref())?, DataKind::Ron);
/// assert_eq!(DataKind::Imdb.name(), "imdb");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DataKind {
    /// The dataset compiled into the crate ([`Explorer::bundled`]); no path
    /// is of this kind.
    Bundled,
    /// RON catalog files: a `*.ron` file or a directory of them.
    Ron,
    /// A directory with IMDb's `name.basics.tsv[.gz]`, `title.basics…` and
    /// `title.principals…` ([`Imdb`]).
    Imdb,
    /// A directory with `people.csv`, `works.csv` and `credits.csv`
    /// ([`Csv::from_dir`](super::Csv::from_dir)).
    CsvTables,
    /// A `*.csv` edge list ([`Csv`](super::Csv)).
    Csv,
    /// A `*.tsv` edge list, tab-separated.
    Tsv,
    /// A `*.json` node-link file ([`NodeLink`](super::NodeLink), feature
    /// `serde`).
    NodeLink,
    /// A `*.graphml` or `*.xml` file ([`Graphml`](super::Graphml)).
    Graphml,
    /// Wikidata's answers to a SPARQL query: a `*.srj` file, or a `*.json`
    /// file whose top-level object starts with `head` or `results`
    /// ([`Sparql`](super::Sparql), feature `serde`).
    Sparql,
    /// A Wikidata entity dump: a `*.json` file that is a JSON array (one
    /// entity per line, as `latest-all.json`), or any `*.json.gz`
    /// ([`Dump`](super::Dump), feature `serde`).
    WikidataDump,
    /// A `*.gexf` file ([`Gexf`](super::Gexf)).
    Gexf,
}

impl DataKind {
    /// A short lowercase name: `bundled`, `ron`, `imdb`, `csv-tables`,
    /// `csv`, `tsv`, `node-link`, `graphml`, `sparql`, `wikidata-dump`, `gexf`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(hallyu::import::DataKind::CsvTables.name(), "csv-tables");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            DataKind::Bundled => "bundled",
            DataKind::Ron => "ron",
            DataKind::Imdb => "imdb",
            DataKind::CsvTables => "csv-tables",
            DataKind::Csv => "csv",
            DataKind::Tsv => "tsv",
            DataKind::NodeLink => "node-link",
            DataKind::Graphml => "graphml",
            DataKind::Sparql => "sparql",
            DataKind::WikidataDump => "wikidata-dump",
            DataKind::Gexf => "gexf",
        }
    }
}

/// What a reader says of the rows it read, kept and left out.
///
/// # Example
///
/// ```
/// use hallyu::import::{Open, OpenReport};
///
/// let opened = Open::new().open("data")?;
/// assert!(matches!(opened.report, OpenReport::None)); // RON: errors, not skips
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum OpenReport {
    /// The RON catalog reports no skipped rows: every problem is an error.
    None,
    /// The IMDb importer's report.
    Imdb(Report),
    /// The CSV, node-link JSON or GraphML reader's report.
    Read(ReadReport),
    /// The Wikidata reader's report (SPARQL results or the entity dump).
    #[cfg(feature = "serde")]
    Wikidata(super::WikidataReport),
}

/// An explorer loaded by [`Open::open`], with the kind of data it came from
/// and the reader's report.
///
/// # Example
///
/// ```
/// use hallyu::import::{DataKind, Open, OpenReport};
///
/// let dir = std::env::temp_dir().join("hallyu-doc-opened");
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("credits.csv");
/// std::fs::write(&path, "person,work\nA,W\nB,W\n").unwrap();
/// let opened = Open::new().open(&path)?;
/// assert_eq!(opened.kind, DataKind::Csv);
/// assert_eq!(opened.explorer.people().len(), 2);
/// assert!(matches!(opened.report, OpenReport::Read(r) if r.people == 2));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct Opened {
    /// The explorer, ready for every query.
    pub explorer: Explorer,
    /// What the path held.
    pub kind: DataKind,
    /// What the reader read, kept and left out.
    pub report: OpenReport,
}

/// Opens any supported file or directory, choosing the reader by what the
/// path holds ([`Open::detect`]); a progress callback for the IMDb files.
///
/// # Example
///
/// ```
/// use hallyu::import::{DataKind, Open};
///
/// let opened = Open::new().progress(|_| ()).open("data")?;
/// assert_eq!(opened.kind, DataKind::Ron);
/// assert!(opened.explorer.person("IU").is_ok());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Default)]
pub struct Open<'a> {
    progress: Option<Box<dyn Fn(Progress) + Send + Sync + 'a>>,
    korean: bool,
}

impl std::fmt::Debug for Open<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Open")
            .field("progress", &self.progress.is_some())
            .field("korean", &self.korean)
            .finish()
    }
}

const IMDB_FILES: [&str; 3] = ["name.basics", "title.basics", "title.principals"];

impl<'a> Open<'a> {
    /// No progress callback.
    ///
    /// # Example
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("hallyu-doc-open-new");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("edges.tsv"), "person\twork\nA\tW\nB\tW\nC\tV\n").unwrap();
    /// let opened = hallyu::import::Open::new().open(dir.join("edges.tsv"))?;
    /// assert_eq!(opened.explorer.works().len(), 2);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new() -> Open<'a> {
        Open::default()
    }

    /// Calls `f` now and then while loading IMDb files (see
    /// [`Imdb::progress`]); other readers are quick and do not call it.
    ///
    /// # Example
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    ///
    /// let calls = AtomicUsize::new(0);
    /// let open = hallyu::import::Open::new().progress(|_| {
    ///     calls.fetch_add(1, Ordering::Relaxed);
    /// });
    /// open.open("data")?; // RON: no progress
    /// assert_eq!(calls.load(Ordering::Relaxed), 0);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn progress(mut self, f: impl Fn(Progress) + Send + Sync + 'a) -> Open<'a> {
        self.progress = Some(Box::new(f));
        self
    }

    /// Keeps only Korean titles of IMDb data (see [`Imdb::korean`]: the
    /// directory must then hold `title.akas.tsv[.gz]`); other kinds of data
    /// are read whole, as without it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::{synthetic::Synthetic, Open, OpenReport};
    ///
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-open-korean-{}", std::process::id()));
    /// let written = Synthetic::new(200, 100).seed(2).akas(true).write_to(&dir)?;
    /// let opened = Open::new().korean(true).open(&dir)?;
    /// let OpenReport::Imdb(report) = &opened.report else { panic!("IMDb") };
    /// assert_eq!(report.korean_titles, written.korean);
    /// assert!(opened.explorer.works().len() <= written.korean);
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn korean(mut self, yes: bool) -> Open<'a> {
        self.korean = yes;
        self
    }

    /// Tells what `path` holds by looking inside, without reading it whole:
    ///
    /// | path | kind |
    /// |---|---|
    /// | a directory with IMDb's `name.basics.tsv[.gz]` (or the other two), whose first bytes are a gzip header or a `nconst`/`tconst` header | [`DataKind::Imdb`] |
    /// | a directory with `people.csv`, `works.csv`, `credits.csv` | [`DataKind::CsvTables`] |
    /// | a directory with `*.ron` files | [`DataKind::Ron`] |
    /// | `*.srj`; a `*.json` object whose first key is `head` or `results` | [`DataKind::Sparql`] |
    /// | a `*.json` array; `*.json.gz` | [`DataKind::WikidataDump`] |
    /// | `*.ron`, `*.csv`, `*.tsv`, other `*.json`, `*.graphml`, `*.xml`, `*.gexf` | by the extension |
    /// | a FIFO or a device of another name (which the RON loader refuses by type, unread) | [`DataKind::Ron`] |
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] for a path that cannot be read, a directory with
    /// no data, a single IMDb file (the directory holding the three is
    /// wanted) or a binary file; [`ErrorKind::InvalidValue`] for a text file
    /// of another extension.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::{DataKind, Open};
    ///
    /// assert_eq!(Open::detect("tests/fixtures/imdb/good".as_ref())?, DataKind::Imdb);
    /// let wikidata = std::path::Path::new("tests/fixtures/wikidata");
    /// assert_eq!(Open::detect(&wikidata.join("groups.json"))?, DataKind::Sparql);
    /// assert_eq!(Open::detect(&wikidata.join("dump.json"))?, DataKind::WikidataDump);
    /// assert_eq!(Open::detect("tests/fixtures/formats/davis.json".as_ref())?, DataKind::NodeLink);
    /// assert!(Open::detect("no/such/dir".as_ref()).is_err());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn detect(path: &Path) -> crate::error::Result<DataKind> {
        let unreadable = |message: String| {
            Error::new(ErrorKind::Io {
                path: path.to_path_buf(),
                message,
            })
        };
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            for base in IMDB_FILES {
                for name in [format!("{base}.tsv"), format!("{base}.tsv.gz")] {
                    let file = path.join(&name);
                    if file.is_file() && looks_like_imdb(&file) {
                        return Ok(DataKind::Imdb);
                    }
                }
            }
            if ["people.csv", "works.csv", "credits.csv"]
                .iter()
                .all(|f| path.join(f).is_file())
            {
                return Ok(DataKind::CsvTables);
            }
            let has_ron = std::fs::read_dir(path)
                .map_err(|e| Error::io(path, e))?
                .filter_map(|e| e.ok())
                .any(|e| e.path().extension().is_some_and(|x| x == "ron"));
            if has_ron {
                return Ok(DataKind::Ron);
            }
            return Err(unreadable(
                "no data here: expected .ron files, IMDb's name.basics.tsv, title.basics.tsv \
                 and title.principals.tsv (plain or .gz), or people.csv, works.csv and \
                 credits.csv"
                    .to_string(),
            ));
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("ron") => return Ok(DataKind::Ron),
            Some("csv") => return Ok(DataKind::Csv),
            Some("srj") => return Ok(DataKind::Sparql),
            Some("gz") if has_suffix(path, ".json.gz") => return Ok(DataKind::WikidataDump),
            // Only a regular file is looked into: a FIFO would block.
            Some("json") if meta.is_file() => return Ok(json_kind(path)),
            Some("json") => return Ok(DataKind::NodeLink),
            Some("graphml" | "xml") => return Ok(DataKind::Graphml),
            Some("gexf") => return Ok(DataKind::Gexf),
            _ => {}
        }
        if !meta.is_file() {
            // A FIFO would block the first read, a device such as /dev/zero
            // never ends: the readers refuse them by type, unread, with the
            // message every reader gives.
            return Ok(if ext.as_deref() == Some("tsv") {
                DataKind::Tsv
            } else {
                DataKind::Ron
            });
        }
        let head = first_bytes(path, 512).map_err(|e| Error::io(path, e))?;
        if looks_like_imdb_head(&head) {
            return Err(unreadable(
                "one IMDb file; pass the directory that holds all three".to_string(),
            ));
        }
        if ext.as_deref() == Some("tsv") {
            return Ok(DataKind::Tsv);
        }
        // Text that was cut at 512 bytes may end inside a character; anything
        // else that is not UTF-8 is not data.
        let binary = match std::str::from_utf8(&head) {
            Ok(text) => text.contains('\0'),
            Err(e) => e.error_len().is_some(),
        };
        if binary {
            return Err(unreadable(
                "not a data file this crate reads (RON, CSV, TSV, node-link JSON, GraphML, \
                 GEXF, or a directory of IMDb files)"
                    .to_string(),
            ));
        }
        Err(Error::invalid_value(
            "data file",
            &path.display().to_string(),
            [
                "*.ron",
                "*.csv",
                "*.tsv",
                "*.json",
                "*.graphml",
                "*.gexf",
                "a directory of them",
            ]
            .map(String::from),
        ))
    }

    /// Loads `path` with the reader of its kind ([`Open::detect`]).
    ///
    /// # Errors
    ///
    /// What [`Open::detect`] finds wrong with the path, and the reader's
    /// errors (with file, line and column).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::{DataKind, Open, OpenReport};
    ///
    /// let opened = Open::new().open("tests/fixtures/imdb/good")?;
    /// assert_eq!(opened.kind, DataKind::Imdb);
    /// assert!(matches!(&opened.report, OpenReport::Imdb(r) if r.names > 0));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn open(&self, path: impl AsRef<Path>) -> crate::error::Result<Opened> {
        let path = path.as_ref();
        let kind = Open::detect(path)?;
        let read = |loaded: super::Loaded| (loaded.explorer, OpenReport::Read(loaded.report));
        let (explorer, report) = match kind {
            DataKind::Bundled | DataKind::Ron => (Explorer::from_path(path)?, OpenReport::None),
            DataKind::Imdb => {
                let mut imdb = Imdb::new().korean(self.korean);
                if let Some(f) = &self.progress {
                    imdb = imdb.progress(f);
                }
                let imported = imdb.from_dir(path)?;
                (imported.explorer, OpenReport::Imdb(imported.report))
            }
            DataKind::CsvTables => read(super::Csv::new().from_dir(path)?),
            DataKind::Csv => read(super::Csv::new().from_path(path)?),
            DataKind::Tsv => read(super::Csv::new().delimiter(b'\t').from_path(path)?),
            #[cfg(feature = "serde")]
            DataKind::NodeLink => read(super::NodeLink::new().from_path(path)?),
            #[cfg(not(feature = "serde"))]
            DataKind::NodeLink => {
                return Err(Error::invalid_value(
                    "data file",
                    &path.display().to_string(),
                    ["node-link JSON needs hallyu's `serde` feature".to_string()],
                ));
            }
            DataKind::Graphml => read(super::Graphml::new().from_path(path)?),
            #[cfg(feature = "serde")]
            DataKind::Sparql | DataKind::WikidataDump => {
                let read = if kind == DataKind::Sparql {
                    super::Sparql::new().from_path(path)?
                } else {
                    super::Dump::new().from_path(path)?
                };
                let report = read.report.clone();
                let merged = super::Merge::default().wikidata(read).build()?;
                (merged.explorer, OpenReport::Wikidata(report))
            }
            #[cfg(not(feature = "serde"))]
            DataKind::Sparql | DataKind::WikidataDump => {
                return Err(Error::invalid_value(
                    "data file",
                    &path.display().to_string(),
                    ["Wikidata's JSON needs hallyu's `serde` feature".to_string()],
                ));
            }
            DataKind::Gexf => read(super::Gexf::new().from_path(path)?),
        };
        Ok(Opened {
            explorer,
            kind,
            report,
        })
    }
}

/// Loads any supported file or directory into an explorer, choosing the
/// reader by what the path holds ([`Open::detect`]):
///
/// | path | reader |
/// |---|---|
/// | `*.ron`, or a directory of `*.ron` files | [`Explorer::from_path`] (the RON catalog) |
/// | a directory with `name.basics.tsv[.gz]`, … | [`Imdb`] |
/// | a directory with `people.csv`, `works.csv`, `credits.csv` | [`Csv::from_dir`](super::Csv::from_dir) |
/// | `*.csv`; `*.tsv` (tab-separated) | [`Csv`](super::Csv) edge list |
/// | `*.json` | [`NodeLink`](super::NodeLink), or Wikidata's [`Sparql`](super::Sparql) results or [`Dump`](super::Dump) (told by the content; with the `serde` feature) |
/// | `*.srj`; `*.json.gz` | [`Sparql`](super::Sparql); [`Dump`](super::Dump) |
/// | `*.graphml`, `*.xml` | [`Graphml`](super::Graphml) |
/// | `*.gexf` | [`Gexf`](super::Gexf) |
///
/// The readers' reports are dropped; [`Open::open`] keeps them.
///
/// # Errors
///
/// The reader's errors; [`ErrorKind::Io`] for a path that does not exist
/// or holds no data this crate reads.
///
/// # Example
///
/// ```
/// let dir = std::env::temp_dir().join("hallyu-doc-open");
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("credits.csv");
/// std::fs::write(&path, "person,work\nA,W\nB,W\n").unwrap();
/// let explorer = hallyu::import::open(&path)?;
/// assert_eq!(explorer.people().len(), 2);
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn open(path: impl AsRef<Path>) -> crate::error::Result<Explorer> {
    Open::new().open(path).map(|opened| opened.explorer)
}

fn has_suffix(path: &Path, suffix: &str) -> bool {
    path.to_string_lossy()
        .to_ascii_lowercase()
        .ends_with(suffix)
}

/// A `.json` file: an array is a Wikidata dump; an object whose first key
/// is `head` or `results` is SPARQL results; anything else (or an
/// unreadable file, which the reader then reports) node-link JSON.
fn json_kind(path: &Path) -> DataKind {
    let Ok(head) = first_bytes(path, 4096) else {
        return DataKind::NodeLink;
    };
    let text = String::from_utf8_lossy(&head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('[') {
        return DataKind::WikidataDump;
    }
    let Some(rest) = text.strip_prefix('{') else {
        return DataKind::NodeLink;
    };
    let rest = rest.trim_start();
    if rest.starts_with("\"head\"") || rest.starts_with("\"results\"") {
        DataKind::Sparql
    } else {
        DataKind::NodeLink
    }
}

fn first_bytes(path: &Path, n: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(n);
    std::fs::File::open(path)?
        .take(n as u64)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

/// An IMDb file starts with a tab-separated header whose first column is
/// `nconst` or `tconst`, gzip-compressed or not.
fn looks_like_imdb(path: &Path) -> bool {
    first_bytes(path, 8).is_ok_and(|head| looks_like_imdb_head(&head))
}

fn looks_like_imdb_head(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
        || head.starts_with(b"nconst\t")
        || head.starts_with(b"tconst\t")
}
