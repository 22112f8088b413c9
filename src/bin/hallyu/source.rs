//! Opening `--data`: a RON file or directory, or an IMDb directory, told
//! apart by what the files hold. Belongs in the library (an "open any data
//! source" function next to `Explorer::from_path`); kept here until it is.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use hallyu::Explorer;
use hallyu::import::{Imdb, Progress, Report};

/// Which kind of data a `--data` path holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The dataset compiled into the crate.
    Bundled,
    /// RON catalog files.
    Ron,
    /// The three IMDb TSV files, plain or gzip.
    Imdb,
    /// A CSV edge list or the three-file CSV layout, node-link JSON or
    /// GraphML, read by `hallyu::import::open`.
    Interchange,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Bundled => "bundled",
            Kind::Ron => "ron",
            Kind::Imdb => "imdb",
            Kind::Interchange => "interchange",
        }
    }
}

/// A loaded data source.
pub struct Source {
    pub explorer: Explorer,
    pub kind: Kind,
    /// Where it came from (`None` for the bundled dataset).
    pub path: Option<PathBuf>,
    /// The importer's account of the rows, for IMDb data.
    pub report: Option<Report>,
}

/// Why `--data` could not be opened.
pub enum OpenError {
    /// The path holds nothing this tool reads (an I/O problem, or an
    /// unknown format): a message.
    Unreadable(String),
    /// The library rejected the data.
    Library(hallyu::Error),
}

impl From<hallyu::Error> for OpenError {
    fn from(e: hallyu::Error) -> OpenError {
        OpenError::Library(e)
    }
}

const IMDB_FILES: [&str; 3] = ["name.basics", "title.basics", "title.principals"];

/// Opens `path`, or the bundled dataset when there is none.
pub fn open(path: Option<&Path>) -> Result<Source, OpenError> {
    let Some(path) = path else {
        return Ok(Source {
            explorer: Explorer::bundled(),
            kind: Kind::Bundled,
            path: None,
            report: None,
        });
    };
    let kind = detect(path)?;
    let (explorer, report) = match kind {
        Kind::Imdb => {
            let imported = import_imdb(path)?;
            (imported.explorer, Some(imported.report))
        }
        Kind::Interchange => (hallyu::import::open(path)?, None),
        _ => (Explorer::from_path(path)?, None),
    };
    Ok(Source {
        explorer,
        kind,
        path: Some(path.to_path_buf()),
        report,
    })
}

/// Tells what `path` holds by looking inside: a directory with IMDb's
/// `name.basics` file (whose header starts with `nconst`) is IMDb data, a
/// directory with `.ron` files or a file that reads as text is RON.
pub fn detect(path: &Path) -> Result<Kind, OpenError> {
    let meta = std::fs::metadata(path)
        .map_err(|e| OpenError::Unreadable(format!("cannot read {}: {e}", path.display())))?;
    if meta.is_dir() {
        for base in IMDB_FILES {
            for name in [format!("{base}.tsv"), format!("{base}.tsv.gz")] {
                let file = path.join(&name);
                if file.is_file() && looks_like_imdb(&file) {
                    return Ok(Kind::Imdb);
                }
            }
        }
        if ["people.csv", "works.csv", "credits.csv"]
            .iter()
            .all(|f| path.join(f).is_file())
        {
            return Ok(Kind::Interchange);
        }
        let has_ron = std::fs::read_dir(path)
            .map_err(|e| OpenError::Unreadable(format!("cannot read {}: {e}", path.display())))?
            .filter_map(|e| e.ok())
            .any(|e| e.path().extension().is_some_and(|x| x == "ron"));
        if has_ron {
            return Ok(Kind::Ron);
        }
        return Err(OpenError::Unreadable(format!(
            "{}: no data here: expected .ron files, or IMDb's name.basics.tsv, \
             title.basics.tsv and title.principals.tsv (plain or .gz)",
            path.display()
        )));
    }
    if !meta.is_file() {
        // A FIFO would block the first read, a device such as /dev/zero
        // never ends: the RON loader refuses them by type, without opening
        // them, with the message every reader gives.
        return Ok(Kind::Ron);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("csv" | "json" | "graphml" | "xml")) {
        return Ok(Kind::Interchange);
    }
    let head = first_bytes(path, 512)
        .map_err(|e| OpenError::Unreadable(format!("cannot read {}: {e}", path.display())))?;
    if head.starts_with(&[0x1f, 0x8b])
        || head.starts_with(b"nconst\t")
        || head.starts_with(b"tconst\t")
    {
        return Err(OpenError::Unreadable(format!(
            "{}: one IMDb file; pass the directory that holds all three",
            path.display()
        )));
    }
    // Text that was cut at 512 bytes may end inside a character; anything
    // else that is not UTF-8 is not RON.
    let binary = match std::str::from_utf8(&head) {
        Ok(text) => text.contains('\0'),
        Err(e) => e.error_len().is_some(),
    };
    if binary {
        return Err(OpenError::Unreadable(format!(
            "{}: not a data file this tool reads (RON, or a directory of IMDb files)",
            path.display()
        )));
    }
    Ok(Kind::Ron)
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
    match first_bytes(path, 8) {
        Ok(head) if head.starts_with(&[0x1f, 0x8b]) => true,
        Ok(head) => head.starts_with(b"nconst\t") || head.starts_with(b"tconst\t"),
        Err(_) => false,
    }
}

/// Imports an IMDb directory, with a progress bar on stderr when stderr is
/// a terminal.
fn import_imdb(dir: &Path) -> Result<hallyu::import::Imported, OpenError> {
    let mut options = Imdb::new();
    let bar = progress_bar("loading {wide_bar} {bytes}/{total_bytes} ({eta})");
    if let Some(bar) = &bar {
        let bar = bar.clone();
        options = options.progress(move |p: Progress| {
            bar.set_length(p.total);
            bar.set_position(p.read);
        });
    }
    let imported = options.from_dir(dir);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(imported?)
}

/// A progress bar on stderr drawn with `template` (indicatif's), when
/// stderr is a terminal; its length is set later.
pub fn progress_bar(template: &str) -> Option<indicatif::ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(indicatif::ProgressStyle::with_template(template).expect("a valid template"));
        bar
    })
}

/// A spinner on stderr while a query runs on a large dataset (where it can
/// take seconds), when stderr is a terminal.
pub struct Busy(Option<indicatif::ProgressBar>);

impl Busy {
    pub fn new(explorer: &Explorer, message: &str) -> Busy {
        let large = explorer.people().len() > 20_000;
        Busy((large && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_message(message.to_string());
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        }))
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
