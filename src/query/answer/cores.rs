//! [`Cores`]: the innermost core of the co-appearance graph and how many
//! people are in each core.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::query::by_name;
use crate::query::table::{Align, Table};

use super::*;

/// The k-cores of the co-appearance graph (`hallyu cores`): the innermost
/// core (the largest `k` such that some people each have at least `k`
/// co-stars among themselves) and its members, by name, cut at the limit,
/// and how many people have each core number (see
/// [`Explorer::core_numbers`]).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Cores, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let cores = Cores::of(&explorer, &Filter::new(), &Options::new().limit(3));
/// assert_eq!(cores.people, 149);
/// assert_eq!(cores.inner.len(), 3.min(cores.total_inner));
/// assert_eq!(cores.histogram.last().map(|c| c.k), Some(cores.k));
/// let counted: usize = cores.histogram.iter().map(|c| c.people).sum();
/// assert_eq!(counted, cores.people);
/// assert!(cores.to_string().contains(&format!("innermost core: k = {}", cores.k)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Cores {
    /// The largest core number (the degeneracy).
    pub k: u32,
    /// How many people are nodes of the filter's graph.
    pub people: usize,
    /// How many people are in the innermost core.
    pub total_inner: usize,
    /// Its first members, by name.
    pub inner: Vec<Person>,
    /// How many people have each core number, from the smallest; numbers
    /// nobody has are left out.
    pub histogram: Vec<CoreCount>,
}

/// One row of [`Cores::histogram`]: a core number and how many people
/// have it.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Cores, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let cores = Cores::of(&explorer, &Filter::new(), &Options::new());
/// let last = cores.histogram.last().unwrap();
/// assert_eq!((last.k, last.people), (cores.k, cores.total_inner));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CoreCount {
    /// The core number.
    pub k: u32,
    /// How many people have it.
    pub people: usize,
}

impl Cores {
    /// The cores of `filter`'s graph; the options' limit caps the members
    /// of the innermost core listed.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Cores, Options};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let numbers = explorer.core_numbers(&Filter::new());
    /// let cores = Cores::of(&explorer, &Filter::new(), &Options::new().unlimited());
    /// assert_eq!(cores.k, numbers.max());
    /// for p in &cores.inner {
    ///     assert_eq!(numbers.get(explorer.person(&p.id)?), Some(cores.k));
    /// }
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, filter: &Filter, options: &Options) -> Cores {
        let numbers = explorer.core_numbers(filter);
        let k = numbers.max();
        let mut counts = vec![0usize; k as usize + 1];
        let mut inner = Vec::new();
        for (p, c) in numbers.iter() {
            counts[c as usize] += 1;
            if c == k {
                inner.push(p);
            }
        }
        inner.sort_by(|a, b| by_name(explorer, a.0, b.0));
        let histogram = (0..=k)
            .zip(counts)
            .filter(|&(_, n)| n > 0)
            .map(|(k, people)| CoreCount { k, people })
            .collect::<Vec<_>>();
        Cores {
            k,
            people: histogram.iter().map(|c| c.people).sum(),
            total_inner: inner.len(),
            inner: inner
                .into_iter()
                .take(options.get_limit())
                .map(|p| Person::of(explorer, p))
                .collect(),
            histogram,
        }
    }
}

impl fmt::Display for Cores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "innermost core: k = {}, {} of {} people",
            self.k, self.total_inner, self.people
        )?;
        for p in &self.inner {
            writeln!(f, "  {}", p.display_name)?;
        }
        if self.total_inner > self.inner.len() {
            writeln!(
                f,
                "  … and {} more (--top)",
                self.total_inner - self.inner.len()
            )?;
        }
        let mut t = Table::new(&[Align::Right, Align::Right]);
        t.row(vec!["core".into(), "people".into()]);
        for c in self.histogram.iter().rev() {
            t.row(vec![c.k.to_string(), c.people.to_string()]);
        }
        write!(f, "{t}")
    }
}
