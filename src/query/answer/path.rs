//! [`Path`]: a shortest chain between two people, or none.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{Entity, PersonId};
use crate::query::Avoid;

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
    /// The person the path had to pass through, if asked (JSON: only
    /// then).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub via: Option<Person>,
    /// The people and works the path had to avoid (JSON: only when some).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub avoided: Vec<Record>,
    /// When no path avoids them but one exists without the avoidance: the
    /// avoided records that cut every chain on their own, or all of them
    /// when only together they do (JSON: only when some).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub cut_by: Vec<Record>,
    /// Whether the records of `cut_by` cut every chain only together (JSON:
    /// only when they do).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub cut_together: bool,
    /// For the strongest path ([`Path::strongest`]): the works each hop's
    /// two people share (JSON: only then).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub shared: Vec<usize>,
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
        Path::routed(explorer, from, to, None, &Avoid::new(), filter)
    }

    /// A shortest path from `from` to `to`, through `via` when given, that
    /// avoids the people and works of `avoid` (see
    /// [`Explorer::shortest_path_via`] and
    /// [`Explorer::shortest_path_avoiding`]). When none exists but one
    /// would without the avoidance, `cut_by` names the avoided records
    /// that cut every chain on their own.
    ///
    /// # Panics
    ///
    /// When a person or work is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    /// use hallyu::query::answer::Path;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
    /// let avoid = Avoid::new().person(explorer.person("IU")?);
    /// let path = Path::routed(&explorer, a, b, None, &avoid, &Filter::new());
    /// assert_eq!(path.avoided[0].id, "iu");
    /// assert!(path.to_string().contains("avoiding IU"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn routed(
        explorer: &Explorer,
        from: PersonId,
        to: PersonId,
        via: Option<PersonId>,
        avoid: &Avoid,
        filter: &Filter,
    ) -> Path {
        let found = match via {
            Some(v) => explorer.shortest_path_via(from, v, to, avoid, filter),
            None if avoid.is_empty() => explorer.shortest_path(from, to, filter),
            None => explorer.shortest_path_avoiding(from, to, avoid, filter),
        };
        let cut_by = if found.is_none() && via.is_none() {
            explorer.avoidance_cuts(from, to, avoid, filter)
        } else {
            Vec::new()
        };
        // One of them alone leaves a chain: they cut only together.
        let cut_together = cut_by.len() > 1
            && match cut_by[0] {
                Entity::Person(p) => {
                    let alone = Avoid::new().person(p);
                    explorer
                        .shortest_path_avoiding(from, to, &alone, filter)
                        .is_some()
                }
                Entity::Work(w) => {
                    let alone = Avoid::new().work(w);
                    explorer
                        .shortest_path_avoiding(from, to, &alone, filter)
                        .is_some()
                }
                _ => false,
            };
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
            via: via.map(|v| Person::of(explorer, v)),
            avoided: avoid
                .records()
                .into_iter()
                .map(|e| Record::of(explorer, e))
                .collect(),
            cut_by: cut_by
                .into_iter()
                .map(|e| Record::of(explorer, e))
                .collect(),
            cut_together,
            shared: Vec::new(),
        }
    }

    /// The path from `from` to `to` that maximises the strength of its
    /// links ([`Explorer::strongest_path`]); `shared` gives the works each
    /// hop's two people share.
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
    /// let (a, b) = (explorer.person("IU")?, explorer.person("Choi Woo-shik")?);
    /// let path = Path::strongest(&explorer, a, b, &Filter::new());
    /// assert_eq!(path.shared.len(), path.length.unwrap());
    /// assert!(path.to_string().contains("strongest"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn strongest(explorer: &Explorer, from: PersonId, to: PersonId, filter: &Filter) -> Path {
        let mut path = Path::routed(explorer, from, to, None, &Avoid::new(), filter);
        let Some((found, _)) = explorer.strongest_path(from, to, filter) else {
            return path;
        };
        path.length = Some(found.len());
        path.people = found
            .people()
            .iter()
            .map(|&q| Person::of(explorer, q))
            .collect();
        path.steps = found
            .steps()
            .iter()
            .map(|s| Step::of(explorer, s))
            .collect();
        path.lines = found.to_string();
        path.shared = found
            .steps()
            .iter()
            .map(|s| explorer.shared_works(s.from, s.to, filter).len())
            .collect();
        path
    }
}

/// ` (avoiding A, B)` and ` through C`, as the text says them.
fn conditions(via: Option<&Person>, avoided: &[Record]) -> String {
    let mut s = String::new();
    if let Some(v) = via {
        s.push_str(&format!(" through {}", v.display_name));
    }
    if !avoided.is_empty() {
        let names: Vec<&str> = avoided.iter().map(|r| r.label.as_str()).collect();
        s.push_str(&format!(" avoiding {}", names.join(", ")));
    }
    s
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (&self.from.display_name, &self.to.display_name);
        let mut how = conditions(self.via.as_ref(), &self.avoided);
        if !self.shared.is_empty() {
            let links: Vec<String> = self.shared.iter().map(usize::to_string).collect();
            how.push_str(&format!(
                ", the strongest (works shared hop by hop: {})",
                links.join(", ")
            ));
        }
        match self.length {
            Some(n) => writeln!(f, "{a} to {b}{how}: {n} hop{}\n{}", plural(n), self.lines),
            None if !self.cut_by.is_empty() => {
                let names: Vec<&str> = self.cut_by.iter().map(|r| r.label.as_str()).collect();
                let (what, join) = if self.cut_together {
                    ("one of ", ", ")
                } else {
                    ("", " and through ")
                };
                writeln!(
                    f,
                    "No path{how}: every chain from {a} to {b} passes through {what}{}.",
                    names.join(join)
                )
            }
            None => writeln!(
                f,
                "No path{how}: no chain of shared works connects {a} and {b} under this filter."
            ),
        }
    }
}
