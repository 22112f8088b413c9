//! Degree, closeness and betweenness centrality on the person
//! co-appearance graph.

use std::fmt;
use std::str::FromStr;

use crate::algo::{Bfs, UNREACHED};
use crate::error::Error;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::cograph::CoGraph;
use crate::id::PersonId;
use crate::query::by_name;
use crate::query::distance::distance_sums;

/// A centrality measure, to rank by with [`Centrality::ranked`].
///
/// # Example
///
/// ```
/// use hallyu::query::Measure;
///
/// assert_eq!("betweenness".parse::<Measure>()?, Measure::Betweenness);
/// assert_eq!(Measure::SharedWorks.name(), "shared-works");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Measure {
    /// [`PersonCentrality::degree`]: the number of distinct co-stars.
    Degree,
    /// [`PersonCentrality::shared_works`]: the weighted degree.
    SharedWorks,
    /// [`PersonCentrality::closeness`].
    Closeness,
    /// [`PersonCentrality::betweenness`].
    Betweenness,
}

impl Measure {
    /// Every measure, in declaration order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Measure;
    ///
    /// let names: Vec<&str> = Measure::ALL.iter().map(|m| m.name()).collect();
    /// assert_eq!(names, ["degree", "shared-works", "closeness", "betweenness"]);
    /// for m in Measure::ALL {
    ///     assert_eq!(m.name().parse::<Measure>()?, m);
    /// }
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub const ALL: [Measure; 4] = [
        Measure::Degree,
        Measure::SharedWorks,
        Measure::Closeness,
        Measure::Betweenness,
    ];

    /// The lowercase name: `degree`, `shared-works`, `closeness`, `betweenness`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Measure;
    ///
    /// assert_eq!(Measure::SharedWorks.name(), "shared-works");
    /// assert_eq!(Measure::Closeness.name(), Measure::Closeness.to_string());
    /// assert_eq!("Shared works".parse::<Measure>()?, Measure::SharedWorks);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Measure::Degree => "degree",
            Measure::SharedWorks => "shared-works",
            Measure::Closeness => "closeness",
            Measure::Betweenness => "betweenness",
        }
    }
}

impl FromStr for Measure {
    type Err = Error;

    fn from_str(s: &str) -> Result<Measure, Error> {
        let wanted = crate::search::normalise(s);
        Measure::ALL
            .into_iter()
            .find(|m| crate::search::normalise(m.name()) == wanted)
            .ok_or_else(|| {
                Error::invalid_value(
                    "centrality measure",
                    s,
                    Measure::ALL.iter().map(|m| m.name().to_string()),
                )
            })
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The centrality of one person, part of [`Centrality`].
///
/// # Example
///
/// ```
/// use hallyu::query::PersonCentrality;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let iu = explorer.person("IU")?;
/// let centrality = explorer.centrality(&Filter::new());
/// let scores: &PersonCentrality = centrality.get(iu);
/// assert_eq!((scores.person, scores.degree, scores.shared_works), (iu, 19, 23));
/// assert!((scores.closeness - 0.4525993883792049).abs() < 1e-12);
/// assert!((scores.betweenness - 0.16829919665817178).abs() < 1e-12);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PersonCentrality {
    /// The person.
    pub person: PersonId,
    /// The number of distinct co-stars (NetworkX `G.degree[v]`).
    pub degree: usize,
    /// The sum over co-stars of the number of shared works (NetworkX
    /// `G.degree(weight="weight")[v]` with the shared-work count as weight).
    pub shared_works: usize,
    /// Closeness centrality with the Wasserman–Faust correction (NetworkX
    /// `closeness_centrality(G)`, `wf_improved=True`): with `r` the number
    /// of other people reachable, `s` the sum of their distances and `n` the
    /// number of people, `(r / s) · (r / (n − 1))`; 0 when `r` is 0.
    pub closeness: f64,
    /// Betweenness centrality (NetworkX `betweenness_centrality(G)`:
    /// `normalized=True`, `endpoints=False`): the sum over pairs `{s, t}`
    /// of other people of the share of shortest `s`–`t` paths through the
    /// person, divided by `(n − 1)(n − 2) / 2`.
    pub betweenness: f64,
}

impl PersonCentrality {
    /// The value of one measure, as a float.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Measure;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let centrality = explorer.centrality(&Filter::new());
    /// let me = centrality.get(explorer.person("Park Seo-joon")?);
    /// assert_eq!(me.value(Measure::Degree), 27.0);
    /// assert_eq!(me.value(Measure::SharedWorks), 38.0);
    /// assert_eq!(me.value(Measure::Betweenness), me.betweenness);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn value(&self, measure: Measure) -> f64 {
        match measure {
            Measure::Degree => self.degree as f64,
            Measure::SharedWorks => self.shared_works as f64,
            Measure::Closeness => self.closeness,
            Measure::Betweenness => self.betweenness,
        }
    }
}

/// Centrality measures of every person, created by [`Explorer::centrality`].
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let c = explorer.centrality(&Filter::new());
/// let me = c.get(explorer.person("Park Seo-joon")?);
/// assert_eq!((me.degree, me.shared_works), (27, 38));
/// assert!((me.closeness - 0.4728434504792332).abs() < 1e-12); // as NetworkX computes it
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Centrality<'e> {
    #[cfg_attr(feature = "serde", serde(skip))]
    explorer: &'e Explorer,
    /// Indexed by person; zero for people outside the node set.
    scores: Vec<PersonCentrality>,
    nodes: Vec<bool>,
}

impl<'e> Centrality<'e> {
    /// The scores of one person.
    ///
    /// # Panics
    ///
    /// When the id is not one of the explorer's people.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let centrality = explorer.centrality(&Filter::new());
    /// let woo_shik = explorer.person("Choi Woo-shik")?;
    /// assert_eq!(centrality.get(woo_shik).degree, 18);
    /// assert_eq!(centrality.get(woo_shik).shared_works, 28);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn get(&self, person: PersonId) -> &PersonCentrality {
        self.explorer.check(person.into());
        &self.scores[person.index()]
    }

    /// Every person's scores, in data order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let centrality = explorer.centrality(&Filter::new());
    /// assert_eq!(centrality.iter().len(), explorer.people().len());
    /// // Each co-appearing pair adds one to the degree of both.
    /// let degrees: usize = centrality.iter().map(|s| s.degree).sum();
    /// assert_eq!(degrees, 2 * explorer.projection(&Filter::new()).edge_count());
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, PersonCentrality> {
        self.scores.iter()
    }

    /// Whether the person is a node of the filter's graph (has a credit the
    /// filter counts); the others score zero and are not ranked.
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let centrality = explorer.centrality(&Filter::new());
    /// assert!(centrality.is_node(explorer.person("IU")?));
    /// let herman = explorer.person("Tamar Herman")?; // in no work
    /// assert!(!centrality.is_node(herman));
    /// assert_eq!(centrality.get(herman).closeness, 0.0);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn is_node(&self, person: PersonId) -> bool {
        self.explorer.check(person.into());
        self.nodes.get(person.index()).copied().unwrap_or(false)
    }

    /// How many people are not nodes of the filter's graph.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let centrality = explorer.centrality(&Filter::new());
    /// assert_eq!(centrality.left_out(), 17);
    /// assert_eq!(centrality.left_out(), explorer.components(&Filter::new()).left_out());
    /// ```
    pub fn left_out(&self) -> usize {
        self.nodes.iter().filter(|&&n| !n).count()
    }

    /// Every node ranked by a measure: highest first, then by name.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Measure;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let centrality = explorer.centrality(&Filter::new());
    /// let by_closeness = centrality.ranked(Measure::Closeness);
    /// let top: Vec<&str> =
    ///     by_closeness[..3].iter().map(|s| explorer.get(s.person).name()).collect();
    /// assert_eq!(top, ["Park Seo-joon", "IU", "Yeo Jin-goo"]);
    /// assert_eq!(by_closeness.len(), explorer.people().len() - centrality.left_out());
    /// ```
    pub fn ranked(&self, measure: Measure) -> Vec<&PersonCentrality> {
        let mut v: Vec<&PersonCentrality> = self
            .scores
            .iter()
            .filter(|s| self.nodes[s.person.index()])
            .collect();
        v.sort_by(|a, b| {
            b.value(measure)
                .total_cmp(&a.value(measure))
                .then_with(|| by_name(self.explorer, a.person.0, b.person.0))
        });
        v
    }

    /// The explorer the scores came from.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let centrality = explorer.centrality(&Filter::new());
    /// assert!(std::ptr::eq(centrality.explorer(), &explorer));
    /// ```
    pub fn explorer(&self) -> &'e Explorer {
        self.explorer
    }
}

/// One person of a ranking by a count (see [`Explorer::top_by_count`]):
/// position, distinct co-stars, shared works.
pub(crate) type CountRow = (u32, usize, usize);

/// The top of a closeness ranking (see [`Explorer::top_closeness`]).
pub(crate) struct ClosenessTop {
    /// `(person, closeness)`, highest first, then by name.
    pub(crate) rows: Vec<(u32, f64)>,
    /// Searches of the main component run to the end.
    pub(crate) complete: usize,
    /// Searches of the main component stopped by the bound.
    pub(crate) pruned: usize,
    /// Searches of people outside the main component (one each).
    pub(crate) others: usize,
    /// The nodes of the filter's graph.
    pub(crate) nodes: usize,
}

impl Explorer {
    /// The first `k` nodes by distinct co-stars (or, with `shared`, by
    /// shared works), highest first then by name, without the projection:
    /// every node gets an upper bound on both counts from one pass over the
    /// appearances, and people are counted exactly in order of that bound
    /// until the `k`-th best count exceeds the next bound (people of equal
    /// bound in name order, so that a tie stops it too: in a cast of
    /// 100,000 the top 10 count 10 people). Returns the rows, the people
    /// counted and the number of nodes.
    pub(crate) fn top_by_count(
        &self,
        k: usize,
        shared: bool,
        filter: &Filter,
    ) -> (Vec<CountRow>, usize, usize) {
        let index = self.graph.index();
        let mut bounds = crate::algo::costar_bounds(index, filter);
        let nodes = bounds.len();
        if k == 0 {
            return (Vec::new(), 0, nodes);
        }
        bounds.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let value = |degree: usize, works: usize| if shared { works } else { degree };
        let mut counts = crate::algo::CoCounts::new(index, filter);
        // The best k so far, in ranking order: value, then name, then id.
        type Key<'n> = (std::cmp::Reverse<usize>, &'n str, u32);
        let mut best: std::collections::BTreeMap<Key<'_>, (usize, usize)> =
            std::collections::BTreeMap::new();
        let name = |p: u32| self.name(self.graph.pid(p).into());
        let mut examined = 0;
        // People of equal bound are taken in name order, so that a tie with
        // the k-th row stops the count as soon as the names pass it.
        'groups: for group in bounds.chunk_by_mut(|a, b| a.0 == b.0) {
            let bound = group[0].0;
            if best.len() == k
                && let Some((last, _)) = best.last_key_value()
                && bound < last.0.0 as u64
            {
                break;
            }
            group.sort_unstable_by(|a, b| by_name(self, a.1, b.1));
            for &(_, p) in group.iter() {
                if best.len() == k
                    && let Some((last, _)) = best.last_key_value()
                    && bound == last.0.0 as u64
                    && (name(p), p) > (last.1, last.2)
                {
                    break 'groups;
                }
                let (degree, works) = counts.of(p);
                examined += 1;
                best.insert(
                    (std::cmp::Reverse(value(degree, works)), name(p), p),
                    (degree, works),
                );
                if best.len() > k {
                    best.pop_last();
                }
            }
        }
        let rows = best
            .into_iter()
            .map(|((_, _, p), (degree, works))| (p, degree, works))
            .collect();
        (rows, examined, nodes)
    }

    /// The first `k` nodes by closeness (as [`PersonCentrality::closeness`]),
    /// exactly: within the main component closeness falls as the sum of
    /// distances grows, so its top is [`Explorer::centre_top`]'s (searches
    /// stopped by a proven bound); a person of a component of `c` people
    /// has a closeness of at most `(c − 1) / (n − 1)`, so a smaller
    /// component is searched (one search per person) only when that bound
    /// reaches the `k`-th closeness found. `progress` is called after every
    /// pass of the main component's searches.
    pub(crate) fn top_closeness(
        &self,
        k: usize,
        filter: &Filter,
        mut progress: impl FnMut(crate::query::CentreProgress),
    ) -> ClosenessTop {
        let index = self.graph.index();
        let (labels, count) = crate::algo::component_labels(index, filter);
        let mut sizes = vec![0usize; count];
        for &l in labels.iter().filter(|&&l| l != UNREACHED) {
            sizes[l as usize] += 1;
        }
        let n = sizes.iter().sum::<usize>();
        let mut out = ClosenessTop {
            rows: Vec::new(),
            complete: 0,
            pruned: 0,
            others: 0,
            nodes: n,
        };
        if k == 0 || n == 0 {
            return out;
        }
        let closeness = |r: usize, sum: u64| {
            let r = r as f64;
            if sum > 0 && n > 1 {
                (r / sum as f64) * (r / (n - 1) as f64)
            } else {
                0.0
            }
        };
        let options = crate::query::CentreOptions::new().progress(|p| {
            progress(p);
            std::ops::ControlFlow::Continue(())
        });
        let top = self.centre_top(k, options, filter);
        out.complete = top.complete_searches();
        out.pruned = top.pruned_searches();
        let main = top.entries().first().map(|e| labels[e.person.index()]);
        let c = top.component_size();
        for e in top.entries() {
            // The sum of distances, back from the mean (an integer below 2⁵³).
            let sum = e
                .mean_distance
                .map_or(0, |m| (m * (c - 1) as f64).round() as u64);
            out.rows
                .push((e.person.index() as u32, closeness(c - 1, sum)));
        }
        let kth = |rows: &[(u32, f64)]| {
            if rows.len() < k {
                f64::NEG_INFINITY
            } else {
                rows.iter().map(|r| r.1).fold(f64::INFINITY, f64::min)
            }
        };
        let threshold = kth(&out.rows);
        // The other components that may reach the top, smallest label first.
        let wanted: Vec<bool> = (0..count)
            .map(|l| {
                Some(l as u32) != main
                    && sizes[l] > 1
                    && (sizes[l] - 1) as f64 / (n - 1) as f64 >= threshold
            })
            .collect();
        if wanted.iter().any(|&w| w) {
            let mut bfs = Bfs::new(index, filter);
            for (p, &l) in labels.iter().enumerate() {
                if l == UNREACHED || !wanted[l as usize] {
                    continue;
                }
                bfs.run_all(p as u32);
                let sum: u64 = bfs
                    .order
                    .iter()
                    .map(|&q| u64::from(bfs.dist[q as usize]))
                    .sum();
                out.rows
                    .push((p as u32, closeness(bfs.order.len() - 1, sum)));
                out.others += 1;
            }
        }
        // Too few: the people alone (closeness 0), by name.
        if out.rows.len() < k {
            let mut alone: Vec<u32> = (0..labels.len() as u32)
                .filter(|&p| {
                    let l = labels[p as usize];
                    l != UNREACHED && sizes[l as usize] == 1
                })
                .collect();
            alone.sort_by(|&a, &b| by_name(self, a, b));
            alone.truncate(k - out.rows.len());
            out.rows.extend(alone.into_iter().map(|p| (p, 0.0)));
        }
        out.rows
            .sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| by_name(self, a.0, b.0)));
        out.rows.truncate(k);
        out
    }

    /// Exact betweenness of every person (Brandes on the projection; see
    /// [`Explorer::centrality`]), and the node flags: one search per node.
    pub(crate) fn exact_betweenness(&self, filter: &Filter) -> (Vec<f64>, Vec<bool>) {
        let graph = crate::algo::co_graph(self.graph.index(), filter);
        (brandes(&graph), graph.nodes)
    }
}

impl Explorer {
    /// Degree, closeness and betweenness centrality of every person.
    ///
    /// The graph is the person co-appearance graph ([`Explorer::projection`]):
    /// one node per person with a credit the filter counts (the others are
    /// not nodes: they score zero, are not ranked and are not counted in
    /// `n`), an undirected edge between two
    /// people who share at least one work counted by the filter, weighted by
    /// the number of shared works for [`PersonCentrality::shared_works`]
    /// only (distances count hops). The definitions and normalisations are
    /// NetworkX's defaults, so the numbers can be compared with
    /// `nx.closeness_centrality(G)` and `nx.betweenness_centrality(G)`
    /// (`scripts/networkx_fixtures.py` does).
    ///
    /// Closeness runs one breadth-first search per person; betweenness is
    /// Brandes' algorithm, exact, O(people × co-appearances).
    ///
    /// It runs whatever the size (about an hour at 100,000 people): for a
    /// large graph, ask for one measure through
    /// [`Rank`](crate::query::answer::Rank), which counts degree
    /// without the projection, finds the top closeness exactly without a
    /// search from everyone, and samples betweenness above a size it says.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Measure;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let c = explorer.centrality(&Filter::new());
    /// let top = c.ranked(Measure::Betweenness)[0];
    /// assert_eq!(explorer.get(top.person).name(), "Park Seo-joon");
    /// assert!(top.betweenness > 0.0 && top.betweenness <= 1.0);
    /// let me = explorer.person("Park Seo-joon")?;
    /// assert_eq!(c.get(me).degree, explorer.co_appearances(me, &Filter::new()).len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn centrality(&self, filter: &Filter) -> Centrality<'_> {
        let graph = crate::algo::co_graph(self.graph.index(), filter);
        let n = graph.node_count;
        let sums = distance_sums(&graph);
        let betweenness = brandes(&graph);
        let scores = (0..graph.len())
            .map(|p| {
                let (reached, sum, _) = sums[p];
                let r = reached.saturating_sub(1) as f64;
                let closeness = if sum > 0 && n > 1 {
                    (r / sum as f64) * (r / (n - 1) as f64)
                } else {
                    0.0
                };
                PersonCentrality {
                    person: self.graph.pid(p as u32),
                    degree: graph.neighbours(p as u32).len(),
                    shared_works: graph.weights(p as u32).iter().map(|&w| w as usize).sum(),
                    closeness,
                    betweenness: betweenness[p],
                }
            })
            .collect();
        Centrality {
            explorer: self,
            scores,
            nodes: graph.nodes,
        }
    }
}

/// Brandes' betweenness, normalised as NetworkX does for an undirected
/// graph without endpoints: the sums over ordered pairs times
/// `1 / ((n − 1)(n − 2))`.
fn brandes(graph: &CoGraph) -> Vec<f64> {
    let len = graph.len();
    let n = graph.node_count;
    let mut cb = vec![0.0f64; len];
    let mut sigma = vec![0.0f64; len];
    // ln σ, used for a source whose path counts pass f64's range (a chain
    // of 1,100 diamonds has 2^1100 shortest paths): only ratios of counts
    // enter the dependencies, and those stay finite in log space.
    let mut log_sigma = vec![0.0f64; len];
    let mut delta = vec![0.0f64; len];
    let mut bfs = Bfs::over(graph);
    for s in (0..len as u32).filter(|&s| graph.nodes[s as usize]) {
        for &v in &bfs.order {
            sigma[v as usize] = 0.0;
            delta[v as usize] = 0.0;
        }
        bfs.run_all(s);
        let (dist, order) = (&bfs.dist, &bfs.order);
        let preds = |v: u32| {
            let dv = dist[v as usize];
            graph
                .neighbours(v)
                .iter()
                .copied()
                .filter(move |&u| dist[u as usize] != UNREACHED && dist[u as usize] + 1 == dv)
        };
        // Path counts, in order of discovery (by distance).
        sigma[s as usize] = 1.0;
        for &v in &order[1..] {
            sigma[v as usize] = preds(v).map(|u| sigma[u as usize]).sum();
        }
        let overflow = order.iter().any(|&v| !sigma[v as usize].is_finite());
        if overflow {
            log_sigma[s as usize] = 0.0;
            for &v in &order[1..] {
                let logs: Vec<f64> = preds(v).map(|u| log_sigma[u as usize]).collect();
                let max = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                log_sigma[v as usize] =
                    max + logs.iter().map(|&l| (l - max).exp()).sum::<f64>().ln();
            }
        }
        // σ(v) / σ(w), directly or from the logarithms.
        let ratio = |v: u32, w: u32| {
            if overflow {
                (log_sigma[v as usize] - log_sigma[w as usize]).exp()
            } else {
                sigma[v as usize] / sigma[w as usize]
            }
        };
        // Dependencies, farthest first.
        for &w in order.iter().rev() {
            let coeff = 1.0 + delta[w as usize];
            for v in preds(w) {
                delta[v as usize] += ratio(v, w) * coeff;
            }
            if w != s {
                cb[w as usize] += delta[w as usize];
            }
        }
    }
    if n > 2 {
        let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
        for c in &mut cb {
            *c *= scale;
        }
    }
    cb
}

/// How [`Explorer::approximate_betweenness`] samples: the error bound, the
/// probability of exceeding it, the seed and the threads.
///
/// # Example
///
/// ```
/// use hallyu::query::BetweennessOptions;
///
/// let options = BetweennessOptions::new().epsilon(0.02).delta(0.1);
/// // 1250 · (⌊log₂ 6⌋ + 1 + ln 10) = 6628.2…
/// assert_eq!(options.samples_for(8), 6_629);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BetweennessOptions {
    epsilon: f64,
    delta: f64,
    seed: u64,
    threads: usize,
}

impl Default for BetweennessOptions {
    fn default() -> Self {
        BetweennessOptions::new()
    }
}

impl BetweennessOptions {
    /// ε = 0.01, δ = 0.1, seed 0, every core.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    ///
    /// let options = BetweennessOptions::new();
    /// assert_eq!(options, BetweennessOptions::default());
    /// // ε = 0.01, δ = 0.1: 5000 · (⌊log₂ 6⌋ + 1 + ln 10) = 26512.9…
    /// assert_eq!(options.samples_for(8), 26_513);
    /// ```
    pub fn new() -> BetweennessOptions {
        BetweennessOptions {
            epsilon: 0.01,
            delta: 0.1,
            seed: 0,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }

    /// The largest error allowed on any person's score (before NetworkX's
    /// normalisation; see [`ApproxBetweenness::error_bound`]).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    ///
    /// // A bound ten times looser takes a hundred times fewer samples.
    /// assert_eq!(BetweennessOptions::new().samples_for(8), 26_513);
    /// assert_eq!(BetweennessOptions::new().epsilon(0.1).samples_for(8), 266);
    /// ```
    pub fn epsilon(mut self, epsilon: f64) -> Self {
        self.epsilon = epsilon;
        self
    }

    /// The probability that some score misses by more than the bound.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    ///
    /// // 5000 · (⌊log₂ 6⌋ + 1 + ln 100) = 38025.8…
    /// assert_eq!(BetweennessOptions::new().delta(0.01).samples_for(8), 38_026);
    /// ```
    pub fn delta(mut self, delta: f64) -> Self {
        self.delta = delta;
        self
    }

    /// The seed of the sampling.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let options = BetweennessOptions::new().epsilon(0.05).threads(2).seed(7);
    /// let once = explorer.approximate_betweenness(options, &Filter::new());
    /// let again = explorer.approximate_betweenness(options, &Filter::new());
    /// assert_eq!(once.ranked(), again.ranked()); // the same seed draws the same paths
    /// ```
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Runs on this many threads (at least 1).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let options = BetweennessOptions::new().epsilon(0.05);
    /// let none = explorer.approximate_betweenness(options.threads(0), &Filter::new());
    /// let one = explorer.approximate_betweenness(options.threads(1), &Filter::new());
    /// assert_eq!(none.ranked(), one.ranked()); // 0 threads is 1
    /// ```
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
    }

    /// The options, or an error naming the allowed ranges when `ε` or `δ`
    /// is outside (0, 1) (a NaN included): `ε = 0` would sample without
    /// end, a negative or NaN one nothing.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue) naming
    /// the value and the range.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    ///
    /// assert!(BetweennessOptions::new().epsilon(0.05).checked().is_ok());
    /// for bad in [0.0, -1.0, 1.0, f64::NAN] {
    ///     let err = BetweennessOptions::new().epsilon(bad).checked().unwrap_err();
    ///     assert!(err.to_string().contains("between 0 and 1"), "{err}");
    /// }
    /// assert!(BetweennessOptions::new().delta(0.0).checked().is_err());
    /// ```
    pub fn checked(self) -> crate::error::Result<BetweennessOptions> {
        for (what, v) in [
            ("betweenness error bound ε", self.epsilon),
            ("betweenness failure probability δ", self.delta),
        ] {
            if !(v > 0.0 && v < 1.0) {
                return Err(Error::new(crate::error::ErrorKind::InvalidValue {
                    what,
                    value: v.to_string(),
                    expected: vec!["a number between 0 and 1, both excluded".to_string()],
                }));
            }
        }
        Ok(self)
    }

    /// The error bound `ε` (see [`BetweennessOptions::epsilon`]).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    ///
    /// assert_eq!(BetweennessOptions::new().get_epsilon(), 0.01);
    /// ```
    pub fn get_epsilon(&self) -> f64 {
        self.epsilon
    }

    /// The number of shortest paths sampled for a graph whose vertex
    /// diameter (people on a longest shortest path) is at most
    /// `vertex_diameter`: `⌈(c / ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1 / δ))⌉` with
    /// `c = 0.5` (Riondato and Kornaropoulos, WSDM 2014).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    ///
    /// let options = BetweennessOptions::new();
    /// // 5000 · (⌊log₂ 1⌋ + 1 + ln 10) = 16512.9…
    /// assert_eq!(options.samples_for(3), 16_513);
    /// assert_eq!(options.samples_for(0), 16_513); // as for 3
    /// assert_eq!(options.samples_for(4), 21_513);
    /// ```
    pub fn samples_for(&self, vertex_diameter: usize) -> usize {
        let vd = vertex_diameter.max(3) as f64;
        let r = 0.5 / (self.epsilon * self.epsilon)
            * ((vd - 2.0).log2().floor() + 1.0 + (1.0 / self.delta).ln());
        r.ceil() as usize
    }
}

/// Betweenness estimated from sampled shortest paths, created by
/// [`Explorer::approximate_betweenness`].
///
/// # Example
///
/// ```
/// use hallyu::query::{ApproxBetweenness, BetweennessOptions};
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let f = Filter::new();
/// let approx: ApproxBetweenness<'_> =
///     explorer.approximate_betweenness(BetweennessOptions::new().epsilon(0.05), &f);
/// let exact = explorer.centrality(&f);
/// let me = explorer.person("Park Seo-joon")?;
/// assert!((approx.get(me) - exact.get(me).betweenness).abs() <= approx.error_bound());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ApproxBetweenness<'e> {
    explorer: &'e Explorer,
    scores: Vec<f64>,
    nodes: Vec<bool>,
    samples: usize,
    bound: f64,
    delta: f64,
}

impl<'e> ApproxBetweenness<'e> {
    /// The estimate for one person, normalised as
    /// [`PersonCentrality::betweenness`] (0 for people outside the node set).
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let approx = explorer.approximate_betweenness(BetweennessOptions::new().epsilon(0.05), &f);
    /// let iu = explorer.person("IU")?;
    /// assert!((approx.get(iu) - explorer.centrality(&f).get(iu).betweenness).abs() <= 0.05125);
    /// assert_eq!(approx.get(explorer.person("Tamar Herman")?), 0.0); // not a node
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn get(&self, person: PersonId) -> f64 {
        self.explorer.check(person.into());
        self.scores.get(person.index()).copied().unwrap_or(0.0)
    }

    /// With probability at least `1 − δ`, every estimate is within this of
    /// the exact [`PersonCentrality::betweenness`]: `ε · n / (n − 2)`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let options = BetweennessOptions::new().epsilon(0.05);
    /// let approx = explorer.approximate_betweenness(options, &Filter::new());
    /// let n = explorer.projection(&Filter::new()).node_count() as f64;
    /// assert!((approx.error_bound() - 0.05 * n / (n - 2.0)).abs() < 1e-12);
    /// ```
    pub fn error_bound(&self) -> f64 {
        self.bound
    }

    /// The `δ` of the guarantee.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let options = BetweennessOptions::new().epsilon(0.05).delta(0.2);
    /// let approx = explorer.approximate_betweenness(options, &Filter::new());
    /// assert_eq!(approx.confidence_delta(), 0.2);
    /// ```
    pub fn confidence_delta(&self) -> f64 {
        self.delta
    }

    /// The number of shortest paths sampled.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let options = BetweennessOptions::new().epsilon(0.05);
    /// let approx = explorer.approximate_betweenness(options, &Filter::new());
    /// assert_eq!(approx.samples(), 1_261);
    /// // The first person searched (Ahn Jae-hyun) has an eccentricity of 5,
    /// // so the vertex diameter is at most 11.
    /// assert_eq!(approx.samples(), options.samples_for(11));
    /// ```
    pub fn samples(&self) -> usize {
        self.samples
    }

    /// Every node, highest estimate first, then by name.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let options = BetweennessOptions::new().epsilon(0.05);
    /// let approx = explorer.approximate_betweenness(options, &Filter::new());
    /// let ranked = approx.ranked();
    /// let top: Vec<&str> = ranked[..2].iter().map(|&(p, _)| explorer.get(p).name()).collect();
    /// assert_eq!(top[0], "Park Seo-joon"); // as the exact ranking
    /// // Exact: Yeo Jin-goo 0.170, IU 0.168, Han So-hee 0.163, closer than ε = 0.05
    /// // can tell apart; the estimate puts any of them second.
    /// assert!(["Yeo Jin-goo", "IU", "Han So-hee"].contains(&top[1]));
    /// assert!(ranked.windows(2).all(|w| w[0].1 >= w[1].1));
    /// ```
    pub fn ranked(&self) -> Vec<(PersonId, f64)> {
        let mut v: Vec<(PersonId, f64)> = (0..self.scores.len())
            .filter(|&p| self.nodes[p])
            .map(|p| (self.explorer.graph.pid(p as u32), self.scores[p]))
            .collect();
        v.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| by_name(self.explorer, a.0.0, b.0.0))
        });
        v
    }
}

impl ApproxBetweenness<'_> {
    /// The scores by person and the node flags.
    pub(crate) fn into_parts(self) -> (Vec<f64>, Vec<bool>) {
        (self.scores, self.nodes)
    }
}

impl Explorer {
    /// Betweenness centrality estimated with a stated error bound, for
    /// graphs where Brandes' exact algorithm ([`Explorer::centrality`], one
    /// search per person) is too slow.
    ///
    /// Riondato and Kornaropoulos ("Fast approximation of betweenness
    /// centrality through sampling", WSDM 2014): draw
    /// [`BetweennessOptions::samples_for`] pairs of people uniformly, take
    /// one of their shortest paths uniformly (by a balanced bidirectional
    /// search, as KADABRA does, which on a small world reaches about the
    /// square root of what one search from an end does), and credit its
    /// interior people. With probability at least `1 − δ` every score is within
    /// [`ApproxBetweenness::error_bound`] of the exact one. The vertex
    /// diameter is bounded by `2 · eccentricity + 1` of one person.
    ///
    /// # Panics
    ///
    /// When `ε` or `δ` is outside (0, 1), a NaN included (`ε = 0` would
    /// sample without end): [`BetweennessOptions::checked`] tells
    /// beforehand, with the message.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::BetweennessOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let approx = explorer.approximate_betweenness(BetweennessOptions::new().epsilon(0.05), &f);
    /// let exact = explorer.centrality(&f);
    /// for p in explorer.people() {
    ///     assert!((approx.get(p) - exact.get(p).betweenness).abs() <= approx.error_bound());
    /// }
    /// ```
    pub fn approximate_betweenness(
        &self,
        options: BetweennessOptions,
        filter: &Filter,
    ) -> ApproxBetweenness<'_> {
        use crate::algo::sampled::{PathSampler, Rng};
        if let Err(e) = options.checked() {
            panic!("{e}");
        }
        let graph = crate::algo::co_graph(self.graph.index(), filter);
        let nodes: Vec<u32> = (0..graph.len() as u32)
            .filter(|&p| graph.nodes[p as usize])
            .collect();
        let n = nodes.len();
        let mut scores = vec![0.0; graph.len()];
        let mut out = ApproxBetweenness {
            explorer: self,
            scores: Vec::new(),
            nodes: graph.nodes.clone(),
            samples: 0,
            bound: options.epsilon * n as f64 / (n.max(3) - 2) as f64,
            delta: options.delta,
        };
        if n < 3 {
            out.scores = scores;
            return out;
        }
        // Vertex diameter ≤ 2 · eccentricity + 1, over every component.
        let mut bfs = Bfs::over(&graph);
        let mut ecc = 0;
        let mut seen = vec![false; graph.len()];
        for &s in &nodes {
            if seen[s as usize] {
                continue;
            }
            bfs.run_all(s);
            for &q in &bfs.order {
                seen[q as usize] = true;
            }
            let last = *bfs.order.last().expect("the source");
            ecc = ecc.max(bfs.dist[last as usize] as usize);
        }
        let r = options.samples_for(2 * ecc + 1);
        out.samples = r;
        let threads = options.threads.min(r).max(1);
        let parts: Vec<Vec<u32>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (graph, nodes) = (&graph, &nodes);
                    let share = r / threads + usize::from(t < r % threads);
                    scope.spawn(move || {
                        let mut hits = vec![0u32; graph.len()];
                        let mut rng = Rng(options.seed ^ (0x6265_7477 + t as u64 * 0x1_0000_0001));
                        let mut sampler = PathSampler::new(graph);
                        let mut inner = Vec::new();
                        for _ in 0..share {
                            // A pair of two distinct nodes, uniformly.
                            let i = rng.below(n);
                            let mut j = rng.below(n - 1);
                            if j >= i {
                                j += 1;
                            }
                            let (u, v) = (nodes[i], nodes[j]);
                            if sampler.sample(u, v, &mut rng, &mut inner).is_some() {
                                for &z in &inner {
                                    hits[z as usize] += 1;
                                }
                            }
                        }
                        hits
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a sampling thread"))
                .collect()
        });
        // RK estimate b(v) over ordered pairs / n(n − 1); NetworkX divides
        // by (n − 1)(n − 2) and excludes v as an endpoint: × n / (n − 2).
        let scale = n as f64 / (n - 2) as f64 / r as f64;
        for part in parts {
            for (s, h) in scores.iter_mut().zip(part) {
                *s += f64::from(h) * scale;
            }
        }
        out.scores = scores;
        out
    }
}
