//! [`Components`]: the connected components, largest first, their sizes
//! stated and their lists cut.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::query::table::{Align, Table};

use super::*;

/// The people the text names of each component.
const NAMED: usize = 5;

/// The connected components of the co-appearance graph (`hallyu
/// components`), largest first: how many there are, over how many people,
/// how many people are left out, and the first components, each with its
/// sizes and its first people and works.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Components, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let c = Components::of(&explorer, &Filter::new(), &Options::new().limit(3));
/// assert_eq!((c.components, c.people), (1, 149));
/// assert_eq!(c.largest, [149]);
/// assert_eq!((c.list[0].total_people, c.list[0].people.len()), (149, 5));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Components {
    /// How many components there are (`list` holds at most the limit).
    pub components: usize,
    /// How many people they hold, in all.
    pub people: usize,
    /// How many people are in none: no credit the filter counts.
    pub left_out: usize,
    /// The sizes (people) of the components listed.
    pub largest: Vec<usize>,
    /// The first components, largest first.
    pub list: Vec<ComponentEntry>,
}

/// One component of [`Components`]: its people and works, each list cut at
/// the limit (but at least the five people the text names), with its total
/// beside it.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Components, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let c = Components::of(&explorer, &Filter::new(), &Options::new());
/// let main = &c.list[0];
/// assert_eq!((main.total_works, main.works.len()), (97, 20));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ComponentEntry {
    /// How many people the component holds.
    pub total_people: usize,
    /// Its first people, in data order.
    pub people: Vec<Person>,
    /// How many works link them.
    pub total_works: usize,
    /// The keys of its first works, in data order.
    pub works: Vec<String>,
}

impl Components {
    /// The components of `filter`'s graph: the options' limit caps the
    /// components listed, and the people and works listed of each (but
    /// never below the five people the text names).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Components, Options};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let mv = Filter::new().kinds([hallyu::model::WorkKind::MusicVideo]);
    /// let c = Components::of(&explorer, &mv, &Options::new().limit(2));
    /// assert_eq!((c.components, c.list.len()), (7, 2));
    /// assert!(c.to_string().contains("… and 5 more (--top)"));
    /// ```
    pub fn of(explorer: &Explorer, filter: &Filter, options: &Options) -> Components {
        let all = explorer.components(filter);
        let members = options.get_limit().max(NAMED);
        let list: Vec<ComponentEntry> = all
            .iter()
            .take(options.get_limit())
            .map(|c| ComponentEntry {
                total_people: c.people.len(),
                people: c
                    .people
                    .iter()
                    .take(members)
                    .map(|&p| Person::of(explorer, p))
                    .collect(),
                total_works: c.works.len(),
                works: c
                    .works
                    .iter()
                    .take(members)
                    .map(|&w| explorer.get(w).key().into_owned())
                    .collect(),
            })
            .collect();
        Components {
            components: all.len(),
            people: all.iter().map(|c| c.people.len()).sum(),
            left_out: all.left_out(),
            largest: list.iter().map(|c| c.total_people).collect(),
            list,
        }
    }
}

impl fmt::Display for Components {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let right = Align::Right;
        let mut t = Table::new(&[right, right, right, Align::Left]);
        t.row(vec!["".into(), "people".into(), "works".into(), "".into()]);
        for (i, c) in self.list.iter().enumerate() {
            let mut names: Vec<&str> = c
                .people
                .iter()
                .take(5)
                .map(|p| p.display_name.as_str())
                .collect();
            if c.total_people > names.len() {
                names.push("…");
            }
            t.row(vec![
                format!("{}.", i + 1),
                c.total_people.to_string(),
                c.total_works.to_string(),
                names.join(", "),
            ]);
        }
        let n = self.components;
        write!(
            f,
            "{n} component{} over {} people\n{t}",
            plural(n),
            self.people
        )?;
        if n > self.list.len() {
            writeln!(f, "… and {} more (--top)", n - self.list.len())?;
        }
        if self.left_out > 0 {
            writeln!(
                f,
                "{} people left out: no credit the filter counts",
                self.left_out
            )?;
        }
        Ok(())
    }
}
