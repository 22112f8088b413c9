//! [`Centre`]: the people of least mean distance, exactly; and
//! [`CentreRow`], one row of the whole centre ranking.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::query::table::{Align, Table};
use crate::query::{CentreEntry, CentreOptions, PersonCentre};

use super::*;

/// The centre of the universe (`hallyu centre --top N`): the people of the
/// main component with the least mean distance to the rest of it, best
/// first, and how they were found.
///
/// The top is exact without a search from everyone (see
/// [`Explorer::centre_top`]). When the limit is more than the main
/// component holds, the other components follow, by size: then every
/// person is searched from ([`Explorer::centre_ranking`]).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Centre, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let centre = Centre::of(&explorer, &Filter::new(), &Options::new().limit(3));
/// assert_eq!(centre.centre[0].person.name, "Park Seo-joon");
/// assert_eq!(centre.centre.len(), 3);
/// assert!(centre.to_string().ends_with("stopped early by a bound\n"));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Centre {
    /// The most central people, best first (at most the limit).
    pub centre: Vec<Central>,
    /// How they were found.
    pub method: CentreMethod,
}

/// One person of [`Centre`]: the size of their component, their mean
/// distance to the rest of it and their greatest distance.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Centre, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let first = &Centre::of(&explorer, &Filter::new(), &Options::new()).centre[0];
/// assert_eq!((first.component_size, first.eccentricity), (149, 4));
/// assert_eq!(first.mean_distance, Some(2.114864864864865));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Central {
    /// The person.
    pub person: Person,
    /// The number of people of their component, themselves included.
    pub component_size: usize,
    /// The mean distance to the rest of the component (`None` when alone).
    pub mean_distance: Option<f64>,
    /// The greatest distance to anyone of the component.
    pub eccentricity: usize,
}

/// How [`Centre`] was found (JSON: the fields of the variant, untagged).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Centre, CentreMethod, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let centre = Centre::of(&explorer, &Filter::new(), &Options::new().limit(1));
/// assert!(matches!(centre.method, CentreMethod::Bounded { exact: true, .. }));
/// let everyone = Centre::of(&explorer, &Filter::new(), &Options::new().limit(150));
/// assert!(matches!(everyone.method, CentreMethod::EveryPerson { .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum CentreMethod {
    /// Searches from the likeliest people first, each other search stopped
    /// as soon as a bound proves it cannot make the top
    /// ([`Explorer::centre_top`]).
    Bounded {
        /// Always true: the answer is exact.
        exact: bool,
        /// Searches run to the end.
        complete_searches: usize,
        /// Searches stopped early by the bound.
        pruned_searches: usize,
        /// The number of people of the main component.
        component_size: usize,
    },
    /// One search from every person, over every component
    /// ([`Explorer::centre_ranking`]).
    EveryPerson {
        /// Always true: the answer is exact.
        exact: bool,
        /// `one per person`.
        searches: &'static str,
    },
}

impl Central {
    fn of(explorer: &Explorer, c: &CentreEntry) -> Central {
        Central {
            person: Person::of(explorer, c.person),
            component_size: c.component_size,
            mean_distance: c.mean_distance,
            eccentricity: c.eccentricity,
        }
    }
}

impl Centre {
    /// The `options.get_limit()` most central people under `filter`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Centre, Options};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let centre = Centre::of(&explorer, &Filter::new(), &Options::new().limit(5));
    /// let names: Vec<&str> = centre.centre.iter().map(|c| c.person.name.as_str()).collect();
    /// assert_eq!(names[..3], ["Park Seo-joon", "IU", "Yeo Jin-goo"]);
    /// ```
    pub fn of(explorer: &Explorer, filter: &Filter, options: &Options) -> Centre {
        let top = options.get_limit();
        let best = explorer.centre_top(top, CentreOptions::new(), filter);
        if best.entries().len() < top && best.component_size() < explorer.people().len() {
            // More than the main component: the others follow, by size.
            let ranking = explorer.centre_ranking(filter);
            return Centre {
                centre: ranking
                    .iter()
                    .take(top)
                    .map(|c| Central::of(explorer, c))
                    .collect(),
                method: CentreMethod::EveryPerson {
                    exact: true,
                    searches: "one per person",
                },
            };
        }
        Centre {
            centre: best
                .entries()
                .iter()
                .map(|c| Central::of(explorer, c))
                .collect(),
            method: CentreMethod::Bounded {
                exact: best.is_exact(),
                complete_searches: best.complete_searches(),
                pruned_searches: best.pruned_searches(),
                component_size: best.component_size(),
            },
        }
    }
}

impl fmt::Display for Centre {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let right = Align::Right;
        let mut t = Table::new(&[right, Align::Left, right, right, right]);
        t.row(
            ["", "person", "mean", "eccentricity", "component"]
                .map(String::from)
                .to_vec(),
        );
        for (i, c) in self.centre.iter().enumerate() {
            t.row(vec![
                format!("{}.", i + 1),
                c.person.display_name.clone(),
                c.mean_distance
                    .map_or("-".to_string(), |m| format!("{m:.3}")),
                c.eccentricity.to_string(),
                c.component_size.to_string(),
            ]);
        }
        match &self.method {
            CentreMethod::Bounded {
                complete_searches,
                pruned_searches,
                ..
            } => writeln!(
                f,
                "{t}exact: {complete_searches} complete search{}, {pruned_searches} stopped early by a bound",
                if *complete_searches == 1 { "" } else { "es" },
            ),
            CentreMethod::EveryPerson { .. } => writeln!(f, "{t}exact: one search per person"),
        }
    }
}

/// One row of the whole centre ranking (`hallyu centre --all`): a person of
/// the main component, their position in the search order, mean distance,
/// eccentricity and distance histogram. Its JSON is one line of
/// `--all --json`, written as soon as the row is found (the CSV lines the
/// command writes otherwise hold the same fields).
///
/// # Example
///
/// ```
/// use std::ops::ControlFlow;
/// use hallyu::query::CentreOptions;
/// use hallyu::query::answer::CentreRow;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let mut rows = Vec::new();
/// explorer.centre_all(CentreOptions::new(), &Filter::new(), |row| {
///     rows.push(CentreRow::of(&explorer, &row));
///     ControlFlow::Continue(())
/// });
/// assert_eq!((rows[0].id.as_str(), rows[0].eccentricity), ("park-seo-joon", 4));
/// assert_eq!(rows[0].histogram, [1, 27, 85, 28, 8]);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CentreRow {
    /// The position in the component's search order (resume after it with
    /// [`CentreOptions::start`] at `position + 1`).
    pub position: usize,
    /// The person's key.
    pub id: String,
    /// The person's name.
    pub name: String,
    /// The mean distance to the rest of the component (`None` when alone).
    pub mean_distance: Option<f64>,
    /// The greatest distance to anyone of the component.
    pub eccentricity: usize,
    /// `histogram[k]` people at distance `k` (entry 0 is the person).
    pub histogram: Vec<usize>,
}

impl CentreRow {
    /// The row of `row`, one person's distances.
    ///
    /// # Panics
    ///
    /// When `row.person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use hallyu::query::CentreOptions;
    /// use hallyu::query::answer::CentreRow;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let me = explorer.person("IU")?;
    /// let mut row = None;
    /// explorer.centre_of(&[me], CentreOptions::new(), &Filter::new(), |r| {
    ///     row = Some(CentreRow::of(&explorer, &r));
    ///     ControlFlow::Continue(())
    /// });
    /// assert_eq!(row.unwrap().id, "iu");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, row: &PersonCentre) -> CentreRow {
        let r = explorer.get(row.person);
        CentreRow {
            position: row.position,
            id: r.key().into_owned(),
            name: r.name().to_owned(),
            mean_distance: row.mean_distance(),
            eccentricity: row.eccentricity(),
            histogram: row.histogram.clone(),
        }
    }
}
