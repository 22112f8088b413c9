//! Betweenness estimated from sampled shortest paths (Riondato and
//! Kornaropoulos' bound, KADABRA's balanced bidirectional sampling), for
//! graphs too large for Brandes' exact sums in [`centrality`](super::centrality).

use crate::algo::Bfs;
use crate::error::Error;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;
use crate::query::by_name;

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
    /// [`PersonCentrality::betweenness`](super::PersonCentrality::betweenness) (0 for people outside the node set).
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
    /// the exact [`PersonCentrality::betweenness`](super::PersonCentrality::betweenness): `ε · n / (n − 2)`.
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
