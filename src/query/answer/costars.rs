//! [`CoStars`]: the people a person shares works with.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;
use crate::query::table::{Align, Table};

use super::*;

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
