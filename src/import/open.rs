//! [`open`]: the reader for a path, by extension or directory content.

use std::path::Path;

use crate::error::{Error, ErrorKind};
use crate::explorer::Explorer;

/// Loads any supported file or directory into an explorer, choosing the
/// reader by the path:
///
/// | path | reader |
/// |---|---|
/// | `*.ron`, or a directory of `*.ron` files | [`Explorer::from_path`] (the RON catalog) |
/// | a directory with `name.basics.tsv[.gz]`, … | [`Imdb`](super::Imdb) |
/// | a directory with `people.csv`, `works.csv`, `credits.csv` | [`Csv::from_dir`](super::Csv::from_dir) |
/// | `*.csv`; `*.tsv` (tab-separated) | [`Csv`](super::Csv) edge list |
/// | `*.json` | [`NodeLink`](super::NodeLink) (with the `serde` feature) |
/// | `*.graphml`, `*.xml` | [`Graphml`](super::Graphml) |
///
/// The readers' reports are dropped; call a reader directly to keep them.
///
/// # Errors
///
/// The reader's errors; [`ErrorKind::InvalidValue`] for a path of no
/// known kind; [`ErrorKind::Io`] for a path that does not exist.
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
pub fn open(path: impl AsRef<Path>) -> crate::Result<Explorer> {
    let path = path.as_ref();
    let io = |message: &str| {
        Error::new(ErrorKind::Io {
            path: path.to_path_buf(),
            message: message.to_string(),
        })
    };
    if path.is_dir() {
        let has = |name: &str| path.join(name).is_file();
        if has("name.basics.tsv") || has("name.basics.tsv.gz") {
            return Ok(super::Imdb::new().from_dir(path)?.explorer);
        }
        if has("people.csv") && has("works.csv") && has("credits.csv") {
            return Ok(super::Csv::new().from_dir(path)?.explorer);
        }
        let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
        let ron = entries
            .filter_map(|e| e.ok())
            .any(|e| e.path().extension().is_some_and(|x| x == "ron"));
        if ron {
            return Explorer::from_path(path);
        }
        return Err(Error::invalid_value(
            "data directory",
            &path.display().to_string(),
            [
                "a directory of *.ron files".to_string(),
                "the IMDb files (name.basics.tsv, …)".to_string(),
                "people.csv, works.csv and credits.csv".to_string(),
            ],
        ));
    }
    if !path.exists() {
        return Err(io("no such file or directory"));
    }
    let ext = path
        .extension()
        .and_then(|x| x.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "ron" => Explorer::from_path(path),
        "csv" => Ok(super::Csv::new().from_path(path)?.explorer),
        "tsv" => Ok(super::Csv::new().delimiter(b'\t').from_path(path)?.explorer),
        #[cfg(feature = "serde")]
        "json" => Ok(super::NodeLink::new().from_path(path)?.explorer),
        "graphml" | "xml" => Ok(super::Graphml::new().from_path(path)?.explorer),
        _ => Err(Error::invalid_value(
            "data file",
            &path.display().to_string(),
            ["*.ron", "*.csv", "*.tsv", "*.json", "*.graphml"].map(String::from),
        )),
    }
}
