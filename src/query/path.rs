//! Shortest paths between two people, person → work → person, that explain
//! every hop.

use std::fmt;

use crate::algo;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::Graph;
use crate::id::{Entity, PersonId, WorkId};
use crate::query::costars::Credited;

/// One hop of a [`Path`]: two people and the work they share.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let (a, b) = (explorer.person("Park Seo-joon")?, explorer.person("Choi Woo-shik")?);
/// let path = explorer.shortest_path(a, b, &Filter::new()).unwrap();
/// let step = path.steps()[0];
/// assert_eq!((step.from, step.to), (a, b));
/// assert_eq!(explorer.get(step.work).title(), "Parasite");
/// assert_eq!(step.from_credit.describe(&explorer), "cast (cameo) as Min-hyuk");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Step {
    /// The person the hop starts from.
    pub from: PersonId,
    /// How `from` is credited on the work.
    pub from_credit: Credited,
    /// The shared work.
    pub work: WorkId,
    /// How `to` is credited on the work.
    pub to_credit: Credited,
    /// The person the hop arrives at.
    pub to: PersonId,
}

impl Step {
    /// The step of one hop the search found.
    pub(crate) fn of(g: &Graph, hop: &algo::Hop) -> Step {
        Step {
            from: g.pid(hop.from),
            from_credit: Credited::of(g, &hop.from_app),
            work: g.wid(hop.from_app.work),
            to_credit: Credited::of(g, &hop.to_app),
            to: g.pid(hop.to),
        }
    }
}

/// A shortest chain of co-appearances, created by
/// [`Explorer::shortest_path`].
///
/// It alternates person → work → person and never passes through a group
/// or an organisation. It prints one line per hop:
///
/// ```text
/// Park Seo-joon —cast (cameo) as director of a talk show in→ Gyopo Hairstyle (2021) ←cast (cameo) as photographer in— Choi Woo-shik
/// ```
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Path<'e> {
    #[cfg_attr(feature = "serde", serde(skip))]
    explorer: &'e Explorer,
    start: PersonId,
    steps: Vec<Step>,
}

impl<'e> Path<'e> {
    pub(crate) fn new(explorer: &'e Explorer, start: PersonId, steps: Vec<Step>) -> Path<'e> {
        Path {
            explorer,
            start,
            steps,
        }
    }

    /// The hops, in order.
    ///
    /// # Example
    ///
    /// ```
    /// # let explorer = hallyu::Explorer::bundled();
    /// # let song = explorer.person("Song Joong-ki")?;
    /// # let iu = explorer.person("IU")?;
    /// let path = explorer.shortest_path(song, iu, &hallyu::Filter::new()).unwrap();
    /// let first = &path.steps()[0];
    /// assert_eq!(first.from, song);
    /// assert_eq!(explorer.get(first.work).title(), "Men Are All Like That");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The number of hops (shared works); 0 when both ends are one person.
    ///
    /// # Example
    ///
    /// ```
    /// # let explorer = hallyu::Explorer::bundled();
    /// # let song = explorer.person("Song Joong-ki")?;
    /// # let iu = explorer.person("IU")?;
    /// let path = explorer.shortest_path(song, iu, &hallyu::Filter::new()).unwrap();
    /// assert_eq!(path.len(), 2);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether the path has no hop (it starts where it ends).
    ///
    /// # Example
    ///
    /// ```
    /// # let explorer = hallyu::Explorer::bundled();
    /// # let song = explorer.person("Song Joong-ki")?;
    /// # let iu = explorer.person("IU")?;
    /// let path = explorer.shortest_path(song, iu, &hallyu::Filter::new()).unwrap();
    /// assert!(!path.is_empty());
    /// let to_himself = explorer.shortest_path(song, song, &hallyu::Filter::new()).unwrap();
    /// assert!(to_himself.is_empty());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The people along the path, both ends included.
    ///
    /// # Example
    ///
    /// ```
    /// # let explorer = hallyu::Explorer::bundled();
    /// # let song = explorer.person("Song Joong-ki")?;
    /// # let iu = explorer.person("IU")?;
    /// let path = explorer.shortest_path(song, iu, &hallyu::Filter::new()).unwrap();
    /// let names: Vec<&str> = path.people().iter().map(|&p| explorer.get(p).name()).collect();
    /// assert_eq!(names, ["Song Joong-ki", "Kim Jong-kook", "IU"]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn people(&self) -> Vec<PersonId> {
        std::iter::once(self.start)
            .chain(self.steps.iter().map(|s| s.to))
            .collect()
    }

    /// The works along the path.
    ///
    /// # Example
    ///
    /// ```
    /// # let explorer = hallyu::Explorer::bundled();
    /// # let song = explorer.person("Song Joong-ki")?;
    /// # let iu = explorer.person("IU")?;
    /// let path = explorer.shortest_path(song, iu, &hallyu::Filter::new()).unwrap();
    /// let titles: Vec<&str> = path.works().iter().map(|&w| explorer.get(w).title()).collect();
    /// assert_eq!(titles, ["Men Are All Like That", "The Producers"]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn works(&self) -> Vec<WorkId> {
        self.steps.iter().map(|s| s.work).collect()
    }

    /// The first person.
    ///
    /// # Example
    ///
    /// ```
    /// # let explorer = hallyu::Explorer::bundled();
    /// # let song = explorer.person("Song Joong-ki")?;
    /// # let iu = explorer.person("IU")?;
    /// let path = explorer.shortest_path(song, iu, &hallyu::Filter::new()).unwrap();
    /// assert_eq!(path.start(), song);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn start(&self) -> PersonId {
        self.start
    }

    /// The last person.
    ///
    /// # Example
    ///
    /// ```
    /// # let explorer = hallyu::Explorer::bundled();
    /// # let song = explorer.person("Song Joong-ki")?;
    /// # let iu = explorer.person("IU")?;
    /// let path = explorer.shortest_path(song, iu, &hallyu::Filter::new()).unwrap();
    /// assert_eq!(path.end(), iu);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn end(&self) -> PersonId {
        self.steps.last().map_or(self.start, |s| s.to)
    }

    /// The explorer the path came from.
    ///
    /// # Example
    ///
    /// ```
    /// # let explorer = hallyu::Explorer::bundled();
    /// # let song = explorer.person("Song Joong-ki")?;
    /// # let iu = explorer.person("IU")?;
    /// let path = explorer.shortest_path(song, iu, &hallyu::Filter::new()).unwrap();
    /// assert!(std::ptr::eq(path.explorer(), &explorer));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn explorer(&self) -> &'e Explorer {
        self.explorer
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.explorer;
        if self.steps.is_empty() {
            return write!(f, "{}", e.display_name(self.start.into()));
        }
        // One line per step, with no newline after the last: `println!`
        // adds it.
        for (i, s) in self.steps.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "{} —{} in→ {} ←{} in— {}",
                e.display_name(s.from.into()),
                s.from_credit.describe(e),
                e.label(Entity::Work(s.work)),
                s.to_credit.describe(e),
                e.display_name(s.to.into())
            )?;
        }
        Ok(())
    }
}

impl Explorer {
    /// The shortest chain of shared works from `a` to `b`, or `None` when
    /// no chain exists under the filter.
    ///
    /// Found by bidirectional breadth-first search on the compact index
    /// (the smaller frontier is expanded first), touching only the people
    /// and works it reaches. Ties are broken deterministically by data
    /// order.
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
    /// let a = explorer.person("Park Seo-joon")?;
    /// let b = explorer.person("Choi Woo-shik")?;
    /// let path = explorer.shortest_path(a, b, &Filter::new()).expect("they share a work");
    /// assert_eq!(path.len(), 1);
    /// // One line per step, no newline after the last (no blank line
    /// // after `println!`).
    /// assert_eq!(path.to_string().lines().count(), 1);
    /// assert!(!path.to_string().ends_with('\n'));
    /// println!("{path}");
    ///
    /// let nobody = explorer.person("Tamar Herman")?; // named by the article, in no work
    /// assert!(explorer.shortest_path(a, nobody, &Filter::new()).is_none());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn shortest_path(&self, a: PersonId, b: PersonId, filter: &Filter) -> Option<Path<'_>> {
        self.check_all(&[a, b]);
        let g = &self.graph;
        let hops = algo::bidirectional(g, a.0, b.0, filter)?;
        let steps = hops.iter().map(|h| Step::of(g, h)).collect();
        Some(Path::new(self, a, steps))
    }
}
