//! Connected components of the co-appearance graph.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{PersonId, WorkId};
use crate::query::graph::{Bfs, by_name};

/// One connected component: people linked by chains of shared works, and
/// the works that link them.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Component {
    /// The people, by name.
    pub people: Vec<PersonId>,
    /// The works counted by the filter on which someone of the component
    /// appears, oldest first.
    pub works: Vec<WorkId>,
}

/// The connected components of the co-appearance graph, largest first,
/// created by [`Explorer::components`].
///
/// Prints one line per component: its size and its first names.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let components = explorer.components(&Filter::new());
/// let largest = components.largest().unwrap();
/// assert_eq!(largest.people.len(), 81);
/// assert!(largest.people.contains(&explorer.person("IU")?));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Components<'e> {
    #[cfg_attr(feature = "serde", serde(skip))]
    explorer: &'e Explorer,
    #[cfg_attr(feature = "serde", serde(rename = "components"))]
    list: Vec<Component>,
    #[cfg_attr(feature = "serde", serde(skip))]
    of: Vec<u32>,
}

impl<'e> Components<'e> {
    /// The components: most people first, then most works, then by the
    /// name of their first person.
    pub fn iter(&self) -> std::slice::Iter<'_, Component> {
        self.list.iter()
    }

    /// The components, as a slice.
    pub fn as_slice(&self) -> &[Component] {
        &self.list
    }

    /// The number of components (a person with no counted work is one).
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether the explorer has no person.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The largest component.
    pub fn largest(&self) -> Option<&Component> {
        self.list.first()
    }

    /// The component of a person.
    ///
    /// # Panics
    ///
    /// When the id is not one of the explorer's people.
    pub fn of(&self, person: PersonId) -> &Component {
        &self.list[self.of[person.index()] as usize]
    }

    /// The position of a person's component in [`Components::iter`].
    ///
    /// # Panics
    ///
    /// When the id is not one of the explorer's people.
    pub fn index_of(&self, person: PersonId) -> usize {
        self.of[person.index()] as usize
    }

    /// The explorer the components came from.
    pub fn explorer(&self) -> &'e Explorer {
        self.explorer
    }
}

impl<'a> IntoIterator for &'a Components<'_> {
    type Item = &'a Component;
    type IntoIter = std::slice::Iter<'a, Component>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl fmt::Display for Components<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.explorer;
        for (i, c) in self.list.iter().enumerate() {
            let mut names: Vec<std::borrow::Cow<'_, str>> = c
                .people
                .iter()
                .take(5)
                .map(|&p| e.display_name(p.into()))
                .collect();
            if c.people.len() > 5 {
                names.push("…".into());
            }
            writeln!(
                f,
                "{:>3}. {} people, {} works: {}",
                i + 1,
                c.people.len(),
                c.works.len(),
                names.join(", ")
            )?;
        }
        Ok(())
    }
}

impl Explorer {
    /// The connected components of the co-appearance graph, largest first,
    /// each with its people and works.
    ///
    /// Every person is in exactly one component; a person without a counted
    /// work is a component alone (as an isolated node in NetworkX's
    /// `connected_components` of [`Explorer::projection`]). A work is in the
    /// component of the people who appear on it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let components = explorer.components(&Filter::new());
    /// let me = explorer.person("Park Seo-joon")?;
    /// assert_eq!(components.index_of(me), 0); // in the largest
    /// let total: usize = components.iter().map(|c| c.people.len()).sum();
    /// assert_eq!(total, explorer.people().len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn components(&self, filter: &Filter) -> Components<'_> {
        const NONE: u32 = u32::MAX;
        let people = self.people().len();
        let mut label = vec![NONE; people];
        let mut bfs = Bfs::new(self, filter);
        let mut list: Vec<Component> = Vec::new();
        for p in 0..people as u32 {
            if label[p as usize] != NONE {
                continue;
            }
            bfs.run_all(p);
            let id = list.len() as u32;
            for &q in &bfs.order {
                label[q as usize] = id;
            }
            let mut members = bfs.order.clone();
            members.sort_by(|&x, &y| by_name(self, x, y));
            list.push(Component {
                people: members.into_iter().map(PersonId).collect(),
                works: Vec::new(),
            });
        }
        for w in self.works() {
            if let Some(app) = self.graph.index.in_work(w.0, filter).next() {
                list[label[app.person as usize] as usize].works.push(w);
            }
        }
        for c in &mut list {
            c.works.sort_by(|&x, &y| self.release_order(x, y));
        }
        // Sort, keeping the labels in step.
        let mut order: Vec<usize> = (0..list.len()).collect();
        order.sort_by(|&x, &y| {
            let (a, b) = (&list[x], &list[y]);
            b.people
                .len()
                .cmp(&a.people.len())
                .then(b.works.len().cmp(&a.works.len()))
                .then_with(|| by_name(self, a.people[0].0, b.people[0].0))
        });
        let mut rank = vec![0u32; list.len()];
        for (new, &old) in order.iter().enumerate() {
            rank[old] = new as u32;
        }
        for l in &mut label {
            *l = rank[*l as usize];
        }
        let mut slots: Vec<Option<Component>> = list.into_iter().map(Some).collect();
        let list = order
            .iter()
            .map(|&old| slots[old].take().expect("each component once"))
            .collect();
        Components {
            explorer: self,
            list,
            of: label,
        }
    }
}
