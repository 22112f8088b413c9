//! From the files read to the explorer: the credits grouped by person (an
//! in-place radix sort on two threads) and their duplicates marked, the
//! people and works without a credit left out, and the graph built.

use super::files::{Names, Principals, Raw, Titles};
use super::tables::{NONE, retain_rows};
use super::{Imported, Report};
use crate::explorer::Explorer;
use crate::graph::{GraphBuilder, memory_phase};
use crate::model::RoleKind;

/// Sorts each person's credits (`raw` holds whole groups of credits of
/// one person) by work and then by [`family`], and marks all but the first
/// of a work's credits in one family as duplicates (work [`NONE`]); returns
/// how many it marked.
fn sort_credits(raw: &mut [Raw]) -> usize {
    let key = |r: &Raw| {
        let (family, rank) = family(r.role());
        u64::from(r.work) << 16 | u64::from(family) << 8 | u64::from(rank)
    };
    let mut duplicates = 0;
    let mut rest = raw;
    while let Some(first) = rest.first() {
        let who = first.person();
        let len = rest
            .iter()
            .position(|r| r.person() != who)
            .unwrap_or(rest.len());
        let (row, after) = std::mem::take(&mut rest).split_at_mut(len);
        rest = after;
        row.sort_unstable_by_key(key);
        let mut last = None;
        for r in row.iter_mut() {
            let this = Some((r.work, family(r.role()).0));
            if this == last {
                r.work = NONE;
                duplicates += 1;
            } else {
                last = this;
            }
        }
    }
    duplicates
}

/// The rank of a role when one person has several on one title: on-screen
/// roles are one family (the best billing wins), crew roles are kept apart.
fn family(role: RoleKind) -> (u8, u8) {
    match role {
        RoleKind::Lead => (0, 0),
        RoleKind::Supporting => (0, 1),
        RoleKind::Cameo => (0, 2),
        RoleKind::Performer => (0, 3),
        RoleKind::Featured => (0, 4),
        other => (1 + other as u8, 0),
    }
}

/// Sorts `items` by `key` in place, from the byte of `key` at `shift` down:
/// each pass counts the 256 values of its byte and swaps every item into
/// its bucket (256 write positions, which stay in cache, unlike one per
/// key), then sorts each bucket by the next byte.
fn radix_sort<T: Copy>(items: &mut [T], key: &impl Fn(&T) -> u32, shift: u32) {
    if items.len() <= 64 {
        items.sort_unstable_by_key(|x| key(x));
        return;
    }
    let (starts, end) = radix_pass(items, key, shift);
    if shift > 0 {
        for d in 0..256 {
            radix_sort(&mut items[starts[d]..end[d]], key, shift - 8);
        }
    }
}

/// [`radix_sort`] on two threads: the first pass on this one, then the
/// buckets in two runs of about half the items each, one on a thread of
/// its own.
fn radix_sort_par<T: Copy + Send>(items: &mut [T], key: &(impl Fn(&T) -> u32 + Sync), shift: u32) {
    if items.len() <= 1 << 16 || shift == 0 {
        radix_sort(items, key, shift);
        return;
    }
    let (starts, end) = radix_pass(items, key, shift);
    // The buckets up to the one holding the middle item, and the rest.
    let cut = end
        .iter()
        .position(|&e| e >= items.len() / 2)
        .unwrap_or(255);
    let (first, second) = items.split_at_mut(end[cut]);
    let sort = |part: &mut [T], buckets: std::ops::Range<usize>, base: usize| {
        for d in buckets {
            radix_sort(&mut part[starts[d] - base..end[d] - base], key, shift - 8);
        }
    };
    std::thread::scope(|s| {
        s.spawn(|| sort(first, 0..cut + 1, 0));
        sort(second, cut + 1..256, end[cut]);
    });
}

/// One pass of [`radix_sort`]: puts `items` in the order of the byte of
/// `key` at `shift`, and returns where each of the 256 buckets starts and
/// ends.
fn radix_pass<T: Copy>(
    items: &mut [T],
    key: &impl Fn(&T) -> u32,
    shift: u32,
) -> ([usize; 256], [usize; 256]) {
    let digit = |x: &T| ((key(x) >> shift) & 0xff) as usize;
    let mut end = [0usize; 256];
    for x in items.iter() {
        end[digit(x)] += 1;
    }
    let mut head = [0usize; 256];
    let mut total = 0;
    for d in 0..256 {
        head[d] = total;
        total += end[d];
        end[d] = total;
    }
    let starts = head;
    for d in 0..256 {
        while head[d] < end[d] {
            let t = digit(&items[head[d]]);
            if t == d {
                head[d] += 1;
            } else {
                items.swap(head[d], head[t]);
                head[t] += 1;
            }
        }
    }
    (starts, end)
}

/// The new position of each row flagged in `keep` (in order), [`NONE`] for
/// the others.
fn compact(keep: &[bool]) -> Vec<u32> {
    let mut next = 0u32;
    keep.iter()
        .map(|&k| {
            if k {
                next += 1;
                next - 1
            } else {
                NONE
            }
        })
        .collect()
}

pub(super) fn assemble(
    files: [String; 3],
    names: Names,
    duplicate_people: usize,
    titles: Titles,
    principals: Principals,
) -> Imported {
    let Names {
        section: people,
        born,
    } = names;
    let Titles {
        section: works,
        kinds,
        years,
        skipped: skipped_titles,
        duplicates,
        map,
        not_korean,
        hangul,
    } = titles;
    drop(map);
    let mut report = Report {
        names: people.rows,
        titles: works.rows,
        principals: principals.rows,
        skipped_titles,
        skipped_principals: principals.skipped,
        dangling: principals.dangling,
        bad_rows: people.bad + works.bad + principals.bad,
        bad_rows_per_file: [people.bad, works.bad, principals.bad],
        not_korean,
        not_korean_principals: principals.not_korean,
        ..Report::default()
    };
    report.duplicate_keys = duplicates + duplicate_people;
    let mut raw = principals.raw;

    // The people and works that have a credit.
    let mut person_used = vec![false; people.table.len()];
    let mut work_used = vec![false; works.table.len()];
    for r in &raw {
        person_used[r.person() as usize] = true;
        work_used[r.work as usize] = true;
    }
    memory_phase("people resolved");

    // Keep people and works that have a credit: works are renumbered here
    // (on two threads: each lookup is a likely cache miss), people as their
    // credits are added (their new positions come in the order of their
    // rows in `name.basics`).
    let work_remap = compact(&work_used);
    let n_people = person_used.iter().filter(|&&u| u).count();
    let n_works = work_used.iter().filter(|&&u| u).count();
    {
        let renumber = |part: &mut [Raw]| {
            for r in part {
                r.work = work_remap[r.work as usize];
            }
        };
        let half = raw.len() / 2;
        let (first, second) = raw.split_at_mut(half);
        std::thread::scope(|s| {
            s.spawn(|| renumber(first));
            renumber(second);
        });
    }
    drop(work_remap);

    // Group credits by person in place (a radix sort, so that no second
    // array of credits is needed), the last person's group first: the
    // groups are then taken from the end, in person order, and the credits
    // shrink as the graph's columns grow.
    let names = people.table.len();
    let group = |r: &Raw| (names - 1 - r.person() as usize) as u32;
    let bits = usize::BITS - names.saturating_sub(1).leading_zeros();
    let top = bits.div_ceil(8).saturating_sub(1) * 8;
    radix_sort_par(&mut raw, &group, top);
    memory_phase("credits bucketed");
    // Each person's credits in work order, the duplicates marked (their
    // work set to NONE), on two threads: one takes the groups before the
    // middle, the other the rest.
    let middle = {
        let half = raw.len() / 2;
        raw[half..]
            .iter()
            .position(|r| r.person() != raw[half].person())
            .map_or(raw.len(), |i| half + i)
    };
    let (first, second) = raw.split_at_mut(middle);
    report.duplicates = std::thread::scope(|s| {
        let other = s.spawn(|| sort_credits(first));
        sort_credits(second)
            + other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
    });
    // The credits in person order, taken from the end.
    let mut builder = GraphBuilder::new();
    builder.reserve_credits(raw.len() - report.duplicates);
    let mut end = raw.len();
    let mut p = 0u32;
    while end > 0 {
        let row_of = raw[end - 1].person();
        let begin = raw[..end]
            .iter()
            .rposition(|r| r.person() != row_of)
            .map_or(0, |i| i + 1);
        for r in raw[begin..end].iter().filter(|r| r.work != NONE) {
            builder.appearance(p, r.work, r.role());
        }
        end = begin;
        p += 1;
        // Give back the memory of the credits added (every 64 MiB).
        if raw.len() - end >= (64 << 20) / std::mem::size_of::<Raw>() {
            raw.truncate(end);
            raw.shrink_to_fit();
        }
    }
    debug_assert_eq!(p as usize, n_people);
    let credits = builder.credits();
    drop(raw);
    memory_phase("credits added");

    // The names and titles of the people and works kept, now that the
    // credits are gone: the tables as read, the others' rows taken out in
    // place (a copy would hold both at once).
    let year = |y: i16| (y != 0).then_some(i32::from(y));
    let (mut people, mut born) = (people.table, born);
    people.retain(&person_used);
    retain_rows(&mut born, &person_used);
    builder.people_table(people.into_graph_table(), born.iter().map(|&y| year(y)));
    drop((born, person_used));
    let (mut works, mut kinds, mut years) = (works.table, kinds, years);
    works.retain(&work_used);
    retain_rows(&mut kinds, &work_used);
    retain_rows(&mut years, &work_used);
    let mut table = works.into_graph_table();
    // The first Hangul title of each work kept.
    let mut hangul = hangul.into_iter().peekable();
    let kept = work_used.iter().enumerate().filter(|(_, u)| **u);
    for (new, (i, _)) in kept.enumerate() {
        while hangul.next_if(|h| (h.0 as usize) < i).is_some() {}
        if let Some((_, h)) = hangul.next_if(|h| h.0 as usize == i) {
            table.set_hangul_of(new as u32, &h);
        }
    }
    drop((hangul, work_used));
    builder.works_table(table, kinds, years.iter().map(|&y| year(y)));
    drop(years);
    memory_phase("names and titles built");

    report.people = n_people;
    report.works = n_works;
    report.credits = credits;
    let _ = files;
    let explorer = Explorer::from_graph(builder.build());
    memory_phase("explorer ready");
    Imported { explorer, report }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radix_sort_sorts_by_every_byte_of_the_key() {
        // Keys of one, two and three bytes, with repeats; a slow LCG.
        let mut x = 12345u64;
        for (n, bound) in [(0usize, 1u32), (50, 7), (5_000, 300), (100_000, 1 << 24)] {
            let mut items: Vec<(u32, u32)> = (0..n as u32)
                .map(|i| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((x >> 33) as u32 % bound, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let bits = u32::BITS - bound.saturating_sub(1).leading_zeros();
            let top = bits.div_ceil(8).saturating_sub(1) * 8;
            let mut on_two = items.clone();
            radix_sort(&mut items, &|p: &(u32, u32)| p.0, top);
            radix_sort_par(&mut on_two, &|p: &(u32, u32)| p.0, top);
            let keys = |v: &[(u32, u32)]| v.iter().map(|p| p.0).collect::<Vec<_>>();
            for sorted in [&items, &on_two] {
                assert_eq!(keys(sorted), keys(&expected), "{n} keys below {bound}");
                let mut seen: Vec<u32> = sorted.iter().map(|p| p.1).collect();
                seen.sort_unstable();
                assert!(seen.iter().copied().eq(0..n as u32), "every item kept once");
            }
        }
    }
}
