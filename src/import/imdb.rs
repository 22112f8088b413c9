//! The IMDb non-commercial datasets (`name.basics`, `title.basics`,
//! `title.principals`) → an [`Explorer`] in compact form.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, ErrorKind, Result};
use crate::explorer::Explorer;
use crate::graph::{GraphBuilder, memory_phase};
use crate::import::tsv::MAX_LINE;
use crate::import::tsv::{Block, Fields, Row, Tsv};
use crate::model::{RoleKind, WorkKind};

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

struct Ctx<'c, 'a> {
    skip: bool,
    max_line: usize,
    progress: Option<&'c Callback<'a>>,
    counter: &'c AtomicU64,
    total: u64,
}

impl Ctx<'_, '_> {
    fn report(&self) {
        if let Some(f) = self.progress {
            f(Progress {
                read: self.counter.load(Ordering::Relaxed),
                total: self.total,
            });
        }
    }

    /// Reads every row of `tsv`, handing each to `f`; a row error is
    /// returned or counted in `bad`.
    fn rows(
        &self,
        tsv: &mut Tsv<'_>,
        bad: &mut usize,
        mut f: impl FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<usize> {
        let mut rows = 0;
        loop {
            let outcome = match tsv.next_row() {
                Ok(Some(row)) => {
                    rows += 1;
                    if row.number % (1 << 16) == 0 {
                        self.report();
                    }
                    f(&row)
                }
                Ok(None) => return Ok(rows),
                Err(e) => {
                    rows += 1;
                    Err(e)
                }
            };
            if let Err(e) = outcome {
                if self.skip && matches!(e.kind(), ErrorKind::Parse { .. }) {
                    *bad += 1;
                } else {
                    return Err(e);
                }
            }
        }
    }

    /// [`Ctx::rows`] on several threads, for the largest file: a thread
    /// reads blocks of whole lines, workers split and parse them with `f`,
    /// each block into a part of its own (`S::default()` at its start),
    /// finished by `end` on the worker, and this thread hands the parts to
    /// `merge` in file order. Rows, skips and the first error are those of
    /// [`Ctx::rows`].
    fn par_rows<S: Default + Send>(
        &self,
        tsv: &mut Tsv<'_>,
        bad: &mut usize,
        f: impl Fn(&mut S, &Row<'_>) -> Result<()> + Sync,
        end: impl Fn(&mut S) + Sync,
        mut merge: impl FnMut(S),
    ) -> Result<usize> {
        use std::sync::mpsc::{channel, sync_channel};
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 4));
        let (fields, f, end, skip) = (&tsv.fields(), &f, &end, self.skip);
        std::thread::scope(|s| {
            // Emptied blocks go back to the reading thread.
            let (free_tx, free_rx) = channel::<Block>();
            let (mut to_workers, mut from_workers) = (Vec::new(), Vec::new());
            for _ in 0..workers {
                let (block_tx, block_rx) = sync_channel::<Block>(2);
                let (part_tx, part_rx) = sync_channel::<Parsed<S>>(2);
                let free = free_tx.clone();
                s.spawn(move || {
                    for mut block in block_rx {
                        let mut parsed = parse_block(&mut block, fields, skip, f);
                        let _ = free.send(block);
                        end(&mut parsed.part);
                        if part_tx.send(parsed).is_err() {
                            return;
                        }
                    }
                });
                to_workers.push(block_tx);
                from_workers.push(part_rx);
            }
            drop(free_tx);
            // Block `i` goes to worker `i % workers`; a worker ends when
            // the reader does, or when this thread stops listening.
            s.spawn(move || {
                for i in 0.. {
                    let mut block = free_rx.try_recv().unwrap_or_default();
                    let more = tsv.next_block(&mut block, BLOCK);
                    let fatal = block
                        .error
                        .as_ref()
                        .is_some_and(|e| !matches!(e.kind(), ErrorKind::Parse { .. }));
                    if !more || to_workers[i % workers].send(block).is_err() || fatal {
                        return;
                    }
                }
            });
            let mut rows = 0;
            for i in 0.. {
                let Ok(parsed) = from_workers[i % workers].recv() else {
                    break;
                };
                rows += parsed.rows;
                *bad += parsed.bad;
                merge(parsed.part);
                self.report();
                if let Some(e) = parsed.fatal {
                    return Err(e);
                }
            }
            Ok(rows)
        })
    }
}

/// The bytes of whole lines in one block of [`Ctx::par_rows`].
const BLOCK: usize = 1 << 20;

/// One block parsed: its part, its rows (those in error too), the rows
/// skipped as bad, and the error that stopped it.
struct Parsed<S> {
    part: S,
    rows: usize,
    bad: usize,
    fatal: Option<Error>,
}

/// Parses the lines of `block`, and the error that ended it, as
/// [`Ctx::rows`] would.
fn parse_block<S: Default>(
    block: &mut Block,
    fields: &Fields,
    skip: bool,
    f: &impl Fn(&mut S, &Row<'_>) -> Result<()>,
) -> Parsed<S> {
    let mut parsed = Parsed {
        part: S::default(),
        rows: 0,
        bad: 0,
        fatal: None,
    };
    let end = block.error.take();
    let outcomes = block
        .lines()
        .map(|(number, line)| {
            fields
                .row(line, number)
                .and_then(|row| f(&mut parsed.part, &row))
        })
        .chain(end.map(Err));
    for outcome in outcomes {
        parsed.rows += 1;
        match outcome {
            Ok(()) => {}
            Err(e) if skip && matches!(e.kind(), ErrorKind::Parse { .. }) => parsed.bad += 1,
            Err(e) => {
                parsed.fatal = Some(e);
                break;
            }
        }
    }
    parsed
}

/// `\N`, IMDb's null.
fn is_null(field: &[u8]) -> bool {
    field == b"\\N"
}

/// `nm0000102` → (102, 7).
fn parse_key(row: &Row<'_>, file: &str, i: usize, prefix: &str) -> Result<(u32, u8)> {
    let f = row.get(i);
    let digits = f.strip_prefix(prefix.as_bytes()).unwrap_or(&[]);
    if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
        let shown = shorten(f);
        return Err(row.error(
            file,
            i,
            format!("invalid id \"{shown}\" (expected {prefix} and digits, e.g. {prefix}0000001)"),
        ));
    }
    let n = digits
        .iter()
        .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
    Ok((n, digits.len() as u8))
}

/// A year (`1994`) or `\N` (0).
fn parse_year(row: &Row<'_>, file: &str, i: usize) -> Result<i16> {
    let f = row.get(i);
    if is_null(f) {
        return Ok(0);
    }
    if f.is_empty() || f.len() > 4 || !f.iter().all(u8::is_ascii_digit) {
        let shown = shorten(f);
        return Err(row.error(
            file,
            i,
            format!("invalid year \"{shown}\" (expected digits or \\N)"),
        ));
    }
    Ok(f.iter().fold(0i16, |n, &d| n * 10 + i16::from(d - b'0')))
}

fn parse_text<'l>(row: &Row<'l>, file: &str, i: usize) -> Result<&'l str> {
    std::str::from_utf8(row.get(i)).map_err(|e| {
        let at = row.get(i)[e.valid_up_to()];
        row.error(
            file,
            i,
            format!("invalid UTF-8 (byte 0x{at:02x}): the files must be UTF-8"),
        )
    })
}

/// An offending value as shown in an error message: at most 40 characters,
/// so that a 10 MB field does not make a 10 MB message.
fn shorten(field: &[u8]) -> String {
    let text = String::from_utf8_lossy(field);
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.into_owned(),
    }
}

/// The keys and names of a section as read: key numbers with their digit
/// counts, and the names back to back.
#[derive(Default)]
struct Table {
    prefix: &'static str,
    ids: Vec<u32>,
    widths: Vec<u8>,
    text: String,
    ends: Vec<u32>,
}

impl Table {
    fn len(&self) -> usize {
        self.ids.len()
    }

    /// Keeps the rows flagged in `keep`, in place: no second copy of the
    /// names is made, and the memory of the others is given back.
    fn retain(&mut self, keep: &[bool]) {
        let mut text = std::mem::take(&mut self.text).into_bytes();
        let (mut at, mut kept) = (0, 0);
        for (i, _) in keep.iter().enumerate().filter(|(_, k)| **k) {
            let from = if i == 0 { 0 } else { self.ends[i - 1] as usize };
            let end = self.ends[i] as usize;
            text.copy_within(from..end, at);
            at += end - from;
            self.ends[kept] = at as u32;
            kept += 1;
        }
        text.truncate(at);
        text.shrink_to_fit();
        // Whole names were moved: the text is still UTF-8.
        self.text = String::from_utf8(text).unwrap_or_default();
        self.ends.truncate(kept);
        self.ends.shrink_to_fit();
        retain_rows(&mut self.ids, keep);
        retain_rows(&mut self.widths, keep);
    }

    /// The table as the graph keeps it (the columns moved, not copied).
    fn into_graph_table(self) -> crate::graph::Table {
        let p = self.prefix.as_bytes();
        crate::graph::Table::of_numeric_keys(
            [p[0], p[1]],
            self.ids,
            self.widths,
            self.text,
            self.ends,
        )
    }
}

/// Keeps the items of `rows` flagged in `keep`, in place, and gives the
/// memory of the others back.
fn retain_rows<T>(rows: &mut Vec<T>, keep: &[bool]) {
    let mut i = 0;
    rows.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    rows.shrink_to_fit();
}

/// A section as read: keys, names and per-row attributes.
#[derive(Default)]
struct Section {
    table: Table,
    rows: usize,
    bad: usize,
}

impl Section {
    /// Adds a row, its name in NFC; fails when the names of the section
    /// outgrow the 4 GiB that `u32` offsets address (real IMDb names take
    /// about 0.2 GB).
    fn push(&mut self, (id, width): (u32, u8), name: &str) -> std::result::Result<(), String> {
        // Names in NFC, as the RON loader keeps them: a decomposed spelling
        // and the precomposed one are one name.
        let name = crate::search::hangul::to_nfc(name);
        let end = u32::try_from(self.table.text.len() + name.len()).map_err(|_| {
            "the names of this file exceed 4 GiB, more than hallyu can hold".to_string()
        })?;
        self.table.ids.push(id);
        self.table.widths.push(width);
        self.table.text.push_str(&name);
        self.table.ends.push(end);
        Ok(())
    }
}

struct Names {
    section: Section,
    born: Vec<i16>,
}

fn read_names(path: &Path, ctx: &Ctx<'_, '_>) -> Result<Names> {
    let mut tsv = Tsv::open(path, ctx.counter, ctx.max_line)?;
    let (id, name, born_at) = (
        tsv.column("nconst")?,
        tsv.column("primaryName")?,
        tsv.column("birthYear")?,
    );
    let file = tsv.name.clone();
    let mut out = Names {
        section: Section::default(),
        born: Vec::new(),
    };
    out.section.table.prefix = "nm";
    let mut bad = 0;
    out.section.rows = ctx.rows(&mut tsv, &mut bad, |row| {
        let key = parse_key(row, &file, id, "nm")?;
        let text = parse_text(row, &file, name)?;
        let born = parse_year(row, &file, born_at)?;
        let text = if is_null(text.as_bytes()) { "" } else { text };
        if out.born.len() == MAX_NAMES {
            let m = format!("more than {MAX_NAMES} names, more than hallyu can hold");
            return Err(row.error(&file, id, m));
        }
        out.section
            .push(key, text)
            .map_err(|m| row.error(&file, name, m))?;
        out.born.push(born);
        Ok(())
    })?;
    out.section.bad = bad;
    memory_phase("names read");
    Ok(out)
}

/// The work kind of an IMDb title type, or `None` for types left out.
pub(crate) fn work_kind(title_type: &[u8]) -> Option<WorkKind> {
    Some(match title_type {
        b"movie" | b"tvMovie" | b"short" | b"tvShort" | b"video" => WorkKind::Film,
        b"tvSeries" | b"tvMiniSeries" | b"tvEpisode" | b"tvPilot" => WorkKind::Drama,
        b"tvShow" | b"tvSpecial" | b"reality" => WorkKind::Variety,
        b"musicVideo" => WorkKind::MusicVideo,
        _ => return None,
    })
}

/// The role of an IMDb principal category (and its billing position), or
/// `None` for categories left out.
pub(crate) fn role_kind(category: &[u8], ordering: u32) -> Option<RoleKind> {
    Some(match category {
        b"actor" | b"actress" if ordering <= 3 => RoleKind::Lead,
        b"actor" | b"actress" => RoleKind::Supporting,
        b"self" => RoleKind::Performer,
        b"director" => RoleKind::Director,
        b"composer" => RoleKind::Composer,
        _ => return None,
    })
}

/// The base name of IMDb's alternative titles, read by [`Imdb::korean`].
const AKAS: &str = "title.akas";

/// Whether `text` holds Hangul: a syllable or a jamo.
fn has_hangul(text: &str) -> bool {
    use crate::search::hangul::{is_jamo, is_syllable};
    text.chars().any(|c| is_syllable(c) || is_jamo(c))
}

/// The titles the Korean rule selects (see [`Imdb::korean`]), with their
/// Hangul.
struct Korean {
    titles: HashMap<(u32, u8), Option<Box<str>>>,
    rows: usize,
    bad: usize,
}

impl Korean {
    fn contains(&self, key: (u32, u8)) -> bool {
        self.titles.contains_key(&key)
    }
}

/// What the rows of one title have shown so far.
#[derive(Default)]
struct AkaGroup {
    key: Option<(u32, u8)>,
    korean: bool,
    original_hangul: Option<Box<str>>,
    kr_hangul: Option<Box<str>>,
}

impl AkaGroup {
    /// Files the group's title when the rule selected it.
    fn flush(&mut self, into: &mut HashMap<(u32, u8), Option<Box<str>>>) {
        let group = std::mem::take(self);
        if let (Some(key), true) = (group.key, group.korean) {
            let hangul = group.original_hangul.or(group.kr_hangul);
            let slot = into.entry(key).or_default();
            if slot.is_none() {
                *slot = hangul;
            }
        }
    }
}

/// Streams `title.akas`, keeping the keys of Korean titles and their Hangul.
fn read_akas(path: &Path, ctx: &Ctx<'_, '_>) -> Result<Korean> {
    let mut tsv = Tsv::open(path, ctx.counter, ctx.max_line)?;
    let (id, title, region, original) = (
        tsv.column("titleId")?,
        tsv.column("title")?,
        tsv.column("region")?,
        tsv.column("isOriginalTitle")?,
    );
    let file = tsv.name.clone();
    let mut titles = HashMap::new();
    let mut group = AkaGroup::default();
    let mut bad = 0;
    let rows = ctx.rows(&mut tsv, &mut bad, |row| {
        let key = parse_key(row, &file, id, "tt")?;
        let text = parse_text(row, &file, title)?;
        let is_original = match row.get(original) {
            b"1" => true,
            b"0" | b"\\N" => false,
            other => {
                let shown = shorten(other);
                return Err(row.error(
                    &file,
                    original,
                    format!("invalid isOriginalTitle \"{shown}\" (expected 0, 1 or \\N)"),
                ));
            }
        };
        let kr = row.get(region) == b"KR";
        if group.key != Some(key) {
            group.flush(&mut titles);
            group.key = Some(key);
        }
        let hangul = has_hangul(text);
        if is_original && (hangul || kr) {
            group.korean = true;
        }
        if hangul && is_original && group.original_hangul.is_none() {
            group.original_hangul = Some(crate::search::hangul::to_nfc(text).into());
        } else if hangul && kr && group.kr_hangul.is_none() {
            group.kr_hangul = Some(crate::search::hangul::to_nfc(text).into());
        }
        Ok(())
    })?;
    group.flush(&mut titles);
    memory_phase("akas read");
    Ok(Korean { titles, rows, bad })
}

struct Titles {
    section: Section,
    kinds: Vec<WorkKind>,
    years: Vec<i16>,
    skipped: usize,
    /// Rows whose key an earlier row had.
    duplicates: usize,
    /// Key number → title position, [`SKIPPED`] for titles of a skipped type.
    map: IdMap,
    /// Rows left out by the Korean rule.
    not_korean: usize,
    /// The Hangul of kept titles (Korean selection only), by position.
    hangul: Vec<(u32, Box<str>)>,
}

const NONE: u32 = u32::MAX;
const SKIPPED: u32 = u32::MAX - 1;

fn read_titles(path: &Path, korean: Option<&Korean>, ctx: &Ctx<'_, '_>) -> Result<Titles> {
    let mut tsv = Tsv::open(path, ctx.counter, ctx.max_line)?;
    let id = tsv.column("tconst")?;
    let (kind_at, title, year) = (
        tsv.column("titleType")?,
        tsv.column("primaryTitle")?,
        tsv.column("startYear")?,
    );
    let file = tsv.name.clone();
    let mut section = Section::default();
    section.table.prefix = "tt";
    let (mut kinds, mut years) = (Vec::new(), Vec::new());
    // Titles of a skipped type: the key, and how many kept titles came
    // before (to know which row of a repeated key came first).
    let mut skipped_rows: Vec<((u32, u8), u32)> = Vec::new();
    let mut bad = 0;
    let (mut not_korean, mut hangul) = (0, Vec::new());
    section.rows = ctx.rows(&mut tsv, &mut bad, |row| {
        let key = parse_key(row, &file, id, "tt")?;
        let text = parse_text(row, &file, title)?;
        let y = parse_year(row, &file, year)?;
        let mut korean_hangul = None;
        if let Some(k) = korean {
            match k.titles.get(&key) {
                None => {
                    not_korean += 1;
                    return Ok(());
                }
                Some(h) => korean_hangul = h.as_deref(),
            }
        }
        match work_kind(row.get(kind_at)) {
            Some(k) => {
                if let Some(h) = korean_hangul {
                    hangul.push((section.table.len() as u32, Box::from(h)));
                }
                section
                    .push(key, if is_null(text.as_bytes()) { "" } else { text })
                    .map_err(|m| row.error(&file, title, m))?;
                kinds.push(k);
                years.push(y);
            }
            None => skipped_rows.push((key, section.table.len() as u32)),
        }
        Ok(())
    })?;
    section.bad = bad;
    // Kept and skipped rows merged back into file order: the first row of a
    // key wins, whatever its type.
    let kept = section.table.len();
    let table = &section.table;
    let skipped_rows = &skipped_rows;
    let merged = || {
        let mut s = 0;
        let mut k = 0;
        std::iter::from_fn(move || {
            if s < skipped_rows.len() && skipped_rows[s].1 as usize <= k {
                s += 1;
                Some((skipped_rows[s - 1].0, SKIPPED))
            } else if k < kept {
                k += 1;
                Some(((table.ids[k - 1], table.widths[k - 1]), k as u32 - 1))
            } else {
                None
            }
        })
    };
    // A skipped row that won its key is a skipped title; any row that lost
    // is a duplicate key.
    let (mut duplicates, mut lost_skipped) = (0, 0);
    let map = IdMap::build(merged, |value| {
        duplicates += 1;
        lost_skipped += usize::from(value == SKIPPED);
    });
    let skipped = skipped_rows.len() - lost_skipped;
    memory_phase("titles read");
    Ok(Titles {
        section,
        kinds,
        years,
        skipped,
        duplicates,
        map,
        not_korean,
        hangul,
    })
}

/// The roles a principal can have ([`role_kind`]), by the code that
/// [`Raw`] packs beside the person.
const ROLES: [RoleKind; 5] = [
    RoleKind::Lead,
    RoleKind::Supporting,
    RoleKind::Performer,
    RoleKind::Director,
    RoleKind::Composer,
];

/// The bits of [`Raw::who`] that hold the role's code in [`ROLES`].
const ROLE_BITS: u32 = 3;

/// The most rows `name.basics` may have: a person's row must fit the bits
/// of [`Raw::who`] left beside the role (2^29, 536,870,912; IMDb has about
/// 14 million).
const MAX_NAMES: usize = 1 << (u32::BITS - ROLE_BITS);

/// One principal as read, in 8 bytes: the title position, and the person's
/// position in `name.basics` with the role's code in its low bits.
#[derive(Clone, Copy)]
struct Raw {
    work: u32,
    who: u32,
}

impl Raw {
    fn new(work: u32, person: u32, role: RoleKind) -> Raw {
        let code = ROLES.iter().position(|&r| r == role).unwrap_or(0) as u32;
        Raw {
            work,
            who: person << ROLE_BITS | code,
        }
    }

    /// The person's position in `name.basics`.
    fn person(&self) -> u32 {
        self.who >> ROLE_BITS
    }

    fn role(&self) -> RoleKind {
        ROLES[(self.who & ((1 << ROLE_BITS) - 1)) as usize]
    }
}

/// The principals read, or one block's share of them.
struct Principals {
    raw: Vec<Raw>,
    /// The person key of each principal of `raw` whose person is not looked
    /// up yet (its role in [`Raw::who`]): a block looks its people up in
    /// one tight loop at its end ([`Principals::resolve`]), where the
    /// lookups, each a likely cache miss in a table of every person, can
    /// overlap.
    keys: Vec<(u32, u8)>,
    rows: usize,
    bad: usize,
    skipped: usize,
    dangling: usize,
    not_korean: usize,
    /// The last title looked up, and its position (principals come
    /// grouped by title).
    last: ((u32, u8), u32),
}

impl Default for Principals {
    /// Room for the principals of one block ([`BLOCK`] bytes of lines of
    /// about 40 bytes), so that a block's part is not copied as it grows.
    fn default() -> Principals {
        Principals {
            raw: Vec::with_capacity(BLOCK / 32),
            keys: Vec::with_capacity(BLOCK / 32),
            rows: 0,
            bad: 0,
            skipped: 0,
            dangling: 0,
            not_korean: 0,
            last: ((NONE, 0), NONE),
        }
    }
}

impl Principals {
    /// Looks up the people of the block's principals, leaving out (as
    /// dangling) those missing from `name.basics`.
    fn resolve(&mut self, people: &IdMap) {
        for (r, &key) in self.raw.iter_mut().zip(&self.keys) {
            let person = people.get(key);
            r.who = if person == NONE {
                NONE
            } else {
                person << ROLE_BITS | (r.who & ((1 << ROLE_BITS) - 1))
            };
        }
        let before = self.raw.len();
        self.raw.retain(|r| r.who != NONE);
        self.dangling += before - self.raw.len();
        self.keys = Vec::new();
    }
}

/// Reads `title.principals` on several threads ([`Ctx::par_rows`]),
/// resolving each credit's title and person as it goes.
fn read_principals(
    path: &Path,
    titles: &Titles,
    people: &IdMap,
    korean: Option<&Korean>,
    ctx: &Ctx<'_, '_>,
) -> Result<Principals> {
    let mut tsv = Tsv::open(path, ctx.counter, ctx.max_line)?;
    let (t, o, n, c) = (
        tsv.column("tconst")?,
        tsv.column("ordering")?,
        tsv.column("nconst")?,
        tsv.column("category")?,
    );
    let file = tsv.name.clone();
    let read = |out: &mut Principals, row: &Row<'_>| {
        let title = parse_key(row, &file, t, "tt")?;
        let ordering = row.get(o);
        if ordering.is_empty() || ordering.len() > 9 || !ordering.iter().all(u8::is_ascii_digit) {
            let shown = shorten(ordering);
            return Err(row.error(
                &file,
                o,
                format!("invalid ordering \"{shown}\" (expected a number)"),
            ));
        }
        let ordering = ordering
            .iter()
            .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
        let person = parse_key(row, &file, n, "nm")?;
        let Some(role) = role_kind(row.get(c), ordering) else {
            out.skipped += 1;
            return Ok(());
        };
        let work = if out.last.0 == title {
            out.last.1
        } else {
            let w = titles.map.get(title);
            out.last = (title, w);
            w
        };
        match work {
            NONE if korean.is_some_and(|k| !k.contains(title)) => out.not_korean += 1,
            NONE => out.dangling += 1,
            SKIPPED => out.skipped += 1,
            work => {
                out.raw.push(Raw::new(work, 0, role));
                out.keys.push(person);
            }
        }
        Ok(())
    };
    let mut out = Principals::default();
    let mut bad = 0;
    let resolve = |part: &mut Principals| part.resolve(people);
    out.rows = ctx.par_rows(&mut tsv, &mut bad, read, resolve, |part: Principals| {
        out.raw.extend_from_slice(&part.raw);
        out.skipped += part.skipped;
        out.dangling += part.dangling;
        out.not_korean += part.not_korean;
    })?;
    out.bad = bad;
    memory_phase("principals read");
    Ok(out)
}

/// Keys → positions. A key is its number and its count of digits:
/// `nm01` and `nm0000001` are two keys. Keys written the way IMDb writes
/// them (at least 7 digits, no extra leading zeros) are looked up by number
/// in a direct table when the numbers are dense enough, else in a sorted
/// list; any other key in a hash map.
struct IdMap {
    main: Main,
    odd: HashMap<(u32, u8), u32>,
}

enum Main {
    Direct(Vec<u32>),
    Sorted(Vec<(u32, u32)>),
}

/// Whether a key (number, digits) is written as IMDb writes keys: padded to
/// 7 digits, or longer without leading zeros.
fn canonical((n, width): (u32, u8)) -> bool {
    let digits = if n == 0 { 1 } else { n.ilog10() as u8 + 1 };
    width == digits.max(7)
}

impl IdMap {
    /// The map of `entries` (key, value), given in file order: on a
    /// repeated key the first wins, and `lost` is called with the value of
    /// each later one.
    fn build<I: Iterator<Item = ((u32, u8), u32)>>(
        entries: impl Fn() -> I,
        mut lost: impl FnMut(u32),
    ) -> IdMap {
        let (mut count, mut max) = (0usize, 0u32);
        for (key, _) in entries().filter(|&(k, _)| canonical(k)) {
            count += 1;
            max = max.max(key.0);
        }
        let mut odd = HashMap::new();
        let main = if (max as usize) <= 8 * count + (1 << 20) {
            let mut table = vec![NONE; max as usize + 1];
            for (key, value) in entries() {
                let slot = if canonical(key) {
                    &mut table[key.0 as usize]
                } else {
                    odd.entry(key).or_insert(NONE)
                };
                if *slot == NONE {
                    *slot = value;
                } else {
                    lost(value);
                }
            }
            Main::Direct(table)
        } else {
            let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(count);
            for (key, value) in entries() {
                if canonical(key) {
                    pairs.push((key.0, value));
                } else {
                    match odd.entry(key) {
                        std::collections::hash_map::Entry::Vacant(v) => {
                            v.insert(value);
                        }
                        std::collections::hash_map::Entry::Occupied(_) => lost(value),
                    }
                }
            }
            // Stable: the first of equal keys stays first.
            pairs.sort_by_key(|p| p.0);
            pairs.dedup_by(|later, first| {
                let same = later.0 == first.0;
                if same {
                    lost(later.1);
                }
                same
            });
            Main::Sorted(pairs)
        };
        IdMap { main, odd }
    }

    /// A map of no keys.
    fn empty() -> IdMap {
        IdMap {
            main: Main::Sorted(Vec::new()),
            odd: HashMap::new(),
        }
    }

    /// The map of the keys of `table` (value: the row).
    fn of_table(table: &Table, lost: impl FnMut(u32)) -> IdMap {
        IdMap::build(
            || (0..table.len()).map(|i| ((table.ids[i], table.widths[i]), i as u32)),
            lost,
        )
    }

    #[inline]
    fn get(&self, key: (u32, u8)) -> u32 {
        if !canonical(key) {
            return self.odd.get(&key).copied().unwrap_or(NONE);
        }
        match &self.main {
            Main::Direct(t) => t.get(key.0 as usize).copied().unwrap_or(NONE),
            Main::Sorted(pairs) => pairs
                .binary_search_by_key(&key.0, |p| p.0)
                .map_or(NONE, |i| pairs[i].1),
        }
    }
}

/// Sorts each person's credits (`raw` holds whole groups of credits of
/// one person) by work and then by [`family`], and marks all but the first
/// of a work's credits in one family as duplicates (work [`NONE`]); returns
/// how many it marked.
fn sort_credits(raw: &mut [Raw]) -> usize {
    let key = |r: &Raw| {
        let (family, rank) = family(r.role());
        u64::from(r.work) << 16 | u64::from(family) << 8 | u64::from(rank)
    };
    let mut duplicates = 0;
    let mut rest = raw;
    while let Some(first) = rest.first() {
        let who = first.person();
        let len = rest
            .iter()
            .position(|r| r.person() != who)
            .unwrap_or(rest.len());
        let (row, after) = std::mem::take(&mut rest).split_at_mut(len);
        rest = after;
        row.sort_unstable_by_key(key);
        let mut last = None;
        for r in row.iter_mut() {
            let this = Some((r.work, family(r.role()).0));
            if this == last {
                r.work = NONE;
                duplicates += 1;
            } else {
                last = this;
            }
        }
    }
    duplicates
}

/// The rank of a role when one person has several on one title: on-screen
/// roles are one family (the best billing wins), crew roles are kept apart.
fn family(role: RoleKind) -> (u8, u8) {
    match role {
        RoleKind::Lead => (0, 0),
        RoleKind::Supporting => (0, 1),
        RoleKind::Cameo => (0, 2),
        RoleKind::Performer => (0, 3),
        RoleKind::Featured => (0, 4),
        other => (1 + other as u8, 0),
    }
}

/// Sorts `items` by `key` in place, from the byte of `key` at `shift` down:
/// each pass counts the 256 values of its byte and swaps every item into
/// its bucket (256 write positions, which stay in cache, unlike one per
/// key), then sorts each bucket by the next byte.
fn radix_sort<T: Copy>(items: &mut [T], key: &impl Fn(&T) -> u32, shift: u32) {
    if items.len() <= 64 {
        items.sort_unstable_by_key(|x| key(x));
        return;
    }
    let (starts, end) = radix_pass(items, key, shift);
    if shift > 0 {
        for d in 0..256 {
            radix_sort(&mut items[starts[d]..end[d]], key, shift - 8);
        }
    }
}

/// [`radix_sort`] on two threads: the first pass on this one, then the
/// buckets in two runs of about half the items each, one on a thread of
/// its own.
fn radix_sort_par<T: Copy + Send>(items: &mut [T], key: &(impl Fn(&T) -> u32 + Sync), shift: u32) {
    if items.len() <= 1 << 16 || shift == 0 {
        radix_sort(items, key, shift);
        return;
    }
    let (starts, end) = radix_pass(items, key, shift);
    // The buckets up to the one holding the middle item, and the rest.
    let cut = end
        .iter()
        .position(|&e| e >= items.len() / 2)
        .unwrap_or(255);
    let (first, second) = items.split_at_mut(end[cut]);
    let sort = |part: &mut [T], buckets: std::ops::Range<usize>, base: usize| {
        for d in buckets {
            radix_sort(&mut part[starts[d] - base..end[d] - base], key, shift - 8);
        }
    };
    std::thread::scope(|s| {
        s.spawn(|| sort(first, 0..cut + 1, 0));
        sort(second, cut + 1..256, end[cut]);
    });
}

/// One pass of [`radix_sort`]: puts `items` in the order of the byte of
/// `key` at `shift`, and returns where each of the 256 buckets starts and
/// ends.
fn radix_pass<T: Copy>(
    items: &mut [T],
    key: &impl Fn(&T) -> u32,
    shift: u32,
) -> ([usize; 256], [usize; 256]) {
    let digit = |x: &T| ((key(x) >> shift) & 0xff) as usize;
    let mut end = [0usize; 256];
    for x in items.iter() {
        end[digit(x)] += 1;
    }
    let mut head = [0usize; 256];
    let mut total = 0;
    for d in 0..256 {
        head[d] = total;
        total += end[d];
        end[d] = total;
    }
    let starts = head;
    for d in 0..256 {
        while head[d] < end[d] {
            let t = digit(&items[head[d]]);
            if t == d {
                head[d] += 1;
            } else {
                items.swap(head[d], head[t]);
                head[t] += 1;
            }
        }
    }
    (starts, end)
}

/// The new position of each row flagged in `keep` (in order), [`NONE`] for
/// the others.
fn compact(keep: &[bool]) -> Vec<u32> {
    let mut next = 0u32;
    keep.iter()
        .map(|&k| {
            if k {
                next += 1;
                next - 1
            } else {
                NONE
            }
        })
        .collect()
}

fn assemble(
    files: [String; 3],
    names: Names,
    duplicate_people: usize,
    titles: Titles,
    principals: Principals,
) -> Imported {
    let Names {
        section: people,
        born,
    } = names;
    let Titles {
        section: works,
        kinds,
        years,
        skipped: skipped_titles,
        duplicates,
        map,
        not_korean,
        hangul,
    } = titles;
    drop(map);
    let mut report = Report {
        names: people.rows,
        titles: works.rows,
        principals: principals.rows,
        skipped_titles,
        skipped_principals: principals.skipped,
        dangling: principals.dangling,
        bad_rows: people.bad + works.bad + principals.bad,
        bad_rows_per_file: [people.bad, works.bad, principals.bad],
        not_korean,
        not_korean_principals: principals.not_korean,
        ..Report::default()
    };
    report.duplicate_keys = duplicates + duplicate_people;
    let mut raw = principals.raw;

    // The people and works that have a credit.
    let mut person_used = vec![false; people.table.len()];
    let mut work_used = vec![false; works.table.len()];
    for r in &raw {
        person_used[r.person() as usize] = true;
        work_used[r.work as usize] = true;
    }
    memory_phase("people resolved");

    // Keep people and works that have a credit: works are renumbered here
    // (on two threads: each lookup is a likely cache miss), people as their
    // credits are added (their new positions come in the order of their
    // rows in `name.basics`).
    let work_remap = compact(&work_used);
    let n_people = person_used.iter().filter(|&&u| u).count();
    let n_works = work_used.iter().filter(|&&u| u).count();
    {
        let renumber = |part: &mut [Raw]| {
            for r in part {
                r.work = work_remap[r.work as usize];
            }
        };
        let half = raw.len() / 2;
        let (first, second) = raw.split_at_mut(half);
        std::thread::scope(|s| {
            s.spawn(|| renumber(first));
            renumber(second);
        });
    }
    drop(work_remap);

    // Group credits by person in place (a radix sort, so that no second
    // array of credits is needed), the last person's group first: the
    // groups are then taken from the end, in person order, and the credits
    // shrink as the graph's columns grow.
    let names = people.table.len();
    let group = |r: &Raw| (names - 1 - r.person() as usize) as u32;
    let bits = usize::BITS - names.saturating_sub(1).leading_zeros();
    let top = bits.div_ceil(8).saturating_sub(1) * 8;
    radix_sort_par(&mut raw, &group, top);
    memory_phase("credits bucketed");
    // Each person's credits in work order, the duplicates marked (their
    // work set to NONE), on two threads: one takes the groups before the
    // middle, the other the rest.
    let middle = {
        let half = raw.len() / 2;
        raw[half..]
            .iter()
            .position(|r| r.person() != raw[half].person())
            .map_or(raw.len(), |i| half + i)
    };
    let (first, second) = raw.split_at_mut(middle);
    report.duplicates = std::thread::scope(|s| {
        let other = s.spawn(|| sort_credits(first));
        sort_credits(second)
            + other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
    });
    // The credits in person order, taken from the end.
    let mut builder = GraphBuilder::new();
    builder.reserve_credits(raw.len() - report.duplicates);
    let mut end = raw.len();
    let mut p = 0u32;
    while end > 0 {
        let row_of = raw[end - 1].person();
        let begin = raw[..end]
            .iter()
            .rposition(|r| r.person() != row_of)
            .map_or(0, |i| i + 1);
        for r in raw[begin..end].iter().filter(|r| r.work != NONE) {
            builder.appearance(p, r.work, r.role());
        }
        end = begin;
        p += 1;
        // Give back the memory of the credits added (every 64 MiB).
        if raw.len() - end >= (64 << 20) / std::mem::size_of::<Raw>() {
            raw.truncate(end);
            raw.shrink_to_fit();
        }
    }
    debug_assert_eq!(p as usize, n_people);
    let credits = builder.credits();
    drop(raw);
    memory_phase("credits added");

    // The names and titles of the people and works kept, now that the
    // credits are gone: the tables as read, the others' rows taken out in
    // place (a copy would hold both at once).
    let year = |y: i16| (y != 0).then_some(i32::from(y));
    let (mut people, mut born) = (people.table, born);
    people.retain(&person_used);
    retain_rows(&mut born, &person_used);
    builder.people_table(people.into_graph_table(), born.iter().map(|&y| year(y)));
    drop((born, person_used));
    let (mut works, mut kinds, mut years) = (works.table, kinds, years);
    works.retain(&work_used);
    retain_rows(&mut kinds, &work_used);
    retain_rows(&mut years, &work_used);
    let mut table = works.into_graph_table();
    // The first Hangul title of each work kept.
    let mut hangul = hangul.into_iter().peekable();
    let kept = work_used.iter().enumerate().filter(|(_, u)| **u);
    for (new, (i, _)) in kept.enumerate() {
        while hangul.next_if(|h| (h.0 as usize) < i).is_some() {}
        if let Some((_, h)) = hangul.next_if(|h| h.0 as usize == i) {
            table.set_hangul_of(new as u32, &h);
        }
    }
    drop((hangul, work_used));
    builder.works_table(table, kinds, years.iter().map(|&y| year(y)));
    drop(years);
    memory_phase("names and titles built");

    report.people = n_people;
    report.works = n_works;
    report.credits = credits;
    let _ = files;
    let explorer = Explorer::from_graph(builder.build());
    memory_phase("explorer ready");
    Imported { explorer, report }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radix_sort_sorts_by_every_byte_of_the_key() {
        // Keys of one, two and three bytes, with repeats; a slow LCG.
        let mut x = 12345u64;
        for (n, bound) in [(0usize, 1u32), (50, 7), (5_000, 300), (100_000, 1 << 24)] {
            let mut items: Vec<(u32, u32)> = (0..n as u32)
                .map(|i| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((x >> 33) as u32 % bound, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let bits = u32::BITS - bound.saturating_sub(1).leading_zeros();
            let top = bits.div_ceil(8).saturating_sub(1) * 8;
            let mut on_two = items.clone();
            radix_sort(&mut items, &|p: &(u32, u32)| p.0, top);
            radix_sort_par(&mut on_two, &|p: &(u32, u32)| p.0, top);
            let keys = |v: &[(u32, u32)]| v.iter().map(|p| p.0).collect::<Vec<_>>();
            for sorted in [&items, &on_two] {
                assert_eq!(keys(sorted), keys(&expected), "{n} keys below {bound}");
                let mut seen: Vec<u32> = sorted.iter().map(|p| p.1).collect();
                seen.sort_unstable();
                assert!(seen.iter().copied().eq(0..n as u32), "every item kept once");
            }
        }
    }

    #[test]
    fn kinds_and_roles() {
        assert_eq!(work_kind(b"tvMiniSeries"), Some(WorkKind::Drama));
        assert_eq!(work_kind(b"videoGame"), None);
        assert_eq!(role_kind(b"actress", 1), Some(RoleKind::Lead));
        assert_eq!(role_kind(b"actor", 7), Some(RoleKind::Supporting));
        assert_eq!(role_kind(b"writer", 1), None);
    }
}
