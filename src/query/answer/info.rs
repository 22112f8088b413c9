//! [`Info`]: one record with its credits and sources.

use std::fmt;

use crate::explorer::Explorer;
use crate::id::Entity;
use crate::model;

use super::*;

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
