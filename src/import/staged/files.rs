//! Reading files: refused unless regular, read whole or through a buffer
//! (with the `from_path` and `from_reader` of the streaming readers), as
//! UTF-8; errors at a position, and the line and column of a byte offset.

use crate::error::{Error, ErrorKind, Location};

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
    crate::import::tsv::regular_file(path)?;
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
    crate::import::tsv::regular_file(path)?;
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
