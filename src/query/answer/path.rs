//! [`Path`]: a shortest chain between two people, or none.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;
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
    /// The year of the world the path was asked in ([`Filter::as_of`];
    /// JSON: only then).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub as_of: Option<i32>,
    /// The ends that had no counted credit yet in the `as_of` year (had not
    /// debuted), when there is no path (JSON: only when some).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub not_debuted: Vec<Person>,
    /// Whether the path is time-respecting ([`Path::in_order`]; JSON: only
    /// then).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub in_order: bool,
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
        let reaches = |avoid: &Avoid| {
            explorer
                .shortest_path_avoiding(from, to, avoid, filter)
                .is_some()
        };
        Path::of_found(explorer, (from, to, via), avoid, filter, found, reaches)
    }

    /// A shortest time-respecting path from `from` to `to` that avoids
    /// `avoid` ([`Explorer::shortest_path_in_order`]): each hop's work
    /// released no earlier than the previous hop's.
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
    /// let (a, b) = (explorer.person("Seo Yea-ji")?, explorer.person("Park Min-young")?);
    /// let path = Path::in_order(&explorer, a, b, &Avoid::new(), &Filter::new());
    /// assert!(path.in_order && path.connected);
    /// let years: Vec<&str> = path.steps.iter().map(|s| &s.work.released.as_deref().unwrap()[..4]).collect();
    /// assert!(years.is_sorted());
    /// assert!(path.to_string().contains("in time order"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn in_order(
        explorer: &Explorer,
        from: PersonId,
        to: PersonId,
        avoid: &Avoid,
        filter: &Filter,
    ) -> Path {
        let found = explorer.shortest_path_in_order(from, to, avoid, filter);
        let reaches = |avoid: &Avoid| {
            explorer
                .shortest_path_in_order(from, to, avoid, filter)
                .is_some()
        };
        let mut path = Path::of_found(explorer, (from, to, None), avoid, filter, found, reaches);
        path.in_order = true;
        path
    }

    /// The answer for `found`, the path asked from `from` to `to` (through
    /// `via`); `reaches` says whether a path of the kind asked avoids a
    /// given avoidance, for naming the records that cut every chain.
    fn of_found(
        explorer: &Explorer,
        (from, to, via): (PersonId, PersonId, Option<PersonId>),
        avoid: &Avoid,
        filter: &Filter,
        found: Option<crate::query::Path<'_>>,
        reaches: impl Fn(&Avoid) -> bool,
    ) -> Path {
        let cut_by = if found.is_none() && via.is_none() {
            avoid.cuts(&reaches)
        } else {
            Vec::new()
        };
        // One of them alone leaves a chain: they cut only together.
        let cut_together = cut_by.len() > 1 && reaches(&Avoid::new().record(cut_by[0]));
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
            as_of: filter.get_as_of(),
            not_debuted: match filter.get_as_of() {
                Some(_) if found.is_none() => [from, to]
                    .into_iter()
                    .filter(|&p| explorer.works_of(p, filter).is_empty())
                    .map(|p| Person::of(explorer, p))
                    .collect(),
                _ => Vec::new(),
            },
            in_order: false,
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
        if self.in_order {
            how.push_str(" in time order");
        }
        if let Some(y) = self.as_of {
            how.push_str(&format!(" as of {y}"));
        }
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
            None if !self.not_debuted.is_empty() => {
                let names: Vec<&str> = self
                    .not_debuted
                    .iter()
                    .map(|p| p.display_name.as_str())
                    .collect();
                let (has, year) = (
                    if names.len() == 1 { "has" } else { "have" },
                    self.as_of.unwrap_or_default(),
                );
                writeln!(
                    f,
                    "No path{how}: {} {has} no credit in {year} or before (not yet debuted).",
                    names.join(" and ")
                )
            }
            None if self.in_order => writeln!(
                f,
                "No path{how}: no chain of shared works runs from {a} to {b} forward in time under this filter."
            ),
            None => writeln!(
                f,
                "No path{how}: no chain of shared works connects {a} and {b} under this filter."
            ),
        }
    }
}
