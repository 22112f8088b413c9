//! Degree, closeness and betweenness centrality on the person
//! co-appearance graph, exact (betweenness by Brandes' sums; its sampled
//! estimate is in [`betweenness`](super::betweenness)).

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
