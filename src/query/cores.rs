//! The k-cores of the person co-appearance graph: who stays when everyone
//! with fewer than k co-stars is removed, again and again.

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;

/// The core number of every person of a filter's co-appearance graph
/// ([`Explorer::core_numbers`]): the largest `k` such that the person is in
/// the `k`-core, the largest set of people each with at least `k` co-stars
/// inside it. As NetworkX's `core_number`.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let cores = explorer.core_numbers(&Filter::new());
/// let k = cores.max();
/// assert!(k >= 2);
/// let inner: Vec<_> = cores.iter().filter(|&(_, c)| c == k).collect();
/// assert!(inner.len() > k as usize); // a k-core has more than k people
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoreNumbers {
    /// One a person, in data order; `None` for a person who is not a node.
    cores: Vec<(PersonId, Option<u32>)>,
}

impl CoreNumbers {
    /// The core number of a person, `None` when they are not a node of the
    /// filter's graph (no credit the filter counts) or not a person of
    /// this explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let cores = explorer.core_numbers(&Filter::new());
    /// assert!(cores.get(explorer.person("IU")?).is_some_and(|k| k >= 1));
    /// assert_eq!(cores.get(explorer.person("Tamar Herman")?), None); // in no work
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn get(&self, person: PersonId) -> Option<u32> {
        match self.cores.get(person.index()) {
            Some(&(id, k)) if id == person => k,
            _ => None,
        }
    }

    /// The largest core number (the degeneracy of the graph), 0 for a
    /// graph without co-appearances.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let cores = explorer.core_numbers(&Filter::new());
    /// assert!(cores.iter().all(|(_, k)| k <= cores.max()));
    /// ```
    pub fn max(&self) -> u32 {
        self.iter().map(|(_, k)| k).max().unwrap_or(0)
    }

    /// Every node of the filter's graph and its core number, in data order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let cores = explorer.core_numbers(&Filter::new());
    /// let nodes = explorer.people().len() - explorer.components(&Filter::new()).left_out();
    /// assert_eq!(cores.iter().count(), nodes);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (PersonId, u32)> + '_ {
        self.cores.iter().filter_map(|&(p, k)| k.map(|k| (p, k)))
    }
}

impl Explorer {
    /// The core number of every person of the filter's co-appearance graph
    /// (see [`CoreNumbers`]), by Batagelj and Zaveršnik's bucket algorithm
    /// over the person projection: time and memory linear in the
    /// co-appearances.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let cores = explorer.core_numbers(&Filter::new());
    /// let me = explorer.person("Park Seo-joon")?;
    /// // Never more than the number of co-stars.
    /// let k = cores.get(me).unwrap();
    /// assert!(k as usize <= explorer.co_appearances(me, &Filter::new()).len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn core_numbers(&self, filter: &Filter) -> CoreNumbers {
        let graph = crate::algo::co_graph(self.graph.index(), filter);
        let cores = crate::algo::cores::core_numbers(&graph);
        CoreNumbers {
            cores: cores
                .into_iter()
                .zip(&graph.nodes)
                .enumerate()
                .map(|(p, (k, &node))| (self.graph.pid(p as u32), node.then_some(k)))
                .collect(),
        }
    }
}
