//! The "did you mean" index of ids: the closest known id to an unknown
//! reference, found through shared character bigrams instead of a scan of
//! every id.

use std::collections::HashMap;

use crate::search::{closest, edit_distance_within};

/// An index of ids for "did you mean" suggestions: the ids sorted (for
/// prefixes), and the character bigrams of each id (for typos). An edit
/// changes at most two bigrams of a word padded at both ends, so an id
/// within edit distance `k` of a query of `n` characters shares at least
/// `n + 1 - 2k` of the query's bigrams: only those ids are compared with
/// the query, in a band (see [`edit_distance_within`]).
///
/// [`Suggestions::closest`] gives the same answer as
/// [`closest`] over every id, without a scan.
pub(super) struct Suggestions<'a> {
    sorted: Vec<&'a str>,
    /// Bigram → (position in `sorted`, how many times the id has it).
    grams: HashMap<(char, char), Vec<(u32, u32)>>,
    /// Ids by length in characters, for queries too short to filter by
    /// bigrams.
    by_len: std::collections::BTreeMap<usize, Vec<u32>>,
    max_len: usize,
    /// Per-id counters, reused by every query.
    counts: std::cell::RefCell<Vec<u32>>,
}

/// The bigrams of `s` padded with `\0` at both ends, with their counts.
fn bigrams(s: &str) -> Vec<((char, char), u32)> {
    let mut grams: Vec<(char, char)> = std::iter::once('\0')
        .chain(s.chars())
        .zip(s.chars().chain(std::iter::once('\0')))
        .collect();
    grams.sort_unstable();
    let mut out: Vec<((char, char), u32)> = Vec::new();
    for g in grams {
        match out.last_mut() {
            Some((last, n)) if *last == g => *n += 1,
            _ => out.push((g, 1)),
        }
    }
    out
}

impl<'a> Suggestions<'a> {
    pub(super) fn new(ids: impl Iterator<Item = &'a str>) -> Suggestions<'a> {
        let mut sorted: Vec<&str> = ids.collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut grams: HashMap<(char, char), Vec<(u32, u32)>> = HashMap::new();
        let mut by_len: std::collections::BTreeMap<usize, Vec<u32>> = Default::default();
        let mut max_len = 0;
        for (i, id) in sorted.iter().enumerate() {
            for (g, n) in bigrams(id) {
                grams.entry(g).or_default().push((i as u32, n));
            }
            let len = id.chars().count();
            by_len.entry(len).or_default().push(i as u32);
            max_len = max_len.max(len);
        }
        let counts = std::cell::RefCell::new(vec![0; sorted.len()]);
        Suggestions {
            sorted,
            grams,
            by_len,
            max_len,
            counts,
        }
    }

    /// The closest id to `query`, if it is close enough to be a likely typo
    /// or a shortened id: the same rule as [`closest`].
    pub(super) fn closest(&self, query: &str) -> Option<&'a str> {
        let n = query.chars().count();
        let limit = (n / 3).clamp(1, 4);
        let mut best: Option<(usize, &'a str)> = None;
        fn offer<'a>(best: &mut Option<(usize, &'a str)>, d: usize, c: &'a str) {
            if best.is_none_or(|b| (d, c) < b) {
                *best = Some((d, c));
            }
        }
        // A shortened id: the first id (in order) that starts with the query.
        if n >= 3 {
            let at = self.sorted.partition_point(|s| *s < query);
            if let Some(c) = self.sorted.get(at).filter(|c| c.starts_with(query)) {
                offer(&mut best, limit, c);
            }
        }
        if n > self.max_len + limit {
            return best.map(|(_, c)| c);
        }
        let need = (n + 1).saturating_sub(2 * limit);
        if need == 0 {
            // A query of at most one character (no prefix rule): the ids
            // of nearby lengths, compared one by one.
            let window = self
                .by_len
                .range(n.saturating_sub(limit)..=n + limit)
                .flat_map(|(_, v)| v.iter().map(|&i| self.sorted[i as usize]));
            return closest(query, window);
        }
        let mut counts = self.counts.borrow_mut();
        let mut touched: Vec<u32> = Vec::new();
        for (g, k) in bigrams(query) {
            for &(i, m) in self.grams.get(&g).map_or(&[][..], Vec::as_slice) {
                let slot = &mut counts[i as usize];
                if *slot == 0 {
                    touched.push(i);
                }
                *slot += k.min(m);
            }
        }
        // Most shared bigrams first: an id sharing `s` of them is at least
        // (n + 1 - s) / 2 edits away, so the search stops once that bound
        // passes the best distance found.
        let mut candidates: Vec<(u32, u32)> = touched
            .iter()
            .map(|&i| (std::mem::take(&mut counts[i as usize]), i))
            .filter(|&(shared, _)| shared as usize >= need)
            .collect();
        drop(counts);
        candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (shared, i) in candidates {
            let bound = (n + 1 - (shared as usize).min(n + 1)).div_ceil(2);
            let within = best.map_or(limit, |(d, _)| d);
            if bound > within {
                break;
            }
            let c = self.sorted[i as usize];
            if let Some(d) = edit_distance_within(query, c, within) {
                offer(&mut best, d, c);
            }
        }
        best.map(|(_, c)| c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index answers as the scan over every id did.
    #[test]
    fn suggestions_agree_with_the_scan() {
        let mut ids: Vec<String> = Vec::new();
        let mut x = 12345u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let alphabet = b"abcde-";
        for _ in 0..400 {
            let len = 1 + (next() % 12) as usize;
            ids.push(
                (0..len)
                    .map(|_| alphabet[(next() % 6) as usize] as char)
                    .collect(),
            );
        }
        ids.push("wooga-squad".to_string());
        ids.push("박서준".to_string());
        let index = Suggestions::new(ids.iter().map(String::as_str));
        let mut queries: Vec<String> = Vec::new();
        for _ in 0..2000 {
            let len = (next() % 14) as usize;
            queries.push(
                (0..len)
                    .map(|_| alphabet[(next() % 6) as usize] as char)
                    .collect(),
            );
        }
        queries.extend(["wooga", "wooga-sqad", "박서", "박", "", "x"].map(String::from));
        for q in &queries {
            assert_eq!(
                index.closest(q),
                closest(q, ids.iter().map(String::as_str)),
                "{q:?}"
            );
        }
    }
}
