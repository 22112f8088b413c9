//! [`Explorer::diameter`](crate::Explorer::diameter): the exact diameter and radius (iFUB), with a
//! longest shortest path.

use std::fmt;

use crate::algo::{Levels, levels, ones, shared_works};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::compact::Compact;
use crate::id::PersonId;
use crate::query::path::Path;

/// The exact diameter and radius of the main component, created by
/// [`Explorer::diameter`](crate::Explorer::diameter).
///
/// # Example
///
/// ```
/// use hallyu::query::Diameter;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let d: Diameter<'_> = explorer.diameter(&Filter::new());
/// assert_eq!((d.diameter(), d.radius()), (7, 4));
/// assert!(d.to_string().starts_with("diameter 7, radius 4 (8 searches over 149 people)"));
/// ```
#[derive(Clone, Debug)]
pub struct Diameter<'e> {
    diameter: usize,
    radius: usize,
    path: Option<Path<'e>>,
    centre: Option<PersonId>,
    searches: usize,
    component_size: usize,
}

impl<'e> Diameter<'e> {
    /// The greatest distance between two people of the component.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let d = explorer.diameter(&f);
    /// assert_eq!(d.diameter(), 7);
    /// let ranking = explorer.centre_ranking(&f);
    /// assert_eq!(d.diameter(), ranking.iter().map(|c| c.eccentricity).max().unwrap());
    /// ```
    pub fn diameter(&self) -> usize {
        self.diameter
    }

    /// The smallest eccentricity of a person of the component.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let d = explorer.diameter(&f);
    /// assert_eq!(d.radius(), 4);
    /// assert_eq!(explorer.distances(d.centre().unwrap(), &f).eccentricity(), d.radius());
    /// ```
    pub fn radius(&self) -> usize {
        self.radius
    }

    /// A shortest path between two people farthest apart (`None` when the
    /// graph has no people).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let d = explorer.diameter(&Filter::new());
    /// let path = d.path().unwrap();
    /// assert_eq!(path.len(), 7);
    /// let ends = (explorer.get(path.start()).name(), explorer.get(path.end()).name());
    /// assert_eq!(ends, ("Yong Jun-hyung", "Lee Jong-suk"));
    /// ```
    pub fn path(&self) -> Option<&Path<'e>> {
        self.path.as_ref()
    }

    /// A person whose eccentricity is the radius.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let d = explorer.diameter(&Filter::new());
    /// assert_eq!(explorer.get(d.centre().unwrap()).name(), "IU");
    /// ```
    pub fn centre(&self) -> Option<PersonId> {
        self.centre
    }

    /// The breadth-first searches it took.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let d = explorer.diameter(&Filter::new());
    /// assert_eq!(d.searches(), 8); // not one per person: 149
    /// ```
    pub fn searches(&self) -> usize {
        self.searches
    }

    /// The number of people of the main component.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let d = explorer.diameter(&Filter::new());
    /// assert_eq!(d.component_size(), 149); // the main component (here, everyone with a counted credit)
    /// ```
    pub fn component_size(&self) -> usize {
        self.component_size
    }
}

impl fmt::Display for Diameter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "diameter {}, radius {} ({} searches over {} people)",
            self.diameter, self.radius, self.searches, self.component_size
        )?;
        if let Some(p) = &self.path {
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl Explorer {
    /// The exact diameter and radius of the main component of the filter's
    /// graph, with a shortest path between two people farthest apart and a
    /// person at the centre.
    ///
    /// The bounding algorithm of Takes and Kosters ("Determining the
    /// diameter of small world networks", CIKM 2011; the family of iFUB):
    /// every search from a person tightens bounds on everyone's
    /// eccentricity, alternating between the person with the highest upper
    /// bound and the one with the lowest lower bound, until the bounds meet.
    /// Tens of searches on small-world graphs, not one per person
    /// ([`Diameter::searches`]).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let d = explorer.diameter(&f);
    /// let ranking = explorer.centre_ranking(&f);
    /// let eccentricities = ranking.iter().filter(|c| c.component_size == d.component_size());
    /// assert_eq!(d.diameter(), eccentricities.clone().map(|c| c.eccentricity).max().unwrap());
    /// assert_eq!(d.radius(), eccentricities.map(|c| c.eccentricity).min().unwrap());
    /// assert_eq!(d.path().unwrap().len(), d.diameter());
    /// ```
    pub fn diameter(&self, filter: &Filter) -> Diameter<'_> {
        let index = self.graph.index();
        let (shared, nodes) = shared_works(index, filter);
        let busiest = |people: &mut dyn Iterator<Item = u32>| {
            people.max_by_key(|&p| (shared[p as usize], std::cmp::Reverse(p)))
        };
        let mut out = Diameter {
            diameter: 0,
            radius: 0,
            path: None,
            centre: None,
            searches: 0,
            component_size: 0,
        };
        // Start from the person with the most shared works. Their component
        // is the main one when it holds more than half of the nodes (on
        // every set measured here); otherwise, or when no work is shared,
        // the components are labelled to find it.
        let Some(mut v) = busiest(&mut (0..index.people() as u32)) else {
            return out;
        };
        if nodes == 0 {
            return out;
        }
        let mut found = levels(index, v, filter);
        out.searches += 1;
        let mut open: Vec<u32> = ones(&found.reached).collect();
        if shared[v as usize] == 0 || 2 * open.len() <= nodes {
            let main = Compact::largest(index, filter).people;
            if main != open {
                v = busiest(&mut main.iter().copied()).expect("people");
                found = levels(index, v, filter);
                out.searches += 1;
                open = main;
            }
        }
        out.component_size = open.len();
        let mut lower = vec![0u32; index.people()];
        let mut upper = vec![u32::MAX; index.people()];
        let (mut dl, mut du) = (0u32, u32::MAX);
        let (mut rl, mut ru) = (0u32, u32::MAX);
        let mut ends = (v, v);
        let mut centre = v;
        let mut high = true;
        loop {
            let (ecc, far) = eccentricity(&found);
            let dist = &found.level;
            if ecc > dl {
                dl = ecc;
                ends = (v, far);
            }
            if ecc < ru {
                ru = ecc;
                centre = v;
            }
            for &w in &open {
                let (w, d) = (w as usize, dist[w as usize]);
                lower[w] = lower[w].max(d.max(ecc - d));
                upper[w] = upper[w].min(ecc + d);
            }
            open.retain(|&w| !(upper[w as usize] <= dl && lower[w as usize] >= ru));
            du = du.min(
                open.iter()
                    .map(|&w| upper[w as usize])
                    .max()
                    .unwrap_or(dl)
                    .max(dl),
            );
            rl = rl.max(
                open.iter()
                    .map(|&w| lower[w as usize])
                    .min()
                    .unwrap_or(ru)
                    .min(ru),
            );
            if (du <= dl && rl >= ru) || open.is_empty() {
                break;
            }
            // Alternate between the highest upper bound and the lowest
            // lower bound (ties: more shared works first, then by id).
            v = if high && du > dl || rl >= ru {
                *open
                    .iter()
                    .max_by_key(|&&w| {
                        let w = w as usize;
                        (upper[w], shared[w], w)
                    })
                    .expect("open")
            } else {
                *open
                    .iter()
                    .min_by_key(|&&w| {
                        let w = w as usize;
                        (lower[w], std::cmp::Reverse(shared[w]), w)
                    })
                    .expect("open")
            };
            high = !high;
            found = levels(index, v, filter);
            out.searches += 1;
        }
        out.diameter = dl as usize;
        out.radius = ru as usize;
        out.centre = Some(self.graph.pid(centre));
        let (a, b) = (self.graph.pid(ends.0), self.graph.pid(ends.1));
        out.path = self.shortest_path(a, b, filter);
        out
    }
}

/// The eccentricity of the source of a search (the largest distance it
/// reached) and a person that far away (the one with the highest id).
fn eccentricity(found: &Levels) -> (u32, u32) {
    let far = *found.last.last().expect("the source is reached");
    (found.counts.len() as u32 - 1, far)
}
