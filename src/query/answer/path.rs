//! [`Path`]: a shortest chain between two people, or none.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;

use super::*;

/// A shortest path between two people (`hallyu path`, `/api/path`): both
/// ends, whether they are connected, the length, the people on the way and
/// one step per hop; `length` is `null` and the lists empty when no path
/// exists.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Path;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
/// let path = Path::between(&explorer, a, b, &Filter::new());
/// assert_eq!(path.length, Some(1));
/// assert_eq!(path.people.len(), 2);
/// assert!(path.to_string().starts_with("Park Seo-joon to Choi Woo-shik: 1 hop\n"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Path {
    /// Where the path starts.
    pub from: Person,
    /// Where it ends.
    pub to: Person,
    /// Whether a chain of shared works connects them.
    pub connected: bool,
    /// The number of hops, when connected.
    pub length: Option<usize>,
    /// The people on the way, both ends included.
    pub people: Vec<Person>,
    /// One step per hop.
    pub steps: Vec<Step>,
    /// The path's own text, one line per hop (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub lines: String,
}

/// One hop of a [`Path`]: two people, the work they share, both roles.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Path;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
/// let step = &Path::between(&explorer, a, b, &Filter::new()).steps[0];
/// assert_eq!((step.from.id.as_str(), step.to.id.as_str()), ("park-seo-joon", "choi-woo-shik"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Step {
    /// The person the hop starts from.
    pub from: Person,
    /// How `from` is credited on the work.
    pub from_role: String,
    /// The shared work.
    pub work: Work,
    /// How `to` is credited on the work.
    pub to_role: String,
    /// The person the hop arrives at.
    pub to: Person,
}

impl Step {
    /// The step `s` of a path of `explorer`, resolved.
    ///
    /// # Panics
    ///
    /// When `s` holds ids of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Step;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
    /// let path = explorer.shortest_path(a, b, &Filter::new()).unwrap();
    /// let step = Step::of(&explorer, &path.steps()[0]);
    /// assert_eq!(step.from_role, path.steps()[0].from_credit.describe(&explorer));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, s: &crate::query::Step) -> Step {
        Step {
            from: Person::of(explorer, s.from),
            from_role: s.from_credit.describe(explorer),
            work: Work::of(explorer, s.work),
            to_role: s.to_credit.describe(explorer),
            to: Person::of(explorer, s.to),
        }
    }
}

impl Path {
    /// A shortest path from `from` to `to` under `filter`.
    ///
    /// # Panics
    ///
    /// When a person is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Path;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// // Tamar Herman has no credit: no path.
    /// let (a, b) = (explorer.person("IU")?, explorer.person("Tamar Herman")?);
    /// let path = Path::between(&explorer, a, b, &Filter::new());
    /// assert!(!path.connected && path.length.is_none());
    /// assert!(path.to_string().starts_with("No path"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn between(explorer: &Explorer, from: PersonId, to: PersonId, filter: &Filter) -> Path {
        let found = explorer.shortest_path(from, to, filter);
        Path {
            from: Person::of(explorer, from),
            to: Person::of(explorer, to),
            connected: found.is_some(),
            length: found.as_ref().map(|p| p.len()),
            people: found.as_ref().map_or_else(Vec::new, |p| {
                p.people()
                    .iter()
                    .map(|&q| Person::of(explorer, q))
                    .collect()
            }),
            steps: found.as_ref().map_or_else(Vec::new, |p| {
                p.steps().iter().map(|s| Step::of(explorer, s)).collect()
            }),
            lines: found.as_ref().map_or_else(String::new, |p| p.to_string()),
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (&self.from.display_name, &self.to.display_name);
        match self.length {
            Some(n) => write!(f, "{a} to {b}: {n} hop{}\n{}", plural(n), self.lines),
            None => writeln!(
                f,
                "No path: no chain of shared works connects {a} and {b} under this filter."
            ),
        }
    }
}
