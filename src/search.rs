//! Name lookup: ids, names, aliases and Hangul, ignoring case, spaces and
//! punctuation, with suggestions for names that match nothing.

use std::collections::HashMap;

/// Normalises a name for lookup: lowercase, with everything that is not a
/// letter or digit removed, so that `Kim So-hyun`, `kim so hyun` and
/// `KIM SOHYUN` are equal. Hangul is kept as it is.
///
/// # Example
///
/// ```
/// use hallyu::normalize;
///
/// assert_eq!(normalize("Kim So-hyun"), "kimsohyun");
/// assert_eq!(normalize("K.Will"), normalize("k-will"));
/// assert_eq!(normalize(" 김소현 "), "김소현");
/// ```
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How well a query matched: ids and canonical names beat aliases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// The canonical name or title, or the Hangul name.
    Name = 1,
    /// An alias.
    Alias = 2,
}

/// Maps normalised names to the entries that carry them.
#[derive(Clone, Debug)]
pub(crate) struct NameIndex<T> {
    map: HashMap<String, Vec<(Tier, T)>>,
}

impl<T> Default for NameIndex<T> {
    fn default() -> Self {
        NameIndex {
            map: HashMap::new(),
        }
    }
}

impl<T: Copy + PartialEq> NameIndex<T> {
    pub(crate) fn insert(&mut self, name: &str, tier: Tier, value: T) {
        let key = normalize(name);
        if key.is_empty() {
            return;
        }
        let list = self.map.entry(key).or_default();
        match list.iter_mut().find(|(_, v)| *v == value) {
            Some(entry) => entry.0 = entry.0.min(tier),
            None => list.push((tier, value)),
        }
    }

    /// The entries of the best tier that matches `query`, in insertion order.
    pub(crate) fn find(&self, query: &str, accept: impl Fn(T) -> bool) -> Vec<T> {
        let Some(list) = self.map.get(&normalize(query)) else {
            return Vec::new();
        };
        let accepted: Vec<(Tier, T)> = list.iter().copied().filter(|(_, v)| accept(*v)).collect();
        let Some(best) = accepted.iter().map(|(t, _)| *t).min() else {
            return Vec::new();
        };
        accepted
            .into_iter()
            .filter(|(t, _)| *t == best)
            .map(|(_, v)| v)
            .collect()
    }

    /// The keys closest to `query` by edit distance, best first, at most `n`.
    pub(crate) fn nearest(&self, query: &str, n: usize, accept: impl Fn(T) -> bool) -> Vec<T> {
        let q = normalize(query);
        let q_chars = q.chars().count();
        let limit = (q_chars / 3).clamp(1, 4);
        let mut scored: Vec<(usize, &String, T)> = Vec::new();
        for (key, list) in &self.map {
            let d = edit_distance_within(&q, key, limit);
            // (A substring search costs the length of the query: skip keys
            // shorter than it.)
            let contains = q_chars >= 3 && key.len() >= q.len() && key.contains(q.as_str());
            if d.is_some() || contains {
                // A key containing the query scores at most `limit`.
                let score = d.unwrap_or(limit);
                for &(_, v) in list.iter().filter(|(_, v)| accept(*v)) {
                    scored.push((score, key, v));
                }
            }
        }
        scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        let mut out: Vec<T> = Vec::new();
        for (_, _, v) in scored {
            if !out.contains(&v) {
                out.push(v);
            }
            if out.len() == n {
                break;
            }
        }
        out
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The full Levenshtein table, to check the banded one against.
    fn edit_distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        let mut cur = vec![0; b.len() + 1];
        for (i, ca) in a.iter().enumerate() {
            cur[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cost = usize::from(ca != cb);
                cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        prev[b.len()]
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance_within("kitten", "sitting", 4), Some(3));
        assert_eq!(edit_distance_within("kitten", "sitting", 2), None);
        assert_eq!(edit_distance_within("", "abc", 3), Some(3));
        assert_eq!(edit_distance_within("박서준", "박서준", 1), Some(0));
        assert_eq!(edit_distance_within(&"a".repeat(1 << 20), "a", 4), None);
        assert_eq!(
            closest("park-seojoon", ["park-seo-joon", "iu"].into_iter()),
            Some("park-seo-joon")
        );
    }

    /// The banded distance agrees with the full table on every pair of
    /// short strings over a small alphabet, for every bound.
    #[test]
    fn banded_agrees_with_full() {
        let words: Vec<String> = (0..3u32.pow(5))
            .flat_map(|n| {
                (0..=5).map(move |len| {
                    (0..len)
                        .map(|i| ['a', 'b', '박'][(n / 3u32.pow(i)) as usize % 3])
                        .collect()
                })
            })
            .collect::<std::collections::BTreeSet<String>>()
            .into_iter()
            .step_by(3)
            .collect();
        for a in &words {
            for b in &words {
                let d = edit_distance(a, b);
                for k in 0..=5 {
                    assert_eq!(
                        edit_distance_within(a, b, k),
                        (d <= k).then_some(d),
                        "{a:?} {b:?} {k}"
                    );
                }
            }
        }
    }
}
