//! The neighbourhood of a person to k hops, as an explorer of its own.

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::{DIRECT, Selection};
use crate::id::{Entity, PersonId};
use crate::query::traverse::{Bfs, UNREACHED};

/// Options of [`Explorer::neighbourhood`]: how many hops, how many people.
///
/// # Example
///
/// ```
/// use hallyu::NeighbourhoodOptions;
///
/// let options = NeighbourhoodOptions::new().hops(3);
/// assert_eq!(options.max_hops(), 3);
/// // More than MAX_HOPS is capped: six hops reach nearly everyone.
/// assert_eq!(NeighbourhoodOptions::new().hops(50).max_hops(), NeighbourhoodOptions::MAX_HOPS);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NeighbourhoodOptions {
    hops: usize,
    max_people: usize,
}

impl NeighbourhoodOptions {
    /// The largest number of hops accepted: 6.
    pub const MAX_HOPS: usize = 6;
    /// The default number of hops: 2.
    pub const DEFAULT_HOPS: usize = 2;
    /// The default cap on the number of people: 10,000.
    pub const DEFAULT_MAX_PEOPLE: usize = 10_000;

    /// Two hops, at most 10,000 people.
    pub fn new() -> NeighbourhoodOptions {
        NeighbourhoodOptions {
            hops: NeighbourhoodOptions::DEFAULT_HOPS,
            max_people: NeighbourhoodOptions::DEFAULT_MAX_PEOPLE,
        }
    }

    /// Takes the people within `hops` hops (co-appearances) of the person,
    /// at most [`NeighbourhoodOptions::MAX_HOPS`].
    pub fn hops(mut self, hops: usize) -> NeighbourhoodOptions {
        self.hops = hops.min(NeighbourhoodOptions::MAX_HOPS);
        self
    }

    /// Takes at most `max_people` people (the person included): the
    /// search stops when it has that many, nearest first, in data order
    /// within a distance.
    pub fn max_people(mut self, max_people: usize) -> NeighbourhoodOptions {
        self.max_people = max_people;
        self
    }

    /// The number of hops.
    pub fn max_hops(&self) -> usize {
        self.hops
    }

    /// The cap on the number of people.
    pub fn people_cap(&self) -> usize {
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
    /// [`NeighbourhoodOptions::max_hops`] hops (2 by default, never more
    /// than [`NeighbourhoodOptions::MAX_HOPS`]) and at most
    /// [`NeighbourhoodOptions::people_cap`] people (10,000 by default; the
    /// search stops there, nearest first). Building it reads every work and
    /// credit once.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter, NeighbourhoodOptions};
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
        let mut bfs = Bfs::new(self, filter);
        bfs.run(person.0, options.hops as u32, options.max_people);
        let kept_person = |p: u32| bfs.dist.get(p as usize).is_some_and(|&d| d != UNREACHED);

        // Works on which two kept people appear, and the groups that bring them in.
        let mut work = vec![false; self.works().len()];
        let mut group = vec![false; self.groups().len()];
        let mut org = vec![false; self.organisations().len()];
        let mut cast: Vec<u32> = Vec::new();
        for w in self.works() {
            cast.clear();
            cast.extend(
                self.graph
                    .index
                    .in_work(w.0, filter)
                    .map(|a| a.person)
                    .filter(|&p| kept_person(p)),
            );
            cast.sort_unstable();
            cast.dedup();
            if cast.len() >= 2 {
                work[w.index()] = true;
                for a in self.graph.index.in_work(w.0, filter) {
                    if a.via != DIRECT && kept_person(a.person) {
                        group[a.via as usize] = true;
                    }
                }
            }
        }
        let mut keep_credit = vec![false; self.credits().len()];
        for c in self.credits() {
            let keep = match self.ends(c) {
                (Entity::Person(p), Entity::Work(w)) => kept_person(p.0) && work[w.index()],
                (Entity::Group(g), Entity::Work(w)) => group[g.index()] && work[w.index()],
                (Entity::Person(p), Entity::Group(g)) => kept_person(p.0) && group[g.index()],
                (Entity::Person(p), Entity::Organisation(o)) if kept_person(p.0) => {
                    org[o.index()] = true;
                    true
                }
                (Entity::Group(g), Entity::Organisation(o)) if group[g.index()] => {
                    org[o.index()] = true;
                    true
                }
                (Entity::Work(w), Entity::Organisation(o)) if work[w.index()] => {
                    org[o.index()] = true;
                    true
                }
                (Entity::Work(a), Entity::Work(b)) => work[a.index()] && work[b.index()],
                _ => false,
            };
            keep_credit[c.index()] = keep;
        }
        let selection = Selection {
            people: (0..self.people().len() as u32).map(kept_person).collect(),
            groups: group,
            works: work,
            organisations: org,
            credits: keep_credit,
        };
        Explorer::from_graph(self.graph.subgraph(&selection))
    }
}
