//! Name search that finds people however their names are typed: in Hangul
//! (composed or decomposed), in any romanisation (Revised, McCune–Reischauer,
//! Yale, the usual spellings), in Western order, as initial consonants
//! (초성), as keys of a Korean keyboard left in Latin mode, or with typos.
//!
//! [`NameIndex`] is generic over the value it finds (an id), holds millions of
//! names in one string arena and answers with ranked, explained
//! [`Match`]es. [`hangul`] and [`romanize`] are the tables and arithmetic it is
//! built on.
//!
//! # Example
//!
//! ```
//! use hallyu::search::{MatchKind, NameIndex, Tier};
//!
//! let mut index = NameIndex::new();
//! index.insert("Park Seo-joon", Tier::Name, 1);
//! index.insert("박서준", Tier::Name, 1);
//! index.insert("Park Bo-young", Tier::Name, 2);
//!
//! for query in ["Bak Seo-jun", "Pak Sŏjun", "Seo-joon Park", "qkrtjwns", "ㅂㅅㅈ"] {
//!     let best = index.search(query, |_| true).clear_winner().copied();
//!     assert_eq!(best.map(|m| m.value), Some(1), "{query}");
//! }
//! let m = index.search("Pak Sŏjun", |_| true).next().unwrap();
//! assert_eq!(m.how, MatchKind::McCuneReischauer);
//! assert_eq!(m.key, "paksojun"); // breves fold away
//! ```

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::OnceLock;

pub mod hangul;
mod matches;
mod names;
pub mod romanize;
mod typos;

pub use matches::{Match, MatchKind, Matches, Tier};
pub use names::normalise;
use names::{latin_reading, rotated, truncate, words};
pub(crate) use typos::{closest, edit_distance_within};
use typos::{contains, distance_within, trigrams, typo_limit};

/// Only this many bytes of a query count (names are far shorter): a query
/// of megabytes answers in bounded time.
///
/// # Example
///
/// ```
/// use hallyu::search::{MAX_QUERY, NameIndex, Tier};
///
/// let mut index = NameIndex::new();
/// index.insert(&"a".repeat(MAX_QUERY), Tier::Name, 1);
/// assert_eq!(index.find(&"a".repeat(10 * MAX_QUERY), |_| true), [1]);
/// ```
pub const MAX_QUERY: usize = 1024;
/// Keys are cut to this many bytes.
const MAX_KEY: usize = 1024;
/// A search returns at most this many matches.
///
/// # Example
///
/// ```
/// use hallyu::search::{MAX_MATCHES, NameIndex, Tier};
///
/// let mut index = NameIndex::new();
/// for i in 0..500 {
///     index.insert("Kim Min-jun", Tier::Name, i);
/// }
/// assert_eq!(index.search("Kim Min-jun", |_| true).len(), MAX_MATCHES);
/// ```
pub const MAX_MATCHES: usize = 100;
/// A romanised query is segmented for Hangul only up to this many bytes.
const MAX_LATIN: usize = 48;
/// Work done by one segmentation of a Latin query, in steps.
const SEGMENT_BUDGET: usize = 20_000;
/// Typo suggestions kept per search.
const TYPOS: usize = 10;
/// Postings read by one typo search.
const POSTING_BUDGET: usize = 100_000;

/// What an indexed key is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum KeyKind {
    Key,
    Name,
    Alias,
    Hangul,
    Rr,
    Mr,
    Yale,
    Initials,
    Keyboard,
    Western,
    Reading,
}

/// One key: a span of the arena, its kind and the name it came from.
/// Twelve bytes.
#[derive(Clone, Copy, Debug)]
struct Key {
    start: u32,
    len: u16,
    kind: KeyKind,
    entry: u32,
}

/// One inserted name.
#[derive(Clone, Debug)]
struct Entry<T> {
    value: T,
    tier: Tier,
    /// The name as inserted, a span of the arena.
    start: u32,
    len: u16,
}

/// The lookup structures, made on the first query after an insertion.
#[derive(Clone, Debug, Default)]
struct Frozen {
    /// Key indexes sorted by key text, then insertion.
    sorted: Vec<u32>,
    /// Typo postings: for each trigram bucket, the range of `postings`.
    buckets: Vec<u32>,
    /// Indexes of the keys (names, aliases, Hangul) that typos are
    /// searched in, grouped by bucket.
    postings: Vec<u32>,
}

/// Finds values by name however the name is typed: see the
/// [module](self) for the keys made from each name.
///
/// Insert names with [`NameIndex::insert`]; query with
/// [`NameIndex::search`] (ranked, explained candidates), [`NameIndex::find`]
/// (the strict lookup) or [`NameIndex::nearest`] (suggestions). The lookup
/// structures are made on the first query after an insertion (or by
/// [`NameIndex::prepare`]); queries take `&self`.
///
/// Each name gives the keys:
/// * the name, normalised ([`normalise`]);
/// * for Hangul: its Revised Romanization, McCune–Reischauer, Yale,
///   initials (초성) and 2-set keyboard keys; other spellings (Park, Joon,
///   Shik, mixed systems) are found by segmenting the query into syllables;
/// * for Latin letters: the name in the other order when its last word is a
///   surname spelling ("Sandara Park" → "parksandara"), and its most likely
///   Hangul reading, so that a name stored without Hangul is found by the
///   other romanisations and by Hangul.
///
/// Memory: the keys live in one arena `String`; each key costs 12 bytes
/// plus its text, each name its text and 8 bytes besides the value; the
/// lookup structures 4 bytes per key and 4 per trigram of each name. A
/// million synthetic names (2.5 million keys) take about 140 MB
/// (`examples/search_scale.rs`).
///
/// # Example
///
/// ```
/// use hallyu::search::{MatchKind, NameIndex, Tier};
///
/// let mut index = NameIndex::new();
/// index.insert("Song Joong-ki", Tier::Name, 7);
/// index.insert("송중기", Tier::Name, 7);
/// assert_eq!(index.find("Song Jung-gi", |_| true), [7]);
/// let m = index.search("송중긔", |_| true).next().unwrap();
/// assert_eq!(m.how, MatchKind::Typo { distance: 1 });
/// ```
#[derive(Clone, Debug)]
pub struct NameIndex<T> {
    arena: String,
    keys: Vec<Key>,
    entries: Vec<Entry<T>>,
    frozen: OnceLock<Frozen>,
}

impl<T> Default for NameIndex<T> {
    fn default() -> Self {
        NameIndex {
            arena: String::new(),
            keys: Vec::new(),
            entries: Vec::new(),
            frozen: OnceLock::new(),
        }
    }
}

impl<T> NameIndex<T> {
    /// An empty index.
    ///
    /// # Example
    ///
    /// ```
    /// let index = hallyu::search::NameIndex::<u32>::new();
    /// assert!(index.is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of names inserted.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::{NameIndex, Tier};
    ///
    /// let mut index = NameIndex::new();
    /// index.insert("IU", Tier::Name, 0);
    /// index.insert("아이유", Tier::Name, 0);
    /// assert_eq!(index.len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no name was inserted.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(hallyu::search::NameIndex::<u8>::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of keys made from the names (several per name).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::{NameIndex, Tier};
    ///
    /// let mut index = NameIndex::new();
    /// index.insert("박서준", Tier::Name, 0);
    /// // Hangul, RR, MR, Yale, initials, keyboard.
    /// assert_eq!(index.key_count(), 6);
    /// ```
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }

    /// The bytes the index holds on the heap, roughly (arena, keys, names
    /// and lookup structures).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::{NameIndex, Tier};
    ///
    /// let mut index = NameIndex::new();
    /// index.insert("Park Seo-joon", Tier::Name, 0u32);
    /// index.prepare();
    /// assert!(index.heap_size() < 16 * 1024);
    /// ```
    pub fn heap_size(&self) -> usize {
        let frozen = self.frozen.get().map_or(0, |f| {
            4 * (f.sorted.capacity() + f.buckets.capacity() + f.postings.capacity())
        });
        self.arena.capacity()
            + self.keys.capacity() * size_of::<Key>()
            + self.entries.capacity() * size_of::<Entry<T>>()
            + frozen
    }

    /// Adds text to the arena, if it still fits in `u32` offsets.
    fn push_text(&mut self, text: &str) -> Option<(u32, u16)> {
        let text = truncate(text, MAX_KEY);
        let start = u32::try_from(self.arena.len()).ok()?;
        u32::try_from(self.arena.len() + text.len()).ok()?;
        self.arena.push_str(text);
        Some((start, text.len() as u16))
    }

    fn push_key(&mut self, text: &str, kind: KeyKind, entry: u32) {
        if text.is_empty() {
            return;
        }
        // A key equal to the one before it (RR and MR of 김이나 differ, of
        // 이 not) is kept once.
        if let Some(prev) = self.keys.last()
            && prev.entry == entry
            && self.text(prev) == truncate(text, MAX_KEY)
        {
            return;
        }
        if let Some((start, len)) = self.push_text(text) {
            self.keys.push(Key {
                start,
                len,
                kind,
                entry,
            });
        }
    }

    fn text(&self, key: &Key) -> &str {
        let start = key.start as usize;
        &self.arena[start..start + usize::from(key.len)]
    }

    fn entry_name(&self, entry: &Entry<T>) -> &str {
        let start = entry.start as usize;
        &self.arena[start..start + usize::from(entry.len)]
    }

    /// Whether a word of the name `key` came from (or a syllable of a
    /// Hangul name) starts with the normalised query `q`.
    fn word_starts_with(&self, key: &Key, q: &str) -> bool {
        let name = self.entry_name(&self.entries[key.entry as usize]);
        let mut prev: Option<char> = None;
        for (i, c) in name.char_indices() {
            let start =
                prev.is_none_or(|p| !p.is_alphanumeric()) || ('\u{AC00}'..='\u{D7A3}').contains(&c);
            if start && c.is_alphanumeric() && normalise(&name[i..]).starts_with(q) {
                return true;
            }
            prev = Some(c);
        }
        false
    }

    /// Adds a name for `value`, with every key made from it.
    ///
    /// Names that normalise to nothing are ignored; an index past 4 GiB of
    /// key text ignores further names.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::{NameIndex, Tier};
    ///
    /// let mut index = NameIndex::new();
    /// index.insert("Sandara Park", Tier::Name, 'd');
    /// index.insert("Dara", Tier::Alias, 'd');
    /// assert_eq!(index.find("Park Sandara", |_| true), ['d']);
    /// // A Hangul reading, surname first, is guessed for a Latin name.
    /// assert_eq!(index.find("박산다라", |_| true), ['d']);
    /// ```
    pub fn insert(&mut self, name: &str, tier: Tier, value: T) {
        let name = truncate(name, MAX_KEY);
        let normal = if tier == Tier::Key {
            name.trim().to_string()
        } else {
            normalise(name)
        };
        if normal.is_empty() {
            return;
        }
        let Ok(entry) = u32::try_from(self.entries.len()) else {
            return;
        };
        let Some((start, len)) = self.push_text(name) else {
            return;
        };
        self.frozen = OnceLock::new();
        self.entries.push(Entry {
            value,
            tier,
            start,
            len,
        });
        let syllabic = normal.chars().any(hangul::is_syllable);
        let primary = match tier {
            Tier::Key => KeyKind::Key,
            Tier::Alias => KeyKind::Alias,
            Tier::Name if syllabic => KeyKind::Hangul,
            Tier::Name => KeyKind::Name,
        };
        self.push_key(&normal, primary, entry);
        if tier == Tier::Key {
            return;
        }
        if syllabic {
            self.push_key(&romanize::revised(&normal), KeyKind::Rr, entry);
            let mr = romanize::fold(&romanize::mccune_reischauer(&normal));
            self.push_key(&mr, KeyKind::Mr, entry);
            self.push_key(&romanize::yale(&normal), KeyKind::Yale, entry);
            self.push_key(&hangul::initials(&normal), KeyKind::Initials, entry);
            let keys = hangul::to_keyboard(&normal).to_ascii_lowercase();
            self.push_key(&keys, KeyKind::Keyboard, entry);
        } else if normal.is_ascii() {
            let w = words(name);
            if w.len() > 1
                && romanize::is_surname(&normalise(w[w.len() - 1]))
                && !romanize::is_surname(&normalise(w[0]))
                && let Some(turned) = rotated(name)
            {
                self.push_key(&turned, KeyKind::Western, entry);
            }
            if let Some(reading) = latin_reading(name) {
                self.push_key(&reading, KeyKind::Reading, entry);
            }
        }
    }

    /// Gives back the memory that growing the index left unused (about a
    /// third after a million insertions); call it once the names are in.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::{NameIndex, Tier};
    ///
    /// let mut index = NameIndex::new();
    /// index.insert("Park Seo-joon", Tier::Name, 0);
    /// let before = index.heap_size();
    /// index.shrink_to_fit();
    /// assert!(index.heap_size() <= before);
    /// ```
    pub fn shrink_to_fit(&mut self) {
        self.arena.shrink_to_fit();
        self.keys.shrink_to_fit();
        self.entries.shrink_to_fit();
    }

    /// Makes the lookup structures now rather than on the first query
    /// (sorting the keys, the typo trigrams): a few seconds for a million
    /// names.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::{NameIndex, Tier};
    ///
    /// let mut index = NameIndex::new();
    /// index.insert("IU", Tier::Name, ());
    /// index.prepare();
    /// assert_eq!(index.find("iu", |_| true).len(), 1);
    /// ```
    pub fn prepare(&self) {
        self.frozen();
    }

    fn frozen(&self) -> &Frozen {
        self.frozen.get_or_init(|| self.freeze())
    }

    fn freeze(&self) -> Frozen {
        // Sorted on the first eight bytes first (big-endian, zero-padded:
        // the same order as the text's), the text only on ties.
        let mut by_prefix: Vec<(u64, u32)> = self
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let mut b = [0u8; 8];
                let t = self.text(k).as_bytes();
                let n = t.len().min(8);
                b[..n].copy_from_slice(&t[..n]);
                (u64::from_be_bytes(b), i as u32)
            })
            .collect();
        by_prefix.sort_unstable_by(|&(p, a), &(q, b)| {
            p.cmp(&q).then_with(|| {
                let (x, y) = (&self.keys[a as usize], &self.keys[b as usize]);
                self.text(x).cmp(self.text(y)).then(a.cmp(&b))
            })
        });
        let sorted: Vec<u32> = by_prefix.into_iter().map(|(_, i)| i).collect();
        // Typo trigrams of names, aliases and Hangul names, counting-sorted
        // into buckets (a bucket may hold several trigrams: candidates are
        // checked).
        let typo_keys: Vec<u32> = (0..self.keys.len() as u32)
            .filter(|&k| {
                matches!(
                    self.keys[k as usize].kind,
                    KeyKind::Name | KeyKind::Alias | KeyKind::Hangul
                )
            })
            .collect();
        let nbuckets = (typo_keys.len() * 2)
            .next_power_of_two()
            .clamp(1024, 1 << 22);
        let mut grams: Vec<u32> = Vec::new();
        let mut starts: Vec<u32> = Vec::with_capacity(typo_keys.len() + 1);
        let mut units = Vec::new();
        let mut counts = vec![0u32; nbuckets + 1];
        for &k in &typo_keys {
            starts.push(grams.len() as u32);
            let before = grams.len();
            units.clear();
            units.extend(hangul::jamo(self.text(&self.keys[k as usize])));
            trigrams(&units, nbuckets, &mut grams);
            for &g in &grams[before..] {
                counts[g as usize + 1] += 1;
            }
        }
        starts.push(grams.len() as u32);
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut fill = counts.clone();
        let mut postings = vec![0u32; grams.len()];
        for (i, &k) in typo_keys.iter().enumerate() {
            for &g in &grams[starts[i] as usize..starts[i + 1] as usize] {
                postings[fill[g as usize] as usize] = k;
                fill[g as usize] += 1;
            }
        }
        Frozen {
            sorted,
            buckets: counts,
            postings,
        }
    }

    /// The range of `frozen.sorted` whose keys start with `prefix`.
    fn prefix_range(&self, frozen: &Frozen, prefix: &str) -> std::ops::Range<usize> {
        let s = &frozen.sorted;
        let lo = s.partition_point(|&k| self.text(&self.keys[k as usize]) < prefix);
        let hi = lo
            + s[lo..].partition_point(|&k| self.text(&self.keys[k as usize]).starts_with(prefix));
        lo..hi
    }

    /// The keys equal to `text`, in insertion order.
    fn exact<'s>(&'s self, frozen: &'s Frozen, text: &str) -> impl Iterator<Item = u32> + 's {
        let s = &frozen.sorted;
        let lo = s.partition_point(|&k| self.text(&self.keys[k as usize]) < text);
        let text = text.to_string();
        s[lo..]
            .iter()
            .copied()
            .take_while(move |&k| self.text(&self.keys[k as usize]) == text)
    }
}

/// A candidate before ranking: key index and how it matched.
type Hit = (u32, MatchKind);

impl<T: Copy + Eq + Hash> NameIndex<T> {
    /// Every candidate for `query` whose value `accept` takes, best first
    /// (by score, then insertion order), each value once, at most
    /// [`MAX_MATCHES`]: exact keys, romanisations of the query segmented into
    /// syllables, Western order, and up to ten typos.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::{MatchKind, NameIndex, Tier};
    ///
    /// let mut index = NameIndex::new();
    /// index.insert("Ji Chang-wook", Tier::Name, 1);
    /// index.insert("지창욱", Tier::Name, 1);
    /// index.insert("Ji Chang-min", Tier::Name, 2);
    /// let hows: Vec<_> = index.search("Ji Chang-uk", |_| true).map(|m| (m.value, m.how)).collect();
    /// assert_eq!(hows[0], (1, MatchKind::RevisedRomanization));
    /// assert!(hows[1..].iter().all(|(_, how)| how.is_typo()));
    /// ```
    pub fn search(&self, query: &str, accept: impl Fn(T) -> bool) -> Matches<'_, T> {
        let query = truncate(query, MAX_QUERY);
        let mut hits: Vec<Hit> = Vec::new();
        self.collect_strict(query, &mut hits);
        self.collect_typos(query, &mut hits);
        Matches::from_vec(
            self.rank(hits, &accept)
                .into_iter()
                .map(|(_, m)| m)
                .collect(),
        )
    }

    /// The exact and romanised candidates (no typos).
    fn collect_strict(&self, query: &str, hits: &mut Vec<Hit>) {
        let frozen = self.frozen();
        let trimmed = query.trim();
        for k in self.exact(frozen, trimmed) {
            if self.keys[k as usize].kind == KeyKind::Key {
                hits.push((k, MatchKind::Key));
            }
        }
        let q = normalise(query);
        if q.is_empty() {
            return;
        }
        for k in self.exact(frozen, &q) {
            let kind = match self.keys[k as usize].kind {
                KeyKind::Key => continue,
                KeyKind::Name => MatchKind::Name,
                KeyKind::Alias => MatchKind::Alias,
                KeyKind::Hangul => MatchKind::Hangul,
                KeyKind::Rr => MatchKind::RevisedRomanization,
                KeyKind::Mr => MatchKind::McCuneReischauer,
                KeyKind::Yale => MatchKind::Yale,
                KeyKind::Initials => MatchKind::Initials,
                KeyKind::Keyboard => MatchKind::Keyboard,
                KeyKind::Western => MatchKind::WesternOrder,
                KeyKind::Reading => MatchKind::Transliteration,
            };
            hits.push((k, kind));
        }
        // Initials typed so far (ㅂ, ㅂㅅ): the names they start, when they
        // are no name's initials in full.
        let initials = q.chars().all(hangul::is_consonant);
        if initials && !hits.iter().any(|&(_, how)| how == MatchKind::Initials) {
            let range = self.prefix_range(frozen, &q);
            for &k in frozen.sorted[range].iter().take(4 * MAX_MATCHES) {
                if self.keys[k as usize].kind == KeyKind::Initials {
                    hits.push((k, MatchKind::Initials));
                }
            }
        }
        if q.is_ascii() && q.len() <= MAX_LATIN {
            self.segment(frozen, &q, None, hits);
        }
        if let Some(turned) = rotated(query)
            && turned != q
        {
            for k in self.exact(frozen, &turned) {
                if self.keys[k as usize].kind != KeyKind::Key {
                    hits.push((k, MatchKind::WesternOrder));
                }
            }
            if turned.is_ascii() && turned.len() <= MAX_LATIN {
                self.segment(frozen, &turned, Some(MatchKind::WesternOrder), hits);
            }
        }
    }

    /// Segments a Latin query into syllable spellings whose Hangul is the
    /// start of an indexed key, and records the keys it spells in full.
    fn segment(&self, frozen: &Frozen, q: &str, how: Option<MatchKind>, hits: &mut Vec<Hit>) {
        let table = romanize::spellings();
        let mut budget = SEGMENT_BUDGET;
        // (position in the query, Hangul so far, systems of every syllable)
        let mut stack: Vec<(usize, String, u8)> = vec![(0, String::new(), 0xFF)];
        while let Some((pos, prefix, mask)) = stack.pop() {
            if pos == q.len() {
                let how = how.unwrap_or(if mask & romanize::RR != 0 {
                    MatchKind::RevisedRomanization
                } else if mask & romanize::MR != 0 {
                    MatchKind::McCuneReischauer
                } else if mask & romanize::YALE != 0 {
                    MatchKind::Yale
                } else {
                    MatchKind::Spelling
                });
                for k in self.exact(frozen, &prefix) {
                    if matches!(
                        self.keys[k as usize].kind,
                        KeyKind::Hangul | KeyKind::Alias | KeyKind::Reading
                    ) {
                        hits.push((k, how));
                    }
                }
                continue;
            }
            for len in 1..=table.longest.min(q.len() - pos) {
                let Some(part) = q.get(pos..pos + len) else {
                    continue;
                };
                for &(c, m) in table.get(part) {
                    if budget == 0 {
                        return;
                    }
                    budget -= 1;
                    let mut next = String::with_capacity(prefix.len() + 3);
                    next.push_str(&prefix);
                    next.push(c);
                    if !self.prefix_range(frozen, &next).is_empty() {
                        stack.push((pos + len, next, mask & m));
                    }
                }
            }
        }
    }

    /// Typo candidates from the trigram postings.
    fn collect_typos(&self, query: &str, hits: &mut Vec<Hit>) {
        let frozen = self.frozen();
        let q = normalise(query);
        let units = hangul::jamo(&q);
        if units.len() < 2 || frozen.postings.is_empty() {
            return;
        }
        let k = typo_limit(units.len());
        let nbuckets = frozen.buckets.len() - 1;
        let mut grams = Vec::new();
        trigrams(&units, nbuckets, &mut grams);
        // Rarest trigrams first; very common ones (a bucket holding more
        // than 1% of the names) and those past the budget are skipped, and
        // the count a candidate needs shrinks with them.
        let common = (frozen.postings.len() / 100).max(5_000);
        let mut lists: Vec<(usize, usize)> = grams
            .iter()
            .map(|&g| {
                (
                    frozen.buckets[g as usize] as usize,
                    frozen.buckets[g as usize + 1] as usize,
                )
            })
            .filter(|&(lo, hi)| hi - lo <= common)
            .collect();
        lists.sort_by_key(|&(lo, hi)| (hi - lo, lo));
        let mut counts: HashMap<u32, u32> = HashMap::new();
        let mut budget = POSTING_BUDGET;
        let mut read: usize = 0;
        for (lo, hi) in lists {
            if hi - lo > budget {
                break;
            }
            budget -= hi - lo;
            read += 1;
            for &key in &frozen.postings[lo..hi] {
                *counts.entry(key).or_default() += 1;
            }
        }
        let needed = read.saturating_sub(3 * k).max(1);
        let mut candidates: Vec<(u32, u32)> = counts
            .into_iter()
            .filter(|&(_, c)| c as usize >= needed)
            .collect();
        candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(512);
        let mut found: Vec<(usize, u32)> = Vec::new();
        let mut key_units = Vec::new();
        for (key, _) in candidates {
            let text = self.text(&self.keys[key as usize]);
            key_units.clear();
            key_units.extend(hangul::jamo(text));
            let d = distance_within(&units, &key_units, k);
            let partial =
                units.len() >= 3 && key_units.len() > units.len() && contains(&key_units, &units);
            match d {
                Some(0) => {}
                // A name that contains the query is no typo: it ranks as
                // a prefix or a substring, ahead of the typos.
                _ if partial && key_units.starts_with(&units) => found.push((0, key)),
                _ if partial && self.word_starts_with(&self.keys[key as usize], &q) => {
                    found.push((1, key))
                }
                Some(d) => found.push((k + 2 + d, key)),
                // Inside a word ("iminho" in Choi Min-ho): the largest typo.
                None if partial => found.push((k + 2 + k, key)),
                None => {}
            }
        }
        found.sort_unstable();
        let mut seen: Vec<T> = Vec::new();
        for (d, key) in found {
            let value = self.entries[self.keys[key as usize].entry as usize].value;
            if seen.contains(&value) {
                continue;
            }
            seen.push(value);
            let how = match d {
                0 => MatchKind::Prefix,
                1 => MatchKind::Substring,
                d => MatchKind::Typo {
                    distance: (d - k - 2) as u32,
                },
            };
            hits.push((key, how));
            if seen.len() == TYPOS * 4 {
                break;
            }
        }
    }

    /// Orders hits by class, score and insertion, one per value, each with
    /// the entry it matched. Scores fall with the classes: a key made from
    /// an alias costs 8 points for a romanisation, 7 for a Hangul reading
    /// (which then comes after the aliases), 2 for keyboard keys or
    /// initials; one made from a guessed Hangul reading 3 more.
    fn rank(&self, hits: Vec<Hit>, accept: &impl Fn(T) -> bool) -> Vec<(u32, Match<'_, T>)> {
        let mut scored: Vec<(u8, u32, u32, Hit)> = hits
            .into_iter()
            .map(|(k, how)| {
                let key = &self.keys[k as usize];
                let entry = &self.entries[key.entry as usize];
                let from_alias = entry.tier == Tier::Alias
                    && !matches!(how, MatchKind::Alias | MatchKind::Typo { .. });
                let name_class = MatchKind::Name.class();
                let roman_class = MatchKind::Spelling.class();
                let mut score = how.score();
                let mut class = how.class() * 2 + u8::from(from_alias);
                if from_alias {
                    score = score.saturating_sub(match how.class() {
                        // The Hangul reading of an alias comes after the
                        // alias.
                        c if c == name_class => {
                            class = MatchKind::Alias.class() * 2 + 1;
                            7
                        }
                        c if c == roman_class => 8,
                        _ => 2,
                    });
                }
                if key.kind == KeyKind::Reading && how != MatchKind::Transliteration {
                    score = score.saturating_sub(3);
                }
                (class, score, key.entry, (k, how))
            })
            .collect();
        scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut seen: HashMap<T, ()> = HashMap::new();
        let mut out = Vec::new();
        let mut typos = 0;
        // Listed by class; a score never rises down the list (a match from
        // an alias or a reading can score below the next class's best).
        let mut ceiling = u32::MAX;
        for (class, score, entry_index, (k, how)) in scored {
            let entry = &self.entries[entry_index as usize];
            if !accept(entry.value) || seen.insert(entry.value, ()).is_some() {
                continue;
            }
            let score = score.min(ceiling);
            ceiling = score;
            if how.is_typo() {
                typos += 1;
                if typos > TYPOS {
                    continue;
                }
            }
            let m = Match {
                value: entry.value,
                score,
                how,
                key: self.text(&self.keys[k as usize]),
                name: self.entry_name(entry),
                via_alias: entry.tier == Tier::Alias,
                class,
            };
            out.push((entry_index, m));
            if out.len() == MAX_MATCHES {
                break;
            }
        }
        out
    }

    /// The strict lookup: the values of the best class of non-typo
    /// candidates (see [`Matches::clear_winner`] for the classes), in
    /// order. More than one value means the query is ambiguous; none, that
    /// it matches nothing but perhaps typos.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::{NameIndex, Tier};
    ///
    /// let mut index = NameIndex::new();
    /// index.insert("Lee Min-ho", Tier::Name, 1);
    /// index.insert("Lee Min-ho", Tier::Name, 2);
    /// index.insert("Kim Woo-bin", Tier::Name, 3);
    /// index.insert("Kim Hyun-joong", Tier::Alias, 3);
    /// index.insert("Kim Hyun-joong", Tier::Name, 4);
    /// assert_eq!(index.find("lee min ho", |_| true), [1, 2]);
    /// assert_eq!(index.find("Kim Hyun-joong", |_| true), [4]);
    /// assert!(index.find("Kim Woo-bim", |_| true).is_empty());
    /// ```
    pub fn find(&self, query: &str, accept: impl Fn(T) -> bool) -> Vec<T> {
        let query = truncate(query, MAX_QUERY);
        let mut hits = Vec::new();
        self.collect_strict(query, &mut hits);
        let ranked = self.rank(hits, &accept);
        let Some(best) = ranked.iter().map(|(_, m)| m.class).min() else {
            return Vec::new();
        };
        let mut out: Vec<(u32, T)> = ranked
            .iter()
            .filter(|(_, m)| m.class == best)
            .map(|(e, m)| (*e, m.value))
            .collect();
        out.sort_by_key(|&(e, _)| e);
        out.into_iter().map(|(_, v)| v).collect()
    }

    /// Suggestions for a query that matched nothing: the values of the
    /// closest names by edit distance (or names containing the query), best
    /// first, at most `n`. Found through trigram postings, not a scan.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::{NameIndex, Tier};
    ///
    /// let mut index = NameIndex::new();
    /// index.insert("Park Seo-joon", Tier::Name, 1);
    /// index.insert("Park Bo-young", Tier::Name, 2);
    /// assert_eq!(index.nearest("Park Seo-jon", 3, |_| true), [1]);
    /// ```
    pub fn nearest(&self, query: &str, n: usize, accept: impl Fn(T) -> bool) -> Vec<T> {
        let query = truncate(query, MAX_QUERY);
        let mut hits = Vec::new();
        self.collect_typos(query, &mut hits);
        self.rank(hits, &accept)
            .into_iter()
            .map(|(_, m)| m.value)
            .take(n)
            .collect()
    }
}

#[cfg(test)]
mod tests;
