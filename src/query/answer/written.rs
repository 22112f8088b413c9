//! [`Wrote`] and [`Written`]: the notes of a picture or an export written
//! to files.

use std::fmt;
use std::path::Path;

/// A file written (`hallyu picture … --out FILE`, `hallyu export … --out
/// FILE`): its path and size.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Wrote;
///
/// let note = Wrote::of(std::path::Path::new("graph.dot"), 80);
/// assert_eq!((note.wrote.as_str(), note.bytes), ("graph.dot", 80));
/// assert_eq!(note.to_string(), "wrote graph.dot (80 bytes)\n");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Wrote {
    /// The path written.
    pub wrote: String,
    /// How many bytes.
    pub bytes: usize,
}

impl Wrote {
    /// The note of `bytes` bytes written to `path`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Wrote;
    ///
    /// assert_eq!(Wrote::of(std::path::Path::new("a.svg"), 1).bytes, 1);
    /// ```
    pub fn of(path: &Path, bytes: usize) -> Wrote {
        Wrote {
            wrote: path.display().to_string(),
            bytes,
        }
    }
}

impl fmt::Display for Wrote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "wrote {} ({} bytes)", self.wrote, self.bytes)
    }
}

/// Several files written (`hallyu export --format neo4j --out DIR`): their
/// paths.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Written;
///
/// let note = Written::of(["out/people.csv", "out/works.csv"]);
/// assert_eq!(note.to_string(), "wrote out/people.csv\nwrote out/works.csv\n");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Written {
    /// The paths written, in order.
    pub written: Vec<String>,
}

impl Written {
    /// The note of the files `paths` written.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Written;
    ///
    /// assert_eq!(Written::of(["a.csv"]).written, ["a.csv"]);
    /// ```
    pub fn of(paths: impl IntoIterator<Item = impl AsRef<Path>>) -> Written {
        Written {
            written: paths
                .into_iter()
                .map(|p| p.as_ref().display().to_string())
                .collect(),
        }
    }
}

impl fmt::Display for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.written
            .iter()
            .try_for_each(|p| writeln!(f, "wrote {p}"))
    }
}
