//! Reading the rows of a file: the shared context of one load (options,
//! progress, the bad rows skipped), row by row or, for the largest file, in
//! blocks of whole lines parsed on several threads; and the parsers of
//! IMDb's fields (keys, years, text, `\N`).

use std::sync::atomic::{AtomicU64, Ordering};

use super::{Callback, Progress};
use crate::error::{Error, ErrorKind, Result};
use crate::import::tsv::{Block, Fields, Row, Tsv};

pub(super) struct Ctx<'c, 'a> {
    pub(super) skip: bool,
    pub(super) max_line: usize,
    pub(super) progress: Option<&'c Callback<'a>>,
    pub(super) counter: &'c AtomicU64,
    pub(super) total: u64,
}

impl Ctx<'_, '_> {
    pub(super) fn report(&self) {
        if let Some(f) = self.progress {
            f(Progress {
                read: self.counter.load(Ordering::Relaxed),
                total: self.total,
            });
        }
    }

    /// Reads every row of `tsv`, handing each to `f`; a row error is
    /// returned or counted in `bad`.
    pub(super) fn rows(
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
    pub(super) fn par_rows<S: Default + Send>(
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
pub(super) const BLOCK: usize = 1 << 20;

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
pub(super) fn is_null(field: &[u8]) -> bool {
    field == b"\\N"
}

/// `nm0000102` → (102, 7).
pub(super) fn parse_key(row: &Row<'_>, file: &str, i: usize, prefix: &str) -> Result<(u32, u8)> {
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
pub(super) fn parse_year(row: &Row<'_>, file: &str, i: usize) -> Result<i16> {
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

pub(super) fn parse_text<'l>(row: &Row<'l>, file: &str, i: usize) -> Result<&'l str> {
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
pub(super) fn shorten(field: &[u8]) -> String {
    let text = String::from_utf8_lossy(field);
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.into_owned(),
    }
}
