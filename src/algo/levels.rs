//! The distances from one person to everyone, level by level: a
//! breadth-first search whose frontiers and marks are bitmaps, each level
//! spread from the frontier's rows or gathered from the rows of those not
//! yet reached, on both cores.

use crate::filter::Filter;
use crate::graph::TraversalIndex;
use crate::graph::csr::{Compiled, Rows};

use super::{UNREACHED, ones, set_bits};

/// The level of every person from `source` (0 for the source,
/// [`UNREACHED`] for people out of reach), by a breadth-first search whose
/// frontiers and marks are bitmaps: a bit per person and per work (138 KB
/// and 62 KB on the large synthetic set) stays in the cache where a level
/// number per record (4 MB and 2 MB) does not.
///
/// Each level is two expansions (see [`expand`]): the frontier's people
/// mark their admitted works, the works not reached before (and admitted
/// by the filter) become the level's works, then those works mark their
/// people, and the people not reached before become the next frontier.
/// Rows are read in the order of the tables, and no branch depends on
/// whether one entry was reached, so that the middle levels, where that
/// outcome is a coin toss, cost no more per entry than the others. The
/// bottom-up steps this replaced (Beamer et al., "Direction-Optimizing
/// Breadth-First Search", SC 2012) paid for that toss on every row: on
/// the large set from its busiest person they took 77–100 ms where this
/// takes 25–36 ms. Empty when the source is out of range.
///
/// The counts of each level, its last level and the bitmap of the people
/// reached come with it, so that a caller needs no pass over the levels.
pub(crate) fn levels(index: &TraversalIndex, source: u32, filter: &Filter) -> Levels {
    let people = index.people();
    if source as usize >= people {
        return Levels::default();
    }
    let c = Compiled::new(filter);
    let mut plevel = vec![UNREACHED; people];
    let (pwords, wwords) = (people.div_ceil(64), index.works().div_ceil(64));
    let [mut front, mut next, mut pseen] = [(); 3].map(|_| vec![0u64; pwords]);
    let [mut works, mut wseen] = [(); 2].map(|_| vec![0u64; wwords]);
    let mut scratch = Vec::new();
    let (word, bit) = (source as usize / 64, 1u64 << (source % 64));
    front[word] = bit;
    pseen[word] = bit;
    plevel[source as usize] = 0;
    let (prows, wrows) = (index.person_rows(), index.work_rows());
    let mut entries = index.person_app_range(source).len();
    let mut counts = vec![1];
    for d in 0.. {
        // The works of the frontier not reached before…
        expand(
            [prows, wrows],
            &front,
            entries,
            &wseen,
            &c,
            &mut works,
            &mut scratch,
        );
        entries = 0;
        for (j, (new, seen)) in works.iter_mut().zip(&mut wseen).enumerate() {
            *new &= !*seen;
            let mut ok = 0;
            for b in ones(&[*new]) {
                let w = j * 64 + b as usize;
                if index.work_ok(&c, w) {
                    ok |= 1 << b;
                    entries += (wrows.start[w + 1] - wrows.start[w]) as usize;
                }
            }
            *new = ok;
            *seen |= ok;
        }
        // …and the people in them not reached before.
        expand(
            [wrows, prows],
            &works,
            entries,
            &pseen,
            &c,
            &mut next,
            &mut scratch,
        );
        entries = 0;
        let mut count = 0;
        for (j, (new, seen)) in next.iter_mut().zip(&mut pseen).enumerate() {
            *new &= !*seen;
            *seen |= *new;
            count += new.count_ones() as usize;
            for b in ones(&[*new]) {
                let p = j * 64 + b as usize;
                plevel[p] = d + 1;
                entries += (prows.start[p + 1] - prows.start[p]) as usize;
            }
        }
        // No one new: everyone in reach has a level.
        if count == 0 {
            break;
        }
        counts.push(count);
        std::mem::swap(&mut front, &mut next);
    }
    Levels {
        level: plevel,
        counts,
        last: ones(&front).collect(),
        reached: pseen,
    }
}

/// What [`levels`] found.
#[derive(Debug, Default)]
pub(crate) struct Levels {
    /// The level of every person ([`UNREACHED`] for people out of reach).
    pub(crate) level: Vec<u32>,
    /// How many people each level holds (the source's: 1).
    pub(crate) counts: Vec<usize>,
    /// The people of the last level, in id order.
    pub(crate) last: Vec<u32>,
    /// A bit per person, set for those reached.
    pub(crate) reached: Vec<u64>,
}

impl Levels {
    /// The people not reached, in id order.
    pub(crate) fn unreached(&self) -> impl Iterator<Item = u32> + '_ {
        let people = self.level.len() as u32;
        set_bits(self.reached.iter().map(|&word| !word)).take_while(move |&p| p < people)
    }
}

/// A level whose records hold more than this share (1/DENSE) of all
/// appearances is expanded by [`gather`], the others by [`spread`].
const DENSE: usize = 2;

/// Sets in `into` the bit of every record of the other side that shares an
/// admitted appearance with a record whose bit is set in `from` (the
/// records of `from` holding `entries` appearances; `rows` is the rows of
/// `from`'s side, then the other side's). Records already `seen` may be
/// left out.
#[allow(clippy::too_many_arguments)]
fn expand(
    [out, back]: [Rows<'_>; 2],
    from: &[u64],
    entries: usize,
    seen: &[u64],
    c: &Compiled<'_>,
    into: &mut [u64],
    scratch: &mut Vec<u64>,
) {
    if entries * DENSE > out.ends.len() {
        gather(back, from, seen, c, into);
    } else {
        spread(out, from, entries, c, into, scratch);
    }
}

/// [`expand`] from the frontier's side: sets in `into` (cleared first) the
/// bit of every admitted entry of the rows whose bits are set in `from`
/// (holding `entries` entries), on both cores when they are many (each
/// core ORs half the rows, split by their appearances, into its own
/// bitmap; `scratch` is the second one, kept between calls).
///
/// Rows are read four entries at a time, the entries past a row's end
/// masked out rather than branched around, so that a row of up to four
/// entries (most people's) costs one predictable branch.
fn spread(
    rows: Rows<'_>,
    from: &[u64],
    entries: usize,
    c: &Compiled<'_>,
    into: &mut [u64],
    scratch: &mut Vec<u64>,
) {
    let part = |words: std::ops::Range<usize>, into: &mut [u64]| {
        into.fill(0);
        let len = rows.ends.len();
        for j in words {
            for b in ones(&from[j..=j]) {
                let r = j * 64 + b as usize;
                let (mut k, end) = (rows.start[r] as usize, rows.start[r + 1] as usize);
                while k < end {
                    if k + 4 <= len {
                        for i in k..k + 4 {
                            let admit =
                                u64::from(i < end && c.admits[usize::from(rows.flags[i] & 127)]);
                            let e = rows.ends[i] as usize;
                            into[e / 64] |= admit << (e % 64);
                        }
                    } else {
                        for i in k..end {
                            let admit = u64::from(c.admits[usize::from(rows.flags[i] & 127)]);
                            let e = rows.ends[i] as usize;
                            into[e / 64] |= admit << (e % 64);
                        }
                    }
                    k += 4;
                }
            }
        }
    };
    if entries < 1 << 15 || threads() < 2 {
        return part(0..from.len(), into);
    }
    let mid = halfway(rows, from.len());
    scratch.resize(into.len(), 0);
    std::thread::scope(|scope| {
        let part = &part;
        let other = &mut scratch[..];
        scope.spawn(move || part(mid..from.len(), other));
        part(0..mid, into);
    });
    for (x, y) in into.iter_mut().zip(scratch.iter()) {
        *x |= y;
    }
}

/// [`expand`] from the other side: every record not `seen` looks for an
/// admitted entry of its row among `from`, and `into` gets one word of
/// answers per 64 records, on both cores (each its half of the records,
/// split by their appearances).
fn gather(rows: Rows<'_>, from: &[u64], seen: &[u64], c: &Compiled<'_>, into: &mut [u64]) {
    let n = rows.start.len() - 1;
    let part = |first: usize, into: &mut [u64]| {
        for (j, word) in (first..).zip(into.iter_mut()) {
            let valid = if (j + 1) * 64 <= n {
                !0
            } else {
                (1 << (n % 64)) - 1
            };
            let mut todo = !seen[j] & valid;
            let mut hit = 0;
            while todo != 0 {
                let b = todo.trailing_zeros() as usize;
                todo &= todo - 1;
                hit |= any_set(rows, j * 64 + b, from, &c.admits) << b;
            }
            *word = hit;
        }
    };
    if threads() < 2 {
        return part(0, into);
    }
    let mid = halfway(rows, into.len());
    let (low, high) = into.split_at_mut(mid);
    std::thread::scope(|scope| {
        let part = &part;
        scope.spawn(move || part(mid, high));
        part(0, low);
    });
}

/// The number of cores to search on.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The bitmap word (of `words`) before which half of the appearances of
/// `rows` lie.
fn halfway(rows: Rows<'_>, words: usize) -> usize {
    let half = rows.ends.len() as u32 / 2;
    (rows.start.partition_point(|&s| s < half) / 64).min(words)
}

/// 1 when an admitted entry of row `r` has its bit set in `bits`, else 0.
/// A row of up to four entries (most people's) is tested as four entries
/// without a branch, those past its end masked out; a longer one entry by
/// entry, the tests ORed together and checked every eight entries so that
/// it still stops early.
#[inline]
fn any_set(rows: Rows<'_>, r: usize, bits: &[u64], admits: &[bool; 128]) -> u64 {
    let (a, e) = (rows.start[r] as usize, rows.start[r + 1] as usize);
    let test = |k: usize| {
        let i = rows.ends[k] as usize;
        bits[i / 64] >> (i % 64) & u64::from(admits[usize::from(rows.flags[k] & 127)])
    };
    let mut acc = 0;
    if e - a <= 4 && a + 4 <= rows.ends.len() {
        for k in 0..4 {
            acc |= test(a + k) & u64::from(k < e - a);
        }
    } else {
        for k in a..e {
            acc |= test(k);
            if (k - a) % 8 == 7 && acc & 1 != 0 {
                break;
            }
        }
    }
    acc & 1
}
