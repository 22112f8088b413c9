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
        let limit = (q.chars().count() / 3).clamp(1, 4);
        let mut scored: Vec<(usize, &String, T)> = Vec::new();
        for (key, list) in &self.map {
            let d = edit_distance(&q, key);
            let contains = q.chars().count() >= 3 && key.contains(q.as_str());
            if d <= limit || contains {
                for &(_, v) in list.iter().filter(|(_, v)| accept(*v)) {
                    scored.push((if contains { d.min(limit) } else { d }, key, v));
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

/// The Levenshtein distance between two strings, counted in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
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
            let d = edit_distance(query, c);
            // A typo, or a shortened id ("wooga" for "wooga-squad").
            let partial = long_enough && c.starts_with(query);
            (d <= limit || partial).then_some((if partial { d.min(limit) } else { d }, c))
        })
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("박서준", "박서준"), 0);
        assert_eq!(
            closest("park-seojoon", ["park-seo-joon", "iu"].into_iter()),
            Some("park-seo-joon")
        );
    }
}
