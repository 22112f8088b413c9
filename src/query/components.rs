//! Connected components of the co-appearance graph.

use std::fmt;

use crate::algo::{self, UNREACHED};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{PersonId, WorkId};
use crate::query::by_name;

/// One connected component: people linked by chains of shared works, and
/// the works that link them.
///
/// # Example
///
/// ```
/// use hallyu::model::WorkKind;
/// use hallyu::query::Component;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// // Music videos only: the smallest component is two people.
/// let components = explorer.components(&Filter::new().kinds([WorkKind::MusicVideo]));
/// let island: &Component = components.as_slice().last().unwrap();
/// assert_eq!(
///     island.people,
///     [explorer.person("Hini")?, explorer.person("Kim So-hyun")?]
/// );
/// assert_eq!(island.works.len(), 2); // "I Yah" and "Jeonseol Gateun Iyagi"
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Component {
    /// The people, in data order.
    pub people: Vec<PersonId>,
    /// The works counted by the filter on which someone of the component
    /// appears, in data order (sorting half a million works of an IMDb
    /// component by date would cost more than finding the components).
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
/// assert_eq!(largest.people.len(), 149);
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
    /// Each person's component, [`UNREACHED`] for people outside the node
    /// set.
    #[cfg_attr(feature = "serde", serde(skip))]
    of: Vec<u32>,
    left_out: usize,
}

impl<'e> Components<'e> {
    /// The largest component.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let components = explorer.components(&Filter::new());
    /// let largest = components.largest().unwrap();
    /// assert_eq!((largest.people.len(), largest.works.len()), (149, 97));
    /// ```
    pub fn largest(&self) -> Option<&Component> {
        self.list.first()
    }

    /// The component of a person, or `None` when the person is not a node
    /// of the filter's graph (no credit the filter counts).
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
    /// let components = explorer.components(&Filter::new());
    /// let of_iu = components.of(explorer.person("IU")?).unwrap();
    /// assert_eq!(of_iu.people.len(), 149);
    /// assert!(of_iu.people.contains(&explorer.person("Park Seo-joon")?));
    /// assert!(components.of(explorer.person("Tamar Herman")?).is_none()); // in no work
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(&self, person: PersonId) -> Option<&Component> {
        self.explorer.check(person.into());
        self.index_of(person).map(|i| &self.list[i])
    }

    /// The position of a person's component in [`Components::iter`], or
    /// `None` as for [`Components::of`].
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::WorkKind;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let components = explorer.components(&Filter::new());
    /// assert_eq!(components.index_of(explorer.person("IU")?), Some(0));
    /// let videos = explorer.components(&Filter::new().kinds([WorkKind::MusicVideo]));
    /// assert_eq!(videos.index_of(explorer.person("Kim So-hyun")?), Some(6)); // the last
    /// assert_eq!(components.index_of(explorer.person("Tamar Herman")?), None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn index_of(&self, person: PersonId) -> Option<usize> {
        self.explorer.check(person.into());
        match self.of.get(person.index()) {
            Some(&c) if c != UNREACHED => Some(c as usize),
            _ => None,
        }
    }

    /// How many people are in no component because they have no credit the
    /// filter counts (crew, or records kept only as unverified).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let components = explorer.components(&Filter::new());
    /// assert_eq!(components.left_out(), 17);
    /// let text = components.to_string();
    /// assert!(text.ends_with("17 people left out: no credit the filter counts\n"));
    /// ```
    pub fn left_out(&self) -> usize {
        self.left_out
    }

    /// The sizes of the components, largest first.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::WorkKind;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let components = explorer.components(&Filter::new());
    /// assert_eq!(components.sizes(), [149]);
    /// let videos = explorer.components(&Filter::new().kinds([WorkKind::MusicVideo]));
    /// assert_eq!(videos.sizes(), [61, 23, 14, 9, 4, 3, 2]);
    /// ```
    pub fn sizes(&self) -> Vec<usize> {
        self.list.iter().map(|c| c.people.len()).collect()
    }
}

crate::query::list_result!(
    Components,
    Component,
    list,
    "components, most people first, then most works, then by the name of their first person",
    "explorer.components(&hallyu::Filter::new())",
    "1"
);

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
            let n = c.people.len();
            writeln!(
                f,
                "{:>3}. {n} {}, {} work{}: {}",
                i + 1,
                if n == 1 { "person" } else { "people" },
                c.works.len(),
                if c.works.len() == 1 { "" } else { "s" },
                names.join(", ")
            )?;
        }
        if self.left_out > 0 {
            writeln!(
                f,
                "     {} left out: no credit the filter counts",
                match self.left_out {
                    1 => "1 person".to_string(),
                    n => format!("{n} people"),
                }
            )?;
        }
        Ok(())
    }
}

impl Explorer {
    /// The connected components of the co-appearance graph, largest first,
    /// each with its people and works.
    ///
    /// The nodes are the people with at least one credit the filter counts
    /// (one definition for every whole-graph measure); someone alone on
    /// their works is a component of one, and people with no counted credit
    /// (crew, records kept only as unverified) are in no component and
    /// counted by [`Components::left_out`]. A work is in the component of
    /// the people who appear on it.
    ///
    /// Union-find over the works' casts, then one counting pass: linear in
    /// the size of the graph, fast on an IMDb import.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let components = explorer.components(&Filter::new());
    /// let me = explorer.person("Park Seo-joon")?;
    /// assert_eq!(components.index_of(me), Some(0)); // in the largest
    /// let total: usize = components.iter().map(|c| c.people.len()).sum();
    /// assert_eq!(total + components.left_out(), explorer.people().len());
    /// let herman = explorer.person("Tamar Herman")?; // in no work
    /// assert!(components.of(herman).is_none());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn components(&self, filter: &Filter) -> Components<'_> {
        let index = self.graph.index();
        let (label, count) = algo::component_labels(index, filter);
        // Each component's people, in data order, written straight into
        // vectors of their exact sizes (no list of members grouped first:
        // at 10 million people, 80 MB less at the peak).
        let mut sizes = vec![0u32; count];
        for &l in label.iter().filter(|&&l| l != UNREACHED) {
            sizes[l as usize] += 1;
        }
        let mut list: Vec<Component> = sizes
            .iter()
            .map(|&n| Component {
                people: Vec::with_capacity(n as usize),
                works: Vec::new(),
            })
            .collect();
        drop(sizes);
        for (p, &l) in label.iter().enumerate().filter(|(_, l)| **l != UNREACHED) {
            list[l as usize].people.push(self.graph.pid(p as u32));
        }
        let members: usize = list.iter().map(|c| c.people.len()).sum();
        let left_out = label.len() - members;
        for w in self.works() {
            if let Some(app) = index.in_work(w.0, filter).next() {
                list[label[app.person as usize] as usize].works.push(w);
            }
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
        let of = label
            .into_iter()
            .map(|l| if l == UNREACHED { l } else { rank[l as usize] })
            .collect();
        let mut slots: Vec<Option<Component>> = list.into_iter().map(Some).collect();
        let list = order
            .iter()
            .map(|&old| slots[old].take().expect("each component once"))
            .collect();
        Components {
            explorer: self,
            list,
            of,
            left_out,
        }
    }
}
