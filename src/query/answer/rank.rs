//! [`Rank`]: people ranked by a centrality, computing only what the size of
//! the graph allows.

use std::fmt;

use crate::error::{Error, ErrorKind};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::query::Measure;
use crate::query::by_name;
use crate::query::table::{Align, Table};

use super::*;

/// The limits of a [`Rank`]: how many people it shows, and the largest
/// graph on which it computes closeness and betweenness exactly.
///
/// Degree and shared works come from the co-appearance graph alone, at any
/// size. Closeness takes one breadth-first search per person and exact
/// betweenness (Brandes) another: on a graph of more than
/// [`RankOptions::max_people`] people (by default
/// [`RankOptions::DEFAULT_MAX_PEOPLE`]) they are not computed, and ranking
/// by either is refused.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::RankOptions;
///
/// let options = RankOptions::new().limit(5);
/// assert_eq!(options.get_limit(), 5);
/// assert_eq!(options.get_max_people(), RankOptions::DEFAULT_MAX_PEOPLE);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RankOptions {
    limit: usize,
    max_people: usize,
}

impl RankOptions {
    /// The largest graph, in people, on which closeness and betweenness
    /// are computed by default: 50,000 (two searches per person, each over
    /// the whole graph: about 10⁹ steps per million co-appearances).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    ///
    /// assert_eq!(RankOptions::DEFAULT_MAX_PEOPLE, 50_000);
    /// ```
    pub const DEFAULT_MAX_PEOPLE: usize = 50_000;

    /// [`Options::DEFAULT_LIMIT`] people shown, closeness and betweenness
    /// up to [`RankOptions::DEFAULT_MAX_PEOPLE`] people.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    ///
    /// assert_eq!(RankOptions::new(), RankOptions::default());
    /// ```
    pub fn new() -> RankOptions {
        RankOptions {
            limit: Options::DEFAULT_LIMIT,
            max_people: RankOptions::DEFAULT_MAX_PEOPLE,
        }
    }

    /// Shows at most `limit` people.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    ///
    /// assert_eq!(RankOptions::new().limit(3).get_limit(), 3);
    /// ```
    pub fn limit(mut self, limit: usize) -> RankOptions {
        self.limit = limit;
        self
    }

    /// Computes closeness and betweenness only on a graph of at most
    /// `max_people` people.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    ///
    /// assert_eq!(RankOptions::new().max_people(0).get_max_people(), 0);
    /// ```
    pub fn max_people(mut self, max_people: usize) -> RankOptions {
        self.max_people = max_people;
        self
    }

    /// The number of people shown, at most.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    ///
    /// assert_eq!(RankOptions::new().get_limit(), 20);
    /// ```
    pub fn get_limit(&self) -> usize {
        self.limit
    }

    /// The largest graph on which closeness and betweenness are computed.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    ///
    /// assert_eq!(RankOptions::new().max_people(10).get_max_people(), 10);
    /// ```
    pub fn get_max_people(&self) -> usize {
        self.max_people
    }
}

impl Default for RankOptions {
    fn default() -> RankOptions {
        RankOptions::new()
    }
}

/// People ranked by a centrality of the co-appearance graph (`hallyu
/// rank`): highest first, then by name, with each person's measures.
///
/// On a graph of at most [`RankOptions::max_people`] people every measure
/// is computed ([`Explorer::centrality`]); above it only degree and shared
/// works (`closeness` and `betweenness` are `None`). `method` says which.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Rank, RankOptions};
/// use hallyu::query::Measure;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let rank = Rank::of(&explorer, &Filter::new(), Measure::Betweenness, &RankOptions::new())?;
/// assert_eq!(rank.ranking[0].person.name, "Park Seo-joon");
/// assert_eq!(rank.method.measures.len(), 4);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Rank {
    /// The measure ranked by: `degree`, `shared-works`, `closeness`,
    /// `betweenness`.
    pub by: String,
    /// How many people are ranked: the people of the filter's graph
    /// (`ranking` holds at most the limit).
    pub total: usize,
    /// What was computed, and how.
    pub method: RankMethod,
    /// The first people, highest first.
    pub ranking: Vec<Ranked>,
}

/// What a [`Rank`] computed.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Rank, RankOptions};
/// use hallyu::query::Measure;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let rank = Rank::of(&explorer, &Filter::new(), Measure::Degree, &RankOptions::new().max_people(0))?;
/// assert_eq!(rank.method.measures, ["degree", "shared-works"]);
/// assert_eq!(rank.method.searches, 0);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RankMethod {
    /// The measures computed, by name: degree and shared works always,
    /// closeness and betweenness within the limit.
    pub measures: Vec<String>,
    /// The breadth-first searches run: none for degree and shared works,
    /// one per person for closeness and one per person for betweenness.
    pub searches: usize,
    /// The largest graph on which closeness and betweenness are computed
    /// ([`RankOptions::max_people`]).
    pub max_people: usize,
}

/// One person of a [`Rank`] and their measures (`None`: not computed).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Rank, RankOptions};
/// use hallyu::query::Measure;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let rank = Rank::of(&explorer, &Filter::new(), Measure::Degree, &RankOptions::new())?;
/// let first = &rank.ranking[0];
/// assert_eq!((first.degree, first.shared_works), (27, 38));
/// assert!(first.closeness.is_some_and(|c| c > 0.47));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Ranked {
    /// The person.
    pub person: Person,
    /// The number of distinct co-stars.
    pub degree: usize,
    /// The sum over co-stars of the number of shared works.
    pub shared_works: usize,
    /// Closeness (NetworkX's, see
    /// [`PersonCentrality::closeness`](crate::query::PersonCentrality::closeness)).
    pub closeness: Option<f64>,
    /// Betweenness (NetworkX's, see
    /// [`PersonCentrality::betweenness`](crate::query::PersonCentrality::betweenness)).
    pub betweenness: Option<f64>,
}

/// The refusal to rank `by` exactly on a graph of `people` people.
fn too_large(by: Measure, people: usize, max_people: usize) -> Error {
    let advice = match by {
        Measure::Betweenness => {
            "for an estimate with a stated error bound use \
             Explorer::approximate_betweenness"
        }
        _ => {
            "for the exact top closeness use `hallyu centre --top N` (Explorer::centre_top), \
              which stops most searches early"
        }
    };
    Error::new(ErrorKind::InvalidValue {
        what: "measure",
        value: format!("{by} on {people} people"),
        expected: vec![format!(
            "degree or shared-works; exact {by} takes one breadth-first search per person, \
             {people} searches, and the graph is above the limit of {max_people} people \
             (RankOptions::max_people); {advice}"
        )],
    })
}

impl Rank {
    /// The people of `filter`'s graph ranked `by` a measure; the options'
    /// limit caps the people shown.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidValue`] when `by` is closeness or betweenness
    /// and the graph has more than [`RankOptions::max_people`] people: it
    /// says how many searches that would take, and what to use instead
    /// ([`Explorer::centre_top`], [`Explorer::approximate_betweenness`]).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Rank, RankOptions};
    /// use hallyu::query::Measure;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let small = RankOptions::new().max_people(10);
    /// let refused = Rank::of(&explorer, &Filter::new(), Measure::Closeness, &small).unwrap_err();
    /// assert!(refused.to_string().contains("centre --top"));
    /// let by_degree = Rank::of(&explorer, &Filter::new(), Measure::Degree, &small.limit(3))?;
    /// assert_eq!(by_degree.ranking.len(), 3);
    /// assert_eq!(by_degree.ranking[0].closeness, None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(
        explorer: &Explorer,
        filter: &Filter,
        by: Measure,
        options: &RankOptions,
    ) -> crate::error::Result<Rank> {
        let (_, people) = crate::algo::node_set(explorer.graph.index(), filter);
        let (ranking, computed, searches): (Vec<Ranked>, &[Measure], usize) =
            if people <= options.max_people {
                let all = explorer.centrality(filter);
                let rows = all
                    .ranked(by)
                    .into_iter()
                    .take(options.limit)
                    .map(|s| Ranked {
                        person: Person::of(explorer, s.person),
                        degree: s.degree,
                        shared_works: s.shared_works,
                        closeness: Some(s.closeness),
                        betweenness: Some(s.betweenness),
                    });
                (rows.collect(), &Measure::ALL, 2 * people)
            } else if matches!(by, Measure::Closeness | Measure::Betweenness) {
                return Err(too_large(by, people, options.max_people));
            } else {
                let rows = by_degree(explorer, filter, by == Measure::Degree, options.limit);
                (rows, &[Measure::Degree, Measure::SharedWorks], 0)
            };
        Ok(Rank {
            by: by.name().to_string(),
            total: people,
            method: RankMethod {
                measures: computed.iter().map(|m| m.name().to_string()).collect(),
                searches,
                max_people: options.max_people,
            },
            ranking,
        })
    }
}

/// The first `limit` people by degree (or by shared works), from the
/// co-appearance graph alone: no search.
fn by_degree(explorer: &Explorer, filter: &Filter, degree: bool, limit: usize) -> Vec<Ranked> {
    let graph = crate::algo::co_graph(explorer.graph.index(), filter);
    let mut scores: Vec<(u32, usize, usize)> = (0..graph.len() as u32)
        .filter(|&p| graph.nodes[p as usize])
        .map(|p| {
            let shared = graph.weights(p).iter().map(|&w| w as usize).sum();
            (p, graph.neighbours(p).len(), shared)
        })
        .collect();
    let value = |s: &(u32, usize, usize)| if degree { s.1 } else { s.2 };
    scores.sort_by(|a, b| {
        value(b)
            .cmp(&value(a))
            .then_with(|| by_name(explorer, a.0, b.0))
    });
    let row = |&(p, degree, shared_works): &(u32, usize, usize)| Ranked {
        person: Person::of(explorer, explorer.graph.pid(p)),
        degree,
        shared_works,
        closeness: None,
        betweenness: None,
    };
    scores.iter().take(limit).map(row).collect()
}

impl fmt::Display for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (left, right) = (Align::Left, Align::Right);
        let mut t = Table::new(&[right, left, right, right, right, right]);
        let head = ["", "person", "degree", "works", "closeness", "betweenness"];
        t.row(head.map(String::from).to_vec());
        let score = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.4}"));
        for (i, p) in self.ranking.iter().enumerate() {
            t.row(vec![
                format!("{}.", i + 1),
                p.person.display_name.clone(),
                p.degree.to_string(),
                p.shared_works.to_string(),
                score(p.closeness),
                score(p.betweenness),
            ]);
        }
        write!(f, "{t}")?;
        if self.method.measures.len() < Measure::ALL.len() {
            writeln!(
                f,
                "closeness and betweenness not computed: {} people, above the limit of {} (--max-people)",
                self.total, self.method.max_people
            )?;
        }
        Ok(())
    }
}
