//! Distances from one person (Bacon numbers), and the centre ranking.

use std::fmt;

use crate::algo::{self, Bfs, UNREACHED};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::cograph::CoGraph;
use crate::id::PersonId;
use crate::query::by_name;

/// The distances from one person to everyone else, created by
/// [`Explorer::distances`].
///
/// The distance of a person is the number of shared works on a shortest
/// chain (their "Bacon number"); the person asked about is at distance 0.
/// People no chain reaches are listed by [`Distances::unreachable`], not
/// dropped.
///
/// Prints the histogram, one line per distance, then the mean, the
/// eccentricity, the farthest people and the number of unreachable people.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let d = explorer.distances(explorer.person("Park Seo-joon")?, &Filter::new());
/// assert_eq!(d.histogram(), &[1, 27, 85, 28, 8]);
/// assert_eq!(d.eccentricity(), 4);
/// assert_eq!(explorer.get(d.farthest()[0]).name(), "G.NA");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Distances<'e> {
    explorer: &'e Explorer,
    person: PersonId,
    dist: Vec<u32>,
    histogram: Vec<usize>,
    sum: u64,
    farthest: Vec<PersonId>,
    /// The unreached nodes in id order; sorted by name on first use (on a
    /// large import that sort costs more than the rest of the answer).
    unreached: Vec<PersonId>,
    unreachable: std::sync::OnceLock<Vec<PersonId>>,
    left_out: usize,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Distances<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Distances", 5)?;
        s.serialize_field("person", &self.person)?;
        s.serialize_field("histogram", &self.histogram)?;
        s.serialize_field("farthest", &self.farthest)?;
        s.serialize_field("unreachable", self.unreachable())?;
        s.serialize_field("left_out", &self.left_out)?;
        s.end()
    }
}

impl<'e> Distances<'e> {
    /// The person the distances are measured from.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// let d = explorer.distances(iu, &Filter::new());
    /// assert_eq!(d.person(), iu);
    /// assert_eq!(d.distance(d.person()), Some(0));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn person(&self) -> PersonId {
        self.person
    }

    /// The distance to `other`, or `None` when no chain reaches them.
    ///
    /// # Panics
    ///
    /// When `other` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::WorkKind;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let me = explorer.person("Park Seo-joon")?;
    /// let d = explorer.distances(me, &Filter::new());
    /// assert_eq!(d.distance(explorer.person("IU")?), Some(1));
    /// assert_eq!(d.distance(explorer.person("Junsu")?), Some(3));
    /// // Through music videos only, Kim So-hyun is in another component.
    /// let videos = explorer.distances(me, &Filter::new().kinds([WorkKind::MusicVideo]));
    /// assert_eq!(videos.distance(explorer.person("Kim So-hyun")?), None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn distance(&self, other: PersonId) -> Option<usize> {
        self.explorer.check(other.into());
        match self.dist.get(other.index()) {
            Some(&d) if d != UNREACHED => Some(d as usize),
            _ => None,
        }
    }

    /// `histogram()[k]` is the number of people at distance `k`; entry 0
    /// counts the person themselves, so the entries sum to
    /// [`Distances::reachable`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let d = explorer.distances(explorer.person("IU")?, &Filter::new());
    /// assert_eq!(d.histogram(), &[1, 19, 86, 36, 7]);
    /// assert_eq!(d.histogram().iter().sum::<usize>(), d.reachable());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn histogram(&self) -> &[usize] {
        &self.histogram
    }

    /// The number of people reached, the person included: the size of
    /// their connected component.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::WorkKind;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// assert_eq!(explorer.distances(explorer.person("IU")?, &f).reachable(), 149);
    /// // Through music videos only, Kim So-hyun reaches Hini alone.
    /// let videos = Filter::new().kinds([WorkKind::MusicVideo]);
    /// assert_eq!(explorer.distances(explorer.person("Kim So-hyun")?, &videos).reachable(), 2);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn reachable(&self) -> usize {
        self.histogram.iter().sum()
    }

    /// The mean distance to the other people reached, or `None` when nobody
    /// else is reached.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let d = explorer.distances(explorer.person("Park Seo-joon")?, &f);
    /// assert_eq!(d.mean(), Some(2.114864864864865)); // 313 hops to 148 people
    /// // In no counted work, Tamar Herman reaches nobody else.
    /// assert_eq!(explorer.distances(explorer.person("Tamar Herman")?, &f).mean(), None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn mean(&self) -> Option<f64> {
        let others = self.reachable() - 1;
        (others > 0).then(|| self.sum as f64 / others as f64)
    }

    /// The greatest distance to anyone reached (0 when nobody else is).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let d = explorer.distances(explorer.person("IU")?, &f);
    /// assert_eq!(d.eccentricity(), 4);
    /// assert_eq!(d.eccentricity(), d.histogram().len() - 1);
    /// assert_eq!(explorer.distances(explorer.person("Tamar Herman")?, &f).eccentricity(), 0);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn eccentricity(&self) -> usize {
        self.histogram.len() - 1
    }

    /// The people at the greatest distance, by name (the person themselves
    /// when nobody else is reached).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let d = explorer.distances(explorer.person("Park Seo-joon")?, &Filter::new());
    /// let names: Vec<&str> = d.farthest().iter().map(|&p| explorer.get(p).name()).collect();
    /// assert_eq!(
    ///     names,
    ///     [
    ///         "G.NA",
    ///         "Gong Min-ji",
    ///         "Jin Seon-kyu",
    ///         "Jung-in",
    ///         "Lee Jong-suk",
    ///         "Lee Soo-hyuk",
    ///         "Park Bom",
    ///         "Yong Jun-hyung"
    ///     ]
    /// );
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn farthest(&self) -> &[PersonId] {
        &self.farthest
    }

    /// The people no chain reaches (other components, and people with no
    /// counted work), by name.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::WorkKind;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let me = explorer.person("Park Seo-joon")?;
    /// assert!(explorer.distances(me, &Filter::new()).unreachable().is_empty()); // one component
    /// let videos = explorer.distances(me, &Filter::new().kinds([WorkKind::MusicVideo]));
    /// assert_eq!(videos.unreachable().len(), 55);
    /// assert_eq!(explorer.get(videos.unreachable()[0]).name(), "CL");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn unreachable(&self) -> &[PersonId] {
        self.unreachable.get_or_init(|| {
            let mut v = self.unreached.clone();
            v.sort_by(|&x, &y| by_name(self.explorer, x.0, y.0));
            v
        })
    }

    /// How many people (other than the source, who is always reached) are
    /// not nodes of the filter's graph (no credit the filter counts: crew,
    /// or records kept only as unverified) and so are neither reachable nor
    /// unreachable.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// assert_eq!(explorer.distances(explorer.person("IU")?, &f).left_out(), 17);
    /// // Asked about, one of the 17 is reached: themselves.
    /// let herman = explorer.distances(explorer.person("Tamar Herman")?, &f);
    /// assert_eq!((herman.reachable(), herman.left_out()), (1, 16));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn left_out(&self) -> usize {
        self.left_out
    }

    /// The explorer the distances came from.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let d = explorer.distances(explorer.person("IU")?, &Filter::new());
    /// assert!(std::ptr::eq(d.explorer(), &explorer));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn explorer(&self) -> &'e Explorer {
        self.explorer
    }
}

impl fmt::Display for Distances<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.explorer;
        writeln!(f, "Distances from {}:", e.display_name(self.person.into()))?;
        for (k, n) in self.histogram.iter().enumerate() {
            writeln!(f, "  {k}: {n}")?;
        }
        match self.mean() {
            Some(m) => writeln!(f, "mean {m:.3}, eccentricity {}", self.eccentricity())?,
            None => writeln!(f, "nobody else is reachable")?,
        }
        let names: Vec<_> = self
            .farthest
            .iter()
            .map(|&p| e.display_name(p.into()))
            .collect();
        writeln!(f, "farthest: {}", names.join(", "))?;
        let n = self.unreached.len();
        writeln!(
            f,
            "unreachable: {n} {}",
            if n == 1 { "person" } else { "people" }
        )
    }
}

/// One person's place in a [`CentreRanking`].
///
/// # Example
///
/// ```
/// use hallyu::query::CentreEntry;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let ranking = explorer.centre_ranking(&Filter::new());
/// let first: &CentreEntry = ranking.iter().next().unwrap();
/// assert_eq!(first.person, explorer.person("Park Seo-joon")?);
/// assert_eq!((first.component_size, first.eccentricity), (149, 4));
/// assert_eq!(first.mean_distance, Some(2.114864864864865));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CentreEntry {
    /// The person.
    pub person: PersonId,
    /// The number of people in their connected component, themselves
    /// included.
    pub component_size: usize,
    /// The mean distance to the other people of the component, or `None`
    /// when the person is alone.
    pub mean_distance: Option<f64>,
    /// The greatest distance to anyone of the component.
    pub eccentricity: usize,
}

/// Everyone ranked as a "centre of the universe" (as the Oracle of Bacon
/// does), created by [`Explorer::centre_ranking`].
///
/// Prints one line per person: rank, name, mean distance, component size.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let ranking = explorer.centre_ranking(&Filter::new());
/// let top: Vec<&str> = ranking.iter().take(3).map(|c| explorer.get(c.person).name()).collect();
/// assert_eq!(top, ["Park Seo-joon", "IU", "Yeo Jin-goo"]);
/// assert_eq!(ranking.position(explorer.person("Park Seo-joon")?), Some(0));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CentreRanking<'e> {
    #[cfg_attr(feature = "serde", serde(skip))]
    explorer: &'e Explorer,
    entries: Vec<CentreEntry>,
    left_out: usize,
}

impl<'e> CentreRanking<'e> {
    /// How many people are not ranked because they are not nodes of the
    /// filter's graph (no credit the filter counts).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let ranking = explorer.centre_ranking(&Filter::new());
    /// assert_eq!(ranking.left_out(), 17);
    /// assert_eq!(ranking.len() + ranking.left_out(), explorer.people().len());
    /// ```
    pub fn left_out(&self) -> usize {
        self.left_out
    }

    /// The rank of a person, from 0.
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
    /// let ranking = explorer.centre_ranking(&Filter::new());
    /// assert_eq!(ranking.position(explorer.person("IU")?), Some(1));
    /// assert_eq!(ranking.position(explorer.person("Yong Jun-hyung")?), Some(148)); // the last
    /// assert_eq!(ranking.position(explorer.person("Tamar Herman")?), None); // left out
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn position(&self, person: PersonId) -> Option<usize> {
        self.explorer.check(person.into());
        self.entries.iter().position(|e| e.person == person)
    }
}

crate::query::list_result!(
    CentreRanking,
    CentreEntry,
    entries,
    "entries, best centre first",
    "explorer.centre_ranking(&hallyu::Filter::new())",
    "149"
);

impl fmt::Display for CentreRanking<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.entries.iter().enumerate() {
            let mean = c
                .mean_distance
                .map_or("-".to_string(), |m| format!("{m:.3}"));
            writeln!(
                f,
                "{:>3}. {:<28} mean {mean:>6}  component {}",
                i + 1,
                self.explorer.display_name(c.person.into()),
                c.component_size
            )?;
        }
        Ok(())
    }
}

/// For every person of the graph's node set: (people reached including
/// themselves, sum of distances, eccentricity), by one breadth-first search
/// each; `(0, 0, 0)` for the others.
pub(crate) fn distance_sums(graph: &CoGraph) -> Vec<(usize, u64, usize)> {
    let mut bfs = Bfs::over(graph);
    (0..graph.len() as u32)
        .map(|p| {
            if !graph.nodes[p as usize] {
                return (0, 0, 0);
            }
            bfs.run_all(p);
            let dist = &bfs.dist;
            let sum: u64 = bfs.order.iter().map(|&q| u64::from(dist[q as usize])).sum();
            let ecc = bfs.order.last().map_or(0, |&q| dist[q as usize] as usize);
            (bfs.order.len(), sum, ecc)
        })
        .collect()
}

impl Explorer {
    /// The distances from `person` to everyone: the Bacon-number histogram
    /// of the people reachable, the mean, the eccentricity, the farthest
    /// people, and who is unreachable.
    ///
    /// One breadth-first search on the compact index, with flat arrays
    /// sized to the people and works.
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
    /// let me = explorer.person("Park Seo-joon")?;
    /// let d = explorer.distances(me, &Filter::new());
    /// assert_eq!(d.histogram()[0], 1);
    /// assert_eq!(d.histogram()[1], explorer.co_appearances(me, &Filter::new()).len());
    /// // Everyone is reachable, unreachable, or not a node of the filter's
    /// // graph at all (no credit it counts, such as a director).
    /// assert_eq!(d.reachable() + d.unreachable().len() + d.left_out(), explorer.people().len());
    /// let herman = explorer.person("Tamar Herman")?; // in no work
    /// assert!(!d.unreachable().contains(&herman));
    /// assert_eq!(d.distance(herman), None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn distances(&self, person: PersonId, filter: &Filter) -> Distances<'_> {
        self.check(person.into());
        let index = self.graph.index();
        let found = algo::levels(index, person.0, filter);
        // Everyone reached is a node of the filter's graph (or the
        // source), so only the people not reached are tested.
        let is_node = algo::node_test(index, filter);
        let unreached: Vec<PersonId> = found
            .unreached()
            .filter(|&q| is_node(q))
            .map(|q| self.graph.pid(q))
            .collect();
        let histogram = found.counts;
        let reached: usize = histogram.iter().sum();
        let sum = histogram
            .iter()
            .enumerate()
            .map(|(d, &n)| (d * n) as u64)
            .sum();
        let mut farthest: Vec<PersonId> = found.last.iter().map(|&q| self.graph.pid(q)).collect();
        let dist = found.level;
        farthest.sort_by(|&x, &y| by_name(self, x.0, y.0));
        Distances {
            explorer: self,
            person,
            left_out: self.people().len() - reached - unreached.len(),
            dist,
            histogram,
            sum,
            farthest,
            unreached,
            unreachable: std::sync::OnceLock::new(),
        }
    }

    /// Everyone ranked as a centre of the universe: by the size of their
    /// connected component (largest first), then by mean distance to the
    /// rest of it (smallest first), then by name.
    ///
    /// Ranking by component first keeps the member of a small island (two
    /// people who share one work have a mean distance of 1) from outranking
    /// the centre of the big component. People alone on their works come
    /// last; people with no credit the filter counts are not ranked (see
    /// [`CentreRanking::left_out`]).
    ///
    /// One breadth-first search per person on the co-appearance graph:
    /// O(people × co-appearances).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::WorkKind;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let ranking = explorer.centre_ranking(&Filter::new());
    /// let top = ranking.iter().next().unwrap();
    /// assert_eq!(explorer.get(top.person).name(), "Park Seo-joon");
    /// assert_eq!(top.component_size, ranking.iter().map(|c| c.component_size).max().unwrap());
    /// // Through music videos only, the smallest component comes last.
    /// let videos = explorer.centre_ranking(&Filter::new().kinds([WorkKind::MusicVideo]));
    /// let last = videos.iter().last().unwrap();
    /// assert_eq!(explorer.get(last.person).name(), "Kim So-hyun");
    /// assert_eq!((last.component_size, last.mean_distance), (2, Some(1.0)));
    /// ```
    pub fn centre_ranking(&self, filter: &Filter) -> CentreRanking<'_> {
        let graph = crate::algo::co_graph(self.graph.index(), filter);
        let sums = distance_sums(&graph);
        let mut entries: Vec<CentreEntry> = sums
            .iter()
            .enumerate()
            .filter(|&(p, _)| graph.nodes[p])
            .map(|(p, &(reached, sum, ecc))| CentreEntry {
                person: self.graph.pid(p as u32),
                component_size: reached,
                mean_distance: (reached > 1).then(|| sum as f64 / (reached - 1) as f64),
                eccentricity: ecc,
            })
            .collect();
        entries.sort_by(|x, y| {
            y.component_size
                .cmp(&x.component_size)
                .then_with(|| match (x.mean_distance, y.mean_distance) {
                    (Some(a), Some(b)) => a.total_cmp(&b),
                    (a, b) => b.is_some().cmp(&a.is_some()),
                })
                .then_with(|| by_name(self, x.person.0, y.person.0))
        });
        CentreRanking {
            explorer: self,
            entries,
            left_out: graph.len() - graph.node_count,
        }
    }
}
