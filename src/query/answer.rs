//! The five answers of the `hallyu` command and of the server
//! ([`hallyu::html::serve`](crate::html)): [`Search`], [`Info`],
//! [`CoStars`], [`Path`] and [`Neighbours`].
//!
//! Each is a plain, resolved record (keys, names, roles as words, no ids),
//! made by one function from an [`Explorer`], with one JSON shape (its
//! `Serialize`, feature `serde`, documented in `docs/json.md`) and one text
//! (its `Display`). The command's `--json` and the server's API give the
//! same JSON; the command's text is the `Display`. A list cut by
//! [`Options::limit`] keeps its total beside it.
//!
//! # Example
//!
//! ```
//! use hallyu::query::answer::{CoStars, Options};
//! use hallyu::{Explorer, Filter};
//!
//! let explorer = Explorer::bundled();
//! let me = explorer.person("Park Seo-joon")?;
//! let answer = CoStars::of(&explorer, me, &Filter::new(), &Options::new().limit(3));
//! assert_eq!(answer.costars.len(), 3);
//! assert!(answer.total > 3);
//! assert!(answer.to_string().starts_with(&format!("{} co-stars of Park Seo-joon", answer.total)));
//! # Ok::<(), hallyu::Error>(())
//! ```

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{CreditId, Entity, PersonId, WorkId};
use crate::model::{self, Role};
use crate::query::neighbourhood::NeighbourhoodOptions;
use crate::query::table::{Align, Table};

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The limits of an answer: how many items a list shows (the first ones;
/// the answer keeps the total), and how many hops [`Neighbours`] takes.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Options;
///
/// let options = Options::new();
/// assert_eq!(options.get_limit(), Options::DEFAULT_LIMIT);
/// assert_eq!(options.get_hops(), 2);
/// assert_eq!(Options::new().limit(5).hops(9).get_hops(), 6);
/// assert_eq!(Options::new().unlimited().get_limit(), usize::MAX);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    limit: usize,
    hops: usize,
}

impl Options {
    /// The default number of items shown: 20.
    pub const DEFAULT_LIMIT: usize = 20;

    /// At most [`Options::DEFAULT_LIMIT`] items,
    /// [`NeighbourhoodOptions::DEFAULT_HOPS`] hops.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Options;
    ///
    /// assert_eq!(Options::new(), Options::default());
    /// ```
    pub fn new() -> Options {
        Options {
            limit: Options::DEFAULT_LIMIT,
            hops: NeighbourhoodOptions::DEFAULT_HOPS,
        }
    }

    /// Shows at most `limit` items of each list.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Options;
    ///
    /// assert_eq!(Options::new().limit(5).get_limit(), 5);
    /// ```
    pub fn limit(mut self, limit: usize) -> Options {
        self.limit = limit;
        self
    }

    /// Shows every item.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Options;
    ///
    /// assert_eq!(Options::new().unlimited().get_limit(), usize::MAX);
    /// ```
    pub fn unlimited(self) -> Options {
        self.limit(usize::MAX)
    }

    /// Takes the people within `hops` hops, at most
    /// [`NeighbourhoodOptions::MAX_HOPS`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Options;
    ///
    /// assert_eq!(Options::new().hops(1).get_hops(), 1);
    /// ```
    pub fn hops(mut self, hops: usize) -> Options {
        self.hops = hops.min(NeighbourhoodOptions::MAX_HOPS);
        self
    }

    /// The number of items shown, at most.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Options;
    ///
    /// assert_eq!(Options::new().get_limit(), 20);
    /// ```
    pub fn get_limit(&self) -> usize {
        self.limit
    }

    /// The number of hops.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Options;
    ///
    /// assert_eq!(Options::new().hops(3).get_hops(), 3);
    /// ```
    pub fn get_hops(&self) -> usize {
        self.hops
    }
}

impl Default for Options {
    fn default() -> Options {
        Options::new()
    }
}

/// A person: key, name and Hangul (JSON `{"id", "name", "hangul"}`).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Person;
///
/// let explorer = hallyu::Explorer::bundled();
/// let p = Person::of(&explorer, explorer.person("IU")?);
/// assert_eq!((p.id.as_str(), p.hangul.as_deref()), ("iu", Some("아이유")));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Person {
    /// The key.
    pub id: String,
    /// The name.
    pub name: String,
    /// The name in Hangul.
    pub hangul: Option<String>,
    /// The name with the key when another person has it (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub display_name: String,
    /// The name and the Hangul, `Park Seo-joon (박서준)` (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub label: String,
}

impl Person {
    /// The person `p` of `explorer`.
    ///
    /// # Panics
    ///
    /// When `p` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Person;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let p = Person::of(&explorer, explorer.person("박서준")?);
    /// assert_eq!(p.label, "Park Seo-joon (박서준)");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, p: PersonId) -> Person {
        let r = explorer.get(p);
        Person {
            id: r.key().into_owned(),
            name: r.name().to_owned(),
            hangul: r.hangul().map(str::to_owned),
            display_name: explorer.display_name(p.into()).into_owned(),
            label: explorer.label(p.into()),
        }
    }
}

/// A work: key, title, Hangul, kind as its word, release date (JSON
/// `{"id", "title", "hangul", "kind", "released"}`).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Work;
///
/// let explorer = hallyu::Explorer::bundled();
/// let w = Work::of(&explorer, explorer.work("Haru Haru")?);
/// assert_eq!(w.kind, "mv");
/// assert!(w.released.as_deref().is_some_and(|d| d.starts_with("2008")));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Work {
    /// The key.
    pub id: String,
    /// The title.
    pub title: String,
    /// The title in Hangul.
    pub hangul: Option<String>,
    /// The kind's word: `drama`, `film`, `mv`, ….
    pub kind: String,
    /// The release date, as precise as known (`2008`, `2008-08`, …).
    pub released: Option<String>,
    /// The title and the year, `Haru Haru (2008)` (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub label: String,
    /// The kind in words, `music video` (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub kind_label: String,
}

impl Work {
    /// The work `w` of `explorer`.
    ///
    /// # Panics
    ///
    /// When `w` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Work;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let w = Work::of(&explorer, explorer.work("Haru Haru")?);
    /// assert_eq!(w.label, "Haru Haru (2008)");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, w: WorkId) -> Work {
        let r = explorer.get(w);
        Work {
            id: r.key().into_owned(),
            title: r.title().to_owned(),
            hangul: r.hangul().map(str::to_owned),
            kind: r.kind().name().to_owned(),
            released: r.released().map(|d| d.to_string()),
            label: explorer.label(w.into()),
            kind_label: r.kind().label().to_owned(),
        }
    }
}

/// Any record: key, kind, name and label (JSON `{"id", "kind", "name",
/// "label"}`).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Record;
///
/// let explorer = hallyu::Explorer::bundled();
/// let r = Record::of(&explorer, explorer.lookup("BIGBANG")?);
/// assert_eq!((r.id.as_str(), r.kind.as_str()), ("bigbang", "group"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Record {
    /// The key.
    pub id: String,
    /// The kind of record: `person`, `group`, `work`, `organisation`.
    pub kind: String,
    /// The name or title.
    pub name: String,
    /// The name with its Hangul or year.
    pub label: String,
}

impl Record {
    /// The record `e` of `explorer`.
    ///
    /// # Panics
    ///
    /// When `e` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Record;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let r = Record::of(&explorer, explorer.lookup("IU")?);
    /// assert_eq!(r.label, "IU (아이유)");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, e: Entity) -> Record {
        Record {
            id: explorer.key(e).into_owned(),
            kind: e.kind().to_string(),
            name: explorer.name(e).to_owned(),
            label: explorer.label(e),
        }
    }
}

/// A role in words: `cast (lead) as Kim Tan`, `member 2006–`, ….
fn role_words(role: &Role) -> String {
    match role {
        Role::Member { since, until } if since.is_some() || until.is_some() => format!(
            "member {}–{}",
            since.map_or(String::new(), |y| y.to_string()),
            until.map_or(String::new(), |y| y.to_string())
        ),
        other => other.to_string(),
    }
}

/// A credit: the keys of its two ends, the role in words, whether it is
/// unverified, its confidence and sources.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Credit;
///
/// let explorer = hallyu::Explorer::bundled();
/// let bigbang = explorer.lookup("BIGBANG")?;
/// let c = explorer.credits_of(bigbang).next().unwrap();
/// let credit = Credit::of(&explorer, c);
/// assert!(credit.from == "bigbang" || credit.to == "bigbang");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Credit {
    /// The key of the credited record.
    pub from: String,
    /// The key of the record credited on.
    pub to: String,
    /// The role in words: `cast (lead) as Kim Tan`, `member 2006–`.
    pub role: String,
    /// Whether the credit is marked unverified.
    pub unverified: bool,
    /// The stored confidence, when the source kept the credit's record.
    pub confidence: Option<String>,
    /// The sources of the credit.
    pub sources: Vec<String>,
    /// The label of `from` (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub from_label: String,
    /// The label of `to` (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub to_label: String,
}

impl Credit {
    /// The credit `c` of `explorer`.
    ///
    /// # Panics
    ///
    /// When `c` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Credit;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let iu = explorer.lookup("IU")?;
    /// let c = explorer.credits_of(iu).next().unwrap();
    /// assert!(!Credit::of(&explorer, c).role.is_empty());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, c: CreditId) -> Credit {
        let (from, to) = explorer.ends(c);
        let r = explorer.get(c);
        let record = r.record();
        Credit {
            from: explorer.key(from).into_owned(),
            to: explorer.key(to).into_owned(),
            role: role_words(&r.role()),
            unverified: r.is_unverified(),
            confidence: record.map(|k| format!("{:?}", k.confidence)),
            sources: record.map_or_else(Vec::new, |k| k.sources.clone()),
            from_label: explorer.label(from),
            to_label: explorer.label(to),
        }
    }
}

/// A work two people share and how each is credited on it (JSON: the
/// [`Work`] fields, then `"left_role"` and `"right_role"`).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Shared;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
/// let works = explorer.shared_works(a, b, &Filter::new());
/// let shared = Shared::of(&explorer, &works[0]);
/// assert!(!shared.left_role.is_empty());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Shared {
    /// The work.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub work: Work,
    /// How the first person is credited.
    pub left_role: String,
    /// How the second person is credited.
    pub right_role: String,
}

impl Shared {
    /// The shared work `s`, resolved.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Shared;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
    /// let works = explorer.shared_works(a, b, &Filter::new());
    /// assert_eq!(Shared::of(&explorer, &works[0]).work.id, explorer.key(works[0].work.into()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, s: &crate::query::SharedWork) -> Shared {
        Shared {
            work: Work::of(explorer, s.work),
            left_role: s.left.describe(explorer),
            right_role: s.right.describe(explorer),
        }
    }
}

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
    /// How the query matched, in words: `name`, `a typo (1 edit)`, ….
    pub how: String,
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
                m.how.clone(),
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

/// The stored record of an [`Info`]: as the source kept it, else what the
/// columns hold (JSON: the record's own fields).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Info, Options, Stored};
///
/// let explorer = hallyu::Explorer::bundled();
/// let info = Info::of(&explorer, explorer.lookup("IU")?, &Options::new());
/// assert!(matches!(info.record, Stored::Person(_)));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum Stored {
    /// A person's record.
    Person(model::Person),
    /// A group's record.
    Group(model::Group),
    /// A work's record.
    Work(model::Work),
    /// An organisation's record.
    Organisation(model::Organisation),
    /// No stored record (an import that keeps only columns).
    Columns {
        /// The key.
        id: String,
        /// The name.
        name: String,
        /// The name in Hangul.
        hangul: Option<String>,
        /// The other names.
        aliases: Vec<String>,
    },
}

/// Everything about one record (`hallyu info`, `/api/person/{key}`): its
/// kind, its stored record, its credits (the first ones, with their total).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Info, Options};
///
/// let explorer = hallyu::Explorer::bundled();
/// let info = Info::of(&explorer, explorer.lookup("Park Seo-joon")?, &Options::new().limit(2));
/// assert_eq!(info.kind, "person");
/// assert!(info.total > 2 && info.credits.len() == 2);
/// assert!(info.to_string().starts_with("Park Seo-joon (박서준) — person (park-seo-joon)\n"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Info {
    /// The kind of record: `person`, `group`, `work`, `organisation`.
    pub kind: String,
    /// The record.
    pub record: Stored,
    /// How many credits the record has (`credits` holds at most the limit).
    pub total: usize,
    /// The first credits, in data order.
    pub credits: Vec<Credit>,
    /// The record's key, label, other names, note, sources, and for a work
    /// the line on its release (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub about: About,
}

/// What the text of an [`Info`] says besides its credits.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Info, Options};
///
/// let explorer = hallyu::Explorer::bundled();
/// let info = Info::of(&explorer, explorer.lookup("Haru Haru")?, &Options::new());
/// assert!(info.about.release.as_deref().is_some_and(|l| l.contains("released 2008")));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct About {
    /// The key.
    pub id: String,
    /// The label.
    pub label: String,
    /// For a work: kind, release, network, album in words.
    pub release: Option<String>,
    /// The other names.
    pub aliases: Vec<String>,
    /// The note.
    pub notes: Option<String>,
    /// The sources.
    pub sources: Vec<String>,
}

impl Info {
    /// The record `e` of `explorer`; the options' limit caps the credits
    /// shown.
    ///
    /// # Panics
    ///
    /// When `e` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Info, Options};
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let info = Info::of(&explorer, explorer.lookup("Dara")?, &Options::new());
    /// assert!(info.credits.iter().any(|c| c.to == "2ne1"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, e: Entity, options: &Options) -> Info {
        let stored = match e {
            Entity::Person(p) => explorer.get(p).record().cloned().map(Stored::Person),
            Entity::Group(g) => explorer.get(g).record().cloned().map(Stored::Group),
            Entity::Work(w) => explorer.get(w).record().cloned().map(Stored::Work),
            Entity::Organisation(o) => explorer.get(o).record().cloned().map(Stored::Organisation),
        };
        let aliases: Vec<String> = explorer.aliases(e).map(str::to_owned).collect();
        let record = stored.unwrap_or_else(|| Stored::Columns {
            id: explorer.key(e).into_owned(),
            name: explorer.name(e).to_owned(),
            hangul: explorer.hangul(e).map(str::to_owned),
            aliases: aliases.clone(),
        });
        let release = match e {
            Entity::Work(w) => {
                let work = explorer.get(w);
                let mut s = format!(
                    "{} released {}",
                    work.kind().label(),
                    work.released()
                        .map_or("in an unknown year".to_string(), |d| d.to_string())
                );
                if let Some(n) = work.record().and_then(|r| r.network.as_ref()) {
                    s.push_str(&format!(" on {n}"));
                }
                if let Some(a) = work.record().and_then(|r| r.album.as_ref()) {
                    s.push_str(&format!(", album {a}"));
                }
                Some(s)
            }
            _ => None,
        };
        let credits = explorer.credits_of(e);
        Info {
            kind: e.kind().to_string(),
            record,
            total: credits.len(),
            credits: credits
                .take(options.limit)
                .map(|c| Credit::of(explorer, c))
                .collect(),
            about: About {
                id: explorer.key(e).into_owned(),
                label: explorer.label(e),
                release,
                aliases,
                notes: explorer.notes(e).map(str::to_owned),
                sources: explorer.sources(e).to_vec(),
            },
        }
    }
}

impl fmt::Display for Info {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = &self.about;
        writeln!(f, "{} — {} ({})", a.label, self.kind, a.id)?;
        if let Some(line) = &a.release {
            writeln!(f, "  {line}")?;
        }
        if !a.aliases.is_empty() {
            writeln!(f, "  also known as: {}", a.aliases.join(", "))?;
        }
        if let Some(n) = &a.notes {
            writeln!(f, "  note: {n}")?;
        }
        for c in &self.credits {
            let mark = if c.unverified { " (unverified)" } else { "" };
            writeln!(f, "  {} —{}→ {}{mark}", c.from_label, c.role, c.to_label)?;
        }
        if self.total > self.credits.len() {
            writeln!(
                f,
                "  … and {} more credits",
                self.total - self.credits.len()
            )?;
        }
        for src in &a.sources {
            writeln!(f, "  source: {src}")?;
        }
        Ok(())
    }
}

/// The co-stars of a person (`hallyu costars`, `/api/costars`): the
/// person, how many co-stars there are, and the first ones, strongest
/// first, with their shared works and both roles.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{CoStars, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let me = explorer.person("Park Seo-joon")?;
/// let answer = CoStars::of(&explorer, me, &Filter::new(), &Options::new());
/// assert_eq!(answer.costars[0].person.name, "Choi Woo-shik");
/// assert_eq!(answer.costars[0].count, answer.costars[0].works.len());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CoStars {
    /// The person asked about.
    pub person: Person,
    /// How many co-stars there are (`costars` holds at most the limit).
    pub total: usize,
    /// The first co-stars, strongest first.
    pub costars: Vec<CoStar>,
}

/// One co-star of [`CoStars`]: who, how many works, the works (oldest
/// first; `left_role` is the asking person's).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{CoStars, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let me = explorer.person("IU")?;
/// let first = &CoStars::of(&explorer, me, &Filter::new(), &Options::new()).costars[0];
/// assert!(first.count >= 1);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CoStar {
    /// The co-star.
    pub person: Person,
    /// How many works they share.
    pub count: usize,
    /// The shared works.
    pub works: Vec<Shared>,
}

impl CoStars {
    /// The co-stars of `person` under `filter`; the options' limit caps the
    /// co-stars shown.
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{CoStars, Options};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let me = explorer.person("Park Seo-joon")?;
    /// let answer = CoStars::of(&explorer, me, &Filter::new(), &Options::new().limit(1));
    /// assert!(answer.to_string().contains("more (--top)"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(
        explorer: &Explorer,
        person: PersonId,
        filter: &Filter,
        options: &Options,
    ) -> CoStars {
        let all = explorer.co_appearances(person, filter);
        CoStars {
            person: Person::of(explorer, person),
            total: all.len(),
            costars: all
                .iter()
                .take(options.limit)
                .map(|c| CoStar {
                    person: Person::of(explorer, c.person),
                    count: c.works.len(),
                    works: c.works.iter().map(|s| Shared::of(explorer, s)).collect(),
                })
                .collect(),
        }
    }
}

impl fmt::Display for CoStars {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.total == 0 {
            return writeln!(
                f,
                "{} shares no work with anyone under this filter.",
                self.person.display_name
            );
        }
        let mut t = Table::new(&[Align::Left, Align::Right, Align::Left]).indent("  ");
        for c in &self.costars {
            let titles: Vec<&str> = c.works.iter().map(|s| s.work.label.as_str()).collect();
            t.row(vec![
                c.person.label.clone(),
                c.count.to_string(),
                titles.join(", "),
            ]);
        }
        write!(
            f,
            "{} co-star{} of {}:\n{t}",
            self.total,
            plural(self.total),
            self.person.label
        )?;
        if self.total > self.costars.len() {
            writeln!(
                f,
                "  … and {} more (--top)",
                self.total - self.costars.len()
            )?;
        }
        Ok(())
    }
}

/// A shortest path between two people (`hallyu path`, `/api/path`): both
/// ends, whether they are connected, the length, the people on the way and
/// one step per hop; `length` is `null` and the lists empty when no path
/// exists.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Path;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
/// let path = Path::between(&explorer, a, b, &Filter::new());
/// assert_eq!(path.length, Some(1));
/// assert_eq!(path.people.len(), 2);
/// assert!(path.to_string().starts_with("Park Seo-joon to Choi Woo-shik: 1 hop\n"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Path {
    /// Where the path starts.
    pub from: Person,
    /// Where it ends.
    pub to: Person,
    /// Whether a chain of shared works connects them.
    pub connected: bool,
    /// The number of hops, when connected.
    pub length: Option<usize>,
    /// The people on the way, both ends included.
    pub people: Vec<Person>,
    /// One step per hop.
    pub steps: Vec<Step>,
    /// The path's own text, one line per hop (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub lines: String,
}

/// One hop of a [`Path`]: two people, the work they share, both roles.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Path;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
/// let step = &Path::between(&explorer, a, b, &Filter::new()).steps[0];
/// assert_eq!((step.from.id.as_str(), step.to.id.as_str()), ("park-seo-joon", "choi-woo-shik"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Step {
    /// The person the hop starts from.
    pub from: Person,
    /// How `from` is credited on the work.
    pub from_role: String,
    /// The shared work.
    pub work: Work,
    /// How `to` is credited on the work.
    pub to_role: String,
    /// The person the hop arrives at.
    pub to: Person,
}

impl Step {
    /// The step `s` of a path of `explorer`, resolved.
    ///
    /// # Panics
    ///
    /// When `s` holds ids of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Step;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
    /// let path = explorer.shortest_path(a, b, &Filter::new()).unwrap();
    /// let step = Step::of(&explorer, &path.steps()[0]);
    /// assert_eq!(step.from_role, path.steps()[0].from_credit.describe(&explorer));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, s: &crate::query::Step) -> Step {
        Step {
            from: Person::of(explorer, s.from),
            from_role: s.from_credit.describe(explorer),
            work: Work::of(explorer, s.work),
            to_role: s.to_credit.describe(explorer),
            to: Person::of(explorer, s.to),
        }
    }
}

impl Path {
    /// A shortest path from `from` to `to` under `filter`.
    ///
    /// # Panics
    ///
    /// When a person is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Path;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// // Tamar Herman has no credit: no path.
    /// let (a, b) = (explorer.person("IU")?, explorer.person("Tamar Herman")?);
    /// let path = Path::between(&explorer, a, b, &Filter::new());
    /// assert!(!path.connected && path.length.is_none());
    /// assert!(path.to_string().starts_with("No path"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn between(explorer: &Explorer, from: PersonId, to: PersonId, filter: &Filter) -> Path {
        let found = explorer.shortest_path(from, to, filter);
        Path {
            from: Person::of(explorer, from),
            to: Person::of(explorer, to),
            connected: found.is_some(),
            length: found.as_ref().map(|p| p.len()),
            people: found.as_ref().map_or_else(Vec::new, |p| {
                p.people()
                    .iter()
                    .map(|&q| Person::of(explorer, q))
                    .collect()
            }),
            steps: found.as_ref().map_or_else(Vec::new, |p| {
                p.steps().iter().map(|s| Step::of(explorer, s)).collect()
            }),
            lines: found.as_ref().map_or_else(String::new, |p| p.to_string()),
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (&self.from.display_name, &self.to.display_name);
        match self.length {
            Some(n) => write!(f, "{a} to {b}: {n} hop{}\n{}", plural(n), self.lines),
            None => writeln!(
                f,
                "No path: no chain of shared works connects {a} and {b} under this filter."
            ),
        }
    }
}

/// The people and works around a person (`hallyu neighbours`,
/// `/api/neighbours`): the people within the options' hops, nearest first
/// (then by name), with their distance, and the works at least two of them
/// share; each list is cut at the limit, with its total beside it.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Neighbours, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let me = explorer.person("IU")?;
/// let near = Neighbours::of(&explorer, me, &Filter::new(), &Options::new().hops(1));
/// assert_eq!(near.people[0].person.id, "iu");
/// assert_eq!(near.people[0].distance, Some(0));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Neighbours {
    /// The person asked about.
    pub person: Person,
    /// The number of hops taken.
    pub hops: usize,
    /// How many people are within the hops (`people` holds at most the
    /// limit).
    pub total_people: usize,
    /// The first people, nearest first, the person included.
    pub people: Vec<Near>,
    /// How many works link them (`works` holds at most the limit).
    pub total_works: usize,
    /// The first works, in data order.
    pub works: Vec<Work>,
}

/// A person of [`Neighbours`] (JSON: the [`Person`] fields, then
/// `"distance"`).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Neighbours, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let me = explorer.person("IU")?;
/// let near = Neighbours::of(&explorer, me, &Filter::new(), &Options::new().hops(1));
/// assert!(near.people.iter().skip(1).all(|n| n.distance == Some(1)));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Near {
    /// The person.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub person: Person,
    /// The number of hops from the person asked about.
    pub distance: Option<usize>,
}

impl Neighbours {
    /// The neighbourhood of `person` under `filter`, to the options' hops
    /// (built by [`Explorer::neighbourhood`]).
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Neighbours, Options};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let me = explorer.person("Choi Woo-shik")?;
    /// let near = Neighbours::of(&explorer, me, &Filter::new(), &Options::new().limit(3));
    /// assert_eq!(near.people.len(), 3);
    /// assert!(near.total_people > 3);
    /// assert!(near.to_string().starts_with("Within 2 hops of Choi Woo-shik: "));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(
        explorer: &Explorer,
        person: PersonId,
        filter: &Filter,
        options: &Options,
    ) -> Neighbours {
        let hops = NeighbourhoodOptions::new().hops(options.hops);
        let near = explorer.neighbourhood(person, &hops, filter);
        let centre = match near.by_key(&explorer.key(person.into())) {
            Some(Entity::Person(p)) => Some(p),
            _ => None,
        };
        let distances = centre.map(|p| near.distances(p, filter));
        let dist = |p: PersonId| distances.as_ref().and_then(|d| d.distance(p));
        let mut people: Vec<PersonId> = near.people().collect();
        people.sort_by(|&x, &y| (dist(x), near.get(x).name()).cmp(&(dist(y), near.get(y).name())));
        Neighbours {
            person: Person::of(explorer, person),
            hops: hops.get_hops(),
            total_people: people.len(),
            people: people
                .iter()
                .take(options.limit)
                .map(|&p| Near {
                    person: Person::of(&near, p),
                    distance: dist(p),
                })
                .collect(),
            total_works: near.works().len(),
            works: near
                .works()
                .take(options.limit)
                .map(|w| Work::of(&near, w))
                .collect(),
        }
    }
}

impl fmt::Display for Neighbours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Within {} hop{} of {}: {} people, {} works",
            self.hops,
            plural(self.hops),
            self.person.display_name,
            self.total_people,
            self.total_works
        )?;
        let mut t = Table::new(&[Align::Right, Align::Left]).indent("  ");
        for n in &self.people {
            t.row(vec![
                n.distance.map_or("-".into(), |d| d.to_string()),
                n.person.label.clone(),
            ]);
        }
        write!(f, "{t}")?;
        if self.total_people > self.people.len() {
            writeln!(
                f,
                "  … and {} more people",
                self.total_people - self.people.len()
            )?;
        }
        let mut t = Table::new(&[Align::Left, Align::Left]).indent("  ");
        for w in &self.works {
            t.row(vec![w.label.clone(), w.kind_label.clone()]);
        }
        if !t.is_empty() {
            write!(f, "Works:\n{t}")?;
        }
        if self.total_works > self.works.len() {
            writeln!(
                f,
                "  … and {} more works",
                self.total_works - self.works.len()
            )?;
        }
        Ok(())
    }
}
