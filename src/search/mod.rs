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
use std::fmt;
use std::hash::Hash;
use std::sync::OnceLock;

pub mod hangul;
pub mod romanize;

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

/// Normalises a name for lookup: composed Unicode (NFC, so decomposed
/// Hangul equals composed), compatibility forms folded (NFKC: full-width
/// "ＩＵ" is "iu"), the breves of McCune–Reischauer dropped ("Sŏjun" is
/// "sojun"; other accents are kept: "Zoë" is not "Zoe"), lower case,
/// and everything that is not a letter or digit removed, so that
/// `Kim So-hyun`, `kim so hyun` and `KIM SOHYUN` are equal. Hangul is kept
/// as syllables; lone jamo are compatibility jamo (ㅂ).
///
/// # Example
///
/// ```
/// use hallyu::search::normalise;
///
/// assert_eq!(normalise("Kim So-hyun"), "kimsohyun");
/// assert_eq!(normalise("K.Will"), normalise("k-will"));
/// assert_eq!(normalise(" 김소현 "), "김소현");
/// assert_eq!(normalise("ＩＵ"), "iu");
/// assert_eq!(normalise("Pak Sŏjun"), "paksojun");
/// assert_eq!(normalise("Ch'oe U-sik"), "choeusik");
/// // Decomposed Hangul (NFD), as macOS writes it.
/// assert_eq!(normalise("\u{110e}\u{116c}\u{110b}\u{116e}\u{1109}\u{1175}\u{11a8}"), "최우식");
/// ```
pub fn normalise(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if name.is_ascii() {
        return name
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    let mut out = String::with_capacity(name.len());
    let push = |out: &mut String, c: char| {
        if let Some(j) = hangul::compatibility(c) {
            out.push(j);
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    };
    for c in name.nfc() {
        match c {
            _ if c.is_ascii() || hangul::is_syllable(c) || hangul::is_jamo(c) => push(&mut out, c),
            // McCune–Reischauer's breves, which people leave out.
            'ŏ' | 'Ŏ' => out.push('o'),
            'ŭ' | 'Ŭ' => out.push('u'),
            // Compatibility forms folded: full-width "ＩＵ", half-width kana.
            _ => {
                for d in std::iter::once(c).nfkc() {
                    push(&mut out, d);
                }
            }
        }
    }
    out
}

/// How an inserted name stands for its value: ids and canonical names beat
/// aliases.
///
/// # Example
///
/// ```
/// use hallyu::search::{NameIndex, Tier};
///
/// let mut index = NameIndex::new();
/// index.insert("Dara", Tier::Name, 1);
/// index.insert("Sandara Park", Tier::Alias, 1);
/// assert_eq!(index.find("sandara park", |_| true), [1]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// A stable id (`park-seo-joon`, `nm0000102`): matched as typed (only
    /// surrounding spaces are trimmed), never romanised.
    Key = 0,
    /// The canonical name or title, or the Hangul name.
    Name = 1,
    /// An alias.
    Alias = 2,
}

/// How a query matched an indexed name.
///
/// # Example
///
/// ```
/// use hallyu::search::MatchKind;
///
/// assert_eq!(MatchKind::McCuneReischauer.to_string(), "McCune–Reischauer");
/// assert_eq!(MatchKind::Typo { distance: 1 }.to_string(), "a typo (1 edit)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MatchKind {
    /// The id, as typed.
    Key,
    /// The name (normalised: case, spaces, hyphens, accents ignored).
    Name,
    /// An alias.
    Alias,
    /// The start of a name or an alias (`park` for Park Seo-joon), at least
    /// three letters (jamo for Hangul).
    Prefix,
    /// A part of a name or an alias other than its start (`seojoon` for
    /// Park Seo-joon), at least three letters.
    Substring,
    /// The Hangul name (composed or decomposed).
    Hangul,
    /// The Revised Romanization of the Hangul name, syllable by syllable.
    RevisedRomanization,
    /// McCune–Reischauer, with or without breves and apostrophes.
    McCuneReischauer,
    /// Yale romanisation.
    Yale,
    /// A usual spelling of the Hangul name's syllables (Park, Joon, Shik),
    /// possibly mixed with the systems above.
    Spelling,
    /// The name in Western order (given name first, surname last) or the
    /// other way round.
    WesternOrder,
    /// The initial consonants (초성) of the Hangul name (ㅂㅅㅈ), or the
    /// first of them (ㅂㅅ) when they are no name's initials in full.
    Initials,
    /// The keys typed on a 2-set Korean keyboard left in Latin mode.
    Keyboard,
    /// Hangul typed for a name stored only in Latin letters, through the
    /// Hangul reading guessed from its romanisation.
    Transliteration,
    /// A typo: the edit distance, counted on jamo for Hangul.
    Typo {
        /// The number of edits (a name that contains the query counts as
        /// the largest distance allowed for it).
        distance: u32,
    },
}

impl MatchKind {
    /// The base score of this kind, out of 100: a match of this kind scores
    /// at most this (a little less when it is, say, an alias's Hangul
    /// reading), and the kinds rank in this order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::MatchKind;
    ///
    /// assert_eq!(MatchKind::Key.score(), 100);
    /// assert!(MatchKind::RevisedRomanization.score() > MatchKind::Initials.score());
    /// assert!(MatchKind::Typo { distance: 1 }.score() > MatchKind::Typo { distance: 2 }.score());
    /// ```
    pub fn score(self) -> u32 {
        match self {
            MatchKind::Key => 100,
            MatchKind::Name | MatchKind::Hangul => 95,
            MatchKind::Transliteration => 90,
            MatchKind::Alias => 85,
            MatchKind::Prefix => 84,
            MatchKind::Substring => 82,
            MatchKind::RevisedRomanization => 80,
            MatchKind::McCuneReischauer => 79,
            MatchKind::Yale => 78,
            MatchKind::Spelling => 77,
            MatchKind::WesternOrder => 76,
            MatchKind::Initials => 64,
            MatchKind::Keyboard => 60,
            MatchKind::Typo { distance } => 40u32.saturating_sub(5 * distance).max(10),
        }
    }

    /// Matches of one class are equally good for [`Matches::clear_winner`]
    /// and [`NameIndex::find`]: ids; names, Hangul names and Hangul readings
    /// of Latin names; aliases; prefixes; substrings; romanisations and
    /// Western order; initials; keyboard; typos.
    fn class(self) -> u8 {
        match self {
            MatchKind::Key => 0,
            MatchKind::Name | MatchKind::Hangul | MatchKind::Transliteration => 1,
            MatchKind::Alias => 2,
            MatchKind::Prefix => 3,
            MatchKind::Substring => 4,
            MatchKind::RevisedRomanization
            | MatchKind::McCuneReischauer
            | MatchKind::Yale
            | MatchKind::Spelling
            | MatchKind::WesternOrder => 5,
            MatchKind::Initials => 6,
            MatchKind::Keyboard => 7,
            MatchKind::Typo { .. } => 8,
        }
    }

    /// Whether this is a typo, which strict lookups never accept.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::MatchKind;
    ///
    /// assert!(MatchKind::Typo { distance: 2 }.is_typo());
    /// assert!(!MatchKind::Initials.is_typo());
    /// ```
    pub fn is_typo(self) -> bool {
        matches!(self, MatchKind::Typo { .. })
    }
}

impl fmt::Display for MatchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MatchKind::Key => f.write_str("id"),
            MatchKind::Name => f.write_str("name"),
            MatchKind::Alias => f.write_str("alias"),
            MatchKind::Prefix => f.write_str("prefix"),
            MatchKind::Substring => f.write_str("substring"),
            MatchKind::Hangul => f.write_str("Hangul"),
            MatchKind::RevisedRomanization => f.write_str("Revised Romanization"),
            MatchKind::McCuneReischauer => f.write_str("McCune–Reischauer"),
            MatchKind::Yale => f.write_str("Yale romanisation"),
            MatchKind::Spelling => f.write_str("a usual spelling"),
            MatchKind::WesternOrder => f.write_str("Western order"),
            MatchKind::Initials => f.write_str("initial consonants"),
            MatchKind::Keyboard => f.write_str("Korean keyboard keys"),
            MatchKind::Transliteration => f.write_str("Hangul reading"),
            MatchKind::Typo { distance: 1 } => f.write_str("a typo (1 edit)"),
            MatchKind::Typo { distance } => write!(f, "a typo ({distance} edits)"),
        }
    }
}

/// One candidate of a search: the value, a score (higher is better, at most
/// 100), how it matched and the indexed key it matched (normalised: the
/// Hangul name for romanisations, `parkseojoon` for a name).
///
/// # Example
///
/// ```
/// use hallyu::search::{MatchKind, NameIndex, Tier};
///
/// let mut index = NameIndex::new();
/// index.insert("최우식", Tier::Name, 'c');
/// let m = index.search("Choe U-sik", |_| true).next().unwrap();
/// assert_eq!((m.value, m.how, m.key), ('c', MatchKind::RevisedRomanization, "choeusik"));
/// assert_eq!(m.to_string(), "Revised Romanization of 최우식 (score 80)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Match<'a, T> {
    /// The value inserted with the name.
    pub value: T,
    /// Higher is better; at most 100.
    pub score: u32,
    /// How the query matched.
    pub how: MatchKind,
    /// The indexed key that matched.
    pub key: &'a str,
    /// The name as inserted whose key matched.
    pub name: &'a str,
    /// Whether [`Match::name`] was inserted as an alias ([`Tier::Alias`]).
    pub via_alias: bool,
    /// The class of the match (see [`Matches::clear_winner`]), doubled,
    /// plus one when it was made from an alias.
    class: u8,
}

impl<T> Match<'_, T> {
    /// How this match found `person` (the name of the value, as the caller
    /// calls it), in words that name the person first:
    /// `Jiyeon (alias Park Ji-yeon contains 'park')`,
    /// `Park Seo-joon (McCune–Reischauer of 박서준)`, `V (alias Taehyung)`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::{NameIndex, Tier};
    ///
    /// let mut index = NameIndex::new();
    /// index.insert("Jiyeon", Tier::Name, 1);
    /// index.insert("Park Ji-yeon", Tier::Alias, 1);
    /// let m = index.search("Park", |_| true).next().unwrap();
    /// assert_eq!(m.explain("Jiyeon", "Park"), "Jiyeon (alias Park Ji-yeon starts with 'Park')");
    /// ```
    pub fn explain(&self, person: &str, query: &str) -> String {
        let query = truncate(query.trim(), 80);
        let subject = if self.via_alias {
            format!("alias {}", self.name)
        } else if self.name != person {
            format!("name {}", self.name)
        } else {
            "name".to_owned()
        };
        let what = match self.how {
            MatchKind::Key => "id".to_owned(),
            MatchKind::Name | MatchKind::Hangul | MatchKind::Alias => subject,
            MatchKind::Prefix => format!("{subject} starts with '{query}'"),
            MatchKind::Substring => format!("{subject} contains '{query}'"),
            how if self.via_alias => format!("{how} of alias {}", self.name),
            how if self.name == person => how.to_string(),
            how => format!("{how} of {}", self.name),
        };
        format!("{person} ({what})")
    }

    /// The short form of a lookup's note: `alias of V`,
    /// `McCune–Reischauer of Park Seo-joon (박서준)`,
    /// `prefix of Jiyeon (alias Park Ji-yeon)`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::search::{NameIndex, Tier};
    ///
    /// let mut index = NameIndex::new();
    /// index.insert("V", Tier::Name, 1);
    /// index.insert("Taehyung", Tier::Alias, 1);
    /// let m = index.search("Taehyung", |_| true).next().unwrap();
    /// assert_eq!(m.describe("V"), "alias of V");
    /// ```
    pub fn describe(&self, person: &str) -> String {
        let detail = if self.how == MatchKind::Alias || self.how == MatchKind::Key {
            String::new()
        } else if self.via_alias {
            format!(" (alias {})", self.name)
        } else if self.name != person {
            format!(" ({})", self.name)
        } else {
            String::new()
        };
        format!("{} of {person}{detail}", self.how)
    }
}

impl<T> fmt::Display for Match<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {} (score {})", self.how, self.name, self.score)
    }
}

/// The candidates of a search, best first: by score (which falls with the
/// classes of [`Matches::clear_winner`]), then in insertion order. Created by [`NameIndex::search`] and `Explorer::search`.
///
/// # Example
///
/// ```
/// let explorer = hallyu::Explorer::bundled();
/// let mut matches = explorer.search("Lee Min-ho");
/// assert!(matches.clear_winner().is_none()); // two actors of that name
/// assert_eq!(matches.len(), 2);
/// assert!(matches.all(|m| m.how == hallyu::search::MatchKind::Name));
/// ```
#[derive(Clone, Debug)]
pub struct Matches<'a, T> {
    matches: std::vec::IntoIter<Match<'a, T>>,
}

impl<'a, T> Matches<'a, T> {
    /// Wraps candidates already in order.
    pub(crate) fn from_vec(matches: Vec<Match<'a, T>>) -> Self {
        Matches {
            matches: matches.into_iter(),
        }
    }

    /// The candidates not yet iterated, best first.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let matches = explorer.search("ㅂㅅㅈ");
    /// assert_eq!(explorer.key(matches.as_slice()[0].value), "park-seo-joon");
    /// ```
    pub fn as_slice(&self) -> &[Match<'a, T>] {
        self.matches.as_slice()
    }

    /// The first candidate if it is clearly ahead, which lookups may answer
    /// with a note; `None` when there is no candidate or several are equally
    /// good.
    ///
    /// The rule: the first candidate wins when no other candidate is of the
    /// same class, where the classes, best first, are: an id; a name, the
    /// Hangul name or the Hangul reading of a Latin name; an alias; a
    /// romanisation or Western order; keyboard keys; initials; a typo; and
    /// within each of the last four, those made from a name before those
    /// made from an alias. So an exact name beats an alias, a romanisation
    /// beats a typo, a romanisation of a name beats the same romanisation of
    /// another's alias (a birth name), and two people of one name, or of one
    /// romanisation, stay ambiguous. (An explorer may add its own rule, such as one
    /// namesake having several times the credits of the other.)
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let m = *explorer.search("Pak Sŏjun").clear_winner().unwrap();
    /// assert_eq!(explorer.key(m.value), "park-seo-joon");
    /// assert_eq!(m.to_string(), "McCune–Reischauer of 박서준 (score 79)");
    /// ```
    pub fn clear_winner(&self) -> Option<&Match<'a, T>> {
        let all = self.as_slice();
        let first = all.first()?;
        all[1..]
            .iter()
            .all(|m| m.class != first.class)
            .then_some(first)
    }
}

impl<'a, T> Matches<'a, T> {
    /// The note a lookup prints when it answers `found` for a query that
    /// was not typed as its id, name or Hangul name: `matched 'Pak Sŏjun'
    /// as McCune–Reischauer of Park Seo-joon (박서준)`, followed by up to
    /// three other candidates, each named by `name_of` (the person, not the
    /// alias that matched). `None` when `found` is not among the candidates
    /// or matched as typed.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let found = explorer.person("Pak Sŏjun")?.into();
    /// let name = |e| explorer.name(e).to_owned();
    /// let note = explorer.search("Pak Sŏjun").note("Pak Sŏjun", found, name).unwrap();
    /// assert!(note.starts_with("matched 'Pak Sŏjun' as McCune–Reischauer of Park Seo-joon (박서준)"));
    /// assert_eq!(explorer.search("Park Seo-joon").note("Park Seo-joon", found, name), None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn note(&self, query: &str, found: T, name_of: impl Fn(T) -> String) -> Option<String>
    where
        T: PartialEq + Copy,
    {
        let all = self.as_slice();
        let winner = all.iter().find(|m| m.value == found)?;
        if matches!(
            winner.how,
            MatchKind::Key | MatchKind::Name | MatchKind::Hangul
        ) {
            return None;
        }
        let query = truncate(query, 80);
        let mut note = format!(
            "matched '{query}' as {}",
            winner.describe(&name_of(winner.value))
        );
        let others: Vec<&Match<'a, T>> = all.iter().filter(|m| m.value != found).collect();
        if !others.is_empty() {
            let listed: Vec<String> = others
                .iter()
                .take(3)
                .map(|m| m.explain(&name_of(m.value), query))
                .collect();
            note.push_str("; also: ");
            note.push_str(&listed.join(", "));
            if others.len() > 3 {
                note.push_str(&format!(" and {} more", others.len() - 3));
            }
        }
        Some(note)
    }
}

impl<'a, T> Iterator for Matches<'a, T> {
    type Item = Match<'a, T>;

    fn next(&mut self) -> Option<Match<'a, T>> {
        self.matches.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.matches.size_hint()
    }
}

impl<T> ExactSizeIterator for Matches<'_, T> {}

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

/// Cuts `s` to at most `max` bytes, at a character boundary.
fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The words of a name: split at spaces, hyphens excluded (`Seo-joon` is
/// one word), commas and dots.
fn words(name: &str) -> Vec<&str> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !normalise(w).is_empty())
        .collect()
}

/// The name with its last word moved to the front (`Seo-joon Park` →
/// `Park Seo-joon`), when it has two words or more.
fn rotated(name: &str) -> Option<String> {
    let w = words(name);
    let (last, rest) = w.split_last()?;
    if rest.is_empty() {
        return None;
    }
    let mut out = normalise(last);
    for r in rest {
        out.push_str(&normalise(r));
    }
    Some(out)
}

/// The most likely Hangul reading of a Latin name, surname first: the name
/// is turned round when only its last word is a surname spelling.
fn latin_reading(name: &str) -> Option<String> {
    let w = words(name);
    if w.is_empty() || w.len() > 4 {
        return None;
    }
    let first = normalise(w[0]);
    let last = normalise(w[w.len() - 1]);
    let turned = w.len() > 1 && !romanize::is_surname(&first) && romanize::is_surname(&last);
    let order: Vec<&str> = if turned {
        std::iter::once(w[w.len() - 1])
            .chain(w[..w.len() - 1].iter().copied())
            .collect()
    } else {
        w
    };
    romanize::to_hangul(&order.join(" "))
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

/// Pushes the trigram buckets of `units`, padded at both ends, once each.
fn trigrams(units: &[char], nbuckets: usize, out: &mut Vec<u32>) {
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
fn typo_limit(n: usize) -> usize {
    (n / 3).clamp(1, 4)
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

/// Whether `needle` occurs in `hay`.
fn contains(hay: &[char], needle: &[char]) -> bool {
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

    fn index(names: &[(&str, Tier, u32)]) -> NameIndex<u32> {
        let mut index = NameIndex::new();
        for &(name, tier, value) in names {
            index.insert(name, tier, value);
        }
        index
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalise("ＩＵ"), "iu");
        assert_eq!(normalise("Ｐａｒｋ　Ｓｅｏ－ｊｏｏｎ"), "parkseojoon");
        assert_eq!(normalise(&hangul::nfd("박서준")), "박서준");
        assert_eq!(normalise("ㅂ ㅅ ㅈ"), "ㅂㅅㅈ");
        // Lone conjoining jamo become compatibility jamo.
        assert_eq!(normalise("\u{1107}\u{1109}\u{110c}"), "ㅂㅅㅈ");
        assert_eq!(normalise("Beyoncé"), "beyoncé");
        assert_eq!(normalise("Beyonce\u{301}"), "beyoncé");
        assert_ne!(normalise("Zoë"), normalise("Zoe"));
        assert_eq!(normalise("So\u{306}jun"), "sojun");
        assert_eq!(normalise("Sŏ Ŭn-sŏk"), "sounsok");
        assert_eq!(normalise("ガ"), "ガ");
        assert_eq!(normalise("-'-"), "");
    }

    /// A Latin-only name, as IMDb has them (Western order), is found by
    /// other romanisations and by Hangul through its guessed reading.
    #[test]
    fn latin_only_names() {
        let index = index(&[
            ("Seo-joon Park", Tier::Name, 1),
            ("Joon Park", Tier::Name, 2),
        ]);
        for q in ["Park Seo-joon", "Bak Seo-jun", "박서준", "Pak Sojun"] {
            assert_eq!(index.find(q, |_| true), [1], "{q}");
        }
        let m = index.search("박서준", |_| true).next().unwrap();
        assert_eq!((m.how, m.key), (MatchKind::Transliteration, "박서준"));
    }

    #[test]
    fn ids_only_as_typed_and_classes() {
        let index = index(&[
            ("lee-min-ho", Tier::Key, 1),
            ("Lee Min-ho", Tier::Name, 1),
            ("lee-min-ho-1993", Tier::Key, 2),
            ("Lee Min-ho", Tier::Name, 2),
        ]);
        assert_eq!(index.find("Lee Min-ho", |_| true), [1, 2]);
        assert_eq!(index.find(" lee-min-ho ", |_| true), [1]);
        assert_eq!(index.find("leeminho1993", |_| true), Vec::<u32>::new());
        assert!(
            index
                .search("Lee Min-ho", |_| true)
                .clear_winner()
                .is_none()
        );
        assert_eq!(index.find("Lee Min-ho", |v| v == 2), [2]);
        // An exact name beats a typo.
        let index = self::index(&[("Kim Bo-ra", Tier::Name, 1), ("Kim Bo-ram", Tier::Name, 2)]);
        let matches = index.search("Kim Bo-ra", |_| true);
        assert_eq!(matches.len(), 2);
        assert_eq!(matches.clear_winner().map(|m| m.value), Some(1));
        assert_eq!(index.nearest("Kim Boa", 5, |_| true), [1, 2]);
    }

    #[test]
    fn bounded_on_hostile_input() {
        let index = index(&[("박서준", Tier::Name, 1), ("Park Seo-joon", Tier::Name, 1)]);
        for q in [
            "a".repeat(1 << 20),
            "박".repeat(1 << 18),
            "ㅂ".repeat(1 << 18),
            "bak".repeat(1 << 16),
        ] {
            let started = std::time::Instant::now();
            let _ = index.search(&q, |_| true).count();
            assert!(started.elapsed().as_secs() < 2);
        }
        // A name longer than a key is cut, not refused.
        let mut index = NameIndex::new();
        index.insert(&"가".repeat(10_000), Tier::Name, 1);
        assert_eq!(index.find(&"가".repeat(10_000), |_| true), [1]);
        assert!(
            NameIndex::<u32>::new()
                .search("x", |_| true)
                .next()
                .is_none()
        );
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
