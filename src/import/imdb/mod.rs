//! The IMDb non-commercial datasets (`name.basics`, `title.basics`,
//! `title.principals`) → an [`Explorer`] in compact form.
//!
//! The options ([`Imdb`]), what an import gives back and the load itself
//! ([`Imdb::from_dir`]) are here; the rows are read in `rows.rs`, the files
//! in `files.rs` (their keys and names kept in the tables of `tables.rs`),
//! and `assemble.rs` makes the explorer of what was read.

mod assemble;
mod files;
mod rows;
mod tables;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;

use crate::error::{Error, ErrorKind, Result};
use crate::explorer::Explorer;
use crate::graph::memory_phase;
use crate::import::tsv::MAX_LINE;
use assemble::assemble;
use files::{AKAS, read_akas, read_names, read_principals, read_titles};
use rows::Ctx;
use tables::IdMap;

/// How far loading has come, passed to the callback of [`Imdb::progress`].
///
/// # Example
///
/// ```
/// use std::sync::atomic::{AtomicU64, Ordering};
/// use hallyu::import::{Imdb, Progress};
///
/// # let dir = std::env::temp_dir().join(format!("hallyu-doc-progress-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// # std::fs::write(dir.join("name.basics.tsv"), "nconst\tprimaryName\tbirthYear\nnm0000001\tLee Min-ho\t1987\nnm0000002\tSandara Park\t1984\n")?;
/// # std::fs::write(dir.join("title.basics.tsv"), "tconst\ttitleType\tprimaryTitle\tstartYear\ntt0000001\tmusicVideo\tKiss\t2009\n")?;
/// # std::fs::write(dir.join("title.principals.tsv"), "tconst\tordering\tnconst\tcategory\ntt0000001\t1\tnm0000002\tself\ntt0000001\t2\tnm0000001\tactor\n")?;
/// let last = AtomicU64::new(0);
/// let total = AtomicU64::new(0);
/// Imdb::new()
///     .progress(|p: Progress| {
///         last.store(p.read, Ordering::Relaxed);
///         total.store(p.total, Ordering::Relaxed);
///     })
///     .from_dir(&dir)?;
/// let size: u64 = ["name.basics.tsv", "title.basics.tsv", "title.principals.tsv"]
///     .iter()
///     .map(|f| std::fs::metadata(dir.join(f)).unwrap().len())
///     .sum();
/// assert_eq!(total.load(Ordering::Relaxed), size);
/// assert_eq!(last.load(Ordering::Relaxed), size); // the last call: everything read
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// Bytes read so far from the three files (compressed bytes for gzip).
    pub read: u64,
    /// The sizes of the three files added up.
    pub total: u64,
}

/// What an import read, kept and left out, returned with the explorer by
/// [`Imdb::from_dir`].
///
/// # Example
///
/// ```
/// use hallyu::import::Imdb;
///
/// # let dir = std::env::temp_dir().join(format!("hallyu-doc-report-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// # std::fs::write(dir.join("name.basics.tsv"), "nconst\tprimaryName\tbirthYear\nnm0000001\tLee Min-ho\t1987\nnm0000002\tSandara Park\t1984\n")?;
/// std::fs::write(
///     dir.join("title.basics.tsv"),
///     "tconst\ttitleType\tprimaryTitle\tstartYear\n\
///      tt0000001\tmusicVideo\tKiss\t2009\n\
///      tt0000002\tvideoGame\tA Game\t2010\n",
/// )?;
/// std::fs::write(
///     dir.join("title.principals.tsv"),
///     "tconst\tordering\tnconst\tcategory\n\
///      tt0000001\t1\tnm0000002\tself\n\
///      tt0000001\t2\tnm0000001\tactor\n\
///      tt0000001\t3\tnm0000001\twriter\n\
///      tt0000001\t4\tnm0000009\tactor\n",
/// )?;
/// let report = Imdb::new().from_dir(&dir)?.report;
/// assert_eq!((report.names, report.titles, report.principals), (2, 2, 4));
/// assert_eq!((report.people, report.works, report.credits), (2, 1, 2));
/// assert_eq!(report.skipped_titles, 1); // the video game
/// assert_eq!(report.skipped_principals, 1); // the writer
/// assert_eq!(report.dangling, 1); // nm0000009 is not in name.basics
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// Data rows of `name.basics`.
    pub names: usize,
    /// Data rows of `title.basics`.
    pub titles: usize,
    /// Data rows of `title.principals`.
    pub principals: usize,
    /// People kept: those with at least one credit that maps to a role.
    pub people: usize,
    /// Works kept: titles of a kept type with at least one such credit.
    pub works: usize,
    /// Credits kept, after collapsing duplicates.
    pub credits: usize,
    /// Titles of a type that maps to no work kind (`videoGame`, podcasts,
    /// …); a repeated key counts once, in [`Report::duplicate_keys`] for
    /// its later rows (the first row of a key wins, whatever its type).
    pub skipped_titles: usize,
    /// Principals whose category maps to no role (`writer`, `producer`,
    /// `archive_footage`, …), or whose title was skipped.
    pub skipped_principals: usize,
    /// Principals naming a person or title missing from the other files.
    pub dangling: usize,
    /// Credits dropped because the same person already had an equivalent
    /// credit on the same title.
    pub duplicates: usize,
    /// Rows whose key appeared on an earlier row of the same file (the
    /// first wins, even when its title type is skipped). Keys are compared
    /// as written: `nm01` and `nm0000001` are two keys.
    pub duplicate_keys: usize,
    /// Malformed rows skipped (only with [`Imdb::skip_bad_rows`]), all
    /// files together: the sum of [`Report::bad_rows_per_file`] and
    /// [`Report::bad_akas_rows`].
    pub bad_rows: usize,
    /// Malformed rows skipped in each file, in the order of [`FILES`]
    /// (`name.basics`, `title.basics`, `title.principals`), so that each
    /// file's rows can be accounted for.
    pub bad_rows_per_file: [usize; 3],
    /// Data rows of `title.akas` (only with [`Imdb::korean`]; 0 otherwise).
    pub akas: usize,
    /// Titles of `title.akas` that the Korean rule selects (only with
    /// [`Imdb::korean`]), whether or not `title.basics` has them.
    pub korean_titles: usize,
    /// Rows of `title.basics` left out because the Korean rule does not
    /// select their title (only with [`Imdb::korean`]), whatever their type.
    pub not_korean: usize,
    /// Principals left out because the Korean rule does not select their
    /// title (only with [`Imdb::korean`]).
    pub not_korean_principals: usize,
    /// Malformed rows of `title.akas` skipped (only with
    /// [`Imdb::skip_bad_rows`] and [`Imdb::korean`]).
    pub bad_akas_rows: usize,
}

/// The counts `hallyu stats` shows.
impl From<&Report> for crate::query::answer::ImportCounts {
    fn from(report: &Report) -> Self {
        crate::query::answer::ImportCounts {
            names_read: report.names,
            titles_read: report.titles,
            principals_read: report.principals,
            skipped_titles: report.skipped_titles,
            skipped_principals: report.skipped_principals,
            dangling: report.dangling,
            duplicates: report.duplicates,
            duplicate_keys: report.duplicate_keys,
            bad_rows: report.bad_rows,
            korean: (report.akas > 0).then_some(crate::query::answer::KoreanCounts {
                akas_read: report.akas,
                korean_titles: report.korean_titles,
                titles_left_out: report.not_korean,
                principals_left_out: report.not_korean_principals,
                bad_akas_rows: report.bad_akas_rows,
            }),
        }
    }
}

/// An imported dataset: the explorer and the report of the import.
///
/// # Example
///
/// ```
/// use hallyu::{Filter, import::Imdb};
///
/// # let dir = std::env::temp_dir().join(format!("hallyu-doc-imported-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// # std::fs::write(dir.join("name.basics.tsv"), "nconst\tprimaryName\tbirthYear\nnm0000001\tLee Min-ho\t1987\nnm0000002\tSandara Park\t1984\n")?;
/// # std::fs::write(dir.join("title.basics.tsv"), "tconst\ttitleType\tprimaryTitle\tstartYear\ntt0000001\tmusicVideo\tKiss\t2009\n")?;
/// # std::fs::write(dir.join("title.principals.tsv"), "tconst\tordering\tnconst\tcategory\ntt0000001\t1\tnm0000002\tself\ntt0000001\t2\tnm0000001\tactor\n")?;
/// let imported = Imdb::new().from_dir(&dir)?;
/// let ex = &imported.explorer;
/// let dara = ex.person("nm0000002")?;
/// let costars = ex.co_appearances(dara, &Filter::new());
/// assert_eq!(ex.get(costars.as_slice()[0].person).name(), "Lee Min-ho");
/// assert_eq!(imported.report.credits, 2);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct Imported {
    /// The explorer, ready for every query.
    pub explorer: Explorer,
    /// What was read, kept and left out.
    pub report: Report,
}

type Callback<'a> = dyn Fn(Progress) + Send + Sync + 'a;

/// Options for importing the IMDb non-commercial datasets, ending in
/// [`Imdb::from_dir`].
///
/// The directory must hold `name.basics.tsv`, `title.basics.tsv` and
/// `title.principals.tsv`, each possibly gzip-compressed (`.tsv.gz`, with
/// the `gzip` feature). Files are streamed: only one line of each is in
/// memory at a time. See the [module docs](crate::import) for how titles and
/// categories are mapped.
///
/// # Example
///
/// ```
/// use hallyu::import::Imdb;
/// use hallyu::Filter;
///
/// let dir = std::env::temp_dir().join("hallyu-doc-imdb");
/// hallyu::import::synthetic::Synthetic::new(300, 80).seed(7).write_to(&dir)?;
/// let imported = Imdb::new().from_dir(&dir)?;
/// let explorer = &imported.explorer;
/// assert_eq!(explorer.people().len(), imported.report.people);
/// let someone = explorer.people().next().unwrap();
/// let costars = explorer.co_appearances(someone, &Filter::new());
/// for c in &costars {
///     assert!(!explorer.shared_works(someone, c.person, &Filter::new()).is_empty());
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Default)]
pub struct Imdb<'a> {
    skip_bad_rows: bool,
    korean: bool,
    max_line: Option<usize>,
    progress: Option<Box<Callback<'a>>>,
}

impl std::fmt::Debug for Imdb<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Imdb")
            .field("skip_bad_rows", &self.skip_bad_rows)
            .field("korean", &self.korean)
            .finish_non_exhaustive()
    }
}

/// The three files of the layout, by base name.
///
/// # Example
///
/// ```
/// use hallyu::import::{Imdb, FILES};
///
/// let dir = std::env::temp_dir().join(format!("hallyu-doc-files-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// assert_eq!(FILES, ["name.basics", "title.basics", "title.principals"]);
/// // An empty directory: the first file is missing.
/// let err = Imdb::new().from_dir(&dir).unwrap_err();
/// assert!(err.to_string().contains("no name.basics.tsv or name.basics.tsv.gz"));
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const FILES: [&str; 3] = ["name.basics", "title.basics", "title.principals"];

impl<'a> Imdb<'a> {
    /// The default bound on a line's length, in bytes (64 MiB); see
    /// [`Imdb::max_line`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Imdb;
    ///
    /// assert_eq!(Imdb::MAX_LINE, 64 * 1024 * 1024);
    /// ```
    pub const MAX_LINE: usize = MAX_LINE;

    /// Default options: a malformed row is an error.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Imdb;
    ///
    /// # let dir = std::env::temp_dir().join(format!("hallyu-doc-imdb-new-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// # std::fs::write(dir.join("name.basics.tsv"), "nconst\tprimaryName\tbirthYear\nnm0000001\tLee Min-ho\t1987\nnm0000002\tSandara Park\t1984\n")?;
    /// # std::fs::write(dir.join("title.basics.tsv"), "tconst\ttitleType\tprimaryTitle\tstartYear\ntt0000001\tmusicVideo\tKiss\t2009\n")?;
    /// # std::fs::write(dir.join("title.principals.tsv"), "tconst\tordering\tnconst\tcategory\ntt0000001\t1\tnm0000002\tself\ntt0000001\t2\tnm0000001\tactor\n")?;
    /// // A malformed row is an error, located at its file, line and column.
    /// std::fs::write(dir.join("title.basics.tsv"), "tconst\ttitleType\tprimaryTitle\tstartYear\ntt1\tmovie\tX\tsoon\n")?;
    /// let err = Imdb::new().from_dir(&dir).unwrap_err();
    /// let at = err.location().unwrap();
    /// assert!(at.file.ends_with("title.basics.tsv"));
    /// assert_eq!((at.line, at.column), (2, 13)); // at `soon`
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Imdb<'a> {
        Imdb::default()
    }

    /// Whether to skip malformed rows (counted in [`Report::bad_rows`])
    /// instead of failing on the first one.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Imdb;
    ///
    /// # let dir = std::env::temp_dir().join(format!("hallyu-doc-skip-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// # std::fs::write(dir.join("name.basics.tsv"), "nconst\tprimaryName\tbirthYear\nnm0000001\tLee Min-ho\t1987\nnm0000002\tSandara Park\t1984\n")?;
    /// # std::fs::write(dir.join("title.principals.tsv"), "tconst\tordering\tnconst\tcategory\ntt0000001\t1\tnm0000002\tself\ntt0000001\t2\tnm0000001\tactor\n")?;
    /// std::fs::write(
    ///     dir.join("title.basics.tsv"),
    ///     "tconst\ttitleType\tprimaryTitle\tstartYear\n\
    ///      tt0000001\tmusicVideo\tKiss\t2009\n\
    ///      tt0000002\tmovie\tNo Year\tsoon\n",
    /// )?;
    /// assert!(Imdb::new().from_dir(&dir).is_err());
    /// let imported = Imdb::new().skip_bad_rows(true).from_dir(&dir)?;
    /// assert_eq!(imported.report.bad_rows, 1);
    /// assert_eq!(imported.report.bad_rows_per_file, [0, 1, 0]);
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn skip_bad_rows(mut self, yes: bool) -> Imdb<'a> {
        self.skip_bad_rows = yes;
        self
    }

    /// Keeps only Korean titles, the people credited on them and nothing
    /// else, as `title.akas.tsv` (or `.tsv.gz`, which must then be in the
    /// directory) tells them apart.
    ///
    /// # The rule
    ///
    /// A title is Korean when one of its rows in `title.akas`
    ///
    /// 1. has `isOriginalTitle` = 1 and a `title` holding Hangul (a
    ///    syllable or a jamo), or
    /// 2. has `isOriginalTitle` = 1 and `region` = `KR`.
    ///
    /// A `KR` row that is not the original title is not enough: foreign
    /// films released in Korea have one, in Hangul. The work's Hangul is
    /// its original title when that is in Hangul, else the first `KR` row
    /// in Hangul, else none. A title absent from `title.akas` is not Korean.
    ///
    /// `title.akas` is streamed: only the rows of one title (IMDb's files
    /// keep them together) and the selected keys with their Hangul are
    /// held. Rows of `title.basics` and principals of titles the rule does
    /// not select are counted in [`Report::not_korean`] and
    /// [`Report::not_korean_principals`] (a principal of a title missing
    /// from both files counts there too, not in [`Report::dangling`]).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Imdb;
    ///
    /// # let dir = std::env::temp_dir().join(format!("hallyu-doc-korean-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// # std::fs::write(dir.join("name.basics.tsv"), "nconst\tprimaryName\tbirthYear\nnm0000001\tLee Min-ho\t1987\nnm0000002\tSandara Park\t1984\nnm0000003\tAnna Smith\t1970\n")?;
    /// std::fs::write(
    ///     dir.join("title.basics.tsv"),
    ///     "tconst\ttitleType\tprimaryTitle\tstartYear\n\
    ///      tt0000001\ttvSeries\tThe Heirs\t2013\n\
    ///      tt0000002\tmovie\tA Foreign Film\t2010\n",
    /// )?;
    /// std::fs::write(
    ///     dir.join("title.principals.tsv"),
    ///     "tconst\tordering\tnconst\tcategory\n\
    ///      tt0000001\t1\tnm0000001\tactor\n\
    ///      tt0000002\t1\tnm0000003\tactress\n\
    ///      tt0000002\t2\tnm0000002\tactress\n",
    /// )?;
    /// std::fs::write(
    ///     dir.join("title.akas.tsv"),
    ///     "titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle\n\
    ///      tt0000001\t1\t상속자들\t\\N\t\\N\toriginal\t\\N\t1\n\
    ///      tt0000001\t2\tThe Heirs\tUS\t\\N\timdbDisplay\t\\N\t0\n\
    ///      tt0000002\t1\tA Foreign Film\t\\N\t\\N\toriginal\t\\N\t1\n\
    ///      tt0000002\t2\t외국 영화\tKR\tko\timdbDisplay\t\\N\t0\n",
    /// )?;
    /// let imported = Imdb::new().korean(true).from_dir(&dir)?;
    /// let ex = &imported.explorer;
    /// let heirs = ex.work("tt0000001")?;
    /// assert_eq!(ex.get(heirs).hangul(), Some("상속자들"));
    /// assert!(ex.by_key("tt0000002").is_none()); // released in Korea, not Korean
    /// assert!(ex.person("Sandara Park").is_err()); // credited on it only
    /// let r = &imported.report;
    /// assert_eq!((r.akas, r.korean_titles, r.not_korean, r.not_korean_principals), (4, 1, 1, 2));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn korean(mut self, yes: bool) -> Imdb<'a> {
        self.korean = yes;
        self
    }

    /// The longest line accepted, in bytes ([`Imdb::MAX_LINE`], 64 MiB, by
    /// default). A longer line is a located error ("line longer than N
    /// bytes"), or a bad row with [`Imdb::skip_bad_rows`]; at most this many
    /// bytes of it are held in memory.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Imdb;
    ///
    /// # let dir = std::env::temp_dir().join(format!("hallyu-doc-max-line-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// # std::fs::write(dir.join("name.basics.tsv"), "nconst\tprimaryName\tbirthYear\nnm0000001\tLee Min-ho\t1987\nnm0000002\tSandara Park\t1984\n")?;
    /// # std::fs::write(dir.join("title.basics.tsv"), "tconst\ttitleType\tprimaryTitle\tstartYear\ntt0000001\tmusicVideo\tKiss\t2009\n")?;
    /// # std::fs::write(dir.join("title.principals.tsv"), "tconst\tordering\tnconst\tcategory\ntt0000001\t1\tnm0000002\tself\ntt0000001\t2\tnm0000001\tactor\n")?;
    /// assert!(Imdb::new().max_line(1024).from_dir(&dir).is_ok());
    /// let err = Imdb::new().max_line(16).from_dir(&dir).unwrap_err();
    /// assert!(err.to_string().contains("longer than 16 bytes"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max_line(mut self, bytes: usize) -> Imdb<'a> {
        self.max_line = Some(bytes);
        self
    }

    /// Calls `f` now and then while loading (from the loading threads).
    ///
    /// # Example
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// use hallyu::import::Imdb;
    ///
    /// # let dir = std::env::temp_dir().join(format!("hallyu-doc-progress-fn-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// # std::fs::write(dir.join("name.basics.tsv"), "nconst\tprimaryName\tbirthYear\nnm0000001\tLee Min-ho\t1987\nnm0000002\tSandara Park\t1984\n")?;
    /// # std::fs::write(dir.join("title.basics.tsv"), "tconst\ttitleType\tprimaryTitle\tstartYear\ntt0000001\tmusicVideo\tKiss\t2009\n")?;
    /// # std::fs::write(dir.join("title.principals.tsv"), "tconst\tordering\tnconst\tcategory\ntt0000001\t1\tnm0000002\tself\ntt0000001\t2\tnm0000001\tactor\n")?;
    /// let calls = AtomicUsize::new(0);
    /// let imported = Imdb::new()
    ///     .progress(|p| {
    ///         assert!(p.read <= p.total);
    ///         calls.fetch_add(1, Ordering::Relaxed);
    ///     })
    ///     .from_dir(&dir)?;
    /// assert!(calls.load(Ordering::Relaxed) >= 1);
    /// assert_eq!(imported.report.works, 1);
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn progress(mut self, f: impl Fn(Progress) + Send + Sync + 'a) -> Imdb<'a> {
        self.progress = Some(Box::new(f));
        self
    }

    /// Imports the three files of `dir`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] when a file is missing or cannot be read (a
    /// truncated gzip file included; the location names the line reached),
    /// when both `x.tsv` and `x.tsv.gz` are present (hallyu does not
    /// choose), or when a file is not a regular file (a FIFO, a device, a
    /// directory: refused by type before it is opened);
    /// and [`ErrorKind::Parse`] located at file, line and column for a
    /// malformed row (wrong number of fields, an id that is not `nm…`/`tt…`
    /// with digits, a year or ordering that is not a number, invalid UTF-8,
    /// a line longer than [`Imdb::max_line`], a header holding a carriage
    /// return — CR-only line ends, more than 2^29 (536,870,912) rows in
    /// `name.basics`, the most a principal's 8 bytes can address; IMDb has
    /// about 14 million),
    /// unless [`Imdb::skip_bad_rows`] is on.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Filter, import::Imdb};
    ///
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-from-dir-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(
    ///     dir.join("name.basics.tsv"),
    ///     "nconst\tprimaryName\tbirthYear\n\
    ///      nm0000001\tLee Min-ho\t1987\n\
    ///      nm0000002\tSandara Park\t1984\n\
    ///      nm0000003\tKim Woo-bin\t1989\n",
    /// )?;
    /// std::fs::write(
    ///     dir.join("title.basics.tsv"),
    ///     "tconst\ttitleType\tprimaryTitle\tstartYear\n\
    ///      tt0000001\tmusicVideo\tKiss\t2009\n\
    ///      tt0000002\ttvSeries\tThe Heirs\t2013\n",
    /// )?;
    /// std::fs::write(
    ///     dir.join("title.principals.tsv"),
    ///     "tconst\tordering\tnconst\tcategory\n\
    ///      tt0000001\t1\tnm0000002\tself\n\
    ///      tt0000001\t2\tnm0000001\tactor\n\
    ///      tt0000002\t1\tnm0000001\tactor\n\
    ///      tt0000002\t2\tnm0000003\tactor\n",
    /// )?;
    /// let imported = Imdb::new().from_dir(&dir)?;
    /// let ex = &imported.explorer;
    /// let (dara, woo_bin) = (ex.person("Sandara Park")?, ex.person("nm0000003")?);
    /// let path = ex.shortest_path(dara, woo_bin, &Filter::new()).unwrap();
    /// assert_eq!(path.len(), 2); // Kiss, then The Heirs, through Lee Min-ho
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_dir(&self, dir: impl AsRef<Path>) -> Result<Imported> {
        let dir = dir.as_ref();
        memory_phase("load started");
        let mut paths: Vec<PathBuf> = FILES
            .iter()
            .map(|base| find(dir, base))
            .collect::<Result<_>>()?;
        if self.korean {
            paths.push(find(dir, AKAS).map_err(|e| match e.kind() {
                ErrorKind::Io { path, message } => Error::new(ErrorKind::Io {
                    path: path.clone(),
                    message: format!("{message}: the Korean selection needs it"),
                }),
                _ => e,
            })?);
        }
        let total = paths
            .iter()
            .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
            .sum();
        let counter = AtomicU64::new(0);
        let ctx = Ctx {
            skip: self.skip_bad_rows,
            progress: self.progress.as_deref(),
            counter: &counter,
            total,
            max_line: self.max_line.unwrap_or(MAX_LINE),
        };
        // names.basics on a thread of its own (with the map of its keys),
        // beside the akas and titles; then the principals, on every core,
        // resolving titles and people as they are read.
        let (names, rest) = std::thread::scope(|s| {
            let names = s.spawn(|| {
                read_names(&paths[0], &ctx).map(|names| {
                    let mut duplicates = 0;
                    let map = IdMap::of_table(&names.section.table, |_| duplicates += 1);
                    (names, map, duplicates)
                })
            });
            let korean = match paths.get(3) {
                Some(akas) => read_akas(akas, &ctx).map(Some),
                None => Ok(None),
            };
            let titles = korean.and_then(|k| Ok((read_titles(&paths[1], k.as_ref(), &ctx)?, k)));
            let names = names
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            let rest = titles.and_then(|(t, k)| {
                // Without the names (their file failed), the principals are
                // still read, so that their error comes first, as the
                // titles' does.
                let no_people = IdMap::empty();
                let people = names.as_ref().map_or(&no_people, |n| &n.1);
                let p = read_principals(&paths[2], &t, people, k.as_ref(), &ctx)?;
                Ok((t, p, k))
            });
            (names, rest)
        });
        let (titles, principals, korean) = rest?;
        let (names, person_map, duplicate_people) = names?;
        drop(person_map);
        memory_phase("files read");
        ctx.report();
        let files = [0, 1, 2].map(|i| paths[i].display().to_string());
        let mut imported = assemble(files, names, duplicate_people, titles, principals);
        if let Some(k) = korean {
            let r = &mut imported.report;
            r.akas = k.rows;
            r.korean_titles = k.titles.len();
            r.bad_akas_rows = k.bad;
            r.bad_rows += k.bad;
        }
        Ok(imported)
    }
}

/// `dir/base.tsv` or `dir/base.tsv.gz`, whichever exists (as anything: a
/// FIFO or a directory of that name is refused when opened, with its type);
/// both is an error, not a silent choice.
fn find(dir: &Path, base: &str) -> Result<PathBuf> {
    let plain = dir.join(format!("{base}.tsv"));
    let gz = dir.join(format!("{base}.tsv.gz"));
    // `symlink_metadata`: a broken symlink exists (and fails when opened).
    let exists = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    match (exists(&plain), exists(&gz)) {
        (true, true) => Err(Error::new(ErrorKind::Io {
            path: plain,
            message: format!(
                "both {base}.tsv and {base}.tsv.gz are in this directory: remove one \
                 (hallyu does not choose)"
            ),
        })),
        (true, false) => Ok(plain),
        (false, true) => Ok(gz),
        (false, false) => Err(Error::new(ErrorKind::Io {
            path: plain,
            message: format!("no {base}.tsv or {base}.tsv.gz in this directory"),
        })),
    }
}
