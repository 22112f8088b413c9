//! A streaming reader of IMDb's tab-separated files, plain or gzip: one line
//! in memory at a time, positions for every error.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, ErrorKind, Location, Result};

/// Counts the bytes read from the file (compressed bytes for gzip), for
/// progress reports.
struct Counting<'a, R> {
    inner: R,
    count: &'a AtomicU64,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// One open TSV file.
pub(crate) struct Tsv<'a> {
    path: PathBuf,
    /// The name used in error positions (the path as found).
    pub(crate) name: String,
    reader: Box<dyn BufRead + Send + 'a>,
    line: Vec<u8>,
    /// The 1-based number of the line last read.
    pub(crate) number: usize,
    /// Column positions of the header's names.
    header: Vec<String>,
}

/// The fields of one row, borrowed from the reader's line buffer.
pub(crate) struct Row<'l> {
    fields: [&'l [u8]; MAX_FIELDS],
    starts: [usize; MAX_FIELDS],
    len: usize,
    /// The whole line, without its end.
    pub(crate) line: &'l [u8],
    /// The 1-based line number.
    pub(crate) number: usize,
}

/// The widest IMDb file has 9 columns (`title.basics`).
pub(crate) const MAX_FIELDS: usize = 12;

impl<'l> Row<'l> {
    pub(crate) fn get(&self, i: usize) -> &'l [u8] {
        self.fields[i]
    }

    /// The 1-based character column where field `i` starts.
    pub(crate) fn column(&self, i: usize) -> usize {
        1 + String::from_utf8_lossy(&self.line[..self.starts[i]])
            .chars()
            .count()
    }

    /// A parse error at field `i` of this row of `file`.
    pub(crate) fn error(&self, file: &str, i: usize, message: String) -> Error {
        let location = Location {
            file: file.to_string(),
            line: self.number,
            column: self.column(i),
        };
        Error::new(ErrorKind::Parse { message }).at(Some(location))
    }
}

impl<'a> Tsv<'a> {
    /// Opens `path` (decompressing when it ends in `.gz`) and reads its
    /// header row.
    pub(crate) fn open(path: &Path, count: &'a AtomicU64) -> Result<Tsv<'a>> {
        let io = |e: std::io::Error| {
            Error::new(ErrorKind::Io {
                path: path.to_path_buf(),
                message: e.to_string(),
            })
        };
        let file = File::open(path).map_err(io)?;
        let counting = Counting { inner: file, count };
        let reader: Box<dyn BufRead + Send + 'a> = if path.extension().is_some_and(|x| x == "gz") {
            gz(counting, path)?
        } else {
            Box::new(BufReader::with_capacity(1 << 20, counting))
        };
        let mut tsv = Tsv {
            path: path.to_path_buf(),
            name: path.display().to_string(),
            reader,
            line: Vec::with_capacity(256),
            number: 0,
            header: Vec::new(),
        };
        if !tsv.advance()? {
            return Err(tsv.error(1, "empty file: expected a header row".to_string()));
        }
        tsv.header = tsv
            .line
            .split(|&b| b == b'\t')
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect();
        if tsv.header.len() > MAX_FIELDS {
            return Err(tsv.error(
                1,
                format!(
                    "header has {} columns, at most {MAX_FIELDS} expected",
                    tsv.header.len()
                ),
            ));
        }
        Ok(tsv)
    }

    /// The position of the column named `name` in the header.
    pub(crate) fn column(&self, name: &str) -> Result<usize> {
        self.header.iter().position(|h| h == name).ok_or_else(|| {
            self.error(
                1,
                format!(
                    "header has no column \"{name}\" (found {})",
                    self.header.join(", ")
                ),
            )
        })
    }

    /// An error at `column` of the current line.
    pub(crate) fn error(&self, column: usize, message: String) -> Error {
        let location = Location {
            file: self.name.clone(),
            line: self.number.max(1),
            column,
        };
        Error::new(ErrorKind::Parse { message }).at(Some(location))
    }

    /// Reads the next line into the buffer; `false` at the end.
    fn advance(&mut self) -> Result<bool> {
        self.line.clear();
        let n = self.reader.read_until(b'\n', &mut self.line).map_err(|e| {
            let location = Location {
                file: self.name.clone(),
                line: self.number + 1,
                column: 1,
            };
            Error::new(ErrorKind::Io {
                path: self.path.clone(),
                message: e.to_string(),
            })
            .at(Some(location))
        })?;
        if n == 0 {
            return Ok(false);
        }
        self.number += 1;
        if self.line.last() == Some(&b'\n') {
            self.line.pop();
            if self.line.last() == Some(&b'\r') {
                self.line.pop();
            }
        }
        Ok(true)
    }

    /// The next data row, split into exactly as many fields as the header
    /// has; `Ok(None)` at the end, `Err` (located) for a malformed row or a
    /// read error. A row error leaves the reader on the next line.
    pub(crate) fn next_row(&mut self) -> Result<Option<Row<'_>>> {
        loop {
            if !self.advance()? {
                return Ok(None);
            }
            if !self.line.is_empty() {
                break;
            }
            // A blank line (a trailing newline at the end): skip it.
        }
        let line = &self.line[..];
        let mut row = Row {
            fields: [&[][..]; MAX_FIELDS],
            starts: [0; MAX_FIELDS],
            len: 0,
            line,
            number: self.number,
        };
        let want = self.header.len();
        let mut start = 0;
        for (i, field) in line.split(|&b| b == b'\t').enumerate() {
            if i >= want {
                row.len = line.split(|&b| b == b'\t').count();
                break;
            }
            row.fields[i] = field;
            row.starts[i] = start;
            start += field.len() + 1;
            row.len = i + 1;
        }
        if row.len != want {
            let found = row.len;
            return Err(self.error(
                1,
                format!("expected {want} tab-separated fields, found {found}"),
            ));
        }
        Ok(Some(row))
    }
}

#[cfg(feature = "gzip")]
fn gz<'a, R: Read + Send + 'a>(inner: R, _path: &Path) -> Result<Box<dyn BufRead + Send + 'a>> {
    let decoder = flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 16, inner));
    Ok(Box::new(BufReader::with_capacity(1 << 20, decoder)))
}

#[cfg(not(feature = "gzip"))]
fn gz<'a, R: Read + Send + 'a>(_inner: R, path: &Path) -> Result<Box<dyn BufRead + Send + 'a>> {
    Err(Error::new(ErrorKind::Io {
        path: path.to_path_buf(),
        message: "gzip files need the `gzip` feature of hallyu".to_string(),
    }))
}
