//! Degree, closeness and betweenness centrality on the person
//! co-appearance graph.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;
use crate::query::distance::distance_sums;
use crate::query::graph::{CoGraph, by_name};
use crate::query::traverse::{Bfs, UNREACHED};

/// A centrality measure, to rank by with [`Centrality::ranked`].
///
/// # Example
///
/// ```
/// use hallyu::Measure;
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
    pub const ALL: [Measure; 4] = [
        Measure::Degree,
        Measure::SharedWorks,
        Measure::Closeness,
        Measure::Betweenness,
    ];

    /// The lowercase name: `degree`, `shared-works`, `closeness`, `betweenness`.
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
        let wanted = crate::search::normalize(s);
        Measure::ALL
            .into_iter()
            .find(|m| crate::search::normalize(m.name()) == wanted)
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
/// assert_eq!((me.degree, me.shared_works), (21, 32));
/// assert!((me.closeness - 0.4969329916919015).abs() < 1e-12); // as NetworkX computes it
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
    pub fn get(&self, person: PersonId) -> &PersonCentrality {
        &self.scores[person.index()]
    }

    /// Every person's scores, in data order.
    pub fn iter(&self) -> std::slice::Iter<'_, PersonCentrality> {
        self.scores.iter()
    }

    /// Whether the person is a node of the filter's graph (has a credit the
    /// filter counts); the others score zero and are not ranked.
    pub fn is_node(&self, person: PersonId) -> bool {
        self.nodes.get(person.index()).copied().unwrap_or(false)
    }

    /// How many people are not nodes of the filter's graph.
    pub fn left_out(&self) -> usize {
        self.nodes.iter().filter(|&&n| !n).count()
    }

    /// Every node ranked by a measure: highest first, then by name.
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
    pub fn explorer(&self) -> &'e Explorer {
        self.explorer
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
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter, Measure};
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
        let graph = CoGraph::new(self, filter);
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
                    person: PersonId(p as u32),
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
    let mut delta = vec![0.0f64; len];
    let mut bfs = Bfs::over(graph);
    for s in (0..len as u32).filter(|&s| graph.nodes[s as usize]) {
        for &v in &bfs.order {
            sigma[v as usize] = 0.0;
            delta[v as usize] = 0.0;
        }
        bfs.run_all(s);
        let (dist, order) = (&bfs.dist, &bfs.order);
        // Path counts, in order of discovery (by distance).
        sigma[s as usize] = 1.0;
        for &v in &order[1..] {
            let dv = dist[v as usize];
            sigma[v as usize] = graph
                .neighbours(v)
                .iter()
                .filter(|&&u| dist[u as usize] + 1 == dv)
                .map(|&u| sigma[u as usize])
                .sum();
        }
        // Dependencies, farthest first.
        for &w in order.iter().rev() {
            let dw = dist[w as usize];
            let coeff = (1.0 + delta[w as usize]) / sigma[w as usize];
            for &v in graph.neighbours(w) {
                if dist[v as usize] != UNREACHED && dist[v as usize] + 1 == dw {
                    delta[v as usize] += sigma[v as usize] * coeff;
                }
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
