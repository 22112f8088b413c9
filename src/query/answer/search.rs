//! [`Search`]: ranked, explained matches of a name.

use std::fmt;

use crate::explorer::Explorer;
use crate::query::table::{Align, Table};

use super::*;

/// A ranked search for any record (`hallyu search`, `/api/search`):
/// the query, how many records match, the clear winner's key when there is
/// one, and the first matches with how each matched.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Options, Search};
///
/// let explorer = hallyu::Explorer::bundled();
/// let answer = Search::of(&explorer, "bak seo-jun", &Options::new());
/// assert_eq!(answer.matches[0].record.id, "park-seo-joon");
/// assert_eq!(answer.clear_winner.as_deref(), Some("park-seo-joon"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Search {
    /// The query as asked.
    pub query: String,
    /// How many records match (`matches` holds at most the limit).
    pub count: usize,
    /// The key of the match that clearly wins, if one does.
    pub clear_winner: Option<String>,
    /// The first matches, best first.
    pub matches: Vec<Match>,
}

/// One match of a [`Search`] (JSON: the [`Record`] fields, then `"how"`,
/// `"matched"`, `"score"`).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Options, Search};
///
/// let explorer = hallyu::Explorer::bundled();
/// let m = &Search::of(&explorer, "IU", &Options::new()).matches[0];
/// assert_eq!((m.record.id.as_str(), m.how.as_str()), ("iu", "name"));
/// assert!(m.score <= 100);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Match {
    /// The record found.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub record: Record,
    /// How the query matched, in words: `name`, `prefix`, `a typo (1 edit)`, ….
    pub how: String,
    /// How the query found this record, naming it first:
    /// `Jiyeon (alias Park Ji-yeon starts with 'park')`.
    pub why: String,
    /// The indexed name that matched.
    pub matched: String,
    /// The score, at most 100.
    pub score: u32,
}

impl Search {
    /// Searches `explorer` for `query`; the options' limit caps the matches
    /// shown.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Options, Search};
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let answer = Search::of(&explorer, "park", &Options::new().limit(2));
    /// assert!(answer.count > 2);
    /// assert_eq!(answer.matches.len(), 2);
    /// assert!(answer.to_string().ends_with("more (--limit)\n"));
    /// ```
    pub fn of(explorer: &Explorer, query: &str, options: &Options) -> Search {
        let found = explorer.search(query);
        let all = found.as_slice();
        Search {
            query: query.to_owned(),
            count: all.len(),
            clear_winner: found
                .clear_winner()
                .map(|m| explorer.key(m.value).into_owned()),
            matches: all
                .iter()
                .take(options.limit)
                .map(|m| Match {
                    record: Record::of(explorer, m.value),
                    how: m.how.to_string(),
                    why: m.explain(explorer.name(m.value), query),
                    matched: m.key.to_owned(),
                    score: m.score,
                })
                .collect(),
        }
    }
}

impl fmt::Display for Search {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.count == 0 {
            return writeln!(f, "Nothing matches \"{}\".", self.query);
        }
        let mut t = Table::new(&[Align::Left; 4]);
        for m in &self.matches {
            let r = &m.record;
            t.row(vec![
                r.id.clone(),
                r.kind.clone(),
                r.label.clone(),
                m.why.clone(),
            ]);
        }
        write!(f, "{t}")?;
        if self.count > self.matches.len() {
            writeln!(
                f,
                "… and {} more (--limit)",
                self.count - self.matches.len()
            )?;
        }
        Ok(())
    }
}
