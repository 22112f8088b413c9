//! Paths with conditions: around given people and works ([`Avoid`]),
//! through a person, and the k shortest.

use crate::algo::routes::{self, Blocked, Node};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{Entity, PersonId, WorkId};
use crate::query::path::{Path, Step};

/// What a path must not pass through: people and works (the kinds of work
/// to leave out are the [`Filter`]'s).
///
/// # Example
///
/// ```
/// use hallyu::query::Avoid;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let (a, b) = (explorer.person("lee-min-ho")?, explorer.person("Choi Woo-shik")?);
/// let plain = explorer.shortest_path(a, b, &Filter::new()).unwrap();
/// let middle = plain.people()[1];
/// let avoid = Avoid::new().person(middle);
/// let around = explorer.shortest_path_avoiding(a, b, &avoid, &Filter::new()).unwrap();
/// assert!(!around.people().contains(&middle));
/// assert!(around.len() >= plain.len());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Avoid {
    people: Vec<PersonId>,
    works: Vec<WorkId>,
}

impl Avoid {
    /// Nothing avoided.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    ///
    /// assert!(Avoid::new().is_empty());
    /// ```
    pub fn new() -> Avoid {
        Avoid::default()
    }

    /// Avoids a person too.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let avoid = Avoid::new().person(explorer.person("IU")?);
    /// assert_eq!(avoid.people().len(), 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn person(mut self, p: PersonId) -> Avoid {
        if !self.people.contains(&p) {
            self.people.push(p);
        }
        self
    }

    /// Avoids a work too.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let avoid = Avoid::new().work(explorer.work("Dream High")?);
    /// assert_eq!(avoid.works().len(), 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn work(mut self, w: WorkId) -> Avoid {
        if !self.works.contains(&w) {
            self.works.push(w);
        }
        self
    }

    /// The people avoided, in the order given.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    ///
    /// assert!(Avoid::new().people().is_empty());
    /// ```
    pub fn people(&self) -> &[PersonId] {
        &self.people
    }

    /// The works avoided, in the order given.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    ///
    /// assert!(Avoid::new().works().is_empty());
    /// ```
    pub fn works(&self) -> &[WorkId] {
        &self.works
    }

    /// Whether nothing is avoided.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// assert!(!Avoid::new().person(explorer.person("IU")?).is_empty());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.works.is_empty()
    }

    /// The records avoided, people first.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    /// use hallyu::Entity;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// assert_eq!(Avoid::new().person(iu).records(), [Entity::Person(iu)]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn records(&self) -> Vec<Entity> {
        self.people
            .iter()
            .map(|&p| Entity::from(p))
            .chain(self.works.iter().map(|&w| Entity::from(w)))
            .collect()
    }

    /// Avoids `record` too, when it is a person or a work (nothing else is
    /// on a path).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    /// use hallyu::Entity;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let iu = Entity::from(explorer.person("IU")?);
    /// assert_eq!(Avoid::new().record(iu).records(), [iu]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn record(self, record: Entity) -> Avoid {
        match record {
            Entity::Person(p) => self.person(p),
            Entity::Work(w) => self.work(w),
            _ => self,
        }
    }

    /// Which of these records cut every chain, where `reaches` says whether
    /// a chain avoids an avoidance: those that do on their own, or all of
    /// them when only together they do; none when a chain avoids them all,
    /// or none avoids nothing.
    pub(crate) fn cuts(&self, reaches: impl Fn(&Avoid) -> bool) -> Vec<Entity> {
        if reaches(self) || !reaches(&Avoid::new()) {
            return Vec::new();
        }
        let all = self.records();
        let alone: Vec<Entity> = all
            .iter()
            .copied()
            .filter(|&e| !reaches(&Avoid::new().record(e)))
            .collect();
        if alone.is_empty() { all } else { alone }
    }

    /// The positions the search leaves out.
    fn blocked(&self) -> Blocked {
        Blocked {
            people: self.people.iter().map(|p| p.0).collect(),
            works: self.works.iter().map(|w| w.0).collect(),
            links: Default::default(),
        }
    }
}

/// The simple paths between two people up to a length
/// ([`Explorer::simple_paths`]): how many there are, whether that count is
/// exact, and the first ones.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("IU")?);
/// let found = explorer.simple_paths(a, b, 2, 3, &Filter::new());
/// assert!(found.exact && found.count >= 3);
/// assert_eq!(found.paths.len(), 3);
/// assert!(found.paths.iter().all(|p| p.len() <= 2));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct SimplePaths<'e> {
    /// How many simple paths there are (at least this many when not
    /// `exact`).
    pub count: u64,
    /// Whether `count` is all of them (the walk stops at
    /// [`SimplePaths::COUNT_CAP`]).
    pub exact: bool,
    /// The first paths, in the order of the walk.
    pub paths: Vec<Path<'e>>,
}

impl SimplePaths<'_> {
    /// The most paths counted: 1,000,000 (the number of simple paths grows
    /// exponentially with the length).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(hallyu::query::SimplePaths::COUNT_CAP, 1_000_000);
    /// ```
    pub const COUNT_CAP: u64 = 1_000_000;
}

impl Explorer {
    /// The path from `a` to `b` that maximises the strength of its links:
    /// the lightest path of the person projection where a link between two
    /// people weighs `1 / (the works they share)` (Dijkstra), so that a
    /// chain of two close collaborators beats one through a one-off cameo.
    /// Each hop names the oldest work its two people share. Gives the path
    /// and its weight.
    ///
    /// # Panics
    ///
    /// When a person is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
    /// let (path, weight) = explorer.strongest_path(a, b, &Filter::new()).unwrap();
    /// assert_eq!(path.start(), a);
    /// assert!(weight <= 1.0); // they share works: at most one link of weight 1
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn strongest_path(
        &self,
        a: PersonId,
        b: PersonId,
        filter: &Filter,
    ) -> Option<(Path<'_>, f64)> {
        self.check_all(&[a, b]);
        let (people, weight) = routes::strongest(self.graph.index(), a.0, b.0, filter)?;
        let g = &self.graph;
        let steps = people
            .windows(2)
            .map(|pair| {
                let (from, to) = (g.pid(pair[0]), g.pid(pair[1]));
                let shared = self.shared_works(from, to, filter);
                let first = &shared[0];
                Step {
                    from,
                    from_credit: first.left,
                    work: first.work,
                    to_credit: first.right,
                    to,
                }
            })
            .collect();
        Some((Path::new(self, a, steps), weight))
    }

    /// The simple paths from `a` to `b` of at most `max_hops` hops (no
    /// person and no work twice), counted (up to
    /// [`SimplePaths::COUNT_CAP`]); the first `keep` kept.
    ///
    /// # Panics
    ///
    /// When a person is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
    /// let one = explorer.simple_paths(a, b, 1, 10, &Filter::new());
    /// assert_eq!(one.count as usize, explorer.shared_works(a, b, &Filter::new()).len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn simple_paths(
        &self,
        a: PersonId,
        b: PersonId,
        max_hops: usize,
        keep: usize,
        filter: &Filter,
    ) -> SimplePaths<'_> {
        self.check_all(&[a, b]);
        let (count, exact, routes) = routes::simple_routes(
            self.graph.index(),
            a.0,
            b.0,
            max_hops,
            filter,
            keep,
            SimplePaths::COUNT_CAP,
        );
        SimplePaths {
            count,
            exact,
            paths: routes.iter().map(|r| self.path_of(a, r)).collect(),
        }
    }

    /// A shortest path from `a` to `b` that passes through none of the
    /// people and works `avoid` names (`a` and `b` themselves may be
    /// named: a path always has its ends). Equal to the shortest path of
    /// the graph with those records removed.
    ///
    /// # Panics
    ///
    /// When a person or work is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
    /// let plain = explorer.shortest_path(a, b, &Filter::new()).unwrap();
    /// let shared = plain.works()[0];
    /// let avoid = Avoid::new().work(shared);
    /// let around = explorer.shortest_path_avoiding(a, b, &avoid, &Filter::new()).unwrap();
    /// assert!(!around.works().contains(&shared));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn shortest_path_avoiding(
        &self,
        a: PersonId,
        b: PersonId,
        avoid: &Avoid,
        filter: &Filter,
    ) -> Option<Path<'_>> {
        self.check_all(&[a, b]);
        self.check_avoid(avoid);
        let route = routes::shortest(
            self.graph.index(),
            Node::Person(a.0),
            Node::Person(b.0),
            filter,
            &self.ends_open(avoid, a, b),
        )?;
        Some(self.path_of(a, &route))
    }

    /// A shortest time-respecting path from `a` to `b` that avoids
    /// `avoid`: each hop's work released in the year of the previous hop's
    /// or later, so that the chain says how news or a style could have
    /// travelled from `a` to `b`. Works with no known year are on no such
    /// path. One of the paths with fewest hops (found by a bidirectional
    /// search, the first met). Never shorter than
    /// [`Explorer::shortest_path`]; `None` when no chain runs forward in
    /// time.
    ///
    /// # Panics
    ///
    /// When a person or work is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let (a, b) = (explorer.person("Seo Yea-ji")?, explorer.person("Park Min-young")?);
    /// let path = explorer.shortest_path_in_order(a, b, &Avoid::new(), &f).unwrap();
    /// let years: Vec<i32> = path.works().iter().map(|&w| explorer.get(w).year().unwrap()).collect();
    /// assert!(years.windows(2).all(|y| y[0] <= y[1]));
    /// assert!(path.len() >= explorer.shortest_path(a, b, &f).unwrap().len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn shortest_path_in_order(
        &self,
        a: PersonId,
        b: PersonId,
        avoid: &Avoid,
        filter: &Filter,
    ) -> Option<Path<'_>> {
        self.check_all(&[a, b]);
        self.check_avoid(avoid);
        let route = routes::in_order(
            self.graph.index(),
            a.0,
            b.0,
            filter,
            &self.ends_open(avoid, a, b),
        )?;
        Some(self.path_of(a, &route))
    }

    /// A shortest path from `a` to `b` through `via`: a shortest path from
    /// `a` to `via` and one from `via` to `b`, both avoiding `avoid`. Its
    /// length is the sum of the two; it may pass a person twice (when the
    /// two legs share one), as the two legs are each the shortest.
    ///
    /// # Panics
    ///
    /// When a person or work is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let (a, via, b) = (explorer.person("lee-min-ho")?, explorer.person("IU")?, explorer.person("Choi Woo-shik")?);
    /// let path = explorer.shortest_path_via(a, via, b, &Avoid::new(), &f).unwrap();
    /// assert!(path.people().contains(&via));
    /// let legs = explorer.shortest_path(a, via, &f).unwrap().len() + explorer.shortest_path(via, b, &f).unwrap().len();
    /// assert_eq!(path.len(), legs);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn shortest_path_via(
        &self,
        a: PersonId,
        via: PersonId,
        b: PersonId,
        avoid: &Avoid,
        filter: &Filter,
    ) -> Option<Path<'_>> {
        let first = self.shortest_path_avoiding(a, via, avoid, filter)?;
        let second = self.shortest_path_avoiding(via, b, avoid, filter)?;
        let mut steps: Vec<Step> = first.steps().to_vec();
        steps.extend_from_slice(second.steps());
        Some(Path::new(self, a, steps))
    }

    /// The `k` shortest loopless paths from `a` to `b` (Yen's algorithm
    /// over the person–work graph: no person and no work twice on a path),
    /// shortest first; paths of one length in the order of the positions of
    /// their people and works, from `a` on. Fewer when there are fewer;
    /// none when no chain links them.
    ///
    /// # Panics
    ///
    /// When a person or work is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("IU")?);
    /// let paths = explorer.k_shortest_paths(a, b, 5, &Avoid::new(), &Filter::new());
    /// assert_eq!(paths.len(), 5);
    /// assert!(paths.windows(2).all(|w| w[0].len() <= w[1].len()));
    /// assert_eq!(paths[0].len(), explorer.shortest_path(a, b, &Filter::new()).unwrap().len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn k_shortest_paths(
        &self,
        a: PersonId,
        b: PersonId,
        k: usize,
        avoid: &Avoid,
        filter: &Filter,
    ) -> Vec<Path<'_>> {
        self.check_all(&[a, b]);
        self.check_avoid(avoid);
        if k == 0 {
            return Vec::new();
        }
        let blocked = self.ends_open(avoid, a, b);
        routes::k_shortest(self.graph.index(), a.0, b.0, k, filter, &blocked)
            .iter()
            .map(|r| self.path_of(a, r))
            .collect()
    }

    /// Which of the avoided records cut every chain from `a` to `b`: those
    /// that do on their own, or all of them when only together they do.
    /// Empty when a chain exists with the whole avoidance, or none without
    /// it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::Avoid;
    /// use hallyu::{Entity, Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
    /// // Avoiding Choi Woo-shik's every work cuts him off.
    /// let mut avoid = Avoid::new();
    /// for (w, _) in explorer.works_of(b, &Filter::new()) {
    ///     avoid = avoid.work(w);
    /// }
    /// assert!(explorer.shortest_path_avoiding(a, b, &avoid, &Filter::new()).is_none());
    /// let cut = explorer.avoidance_cuts(a, b, &avoid, &Filter::new());
    /// assert!(!cut.is_empty() && cut.iter().all(|e| matches!(e, Entity::Work(_))));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn avoidance_cuts(
        &self,
        a: PersonId,
        b: PersonId,
        avoid: &Avoid,
        filter: &Filter,
    ) -> Vec<Entity> {
        avoid.cuts(|avoid| self.shortest_path_avoiding(a, b, avoid, filter).is_some())
    }

    /// What `avoid` blocks, but for the path's two ends.
    fn ends_open(&self, avoid: &Avoid, a: PersonId, b: PersonId) -> Blocked {
        let mut blocked = avoid.blocked();
        blocked.people.remove(&a.0);
        blocked.people.remove(&b.0);
        blocked
    }

    fn check_avoid(&self, avoid: &Avoid) {
        for e in avoid.records() {
            self.check(e);
        }
    }

    fn path_of(&self, a: PersonId, route: &routes::Route) -> Path<'_> {
        let g = &self.graph;
        let steps = route.hops().iter().map(|h| Step::of(g, h)).collect();
        Path::new(self, a, steps)
    }
}
