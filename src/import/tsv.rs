//! A streaming reader of IMDb's tab-separated files, plain or gzip: one line
//! in memory at a time, positions for every error.
//!
//! Lines are bounded: a line longer than the reader's limit
//! ([`MAX_LINE`] by default) is an error located at its start, found after
//! reading at most the limit plus one buffer, so that a file without a
//! newline (a sparse file, a gzip bomb) cannot exhaust memory. A UTF-8
//! byte-order mark at the start of a file is skipped; line ends are `\n` or
//! `\r\n`, and a header holding a bare `\r` (CR-only line ends) is an error
//! that says so.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, ErrorKind, Location, Result, not_regular};

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
    /// The longest line accepted, in bytes (without its end).
    max_line: usize,
    /// The last line was too long: the rest of it is skipped before the
    /// next one is read.
    overlong: bool,
}

/// The default bound on the length of a TSV line: 64 MiB. Real IMDb lines
/// are under a few kilobytes.
pub(crate) const MAX_LINE: usize = 64 << 20;

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
    /// header row. Anything but a regular file (a FIFO, a device, a
    /// directory) is refused before it is opened.
    pub(crate) fn open(path: &Path, count: &'a AtomicU64, max_line: usize) -> Result<Tsv<'a>> {
        let io = |e: std::io::Error| Error::io(path, e);
        regular_file(path)?;
        let file = File::open(path).map_err(io)?;
        // The same check on the file opened, in case the path changed.
        let meta = file.metadata().map_err(io)?;
        if !meta.is_file() {
            return Err(not_regular(path, &meta.file_type()));
        }
        let reader: Box<dyn BufRead + Send + 'a> = if path.extension().is_some_and(|x| x == "gz") {
            gz(file, count, path)?
        } else {
            Box::new(BufReader::with_capacity(
                1 << 20,
                Counting { inner: file, count },
            ))
        };
        let mut tsv = Tsv {
            path: path.to_path_buf(),
            name: path.display().to_string(),
            reader,
            line: Vec::with_capacity(256),
            number: 0,
            header: Vec::new(),
            max_line,
            overlong: false,
        };
        if !tsv.advance()? {
            return Err(tsv.error(1, "empty file: expected a header row".to_string()));
        }
        if let Some(bom) = tsv.line.strip_prefix("\u{feff}".as_bytes()) {
            tsv.line = bom.to_vec();
        }
        if let Some(at) = tsv.line.iter().position(|&b| b == b'\r') {
            let column = 1 + String::from_utf8_lossy(&tsv.line[..at]).chars().count();
            return Err(tsv.error(
                column,
                "carriage return inside the header: CR-only line ends are not supported \
                 (lines must end in \\n or \\r\\n)"
                    .to_string(),
            ));
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

    /// Reads the next line into the buffer; `false` at the end. A line
    /// longer than the limit is a located error, after which the reader
    /// skips to the next line.
    fn advance(&mut self) -> Result<bool> {
        let mut line = std::mem::take(&mut self.line);
        line.clear();
        let more = self.read_line(&mut line);
        self.line = line;
        more
    }

    /// Appends the next line, without its end, to `out`; `false` at the
    /// end. A line longer than the limit is a located error (nothing is
    /// appended), after which the reader skips to the next line.
    fn read_line(&mut self, out: &mut Vec<u8>) -> Result<bool> {
        let start = out.len();
        let io = |this: &Self, e: std::io::Error| {
            let location = Location {
                file: this.name.clone(),
                line: this.number + 1,
                column: 1,
            };
            Error::io(this.path.clone(), e).at(Some(location))
        };
        if self.overlong {
            // The rest of a line too long to keep: read it without keeping it.
            self.overlong = false;
            if let Err(e) = self.reader.skip_until(b'\n') {
                return Err(io(self, e));
            }
        }
        // `read_until`, bounded: at most `max_line` + 2 bytes are kept (the
        // line, `\r\n`).
        let mut n = 0usize;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(io(self, e)),
            };
            if buf.is_empty() {
                break;
            }
            let room = (self.max_line + 2).saturating_sub(out.len() - start);
            let (take, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(at) if at < room => (at + 1, true),
                _ => (buf.len().min(room), false),
            };
            out.extend_from_slice(&buf[..take]);
            self.reader.consume(take);
            n += take;
            if done {
                break;
            }
            if out.len() - start >= self.max_line + 2 {
                self.number += 1;
                self.overlong = true;
                let cr = if out[start..].contains(&b'\r') {
                    " (it holds carriage returns: CR-only line ends are not supported)"
                } else {
                    ""
                };
                let message = format!("line longer than {} bytes{cr}", self.max_line);
                out.truncate(start);
                return Err(self.error(1, message));
            }
        }
        if n == 0 {
            return Ok(false);
        }
        self.number += 1;
        if out.len() > start && out.last() == Some(&b'\n') {
            out.pop();
            if out.len() > start && out.last() == Some(&b'\r') {
                out.pop();
            }
        }
        if out.len() - start > self.max_line {
            // Exactly at the edge: the line and its end fit the buffer, the
            // line alone does not fit the limit.
            let message = format!("line longer than {} bytes", self.max_line);
            out.truncate(start);
            return Err(self.error(1, message));
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
        self.fields().row(&self.line, self.number).map(Some)
    }

    /// What splitting a line needs: the file's name and its header's width.
    pub(crate) fn fields(&self) -> Fields {
        Fields {
            file: self.name.clone(),
            want: self.header.len(),
        }
    }

    /// Reads whole lines into `block` (emptied first) until it holds about
    /// `target` bytes, the file ends, or a line cannot be read: then the
    /// block ends with that error, located as [`Tsv::next_row`] locates it.
    /// `false` when the block is empty and the file has ended. Blank lines
    /// are kept (as empty lines), so that a block's lines are numbered from
    /// its first.
    ///
    /// The whole lines in the reader's buffer are copied at once, with their
    /// ends (which [`Block::lines`] leaves out); a line that runs past the
    /// buffer, or is longer than the limit, is read as [`Tsv::next_row`]
    /// reads it.
    pub(crate) fn next_block(&mut self, block: &mut Block, target: usize) -> bool {
        block.data.clear();
        block.lines.clear();
        block.error = None;
        block.first = self.number + 1;
        while block.data.len() < target {
            if !self.overlong && self.whole_lines(block, target) {
                continue;
            }
            let start = block.data.len();
            match self.read_line(&mut block.data) {
                Ok(true) => block.lines.push((start, block.data.len())),
                Ok(false) => return !block.lines.is_empty(),
                Err(e) => {
                    block.error = Some(e);
                    return true;
                }
            }
        }
        true
    }

    /// Copies the whole lines at the start of the reader's buffer, up to
    /// about `target` bytes of `block` and the first line longer than the
    /// limit, into `block`; `false` when there is none (a read error is
    /// left for [`Tsv::read_line`] to report).
    fn whole_lines(&mut self, block: &mut Block, target: usize) -> bool {
        let Ok(buf) = self.reader.fill_buf() else {
            return false;
        };
        let base = block.data.len();
        let (mut start, mut lines) = (0, 0);
        for_each_newline(buf, |at| {
            let end = if at > start && buf[at - 1] == b'\r' {
                at - 1
            } else {
                at
            };
            if end - start > self.max_line {
                return false;
            }
            block.lines.push((base + start, base + end));
            lines += 1;
            start = at + 1;
            base + start < target
        });
        if lines == 0 {
            return false;
        }
        block.data.extend_from_slice(&buf[..start]);
        self.reader.consume(start);
        self.number += lines;
        true
    }
}

/// Calls `f` with the position of each `\n` of `bytes` in order, until it
/// returns `false`.
fn for_each_newline(bytes: &[u8], f: impl FnMut(usize) -> bool) {
    for_each_byte(bytes, b'\n', f);
}

/// Calls `f` with the position of each byte `needle` of `bytes` in order,
/// until it returns `false`. Eight bytes at a time: a word whose bytes equal
/// to `needle` have their high bit set, exactly (no carry crosses bytes),
/// found by counting trailing zeros.
fn for_each_byte(bytes: &[u8], needle: u8, mut f: impl FnMut(usize) -> bool) {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let spread = u64::from_ne_bytes([needle; 8]);
    let mut words = bytes.chunks_exact(8);
    let mut base = 0;
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().unwrap_or([0; 8])) ^ spread;
        // High bit of each byte: set when the byte of `x` is zero.
        let mut found = !(((x & LOW) + LOW) | x | LOW);
        while found != 0 {
            if !f(base + (found.trailing_zeros() / 8) as usize) {
                return;
            }
            found &= found - 1;
        }
        base += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        if b == needle && !f(base + i) {
            return;
        }
    }
}

/// The file name and header width a line is split by, apart from the
/// reader, so that blocks of lines can be split on other threads.
pub(crate) struct Fields {
    file: String,
    want: usize,
}

impl Fields {
    /// Splits `line` (number `number`) into exactly as many fields as the
    /// header has, or a located error.
    pub(crate) fn row<'l>(&self, line: &'l [u8], number: usize) -> Result<Row<'l>> {
        let mut row = Row {
            fields: [&[][..]; MAX_FIELDS],
            starts: [0; MAX_FIELDS],
            len: 0,
            line,
            number,
        };
        let want = self.want;
        let (mut start, mut found) = (0, 0);
        let mut field = |end: usize| {
            if found < want {
                row.fields[found] = &line[start..end];
                row.starts[found] = start;
            }
            found += 1;
            start = end + 1;
            true
        };
        for_each_byte(line, b'\t', &mut field);
        field(line.len());
        row.len = found;
        if row.len != want {
            let location = Location {
                file: self.file.clone(),
                line: number.max(1),
                column: 1,
            };
            let message = format!("expected {want} tab-separated fields, found {}", row.len);
            return Err(Error::new(ErrorKind::Parse { message }).at(Some(location)));
        }
        Ok(row)
    }
}

/// Whole lines of a file, back to back (with or without their ends),
/// numbered from `first`; a block ends where the file does or at a line
/// that could not be read (`error`).
#[derive(Default)]
pub(crate) struct Block {
    data: Vec<u8>,
    /// Where each line starts and ends (without its end) in `data`.
    lines: Vec<(usize, usize)>,
    /// The number of the block's first line.
    first: usize,
    /// Why the line after the block's last could not be read.
    pub(crate) error: Option<Error>,
}

impl Block {
    /// The block's lines with their numbers, blank lines left out.
    pub(crate) fn lines(&self) -> impl Iterator<Item = (usize, &[u8])> {
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, (start, end))| end > start)
            .map(|(i, &(start, end))| (self.first + i, &self.data[start..end]))
    }
}

/// Refuses, before opening it, a path that is not a regular file (a FIFO
/// would block the open, a device such as `/dev/zero` never ends).
pub(crate) fn regular_file(path: &Path) -> Result<std::fs::Metadata> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_file() {
        Ok(meta)
    } else {
        Err(not_regular(path, &meta.file_type()))
    }
}

/// Decompresses on a thread of its own, so that inflating one file overlaps
/// parsing it (on two cores a gzip load then costs little more than a
/// plain one). The thread sends filled chunks and takes emptied ones back;
/// it stops when the reader is dropped.
#[cfg(feature = "gzip")]
fn gz<'a>(file: File, count: &'a AtomicU64, path: &Path) -> Result<Box<dyn BufRead + Send + 'a>> {
    use std::sync::mpsc;
    let (full_tx, full) = mpsc::sync_channel::<Chunk>(4);
    let (empty, empty_rx) = mpsc::channel::<Vec<u8>>();
    let spawned = std::thread::Builder::new()
        .name("hallyu-gunzip".to_string())
        .spawn(move || inflate(file, &full_tx, &empty_rx));
    if let Err(e) = spawned {
        return Err(Error::io(path, e));
    }
    Ok(Box::new(Unzipped {
        full,
        empty,
        chunk: Vec::new(),
        at: 0,
        count,
        done: false,
    }))
}

/// What the decompressing thread sends: decompressed bytes (empty at the
/// end of the stream) and how many compressed bytes were read for them,
/// or the error that stopped it.
#[cfg(feature = "gzip")]
type Chunk = std::io::Result<(Vec<u8>, u64)>;

/// The size of the chunks handed from the decompressing thread.
#[cfg(feature = "gzip")]
const CHUNK: usize = 1 << 20;

/// The body of the decompressing thread: fills chunks until the stream
/// ends, an error stops it, or the reader hangs up.
#[cfg(feature = "gzip")]
fn inflate(
    file: File,
    full: &std::sync::mpsc::SyncSender<Chunk>,
    empty: &std::sync::mpsc::Receiver<Vec<u8>>,
) {
    let read = AtomicU64::new(0);
    let counting = Counting {
        inner: file,
        count: &read,
    };
    let mut decoder =
        flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 16, counting));
    let mut reported = 0;
    let mut send = |chunk: Vec<u8>| {
        let now = read.load(Ordering::Relaxed);
        let delta = now - reported;
        reported = now;
        full.send(Ok((chunk, delta))).is_ok()
    };
    loop {
        let mut chunk = empty.try_recv().unwrap_or_default();
        chunk.clear();
        chunk.resize(CHUNK, 0);
        let mut filled = 0;
        let outcome = loop {
            match decoder.read(&mut chunk[filled..]) {
                Ok(0) => break Ok(()),
                Ok(n) => {
                    filled += n;
                    if filled == CHUNK {
                        break Ok(());
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        chunk.truncate(filled);
        // What was decompressed before an error or the end is delivered
        // first, so that an error is reported at the line it interrupts.
        if filled > 0 && !send(chunk) {
            return;
        }
        match outcome {
            Ok(()) if filled == CHUNK => {}
            // The end of the stream: an empty chunk says so.
            Ok(()) => {
                send(Vec::new());
                return;
            }
            Err(e) => {
                let _ = full.send(Err(e));
                return;
            }
        }
    }
}

/// The reading end of [`gz`]: the chunks the decompressing thread sends,
/// as a [`BufRead`], adding their compressed sizes to the progress count.
#[cfg(feature = "gzip")]
struct Unzipped<'a> {
    full: std::sync::mpsc::Receiver<Chunk>,
    empty: std::sync::mpsc::Sender<Vec<u8>>,
    chunk: Vec<u8>,
    /// How much of `chunk` has been consumed.
    at: usize,
    count: &'a AtomicU64,
    /// The end of the stream was received.
    done: bool,
}

#[cfg(feature = "gzip")]
impl BufRead for Unzipped<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        while self.at == self.chunk.len() && !self.done {
            let (chunk, compressed) = match self.full.recv() {
                Ok(message) => message?,
                Err(_) => {
                    self.done = true;
                    return Err(std::io::Error::other(
                        "the gzip decompression thread stopped",
                    ));
                }
            };
            self.count.fetch_add(compressed, Ordering::Relaxed);
            self.done = chunk.is_empty();
            let used = std::mem::replace(&mut self.chunk, chunk);
            // The thread may have stopped: then the chunk is simply dropped.
            let _ = self.empty.send(used);
            self.at = 0;
        }
        Ok(&self.chunk[self.at..])
    }

    fn consume(&mut self, amount: usize) {
        self.at = (self.at + amount).min(self.chunk.len());
    }
}

#[cfg(feature = "gzip")]
impl Read for Unzipped<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

#[cfg(not(feature = "gzip"))]
fn gz<'a>(_file: File, _count: &'a AtomicU64, path: &Path) -> Result<Box<dyn BufRead + Send + 'a>> {
    Err(Error::new(ErrorKind::Io {
        path: path.to_path_buf(),
        message: "gzip files need the `gzip` feature of hallyu".to_string(),
    }))
}
