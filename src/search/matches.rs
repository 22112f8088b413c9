//! What a search answers: the [`Match`]es, best first, with how each
//! matched ([`MatchKind`]) and how its name stands for its value ([`Tier`]).

use std::fmt;

use super::truncate;

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
    pub(super) fn class(self) -> u8 {
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
    pub(super) class: u8,
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
/// classes of [`Matches::clear_winner`]), then in insertion order. Created by [`NameIndex::search`](super::NameIndex::search) and `Explorer::search`.
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
