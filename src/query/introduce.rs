//! Who could introduce two people, and whom a person could work with next.

use std::collections::HashMap;

use crate::algo::Bfs;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{PersonId, WorkId};
use crate::query::by_name;

/// Someone who co-appeared with both of two people, created by
/// [`Explorer::introductions`].
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let a = explorer.person("lee-min-ho")?;
/// let b = explorer.person("Park Seo-joon")?;
/// let best = &explorer.introductions(a, b, &Filter::new())[0];
/// assert_eq!(explorer.get(best.person).name(), "Park Hyung-sik");
/// assert_eq!(best.strength(), 1);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Introduction {
    /// The person who could introduce them.
    pub person: PersonId,
    /// The works they share with the first person, oldest first.
    pub with_a: Vec<WorkId>,
    /// The works they share with the second person, oldest first.
    pub with_b: Vec<WorkId>,
}

impl Introduction {
    /// The strength of the introduction: the weaker of the two ties (the
    /// smaller number of shared works).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let gd = explorer.person("G-Dragon")?;
    /// let min_young = explorer.person("Park Min-young")?;
    /// let intro = &explorer.introductions(gd, min_young, &Filter::new())[0];
    /// assert_eq!(explorer.get(intro.person).name(), "Taeyang");
    /// assert_eq!((intro.with_a.len(), intro.with_b.len()), (3, 1));
    /// assert_eq!(intro.strength(), 1); // the weaker tie
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn strength(&self) -> usize {
        self.with_a.len().min(self.with_b.len())
    }
}

/// Someone a person has not worked with but whose co-stars they have
/// worked with, created by [`Explorer::recommendations`].
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let recs = explorer.recommendations(explorer.person("Park Seo-joon")?, &Filter::new());
/// let first = &recs[0];
/// assert_eq!(first.strength(), first.through.len());
/// assert!(first.strength() >= recs[recs.len() - 1].strength());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Recommendation {
    /// The recommended person.
    pub person: PersonId,
    /// The co-stars in between (who worked with both), by name.
    pub through: Vec<PersonId>,
}

impl Recommendation {
    /// The most co-star entries [`Explorer::recommendations`] reads:
    /// 10,000,000. It follows the person's co-stars in data order and reads
    /// each one's co-stars; a person on a title with a cast of 100,000
    /// would read ten billion (every co-star's whole cast), so it stops
    /// following co-stars once this many entries are read, and recommends
    /// from those followed (the answer
    /// [`Recommendations`](crate::query::answer::Recommendations) says
    /// where it was cut).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Recommendation;
    ///
    /// assert_eq!(Recommendation::MAX_READ, 10_000_000);
    /// ```
    pub const MAX_READ: usize = 10_000_000;

    /// The strength of the recommendation: the number of distinct co-stars
    /// in between.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let recs = explorer.recommendations(explorer.person("Park Seo-joon")?, &Filter::new());
    /// assert_eq!(explorer.get(recs[0].person).name(), "Yeo Jin-goo");
    /// assert_eq!(recs[0].strength(), 5); // Bora, Han So-hee, IU, Kim Soo-hyun, Seo Yea-ji
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn strength(&self) -> usize {
        self.through.len()
    }
}

impl Explorer {
    /// Who could introduce `a` to `b`: the people who share a work with
    /// both, strongest first — by the weaker tie (the smaller number of
    /// shared works, [`Introduction::strength`]), then by both ties
    /// together, then by name.
    ///
    /// Empty when nobody co-appeared with both (for instance when `a` and
    /// `b` are far apart, or when they are one person).
    ///
    /// # Panics
    ///
    /// When `a` or `b` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("lee-min-ho")?; // the lead of The Heirs
    /// let b = explorer.person("Park Seo-joon")?;
    /// let intros = explorer.introductions(a, b, &Filter::new());
    /// let first = &intros[0];
    /// assert_eq!(explorer.get(first.person).name(), "Park Hyung-sik"); // The Heirs; Hwarang, …
    /// assert_eq!((first.with_a.len(), first.with_b.len()), (1, 3));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn introductions(&self, a: PersonId, b: PersonId, filter: &Filter) -> Vec<Introduction> {
        self.check_all(&[a, b]);
        if a == b {
            return Vec::new();
        }
        let of_a = self.co_appearances(a, filter);
        let of_b = self.co_appearances(b, filter);
        let with_b: HashMap<PersonId, Vec<WorkId>> = of_b
            .iter()
            .map(|c| (c.person, c.works.iter().map(|s| s.work).collect()))
            .collect();
        let mut out: Vec<Introduction> = of_a
            .iter()
            .filter(|c| c.person != b)
            .filter_map(|c| {
                let theirs = with_b.get(&c.person)?;
                Some(Introduction {
                    person: c.person,
                    with_a: c.works.iter().map(|s| s.work).collect(),
                    with_b: theirs.clone(),
                })
            })
            .collect();
        out.sort_by(|x, y| {
            y.strength()
                .cmp(&x.strength())
                .then((y.with_a.len() + y.with_b.len()).cmp(&(x.with_a.len() + x.with_b.len())))
                .then_with(|| by_name(self, x.person.0, y.person.0))
        });
        out
    }

    /// People `person` has not worked with but who worked with their
    /// co-stars ("co-co-stars"), strongest first: by the number of distinct
    /// co-stars in between ([`Recommendation::strength`]), then by name.
    /// The co-stars followed are bounded: at most
    /// [`Recommendation::MAX_READ`] of their co-stars are read.
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
    /// let recs = explorer.recommendations(me, &Filter::new());
    /// let costars = explorer.co_appearances(me, &Filter::new());
    /// assert!(!recs.is_empty());
    /// for r in &recs {
    ///     assert!(costars.get(r.person).is_none() && r.person != me);
    ///     assert!(r.through.iter().all(|&c| costars.get(c).is_some()));
    /// }
    /// assert!(recs.windows(2).all(|w| w[0].strength() >= w[1].strength()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn recommendations(&self, person: PersonId, filter: &Filter) -> Vec<Recommendation> {
        self.recommendations_cut(person, filter).0
    }

    /// [`Explorer::recommendations`], and the number of co-stars followed
    /// when the limit of [`Recommendation::MAX_READ`] stopped it.
    pub(crate) fn recommendations_cut(
        &self,
        person: PersonId,
        filter: &Filter,
    ) -> (Vec<Recommendation>, Option<usize>) {
        self.check(person.into());
        let mut walk = Bfs::new(self.graph.index(), filter);
        let mine = walk.costar_list(person.0);
        let mut through: HashMap<u32, Vec<u32>> = HashMap::new();
        let (mut read, mut cut) = (0usize, None);
        for (i, &c) in mine.iter().enumerate() {
            if read >= Recommendation::MAX_READ {
                cut = Some(i);
                break;
            }
            let theirs = walk.costar_list(c);
            read += theirs.len();
            for d in theirs {
                if d != person.0 && mine.binary_search(&d).is_err() {
                    through.entry(d).or_default().push(c);
                }
            }
        }
        let mut out: Vec<Recommendation> = through
            .into_iter()
            .map(|(d, mut via)| {
                via.sort_by(|&x, &y| by_name(self, x, y));
                Recommendation {
                    person: self.graph.pid(d),
                    through: via.into_iter().map(|q| self.graph.pid(q)).collect(),
                }
            })
            .collect();
        out.sort_by(|x, y| {
            y.strength()
                .cmp(&x.strength())
                .then_with(|| by_name(self, x.person.0, y.person.0))
        });
        (out, cut)
    }
}

/// A recommendation scored as Neo4j's movie guide scores it, created by
/// [`Explorer::recommendations_by_paths`].
///
/// [`Recommendation::strength`] counts the distinct co-stars in between;
/// [`PathRecommendation::paths`] counts the person–work–person–work paths
/// (`count(*)` of the guide's query), so that a co-star who shares two works
/// with each of them counts four times.
///
/// # Example
///
/// ```
/// use hallyu::query::PathRecommendation;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let me = explorer.person("Park Seo-joon")?;
/// let recs: Vec<PathRecommendation> = explorer.recommendations_by_paths(me, &Filter::new());
/// let first = &recs[0];
/// assert_eq!(explorer.get(first.person).name(), "Yeo Jin-goo");
/// assert_eq!((first.paths, first.through.len()), (7, 5));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PathRecommendation {
    /// The recommended person.
    pub person: PersonId,
    /// The number of paths `me – work – co-star – work – person`.
    pub paths: u64,
    /// The co-stars in between, by name.
    pub through: Vec<PersonId>,
}

impl Explorer {
    /// People `person` has not worked with, strongest first by the number
    /// of person–work–person–work paths from `person` to them: the
    /// strength of Neo4j's movie guide,
    ///
    /// ```text
    /// MATCH (me)-[:ACTED_IN]->(m)<-[:ACTED_IN]-(coActor)-[:ACTED_IN]->(m2)<-[:ACTED_IN]-(other)
    /// WHERE NOT (me)-[:ACTED_IN]->()<-[:ACTED_IN]-(other) AND me <> other
    /// RETURN other, count(*) AS strength ORDER BY strength DESC
    /// ```
    ///
    /// that is, the sum over the co-stars in between of (works shared with
    /// `person`) × (works shared with the recommended person). Ties by name.
    /// [`Explorer::recommendations`] ranks the same people by the number of
    /// distinct co-stars in between instead.
    ///
    /// It walks every co-star's co-stars whatever their number (the square
    /// of a huge cast): the answer
    /// [`Recommendations`](crate::query::answer::Recommendations) stops after
    /// a set number and says where.
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
    /// let by_paths = explorer.recommendations_by_paths(me, &Filter::new());
    /// let by_people = explorer.recommendations(me, &Filter::new());
    /// assert_eq!(by_paths.len(), by_people.len());
    /// assert!(by_paths.iter().all(|r| r.paths >= r.through.len() as u64));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn recommendations_by_paths(
        &self,
        person: PersonId,
        filter: &Filter,
    ) -> Vec<PathRecommendation> {
        self.check(person.into());
        let mine = self.co_appearances(person, filter);
        let mut out: HashMap<PersonId, (u64, Vec<PersonId>)> = HashMap::new();
        for c in mine.iter() {
            let first = c.works.len() as u64;
            for d in self.co_appearances(c.person, filter).iter() {
                if d.person == person || mine.get(d.person).is_some() {
                    continue;
                }
                let e = out.entry(d.person).or_default();
                e.0 += first * d.works.len() as u64;
                e.1.push(c.person);
            }
        }
        let mut out: Vec<PathRecommendation> = out
            .into_iter()
            .map(|(p, (paths, mut through))| {
                through.sort_by(|&x, &y| by_name(self, x.0, y.0));
                PathRecommendation {
                    person: p,
                    paths,
                    through,
                }
            })
            .collect();
        out.sort_by(|x, y| {
            y.paths
                .cmp(&x.paths)
                .then_with(|| by_name(self, x.person.0, y.person.0))
        });
        out
    }
}
