//! Communities of the person co-appearance graph: Leiden, whose
//! refinement keeps every community connected.

use crate::error::{Error, Result};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;

/// How [`Explorer::communities`] looks for communities: the resolution γ
/// of the modularity (1 by default; higher, smaller communities) and the
/// seed of the order in which people are visited and of the refinement's
/// random choices (the same seed, the same answer).
///
/// # Example
///
/// ```
/// use hallyu::query::CommunityOptions;
///
/// let options = CommunityOptions::new().resolution(1.5).seed(7);
/// assert_eq!(options.get_resolution(), 1.5);
/// assert_eq!(options.get_seed(), 7);
/// assert_eq!(CommunityOptions::new().get_resolution(), 1.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CommunityOptions {
    resolution: f64,
    seed: u64,
}

impl CommunityOptions {
    /// Resolution 1, seed 0.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    ///
    /// assert_eq!(CommunityOptions::new(), CommunityOptions::default());
    /// assert_eq!(CommunityOptions::new().get_seed(), 0);
    /// ```
    pub fn new() -> CommunityOptions {
        CommunityOptions {
            resolution: 1.0,
            seed: 0,
        }
    }

    /// The resolution γ: a community is worth its inner weight less γ times
    /// what a random graph of the same degrees would put inside it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    ///
    /// assert_eq!(CommunityOptions::new().resolution(0.5).get_resolution(), 0.5);
    /// ```
    pub fn resolution(mut self, resolution: f64) -> CommunityOptions {
        self.resolution = resolution;
        self
    }

    /// The seed of the order in which people are visited and of the
    /// refinement's random choices.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    ///
    /// assert_eq!(CommunityOptions::new().seed(42).get_seed(), 42);
    /// ```
    pub fn seed(mut self, seed: u64) -> CommunityOptions {
        self.seed = seed;
        self
    }

    /// The resolution.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    ///
    /// assert_eq!(CommunityOptions::new().get_resolution(), 1.0);
    /// ```
    pub fn get_resolution(&self) -> f64 {
        self.resolution
    }

    /// The seed.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    ///
    /// assert_eq!(CommunityOptions::new().get_seed(), 0);
    /// ```
    pub fn get_seed(&self) -> u64 {
        self.seed
    }

    /// The options, or an
    /// [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue) when the
    /// resolution is not a positive finite number.
    ///
    /// # Errors
    ///
    /// As above.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    ///
    /// assert!(CommunityOptions::new().resolution(-1.0).checked().is_err());
    /// assert!(CommunityOptions::new().checked().is_ok());
    /// ```
    pub fn checked(self) -> Result<CommunityOptions> {
        if self.resolution.is_finite() && self.resolution > 0.0 {
            Ok(self)
        } else {
            Err(Error::invalid_value(
                "resolution",
                &self.resolution.to_string(),
                ["a positive number".to_string()],
            ))
        }
    }
}

impl Default for CommunityOptions {
    fn default() -> CommunityOptions {
        CommunityOptions::new()
    }
}

/// A partition of the people of a filter's co-appearance graph into
/// communities ([`Explorer::communities`]): each connected, largest first,
/// with the modularity of the whole (edges weighted by shared works).
///
/// # Example
///
/// ```
/// use hallyu::query::CommunityOptions;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let found = explorer.communities(&CommunityOptions::new(), &Filter::new())?;
/// assert!(found.len() > 1);
/// assert!(found.modularity() > 0.3);
/// let iu = explorer.person("IU")?;
/// let mine = found.community(iu).unwrap();
/// assert!(found.members(mine).contains(&iu));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Partition {
    /// The members of each community, largest first, each in data order.
    members: Vec<Vec<PersonId>>,
    /// One a person: their community, `None` for a person who is not a node.
    of: Vec<(PersonId, Option<usize>)>,
    modularity: f64,
}

impl Partition {
    /// The number of communities.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let found = explorer.communities(&CommunityOptions::new(), &Filter::new())?;
    /// assert!(!found.is_empty());
    /// let people: usize = (0..found.len()).map(|c| found.members(c).len()).sum();
    /// assert_eq!(people, 149);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there is no community (no person is a node).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// assert!(!explorer.communities(&CommunityOptions::new(), &Filter::new())?.is_empty());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The members of community `c` (numbered from 0, largest first), in
    /// data order.
    ///
    /// # Panics
    ///
    /// When `c` is not below [`Partition::len`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let found = explorer.communities(&CommunityOptions::new(), &Filter::new())?;
    /// assert!(found.members(0).len() >= found.members(found.len() - 1).len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn members(&self, c: usize) -> &[PersonId] {
        &self.members[c]
    }

    /// The community of a person, `None` when they are not a node of the
    /// filter's graph (or not a person of this explorer).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let found = explorer.communities(&CommunityOptions::new(), &Filter::new())?;
    /// assert_eq!(found.community(explorer.person("Tamar Herman")?), None); // in no work
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn community(&self, person: PersonId) -> Option<usize> {
        match self.of.get(person.index()) {
            Some(&(id, c)) if id == person => c,
            _ => None,
        }
    }

    /// The modularity of the partition, edges weighted by the works two
    /// people share, at the resolution asked for (as NetworkX's
    /// `modularity`).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let found = explorer.communities(&CommunityOptions::new(), &Filter::new())?;
    /// assert!(found.modularity() > 0.0 && found.modularity() < 1.0);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn modularity(&self) -> f64 {
        self.modularity
    }
}

impl Explorer {
    /// The communities of the filter's co-appearance graph, edges weighted
    /// by shared works, by Leiden (Traag, Waltman & van Eck 2019): fast
    /// local moving, the refinement of each community into well-connected
    /// sub-communities (random choices drawn from the seed), aggregation of
    /// the refined partition, repeated while an iteration gains at least
    /// 0.001 in modularity (at most ten times).
    /// Every community is connected. The same options, the same answer.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue) when
    /// the resolution is not a positive number.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CommunityOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let options = CommunityOptions::new().seed(3);
    /// let a = explorer.communities(&options, &Filter::new())?;
    /// assert_eq!(a, explorer.communities(&options, &Filter::new())?);
    /// let finer = explorer.communities(&options.resolution(4.0), &Filter::new())?;
    /// assert!(finer.len() > a.len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn communities(&self, options: &CommunityOptions, filter: &Filter) -> Result<Partition> {
        let options = options.checked()?;
        let graph = crate::algo::co_graph(self.graph.index(), filter);
        let (label, count) =
            crate::algo::leiden::communities(&graph, options.resolution, options.seed);
        let modularity =
            crate::algo::louvain::modularity(&graph, &label, count, options.resolution);
        let mut members: Vec<Vec<PersonId>> = vec![Vec::new(); count];
        for (p, &c) in label.iter().enumerate() {
            if c != u32::MAX {
                members[c as usize].push(self.graph.pid(p as u32));
            }
        }
        // Largest first; equal sizes in order of their first member.
        let mut order: Vec<usize> = (0..count).collect();
        order.sort_by_key(|&c| std::cmp::Reverse(members[c].len()));
        let mut rank = vec![0; count];
        for (r, &c) in order.iter().enumerate() {
            rank[c] = r;
        }
        let of = label
            .iter()
            .enumerate()
            .map(|(p, &c)| {
                (
                    self.graph.pid(p as u32),
                    (c != u32::MAX).then(|| rank[c as usize]),
                )
            })
            .collect();
        let members = order
            .into_iter()
            .map(|c| std::mem::take(&mut members[c]))
            .collect();
        Ok(Partition {
            members,
            of,
            modularity,
        })
    }
}
