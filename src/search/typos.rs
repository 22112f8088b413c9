//! Typos: the banded edit distance, the trigram buckets that find the keys
//! worth comparing with it, and the closest of a few strings (for "did you
//! mean" suggestions).

/// Pushes the trigram buckets of `units`, padded at both ends, once each.
pub(super) fn trigrams(units: &[char], nbuckets: usize, out: &mut Vec<u32>) {
    let before = out.len();
    let pad = |i: usize| -> char {
        if i == 0 {
            '\u{2}'
        } else if i > units.len() {
            '\u{3}'
        } else {
            units[i - 1]
        }
    };
    let n = units.len() + 2;
    for i in 0..n.saturating_sub(2) {
        let (a, b, c) = (pad(i), pad(i + 1), pad(i + 2));
        let h = (u64::from(a) << 42 | u64::from(b) << 21 | u64::from(c))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        out.push((h >> 40) as u32 & (nbuckets as u32 - 1));
    }
    out[before..].sort_unstable();
    let mut w = before;
    for r in before..out.len() {
        if w == before || out[w - 1] != out[r] {
            out[w] = out[r];
            w += 1;
        }
    }
    out.truncate(w);
}

/// The edit limit for a query of `n` units.
pub(super) fn typo_limit(n: usize) -> usize {
    (n / 3).clamp(1, 4)
}

/// Whether `needle` occurs in `hay`.
pub(super) fn contains(hay: &[char], needle: &[char]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}

/// The Levenshtein distance between two strings, counted in characters, if
/// it is at most `k`; `None` when it is more.
///
/// Only the band of width `2k + 1` around the diagonal is computed, and
/// strings whose lengths differ by more than `k` are rejected before any
/// work: O(k · n) time, so that a hostile query of megabytes is compared
/// with every name in linear time, not quadratic.
pub(crate) fn edit_distance_within(a: &str, b: &str, k: usize) -> Option<usize> {
    // Cheap rejection on byte lengths: a string of `n` bytes has between
    // n / 4 and n characters.
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() / 4 > short.len() + k {
        return None;
    }
    let a: Vec<char> = short.chars().collect();
    let b: Vec<char> = long.chars().collect();
    distance_within(&a, &b, k)
}

/// The Levenshtein distance between two sequences if it is at most `k`,
/// computed on the band of width `2k + 1` (see [`edit_distance_within`]).
pub(crate) fn distance_within<T: PartialEq>(a: &[T], b: &[T], k: usize) -> Option<usize> {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let (m, n) = (a.len(), b.len());
    if n - m > k {
        return None;
    }
    // Cells outside the band count as "more than k".
    const FAR: usize = usize::MAX / 2;
    let mut prev = vec![FAR; n + 1];
    let mut cur = vec![FAR; n + 1];
    for (j, cell) in prev.iter_mut().enumerate().take(k.min(n) + 1) {
        *cell = j;
    }
    for i in 1..=m {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(n);
        cur[0] = if i <= k { i } else { FAR };
        if lo >= 2 {
            cur[lo - 1] = FAR;
        }
        let mut best = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            best = best.min(cur[j]);
        }
        if hi < n {
            cur[hi + 1] = FAR;
        }
        if best > k {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[n] <= k).then_some(prev[n])
}

/// The closest string of `candidates` to `query`, if it is close enough to
/// be a likely typo.
pub(crate) fn closest<'a>(
    query: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (query.chars().count() / 3).clamp(1, 4);
    let long_enough = query.chars().count() >= 3;
    candidates
        .filter_map(|c| {
            let d = edit_distance_within(query, c, limit);
            // A typo, or a shortened id ("wooga" for "wooga-squad").
            let partial = long_enough && c.starts_with(query);
            (d.is_some() || partial).then_some((d.unwrap_or(limit), c))
        })
        .min()
        .map(|(_, c)| c)
}
