//! Whole-graph measures on flat arrays, for every explorer (the bundled
//! dataset as well as imported ones): distance histograms and component
//! sizes.

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;

impl Explorer {
    /// How many people are at each distance from `person`, counted in
    /// shared works (co-appearance hops): `counts[d]` people are exactly `d`
    /// hops away, `counts[0] == 1` (the person). People out of reach are
    /// not counted. This is the "Bacon number" histogram.
    ///
    /// One breadth-first search over the compact index, with a distance
    /// array and a bit per work allocated once: no hashing, no allocation
    /// per person.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let me = explorer.person("Park Seo-joon")?;
    /// let counts = explorer.distance_counts(me, &Filter::new());
    /// assert_eq!(counts[0], 1);
    /// let costars = explorer.co_appearances(me, &Filter::new()).len() as u64;
    /// assert_eq!(counts[1], costars);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn distance_counts(&self, person: PersonId, filter: &Filter) -> Vec<u64> {
        self.graph.index.distance_counts(person.0, filter)
    }

    /// The sizes of the connected components of the co-appearance graph,
    /// largest first. Only people with at least one credit the filter
    /// counts are in the graph; someone alone on their works is a component
    /// of one.
    ///
    /// Union-find over the works' casts, on two flat vectors.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let sizes = explorer.component_sizes(&Filter::new());
    /// let me = explorer.person("Park Seo-joon")?;
    /// let reach: u64 = explorer.distance_counts(me, &Filter::new()).iter().sum();
    /// assert!(sizes.iter().any(|&s| u64::from(s) == reach));
    /// assert!(sizes.windows(2).all(|w| w[0] >= w[1]));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn component_sizes(&self, filter: &Filter) -> Vec<u32> {
        self.graph.index.component_sizes(filter)
    }
}
