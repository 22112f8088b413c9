//! [`Bacon`]: the distances from a person to everyone.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;
use crate::query::table::{Align, Table};

use super::*;

/// The distances from a person (`hallyu bacon`): how many people stand at
/// each distance (`histogram[d]` at `d` hops), how many are reachable, the
/// mean distance and the eccentricity, and the farthest and the unreachable
/// people, each list cut at the limit with its count beside it.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Bacon, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let me = explorer.person("IU")?;
/// let answer = Bacon::of(&explorer, me, &Filter::new(), &Options::new());
/// assert_eq!(answer.histogram[0], 1);
/// assert_eq!(answer.histogram.len(), answer.eccentricity + 1);
/// assert!(answer.to_string().starts_with("Distances from IU:\n"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Bacon {
    /// The person at distance 0.
    pub person: Person,
    /// How many people stand at each distance, the person at 0.
    pub histogram: Vec<usize>,
    /// How many people are reachable, the person included.
    pub reachable: usize,
    /// The mean distance to the others reachable, when there are any.
    pub mean: Option<f64>,
    /// The greatest distance to anyone reachable.
    pub eccentricity: usize,
    /// How many people are farthest (`farthest` holds at most the limit).
    pub farthest_count: usize,
    /// The first of the farthest people.
    pub farthest: Vec<Person>,
    /// How many people are unreachable (`unreachable` holds at most the
    /// limit).
    pub unreachable_count: usize,
    /// The first of the unreachable people.
    pub unreachable: Vec<Person>,
}

impl Bacon {
    /// The distances from `person` under `filter` (built by
    /// [`Explorer::distances`]); the options' limit caps the farthest and
    /// the unreachable people shown.
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Bacon, Options};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let me = explorer.person("Tamar Herman")?;
    /// let answer = Bacon::of(&explorer, me, &Filter::new(), &Options::new().limit(3));
    /// assert_eq!((answer.reachable, answer.mean), (1, None));
    /// assert_eq!(answer.unreachable.len(), 3);
    /// assert!(answer.to_string().contains("nobody else is reachable\n"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, person: PersonId, filter: &Filter, options: &Options) -> Bacon {
        let d = explorer.distances(person, filter);
        let people = |list: &[PersonId]| {
            list.iter()
                .take(options.limit)
                .map(|&p| Person::of(explorer, p))
                .collect()
        };
        Bacon {
            person: Person::of(explorer, person),
            histogram: d.histogram().to_vec(),
            reachable: d.reachable(),
            mean: d.mean(),
            eccentricity: d.eccentricity(),
            farthest_count: d.farthest().len(),
            farthest: people(d.farthest()),
            unreachable_count: d.unreachable().len(),
            unreachable: people(d.unreachable()),
        }
    }
}

/// The names of the people shown, then `… 3 more` when `count` is more.
fn names(shown: &[Person], count: usize) -> String {
    let mut v: Vec<&str> = shown.iter().map(|p| p.display_name.as_str()).collect();
    let more = format!("… {} more", count.saturating_sub(shown.len()));
    if count > shown.len() {
        v.push(&more);
    }
    v.join(", ")
}

impl fmt::Display for Bacon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Distances from {}:", self.person.display_name)?;
        let mut t = Table::new(&[Align::Right, Align::Right]).indent("  ");
        for (k, n) in self.histogram.iter().enumerate() {
            t.row(vec![k.to_string(), n.to_string()]);
        }
        write!(f, "{t}")?;
        match self.mean {
            Some(m) => writeln!(f, "mean {m:.3}, eccentricity {}", self.eccentricity)?,
            None => writeln!(f, "nobody else is reachable")?,
        }
        if self.farthest_count > 0 && self.mean.is_some() {
            writeln!(
                f,
                "farthest: {}",
                names(&self.farthest, self.farthest_count)
            )?;
        }
        let n = self.unreachable_count;
        write!(
            f,
            "unreachable: {n} {}",
            if n == 1 { "person" } else { "people" }
        )?;
        if self.unreachable_count > 0 {
            write!(f, ": {}", names(&self.unreachable, self.unreachable_count))?;
        }
        writeln!(f)
    }
}
