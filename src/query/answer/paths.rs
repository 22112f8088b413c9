//! [`Paths`]: every shortest chain between two people, capped, with the
//! count of all.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;
use crate::query::{AllPathsOptions, Avoid};

use super::*;

/// Every shortest path between two people (`hallyu paths`): both ends,
/// whether they are connected, the length, how many shortest paths there
/// are (`count`) and the first ones, in name order, up to the limit
/// (`truncated` when some are left out).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Options, Paths};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let (a, b) = (explorer.person("Song Joong-ki")?, explorer.person("Seo Yea-ji")?);
/// let answer = Paths::between(&explorer, a, b, &Filter::new(), &Options::new().limit(1));
/// assert_eq!(answer.paths.len(), 1);
/// assert_eq!(answer.truncated, answer.count > 1);
/// assert_eq!(answer.paths[0].people.len(), answer.length.unwrap() + 1);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Paths {
    /// Where the paths start.
    pub from: Person,
    /// Where they end.
    pub to: Person,
    /// The number of hops of a shortest path, when connected.
    pub length: Option<usize>,
    /// Whether a chain of shared works connects them.
    pub connected: bool,
    /// How many shortest paths there are (`u64::MAX`: at least that many).
    pub count: u64,
    /// Whether `paths` holds fewer than `count`.
    pub truncated: bool,
    /// The first shortest paths, in name order (with `k`: the k shortest,
    /// shortest first).
    pub paths: Vec<Chain>,
    /// For the k shortest loopless paths ([`Paths::k_shortest`]): how many
    /// were asked (JSON: only then).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub k: Option<usize>,
    /// The people and works the paths avoid (JSON: only when some).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub avoided: Vec<Record>,
    /// For the simple paths up to a length ([`Paths::simple`]): the length
    /// (JSON: only then).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub max_hops: Option<usize>,
    /// Whether `count` is a lower bound (the count stopped at its cap;
    /// JSON: only then).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub at_least: bool,
}

/// One path of [`Paths`]: its length, the people on the way (both ends
/// included) and one [`Step`] per hop.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Options, Paths};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
/// let chain = &Paths::between(&explorer, a, b, &Filter::new(), &Options::new()).paths[0];
/// assert_eq!((chain.length, chain.steps.len()), (1, 1));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Chain {
    /// The number of hops.
    pub length: usize,
    /// The people on the way, both ends included.
    pub people: Vec<Person>,
    /// One step per hop.
    pub steps: Vec<Step>,
    /// The path's own text, one line per hop (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub lines: String,
}

impl Chain {
    /// The path `p` of `explorer`, resolved.
    ///
    /// # Panics
    ///
    /// When `p` holds ids of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Chain;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let (a, b) = (explorer.person("IU")?, explorer.person("Choi Woo-shik")?);
    /// let path = explorer.shortest_path(a, b, &Filter::new()).unwrap();
    /// let chain = Chain::of(&explorer, &path);
    /// assert_eq!(chain.people[0].id, "iu");
    /// assert_eq!(chain.lines, path.to_string());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, p: &crate::query::Path<'_>) -> Chain {
        Chain {
            length: p.len(),
            people: p
                .people()
                .iter()
                .map(|&q| Person::of(explorer, q))
                .collect(),
            steps: p.steps().iter().map(|s| Step::of(explorer, s)).collect(),
            lines: p.to_string(),
        }
    }
}

impl Paths {
    /// The shortest paths from `from` to `to` under `filter` (built by
    /// [`Explorer::all_shortest_paths`]); the options' limit caps the
    /// paths found.
    ///
    /// # Panics
    ///
    /// When a person is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Options, Paths};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let (a, b) = (explorer.person("IU")?, explorer.person("Tamar Herman")?);
    /// let answer = Paths::between(&explorer, a, b, &Filter::new(), &Options::new());
    /// assert!(!answer.connected && answer.paths.is_empty());
    /// assert_eq!(answer.to_string(), "No chain of shared works connects IU and Tamar Herman.\n");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn between(
        explorer: &Explorer,
        from: PersonId,
        to: PersonId,
        filter: &Filter,
        options: &Options,
    ) -> Paths {
        let limit = AllPathsOptions::new().limit(options.limit);
        let all = explorer.all_shortest_paths(from, to, &limit, filter);
        Paths {
            from: Person::of(explorer, from),
            to: Person::of(explorer, to),
            length: all.distance(),
            connected: all.distance().is_some(),
            count: all.count(),
            truncated: all.is_truncated(),
            paths: all.iter().map(|p| Chain::of(explorer, p)).collect(),
            k: None,
            avoided: Vec::new(),
            max_hops: None,
            at_least: false,
        }
    }

    /// Every simple path from `from` to `to` of at most `max_hops` hops
    /// (no person and no work twice; [`Explorer::simple_paths`]), counted;
    /// the first ones up to the options' limit, in the order of the walk.
    ///
    /// # Panics
    ///
    /// When a person is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Options, Paths};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("IU")?);
    /// let answer = Paths::simple(&explorer, a, b, 2, &Filter::new(), &Options::new().limit(2));
    /// assert_eq!((answer.max_hops, answer.paths.len()), (Some(2), 2));
    /// assert!(answer.count >= 2 && answer.truncated == (answer.count > 2));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn simple(
        explorer: &Explorer,
        from: PersonId,
        to: PersonId,
        max_hops: usize,
        filter: &Filter,
        options: &Options,
    ) -> Paths {
        let found = explorer.simple_paths(from, to, max_hops, options.get_limit(), filter);
        Paths {
            from: Person::of(explorer, from),
            to: Person::of(explorer, to),
            length: found.paths.iter().map(|p| p.len()).min(),
            connected: found.count > 0,
            count: found.count,
            truncated: (found.paths.len() as u64) < found.count,
            paths: found.paths.iter().map(|p| Chain::of(explorer, p)).collect(),
            k: None,
            avoided: Vec::new(),
            max_hops: Some(max_hops),
            at_least: !found.exact,
        }
    }

    /// The `k` shortest loopless paths from `from` to `to` that avoid the
    /// people and works of `avoid` ([`Explorer::k_shortest_paths`]):
    /// shortest first, of any length; `count` is how many were found (at
    /// most `k`), `length` the first one's.
    ///
    /// # Panics
    ///
    /// When a person or work is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    /// use hallyu::query::answer::Paths;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("IU")?);
    /// let answer = Paths::k_shortest(&explorer, a, b, 3, &Avoid::new(), &Filter::new());
    /// assert_eq!((answer.k, answer.count, answer.paths.len()), (Some(3), 3, 3));
    /// assert!(answer.to_string().starts_with("the 3 shortest loopless paths from Park Seo-joon to IU"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn k_shortest(
        explorer: &Explorer,
        from: PersonId,
        to: PersonId,
        k: usize,
        avoid: &Avoid,
        filter: &Filter,
    ) -> Paths {
        let found = explorer.k_shortest_paths(from, to, k, avoid, filter);
        Paths {
            from: Person::of(explorer, from),
            to: Person::of(explorer, to),
            length: found.first().map(|p| p.len()),
            connected: !found.is_empty(),
            count: found.len() as u64,
            truncated: false,
            paths: found.iter().map(|p| Chain::of(explorer, p)).collect(),
            k: Some(k),
            max_hops: None,
            at_least: false,
            avoided: avoid
                .records()
                .into_iter()
                .map(|e| Record::of(explorer, e))
                .collect(),
        }
    }
}

impl fmt::Display for Paths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (&self.from.display_name, &self.to.display_name);
        let avoiding = if self.avoided.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = self.avoided.iter().map(|r| r.label.as_str()).collect();
            format!(" avoiding {}", names.join(", "))
        };
        let Some(d) = self.length else {
            return writeln!(
                f,
                "No chain of shared works connects {a} and {b}{avoiding}."
            );
        };
        if let Some(n) = self.max_hops {
            let at_least = if self.at_least { "at least " } else { "" };
            let paths = if self.count == 1 { "path" } else { "paths" };
            write!(
                f,
                "{at_least}{} simple {paths} of at most {n} hop{} from {a} to {b}",
                self.count,
                plural(n)
            )?;
        } else if let Some(k) = self.k {
            let lengths: Vec<String> = self.paths.iter().map(|p| p.length.to_string()).collect();
            let found = if self.paths.len() < k {
                format!(" (only {} exist)", self.paths.len())
            } else {
                String::new()
            };
            write!(
                f,
                "the {k} shortest loopless paths from {a} to {b}{avoiding}{found}: {} hops",
                lengths.join(", ")
            )?;
        } else {
            let at_least = if self.count == u64::MAX {
                "at least "
            } else {
                ""
            };
            let paths = if self.count == 1 { "path" } else { "paths" };
            write!(
                f,
                "{at_least}{} shortest {paths} of {d} hop{} from {a} to {b}",
                self.count,
                plural(d)
            )?;
        }
        if self.truncated {
            write!(f, " (showing {})", self.paths.len())?;
        }
        writeln!(f)?;
        for p in &self.paths {
            writeln!(f, "\n{}", p.lines)?;
        }
        Ok(())
    }
}
