//! The neighbourhood of a person to k hops, as an explorer of its own.

use crate::algo::{Bfs, UNREACHED};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::{DIRECT, Selection};
use crate::id::{Entity, PersonId};

/// Options of [`Explorer::neighbourhood`]: how many hops, how many people.
///
/// # Example
///
/// ```
/// use hallyu::query::NeighbourhoodOptions;
///
/// let options = NeighbourhoodOptions::new().hops(3);
/// assert_eq!(options.get_hops(), 3);
/// // More than MAX_HOPS is capped: six hops reach nearly everyone.
/// assert_eq!(NeighbourhoodOptions::new().hops(50).get_hops(), NeighbourhoodOptions::MAX_HOPS);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NeighbourhoodOptions {
    hops: usize,
    max_people: usize,
}

impl NeighbourhoodOptions {
    /// The largest number of hops accepted: 6.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::NeighbourhoodOptions;
    ///
    /// let options = NeighbourhoodOptions::new().hops(9);
    /// assert_eq!(options.get_hops(), NeighbourhoodOptions::MAX_HOPS);
    /// ```
    pub const MAX_HOPS: usize = 6;
    /// The default number of hops: 2.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::NeighbourhoodOptions;
    ///
    /// assert_eq!(NeighbourhoodOptions::new().get_hops(), NeighbourhoodOptions::DEFAULT_HOPS);
    /// ```
    pub const DEFAULT_HOPS: usize = 2;
    /// The default cap on the number of people: 10,000.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::NeighbourhoodOptions;
    ///
    /// let options = NeighbourhoodOptions::new();
    /// assert_eq!(options.get_max_people(), NeighbourhoodOptions::DEFAULT_MAX_PEOPLE);
    /// ```
    pub const DEFAULT_MAX_PEOPLE: usize = 10_000;

    /// Two hops, at most 10,000 people.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::NeighbourhoodOptions;
    ///
    /// assert_eq!(NeighbourhoodOptions::new(), NeighbourhoodOptions::default());
    /// ```
    pub fn new() -> NeighbourhoodOptions {
        NeighbourhoodOptions {
            hops: NeighbourhoodOptions::DEFAULT_HOPS,
            max_people: NeighbourhoodOptions::DEFAULT_MAX_PEOPLE,
        }
    }

    /// Takes the people within `hops` hops (co-appearances) of the person,
    /// at most [`NeighbourhoodOptions::MAX_HOPS`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::NeighbourhoodOptions;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// let options = NeighbourhoodOptions::new().hops(1);
    /// let near = explorer.neighbourhood(iu, &options, &hallyu::Filter::new());
    /// assert_eq!(near.people().len(), 20); // IU and her 19 co-stars
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn hops(mut self, hops: usize) -> NeighbourhoodOptions {
        self.hops = hops.min(NeighbourhoodOptions::MAX_HOPS);
        self
    }

    /// Takes at most `max_people` people (the person included): the
    /// search stops when it has that many, nearest first, in data order
    /// within a distance.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::NeighbourhoodOptions;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// let options = NeighbourhoodOptions::new().hops(1).max_people(5);
    /// let near = explorer.neighbourhood(iu, &options, &hallyu::Filter::new());
    /// assert_eq!(near.people().len(), 5);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn max_people(mut self, max_people: usize) -> NeighbourhoodOptions {
        self.max_people = max_people;
        self
    }

    /// The number of hops.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::NeighbourhoodOptions;
    ///
    /// assert_eq!(NeighbourhoodOptions::new().hops(3).get_hops(), 3);
    /// ```
    pub fn get_hops(&self) -> usize {
        self.hops
    }

    /// The cap on the number of people.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::NeighbourhoodOptions;
    ///
    /// assert_eq!(NeighbourhoodOptions::new().max_people(50).get_max_people(), 50);
    /// ```
    pub fn get_max_people(&self) -> usize {
        self.max_people
    }
}

impl Default for NeighbourhoodOptions {
    fn default() -> NeighbourhoodOptions {
        NeighbourhoodOptions::new()
    }
}

impl Explorer {
    /// The part of the graph around `person`, as an explorer of its own
    /// that every query accepts.
    ///
    /// It holds the people within the options' number of hops under the
    /// filter, the works on which at least two of them appear (as the
    /// filter counts), every credit of those people on those works (all
    /// roles, so the sub-explorer can be asked with another filter), the
    /// groups whose credits bring those people in (with those people's
    /// memberships), the organisations linked to the people, groups and
    /// works kept, and the links between works kept. Records keep their
    /// data order; ids are the sub-explorer's own (look people up by name
    /// or key).
    ///
    /// The size is bounded by the options, whatever the graph: at most
    /// [`NeighbourhoodOptions::get_hops`] hops (2 by default, never more
    /// than [`NeighbourhoodOptions::MAX_HOPS`]) and at most
    /// [`NeighbourhoodOptions::get_max_people`] people (10,000 by default; the
    /// search stops there, nearest first). Building it reads every work and
    /// credit once.
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::NeighbourhoodOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let me = explorer.person("Park Seo-joon")?;
    /// let near = explorer.neighbourhood(me, &NeighbourhoodOptions::new().hops(1), &Filter::new());
    /// let costars = explorer.co_appearances(me, &Filter::new()).len();
    /// assert_eq!(near.people().len(), costars + 1);
    ///
    /// // Every query works on it.
    /// let me_there = near.person("park-seo-joon")?;
    /// assert_eq!(near.co_appearances(me_there, &Filter::new()).len(), costars);
    /// assert_eq!(near.distances(me_there, &Filter::new()).eccentricity(), 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn neighbourhood(
        &self,
        person: PersonId,
        options: &NeighbourhoodOptions,
        filter: &Filter,
    ) -> Explorer {
        self.neighbourhood_cut(person, options, filter).0
    }

    /// [`Explorer::neighbourhood`], and whether its search stopped at
    /// [`NeighbourhoodOptions::get_max_people`] with people within the hops
    /// left out.
    pub(crate) fn neighbourhood_cut(
        &self,
        person: PersonId,
        options: &NeighbourhoodOptions,
        filter: &Filter,
    ) -> (Explorer, bool) {
        self.check(person.into());
        let mut bfs = Bfs::new(self.graph.index(), filter);
        let cut = bfs.run(person.0, options.hops as u32, options.max_people);
        let kept_person = |p: u32| bfs.dist.get(p as usize).is_some_and(|&d| d != UNREACHED);

        let index = self.graph.index();
        let mut people: Vec<u32> = bfs.order.clone();
        people.sort_unstable();

        // Works on which two kept people appear (only the kept people's
        // works are looked at), and the groups that bring them in.
        let mut candidates: Vec<u32> = people
            .iter()
            .flat_map(|&p| index.of_person(p, filter).map(|a| a.work))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let (mut works, mut groups) = (Vec::new(), Vec::new());
        let mut cast: Vec<u32> = Vec::new();
        for w in candidates {
            cast.clear();
            cast.extend(
                index
                    .in_work(w, filter)
                    .map(|a| a.person)
                    .filter(|&p| kept_person(p)),
            );
            cast.sort_unstable();
            cast.dedup();
            if cast.len() >= 2 {
                works.push(w);
                groups.extend(
                    index
                        .in_work(w, filter)
                        .filter(|a| a.via != DIRECT && kept_person(a.person))
                        .map(|a| a.via),
                );
            }
        }
        groups.sort_unstable();
        groups.dedup();

        // The credits between kept records, and the organisations they name.
        let has = |list: &[u32], x: u32| list.binary_search(&x).is_ok();
        let mut credits: Vec<u32> = people
            .iter()
            .map(|&p| Entity::Person(self.graph.pid(p)))
            .chain(works.iter().map(|&w| Entity::Work(self.graph.wid(w))))
            .chain(groups.iter().map(|&g| Entity::Group(self.graph.gid(g))))
            .flat_map(|e| self.credits_of(e).map(|c| c.0))
            .collect();
        credits.sort_unstable();
        credits.dedup();
        let mut orgs = Vec::new();
        credits.retain(|&c| {
            let (keep, org) = match self.ends(self.graph.cid(c)) {
                (Entity::Person(p), Entity::Work(w)) => {
                    (kept_person(p.0) && has(&works, w.0), None)
                }
                (Entity::Group(g), Entity::Work(w)) => {
                    (has(&groups, g.0) && has(&works, w.0), None)
                }
                (Entity::Person(p), Entity::Group(g)) => {
                    (kept_person(p.0) && has(&groups, g.0), None)
                }
                (Entity::Person(p), Entity::Organisation(o)) => (kept_person(p.0), Some(o.0)),
                (Entity::Group(g), Entity::Organisation(o)) => (has(&groups, g.0), Some(o.0)),
                (Entity::Work(w), Entity::Organisation(o)) => (has(&works, w.0), Some(o.0)),
                (Entity::Work(a), Entity::Work(b)) => (has(&works, a.0) && has(&works, b.0), None),
                _ => (false, None),
            };
            if keep {
                orgs.extend(org);
            }
            keep
        });
        orgs.sort_unstable();
        orgs.dedup();
        let selection = Selection {
            people,
            groups,
            works,
            organisations: orgs,
            credits,
        };
        (Explorer::from_graph(self.graph.subgraph(&selection)), cut)
    }
}

impl Explorer {
    /// The people within `hops` shared works of any of `start`, in BFS order.
    pub(crate) fn people_within(
        &self,
        start: &[PersonId],
        hops: usize,
        filter: &Filter,
    ) -> Vec<PersonId> {
        let mut bfs = Bfs::new(self.graph.index(), filter);
        let sources: Vec<u32> = start.iter().map(|p| p.0).collect();
        bfs.run_from(
            &sources,
            u32::try_from(hops).unwrap_or(u32::MAX),
            usize::MAX,
        );
        bfs.order.iter().map(|&p| self.graph.pid(p)).collect()
    }
}
