//! [`Recommendations`]: people a person has not worked with, reached
//! through their co-stars.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;
use crate::query::table::{Align, Table};

use super::*;

/// The people to recommend to a person (`hallyu recommend`): people two
/// hops away, strongest first, with the co-stars in between; the list is
/// cut at the limit, with its total beside it (the text shows only the
/// first ones, as `--top` asks).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Options, Recommendations};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let me = explorer.person("IU")?;
/// let answer = Recommendations::of(&explorer, me, &Filter::new(), &Options::new().limit(5));
/// assert_eq!(answer.recommendations.len(), 5);
/// assert!(answer.total > 5);
/// assert!(answer.to_string().starts_with("who "));
/// assert_eq!(answer.cut_at, None); // every co-star followed
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Recommendations {
    /// The person asked about.
    pub person: Person,
    /// How many people there are to recommend (`recommendations` holds at
    /// most the limit).
    pub total: usize,
    /// The first of them, strongest first.
    pub recommendations: Vec<Recommendation>,
    /// When only the first this many co-stars (in data order) were
    /// followed: their co-stars filled
    /// [`Recommendation::MAX_READ`](crate::query::Recommendation::MAX_READ)
    /// entries. `None` when every co-star was.
    pub cut_at: Option<usize>,
}

/// One person of [`Recommendations`]: who, how strong (the number of
/// co-stars in between) and those co-stars.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Options, Recommendations};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let me = explorer.person("IU")?;
/// let first = &Recommendations::of(&explorer, me, &Filter::new(), &Options::new()).recommendations[0];
/// assert_eq!(first.strength, first.through.len());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Recommendation {
    /// The person recommended.
    pub person: Person,
    /// How strong: the number of distinct co-stars in between.
    pub strength: usize,
    /// The co-stars in between.
    pub through: Vec<Person>,
}

impl Recommendations {
    /// The people to recommend to `person` under `filter` (built by
    /// [`Explorer::recommendations`]); the options' limit caps the people
    /// shown.
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Options, Recommendations};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let me = explorer.person("Tamar Herman")?;
    /// let answer = Recommendations::of(&explorer, me, &Filter::new(), &Options::new());
    /// assert_eq!(answer.to_string(), "No one to recommend to Tamar Herman under this filter.\n");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(
        explorer: &Explorer,
        person: PersonId,
        filter: &Filter,
        options: &Options,
    ) -> Recommendations {
        let (all, cut_at) = explorer.recommendations_cut(person, filter);
        Recommendations {
            person: Person::of(explorer, person),
            total: all.len(),
            recommendations: all
                .iter()
                .take(options.limit)
                .map(|r| Recommendation {
                    person: Person::of(explorer, r.person),
                    strength: r.strength(),
                    through: r.through.iter().map(|&p| Person::of(explorer, p)).collect(),
                })
                .collect(),
            cut_at,
        }
    }
}

impl fmt::Display for Recommendations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.recommendations.is_empty() {
            writeln!(
                f,
                "No one to recommend to {} under this filter.",
                self.person.display_name
            )?;
        } else {
            let mut t = Table::new(&[Align::Left, Align::Right, Align::Left]);
            t.row(vec!["who".into(), "strength".into(), "through".into()]);
            for r in &self.recommendations {
                let names: Vec<&str> = r.through.iter().map(|p| p.display_name.as_str()).collect();
                t.row(vec![
                    r.person.display_name.clone(),
                    r.strength.to_string(),
                    names.join(", "),
                ]);
            }
            write!(f, "{t}")?;
        }
        if let Some(k) = self.cut_at {
            writeln!(
                f,
                "cut at {k} co-stars: only their co-stars were read (at most {} entries)",
                crate::query::Recommendation::MAX_READ
            )?;
        }
        Ok(())
    }
}
