//! [`Works`]: a person's works in order of release.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;
use crate::query::table::{Align, Table};

use super::shared::more;
use super::*;

/// A person's works (`hallyu works`), in order of release, each with how
/// the person is credited on it; the list is cut at the limit, with its
/// total beside it.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Options, Works};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let me = explorer.person("Park Seo-joon")?;
/// let answer = Works::of(&explorer, me, &Filter::new(), &Options::new().limit(2));
/// assert_eq!(answer.works[0].work.title, "I Remember"); // his debut, 2011
/// assert!(answer.total > 2 && answer.works.len() == 2);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Works {
    /// The person asked about.
    pub person: Person,
    /// How many works the person has (`works` holds at most the limit).
    pub total: usize,
    /// The first works, oldest first.
    pub works: Vec<Appearance>,
}

/// A work of [`Works`] and how the person is credited on it (JSON: the
/// [`Work`] fields, then `"role"`).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Options, Works};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let me = explorer.person("IU")?;
/// let first = &Works::of(&explorer, me, &Filter::new(), &Options::new()).works[0];
/// assert!(!first.role.is_empty());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Appearance {
    /// The work.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub work: Work,
    /// How the person is credited: `cast (lead) as Kim Tan`, `performer
    /// via BIGBANG`.
    pub role: String,
}

impl Works {
    /// The works of `person` under `filter` (built by
    /// [`Explorer::works_of`]); the options' limit caps the works shown.
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Options, Works};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let me = explorer.person("Tamar Herman")?;
    /// let answer = Works::of(&explorer, me, &Filter::new(), &Options::new());
    /// assert_eq!(answer.to_string(), "Tamar Herman has no work under this filter.\n");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, person: PersonId, filter: &Filter, options: &Options) -> Works {
        let all = explorer.works_of(person, filter);
        Works {
            person: Person::of(explorer, person),
            total: all.len(),
            works: all
                .iter()
                .take(options.limit)
                .map(|(w, c)| Appearance {
                    work: Work::of(explorer, *w),
                    role: c.describe(explorer),
                })
                .collect(),
        }
    }
}

impl fmt::Display for Works {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.total == 0 {
            return writeln!(
                f,
                "{} has no work under this filter.",
                self.person.display_name
            );
        }
        let mut t = Table::new(&[Align::Left; 3]);
        for a in &self.works {
            t.row(vec![
                a.work.label.clone(),
                a.work.kind_label.clone(),
                a.role.clone(),
            ]);
        }
        write!(f, "{t}")?;
        more(f, self.total, self.works.len(), "works")
    }
}
