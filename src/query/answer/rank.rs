//! [`Rank`]: people ranked by a centrality, computing only the measure
//! asked for, by a method that scales.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::query::by_name;
use crate::query::table::{Align, Table};
use crate::query::{BetweennessOptions, CentreProgress, Measure};

use super::*;

/// The limits of a [`Rank`]: how many people it shows, the largest graph
/// on which betweenness is exact, and the sampling above it.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::RankOptions;
/// use hallyu::query::BetweennessOptions;
///
/// let options = RankOptions::new().limit(5);
/// assert_eq!(options.get_limit(), 5);
/// assert_eq!(options.get_exact_up_to(), RankOptions::DEFAULT_EXACT_UP_TO);
/// assert_eq!(options.get_betweenness(), BetweennessOptions::new());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RankOptions {
    limit: usize,
    exact_up_to: usize,
    betweenness: BetweennessOptions,
}

impl RankOptions {
    /// The largest graph, in people, on which betweenness is exact by
    /// default: 5,000. Brandes' algorithm runs one search per person over
    /// the whole projection, on one core, and its time grows with the
    /// square of the graph (on synthetic sets in the IMDb layout, on a
    /// busy two-core machine: 4,682 people in 5.6 s, 7,968 in 17 s); above
    /// it betweenness is sampled with a stated error bound
    /// ([`Explorer::approximate_betweenness`]: about 36,500 paths for
    /// ε = 0.01, which grow with the log of the diameter, not the size).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    ///
    /// assert_eq!(RankOptions::DEFAULT_EXACT_UP_TO, 5_000);
    /// ```
    pub const DEFAULT_EXACT_UP_TO: usize = 5_000;

    /// The largest graph ranked by betweenness, in co-appearances
    /// ([`Explorer::co_appearance_count`]): 100,000,000. Exact or sampled,
    /// betweenness searches the person projection, built as a table of up
    /// to 16 bytes a co-appearance, which grows with the square of a cast
    /// (a title with a cast of 100,000 is five billion); above the limit
    /// ranking by betweenness is refused. Degree, shared works and
    /// closeness never build the projection.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    ///
    /// assert_eq!(RankOptions::MAX_PAIRS, 100_000_000);
    /// ```
    pub const MAX_PAIRS: u64 = 100_000_000;

    /// [`Options::DEFAULT_LIMIT`] people shown, betweenness exact up to
    /// [`RankOptions::DEFAULT_EXACT_UP_TO`] people, sampled above it with
    /// [`BetweennessOptions::new`] (ε = 0.01, δ = 0.1).
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
            exact_up_to: RankOptions::DEFAULT_EXACT_UP_TO,
            betweenness: BetweennessOptions::new(),
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

    /// Computes betweenness exactly on a graph of at most `people` people,
    /// by sampling above.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    ///
    /// assert_eq!(RankOptions::new().exact_up_to(0).get_exact_up_to(), 0);
    /// ```
    pub fn exact_up_to(mut self, people: usize) -> RankOptions {
        self.exact_up_to = people;
        self
    }

    /// How betweenness is sampled above [`RankOptions::exact_up_to`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    /// use hallyu::query::BetweennessOptions;
    ///
    /// let loose = BetweennessOptions::new().epsilon(0.05);
    /// assert_eq!(RankOptions::new().betweenness(loose).get_betweenness(), loose);
    /// ```
    pub fn betweenness(mut self, options: BetweennessOptions) -> RankOptions {
        self.betweenness = options;
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

    /// The largest graph on which betweenness is exact.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    ///
    /// assert_eq!(RankOptions::new().exact_up_to(10).get_exact_up_to(), 10);
    /// ```
    pub fn get_exact_up_to(&self) -> usize {
        self.exact_up_to
    }

    /// The sampling of betweenness above [`RankOptions::exact_up_to`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::RankOptions;
    ///
    /// assert_eq!(RankOptions::new().get_betweenness().get_epsilon(), 0.01);
    /// ```
    pub fn get_betweenness(&self) -> BetweennessOptions {
        self.betweenness
    }
}

impl Default for RankOptions {
    fn default() -> RankOptions {
        RankOptions::new()
    }
}

/// People ranked by one centrality of the co-appearance graph (`hallyu
/// rank`): highest first, then by name. Only the measure asked for is
/// computed, for the people it needs; every row also has the person's
/// degree and shared works (counted for the rows shown).
///
/// - **degree** and **shared works**: every node gets an upper bound on
///   both from one pass over the appearances, and people are counted in
///   order of it until the last row shown beats the next bound (method
///   `count`); no projection is built.
/// - **closeness**: exact ([`PersonCentrality::closeness`](crate::query::PersonCentrality::closeness)),
///   by the multi-source searches of [`Explorer::centre_top`], each stopped
///   as soon as a proven bound rules the person out of the top; a smaller
///   component is searched only when it could reach the top (method
///   `exact`).
/// - **betweenness**: Brandes' exact algorithm on a graph of at most
///   [`RankOptions::exact_up_to`] people (method `exact`), otherwise
///   sampled shortest paths ([`Explorer::approximate_betweenness`], method
///   `sampled`), every score within `error_bound` of the exact one with
///   probability at least `1 − delta`.
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
/// assert_eq!(rank.method.kind, "exact");
/// assert_eq!(rank.ranking[0].closeness, None); // not asked for
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
    /// How the measure was computed.
    pub method: RankMethod,
    /// The first people, highest first.
    pub ranking: Vec<Ranked>,
}

/// How a [`Rank`] computed its measure.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Rank, RankOptions};
/// use hallyu::query::{BetweennessOptions, Measure};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let sampled = RankOptions::new()
///     .exact_up_to(0)
///     .betweenness(BetweennessOptions::new().epsilon(0.05));
/// let rank = Rank::of(&explorer, &Filter::new(), Measure::Betweenness, &sampled)?;
/// assert_eq!(rank.method.kind, "sampled");
/// assert_eq!(rank.method.samples, 1_261);
/// assert!((rank.method.error_bound.unwrap() - 0.05 * 149.0 / 147.0).abs() < 1e-12);
/// assert_eq!(rank.method.delta, Some(0.1));
/// let by_degree = Rank::of(&explorer, &Filter::new(), Measure::Degree, &RankOptions::new().limit(3))?;
/// assert_eq!(by_degree.method.kind, "count");
/// assert!(by_degree.method.examined < by_degree.total); // not everyone counted
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RankMethod {
    /// `count` (degree and shared works, counted in order of a bound),
    /// `exact` (closeness; betweenness up to `exact_up_to` people) or
    /// `sampled` (betweenness above it).
    pub kind: String,
    /// The method in words, as the text prints it.
    pub description: String,
    /// People whose measure was computed: counted (degree, shared works),
    /// searched to the end (closeness: one search each), or searched from
    /// (exact betweenness: every node); 0 when sampled.
    pub examined: usize,
    /// Closeness searches stopped early by the bound (else 0).
    pub pruned: usize,
    /// Shortest paths sampled (betweenness above `exact_up_to`, else 0).
    pub samples: usize,
    /// The largest error of any score, with probability at least
    /// `1 − delta` (sampled betweenness only).
    pub error_bound: Option<f64>,
    /// The probability that some score misses by more than the bound
    /// (sampled betweenness only).
    pub delta: Option<f64>,
    /// The largest graph on which betweenness is exact
    /// ([`RankOptions::exact_up_to`]).
    pub exact_up_to: usize,
}

/// One person of a [`Rank`] and their measures: degree and shared works
/// always, closeness or betweenness when ranked by it (`None` otherwise).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Rank, RankOptions};
/// use hallyu::query::Measure;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let rank = Rank::of(&explorer, &Filter::new(), Measure::Closeness, &RankOptions::new())?;
/// let first = &rank.ranking[0];
/// assert_eq!((first.degree, first.shared_works), (27, 38));
/// assert!(first.closeness.is_some_and(|c| c > 0.47));
/// assert_eq!(first.betweenness, None);
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
    /// [`PersonCentrality::betweenness`](crate::query::PersonCentrality::betweenness)),
    /// or its estimate when sampled.
    pub betweenness: Option<f64>,
}

impl RankMethod {
    fn new(kind: &str, description: String, options: &RankOptions) -> RankMethod {
        RankMethod {
            kind: kind.to_string(),
            description,
            examined: 0,
            pruned: 0,
            samples: 0,
            error_bound: None,
            delta: None,
            exact_up_to: options.exact_up_to,
        }
    }
}

impl Rank {
    /// The people of `filter`'s graph ranked `by` a measure; the options'
    /// limit caps the people shown (and, for every measure but sampled
    /// betweenness, the work done).
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue) when
    /// ranking by betweenness would sample with `ε` or `δ` outside (0, 1)
    /// ([`BetweennessOptions::checked`]), or on a graph of more than
    /// [`RankOptions::MAX_PAIRS`] co-appearances.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Rank, RankOptions};
    /// use hallyu::query::Measure;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let by_degree = Rank::of(&explorer, &Filter::new(), Measure::Degree, &RankOptions::new().limit(3))?;
    /// assert_eq!(by_degree.ranking.len(), 3);
    /// assert_eq!(by_degree.ranking[0].person.name, "Park Seo-joon");
    /// assert_eq!(by_degree.ranking[0].closeness, None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(
        explorer: &Explorer,
        filter: &Filter,
        by: Measure,
        options: &RankOptions,
    ) -> crate::error::Result<Rank> {
        Rank::with_progress(explorer, filter, by, options, |_| {})
    }

    /// As [`Rank::of`], calling `progress` after every pass of the
    /// closeness searches (how many people of the main component are done).
    ///
    /// # Errors
    ///
    /// As [`Rank::of`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Rank, RankOptions};
    /// use hallyu::query::Measure;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let mut passes = Vec::new();
    /// let rank = Rank::with_progress(&explorer, &Filter::new(), Measure::Closeness,
    ///     &RankOptions::new().limit(3), |p| passes.push((p.done, p.total)))?;
    /// assert_eq!(passes.last(), Some(&(149, 149)));
    /// assert_eq!(rank.method.examined + rank.method.pruned, 149);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn with_progress(
        explorer: &Explorer,
        filter: &Filter,
        by: Measure,
        options: &RankOptions,
        progress: impl FnMut(CentreProgress),
    ) -> crate::error::Result<Rank> {
        let k = options.limit;
        let mut counts = crate::algo::CoCounts::new(explorer.graph.index(), filter);
        let mut row = |p: u32, value: f64| {
            let (degree, shared_works) = counts.of(p);
            Ranked {
                person: Person::of(explorer, explorer.graph.pid(p)),
                degree,
                shared_works,
                closeness: (by == Measure::Closeness).then_some(value),
                betweenness: (by == Measure::Betweenness).then_some(value),
            }
        };
        let (total, method, ranking) = match by {
            Measure::Degree | Measure::SharedWorks => {
                let (rows, examined, nodes) =
                    explorer.top_by_count(k, by == Measure::SharedWorks, filter);
                let mut method = RankMethod::new(
                    "count",
                    format!(
                        "{examined} of {nodes} people counted, in order of a bound on their co-stars"
                    ),
                    options,
                );
                method.examined = examined;
                let ranking = rows
                    .into_iter()
                    .map(|(p, degree, shared_works)| Ranked {
                        person: Person::of(explorer, explorer.graph.pid(p)),
                        degree,
                        shared_works,
                        closeness: None,
                        betweenness: None,
                    })
                    .collect();
                (nodes, method, ranking)
            }
            Measure::Closeness => {
                let top = explorer.top_closeness(k, filter, progress);
                let mut method = RankMethod::new(
                    "exact",
                    format!(
                        "exact: {} searches to the end, {} stopped by a bound on the sum of distances",
                        top.complete + top.others,
                        top.pruned
                    ),
                    options,
                );
                method.examined = top.complete + top.others;
                method.pruned = top.pruned;
                let ranking = top.rows.iter().map(|&(p, v)| row(p, v)).collect();
                (top.nodes, method, ranking)
            }
            Measure::Betweenness => {
                let pairs = explorer.co_appearance_count(filter);
                if pairs > RankOptions::MAX_PAIRS {
                    return Err(crate::error::Error::new(
                        crate::error::ErrorKind::InvalidValue {
                            what: "graph for betweenness",
                            value: format!("{pairs} co-appearances"),
                            expected: vec![format!(
                                "at most {} (betweenness searches the projection, which grows \
                                 with the square of a cast); narrow the filter (--kinds, --years, --roles)",
                                RankOptions::MAX_PAIRS
                            )],
                        },
                    ));
                }
                let (_, nodes) = crate::algo::node_set(explorer.graph.index(), filter);
                let (scores, is_node, method) = if nodes <= options.exact_up_to {
                    let (scores, is_node) = explorer.exact_betweenness(filter);
                    let mut method = RankMethod::new(
                        "exact",
                        format!(
                            "exact (Brandes): {nodes} searches, at most {} people",
                            options.exact_up_to
                        ),
                        options,
                    );
                    method.examined = nodes;
                    (scores, is_node, method)
                } else {
                    let sampling = options.betweenness.checked()?;
                    let approx = explorer.approximate_betweenness(sampling, filter);
                    let mut method = RankMethod::new(
                        "sampled",
                        format!(
                            "sampled: {} shortest paths, every score within {:.4} with probability {} \
                             (over {} people, exact up to {})",
                            approx.samples(),
                            approx.error_bound(),
                            1.0 - approx.confidence_delta(),
                            nodes,
                            options.exact_up_to
                        ),
                        options,
                    );
                    method.samples = approx.samples();
                    method.error_bound = Some(approx.error_bound());
                    method.delta = Some(approx.confidence_delta());
                    let (scores, is_node) = approx.into_parts();
                    (scores, is_node, method)
                };
                let top = top_k(explorer, &scores, &is_node, k);
                let ranking = top
                    .into_iter()
                    .map(|p| row(p, scores[p as usize]))
                    .collect();
                (nodes, method, ranking)
            }
        };
        Ok(Rank {
            by: by.name().to_string(),
            total,
            method,
            ranking,
        })
    }
}

/// The `k` nodes of highest score, highest first, then by name, without
/// sorting everyone.
fn top_k(explorer: &Explorer, scores: &[f64], nodes: &[bool], k: usize) -> Vec<u32> {
    let mut v: Vec<u32> = (0..scores.len() as u32)
        .filter(|&p| nodes[p as usize])
        .collect();
    let order = |a: &u32, b: &u32| {
        scores[*b as usize]
            .total_cmp(&scores[*a as usize])
            .then_with(|| by_name(explorer, *a, *b))
    };
    if k < v.len() {
        if k == 0 {
            return Vec::new();
        }
        v.select_nth_unstable_by(k - 1, order);
        v.truncate(k);
    }
    v.sort_by(order);
    v
}

impl fmt::Display for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (left, right) = (Align::Left, Align::Right);
        // The measure ranked by, when it is neither count.
        let extra = matches!(self.by.as_str(), "closeness" | "betweenness");
        let mut head = vec!["", "person", "degree", "shared works"];
        let mut align = vec![right, left, right, right];
        if extra {
            head.push(&self.by);
            align.push(right);
        }
        let mut t = Table::new(&align);
        t.row(head.into_iter().map(String::from).collect());
        for (i, p) in self.ranking.iter().enumerate() {
            let mut row = vec![
                format!("{}.", i + 1),
                p.person.display_name.clone(),
                p.degree.to_string(),
                p.shared_works.to_string(),
            ];
            if let Some(v) = p.closeness.or(p.betweenness) {
                row.push(format!("{v:.4}"));
            }
            t.row(row);
        }
        write!(f, "{t}")?;
        writeln!(
            f,
            "{} of {} people by {}; {}\n(shared works: each work counted once for every co-star it is shared with)",
            self.ranking.len(),
            self.total,
            self.by,
            self.method.description
        )
    }
}
