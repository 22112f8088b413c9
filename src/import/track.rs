//! Positions in a file read as it goes: the line and column (in
//! characters) of the bytes a parser has taken, and whether they are
//! UTF-8, without holding the file.

use std::cell::RefCell;
use std::io::{BufRead, Read};
use std::rc::Rc;

/// Where the bytes taken so far end: the line, the column of the last
/// character taken (0 at the start of a line), and the first byte that
/// is not UTF-8.
#[derive(Debug, Default)]
pub(crate) struct Track {
    line: usize,
    column: usize,
    /// Continuation bytes still expected, and where their character began.
    pending: u8,
    lead: (usize, usize),
    /// Where the first invalid byte is (1-based line and column).
    pub(crate) bad: Option<(usize, usize)>,
    /// Waiting for the first byte that is neither white space nor `:`.
    pub(crate) marking: bool,
    /// Where that byte was (1-based line and column).
    pub(crate) marked: (usize, usize),
}

impl Track {
    /// The 1-based line and column of the last character taken.
    pub(crate) fn here(&self) -> (usize, usize) {
        (self.line + 1, self.column.max(1))
    }

    /// The 1-based line and column of the next character.
    pub(crate) fn next(&self) -> (usize, usize) {
        (self.line + 1, self.column + 1)
    }

    /// Counts one byte; `false` when the bytes are not UTF-8.
    fn byte(&mut self, b: u8) -> bool {
        if self.pending > 0 {
            if b & 0xc0 == 0x80 {
                self.pending -= 1;
                return true;
            }
            self.bad.get_or_insert(self.lead);
            return false;
        }
        if b == b'\n' {
            self.line += 1;
            self.column = 0;
        } else {
            self.column += 1;
        }
        self.pending = match b {
            0x00..=0x7f => 0,
            0xc2..=0xdf => 1,
            0xe0..=0xef => 2,
            0xf0..=0xf4 => 3,
            _ => {
                self.bad.get_or_insert(self.here());
                return false;
            }
        };
        if self.pending > 0 {
            self.lead = self.here();
        }
        if self.marking && !matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b':') {
            self.marking = false;
            self.marked = self.here();
        }
        true
    }

    /// Counts bytes; `false` when they are not UTF-8.
    fn bytes(&mut self, bytes: &[u8]) -> bool {
        bytes.iter().all(|&b| self.byte(b))
    }

    /// The end of the file: a character cut short is not UTF-8.
    fn end(&mut self) -> bool {
        if self.pending > 0 {
            self.bad.get_or_insert(self.lead);
            return false;
        }
        true
    }
}

/// A reader whose bytes are counted as they are taken: through
/// [`Read`] (serde_json takes one byte at a time) or through
/// [`BufRead::consume`] (quick-xml).
pub(crate) struct Tracked<R> {
    inner: R,
    pub(crate) track: Rc<RefCell<Track>>,
}

impl<R: BufRead> Tracked<R> {
    /// Counts the bytes of `inner` as they are taken.
    pub(crate) fn new(inner: R) -> Tracked<R> {
        Tracked {
            inner,
            track: Rc::default(),
        }
    }
}

fn invalid() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, "invalid UTF-8")
}

impl<R: BufRead> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut t = self.track.borrow_mut();
        let fine = if n == 0 { t.end() } else { t.bytes(&buf[..n]) };
        if fine { Ok(n) } else { Err(invalid()) }
    }
}

impl<R: BufRead> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        let buf = self.inner.fill_buf()?;
        if buf.is_empty() {
            // Noted, not refused: the parser's error comes first, and the
            // reader asks the track after each event.
            self.track.borrow_mut().end();
        }
        Ok(buf)
    }

    fn consume(&mut self, n: usize) {
        // The bytes consumed are the start of the buffer the last
        // `fill_buf` gave: asking for it again does not read.
        if let Ok(buf) = self.inner.fill_buf() {
            let n = n.min(buf.len());
            self.track.borrow_mut().bytes(&buf[..n]);
        }
        self.inner.consume(n);
    }
}

/// Skips a byte-order mark at the start of `reader`: positions count
/// from after it.
pub(crate) fn skip_bom(reader: &mut impl BufRead) -> std::io::Result<()> {
    if reader.fill_buf()?.starts_with(b"\xef\xbb\xbf") {
        reader.consume(3);
    }
    Ok(())
}
