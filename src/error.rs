//! The one error type of the crate.

use std::fmt;
use std::path::PathBuf;

/// A position in a data file: the file, a 1-based line and a 1-based column.
///
/// Printed as `data/videos.ron:41:17`.
///
/// # Example
///
/// ```
/// use hallyu::{Catalog, Location};
///
/// let err = Catalog::from_str("mine.ron", "(people: [(id: \"x\")])").unwrap_err();
/// let at = err.location().unwrap();
/// assert_eq!(at, &Location { file: "mine.ron".to_string(), line: 1, column: 19 });
/// assert_eq!(at.to_string(), "mine.ron:1:19");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    /// The file as the user named it (or a label such as `<string>`).
    pub file: String,
    /// The line, starting at 1.
    pub line: usize,
    /// The column in characters, starting at 1.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// The error type of every fallible operation in this crate.
///
/// Use [`Error::kind`] to tell the cases apart and [`Error::location`] for the
/// file position of data errors. A load that finds several problems returns
/// one error of kind [`ErrorKind::Many`]; [`Error::iter`] walks all of them.
///
/// `Display` prints one lowercase line per problem, starting with the
/// position when there is one:
///
/// ```text
/// data/videos.ron:41:17: unknown record "park-seojoon" (did you mean "park-seo-joon"?)
/// ```
///
/// # Example
///
/// ```
/// use hallyu::{Catalog, ErrorKind};
///
/// let err = Catalog::from_str("mine.ron", "(people: [(id: \"x\")])").unwrap_err();
/// assert_eq!(err.location().map(|l| (l.line, l.column)), Some((1, 19)));
/// assert!(matches!(err.kind(), ErrorKind::Parse { .. }));
/// assert!(err.to_string().starts_with("mine.ron:1:19: "));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    location: Option<Location>,
    /// The operating system's error behind an [`ErrorKind::Io`], for
    /// [`std::error::Error::source`].
    source: IoSource,
}

/// An `io::Error` kept for `source()`; two errors compare by kind and
/// location only (the `io::Error` itself has no equality).
#[derive(Clone, Debug, Default)]
struct IoSource(Option<std::sync::Arc<std::io::Error>>);

impl PartialEq for IoSource {
    fn eq(&self, _: &IoSource) -> bool {
        true
    }
}

impl Eq for IoSource {}

/// What went wrong.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, ErrorKind};
///
/// let explorer = Explorer::bundled();
/// match explorer.person("Park Seo-jon").unwrap_err().kind() {
///     ErrorKind::NotFound { what, query, suggestions } => {
///         assert_eq!((*what, query.as_str()), ("person", "Park Seo-jon"));
///         assert_eq!(suggestions[0], "Park Seo-joon");
///     }
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The operating system's message.
        message: String,
    },
    /// The RON text is malformed or does not fit the schema: a syntax error,
    /// an unknown or missing field, a value of the wrong type.
    Parse {
        /// The parser's message.
        message: String,
    },
    /// Two records have the same id.
    DuplicateId {
        /// The id.
        id: String,
        /// Where the first record with this id is.
        first: Option<Location>,
    },
    /// A credit refers to an id that no record has.
    UnknownReference {
        /// The id that was not found.
        id: String,
        /// The closest existing id, if one is close.
        suggestion: Option<String>,
    },
    /// A record breaks a rule of the schema (an empty name, an implausible
    /// year, an invalid slug, a role that does not fit its ends, …).
    Invalid {
        /// The offending record's id.
        id: String,
        /// What is wrong, in one lowercase phrase.
        message: String,
    },
    /// Several problems; see [`Error::iter`].
    Many(Vec<Error>),
    /// The problems left out of a long list: a load reports at most
    /// [`Catalog::MAX_ERRORS`](crate::Catalog::MAX_ERRORS) problems, and this last
    /// entry of the [`ErrorKind::Many`] counts the rest. It is located at
    /// the first problem left out.
    Omitted {
        /// How many problems were found but not listed.
        count: usize,
    },
    /// A name matched nothing.
    NotFound {
        /// What was looked for (`person`, `work`, …).
        what: &'static str,
        /// The name as given.
        query: String,
        /// The nearest names, best first.
        suggestions: Vec<String>,
    },
    /// A name matched more than one record.
    Ambiguous {
        /// The name as given.
        query: String,
        /// Each candidate as `id (description)`.
        candidates: Vec<String>,
    },
    /// A value given as text (a role, a work kind, a year range) is not valid.
    InvalidValue {
        /// What the value is for.
        what: &'static str,
        /// The value as given.
        value: String,
        /// The accepted values or forms.
        expected: Vec<String>,
    },
    /// An external program (Graphviz) is missing or failed, or an output could
    /// not be produced.
    Render {
        /// What happened, including the program's own message.
        message: String,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error(Box::new(Inner {
            kind,
            location: None,
            source: IoSource::default(),
        }))
    }

    pub(crate) fn at(mut self, location: Option<Location>) -> Error {
        self.0.location = location;
        self
    }

    pub(crate) fn invalid_value(
        what: &'static str,
        value: &str,
        expected: impl IntoIterator<Item = String>,
    ) -> Error {
        Error::new(ErrorKind::InvalidValue {
            what,
            value: value.to_string(),
            expected: expected.into_iter().collect(),
        })
    }

    pub(crate) fn render(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Render {
            message: message.into(),
        })
    }

    /// An [`ErrorKind::Io`] for `path`, keeping `err` as the
    /// [`source`](std::error::Error::source).
    ///
    /// # Example
    ///
    /// ```
    /// use std::error::Error as _;
    ///
    /// let err = hallyu::Explorer::from_path("no/such/dir").unwrap_err();
    /// let io = err.source().and_then(|s| s.downcast_ref::<std::io::Error>()).unwrap();
    /// assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    /// ```
    pub(crate) fn io(path: impl Into<std::path::PathBuf>, err: std::io::Error) -> Error {
        let mut e = Error::new(ErrorKind::Io {
            path: path.into(),
            message: err.to_string(),
        });
        e.0.source = IoSource(Some(std::sync::Arc::new(err)));
        e
    }

    /// Combines a list of errors: none is `Ok`, one is itself, more are
    /// [`ErrorKind::Many`].
    pub(crate) fn collect(mut errors: Vec<Error>) -> Result<(), Error> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.pop().expect("one error")),
            _ => Err(Error::new(ErrorKind::Many(errors))),
        }
    }

    /// What went wrong.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{ErrorKind, Filter};
    ///
    /// let err = Filter::parse_years("soon").unwrap_err();
    /// match err.kind() {
    ///     ErrorKind::InvalidValue { what, value, .. } => {
    ///         assert_eq!((*what, value.as_str()), ("year range", "soon"))
    ///     }
    ///     other => panic!("unexpected {other:?}"),
    /// }
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Where in a data file the problem is, when it comes from a data file.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "(\n    people: [(id: \"iu\", name: \"\")],\n)";
    /// let err = hallyu::Catalog::from_str("mine.ron", text).unwrap_err();
    /// assert_eq!(err.location().map(|l| (l.line, l.column)), Some((2, 31)));
    ///
    /// // A failed lookup comes from no file.
    /// let explorer = hallyu::Explorer::bundled();
    /// assert_eq!(explorer.person("nobody at all").unwrap_err().location(), None);
    /// ```
    pub fn location(&self) -> Option<&Location> {
        self.0.location.as_ref()
    }

    /// Every single problem: the errors of an [`ErrorKind::Many`], or this
    /// error alone.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::ErrorKind;
    ///
    /// let text = concat!(
    ///     r#"(people: [(id: "iu", name: "")], "#,
    ///     r#"credits: [(from: "iu", to: "dram", role: Performer)])"#,
    /// );
    /// let err = hallyu::Catalog::from_str("a.ron", text).unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::Many(_)));
    /// let lines: Vec<String> = err.iter().map(|e| e.to_string()).collect();
    /// assert_eq!(lines, ["a.ron:1:28: \"iu\": empty name", "a.ron:1:61: unknown id \"dram\""]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &Error> {
        match &self.0.kind {
            ErrorKind::Many(list) => list.iter().collect::<Vec<_>>().into_iter(),
            _ => vec![self].into_iter(),
        }
    }

    /// Whether a lookup found nothing ([`ErrorKind::NotFound`]).
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let err = explorer.person("nobody at all").unwrap_err();
    /// assert!(err.is_not_found());
    /// assert_eq!(err.to_string(), "no person named \"nobody at all\"");
    /// ```
    pub fn is_not_found(&self) -> bool {
        matches!(self.0.kind, ErrorKind::NotFound { .. })
    }

    /// Whether a lookup found several records ([`ErrorKind::Ambiguous`]).
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// // Two actors are called Lee Min-ho; their keys tell them apart.
    /// let err = explorer.person("Lee Min-ho").unwrap_err();
    /// assert!(err.is_ambiguous());
    /// assert!(!err.is_not_found());
    /// assert!(explorer.person("lee-min-ho-1993").is_ok());
    /// ```
    pub fn is_ambiguous(&self) -> bool {
        matches!(self.0.kind, ErrorKind::Ambiguous { .. })
    }

    /// Whether this error (or one of several) comes from a data file.
    ///
    /// # Example
    ///
    /// ```
    /// let text = r#"(people: [(id: "iu", name: "")])"#;
    /// let err = hallyu::Catalog::from_str("a.ron", text).unwrap_err();
    /// assert!(err.is_data());
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// assert!(!explorer.person("nobody at all").unwrap_err().is_data());
    /// ```
    pub fn is_data(&self) -> bool {
        self.iter().any(|e| {
            matches!(
                e.kind(),
                ErrorKind::Parse { .. }
                    | ErrorKind::DuplicateId { .. }
                    | ErrorKind::UnknownReference { .. }
                    | ErrorKind::Invalid { .. }
                    | ErrorKind::Io { .. }
                    | ErrorKind::Omitted { .. }
            )
        })
    }
}

impl fmt::Display for Error {
    /// One line per error: control characters in a single error (a
    /// newline in a quoted CSV field, an escape in an id) are written
    /// escaped (`\n`, `\u{1b}`); an [`ErrorKind::Many`] puts each of its
    /// errors on a line of its own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if matches!(self.0.kind, ErrorKind::Many(_)) {
            return self.write(f);
        }
        self.write(&mut OneLine(f))
    }
}

/// Writes through to a formatter with control characters other than tab
/// escaped, so that a message holding input text stays on one line.
struct OneLine<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for OneLine<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let bad = |c: char| c.is_control() && c != '\t';
        if !s.contains(bad) {
            return self.0.write_str(s);
        }
        for c in s.chars() {
            if bad(c) {
                write!(self.0, "{}", c.escape_debug())?;
            } else {
                fmt::Write::write_char(self.0, c)?;
            }
        }
        Ok(())
    }
}

impl Error {
    fn write(&self, f: &mut impl fmt::Write) -> fmt::Result {
        if let Some(loc) = &self.0.location {
            write!(f, "{loc}: ")?;
        }
        match &self.0.kind {
            ErrorKind::Io { path, message } => {
                write!(f, "cannot read {}: {message}", path.display())
            }
            ErrorKind::Parse { message } => f.write_str(message),
            ErrorKind::DuplicateId { id, first } => {
                write!(f, "duplicate id \"{}\"", Shown(id))?;
                if let Some(first) = first {
                    write!(f, " (first defined at {first})")?;
                }
                Ok(())
            }
            ErrorKind::UnknownReference { id, suggestion } => {
                write!(f, "unknown id \"{}\"", Shown(id))?;
                if let Some(s) = suggestion {
                    write!(f, " (did you mean \"{s}\"?)")?;
                }
                Ok(())
            }
            ErrorKind::Invalid { id, message } => write!(f, "\"{}\": {message}", Shown(id)),
            ErrorKind::Many(list) => {
                let total = match list.last().map(Error::kind) {
                    Some(ErrorKind::Omitted { count }) => list.len() - 1 + count,
                    _ => list.len(),
                };
                write!(f, "{total} errors:")?;
                for e in list {
                    write!(f, "\n{e}")?;
                }
                Ok(())
            }
            ErrorKind::NotFound {
                what,
                query,
                suggestions,
            } => {
                write!(f, "no {what} named \"{query}\"")?;
                if !suggestions.is_empty() {
                    write!(f, " (did you mean {}?)", quoted_list(suggestions))?;
                }
                Ok(())
            }
            ErrorKind::Ambiguous { query, candidates } => {
                // At most ten, and how many more: an IMDb name can name
                // hundreds of people.
                const SHOWN: usize = 10;
                write!(f, "\"{query}\" is ambiguous: it names ")?;
                if candidates.len() <= SHOWN {
                    return f.write_str(&quoted_list(candidates));
                }
                let shown: Vec<String> = candidates[..SHOWN]
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect();
                write!(
                    f,
                    "{}, and {} more",
                    shown.join(", "),
                    candidates.len() - SHOWN
                )
            }
            ErrorKind::InvalidValue {
                what,
                value,
                expected,
            } => {
                write!(
                    f,
                    "invalid {what} \"{value}\" (expected {})",
                    expected.join(", ")
                )
            }
            ErrorKind::Render { message } => f.write_str(message),
            ErrorKind::Omitted { count } => {
                let s = if *count == 1 { "" } else { "s" };
                write!(f, "…and {count} more error{s}, not listed")
            }
        }
    }
}

/// The error for a path that is not a regular file.
pub(crate) fn not_regular(path: &std::path::Path, kind: &std::fs::FileType) -> Error {
    Error::new(ErrorKind::Io {
        path: path.to_path_buf(),
        message: format!(
            "{}, not a regular file: refused without reading",
            file_type_name(kind)
        ),
    })
}

/// What kind of file this is, in words: "a FIFO (named pipe)", …
pub(crate) fn file_type_name(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        } else if kind.is_socket() {
            return "a socket";
        } else if kind.is_char_device() {
            return "a character device";
        } else if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// An id as printed in a message: at most [`SHOWN`] characters, then `…`
/// and the full length, so that a 10 MB id does not make a 10 MB line (the
/// whole id stays in the [`ErrorKind`]).
struct Shown<'a>(&'a str);

const SHOWN: usize = 80;

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.char_indices().nth(SHOWN) {
            None => f.write_str(self.0),
            Some((cut, _)) => write!(
                f,
                "{}… ({} characters)",
                &self.0[..cut],
                self.0.chars().count()
            ),
        }
    }
}

fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        let io = self.0.source.0.as_deref()?;
        Some(io)
    }
}

/// A `Result` whose error is [`Error`].
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
///
/// fn hangul_of(explorer: &Explorer, name: &str) -> hallyu::Result<Option<String>> {
///     let id = explorer.person(name)?;
///     Ok(explorer.get(id).hangul().map(String::from))
/// }
///
/// let explorer = Explorer::bundled();
/// assert_eq!(hangul_of(&explorer, "IU")?, Some("아이유".to_string()));
/// assert!(hangul_of(&explorer, "nobody at all").unwrap_err().is_not_found());
/// # Ok::<(), hallyu::Error>(())
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;
