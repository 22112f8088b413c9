//! [`Cast`]: everyone credited on a work.

use std::fmt;

use crate::explorer::Explorer;
use crate::id::{Entity, WorkId};
use crate::query::table::{Align, Table};

use super::shared::more;
use super::*;

/// Everyone credited on a work (`hallyu cast`): people and groups, leads
/// first (as [`Explorer::credits_on`] orders them), with their roles; the
/// list is cut at the limit, with its total beside it.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Cast, Options};
///
/// let explorer = hallyu::Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let answer = Cast::of(&explorer, kiss, &Options::new());
/// assert!(answer.credits.iter().any(|c| c.name == "Lee Min-ho"));
/// assert!(answer.to_string().starts_with("Kiss ("));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Cast {
    /// The work asked about.
    pub work: Work,
    /// How many credits the work has (`credits` holds at most the limit).
    pub total: usize,
    /// The first credits.
    pub credits: Vec<CastCredit>,
}

/// A credit of [`Cast`]: who (a person or a group), the role in words,
/// whether it is unverified.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Cast, Options};
///
/// let explorer = hallyu::Explorer::bundled();
/// let work = explorer.work("Itaewon Class")?;
/// let first = &Cast::of(&explorer, work, &Options::new()).credits[0];
/// assert_eq!(
///     (first.id.as_str(), first.role.as_str()),
///     ("kim-da-mi", "cast (lead) as Jo Yi-seo")
/// );
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CastCredit {
    /// The key of the person or group credited.
    pub id: String,
    /// Their name.
    pub name: String,
    /// The role in words: `cast (lead) as Kim Tan`, `soundtrack "Sweet
    /// Night"`.
    pub role: String,
    /// Whether the credit is marked unverified.
    pub unverified: bool,
    /// The name with its Hangul, `Park Seo-joon (박서준)` (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub label: String,
}

impl Cast {
    /// The credits on `work`; the options' limit caps the credits shown.
    ///
    /// # Panics
    ///
    /// When `work` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Cast, Options};
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let answer = Cast::of(&explorer, kiss, &Options::new().limit(1));
    /// assert_eq!(answer.credits.len(), 1);
    /// assert!(answer.to_string().contains("more credits"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, work: WorkId, options: &Options) -> Cast {
        let all = explorer.credits_on(work);
        Cast {
            work: Work::of(explorer, work),
            total: all.len(),
            credits: all
                .iter()
                .take(options.limit)
                .map(|&c| {
                    let (from, to) = explorer.ends(c);
                    let other = if to == Entity::Work(work) { from } else { to };
                    CastCredit {
                        id: explorer.key(other).into_owned(),
                        name: explorer.name(other).to_owned(),
                        role: role_words(&explorer.get(c).role()),
                        unverified: explorer.get(c).is_unverified(),
                        label: explorer.label(other),
                    }
                })
                .collect(),
        }
    }
}

impl fmt::Display for Cast {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} [{}]", self.work.label, self.work.kind_label)?;
        let mut t = Table::new(&[Align::Left, Align::Left]).indent("  ");
        for c in &self.credits {
            let mark = if c.unverified { " (unverified)" } else { "" };
            t.row(vec![c.label.clone(), format!("{}{mark}", c.role)]);
        }
        write!(f, "{t}")?;
        more(f, self.total, self.credits.len(), "credits")
    }
}
