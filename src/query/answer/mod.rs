//! The answers of the `hallyu` command and of the server
//! ([`hallyu::html::serve`](crate::html)): [`Search`], [`Info`],
//! [`CoStars`], [`Path`], [`Neighbours`] and [`Graph`] (which the server
//! offers too),
//! [`SharedWorks`], [`Works`], [`Cast`], [`List`], [`Paths`], [`Bacon`],
//! [`Introductions`], [`Recommendations`], [`Centre`], [`Rank`],
//! [`Communities`], [`Components`], [`Cores`], [`Projection`], [`Stats`], [`Diff`], and the notes of files
//! written ([`Wrote`], [`Written`]).
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

use crate::explorer::Explorer;
use crate::id::{CreditId, Entity, PersonId, WorkId};
use crate::model::Role;
use crate::query::neighbourhood::NeighbourhoodOptions;

pub(crate) fn plural(n: usize) -> &'static str {
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
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{CoStars, Options};
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let me = explorer.person("Park Seo-joon")?;
    /// let answer = CoStars::of(&explorer, me, &Filter::new(), &Options::new());
    /// assert_eq!(answer.costars.len(), Options::DEFAULT_LIMIT.min(answer.total));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
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
pub(crate) fn role_words(role: &Role) -> String {
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

mod bacon;
mod cast;
mod centre;
mod communities;
mod components;
mod cores;
mod costars;
mod diff;
mod graph;
mod info;
mod introduce;
mod list;
mod neighbours;
mod path;
mod paths;
mod projection;
mod rank;
mod recommend;
mod search;
mod shared;
mod stats;
mod works;
mod written;

pub use bacon::*;
pub use cast::*;
pub use centre::*;
pub use communities::*;
pub use components::*;
pub use cores::*;
pub use costars::*;
pub use diff::*;
pub use graph::*;
pub use info::*;
pub use introduce::*;
pub use list::*;
pub use neighbours::*;
pub use path::*;
pub use paths::*;
pub use projection::*;
pub use rank::*;
pub use recommend::*;
pub use search::*;
pub use shared::*;
pub use stats::*;
pub use works::*;
pub use written::*;
