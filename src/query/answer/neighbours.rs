//! [`Neighbours`]: the people and works within a few hops.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{Entity, PersonId};
use crate::query::neighbourhood::NeighbourhoodOptions;
use crate::query::table::{Align, Table};

use super::*;

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
/// assert_eq!(near.cut_at, None); // everyone within the hops
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
    /// When the search stopped at this many people
    /// ([`NeighbourhoodOptions::DEFAULT_MAX_PEOPLE`], nearest first) with
    /// people within the hops left out: then `total_people` is this many
    /// and the farthest level is incomplete. `None` when everyone within
    /// the hops is there.
    pub cut_at: Option<usize>,
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
        let (near, cut) = explorer.neighbourhood_cut(person, &hops, filter);
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
            cut_at: cut.then(|| hops.get_max_people()),
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
        if let Some(cap) = self.cut_at {
            writeln!(
                f,
                "  cut at {cap} people: the search stopped there, nearest first, and left out \
                 farther people within {} hop{}",
                self.hops,
                plural(self.hops)
            )?;
        }
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
