//! [`SharedWorks`]: the works two people share, or how far apart they are.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;
use crate::query::table::{Align, Table};

use super::*;

/// The works two people share (`hallyu shared`), oldest first, with how
/// each is credited; when they share none, the hops of a shortest chain of
/// works between them. The list is cut at the limit, with its total beside
/// it.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Options, SharedWorks};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
/// let answer = SharedWorks::between(&explorer, a, b, &Filter::new(), &Options::new());
/// assert_eq!(answer.works[0].work.title, "Parasite");
/// assert_eq!(answer.distance, Some(1));
/// assert!(answer.to_string().starts_with("work "));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SharedWorks {
    /// The first person (the `left_role` of each work is theirs).
    pub a: Person,
    /// The second person.
    pub b: Person,
    /// How many works they share (`works` holds at most the limit).
    pub total: usize,
    /// The first shared works, oldest first.
    pub works: Vec<Shared>,
    /// 1 when they share a work, else the hops of a shortest chain of
    /// works between them, `None` when no chain connects them.
    pub distance: Option<usize>,
    /// The shortest chain's own text, one line per hop, when they share no
    /// work (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub chain: String,
}

impl SharedWorks {
    /// The works `a` and `b` share under `filter`; the options' limit caps
    /// the works shown.
    ///
    /// # Panics
    ///
    /// When a person is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Options, SharedWorks};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// // Tamar Herman has no credit: no shared work, no chain.
    /// let (a, b) = (explorer.person("IU")?, explorer.person("Tamar Herman")?);
    /// let answer = SharedWorks::between(&explorer, a, b, &Filter::new(), &Options::new());
    /// assert_eq!((answer.total, answer.distance), (0, None));
    /// assert!(answer.to_string().ends_with("no chain of works connects them.\n"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn between(
        explorer: &Explorer,
        a: PersonId,
        b: PersonId,
        filter: &Filter,
        options: &Options,
    ) -> SharedWorks {
        let shared = explorer.shared_works(a, b, filter);
        let chain = if shared.is_empty() {
            explorer.shortest_path(a, b, filter)
        } else {
            None
        };
        SharedWorks {
            a: Person::of(explorer, a),
            b: Person::of(explorer, b),
            total: shared.len(),
            works: shared
                .iter()
                .take(options.limit)
                .map(|s| Shared::of(explorer, s))
                .collect(),
            distance: match &chain {
                _ if !shared.is_empty() => Some(1),
                Some(p) => Some(p.len()),
                None => None,
            },
            chain: chain.map_or_else(String::new, |p| p.to_string()),
        }
    }
}

/// Says how many items of a list were left out, when any were: `  … and 3
/// more works`.
pub(super) fn more(
    f: &mut fmt::Formatter<'_>,
    total: usize,
    shown: usize,
    what: &str,
) -> fmt::Result {
    if total > shown {
        writeln!(f, "  … and {} more {what}", total - shown)?;
    }
    Ok(())
}

impl fmt::Display for SharedWorks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (&self.a.display_name, &self.b.display_name);
        if self.total > 0 {
            let mut t = Table::new(&[Align::Left; 4]);
            t.row(vec!["work".into(), "kind".into(), a.clone(), b.clone()]);
            for s in &self.works {
                t.row(vec![
                    s.work.label.clone(),
                    s.work.kind_label.clone(),
                    s.left_role.clone(),
                    s.right_role.clone(),
                ]);
            }
            write!(f, "{t}")?;
            return more(f, self.total, self.works.len(), "works");
        }
        write!(f, "{a} and {b} share no work")?;
        match self.distance {
            Some(n) => write!(f, "; they are connected in {n} hops:\n{}", self.chain),
            None => writeln!(f, ", and no chain of works connects them."),
        }
    }
}
